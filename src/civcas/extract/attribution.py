"""Who asserts what in one sentence: reporting cues ("said", "according to") and their speakers.

Every cue yields an :class:`Attribution`: where the cue is, the speaker's words as written and the
name a recorder gives them (:mod:`speakers`). Which claim an attribution covers is decided later,
among candidates (:mod:`candidates`), not here.
"""
from __future__ import annotations

import dataclasses
import re

from ..vocab import vocabulary
from .attributed import Attribution
from .quick import led
from .speaker_after import forward_speaker, inverted
from .speaker_name import REPORT_WORDS, speaker_of
from .speakers import (
    HEADS,
    MODIFIERS,
    _national,
    is_person_name,
    joint_source,
    subject_before,
)

# a preposition after a common noun: what follows is its object, not the subject of the verb after it
_OBJECT_OF = re.compile(r"\b[a-z]+\s+(?:of|on|in|at|near|from|into|against)\s+(?:the\s+)?$")
CUE = re.compile(  # (the lookahead: the first letters of the cues, a faster search for the same matches)
    r"\b(?=[acdeginmpqrstvw])(?:said|says|say|told|tells|reported|reports|report|claimed|claims|confirmed|confirms|announced|"
    r"stated|added|estimated|estimates|documented|recorded|verified|put\s+the|gave\s+a|gave\s+the|giving\s+a|counted|cited|"
    r"acknowledged|admitted|admits|denied|denies|announcing|reporting|claiming|saying|indicated|noted|tallied|"
    r"quoted|pointed\s+out|stressed|affirmed|explained|mentioned|asserted|clarified|tweeted|wrote|posted|"
    # who recovers the bodies counts them: "rescuers have recovered 13 bodies" (GUIDE: bodies counted by a journalist: the outlet)
    r"recovered|retrieved|pulled\s+out|pulled|"
    r"according\s+to|citing|quoting|per|(?<=statement\s)read|(?<=statement\s)reads)\b",
    re.I,
)
FORWARD = {"according to", "citing", "quoting", "per", "quoted"}
_PRONOUN = led(r"\b(he|she|they|it|the\s+group|the\s+(?:same\s+)?sources?|the\s+statement|the\s+agency|the\s+official|"
                      r"the\s+spokesman|a\s+spokesman|the\s+spokesperson|the\s+police\s+command|the\s+command|"
                      r"the\s+directorate|the\s+ministry|the\s+monitor|the\s+organi[sz]ation|the\s+report|"
                      r"the\s+cent(?:er|re)|the\s+NGO|the\s+charity|"
                      r"the\s+governor|the\s+mayor|the\s+officials?|the\s+doctors?|the\s+hospital|the\s+(?:reporter|correspondent)|"
                      r"the\s+(?:broadcaster|channel|newspaper|station|outlet|daily))\s*,?\s*$", re.I)
_ADVERBS = re.compile(r"(?:\s+(?:however|also|earlier|later|previously|meanwhile|separately|now|then|initially|"
                      r"further|had|has|have|would|so\s+far|already|on\s+\w+day|in\s+a\s+statement|"
                      r"in\s+a\s+tweet|recently|again|last\s+(?:week|month|year)|this\s+(?:week|month|year)|"
                      r"in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)))+"
                      r"\s*,?\s*$", re.I)
# "the Al-Manar TV correspondent to the city reported", "a SANA reporter in Homs said": where the reporter
# is posted, between the speaker and the verb
_POSTED = led(r"(?:(?<=correspondent)|(?<=correspondents)|(?<=reporter)|(?<=reporters)|(?<=photographer))(\s+(?:to|in|at|from)\s+(?:the\s+)?(?:city|town|province|area|region|"
                     r"capital|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))\s*$")
# "the Aleppo Media Center, an activist collective, said" (or "another ..."): the apposition between name and verb
_APPOSITION = re.compile(r",\s+(?:a|an|the|another)\s+(?:[\w'’-]+\s+){0,24}?[\w'’-]+\s*,\s*$", re.I)
# "a medical source at the hospital, where the wounded were taken, said"; "X, speaking on TV, said"
_CLAUSE = re.compile(r",\s+(?:where|who|which|whose|when|speaking|writing|quoted|citing|according|in\s+a)\b[^,;]{0,120},\s*$",
                     re.I)
# "Jasim al-Halbusi, the chairman of the Anbar council, said": an office in apposition names the speaker
_OFFICE_APPOSITION = re.compile(r",\s+((?:the\s+)?(?:[\w'’.-]+\s+){0,3}?(?:chairman|chairwoman|head|chief|director|"
                                r"spokesman|spokeswoman|spokesperson|governor|mayor|commander|secretary|minister|"
                                r"official|prosecutor)(?:\s+(?:of|for)\s+(?:the\s+)?[\w'’ -]{2,40}?)?)\s*,\s*$", re.I)
# "X which has a network of sources in Syria gave": the relative clause between the speaker and the verb
_RELATIVE = re.compile(r",?\s+(?:which|who|that)\s+(?!said|says|told)[^,;:]{3,100}?,?\s*$", re.I)
# "X, Omar Zwak, said": a person's name in apposition after the office that speaks
_NAME_APPOSITION = re.compile(r"(,\s+)((?:(?:[A-Z]|(?:al|el|bin|ibn|abu)[-\s][A-Z])[\w'’.-]*\s+){0,3}"
                              r"(?:[A-Z]|(?:al|el)-[A-Z])[\w'’.-]*)\s*,\s*$")
_OFFICE_WORDS = frozenset("""chairman chairwoman head chief director spokesman spokeswoman spokesperson governor
mayor commander secretary minister official officials prosecutor office council ministry police
resident witness eyewitness villager relative survivor doctor medic nurse paramedic rescuer activist""".split())
# "the Governor of Hatay, a province across the border, told": an office named well before the verb
_TITLE_OF = re.compile(r"\b(Governor|Mayor|Police\s+Chief|Health\s+Minister|Health\s+Director|Minister)\s+of\s+"
                       r"(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
_REPORTS_NOUN = re.compile(rf"\b(?i:{REPORT_WORDS})\s+(?i:reports?)$")
_NO_ONE = re.compile(r"\b(?i:no|nobody|none)\s*(?:(?i:group|one|party|organi[sz]ation|faction)\s*)?$")
# "a group tracking the violence said", "an organisation that monitors the war said": the body, described
_TRACKING = led(r"\b((?:a|an|the)\s+(?:[\w-]+\s+)?(?:group|organi[sz]ation|monitor|watchdog|body))\s+"
                       r"(?:tracking|monitoring|documenting|(?:that|which)\s+(?:tracks|monitors|documents))\s+"
                       r"[^,.;:\"“”]{3,60}$", re.I)
# "The Aleppo Media Center an activist collective said": an apposition with its commas lost
_OFFICE_OF_BODY = re.compile(r"\b(?:the|a|an)\s+((?:(?:deputy|acting|senior|assistant)\s+)?(?:director|head|chief|chairman|"
                            r"chairwoman|manager|spokesman|spokeswoman|spokesperson)\s+of\s+(?:the\s+|a\s+|an\s+)?"
                            r"[\w'’-]+(?:\s+[\w'’-]+){0,2}?)(?:\s+(?:in|at|near|on|inside|outside|from|for)\s[^,;]{0,60})?\s*$")
_BARE_APPOSITION = re.compile(r"((?:[A-Z][\w'’.-]*\s+)(?:(?:[A-Z][\w'’.-]*|for|of|al|el)\s+){0,5})(?:an?|the|another)\s+"
                              r"(?:[\w-]+\s+){0,3}?(?i:collective|group|"
                              r"organi[sz]ation|monitor|agency|network|ngo|charity|body|watchdog|outlet|"
                              r"observatory)(?:\s+(?i:based|headquartered)\s+(?i:in|outside|abroad)[^,;:]{0,40})?\s*$")


# a known body's name, then (past a word or two: "regime", "state-run") a description of its kind
_GENERIC_AFTER_NAME = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}")
_GENERIC_HEAD = re.compile(r"\b(?:(?:official|state|state-run|news|media|local|monitoring|rights|opposition)\s+)*"
                           r"(?:news\s+agency|agency|broadcaster|television|channel|group|monitor|outlet|media)", re.I)


# a victim named inside a breakdown, just before a relative clause ("including a former officer who ...")
_BREAKDOWN_END = re.compile(r"\b(?:including|among\s+them|among\s+whom|among\s+the\s+dead\s+(?:was|were))\s+"
                            r"(?:[\w'’-]+\s+){0,4}[\w'’-]+\s*$", re.I)
_ON_THE_GROUND = re.compile(r"\b((?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?sources?\s+on\s+the\s+ground)\s*,?\s*$", re.I)
# a quotation closed right before the verb: the speaker is after it, never inside the quotation
_QUOTE_CLOSED = re.compile(r"\w[.,!?]?\s*[\"”]\s*,?\s*$")
_LINKS_ON = frozenset(("of", "and", "or", "from", "by", "with", "on", "in", "among", "to", "for", "at", "its", "their",
                       "his", "her", "the", "a", "an", "local", "own"))


def _clause_ends_before(text: str) -> bool:
    """Whether a name right after ``text`` starts a clause of its own: not the object of the clause before it
    ("relies on a network of activists said": "activists" is part of the clause)."""
    words = text.split()
    if words and words[-1].lower() == "the":  # the name's own article
        words.pop()
    return bool(words) and words[-1].lower() not in _LINKS_ON


def _blank(pattern: re.Pattern, text: str) -> str:
    """``text`` with ``pattern``'s matches turned to spaces, so that offsets stay as they were."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def attributions(sentence: str, country: str | None = None) -> list[Attribution]:
    """Every attribution in a sentence, in order."""
    v = vocabulary()
    known = [m for m in v.source_mentions(sentence, country)]
    out: list[Attribution] = []
    for m in CUE.finditer(sentence):
        cue = re.sub(r"\s+", " ", m.group().lower())
        s, e = m.start(), m.end()
        if cue not in FORWARD and m.group()[:1].isupper() and s > 0 and sentence[:s].strip():
            continue  # "REUTERS Rodi Said", "Minister Says Economy Lost": a name or a headline, no cue
        if cue in ("claiming", "claimed", "claims", "claim") and re.match(r"\s+(?:the\s+)?lives?\b", sentence[e:]):
            continue  # "claiming the lives of eight": the harm, not a claim
        if cue in ("reports", "report") and re.match(r"\s+(?:indicated|indicate|said|say|suggest|suggested|show|"
                                                     r"showed|put|claimed|claim)\b", sentence[e:]):
            continue  # "Initial reports indicated": the subject of the next cue
        noun = _REPORTS_NOUN.search(sentence[max(0, s - 30):e]) if cue in ("reports", "report") else None
        if noun and re.match(r"\s+(?:of|that|from|say|said|suggest)\b", sentence[e:]):
            # "Initial reports of 20+ killed": the reports, a noun here, are the source (not a speaker "Initial")
            phrase = re.sub(r"\s+", " ", noun.group().strip().lower())
            out.append(Attribution(phrase, s, e, noun.group().strip()))
            continue
        if cue in FORWARD:
            att = _forward(sentence, s, e, known, country)
        else:
            att = _backward(sentence, s, e, cue, known, country)
        if att is not None and not (cue.split()[0] in _RECOVERED and att.pronoun):  # "they had pulled": said before
            out.append(att)
    said = [a for a in out if sentence[a.cue_start:a.cue_end].lower().partition(" ")[0] not in _RECOVERED]
    return said or out  # who recovered bodies speaks only when no one in the sentence says so


# who recovers bodies counts them, when no one in the sentence says so: "rescuers have recovered 13 bodies"
_RECOVERED = frozenset(("recovered", "retrieved", "pulled"))


def _forward(sentence: str, s: int, e: int, known, country) -> Attribution | None:
    att = forward_speaker(sentence, s, e, known, country)
    if att is not None and re.match(r"(?i:citing|quoting)", sentence[s:e]) \
            and CUE.search(sentence[max(0, s - 40):s]):
        return dataclasses.replace(att, cited=True)  # "the Observatory said, citing medical sources"
    return att


def _backward(sentence: str, s: int, e: int, cue: str, known, country) -> Attribution | None:
    base = max(0, s - 160)
    if _QUOTE_CLOSED.search(sentence[base:s]):
        return inverted(sentence, s, e, cue, known, country)  # "\"... in the old market\" said X": X
    window = _blank(_POSTED, _blank(_CLAUSE, _blank(_ADVERBS, sentence[base:s])))
    if _NO_ONE.search(window):
        return None  # "No group has claimed the attack": no one speaks
    if re.search(r"\b(?:after|before|while|when)\s+$", window) and cue.endswith("ing"):
        opening = [k for k in known if k.start < 40]
        if opening:  # "The Syrian government protested, after claiming ...": the subject claims
            k = opening[0]
            return Attribution(k.label, s, e, sentence[k.start:k.end], known=True)
    office = _OFFICE_APPOSITION.search(window)
    if office:  # "Jasim al-Halbusi, the chairman of the Anbar council, said"
        got = speaker_of(office.group(1), country)
        if got:
            np = subject_before(window, office.start())
            return Attribution(got[0], s, e, office.group(1), known=got[1], person=np[1] if np else "")
    named = _NAME_APPOSITION.search(window)
    if named and not vocabulary().source_mentions(named.group(2), country):
        # "The chairman of the Anbar council, Jasim al-Halbusi, said": the office, not the person
        np = subject_before(window, named.start(2) - 2)
        if np is not None and any(re.sub(r"['’]s$|\.$", "", w.lower()) in _OFFICE_WORDS for w in np[1].split()):
            got = speaker_of(np[1], country)
            if got:
                return Attribution(got[0], s, e, np[1], known=got[1], person=named.group(2))
    rel = _RELATIVE.search(window)
    if rel and _PRONOUN.search(window[rel.start():].rstrip(" ,")):
        rel = None  # "... a leader in the town who is nicknamed X the source confirmed": "the source" speaks
    if rel and _BREAKDOWN_END.search(window[:rel.start()]) and any(
            k.start > base + rel.start() and k.end >= base + len(window.rstrip(" ,")) - 1
            and _clause_ends_before(window[:k.start - base]) for k in known):
        rel = None  # "... including a police officer who had joined the rebels the observatory said": a victim
        # described, then the body named last speaks
    if rel:  # "The Observatory, which has a network of sources in Syria, gave a toll"
        np = subject_before(window, rel.start())
        got = speaker_of(np[1], country) if np else None
        if got and (got[1] or any(w.lower() in HEADS for w in np[1].split())):
            return Attribution(got[0], s, e, np[1], known=got[1])
    bare = _BARE_APPOSITION.search(window)
    another = bare is not None and window[bare.end(1):].lower().startswith("another")
    if bare and not another and any(window[bare.end(1) + m.start:bare.end(1) + m.end][:1].isupper()
                    for m in vocabulary().source_mentions(window[bare.end(1):], country)):
        bare = None  # "... on Umayyad Square the official SANA news agency said": the description names the body
    if bare and not another and any(m.end >= len(window[bare.end(1):].rstrip()) - 1
                    for m in vocabulary().source_mentions(window[bare.end(1):], country)):
        bare = None  # "... landed on eastern Ghouta the observatory reported": the description is the speaker
        # (not "X another activist group said": "another" makes it X's description)
    if bare:
        got = speaker_of(bare.group(1), country)
        if got:
            return Attribution(got[0], s, e, bare.group(1).strip(), known=got[1])
    if cue == "saying" and re.search(r"\bas\s*$", window):  # "reported residents as saying"
        np = subject_before(window, len(window.rstrip()) - 2)
        if np is not None:
            got = speaker_of(np[1], country)
            if got:
                return Attribution(got[0], s, e, np[1], known=got[1])
    ground = _ON_THE_GROUND.search(window)
    if ground:  # "a source on the ground said": that source (not "the ground")
        got = speaker_of(ground.group(1), country)
        if got:
            return Attribution(got[0], s, e, ground.group(1).strip(), known=got[1])
    tracking = _TRACKING.search(window)
    if tracking:  # "a group tracking the violence said": the group (a body the report names, see cand_source)
        got = speaker_of(tracking.group(1), country)
        if got:
            return Attribution(got[0], s, e, tracking.group(1), known=got[1])
    window = _blank(_APPOSITION, window)
    before = window.rstrip(" ,")
    end = base + len(before)
    pm = _PRONOUN.search(before)
    if pm and re.search(r"\b(?:at|in|of|from)\s+$", before[:pm.start(1)]):
        pm = None  # "a source at the Police Command told": a place in the speaker's phrase, no pronoun
    cands = [k for k in known if end - 2 <= k.end <= end + 1]
    if cands:
        k = cands[-1]
        np = subject_before(sentence, end)
        if np and np[0] <= k.start and len(np[1]) > k.end - k.start + 2 and not v_only_known(np[1]) \
                and _modifiers_only(sentence[np[0]:k.start]):
            got = speaker_of(np[1], country)  # "police and hospital officials": the whole phrase
            if got:
                return Attribution(got[0], s, e, np[1], known=got[1])
        return Attribution(k.label, s, e, sentence[k.start:k.end], known=True, also=joint_source(known, k, sentence))
    if pm:
        return Attribution(re.sub(r"\s+", " ", pm.group(1).lower()), s, e, pm.group(1), pronoun=True)
    np = subject_before(sentence, end)
    if np is not None and _OBJECT_OF.search(sentence[max(0, np[0] - 40):np[0]]) \
            and not any(np[0] <= k.start < np[0] + len(np[1]) for k in known) \
            and not any(w.lower() in HEADS for w in np[1].split()):
        np = None  # "the toll from the strike on the stronghold of Urum al-Joz reported": a name after "of", no speaker
    if np is not None:
        got = speaker_of(np[1], country)
        ahead = [k for k in known if np[0] - 30 <= k.end <= np[0] and _GENERIC_AFTER_NAME.fullmatch(sentence[k.end:np[0]])]
        if ahead and _GENERIC_HEAD.search(np[1]) and _GENERIC_HEAD.search(np[1]).end() == len(np[1]):
            k = ahead[0]  # "SANA regime news agency reported": the body named before its description
            return Attribution(k.label, s, e, sentence[k.start:k.end], known=True)
        if got:
            return Attribution(got[0], s, e, np[1], known=got[1])
    far = list(_TITLE_OF.finditer(sentence[base:s]))
    if far:
        office = f"{far[-1].group(1)} of {far[-1].group(2)}"
        return Attribution(office, s, e, office)
    office = _OFFICE_OF_BODY.search(window)
    if office:  # "Karim Haddad the director of a clinic in the east told ...": the clinic director
        got = speaker_of(office.group(1), country)
        if got:
            return Attribution(got[0], s, e, office.group(1), known=got[1])
    return inverted(sentence, s, e, cue, known, country)


def _modifiers_only(words: str) -> bool:
    """Whether the words before a known source only qualify it ("police and hospital", "Iraqi"), not
    name something else ("the Salah al-Din district of Aleppo")."""
    for w in re.findall(r"[\w'’.-]+", words):
        lw = re.sub(r"['’]s$", "", w.lower())
        if not (lw in HEADS or lw in MODIFIERS or lw in ("and", "the", "a", "an", "of") or _national(lw)
                or _HYPHEN_QUALIFIER.fullmatch(lw)):
            return False
    return True


_HYPHEN_QUALIFIER = re.compile(r"[a-z]+-(?:run|based|led|backed|controlled|owned|affiliated|linked|funded|held)")


def v_only_known(phrase: str) -> bool:
    """Whether a phrase is no more than one known source ("the Syrian Observatory")."""
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I)
    found = vocabulary().source_mentions(phrase)
    return bool(found) and found[0].end - found[0].start >= len(phrase) - 2


def person_only(att: Attribution) -> bool:
    """A speaker named by a person's name alone ("Obeid said"): the office named earlier may stand for it."""
    return not att.known and not att.pronoun and is_person_name(att.raw)
