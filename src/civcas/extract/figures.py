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
    CLAUSE_BREAKS,
    HOSPITALISED,
    INJURED_AFTER,
    INJURED_BEFORE,
    KILLED_AFTER,
    NON_VICTIM,
    NOUN_MODIFIERS,
    OUTCOME_ADJECTIVES,
    TO_HOSPITAL,
    VICTIM_NOUNS,
)
from .nounphrase import QUOTES as _QUOTES
from .nounphrase import forces_group as _forces_group
from .nounphrase import read_np
from .numbers import Figure, find_figures
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

VAGUE_SHARE = {"many", "most", "some", "several", "all"}
# participles that start a clause of their own after a noun phrase (not "20 people attending a wedding")
_BLOCK_ING = {"killing", "wounding", "injuring", "leaving", "including", "claiming", "saying", "according", "following",
              "targeting", "hitting", "striking", "bringing", "raising", "taking", "causing", "sending"}
_BREAKDOWN_BEFORE = {"including", "includes", "included", "among", "incl"}
_TOLL_WORDS = {"toll", "tolls", "number", "tally", "count", "total"}
_TOLL_LINK = {"to", "at", "of", "is", "was", "reached", "hit", "stood", "be", "stands", "now", "rose", "risen", "climbed", "as",
              "exceeded", "exceeding", "surpassed", "topped", "passed", "ranging", "ranged", "between", "from"}
_YEAR = re.compile(r"^(19|20)\d\d$")
_MONTH = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$")
_MONTH_OR_DAY = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|[0-3]?\d(?:st|nd|rd|th)?,?)\.?$")


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


def _skip_group(toks: list[Token], j: int, figs_at: dict[int, Figure]) -> int | None:
    """If a coordinated or breakdown group starts at j ("and 12 children", "including a child"), its end."""
    n = len(toks)
    k = j
    while k < n and toks[k].lower in ("and", ",", "as", "well", "along", "with", "plus", "including",
                                        "among", "them", "whom", "those", "of", "mostly", "mainly"):
        k += 1
        if k - j > 4:
            return None
    if k == j:
        return None
    if k in figs_at:
        status, _g, end, o = read_np(toks, figs_at[k].last)
    elif toks[j].lower in ("including", "mostly", "mainly") and k < n and toks[k].lower in VICTIM_NOUNS:
        status, _g, end, o = read_np(toks, k)  # "including women and children": no figure of its own
        if status != "victim":
            return None
    elif k < n and toks[k].lower in ("a", "an"):
        status, _g, end, o = read_np(toks, k + 1)
        if status != "victim":
            return None
    else:
        status, _g, end, o = read_np(toks, k)
        if not (status == "victim" and toks[j].lower in ("and", ",")):
            return None
    if status == "non":
        return None
    if toks[end - 1].lower in ("dead", "casualties", "deaths", "fatalities") and end - 1 > k:
        end -= 1  # the cue belongs to the whole phrase: "35 people including 22 children dead"
    return end


def _right_cue(toks, start, figs_at, has_noun):
    """Outcome from a participle after the noun phrase; or ('defer', figure start)."""
    n = len(toks)
    j = start
    steps = 0
    while j < n and steps < 9:
        w = toks[j].lower
        if w in KILLED_AFTER or w in INJURED_AFTER or w == "casualties":
            if w == "lost" and not (j + 1 < n and toks[j + 1].lower in ("their", "his", "her", "lives", "life")):
                return None, j
            if w == "shot" and not (j + 1 < n and toks[j + 1].lower == "dead"):
                return None, j
            out = "killed" if w in KILLED_AFTER else "injured" if w in INJURED_AFTER else "casualties"
            end = j + 1
            if j + 2 < n and toks[j + 1].lower in ("and", "or") and (
                (out == "killed" and toks[j + 2].lower in INJURED_AFTER)
                or (out == "injured" and toks[j + 2].lower in KILLED_AFTER)
            ):
                out, end = "casualties", j + 3
            elif out == "killed" and w == "lost":
                end = min(n, j + 3)
            return out, end
        if w == "victims" and j >= 2 and toks[j - 1].lower == "the" and toks[j - 2].lower == "among":
            return "casualties", j + 1  # "12 children were among the victims": killed or hurt, the text does not say
        if w in ("fallen", "fell") and j + 1 < n and toks[j + 1].lower in ("victim", "victims"):
            return "killed", j + 2
        if w in HOSPITALISED:
            return "injured", j + 1
        if w in ("suffered", "sustained", "suffering", "sustaining") and j + 1 < n:
            ahead = [t.lower for t in toks[j + 1:j + 5]]
            for k, t in enumerate(ahead):
                if t in ("injuries", "wounds", "burns", "injury", "wound", "fractures", "suffocation", "asphyxiation"):
                    return "injured", j + 2 + k
        if w in ("many", "most", "some", "all", "several") and j + 3 < n and toks[j + 1].lower == "of" \
                and toks[j + 2].lower in ("whom", "them") and toks[j + 3].lower in ("were", "are", "being"):
            k = j + 4  # "200 people many of whom were civilians were killed": a share, no figure of its own
            while k < n and k - j < 8 and (toks[k].lower in NOUN_MODIFIERS or toks[k].lower in VICTIM_NOUNS):
                k += 1
            j = k
            steps += 1
            continue
        if w in TO_HOSPITAL:
            ahead = [t.lower for t in toks[j + 1:j + 8]]
            for k, t in enumerate(ahead):
                if t in (",", ";", "and", "but", "while") and k:
                    break
                if t in ("hospital", "hospitals", "treatment", "clinic", "clinics"):
                    return "injured", j + 2 + k
        if w in ("a", "an", "the") and j + 2 < n and toks[j + 1].lower in OUTCOME_ADJECTIVES and j > start \
                and toks[j + 2].lower in VICTIM_NOUNS:
            return None, j  # "A man carried a wounded child": another noun phrase
        if w == "," and has_noun and j == start:
            k = j + 1  # "about 40 people, civilians or soldiers, died"; "Two men, both aged about 30, were hurt"
            while k < n and k - j < 9 and toks[k].text not in (",", ";", "(", ")"):
                k += 1
            if k < n and toks[k].text == "," and k - j > 1 and not any(t.lower in KILLED_AFTER or t.lower in INJURED_AFTER
                                                                         for t in toks[j + 1:k]):
                j = k + 1
                steps += 1
                continue
        if w == "(":
            k = j
            while k < n and toks[k].text != ")" and k - j < 12:
                k += 1
            j = k + 1
            continue
        grp = _skip_group(toks, j, figs_at)
        if grp is not None:
            j = grp
            steps += 1
            continue
        if j in figs_at and j > start and toks[j - 1].lower in ("among", "of"):
            return "defer", j
        if w in AUX or w in _QUOTES or w in ("those", "them", "assumed", "presumed", "got", "left", "being", "feared", "as", "others", "more", "people", "of", "up", "rest", "made", "make", "number", "total"):
            j += 1
            steps += 1
            continue
        if has_noun and w not in CLAUSE_BREAKS and w not in ("and", ",", "or") and j not in figs_at \
                and w not in INJURED_BEFORE and w not in ("killing", "kill", "kills", "said", "told") and steps < 6 \
                and (not w.endswith("ing") or w not in _BLOCK_ING and j == start):
            j += 1
            steps += 1
            continue
        return None, j
    return None, j


_BRING = {"bring", "brings", "bringing", "brought", "raise", "raises", "raising", "raised", "take", "takes",
          "taking", "took", "push", "pushes", "pushing", "pushed", "put", "puts", "putting"}
_OUTCOME_WORDS = {"killed": "killed", "killing": "killed", "kill": "killed", "dead": "killed", "died": "killed",
                  "deaths": "killed", "death": "killed", "lives": "killed",
                  "wounded": "injured", "wounding": "injured", "injured": "injured", "injuring": "injured",
                  "casualties": "casualties"}


def _brought_to(toks: list[Token], f: Figure) -> tuple[int | None, str, int] | None:
    """A total with the figure before what it counts: "(the deaths) bring to 173 the number of civilians
    (the coalition) has admitted killing", "raising to 40 the death toll". Returns the counted noun's
    index (None for a bare toll), the outcome and the end of the cue; None when the words are not these."""
    i, n = f.last, len(toks)
    if f.first < 2 or toks[f.first - 1].lower != "to" or toks[f.first - 2].lower not in _BRING:
        return None
    if i + 2 >= n or toks[i].lower != "the":
        return None
    if toks[i + 1].lower in ("death", "casualty") and toks[i + 2].lower in _TOLL_WORDS:
        return None, ("killed" if toks[i + 1].lower == "death" else "casualties"), i + 3
    if toks[i + 1].lower not in _TOLL_WORDS or i + 3 >= n or toks[i + 2].lower != "of":
        return None
    noun = i + 3
    if toks[noun].lower in _OUTCOME_WORDS and toks[noun].lower not in ("killed", "injured", "wounded"):
        return None, _OUTCOME_WORDS[toks[noun].lower], noun + 1  # "the number of deaths"
    if toks[noun].lower not in VICTIM_NOUNS:
        return None
    for k in range(noun + 1, min(n, noun + 12)):
        if toks[k].lower in (",", ";", ".", "and"):
            break
        if toks[k].lower in _OUTCOME_WORDS:
            return noun, _OUTCOME_WORDS[toks[k].lower], k + 1
    return None


def _left_cue(toks, fig_first):
    """Outcome from a verb or toll phrase before the figure: (outcome, token index of the cue)."""
    j = fig_first - 1
    skips = 0
    while j >= 0 and skips < 4 and (toks[j].lower in ("the", "a", "an", "another", "some", "further", "additional", "all", "reportedly", "also", "over", "had", "has", "have", "already", "now")
                                    or toks[j].lower in _QUOTES):
        j -= 1
        skips += 1
    if j >= 2 and toks[j].lower == "of" and toks[j - 1].lower in ("family", "families") and toks[j - 2].lower in ("a", "an", "the"):
        j -= 3  # "killed a family of four"
    if j < 0:
        return None, None
    if toks[j].lower == "and" and j >= 2:
        k = j - 1  # "killed a staff member and around 20 civilians": the verb before the first noun phrase
        while k >= 0 and j - k <= 5 and (toks[k].lower in VICTIM_NOUNS or toks[k].lower in NOUN_MODIFIERS
                                         or toks[k].lower in ("a", "an", "the", "his", "her", "their", "its", "member",
                                                              "members") or AGE.match(toks[k].lower)):
            k -= 1
        if 0 <= k < j - 1 and toks[k].lower in ("killed", "killing", "wounded", "wounding", "injured", "injuring"):
            j = k
    w = toks[j].lower
    prev = toks[j - 1].lower if j >= 1 else ""
    prev2 = toks[j - 2].lower if j >= 2 else ""
    if w == "lost" and not (j + 1 < len(toks) and toks[j + 1].lower in ("their", "his", "her")):
        return "killed", j
    if w in ("killed", "killing", "kill", "kills", "executed", "executing", "massacred", "murdered", "slew", "slaying", "claiming", "claimed", "claim", "claims",
             "eliminating", "eliminated", "eliminate", "neutralising", "neutralizing", "neutralised", "neutralized", "martyring", "gassing", "gassed"):
        if w.startswith("claim"):
            return None, None  # "claimed N lives" is read from the noun
        if prev in ("and", "or") and prev2 in INJURED_BEFORE:
            return "casualties", j - 2
        return "killed", j
    if w == "dead" and prev in ("shot", "gunned", "stabbed", "beaten", "found"):
        return "killed", j - 1  # "shot dead two men"
    if w in ("wounded", "wounding", "injured", "injuring", "wound", "injure", "hurt", "hurting", "maimed", "maiming"):
        if prev in ("and", "or") and prev2 in ("killed", "killing", "kill", "kills"):
            return "casualties", j - 2
        return "injured", j
    if w in ("included", "include", "includes", "were", "are"):
        # "The dead in al-Shafa included 17 children": the outcome is the subject's
        for k in range(j - 1, max(-1, j - 30), -1):
            t = toks[k].lower
            if t in (";", "."):
                break
            if t in ("dead", "killed", "victims", "wounded", "injured", "casualties") and k > 0 and toks[k - 1].lower in ("the", "those"):
                return ("killed" if t in ("dead", "killed", "victims") else "casualties" if t == "casualties" else "injured"), k - 1
    if w == "of" and prev in ("lives", "life", "death", "deaths", "killing", "bodies", "massacre", "execution", "corpses",
                              "body", "corpse", "remains"):
        return "killed", j - 1
    if w == "of" and prev in ("injury", "injuries", "wounding", "injuring"):
        return "injured", j - 1
    if w == "of" and prev == "casualties":
        return "casualties", j - 1
    if w in _TOLL_LINK or w in _TOLL_WORDS or w in ("casualties", "deaths", "fatalities", "injuries", "dead"):
        k = j
        while k >= max(0, j - 22):
            t = toks[k].lower
            if t in (";", "."):
                break
            if t in _TOLL_WORDS:
                window = " ".join(x.lower for x in toks[max(0, k - 4):j + 1])
                if re.search(r"death|dead|killed|fatalit|lives|died", window):
                    return "killed", k
                if re.search(r"wound|injur", window):
                    return "injured", k
                if re.search(r"casualt", window):
                    return "casualties", k
                if t == "toll":
                    return "killed", k
                return None, None
            k -= 1
    return None, None


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
                j + 1 < len(toks) and (toks[j + 1].lower in NON_VICTIM or toks[j + 1].lower in ("attack", "attacks", "group", "organization", "organisation", "cell", "groups", "car", "bombing"))):
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
        status, group, np_end, noun_outcome = read_np(toks, f.last)
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
        if f.value == 1 and toks[f.first].lower in ("a", "an") and status != "victim":
            continue
        has_noun = status == "victim"
        outcome, how, cue_end, cue_start = noun_outcome, "noun", np_end, None
        brought = _brought_to(toks, f) if status != "victim" else None
        if brought is not None:  # "bring to 173 the number of civilians ... killed"
            noun, outcome, cue_end = brought
            how, np_end = "toll", cue_end
            if noun is not None:
                group, has_noun = _forces_group(toks, noun, noun), True
            claims.append(RawClaim(f, outcome, group if has_noun else None, f.first - 2, cue_end, np_end, has_noun,
                                   head=toks[noun].lower if noun is not None else "", how=how))
            continue
        left, left_at = _left_cue(toks, f.first)
        right = None
        defer = None
        if outcome is None:
            right, rend = _right_cue(toks, np_end, figs_at, has_noun)
            if right == "defer":
                defer, right = rend, None
            adjacent_left = left is not None and left_at is not None and f.first - left_at <= 4
            if adjacent_left and right and left_at > 0 and toks[left_at].lower in ("killed", "wounded", "injured", "dead") \
                    and (toks[left_at - 1].lower in VICTIM_NOUNS or any(g.last == left_at for g in figs)):
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
        # coordination: "killing six civilians and five militiamen", "22 children ... along with six teachers"
        if outcome is None and defer is None and claims:
            prev = claims[-1]
            gap = _outside_parens(toks[prev.last if prev.last <= f.first else prev.np_end:f.first])
            singular = toks[f.first].lower in ("a", "an")  # "..., a police officer said" is no second count
            if singular and not set(gap) & {"and", "along", "plus"}:
                gap = []
            if gap == ["with"] or _own_verb(toks, np_end):  # "with dozens of ...", "and 10 million displaced"
                gap = []
            if prev.outcome and len(gap) <= 4 and gap and set(gap) <= {"and", ",", "as", "well", "along", "with", "plus", "while", "another", "also", "in", "addition", "to"}:
                outcome, how = prev.outcome, "coordination"
                if parent is None and prev.parent is not None:
                    parent = prev.parent  # "including a father and his daughter": both break the total down
            elif prev.outcome and not has_noun and _place_list(toks, prev, f):
                outcome, how = prev.outcome, "coordination"  # "150 in Hammouriya, 100 in Kfar Batna": one count per place
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
    for k in chained:
        c = claims[k]
        if c.parent is None and c.fig.value == 1 and toks[c.fig.first].lower in _ONE:
            c.outcome = None


def _place_list(toks: list[Token], prev: RawClaim, f: Figure) -> bool:
    """Whether a bare number continues a count per place: "... in Hammouriya, 100 in Kfar Batna" (the
    words between are a place after "in"/"at"; the number is followed by "in"/"at" and a name)."""
    if f.last + 1 >= len(toks) or toks[f.last].lower not in ("in", "at") or not toks[f.last + 1].is_title:
        return False
    gap = toks[max(prev.last, prev.np_end):f.first]
    at = max((k for k, t in enumerate(gap) if t.lower in ("in", "at")), default=None)
    if at is None or len(gap) > 12:
        return False
    words = [t for t in gap[at + 1:] if t.lower not in (",", "and", "the")]
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
            c.victims = "people"  # "a local official put the death toll at 30": the toll of all
            continue
        ref = claims[c.parent] if c.parent is not None else (claims[k - 1] if k else None)
        while ref is not None and ref.parent is not None and c.parent is None:
            ref = claims[ref.parent]  # "11 people, including eight civilians, and 33 others": the head, not the part
        if ref is None or ref.victims is None:
            c.victims = c.victims or "people"
            c.orphan = is_others
            continue
        single = ref.fig.value == 1 and ref.fig.qualifier == "exact"
        if c.victims is None:
            c.victims = "people" if single and is_others else ref.victims
        elif not single:
            c.victims = ref.victims  # "17 civilians were killed and 25 others wounded": civilians 25
