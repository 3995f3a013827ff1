"""Rows <-> records. Nothing outside :mod:`civcas.store` sees a row.

A row here is anything with the columns as attributes: an ORM object of :mod:`.models`, a
Core row or a named tuple of :mod:`.reading` (this module loads no SQLAlchemy)."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any, cast

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

if TYPE_CHECKING:
    from sqlalchemy import Table

# A place is a gazetteer entry (one ``places`` row, shared by every claim, document focus
# and incident placed there) plus how one text used it: the mention as written, the
# precision it stands for there, the geocoder's confidence and any fallback note (columns
# beside the reference: ``claims.geo_*``, ``documents.focus_*``, ``incidents.place_*``).
ENTRY_FIELDS = ("name", "lat", "lon", "country", "admin1", "admin2", "geonames_id", "feature",
                "origin")
USE_FIELDS = ("precision", "confidence", "mention", "note")
_PLACE_FIELDS = tuple(f.name for f in fields(Place))
if set(_PLACE_FIELDS) != set(ENTRY_FIELDS) | set(USE_FIELDS):  # a field added without a migration
    logging.getLogger(__name__).warning(
        "Place fields without a column (not stored): %s",
        ", ".join(sorted(set(_PLACE_FIELDS) - set(ENTRY_FIELDS) - set(USE_FIELDS))))

Entry = tuple  # a place's ENTRY_FIELDS values, in that order


def entry_of(place: Place) -> Entry:
    return tuple(getattr(place, n) for n in ENTRY_FIELDS)


def place_key(place: Place) -> str:
    """The key of the gazetteer entry ``place`` is (its mention, precision, confidence and
    note are not part of it: one row per entry however many texts name it)."""
    return entry_key(entry_of(place))


def entry_key(entry: Entry) -> str:
    return hashlib.sha1(repr(tuple(entry)).encode("utf-8")).hexdigest()


def place_values(place: Place) -> dict[str, Any]:
    """The ``places`` row of ``place``'s entry (without its pk)."""
    return {"key": place_key(place), **dict(zip(ENTRY_FIELDS, entry_of(place)))}


def entry_row(row: Any) -> Entry:
    return tuple(getattr(row, n) for n in ENTRY_FIELDS)


def use_values(place: Place | None, prefix: str) -> dict[str, Any]:
    """How a text used ``place``, as the columns ``{prefix}_precision`` etc. of its row."""
    return {f"{prefix}_{n}": (getattr(place, n) if place is not None else None)
            for n in USE_FIELDS}


def place_at(entries: dict[int, Entry], pk: int | None, row: Any, prefix: str) -> Place | None:
    """The place a row (claim, document, incident) points to: the entry with primary key
    ``pk`` among ``entries``, as the row used it (columns ``{prefix}_*``)."""
    if pk is None or (entry := entries.get(pk)) is None:
        return None
    return Place(**dict(zip(ENTRY_FIELDS, entry)),
                 precision=getattr(row, f"{prefix}_precision") or "village",
                 confidence=getattr(row, f"{prefix}_confidence") or 0.0,
                 mention=getattr(row, f"{prefix}_mention"),
                 note=getattr(row, f"{prefix}_note"))


def entries_of(rows: Any) -> dict[int, Entry]:
    """pk -> entry of these ``places`` rows."""
    return {r.pk: entry_row(r) for r in rows}


def joined_place(place: Any, row: Any, prefix: str) -> Place | None:
    """The place of a row read joined with its ``places`` row (None: no place)."""
    return None if place is None else place_at({place.pk: entry_row(place)}, place.pk, row, prefix)


def document_record(row: Any) -> Document:
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
    return dict(**use_values(claim.geo if place_pk is not None else None, "geo"),
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


def claim_record(row: Any, document_id: str, geo: Place | None) -> Claim:
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


def assessment_record(row: Any) -> Assessment | None:
    """``row``: an ``assessments`` row (ORM object or row of columns), or None."""
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
    return dict(**use_values(incident.place if place_pk is not None else None, "place"),
        id=incident.id, event_date=incident.event_date, date_precision=incident.date_precision,
        place_pk=place_pk, perpetrators=list(incident.perpetrators),
        document_ids=list(incident.document_ids), title=incident.title, position=position,
    )


def incident_record(row: Any, claim_ids: tuple[str, ...], place: Place | None,
                    assessment: Assessment | None) -> Incident:
    return Incident(
        id=row.id, claim_ids=claim_ids, event_date=row.event_date,
        date_precision=cast(DatePrecision, row.date_precision), place=place,
        perpetrators=tuple(row.perpetrators),
        document_ids=tuple(row.document_ids), title=row.title, assessment=assessment,
    )


def tally_row(t: Tally) -> dict[str, Any]:
    return asdict(t)


def tally_record(row: Any) -> Tally:
    return Tally(
        asserter=row.asserter, belligerent=row.belligerent, victims=cast(VictimGroup, row.victims),
        outcome=cast(Outcome, row.outcome), low=row.low, high=row.high, as_of=row.as_of, period=row.period,
        claim_id=row.claim_id, document_id=row.document_id,
    )


def judgement_row(j: Judgement) -> dict[str, Any]:
    return dict(id=j.id, kind=j.kind, target=j.target, payload=dict(j.payload), user=j.user,
                at=j.at, reason=j.reason)


def judgement_record(row: Any) -> Judgement:
    return Judgement(id=row.id, kind=cast(JudgementKind, row.kind), target=row.target,
                     payload={k: _tuple(row.payload[k]) for k in sorted(row.payload)},
                     user=row.user, at=row.at, reason=row.reason)


def table_of(model: type[Any]) -> Table:
    """The Core table of an ORM model, for bulk inserts without ORM bookkeeping."""
    return cast("Table", model.__table__)


def _tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
