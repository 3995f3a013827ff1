"""The geo stage: a document's claims get ``geo``; the document gets its ``focus``.

- A claim's ``place`` is resolved with the document's context (regions and
  places it names, its countries) and the claim's sentence (a region named
  nearby weighs most).
- A place no gazetteer knows falls back to the most specific known place of
  the claim's sentence ("near Hajin" -> Hajin, precision ``district``; "in
  the province of Deir ez-Zor" -> the governorate), else to the document's
  main region (precision ``governorate``); ``mention`` keeps what was written.
- The focus is where the main incident happened: the region with the most
  weight from its claims (incident claims most), the headline's places and
  the text's place mentions (see :func:`focus_of`); the first claim placed
  there gives the focus, else the region itself. Without claims or places: None.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..records import Claim, Document, Place
from . import context as _context
from .index import Gazetteer, get
from .resolver import country_supported, explain, fallback_place, home_country, to_place

log = logging.getLogger(__name__)

_SPECIFIC = {"point": 4, "village": 3, "district": 2, "governorate": 1, "country": 0}


def _sentence_place(gaz: Gazetteer, claim: Claim, ctx: _context.Context,
                    near: _context.Context) -> Place | None:
    """The most specific resolvable place named in the claim's sentence, nearest the claim."""
    best: tuple[tuple[int, int], Place] | None = None
    at = claim.span[0] - claim.sentence_start
    home = home_country(ctx)
    for mt in near.mentions:
        res = explain(gaz, f"province of {mt.text}" if mt.province_cue else mt.text, ctx, near)
        if res.place is None or (home and res.place.country != home):
            continue
        key = (_SPECIFIC.get(res.place.precision, 0), -abs(mt.start - at))
        if best is None or key > best[0]:
            best = (key, res.place)
    return best[1] if best else None


def main_region(gaz: Gazetteer, ctx: _context.Context, mention: str | None = None) -> Place | None:
    """The document's main admin1 region as a Place (precision governorate), if any."""
    votes = Counter(ctx.votes)
    for code, w in ctx.regions.items():
        votes[code] += 2 * w
    # a region in a country the text names a fair share of the time (not only the one it names
    # most: "Russian warplanes" five times and "Syria" four do not put an Aleppo strike in Moscow)
    named = ctx.countries or ctx.named
    total_named = sum(named.values())
    votes = Counter({k: v for k, v in votes.items()
                     if not total_named or named.get(k.split(".")[0], 0) / total_named >= MAIN_COUNTRY_SHARE})
    if not votes:
        return None
    total = sum(votes.values())
    code, weight = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    row = gaz.admin1.get(code)
    if row is None:
        return None
    return to_place(gaz, gaz.entry(row), mention, min(0.9, weight / total))


def geo_of(gaz: Gazetteer, claim: Claim, ctx: _context.Context) -> Place | None:
    """The claim's place resolved, or an honest fallback, or None when it names no place."""
    if not claim.place:
        return None
    near = _context.of_text(gaz, claim.sentence) if claim.sentence else _context.EMPTY
    res = explain(gaz, _as_written(claim.place, near, ctx), ctx, near)
    if res.place is not None:
        return res.place
    log.debug("claim %s: %s", claim.id, res.reason)
    if len(claim.place) > 120:
        return None
    fallback = _sentence_place(gaz, claim, ctx, near)
    if fallback is not None and fallback.precision != "country":
        return fallback_place(fallback, claim.place)
    region = main_region(gaz, ctx, claim.place)
    if region is not None:
        return replace(region, confidence=round(region.confidence * 0.5, 3), note=MAIN_REGION_NOTE)
    return fallback_place(fallback, claim.place) if fallback is not None else None


def _as_written(place: str, near: _context.Context, ctx: _context.Context) -> str:
    """``place`` as its text names it: "province of X" when every mention of X in the claim's
    sentence (or, when the sentence does not name it, at least half of those in the whole text)
    is a province's ("Syria's Hama province", "the province of Idlib"), so a province is not read
    as its capital city. A page's tags ("Tags Syria Idlib") are no mention."""
    key = place.strip().casefold()
    for where, share in ((near, 1.0), (ctx, 0.5)):
        cues = [mt.province_cue for mt in where.mentions
                if mt.text.casefold() == key and not mt.tag]
        if cues:
            return f"province of {place}" if sum(cues) >= share * len(cues) else place
    return place


def _text_votes(gaz: Gazetteer, doc: Document, ctx: _context.Context) -> Counter:
    """admin1 code -> share of the text's place mentions (title double, first mentions and
    "X province" more), counting only places in countries the text supports."""
    votes: Counter = Counter()
    title_end = len(doc.title) + 1
    for i, mt in enumerate(ctx.mentions):
        res = explain(gaz, mt.text, ctx)
        if (res.place is None or res.place.precision == "country"
                or not country_supported(res.place.country or "", ctx)):
            continue
        e_code = next((e.admin1_code for e in mt.entries
                       if e.name == res.place.name and e.country == res.place.country), "")
        if not e_code:
            continue
        w = (2.0 if mt.start < title_end else 1.0) * (1.5 if mt.province_cue else 1.0)
        if mt.text.isupper() and len(mt.text) > 3:
            w *= _context.DATELINE_WEIGHT
        votes[e_code] += w * (1.0 + 1.0 / (1 + i))  # type: ignore[assignment]  # float weights
    total = sum(votes.values())
    return Counter({k: v / total for k, v in votes.items()})


def _region_place(gaz: Gazetteer, code: str, confidence: float) -> Place | None:
    row = gaz.admin1.get(code)
    return to_place(gaz, gaz.entry(row), None, min(0.9, confidence)) if row is not None else None


MAIN_COUNTRY_SHARE = 0.25  # a main region's country: at least this share of the text's countries
MAIN_REGION_NOTE = "not in the gazetteer; placed in the article's main region"
CLAIM_WEIGHT = 3.0  # weights tuned on FA-KES (bench/eval_geocode.py); a flat optimum
TITLE_WEIGHT = 1.0
BACKGROUND_WEIGHT = 0.2  # claims about events long before publication barely count
BACKGROUND_DAYS = 30
TEXT_WEIGHT = 4.0  # the share of the text's place mentions in a region, times this


def _title_places(gaz: Gazetteer, doc: Document, ctx: _context.Context) -> list[Place]:
    title_end = len(doc.title) + 1 if doc.title else 0
    home = home_country(ctx)
    out = []
    for mt in ctx.mentions:
        if mt.start >= title_end:
            break
        res = explain(gaz, mt.text, ctx)
        p = res.place
        if p is not None and p.precision != "country" and p.admin1 and (not home or p.country == home):
            out.append(p)
    return out


def _background(claim: Claim, doc: Document) -> bool:
    """A claim about an event a month or more before publication ("the 2013 attack")."""
    if not claim.event_date or doc.published is None:
        return False
    try:
        end = date.fromisoformat(claim.event_date.split("/")[-1][:10])
    except ValueError:
        return False
    return (doc.published - end).days > BACKGROUND_DAYS


def focus_of(gaz: Gazetteer, doc: Document, claims: Sequence[Claim], ctx: _context.Context) -> Place | None:
    """The region with the most weight: the share of its claims (incident 1, others 0.4,
    times confidence; background claims less) times CLAIM_WEIGHT, its headline places times
    TITLE_WEIGHT, the share of the text's place mentions times TEXT_WEIGHT. The focus is the
    first claim's place in that region, else the region; ties go to the region named first."""
    claim_votes: Counter = Counter()
    first: dict[tuple, tuple[int, Place]] = {}
    for i, c in enumerate(claims):
        g = c.geo
        if g is None or g.precision == "country" or not g.admin1:
            continue
        key: tuple[str | None, str | None] = (g.country, g.admin1)
        claim_votes[key] += ((1.0 if c.scope == "incident" else 0.4) * (0.3 + 0.7 * g.confidence)  # type: ignore[assignment]  # float weights
                             * (BACKGROUND_WEIGHT if _background(c, doc) else 1.0))
        first.setdefault(key, (i, g))
    total = sum(claim_votes.values())
    votes = Counter({k: CLAIM_WEIGHT * v / total for k, v in claim_votes.items()})
    for p in _title_places(gaz, doc, ctx):
        key = (p.country, p.admin1)
        votes[key] += TITLE_WEIGHT  # type: ignore[assignment]  # float weights
        first.setdefault(key, (len(claims), _region_place(gaz, _code(gaz, p), 0.9) or p))
    for code, share in _text_votes(gaz, doc, ctx).items():
        place = _region_place(gaz, code, share)
        if place is not None:
            key = (place.country, place.admin1)
            votes[key] += TEXT_WEIGHT * share  # type: ignore[assignment]  # float weights
            first.setdefault(key, (len(claims) + 1, place))
    if not votes:
        return None
    key = max(votes, key=lambda k: (votes[k], -first[k][0]))
    return first[key][1]


def _code(gaz: Gazetteer, place: Place) -> str:
    """The admin1 code of a place's region."""
    for _level, e in gaz.match(place.name):
        if e.country == place.country and gaz.admin1_name(e.admin1_code) == place.admin1:
            return e.admin1_code
    return ""


def locate(document: Document, claims: Sequence[Claim],
           gaz: Gazetteer | None = None) -> tuple[list[Claim], Place | None]:
    """``claims`` with ``geo`` set, and the document's focus."""
    gaz = gaz or get()
    located = locate_claims(document, claims, gaz)
    return located, focus_of(gaz, document, located, _context.of_text(gaz, _located_text(document)))


def locate_claims(document: Document, claims: Sequence[Claim], gaz: Gazetteer | None = None) -> list[Claim]:
    """``claims`` with ``geo`` set (:func:`locate` without the focus, for a caller that does not
    want it or asks :func:`focus` once)."""
    gaz = gaz or get()
    ctx = _context.of_text(gaz, _located_text(document))
    return _consistent([replace(c, geo=geo_of(gaz, c, ctx)) for c in claims])


def _located_text(document: Document) -> str:
    return f"{document.title}\n{document.text}" if document.title else document.text


def _consistent(claims: list[Claim]) -> list[Claim]:
    """One place name, one geo per document: the best-placed claim's (most specific, then
    most confident) serves every claim naming the same place (a name read as a province stays
    the province)."""
    best: dict[tuple[str, bool], Place] = {}
    for c in claims:
        if c.geo is None or not c.place:
            continue
        key = _name_key(c)
        old = best.get(key)
        if old is None or (_SPECIFIC.get(c.geo.precision, 0), c.geo.confidence) > (
                _SPECIFIC.get(old.precision, 0), old.confidence):
            best[key] = c.geo
    return [replace(c, geo=best[_name_key(c)]) if c.geo is not None and c.place
            and best.get(_name_key(c)) is not c.geo else c for c in claims]


def _name_key(c: Claim) -> tuple[str, bool]:
    """A claim's place name, and whether its text names it as a province (:func:`_as_written`):
    "Idlib province" and the city of Idlib are two places of one name."""
    assert c.place is not None and c.geo is not None
    return c.place.strip().lower(), c.geo.precision == "governorate" and c.geo.note is None


def focus(document: Document, claims: Sequence[Claim], gaz: Gazetteer | None = None) -> Place | None:
    """The document's focus from claims that already carry ``geo`` (see :func:`locate`)."""
    gaz = gaz or get()
    return focus_of(gaz, document, claims, _context.of_text(gaz, _located_text(document)))
