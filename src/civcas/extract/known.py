"""What the extractor asks of the gazetteer and the vocabulary about a place name: how big it is
(country, province, city), whether it is a place at all, where it lies ("is Tel Minis in Idlib?"),
and in which countries a name is."""
from __future__ import annotations

from functools import lru_cache

from ..geo import index as _index
from ..geo import is_known_place, lookup, on_reload
from ..geo.normalize import EXACT, FOLD, fold_key
from ..vocab import vocabulary
from .words import is_common

BIG_CITY = 100_000  # a place this big is a city wire copy names as a frame ("in Aleppo", "in Kabul")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    v = vocabulary()
    out = {}
    for c in v.countries.values():
        for name in (c.name,) + c.spellings:
            out[fold_key(name)] = c.code
    return out


@lru_cache(maxsize=1)
def _theatres() -> frozenset[str]:
    """Countries whose provinces and towns a war report names: the gazetteer's full-detail region and
    every country of the vocabulary."""
    return frozenset(_index.REGION) | frozenset(vocabulary().countries)


@lru_cache(maxsize=16384)
def _exact(name: str, levels: tuple[str, ...] = (EXACT, FOLD)) -> tuple:
    """The gazetteer entries a name means by one of their names (``EXACT``) or its spelling variants
    (``FOLD``); never a guess."""
    if len(fold_key(name)) < 3:
        return ()
    _level, found = _index.get().find(name, levels)
    return tuple(found)


@lru_cache(maxsize=32768)
def level_of(name: str, country: str | None = None) -> str | None:
    """"country", "province" or "city" for a name that names one ("Syria", "Idlib", "Mosul", "Kabul"),
    in any spelling the gazetteer folds together; None for anything smaller or unknown. Only places
    in countries war reports are about count, those of ``country`` (the report's) first: "al-Karak"
    in a Syrian report is no Jordanian governorate. A provincial capital that shares its province's
    name is the province ("Idlib"); a town is a city when it is big enough to frame the places
    around it."""
    key = fold_key(name)
    if not key or len(key) < 3:
        return None
    if key in _countries():
        return "country"
    try:
        exact = {e.row for e in _exact(name, (EXACT,))}
        found = [e for e in _exact(name) if e.row in exact or fold_key(e.name) == key]  # "Idleb" ~ "Idlib"
    except Exception:  # noqa: BLE001 - a broken gazetteer must not stop extraction
        return None
    entries = [e for e in found if e.country in _theatres() or e.feature == "A.PCLI"]
    if country:  # a report about one country names places of that country; abroad only a country or a capital
        entries = [e for e in entries if e.country == country or e.feature in ("A.PCLI", "P.PPLC")]
    if any(e.feature == "A.PCLI" for e in entries):
        return "country"
    if any(e.feature == "A.ADM1" for e in entries):
        return "province"
    common = is_common(name)
    cities = [e for e in entries if e.feature in ("P.PPL", "P.PPLA", "P.PPLA2", "P.PPLC")
              and (e.population >= BIG_CITY or e.row in exact and not common and e.population >= _city_size(e.country))]
    for e in cities:
        seat = _index.get().admin1_name(e.admin1_code) if e.admin1_code else None
        if seat and fold_key(seat) == fold_key(e.name):
            return "province"  # "Idleb": the capital of Idlib province, named like it
    if not cities and any(e.feature == "A.ADM2" for e in entries) and any(e.feature.startswith("P.") for e in entries):
        return "city"  # "Maarat al-Numan": a town that gives its name to its district
    return "city" if cities else None


def _city_size(country: str) -> int:
    """How big a town must be to frame the places around it: 20,000 people where the gazetteer holds
    every village, 100,000 elsewhere."""
    return 20_000 if country in _index.REGION else BIG_CITY


def known_precision(name: str) -> str | None:
    """The gazetteer's precision for ``name`` (None when it does not know it)."""
    try:
        return is_known_place(name)
    except Exception:  # noqa: BLE001 - a broken gazetteer must not stop extraction
        return None


@lru_cache(maxsize=16384)
def exact_place(word: str) -> bool:
    """Whether the gazetteer has a place of exactly this name in the region it holds in full detail
    (Syria, Iraq and their neighbours, and Yemen) — "Harem", "Saraqeb"."""
    try:
        return any(e.country in ("SY", "IQ") for e in _exact(word))
    except Exception:  # noqa: BLE001 - a broken gazetteer must not stop extraction
        return False


def is_named_place(name: str, country: str | None = None) -> bool:
    """Whether ``name`` is a country, province or city (of ``country``, when given), or a place the
    gazetteer knows by exactly that name."""
    return bool(level_of(name, country) or exact_place(name))


@lru_cache(maxsize=16384)
def countries_of(name: str) -> frozenset[str]:
    """The countries that hold a place of exactly this name (empty when the gazetteer has none)."""
    try:
        code = _countries().get(fold_key(name))
        return frozenset({code}) if code else frozenset(e.country for e in _exact(name))
    except Exception:  # noqa: BLE001 - a broken gazetteer must not stop extraction
        return frozenset()


@lru_cache(maxsize=16384)
def _lookup(name: str) -> tuple:
    """Every place ``name`` may mean, without context (``geo.lookup``, kept per name: :func:`outside` and
    :func:`inside` ask it of one name for region after region)."""
    return tuple(lookup(name))


@lru_cache(maxsize=4096)
def _regions(region: str) -> frozenset[str]:
    """The keys an entry's admin1, admin2 or country code must match to lie within ``region``."""
    return frozenset({fold_key(region)} | {p.country.lower() for p in _lookup(region) if p.precision == "country"})


def _within(place, region_keys: frozenset[str]) -> bool:
    return bool(region_keys & {fold_key(place.admin1 or ""), fold_key(place.admin2 or ""), (place.country or "").lower()})


@lru_cache(maxsize=16384)
def outside(name: str, region: str) -> bool:
    """Whether the gazetteer knows ``name`` and places it (all its exact entries) outside ``region``
    (a governorate, district or country)."""
    try:
        key = fold_key(name)
        entries = [p for p in _lookup(name) if fold_key(p.name) == key and p.country in _theatres()]
        region_keys = _regions(region)
        return bool(entries) and not any(_within(p, region_keys) for p in entries)
    except Exception:  # noqa: BLE001 - a broken gazetteer must not stop extraction
        return False


@lru_cache(maxsize=16384)
def inside(name: str, region: str) -> bool:
    """Whether the gazetteer knows ``name`` and has an entry of it within ``region``."""
    try:
        region_keys = _regions(region)
        return any(_within(p, region_keys) for p in _lookup(name))  # an alias counts: the region settles it
    except Exception:  # noqa: BLE001 - a broken gazetteer must not stop extraction
        return False


def forget() -> None:
    """Forget what the gazetteer said (it was read again, with the user's places)."""
    for fn in (_exact, level_of, exact_place, countries_of, outside, inside, _regions, _lookup):
        fn.cache_clear()


on_reload(forget)
