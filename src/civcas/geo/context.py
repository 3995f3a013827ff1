"""What a text says about where it is: regions it names, places it mentions, countries.

A :class:`Context` is computed once per document (and once per claim
sentence) and feeds the resolver: a candidate inside a region named nearby
("in the province of X", "X countryside", "near Y") scores highest, then one
in the same region or country as the article's other places.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..vocab import vocabulary
from ..vocab.arabic import COMPASS, fold
from . import index
from .arabic import scan_names
from .index import REGION, Entry, Gazetteer
from .normalize import EXACT, FOLD, fold_key

# a capitalised place name, with Arabic particles inside ("Deir ez-Zor", "Abu al-Hassan")
_P = r"(?:al|el|ez|es|az|ar|as|ad|an|at|ash|ad-|bin|ibn|de|du|la|le|of|and)"
_NAME_REST = rf"[\w'’]*(?:(?:[- ]{_P})?[- ][A-Z][\w'’]*|-[a-z][\w'’]*|[ -](?:a|e)[lzrsdnt][a-z]{{3,}}){{0,3}}"
NAME = rf"[A-Z]{_NAME_REST}"
_REGION_WORD = r"(?:province|governorate|countryside|region|district|suburbs?|outskirts|environs|area|city|town|village|sub-district)"  # noqa: E501
_CUES = (
    re.compile(rf"\b(?:{_REGION_WORD})\s+of\s+({NAME})"),
    # (the capital written "[A-Z](?<=\b[A-Z])" rather than "\b[A-Z]": the engine skips to capitals)
    re.compile(rf"([A-Z](?<=\b[A-Z]){_NAME_REST})(?:['’]s)?\s+(?:{_REGION_WORD})\b"),
    re.compile(rf"\b(?:rural|eastern|western|northern|southern|central|in|near|outside|around)\s+({NAME})"),
)
# one of these is in every match of the first two cues (a cheap test first)
_REGION_WORDS = ("province", "governorate", "countryside", "region", "district", "suburb", "outskirts",
                 "environs", "area", "city", "town", "village")
_PROVINCE_CUE = re.compile(r"\s*(?:['’]s\s+)?(?:province|governorate|countryside|region)\b", re.I)
_PROVINCE_BEFORE = re.compile(r"\b(?:province|governorate|countryside|region)\s+of\s+(?:the\s+)?$", re.I)
_CAPS = re.compile(NAME)
_NONSPACE = re.compile(r"\S+")

# words that start capitalised sequences but are not places (sentence starts, titles, calendar,
# news agencies whose names collide with places)
STOP = frozenset("""the a an this that these those he she it they we his her its their our in on at of
and or but for with from by to as after before during while when where since until near about
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr president minister general colonel spokesman spokeswoman said says according
state islamic army forces government regime coalition observatory news agency ministry
human rights council united nations security democratic free national front brigade
people civilians children women men police troops rebels militants fighters
north south east west northern southern eastern western central
new old great greater upper lower al el ar as ad
sana afp reuters ap tass irna qna wam mena anadolu xinhua dpa efe ansa
isis isil daesh daish nusra qaeda hezbollah hizballah sdf ypg fsa pkk pyd
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred hundreds thousand thousands dozen dozens""".split())

# the region's countries' demonyms (a weak signal: "Syrian forces" says little about where)
DEMONYMS = {"syrian": "SY", "iraqi": "IQ", "turkish": "TR", "lebanese": "LB", "jordanian": "JO",
            "israeli": "IL", "palestinian": "PS", "saudi": "SA", "iranian": "IR", "kuwaiti": "KW",
            "yemeni": "YE", "egyptian": "EG", "kurdish": ""}
# ("\b(Syrian|Iraqi|...)s?\b" written "([SI...](?<=\b[SI...])(?:(?<=S)yrian|(?<=I)raqi|...))s?\b": the same
# matches, the engine running from capital to capital)
_DEMONYM_FIRSTS = "".join(dict.fromkeys(d[0].upper() for d in DEMONYMS))
_DEMONYM = re.compile(rf"([{_DEMONYM_FIRSTS}](?<=\b[{_DEMONYM_FIRSTS}])(?:"
                      + "|".join(f"(?<={d[0].upper()}){d[1:]}" for d in DEMONYMS) + r"))s?\b")
DATELINE_WEIGHT = 0.3
# group names that hold country names ("Islamic State in Iraq and the Levant") say nothing of where
_ORG_NAMES = re.compile(r"\b(?:Islamic\s+State|ISIS|ISIL)\s+(?:in|of)\s+Iraq\s+and\s+(?:the\s+)?"
                        r"(?:Levant|Syria|al-Sham|Sham)\b", re.I)
LARGE_PLACE = 100_000  # outside the region's countries, only places this big count in text scans
ARABIC_TEXT = re.compile(r"[\u0621-\u064a]")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    province_cue: bool = False  # "X province", "province of X"
    tag: bool = False  # one of a page's tags ("Tags MSF Syria Idlib Russia"), not a sentence's word

    def __init__(self, start: int, end: int, text: str, entries: tuple[Entry, ...],
                 province_cue: bool = False, tag: bool = False) -> None:
        # (the generated __init__ of a frozen dataclass sets each field through object.__setattr__,
        # twice as slow as writing the instance's dict; a document builds dozens: decisions §15.16)
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["text"] = text
        d["entries"] = entries
        d["province_cue"] = province_cue
        d["tag"] = tag


# a page's tag list run into the text: "Tags MSF Syria Idlib Russia A hospital ..."
_TAGS = re.compile(r"\bTags?:?((?:\s+[A-Z][\w'’-]*)+)")


def _tagged(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with those inside a tag list marked."""
    spans = [m.span(1) for m in _TAGS.finditer(text)] if "Tag" in text else []
    if not spans:
        return mentions
    return [replace(m, tag=True) if any(s <= m.start < e for s, e in spans) else m
            for m in mentions]


@dataclass
class Context:
    """Where a text points: admin1 codes and countries with weights, and its mentions."""

    # Counters of float weights (typeshed types a Counter's values as int: hence the
    # ``type: ignore[assignment]`` where a weight is added)
    regions: Counter = field(default_factory=Counter)  # admin1 code -> weight (named as a region)
    votes: Counter = field(default_factory=Counter)  # admin1 code -> weight (places mentioned)
    countries: Counter = field(default_factory=Counter)  # ISO2 -> weight (all evidence)
    named: Counter = field(default_factory=Counter)  # ISO2 -> weight (country names, demonyms)
    mentions: tuple[Mention, ...] = ()

    def share(self, counter: Counter, key: str) -> float:
        """``counter[key]`` over the counter's total (totals cached: a context is not changed
        once analysed)."""
        value = counter.get(key, 0)
        if not value:
            return 0.0
        totals = self.__dict__.setdefault("_totals", {})
        total = totals.get(id(counter))
        if total is None:
            total = totals[id(counter)] = sum(counter.values())
        return value / total

    def merged(self, other: Context, weight: float = 1.0) -> Context:
        out = Context(Counter(self.regions), Counter(self.votes), Counter(self.countries),
                      Counter(self.named), self.mentions)
        for mine, theirs in ((out.regions, other.regions), (out.votes, other.votes),
                             (out.countries, other.countries), (out.named, other.named)):
            for k, v in theirs.items():
                mine[k] += v * weight  # type: ignore[assignment]  # float weights
        return out


EMPTY = Context()


def _plausible(e: Entry) -> bool:
    return e.country in REGION or e.feature != "P.PPL" or e.population >= LARGE_PLACE


def plausible_entries(gaz: Gazetteer, name: str, *, in_text: bool = True) -> tuple[Entry, ...]:
    """Entries ``name`` may mean in a war report (see :func:`_plausible`); ``in_text``: a
    possessive ("Aleppo's") or a lost apostrophe ("Syrias") still names the place. Memoised on
    the gazetteer (a report names the same places again and again)."""
    memo = gaz.__dict__.setdefault("_plausible_memo", {})
    hit = memo.get((name, in_text))
    if hit is None:
        hit = _plausible_entries(gaz, name, in_text)
        if len(memo) < 100_000:
            memo[(name, in_text)] = hit
    return hit


def _plausible_entries(gaz: Gazetteer, name: str, in_text: bool) -> tuple[Entry, ...]:
    if in_text:
        name = re.sub(r"['’]s$", "", name)
    if name.lower() in STOP or len(name) < 3:
        return ()
    _level, found = gaz.find(name, (EXACT, FOLD))
    if len(name) <= 3:  # "Car" is not CAR (Central African Republic); "NGO" is not Nagoya's airport
        found = [e for e in found if (e.feature == "A.PCLI") == name.isupper()]
    if not found and in_text and name.endswith("s") and len(name) > 4:  # "Syrias Idlib": a lost apostrophe
        found = [e for e in gaz.find(name[:-1], (EXACT,))[1] if e.feature in ("A.PCLI", "A.ADM1")]
    return tuple(e for e in found if _plausible(e))


def scan(gaz: Gazetteer, text: str) -> list[Mention]:
    """Place mentions in ``text``: capitalised sequences (longest match first) the gazetteer knows."""
    out: list[Mention] = []
    memo = gaz.__dict__.setdefault("_run_memo", {})
    for m in _CAPS.finditer(text):
        run = m.group()
        found = memo.get(run)
        if found is None:
            found = _run_places(gaz, run)
            if len(memo) < 100_000:
                memo[run] = found
        at = m.start()
        for s, e, entries, whole in found:
            s, e = at + s, at + e
            cue = bool(_PROVINCE_CUE.match(text, e)
                       or whole and _PROVINCE_BEFORE.search(text, max(0, s - 40), s))
            out.append(Mention(s, e, text[s:e], entries, cue))
    return out


def _run_places(gaz: Gazetteer, run: str) -> tuple[tuple[int, int, tuple[Entry, ...], bool], ...]:
    """(start, end, entries, whole) of the places in one capitalised sequence of :func:`scan`, offsets
    within it (longest match first); ``whole``: a name of whole words, not one half of "Hasaka-Qamishli".
    What a sequence holds depends on its words alone: kept per sequence on the gazetteer."""
    out: list[tuple[int, int, tuple[Entry, ...], bool]] = []
    generic = gaz.generic_words
    words = list(_NONSPACE.finditer(run))
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            s, e = words[i].start(), words[j - 1].end()
            phrase = run[s:e]
            if j == i + 1 < len(words) and fold_key(phrase) in generic:
                continue  # "Tal" of "Tal Qurmuz" is not the town of Tall
            found = plausible_entries(gaz, phrase)
            if found:
                out.append((s, e, found, True))
                i = j
                break
        else:
            parts = _hyphen_parts(gaz, words[i].start(), words[i].group())
            out.extend((s, e, found, False) for s, e, found in parts)
            i += 1
    return tuple(out)


_TWO_NAMES = re.compile(r"([A-Z][a-z]{2,})-([A-Z][a-z]{2,})")


def _hyphen_parts(gaz: Gazetteer, start: int, word: str) -> list[tuple[int, int, tuple[Entry, ...]]]:
    """The two places of "Hasaka-Qamishli" (a road, a front between two towns) when the whole
    word is no place."""
    m = _TWO_NAMES.fullmatch(word)
    if m is None:
        return []
    out = []
    for k in (1, 2):
        found = plausible_entries(gaz, m.group(k))
        if found:
            out.append((start + m.start(k), start + m.end(k), found))
    return out


# Arabic words after which a name is a region: "محافظة إدلب", "ريف حلب"
_AR_PROVINCE_BEFORE = re.compile(r"(?:محافظه|ريف|ولايه|منطقه)\s+$")
ARAB_WORLD = REGION | {"LY", "SD", "SO", "DJ", "MR", "MA", "DZ", "TN", "AE", "QA", "BH", "OM"}


@lru_cache(maxsize=1)
def _arabic_not_names() -> frozenset[str]:
    """Folded Arabic words that are never a place name alone: the vocabulary's kinds of place
    ("مدينة", "المدينة") and compass words."""

    words = {w for k in vocabulary().place_kinds() for w in k.ar} | set(COMPASS)
    return frozenset(fold(x) for w in words for x in (w, "ال" + w))


def scan_arabic(gaz: Gazetteer, text: str) -> list[Mention]:
    """Place mentions in Arabic text (see :mod:`.arabic`): names the gazetteer knows in Arabic,
    countries, the region's places and big cities; without its proclitic a name must be in the
    Arab world."""

    skip = _arabic_not_names()
    memo = gaz.__dict__.setdefault("_arabic_memo", {})

    def lookup(name: str, stripped: bool) -> tuple[Entry, ...] | None:
        if name in skip:
            return None
        key = (name, stripped)
        if key not in memo:
            _level, found = gaz.find(name, (EXACT, FOLD))
            found = [e for e in found if _plausible(e) and (not stripped or e.country in ARAB_WORLD
                                                             or e.feature == "A.PCLI")]
            memo[key] = tuple(found) or None
        return memo[key]

    out = []
    for s, e, _name, entries in scan_names(text, lookup):
        cue = bool(_AR_PROVINCE_BEFORE.search(fold(text[max(0, s - 12):s])))
        out.append(Mention(s, e, text[s:e], entries, cue))
    return out


def _vote(counter: Counter, entries: tuple[Entry, ...], weight: float) -> None:
    codes = {e.admin1_code for e in entries if e.admin1_code}
    for code in codes:
        counter[code] += weight / len(codes)  # type: ignore[assignment]  # float weights


def analyse(gaz: Gazetteer, text: str, *, cues_only: bool = False) -> Context:
    """The context of ``text`` (a document or a sentence)."""
    # ("Iraq" is in every match; "ı", "İ" match its "i" in re.I)
    if "iraq" in text.lower() or "\u0131" in text or "\u0130" in text:
        text = _ORG_NAMES.sub(lambda m: " " * len(m.group()), text)  # offsets kept
    ctx = Context()
    mentions = [] if cues_only else _tagged(text, scan(gaz, text))
    if ARABIC_TEXT.search(text):

        if not cues_only:
            mentions = sorted(mentions + scan_arabic(gaz, text), key=lambda m: m.start)
        for cc, w in vocabulary().country_weights(text).items():  # Arabic demonyms ("السوري")
            if cc not in REGION:
                continue  # as DEMONYMS: "الروسية" says who flew, not where
            ctx.named[cc] += 0.25 * w  # type: ignore[assignment]  # float weights
            ctx.countries[cc] += 0.25 * w  # type: ignore[assignment]  # float weights
    for mt in mentions:
        named = {e.country for e in mt.entries if e.feature == "A.PCLI"}
        if named:  # a country's name means the country
            for cc in named:
                ctx.countries[cc] += 1.0  # type: ignore[assignment]  # float weights
                ctx.named[cc] += 1.0  # type: ignore[assignment]  # float weights
            continue
        # an all-capitals name is mostly a dateline ("DAMASCUS, (SANA) -"): where the
        # reporter was, not where the harm was
        _vote(ctx.votes, mt.entries, DATELINE_WEIGHT if mt.text.isupper() and len(mt.text) > 3 else 1.0)
        countries = {e.country for e in mt.entries}
        if len(countries) == 1:
            cc = countries.pop()
            ctx.countries[cc] += 0.5  # type: ignore[assignment]  # float weights
    regional = any(w in text for w in _REGION_WORDS)
    for rx in _CUES if regional else _CUES[2:]:
        for m in rx.finditer(text):
            found = plausible_entries(gaz, m.group(1))
            if not found:
                continue
            admins = tuple(e for e in found if e.feature in ("A.ADM1", "A.ADM2")) or found
            _vote(ctx.regions, admins, 1.0)
    for m in _DEMONYM.finditer(text):
        cc = DEMONYMS[m.group(1).lower()]
        if cc:
            ctx.countries[cc] += 0.25  # type: ignore[assignment]  # float weights
            ctx.named[cc] += 0.25  # type: ignore[assignment]  # float weights
    ctx.mentions = tuple(m for m in mentions if not any(e.feature == "A.PCLI" for e in m.entries))
    return ctx


@lru_cache(maxsize=256)
def _cached(gaz_id: int, text: str, cues_only: bool) -> Context:
    return analyse(index.get(), text, cues_only=cues_only)


def of_text(gaz: Gazetteer, text: str, *, cues_only: bool = False) -> Context:
    """:func:`analyse`, cached for the shared gazetteer (documents are analysed once)."""
    if gaz is index._SHARED:
        return _cached(id(gaz), text, cues_only)
    return analyse(gaz, text, cues_only=cues_only)
