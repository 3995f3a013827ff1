"""Writing the resolution piece by piece, and the ledger's write lock.

A mixin of :class:`civcas.store.Ledger`. ``resolve_items`` keeps each current
claim as resolution last compared it (:class:`~civcas.records.Feature`), so
that a judgement can find the claims it may affect without loading the
ledger (:mod:`civcas.resolve.incremental`); :meth:`Resolving.patch_resolution`
swaps the incidents of those claims only.

:meth:`Resolving.locked` opens one transaction whose first statement updates
the single ``ledger_state`` row: on PostgreSQL that row lock, on SQLite the
database write lock, is held until commit, so check-then-write sequences
(a judgement checked against the incident version the reviewer saw) from
any number of processes run one after another, each seeing the last one's
result.
"""
from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..records import Feature, Incident, Location, Precision, Tally
from . import convert
from . import engine as _engine
from .models import (
    AssessmentRow,
    AuditRow,
    ClaimRow,
    DocumentRow,
    IncidentClaimRow,
    IncidentRow,
    PlaceRow,
    ResolveItemRow,
    StateRow,
    TallyRow,
)

log = logging.getLogger(__name__)
CHUNK = 500
_ITEMS = convert.table_of(ResolveItemRow)  # Core rows: no ORM bookkeeping per feature


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class _Joined:
    """The session of a :meth:`Resolving.locked` transaction, as ``_session()`` returns it:
    entering it or beginning on it neither opens nor ends anything."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def __enter__(self) -> Session:
        return self  # type: ignore[return-value]

    def __exit__(self, *exc: object) -> None:
        return None

    def begin(self) -> nullcontext:
        return nullcontext()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._s, name)


def feature_row(f: Feature) -> dict[str, Any]:
    loc = f.location
    return dict(
        claim_id=f.claim_id, doc_id=f.doc_id, active=f.active, cumulative=f.cumulative,
        start=f.window[0] if f.window else None, end=f.window[1] if f.window else None,
        name=loc.name if loc else None, key=loc.key if loc else None,
        tokens=sorted(loc.tokens) if loc else None, precision=loc.precision if loc else None,
        country=loc.country if loc else None, admin1=loc.admin1 if loc else None,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None,
        geonames_id=loc.geonames_id if loc else None)


def feature_record(r: Any) -> Feature:
    """A Feature from a ``resolve_items`` row (ORM object or Core row)."""
    loc = None
    if r.name is not None:
        loc = Location(name=r.name, key=r.key or "", tokens=frozenset(r.tokens or ()),
                       precision=cast(Precision, r.precision or "village"), country=r.country,
                       admin1=r.admin1,
                       lat=r.lat, lon=r.lon, geonames_id=r.geonames_id)
    window = (r.start, r.end) if r.start is not None and r.end is not None else None
    return Feature(claim_id=r.claim_id, doc_id=r.doc_id, active=r.active,
                   cumulative=r.cumulative, window=window, location=loc)


class Resolving:
    """Needs ``_session``, ``_sessions``, ``url``, ``_place_pks``, ``_place`` of Ledger."""

    url: str
    _place_pks: dict[str, int]

    def _session(self) -> Session:  # pragma: no cover - provided by Ledger
        raise NotImplementedError

    # ------------------------------------------------------------ the write lock

    @contextmanager
    def locked(self) -> Iterator[Any]:
        """This ledger inside one transaction holding the ledger's write lock: every read
        and write through the ledger it yields is part of it; committed at the end, rolled
        back (nothing written) when the block raises."""
        session = self._sessions()  # type: ignore[attr-defined]
        bound = copy.copy(self)
        bound._place_pks = dict(self._place_pks)
        bound._session = cast(  # type: ignore[method-assign]
            "Callable[[], Session]", lambda: _Joined(session))
        try:
            with session.begin():
                lock(session)
                yield bound
            self._place_pks.update(bound._place_pks)
        except SQLAlchemyError as exc:
            raise StoreError("E411", url=_engine.describe(self.url), action="write the resolution",
                             reason=_engine._short(exc)) from None
        finally:
            session.close()

    # ------------------------------------------------------------ resolve_items

    def items_current(self) -> bool:
        """Whether ``resolve_items`` holds exactly the current claims (else the stored
        resolution predates a change, or this schema: resolve in full)."""
        with self._session() as s:
            current = (select(ClaimRow.claim_id)
                       .join(DocumentRow, DocumentRow.pk == ClaimRow.document_pk)
                       .where(DocumentRow.is_current.is_(True)))
            n_claims = s.scalar(select(func.count()).select_from(current.subquery()))
            n_items = s.scalar(select(func.count()).select_from(ResolveItemRow))
            if n_claims != n_items:
                return False
            missing = s.scalar(select(func.count()).select_from(
                current.where(ClaimRow.claim_id.not_in(select(ResolveItemRow.claim_id)))
                .subquery()))
            return not missing

    def items_by_ids(self, ids: Iterable[str]) -> list[Feature]:
        ids = sorted(set(ids))
        with self._session() as s:
            return [feature_record(r) for chunk in _chunks(ids) for r in s.execute(
                select(_ITEMS).where(ResolveItemRow.claim_id.in_(chunk)))]

    def items_of_documents(self, doc_ids: Iterable[str]) -> list[Feature]:
        ids = sorted(set(doc_ids))
        with self._session() as s:
            return [feature_record(r) for chunk in _chunks(ids) for r in s.execute(
                select(_ITEMS).where(ResolveItemRow.doc_id.in_(chunk)))]

    def items_in_windows(self, ranges: list[tuple[int, int]], span: int) -> list[Feature]:
        """Stored features whose windows overlap one of these day ranges (``span``: the
        longest window resolution makes, in days)."""
        if not ranges:
            return []
        t = ResolveItemRow
        with self._session() as s:
            out: list[Feature] = []
            for chunk in _chunks(ranges, 50):
                cond = or_(*(and_(t.start >= lo - span, t.start <= hi, t.end >= lo)
                             for lo, hi in chunk))
                out.extend(feature_record(r) for r in s.execute(select(_ITEMS).where(cond)))
            return out

    def cumulative_ids(self) -> list[str]:
        """Ids of the claims stored as cumulative when last resolved (tallies come from them)."""
        with self._session() as s:
            return list(s.scalars(select(ResolveItemRow.claim_id)
                                  .where(ResolveItemRow.cumulative.is_(True))))

    def _write_items(self, s: Session, features: list[Feature], everything: bool) -> None:
        if everything:
            s.execute(delete(ResolveItemRow))
        else:
            for chunk in _chunks(sorted({f.claim_id for f in features})):
                s.execute(delete(ResolveItemRow).where(ResolveItemRow.claim_id.in_(chunk)))
        rows = [feature_row(f) for f in features]
        if rows:
            s.execute(insert(convert.table_of(ResolveItemRow)), rows)

    # ------------------------------------------------------------ reading a part

    def incidents_holding(self, claim_ids: Iterable[str]) -> set[str]:
        ids = sorted(set(claim_ids))
        with self._session() as s:
            return {i for chunk in _chunks(ids) for i in s.scalars(
                select(IncidentClaimRow.incident_id).where(IncidentClaimRow.claim_id.in_(chunk)))}

    # ------------------------------------------------------------ writing a part

    def _positions(self, s: Session, incidents: list[Incident],
                   everything: bool) -> list[int]:
        """Each incident's place in the list: the ingestion number of its first claim (so that
        a part can be rewritten without renumbering the rest)."""
        first = [i.claim_ids[0] for i in incidents if i.claim_ids]
        q = select(ClaimRow.claim_id, ClaimRow.pk)
        if everything:
            pks = dict(s.execute(q).all())
        else:
            pks = {c: pk for chunk in _chunks(sorted(set(first)))
                   for c, pk in s.execute(q.where(ClaimRow.claim_id.in_(chunk)))}
        return [pks.get(i.claim_ids[0], 0) if i.claim_ids else 0 for i in incidents]

    def _insert_incidents(self, s: Session, incidents: list[Incident], everything: bool) -> None:
        self._place_pks.update({k: pk for k, pk in s.execute(select(PlaceRow.key, PlaceRow.pk))})
        rows: list[dict[str, Any]] = []
        members: list[dict[str, Any]] = []
        assessed: list[dict[str, Any]] = []
        for inc, pos in zip(incidents, self._positions(s, incidents, everything)):
            rows.append(convert.incident_row(inc, self._place(s, inc.place), pos))  # type: ignore[attr-defined]
            members.extend({"incident_id": inc.id, "claim_id": c, "position": i}
                           for i, c in enumerate(inc.claim_ids))
            if inc.assessment is not None:
                assessed.append(convert.assessment_row(inc.id, inc.assessment))
        for table, values in ((IncidentRow, rows), (IncidentClaimRow, members),
                              (AssessmentRow, assessed)):
            if values:  # Core inserts (executemany): no ORM bookkeeping
                s.execute(insert(convert.table_of(table)), values)

    def patch_resolution(self, gone: Iterable[str], incidents: list[Incident],
                         features: list[Feature], tallies: list[Tally] | None = None,
                         detail: dict[str, Any] | None = None, *, drop: Iterable[str] = (),
                         resolved: Iterable[int] = (),
                         tally_patch: tuple[list[str], list[Tally]] | None = None) -> None:
        """Replace the incidents ``gone`` by ``incidents`` and the stored features of the same
        claims (and of ``drop``) by ``features`` (and all tallies by ``tallies`` unless None,
        or the tallies of claims ``tally_patch[0]`` by ``tally_patch[1]``), and mark the
        documents ``resolved`` (pks) resolved, in one transaction."""
        gone = sorted(set(gone))
        try:
            with self._session() as s, s.begin():
                lock(s)
                for chunk in _chunks(gone):
                    for table in (AssessmentRow, IncidentClaimRow):
                        s.execute(delete(table).where(table.incident_id.in_(chunk)))
                    s.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
                self._insert_incidents(s, incidents, everything=False)
                for chunk in _chunks(sorted(set(drop))):
                    s.execute(delete(ResolveItemRow).where(ResolveItemRow.claim_id.in_(chunk)))
                self._write_items(s, features, everything=False)
                if tallies is not None:
                    s.execute(delete(TallyRow))
                    if tallies:
                        s.execute(insert(convert.table_of(TallyRow)),
                                  [convert.tally_row(t) for t in tallies])
                elif tally_patch is not None:
                    self._patch_tallies(s, *tally_patch)  # type: ignore[attr-defined]
                self._clear_pending(s, resolved)  # type: ignore[attr-defined]
                s.add(AuditRow(at=datetime.now(UTC).replace(tzinfo=None),
                               action="resolve", target="part", detail=detail or {}))
        except SQLAlchemyError as exc:
            self._place_pks.clear()
            raise StoreError("E411", url=_engine.describe(self.url), action="store incidents",
                             reason=_engine._short(exc)) from None


def lock(s: Session) -> None:
    """Take the ledger's write lock for the rest of this transaction (see the module doc)."""
    s.execute(update(StateRow).where(StateRow.id == 1)
              .values(revision=StateRow.revision + 1))
