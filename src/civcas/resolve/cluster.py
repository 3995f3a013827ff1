"""Group incident claims into incidents, with blocking so cost grows ~linearly.

Claims are taken in date order. Each is compared only with the open groups of
its blocks (:class:`.groups.Blocks`: the weeks its date window touches): groups
of the same place name; with coordinates, groups in its grid cell or the eight
around it (cells of about 11 km), and in its admin1 when it is a district or
governorate; without coordinates, groups sharing a distinctive word of its name
(not "Kafr", "Tell", numbers...). It joins a group it is compatible with — same
place (:func:`features.same_place`), overlapping date windows, no rival
perpetrator, figures of the same kind within a factor of
``features.FIGURE_RATIO``, unless its own report's other outcome of that place
and day is in the group (its dead beside these wounded) — or starts a new one.

The order: claims naming their days in a village or town first; a claim that fits
only groups of the day before or after (through the days' one-day padding) waits,
the waiting claims are grouped by the days they name, and such a group joins the
neighbouring day's group only when every one of its claims fits there (a report
dating one attack a day off), else it stands (Tuesday's reports of Tuesday's
strike are not Monday's). Then claims placed only at a district or governorate
(the towns' groups span their days by then), claims dated by their report's
publication (the latest attack before it), and claims dated only to a month (the
attack most reports tell).

Claims that cannot be placed (no place below country level, no usable date)
join a group of the same document when one is compatible in time and
perpetrator, the one whose claim is nearest in the text; else they form their
own group with the document's other unplaceable claims.
"""
from __future__ import annotations

from collections import defaultdict
from typing import cast

from ..records import Claim
from ..vocab import names
from .consolidate import TIE_SPAN, consolidate
from .features import Location, Window, same_place
from .groups import Blocks, Group, Item, coarse, meet, named_days, weeks
from .summary import SHARED_FIGURE_MIN, Summary

__all__ = ["Group", "Item", "cluster", "perpetrator_of"]
FIGHTERS = ("combatants", "security_forces")
LOOSE_DAYS = TIE_SPAN  # a window longer than this (padded, in days) names no particular week


def cluster(items: list[Item]) -> list[list[Item]]:
    """Groups of items (each a future incident), in order of their first item."""
    placed = [i for i in items if i.location is not None and i.window is not None]
    loose = [i for i in items if i.location is None or i.window is None]
    # claims dated only by their report's publication week come after the claims that name
    # their days, so the attacks those name are groups already when a week-dated report of one
    # of them looks for its group (:func:`_pick`); claims dated only to a month or longer ("in
    # August 2013") come last: a retrospective mention must not seed a group that the month's
    # first attack at that place then joins
    placed.sort(key=lambda i: (_dating(i), cast(Window, i.window).start,
                               cast(Location, i.location).rank, i.index))
    groups: list[Group] = []
    index = Blocks()
    own: dict[tuple, Group] = {}  # (document, place written, window) -> its first claim's group

    def join(item: Item, group: Group | None, into: list[Group], idx: Blocks) -> Group:
        if group is None:
            group = Group(seq=len(into))
            into.append(group)
        before = group.location
        group.add(item)
        if item.claim.place:
            own.setdefault(_account(item), group)
        if group.location is not before or len(group.members) == 1:
            idx.register(group, weeks(cast(Window, item.window)))
        return group

    # a claim naming its days whose first fitting group is one of the day before or after
    # (through the days' padding) waits: the claims of its own day may form their own group
    waiting: list[Item] = []
    for item in (i for i in placed if _dating(i) == 0 and not coarse(i.location)):
        mine = _mine(item, own)
        days = named_days(item.window)
        fitting = [mine] if mine is not None else index.fitting(item, every=False)
        if mine is None and fitting and days is not None and not any(
                meet(days, g.days) for g in fitting):
            waiting.append(item)
            continue
        join(item, _pick(item, fitting), groups, index)
    # the waiting claims are grouped among themselves; a group of them then joins the group of
    # the day before or after when every one of its claims fits there (a report dating one
    # attack a day off), else it stands: the whole day's reports decide, not its first claim
    apart: list[Group] = []
    apart_index = Blocks()
    for item in waiting:
        join(item, _pick(item, apart_index.fitting(item, every=False, same_days=True)), apart,
             apart_index)
    for g in apart:
        target = _padded(g, index)
        if target is None:
            g.seq = len(groups)
            groups.append(g)
            for m in g.members:
                index.register(g, weeks(cast(Window, m.window)))
            continue
        for m in g.members:
            join(m, target, groups, index)
        for m in g.members:  # their report's account is now the target's
            if own.get(key := _account(m)) is g:
                own[key] = target
    # then the claims placed only at a district or governorate (the days of the towns' groups
    # are known by now), those dated by their report's publication, and the month-dated
    for item in (i for i in placed if _dating(i) > 0 or coarse(i.location)):
        mine = _mine(item, own)
        join(item, _pick(item, [mine] if mine is not None else index.fitting(item, every=True)),
             groups, index)
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


def _mine(item: Item, own: dict[tuple, Group]) -> Group | None:
    """The group its own report's claim of the same place and days went to (its dead beside
    these wounded), when it fits there: a report's account of one attack is not split by
    another report's figure."""
    mine = own.get(_account(item)) if item.claim.place else None
    loc = item.location
    if mine is not None and mine.location is not None and loc is not None and same_place(
            loc, mine.location) and mine.fits(item):
        return mine
    return None


def _padded(group: Group, index: Blocks) -> Group | None:
    """The group that every member of ``group`` fits (claims that fitted only a neighbouring
    day's group when they were placed: :func:`cluster`), or None: one of their own days if
    there is one by now, else the first created."""
    first = group.members[0]
    days = group.days
    for g in sorted(index.fitting(first, every=True),
                    key=lambda g: (not meet(days, g.days), g.seq)):
        if all(g.location is not None and m.location is not None
               and same_place(m.location, g.location) and g.fits(m) for m in group.members[1:]):
            return g
    return None


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
    if len(fitting) > 1 and coarse(item.location):
        # a report naming only the province: the attack in it that shares its figure or the
        # kind of site hit, if one does (two attacks in a province on one day)
        fitting = [g for g in fitting if _tied(item, g)] or fitting
    if coarse(item.location) and item.claim.victims in FIGHTERS:
        # a province-level report of fighters killed ("34 militants killed in clashes in
        # the east of the province") is no town's strike on civilians: it joins an attack
        # whose reports tell fighters harmed too, or one it shares a figure or site with
        doc = item.claim.document_id
        fitting = [g for g in fitting if _tied(item, g) or any(
            m.claim.victims in FIGHTERS or m.claim.document_id == doc for m in g.members)]
        if not fitting:
            return None
    dating = _dating(item)
    if dating > 0 and (means := names.rare_means_named(item.claim.sentence)):
        # a report naming no day of a chemical attack tells that attack, not the conventional
        # strikes near its report's place that week: it joins a group whose reports name the
        # means too, or stands (the second pass may still join it to its attack)
        fitting = [g for g in fitting if any(means & names.rare_means_named(m.claim.sentence)
                                             for m in g.members)]
        if not fitting:
            return None
    if dating == 0:  # a group of its own days before one it fits through the days' padding
        named = named_days(item.window)
        return min(fitting, key=lambda g: (not meet(named, g.days), g.seq))
    if dating == 2:
        return min(fitting, key=lambda g: (-len({m.claim.document_id for m in g.members}),
                                            g.seq))
    return min(fitting, key=lambda g: (-(g.days[1] if g.days is not None else g.end), g.seq))


def _tied(item: Item, group: Group) -> bool:
    """The item shares a figure (``SHARED_FIGURE_MIN`` or more, same outcome) or the kind of
    site hit ("a hospital") with a member of the group."""
    c = item.claim
    figures = {n for n in (c.low, c.high) if n is not None and n >= SHARED_FIGURE_MIN}
    sites = names.sites_named(c.sentence)
    return any((m.claim.outcome == c.outcome and figures & {m.claim.low, m.claim.high})
               or (sites and sites & names.sites_named(m.claim.sentence)) for m in group.members)


def _consolidated(groups: list[Group]) -> list[Group]:
    """The groups after the second pass (:mod:`.consolidate`): one attack reported differently."""
    summaries = [Summary(g.seq, [m.claim for m in g.members], g.location,
                         [_spot(m, g.days) for m in g.members if m.location is not None
                          and m.window is not None and m.window.end - m.window.start <= TIE_SPAN],
                         [m.part for m in g.members])
                 for g in groups]
    out = []
    for members in consolidate(summaries):
        head = groups[members[0]]
        for other in members[1:]:
            head.members.extend(groups[other].members)
        out.append(head)
    return out


def _spot(m: Item, days: tuple[int, int] | None) -> tuple:
    """Where and when a member ties its group to another (:data:`.consolidate.Spot`): a
    claim dated only by its report's publication is timed by the days its group's other
    reports name, when they name some (not by the whole week before its publication: a rival's
    attack days later in that week is not "at once")."""
    w = cast(Window, m.window)
    if days is not None and _publication_dated(m):
        return (m.location, days[0] - 1, days[1] + 1, days)
    return (m.location, w.start, w.end, _days(w))


def _days(w: Window) -> tuple[int, int] | None:
    """The days a claim names itself (not a publication week), unpadded."""
    return (w.start + 1, w.end - 1) if w.precision in ("day", "days") else None


def perpetrator_of(claim: Claim) -> str | None:
    return names.actor(claim.perpetrator)
