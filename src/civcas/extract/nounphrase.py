"""The victims noun phrase after a figure: "15 civilians", "four children", "civilian casualties".

:func:`read_np` reads it token by token and says which victim group it names
(:func:`forces_group` settles "forces", "members", "militiamen" by their
modifiers), or that the figure counts something else ("four air strikes").
"""
from __future__ import annotations

import re

from ..vocab import vocabulary
from .lexicon import (
    AGE,
    AUX,
    CLAUSE_BREAKS,
    HOSPITALISED,
    INJURED_AFTER,
    KILLED_AFTER,
    NON_VICTIM,
    NOUN_MODIFIERS,
    OFFICE_TITLES,
    OUTCOME_ADJECTIVES,
    TO_HOSPITAL,
    VICTIM_NOUNS,
)
from .tokens import Token

QUOTES = {'"', "“", "”", "'", "‘", "’"}
OUTCOME_NOUNS = {
    "casualties": "casualties", "deaths": "killed", "dead": "killed", "fatalities": "killed",
    "lives": "killed", "injuries": "injured", "wounded": "injured", "injured": "injured",
    "killed": "killed", "bodies": "killed", "body": "killed", "corpses": "killed", "remains": "killed",
}
_BODIES = {"bodies", "body", "corpses", "corpse"}
# cases of a harm that hurts a person ("cases of suffocation"): each case is one person injured
_HURT_CASES = frozenset(("suffocation", "asphyxiation", "asphyxia", "choking"))
_SUBJECT_PRONOUNS = {"it", "he", "she", "they", "we"}
_AFTER_ADJECTIVE = NON_VICTIM | {"areas", "area", "homes", "neighbourhoods", "neighborhoods", "targets", "positions",
                                 "posts", "bases", "hideouts", "convoy", "convoys", "gathering", "gatherings",
                                 "groups", "group", "factions", "organisation", "organization", "movement", "infrastructure",
                                 "facilities", "casualties-free", "objects", "property", "houses", "sites"}


def group_of(word: str) -> str | None:
    """The victim group a noun names: the lexicon's, or ``people`` for a nation's people ("Yemenis")."""
    g = VICTIM_NOUNS.get(word)
    if g is not None:
        return g
    return "people" if len(word) > 3 and vocabulary().people_of(word) else None


_PLURAL = {"children", "men", "women", "police", "personnel", "militiamen", "policemen", "people", "staff", "crew"}
_CIVILIAN = {"civilians", "children", "women", "men"}


def _plural(word: str) -> bool:
    return word in _PLURAL or (word.endswith("s") and not word.endswith("ss"))


def _mixed(toks: list[Token], end: int, group: str, counted: bool = False) -> tuple[str, int] | None:
    """The group and end of one figure over two groups, armed and not ("troops and state employees":
    people), or a number over two kinds of civilians ("eight women and children": civilians); None when
    a number of its own follows "and" (two figures), a single person does, or no victim noun. A vague
    amount over two kinds of civilians ("many women and children") counts each (the caller)."""
    if end >= len(toks) or toks[end].lower not in ("and", "or") or (toks[end].lower == "or" and not counted):
        return None
    k = end + 1
    while k < min(len(toks), end + 4):
        w = toks[k].lower
        if w[:1].isdigit() or w in ("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                    "nine", "ten", "dozens", "scores", "hundreds", "several", "many", "some"):
            return None
        g = VICTIM_NOUNS.get(w)
        if g is not None and w in _FORCES_WORDS:
            g = forces_group(toks, k, end + 1)  # "soldiers and pro-regime militiamen": both of the regime's side
        if g is not None:
            if g == group and group in ("security_forces", "combatants") and _plural(w):
                return group, k + 1  # "soldiers and pro-regime militiamen": one figure of one side's forces
            if (group == "security_forces" and g == "combatants" and _plural(w) and w in _FORCES_WORDS
                    and not {t.lower for t in toks[end + 1:k]} & _REBEL_SIDE):
                return group, k + 1  # "regime soldiers and militiamen", "troops and allied fighters": one side
            if counted and g != group and {g, group} <= _CIVILIAN and _plural(w):
                # "eight women and children": one count over both kinds; with men, who may have been armed, people
                return ("people" if "men" in (g, group) else "civilians"), k + 1
            if g == group or "people" in (g, group) or not _plural(w) or {g, group} <= _CIVILIAN:
                return None  # "many women and children" are told apart (GUIDE: counted groups of an enumeration)
            return "people", k + 1
        if not (w in NOUN_MODIFIERS or toks[k].is_title or w in ("state", "government", "civil", "aid")):
            return None
        k += 1
    return None


def _victim_ahead(toks: list[Token], j: int, stop: int) -> bool:
    """Whether a victim noun follows within ``stop`` after capitalised words ("two Iraqi policemen")."""
    k = j
    while k < min(stop, len(toks)):
        w = toks[k].lower
        if group_of(w):
            return True
        if not (toks[k].is_title or w in NOUN_MODIFIERS or "-" in w):
            return False
        k += 1
    return False
PREP = {
    "in", "on", "at", "near", "by", "from", "across", "after", "during", "when", "while", "including",
    "among", "and", "or", "with", "as", "since", "so", "over", "inside", "outside", "following", "were",
    "was", "have", "had", "has", "are", "is", "more", "according", "said", "the", "a", "to", "this",
    "that", "who", "which", "of", "amid", "around", "within", "under", "due", "there",
}

def _loyal(toks: list[Token], j: int, start: int) -> bool:
    """Fighters on the government's side: "pro-government fighters", "fighters loyal to the regime",
    "members of a pro-regime militia"."""
    before = " ".join(t.lower for t in toks[max(start, j - 3):j])
    after = " ".join(t.lower for t in toks[j + 1:j + 7])
    side = r"pro-(?:government|regime|assad)|loyalist"
    return bool(re.search(side, before) or re.search(rf"^of\s+(?:an?\s+|the\s+)?(?:{side})", after)
                or re.match(r"loyal\s+to\s+(?:the\s+)?(?:president|government|regime|assad|damascus)", after))


def _actor_group(toks: list[Token], j: int, start: int) -> str | None:
    """The group an actor named just before a noun gives it: an armed group's "members" are combatants,
    a state's are security forces ("Al Shabaab members", "NATO troops")."""
    if j <= start:
        return None
    words = " ".join(t.text for t in toks[max(start, j - 4):j])
    found = vocabulary().actor_mentions(words)
    if not found:
        return None
    kind = vocabulary().actors[found[-1].id].kind
    return "security_forces" if kind in ("state", "coalition") else "combatants"


# modifiers that put forces on the side fighting the government
_REBEL_SIDE = frozenset("""kurdish rebel opposition is isis isil daesh nusra al-nusra jihadist islamist militant ypg sdf
fsa al-qaeda insurgent terrorist armed tribal""".split())
_FORCES_WORDS = frozenset("""forces army members member militiamen militiaman units personnel fighters fighter gunmen
guards guard""".split())


def forces_group(toks: list[Token], j: int, start: int) -> str:
    """'forces', 'militiamen', 'members' and similar take their group from their modifiers."""
    mods = {t.lower for t in toks[max(start, j - 3):j]}
    w = toks[j].lower
    if w in ("guards", "guard"):
        return "security_forces" if mods & {"border", "national", "republican", "presidential", "revolutionary",
                                            "prison", "army", "military"} else "civilians"
    if w in ("members", "member", "fighters", "fighter", "militiamen", "militiaman", "gunmen") and _loyal(toks, j, start):
        return "security_forces"  # "pro-government fighters", "fighters loyal to President Assad" (GUIDE)
    if w in ("members", "member", "fighters", "units", "personnel") and (group := _actor_group(toks, j, start)):
        return group
    if w in ("forces", "army", "members", "militiamen", "militiaman", "units", "personnel", "troops"):
        if mods & _REBEL_SIDE:
            return "combatants"
        if mods & {"regime", "pro-regime", "pro-government", "government", "army", "security",
                   "syrian", "iraqi", "russian", "turkish", "military", "pro-assad", "loyalist", "police",
                   "hezbollah", "iranian"}:
            return "security_forces"
        if w == "members":
            nxt = " ".join(t.lower for t in toks[j + 1:j + 8])
            if re.search(r"\b(islamic state|is|isis|isil|daesh|nusra|qaeda|democratic forces|sdf|ypg|ahrar|jaish|jabhat|hayat|militia|group)\b", nxt):
                return "combatants"
            if re.search(r"\b(army|security|police|government|regime)\b", nxt):
                return "security_forces"
            after = vocabulary().actor_mentions(" ".join(t.text for t in toks[j + 1:j + 8]))
            if after:  # "members of the Russian forces", "members of al-Shabaab"
                return "security_forces" if vocabulary().actors[after[0].id].kind in ("state", "coalition") else "combatants"
            return "people"
        if w.startswith("militia") and {t.lower for t in toks[:j]} & {"pro-regime", "pro-government", "pro-assad", "loyalist"}:
            return "security_forces"  # "attacked a pro-regime militia checkpoint, killing ... five militiamen"
        return "combatants" if w.startswith("militia") else "security_forces"
    return group_of(w) or "people"


def read_np(toks: list[Token], i: int, limit: int = 6, counted: bool = False,
            many: bool = False) -> tuple[str, str | None, int, str | None]:
    """The victims noun phrase at token i: (status, group, end, outcome-from-noun).

    status: "victim" (a victim noun found), "bare" (no noun: a cue, punctuation
    or preposition follows), "non" (a noun that is not people: "four air strikes"). ``counted``: the
    figure is a number ("eight women and children" is one count over both: civilians); ``many``: a number
    above one (a capitalised singular noun after it is no part of its phrase).
    """
    n = len(toks)
    j = i
    adjective = None  # "two dead soldiers", "a wounded child"
    defined = _of_the_dead(toks, i)
    if defined is not None:
        return defined
    if i < n and toks[i].text in ("A", "An"):
        return "bare", None, i, None  # "Shares 612 A woman was killed": a page's counter, then a new sentence
    if i + 1 < n and toks[i].lower == "of":
        k = i + 2 if toks[i + 1].lower in ("the", "their", "its", "his") else i + 1
        if k < n and toks[k].lower in _AFTER_ADJECTIVE:
            return "non", None, k, None  # "a number of gatherings of terrorists": the things counted, not people
    while j < n and j - i < limit:
        w = toks[j].lower
        if w in QUOTES:
            j += 1
            continue
        if w == "(" and j > i:  # "23 ISIS (Daesh) militants"
            k = j + 1
            while k < n and k - j <= 4 and toks[k].text != ")":
                k += 1
            if k < n and toks[k].text == ")":
                limit += k + 1 - j
                j = k + 1
                continue
        if w == "opposition" and j + 1 < n and toks[j + 1].lower in ("activists", "sources", "officials", "figures",
                                                                      "media", "spokesman", "said", "says"):
            return "bare", None, j, None  # "wounding dozens, opposition activists said": the speakers
        if w in OUTCOME_ADJECTIVES and j + 1 < n and group_of(toks[j + 1].lower) and toks[j + 1].lower not in OUTCOME_NOUNS:
            adjective = OUTCOME_ADJECTIVES[w]
            j += 1
            continue
        if w not in VICTIM_NOUNS and group_of(w) and _victim_ahead(toks, j + 1, i + limit):
            j += 1  # "two Sudanese aid workers": the nation qualifies the noun after it
            continue
        if group_of(w) and not (w in ("dead", "casualties", "lives") and j == i):
            if many and j > i and toks[j].is_title and w in OFFICE_TITLES:
                # "injured seven Homs Governor Talal Barazi said": a singular title after a count opens the
                # speaker's words (copy without a comma), it is not what was counted
                return "bare", None, i, None
            if j + 1 < n and toks[j + 1].lower in _AFTER_ADJECTIVE and w not in _BODIES:
                return "non", None, j, None  # "several jihadist raids": an adjective of the thing counted
            group = forces_group(toks, j, i)
            if w in _KIN and any(_child_age(t.lower) for t in toks[i:j]):
                group = "children"  # "his 2-year-old daughter"
            end = j + 1
            # "civilian casualties", "civilian deaths", "civilian victims"
            if end < n and toks[end].lower in VICTIM_NOUNS and w in ("civilian", "civilians", "child", "children"):
                nxt = toks[end].lower
                if nxt in OUTCOME_NOUNS or VICTIM_NOUNS[nxt] == "people":
                    end += 1
            noun_outcome = OUTCOME_NOUNS.get(toks[end - 1].lower) if toks[end - 1].lower in ("casualties", "deaths", "fatalities", "lives") \
                or (toks[end - 1].lower == "dead" and end - 1 > j) else None  # "civilians dead"
            if end < n and toks[end].lower in ("casualties", "deaths", "fatalities", "dead"):
                noun_outcome = OUTCOME_NOUNS[toks[end].lower]
                end += 1
            among = _among(toks, end) if noun_outcome and group == "people" else None
            if among:  # "dozens of casualties among civilians"
                group, end = among
            if w in _BODIES:
                noun_outcome = "killed"  # bodies recovered or received (GUIDE)
            mixed = _mixed(toks, end, group, counted) if _plural(w) else None
            if mixed:  # "scores of troops and state employees": one figure for two groups is people
                group, end = mixed
            return "victim", group, end, noun_outcome or adjective
        if w == "cases" and j == i and j + 2 < n and toks[j + 1].lower == "of" and toks[j + 2].lower in _HURT_CASES:
            among = _among(toks, j + 3)  # "35 cases of suffocation among civilians": 35 people hurt
            return ("victim", among[0], among[1], "injured") if among else ("victim", "people", j + 3, "injured")
        if w in ("deaths", "fatalities", "casualties", "lives", "dead") and j == i:
            among = _among(toks, j + 1)  # "numerous deaths among the civilians"
            if among:
                return "victim", among[0], among[1], OUTCOME_NOUNS[w]
            return "victim", "people", j + 1, OUTCOME_NOUNS[w]
        if w in NON_VICTIM and w not in NOUN_MODIFIERS:
            if j + 1 < n and group_of(toks[j + 1].lower) and toks[j + 1].lower not in OUTCOME_NOUNS:
                j += 1  # "district commissioners", "school teachers": the first noun qualifies the second
                continue
            return "non", None, j, None
        if w in NOUN_MODIFIERS or w in ("a", "an") or ("-" in w and (j > i or _victim_ahead(toks, j + 1, i + limit))) or (
                toks[j].is_title and w not in PREP and (j > i or _victim_ahead(toks, j, i + limit))):
            j += 1
            continue
        if AGE.match(w) or w in ("year-old", "years-old"):
            j += 1
            continue
        if w.isalpha() and w.islower() and w not in PREP and w not in AUX and not w.endswith(("ed", "ing", "ly")) \
                and j + 1 < n and VICTIM_NOUNS.get(toks[j + 1].lower) not in (None, "people") \
                and toks[j + 1].lower not in OUTCOME_NOUNS:
            j += 1  # "seven field commanders": a word of the noun phrase the lexicon does not list
            continue
        if w == "and" and j > i + 1 and toks[i].lower == "of" and j + 1 < n and (
                toks[j + 1].lower in NOUN_MODIFIERS or toks[j + 1].lower in VICTIM_NOUNS):
            j += 1
            continue
        break
    first = toks[i].lower if i < n else ""
    if i >= n or not first[:1].isalnum() or first in PREP or first in AUX or first in KILLED_AFTER \
            or first in INJURED_AFTER or first in OUTCOME_NOUNS or first in CLAUSE_BREAKS \
            or first in _SUBJECT_PRONOUNS or first in TO_HOSPITAL or first in HOSPITALISED or toks[i].is_title:  # "wounded 22 it said": copy without a comma
        return "bare", None, i, None
    return "non", None, i, None


def _among(toks: list[Token], k: int) -> tuple[str, int] | None:
    """(group, end) of "among (the) [modifiers] <victims>" at token k, else None."""
    n = len(toks)
    if k >= n or toks[k].lower != "among":
        return None
    j = k + 1
    while j < n and j - k <= 4 and (toks[j].lower in ("the", "them", "local") or toks[j].lower in NOUN_MODIFIERS):
        j += 1
    if j < n and toks[j].lower in VICTIM_NOUNS and toks[j].lower not in ("dead", "casualties", "lives", "deaths"):
        return forces_group(toks, j, k + 1), j + 1
    return None


_OUTCOME_WORDS = {"dead": "killed", "killed": "killed", "victims": "killed", "deceased": "killed",
                  "injured": "injured", "wounded": "injured", "casualties": "casualties"}


def _of_the_dead(toks: list[Token], i: int) -> tuple[str, str | None, int, str | None] | None:
    """ "Fourteen of the injured were children": the group the predicate names, the outcome of "the injured"."""
    n = len(toks)
    if not (i + 3 < n and toks[i].lower == "of" and toks[i + 1].lower == "the" and toks[i + 2].lower in _OUTCOME_WORDS
            and toks[i + 3].lower in ("were", "was", "are", "is")):
        return None
    k = i + 4
    while k < n and k - i < 8 and (toks[k].lower in NOUN_MODIFIERS or toks[k].lower in ("a", "an", "all")):
        k += 1
    if k < n and group_of(toks[k].lower) and toks[k].lower not in OUTCOME_NOUNS:
        return "victim", forces_group(toks, k, i + 4), k + 1, _OUTCOME_WORDS[toks[i + 2].lower]
    return None


_KIN = {"son", "sons", "daughter", "daughters", "brother", "brothers", "sister", "sisters", "siblings", "cousin", "cousins"}


def _child_age(word: str) -> bool:
    """ "2-year-old", "six-month-old", "baby", "little": the age of a child."""
    if word in ("baby", "infant", "little", "young", "newborn", "teenage", "minor"):
        return True
    m = re.match(r"^(\d+|[a-z]+)-(year|month|week)s?-old$", word)
    if not m:
        return False
    if m.group(2) != "year":
        return True
    n = int(m.group(1)) if m.group(1).isdigit() else _WORDS.get(m.group(1), 99)
    return n < 18


_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen".split())}
