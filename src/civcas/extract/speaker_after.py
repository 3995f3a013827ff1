"""Speakers named after their cue: "according to X", "citing X", "..., said X", "\"...\" said X"."""
from __future__ import annotations

import re

from ..vocab import vocabulary
from .attributed import Attribution
from .offices import OFFICE_WORD, PERSON
from .speaker_name import DESCRIBED_NAME, speaker_of
from .speakers import HEADS, MODIFIERS, TITLES

_PRONOUN_FWD = re.compile(r"^\s*(the\s+(?:same\s+)?(?:source|sources|agency|group|monitor|ministry|command|"
                          r"police\s+command|directorate|statement|official|spokesman|report))\b"
                          r"(?!\s+(?:at|in|of|from)\b)", re.I)
# a date written before a speaker on a page ("Jul 2016 Syrian state TV says"): no part of the name
_REPORT_BY = re.compile(r"^\s*(?:(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?(?:report|statement|study|tally|count|toll|estimate|"
                        r"survey|figures|data|records|list)(?:\s+(?:provided|released|issued|compiled|published|given)"
                        r"(?:\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|\s+(?:today|yesterday|late|earlier))?)?|(?:(?:earlier|new|latest|initial|preliminary)\s+)?(?:data|figures|records|information|a\s+tally)\s+(?:compiled|collected|provided|"
                        r"gathered|published|released))\s+(?:by|from|of)\s+", re.I)
# "according to Ali Saleh, the provincial governor's press secretary": the office the person speaks for
_FWD_NAME_OFFICE = re.compile(rf"^\s*({PERSON}(?:\s+{PERSON}){{0,3}}),\s+((?:the|a|an)\s+[^,;()\"“”]{{3,90}}?)\s*(?:[,;.]|$)")
# "said Mounzer Khalil head of the province's health authority": the office after a name, its comma lost
_FWD_NAME_ROLE = re.compile(rf"^\s*({PERSON}(?:\s+{PERSON}){{0,3}})\s+((?:(?:deputy|acting)\s+)?(?:head|director|chief|"
                            r"spokesman|spokeswoman|spokesperson|chairman|chairwoman)\s+(?:of|for|at)\s+"
                            r"[^,;()\"“”]{3,80}?)\s*(?:[,;]|\.(?:\s|$)|\s+(?:adding|saying|who|and|told)\b|$)")
_COMMON_FWD = re.compile(r"^\s*,?\s*(?:one|a|an|the)\s+([a-z].*)")
_CAPNP_FWD = re.compile(r"^\s*,?\s*(?:the\s+)?((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|(?:al|el)-[A-Z][\w'’.-]*|of|for|al|el)(?![\w-]))*)")


# words that make what follows no speaker's name: a clause, a place, a count ("said at least two Syrian
# opposition fighters", "reported rebel fire on government-held areas")
_NOT_BEFORE_NAME = frozenset("""said says told that who which and or on in at of from to by with for into near
least more than some about around nearly over one two three four five six seven eight nine ten dozens scores
hundreds several many fire shelling strikes attack attacks""".split())
_BEFORE_NAME = re.compile(r"\s*,?\s*(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}", re.I)


def near_after(sentence: str, e: int, known, far: bool = True) -> list:
    """Known sources named right after ``e``: within 12 characters, or past up to three words that are no
    clause of their own (no punctuation, no verb of saying) — "the well-known UK-based Observatory"."""
    out = []
    for k in known:
        if e <= k.start < e + 12:
            out.append(k)
        elif far and e + 12 <= k.start < e + 48 and _BEFORE_NAME.fullmatch(sentence[e:k.start]) \
                and not any(w.lower() in _NOT_BEFORE_NAME or w[:1].isdigit() for w in sentence[e:k.start].split()):
            out.append(k)
    return out


_PLACE_KIND_WORDS = frozenset("province city town village area region countryside governorate".split())
_CLAUSE_VERBS = frozenset("was were is are had has have will would hit fired struck shot killed shelled bombed "
                           "targeted attacked launched carried stormed destroyed".split())


def _clause_after(rest: str) -> bool:
    """Whether the words after a noun phrase that follows "said" go on as its clause ("said an army unit
    targeted ...": the noun phrase is the subject of what was said, not the speaker)."""
    for w in rest.split()[:3]:  # past a word or two of the noun phrase ("an army unit targeted")
        if w[:1] in (",", ".", ";", ":", "\"", "”", ")") or w.lower() in ("who", "which", "that", "in", "at", "on"):
            return False
        lw = w.lower().rstrip(",.;:")
        if lw in _CLAUSE_VERBS or (lw.endswith("ed") and "-" not in lw and lw not in ("based", "led", "backed")):
            return True
        if w[-1:] in (",", ".", ";", ":"):
            return False
    return False


def inverted(sentence: str, s: int, e: int, cue: str, known, country) -> Attribution | None:
    """The speaker after its verb: "..., said the Syrian Observatory", "\"...\" said Rami Abdel Rahman"."""
    if cue in ("said", "says", "reported", "added", "claimed", "stated"):  # not "told X": X listens
        after = near_after(sentence, e, known)  # "..., said the Syrian Observatory", "says a UK-based monitor"
        if after and not _clause_after(sentence[after[0].end:e + 80]):
            return Attribution(after[0].label, s, e, sentence[after[0].start:after[0].end], known=True)
        role = _FWD_NAME_ROLE.match(sentence[e:e + 160]) if cue in ("said", "says", "added") else None
        if role:  # "..., said Ahmed Hassan head of the city's health authority": the office speaks
            got = speaker_of(role.group(2), country)
            if got:
                return Attribution(got[0], s, e, role.group(2), known=got[1], person=role.group(1))
        fm = _CAPNP_FWD.match(sentence[e:e + 80])
        if fm and cue in ("said", "says", "reported", "added") and not _clause_after(sentence[e + fm.end(1):e + 80]):
            got = speaker_of(fm.group(1), country)
            if got:
                return Attribution(got[0], s, e, fm.group(1), known=got[1])
        common = _COMMON_FWD.match(sentence[e:e + 80])
        np = _forward_np(common.group(1)) if common and cue in ("said", "says", "added") else None
        rest = common.group(1)[len(np):] if np and common.group(1).startswith(np) else ""
        if np and np.split()[-1].lower().rstrip(",.") in HEADS and not _clause_after(rest):
            # "..., said a guard": the noun after the verb (not "said an army unit targeted ...": what was said)
            got = speaker_of(np, country)
            if got:
                return Attribution(got[0], s, e, np, known=got[1])
    return None


def forward_speaker(sentence: str, s: int, e: int, known, country) -> Attribution | None:
    after = sentence[e:e + 120]
    rb = _REPORT_BY.match(after)
    skip = rb.end() if rb else 0
    back = _PRONOUN_FWD.match(after[skip:])
    if back:
        return Attribution(back.group(1).lower(), s, e, back.group(1), pronoun=True, forward=True)
    office = _FWD_NAME_OFFICE.match(after[skip:])
    if office and OFFICE_WORD.search(office.group(2)):  # "according to Ali Saleh, the governor's spokesman"
        got = speaker_of(office.group(2), country)
        if got:
            return Attribution(got[0], s, e, office.group(2), forward=True, known=got[1], person=office.group(1))
    role = _FWD_NAME_ROLE.match(after[skip:])
    if role:
        got = speaker_of(role.group(2), country)
        if got:
            return Attribution(got[0], s, e, role.group(2), forward=True, known=got[1], person=role.group(1))
    described = DESCRIBED_NAME.match(re.sub(r"^\s*(?:the\s+)?", "", after[skip:]))
    if described:  # "according to Lebanese Shiite paramilitary group Hezbollah": the name
        got = speaker_of(described.group(1), country)
        if got:
            return Attribution(got[0], s, e, described.group(1), forward=True, known=got[1])
    at_once = [k for k in known if e + skip <= k.start <= e + skip + 5]
    if at_once and re.match(r"\s+(?-i:[A-Z]{2,}|[A-Z][a-z]+)\b", sentence[at_once[0].end:]) \
            and vocabulary().actor_mentions(sentence[at_once[0].end:at_once[0].end + 30], country):
        k = at_once[0]  # "according to the Observatory DAESH has lost ...": the body, then the clause's subject
        return Attribution(k.label, s, e, sentence[k.start:k.end], forward=True, known=True)
    np = _forward_np(after[skip:])
    if np:
        got = speaker_of(np, country)
        if got:
            return Attribution(got[0], s, e, np, forward=True, known=got[1])
    cands = near_after(sentence, e + skip, known, far=sentence[s:e].lower() == "according to")
    # (far: "according to the well-known UK-based Observatory"; not "citing an undisclosed opposition source")
    if cands:
        return Attribution(cands[0].label, s, e, sentence[cands[0].start:cands[0].end], forward=True, known=True)
    return None


def _forward_np(after: str) -> str | None:
    """The noun phrase after "according to": "police and hospital officials", "Afghan officials", "the head
    of the Britain-based group"."""
    m = re.match(r"^\s*(?:the\s+|a\s+|an\s+)?((?:[\w'’.-]+)(?:\s+(?:[\w'’.-]+)){0,7})", after)
    if not m:
        return None
    words = m.group(1).split()
    took: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower().rstrip(",.")
        if w[:1].isupper() or lw in HEADS or lw in MODIFIERS or lw in TITLES or lw in ("and", "of", "for", "al", "el") \
                or lw.endswith("'s") or lw.endswith("’s") or (lw in ("at", "in", "inside") and took) \
                or (lw == "the" and took and took[-1].lower() == "of" and len(took) > 1) \
                or (lw == "the" and took and took[-1].lower() in ("at", "in", "inside")
                    and words[i + 1:i + 2] and (words[i + 1][:1].isupper() or words[i + 1].lower().rstrip(",.") in
                                                _PLACE_KIND_WORDS)) \
                or (lw in _PLACE_KIND_WORDS and took and took[-1].lower() == "the"):
            # "a source at the Aleppo Police Command", "a source in the province"
            took.append(w.rstrip(","))
            if w.endswith(","):
                break
        else:
            break
    while took and took[-1].lower() in ("and", "of", "for", "at", "in", "inside", "the"):
        took.pop()
    if not took:
        return None
    phrase = " ".join(took)
    return phrase if (any(t.lower().rstrip(".") in HEADS for t in took) or any(t[:1].isupper() for t in took)) else None
