"""Passes over a document's claims once every sentence is read: headline repeats, duplicates, and
stable ids."""
from __future__ import annotations

import dataclasses
import hashlib
import re

from ..records import Claim, Document
from .known import inside, level_of, outside

# short words a title-case headline leaves in lower case ("Dozens Killed in Strike on School")
_HEADLINE_SMALL = frozenset("of in to the and on at for from by a an as after over near with amid into against".split())
_WORD_EDGE = "\"'()[],.:;!?‘’“”"


def in_other_headline(sentence: str, start: int, end: int, title: str) -> bool:
    """Whether a figure at [start, end) of ``sentence`` sits in a run of title-case words that is not
    the report's own headline: the headline of a linked story a web page carries ("Related: Dozens
    Killed in Likely Coalition Strike on School"), whose harm the report does not tell."""
    words = [w.strip(_WORD_EDGE) for w in (*sentence[:start].split()[-3:], *sentence[start:end].split(),
                                           *sentence[end:].split()[:3])]
    words = [w for w in words if w]
    if len(words) < 6:
        return False
    capitals = 0
    for w in words:
        if w[0].isdigit() or w.lower() in _HEADLINE_SMALL:
            continue
        if not w[0].isupper():
            return False
        capitals += 1
    own = " ".join(re.sub(r"\W+", " ", title).lower().split())[:30]
    return capitals >= 4 and not (own and own in " ".join(re.sub(r"\W+", " ", sentence).lower().split()))


_VIDEO_TITLE = re.compile(r"\s[-–|]\s*YouTube$")


def is_video_title(sentence: str) -> bool:
    """Whether a sentence is a linked video's title ("Strike on market kills 35 - YouTube"): its figure is
    the video's, told by the report in its own words elsewhere if at all."""
    return _VIDEO_TITLE.search(sentence) is not None


def drop_headline_repeats(claims: list[Claim], document: Document) -> list[Claim]:
    """Claims in the headline repeated at the top of the body, when the body states the figure again.

    GUIDE: headline text is not annotated when the same claim is in the body
    ("21 Civilians Killed in ..." over "killed at least 21 civilians").
    """
    title = " ".join(document.title.split())
    if len(title) < 12:
        return claims
    head = document.text[:len(title) + 80]
    at = " ".join(head.split()).find(title)
    if at < 0:
        return claims
    # map the whitespace-normalised offset back: find the title's first word at or after ``at``
    start = document.text.find(title.split()[0], max(0, at - 5))
    end = start + len(title) + 10
    inside = [c for c in claims if start <= c.span[0] and c.span[1] <= end]
    rest = [c for c in claims if c not in inside]

    def restated(c: Claim) -> bool:
        # the same figure (the headline's "civilians" may be the body's "people"; a headline's bare "70
        # Killed" is the body's "70 IS fighters"), or a vague headline ("Dozens Killed") over a body that
        # counts the same harm
        return any(o.outcome == c.outcome and (o.victims == c.victims or {o.victims, c.victims} <= _WHOLE
                                                or (c.victims == "people" and _written(c) & _written(o)))
                   and (_written(c) & _written(o) or c.qualifier == "vague") for o in rest)

    return [c for c in claims if c not in inside or not restated(c)]


_WHOLE = frozenset({"people", "civilians"})  # the groups a headline and its body may name one toll by


def _written(c: Claim) -> set[int]:
    """The numbers a figure may be written with: "more than 40" is 41 and 40, "nearly 30" 29 and 30."""
    out = {c.low, c.high} - {None}
    if c.qualifier == "more_than" and c.low is not None:
        out.add(c.low - 1)
    if c.qualifier == "up_to" and c.high is not None:
        out.add(c.high + 1)
    return out


def identify(claim: Claim, document: Document) -> Claim:
    """Give a claim its stable id: the document's hash, the span and the fields that tell claims apart."""
    key = "|".join(map(str, (document.content_hash or document.id, claim.span[0], claim.span[1],
                              claim.outcome, claim.victims, claim.source)))
    return dataclasses.replace(claim, id=hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16],
                               document_id=document.id)


_VAGUE_WORD = re.compile(r"\b(dozens|hundreds|thousands|tens|scores|several|many|numerous|a\s+number|a\s+few|some|"
                         r"large\s+number|high\s+number|a\s+lot)\b", re.I)


def _vague_word(text: str) -> str:
    m = _VAGUE_WORD.search(text)
    return m.group(1).lower() if m else ""


def _anchor(c: Claim) -> int | None:
    """The number a figure is written with ("at least 20", "about 20" and "20" share 20)."""
    if c.qualifier in ("exact", "at_least", "about"):
        return c.low
    return None


def precise(claims: list[Claim]) -> list[Claim]:
    """The same source giving one figure twice with different precision ("at least 20", "20") is one
    claim, with the more precise wording (GUIDE, Hard cases)."""
    exact = {(c.outcome, c.victims, c.low, c.source.lower()) for c in claims if c.qualifier == "exact"}
    exact_any = {(c.outcome, c.victims, c.low) for c in claims if c.qualifier == "exact"}
    out = []
    for c in claims:
        n = _anchor(c)
        if c.qualifier in ("at_least", "about") and n is not None and (
                (c.outcome, c.victims, n, c.source.lower()) in exact
                or c.source == "reporter" and (c.outcome, c.victims, n) in exact_any):
            continue
        out.append(c)
    return out


def _written_number(c: Claim) -> int | None:
    """The number a figure's words hold ("more than 100" and "at least 100" and "100" hold 100; "nearly
    30" holds 30)."""
    if c.qualifier == "more_than" and c.low is not None:
        return c.low - 1
    if c.qualifier == "up_to" and c.high is not None:
        return c.high + 1
    return _anchor(c)


def lead_restated(claims: list[Claim]) -> list[Claim]:
    """A figure of the report's lead (its first sentence with a claim) that the body tells again with
    other precision ("killing at least 100 civilians" ... "more than 100 civilians were killed") is one
    claim: the body's, with its wording (GUIDE, Hard cases: an unattributed lead figure the body
    attributes is the same claim; gold/CHANGES-v2.md `S-lead`), when the lead names no other source."""
    if not claims:
        return claims
    lead = min(c.sentence_start for c in claims)
    body = [c for c in claims if c.sentence_start > lead]

    def restated(c: Claim) -> bool:
        n = _written_number(c)
        return n is not None and any(
            o.outcome == c.outcome and o.victims == c.victims and _written_number(o) == n and o.qualifier != c.qualifier
            and c.source in ("reporter", o.source) for o in body)

    return [c for c in claims if c.sentence_start != lead or not restated(c)]


def dedupe(claims: list[Claim]) -> list[Claim]:
    """The same figure from the same source once; an unattributed repeat of an attributed figure once.
    Figures for different places or days are different claims ("two killed in Homs", "two killed in Hama")."""
    claims = lead_restated(precise(claims))

    def key(c: Claim) -> tuple:
        k = (c.outcome, c.victims, c.low, c.high)
        return k + (_vague_word(c.text),) if c.low is None and c.high is None else k  # "dozens" is not "hundreds"

    named: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.source != "reporter":
            named.setdefault(key(c), []).append(c)
            if c.victims in _WHOLE and (c.low is not None or c.high is not None):
                # "three civilians were killed" over "killing three people, police said"
                named.setdefault(key(c)[:1] + ("*",) + key(c)[2:], []).append(c)
    seen: dict[tuple, list[Claim]] = {}
    out = []
    for c in claims:
        k = key(c)
        if c.source == "reporter" and (k in named or c.victims in _WHOLE and any(
                _same_harm(c, o) for o in named.get(k[:1] + ("*",) + k[2:], ()))):
            continue  # the lead's figure the body attributes (GUIDE: one claim)
        if any(_same_harm(c, o) for o in seen.get(k + (c.source.lower(),), ())):
            continue
        seen.setdefault(k + (c.source.lower(),), []).append(c)
        out.append(c)
    return out


def finer_repeats(claims: list[Claim], kept: set[int]) -> dict[int, str]:
    """The place a kept claim takes from a later repeat of it (same figure, same source, same harm) that
    names a finer place inside the kept claim's own ("45 killed in Idlib province" ... "45 were killed in
    Idlib's neighbourhood of Saraqeb"): the most specific place of the one harm (GUIDE, Places); keyed by
    ``id`` of the kept claim."""
    out: dict[int, str] = {}
    firsts = [c for c in claims if id(c) in kept and c.place]
    news = {c.sentence_start for c in claims if id(c) in kept}  # sentences telling a figure of their own
    for c in claims:
        if id(c) in kept or not c.place or c.low is None and c.high is None or c.sentence_start in news:
            continue  # "dozens" twice is no one harm; a sentence with new figures tells other harm
        for o in firsts:
            if (o.outcome, o.victims, o.low, o.high, o.source.lower()) != (c.outcome, c.victims, c.low, c.high,
                                                                         c.source.lower()):
                continue
            if o.sentence_start >= c.sentence_start or o.place == c.place or id(o) in out:
                continue
            if o.place not in c.sentence or not _finer(c.place, o.place):
                continue
            out[id(o)] = c.place
    return out


def coarser_repeats(claims: list[Claim], kept: set[int]) -> dict[int, str]:
    """The place a kept claim takes from an earlier claim of the same figure whose sentence put a finer place
    inside the kept claim's region ("killed 18 people in the town of X in Idlib province" ... "At least 18
    civilians were killed in an airstrike on Idlib province"): one harm told twice, its most specific place
    (GUIDE, Places); keyed by ``id`` of the kept claim."""
    out: dict[int, str] = {}
    for i, c in enumerate(claims):
        if id(c) not in kept or not c.place or c.low is None or level_of(c.place) not in ("province", "country") \
                or c.place not in c.sentence:  # the repeat names the region itself
            continue
        for o in claims[:i]:
            if (o.outcome, o.low) != (c.outcome, c.low) or not o.place or o.place == c.place:
                continue
            if o.sentence_start < c.sentence_start and c.place in o.sentence and _finer(o.place, c.place):
                out[id(c)] = o.place
                break
    moved = {(c.sentence_start, c.place): out[id(c)] for c in claims if id(c) in out}
    for c in claims:  # "... including five children": the breakdowns of that figure, in its sentence
        if id(c) in kept and id(c) not in out and (c.sentence_start, c.place) in moved:
            out[id(c)] = moved[(c.sentence_start, c.place)]
    return out


def _finer(name: str, region: str) -> bool:
    """Whether ``name`` is a place inside ``region`` (a country or province, or a city holding a quarter)."""
    big = level_of(region)
    small = level_of(name)
    order = {"country": 0, "province": 1, "city": 2, None: 3}
    if big is None or order[small] <= order[big]:
        return False
    return inside(name, region) or (small is None and not outside(name, region))


def _same_harm(a: Claim, b: Claim) -> bool:
    """Whether two claims of one figure may tell the same harm: not when each sentence names its own
    place, one the other does not name."""
    if a.place and b.place and a.place != b.place and a.sentence != b.sentence:
        return not (a.place in a.sentence and b.place in b.sentence and a.place not in b.sentence
                    and b.place not in a.sentence)
    return True


def finer_told_after(claims: list[Claim], kept: set[int]) -> dict[int, str]:
    """The place a kept claim takes from a later kept claim of the same figure (another source's) whose
    sentence names the kept claim's own place and a finer place inside it ("shells on the neighbourhoods of
    Aleppo city claimed the lives of 8 persons" ... "a police source said the shells targeted the X
    neighbourhood in Aleppo city, killing 8 persons"): one harm, its most specific place (GUIDE, Places);
    keyed by ``id`` of the kept claim. Not for figures under three, which two harms share by chance."""
    out: dict[int, str] = {}
    for i, c in enumerate(claims):
        if id(c) not in kept or not c.place or c.low is None or c.low < 3 or c.place not in c.sentence:
            continue
        for o in claims[i + 1:]:
            if id(o) in kept and (o.outcome, o.low) == (c.outcome, c.low) and o.place and o.place != c.place \
                    and o.sentence_start > c.sentence_start and c.place in o.sentence and _finer(o.place, c.place):
                out[id(c)] = o.place
                break
    return out
