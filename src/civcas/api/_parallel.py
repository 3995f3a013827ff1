"""Extraction in worker processes or on a Dask cluster, results in input order (behind
``--workers`` and ``--dask``).

Extraction is independent per document, so ``workers`` processes (forked, so the
gazetteer and vocabularies are loaded once) extract while the calling process
reads inputs and stores results: a single writer. At most ``8 x workers``
documents are in flight, so memory stays flat on any corpus; the pool starts
only once there is more than a handful of documents to extract (small inputs
stay in one process). Failures and already-extracted results pass through in
their place.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any, cast

from ..errors import ConfigError
from ..records import Document, ExtractionResult, ReadFailure
from . import _config, _extract

log = logging.getLogger(__name__)

Item = Document | ExtractionResult | ReadFailure
Out = ExtractionResult | ReadFailure
START = 8  # documents to extract before a pool is worth starting


def extract_paths(paths: Iterable[str | Path], *, explain: bool = False,
                  workers: int | None = None, dask: str | None = None,
                  **options: Any) -> Iterator[ExtractionResult | ReadFailure]:
    """Read every document under ``paths`` and extract its claims (``explain``: with the
    reasons), in input order, by ``workers`` processes (None: the ``workers`` setting;
    0: one per core; explaining stays in this process), or on the Dask scheduler at
    ``dask`` (None: the ``dask`` setting)."""
    docs = _extract.read_documents(paths, **options)
    if explain:
        return _extract.extract_documents(docs, explain=True)
    return extract_items(docs, workers, dask)


def extract_items(items: Iterable[Item], workers: int | None = None,
                  dask: str | None = None) -> Iterator[Out]:
    """Each item extracted (a Document) or passed through, in order: on the Dask scheduler
    ``dask`` (else the ``dask`` setting) when there is one, else by ``workers`` processes."""
    found = _config.current()
    address = str(found.get("dask", dask) or "")
    if address:
        return extract_on_dask(items, address)
    return extract_in_order(items, workers_for(int(found.get("workers", workers))))


def extract_on_dask(items: Iterable[Item], address: str) -> Iterator[Out]:
    """Each item extracted on the Dask distributed cluster whose scheduler is at ``address``
    (each worker needs civcas installed), in order; this process reads and stores. At most
    ``8 x`` the cluster's threads documents are in flight."""
    try:
        from distributed import Client  # the optional extra civcas[dask]
    except ImportError as exc:
        raise ConfigError("E126", reason=exc) from None
    try:
        client = Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError("E125", address=address, reason=exc) from None
    return _on_client(client, items)


def _on_client(client: Any, items: Iterable[Item]) -> Iterator[Out]:
    """Documents go in tasks of about ``TASK_CHARS`` characters (at most ``CHUNK``
    documents: a scheduler round trip per document would cost more than extracting it);
    results come back in order, as (claims, focus) pairs joined here to the documents this
    process still holds (the texts are not shipped back)."""
    with client:
        slots = max(1, sum(client.nthreads().values())) * 3
        # each worker loads the gazetteer and vocabularies now, once (and so does any
        # worker that joins later), not inside the first task it runs
        client.register_plugin(_warm_plugin(), name="civcas-warm")
        window: deque[tuple[Any, list[Document]] | Out] = deque()
        for batch in _batches(items, CHUNK, TASK_CHARS):
            window.append((client.submit(_extract_many, batch, pure=False), batch)
                          if isinstance(batch, list) else batch)
            while len(window) >= slots:
                yield from _joined(window.popleft(), lambda f: f.result())
        while window:
            yield from _joined(window.popleft(), lambda f: f.result())


CHUNK = 64  # documents per Dask task, at most
TASK_CHARS = 120_000  # characters of text per Dask task, about (~40 FA-KES articles)


def _batches(items: Iterable[Item], most: int, chars: int) -> Iterator[list[Document] | Out]:
    """Documents in batches of at most ``most`` documents or about ``chars`` characters, and the
    items that are no documents (read failures) in their place between them, in input order."""
    docs: list[Document] = []
    size = 0
    for one in chain(items, [None]):
        if isinstance(one, Document):
            docs.append(one)
            size += len(one.text) + len(one.title)
            if len(docs) < most and size < chars:
                continue
        if docs:
            yield docs
            docs, size = [], 0
        if one is not None and not isinstance(one, Document):
            yield one


def _warm_plugin() -> Any:
    """A Dask worker plugin: each worker extracts a sentence when it starts (``setup``),
    which loads the gazetteer and vocabularies once per worker process."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class Warm(WorkerPlugin):
        name = "civcas-warm"

        def setup(self, worker: Any) -> None:
            _warm()

    return Warm()


def _warm() -> None:
    _extract.extract_text("Shelling killed 2 people in Idlib on Monday, activists said.")


Compact = tuple[tuple[Any, ...], Any] | ReadFailure  # (claims, focus) of a document, or why not


def _extract_many(docs: list[Document]) -> list[Compact]:
    """On a worker: each document's (claims, focus), or its failure, in order."""
    return [r if isinstance(r, ReadFailure) else (r.claims, r.focus)
            for r in _extract.extract_documents(docs)]


def _joined(slot: tuple[Any, list[Document]] | Out, wait: Callable[[Any], Any]) -> list[Out]:
    """A batch's (claims, focus) joined to the documents this process holds, once ``wait`` has the
    task's result (a Dask future's ``result``, a pool's ``get``); an item that is no batch as it is."""
    if not isinstance(slot, tuple):
        return [slot]
    task, docs = slot
    return [r if isinstance(r, ReadFailure) else ExtractionResult(doc, *r)
            for doc, r in zip(docs, cast(list[Compact], wait(task)))]


def workers_for(setting: int) -> int:
    """The number of processes a ``workers`` setting asks for (0: one per core)."""
    return setting if setting > 0 else max(1, os.cpu_count() or 1)


def extract_in_order(items: Iterable[Item], workers: int) -> Iterator[Out]:
    """Each item extracted (a Document) or passed through, in order; ``workers`` processes."""
    if workers <= 1:
        yield from _here(items)
        return
    it = iter(items)
    head: list[Item] = []
    for item in it:
        head.append(item)
        if sum(isinstance(i, Document) for i in head) > START:
            break
    else:  # a handful: not worth a pool
        yield from _here(head)
        return
    # the first document here: the gazetteer and vocabularies are loaded once, before the
    # fork, and shared by the workers (copy-on-write) instead of loaded by each
    first = next(n for n, i in enumerate(head) if isinstance(i, Document)) + 1
    yield from _here(head[:first])
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        # documents go in tasks of a few (``POOL_CHUNK``, ``POOL_CHARS``) and come back as
        # (claims, focus) joined here to the documents this process still holds: a task per
        # document, its text sent back, cost the parent (which reads and stores) a third core
        window: deque[tuple[Any, list[Document]] | Out] = deque()
        for batch in _batches(chain(head[first:], it), POOL_CHUNK, POOL_CHARS):
            window.append((pool.apply_async(_extract_many, (batch,)), batch)
                          if isinstance(batch, list) else batch)
            while len(window) >= 4 * workers:
                yield from _joined(window.popleft(), lambda r: r.get())
        while window:
            yield from _joined(window.popleft(), lambda r: r.get())


POOL_CHUNK = 8  # documents per task of a worker process, at most
POOL_CHARS = 24_000  # characters of text per task, about (~8 FA-KES articles)


def _here(items: Iterable[Item]) -> Iterator[Out]:
    for item in items:
        if isinstance(item, Document):
            yield from _extract.extract_documents([item])
        else:
            yield item
