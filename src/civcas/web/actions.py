"""Review actions posted from the incident page (HTML forms), and the one function that
turns any action (form or JSON) into a checked judgement.

Each form carries the session's CSRF token and the incident's ``version`` as
the reviewer saw it; after the judgement the browser is sent (303) to the
incident that now holds the claims, with a message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from .. import api
from ..api import Desk
from ..records import Judgement, User
from . import auth

router = APIRouter(include_in_schema=False)
IDS = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class Outcome:
    judgement: Judgement
    incident: str | None  # where to look now
    message: str


def judge(desk: Desk, user: User, kind: str, incident_id: str, version: str, *,
          target: str | None = None, reason: str = "", fields: dict[str, Any] | None = None,
          claims: list[str] | None = None, grade: str | None = None) -> Outcome:
    """Record one reviewer action on ``incident_id`` (seen at ``version``): the form's or
    the JSON body's values become the kind's payload; the rules every door shares
    (:func:`civcas.api.check_judgement`) decide whether it may be stored."""
    given = [reason, target or "", grade or "", version, *(claims or ()),
             *(str(v) for v in (fields or {}).values()), *(fields or {})]
    if any("\x00" in str(x) for x in given):
        raise api.JudgementError("E452")
    row = api.KINDS.get(kind)
    if row is None:
        raise api.JudgementError("E456", kind=kind[:40])
    payload: dict[str, Any] = {}
    if row.target in ("claim", "judgement"):
        if not target:
            raise api.JudgementError("E453", kind=kind)
        if kind == "correct_claim":
            payload["fields"] = fields or {}
    elif kind == "merge":
        others = [i for i in dict.fromkeys(IDS.split(target or "")) if i and i != incident_id]
        if not others:
            raise api.JudgementError("E454")
        target = ",".join([incident_id, *others])
    else:
        target = incident_id
        if kind == "split":
            payload["claims"] = list(dict.fromkeys(claims or ()))
        if kind == "set_grade":
            payload["grade"] = grade
    payload, reason = api.check_judgement(kind, target, payload, reason)
    inc = desk.incident(incident_id).incident if kind != "merge" else None
    j = desk.judge(kind, target, user=user, incident_id=incident_id, version=version,
                   payload=payload, reason=reason)
    before = list(inc.claim_ids) if inc is not None else []
    if kind == "reject_claim":
        after = desk.follow([c for c in before if c != target])
        message = f"Claim {target} rejected."
    elif kind in ("accept_claim", "correct_claim"):
        after = desk.follow([target, *before])
        message = (f"Claim {target} accepted back." if kind == "accept_claim"
                   else f"Claim {target} corrected: " + ", ".join(
                       f"{k} = {v}" for k, v in (fields or {}).items()) + ".")
    elif kind == "merge":
        after = desk.locate(incident_id)
        message = f"Incidents {target.replace(',', ', ')} merged."
    elif kind == "undo":
        after = desk.follow(before) or desk.follow(list(payload.get("claims") or ()))
        message = f"Judgement {target} undone."
    elif kind == "split":
        after = desk.follow([c for c in before if c not in payload["claims"]])
        moved = desk.follow(payload["claims"])
        message = f"{len(payload['claims'])} claim(s) split off into incident {moved}."
    else:
        after = desk.follow(before)
        message = f"Grade set to {grade}."
    return Outcome(j, after, message)


Writer = Annotated[User, Depends(auth.writer)]
Text = Annotated[str, Form(max_length=2000)]


def _done(request: Request, out: Outcome) -> RedirectResponse:
    auth.flash(request, out.message)
    where = f"/incidents/{out.incident}" if out.incident else "/incidents"
    return RedirectResponse(where, status_code=303)


def _desk(request: Request) -> Desk:
    return request.app.state.desk


@router.post("/incidents/{incident_id}/reject")
def reject(request: Request, incident_id: str, user: Writer, claim: Text, version: Text,
           reason: Text = "") -> RedirectResponse:
    return _done(request, judge(_desk(request), user, "reject_claim", incident_id, version,
                                target=claim, reason=reason))


@router.post("/incidents/{incident_id}/accept")
def accept(request: Request, incident_id: str, user: Writer, claim: Text, version: Text,
           reason: Text = "") -> RedirectResponse:
    return _done(request, judge(_desk(request), user, "accept_claim", incident_id, version,
                                target=claim, reason=reason))


@router.post("/incidents/{incident_id}/correct")
async def correct(request: Request, incident_id: str, user: Writer) -> RedirectResponse:
    form = await request.form()
    values = {k: v.strip()[:5000] for k, v in form.items() if isinstance(v, str)}
    out = await run_in_threadpool(_correct, _desk(request), user, incident_id, values)
    return _done(request, out)


def _correct(desk: Desk, user: User, incident_id: str, values: dict[str, str]) -> Outcome:
    claim, version = values.get("claim", ""), values.get("version", "")
    if not claim or not version:
        raise api.JudgementError("E457")
    current, _, _ = desk.claim(claim)
    fields = {}
    for name in api.CORRECTABLE:
        if name in values:
            old = getattr(current, name)
            if values[name] != ("" if old is None else str(old)):
                fields[name] = values[name]
    if not fields:
        raise api.JudgementError("E458")
    return judge(desk, user, "correct_claim", incident_id, version, target=claim,
                 reason=values.get("reason", ""), fields=fields)


@router.post("/incidents/{incident_id}/merge")
def merge(request: Request, incident_id: str, user: Writer, version: Text,
          others: Annotated[list[str], Form()] = [],  # noqa: B006 - ticked and typed ids
          reason: Text = "") -> RedirectResponse:
    return _done(request, judge(_desk(request), user, "merge", incident_id, version,
                                target=" ".join(o[:2000] for o in others[:50]), reason=reason))


@router.post("/incidents/{incident_id}/split")
def split(request: Request, incident_id: str, user: Writer, version: Text,
          claims: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI reads it
          reason: Text = "") -> RedirectResponse:
    return _done(request, judge(_desk(request), user, "split", incident_id, version,
                                claims=claims, reason=reason))


@router.post("/incidents/{incident_id}/grade")
def grade(request: Request, incident_id: str, user: Writer, grade: Text, version: Text,
          reason: Text = "") -> RedirectResponse:
    return _done(request, judge(_desk(request), user, "set_grade", incident_id, version,
                                grade=grade, reason=reason))


@router.post("/incidents/{incident_id}/undo")
def undo(request: Request, incident_id: str, user: Writer, judgement: Text, version: Text,
         reason: Text = "") -> RedirectResponse:
    return _done(request, judge(_desk(request), user, "undo", incident_id, version,
                                target=judgement, reason=reason))


BULK_FIELDS = ("outcome", "victims", "qualifier", "source", "place", "event_date",
               "perpetrator", "scope")


@router.post("/incidents/{incident_id}/correct-sentence")
async def correct_sentence(request: Request, incident_id: str, user: Writer) -> RedirectResponse:
    """The same fields for every claim of one sentence (blank fields are left as they are)."""
    form = await request.form()
    claims = [c for c in form.getlist("claims") if isinstance(c, str) and c][:200]
    values = {k: v.strip()[:5000] for k, v in form.items() if isinstance(v, str)}
    out = await run_in_threadpool(_correct_sentence, _desk(request), user, incident_id,
                                  claims, values)
    return _done(request, out)


def _correct_sentence(desk: Desk, user: User, incident_id: str, claims: list[str],
                      values: dict[str, str]) -> Outcome:
    version = values.get("version", "")
    if not claims or not version:
        raise api.JudgementError("E457")
    fields = {name: values[name] for name in BULK_FIELDS if values.get(name)}
    done, after = correct_many(desk, user, incident_id, version, claims, fields,
                               values.get("reason", ""))
    message = (f"{len(done)} claims corrected: "
               + ", ".join(f"{k} = {v}" for k, v in fields.items()) + ".")
    return Outcome(done[0], after, message)


def correct_many(desk: Desk, user: User, incident_id: str, version: str, claims: list[str],
                 fields: dict[str, Any], reason: str) -> tuple[list[Judgement], str | None]:
    """The same ``fields`` corrected on each of ``claims`` of ``incident_id`` seen at
    ``version`` (a bulk correction, from the form or the JSON API): checked by the rules every
    door shares, then one judgement per claim, all stored or none. Returns the judgements and
    the incident that holds the claims now."""
    given = [reason, version, incident_id, *claims, *fields, *(str(v) for v in fields.values())]
    if any("\x00" in str(x) for x in given):
        raise api.JudgementError("E452")
    if not fields:
        raise api.JudgementError("E458")
    if not claims:
        raise api.JudgementError("E453", kind="correct_claim")
    payload, reason = api.check_judgement("correct_claim", claims[0], {"fields": fields},
                                          reason)
    inc = desk.incident(incident_id).incident
    done = desk.judge_many("correct_claim", claims, user=user, incident_id=incident_id,
                           version=version, payload=payload, reason=reason)
    return done, desk.follow([*claims, *inc.claim_ids])
