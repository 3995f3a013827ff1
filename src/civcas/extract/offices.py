"""Who holds which office, wherever a report says so: "Oleksii Roslov, head of the city's military
administration," or "Governor Oleh Syniehubov", so that "Roslov said" later speaks for the office."""
from __future__ import annotations

import re

from .speakers import _NOT_NAME, name_source

PERSON = r"(?:[A-Z]|(?:al|el|bin|ibn|abu)[-\s][A-Z])[\w'’.-]*"
# (below, a person's words are taken whole, "*+": what follows them, a space or a comma, is never one of their
# letters, so giving letters back never made a match; and a name that starts with a capital and one that starts
# with "al-" are looked for by two expressions, the first of which the engine runs from capital to capital)
_PERSON = r"(?:[A-Z]|(?:al|el|bin|ibn|abu)[-\s][A-Z])[\w'’.-]*+"
_OFFICE = r",\s+((?:(?i:the|a|an)\s+)?[^,;.()]{3,90}?)\s*[,.;]"
_NAME_THEN_OFFICE = (re.compile(rf"([A-Z][\w'’.-]*+(?:\s+{_PERSON}){{0,3}}){_OFFICE}"),
                     re.compile(rf"((?:al|el|bin|ibn|abu)[-\s][A-Z][\w'’.-]*+(?:\s+{_PERSON}){{0,3}}){_OFFICE}"))
# "the|a|an" written so that the engine runs from one of their first letters to the next; the office's words up
# to the comma taken whole (none of them is a comma)
_OFFICE_THEN_NAME = (re.compile(rf"([TtAa](?<=\b[TtAa])(?:(?<=[Tt])(?i:he)|(?<=[Aa])(?i:n)?)\s+[^,;.()]{{3,90}}+),\s+"
                                rf"({_PERSON}(?:\s+{_PERSON}){{0,3}}),"),)
_NOT_NAME_CAP = frozenset(w.capitalize() for w in _NOT_NAME) | {"The", "A", "An", "According", "Meanwhile"}
OFFICE_WORD = re.compile(r"\b(?:head|chief|director|spokes(?:man|woman|person)|governor|mayor|commander|secretary|"
                          r"minister|official|prosecutor|chairman|chairwoman|president|administrator|founder)\b", re.I)


# "Governor Oleh Syniehubov", "Mayor Vitali Klitschko": a title before the name, the office without its place
_NAME_WORD = r"(?:[A-Z]|(?:al|el|bin|ibn|abu)[-\s][A-Z])[\w'’-]*"  # "Barazi", "al-Barazi"
TITLE_THEN_NAME = re.compile(rf"\b(Governor|Gov\.|Mayor|Prosecutor|Police\s+Chief)\s+((?:{_NAME_WORD}\s){{0,2}}{_NAME_WORD})")
# "YPG spokesman Redur Xelil": a body's spokesman named before the name
_BODY_TITLE_NAME = re.compile(rf"([A-Z](?<=\b[A-Z])[\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})\s+(spokes(?:man|woman|person))\s+"
                              rf"((?:{_NAME_WORD}\s){{0,2}}{_NAME_WORD})")
BARE_TITLES = frozenset({"governor", "mayor", "prosecutor", "police chief"})
# "Ahmad Saleh Secretary General of the Syrian Coalition": a person, then a body's office, no comma between
_TITLED_OF = ("Secretary General of", "Secretary-General of", "Head of", "Director of", "Chief of", "President of",
              "Chairman of", "Spokesman of", "Spokesman for")
_NAME_TITLE_OF = re.compile(rf"((?:{_NAME_WORD}\s){{1,2}}{_NAME_WORD})\s+((?:Secretary[- ]General|Head|Director|Chief|"
                            rf"President|Chairman|Spokesman)\s+(?:of|for)\s+the\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,4}})")
_ARTICLE = re.compile(r"^(?:al|el)-(?=[A-Z])")


def _search(rxs: tuple[re.Pattern, ...], text: str, pos: int) -> re.Match[str] | None:
    """The first match of any of ``rxs`` (the parts of one alternation: no two match at one place)."""
    found = [m for rx in rxs if (m := rx.search(text, pos)) is not None]
    return min(found, key=lambda m: m.start()) if found else None


def _matches(rxs: tuple[re.Pattern, ...], text: str, name_first: bool):
    """The (person, office) pairs of ``rxs`` in ``text``. A pair without an office word does not use up
    the text after its comma: in "In Homs, Talal al-Barazi, the governor, said" the search goes on
    from "Talal"."""
    pos = 0
    while m := _search(rxs, text, pos):
        person, office = (m.group(1), m.group(2)) if name_first else (m.group(2), m.group(1))
        if OFFICE_WORD.search(office[:40]) and len(person.split()) <= 4 and person.split()[0] not in _NOT_NAME_CAP:
            yield person, office
            pos = m.end()
        else:
            pos = m.start(2)


def offices_in(text: str, country: str | None = None) -> dict[str, str]:
    """Who holds which office, wherever a report says so: "Oleksii Roslov, head of the city's military
    administration," -> {"Oleksii Roslov": ..., "Roslov": ...}."""
    out: dict[str, str] = {}
    pairs = [pair for rx, name_first in ((_NAME_THEN_OFFICE, True), (_OFFICE_THEN_NAME, False))
             for pair in _matches(rx, text, name_first)]
    if any(t in text for t in _TITLED_OF):  # "Ahmad Saleh Secretary General of the X", commas lost
        pairs += [(m.group(1), m.group(2)) for m in _NAME_TITLE_OF.finditer(text)]
    for person, office in pairs:
        named = name_source(office, country)
        words = person.split()
        for n in range(1, len(words) + 1):
            key = " ".join(words[-n:])
            out.setdefault(key, named)
            out.setdefault(key[:1].upper() + key[1:], named)  # "al-Barazi" opening a sentence: "Al-Barazi"
        bare = _ARTICLE.sub("", words[-1])
        if bare != words[-1]:
            out.setdefault(bare, named)  # "Ahmad al-Saleh ... Saleh said"
    for m in _BODY_TITLE_NAME.finditer(text) if "spokes" in text else ():  # "YPG spokesman Redur Xelil ... Xelil said"
        body = m.group(1).split()
        while True:  # "on Sunday YPG spokesman ...": a capitalised word before the body is none of it
            office = f"{' '.join(body)} {m.group(2)}"
            named = name_source(office, country)
            if named != office or len(body) == 1:
                break
            body.pop(0)
        words = m.group(3).split()
        if len(words) >= 2 and named != office:
            for n in range(1, len(words) + 1):
                out.setdefault(" ".join(words[-n:]), named)
    titled = any(t in text for t in ("Governor", "Gov.", "Mayor", "Prosecutor", "Police"))  # (in every match)
    for m in TITLE_THEN_NAME.finditer(text) if titled else ():  # "reported Governor Oleh Syniehubov": the governor
        if re.search(r"[A-Z][\w.’']*\s+$", text[max(0, m.start() - 30):m.start()]):
            continue  # "Anbar Deputy Gov. Saadoun Obeid": an office named in full, read elsewhere
        title = "governor" if m.group(1) == "Gov." else " ".join(m.group(1).lower().split())
        words = m.group(2).split()
        for n in range(1, len(words) + 1):
            out.setdefault(" ".join(words[-n:]), title)
    return out
