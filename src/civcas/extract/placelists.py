"""Which of the places a sentence names a figure belongs to when it names several: the most specific
one, the region that holds a list of places, or none when two regions stand side by side. Works on the
mentions :func:`civcas.extract.places.place_mentions` finds (start, end, name, rank)."""
from __future__ import annotations

import re

from ..vocab import vocabulary


def best_place(mentions: list[tuple[int, int, str, int]], near: int) -> str | None:
    """The most specific mention; ties go to the one nearest the claim."""
    if not mentions:
        return None
    return max(mentions, key=lambda m: (m[3], -abs(m[0] - near)))[2]


def listed_region(mentions: list[tuple[int, int, str, int]], sentence: str) -> str | None:
    """The region named beside a list of places ("in Saraqeb, Khan Sheikhoun and Jabal al-Arbaeen in Idlib
    countryside"): a figure for several places belongs to the region that holds them, or to the place
    the sentence opens with ("In Daraa al-Balad, ...")."""
    frame = mentions[0] if mentions and re.fullmatch(r"\W*in\s+(?:the\s+)?", sentence[:mentions[0][0]], re.I) \
        and re.match(r",?\s+(?:the|a|an|[a-z]+)\b", sentence[mentions[0][1]:]) else None
    for a, b in zip(mentions, mentions[1:]):
        if b[3] <= a[3] and _AND_OTHER.fullmatch(sentence, a[1], b[0]):
            return b[2]  # "in A and in other areas in B": B holds them
    for m in mentions:
        other = _AND_OTHER_OF.match(sentence, m[1])
        code = vocabulary().demonym_of(other.group(1)) if other else None
        if code and code in vocabulary().countries:
            return vocabulary().countries[code].name  # "Damascus and several other Syrian cities": Syria holds them
    specific = [m for m in mentions if m[3] >= 4 and m is not frame]
    if len({m[2] for m in specific}) < 2:
        # "in Mashara and al-Samadaniyeh in the countryside of Quneitra": names the gazetteer does not know, listed
        # after a known one, before the region holding them
        regions = [m for m in mentions if m[3] == 2]
        if len(specific) == 1 and regions and regions[-1][0] > specific[0][1] \
                and _UNKNOWN_LISTED.fullmatch(sentence, specific[0][1], regions[-1][0]):
            return regions[-1][2]
        return None
    first, last = specific[0], specific[-1]
    if not re.search(r"\band\b|,|،|(?:^|\s)و", sentence[first[0]:last[1]]):
        return None
    after = next((m for m in mentions if m[0] >= last[1]), None)
    if after is not None and 2 <= after[3] <= 3 and _IN_ONLY.fullmatch(sentence, last[1], after[0]) \
            and not _ARABIC_LETTER.search(sentence[first[0]:last[1]]) \
            and not re.search(r"\bbetween\s+(?:the\s+)?$", sentence[max(0, first[0] - 12):first[0]]):
        return after[2]  # "in A and B in C": the city or province named right after the list holds it
    gap = sentence[specific[-2][1]:last[0]]
    # "in A and B in C": C holds the places listed before it
    holder = _HOLDER_BEFORE.search(gap) or _NAME_THEN_IN.fullmatch(gap) or (len(specific) >= 3 and _IN_ONLY.fullmatch(gap) and re.search(
        r"\band\b|,", sentence[first[0]:specific[-2][1]]))
    if holder and not _ARABIC_LETTER.search(sentence[first[0]:last[1]]):
        return last[2]  # "in al-A and B in the western parts of the city of C": C holds the places listed
    regions = [m for m in mentions if m[3] == 2]
    if frame is not None and frame[3] != 2:
        return frame[2]  # "In Daraa al-Balad, strikes on al-Karak and the old customs road killed 8"
    if _ARABIC_LETTER.search(sentence[first[0]:last[1]]):
        # Arabic: the places must be one list ("قرية الجينة وبلدتي الأتارب وقبتان الجبل"), not places of
        # two clauses; the city named after its quarters holds them ("في أحياء الفردوس والشعار بمدينة حلب")
        if not all(_AR_LIST_GAP.fullmatch(sentence[a[1]:b[0]]) for a, b in zip(specific, specific[1:])):
            return None
        cities = [m for m in mentions if m[3] == 3 and m[0] >= last[1]]
        if not regions and cities:
            return cities[0][2]
    return regions[-1][2] if regions else ""


# what stands before a place that holds the list before it: "... in the (western parts of the) town of"
_HOLDER_BEFORE = re.compile(r"\b(?:and|or)\b[^.;]*?(?<!and )(?<!or )(?<!, )\bin\s+(?:the\s+)?(?:(?:(?:[a-z]+ern|[a-z]+ern and [a-z]+ern)\s+)?"
                            r"(?:parts?|outskirts|countryside|suburbs?|edges?)\s+of\s+(?:the\s+)?)?"
                            r"(?:[a-z]+\s+){0,2}(?:city|town|village)\s+of\s+$", re.I)
# "in A and B in C", B no name the gazetteer knows: C holds A and B
_NAME_THEN_IN = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w'’-]*(?:[\s-]+(?:al|el|[A-Z][\w'’-]*)){0,3}\s+in\s+(?:the\s+)?$")
_UNKNOWN_LISTED = re.compile(r"(?:,?\s+(?:[A-Z]|(?:al|el|ash|as|ad|ar|at|az)-)[\w'’-]*)*,?\s+and\s+(?:the\s+)?"
                             r"(?:[A-Z]|(?:al|el|ash|as|ad|ar|at|az)-)[\w'’-]*(?:\s+(?:[A-Z]|(?:al|el)-)[\w'’-]*){0,3}"
                             r"\s+in\s+(?:the\s+)?(?:(?:[a-z]+ern\s+)?(?:countryside|province|outskirts)\s+of\s+(?:the\s+)?)?")
# "in A and in other areas in B", "in A and other parts of B": harm over places B holds
_AND_OTHER = re.compile(r"\s*,?\s+and\s+(?:in\s+)?(?:the\s+)?(?:other|several|nearby|surrounding|neighbou?ring)\s+"
                        r"(?:areas|parts|villages|towns|neighbou?rhoods|regions|cities|districts)\s+(?:in|of)\s+(?:the\s+)?")
# "A and several other Syrian cities": places of the country the demonym names
_AND_OTHER_OF = re.compile(r"\s+and\s+(?:several\s+|many\s+|some\s+|a\s+number\s+of\s+)?other\s+([A-Z][a-z]+)\s+"
                           r"(?:cities|towns|provinces|regions|areas|villages)\b")
_IN_ONLY = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# what stands between two items of an Arabic list: a comma or "و", quotes, and at most a kind word
_AR_LIST_GAP = re.compile(r"[\s\"«»()“”/]*(?:[،,][\s\"«»()“”/]*|و\s*)(?:[\u0621-\u064a]+\s+)?[\s\"«»()“”/]*")


def two_regions(mentions: list[tuple[int, int, str, int]], sentence: str) -> bool:
    """"attacks in Aleppo and Quneitra": two regions and nothing more specific — no one place."""
    regions = [m for m in mentions if m[3] == 2]
    if len({m[2] for m in regions}) < 2 or any(m[3] > 2 for m in mentions):
        return False
    return any(re.fullmatch(r"\s*(?:and|,|or)\s*", sentence[a[1]:b[0]]) for a, b in zip(regions, regions[1:]))
