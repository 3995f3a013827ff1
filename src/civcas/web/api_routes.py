"""The JSON API under ``/api``: the same data and actions as the pages.

Log in with ``POST /api/login`` (the session cookie comes back, and the CSRF
token to send as ``X-CSRF-Token`` with every write). ``GET
/api/incidents/{id}`` returns the incident's ``version`` (also as its ETag);
``POST /api/judgements`` must carry it (``version`` or ``If-Match``): a stale
one gets 409 and nothing is saved.
"""
from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from .. import api
from ..records import User
from . import auth, schemas
from .actions import correct_many, judge

router = APIRouter(prefix="/api", tags=["api"])
Viewer = Annotated[User, Depends(auth.viewer)]
Writer = Annotated[User, Depends(auth.writer)]
Admin = Annotated[User, Depends(auth.admin)]
Str = Annotated[str | None, Query(max_length=200)]
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "not logged in"},
    403: {"description": "not allowed, or no CSRF token"},
}


@router.post("/login", response_model=schemas.Me,
             responses={401: {"description": "wrong name or password"},
                        429: {"description": "too many failed logins for this name or from "
                                             "this address; see Retry-After"}})
async def login(request: Request, body: schemas.LoginIn) -> Any:
    """Log in: sets the session cookie; returns the CSRF token for writes."""
    try:
        user = await auth.attempt(request, body.name[:100], body.password[:1000])
    except api.TooManyLogins as exc:
        return JSONResponse({"detail": str(exc), "code": exc.code}, status_code=429,
                            headers={"Retry-After": str(exc.seconds)})
    if user is None:
        wrong = api.LoginRequired("E616")
        return JSONResponse({"detail": str(wrong), "code": wrong.code}, status_code=401)
    auth.login(request, user)
    return schemas.Me(name=user.name, role=user.role, csrf_token=auth.csrf_token(request))


@router.post("/logout", status_code=204, dependencies=[Depends(auth.same_session)])
def logout(request: Request) -> Response:
    auth.logout(request)
    return Response(status_code=204)


@router.get("/me", response_model=schemas.Me, responses=ERRORS)
def me(request: Request, user: Viewer) -> schemas.Me:
    return schemas.Me(name=user.name, role=user.role, csrf_token=auth.csrf_token(request))


@router.get("/incidents", response_model=schemas.IncidentList, responses=ERRORS)
def incidents(request: Request, user: Viewer, grade: Str = None, country: Str = None,
              admin1: Str = None, since: Str = None, until: Str = None,
              perpetrator: Str = None, q: Str = None, queue: Str = None, reviewed: Str = None,
              sort: Str = "date", order: Str = "desc",
              page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
              per_page: Annotated[int, Query(ge=1, le=500)] = 50) -> schemas.IncidentList:
    """Incidents, filtered (grade, country, admin1, since/until, perpetrator, q, a review
    queue, reviewed 1/0), sorted (date, killed, grade, place, claims, sources, reviewed,
    confidence; asc/desc) and paged."""
    filters = api.incident_filters(dict(grade=grade, country=country, admin1=admin1, since=since,
                              until=until, perpetrator=perpetrator, q=q, queue=queue,
                              reviewed=reviewed, sort=sort, order=order, page=page,
                              per_page=per_page))
    return schemas.incident_list(request.app.state.desk.incidents(filters))


@router.get("/incidents/{incident_id}", response_model=schemas.IncidentDetail,
            responses={**ERRORS, 404: {"description": "no such incident"}})
def incident(request: Request, incident_id: str, user: Viewer,
             response: Response) -> schemas.IncidentDetail:
    """One incident: assessment, claims side by side, rejected claims, judgements, audit."""
    review = request.app.state.desk.incident(incident_id)
    response.headers["ETag"] = f'"{review.version}"'
    return schemas.detail(review)


@router.get("/claims/{claim_id}", response_model=schemas.ClaimOut,
            responses={**ERRORS, 404: {"description": "no such claim"}})
def claim(request: Request, claim_id: str, user: Viewer) -> schemas.ClaimOut:
    """One claim, corrections applied, with the incident holding it now."""
    desk = request.app.state.desk
    c, doc, was = desk.claim(claim_id)
    return schemas.claim_out(c, {doc.id: doc} if doc else {}, desk.home(claim_id), was)


@router.get("/documents/{document_id}", response_model=schemas.DocumentOut,
            responses={**ERRORS, 404: {"description": "no such document"}})
def document(request: Request, document_id: str, user: Viewer) -> schemas.DocumentOut:
    """A document's current text (claim spans are offsets into it) and what is known of it."""
    return schemas.document_out(request.app.state.desk.document(document_id))


@router.get("/judgements", response_model=list[schemas.JudgementOut], responses=ERRORS)
def judgements(request: Request, user: Viewer,
               incident: Str = None) -> list[schemas.JudgementOut]:
    """Every judgement, oldest first; or those about one incident."""
    desk = request.app.state.desk
    items = desk.incident(incident).judgements if incident else desk.judgements()
    return [schemas.judgement_out(j) for j in items]


@router.get("/audit", response_model=list[schemas.AuditOut], responses=ERRORS)
def audit(request: Request, user: Viewer, incident: Str = None) -> list[schemas.AuditOut]:
    """Audit entries of the judgements about one incident (admins: without ``incident``,
    the whole audit log)."""
    desk = request.app.state.desk
    if incident:
        return [schemas.audit_out(e) for e in desk.incident(incident).audit]
    if user.role != "admin":
        raise api.Forbidden("E617")
    return [schemas.audit_out(e) for e in desk.audit_log()]


@router.post("/judgements", status_code=201, response_model=schemas.JudgementOut,
             responses={**ERRORS, 400: {"description": "the judgement cannot apply"},
                        404: {"description": "no such incident or claim"},
                        409: {"description": "the incident changed since `version`"}})
def add_judgement(request: Request, body: schemas.JudgementIn, user: Writer,
                  if_match: Annotated[str | None, Header(max_length=100)] = None
                  ) -> schemas.JudgementOut:
    """Record a reviewer's judgement on the incident at ``version``."""
    version = body.version or (if_match or "").strip().strip('"').removeprefix('W/"')
    if not version:
        raise api.JudgementError("E459")
    out = judge(request.app.state.desk, user, body.kind, body.incident, version,
                target=body.target, reason=body.reason, fields=body.fields,
                claims=body.claims, grade=body.grade)
    return schemas.judgement_out(out.judgement)


@router.post("/judgements/bulk", status_code=201, response_model=schemas.BulkCorrectionOut,
             responses={**ERRORS, 404: {"description": "no such incident or claim"},
                        409: {"description": "the incident changed since `version`"},
                        422: {"description": "a field, value, claim or the reason cannot "
                                             "apply; `field` names it; nothing was saved"}})
def bulk_correction(request: Request, body: schemas.BulkCorrectionIn, user: Writer,
                    if_match: Annotated[str | None, Header(max_length=100)] = None) -> Any:
    """Correct the same fields on several claims of one incident (a sentence's claims): one
    judgement per claim, all stored or none, under one version check; the rules of every
    judgement apply to each claim."""
    version = body.version or (if_match or "").strip().strip('"').removeprefix('W/"')
    try:
        if not version:
            raise api.JudgementError("E459")
        done, now = correct_many(request.app.state.desk, user, body.incident, version,
                                 list(body.claims), dict(body.fields), body.reason)
    except api.JudgementError as exc:
        return JSONResponse({"detail": str(exc), "code": exc.code, "field": _field_of(exc)},
                            status_code=422)
    return schemas.BulkCorrectionOut(incident=now,
                                     judgements=[schemas.judgement_out(j) for j in done])


_FIELD = re.compile(r"\bfield (\w+)")
_NAMED = {"E455": "reason", "E470": "low", "E459": "version", "E453": "claims"}


def _field_of(exc: api.JudgementError) -> str | None:
    """What a refused judgement is about: the field, ``reason``, or the claim."""
    named = exc.fields.get("field") or exc.fields.get("name")
    if named is None:
        found = _FIELD.search(exc.message)
        named = found.group(1) if found else _NAMED.get(exc.code) or exc.fields.get("claim")
    return str(named) if named is not None else None


@router.get("/users", response_model=list[schemas.UserOut], responses=ERRORS)
def users(request: Request, user: Admin) -> list[schemas.UserOut]:
    """Users and roles (admins only)."""
    return [schemas.user_out(u) for u in request.app.state.desk.users()]
