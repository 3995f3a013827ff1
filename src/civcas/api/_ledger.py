"""The ledger workflow behind :mod:`civcas.api`: ingest -> store -> resolve -> assess, and judge.

Every function opens the database named by ``db`` (else the ``db`` setting:
``CIVCAS_DB``, default ``sqlite:///civcas.db``), does its work, and closes it.
"""
from __future__ import annotations

import getpass
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import NotFound
from ..records import (
    Document,
    ExtractionResult,
    IngestSummary,
    LedgerSnapshot,
    ReadFailure,
    Resolution,
)
from ..resolve import judgements as _judgements
from ..resolve.parallel import resolve_parallel
from ..store import CHANGED, FAILED, NEW, UNCHANGED, Ledger
from ..store.engine import create as check_url
from ..store.engine import require_existing
from ..store.ingesting import batched
from . import _config, _extract, _parallel
from ._pending import BATCH, resolve_pending
from ._read import _ordered

log = logging.getLogger(__name__)

Progress = Callable[[ExtractionResult | ReadFailure, str], None]


def open_ledger(db: str | None = None, create: bool = False) -> Ledger:
    """The ledger at ``db`` (else the ``db`` setting); only ingest creates a new one."""
    return Ledger(_config.db_url(db), create=create)


def ingest(paths: Iterable[str | Path], db: str | None = None, progress: Progress | None = None,
           batch: int = 20, resolve: bool = True, workers: int | None = None,
           dask: str | None = None, **options: Any) -> IngestSummary:
    """Read, extract and store every document under ``paths``; then resolve what it stored
    (and anything an interrupted run left pending), a few hundred documents per transaction.

    Committed every ``batch`` documents: a crash loses at most that many,
    and a re-run stores them with no duplicate. ``workers`` processes extract
    (None: the ``workers`` setting; 0: one per core), or the Dask cluster whose
    scheduler is at ``dask`` (None: the ``dask`` setting); this process stores.
    ``options`` go to the reader. A ledger that does not exist yet is created only
    when a document could be read.
    """
    paths = list(paths)
    counts = {NEW: 0, CHANGED: 0, UNCHANGED: 0, FAILED: 0}
    claims = 0
    failures: list[ReadFailure] = []
    read = iter(_extract.read_documents(paths, **options))
    if not _exists(_config.db_url(db)):
        check_url(_config.db_url(db)).dispose()  # a bad URL or directory: ConfigError now
        head = _until_document(read)
        lost = [i for i in head if isinstance(i, ReadFailure)]
        if len(lost) == len(head):  # nothing read: create nothing
            for failure in lost:
                if progress is not None:
                    progress(failure, FAILED)
            return IngestSummary(new=0, changed=0, unchanged=0, failed=len(lost), claims=0,
                                 incidents=0, tallies=0, failures=tuple(lost))
        read = itertools.chain(head, read)
    with open_ledger(db, create=True) as ledger:
        for done, status in ledger.ingest(_extracted(read, ledger.stored_among, workers, dask,
                                                     batch), batch=batch):
            counts[status] += 1
            if isinstance(done, ReadFailure):
                failures.append(done)
            elif status in (NEW, CHANGED):
                claims += len(done.claims)
            if progress is not None:
                progress(done, status)
        ledger.audit("ingest", target=", ".join(map(str, paths))[:2000],
                     user=_user(None), detail={**counts, "claims": claims})
        if resolve:  # what is pending (this run's documents, or a crashed run's) only
            resolve_pending(ledger, full=_resolve_in)
        c = ledger.counts()
        incidents, tallies = c["incidents"], c["tallies"]
    return IngestSummary(new=counts[NEW], changed=counts[CHANGED], unchanged=counts[UNCHANGED],
                         failed=counts[FAILED], claims=claims, incidents=incidents,
                         tallies=tallies, failures=tuple(failures))


def _exists(url: str) -> bool:
    try:
        require_existing(url)
    except NotFound:
        return False
    return True


def _until_document(items: Iterator[Document | ReadFailure]) -> list[Document | ReadFailure]:
    """The items up to and including the first document (all of them when there is none)."""
    head: list[Document | ReadFailure] = []
    for item in items:
        head.append(item)
        if not isinstance(item, ReadFailure):
            break
    return head


def _extracted(read: Iterable[Document | ReadFailure],
               stored: Callable[[Iterable[str]], set[str]], workers: int | None = None,
               dask: str | None = None, batch: int = 20
               ) -> Iterator[ExtractionResult | ReadFailure]:
    """What :func:`civcas.api.extract_paths` yields, without extracting texts already stored,
    extracted by ``workers`` processes (None: the ``workers`` setting) or on a Dask cluster.

    A stored text comes out with no claims (the store finds it unchanged by
    its hash), so re-ingesting a corpus costs reading and hashing only. ``stored``: which
    of some hashes the ledger holds, asked per ``batch`` of read documents (by index: the
    ledger's hashes are never all read; no more is read ahead than the store's batch).
    """
    def todo() -> Iterator[Document | ExtractionResult | ReadFailure]:
        for chunk in batched(read, batch):
            known = stored(i.content_hash for i in chunk
                           if isinstance(i, Document) and i.content_hash)
            for item in chunk:
                if isinstance(item, Document) and item.content_hash in known:
                    yield ExtractionResult(item)
                else:
                    yield item

    return _parallel.extract_items(todo(), workers, dask)


def resolve(db: str | None = None, workers: int | None = None) -> Resolution:
    """Re-run resolution and assessment over the stored claims, judgements applied; parts
    of the ledger that cannot touch each other are resolved by ``workers`` processes
    (None: the ``workers`` setting; 0: one per core; the same result whatever the number)."""
    n = _parallel.workers_for(int(_config.current().get("workers", workers)))
    with open_ledger(db) as ledger:
        return _resolve_in(ledger, n)


def resolve_pending_documents(db: str | None = None, batch: int = BATCH) -> dict[str, int]:
    """Resolve only the documents stored since the last resolution (``batch`` per
    transaction); counts: documents, claims, steps, full (1 when it had to resolve all)."""
    with open_ledger(db) as ledger:
        return resolve_pending(ledger, batch, full=_resolve_in)


def _resolve_in(ledger: Ledger, workers: int = 1) -> Resolution:
    """The full resolution, stored; by ``workers`` processes (1 behind a judgement or an
    ingest: no fork inside a server's request or a pool's worker)."""
    resolved = ledger.pending_pks()  # read first: a document stored meanwhile stays pending
    result = resolve_parallel(ledger.documents(), ledger.claims(), ledger.judgements(),
                              ledger.focus(), ledger.successors(), workers=workers)
    ledger.replace_resolution(list(result.incidents), list(result.tallies),
                              {"incidents": len(result.incidents),
                               "tallies": len(result.tallies),
                               "claims": len(result.claims), "rejected": len(result.rejected)},
                              features=list(result.features), resolved=resolved)
    return result


def snapshot(db: str | None = None) -> LedgerSnapshot:
    """Everything the outputs read: current documents, claims (corrections applied),
    incidents with assessments, tallies and judgements."""
    with open_ledger(db) as ledger:
        judgements = ledger.judgements()
        claims, _ = _judgements.apply_to_claims(ledger.claims(), _ordered(ledger, judgements))
        return ledger.snapshot(claims=claims)


def _user(user: str | None) -> str:
    if user:
        return user
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (containers)
        return "unknown"
