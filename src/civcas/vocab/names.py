"""Normalised names: places, actors (perpetrators, belligerent sources), asserters.

Actors, sources, countries and place words come from the vocabulary (``civcas.vocab``), the one
list every stage reads; an unknown name stays itself.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import vocabulary
from .match import transient

_ARTICLES = {"al", "el", "ad", "an", "ar", "as", "at", "az", "ash", "the", "of", "s"}


def _common_tokens() -> frozenset[str]:
    """Tokens too common in place names to look places up by (they still count when comparing): the
    words that start names ("Kafr", "Tell"), compass words and the kinds of place ("village")."""
    t = vocabulary().tables
    kinds = {w for k in t.place_kinds for w in k.words}
    return frozenset(t.prefixes | {d.lower() for d in t.directions} | kinds
                     | {"um", "big", "small", "rural", "qarya", "mazraa", "east", "west", "north", "south"})


COMMON_TOKENS: frozenset[str]  # _common_tokens(), made on first use (by __getattr__)


def __getattr__(name: str) -> frozenset[str]:
    """``COMMON_TOKENS`` is made when first read, not at import: reading the vocabulary costs
    a tenth of a second that a command reading the ledger does not need."""
    if name == "COMMON_TOKENS":
        globals()[name] = value = _common_tokens()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def plural_place_words() -> frozenset[str]:
    """The kinds of place in the plural ("villages", "suburbs", "areas", "districts"): a toll
    told over several places (the vocabulary's kind words, and each single word with an "s")."""
    v = vocabulary()
    words = {w for k in v.tables.place_kinds if not k.building for w in k.words if " " not in w}
    plural = {w for w in words if w.endswith("s") and (w[:-1] in words or w[:-3] + "y" in words)}
    plural |= {w + "s" for w in words if not w.endswith(("s", "y"))}
    # a word of a country's name is no toll over places ("the United States")
    countries = {t for c in v.countries.values() for n in (c.name,) + c.spellings
                 for t in re.split(r"[^a-z-]+", fold(n))}
    return frozenset(plural - countries)


@lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    return frozenset(w for k in vocabulary().tables.place_kinds if k.building for w in k.words
                     if " " not in w)


@lru_cache(maxsize=1)
def _sites_pattern() -> re.Pattern[str]:
    words = sorted(_site_words(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")s?\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _rare_means_pattern() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for m in vocabulary().tables.means:
        if m.rare:
            words = sorted((*m.words, *m.ar), key=len, reverse=True)
            out.append((m.id, re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words))
                                         + r")(?![\w-])", re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=1)
def _common_means_pattern() -> re.Pattern[str]:
    words = sorted((w for m in vocabulary().tables.means if not m.rare for w in (*m.words, *m.ar)),
                   key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])"
                      if words else r"(?!x)x", re.IGNORECASE)


def common_means_named(sentence: str) -> bool:
    """The sentence names a means of attack that is not rare ("shelling", "an air strike", "a car
    bomb": the vocabulary's attacks.toml rows with ``rare = false``)."""
    return _common_means_pattern().search(sentence) is not None


def rare_means_named(sentence: str) -> frozenset[str]:
    """The rare means of attack a sentence names ("chemical": "a sarin gas attack"; the
    vocabulary's attacks.toml)."""
    return frozenset(i for i, pattern in _rare_means_pattern() if pattern.search(sentence))


def sites_named(sentence: str) -> frozenset[str]:
    """The kinds of site a sentence names ("hospital", "market", "school": the vocabulary's
    building words), singular or plural."""
    return frozenset(w.lower() for w in _sites_pattern().findall(sentence))


@lru_cache(maxsize=1)
def _several_pattern() -> re.Pattern[str]:
    words = sorted(plural_place_words(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])",
                      re.IGNORECASE)


def names_several_places(sentence: str) -> bool:
    """The sentence tells of several places ("the villages", "rebel-held suburbs")."""
    return _several_pattern().search(sentence) is not None


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, curly quotes straightened."""
    return fold_text(text)


def fold_text(text: str) -> str:
    """:func:`fold` of a text read once or twice (a claim's sentence): not kept in the cache of
    names, which would hold every sentence resolution reads, 65,536 deep."""
    if not text.isascii():  # ASCII has no accents to take off (and NFKD leaves it as it is)
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
    """ISO code of the country ``text`` names most ("Syria's Raqqa" -> "SY"), else None."""
    if not text:
        return None
    weights = vocabulary().country_weights(text)
    return weights.most_common(1)[0][0] if weights else None


def main_country(text: str | None) -> str | None:
    """ISO code of the country a text is about (see :meth:`civcas.vocab.Vocabulary.main_country`)."""
    return vocabulary().main_country(text) if text else None


def report_country(text: str | None) -> str | None:
    """:func:`main_country` of a whole report read once (resolution's country of a document):
    its text is not kept in the per-text caches (:func:`civcas.vocab.match.transient`)."""
    with transient():
        return main_country(text)


def is_country(name: str | None) -> bool:
    """Whether a place name is a country's ("Syria", "the Gaza Strip")."""
    if not name:
        return False
    key = fold(name).removeprefix("the ")
    return any(key == fold(n) for c in vocabulary().countries.values() for n in (c.name,) + c.spellings)


@lru_cache(maxsize=65536)
def actor(text: str | None) -> str | None:
    """The canonical actor a perpetrator name refers to ("U.S.-led strikes" -> "US-led coalition").

    ``contested`` stays ``contested``; a joint "A and B" stays as it is; an unknown name is returned
    stripped.
    """
    if not text:
        return None
    if fold(text) == "contested":
        return "contested"
    if " and " in text:
        return text.strip()
    v = vocabulary()
    row = v.actor(text)
    if row is not None:
        return row.label
    found = v.actor_mentions(text, None)
    if found:
        return found[0].label
    local = {m[0].label for code in v.countries if (m := v.actor_mentions(text, code))}
    # "regime": Syria's only; "government forces": whose?
    return local.pop() if len(local) == 1 else text.strip()


def selects(name: str | None, belligerent: str) -> bool:
    """Whether ``name`` (any spelling of an actor or of one of its voices) names ``belligerent``:
    "Pentagon" selects the US-led coalition it speaks for."""
    if not name:
        return False
    if actor(name) == belligerent or fold(name) == fold(belligerent):
        return True
    return belligerent_of_voice(name) == belligerent


def belligerent_of_voice(name: str) -> str | None:
    """The actor whose voices include the source ``name`` ("Pentagon" -> "US-led coalition")."""
    v = vocabulary()
    row = v.source(name)
    if row is None:
        return None
    return next((a.label for a in v.actors.values() if row.id in a.voices), None)


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two perpetrators can be blamed for one attack: the same actor, allies or one side, or
    either of them unknown or contested."""
    if not a or not b or "contested" in (a, b) or a == b:
        return True
    v = vocabulary()
    return any(x == y or v.allied(x, y) for x in a.split(" and ") for y in b.split(" and "))


@lru_cache(maxsize=65536)
def belligerent(source: str | None) -> str | None:
    """The belligerent a *source* speaks for (Pentagon, SANA, Russian Defence Ministry), if any: the
    actor whose voices include it, else the one it speaks for. Monitors, the UN and NGOs, medical
    sources, rescuers, local people, activists and news outlets speak for no one."""
    if not source:
        return None
    v = vocabulary()
    if v.source_kind(source) not in ("belligerent", "state_media", "official"):
        return None
    row = v.source(source)
    if row is None:
        whole = [m for m in v.source_mentions(source, None) if m.end - m.start >= len(source.strip()) - 6]
        row = v.sources[whole[0].id] if whole else None
    if row is not None:
        for a in v.actors.values():
            if row.id in a.voices:
                return a.label
        return v.actors[row.speaks_for].label if row.speaks_for else None
    named = v.actor(source)
    return named.label if named is not None and named.kind in ("state", "coalition") else None


@lru_cache(maxsize=65536)
def asserter(source: str | None) -> str:
    """Canonical name of who asserts a figure: the vocabulary's label for a known source."""
    if not source:
        return "reporter"
    return vocabulary().source_name(source) or source.strip()
