"""A place mention plus its context -> ranked gazetteer candidates, and the best one.

Score of a candidate (higher is better; every part is listed in ``why``):

- how the name matched: exact 1.0, spelling variant 0.9, vowel variant 0.7;
- a region named nearby that contains it ("in the province of X", "X countryside",
  the claim's sentence, or the later parts of "Village, Region"): up to +0.6;
- a region the document names elsewhere: up to +0.4;
- the document's other places in the same region: up to +0.3;
- a country the document names: up to +0.3;
- importance (admin level, population): up to +0.1;
- "X province" / "province of X": the region itself +0.5.

``confidence`` is the match weight times the candidate's share of the
score mass (a softmax), so two equally good candidates get about 0.5 each.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import cast

from ..records import Candidate, Place, PlaceResolution, Precision
from .context import EMPTY, LARGE_PLACE, Context, analyse
from .index import Entry, Gazetteer
from .normalize import EXACT, FOLD, LEVEL_NAMES, LEVELS, SKEL

MATCH = {EXACT: 1.0, FOLD: 0.9, SKEL: 0.7}
MAX_MENTION = 120  # characters; a longer "name" is not a place name
MAX_CANDIDATES = 10
SMALL_PLACE_SHARE = 0.2  # a small foreign place needs its country to have this share of the names
WORLD_CITY = 1_000_000  # an exact match this big stands even far from the text's places
_TEMPERATURE = 0.12
_REGION_WORDS = r"(?:province|governorate|countryside|region|district|area)"
_OF = re.compile(rf"^(?:the\s+)?(?:\w+\s+)?{_REGION_WORDS}\s+of\s+(?:the\s+)?(.+)$", re.I)
_SUFFIX = re.compile(rf"^(.+?)(?:['’]s)?\s+{_REGION_WORDS}$", re.I)
_KIND_OF = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:village|town|city|neighbou?rhood|suburb|camp|hamlet)\s+of\s+(.+)$", re.I)  # noqa: E501
_KIND_SUFFIX = re.compile(r"^(.+?)\s+(?:city|town|village|camp)$", re.I)


def clean_mention(mention: str) -> tuple[str, bool]:
    """(name, region_cue): "Idlib province" -> ("Idlib", True); "the town of X" -> ("X", False)."""
    name = " ".join(mention.strip(" \t\n\"'“”‘’.,;:()[]").split())
    for rx, cue in ((_OF, True), (_SUFFIX, True), (_KIND_OF, False), (_KIND_SUFFIX, False)):
        m = rx.match(name)
        if m and m.group(1).strip():
            return m.group(1).strip(), cue
    return name, False


def to_place(gaz: Gazetteer, e: Entry, mention: str | None, confidence: float,
             precision: str | None = None) -> Place:
    admin1 = gaz.admin1_name(e.admin1_code) if e.admin1_code else None
    admin2 = e.admin2 or None
    return Place(
        name=e.name, lat=e.lat, lon=e.lon, country=e.country or None, admin1=admin1,
        admin2=admin2, geonames_id=e.geonames_id, feature=e.feature,
        precision=cast(Precision, precision or e.precision), confidence=round(confidence, 3),
        mention=mention,
        origin=e.origin,
    )


def in_region(e: Entry, ctx: Context, near: Context) -> bool:
    """Is ``e`` inside a region the text names, or beside places it names?"""
    a1 = e.admin1_code
    return bool(a1) and (near.regions.get(a1, 0) > 0 or ctx.regions.get(a1, 0) > 0
                         or near.votes.get(a1, 0) > 0 or ctx.votes.get(a1, 0) > 0)


def home_country(ctx: Context) -> str | None:
    """The country the text names most (else whose places it names most)."""
    pool = ctx.countries or ctx.named
    return max(pool.items(), key=lambda kv: (kv[1], kv[0]))[0] if pool else None


def country_supported(cc: str, ctx: Context, near: Context | None = None) -> bool:
    """Is ``cc`` among the countries the sentence (else the text) names? True when none is named."""
    for c in (near, ctx):
        if c is not None and c.named:
            return c.named.get(cc, 0) / sum(c.named.values()) >= 0.1
    return not ctx.countries or ctx.share(ctx.countries, cc) >= SMALL_PLACE_SHARE


def _supported(e: Entry, ctx: Context, near: Context, level: str = EXACT) -> bool:
    """Does anything besides the mention itself point to where ``e`` is?"""
    if e.feature == "A.PCLI":
        return level != SKEL  # a country goes by its name, never by its consonants alone
    if e.population >= LARGE_PLACE and level != SKEL and e.country == home_country(ctx):
        return True  # the text's own country's big city ("the United States accused Damascus" is Syria's)
    if level == SKEL:  # a loose match needs its region, and the text's main country
        return (in_region(e, ctx, near) and country_supported(e.country, ctx, near)
                and e.country == home_country(ctx))
    if (level == FOLD and not any(c.named.get(e.country) for c in (near, ctx))
            and e.country != home_country(ctx) and (ctx.countries or ctx.named)):
        # a spelling variant abroad ("al-Shafa" -> Ash Shafa, Saudi Arabia) needs its country named
        return False
    big = e.population >= LARGE_PLACE  # a big city needs its country named at all; the rest more
    for c in (near, ctx):
        if c.named:  # the countries the sentence, else the text, names decide
            share = c.named.get(e.country, 0) / sum(c.named.values())
            return share >= SMALL_PLACE_SHARE or (big and share > 0)
    if not ctx.countries:
        return True
    share = ctx.share(ctx.countries, e.country)  # else the countries of the places it names
    return share >= SMALL_PLACE_SHARE or (big and share > 0)


def _has_context(ctx: Context, near: Context) -> bool:
    return bool(ctx.named or ctx.countries or near.regions or ctx.regions)


def score(e: Entry, level: str, cue: bool, ctx: Context, near: Context) -> tuple[float, list[str]]:
    s = MATCH[level]
    why = [f"{LEVEL_NAMES[level]} name match"]
    a1 = e.admin1_code
    if e.feature == "A.PCLI":
        s += 0.3
        why.append("a country's name")
    if cue and e.feature in ("A.ADM1", "A.ADM2"):
        s += 0.5 if e.feature == "A.ADM1" else 0.3
        why.append("named as a region")
    if a1 and near.regions.get(a1):
        s += 0.6 * near.share(near.regions, a1)
        why.append("inside a region named nearby")
    elif a1 and near.votes.get(a1):
        s += 0.4 * near.share(near.votes, a1)
        why.append("same region as places named nearby")
    if a1 and ctx.regions.get(a1):
        s += 0.4 * ctx.share(ctx.regions, a1)
        why.append("inside a region the article names")
    if a1 and ctx.votes.get(a1):
        s += 0.3 * ctx.share(ctx.votes, a1)
        why.append("same region as the article's other places")
    if ctx.countries.get(e.country):
        s += 0.3 * ctx.share(ctx.countries, e.country)
        why.append(f"in a country the article names ({e.country})")
    s += 0.1 * e.importance
    why.append({"A.PCLI": "country", "A.ADM1": "admin1 region", "A.ADM2": "admin2 district"}.get(
        e.feature, f"population {e.population:,}"))
    if e.origin == "user":
        s += 0.05
        why.append("your own place")
    return s, why


def candidates(gaz: Gazetteer, name: str, cue: bool, ctx: Context,
               near: Context) -> tuple[str, list[tuple[Candidate, Entry]]]:
    found = gaz.match(name)
    if not found:
        return "", []
    level = min((lv for lv, _e in found), key=LEVELS.index)
    scored = [(e, *score(e, lv, cue, ctx, near)) for lv, e in found]
    scored.sort(key=lambda t: (-t[1], t[0].rank, -t[0].population, t[0].row))
    lv = {e.row: level for level, e in found}
    scored = scored[:MAX_CANDIDATES]
    top = scored[0][1]
    weights = [math.exp((s - top) / _TEMPERATURE) for _e, s, _w in scored]
    total = sum(weights)
    # nested entries (a town, its district, its governorate) are not rivals: pool by admin1
    pooled: dict[tuple[str, str], float] = {}
    for (e, _s, _w), w in zip(scored, weights):
        area = (e.country, e.admin1_code)
        pooled[area] = pooled.get(area, 0.0) + w
    out = [(Candidate(to_place(gaz, e, name, MATCH[lv[e.row]] * pooled[(e.country, e.admin1_code)] / total),
                      s, tuple(why)), e) for (e, s, why), w in zip(scored, weights)]
    return level, out


def _context_of(gaz: Gazetteer, parts: list[str]) -> Context:
    """Regions named after a comma ("Abu al-Hassan, Deir ez-Zor, Syria"): strong nearby cues."""
    ctx = Context()
    for part in parts:
        name, _cue = clean_mention(part)
        _level, found = gaz.find(name)
        codes = {e.admin1_code for e in found if e.admin1_code and e.feature != "A.PCLI"}
        for code in codes:
            ctx.regions[code] += 1.0 / len(codes)  # type: ignore[assignment]  # float weights
        for cc in {e.country for e in found}:
            ctx.countries[cc] += 1.0  # type: ignore[assignment]  # float weights
            ctx.named[cc] += 1.0  # type: ignore[assignment]  # float weights
    return ctx


def explain(gaz: Gazetteer, mention: str, ctx: Context = EMPTY,
            near: Context | None = None) -> PlaceResolution:
    """Resolve ``mention``; a None place comes with the reason."""
    if not isinstance(mention, str) or not mention.strip():
        return PlaceResolution(str(mention), None, "empty mention")
    if len(mention) > MAX_MENTION:
        return PlaceResolution(mention[:40] + "…", None,
                          f"too long to be a place name ({len(mention)} characters)")
    parts = [p for p in (x.strip() for x in mention.split(",")) if p]
    if not parts:
        return PlaceResolution(mention, None, "no letters in the mention")
    near = near or EMPTY
    if len(parts) > 1:
        near = near.merged(_context_of(gaz, parts[1:]), 2.0)
        ctx = ctx.merged(near)
    name, cue = clean_mention(parts[0])
    found = _resolve_one(gaz, mention, name, cue, ctx, near)
    for part in parts[1:] if found.place is None else ():
        region, _cue = clean_mention(part)
        fallback = _resolve_one(gaz, mention, region, True, ctx, near)
        if fallback.place is not None:
            p = fallback_place(fallback.place, mention, "the region named after it")
            return PlaceResolution(mention, p, f"{found.reason}; placed in the containing region named "
                              f"after it ({p.name})", fallback.candidates)
    return found


def fallback_place(place: Place, mention: str, how: str = "named in its sentence") -> Place:
    """``place`` standing in for an unknown ``mention`` inside or near it: precision says so."""
    precision = place.precision
    if precision in ("point", "village"):
        precision = "district"  # somewhere near a known town
    return replace(place, mention=mention, precision=precision, confidence=round(place.confidence * 0.8, 3),
                   note=f"not in the gazetteer; placed at {place.name}, {how}")


def _resolve_one(gaz: Gazetteer, mention: str, name: str, cue: bool, ctx: Context,
                 near: Context) -> PlaceResolution:
    level, cands = candidates(gaz, name, cue, ctx, near)
    if not cands:
        return PlaceResolution(mention, None, f"'{name}' is not in the gazetteer")
    best = next((c for c, e in cands if _supported(e, ctx, near, level)), None)
    if best is None:
        top, e = cands[0]
        if level == SKEL or not _has_context(ctx, near):
            if level != SKEL:
                return PlaceResolution(mention, top.place, "; ".join(top.why), _public(cands))
            why = "which nothing in the context confirms"
        elif level == EXACT and e.feature == "P.PPL" and e.population >= WORLD_CITY:
            return PlaceResolution(mention, top.place, "; ".join(top.why), _public(cands))
        else:
            why = "far from the places the text names"
        return PlaceResolution(mention, None, f"'{name}' matches only {top.place.name} "
                          f"({top.place.country}), {why}", _public(cands))
    return PlaceResolution(mention, best.place, "; ".join(best.why), _public(cands))


def _public(cands: list[tuple[Candidate, Entry]]) -> tuple[Candidate, ...]:
    return tuple(c for c, _e in cands)


def context_for(gaz: Gazetteer, context: str | Context | None) -> Context:
    if context is None:
        return EMPTY
    if isinstance(context, Context):
        return context
    return analyse(gaz, context)
