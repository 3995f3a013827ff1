"""Second pass of clustering: groups that are one attack reported differently become one.

The greedy pass (:mod:`.cluster`) keeps claims apart when a report dates the attack
days off (a wrong publication date, a weekday read against it), names a nearby
place (the village, its town), or names the attacker generically ("a suicide
bomber"). Two groups are merged here when a placed member of one and a placed
member of the other are placed and timed alike, their perpetrators are
compatible, their figures are compatible (the greedy pass's rule), AND a tie
binds them:

- place: ``same_place`` (neither a whole governorate), or ``near_place`` (both
  with coordinates, one country, within ``NEAR_KM``);
- time: the days the claims name overlap (``same``; their padded windows when a
  claim names no day), or lie within ``REACH_DAYS`` (``near``);
- perpetrator: compatible actors (allies, one side, ``contested`` or none); a
  generic attacker ("a suicide bomber", "gunmen") blames no one
  (:func:`.features.known_actor`). Reports blaming rival parties are merged only
  at the same place on the same days with a tie: one attack that the sources
  blame on different parties (a monitor and state media, or a misread attacker)
  is one incident, its perpetrator contested or the sources' weighted choice
  (:func:`civcas.assess.perpetrators`);
- tie: a shared figure (the same outcome and the same number, at least
  ``SHARED_FIGURE_MIN`` killed or injured: "27 killed" in one town twice in a
  week is one bombing) or a shared sentence (a wire story printed twice).

A part and its whole (:func:`whole_and_part`): a group whose every figure stays below the
smallest figure of a toll told over several places ("the suburbs", "the villages") in another
group, at the same or a near place on the days both name, with a report telling both and no
rival blame, is one of those places: it joins the whole without a shared figure, and its
figures are never compared with later groups' (a part is no rival; the estimate leaves it
out, :mod:`civcas.assess.estimates`).

The same site (:func:`same_site`): without a shared figure or sentence, two groups whose
reports name the same kind of site hit ("a hospital", "the market": the vocabulary's building
words), on the days both name, at the same or a near place or a governorate and a place in
it, with no rival blame and figures that can be one toll, are one attack.

The same rare means (:func:`same_means`): two groups whose reports name the same rare means of
attack ("a chemical attack", "sarin": the vocabulary's attacks.toml), with no rival blame, on the
days both name, at the same or a near place or a governorate and a place in it, are one attack
whatever their counts.

Across a border (:func:`across_border`): a group all of whose reports also tell another group's
attack, at a town across a border crossing from it on the days both name, is where that attack
was felt across the border; the two are one.

A rare-means attack's own reports (:func:`told_beside_means`): a group all of whose reports
also tell another group's rare-means attack, at the same or a near place on the days both name,
with no rival blame, holds that attack's per-place or early counts; the two are one.

A toll that rose: two tied groups at the same or a near place on the days both name, whose
figures conflict only because one holds the first counts and the other the later toll ("the
death toll rose to", "has reached", "an updated toll": ``_RISING``), are one attack.

A member dated only loosely (a window longer than ``TIE_SPAN`` days: "in July", "last
month") times nothing here: its month would overlap both of two attacks weeks apart.

Rules: a tie, and the same place at the same time, or a near place at the same
time, or the same place at a near time (rival parties: the same place at the same
time); or a shared figure and a governorate with a place inside it (same admin1
code) on the days both claims name. A shared document is
no tie (a report tells of several attacks), and a governorate-level place is too
coarse to tie anything by a shared sentence or over a publication week (measured
on FA-KES: both lowered purity).

Blocking: groups are indexed by each placed member's weeks (its window widened
by ``REACH_DAYS``) and place keys (name; grid cell of about 22 km and the eight
around it; without coordinates, distinctive words of the name), so each group is compared only with groups it
could merge with. Merges are taken in a fixed order (pairs sorted by the
groups' creation order), so resolving a linked component alone gives its part
of the full result (:mod:`.incremental` links claims the same way).
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from ..vocab import names
from .features import REACH_DAYS, near_across, near_place, same_place
from .features import compatible_figures as _compatible
from .pairs import candidate_arrays, candidates, tied
from .summary import Spot, Summary

# a member dated only to a month or more ("in July") places its group in no particular week:
# its window (padded, in days) must be at most this long to time a tie
TIE_SPAN = 12
log = logging.getLogger(__name__)


def _time(a: Spot, b: Spot) -> str | None:
    """day: the days both claims name overlap; same: their padded windows overlap (one of them
    names no day: a publication week); near: within REACH_DAYS of each other."""
    if a[3] is not None and b[3] is not None:
        (s1, e1), (s2, e2) = a[3], b[3]
        if s1 <= e2 and s2 <= e1:
            return "day"
    else:
        s1, e1, s2, e2 = a[1], a[2], b[1], b[2]
        if s1 <= e2 and s2 <= e1:
            return "same"
    return "near" if max(s1, s2) - min(e1, e2) <= REACH_DAYS else None


def relations(a: Summary, b: Summary) -> set[tuple[str, str]]:
    """(place, time) relations between a placed member of ``a`` and one of ``b``. Place:
    "same" (``same_place``, neither a whole governorate), "coarse" (``same_place`` through a
    governorate), "near" (``near_place``); time: "day", "same" or "near" (:func:`_time`)."""
    out: set[tuple[str, str]] = set()
    for x in a.spots:
        for y in b.spots:
            time = _time(x, y)
            if time is None:
                continue
            if same_place(x[0], y[0]):
                place = "same" if x[0].rank < 3 and y[0].rank < 3 else "coarse"
            elif near_place(x[0], y[0]):
                place = "near"
            elif near_across(x[0], y[0]):
                place = "border"
            else:
                continue
            out.add((place, time))
    return out


def _perps(a: Summary, b: Summary) -> bool:
    return all(names.compatible(x, y) for x in a.perps for y in b.perps)


def _figures_compatible(a: Summary, b: Summary) -> bool:
    """The greedy pass's rule between every figure of one and every figure of the other."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for key, f in a.spans:
        spans[key].append(f)
    for key, f in b.spans:
        for other in spans.get(key, ()):
            if not _compatible(f, other):
                return False
    return True


def part_of(part: Summary, whole: Summary) -> bool:
    """``part`` is a part of ``whole``'s toll: the whole is told over several places ("the
    suburbs", "the villages"), a report tells both, and every figure of the part that the
    whole has a kind of stays below the whole's smallest (one village's dead are no rival to
    the villages' toll). The caller checks place (same or near) and the days (named, meeting)."""
    if part.documents.isdisjoint(whole.documents):
        return False
    p, w = part.traits, whole.traits
    if not w.floor or p.floor:
        return False
    compared = False
    for key, top in p.highest.items():
        floor = w.floor.get(key)
        if floor is None:
            continue
        if top >= floor:
            return False
        compared = True
    return compared


def whole_and_part(a: Summary, b: Summary) -> bool:
    """One of the two is a part of the other (:func:`part_of`), at the same or a near place on
    the days both name, blaming no rival party."""
    if not (part_of(a, b) or part_of(b, a)) or not _perps(a, b):
        return False
    return bool({("same", "day"), ("near", "day")} & relations(a, b))


def should_merge(a: Summary, b: Summary) -> bool:
    """Whether two groups are one attack (the rules of the module's docstring)."""
    if a.figures.isdisjoint(b.figures) and a.sentences.isdisjoint(b.sentences):
        return same_site(a, b)  # no tie but the site: checked first (the cheapest test)
    rel = relations(a, b)
    at_once = {("same", "day"), ("same", "same")}
    if not (at_once | {("near", "day"), ("near", "same"), ("same", "near")}) & rel:
        # a governorate and a place inside it (admin1 codes), on the days both name, with a
        # shared figure: the report that names only the province is about the same attack,
        # whoever it blames (the incident's blame is the sources' weighted choice)
        if not (("coarse", "day") in rel and not a.figures.isdisjoint(b.figures)):
            return False
        return _figures_compatible(a, b)
    if not _perps(a, b) and not at_once & rel:
        return False  # rival parties: only the same place on the same days ties them
    if _figures_compatible(a, b):
        return True
    # a toll that rose: the early reports' counts are no rival of the later ones, when a report
    # says the toll rose and the two are tied, at the same or a near place on the days both name
    return (a.traits.rising or b.traits.rising) and bool({("same", "day"), ("near", "day")} & rel)


def same_site(a: Summary, b: Summary) -> bool:
    """The same kind of site hit ("a hospital"), no rival blame, figures that can be one toll,
    on the days both name, at the same or a near place or in the governorate the other names
    (a report naming only the province: "a hospital in a rebel-held province")."""
    if a.sites.isdisjoint(b.sites) or not _perps(a, b):
        return False
    rel = relations(a, b)
    if not {("same", "day"), ("near", "day"), ("coarse", "day")} & rel:
        return False
    return _figures_compatible(a, b)


def across_border(a: Summary, b: Summary) -> bool:
    """A report's account of an attack names the town across the border where it was felt too
    ("two people were hurt in Nusaybin" beside the Qamishli bombing): every report of the
    smaller group also tells the other, the places lie across a border crossing from each other
    (:func:`~.features.near_across`) on the days both name, no rival blame. Its figures are not
    compared (the estimate leaves out the figures of another country than the incident's)."""
    small, big = (a, b) if len(a.claims) <= len(b.claims) else (b, a)
    if not small.documents <= big.documents or not _perps(a, b):
        return False
    return ("border", "day") in relations(a, b)


def same_means(a: Summary, b: Summary) -> bool:
    """The same rare means of attack ("a chemical attack": the vocabulary's attacks.toml) on the
    days both name, at the same or a near place or in the governorate the other names (rival
    blame: at the same place): one attack whatever the counts (the first counts of a
    mass-casualty attack are a tenth of the day's later ones)."""
    if a.means.isdisjoint(b.means):
        return False
    rel = relations(a, b)
    if not _perps(a, b):  # rival blame (a contested attack): the same place on the same days
        return ("same", "day") in rel
    return bool({("same", "day"), ("near", "day"), ("coarse", "day")} & rel)


def told_beside_means(a: Summary, b: Summary) -> bool:
    """The reports of a rare-means attack count its dead place by place ("100 bodies in one
    suburb, 67 in another"; "30 bodies brought to a field hospital in ..."): every report of
    one group, two or more or in a sentence already the other's (one report may tell a second
    attack beside it), also tells the other group's attack, whose claims name a rare means of
    attack (:attr:`Summary.means`) where the first group's name none, at the same or a near
    place on the days both name (a governorate is too coarse: the province's other attacks
    that day); with rival blame (a misread attacker) only at the same place. The counts are
    not compared (per-place counts and early counts of one mass-casualty attack)."""
    if not any(whole.means and not part.means and part.documents <= whole.documents
               and (len(part.documents) >= 2 or not part.sentences.isdisjoint(whole.sentences))
               and not part.common_means  # "shelling killed 4 in the next suburb": its own attack
               for part, whole in ((a, b), (b, a))):
        return False
    rel = relations(a, b)
    if not _perps(a, b):  # rival blame (a misread attacker): the same place on the same days
        return ("same", "day") in rel
    return bool({("same", "day"), ("near", "day")} & rel)


def _desc(s: Summary) -> str:
    loc = s.location.name if s.location else None
    return f"[{loc} {sorted(s.perps)} n={len(s.claims)}]"


def consolidate(summaries: list[Summary]) -> list[list[int]]:
    """Groups of summary positions to merge (each sorted), every summary in exactly one."""
    parent = list(range(len(summaries)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    merged = list(summaries)  # a summary is copied when it first takes another in (most never do)
    copied: set[int] = set()
    first, second = candidate_arrays(summaries)
    # whether each pair is tied, read in bulk from the summaries as they are; a pair of which a
    # summary has merged (rare) is read again as it is then
    ties = tied(summaries, first, second).tolist()
    touched = bytearray(len(summaries))
    for i, j, tie in zip(first.tolist(), second.tolist(), ties):
        if not (tie or touched[i] or touched[j]):
            continue
        a, b = find(i), find(j)
        if a == b or _untied(merged[a], merged[b]):
            continue
        part = False
        if not should_merge(merged[a], merged[b]):
            if whole_and_part(merged[a], merged[b]):
                part = True
            elif not (same_means(merged[a], merged[b]) or across_border(merged[a], merged[b])
                      or told_beside_means(merged[a], merged[b])):
                continue
        log.debug("merge %s%s: %s <- %s", "part " if part else "",
                  sorted(relations(merged[a], merged[b])), _desc(merged[a]), _desc(merged[b]))
        lo, hi = min(a, b), max(a, b)
        if lo not in copied:
            merged[lo] = merged[lo].copy()
            copied.add(lo)
        merged[lo].absorb(merged[hi], part)
        parent[hi] = lo
        touched[lo] = touched[hi] = 1
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(len(summaries)):
        out[find(i)].append(i)
    return sorted(out.values())


def _untied(a: Summary, b: Summary) -> bool:
    """Nothing ties the two, so no rule can merge them: no shared figure, sentence, document,
    site or rare means (every rule needs one: :func:`should_merge` a figure, a sentence or
    the site; :func:`whole_and_part`, :func:`across_border` and :func:`told_beside_means` a
    shared report; :func:`same_means` the means). The same answer as the rules, in a few set
    lookups (most candidate pairs share a block and nothing else); a group with no documents
    is never ruled out here."""
    return (a.figures.isdisjoint(b.figures) and a.sentences.isdisjoint(b.sentences)
            and bool(a.documents) and bool(b.documents) and a.documents.isdisjoint(b.documents)
            and a.sites.isdisjoint(b.sites) and a.means.isdisjoint(b.means))


def _candidates(summaries: list[Summary]) -> Iterable[tuple[int, int]]:
    """Pairs (i < j) that share a block, in a fixed order: a week of a member's
    window widened by REACH_DAYS and a place key (its name and distinctive words, its grid
    cell and the cells up to two away); a governorate-level member meets its admin1's groups
    (:func:`.pairs.candidates`)."""
    return candidates(summaries)
