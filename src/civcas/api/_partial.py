"""Re-resolving the part of the ledger a judgement can affect (behind :func:`civcas.api.judge`).

The claims the judgement changes (its *seeds*), and every claim linked to
them before or after it (:mod:`civcas.resolve.incremental`), are loaded with
their documents and resolved as the full run would; their incidents replace
the old ones that held those claims, and nothing else is read or written
(tallies only when a cumulative claim is among the seeds). The result is the
full resolution's (``tests/store/test_incremental.py`` checks it after every
step of random judgements).
"""
from __future__ import annotations

import logging
import time
from typing import Any

from ..records import Judgement, Tally
from ..resolve import claim_features
from ..resolve import judgements as _judgements
from ..resolve import resolve as _resolve
from ..resolve import tallies as _tallies
from ..resolve.incremental import SPAN, closure, judgement_links, seeds_of
from ..store import Ledger

log = logging.getLogger(__name__)


def resolve_part(ledger: Ledger, judgement: Judgement) -> dict[str, Any] | None:
    """Re-resolve what ``judgement`` (stored already, in this transaction) can affect.

    None when the stored resolution is not current (claims ingested without
    resolving, or a ledger from before migration 0004): then resolve in full.
    """
    t0 = time.perf_counter()
    if not ledger.items_current():
        return None
    successors = ledger.successors()
    stored = ledger.judgements()
    ordered = _judgements.follow(sorted(stored, key=lambda j: j.at), successors)
    this = next(j for j in ordered if j.id == judgement.id)
    seeds = seeds_of(this)
    before = {f.claim_id: f for f in ledger.items_by_ids(seeds)}
    claims = ledger.claims_of(seeds)
    docs, focus = ledger.documents_of(c.document_id for c in claims)
    corrected, rejected = _judgements.apply_to_claims(claims, ordered)
    after = claim_features(corrected, rejected, {d.id: d for d in docs}, focus)
    states = {c: [f for f in (before.get(c), after.get(c)) if f is not None] for c in seeds}
    part = closure(states, lambda r: ledger.items_in_windows(r, SPAN), ledger.items_of_documents,
                   ledger.items_by_ids, judgement_links(ordered))
    claims = ledger.claims_of(part)
    docs, focus = ledger.documents_of(c.document_id for c in claims)
    result = _resolve(docs, claims, stored, focus, successors)
    tallies = None
    if any(f.cumulative for fs in states.values() for f in fs):
        tallies = all_tallies(ledger, stored, successors, seeds)
    gone = ledger.incidents_holding(part)
    detail = {"judgement": judgement.id, "claims": len(part), "incidents_before": len(gone),
              "incidents": len(result.incidents), "tallies": tallies is not None,
              # which incidents went and came (readers such as the review desk refresh those)
              "replaced": sorted(gone), "added": [i.id for i in result.incidents]}
    ledger.patch_resolution(gone, list(result.incidents), list(result.features), tallies,
                            detail)
    log.info("judgement %s: re-resolved %d claims (%d -> %d incidents) in %.3f s",
             judgement.id, len(part), len(gone), len(result.incidents),
             time.perf_counter() - t0)
    return detail


def all_tallies(ledger: Ledger, stored: list[Judgement], successors: dict[str, str],
                seeds: set[str]) -> list[Tally]:
    """The tallies again, from the claims that are (or, corrected, may now be) cumulative."""
    claims = ledger.claims_of({*ledger.cumulative_ids(), *seeds})
    ordered = _judgements.follow(sorted(stored, key=lambda j: j.at), successors)
    corrected, rejected = _judgements.apply_to_claims(claims, ordered)
    active = [c for c in corrected if c.id not in rejected]
    docs, _ = ledger.documents_of(c.document_id for c in active)
    return _tallies(active, {d.id: d for d in docs})
