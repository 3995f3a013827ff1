"""Cyclic garbage collection paused around work that makes many objects and no cycles to speak of."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside (reference counting frees what the block drops); the
    collector is enabled again after, unless it was off before. Resolution makes millions of objects
    and every collection would walk them all (decisions §15.3); extracting a document makes tens of
    thousands, and a collection every 700 walked the per-sentence caches again and again (§15.14).
    Forked workers inherit the pause."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
