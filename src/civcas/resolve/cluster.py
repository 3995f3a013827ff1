"""Group incident claims into incidents, with blocking so cost grows ~linearly.

Claims are taken in date order. Each is compared only with the open groups of
its blocks (the weeks its date window touches): groups of the same place name;
with coordinates, groups in its grid cell or the eight around it (cells of
about 11 km), and in its admin1 when it is a district or governorate; without
coordinates, groups sharing a distinctive word of its name (not "Kafr",
"Tell", numbers...). It joins the first group it is compatible
with — same place (:func:`features.same_place`), overlapping date windows,
no rival perpetrator, figures of the same kind within a factor of
``features.FIGURE_RATIO``, unless its own report's other outcome of that
place and day is in the group (its dead beside these wounded) — or starts
a new one.

Claims that cannot be placed (no place below country level, no usable date)
join a group of the same document when one is compatible in time and
perpetrator, the one whose claim is nearest in the text; else they form their
own group with the document's other unplaceable claims.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import cast

from ..records import Claim
from ..vocab import names
from .consolidate import TIE_SPAN, Summary, consolidate
from .features import Location, Window, same_place, skeletons
from .features import cell as _cell
from .features import compatible_figures as _compatible
from .features import figure_kind as _kind
from .features import figure_span as _figure

WEEK = 7
MAX_BUCKETS = 8
LOOSE_DAYS = TIE_SPAN  # a window longer than this (padded, in days) names no particular week


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
        named = _named_days(item.window)
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
        named = _named_days(w)
        if named is not None and self.days is not None and (
                named[0] > self.days[1] or named[1] < self.days[0]) and (
                _coarse(item.location) or _coarse(self.location)):
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
        return bool(c.place) and _named_days(item.window) is not None and any(
            m.claim.document_id == c.document_id and m.claim.place == c.place
            and m.claim.outcome != c.outcome and m.window == item.window for m in self.members)


def cluster(items: list[Item]) -> list[list[Item]]:
    """Groups of items (each a future incident), in order of their first item."""
    placed = [i for i in items if i.location is not None and i.window is not None]
    loose = [i for i in items if i.location is None or i.window is None]
    # claims dated only by their report's publication week come after the claims that name
    # their days, so the attacks those name are groups already when a week-dated report of one
    # of them looks for its group (:func:`_pick`)
    # claims dated only to a month or longer ("in August 2013") come last: a retrospective
    # mention must not seed a group that the month's first attack at that place then joins
    placed.sort(key=lambda i: (_dating(i), cast(Window, i.window).start,
                               cast(Location, i.location).rank, i.index))
    groups: list[Group] = []
    # week -> token -> groups; (week, grid cell) -> groups with coordinates;
    # (country, week, admin1) -> groups with coordinates (for district/governorate places)
    by_token: dict[int, dict[str, list[Group]]] = defaultdict(lambda: defaultdict(list))
    by_cell: dict[tuple, list[Group]] = defaultdict(list)
    by_admin: dict[tuple, list[Group]] = defaultdict(list)
    own: dict[tuple, Group] = {}  # (document, place written, window) -> its first claim's group
    for item in placed:
        loc, window = item.location, item.window
        assert loc is not None and window is not None  # placed
        weeks = _weeks(window)
        group = None
        seen: set[int] = set()
        cell = _cell(loc)
        fitting: list[Group] = []
        latest = _dating(item) > 0  # look at every group it fits (:func:`_pick`)
        # the group its own report's claim of the same place and days went to (its dead beside
        # these wounded): a report's account of one attack is not split by another's figure
        mine = own.get(_account(item)) if item.claim.place else None
        if mine is not None and mine.location is not None and same_place(loc, mine.location) \
                and mine.fits(item):
            fitting.append(mine)
        for week in weeks if not fitting else ():
            candidates: list[Group] = list(by_token[week].get(loc.key, ()))
            if cell is None:  # a name only: groups sharing a distinctive word of it
                for tok in _lookup_tokens(loc.tokens):
                    candidates.extend(by_token[week].get(tok, ()))
            else:  # coordinates: groups nearby (and groups of the same name, above)
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        candidates.extend(by_cell.get((week, cell[0] + dx, cell[1] + dy), ()))
                if loc.rank >= 2:  # district or governorate: anything in its admin1
                    candidates.extend(by_admin.get((loc.country, week, loc.admin1), ()))
            for g in sorted(candidates, key=lambda g: g.seq):
                if id(g) in seen:
                    continue
                seen.add(id(g))
                if g.location is not None and same_place(loc, g.location) and g.fits(item):
                    fitting.append(g)
                    if not latest:
                        break  # the first group created that fits
            if fitting and not latest:
                break
        group = _pick(item, fitting)
        if group is None:
            group = Group(seq=len(groups))
            groups.append(group)
        before = group.location
        group.add(item)
        if item.claim.place:
            own.setdefault(_account(item), group)
        if group.location is not before or len(group.members) == 1:
            _register(group, weeks, by_token, by_cell, by_admin)
    by_doc: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        for m in g.members:
            if g not in by_doc[m.claim.document_id]:
                by_doc[m.claim.document_id].append(g)
    for item in sorted(loose, key=lambda i: i.index):
        doc = item.claim.document_id
        fitting = [g for g in by_doc[doc] if g.fits(item)]
        if fitting:
            pos = item.claim.span[0]
            best = min(fitting, key=lambda g: min(abs(m.claim.span[0] - pos)
                                                  for m in g.members if m.claim.document_id == doc))
            best.add(item)
        else:
            g = Group(seq=len(groups))
            g.add(item)
            groups.append(g)
            by_doc[doc].append(g)
    out = [sorted(g.members, key=lambda m: m.index) for g in _consolidated(groups)]
    out.sort(key=lambda ms: ms[0].index)
    return out


def _account(item: Item) -> tuple:
    """A report's account of one attack: its document, the place written and the window."""
    w = item.window
    return (item.claim.document_id, item.claim.place, w.start if w else None,
            w.end if w else None)


def _publication_dated(item: Item) -> bool:
    """The claim names no date: its window is the week before its report's publication."""
    return item.claim.event_date is None


def _dating(item: Item) -> int:
    """0: the claim names its days (or a week); 1: it names no date (its report's publication
    week); 2: it names only a month or longer ("in August 2013", "last month")."""
    if _publication_dated(item):
        return 1
    w = item.window
    return 2 if w is not None and w.end - w.start > LOOSE_DAYS else 0


def _pick(item: Item, fitting: list[Group]) -> Group | None:
    """The group an item joins among those it fits: the first created; for a claim dated only
    by its report's publication, the one whose named days are latest (a report tells of the
    latest attack at a place before it was published, not of one days earlier in its week);
    for a claim dated only to a month or longer, the one told by the most reports (a mention
    of "the attack in August" names the attack remembered, not the month's first)."""
    if not fitting:
        return None
    dating = _dating(item)
    if dating == 0:
        return min(fitting, key=lambda g: g.seq)
    if dating == 2:
        return min(fitting, key=lambda g: (-len({m.claim.document_id for m in g.members}),
                                            g.seq))
    return min(fitting, key=lambda g: (-(g.days[1] if g.days is not None else g.end), g.seq))


def _consolidated(groups: list[Group]) -> list[Group]:
    """The groups after the second pass (:mod:`.consolidate`): one attack reported differently."""
    summaries = [Summary(g.seq, [m.claim for m in g.members], g.location,
                         [(m.location, m.window.start, m.window.end, _days(m.window))
                          for m in g.members if m.location is not None and m.window is not None
                          and m.window.end - m.window.start <= TIE_SPAN],
                         [m.part for m in g.members])
                 for g in groups]
    out = []
    for members in consolidate(summaries):
        head = groups[members[0]]
        for other in members[1:]:
            head.members.extend(groups[other].members)
        out.append(head)
    return out


def _coarse(loc: Location | None) -> bool:
    return loc is not None and loc.rank >= 2  # a district or a governorate


def _named_days(w: Window | None) -> tuple[int, int] | None:
    """The days a claim names itself (not a publication week), unpadded."""
    return (w.start + 1, w.end - 1) if w is not None and w.precision in ("day", "days") else None


def _days(w: Window) -> tuple[int, int] | None:
    """The days a claim names itself (not a publication week), unpadded."""
    return (w.start + 1, w.end - 1) if w.precision in ("day", "days") else None


def _weeks(w: Window) -> list[int]:
    first, last = w.start // WEEK, w.end // WEEK
    return list(range(first, min(last, first + MAX_BUCKETS - 1) + 1))


def _lookup_tokens(tokens: frozenset[str]) -> frozenset[str]:
    """Words to look a place up by, and their skeletons ("~mls": "Milis" spelt "Meles"); none
    when all are common (then its full name only)."""
    words = frozenset(t for t in tokens if t not in names.COMMON_TOKENS and not t.isdigit())
    return words | {"~" + s for s in skeletons(words)}


def _register(group: Group, weeks: list[int], by_token: dict, by_cell: dict,
              by_admin: dict) -> None:
    loc = group.location
    assert loc is not None  # only located groups are registered
    cell = _cell(loc)
    for week in weeks:
        for tok in _lookup_tokens(loc.tokens) | {loc.key}:
            lst = by_token[week][tok]
            if group not in lst:
                lst.append(group)
        if cell is not None:
            for lst in (by_cell[(week, cell[0], cell[1])],
                        by_admin[(loc.country, week, loc.admin1)]):
                if group not in lst:
                    lst.append(group)


def perpetrator_of(claim: Claim) -> str | None:
    return names.actor(claim.perpetrator)
