"""The JSON API's shapes (pydantic models, so /openapi.json documents them) and the
functions that turn records into them."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from ..api import estimate
from ..records import (
    Claim,
    Document,
    Estimate,
    Incident,
    IncidentReview,
    Judgement,
    Page,
    Place,
    User,
)


class PlaceOut(BaseModel):
    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None


class EstimateOut(BaseModel):
    outcome: str
    victims: str
    low: int | None
    best: int | None
    high: int | None
    rule: str
    claims: list[str]


class IncidentSummary(BaseModel):
    id: str
    title: str
    date: str | None = Field(description="ISO date or start/end interval")
    date_precision: str
    place: PlaceOut | None
    perpetrators: list[str]
    grade: str | None
    killed: EstimateOut | None = Field(description="civilians (else people) killed: low/best/high")
    claims: int
    sources: int


class IncidentList(BaseModel):
    total: int = Field(description="incidents that pass the filters")
    all: int = Field(description="incidents in the ledger")
    page: int
    pages: int
    per_page: int
    incidents: list[IncidentSummary]


class ClaimOut(BaseModel):
    id: str
    document: str
    document_title: str | None = None
    outcome: str
    victims: str
    low: int | None
    high: int | None
    qualifier: str
    text: str
    source: str
    place: str | None
    event_date: str | None
    perpetrator: str | None
    scope: str
    span: list[int] = Field(description="[start, end) of the figure in the document text")
    sentence: str
    sentence_start: int
    incident: str | None = Field(None, description="the incident holding it now")
    corrected: dict[str, Any] = Field(default_factory=dict,
                                      description="field -> value before reviewers' corrections")
    confidence: float | None = Field(None, description="the extractor's calibrated confidence "
                                                        "(0-1; null: unknown)")


class DocumentOut(BaseModel):
    id: str
    title: str
    text: str = Field(description="the cleaned body: claim spans are offsets into it")
    published: str | None
    outlet: str | None
    url: str | None


class JudgementOut(BaseModel):
    id: str
    kind: str
    target: str
    payload: dict[str, Any]
    user: str
    at: datetime
    reason: str


class AuditOut(BaseModel):
    at: datetime
    action: str
    target: str
    user: str
    detail: dict[str, Any]


class IncidentDetail(IncidentSummary):
    version: str = Field(description="send back as `version` (or If-Match) when judging")
    reasons: list[str]
    overridden_by: str | None
    estimates: list[EstimateOut]
    stances: list[dict[str, Any]]
    source_names: list[str]
    claim_list: list[ClaimOut]
    rejected: list[ClaimOut]
    judgements: list[JudgementOut]
    audit: list[AuditOut]


class JudgementIn(BaseModel):
    kind: str = Field(description="reject_claim, accept_claim, correct_claim, merge, split "
                                  "or set_grade")
    incident: str = Field(description="the incident you looked at")
    version: str | None = Field(None, description="its version as you saw it (or If-Match)")
    target: str | None = Field(None, description="claim id (claim judgements); other incident "
                                                 "ids, comma-separated (merge); else unused")
    reason: str = ""
    fields: dict[str, Any] | None = Field(None, description="correct_claim: field -> value")
    claims: list[str] | None = Field(None, description="split: the claims to move out")
    grade: str | None = Field(None, description="set_grade: the grade")


class BulkCorrectionIn(BaseModel):
    incident: str = Field(description="the incident you looked at")
    version: str | None = Field(None, description="its version as you saw it (or If-Match)")
    claims: list[str] = Field(max_length=200, description="claims of that incident to correct "
                                                          "(a sentence's claims)")
    fields: dict[str, Any] = Field(description="field -> value, the same for every claim")
    reason: str = ""


class BulkCorrectionOut(BaseModel):
    incident: str | None = Field(description="the incident holding the claims now")
    judgements: list[JudgementOut]


class LoginIn(BaseModel):
    name: str
    password: str


class Me(BaseModel):
    name: str
    role: str
    csrf_token: str


class UserOut(BaseModel):
    name: str
    role: str
    created_at: datetime | None


def place(p: Place | None) -> PlaceOut | None:
    if p is None:
        return None
    return PlaceOut(name=p.name, admin1=p.admin1, admin2=p.admin2, country=p.country, lat=p.lat,
                    lon=p.lon, precision=p.precision)


def estimate_out(e: Estimate | None) -> EstimateOut | None:
    if e is None:
        return None
    return EstimateOut(outcome=e.outcome, victims=e.victims, low=e.low, best=e.best,
                       high=e.high, rule=e.rule, claims=list(e.claim_ids))


def summary(inc: Incident) -> dict[str, Any]:
    a = inc.assessment
    return dict(id=inc.id, title=inc.title, date=inc.event_date,
                date_precision=inc.date_precision, place=place(inc.place),
                perpetrators=list(inc.perpetrators), grade=a.grade if a else None,
                killed=estimate_out(estimate(inc, "killed")), claims=len(inc.claim_ids),
                sources=len(a.sources) if a else 0)


def incident_list(page: Page) -> IncidentList:
    return IncidentList(total=page.total, all=page.all, page=page.page, pages=page.pages,
                        per_page=page.filters.per_page,
                        incidents=[IncidentSummary(**summary(i)) for i in page.incidents])


def claim_out(c: Claim, docs: dict[str, Document], home: str | None = None,
              corrected: dict[str, Any] | None = None) -> ClaimOut:
    d = docs.get(c.document_id)
    return ClaimOut(id=c.id, document=c.document_id, document_title=d.title if d else None,
                    outcome=c.outcome, victims=c.victims, low=c.low, high=c.high,
                    qualifier=c.qualifier, text=c.text, source=c.source, place=c.place,
                    event_date=c.event_date, perpetrator=c.perpetrator, scope=c.scope,
                    span=list(c.span), sentence=c.sentence, sentence_start=c.sentence_start,
                    incident=home, corrected=corrected or {}, confidence=c.confidence)


def document_out(d: Document) -> DocumentOut:
    return DocumentOut(id=d.id, title=d.title, text=d.text, outlet=d.outlet, url=d.url,
                       published=d.published.isoformat() if d.published else None)


def judgement_out(j: Judgement) -> JudgementOut:
    return JudgementOut(id=j.id, kind=j.kind, target=j.target,
                        payload={k: list(v) if isinstance(v, tuple) else v for k, v in j.payload.items()},
                        user=j.user, at=j.at, reason=j.reason)


def audit_out(entry: dict[str, Any]) -> AuditOut:
    return AuditOut(at=entry["at"], action=entry["action"], target=entry["target"] or "",
                    user=entry["user"] or "", detail=entry["detail"] or {})


def detail(r: IncidentReview) -> IncidentDetail:
    inc, a = r.incident, r.incident.assessment
    return IncidentDetail(
        **summary(inc), version=r.version,
        reasons=list(a.reasons) if a else [], overridden_by=a.overridden_by if a else None,
        estimates=[estimate_out(e) for e in a.estimates] if a else [],
        stances=[{"belligerent": s.belligerent, "stance": s.stance, "claim": s.claim_id}
                 for s in a.stances] if a else [],
        source_names=list(a.sources) if a else [],
        claim_list=[claim_out(c, r.documents, inc.id, r.corrected.get(c.id)) for c in r.claims],
        rejected=[claim_out(c, r.documents, None, r.corrected.get(c.id)) for c in r.rejected],
        judgements=[judgement_out(j) for j in r.judgements],
        audit=[audit_out(e) for e in r.audit])


def user_out(u: User) -> UserOut:
    return UserOut(name=u.name, role=u.role, created_at=u.created_at)
