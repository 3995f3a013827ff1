"""What a judgement can change: the claims linked to the ones it touches.

Clustering (:mod:`.cluster`) is greedy, so a claim's incident depends on
other claims; but only on claims it could join. A claim X joins a group only
when its window overlaps the group's (which lies inside every member's
window) and :func:`~.features.same_place` holds between X's location and
the group's (which is one member's location). So the *link*

    X ~ Y  when both are placed, their windows lie within REACH_DAYS of each other
           and same_place(X, Y), near_place(X, Y) or near_across(X, Y) (the second pass,
           :mod:`.consolidate`)

plus the links that do not go through places (a claim that cannot be placed
joins a group of its own document: it is linked to its document's claims; a
merge, split or grade judgement links the claims it names) splits the claims
into components that resolve independently: resolving one component alone
gives exactly its part of the full result (same groups, and the same order,
since every sort key is global: ingestion order, dates, creation order).

A judgement changes some claims (*seeds*: the claim it is about, or the
claims it names). Re-resolving the component of the seeds, with the links of
their old and their new state, gives the full result: every other component
is untouched, and the old incidents of that component lie inside it.

Pure functions over :class:`~civcas.records.Feature` records; :mod:`civcas.store` keeps them
(table ``resolve_items``) and fetches them by window, document and id.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from ..records import Feature, Judgement
from .features import MAX_WINDOW_DAYS, REACH_DAYS, near_across, near_place, same_place

log = logging.getLogger(__name__)

# the longest window: MAX_WINDOW_DAYS widened by a day each side (no date: a week)
SPAN = MAX_WINDOW_DAYS + 2
LINKING = ("merge", "split", "set_grade")


def linked(a: Feature, b: Feature) -> bool:
    """Whether a could join a group that b holds the location of (or the other way round), or
    the groups of a and b could be merged by the second pass (:mod:`.consolidate`: places the
    same or near, windows within REACH_DAYS)."""
    if not (a.placed and b.placed):
        return False
    assert a.window and b.window and a.location and b.location  # placed
    (s1, e1), (s2, e2) = a.window, b.window
    if max(s1, s2) - min(e1, e2) > REACH_DAYS:
        return False
    return same_place(a.location, b.location) or near_place(a.location, b.location) or \
        near_across(a.location, b.location)


def judgement_links(judgements: Iterable[Judgement]) -> dict[str, list[tuple[str, ...]]]:
    """Claim id -> the claim sets of the merge, split and grade judgements that name it."""
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for j in judgements:
        if j.kind in LINKING:
            claims = tuple(c for c in dict(j.payload).get("claims", ()) if isinstance(c, str))
            for c in claims:
                out[c].append(claims)
    return out


def seeds_of(j: Judgement) -> set[str]:
    """The claims a judgement changes (ids as followed to current document versions)."""
    if j.kind.endswith("_claim"):
        return {j.target}
    return {c for c in dict(j.payload).get("claims", ()) if isinstance(c, str)}


def ranges(features: Iterable[Feature]) -> list[tuple[int, int]]:
    """Merged day ranges covering the windows of these placed features, widened by
    REACH_DAYS (the second pass merges groups that far apart)."""
    spans = sorted((f.window[0] - REACH_DAYS, f.window[1] + REACH_DAYS)
                   for f in features if f.placed and f.window is not None)
    out: list[list[int]] = []
    for s, e in spans:
        if out and s <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _by_week(placed: list[Feature]) -> Callable[[Feature], list[Feature]]:
    """``near(other)``: the features of ``placed`` whose windows share a week with other's
    widened by REACH_DAYS (every one ``linked`` can hold for; the rest need not be tried)."""
    weeks: dict[int, list[Feature]] = defaultdict(list)
    for f in placed:
        assert f.window is not None  # placed
        for w in range(f.window[0] // 7, f.window[1] // 7 + 1):
            weeks[w].append(f)

    def near(other: Feature) -> list[Feature]:
        if other.window is None:
            return []
        out: dict[int, Feature] = {}
        for w in range((other.window[0] - REACH_DAYS) // 7, (other.window[1] + REACH_DAYS) // 7 + 1):
            for f in weeks.get(w, ()):
                out[id(f)] = f
        return list(out.values())

    return near


def closure(seeds: Mapping[str, list[Feature]],
            in_windows: Callable[[list[tuple[int, int]]], list[Feature]],
            of_documents: Callable[[set[str]], list[Feature]],
            by_ids: Callable[[set[str]], list[Feature]],
            links: Mapping[str, list[tuple[str, ...]]]) -> set[str]:
    """The claim ids linked (transitively) to ``seeds`` (claim id -> its states, old and new).

    ``in_windows(ranges)``: stored features whose windows overlap any of the day ranges;
    ``of_documents(ids)``, ``by_ids(ids)``: stored features of those documents, claims.
    """
    states: dict[str, list[Feature]] = {c: list(v) for c, v in seeds.items()}
    seen: set[str] = set(seeds)
    frontier = set(seeds)
    rounds = 0
    while frontier:
        rounds += 1
        found: set[str] = set()
        feats = [f for c in frontier for f in states.get(c, ())]
        placed = [f for f in feats if f.placed]
        if placed:
            near = _by_week(placed)
            for other in in_windows(ranges(placed)):
                if other.claim_id not in seen and other.claim_id not in found and any(
                        linked(f, other) for f in near(other)):
                    found.add(other.claim_id)
                    states[other.claim_id] = [other]
        items = [f for f in feats if f.item]
        if items:
            loose = {f.doc_id for f in items if not f.placed}
            for other in of_documents({f.doc_id for f in items}):
                if (other.claim_id not in seen and other.item
                        and (not other.placed or other.doc_id in loose)):
                    found.add(other.claim_id)
                    states[other.claim_id] = [other]
        named = {c for f in frontier for claims in links.get(f, ()) for c in claims} - seen - found
        if named:
            for other in by_ids(named):
                states[other.claim_id] = [other]
            found |= named  # a named claim without a stored state (rejected, gone) still counts
        seen |= found
        frontier = found
    log.debug("closure: %d seeds -> %d claims in %d rounds", len(seeds), len(seen), rounds)
    return seen
