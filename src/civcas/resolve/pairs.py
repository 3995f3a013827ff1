"""The pairs of groups the second pass compares (:mod:`.consolidate`), found in bulk.

Two groups are compared when a placed member of one and a placed member of the other share
a block: a week of their windows widened by ``REACH_DAYS`` and

- the same place key (its normalised name), or
- a distinctive word of a name that has no coordinates (and its skeletons), with a member
  named by it or a placed member whose name has the word, or
- grid cells of ``NEAR_CELL_DEG`` at most two apart each way (both with coordinates), or
- the same admin1, when one of the two is a governorate.

The rule is the block filing of main at b7728a6 (a member filed under every week and key,
the members of each block paired); here the filings are rows of integer arrays (summary,
week, block) and the pairs come from sorting them (numpy), not from Python sets: at 1,000,000
claims some 14 million filings made 3 million distinct pairs, 27 s of the resolution's CPU in
sets and tuples. The pairs are the same, in the same order (``tests/resolve``).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..vocab import names
from .features import REACH_DAYS, skeletons

if TYPE_CHECKING:
    import numpy as np

    from ..records import Location
    from .summary import Summary

NEAR_CELL_DEG = 0.2  # grid cell for the near-place lookup (larger than NEAR_KM)
# the cells up to two away each way, each pair of cells once (the other half pairs back)
AHEAD = tuple((dx, dy) for dx in range(0, 3) for dy in range(-2, 3) if dx > 0 or dy > 0)


def words(tokens: frozenset[str]) -> frozenset[str]:
    """The distinctive words of a name and their skeletons ("~ght": "Ghouta", "Ghoutta")."""
    found = frozenset(t for t in tokens if t not in names.COMMON_TOKENS and not t.isdigit())
    return found | {"~" + s for s in skeletons(found)}


def candidates(summaries: Sequence[Summary]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) of summaries that share a block (module docstring), sorted."""
    first, second = candidate_arrays(summaries)
    return zip(first.tolist(), second.tolist())


def candidate_arrays(summaries: Sequence[Summary]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`candidates` as two arrays (i, j)."""
    import numpy as np

    who: list[int] = []  # per spot: its summary, window and location (a number)
    starts: list[int] = []
    ends: list[int] = []
    where: list[int] = []
    number: dict[int, int] = {}  # id of a location -> its number (summaries share them)
    locs: list[Location] = []
    for i, s in enumerate(summaries):
        for loc, start, end, _ in s.spots:
            k = number.get(id(loc))
            if k is None:
                k = number[id(loc)] = len(locs)
                locs.append(loc)
            who.append(i)
            starts.append(start)
            ends.append(end)
            where.append(k)
    if not who:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    n = len(summaries)
    # what each location is filed under: its name, its words, its cell, its admin1
    ids: dict[tuple, int] = {}
    cells: dict[tuple[int, int], int] = {}
    name_of, cell_of, admin_of, wide, word_count, word_ids = [], [], [], [], [], []
    for loc in locs:
        name_of.append(ids.setdefault(("n", loc.key), len(ids)))
        if loc.lat is not None and loc.lon is not None:
            home = int(loc.lat // NEAR_CELL_DEG), int(loc.lon // NEAR_CELL_DEG)
            cell_of.append(cells.setdefault(home, len(cells)))
        else:
            cell_of.append(-1)
        admin_of.append(ids.setdefault(("a", loc.country, loc.admin1), len(ids))
                        if loc.admin1 else -1)
        wide.append(loc.rank >= 3)
        mine = [ids.setdefault(("w", w), len(ids)) for w in words(loc.tokens)]
        word_count.append(len(mine))
        word_ids.extend(mine)
    spot_who = np.asarray(who, dtype=np.int64)
    at = np.asarray(where, dtype=np.int64)
    first = (np.asarray(starts, dtype=np.int64) - REACH_DAYS) // 7
    last = (np.asarray(ends, dtype=np.int64) + REACH_DAYS) // 7
    first0 = int(first.min())
    blocks = max(len(ids), len(cells), 1)

    def weekly(rows: np.ndarray, block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(block key per week, summary) of these spots filed under these blocks: distinct
        rows sorted by key then summary; a key is ``(week - first0) * blocks + block``."""
        count = last[rows] - first[rows] + 1
        week = np.repeat(first[rows] - first0, count) + _ramps(count)
        return _distinct(week * blocks + np.repeat(block, count), np.repeat(spot_who[rows], count))

    def by_words(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The spots of ``rows`` once per word of their location, and those words."""
        count = counts[at[rows]]
        return np.repeat(rows, count), flat[np.repeat(offsets[at[rows]], count) + _ramps(count)]

    cell_at = np.asarray(cell_of, dtype=np.int64)[at]
    admin_at = np.asarray(admin_of, dtype=np.int64)[at]
    counts = np.asarray(word_count, dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    flat = np.asarray(word_ids, dtype=np.int64)
    every = np.arange(len(who))
    placed_rows, loose_rows = every[cell_at >= 0], every[cell_at < 0]
    named = weekly(every, np.asarray(name_of, dtype=np.int64)[at])
    placed = weekly(placed_rows, cell_at[placed_rows])
    by_word = weekly(*by_words(loose_rows))
    worded = weekly(*by_words(placed_rows))
    regional_rows = every[admin_at >= 0]
    coarse_rows = regional_rows[np.asarray(wide, dtype=bool)[at[regional_rows]]]
    regional = weekly(regional_rows, admin_at[regional_rows])
    coarse = weekly(coarse_rows, admin_at[coarse_rows])
    found = [_within(*filing, n) for filing in (named, by_word, placed)]  # two of one block
    # a name only against placed members named so; a governorate against its admin1
    found += [_across(*part, *whole, n) for part, whole in ((worded, by_word), (coarse, regional))]
    key, member = placed  # cells up to two apart each way (each pair of cells once)
    cell = key % blocks
    for dx, dy in AHEAD:
        beside = np.full(blocks, -1, dtype=np.int64)
        for (cx, cy), c in cells.items():
            beside[c] = cells.get((cx + dx, cy + dy), -1)
        there = beside[cell]
        keep = there >= 0
        found.append(_across(key[keep] - cell[keep] + there[keep], member[keep], key, member, n))
    codes = np.sort(np.concatenate(found))
    if len(codes):
        codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))]
    return codes // n, codes % n


def tied(summaries: Sequence[Summary], first: np.ndarray, second: np.ndarray,
         chunk: int = 500_000) -> np.ndarray:
    """Per pair (``first[k]``, ``second[k]``): whether the two summaries, as they are, share a
    figure, a sentence, a document, a site or a rare means (:func:`.consolidate._untied` is its
    negation), or one has no documents. Reads every site and means of the summaries in a pair
    (the lazy sets of :class:`~.summary.Summary`: the same values as when read one by one)."""
    import numpy as np

    n = len(summaries)
    used = np.zeros(n, dtype=bool)
    used[first] = True
    used[second] = True
    ids: dict[tuple, int] = {}
    owner: list[int] = []
    token: list[int] = []
    bare = np.zeros(n, dtype=bool)  # no documents: never ruled out
    for k in np.flatnonzero(used).tolist():
        s = summaries[k]
        if not s.documents:
            bare[k] = True
        mine: list[tuple] = [("f", *f) for f in s.figures]
        mine += [("s", x) for x in s.sentences]
        mine += [("d", x) for x in s.documents]
        mine += [("t", x) for x in s.sites]
        mine += [("m", x) for x in s.means]
        for t in mine:
            owner.append(k)
            token.append(ids.setdefault(t, len(ids)))
    out = bare[first] | bare[second]
    if not token:
        return out
    width = len(ids)
    codes = np.sort(np.asarray(owner, dtype=np.int64) * width + np.asarray(token, dtype=np.int64))
    held = codes // width  # each summary's tokens, in order of summary
    count = np.bincount(held, minlength=n)
    start = np.cumsum(count) - count
    tokens = codes % width
    for lo in range(0, len(first), chunk):
        a, b = first[lo:lo + chunk], second[lo:lo + chunk]
        many = count[a]
        pair = np.repeat(np.arange(len(a)), many)
        probe = b[pair] * width + tokens[np.repeat(start[a], many) + _ramps(many)]
        at = np.minimum(np.searchsorted(codes, probe), len(codes) - 1)
        hit = pair[codes[at] == probe]
        out[lo + np.unique(hit)] = True
    return out


def _ramps(count: np.ndarray) -> np.ndarray:
    """0, 1, ..., count[k] - 1 for each k, concatenated."""
    import numpy as np

    total = int(count.sum())
    starts = np.cumsum(count) - count
    return np.arange(total, dtype=np.int64) - np.repeat(starts, count)


def _distinct(key: np.ndarray, who: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (key, who) rows sorted by key then who."""
    import numpy as np

    order = np.lexsort((who, key))
    key, who = key[order], who[order]
    if len(key):
        keep = np.empty(len(key), dtype=bool)
        keep[0] = True
        keep[1:] = (key[1:] != key[:-1]) | (who[1:] != who[:-1])
        key, who = key[keep], who[keep]
    return key, who


def _within(key: np.ndarray, who: np.ndarray, n: int) -> np.ndarray:
    """Codes ``i * n + j`` (i < j) of every two distinct members of each block (rows distinct,
    sorted by key then member)."""
    import numpy as np

    if len(key) < 2:
        return np.empty(0, dtype=np.int64)
    size = len(key)
    # the end of each row's block
    bounds = np.flatnonzero(np.diff(key)) + 1
    ends = np.repeat(np.append(bounds, size), np.diff(np.concatenate(([0], bounds, [size]))))
    after = ends - np.arange(size) - 1  # members after each row in its block
    left = np.repeat(np.arange(size), after)
    right = left + 1 + _ramps(after)
    return who[left] * n + who[right]  # members ascending within a block: i < j


def _across(key_a: np.ndarray, who_a: np.ndarray, key_b: np.ndarray, who_b: np.ndarray,
            n: int) -> np.ndarray:
    """Codes ``min * n + max`` of each member of ``a`` with each other member of ``b`` under the
    same key (``key_b`` sorted)."""
    import numpy as np

    lo = np.searchsorted(key_b, key_a, side="left")
    hi = np.searchsorted(key_b, key_a, side="right")
    count = hi - lo
    left = np.repeat(who_a, count)
    right = who_b[np.repeat(lo, count) + _ramps(count)]
    keep = left != right
    left, right = left[keep], right[keep]
    return np.minimum(left, right) * n + np.maximum(left, right)
