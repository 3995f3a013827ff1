"""The ledger: the one object that reads and writes the database.

Records go in, records come out; sessions and rows stay here.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError
from ..records import (
    Claim,
    Document,
    Feature,
    Incident,
    Judgement,
    LedgerSnapshot,
    Place,
    ReadFailure,
    Tally,
)
from . import convert
from . import engine as _engine
from .ingesting import CHANGED, FAILED, NEW, UNCHANGED, Ingesting  # noqa: F401
from .models import (
    AssessmentRow,
    AuditRow,
    ClaimRow,
    DocumentRow,
    FailureRow,
    IncidentClaimRow,
    IncidentRow,
    JudgementRow,
    PlaceRow,
    ResolveItemRow,
    TallyRow,
)
from .pending import Pending
from .reading import Reading, Sql
from .resolving import Resolving, lock

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Ledger(Ingesting, Resolving, Pending, Reading):
    """An open ledger database (migrated to the newest schema on open)."""

    def __init__(self, url: str, create: bool = True) -> None:
        """Open (and migrate) the ledger at ``url``; with ``create=False`` a missing
        SQLite file is a NotFound error instead of a new, empty ledger."""
        self.url = url
        if not create:
            _engine.require_existing(url)
        self.engine = _engine.create(url)
        _engine.migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._place_pks: dict[str, int] = {}

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _session(self) -> Session:
        return self._sessions()

    @contextmanager
    def _sql(self) -> Iterator[Sql]:
        """SQL text on the connection of a session (of the locked transaction, inside
        :meth:`locked`): what :class:`~civcas.store.reading.Reading` reads through."""
        with self._session() as s:
            yield Sql(s.connection().connection, self.engine.dialect.name)

    # ------------------------------------------------------------ reading

    def documents(self, current: bool = True) -> list[Document]:
        with self._session() as s:
            q = select(DocumentRow).order_by(DocumentRow.pk)
            if current:
                q = q.where(DocumentRow.is_current.is_(True))
            return [convert.document_record(r) for r in s.scalars(q)]

    def document_versions(self, doc_id: str) -> list[tuple[int, bool, Document]]:
        """(version, is_current, document) of every stored version of ``doc_id``."""
        with self._session() as s:
            q = (select(DocumentRow).where(DocumentRow.doc_id == doc_id)
                 .order_by(DocumentRow.version))
            return [(r.version, r.is_current, convert.document_record(r)) for r in s.scalars(q)]

    def focus(self) -> dict[str, Place]:
        """The document focus (main incident place) per current document id."""
        with self._session() as s:
            d = DocumentRow
            q = (select(d.doc_id, d.focus_precision, d.focus_confidence, d.focus_mention,
                        d.focus_note, PlaceRow)
                 .join(PlaceRow, PlaceRow.pk == d.focus_pk)
                 .where(d.is_current.is_(True)))
            return {r.doc_id: place for r in s.execute(q)
                    if (place := convert.joined_place(r.PlaceRow, r, "focus")) is not None}

    def claims(self, current: bool = True) -> list[Claim]:
        """Claims in ingestion order (of current document versions by default)."""
        with self._session() as s:
            places = convert.entries_of(s.scalars(select(PlaceRow)))
            q = (select(ClaimRow, DocumentRow.doc_id)
                 .join(DocumentRow, DocumentRow.pk == ClaimRow.document_pk)
                 .order_by(ClaimRow.pk))
            if current:
                q = q.where(DocumentRow.is_current.is_(True))
            return [convert.claim_record(row, doc_id,
                                         convert.place_at(places, row.place_pk, row, "geo"))
                    for row, doc_id in s.execute(q)]

    def failures(self, unresolved: bool = True) -> list[ReadFailure]:
        with self._session() as s:
            q = select(FailureRow).order_by(FailureRow.pk)
            if unresolved:
                q = q.where(FailureRow.resolved_at.is_(None))
            return [ReadFailure(r.origin, r.reason) for r in s.scalars(q)]

    def counts(self) -> dict[str, int]:
        with self._session() as s:
            def n(q: Any) -> int:
                return int(s.scalar(q) or 0)
            return {
                "documents": n(select(func.count()).select_from(DocumentRow)
                               .where(DocumentRow.is_current.is_(True))),
                "versions": n(select(func.count()).select_from(DocumentRow)),
                "claims": n(select(func.count()).select_from(ClaimRow)
                            .join(DocumentRow, DocumentRow.pk == ClaimRow.document_pk)
                            .where(DocumentRow.is_current.is_(True))),
                "incidents": n(select(func.count()).select_from(IncidentRow)),
                "tallies": n(select(func.count()).select_from(TallyRow)),
                "failures": n(select(func.count()).select_from(FailureRow)
                              .where(FailureRow.resolved_at.is_(None))),
                "judgements": n(select(func.count()).select_from(JudgementRow)),
            }

    # ------------------------------------------------------------ resolution

    def replace_resolution(self, incidents: list[Incident], tallies: list[Tally],
                           detail: dict[str, Any] | None = None,
                           features: list[Feature] | None = None,
                           resolved: list[int] | None = None) -> None:
        """Swap the machine's result (incidents, assessments, tallies and, when given, what
        each claim was compared by: ``features``) in one transaction; the documents
        ``resolved`` (pks, read before the claims were) are no longer pending."""
        try:
            with self._session() as s, s.begin():
                lock(s)
                for table in (AssessmentRow, IncidentClaimRow, IncidentRow, TallyRow):
                    s.execute(delete(table))
                self._insert_incidents(s, incidents, everything=True)
                if tallies:
                    s.execute(insert(convert.table_of(TallyRow)), [convert.tally_row(t) for t in tallies])
                if features is not None:
                    self._write_items(s, features, everything=True)
                else:  # the stored features no longer match: the next judgement resolves all
                    s.execute(delete(ResolveItemRow))
                self._clear_pending(s, resolved or ())
                s.add(AuditRow(at=_now(), action="resolve", target="",
                               detail=detail or {"incidents": len(incidents),
                                                 "tallies": len(tallies)}))
        except SQLAlchemyError as exc:
            self._place_pks.clear()
            raise StoreError("E411", url=_engine.describe(self.url), action="store incidents",
                             reason=_engine._short(exc)) from None

    # ------------------------------------------------------------ judgements

    def add_judgement(self, judgement: Judgement) -> None:
        try:
            with self._session() as s, s.begin():
                s.add(JudgementRow(**convert.judgement_row(judgement)))
                s.add(AuditRow(at=judgement.at, action=f"judge:{judgement.kind}",
                               target=judgement.target, user=judgement.user,
                               detail={"judgement": judgement.id, "reason": judgement.reason}))
        except SQLAlchemyError as exc:
            raise StoreError("E411", url=_engine.describe(self.url), action="store judgement",
                             reason=_engine._short(exc)) from None

    def audit(self, action: str, target: str = "", user: str = "",
              detail: dict[str, Any] | None = None) -> None:
        with self._session() as s, s.begin():
            s.add(AuditRow(at=_now(), action=action, target=target, user=user,
                           detail=detail or {}))

    def audit_log(self) -> list[dict[str, Any]]:
        with self._session() as s:
            return [{"at": r.at, "action": r.action, "target": r.target, "user": r.user,
                     "detail": r.detail}
                    for r in s.scalars(select(AuditRow).order_by(AuditRow.pk))]

    def snapshot(self, claims: list[Claim] | None = None) -> LedgerSnapshot:
        return LedgerSnapshot(
            documents=tuple(self.documents()),
            claims=tuple(self.claims() if claims is None else claims),
            incidents=tuple(self.incidents()),
            tallies=tuple(self.tallies()),
            judgements=tuple(self.judgements()),
        )
