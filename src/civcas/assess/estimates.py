"""Low / best / high per (outcome, victim group) of an incident, each with its rule.

- low: the lowest figure any claim reports; high: the highest.
- best: one figure per independent source (its latest claim), then the median
  of those (the lower one of the two middle figures when there is an even
  number): the figure most sources support, leaning conservative.
- Figures of claims about the same incident are never added up.
- A belligerent's denial (a zero from the party accused) is its stance, not a
  figure; vague figures ("dozens") give no number.
- Civilians: claims about civilians; when there are none, claims about
  "people", since civilian status is assumed unless a claim says otherwise. A
  figure for a part of the toll ("two medics were among the dead",
  :mod:`.parts`) is left out when a whole is told: a part is no rival to it.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import cast

from ..records import Claim, Document, Estimate, Outcome, VictimGroup
from ..vocab import names
from .parts import part_figure
from .sources import Source

GROUPS: tuple[tuple[Outcome, VictimGroup], ...] = (
          ("killed", "civilians"), ("injured", "civilians"), ("killed", "children"),
          ("killed", "women"), ("injured", "children"), ("injured", "women"))


def _point(c: Claim) -> int | None:
    return c.low if c.low is not None else c.high


def _top(c: Claim) -> int | None:
    return c.high if c.high is not None else c.low


def usable(c: Claim) -> bool:
    """A claim that gives a figure for the incident's harm."""
    if c.qualifier == "vague" or _point(c) is None:
        return False
    return not (c.qualifier == "none" and names.belligerent(c.source))


Figures = dict[tuple[str, str], list[tuple[Source, Claim]]]


def usable_by(sources: list[Source]) -> Figures:
    """(outcome, victims) -> the usable claims of that kind with their source, in source order
    then claim order."""
    out: Figures = defaultdict(list)
    for s in sources:
        for c in s.claims:
            if usable(c):
                out[(c.outcome, c.victims)].append((s, c))
    return out


def estimates(sources: list[Source], documents: dict[str, Document],
              figures: Figures | None = None) -> list[Estimate]:
    """``figures``: :func:`usable_by` of ``sources``, when the caller has it."""
    figures = usable_by(sources) if figures is None else figures
    out = []
    for outcome, victims in GROUPS:
        if (outcome, victims) not in figures and (victims != "civilians"
                                                  or (outcome, "people") not in figures):
            continue  # no figure of this kind (nor, for civilians, of people): as _estimate
        est = _estimate(sources, documents, outcome, victims, figures=figures)
        if est is not None:
            out.append(est)
    return out


def _estimate(sources: list[Source], documents: dict[str, Document], outcome: Outcome,
              victims: VictimGroup, fallback: bool = True,
              figures: Figures | None = None) -> Estimate | None:
    by_kind = usable_by(sources) if figures is None else figures
    if (outcome, victims) not in by_kind and not (
            victims == "civilians" and fallback and (outcome, "people") in by_kind):
        return None  # no figure of this kind (nor, for civilians, of people)

    def pick(group: str) -> list[tuple[Source, Claim]]:
        return list(by_kind.get((outcome, group), ()))

    chosen, note = _without_abroad(pick(victims))
    if victims == "civilians":  # a part ("two medics were among the dead") is no civilian toll
        wholes = [(s, c) for s, c in chosen if not part_figure(c)]
        if len(wholes) < len(chosen):
            note += "figures of a part of the toll left out (a part is no rival to the whole); "
        chosen = wholes
        if not chosen and fallback:
            people, gone = _without_abroad(pick("people"))
            chosen = [(s, c) for s, c in people if not part_figure(c)]
            note += gone
            note += ("no claim gives a civilian figure; figures for people are counted as "
                     "civilians (civilian unless a claim says otherwise); ")
        chosen, places = _without_places_parts(chosen)
        if places:
            note += (f"figures of one place below the toll told over several places left out "
                     f"(claims {', '.join(places)}: a place's count is a part of the whole); ")
        if not chosen:  # only parts are told: they are all there is
            chosen, note = pick(victims), ""
    if not chosen:
        return None
    # every chosen claim is usable: it has a figure
    low_s, low_c = min(chosen, key=lambda sc: cast(int, _point(sc[1])))
    high_s, high_c = max(chosen, key=lambda sc: cast(int, _top(sc[1])))
    per_source: dict[int, tuple[Source, Claim]] = {}
    for s, c in chosen:  # each source's latest claim
        doc = documents.get(c.document_id)
        when = doc.published.toordinal() if doc and doc.published else 0
        prev = per_source.get(id(s))
        prev_doc = documents.get(prev[1].document_id) if prev else None
        prev_when = prev_doc.published.toordinal() if prev_doc and prev_doc.published else 0
        if prev is None or when >= prev_when:
            per_source[id(s)] = (s, c)
    points = sorted((_point(c), s.name) for s, c in per_source.values())
    best, best_name = points[(len(points) - 1) // 2]
    n = len(points)
    rule = (
        f"{note}low {_point(low_c)}: lowest figure reported ({low_s.name}); "
        f"high {_top(high_c)}: highest figure reported ({high_s.name}); "
        + (f"best {best}: the only source's figure ({best_name})" if n == 1 else
           f"best {best}: median of {n} independent sources' figures "
           f"({', '.join(f'{s} {v}' for v, s in points)}; lower middle when even)")
        + "; figures of claims about one incident are never added up"
    )
    return Estimate(outcome=outcome, victims=victims, low=_point(low_c), best=best,
                    high=_top(high_c), rule=rule,
                    claim_ids=tuple(dict.fromkeys(c.id for _, c in chosen)))


def _without_abroad(chosen: list[tuple[Source, Claim]]) -> tuple[
        list[tuple[Source, Claim]], str]:
    """The claims without those placed in another country than most of them (the town across
    a border where an attack was felt: its two slightly hurt are no rival to the toll), and the
    rule's note naming those left out ("" when none: also when the countries are even)."""
    placed = [c.geo.country for _, c in chosen if c.geo is not None and c.geo.country]
    if len(set(placed)) < 2:  # (most incidents: one country, counted without a Counter)
        return chosen, ""
    countries = Counter(placed)
    (home, n), (_, m) = countries.most_common(2)
    if n == m:
        return chosen, ""
    kept, out = [], []
    for s, c in chosen:
        if c.geo is not None and c.geo.country and c.geo.country != home:
            out.append(c.id)
        else:
            kept.append((s, c))
    return kept, (f"figures of a place in another country than most of the incident's left out "
                  f"(claims {', '.join(out)}: where the attack was felt across a border); ")


def _without_places_parts(chosen: list[tuple[Source, Claim]]) -> tuple[
        list[tuple[Source, Claim]], list[str]]:
    """The claims without the counts of one place below a toll told over several places ("the
    suburbs", "the villages": :func:`civcas.vocab.names.names_several_places`): one suburb's
    dead are a part of the whole, not a rival estimate of it. Returns the kept claims and the
    ids left out."""
    if len(chosen) < 2:
        return chosen, []
    wide = [names.names_several_places(c.sentence) for _, c in chosen]
    several = [p for (_, c), w in zip(chosen, wide) if w and (p := _point(c)) is not None]
    if not several:
        return chosen, []
    floor = min(several)
    kept, out = [], []
    for (s, c), w in zip(chosen, wide):
        if not w and cast(int, _top(c)) < floor:
            out.append(c.id)
        else:
            kept.append((s, c))
    return kept, out
