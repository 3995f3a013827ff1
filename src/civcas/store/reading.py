"""Reading the ledger on SQLAlchemy Core alone: incidents, their claims and documents,
tallies, judgements, what is pending.

:class:`Reading` is a mixin of :class:`civcas.store.Ledger` (its reads run in the ledger's
session, inside :meth:`~civcas.store.Ledger.locked` transactions too) and of :class:`Reader`,
which opens a ledger for reading only and loads no ORM: ``civcas show`` and ``civcas
incidents`` start without SQLAlchemy's ORM and the mapped classes (decisions §15.7).
Only :mod:`.tables` (Core) is used here, never :mod:`.models`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import and_, func, or_, select

from ..errors import NotFound
from ..records import Claim, Document, Incident, Judgement, Place, Tally
from ..vocab import names
from . import convert
from . import engine as _engine
from .tables import assessments, claims, documents, incident_claims, incidents, judgements, places, tallies

CHUNK = 500
_ENTRY = tuple(places.c[n] for n in convert.ENTRY_FIELDS)  # a place's entry, in that order


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def tally_order(t: Tally) -> tuple:
    """The order tallies are listed in (total: the same whether resolved in full or in parts)."""
    return (names.fold(t.asserter), t.belligerent or "", t.victims, t.outcome, t.as_of or "",
            t.low is None, t.low or 0, t.high is None, t.high or 0, t.claim_id)


class Reading:
    """Needs ``_session()``: a context manager giving something that executes Core statements
    (an ORM session in :class:`~civcas.store.Ledger`, a connection in :class:`Reader`)."""

    def _session(self) -> Any:  # pragma: no cover - provided by Ledger and Reader
        raise NotImplementedError

    # ------------------------------------------------------------ incidents

    def incidents(self) -> list[Incident]:
        with self._session() as s:
            return self._incidents(s, select(incidents).order_by(incidents.c.position))

    def incidents_where(self, since: str | None = None, until: str | None = None,
                        grade: str | None = None) -> list[Incident]:
        """The incidents that may pass these filters (a superset, read by SQL and the
        indexes, not the whole ledger: the caller filters exactly), in ledger order."""
        q = select(incidents).order_by(incidents.c.position)
        d = incidents.c.event_date
        if since is not None:  # its last day on or after since: a date, or the end of a range
            q = q.where(or_(d >= since, and_(d.like("%/%"), func.substr(d, 12, 10) >= since)))
        if until is not None:  # its first day on or before until
            q = q.where(func.substr(d, 1, 10) <= until)
        if grade is not None:
            q = q.where(incidents.c.id.in_(select(assessments.c.incident_id)
                                           .where(assessments.c.grade == grade)))
        with self._session() as s:
            return self._incidents(s, q)

    def incident_count(self) -> int:
        with self._session() as s:
            return int(s.scalar(select(func.count()).select_from(incidents)) or 0)

    def incident(self, incident_id: str) -> Incident:
        with self._session() as s:
            found = self._incidents(s, select(incidents).where(incidents.c.id == incident_id))
        if not found:
            raise NotFound("E402", incident=incident_id[:100])
        return found[0]

    @staticmethod
    def _incidents(s: Any, query: Any) -> list[Incident]:
        # rows of columns, not ORM objects (a tenth of a millisecond each, 600,000 of them to
        # list 100,000 incidents): the records are built from the values
        rows = list(s.execute(query))
        ids = [r.id for r in rows]
        members: dict[str, list[tuple[int, str]]] = defaultdict(list)
        assessed: dict[str, Any] = {}
        m = incident_claims.c
        for chunk in chunks(ids):
            for incident_id, position, claim_id in s.execute(
                    select(m.incident_id, m.position, m.claim_id)
                    .where(m.incident_id.in_(chunk))):
                members[incident_id].append((position, claim_id))
            for a in s.execute(select(assessments).where(assessments.c.incident_id.in_(chunk))):
                assessed[a.incident_id] = a
        entries = _entries(s, {r.place_pk for r in rows if r.place_pk is not None})
        return [convert.incident_record(
                    r, tuple(c for _, c in sorted(members[r.id])),
                    convert.place_at(entries, r.place_pk, r, "place"),
                    convert.assessment_record(assessed.get(r.id)))
                for r in rows]

    def tallies(self) -> list[Tally]:
        with self._session() as s:
            return sorted((convert.tally_record(r) for r in s.execute(select(tallies))),
                          key=tally_order)

    # ------------------------------------------------------------ claims and documents

    def claims_of(self, claim_ids: Iterable[str]) -> list[Claim]:
        """The current claims with these ids, in ingestion order (as extracted)."""
        ids = sorted(set(claim_ids))
        with self._session() as s:
            rows: list[Any] = []
            for chunk in chunks(ids):
                rows.extend(s.execute(
                    select(claims, documents.c.doc_id)
                    .join(documents, documents.c.pk == claims.c.document_pk)
                    .where(documents.c.is_current.is_(True), claims.c.claim_id.in_(chunk))))
            rows.sort(key=lambda r: r.pk)
            entries = _entries(s, {r.place_pk for r in rows if r.place_pk is not None})
            return [convert.claim_record(r, r.doc_id,
                                         convert.place_at(entries, r.place_pk, r, "geo"))
                    for r in rows]

    def documents_of(self, doc_ids: Iterable[str]) -> tuple[list[Document], dict[str, Place]]:
        """The current versions of these documents, and their focus places."""
        ids = sorted(set(doc_ids))
        docs: list[Document] = []
        focus: dict[str, Place] = {}
        entry = [c.label(f"entry_{c.name}") for c in _ENTRY]
        with self._session() as s:
            for chunk in chunks(ids):
                q = (select(documents, *entry)
                     .outerjoin(places, places.c.pk == documents.c.focus_pk)
                     .where(documents.c.is_current.is_(True), documents.c.doc_id.in_(chunk)))
                for d in s.execute(q):
                    docs.append(convert.document_record(d))
                    place = convert.place_at({d.focus_pk: tuple(d)[-len(entry):]}, d.focus_pk,
                                             d, "focus")
                    if place is not None:
                        focus[d.doc_id] = place
        return docs, focus

    def successors(self) -> dict[str, str]:
        """Claim id of an older document version -> the same claim in the current version.

        "The same" means the same outcome, victims, figure, qualifier, source
        and text; a claim whose figure changed has no successor.
        """
        def key(row: Any) -> tuple:
            return (row.doc_id, row.outcome, row.victims, row.low, row.high, row.qualifier,
                    row.source, row.text)

        d = documents.c
        with self._session() as s:
            if s.scalar(select(d.pk).where(d.is_current.is_(False)).limit(1)) is None:
                return {}  # no older version: no claim to join (not read claim by claim)
            q = (select(claims.c.claim_id, d.doc_id, claims.c.outcome, claims.c.victims,
                        claims.c.low, claims.c.high, claims.c.qualifier, claims.c.source,
                        claims.c.text)
                 .join(documents, d.pk == claims.c.document_pk))
            old = list(s.execute(q.where(d.is_current.is_(False))))
            if not old:
                return {}
            ids = sorted({row.doc_id for row in old})
            current: dict[tuple[Any, ...], str] = {}
            for chunk in chunks(ids):
                for row in s.execute(q.where(d.is_current.is_(True), d.doc_id.in_(chunk))):
                    current.setdefault(key(row), row.claim_id)
            return {row.claim_id: current[key(row)] for row in old if key(row) in current}

    def claim_pks(self, claim_ids: Iterable[str]) -> dict[str, int]:
        """Claim id -> its ingestion number."""
        ids = sorted(set(claim_ids))
        with self._session() as s:
            return {c: pk for chunk in chunks(ids) for c, pk in s.execute(
                select(claims.c.claim_id, claims.c.pk).where(claims.c.claim_id.in_(chunk)))}

    def claim_confidences(self) -> dict[str, float]:
        """Claim id -> the extractor's calibrated confidence, for the claims of current
        documents that have one (claims stored before migration 0008 have none: unknown,
        left out)."""
        with self._session() as s:
            q = (select(claims.c.claim_id, claims.c.confidence)
                 .join(documents, documents.c.pk == claims.c.document_pk)
                 .where(documents.c.is_current.is_(True), claims.c.confidence.is_not(None)))
            return {c: float(v) for c, v in s.execute(q) if v is not None}

    # ------------------------------------------------------------ judgements, state

    def judgements(self) -> list[Judgement]:
        with self._session() as s:
            q = select(judgements).order_by(judgements.c.at, judgements.c.pk)
            return [convert.judgement_record(r) for r in s.execute(q)]

    def pending_count(self) -> int:
        """How many current documents no resolution has included yet."""
        d = documents.c
        with self._session() as s:
            return int(s.scalar(select(func.count()).select_from(documents).where(
                d.pending.is_(True), d.is_current.is_(True))) or 0)


def _entries(s: Any, pks: set[int]) -> dict[int, convert.Entry]:
    """pk -> entry of these ``places`` rows."""
    return {r.pk: tuple(r)[1:] for chunk in chunks(sorted(pks))
            for r in s.execute(select(places.c.pk, *_ENTRY).where(places.c.pk.in_(chunk)))}


class Reader(Reading):
    """A ledger opened for reading only, on SQLAlchemy Core (no ORM is loaded); a ledger at
    an older schema is migrated first, as :class:`~civcas.store.Ledger` does. NotFound when
    ``url`` names a SQLite file that does not exist."""

    def __init__(self, url: str) -> None:
        self.url = url
        _engine.require_existing(url)
        self.engine = _engine.create(url)
        _engine.migrate(self.engine)

    def _session(self) -> Any:
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
