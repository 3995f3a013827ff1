"""The review desk's day's work: the review queue (the front page), exports of any filtered
list (CSV, JSON), the map of the filtered incidents, the audit log page.

Every list here takes the incident list's filters (``?grade=...&queue=...&reviewed=0``), so
what a reviewer sees is what they export or map.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .. import api
from ..records import Filters, Incident, User
from . import auth, schemas
from .pages import render

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(auth.viewer)]
Str = Annotated[str | None, Query(max_length=200)]
FIRST = 25  # incidents listed under "to review first"
AUDIT_PAGE = 100
VENDOR = ("leaflet.js", "leaflet.css")
CSV_COLUMNS = ("id", "date", "place", "admin1", "country", "lat", "lon", "perpetrators",
               "killed_low", "killed_best", "killed_high", "grade", "claims", "sources",
               "reviewed_by", "reviewed_at", "flags", "lowest_confidence")


def _filters(request: Request) -> Filters:
    return api.incident_filters(request.query_params)


@router.get("/")
def queue(request: Request, user: Viewer) -> HTMLResponse:
    """The front page: the review queues with their counts, and what to review first."""
    desk = request.app.state.desk
    first = desk.incidents(Filters(queue="unreviewed", sort="killed", per_page=FIRST))
    unsure = desk.incidents(Filters(queue="low_confidence", reviewed=False, sort="confidence",
                                    order="asc", per_page=FIRST))
    return render(request, "queue.html", queues=api.QUEUES, counts=desk.queues(),
                  first=first, unsure=unsure, threshold=desk.low_confidence,
                  confidence=desk.confidences().get, reviewed=desk.reviews().get)


def summary_row(desk: Any, inc: Incident, reviews: Any) -> dict[str, Any]:
    """One incident of an exported list (CSV and JSON share it)."""
    e = api.estimate(inc, "killed")
    p, a = inc.place, inc.assessment
    seen = reviews.get(inc.id)
    return {
        "id": inc.id, "date": inc.event_date, "place": p.name if p else None,
        "admin1": p.admin1 if p else None, "country": p.country if p else None,
        "lat": p.lat if p else None, "lon": p.lon if p else None,
        "perpetrators": " / ".join(inc.perpetrators),
        "killed_low": e.low if e else None, "killed_best": e.best if e else None,
        "killed_high": e.high if e else None, "grade": a.grade if a else None,
        "claims": len(inc.claim_ids), "sources": len(a.sources) if a else 0,
        "reviewed_by": seen[0] if seen else None,
        "reviewed_at": seen[1].isoformat(timespec="seconds") if seen else None,
        "flags": "; ".join(desk.flags(inc)),
        "lowest_confidence": desk.confidences().get(inc.id),
    }


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return api.neutralise(value)
    return value


@router.get("/incidents.csv")
def incidents_csv(request: Request, user: Viewer) -> Response:
    """The filtered, sorted list (every page) as CSV; text cells cannot start a formula."""
    desk = request.app.state.desk
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    reviews = desk.reviews()
    for inc in desk.selected(_filters(request)):
        row = summary_row(desk, inc, reviews)
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return Response(buf.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="incidents.csv"'})


@router.get("/incidents.json")
def incidents_json(request: Request, user: Viewer) -> JSONResponse:
    """The filtered, sorted list (every page) as a JSON array."""
    desk = request.app.state.desk
    reviews = desk.reviews()
    return JSONResponse([summary_row(desk, i, reviews) for i in desk.selected(_filters(request))],
                        headers={"Content-Disposition": 'attachment; filename="incidents.json"'})


@router.get("/map")
def map_page(request: Request, user: Viewer) -> HTMLResponse:
    """The filtered incidents on the report's offline map (no tile server, no CDN)."""
    filters = _filters(request)
    query = urlencode({k: v for k, v in filters.params().items()
                       if k not in ("page", "per_page")})
    return render(request, "map.html", f=filters, query=query,
                  total=len(request.app.state.desk.selected(filters)))


@router.get("/map.json")
def map_json(request: Request, user: Viewer) -> JSONResponse:
    """What the map draws: the located incidents that pass the filters, and the outlines."""
    desk = request.app.state.desk
    points = []
    for inc in desk.selected(_filters(request)):
        p = inc.place
        if p is None or p.lat is None or p.lon is None:
            continue
        e = api.estimate(inc, "killed")
        points.append({"id": inc.id, "lat": p.lat, "lon": p.lon, "t": inc.title,
                       "d": inc.event_date, "g": inc.assessment.grade if inc.assessment else "",
                       "b": (e.best if e.best is not None else e.low or 0) if e else 0,
                       "r": api.format_range(e.low, e.high) if e else "unknown"})
    return JSONResponse({"points": points, "colours": api.GRADE_COLOURS,
                         "outlines": api.map_outlines(points)})


@router.get("/vendor/{name}")
def vendor(name: str, user: Viewer) -> Response:
    """Leaflet, shipped with the report (the same files, served from here)."""
    if name not in VENDOR:
        raise api.NotFound("E404", document=name[:40])
    data = (resources.files("civcas.report") / "vendor" / "dist" / name).read_bytes()
    kind = "text/javascript" if name.endswith(".js") else "text/css"
    return Response(data, media_type=kind, headers={"Cache-Control": "max-age=86400"})


@router.get("/grades.css")
def grades_css() -> Response:
    """The grade palette as CSS (the report's and the map's colours, one palette)."""
    lines = [":root {" + " ".join(f"--{g}: {c};" for g, c in api.GRADE_COLOURS.items() if g)
             + "}"]
    lines += [f".grade-{g} {{ background: var(--{g}); }}" for g in api.GRADE_COLOURS if g]
    return Response("\n".join(lines) + "\n", media_type="text/css",
                    headers={"Cache-Control": "max-age=3600"})


def _audit_entries(desk: Any, action: str | None, user: str | None, target: str | None,
                   since: str | None, until: str | None) -> list[dict[str, Any]]:
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise api.ConfigError("E153", name=name, value=value) from None
    out = []
    for e in reversed(desk.audit_log()):
        at: datetime = e["at"]
        if action and not (e["action"] or "").startswith(action):
            continue
        if user and (e["user"] or "") != user:
            continue
        if target and target not in (e["target"] or ""):
            continue
        if since and at.date().isoformat() < since:
            continue
        if until and at.date().isoformat() > until:
            continue
        out.append(e)
    return out


@router.get("/audit")
def audit_page(request: Request, user: Viewer, action: Str = None, who: Str = None,
               target: Str = None, since: Str = None, until: Str = None,
               page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    """Every entry of the ledger's audit log, newest first, filtered (admins and reviewers)."""
    if user.role == "viewer":
        raise api.Forbidden("E615", name=user.name, role=user.role,
                            who="reviewers and admins may read the audit log")
    entries = _audit_entries(request.app.state.desk, action, who, target, since, until)
    pages = max(1, -(-len(entries) // AUDIT_PAGE))
    shown = entries[(page - 1) * AUDIT_PAGE:page * AUDIT_PAGE]
    given = {k: v for k, v in dict(action=action, who=who, target=target, since=since,
                                   until=until).items() if v}
    actions = sorted({e["action"].split(":")[0] + (":" if ":" in e["action"] else "")
                      for e in request.app.state.desk.audit_log()})
    return render(request, "audit.html", entries=shown, total=len(entries), page=page,
                  pages=pages, given=given, actions=actions,
                  link=lambda n: "/audit?" + urlencode({**given, "page": n}),
                  detail=lambda d: json.dumps(d, ensure_ascii=False, default=str)[:300])


@router.get("/api/audit/all", response_model=list[schemas.AuditOut], include_in_schema=True)
def audit_api(request: Request, user: Viewer, action: Str = None, who: Str = None,
              target: Str = None, since: Str = None, until: Str = None) -> list[Any]:
    """The audit log, newest first, filtered as the audit page (reviewers and admins)."""
    if user.role == "viewer":
        raise api.Forbidden("E615", name=user.name, role=user.role,
                            who="reviewers and admins may read the audit log")
    return [schemas.audit_out(e) for e in _audit_entries(request.app.state.desk, action, who,
                                                         target, since, until)]
