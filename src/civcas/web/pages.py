"""The HTML pages: login, the incident list, an incident, users (admins)."""
from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from .. import api
from ..records import GRADES, User
from . import auth

router = APIRouter(include_in_schema=False)
BULK_FIELDS = ("source", "place", "event_date", "perpetrator", "scope", "victims")


def undone_ids(judgements: Any) -> set[str]:
    """Ids of the judgements that an undo takes back (the latest undo decides)."""
    applying = {j.id for j in api.active_judgements(judgements)}
    return {j.id for j in judgements if j.kind != "undo" and j.id not in applying}
Viewer = Annotated[User, Depends(auth.viewer)]


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    user = auth.user_of(request)
    html = request.app.state.templates.get_template(template).render(
        user=user, csrf=auth.csrf_token(request), can_judge=api.can_judge(user),
        flash=auth.take_flash(request), **context)
    return HTMLResponse(html, status_code=status)


@router.get("/login")
def login_page(request: Request, next: str = "/incidents") -> HTMLResponse:
    return render(request, "login.html", next=auth.safe_next(next), error=None, name="")


@router.post("/login")
async def login(request: Request, name: Annotated[str, Form(max_length=100)],
                password: Annotated[str, Form(max_length=1000)],
                next: Annotated[str, Form(max_length=2000)] = "/incidents") -> Any:
    await auth.check_csrf(request)
    try:
        user = await auth.attempt(request, name, password)
    except api.TooManyLogins as exc:
        page = render(request, "login.html", status=429, next=auth.safe_next(next),
                      error=str(exc), name=name)
        page.headers["Retry-After"] = str(exc.seconds)
        return page
    if user is None:
        return render(request, "login.html", status=401, next=auth.safe_next(next),
                      error=str(api.LoginRequired("E616")), name=name)
    auth.login(request, user)
    return RedirectResponse(auth.safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(auth.same_session)])
def logout(request: Request) -> RedirectResponse:
    auth.logout(request)
    return RedirectResponse("/login", status_code=303)


@router.get("/incidents")
def incidents(request: Request, user: Viewer) -> HTMLResponse:
    desk = request.app.state.desk
    filters = api.incident_filters(request.query_params)
    page = desk.incidents(filters)

    def link(**changes: Any) -> str:
        return "/incidents?" + urlencode(filters.params(**changes))

    def sort_link(key: str) -> str:
        order = "asc" if filters.sort == key and filters.order == "desc" else "desc"
        return link(sort=key, order=order, page=1)

    query = urlencode({k: v for k, v in filters.params().items() if k not in ("page",
                                                                              "per_page")})
    return render(request, "incidents.html", page=page, f=filters, facets=desk.facets(),
                  grades=GRADES, sorts=api.SORTS, link=link, sort_link=sort_link,
                  queues=api.QUEUES, reviewed=desk.reviews().get, query=query,
                  confidence=desk.confidences().get)


@router.get("/incidents/{incident_id}")
def incident(request: Request, incident_id: str, user: Viewer) -> Any:
    desk = request.app.state.desk
    try:
        review = desk.incident(incident_id)
    except api.NotFound:
        moved = desk.locate(incident_id)
        if moved is None:
            raise
        auth.flash(request, f"Incident {incident_id} is now part of incident {moved}.", "info")
        return RedirectResponse(f"/incidents/{moved}", status_code=303)
    by_doc: dict[str, list] = {}
    for c in (*review.claims, *review.rejected):
        by_doc.setdefault(c.document_id, []).append(c)
    sentences: dict[tuple[str, int], list] = {}
    for c in review.claims:
        sentences.setdefault((c.document_id, c.sentence_start), []).append(c)
    return render(request, "incident.html", r=review, inc=review.incident,
                  sentences=[{"text": cs[0].sentence, "claims": cs}
                             for cs in sentences.values() if len(cs) >= 2],
                  bulk_fields=BULK_FIELDS, undone=undone_ids(review.judgements),
                  a=review.incident.assessment, by_doc=by_doc, grades=GRADES,
                  neighbours=desk.neighbours(review.incident),
                  seen=desk.reviewed(review.incident.id), flags=desk.flags(review.incident),
                  correctable=api.CORRECTABLE, choices=api.CHOICES,
                  low_confidence=desk.low_confidence)


@router.get("/claims/{claim_id}")
def claim(request: Request, claim_id: str, user: Viewer) -> RedirectResponse:
    desk = request.app.state.desk
    desk.claim(claim_id)  # NotFound -> 404
    home = desk.home(claim_id)
    if home is None:
        raise api.NotFound("E406", claim=claim_id[:100])
    return RedirectResponse(f"/incidents/{home}#claim-{claim_id}", status_code=303)


@router.get("/users")
def users(request: Request, user: Annotated[User, Depends(auth.admin)]) -> HTMLResponse:
    return render(request, "users.html", users=request.app.state.desk.users())
