"""Groups of claims being formed (:mod:`.cluster`) and the blocks they are looked up by.

A :class:`Group` holds what its members agree on: the window every member's lies in, the days
the members that name days name, its most precise place, its perpetrator, and per kind of
figure the span every member's figure allows. :class:`Blocks` files open groups by week and
place key (name and distinctive words; grid cell; admin1 for districts and governorates), so a
claim is compared only with the groups it could join.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..records import Claim
from ..vocab import names
from .features import Location, Window, same_place, skeletons
from .features import cell as _cell
from .features import compatible_figures as _compatible
from .features import figure_kind as _kind
from .features import figure_span as _figure

WEEK = 7
MAX_BUCKETS = 8


@dataclass(eq=False)
class Item:
    """A claim with what resolution compares."""

    index: int  # position in the input (ingestion order)
    claim: Claim
    window: Window | None
    location: Location | None
    perpetrator: str | None  # canonical actor; None or "contested" fits any
    part: bool = False  # its figure is part of a toll told beside it: never held against others


@dataclass(eq=False)
class Group:
    members: list[Item] = field(default_factory=list)
    start: int = 0
    end: int = 0
    location: Location | None = None
    perpetrator: str | None = None
    figures: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    seq: int = 0  # creation order: candidates are tried in this order (deterministic)
    days: tuple[int, int] | None = None  # the days every member that names days names

    def add(self, item: Item) -> None:
        if not self.members:
            if item.window:
                self.start, self.end = item.window.start, item.window.end
        elif item.window:
            if self.start or self.end:
                self.start = max(self.start, item.window.start)
                self.end = min(self.end, item.window.end)
            else:
                self.start, self.end = item.window.start, item.window.end
        self.members.append(item)
        named = named_days(item.window)
        if named is not None:
            if self.days is None:
                self.days = named
            else:
                meet = (max(self.days[0], named[0]), min(self.days[1], named[1]))
                # reports dating one attack a day apart (the padding let them join): the group
                # spans both days, not none, so a district-level report of either day still fits
                self.days = meet if meet[0] <= meet[1] else (min(self.days[0], named[0]),
                                                             max(self.days[1], named[1]))
        if item.location and (self.location is None or item.location.rank < self.location.rank):
            self.location = item.location
        if item.perpetrator and item.perpetrator != "contested" and self.perpetrator is None:
            self.perpetrator = item.perpetrator
        span = None if item.part else _figure(item.claim)
        if span:
            key = (item.claim.outcome, _kind(item.claim.victims))
            lo, hi = self.figures.get(key, (span[0], span[1]))
            self.figures[key] = (max(lo, span[0]), min(hi, span[1]))

    def fits(self, item: Item) -> bool:
        w = item.window
        if w and (self.start or self.end) and (w.start > self.end or w.end < self.start):
            return False
        named = named_days(w)
        if named is not None and self.days is not None and (
                named[0] > self.days[1] or named[1] < self.days[0]) and (
                coarse(item.location) or coarse(self.location)):
            return False  # Monday's strike and Tuesday's in a district: the days must meet
        p = item.perpetrator
        if p and p != "contested" and self.perpetrator and not names.compatible(p, self.perpetrator):
            return False
        span = None if item.part else _figure(item.claim)
        if span:
            known = self.figures.get((item.claim.outcome, _kind(item.claim.victims)))
            if known and not _compatible(span, known) and not self._told_with(item):
                return False
        return True

    def _told_with(self, item: Item) -> bool:
        """A member of the item's own report tells the other outcome of the same attack (the
        killed beside these wounded: same place written, same days): the report's account of one
        attack is not split by another report's figure."""
        c = item.claim
        return bool(c.place) and named_days(item.window) is not None and any(
            m.claim.document_id == c.document_id and m.claim.place == c.place
            and m.claim.outcome != c.outcome and m.window == item.window for m in self.members)


class Blocks:
    """Open groups by week and place key: week -> token -> groups; (week, grid cell) -> groups
    with coordinates; (country, week, admin1) -> groups with coordinates (for district and
    governorate places)."""

    def __init__(self) -> None:
        self.by_token: dict[int, dict[str, list[Group]]] = defaultdict(lambda: defaultdict(list))
        self.by_cell: dict[tuple, list[Group]] = defaultdict(list)
        self.by_admin: dict[tuple, list[Group]] = defaultdict(list)

    def register(self, group: Group, weeks: list[int]) -> None:
        register_group(group, weeks, self.by_token, self.by_cell, self.by_admin)

    def fitting(self, item: Item, every: bool, same_days: bool = False) -> list[Group]:
        """The groups the item fits (same place, :meth:`Group.fits`), in creation order within
        a week; ``every``: all of them, else the first group created that fits; ``same_days``:
        only groups whose named days meet the item's (not through the days' padding)."""
        named = named_days(item.window)
        loc, window = item.location, item.window
        assert loc is not None and window is not None  # placed
        cell = _cell(loc)
        seen: set[int] = set()
        fitting: list[Group] = []
        for week in weeks(window):
            candidates: list[Group] = list(self.by_token[week].get(loc.key, ()))
            if cell is None:  # a name only: groups sharing a distinctive word of it
                for tok in lookup_tokens(loc.tokens):
                    candidates.extend(self.by_token[week].get(tok, ()))
            else:  # coordinates: groups nearby (and groups of the same name, above)
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        candidates.extend(self.by_cell.get((week, cell[0] + dx, cell[1] + dy),
                                                           ()))
                if loc.rank >= 2:  # district or governorate: anything in its admin1
                    candidates.extend(self.by_admin.get((loc.country, week, loc.admin1), ()))
            for g in sorted(candidates, key=lambda g: g.seq):
                if id(g) in seen:
                    continue
                seen.add(id(g))
                if g.location is not None and same_place(loc, g.location) and g.fits(item) and (
                        not same_days or meet(named, g.days)):
                    fitting.append(g)
                    if not every:
                        return fitting  # the first group created that fits
        return fitting


def meet(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Named days that overlap; a group naming no days meets any."""
    return b is None or (a is not None and a[0] <= b[1] and b[0] <= a[1])


def coarse(loc: Location | None) -> bool:
    return loc is not None and loc.rank >= 2  # a district or a governorate


def named_days(w: Window | None) -> tuple[int, int] | None:
    """The days a claim names itself (not a publication week), unpadded."""
    return (w.start + 1, w.end - 1) if w is not None and w.precision in ("day", "days") else None


def weeks(w: Window) -> list[int]:
    first, last = w.start // WEEK, w.end // WEEK
    return list(range(first, min(last, first + MAX_BUCKETS - 1) + 1))


def lookup_tokens(tokens: frozenset[str]) -> frozenset[str]:
    """Words to look a place up by, and their skeletons ("~mls": "Milis" spelt "Meles"); none
    when all are common (then its full name only)."""
    words = frozenset(t for t in tokens if t not in names.COMMON_TOKENS and not t.isdigit())
    return words | {"~" + s for s in skeletons(words)}


def register_group(group: Group, weeks: list[int], by_token: dict, by_cell: dict,
              by_admin: dict) -> None:
    loc = group.location
    assert loc is not None  # only located groups are registered
    cell = _cell(loc)
    for week in weeks:
        for tok in lookup_tokens(loc.tokens) | {loc.key}:
            lst = by_token[week][tok]
            if group not in lst:
                lst.append(group)
        if cell is not None:
            for lst in (by_cell[(week, cell[0], cell[1])],
                        by_admin[(loc.country, week, loc.admin1)]):
                if group not in lst:
                    lst.append(group)
