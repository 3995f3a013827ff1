"""Where a figure's outcome is said when its noun phrase does not say it: a verb or toll phrase
before it ("killing 15", "the death toll rose to 12"), a participle after it ("12 people were
killed"), or a total told before what it counts ("bring to 173 the number of civilians ...
killed"). Token indices into one sentence; ``figures`` reads the claims from them."""
from __future__ import annotations

import re

from ..vocab import vocabulary
from .lexicon import (
    AGE,
    AUX,
    CLAUSE_BREAKS,
    HOSPITALISED,
    INJURED_AFTER,
    INJURED_BEFORE,
    KILLED_AFTER,
    NOUN_MODIFIERS,
    OFFICE_TITLES,
    OUTCOME_ADJECTIVES,
    TO_HOSPITAL,
    VICTIM_NOUNS,
)
from .nounphrase import QUOTES as _QUOTES
from .nounphrase import read_np
from .numbers import Figure
from .tokens import Token

# participles that start a clause of their own after a noun phrase (not "20 people attending a wedding")
_BLOCK_ING = {"killing", "wounding", "injuring", "leaving", "including", "claiming", "saying", "according", "following",
              "targeting", "hitting", "striking", "bringing", "raising", "taking", "causing", "sending"}
TOLL_WORDS = {"toll", "tolls", "number", "tally", "count", "total"}
_TOLL_LINK = {"to", "at", "of", "is", "was", "reached", "hit", "stood", "be", "stands", "now", "rose", "risen", "climbed", "as",
              "exceeded", "exceeding", "surpassed", "topped", "passed", "ranging", "ranged", "between", "from"}


def _skip_group(toks: list[Token], j: int, figs_at: dict[int, Figure]) -> int | None:
    """If a coordinated or breakdown group starts at j ("and 12 children", "including a child"), its end."""
    n = len(toks)
    k = j
    while k < n and toks[k].lower in ("and", ",", "as", "well", "along", "with", "plus", "including",
                                        "among", "them", "whom", "those", "of", "mostly", "mainly"):
        if toks[k].lower == "with" and (k == j or toks[k - 1].lower != "along"):
            return None  # "the toll rose to 10, with 90 people injured": a clause of its own, not a group of the figure
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


_DASHES = frozenset({"–", "—", "-"})
_GASSED = frozenset(("gas", "gases", "chlorine", "sarin", "chemical", "toxic", "poisonous", "nerve", "fumes"))


def _proper(t: Token) -> bool:
    return t.text[:1].isupper() and t.text[1:2] not in ("", ".")


def _second_name(toks: list[Token], j: int) -> int | None:
    """The end of "and [the] <Name>" (or ", <Name>, ... and <Name>") joining more bodies or places to a
    group named by one ("fighters of the YPG and the Asayish", "militants from Chechnya, Tunisia and
    Egypt"); None when ``j`` opens no such list."""
    if toks[j].lower not in ("and", ",") or not j or not (
            _proper(toks[j - 1]) or j > 1 and toks[j - 1].lower.startswith("al-") and _proper(toks[j - 2])):
        return None
    if not any(t.lower in ("of", "from") for t in toks[max(0, j - 6):j - 1]):
        return None
    while True:
        comma = toks[j].lower == ","
        k = j + 1 + (j + 1 < len(toks) and toks[j + 1].lower == "the")
        m = _name_end(toks, k)
        if m is None:
            return None
        if not comma:
            return m
        if m >= len(toks) or toks[m].lower not in ("and", ","):
            return None  # "fighters from Idlib, Hama ...": a list must close with "and"
        j = m


def _name_end(toks: list[Token], k: int) -> int | None:
    for m in range(min(len(toks), k + 3), k, -1):  # a known body, however cased ("the YPG and asayesh")
        if vocabulary().actor(" ".join(t.text for t in toks[k:m])) is not None:
            return m
    m = k
    while m < len(toks) and m - k < 5 and (_proper(toks[m]) or m > k and toks[m].lower in ("al", "of")):
        m += 1
    return m if m > k and _proper(toks[m - 1]) else None


def right_cue(toks, start, figs_at, has_noun):
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
        if w == "affected" and any(t.lower in _GASSED for t in toks[j + 1:j + 6]):
            return "injured", j + 1  # "500 others have been affected by the chlorine gas attack"
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
        if w in _DASHES and has_noun and j == start:
            k = j + 1  # "At least 18 people – eight of them children – have been killed": a remark set off by dashes
            while k < n and k - j < 12 and toks[k].text not in _DASHES and toks[k].text != ";":
                k += 1
            if k < n and toks[k].text in _DASHES and k - j > 1 and not any(
                    t.lower in KILLED_AFTER or t.lower in INJURED_AFTER for t in toks[j + 1:k]):
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
        named = _second_name(toks, j) if has_noun else None
        if named is not None:  # "25 members of the YPG and the Asayish died": one group of two bodies
            j = named
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


def total_before_noun(toks: list[Token], f: Figure) -> tuple[int | None, str, int] | None:
    """A total with the figure before what it counts: "(the deaths) bring to 173 the number of civilians
    (the coalition) has admitted killing", "raising to 40 the death toll". Returns the counted noun's
    index (None for a bare toll), the outcome and the end of the cue; None when the words are not these."""
    i, n = f.last, len(toks)
    if f.first < 2 or toks[f.first - 1].lower != "to" or toks[f.first - 2].lower not in _BRING:
        return None
    if i + 2 >= n or toks[i].lower != "the":
        return None
    if toks[i + 1].lower in ("death", "casualty") and toks[i + 2].lower in TOLL_WORDS:
        return None, ("killed" if toks[i + 1].lower == "death" else "casualties"), i + 3
    if toks[i + 1].lower not in TOLL_WORDS or i + 3 >= n or toks[i + 2].lower != "of":
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


_OF_STOP = frozenset(("in", "on", "at", "by", "from", "with", "was", "were", "is", "are", "said", "says", "while",
                      "after", "who", "which", "that", "and", "or", "but"))
_ONE_PERSON = OFFICE_TITLES | {"member", "leader", "imam", "sheikh"}


def _before_of_phrase(toks, j: int) -> int | None:
    """The verb of harm before "the head of the local council and" (j: the "and"): "killed the head of the
    local council and 12 civilians" counts the 12 as killed; None when the words between are not one person
    and an "of" phrase."""
    k = j - 1
    seen_of = person = False
    while k >= 0 and j - k <= 9:
        w = toks[k].lower
        if w in ("killed", "killing", "wounded", "wounding", "injured", "injuring"):
            return k if seen_of and person else None
        if w == "of":
            seen_of = True
        elif w in _ONE_PERSON or w in VICTIM_NOUNS:
            person = True
        elif w in _OF_STOP or not w.replace("-", "").replace("'", "").isalpha():
            return None
        k -= 1
    return None


def left_cue(toks, fig_first):
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
        else:
            k = _before_of_phrase(toks, j)
            if k is not None:
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
    if w in ("to", "among", "in") and prev in ("suffocation", "asphyxiation", "asphyxia"):
        return "injured", j - 1  # "causing cases of asphyxiation to more than 35 people"
    if w == "of" and prev == "casualties":
        return "casualties", j - 1
    if w in _TOLL_LINK or w in TOLL_WORDS or w in ("casualties", "deaths", "fatalities", "injuries", "dead"):
        k = j
        while k >= max(0, j - 22):
            t = toks[k].lower
            if t in (";", "."):
                break
            if t in TOLL_WORDS:
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
