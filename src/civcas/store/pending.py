"""Resolution state: which stored documents no resolution has included yet.

A mixin of :class:`civcas.store.Ledger`. ``documents.pending`` (migration
0007) is set by the commit that stores a document and cleared by the commit
of the resolution that includes its claims (full or incremental), so "stored"
and "resolved" are two explicit states: a crash between them leaves the
documents pending, a re-run finishes them, and readers can say the ledger is
stale instead of listing old incidents silently.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from ..records import Tally
from . import convert
from .models import ClaimRow, DocumentRow, ResolveItemRow, TallyRow

CHUNK = 500


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Pending:
    """Needs ``_session`` of Ledger."""

    def _session(self) -> Session:  # pragma: no cover - provided by Ledger
        raise NotImplementedError

    def pending_documents(self, limit: int | None = None) -> list[tuple[int, str]]:
        """(pk, document id) of pending current documents, oldest first (at most ``limit``)."""
        with self._session() as s:
            q = (select(DocumentRow.pk, DocumentRow.doc_id)
                 .where(DocumentRow.pending.is_(True), DocumentRow.is_current.is_(True))
                 .order_by(DocumentRow.pk))
            if limit is not None:
                q = q.limit(limit)
            return [(pk, d) for pk, d in s.execute(q)]

    def pending_pks(self) -> list[int]:
        """Pks of every pending document (current or not: a full resolution clears them all)."""
        with self._session() as s:
            return list(s.scalars(select(DocumentRow.pk).where(DocumentRow.pending.is_(True))))

    def claim_ids_of_documents(self, doc_ids: Iterable[str]) -> list[str]:
        """Ids of the current claims of these documents."""
        ids = sorted(set(doc_ids))
        with self._session() as s:
            return [c for chunk in _chunks(ids) for c in s.scalars(
                select(ClaimRow.claim_id).join(DocumentRow, DocumentRow.pk == ClaimRow.document_pk)
                .where(DocumentRow.is_current.is_(True), DocumentRow.doc_id.in_(chunk)))]

    def resolved_items_stored(self) -> bool:
        """Whether ``resolve_items`` can be trusted for an incremental resolution: it holds
        a row for some claim of a resolved document, or no resolved document has claims."""
        with self._session() as s:
            if s.scalar(select(ResolveItemRow.claim_id).limit(1)) is not None:
                return True
            resolved = (select(ClaimRow.pk).join(DocumentRow, DocumentRow.pk == ClaimRow.document_pk)
                        .where(DocumentRow.pending.is_(False), DocumentRow.is_current.is_(True))
                        .limit(1))
            return s.scalar(resolved) is None

    @staticmethod
    def _clear_pending(s: Session, pks: Iterable[int]) -> None:
        for chunk in _chunks(sorted(set(pks))):
            s.execute(update(DocumentRow).where(DocumentRow.pk.in_(chunk)).values(pending=False))

    @staticmethod
    def _patch_tallies(s: Session, removed: Iterable[str], added: list[Tally]) -> None:
        """Delete the tallies of claims ``removed`` and insert ``added``."""
        for chunk in _chunks(sorted(set(removed))):
            s.execute(delete(TallyRow).where(TallyRow.claim_id.in_(chunk)))
        if added:
            rows: list[dict[str, Any]] = [convert.tally_row(t) for t in added]
            s.execute(insert(convert.table_of(TallyRow)), rows)
