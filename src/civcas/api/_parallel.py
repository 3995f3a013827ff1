"""Extraction in worker processes, with the results in input order (behind ``--workers``).

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
from collections.abc import Iterable, Iterator
from itertools import chain
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any

from ..records import Document, ExtractionResult, ReadFailure
from . import _config, _extract

log = logging.getLogger(__name__)

Item = Document | ExtractionResult | ReadFailure
Out = ExtractionResult | ReadFailure
START = 8  # documents to extract before a pool is worth starting


def extract_paths(paths: Iterable[str | Path], *, explain: bool = False,
                  workers: int | None = None,
                  **options: Any) -> Iterator[ExtractionResult | ReadFailure]:
    """Read every document under ``paths`` and extract its claims (``explain``: with the
    reasons), in input order, by ``workers`` processes (None: the ``workers`` setting;
    0: one per core; explaining stays in this process)."""
    docs = _extract.read_documents(paths, **options)
    if explain:
        return _extract.extract_documents(docs, explain=True)
    return extract_in_order(docs, workers_for(int(_config.current().get("workers", workers))))


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
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        window: deque[Out | AsyncResult] = deque()
        for one in chain(head, it):
            window.append(pool.apply_async(_extract_one, (one,))
                          if isinstance(one, Document) else one)
            while len(window) >= 8 * workers:
                yield _get(window.popleft())
        while window:
            yield _get(window.popleft())


def _here(items: Iterable[Item]) -> Iterator[Out]:
    for item in items:
        if isinstance(item, Document):
            yield from _extract.extract_documents([item])
        else:
            yield item


def _extract_one(doc: Document) -> Out:
    return next(iter(_extract.extract_documents([doc])))


def _get(slot: Out | AsyncResult) -> Out:
    return slot.get() if isinstance(slot, AsyncResult) else slot
