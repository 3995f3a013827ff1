"""Casualty figures in one sentence: which figure, which outcome, which victims.

A transparent rule engine over tokens. For each figure it reads the noun
phrase after it (the victims), then looks for the outcome: a participle after
the phrase ("were killed", "dead"), a verb before it ("killing 15"), a toll
phrase ("the death toll rose to 12"), or a figure it is coordinated with or
breaks down ("17 women and 12 children were among the dead", "including
seven children").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    AGE,
    AUX,
    INJURED_AFTER,
    KILLED_AFTER,
    NON_VICTIM,
    NOUN_MODIFIERS,
    OUTCOME_ADJECTIVES,
    VICTIM_NOUNS,
)
from .nounphrase import QUOTES as _QUOTES
from .nounphrase import forces_group as _forces_group
from .nounphrase import read_np
from .numbers import Figure, find_figures
from .outcome_cues import left_cue, right_cue, total_before_noun
from .tokens import Token

_SINGULAR = {
    "child", "woman", "man", "civilian", "girl", "boy", "baby", "infant", "toddler", "teenager",
    "soldier", "officer", "policeman", "fighter", "militant", "rebel", "leader", "commander",
    "journalist", "doctor", "nurse", "medic", "resident", "person", "american", "student", "jihadist",
    "terrorist", "gunman", "farmer", "shepherd", "teacher", "paramedic", "volunteer", "worker",
    "father", "mother", "husband", "wife", "son", "daughter", "brother", "sister", "grandfather", "grandmother",
    "mayor", "official", "guard", "driver", "employee", "member", "imam", "engineer", "villager", "passer-by", "bystander",
    "trader", "fisherman", "merchant", "pupil", "minor", "priest", "judge", "lawmaker", "diplomat", "patient",
}
# determiners that count one: "a child", "another resident", "its worker", "his daughter"
_ONE = {"a", "an", "another", "its", "his", "her", "their"}
# a singular noun before one of these qualifies a body, not a person: "a volunteer militia", "a student union"
_OF_A_BODY = frozenset(("attack", "attacks", "group", "organization", "organisation", "cell", "groups", "car", "bombing",
                        "militia", "militias", "force", "forces", "unit", "battalion", "brigade", "corps", "movement",
                        "union", "network", "council", "committee", "association", "team"))

VAGUE_SHARE = {"many", "most", "some", "several", "all"}
_BREAKDOWN_BEFORE = {"including", "includes", "included", "among", "incl"}
_YEAR = re.compile(r"^(19|20)\d\d$")
_MONTH = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$")
_MONTH_OR_DAY = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|[0-3]?\d(?:st|nd|rd|th)?,?)\.?$")


_COUNTED = {"wounded", "injured", "dead", "killed", "victims", "casualties"}


def _share_of_counted(toks, f) -> bool:
    """"many of the wounded", "some of the dead": a vague share of a group the report counts already
    (GUIDE: severity subsets of the wounded are no claims)."""
    i = f.last
    return (toks[i - 1].lower in VAGUE_SHARE and i + 2 < len(toks) and toks[i].lower == "of"
            and toks[i + 1].lower == "the" and toks[i + 2].lower in _COUNTED)


@dataclass
class RawClaim:
    """A figure with its outcome and victims, before attribution. Token indices into the sentence."""

    fig: Figure
    outcome: str | None
    victims: str | None
    first: int           # first token of the claim's text
    last: int            # one past its last token
    np_end: int
    has_noun: bool
    head: str = ""
    parent: int | None = None   # index of the claim this one breaks down
    defer_to: int | None = None  # "were among 39 people killed": take that figure's outcome
    how: str = ""
    orphan: bool = False  # "N others" with no figure of its own sentence to take the group of
    definite: bool = False  # "the 36 dead": a figure told before



def _group_told_before(toks: list[Token], first: int) -> tuple[str, bool] | None:
    """The group "them" stands for in "N of them" with no figure before it: the nearest plural victim
    noun of the sentence before the figure ("clashed with ISIL terrorists, killing scores of them")."""
    for k in range(first - 1, max(-1, first - 32), -1):
        w = toks[k].lower
        if w in (";", ":"):
            return None
        if w in VICTIM_NOUNS and w.endswith("s") and w not in ("dead", "casualties", "lives", "deaths", "others"):
            return _forces_group(toks, k, max(0, k - 3)), True
    return None


_TOLL_LINK = {"at", "to", "of", "stood", "rose", "reached", "climbed", "is", "was", "now", "had", "has", "risen"}


def _toll_before(toks: list[Token], first: int) -> bool:
    """Whether a toll word stands just before the figure, with only linking words between ("the toll at 30",
    "the death toll had risen to 12")."""
    for k in range(first - 1, max(-1, first - 5), -1):
        w = toks[k].lower
        if w in ("toll", "tolls"):
            return True
        if w not in _TOLL_LINK:
            return False
    return False


def _singular_figures(toks: list[Token], taken: set[int]) -> list[Figure]:
    """'a child', 'another resident', 'its worker', 'a “top leader”', 'a six-year-old boy' as the figure 1."""
    out = []
    for i, t in enumerate(toks):
        if t.lower not in _ONE or i in taken:
            continue
        if t.lower in ("his", "her", "their", "its") and i + 1 < len(toks) and toks[i + 1].lower == "own":
            continue
        j = i + 1
        while j < len(toks) and j - i <= 3 and (toks[j].lower in _QUOTES or toks[j].lower in NOUN_MODIFIERS
                                                 or AGE.match(toks[j].lower) or toks[j].lower in OUTCOME_ADJECTIVES
                                                 or toks[j].lower in ("year-old", "former", "young", "pregnant", "little",
                                                                      "local", "elderly", "retired")):
            j += 1
        if j < len(toks) and toks[j].lower in _SINGULAR and not (
                j + 1 < len(toks) and (toks[j + 1].lower in NON_VICTIM or toks[j + 1].lower in _OF_A_BODY)):
            out.append(Figure(i, i + 1, 1, 1, "exact", 1, i))
    return out


def find_raw_claims(toks: list[Token]) -> list[RawClaim]:
    """Casualty claims (figure, outcome, victims) in one sentence's tokens."""
    figs = find_figures(toks)
    taken = {k for f in figs for k in range(f.first, f.last)}
    figs = sorted(figs + _singular_figures(toks, taken), key=lambda f: f.first)
    figs_at = {f.first: f for f in figs}
    claims: list[RawClaim] = []
    for f in figs:
        # years and ages are not counts
        if f.value is not None and f.qualifier == "exact" and _YEAR.match(toks[f.num_first].text) \
                and f.first > 0 and (toks[f.first - 1].lower in ("in", "since", "of", "until", "to", "from", "by", "early", "late", "mid")
                                     or _MONTH_OR_DAY.match(toks[f.first - 1].lower)):  # "12 August 2016 Terrorist ..."
            continue
        status, group, np_end, noun_outcome = read_np(toks, f.last, counted=f.value is not None,
                                                      many=f.value is not None and f.value > 1)
        if status != "victim" and f.value is not None and f.qualifier == "exact" and f.value <= 31 \
                and f.first == f.num_first and f.first > 0 and _MONTH.match(toks[f.first - 1].lower) \
                and toks[f.first].text.isdigit():
            continue  # "on July 18 killed 24 civilians": a day of the month (not "In May 12 people were killed")
        if status == "non":
            continue
        if f.value is None and toks[f.last - 1].lower in VAGUE_SHARE and f.last + 3 < len(toks) \
                and toks[f.last].lower == "of" and toks[f.last + 1].lower in ("whom", "them") \
                and toks[f.last + 2].lower in ("were", "are") and toks[f.last + 3].lower not in KILLED_AFTER \
                and toks[f.last + 3].lower not in INJURED_AFTER:
            continue  # "many of whom were civilians": a share, not a count
        if f.value is None and _share_of_counted(toks, f):
            continue  # "many of the wounded were in critical condition": a share of a group counted already
        if f.value == 1 and toks[f.first].lower in ("a", "an") and status != "victim":
            continue
        has_noun = status == "victim"
        outcome, how, cue_end, cue_start = noun_outcome, "noun", np_end, None
        brought = total_before_noun(toks, f) if status != "victim" else None
        if brought is not None:  # "bring to 173 the number of civilians ... killed"
            noun, outcome, cue_end = brought
            how, np_end = "toll", cue_end
            if noun is not None:
                group, has_noun = _forces_group(toks, noun, noun), True
            claims.append(RawClaim(f, outcome, group if has_noun else None, f.first - 2, cue_end, np_end, has_noun,
                                   head=toks[noun].lower if noun is not None else "", how=how))
            continue
        left, left_at = left_cue(toks, f.first)
        right = None
        defer = None
        if outcome is None:
            right, rend = right_cue(toks, np_end, figs_at, has_noun)
            if right == "defer":
                defer, right = rend, None
            adjacent_left = left is not None and left_at is not None and f.first - left_at <= 4
            if adjacent_left and right and left_at > 0 and toks[left_at].lower in ("killed", "wounded", "injured", "dead") \
                    and (toks[left_at - 1].lower in VICTIM_NOUNS or any(g.last == left_at for g in figs)
                         or any(c.np_end == left_at for c in claims)):  # "2 Syrians killed 5 Injured": 5 injured
                adjacent_left = False
            if adjacent_left:
                outcome, how, cue_start = left, "verb", left_at
            elif right:
                outcome, how, cue_end = right, "participle", rend
            elif left:
                outcome, how, cue_start = left, "toll", left_at
        parent = None
        # breakdowns: "including 7 children", "among them 26 minors", "two of them ..."
        before = [t.lower for t in toks[max(0, f.first - 3):f.first]]
        after = [t.lower for t in toks[f.last:f.last + 2]]
        is_breakdown = bool(set(before[-2:]) & _BREAKDOWN_BEFORE) or after[:2] in (["of", "them"], ["of", "whom"], ["of", "those"])
        if claims and is_breakdown:
            parent = len(claims) - 1
            while parent is not None and claims[parent].parent is not None:
                parent = claims[parent].parent
        elif claims and claims[-1].parent is not None and has_noun and _next_in_list(toks, claims[-1], f, np_end):
            parent = claims[-1].parent  # "among them a child and two women": the list goes on breaking the total down
        # coordination: "killing six civilians and five militiamen", "22 children ... along with six teachers"
        if outcome is None and defer is None and claims:
            prev = claims[-1]
            gap = _outside_parens(toks[prev.last if prev.last <= f.first else prev.np_end:f.first])
            singular = toks[f.first].lower in ("a", "an")  # "..., a police officer said" is no second count
            if singular and not set(gap) & {"and", "along", "plus"}:
                gap = []
            if gap == ["with"] or _own_verb(toks, np_end):  # "with dozens of ...", "and 10 million displaced"
                gap = []
            if prev.outcome and len(gap) <= 4 and gap and set(gap) <= {"and", ",", "as", "well", "along", "with", "plus", "while", "another", "also", "in", "addition", "to",
                                                               "his", "her", "their"}:
                outcome, how = prev.outcome, "coordination"
                if parent is None and prev.parent is not None:
                    parent = prev.parent  # "including a father and his daughter": both break the total down
            elif prev.outcome and not has_noun and _place_list(toks, prev, f):
                outcome, how = prev.outcome, "coordination"  # "150 in Hammouriya, 100 in Kfar Batna": one count per place
        with_bare = not has_noun and f.first > 0 and toks[f.first - 1].lower == "with" and f.value is not None \
            and not claims
        if (is_breakdown or with_bare) and parent is None and not has_noun:
            # "clashed with ISIL terrorists, killing scores of them"; "civilians were caught in the crossfire, with at
            # least 19 killed": the group the sentence named before the bare figure
            antecedent = _group_told_before(toks, f.first)
            if antecedent is not None:
                group, has_noun = antecedent
        if parent is not None and claims[parent].outcome and (outcome is None or how == "participle"):
            outcome, how = claims[parent].outcome, "breakdown"
        if outcome is None and defer is None:
            continue
        if f.value is None and not has_noun and outcome is None:
            continue
        first = min(f.first, cue_start) if cue_start is not None else f.first
        last = max(cue_end, np_end, f.last)
        if parent is not None and f.last + 2 <= len(toks) and after[:2] in (["of", "them"], ["of", "whom"]):
            last = max(last, np_end)
        head = ""
        if has_noun:
            heads = [t.lower for t in toks[f.last:np_end] if t.lower in VICTIM_NOUNS]
            head = heads[0] if heads else ""
        if how == "toll" and not has_noun and cue_start is not None:
            for k in range(cue_start, f.first):
                if toks[k].lower in VICTIM_NOUNS and toks[k].lower not in ("dead", "casualties", "lives", "deaths"):
                    group, has_noun, head = _forces_group(toks, k, cue_start), True, toks[k].lower
                    break
        if how != "toll" and not has_noun and _toll_before(toks, f.first):
            how = "toll"  # "put the death toll at 30" read by its verb: a toll all the same
        definite = f.first > 0 and toks[f.first - 1].lower in ("the", "these", "those") and f.value is not None
        claims.append(RawClaim(f, outcome, group if has_noun else None, first, last, np_end, has_noun,
                               head=head, parent=parent, defer_to=defer, how=how, definite=definite))
        if f.value is None and has_noun and np_end + 1 < len(toks) and toks[np_end].lower == "and" \
                and toks[np_end + 1].lower in VICTIM_NOUNS and (np_end + 1) not in figs_at:
            k = np_end + 1  # "many women and children": the vague amount counts both groups
            claims.append(RawClaim(f, outcome, _forces_group(toks, k, k), first, k + 1, k + 1, True,
                                   head=toks[k].lower, parent=parent, how="distributed"))
    _resolve(claims)
    _lone_individuals(claims, toks)
    return [c for c in claims if c.outcome and c.victims]


def _next_in_list(toks: list[Token], prev: RawClaim, f: Figure, np_end: int) -> bool:
    """Whether a counted group right after a breakdown's group, joined by "and" or a comma only, is the next
    group of that breakdown ("among them a child and two women"), not a group of its own ("... and nine
    others were injured": "others" are more)."""
    gap = [t.lower for t in toks[prev.np_end:f.first]]
    if not gap or not set(gap) <= {"and", ","} or prev.np_end > f.first:
        return False
    return not any(t.lower in ("others", "other", "more") for t in toks[f.last:np_end])


def _lone_individuals(claims: list[RawClaim], toks: list[Token]) -> None:
    """ "a man and his wife", "a nurse and two soldiers": an unnumbered individual in a list with no
    total is no claim (GUIDE, Hard cases); inside a breakdown of a total ("including a father and his
    daughter") it is."""
    chained = set()
    for k, c in enumerate(claims):
        if not k:
            continue
        gap = {t.lower for t in toks[claims[k - 1].np_end:c.fig.first]}
        if c.how == "coordination" or gap and gap <= {"and", ",", "as", "well", "along", "with", "plus"}:
            chained.update((k - 1, k))
    for k, c in enumerate(claims):
        if _more_singles(toks, c.np_end):
            chained.add(k)  # "a man, woman and child died": a list of individuals, unnumbered
    # a list of individuals only, breaking down a toll ("Among the dead were a woman and a child"); not one
    # beside a counted group ("among the dead were a nurse and two farmers": the nurse is no claim, GUIDE)
    singles = all(claims[k].fig.value == 1 for k in chained)
    for k in chained:
        c = claims[k]
        if c.parent is None and c.fig.value == 1 and toks[c.fig.first].lower in _ONE \
                and not (singles and _among_the_dead(toks, c.fig.first)):
            c.outcome = None


def _among_the_dead(toks: list[Token], i: int) -> bool:
    """Whether the list at token ``i`` breaks down a toll told before ("Among the dead were a woman and a
    child", "among the victims ... were"): its individuals are claims (GUIDE: inside a breakdown)."""
    words = [t.lower for t in toks[max(0, i - 14):i]]
    return any(words[j] == "among" and words[j + 1] == "the" and words[j + 2] in ("dead", "victims", "killed")
               for j in range(len(words) - 2))


_PLACE_KINDS = frozenset(("town", "village", "city", "district", "neighbourhood", "neighborhood", "area", "suburb",
                          "camp"))


def _place_list(toks: list[Token], prev: RawClaim, f: Figure) -> bool:
    """Whether a bare number continues a count per place: "... in Hammouriya, 100 in Kfar Batna" (the
    words between are a place after "in"/"at"; the number is followed by "in"/"at" and a name)."""
    if f.last + 1 >= len(toks) or toks[f.last].lower not in ("in", "at"):
        return False
    k = f.last + 1
    if toks[k].lower == "the" and k + 3 < len(toks) and toks[k + 1].lower in _PLACE_KINDS and toks[k + 2].lower == "of":
        k += 3  # "and one in the town of Harasta"
    if not toks[k].is_title:
        return False
    gap = toks[max(prev.last, prev.np_end):f.first]
    at = max((k for k, t in enumerate(gap) if t.lower in ("in", "at")), default=None)
    if at is None or len(gap) > 14:
        return False
    words = [t for t in gap[at + 1:] if t.lower not in (",", "and", "the", "of") and t.lower not in _PLACE_KINDS]
    return 0 < len(words) <= 4 and all(t.is_title or t.lower in ("al", "el") or t.lower.startswith(("al-", "el-"))
                                       for t in words)


def _more_singles(toks: list[Token], j: int) -> bool:
    """Whether another unnumbered individual follows a noun phrase ending at ``j`` ("woman and child",
    ", his wife"), before any verb."""
    k = j
    while k < min(len(toks), j + 4):
        w = toks[k].lower
        if VICTIM_NOUNS.get(w) in ("women", "men", "children", "civilians") and not w.endswith("s") \
                and w not in ("children", "men", "women"):
            return True
        if w not in ("and", ",", "a", "an", "his", "her", "their", "its", "one"):
            return False
        k += 1
    return False


def _own_verb(toks: list[Token], j: int) -> bool:
    """Whether a participle that is no casualty word follows the noun phrase ending at ``j`` ("have been displaced")."""
    while j < len(toks) and toks[j].lower in AUX:
        j += 1
    return j < len(toks) and toks[j].lower.endswith("ed") and toks[j].lower not in KILLED_AFTER \
        and toks[j].lower not in INJURED_AFTER


def _outside_parens(toks: list[Token]) -> list[str]:
    out, depth = [], 0
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t.lower)
    return out


def _resolve(claims: list[RawClaim]) -> None:
    """Deferred outcomes and inherited victim groups."""
    by_first = {c.fig.first: c for c in claims}
    for c in claims:
        if c.outcome is None and c.defer_to is not None and c.defer_to in by_first:
            c.outcome = by_first[c.defer_to].outcome
            c.how = "among"
    for k, c in enumerate(claims):
        if c.victims is not None and c.victims != "people":
            continue
        is_others = c.head in ("others", "more")
        if c.has_noun and not is_others:
            continue
        if c.how == "toll" and not c.has_noun and c.parent is None:
            c.victims = "people"  # a bare toll after a breakdown ("seven men ... the toll at 30"): the toll of all
            continue
        ref = claims[c.parent] if c.parent is not None else (claims[k - 1] if k else None)
        while ref is not None and ref.parent is not None and c.parent is None:
            ref = claims[ref.parent]  # "11 people, including eight civilians, and 33 others": the head, not the part
        if ref is None or ref.victims is None:
            c.victims = c.victims or "people"
            c.orphan = is_others
            continue
        single = ref.fig.value == 1 and ref.fig.qualifier == "exact"
        if c.victims is None:  # "killing a woman and wounding 25": a single person gives no group (GUIDE: people)
            c.victims = "people" if single else ref.victims
        elif not single:
            c.victims = ref.victims  # "17 civilians were killed and 25 others wounded": civilians 25
