"""Storing documents and their claims: identity, versions, failures, batch commits.

A mixin of :class:`civcas.store.Ledger` (kept apart to keep modules small).
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..records import Document, ExtractionResult, Place, ReadFailure
from . import convert
from . import engine as _engine
from .models import ClaimRow, DocumentRow, FailureRow, PlaceRow
from .resolving import lock

log = logging.getLogger(__name__)

NEW, CHANGED, UNCHANGED, FAILED = "new", "changed", "unchanged", "failed"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _digest(doc: Document) -> str:
    """The hash that identifies a document's text (its ``content_hash`` when it has one)."""
    return doc.content_hash or hashlib.sha256(
        (doc.title + "\n" + doc.text).encode("utf-8", "surrogatepass")).hexdigest()


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Ingesting:
    """Writes documents, claims, places and failures (needs ``_session``, ``url``,
    ``_place_pks`` from :class:`~civcas.store.Ledger`)."""

    url: str
    _place_pks: dict[str, int]

    def _session(self) -> Session:  # pragma: no cover - provided by Ledger
        raise NotImplementedError

    def ingest(
        self, items: Iterable[ExtractionResult | ReadFailure], batch: int = 20,
        stored: set[str] | None = None,
    ) -> Iterator[tuple[ExtractionResult | ReadFailure, str]]:
        """Store each item; yield it with its status (new/changed/unchanged/failed).

        Commits every ``batch`` documents, so a crash loses at most the batch
        in flight; a re-run finds the committed ones unchanged.

        Identity: a text already stored (current or older version) is
        unchanged; a new text under the id (or url) of a stored document is
        its new version; two texts under one id in one run are two documents
        (the second gets ``id#hash``). What identifies the stored documents (hashes, ids,
        urls, failed origins) is looked up by index for each batch's documents only, not
        read whole; ``stored``: hashes the caller knows to be stored (optional).
        """
        session = self._session()
        self._run_pks: set[int] = set()
        self._stored = set(stored or ())
        self._ids: set[str] = set()
        self._urls: set[str] = set()
        self._failed: set[str] = set()
        try:
            # a batch is extracted (read from ``items``) before its transaction opens, so the
            # write lock is held only while the batch is written
            for chunk in batched(items, batch):
                # the write lock first (a write, not a read that would have to be upgraded:
                # on SQLite that fails at once when another ingest committed meanwhile)
                lock(session)
                self._known(session, chunk)
                pending = [(item, self._add_failure(session, item) if isinstance(item, ReadFailure)
                            else self._add_result(session, item)) for item in chunk]
                session.commit()
                yield from pending
        except SQLAlchemyError as exc:
            session.rollback()
            self._place_pks.clear()
            raise StoreError("E411", url=_engine.describe(self.url), action="store documents",
                             reason=_engine._short(exc)) from None
        except BaseException:  # the batch in flight is lost; so are its new places
            self._place_pks.clear()
            raise
        finally:
            session.close()
            # what this run stored: not held while the run resolves
            self._stored, self._ids, self._urls, self._failed = set(), set(), set(), set()
            self._run_pks = set()

    def _add_failure(self, session: Session, failure: ReadFailure) -> str:
        now = _now()
        row = session.scalar(select(FailureRow).where(FailureRow.origin == failure.origin))
        self._failed.add(failure.origin)
        if row is None:
            session.add(FailureRow(origin=failure.origin, reason=failure.reason, attempts=1,
                                   first_seen=now, last_seen=now))
        else:
            row.reason, row.last_seen, row.resolved_at = failure.reason, now, None
            row.attempts += 1
        session.flush()
        return FAILED

    def _add_result(self, session: Session, result: ExtractionResult) -> str:
        doc = result.document
        digest = _digest(doc)
        now = _now()
        if digest in self._stored:
            return UNCHANGED  # this text is stored (as the current or an older version)
        doc_id = doc.id
        query = select(DocumentRow).where(DocumentRow.is_current.is_(True))
        prev = None  # the current version of this document, if any (looked up only if known)
        if doc_id in self._ids:
            prev = session.scalar(query.where(DocumentRow.doc_id == doc_id))
        if prev is None and doc.url and doc.url in self._urls:
            prev = session.scalar(query.where(DocumentRow.url == doc.url))
        if prev is not None and prev.pk in self._run_pks:
            # two different texts under one id in one batch of inputs: two documents
            doc_id = f"{doc.id}#{digest[:8]}"
            log.warning("%s: id %r already used by another document of this ingest; "
                        "stored as %r", doc.origin or doc.id, doc.id, doc_id)
            prev = None
        if prev is not None:
            prev.is_current, prev.superseded_at = False, now
        top = 0
        if doc_id in self._ids:
            top = session.scalar(select(func.max(DocumentRow.version))
                                 .where(DocumentRow.doc_id == doc_id)) or 0
        row = DocumentRow(
            doc_id=doc_id, version=top + 1, content_hash=digest, title=doc.title or "",
            text=doc.text, published=doc.published, outlet=doc.outlet, url=doc.url,
            origin=doc.origin, focus_pk=self._place(session, result.focus), is_current=True,
            ingested_at=now, **convert.use_values(result.focus, "focus"),
        )
        try:  # another ingest may store the same text at the same time: then it is stored
            with session.begin_nested():
                session.add(row)
                session.flush()
                self._add_claims(session, result, doc, row)
        except IntegrityError:
            self._place_pks.clear()  # places of the rolled-back claims may be gone
            if session.scalar(select(DocumentRow.pk).where(DocumentRow.content_hash == digest)):
                self._stored.add(digest)
                return UNCHANGED
            raise
        self._run_pks.add(row.pk)
        self._stored.add(digest)
        self._ids.add(doc_id)
        if doc.url:
            self._urls.add(doc.url)
        if doc.origin and doc.origin in self._failed:
            self._failed.discard(doc.origin)
            session.execute(update(FailureRow).where(FailureRow.origin == doc.origin,
                                                     FailureRow.resolved_at.is_(None))
                            .values(resolved_at=now))
        return CHANGED if prev is not None else NEW

    def _add_claims(self, session: Session, result: ExtractionResult, doc: Document,
                    row: DocumentRow) -> None:
        claims = []
        seen: set[str] = set()
        for claim in result.claims:
            cid = claim.id or convert.claim_id_for(doc, claim)
            if cid in seen:
                continue
            seen.add(cid)
            claims.append(convert.claim_row(claim, cid, row.pk, self._place(session, claim.geo)))
        if claims:
            session.execute(insert(ClaimRow), claims)

    def _place(self, session: Session, place: Place | None) -> int | None:
        """The pk of the row of this place's gazetteer entry (one per entry), inserted when
        new by an upsert: two ingests at once storing one new entry both get the one row."""
        if place is None:
            return None
        key = convert.place_key(place)
        pk = self._place_pks.get(key)
        if pk is None:
            pk = session.scalar(select(PlaceRow.pk).where(PlaceRow.key == key))
            if pk is None:
                upsert = _dialect_insert(session.get_bind().dialect.name)(PlaceRow)
                session.execute(upsert.values(**convert.place_values(place))
                                .on_conflict_do_nothing(index_elements=["key"]))
                pk = session.scalar(select(PlaceRow.pk).where(PlaceRow.key == key))
                assert pk is not None  # inserted now, or by another ingest
            self._place_pks[key] = pk
        return pk

    def _known(self, session: Session, chunk: list[ExtractionResult | ReadFailure]) -> None:
        """Add to the run's sets what the ledger holds of this batch's hashes, ids, urls and
        origins (failed and unresolved): a few indexed lookups per batch, whatever the size of
        the ledger."""
        docs = [i.document for i in chunk if isinstance(i, ExtractionResult)]
        d, f = DocumentRow, FailureRow
        digests = {_digest(doc) for doc in docs} - self._stored
        # an id taken twice in one run becomes id#hash: looked up as well
        ids = {i for doc in docs for i in (doc.id, f"{doc.id}#{_digest(doc)[:8]}")} - self._ids
        urls = {doc.url for doc in docs if doc.url} - self._urls
        origins = {o for o in (i.origin if isinstance(i, ReadFailure) else i.document.origin
                               for i in chunk) if o} - self._failed
        for column, values, found, extra in (
                (d.content_hash, digests, self._stored, None),
                (d.doc_id, ids, self._ids, None), (d.url, urls, self._urls, None),
                (f.origin, origins, self._failed, f.resolved_at.is_(None))):
            for part in batched(sorted(values), 500):
                q = select(column).where(column.in_(part))
                found.update(session.scalars(q if extra is None else q.where(extra)))

    def stored_among(self, hashes: Iterable[str]) -> set[str]:
        """Those of these content hashes that a stored document version has (by index)."""
        with self._session() as s:
            return {h for part in batched(sorted(set(hashes)), 500)
                    for h in s.scalars(select(DocumentRow.content_hash)
                                       .where(DocumentRow.content_hash.in_(part)))}

    def content_hashes(self) -> set[str]:
        """Content hashes of every stored document version."""
        with self._session() as s:
            return set(s.scalars(select(DocumentRow.content_hash)))


def _dialect_insert(dialect: str) -> Any:
    """The dialect's INSERT with ``on_conflict_do_nothing`` (imported when first storing a
    place: reading a ledger loads no PostgreSQL dialect for a SQLite file)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    return sqlite_insert
