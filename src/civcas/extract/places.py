"""Place mentions in a sentence, and which is the most specific place of harm."""
from __future__ import annotations

import re

from ..vocab import vocabulary
from .known import exact_place, known_precision, level_of
from .placecontext import RELATED, TAGS, no_place_of_harm
from .placename import PREFIX_WORD, STOP, settled
from .quick import led

_TYPE_BEFORE = r"(?:village|town|city|neighbou?rhood|district|suburb|area|region|countryside|province|governorate|camp|market|quarter|hamlet|outskirts)"
_NAME = r"(?:(?:al|el|ar|as|ad|an|at|az|ash|ez|es)-|(?:Al|El|Ar|As|Ad|An|At|Az|Ash|Tel|Tal|Deir|Dayr|Ras|Abu|Umm|Bab|Jabal|Jisr|Maarat|Khan|Kafr|Beit|Bir|Ain|Ein|Sheikh|Wadi|Qasr|Old|New|Eastern|Western|Northern|Southern)[- ])*[A-Z][a-zA-Z'’-]+(?:[- ](?:(?:al|el|ar|ad|az|ash|ez|es|Al|El|ez-|al-)?[- ]?|(?:as|an|at)-)[A-Z][a-zA-Z'’-]+){0,2}"
_TYPE_BEFORE_WORDS = ("village", "town", "city", "neighbo", "district", "suburb", "area", "region", "countryside",
                     "province", "governorate", "camp", "market", "quarter", "hamlet", "outskirts")  # one in every match
_PROVINCE_AFTER = re.compile(r"\s+(?:province|governorate|oblast|(?-i:state|region))\b", re.I)
_PROVINCE_END = re.compile(r"\s(?:Province|Governorate|Oblast)(?:['’]s)?$")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_TYPED_OF = re.compile(rf"\b{_TYPE_BEFORE}\s+of\s+({_NAME})")
# a list of places after a plural kind, then the place holding them ("the neighbourhoods of A and B in Aleppo"), the
# sentence's end or its toll ("..., killing"); each is a place, and the harm over them is the holder's (GUIDE, Places)
_LISTED_OF = re.compile(rf"\b(neighbou?rhoods|villages|towns|districts|suburbs|quarters|camps|cities)\s+of\s+"
                        rf"((?:the\s+)?{_NAME}(?:\s*,\s*(?:the\s+)?{_NAME})*\s*,?\s+and\s+(?:the\s+)?{_NAME})"
                        rf"(?=,?\s+(?:in|of|near)\s+(?:the\s+)?[A-Z]|\s*[.;]|\s*$|,?\s+(?:killing|leaving|causing|injuring|wounding)\b)")
# the list before its plural kind: "on the al-A and al-B residential neighbourhoods in Deir Ezzor city"
_LISTED_BEFORE = led(rf"((?:the\s+)?{_NAME}(?:\s*,\s*(?:the\s+)?{_NAME})*\s*,?\s+and\s+(?:the\s+)?{_NAME})"
                            rf"\s+(?:residential\s+|eastern\s+|western\s+|northern\s+|southern\s+)?"
                            rf"(?:neighbou?rhoods|villages|towns|districts|suburbs|quarters)\b")
# the plural kinds one of which every match of _LISTED_OF and _LISTED_BEFORE holds (a cheap test first)
_PLURAL_KINDS = ("neighbourhoods", "neighborhoods", "villages", "towns", "districts", "suburbs", "quarters", "camps",
                 "cities")
_LIST_ITEM = re.compile(rf"(?:^|(?<=[\s,]))(?:the\s+)?({_NAME})")
_TYPE_AFTER_WORDS = ("province", "governorate", "blast", "countryside", "city", "neighbo", "district", "village", "town",
                     "area", "camp", "suburb", "state", "region", "Neighbo", "Village", "Town", "Area", "Suburb")  # one of them is in every match of _TYPED_AFTER (a cheap test first)
# (the lookaheads below only say early what the next characters must be: a faster search, the same matches)
_NAME_STARTS = r"(?=[A-Z]|(?:al|el|ar|as|ad|an|at|az|ash|ez|es)-)"
# a headline's kinds in title case ("Target X Area in Rural Damascus"): X is named with its kind
_TITLE_KINDS = ("Neighbourhood", "Neighborhood", "Village", "Town", "Area", "Suburb")
_TYPED_AFTER = re.compile(rf"\b{_NAME_STARTS}({_NAME})\s+(province|governorate|oblast|Oblast|countryside|state|region|city|neighbou?rhood|district|village|town|area|camp|suburb|Neighbou?rhood|Village|Town|Area|Suburb)s?\b")
_PREP = re.compile(rf"\b(?i:(?=[abfhinoprst]))(?i:in|near|on|at|outside|around|into|from|of|across|targeting|targeted|hit|struck|hitting|striking|bombed|shelled|attacked|attacking|stormed|raided|pounded|pounding|shelling|bombing)\s+(?:the\s+)?{_NAME_STARTS}({_NAME})")
_BETWEEN = re.compile(rf"\bbetween\s+(?:the\s+)?{_NAME_STARTS}({_NAME})\s+and\s+(?:the\s+)?{_NAME_STARTS}({_NAME})")
_AND_NAME = re.compile(rf"\b(?:in|at)\s+(?:the\s+)?{_NAME_STARTS}{_NAME}\s+and\s+(?:the\s+)?{_NAME_STARTS}({_NAME})(?=[\s.,;]+(?:[a-z]|$))")
# patterns of the functions below, compiled once (every sentence runs them)
_GROUP_WORD = led(r"\b(?:Ahrar|Jaish|Jaysh|Jabhat|Fateh|Fatah|Tahrir|Hayat|Liwa|Harakat|Hurras)\b")
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w'’-]*)\s+$")
_CAPITALISED = re.compile(r"[A-Z](?<=\b[A-Z])[a-z]+(?:[- ](?:al|el|ez|az|ar)[- ][A-Z][a-z]+|[- ][A-Z][a-z]+)?")
_CAPITAL_WORD = re.compile(r"[A-Z][a-z]+")
# ("\b(?:Deir|Dayr|Der|Dier)..." written "D(?<=\bD)(?:eir|...)": the same matches, the engine running from "D" to "D")
_DEIR_EZZOR = re.compile(r"D(?<=\bD)(?:eir|ayr|er|ier)[- ]?(?:e[lzr]|a[lzr])?[- ]?[Zz]o?[uo]?r\b")


def _inside_group(sentence: str, s: int, e: int) -> bool:
    """Whether [s, e) lies inside the name of an armed group ("Ahrar al-Sham", "Jabhat al-Nusra")."""
    return bool(_GROUP_WORD.search(sentence[max(0, s - 12):s]))


# patterns of place_mentions, compiled once
_REGION_AFTER = re.compile(r"\s+region\b")
_NATURAL_AFTER = re.compile(r"\s+(?:river|mountains?|valley|lake|plain|desert)\b")
# "the military training camp of X": a site, which goes up to its town as a building does (GUIDE)
_SITE_BEFORE = led(r"\b(?:training|military|army)\s+(?:base|camp|academy)\s+(?:of\s+|called\s+|known\s+as\s+)?$", re.I)
_NEARBY = led(r"\b(?:nearby|neighbou?ring|adjacent)\s+(?:\w+\s+of\s+)?$", re.I)


def place_mentions(sentence: str, country: str | None = None) -> list[tuple[int, int, str, int]]:
    """(start, end, name, rank) of place mentions; rank: higher is more specific."""
    out: list[tuple[int, int, str, int]] = []

    def add(s, e, name, rank):
        got = settled(name, rank, country)  # (what the name alone says: kept per name)
        if got is None:
            return
        drops, length, name, level, street, natural = got
        for word, offset in drops:  # words dropped from the name's front
            s += sentence[s:].find(word, offset)
        if _inside_group(sentence, s, s + length):
            return
        at = sentence.find(name, s, e + 1)  # the cleaned name may start later ("Mosul's al-Jadida")
        s = at if at >= 0 else s
        e = s + len(name)
        if no_place_of_harm(sentence, s, e, level):
            return  # the words around it say it is where people came from, sit or speak, or who rules it
        if street or (rank >= 4 and _SITE_BEFORE.search(sentence[max(0, s - 40):s])):
            rank = 6  # a street, square or military site is the most specific place named
        elif rank >= 4 and (_REGION_AFTER.match(sentence[e:]) or natural or _NATURAL_AFTER.match(sentence, e)):
            rank = 3  # "the Buqan region near Hajin", "the bank of the Euphrates River": an area, vaguer than a town
        elif rank >= 4 and _NEARBY.search(sentence[max(0, s - 30):s]):
            rank = 3  # "attacked Tel Abyad and the nearby town of Suluk": the place beside the one hit
        if level == "country":
            rank = min(rank, 1)
        elif level == "province" and rank < 4:
            rank = 2
        elif level == "city" and rank < 4:
            rank = 3
        for i, (s2, e2, _n, r2) in enumerate(out):
            if s2 < e and s < e2:
                if rank > r2:
                    out[i] = (s, e, name, rank)
                return
        out.append((s, e, name, rank))

    for m in _TYPED_OF.finditer(sentence) if any(w in sentence for w in _TYPE_BEFORE_WORDS) else ():
        kind = m.group(0).split()[0].lower()
        prev = _CAPITAL_BEFORE.search(sentence[max(0, m.start() - 30):m.start()])
        # "Sheikh Maqsoud district of Aleppo": the name after "of" holds the one before; not "Syrian city of", and
        # not "the Damascus suburb of Jaramana", where a province's name before the kind holds the name after it
        container = prev and prev.group(1) not in STOP and level_of(prev.group(1), country) != "province"
        add(m.start(1), m.end(1), m.group(1),
            2 if kind in ("province", "governorate", "region", "countryside") or container else 3 if kind == "city" else 5)
    listed = " and " in sentence and any(w in sentence for w in _PLURAL_KINDS)  # (in every match of the two below)
    for m in (_LISTED_OF.finditer(sentence) if listed else ()):  # "the villages of A, B and C"
        rank = 3 if m.group(1).lower() == "cities" else 5
        for n in _LIST_ITEM.finditer(sentence, m.start(2), m.end(2)):
            add(n.start(1), n.end(1), n.group(1), rank)
    for m in (_LISTED_BEFORE.finditer(sentence) if listed else ()):  # "the A and B neighbourhoods"
        for n in _LIST_ITEM.finditer(sentence, m.start(1), m.end(1)):
            add(n.start(1), n.end(1), n.group(1), 5)
    for m in (_TYPED_AFTER.finditer(sentence) if any(w in sentence for w in _TYPE_AFTER_WORDS) else ()):
        kind = m.group(2).lower()
        if _PROVINCE_END.search(m.group(1)):
            continue  # "Kharkiv Oblast's village of Izium": the province is named with its own kind
        if _OF_NAME.match(sentence, m.end()) and level_of(m.group(1), country) == "province":
            continue  # "the Damascus suburb of Jaramana": the suburb is Jaramana, Damascus holds it
        if m.group(2) in _TITLE_KINDS and level_of(m.group(1), country) is not None:
            continue  # a headline's "Damascus Suburb", "Syria Village": a known name before a title-case kind holds it
        add(m.start(1), m.end(1), m.group(1),
            2 if kind in ("province", "governorate", "oblast", "countryside", "state", "region") else 3 if kind == "city" else 5)
    between = _BETWEEN.finditer(sentence) if "between" in sentence else ()  # (in every match: tried at every position)
    for m in [*between, *_AND_NAME.finditer(sentence)] if " and " in sentence else ():
        for n in range(1, len(m.groups()) + 1):  # "between A and B": both named; "in A and B": B too
            add(m.start(n), m.end(n), m.group(n), 4 if level_of(m.group(n), country) is None else 0)
    for m in _PREP.finditer(sentence):
        name = m.group(1)
        if _PROVINCE_AFTER.match(sentence, m.end(1)) or _PROVINCE_END.search(name):
            continue  # "struck Kharkiv Oblast's village": named with its kind above
        add(m.start(1), m.end(1), name, 4 if level_of(name, country) is None else 0)
    for m in _CAPITALISED.finditer(sentence):
        if " " not in m.group() and _person_named(sentence, m, country):
            continue  # "Obeid said", "Ahmad Qassum and his family": a person, named bare
        if level_of(m.group(), country) is not None:
            add(m.start(), m.end(), m.group(), 0)
        elif " " in m.group() and not known_precision(m.group()):
            # "Near Hama", "Opposition Damascus": a headline word beside a known name; not the "Tal" of "Tal Abyad"
            for w in _CAPITAL_WORD.finditer(m.group()):
                if level_of(w.group(), country) is not None and not (
                        PREFIX_WORD.fullmatch(w.group()) and w.end() < len(m.group())):
                    add(m.start() + w.start(), m.start() + w.end(), w.group(), 0)
    for m in _DEIR_EZZOR.finditer(sentence) if "D" in sentence else ():
        add(m.start(), m.end(), m.group(), 0)  # "Deir ezzor", "Deir-ezzor": the governorate, in lower case
    for m in (_CAPITAL_PHRASE.finditer(sentence) if "capital" in sentence else ()):
        capital = vocabulary().capital_named(m.group(1) or m.group(2), country)
        if capital and not any(s < m.end() and m.start() < e and r >= 3 for s, e, _n, r in out):
            out = [x for x in out if not (x[0] < m.end() and m.start() < x[1])]  # "Somalia's" of "Somalia's capital"
            out.append((m.start(), m.end(), capital, 3))  # "in the Somali capital": Mogadishu, a city
    units = any(w in sentence for w in ("Division", "Brigade", "Regiment", "Battalion"))  # (in every match)
    for m in _UNIT_BASE.finditer(sentence) if units else ():  # "the Division 17 base": a military base named by its unit
        if not any(s < m.end(1) and m.start(1) < e for s, e, _n, _r in out):
            out.append((m.start(1), m.end(1), m.group(1), 5))
    tags = [m.span(1) for m in TAGS.finditer(sentence)] if "Tag" in sentence else []
    if "Related" in sentence:  # "Print Tweet Views 371 Related <other stories' titles> A car bomb ...": page links
        tags += [m.span(1) for m in RELATED.finditer(sentence)]
    out = [m for m in out if not any(s <= m[0] < e for s, e in tags)]  # "Tags Aleppo Idlib Syria": page tags
    out.sort()
    for i, (a, b) in enumerate(zip(out, out[1:])):
        if a[3] == b[3] >= 4 and _WITHIN.fullmatch(sentence[a[1]:b[0]]):
            out[i + 1] = (b[0], b[1], b[2], b[3] - 1)  # "al-Telifoun neighbourhood in al-Sulaymaniyah area": the first
    return out


# after a bare capitalised name: a reporting verb, or a second name that is no place ("Jasim Mohammed")
_PERSON_NEXT = re.compile(r"\s+(?:said|says|told|added|stated|explained|reported)\b|,?\s+(?!(?:and|or|in|on|of|at)\b)"
                          r"(?:(?:al|el|bin|ibn|abu)[- ])?[A-Z][a-z]+\b(?!\s+(?:province|governorate|city|district|"
                          r"town|village|area|countryside))")
def _person_named(sentence: str, m: re.Match, country: str | None) -> bool:
    """Whether a bare capitalised name is a person's: a reporting verb follows, or a second name
    that is no place ("Jasim Mohammed"), and no preposition puts it somewhere."""
    nxt = _PERSON_NEXT.match(sentence, m.end())
    if not nxt or _PLACE_BEFORE.search(sentence[max(0, m.start() - 12):m.start()]):
        return False
    word = re.search(r"[A-Z][a-z]+", nxt.group())
    return word is None or (level_of(word.group(), country) is None and not exact_place(word.group()))


_PLACE_BEFORE = led(r"\b(?:in|at|on|near|from|of|to)\s+(?:the\s+)?$", re.I)
# "the Ukrainian capital", "Somalia's capital", "the capital" (the report's country's), when no name follows
_CAPITAL_PHRASE = led(r"(?<![Pp]rovincial\s)(?<![Rr]egional\s)(?<![Dd]istrict\s)(?<![Ss]tate\s)\b(?:(?:the|its)\s+"
                             r"(?:([A-Z][a-z]+)\s+)?|([A-Z][a-z]+['’]s)\s+)capital\b(?!\s+(?:city\s+)?(?:of\s+)?[A-Z])"
                             r"(?!\s+(?:city\s+)?of\b)")
_UNIT_BASE = led(r"\b((?:Division|Brigade|Regiment|Battalion)\s+\d{1,3})\s+(?:military\s+)?(?:base|barracks|headquarters|airport)\b")
_WITHIN = re.compile(r"\s+(?:(?:neighbou?rhood|district|quarter|area|village|town|street|square|camp)\s+)?in\s+(?:the\s+)?(?:(?:al|el)-\s*)?", re.I)
