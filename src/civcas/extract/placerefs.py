"""Which place mentions belong to which claim: the clauses of a sentence with several tolls, and the
descriptions that point back to a place named before ("the district", "the city")."""
from __future__ import annotations

import re
from functools import lru_cache

from .known import level_of, outside

# a figure's place, then straight on to the next figure: "... in Hammouriya 100 in Kfar Batna"
_PLACE_THEN_FIGURE = re.compile(r"\bin\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+$")
_ZONE_BREAK = re.compile(r"[,;،؛]|\b(?:and|while|whereas|but|amid|after|before|following)\b|(?<=\s)(?:فيما|بينما|في\s+حين)(?=\s)")


def claim_zones(spans: list[tuple[int, int]], sentence: str) -> dict[tuple[int, int], tuple[int, int]]:
    """Each claim's stretch of its sentence: from the break (comma, "and", "while") after the previous claim
    to the break before the next one. Claims with no break between them ("14 people including two
    children") share one stretch. (Worked out once per sentence: every claim of a toll table asks.)"""
    return dict(_zones(tuple(sorted(set(spans))), sentence))


@lru_cache(maxsize=64)
def _zones(spans: tuple[tuple[int, int], ...], sentence: str) -> dict[tuple[int, int], tuple[int, int]]:
    cuts = [0]
    for (_s, e), (ns, _ne) in zip(spans, spans[1:]):
        breaks = [m.start() for m in _ZONE_BREAK.finditer(sentence, e, ns)] if ns > e else []
        if not breaks and ns > e and _PLACE_THEN_FIGURE.search(sentence, e, ns):
            breaks = [ns]  # "150 were counted in Hammouriya 100 in Kfar Batna": the list's commas lost in the copy
        cuts.append(breaks[-1] if breaks else cuts[-1])
    cuts.append(len(sentence))
    zones = {}
    for i, span in enumerate(spans):
        lo = cuts[i]
        hi = next((c for c in cuts[i + 1:] if c > lo), len(sentence))
        zones[span] = (lo, hi)
    return zones


def zoned_places(zones: dict[tuple[int, int], tuple[int, int]],
                 mentions: list[tuple[int, int, str, int]], sentence: str = "") -> dict[tuple[int, int], list] | None:
    """The places of each claim's own stretch, when a sentence tells of several places each with its own
    toll: "30 were killed in Aleppo province and another 39 in neighbouring Idlib province". None when
    the sentence is one stretch, a stretch names no place or only a country, or one stretch only narrows another's region
    ("in Idlib province ... three killed and five injured in air strikes on Tel Minis")."""
    stretches = sorted(set(zones.values()))
    if len(stretches) < 2:
        return None
    own = {z: [m for m in mentions if z[0] <= m[0] < z[1]] for z in stretches}
    stretches = _joined(stretches, own, sentence)
    if len(stretches) < 2 or not all(own[z] for z in stretches):
        return None
    best = [max(own[z], key=lambda m: m[3]) for z in stretches]
    if any(b[3] < 2 for b in best):  # "into Turkey", "in northeastern Syria": no place of a toll of its own
        return None
    for i, a in enumerate(best):
        for b in best[i + 1:]:
            if a[2] == b[2] or (a[3] <= 2 and not outside(b[2], a[2])) or (b[3] <= 2 and not outside(a[2], b[2])):
                return None
    return {span: own[z] for span, z in zones.items()}


_AND_NEXT = re.compile(r"\s*and\b", re.I)


def _joined(stretches: list[tuple[int, int]], own: dict, sentence: str) -> list[tuple[int, int]]:
    """The stretches that name places of their own; a figure's stretch with no place, joined by "and" to
    the next figure's, shares that one's places ("six were killed and 15 injured in X, a day after ... in
    Y left 35 dead": the first two in X). ``own`` is filled in for the joined stretches."""
    out = []
    for i, z in enumerate(stretches):
        if own[z]:
            out.append(z)
        elif i + 1 < len(stretches) and own[stretches[i + 1]] and _AND_NEXT.match(sentence, z[1]):
            own[z] = own[stretches[i + 1]]
        else:
            out.append(z)
    return out


# kinds of place a definite description can point back to ("the district", "the town")
_KIND_WORDS = {"city": "city", "neighborhood": "quarter", "neighbourhood": "quarter", "district": "quarter", "quarter": "quarter",
               "suburb": "quarter", "village": "town", "town": "town", "hamlet": "town", "camp": "camp",
               "province": "province", "governorate": "province"}
_KIND = r"(neighbou?rhood|district|quarter|suburb|village|town|hamlet|camp|city|province|governorate)"
_KIND_AFTER = re.compile(rf"\s+{_KIND}\b", re.I)
_KIND_BEFORE = re.compile(rf"\b{_KIND}\s+of\s+(?:the\s+)?$", re.I)
_A_KIND_OF = re.compile(r"\b(?:a|one)\s+(?:\w+\s+)?(neighbou?rhood|district|quarter|suburb|village|hamlet)\s+(?:of|in|on)\s",
                        re.I)  # "in a neighbourhood of Aleppo": one the report names elsewhere
_THE_KIND = re.compile(rf"\b(?:the|this|that)\s+(?:\w+\s+)?{_KIND}\b(?!\s+of\b)", re.I)


def kinds_named(sentence: str, mentions: list[tuple[int, int, str, int]]) -> dict[str, str]:
    """The places this sentence names with their kind: "the Akrameh neighbourhood" -> {"quarter": "Akrameh"}."""
    out, cities = {}, {}
    for s, e, name, rank in sorted(mentions, key=lambda m: m[3] == 3):  # a city named beats a governorate
        if rank < 2:
            continue
        m = rank >= 4 and (_KIND_AFTER.match(sentence, e) or _KIND_BEFORE.search(sentence[max(0, s - 30):s]))
        if m:
            out[_KIND_WORDS[m.group(1).lower()]] = name
        elif rank in (2, 3) and level_of(name) in ("city", "province") and (rank == 3 or "city" not in cities):
            out["city"] = cities["city"] = name  # "Aleppo and its countryside": a governorate shares its capital's name
        if rank == 2 and level_of(name) == "province":
            out["province"] = name  # "Idlib province ... across the northwestern province"
    return out


@lru_cache(maxsize=256)  # every claim of a sentence asks
def kind_referred(sentence: str) -> str | None:
    """The kind of place a definite description in ``sentence`` points back to: "The district has been
    targeted before" -> "quarter"."""
    low = sentence.lower()
    if not any(k in low for k in _KIND_STEMS) and not any(c in sentence for c in _FOLDED):
        return None  # no kind word at all (a cheap test first)
    m = next((k for k in _THE_KIND.finditer(sentence) if not (
        k.group(1).lower() in ("province", "governorate") and not _ACROSS.search(sentence, 0, k.start()))), None) \
        or _A_KIND_OF.search(sentence)
    if m:
        return _KIND_WORDS[m.group(1).lower()]
    return "city" if _THE_QUARTERS.search(sentence) else None  # "the western districts": of the city


# "airstrikes across the northwestern province": harm spread over the province named before
_ACROSS = re.compile(r"\b(?:across|throughout|all\s+over|around)\s+$", re.I)
_KIND_STEMS = ("neighb", "district", "quarter", "suburb", "village", "town", "hamlet", "camp", "city", "province",
               "governorate")
_FOLDED = ("\u0130", "\u0131", "\u017f", "\u212a")  # letters an expression's re.I matches to "i", "s", "k" that lower() does not give
_THE_QUARTERS = re.compile(r"\bthe\s+(?:\w+\s+)?(?:districts|neighbou?rhoods|quarters)\b(?!\s+of\b)", re.I)


def names_quarters(sentence: str) -> bool:
    """Whether the sentence speaks of a city's quarters in the plural ("the two neighbourhoods", "the western
    districts"), which stand for the city."""
    return _THE_QUARTERS.search(sentence) is not None
