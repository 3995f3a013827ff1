"""Rows <-> records. Nothing outside :mod:`civcas.store` sees a row."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, astuple, fields
from typing import Any, cast

from sqlalchemy import Table

from ..records import (
    Assessment,
    Claim,
    DatePrecision,
    Document,
    Estimate,
    Grade,
    Incident,
    Judgement,
    JudgementKind,
    Outcome,
    Place,
    Qualifier,
    Scope,
    Stance,
    Tally,
    VictimGroup,
)
from ..vocab.arabic import language_of
from .models import (
    AssessmentRow,
    ClaimRow,
    DocumentRow,
    IncidentRow,
    JudgementRow,
    PlaceRow,
    TallyRow,
)


def place_key(place: Place) -> str:
    return hashlib.sha1(repr(astuple(place)).encode("utf-8")).hexdigest()


_PLACE_FIELDS = tuple(f.name for f in fields(Place))
_PLACE_COLUMNS = tuple(n for n in _PLACE_FIELDS if n in PlaceRow.__table__.columns)
if len(_PLACE_COLUMNS) < len(_PLACE_FIELDS):  # a field added to Place without a migration
    logging.getLogger(__name__).warning(
        "Place fields without a column in places (not stored): %s",
        ", ".join(sorted(set(_PLACE_FIELDS) - set(_PLACE_COLUMNS))))


def place_row(place: Place) -> PlaceRow:
    values = asdict(place)
    return PlaceRow(key=place_key(place), **{n: values[n] for n in _PLACE_COLUMNS})


def place_record(row: PlaceRow | None) -> Place | None:
    if row is None:
        return None
    return Place(**{n: getattr(row, n) for n in _PLACE_COLUMNS})


def document_record(row: DocumentRow) -> Document:
    return Document(
        id=row.doc_id, title=row.title, text=row.text, published=row.published,
        outlet=row.outlet, url=row.url, origin=row.origin, content_hash=row.content_hash,
        language=language_of(f"{row.title}\n{row.text}"),  # derived from the text: no column to keep
    )


def claim_id_for(document: Document, claim: Claim) -> str:
    """An id for a claim that came without one (the extractor normally sets it)."""
    fields = (document.content_hash, claim.span, claim.outcome, claim.victims, claim.low,
              claim.high, claim.qualifier, claim.source)
    return hashlib.sha1(repr(fields).encode("utf-8")).hexdigest()[:16]


def claim_row(claim: Claim, claim_id: str, document_pk: int,
              place_pk: int | None) -> dict[str, Any]:
    return dict(
        claim_id=claim_id, document_pk=document_pk, outcome=claim.outcome,
        victims=claim.victims, low=claim.low, high=claim.high, qualifier=claim.qualifier,
        text=claim.text, source=claim.source, place=claim.place, event_date=claim.event_date,
        perpetrator=claim.perpetrator, scope=claim.scope, span_start=claim.span[0],
        span_end=claim.span[1], sentence=claim.sentence, sentence_start=claim.sentence_start,
        place_pk=place_pk, confidence=_confidence(claim.confidence),
    )


def _confidence(value: float | None) -> float | None:
    """A confidence as stored: a float in [0, 1] (rounded to 4 places), else None (unknown)."""
    if value is None:
        return None
    value = float(value)
    return round(value, 4) if 0.0 <= value <= 1.0 else None


def claim_record(row: ClaimRow, document_id: str, geo: Place | None) -> Claim:
    return Claim(
        outcome=cast(Outcome, row.outcome), victims=cast(VictimGroup, row.victims), low=row.low,
        high=row.high, qualifier=cast(Qualifier, row.qualifier), text=row.text,
        source=row.source, place=row.place, event_date=row.event_date,
        perpetrator=row.perpetrator, scope=cast(Scope, row.scope),
        span=(row.span_start, row.span_end), sentence=row.sentence,
        sentence_start=row.sentence_start, id=row.claim_id, document_id=document_id, geo=geo,
        confidence=row.confidence,
    )


def assessment_row(incident_id: str, a: Assessment) -> dict[str, Any]:
    killed = next((e for e in a.estimates if e.outcome == "killed" and e.victims == "civilians"),
                  None)
    return dict(
        incident_id=incident_id, grade=a.grade, reasons=list(a.reasons),
        estimates=[{**asdict(e), "claim_ids": list(e.claim_ids)} for e in a.estimates],
        stances=[asdict(s) for s in a.stances], sources=list(a.sources),
        overridden_by=a.overridden_by,
        killed_low=killed.low if killed else None,
        killed_best=killed.best if killed else None,
        killed_high=killed.high if killed else None,
    )


def assessment_record(row: AssessmentRow | None) -> Assessment | None:
    if row is None:
        return None
    return Assessment(
        grade=cast(Grade, row.grade), reasons=tuple(row.reasons),
        estimates=tuple(Estimate(**{**e, "claim_ids": tuple(e["claim_ids"])})
                        for e in row.estimates),
        stances=tuple(Stance(**s) for s in row.stances), sources=tuple(row.sources),
        overridden_by=row.overridden_by,
    )


def incident_row(incident: Incident, place_pk: int | None, position: int) -> dict[str, Any]:
    return dict(
        id=incident.id, event_date=incident.event_date, date_precision=incident.date_precision,
        place_pk=place_pk, perpetrators=list(incident.perpetrators),
        document_ids=list(incident.document_ids), title=incident.title, position=position,
    )


def incident_record(row: IncidentRow, claim_ids: tuple[str, ...], place: Place | None,
                    assessment: Assessment | None) -> Incident:
    return Incident(
        id=row.id, claim_ids=claim_ids, event_date=row.event_date,
        date_precision=cast(DatePrecision, row.date_precision), place=place,
        perpetrators=tuple(row.perpetrators),
        document_ids=tuple(row.document_ids), title=row.title, assessment=assessment,
    )


def tally_row(t: Tally) -> dict[str, Any]:
    return asdict(t)


def tally_record(row: TallyRow) -> Tally:
    return Tally(
        asserter=row.asserter, belligerent=row.belligerent, victims=cast(VictimGroup, row.victims),
        outcome=cast(Outcome, row.outcome), low=row.low, high=row.high, as_of=row.as_of, period=row.period,
        claim_id=row.claim_id, document_id=row.document_id,
    )


def judgement_row(j: Judgement) -> JudgementRow:
    return JudgementRow(id=j.id, kind=j.kind, target=j.target, payload=dict(j.payload),
                        user=j.user, at=j.at, reason=j.reason)


def judgement_record(row: JudgementRow) -> Judgement:
    return Judgement(id=row.id, kind=cast(JudgementKind, row.kind), target=row.target,
                     payload={k: _tuple(row.payload[k]) for k in sorted(row.payload)},
                     user=row.user, at=row.at, reason=row.reason)


def place_of(places: dict[int, Place | None], pk: int | None) -> Place | None:
    """The place with primary key ``pk`` among ``places`` (None: no place)."""
    return places.get(pk) if pk is not None else None


def table_of(model: type[Any]) -> Table:
    """The Core table of an ORM model, for bulk inserts without ORM bookkeeping."""
    return cast(Table, model.__table__)


def _tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
