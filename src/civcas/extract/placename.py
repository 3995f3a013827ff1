"""What a captured place name's words say by themselves, kept per name.

:func:`civcas.extract.places.place_mentions` captures 21,000 names a pass over FA-KES, 2,600 of them
distinct. A capture's cleaning (possessives, words that begin or end no place, a holder's "-held", a
headline's words, a group's name, a country run on) and its gazetteer level depend on the captured
words, the rank class and the report's country only: :func:`settled` works them out once per
(name, rank, country). The place finder then reads the sentence around the capture (an armed group's
name before it, the words that say it is no place of harm, a site or region word beside it) as
before. The stop words and helpers here were the place finder's (moved, unchanged).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..geo import on_reload
from ..vocab import vocabulary
from .known import exact_place, known_precision, level_of
from .notplace import not_a_place_cut
from .words import is_common

# English words that start capitalised sequences and are never places
_FUNCTION = set("""The A An He She It They This That These Those Least At One Two Three Four Five Six Seven Eight Nine
Ten Eleven Twelve Week Weeks Month Months Year Years District Province Governorate Takfiri Mondays Tuesdays Wednesdays
Thursdays Fridays Saturdays Sundays State's Observatory's Monday's Tuesday's Wednesday's Thursday's Friday's Saturday's
Sunday's Army Free Division Brigade Council Ministry Defence Defense Government Regime Civil Doctors Reporters Security
Democratic Forces Agency News Media Center Centre Human Rights Front Coalition Red Crescent Cross White Helmets
Assad Bashar Assads Assad's""".split())


def _stop_words() -> set[str]:
    """Capitalised words that end or begin no place name: the function words above, the vocabulary's
    words that are never places (calendar, religions), every demonym and people, and every one-word
    name of an actor or source (a place's name is never "SANA" or "Hezbollah")."""
    v = vocabulary()
    out = set(_FUNCTION) | set(v.tables.not_places)
    countries = {c.name for c in v.countries.values()}
    for c in v.countries.values():
        out.update(c.demonyms + c.people)
        out.update(w + "s" for w in c.demonyms)
        out.update(n.replace(" ", "") + "'s" for n in (c.name,))
    for row in list(v.actors.values()) + list(v.sources.values()):
        for w in (row.label,) + row.spellings:
            if " " not in w and w[:1].isupper() and w.lower() not in v.tables.prefixes \
                    and w not in countries and not exact_place(w) and level_of(w) != "country":
                out.add(w)
    return out


STOP = _stop_words()
_DIRECTIONS = {"Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East", "West"}
_COUNTRY_ALONE = {c.name for c in vocabulary().countries.values()}
_POSSESSIVE = re.compile(r"[’']s$")
_BEFORE_POSSESSIVE = re.compile(r"^.*[’']s\s+(?=\S)")
_ARTICLE_END = re.compile(r"[- ](?:Al|El|al|el)$")
_DASH_SPACE = re.compile(r"[- ]")


@lru_cache(maxsize=8192)  # (names recur: a captured name's words are read once)
def _clean(name: str) -> str:
    """Cut a captured name at the first word that is not part of a place name."""
    name = _POSSESSIVE.sub("", name.strip(" -"))
    name = name.rstrip("’'")  # "Pool Of Blood’": a quotation closing, no part of a name
    name = _BEFORE_POSSESSIVE.sub("", name)  # "Mosul's al-Jadida": the neighbourhood
    words = name.split()
    for i, w in enumerate(words):
        if i and (w in STOP or w in _COUNTRY_ALONE or _POSSESSIVE.sub("", w) in STOP):
            words = words[:i]
            break
    return " ".join(words).strip(" -")


_HELD = re.compile(r"[- ]?\b[\w']+-(?:held|controlled|run|led|backed|besieged|dominated)\b", re.I)


@lru_cache(maxsize=8192)  # names recur from sentence to sentence
def _name_of(words: str, typed: bool) -> str:
    """:func:`_headline_words_off` of :func:`_trim` of the words of a capture."""
    return _headline_words_off(_trim(words), typed=typed)


@lru_cache(maxsize=8192)
def _belligerent(name: str) -> bool:
    found = vocabulary().actor_mentions(name)
    return bool(found) and found[0].end - found[0].start >= len(name) - 4


_STREET = re.compile(r"\b(?:Street|Square|Road|Roundabout|Avenue|Bridge|Hospital)$")
PREFIX_WORD = re.compile(r"(?i:al|el|ar|as|ad|an|at|az|ash|tel|tal|tell|tall|deir|dayr|ras|abu|umm|bab|jabal|jisr|maarat|khan|kafr|"
                          r"beit|bir|ain|ein|sheikh|wadi|qasr|old|new|eastern|western|northern|southern|upper|lower)")
_ARTICLE_START = re.compile(r"(?:al|el|ad|an|ar|as|at|az|ash|ez|es)-", re.I)


def _trim(name: str) -> str:
    """"Saraqeb Khan Sheikhoun" (two known places run together), "Busra Al": keep the first place."""
    name = _ARTICLE_END.sub("", name)
    words = name.split()
    if len(words) < 2 or level_of(name) is not None or known_precision(name):
        return name
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if PREFIX_WORD.fullmatch(words[n - 1]):  # "Sheikh", "Tel", "Abu": the start of a longer name
            continue
        tail = " ".join(words[n:])
        if _ARTICLE_START.match(tail):
            continue  # "Jasim al-Balad": an article joins the words of one name
        if (level_of(head) is not None or (len(head) > 3 and known_precision(head))) and (
                level_of(tail) is not None or (" " in tail and known_precision(tail))):  # both halves are places
            return head
    return name


# a common word that ends a place name ("Public Park", "National Hospital", "Old City")
_FACILITY = set("""Street Square Road Roundabout Avenue Bridge Hospital Park Garden Gardens Market Souq School Mosque
Prison Base Airport Airbase University Camp Quarter Citadel Gate Dam Farms River Heights Palace House City Church
Station Stadium Hotel Bakery Factory Field Plain Valley Mountain Mountains Lake Island Village Town""".split())


def _headline_words_off(name: str, typed: bool = False) -> str:
    """Take the common English words a title-case headline ran into a place name off its ends ("Idlib
    Dozens", "Manbij Killing", "Opposition Damascus"); nothing is left of "Terrorist Battle" or
    "Continued". A name the gazetteer knows, or one ending in a facility ("Public Park"), is kept; so is
    a name ``typed`` with its kind ("Haas village"), unless it is a quantifier ("several villages")."""
    words = name.split()
    if not words or _FACILITY.intersection(words[-1:]) or level_of(name) or known_precision(name):
        return name
    while len(words) > 1 and _common(words[-1]) and words[-1] not in _FACILITY \
            and not PREFIX_WORD.fullmatch(words[-2]):  # not "Sheikh Said", "Kafr Ain"
        words = words[:-1]
    while len(words) > 1 and _common(words[0]) and not PREFIX_WORD.fullmatch(words[0]):
        words = words[1:]
    if typed and not _QUANTIFIER.intersection(words):
        return " ".join(words)  # "Haas village", "the town of Banish": a name, whatever else the word means
    if all(_common(w) for w in words) and not _FACILITY.intersection(words[-1:]):
        return ""
    if len(words) == 1 and (words[0] in _FACILITY or PREFIX_WORD.fullmatch(words[0])):
        return ""  # "Mosque", "Sheikh": a kind of place or the start of a name, not a name
    return " ".join(words)


_QUANTIFIER = set("""Several Many Some Other Others Various Numerous Nearby Neighbouring Neighboring Surrounding
Both Few All Those These Two Three Four Five Dozens Hundreds""".split())
_ARTICLE = re.compile(r"(?i:al|el|ar|as|ad|an|at|az|ash|ez|es)")


def _common(word: str) -> bool:
    """A common English word that is no place name ("Dozens", "Battle", "Anti-IS"; not "Aleppo",
    "al-Meridian")."""
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1:
        return not _ARTICLE.fullmatch(parts[0]) and all(p in STOP or _common(p) for p in parts)
    return (is_common(word) or word in _DIRECTIONS or word.lower() in _COMPASS) and not level_of(word) \
        and not exact_place(word)


_COMPASS = {"northwest", "northeast", "southwest", "southeast", "northwestern", "northeastern", "southwestern",
            "southeastern"}


_NATURAL = re.compile(r"\s(?:River|Mountains?|Valley|Lake|Plain|Desert)$")


def _known_head(name: str, country: str | None) -> str:
    """A name the gazetteer does not know that starts with a country's name is that country run on into
    the next capitalised words, the comma between them lost in the copy: "an attack on Turkey Milliyet
    reported" names Turkey. (Measured: cutting after a province or city too lost places on the FA-KES
    sets; decisions §12.)"""
    words = name.split()
    if len(words) < 2 or level_of(name, country) is not None or known_precision(name):
        return name
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        if level_of(head, country) == "country":
            return head
    return name


_MEMO: dict[tuple[str, int, str | None], tuple | None] = {}
_MEMO_MAX = 32_768


def settled(name: str, rank: int, country: str | None) -> tuple | None:
    """None when the captured ``name`` is no place whatever the sentence says; else (drops, length,
    name, level, street, natural): the (word, offset) finds that move the start past words dropped
    from its front, the length of the name the group test reads, the place's name, its level
    (``level_of``), whether it names a street or site and whether a natural feature."""
    key = (name, rank, country)
    hit = _MEMO.get(key, _MEMO)
    if hit is _MEMO:
        hit = _settle(name, rank, country)
        if len(_MEMO) < _MEMO_MAX:
            _MEMO[key] = hit
    return hit


def _settle(name: str, rank: int, country: str | None) -> tuple | None:
    name = _clean(name)
    words = name.split()
    drops = []
    while len(words) > 1 and words[0] in STOP and level_of(" ".join(words)) != "country":  # "Syrian Idlib province"
        drops.append((words[1], len(words[0])))
        words = words[1:]
    if len(words) > 1 and words[0].endswith("s") and level_of(words[0][:-1]) is not None:
        drops.append((words[1], len(words[0])))  # "Aleppos Sheikh Maqsoud": "Aleppo's", apostrophe lost
        words = words[1:]
    elif len(words) > 1 and rank == 5 and not PREFIX_WORD.fullmatch(words[0]) \
            and level_of(words[0], country) in ("city", "province") \
            and level_of(" ".join(words), country) is None and not known_precision(" ".join(words)) \
            and level_of(" ".join(words[1:]), country) not in ("city", "province"):
        drops.append((words[1], len(words[0])))  # "Homs Akrameh neighbourhood": Homs's Akrameh
        words = words[1:]
    held = _HELD.search(" ".join(words)) if "-" in name else None
    if held:  # "the Islamic State-held city": who holds it, not a place; what stands before must be one
        words = " ".join(words)[:held.start()].split()
        if not words or (level_of(" ".join(words), country) is None and not known_precision(" ".join(words))):
            return None
    name = _name_of(" ".join(words), rank not in (0, 4))
    if not name:
        return None
    if name.endswith("s") and len(name) > 5 and not known_precision(name) and level_of(name) is None and (
            level_of(name[:-1]) is not None or known_precision(name[:-1])):
        name = name[:-1]  # "Aleppos hospitals": an apostrophe lost in the copy
    words = name.split()
    if not name or words[0] in STOP or name in STOP or all(w in STOP for w in _DASH_SPACE.split(name)):
        return None
    length = len(name)  # (the sentence's group test reads this name's span)
    if _belligerent(name) and level_of(name) != "country":
        return None
    cut = not_a_place_cut(name)  # "Aleppo Terrorists" -> "Aleppo"; "Kurdish-held" -> nothing
    if cut is None:
        return None  # "the Al-Qaeda-linked Hurras al-Deen": a group, described
    name, stripped = cut
    if stripped and name and level_of(name) is None and not known_precision(name):
        return None  # what is left of "Syrian Air Base", "Peoples Protection Units" is no place
    if len(name) <= 3 and name.lower() == name:
        return None  # "al" of "Bashar al Assad"
    if rank in (0, 4):  # a name the copy types ("the X neighbourhood") is whole
        name = _known_head(name, country)
    if not name or name.split()[-1] in STOP or name in _DIRECTIONS:
        return None
    return (tuple(drops), length, name, level_of(name, country), bool(_STREET.search(name)),
            bool(_NATURAL.search(name)))


def _forget() -> None:
    """What the gazetteer said of names (it was read again, with the user's places)."""
    _MEMO.clear()
    _name_of.cache_clear()
    _belligerent.cache_clear()


on_reload(_forget)
