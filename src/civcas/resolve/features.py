"""What resolution compares: a claim's when (a window), where (a location) and who.

- When: ``event_date`` as a window of days widened by one day each side; a
  longer interval is a wider window; no date gives the week before the
  publication date (precision ``week``). A window longer than ~6 weeks cannot
  place a claim in time.
- Where: the claim's gazetteer entry (``geo``) when the geocoder resolved it
  (unless it lies in another country than the report is about and the sentence
  does not name that country: :func:`abroad`), else the place string (country
  words give the country); a claim with no place, or only a country, takes its
  document's focus when there is one.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import cast

from ..records import PRECISIONS, Claim, DatePrecision, Location, Place
from ..vocab import names

# greatest distance (km) between two places of this (coarser) precision in one incident
RADIUS_KM = {"point": 1.0, "village": 2.0, "district": 20.0, "governorate": 75.0}
MAX_WINDOW_DAYS = 45
FIGURE_RATIO = 4  # figures of one kind further apart than this (and by > FIGURE_GAP) conflict
FIGURE_GAP = 20
CIVILIAN = {"civilians", "people", "children", "women", "men"}
NEAR_KM = 15.0  # a village and the town it belongs to, two parts of one city
REACH_DAYS = 14  # how far apart two reports of one attack may date it (with a tie between them)
CELL_DEG = 0.1  # grid cell for nearby-place lookup; larger than the village/point radius


def cell(loc: Location) -> tuple[int, int] | None:
    """A grid cell of about 11 km around a located place, for looking up nearby places."""
    if loc.lat is None or loc.lon is None:
        return None
    return int(loc.lat // CELL_DEG), int(loc.lon // CELL_DEG)


@dataclass(frozen=True)
class Window:
    start: int  # date ordinals, inclusive
    end: int
    precision: DatePrecision
    label: str | None  # the date or interval as written (ISO)


def parse_date(value: str | None) -> tuple[date, date] | None:
    """``YYYY-MM-DD`` or ``start/end`` -> (start, end); None when absent or malformed."""
    if not value:
        return None
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            start, end = date.fromisoformat(a), date.fromisoformat(b)
            return (start, end) if start <= end else (end, start)
        d = date.fromisoformat(value)
        return d, d
    except ValueError:
        return None


def precision_of(days: int) -> DatePrecision:
    if days <= 1:
        return "day"
    if days <= 4:
        return "days"
    if days <= 10:
        return "week"
    if days <= 45:
        return "month"
    return "year"


def window(claim: Claim, published: date | None) -> Window | None:
    return _window(claim.event_date, published)


@lru_cache(maxsize=4096)  # claims of one report share a date: neighbours in the input
def _window(event_date: str | None, published: date | None) -> Window | None:
    """:func:`window` of a date as written and a publication date (remembered: many claims
    share both; a window is frozen, so claims may share it)."""
    span = parse_date(event_date)
    if span is not None:
        start, end = span
        days = (end - start).days + 1
        if days > MAX_WINDOW_DAYS:
            return None
        return Window(start.toordinal() - 1, end.toordinal() + 1, precision_of(days),
                      event_date)
    if published is None:
        return None
    label = f"{(published - timedelta(days=7)).isoformat()}/{published.isoformat()}"
    return Window(published.toordinal() - 7, published.toordinal(), "week", label)


def location(claim: Claim, focus: Place | None, context=lambda: None) -> Location | None:
    """Where a claim happened, or None when it cannot be placed below country level."""
    geo = claim.geo
    if geo is not None and abroad(geo, claim, context) and not _across_from(geo, focus):
        geo = None  # a place abroad the text does not tie to its country: its name only
    if geo is not None and geo.precision != "country":
        return _from_place(geo)
    # not geocoded: its name (a country-level geo stays a country)
    if claim.place and not names.is_country(claim.place) and geo is None:
        tokens = names.place_tokens(claim.place)
        country = names.country_of(claim.place)
        if country and _far(country, claim, context):
            return None  # "New York" in a report about Syria: where it was said, not harm
        if tokens:
            country = country or context() or None
            # a village the gazetteer lacks lies in its report's province, when the report's
            # focus is a place of that country ("Meles" in a report about Idlib)
            admin1 = None
            if focus is not None and focus.precision != "country" and focus.country and (
                    country in (None, focus.country)):
                country, admin1 = focus.country, focus.admin1
            return Location(
                name=claim.place, key=names.place_key(claim.place), tokens=tokens,
                precision="village", country=country, admin1=admin1,
            )
    if focus is not None and focus.precision != "country" and not (
            focus.country and _far(focus.country, claim, context)):
        return _from_place(focus)  # a report's focus abroad ("New York", where it was said): no
    return None


def _across_from(geo: Place, focus: Place | None) -> bool:
    """The place lies across a border crossing from its report's own place (within NEAR_KM of
    the focus, in another country): Nusaybin beside a report about Qamishli is no Damascus,
    Maryland."""
    if focus is None or focus.lat is None or focus.lon is None or geo.lat is None or \
            geo.lon is None or not focus.country or focus.country == geo.country:
        return False
    return _km(geo.lat, geo.lon, focus.lat, focus.lon) <= NEAR_KM


def abroad(geo: Place, claim: Claim, context=lambda: None) -> bool:
    """The gazetteer put the claim's place in a country that is not a war's theatre in the
    vocabulary, not the one its report is about (``context()``), and not named by the claim's
    sentence ("Damascus" in Maryland, a village read as a town in China or Malaysia): not to
    be believed. A theatre's country (Syria, Iraq, Yemen...) is never "abroad": a report need
    not name the country it is about."""
    return geo.country is not None and _far(geo.country, claim, context)


def _far(country: str, claim: Claim, context=lambda: None) -> bool:
    if country in theatres():
        return False
    home = context()
    if home is None or country == home:
        return False
    return country not in names.vocabulary().country_weights(claim.sentence)


@lru_cache(maxsize=1)
def theatres() -> frozenset[str]:
    """Countries where the vocabulary has a war's own actors or sources."""
    v = names.vocabulary()
    rows = [*v.actors.values(), *v.sources.values()]
    return frozenset(c for r in rows for c in (getattr(r, "theatre", ()) or ()))


@lru_cache(maxsize=65536)  # a ledger of years holds more than a few thousand entries
def _from_place(p: Place) -> Location:
    """The location of a gazetteer entry (remembered: claims of one place share it; a location
    is frozen). A place the gazetteer lacks, standing at a known place that contains or neighbours
    it (``note``), keeps its own name as written, with the stand-in's coordinates and precision:
    two reports of "Hass" placed at different stand-ins (a district named in one sentence, the
    report's region in another) are at one place; its key carries the stand-in's province, so one
    name written in two provinces is not."""
    precision = p.precision if p.precision in PRECISIONS else "village"
    if p.note and p.mention and (tokens := names.place_tokens(p.mention)):
        return Location(
            name=p.mention, key=f"{names.place_key(p.mention)}@{p.admin1 or p.name}", tokens=tokens,
            precision=precision, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
            geonames_id=p.geonames_id, place=p,
        )
    return Location(
        name=p.name, key=names.place_key(p.name), tokens=names.place_tokens(p.name),
        precision=p.precision if p.precision in PRECISIONS else "village",
        country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon, geonames_id=p.geonames_id,
        place=p,
    )


def near_place(a: Location, b: Location) -> bool:
    """Both have coordinates, one country (or unknown), within NEAR_KM."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    return _within(a, b, NEAR_KM)


def near_across(a: Location, b: Location) -> bool:
    """Both have coordinates and a country, the countries differ, within NEAR_KM: a town across
    a border crossing from the other (Qamishli and Nusaybin)."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return False
    if not a.country or not b.country or a.country == b.country:
        return False
    return _within(a, b, NEAR_KM)


def km(a: Location, b: Location) -> float:
    """Great-circle distance in km (haversine)."""
    return _km(cast(float, a.lat), cast(float, a.lon), cast(float, b.lat), cast(float, b.lon))


@lru_cache(maxsize=16384)
def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = (math.radians(x) for x in (lat1, lon1, lat2, lon2))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


# km per degree of latitude, rounded down: no great circle between two latitudes is shorter
_KM_PER_DEGREE = 111.0


def _within(a: Location, b: Location, limit: float) -> bool:
    """``km(a, b) <= limit``, the haversine skipped when the latitudes alone are more than a
    kilometre further apart than that (the same answer, computed less often)."""
    if abs(cast(float, a.lat) - cast(float, b.lat)) * _KM_PER_DEGREE > limit + 1.0:
        return False
    return km(a, b) <= limit


def same_place(a: Location, b: Location) -> bool:
    """Same village or town, or within the radius of the coarser precision."""
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    coarse = a if a.rank >= b.rank else b
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        if coarse.precision in ("governorate",) and a.admin1 and b.admin1:
            return a.admin1 == b.admin1
        if a.key == b.key and a.key:
            return True
        return _within(a, b, RADIUS_KM.get(coarse.precision, 2.0))
    if coarse.precision == "governorate" and a.admin1 and b.admin1 and a.admin1 == b.admin1:
        return True
    if not a.tokens or not b.tokens:
        return False
    # same name, or one name inside the other ("Mosul" and "Mosul's al-Jadida")
    if a.tokens <= b.tokens or b.tokens <= a.tokens:
        return True
    # ... or spelt another way ("Milis" and "Meles", "Tokhar" and "Tukhar")
    sa, sb = skeletons(a.tokens), skeletons(b.tokens)
    return bool(sa) and bool(sb) and (sa <= sb or sb <= sa)


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str | None:
    """A name's letters without its vowels and doubled letters ("milis", "meles" -> "mls";
    "hasakah", "hassakeh" -> "hsk"): transliterations of one Arabic name differ there. None
    when fewer than three letters are left (too short to tell names apart)."""
    if token.isdigit() or not token:
        return None
    t = token[:-1] if len(token) > 3 and token[-1] == "h" and token[-2] in "aeiou" else token
    t = t.replace("q", "k")
    out = re.sub(r"(.)\1+", r"\1", t[0] + re.sub(r"[aeiouy]", "", t[1:]))
    return out if len(out) >= 3 else None


def skeletons(tokens: frozenset[str]) -> frozenset[str]:
    """The skeletons of a place's tokens (:func:`skeleton`), short ones left out."""
    return frozenset(s for t in tokens if (s := skeleton(t)) is not None)


def known_actor(perpetrator: str | None) -> str | None:
    """The canonical actor a perpetrator names, or None when the vocabulary does not know it or
    it is a generic kind of attacker ("a suicide bomber", "gunmen"): those are compatible with
    any actor. ``contested`` stays."""
    canon = names.actor(perpetrator)
    if canon is None or canon == "contested" or " and " in canon:
        return canon
    row = names.vocabulary().actor(canon)
    return canon if row is not None and row.kind != "generic" else None


def figure_kind(victims: str) -> str:
    """The kind a figure is compared within: civilians, people and men are one kind."""
    return "civilian" if victims in CIVILIAN and victims not in ("children", "women") else victims


def figure_span(claim: Claim) -> tuple[int, int] | None:
    """(largest lower figure, smallest upper figure) a claim allows; None if no number."""
    if claim.qualifier in ("vague", "none"):
        return None
    lo, hi = claim.low, claim.high
    if lo is None and hi is None:
        return None
    if lo is None:
        lo = hi
    if hi is None:
        hi = lo
    assert lo is not None and hi is not None  # one of them is a number
    return lo, hi


def compatible_figures(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two figures of one kind can be one toll: within FIGURE_RATIO or FIGURE_GAP."""
    big = max(a[0], b[0])  # the higher of the lower figures ...
    small = min(a[1], b[1])  # ... against the lower of the upper ones
    return not (big > FIGURE_RATIO * max(small, 1) and big - small > FIGURE_GAP)
