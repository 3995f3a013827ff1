"""What the extractor asks of the gazetteer: names wire copy often uses, and whether a place is known,
and where ("is Tel Minis in Idlib?")."""
from __future__ import annotations

from functools import lru_cache

# Governorates, major cities and countries that wire copy names; not a gazetteer (see geo/).
_KNOWN = {
    "country": "Syria Iraq Turkey Lebanon Jordan Yemen Libya Afghanistan Israel Iran",
    "province": "Aleppo Idlib Idleb Raqqa Raqa Hama Homs Daraa Deraa Latakia Lattakia Tartus Tartous Quneitra Sweida Suwayda "
                "Hasakeh Hasakah Hassakeh Deir_ez-Zor Deir_Ezzor Deir_al-Zor Deir_el-Zour Damascus Rif_Dimashq Nineveh Nineveh Anbar "
                "Salahuddin Diyala Kirkuk Babil Basra Najaf Karbala",
    "city": "Mosul Fallujah Ramadi Tikrit Baghdad Douma Manbij Kobani Afrin Jarablus Tabqa Palmyra Mayadin Mayadeen "
            "Al-Mayadeen Albu_Kamal Abu_Kamal Hajin Qamishli Azaz Jisr_al-Shughour Maarat_al-Numan Saraqeb Khan_Sheikhun "
            "Ghouta Eastern_Ghouta Darayya Harasta Tal_Afar Sinjar Hawija Qaim Baghuz",
}
KNOWN_LEVEL = {}
for level, names in _KNOWN.items():
    for nm in names.split():
        KNOWN_LEVEL[nm.replace("_", " ").lower()] = level
_FOLDED_LEVEL: dict[str, str] = {}


def level_of(name: str) -> str | None:
    """The level ("country", "province", "city") of a name wire copy often uses, in any spelling
    ("Ghoutta", "Deir Ezzor")."""
    level = KNOWN_LEVEL.get(name.lower())
    if level is not None:
        return level
    try:
        from ..geo.normalize import fold_key
    except ImportError:  # pragma: no cover - the gazetteer ships with civcas
        return None
    if not _FOLDED_LEVEL:
        _FOLDED_LEVEL.update({fold_key(k): v for k, v in KNOWN_LEVEL.items()})
    return _FOLDED_LEVEL.get(fold_key(name))


def known_precision(name: str) -> str | None:
    """The gazetteer's precision for ``name`` (None when it does not know it, or is not installed)."""
    try:
        from ..geo import is_known_place
    except ImportError:  # pragma: no cover - the gazetteer ships with civcas
        return None
    try:
        return is_known_place(name)
    except Exception:  # a broken gazetteer must not stop extraction
        return None


@lru_cache(maxsize=8192)
def syrian_or_iraqi(word: str) -> bool:
    """Whether the gazetteer has a place of exactly this name in Syria or Iraq ("Harem", "Aleppo")."""
    try:
        from ..geo import lookup
        from ..geo.normalize import fold_key
        key = fold_key(word)
        return any(p.country in ("SY", "IQ") and fold_key(p.name) == key for p in lookup(word))
    except Exception:  # a broken gazetteer must not stop extraction
        return False


def is_named_place(name: str) -> bool:
    """Whether ``name`` is a governorate or city wire copy often names, or a place of exactly that name
    in Syria or Iraq."""
    return bool(level_of(name) or syrian_or_iraqi(name))


def _regions(region: str) -> set[str]:
    """The keys an entry's admin1, admin2 or country code must match to lie within ``region``."""
    from ..geo import lookup
    from ..geo.normalize import fold_key
    return {fold_key(region)} | {p.country.lower() for p in lookup(region) if p.precision == "country"}


def _within(place, region_keys: set[str]) -> bool:
    from ..geo.normalize import fold_key
    return bool(region_keys & {fold_key(place.admin1 or ""), fold_key(place.admin2 or ""), (place.country or "").lower()})


def outside(name: str, region: str) -> bool:
    """Whether the gazetteer knows ``name`` and places it (all its exact entries) outside ``region``
    (a governorate, district or country)."""
    try:
        from ..geo import lookup
        from ..geo.normalize import fold_key
    except ImportError:  # pragma: no cover - the gazetteer ships with civcas
        return False
    try:
        key = fold_key(name)
        entries = [p for p in lookup(name) if fold_key(p.name) == key]
        region_keys = _regions(region)
        return bool(entries) and not any(_within(p, region_keys) for p in entries)
    except Exception:  # a broken gazetteer must not stop extraction
        return False


def inside(name: str, region: str) -> bool:
    """Whether the gazetteer knows ``name`` and has an entry of it within ``region``."""
    try:
        from ..geo import lookup
        from ..geo.normalize import fold_key
    except ImportError:  # pragma: no cover - the gazetteer ships with civcas
        return False
    try:
        key, region_keys = fold_key(name), _regions(region)
        return any(fold_key(p.name) == key and _within(p, region_keys) for p in lookup(name))
    except Exception:  # a broken gazetteer must not stop extraction
        return False
