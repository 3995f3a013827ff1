"""Who holds which office, wherever a report says so: "Oleksii Roslov, head of the city's military
administration," or "Governor Oleh Syniehubov", so that "Roslov said" later speaks for the office."""
from __future__ import annotations

import re

from .speakers import _NOT_NAME, name_source

PERSON = r"(?:[A-Z]|(?:al|el|bin|ibn|abu)[-\s][A-Z])[\w'’.-]*"
_NAME_THEN_OFFICE = re.compile(rf"({PERSON}(?:\s+{PERSON}){{0,3}}),\s+((?:(?i:the|a|an)\s+)?[^,;.()]{{3,90}}?)\s*[,.;]")
_OFFICE_THEN_NAME = re.compile(rf"\b((?i:the|a|an)\s+[^,;.()]{{3,90}}?),\s+({PERSON}(?:\s+{PERSON}){{0,3}}),")
_NOT_NAME_CAP = frozenset(w.capitalize() for w in _NOT_NAME) | {"The", "A", "An", "According", "Meanwhile"}
OFFICE_WORD = re.compile(r"\b(?:head|chief|director|spokes(?:man|woman|person)|governor|mayor|commander|secretary|"
                          r"minister|official|prosecutor|chairman|chairwoman|president|administrator|founder)\b", re.I)


# "Governor Oleh Syniehubov", "Mayor Vitali Klitschko": a title before the name, the office without its place
_NAME_WORD = r"(?:[A-Z]|(?:al|el|bin|ibn|abu)[-\s][A-Z])[\w'’-]*"  # "Barazi", "al-Barazi"
TITLE_THEN_NAME = re.compile(rf"\b(Governor|Gov\.|Mayor|Prosecutor|Police\s+Chief)\s+((?:{_NAME_WORD}\s){{0,2}}{_NAME_WORD})")
# "YPG spokesman Redur Xelil": a body's spokesman named before the name
_BODY_TITLE_NAME = re.compile(rf"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})\s+(spokes(?:man|woman|person))\s+"
                              rf"((?:{_NAME_WORD}\s){{0,2}}{_NAME_WORD})")
BARE_TITLES = frozenset({"governor", "mayor", "prosecutor", "police chief"})


def _matches(rx: re.Pattern, text: str, name_first: bool):
    """The (person, office) pairs of ``rx`` in ``text``. A pair without an office word does not use up
    the text after its comma: in "In Homs, Talal al-Barazi, the governor, said" the search goes on
    from "Talal"."""
    pos = 0
    while m := rx.search(text, pos):
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
    for rx, name_first in ((_NAME_THEN_OFFICE, True), (_OFFICE_THEN_NAME, False)):
        for person, office in _matches(rx, text, name_first):
            named = name_source(office, country)
            words = person.split()
            for n in range(1, len(words) + 1):
                key = " ".join(words[-n:])
                out.setdefault(key, named)
                out.setdefault(key[:1].upper() + key[1:], named)  # "al-Barazi" opening a sentence: "Al-Barazi"
    for m in _BODY_TITLE_NAME.finditer(text):  # "YPG spokesman Redur Xelil ... Xelil said": the body speaks
        named = name_source(f"{m.group(1)} {m.group(2)}", country)
        words = m.group(3).split()
        if len(words) >= 2 and named != f"{m.group(1)} {m.group(2)}":
            for n in range(1, len(words) + 1):
                out.setdefault(" ".join(words[-n:]), named)
    for m in TITLE_THEN_NAME.finditer(text):  # "reported Governor Oleh Syniehubov": the governor (of the place told)
        if re.search(r"[A-Z][\w.’']*\s+$", text[max(0, m.start() - 30):m.start()]):
            continue  # "Anbar Deputy Gov. Saadoun Obeid": an office named in full, read elsewhere
        title = "governor" if m.group(1) == "Gov." else " ".join(m.group(1).lower().split())
        words = m.group(2).split()
        for n in range(1, len(words) + 1):
            out.setdefault(" ".join(words[-n:]), title)
    return out
