"""A body named through someone in it: "Karim Haddad, head of Homs's health authority" is written down as
the body ("Homs health authority"), as recorders do, and "a source in the YPG" is the YPG."""
from __future__ import annotations

import re

from ..vocab import vocabulary
from .known import level_of

# "Karim Haddad head of Homs's health authority", "Director of Tartus National Hospital Dr. X": who heads a named
# body speaks for it, and recorders write the body ("Homs health authority"); "the director of a hospital" stays
# an office ("hospital director")
_HEAD_OF = re.compile(r"^(?:(?:[A-Z][\w'’.-]+\s+){1,4})?(?:the\s+)?(?i:head|director|chief|director-general)\s+of\s+"
                      r"(?:the\s+)?(?P<body>.+)$")
_BODY_HEAD = re.compile(r"^(?P<body>.*?\b(?i:hospital|authority|directorate|administration|council|ministry|department|"
                        r"office|cent(?:er|re)|organi[sz]ation|committee|commission|network|agency|service|command|"
                        r"union|society|institute|foundation|association))\b")


def headed_body(core: str, country: str | None) -> str | None:
    """The named body whose head speaks ("Director of Tartus National Hospital Dr. X": Tartus National Hospital),
    else None."""
    m = _HEAD_OF.match(core.strip())
    if not m:
        return None
    body = re.split(r"\s+(?:in|at|near|on|inside|outside|from|which|that|who|said|told)\s", m.group("body"))[0]
    named = _BODY_HEAD.match(body)
    if not named:
        return None
    words = named.group("body").split()
    first = re.sub(r"(?:'s|’s|s)$", "", words[0])  # a place's possessive, its apostrophe lost ("Idlibs")
    if words[0][:1].isupper() and len(words) > 1 and words[0] != first and level_of(first, country) is not None:
        words[0] = first
    elif not words[0][:1].isupper():
        return None  # "a hospital", "the city military administration": no name to write down
    return " ".join(words)


_SOURCE_IN = re.compile(r"(?:(?:a|an|the|one)\s+)?(?:[\w-]+\s+)?(?:source|sources|official|officials)\s+"
                        r"(?:in|at|from|with|inside|within)\s+(?:the\s+)?", re.I)


def body_spoken_in(core: str, country: str | None) -> str | None:
    """The known body a source inside it speaks for ("a source in the YPG", "an official at the Health
    Ministry"), named alone after it; None for a place or a generic body ("a source in Aleppo")."""
    inside = _SOURCE_IN.match(core)
    if not inside:
        return None
    v = vocabulary()
    rest = core[inside.end():]
    body = v.source_mentions(rest, country)
    if len(body) == 1 and not v.sources[body[0].id].generic and body[0].start == 0 \
            and body[0].end >= len(rest.rstrip(" ,.")) - 1:
        return body[0].label
    return None
