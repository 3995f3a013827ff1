"""Resolution in worker processes: parts of the ledger that cannot touch each other, apart.

:func:`resolve` compares a claim only with claims that share a block with it (a place key
— its name, distinctive words, grid cell, admin1 — and a week, in either pass of
:mod:`.cluster`), or its document's claims, or the claims a judgement names with it. So
the claims split into *parts* such that no two parts ever meet, and resolving each part
alone gives exactly its share of the full result (the same argument as
:mod:`.incremental`: every sort key is global — ingestion order, dates, creation order —
and a part keeps the claims' order):

1. features (each claim's window and location, :func:`civcas.resolve.claim_features`)
   are computed in ``workers`` forked processes, a slice of the claims each;
2. :func:`parts` joins (union-find) the distinct locations that share a block key in
   either pass — coarser than the passes, never finer — then cuts each such area's
   claims, in date order, wherever no window reaches the next one
   (``2 x REACH_DAYS`` plus a week: the second pass's widened weeks), and joins a
   document's claims and the claims a judgement names;
3. the parts, packed into bins of similar size, are resolved by :func:`resolve` in
   forked workers (the features computed once are inherited, not recomputed), and
   the incidents are put back in ledger order; tallies are computed here, from the
   cumulative claims of the whole ledger, as :func:`resolve` does.

A part the size of the ledger (one city reported every week for years) is no error:
it is resolved in one worker, like the serial run.
"""
from __future__ import annotations

import logging
import multiprocessing
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .._gc import paused_gc
from ..records import Claim, Document, Feature, Incident, Judgement, Location, Place, Resolution
from ..vocab import names
from . import judgements as _judgements
from . import scope as _scope
from .core import _features, _tallies, resolve
from .features import REACH_DAYS, Window, skeletons
from .incremental import judgement_links
from .pairs import NEAR_CELL_DEG

log = logging.getLogger(__name__)

MIN_CLAIMS = 20_000  # fewer claims: one process (a pool costs more than it saves)
SLICE = 20_000  # claims per features task
BIN_CLAIMS = 2_000  # claims per bin of parts, at least (up to 8 bins per worker)
GAP = 2 * REACH_DAYS + 7  # days between windows beyond which no pass compares two claims
# grid cells as the second pass computes them (pairs.NEAR_CELL_DEG): it compares places
# up to 2 cells apart, and the first pass's neighbours (0.1-degree cells, 1 apart) lie within
CELL_DEG = NEAR_CELL_DEG
CELL_REACH = 2

_STATE: dict[str, Any] = {}  # what forked workers read (set before the fork)


def resolve_parallel(documents: Iterable[Document], claims: Iterable[Claim],
                     judgements: Iterable[Judgement] = (),
                     focus: Mapping[str, Place] | None = None,
                     successors: Mapping[str, str] | None = None,
                     workers: int = 2, min_claims: int | None = None) -> Resolution:
    """What :func:`civcas.resolve.resolve` returns, computed by ``workers`` processes
    (one, or fewer than ``min_claims`` claims (None: ``MIN_CLAIMS``): :func:`resolve`
    itself, in this process)."""
    docs_list, claims = list(documents), list(claims)
    judgements = list(judgements)
    with paused_gc():
        if workers <= 1 or len(claims) < max(MIN_CLAIMS if min_claims is None else min_claims, 2):
            return resolve(docs_list, claims, judgements, focus, successors)
        return _in_workers(docs_list, claims, judgements, focus, successors, workers)


def _in_workers(docs_list: list[Document], claims: list[Claim], judgements: list[Judgement],
                focus: Mapping[str, Place] | None, successors: Mapping[str, str] | None,
                workers: int) -> Resolution:
    t0 = time.perf_counter()
    docs = {d.id: d for d in docs_list}
    focus = dict(focus or {})
    ordered = _judgements.follow(sorted(judgements, key=lambda j: j.at), dict(successors or {}))
    corrected, rejected = _judgements.apply_to_claims(claims, ordered)
    if len({c.id for c in corrected}) != len(corrected):  # ids must tell claims apart
        return resolve(docs_list, claims, judgements, focus, successors)
    ctx = multiprocessing.get_context("fork")
    try:
        _STATE.update(corrected=corrected, rejected=rejected, docs=docs, focus=focus)
        slices = [(lo, min(lo + SLICE, len(corrected))) for lo in range(0, len(corrected), SLICE)]
        with ctx.Pool(workers) as pool:
            found: dict[str, tuple[Feature, Window | None]] = {}
            for part in pool.imap(_features_of, slices):
                found.update((f.claim_id, (f, w)) for f, w in part)
        t1 = time.perf_counter()
        active = [c for c in corrected if found[c.id][0].active]
        bins = _bins(parts([found[c.id][0] for c in corrected], judgement_links(ordered)),
                     workers)
        t2 = time.perf_counter()
        _STATE.update(claims=claims, judgements=judgements, successors=successors,
                      found=found)
        incidents: list[Incident] = []
        with ctx.Pool(workers) as pool:
            for got in pool.imap_unordered(_resolve_bin, bins):
                incidents.extend(got)
        t3 = time.perf_counter()
    finally:
        _STATE.clear()
    position = {c.id: n for n, c in enumerate(active)}
    incidents.sort(key=lambda i: position[i.claim_ids[0]])
    tallies = _tallies([c for c in active if found[c.id][0].cumulative], docs)
    log.info("resolved %d claims into %d incidents and %d tallies in %d bins by %d workers "
             "(features %.1f s, parts %.1f s, clustering %.1f s, rest %.1f s)",
             len(active), len(incidents), len(tallies), len(bins), workers, t1 - t0,
             t2 - t1, t3 - t2, time.perf_counter() - t3)
    return Resolution(tuple(incidents), tuple(tallies), tuple(corrected), frozenset(rejected),
                      tuple(found[c.id][0] for c in corrected))


def _features_of(bounds: tuple[int, int]) -> list[tuple[Feature, Window | None]]:
    """In a worker: the features of ``corrected[lo:hi]``, in order."""
    lo, hi = bounds
    part = _STATE["corrected"][lo:hi]
    outside = {c.id for c in part if _scope.not_harm(c)}
    locations: dict[Location, Location] = {}
    windows: dict[Window, Window] = {}
    out = []
    for f, w in _features(part, _STATE["rejected"] | outside, _STATE["docs"], _STATE["focus"],
                          outside).values():
        # one object per distinct location and window: a fraction of the bytes to send back
        if f.location is not None:
            object.__setattr__(f, "location", locations.setdefault(f.location, f.location))
        out.append((f, w if w is None else windows.setdefault(w, w)))
    return out


def _resolve_bin(positions: list[int]) -> list[Incident]:
    """In a worker: the incidents of the claims at these positions (ascending)."""
    claims = [_STATE["claims"][i] for i in positions]
    docs = _STATE["docs"]
    own = [docs[d] for d in dict.fromkeys(c.document_id for c in claims) if d in docs]
    return list(resolve(own, claims, _STATE["judgements"], _STATE["focus"],
                        _STATE["successors"], found=_STATE["found"]).incidents)


# ------------------------------------------------------------ parts


def parts(features: list[Feature], links: Mapping[str, list[tuple[str, ...]]] = {}
          ) -> list[list[int]]:
    """Positions of the clustered features (``Feature.item``) in groups that resolve
    apart (each ascending; groups in order of their first position)."""
    uf = _Union(len(features))
    held: list[int] = []  # positions of the clustered features
    spots: list[tuple[int, int, int, int]] = []  # (id of location, start, end, position)
    located: dict[int, Location] = {}  # id -> location (features share location objects)
    by_doc: dict[str, int] = {}
    loose: list[int] = []  # clustered, not placed: they join a group of their document
    for n, f in enumerate(features):
        if not f.active or f.cumulative:
            continue
        held.append(n)
        by_doc.setdefault(f.doc_id, n)
        loc, w = f.location, f.window
        if loc is not None and w is not None:
            located[id(loc)] = loc
            spots.append((id(loc), w[0], w[1], n))
        else:
            loose.append(n)
    if loose:  # a document with a claim that cannot be placed: all its claims together
        docs = {features[n].doc_id for n in loose}
        for n in held:
            if features[n].doc_id in docs:
                uf.union(by_doc[features[n].doc_id], n)
    area = _areas(located)
    by_area: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for loc_id, start, end, n in spots:
        by_area[area[loc_id]].append((start, end, n))
    for seen in by_area.values():
        seen.sort()
        reach, head = None, -1
        for start, end, n in seen:
            if reach is not None and start - reach <= GAP:
                uf.union(head, n)
                if end > reach:
                    reach = end
            else:
                head, reach = n, end
    where = {features[n].claim_id: n for n in held} if links else {}
    for named in links.values():
        for claims in named:
            hit = [where[c] for c in claims if c in where]
            for n in hit[1:]:
                uf.union(hit[0], n)
    out: dict[int, list[int]] = defaultdict(list)
    find = uf.find
    for n in held:
        out[find(n)].append(n)
    return list(out.values())  # each ascending, in order of its first position


def _loc_key(loc: Location) -> tuple:
    return (loc.name, loc.key, loc.tokens, loc.precision, loc.country, loc.admin1, loc.lat,
            loc.lon, loc.geonames_id)


def _areas(located: Mapping[int, Location]) -> dict[int, int]:
    """Id of each location -> its area: locations joined when one could look the other up
    in either pass (a shared block key; time aside)."""
    distinct: dict[tuple, int] = {}  # location's fields -> its number
    number: dict[int, int] = {}
    for i, loc in located.items():
        number[i] = distinct.setdefault(_loc_key(loc), len(distinct))
    first = {n: located[i] for i, n in number.items()}
    uf = _Union(len(distinct))
    registered: dict[tuple, list[int]] = defaultdict(list)
    queried: dict[tuple, list[int]] = defaultdict(list)
    for n, loc in first.items():
        for key in _registered(loc):
            registered[key].append(n)
        for key in _queried(loc):
            queried[key].append(n)
    for key, held in registered.items():
        everyone = held + queried.get(key, [])
        for n in everyone[1:]:
            uf.union(everyone[0], n)
    return {i: uf.find(n) for i, n in number.items()}


def _words(loc: Location) -> set[str]:
    """Distinctive words of its name and their skeletons (both passes look names up so)."""
    words = frozenset(t for t in loc.tokens if t not in names.COMMON_TOKENS and not t.isdigit())
    return set(words) | {"~" + s for s in skeletons(words)}


def _cell(loc: Location) -> tuple[int, int] | None:
    if loc.lat is None or loc.lon is None:
        return None
    return int(loc.lat // CELL_DEG), int(loc.lon // CELL_DEG)


def _registered(loc: Location) -> Iterator[tuple]:
    """Keys a location can be found by (a superset of what either pass registers)."""
    yield ("t", loc.key)
    for w in _words(loc):
        yield ("t", w)
    if loc.geonames_id is not None:
        yield ("g", loc.geonames_id)
    cell = _cell(loc)
    if cell is not None:
        yield ("c", *cell)
    if loc.admin1:
        yield ("a", loc.country, loc.admin1)


def _queried(loc: Location) -> Iterator[tuple]:
    """Keys a location looks others up by (a superset of what either pass looks up)."""
    yield ("t", loc.key)
    if loc.geonames_id is not None:
        yield ("g", loc.geonames_id)
    cell = _cell(loc)
    if cell is None:
        for w in _words(loc):
            yield ("t", w)
    else:
        for dx in range(-CELL_REACH, CELL_REACH + 1):
            for dy in range(-CELL_REACH, CELL_REACH + 1):
                yield ("c", cell[0] + dx, cell[1] + dy)
    if loc.admin1 and loc.rank >= 2:
        yield ("a", loc.country, loc.admin1)


def _bins(groups: list[list[int]], workers: int) -> list[list[int]]:
    """Parts packed into bins of similar size (largest parts first, each to the smallest
    bin), a few per worker, largest bin first; positions ascending in each."""
    total = sum(len(g) for g in groups)
    count = max(1, min(len(groups), workers * 8, total // BIN_CLAIMS))
    bins: list[list[int]] = [[] for _ in range(count)]
    for g in sorted(groups, key=len, reverse=True):
        min(bins, key=len).extend(g)
    return sorted((sorted(b) for b in bins if b), key=len, reverse=True)


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        p = self.parent
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
