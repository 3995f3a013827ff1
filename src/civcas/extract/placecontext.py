"""Words around a place name that say it is no place of harm: where people came from, where the
attackers or the speakers sit, a broadcaster, an office or an organisation named after the place, or the
place standing for its rulers. Read by :func:`civcas.extract.places.place_mentions`."""
from __future__ import annotations

import re

from .quick import led

_CAME_FROM = led(r"(?:\b(?:displaced|fled|fleeing|evacuated|evacuees|refugees|escaped|returned|came|originally|is|are|"
                        r"was)\s+from|"
                        r"\b(?:native|natives|national|nationals|citizen|citizens)\s+of)\s+"
                        r"(?:the\s+)?(?:\w+\s+and\s+)?$", re.I)
# "terrorists positioned in X fired shells on Y": where the attackers are, not where harm was done
_ATTACKERS_IN = led(r"\b(?:positioned|stationed|entrenched|deployed|holed\s+up|hiding)\s+in\s+(?:the\s+)?"
                           r"(?:(?:[\w-]+\s+){0,2}(?:neighbou?rhoods?|villages?|towns?|areas?|districts?)\s+of\s+)?"
                           r"(?:[\w'-]+\s+){0,3}?(?:(?:,|and)\s+)?$", re.I)
# "the remaining terrorists fled towards X", "an attack from the direction of X": where the attackers went after
# the harm or came from, not where it was done
_WENT_TO = led(r"(?:\b(?:fled|fleeing|retreated|retreating|withdrew|withdrawing|escaped|escaping)\s+(?:back\s+)?"
                      r"(?:to|towards?|into)|\bfrom\s+the\s+directions?\s+of)\s+(?:the\s+)?"
                      r"(?:(?:[\w-]+\s+){0,2}(?:neighbou?rhoods?|villages?|towns?|areas?|districts?)\s+of\s+)?"
                      r"(?:[\w'-]+\s+){0,3}?(?:(?:,|and)\s+)?$", re.I)
# "the family was travelling back to the town of X", "a car that was headed for X": where the victims were going
_GOING_TO = led(r"\b(?:travell?ing|travell?ed|heading|headed|driving|drove|on\s+(?:their|his|her|its)\s+way|"
                       r"en\s+route)\s+(?:back\s+|home\s+)?(?:to|towards?|for)\s+(?:the\s+)?"
                       r"(?:(?:[\w-]+\s+){0,2}(?:town|village|city|area|district|neighbou?rhood)\s+of\s+)?$", re.I)
_SOURCES_IN = led(r"\b(?:sources|network|contacts|activists|correspondents?|offices?|based|headquartered)\s+"
                     r"(?:\w+\s+)?(?:in|inside|across|throughout)\s+(?:the\s+)?$", re.I)
# "Damascus's ally Russia", "the Damascus government": the capital standing for its rulers
_RULERS_AFTER = re.compile(r"(?:['’]?s)?\s+(?:ally|allies|backers?|patrons?|regime|government)\b")
# "the United States says killed 1,400", "Damascus has denied": a country or its capital speaking for its rulers
_SPEAKS_AFTER = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:repeatedly\s+|also\s+)?(?:says|said|claims|claimed|denied|"
                           r"denies|announced|announces|accused|accuses|insists|insisted)\b", re.I)
# "Iraq's Interior Ministry reported", "Syria's health ministry said": a country named for its body that speaks
_BODY_AFTER = re.compile(r"['’]s\s+(?:(?:health|interior|defen[cs]e|foreign|information)\s+ministry|ministry\s+of)\b", re.I)
# "transporting eight bodies to the provincial hospital in Lashkar Gah": where the victims were taken
_TAKEN_TO = led(r"\bto\s+(?:a|the|an)\s+(?:[\w-]+\s+){0,2}(?:hospitals?|clinics?|morgue|medical\s+cent(?:er|re))\s+"
                       r"(?:in|at)\s+(?:the\s+)?$", re.I)
# "the Britain-based Observatory", "a London-based monitor": where a speaker sits
_BASED_AFTER = re.compile(r"[- ]based\b", re.I)
_BROADCASTER = re.compile(r"\s+(?:TV|television|radio|news|media|state\s+media)\b", re.I)
_OFFICE_AFTER = re.compile(r"\s+(?:governor|police|health\s+directorate|city\s+council|provincial\s+council)\b", re.I)
_OFFICE_OF = led(r"\b(?:governor|mayor|police\s+chief)\s+of\s+$", re.I)
_ROLE_OF = led(r"\b(?:editor|director|head|chief|founder|member|members|spokesman|spokeswoman|researcher)\s+"
                     r"(?:of|for|at)\s+(?:the\s+)?$", re.I)

# a page's tags ("Tags Syria Idlib airstrike Russian human rights Homs bombing At least 18 ..."): keywords, some in
# lower case, up to the first word that opens a sentence (a determiner, a number) or a function word
TAGS = re.compile(r"\bTags?:?((?:\s+(?!(?:The|A|An|At|In|On|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d)\b)"
                  r"(?!(?:and|in|of|on|at|to|the|a|an|has|have|had|was|were|is|are|said|by|for|with|from)\b)"
                  r"[\w'’.()-]+)+)")
# "Print Tweet Views 371 Related <other stories' titles> A car bomb ...": links to other stories
RELATED = re.compile(r"\bViews\s+\d+\s+Related\b(.{0,400}?)(?=[\s-](?:A|An|The|At\s+least|Nearly|More\s+than)\s)")

def no_place_of_harm(sentence: str, s: int, e: int, level: str | None) -> bool:
    """Whether the name at ``sentence[s:e]`` (of gazetteer level ``level``) is, by the words around it,
    no place where harm was done."""
    before, after = sentence[max(0, s - 60):s], sentence[e:]
    # an expression searched in the words before runs only when a word its every match holds is there (a cheap
    # test first; for ASCII words only, where lower-casing is what case-insensitive matching does)
    low = before.lower() if before.isascii() else None
    return bool(
        _holds(low, -40, ("from", "of")) and _CAME_FROM.search(before[-40:])  # "families displaced from al-Susah"
        or _holds(low, -60, _ATTACKERS_WORDS) and _ATTACKERS_IN.search(before)  # "terrorists positioned in Binnesh"
        or _holds(low, -60, _WENT_WORDS) and _WENT_TO.search(before)  # "the remaining terrorists fled towards X"
        or _holds(low, -60, _GOING_WORDS) and _GOING_TO.search(before)  # "the family was travelling back to X"
        or _holds(low, -40, _SOURCES_WORDS) and _SOURCES_IN.search(before[-40:])  # "a network of sources in Syria"
        or _BROADCASTER.match(after)  # "according to Syria TV"
        or _holds(low, -60, _TAKEN_WORDS) and _TAKEN_TO.search(before)  # "taken to the provincial hospital in X"
        or _SPEAKS_AFTER.match(after)  # "the United States says", "Damascus has repeatedly denied"
        or _BASED_AFTER.match(after)  # "the Britain-based Syrian Observatory"
        or (level == "country" and _BODY_AFTER.match(after))  # "Iraq's Interior Ministry reported 75 wounded"
        or (level not in (None, "country") and _RULERS_AFTER.match(after))  # "Damascus's ally Russia"
        or _OFFICE_AFTER.match(after)  # "Homs governor"
        or _holds(low, -20, ("governor", "mayor", "chief")) and _OFFICE_OF.search(before[-20:])  # "the Governor of Hatay"
        or _holds(low, -30, _ROLE_WORDS) and _ROLE_OF.search(before[-30:]))  # "the editor of CBRNe World"


def _holds(low: str | None, tail: int, words: tuple[str, ...]) -> bool:
    """Whether the last ``-tail`` characters of ``low`` (the lower-cased words before a name) hold one of
    ``words``; True when unknown (``low`` None)."""
    if low is None:
        return True
    window = low[tail:]
    for w in words:  # (a loop, not a generator: this runs for every place name)
        if w in window:
            return True
    return False


# a word each match of the expression above holds
_ATTACKERS_WORDS = ("positioned", "stationed", "entrenched", "deployed", "holed", "hiding")
_WENT_WORDS = ("fled", "fleeing", "retreat", "withdr", "escap", "direction")
_GOING_WORDS = ("travel", "head", "driv", "drove", "way", "route")
_SOURCES_WORDS = ("source", "network", "contact", "activist", "correspondent", "office", "based", "headquartered")
_TAKEN_WORDS = ("hospital", "clinic", "morgue", "medical")
_ROLE_WORDS = ("editor", "director", "head", "chief", "founder", "member", "spokes", "researcher")
