"""Incremental resolution: resolve the documents stored since the last resolution.

Each step takes up to ``batch`` pending documents inside one transaction
holding the ledger's write lock (:meth:`~civcas.store.Ledger.locked`), so that
concurrent ingests, resolutions and judgements apply one after another:

1. their current claims (corrected by judgements) are the *seeds*, with what
   resolution compared them by before (stored ``resolve_items``: a claim of an
   older version of the document, or of a run that crashed after storing) and
   now;
2. every stored claim linked to a seed, transitively
   (:func:`civcas.resolve.incremental.closure`: same place, overlapping
   windows; same document; named together by a judgement) is read, and that
   part alone is resolved by :func:`civcas.resolve.resolve` — whatever rules
   it applies — giving exactly its part of the full resolution;
3. the incidents that held those claims are replaced by the part's incidents,
   the tallies are patched (a new cumulative figure replaces one only when
   reported earlier; when a claim left, the tallies are recomputed from the
   cumulative claims), and the documents are marked resolved — one commit.

Nothing else is read, so adding 20 documents costs what their part costs,
not what the ledger holds. A ledger whose stored features cannot be trusted
(from before migration 0004) is resolved in full once.
"""
from __future__ import annotations

import logging
import time
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from ..records import Feature, Tally
from ..resolve import claim_features
from ..resolve import judgements as _judgements
from ..resolve import resolve as _resolve
from ..resolve import tallies as _tallies
from ..resolve.incremental import SPAN, closure, judgement_links
from ..store import Ledger
from ..store.reading import tally_order
from ..vocab import names
from ._partial import all_tallies as _all_tallies

log = logging.getLogger(__name__)

BATCH = 200  # documents per resolution step (one short write transaction each)


def resolve_pending(ledger: Ledger, batch: int = BATCH,
                    full: Callable[[Ledger], Any] | None = None) -> dict[str, int]:
    """Resolve every pending document, ``batch`` at a time; counts of what was done.

    ``full(ledger)``: the full resolution, used when the stored features cannot be
    trusted (then once, for everything)."""
    done = {"documents": 0, "claims": 0, "steps": 0, "full": 0}
    if not ledger.pending_count():
        return done
    if not ledger.resolved_items_stored() and full is not None:
        full(ledger)
        done["full"] = 1
        return done
    while True:
        with ledger.locked() as locked:
            step = _step(locked, batch)
        if step is None:
            return done
        done["documents"] += step[0]
        done["claims"] += step[1]
        done["steps"] += 1


def resolve_pending_locked(ledger: Ledger, batch: int = BATCH) -> int:
    """Inside a :meth:`~civcas.store.Ledger.locked` transaction: resolve every pending
    document there; how many there were."""
    n = 0
    while (step := _step(ledger, batch)) is not None:
        n += step[0]
    return n


def _step(ledger: Ledger, batch: int) -> tuple[int, int] | None:
    t0 = time.perf_counter()
    pending = ledger.pending_documents(batch)
    if not pending:
        return None
    doc_ids = {d for _, d in pending}
    current = ledger.claim_ids_of_documents(doc_ids)
    before = {f.claim_id: f for f in ledger.items_of_documents(doc_ids)}
    before.update({f.claim_id: f for f in ledger.items_by_ids(current)})
    stored = ledger.judgements()
    successors = ledger.successors()
    ordered = _judgements.follow(sorted(stored, key=lambda j: j.at), successors)
    claims = ledger.claims_of(current)
    docs, focus = ledger.documents_of(doc_ids)
    corrected, rejected = _judgements.apply_to_claims(claims, ordered)
    after = claim_features(corrected, rejected, {d.id: d for d in docs}, focus)
    seeds = set(current) | set(before)
    states = {c: [f for f in (before.get(c), after.get(c)) if f is not None] for c in seeds}
    links = judgement_links(ordered)
    part = closure(states, _Windows(ledger), ledger.items_of_documents, ledger.items_by_ids,
                   links)
    part_claims = ledger.claims_of(part)
    part_docs, part_focus = ledger.documents_of(c.document_id for c in part_claims)
    result = _resolve(part_docs, part_claims, stored, part_focus, successors)
    gone = ledger.incidents_holding(part)
    left = set(before) - set(current)  # claims of older versions: their items go
    judged = any(c in links or c in rejected for c in seeds) or any(
        j.target in seeds for j in ordered if j.kind.endswith("_claim"))
    tallies: list[Tally] | None = None
    patch: tuple[list[str], list[Tally]] | None = None
    if left or judged:
        if any(f.cumulative for fs in states.values() for f in fs):
            tallies = _all_tallies(ledger, stored, successors, seeds)
    else:
        patch = _tally_patch(ledger, [c for c in corrected if c.id not in rejected],
                             {d.id: d for d in docs})
    ledger.patch_resolution(
        gone, list(result.incidents), list(result.features), tallies,
        {"pending": len(pending), "claims": len(part), "incidents_before": len(gone),
         "incidents": len(result.incidents)},
        drop=left, resolved=[pk for pk, _ in pending], tally_patch=patch)
    log.info("resolved %d pending documents: %d claims in their part (%d -> %d incidents) "
             "in %.3f s", len(pending), len(part), len(gone), len(result.incidents),
             time.perf_counter() - t0)
    return len(pending), len(current)


class _Windows:
    """``in_windows`` for one closure: each day is read from the database once (a closure
    widens round by round over overlapping ranges)."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.covered: list[tuple[int, int]] = []  # merged, sorted
        self.cache: dict[str, Feature] = {}

    def __call__(self, wanted: list[tuple[int, int]]) -> list[Feature]:
        todo = [piece for lo, hi in wanted for piece in _minus((lo, hi), self.covered)]
        if todo:
            for f in self.ledger.items_in_windows(todo, SPAN):
                self.cache[f.claim_id] = f
            self.covered = _merged(self.covered + todo)
        wanted = _merged(wanted)
        starts = [lo for lo, _ in wanted]
        out = []
        for f in self.cache.values():
            if f.window is None:
                continue
            s, e = f.window
            i = bisect_right(starts, e) - 1  # the last wanted range starting by e
            if i >= 0 and wanted[i][1] >= s:  # ranges merged: earlier ones end sooner
                out.append(f)
        return out


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _minus(r: tuple[int, int], covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of day range ``r`` outside the ``covered`` ranges (merged, sorted)."""
    lo, hi = r
    out = []
    for c_lo, c_hi in covered:
        if c_hi < lo or c_lo > hi:
            continue
        if c_lo > lo:
            out.append((lo, c_lo - 1))
        lo = max(lo, c_hi + 1)
        if lo > hi:
            return out
    if lo <= hi:
        out.append((lo, hi))
    return out


def _key(t: Tally) -> tuple:
    return (names.fold(t.asserter), t.belligerent, t.victims, t.outcome, t.low, t.high)


def _tally_patch(ledger: Ledger, active: list, docs: dict) -> tuple[list[str], list[Tally]] | None:
    """(claims whose tally goes, tallies to add) when these claims join the ledger: a figure
    already tallied keeps its entry unless reported with an earlier date (or as early, by
    a claim ingested before)."""
    new = _tallies(active, docs)
    if not new:
        return None
    stored = {_key(t): t for t in ledger.tallies()}
    ties = [c for t in new if (o := stored.get(_key(t))) is not None and o.as_of == t.as_of
            for c in (t.claim_id, o.claim_id)]
    pks = ledger.claim_pks(ties) if ties else {}
    removed: list[str] = []
    added: list[Tally] = []
    for t in new:
        o = stored.get(_key(t))
        if o is not None:
            if o.claim_id == t.claim_id:
                continue
            earlier = (t.as_of or "9") < (o.as_of or "9") or (
                t.as_of == o.as_of and pks.get(t.claim_id, 0) < pks.get(o.claim_id, 0))
            if not earlier:
                continue
            removed.append(o.claim_id)
        added.append(t)
    return removed, sorted(added, key=tally_order)
