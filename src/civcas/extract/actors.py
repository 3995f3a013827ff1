"""Belligerents named in a sentence, and the part each plays there: acting, a target, or in passing.

Names come from the vocabulary (``civcas.vocab``), generic terms resolved for the report's country
("terrorists" are the rebels in a Syrian state-media report, and stay "terrorists" elsewhere). Who
caused a claim's harm is chosen later among candidates (:mod:`candidates`); this module only says
what each mention is.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..vocab import vocabulary
from .known import level_of
from .quick import led

ACTING, NEUTRAL, TARGET = 2, 1, 0
_JOINED = re.compile(r"\)?['’]?s?[\s-]+")  # a space, a hyphen, a possessive or a closing bracket between two words


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a sentence (offsets within it) and its role there."""

    start: int
    end: int
    label: str
    id: str
    role: int  # ACTING, NEUTRAL or TARGET
    generic: bool = False  # a term, not a name ("gunmen", "terrorists")


_TARGET_BEFORE = led(r"(?:against|targeting|targeted|on|of|from|fight(?:ing)?|battle|war|held\s+by|controlled\s+by|"
                            r"linked\s+to|affiliated\s+with|members\s+of|between|by\s+the\s+fight\s+against|ousted|"
                            r"retreat\s+of|defeat\s+of|expel(?:led)?|oust(?:ing)?|capture(?:d)?\s+from)\s+(?:the\s+)?$",
                            re.I)
_TARGET_AFTER = re.compile(r"^(?:'s|’s)?(?:\s*\([^()]{1,12}\))?[-\s]*(?:held|controlled|linked|affiliated|territory|territories|stronghold|"
                           r"strongholds|bastion|positions?|hideouts?|targets?|areas?|-run|camps?|training\s+camps?|"
                           r"bases?|checkpoints?|headquarters|loyalists|"
                           r"militants|fighters|jihadists|members|operatives|commanders?|leaders?|group's\s+last|"
                           r"suspects?)\b", re.I)
_AGENT_AFTER = re.compile(r"^(?:'s|’s)?[-\s]*(?:led\s+)?(?:coalition\s+)?(?:terrorist\s+|militant\s+|rebel\s+)?"
                          r"(?:car\s+bomb(?:s|ing)?|suicide\s+(?:bomber|bombing|attack)s?|mortar\s+(?:shells?|fire)|"
                          r"rocket\s+(?:shells?|fire)|explosive\s+devices?|air\s*strikes?|air\s+raids?|strikes?|raids?|jets?|"
                          r"warplanes?|aircraft|planes?|helicopters?|drones?|shelling|bombardment|bombing|artillery|"
                          r"forces|troops|army|rockets?|missiles?|shells|mortars?|fire|attack|assault|offensive|gunmen|"
                          r"bombers?|snipers?|gunfire|tanks?|militias?|"
                          r"(?:fighters|militants|gunmen|members|jihadists|insurgents|rebels|soldiers)\s+(?:\w+\s+)?"
                          r"(?:opened|stormed|attacked|shot|fired|shelled|struck|killed|bombed|executed|seized|captured|"
                          r"launched|detonated|targeted|hit|raided|ambushed|abducted|beheaded|massacred|"
                          # "a video showing IS fighters executing 25 soldiers": doing it, told in the -ing form
                          r"killing|shooting|firing|shelling|storming|attacking|executing|beheading|bombing|"
                          r"ambushing|massacring)|"
                          r"said\s+(?:it|its\s+(?:[\w-]+\s+)?(?:jets|warplanes|aircraft|forces|troops|planes|drones?))\s+"
                          r"(?:had\s+)?(?:struck|targeted|hit|carried\s+out|conducted|bombed|shelled)|"
                          # "IS reportedly killed", "gunmen then shot", "terrorists blew up a car bomb"
                          r"(?:(?:reportedly|allegedly|also|then|later|again)\s+)?(?:killed|struck|hit|"
                          r"launched|carried|fired|bombed|shelled|targeted|stormed|opened\s+fire|attacked|executed|"
                          r"shot|detonated|blew\s+up)|claimed\s+(?:responsibility|the)|"
                          # "rebels responded by firing rockets", "retaliated with shelling": they attacked
                          r"(?:responded|retaliated|hit\s+back)\s+(?:by|with)\b)", re.I)
# "a helicopter belonging to the regime", "warplanes of the Russian air force": whose weapon did it
_WEAPON_OF = re.compile(r"\b(?:war\s*planes?|planes?|jets?|aircraft|helicopters?|gunships?|drones?)\s+"
                        r"(?:belonging\s+to|operated\s+by|flown\s+by|of)\s+(?:the\s+)?$", re.I)
_DESCRIBES_AFTER = re.compile(r"^(?:'s|’s)?-(?:linked|affiliated|aligned|inspired|allied)\b", re.I)
_SUPPORTER_BEFORE = led(r"\b(?:backed|supported|funded|armed|trained|sponsored|supplied|allied|protected|guarded)\s+"
                               r"by\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?$", re.I)  # who supports, unless its jets act
_NOT_ACTING_BEFORE = re.compile(r"(?:\b(?i:held|controlled|run|besieged|surrounded|dominated)\s+(?i:by)\s+(?:(?i:the)\s+)?"
                                r"(?:[A-Z][\w-]*\s+)?"
                                r"|\b(?i:anti)-|\bTags(?:\s+[A-Z][\w-]*){0,6}\s+)$")
_NOT_ACTING_AFTER = re.compile(r"^(?:'s|’s)?[-\s]*(?:news\s+agency|media|mouthpiece|propaganda|-run\s+media|news|agency|"
                               r"television|radio|website|channel|agreement|deal|ceasefire|cease-fire|truce|talks|"
                               r"plan|proposal|initiative|embassy|diplomats?|envoy|brokered|sponsored|affiliate|branch|"
                               r"offshoot|franchise|ministry|ministers?|officials?|spokesman|spokesperson|"
                               r"foreign\s+minister|president|leader\s+said|hospitals?|border|province|city|town|"
                               r"side|soil|capital|citizens?|nationals?|people|refugees|authorities)\b", re.I)
# a place name before which stands a place word: "into Turkey", "the outskirts of Damascus" are places, no one acting
# a dateline: a city in capitals, maybe its country, then the agency in brackets or a dash ("MOSCOW (Sputnik)");
# (its first capital written "[A-Z](?<=\b[A-Z])": the engine skips to capitals)
_DATELINE = re.compile(r"([A-Z](?<=\b[A-Z])[A-Z]{2,}(?:[ -][A-Z]{2,})*)(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)*)?\s*(?:\([^()]{1,40}\)|[-—–:]\s)")
_CAPITAL_BEFORE = re.compile(r"\b(?:capital|city),?\s+$", re.I)  # "Syria's capital Damascus": the city
# "28 SDF troops", "dozens of IS fighters": a count of the group's men (who are not doing a deed: "three IS gunmen stormed")
_COUNTED_BEFORE = re.compile(r"(?:^|\s)(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens\s+of|"
                             r"scores\s+of|hundreds\s+of)\s+$", re.I)
_COUNTED_MEN = re.compile(r"^(?:'s|’s)?\s+(?:troops|fighters|soldiers|members|militants|servicemen|personnel|policemen|"
                          r"gunmen|jihadists|militiamen|commanders|officers|combatants|rebels|insurgents)\b"
                          r"(?!\s+(?:(?!(?:were|was|are|is|been|had|have|being)\b)\w+\s+)?(?:opened|stormed|attacked|shot|fired|shelled|struck|killed|bombed|executed|"
                          r"seized|captured|launched|detonated|targeted|hit|raided|ambushed|abducted|beheaded|massacred))",
                          re.I)
_OWNER_GAP = re.compile(r"(?:'s|’s)?\s+")
_NAME_GOES_ON = re.compile(r"\s+(?!(?:Governor|Mayor|Police|Media|Council|Province|Governorate)\b)[A-Z][a-z]{2,}")
_WHERE_BEFORE = led(r"\b(?:in|into|inside|to|towards?|from|near|outside|around|across|at|of|via|through|on|onto)\s+"
                           r"(?:the\s+)?(?:(?:north|south|east|west|central|rural|downtown|besieged|greater)\w*\s+)?$",
                           re.I)
# "Al-Shabaab, the al-Qaeda-affiliated group, claimed responsibility": who claims an attack did it
_CLAIMED_AFTER = re.compile(r"^(?:'s|’s)?(?:\s+(?:group|organi[sz]ation|militants|jihadists|movement))?(?:\s*,[^,.;]{3,80}?,?)?\s+(?:has\s+|had\s+|later\s+|reportedly\s+|allegedly\s+|quickly\s+|swiftly\s+|also\s+)*claimed\s+"
                            r"(?:responsib\w+|credit)", re.I)  # (copy misspells "responsibilty")
_ATTACK_WORD = led(r"(?:strikes?|raids?|jets|warplanes|aircraft|planes|bombing|shelling|bombardment|"
                          r"helicopters|drones?|missiles?|artillery|barrel\s+bombs?|rockets?|shells)$", re.I)
# "Nusra Front terrorist attacks", "IS assault": a named group's attacks (a general term's are no one's: "a terrorist attack")
_NAMED_ATTACKS = re.compile(r"(?:attacks?|assaults?|offensive|fire|gunfire|snipers?)$", re.I)
_AGAINST_NAMED = re.compile(r"\b(?i:against|targeting|fighting|toppled?|oust(?:ing)?)\s+(?:(?i:the)\s+)?"
                            r"(?:[A-Z][\w'-]*\s+){1,4}$")
_SAYS_AFTER = re.compile(r"^(?:'s|’s)?(?:\s+[\w-]+){0,2}?\s+(?:said|says|stated|announced|reported|told|claimed|agreed|"
                         r"warned|called|urged|denied|accused|condemned|spokesman|spokesperson)\b", re.I)
_BY = led(r"\b(?:by|blaming|blamed\s+on|accusing|accused|attributed\s+to|responsibility\s+(?:of|on)|"
                 r"(?:at|by)\s+the\s+hands\s+of)\s+"
                 r"(?:the\s+)?(?:a\s+)?(?:[\w-]+\s+){0,2}?$", re.I)


_CLAIMED_ATTACK = re.compile(r"^(?:'s|’s)?(?:\s+group)?(?:\s*,[^,.;]{3,80}?,?)?\s+(?:has\s+|had\s+|later\s+|reportedly\s+|allegedly\s+|quickly\s+|swiftly\s+|also\s+)*claimed\s+"
                             r"(?:the|this|that|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's)?\s*"
                             r"(?:\w+\s+)?(?:attack|attacks|bombing|bombings|blast|blasts|explosion|strike|assault)\b", re.I)


def claims_after(sentence: str, end: int) -> bool:
    """Whether the actor named before ``end`` claims an attack ("IS, the jihadist group, claimed responsibility",
    "the Islamic State group claimed the bombing")."""
    after = sentence[end:end + 120]
    return bool(_CLAIMED_AFTER.match(after) or _CLAIMED_ATTACK.match(after))


def role(sentence: str, start: int, end: int) -> int:
    """ACTING ("Russian jets", "by the coalition"), TARGET ("IS positions", "against the regime") or NEUTRAL."""
    before = sentence[max(0, start - 40):start]
    after = sentence[end:end + 40]
    # the words before searched only when they hold a word the expression's every match holds (ASCII words, where
    # lower-casing is what case-insensitive matching does; others are searched as they are)
    low = before.lower() if before.isascii() else None
    if _held(low, ("by", "anti-", "tags")) and _NOT_ACTING_BEFORE.search(before) or _NOT_ACTING_AFTER.match(after):
        return TARGET
    if _DESCRIBES_AFTER.match(after):
        return TARGET  # "by al-Qaeda-linked Jabhat al-Nusra": a description of the group named after it
    if _COUNTED_MEN.match(after) and _COUNTED_BEFORE.search(before):
        return TARGET  # "28 SDF troops had been killed": the group's men are counted, not acting
    if _CLAIMED_AFTER.match(after if len(after) > 100 else sentence[end:end + 120]):
        return ACTING
    if sentence[start:end].lower().startswith(("rival", "warring")):
        return ACTING  # "fighting between rival armed groups": they did it
    if _ATTACK_WORD.search(sentence[start:end]):
        return ACTING
    if _AGENT_AFTER.match(after):
        return ACTING
    if _held(low, ("plane", "jet", "aircraft", "helicopter", "gunship", "drone")) and _WEAPON_OF.search(before):
        return ACTING
    if _held(low, ("by",)) and _SUPPORTER_BEFORE.search(before):
        return TARGET
    if _held(low, ("by", "blam", "accus", "attributed", "responsibility", "hands")) and _BY.search(before):
        return ACTING
    if _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(after) or (
            _held(low, ("against", "targeting", "fighting", "toppl", "oust")) and _AGAINST_NAMED.search(before)):
        return TARGET
    if _SAYS_AFTER.match(after):
        return TARGET  # a speaker: "Russia announced", "opposition forces stated that ..."
    return NEUTRAL


def _held(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether ``low`` (lower-cased words before a name) holds one of ``words``; True when unknown (None)."""
    if low is None:
        return True
    for w in words:
        if w in low:
            return True
    return False


def actor_mentions(sentence: str, country: str | None) -> list[ActorMention]:
    """Every actor named in ``sentence`` with its role; one mention per stretch of words."""
    v = vocabulary()
    out: list[ActorMention] = []
    bodies = [(b.start, b.end) for b in v.source_mentions(sentence, country)]
    datelines = [d.span() for d in _DATELINE.finditer(sentence) if level_of(d.group(1).title()) is not None]
    for m in v.actor_mentions(sentence, country):
        actor = v.actors[m.id]
        if any(bs <= m.start and m.end <= be and be - bs > m.end - m.start for bs, be in bodies):
            continue  # a word of a body's name ("the Syrian National Coalition", "Russian Defence Ministry")
        if any(_OWNER_GAP.fullmatch(sentence, m.end, bs) for bs, _be in bodies if m.end <= bs <= m.end + 4):
            continue  # "Turkey's Anadolu Agency", "Iran's Press TV": whose body speaks, no one acting
        if (_WHERE_BEFORE.search(sentence[max(0, m.start - 20):m.start])
                or _CAPITAL_BEFORE.search(sentence[max(0, m.start - 12):m.start])) and \
                level_of(sentence[m.start:m.end], country) in ("country", "province", "city"):
            continue  # "residents pouring into Turkey", "the outskirts of Damascus": a place
        if any(a <= m.start < b for a, b in datelines):
            continue  # "MOSCOW (Sputnik)", "DAMASCUS, Syria (AP) —": a dateline, where the story was filed
        if _NAME_GOES_ON.match(sentence, m.end) and level_of(sentence[m.start:m.end], country) in ("province", "city"):
            continue  # "the Damascus Opera House", "Aleppo University": a word of a place's or body's name
        generic = actor.kind == "generic"
        if not generic and out and not out[-1].generic and _JOINED.fullmatch(sentence, out[-1].end, m.start) \
                and actor.kind == "armed_group" and v.actor(out[-1].label) is not None \
                and v.actor(out[-1].label).kind == "armed_group" and out[-1].label != m.label \
                and v.allied(out[-1].label, m.label):
            # "Al-Nusra Al-Qaeda terrorists": the group, then the one it belongs or is allied to, as a description
            out[-1] = dataclasses.replace(out[-1], end=m.end)
            continue
        if generic and out and not out[-1].generic and _JOINED.fullmatch(sentence, out[-1].end, m.start):
            # "Islamic State militants", "Nusra Front terrorists": the term belongs to the name before it
            out[-1] = dataclasses.replace(out[-1], end=m.end, role=role(sentence, out[-1].start, m.end))
            if out[-1].role == NEUTRAL and _NAMED_ATTACKS.search(sentence, 0, m.end):
                out[-1] = dataclasses.replace(out[-1], role=ACTING)
            continue
        out.append(ActorMention(m.start, m.end, m.label, m.id, role(sentence, m.start, m.end),
                                generic=generic and m.label == actor.label))
    return out


_RIVAL_BETWEEN = re.compile(r"\bor\b|\beither\b|blamed|accused|denied|rather\s+than|not\s+(?:the\s+)?", re.I)


def combine(found: list[ActorMention], text: str) -> str | None:
    """One perpetrator from mentions near a claim: a name, "A and B" (allies acting together) or
    "contested" (rival candidates: "the coalition or Iraqi forces")."""
    v = vocabulary()
    names: list[str] = []
    for f in found:
        if f.label not in names:
            names.append(f.label)
    if not names:
        return None
    names = _specific(names)
    if len(names) == 1:
        return names[0]
    a = next(f for f in found if f.label in names)
    b = next(f for f in found if f.label in names and f.label != a.label)
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = text[first.end:second.start]
    if _RIVAL_BETWEEN.search(between) or re.search(r"\bor\b", text[max(0, first.start - 20):second.end]):
        return "contested"
    if (re.fullmatch(r"\s*(?:and|,|&)\s*(?:the\s+)?", between) or len(between) < 12) and v.allied(a.label, b.label):
        pair = sorted({a.label, b.label}, key=lambda n: (0 if v.actor(n) and v.actor(n).kind == "state"
                                                        and n.startswith("Syrian") else 1, n))
        return f"{pair[0]} and {pair[1]}"
    return first.label


def _specific(names: list[str]) -> list[str]:
    """Keep the specific names: "Nusra Front terrorists" is the Nusra Front; "the US-led coalition
    and the Pentagon" is the coalition (allies where one is the other's voice or part)."""
    v = vocabulary()
    out = []
    for n in names:
        a = v.actor(n)
        covered = False
        for m in names:
            if m == n:
                continue
            b = v.actor(m)
            if a is None or b is None:
                continue
            if a.kind == "generic" or v.side(m) == n:
                covered = True  # "terrorists" beside a named group; "rebels" beside "Nusra Front"
            elif {a.id, b.id} == {"us-coalition", "united-states"} and a.id == "united-states":
                covered = True  # the coalition's leader: one actor
        if not covered:
            out.append(n)
    return out or names[:1]
