"""Normalised names: places, actors (perpetrators, belligerent sources), asserters.

Small keyword tables, deliberately conservative: an unknown name stays itself.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# canonical actor -> lower-case keywords (word-start match) that name it
ACTORS: dict[str, tuple[str, ...]] = {
    "US-led coalition": ("us-led", "u.s.-led", "coalition", "pentagon", "centcom", "cjtf",
                         "united states", "american", "us forces", "u.s. forces", "us military",
                         "u.s. military", "us strike", "washington", "operation inherent resolve"),
    "Russia": ("russia", "russian", "kremlin", "moscow"),
    "Syrian government forces": ("syrian government", "syrian army", "syrian regime", "regime",
                                 "government forces", "pro-government", "assad", "syrian forces",
                                 "syrian air force", "syrian military", "sana", "syrian state",
                                 "damascus government", "loyalist"),
    "Turkey": ("turkey", "turkish", "ankara"),
    "Islamic State": ("islamic state", "isis", "isil", "daesh", "amaq", "is militants",
                      "is jihadists", "is group"),
    "Kurdish forces": ("kurdish", "sdf", "ypg", "syrian democratic forces"),
    "Iraqi forces": ("iraqi forces", "iraqi army", "iraqi military", "iraq's counter-terrorism",
                     "counter-terrorism service", "joint operations command", "iraqi security",
                     "iraqi government", "iraqi federal police", "iraqi official",
                     "popular mobilisation",
                     "popular mobilization", "hashed"),
    "Israel": ("israel", "israeli", "idf"),
    "rebels": ("rebel", "opposition", "nusra", "tahrir al-sham", "hts", "jaish", "free syrian army",
               "fsa", "ahrar", "insurgent", "jihadist", "militant"),
}
# sources that are never belligerents even though a keyword would match
NOT_BELLIGERENT = ("observatory", "sohr", "activist", "monitor", "white helmets", "civil defen",
                   "medical", "doctor", "hospital", "health", "un ", "united nations", "red cross",
                   "red crescent", "amnesty", "human rights watch", "airwars", "resident",
                   "witness", "rescuer", "reporter", "local source", "journalist", "ocha", "who",
                   "unicef", "msf", "doctors without borders")
# belligerent voices: sources that speak for an actor (state media, ministries, spokesmen)
SPEAKERS = ("army", "military", "ministry", "government", "spokes", "command", "coalition",
            "pentagon", "centcom", "cjtf", "sana", "kremlin", "forces", "state media", "amaq",
            "official", "idf", "sdf", "ypg", "counter-terrorism", "islamic state", "opposition")

ASSERTER_ALIASES = {
    "sohr": "Syrian Observatory for Human Rights",
    "the observatory": "Syrian Observatory for Human Rights",
    "syrian observatory": "Syrian Observatory for Human Rights",
    "britain-based syrian observatory for human rights": "Syrian Observatory for Human Rights",
    "white helmets": "civil defence",
    "syria civil defence": "civil defence",
    "syrian civil defence": "civil defence",
    "activist": "activists",
    "local activists": "activists",
}

COUNTRIES = {
    "syria": "SY", "iraq": "IQ", "yemen": "YE", "libya": "LY", "afghanistan": "AF",
    "somalia": "SO", "pakistan": "PK", "lebanon": "LB", "turkey": "TR", "jordan": "JO",
    "israel": "IL", "gaza": "PS", "palestine": "PS", "west bank": "PS", "ukraine": "UA",
    "russia": "RU", "iran": "IR", "sudan": "SD", "mali": "ML", "nigeria": "NG",
}
_COUNTRY_RE = re.compile(r"\b(" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b")
_ARTICLES = {"al", "el", "ad", "an", "ar", "as", "at", "az", "ash", "the", "of", "s"}
# tokens too common in place names to look places up by (they still count when comparing)
COMMON_TOKENS = frozenset((
    "kafr", "kfar", "tell", "tal", "tel", "deir", "dayr", "ain", "ayn", "abu", "umm", "um", "beit",
    "bayt", "bir", "jabal", "jebel", "wadi", "khirbet", "village", "city", "town", "camp",
    "district", "province", "governorate", "countryside", "neighbourhood", "neighborhood",
    "east", "west", "north", "south", "eastern", "western", "northern", "southern", "new", "old",
    "upper", "lower", "big", "small", "al", "area", "region", "rural", "qarya", "qaryat",
    "hay", "harat", "mazraa", "mazraat", "mukhayam", "madinat", "sheikh", "shaykh"))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, curly quotes straightened."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("\u2019", "'").replace("\u2018", "'").lower().strip()


@lru_cache(maxsize=65536)
def place_tokens(name: str) -> frozenset[str]:
    """Significant tokens of a place name: "Mosul's al-Jadida" -> {"mosul", "jadida"}."""
    words = re.split(r"[^a-z0-9]+", fold(name).replace("'s ", " "))
    return frozenset(w for w in words if w and w not in _ARTICLES)


@lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    return " ".join(sorted(place_tokens(name)))


def country_of(text: str | None) -> str | None:
    """ISO code of the first country word in ``text`` ("Syria's Raqqa" -> "SY")."""
    if not text:
        return None
    m = _COUNTRY_RE.search(fold(text))
    return COUNTRIES[m.group(1)] if m else None


def main_country(text: str | None) -> str | None:
    """ISO code of the country named most often in ``text``."""
    if not text:
        return None
    counts: dict[str, int] = {}
    for m in _COUNTRY_RE.finditer(fold(text)):
        code = COUNTRIES[m.group(1)]
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def is_country(name: str | None) -> bool:
    return bool(name) and fold(name).removeprefix("the ") in COUNTRIES


@lru_cache(maxsize=65536)
def actor(text: str | None) -> str | None:
    """The canonical actor a perpetrator name refers to ("U.S.-led strikes" -> US-led coalition).

    ``contested`` stays ``contested``; an unknown name is returned stripped.
    """
    if not text:
        return None
    f = fold(text)
    if f == "contested":
        return "contested"
    for name, words in ACTORS.items():
        for w in words:
            if re.search(r"(?<![a-z])" + re.escape(w), f):
                return name
    return text.strip()


@lru_cache(maxsize=65536)
def belligerent(source: str | None) -> str | None:
    """The belligerent a *source* speaks for (Pentagon, SANA, Russian Defence Ministry), if any."""
    if not source:
        return None
    f = fold(source)
    if any(w in f for w in NOT_BELLIGERENT) or f in ("reporter", "residents", "locals"):
        return None
    name = actor(source)
    states = ("Russia", "Turkey", "Israel", "US-led coalition")  # a state's name is its voice
    if name in ACTORS and (any(w in f for w in SPEAKERS) or name in states):
        return name
    return None


@lru_cache(maxsize=65536)
def asserter(source: str | None) -> str:
    """Canonical name of who asserts a figure (aliases folded)."""
    if not source:
        return "reporter"
    f = fold(source).removeprefix("the ")
    return ASSERTER_ALIASES.get(f, source.strip())
