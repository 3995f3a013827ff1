"""Who caused the harm: named belligerents near the figure, joint or rival."""
from __future__ import annotations

import re
from functools import lru_cache

_PERP = [
    (r"us-led|u\.s\.-led|washington-led|international coalition|anti-(?:is|isis|isil|jihadist) coalition|coalition (?:air ?strikes?|strikes?|raids?|jets|warplanes|aircraft|planes|bombing|forces)|\bcoalition\b", "US-led coalition"),
    (r"\b(?:us|u\.s\.|american|america's|united states)\s+(?:drone|air ?strikes?|strikes?|raids?|jets|warplanes|aircraft|military|forces|troops|missiles?|cruise missiles?|bombers?)|\bthe americans\b|\bpentagon\b|\bwashington\b", "United States"),
    (r"russian|\brussia\b|moscow", "Russia"),
    (r"\bregime\b|government (?:forces|troops|shelling|warplanes|aircraft|helicopters|bombardment|air ?strikes?|strikes?|raids?|jets|barrel)|pro-government|pro-regime|syrian (?:army|troops|forces|warplanes|jets|aircraft|air force|government|military(?! conflict| crisis| war)|helicopters|artillery)|\bthe army\b|army units|armed forces|barrel bombs?|assad(?:'s)? forces|loyalist|damascus", "Syrian government forces"),
    (r"islamic state|\bisis\b|\bisil\b|\bis\b(?= (?:group|fighters|militants|jihadists|attack|suicide|car|forces|gunmen|terrorists|claimed|has|had|was|killed|launched|seized|executed))|\bdaesh\b", "Islamic State"),
    (r"(?:jabhat\s+)?(?:al-)?nusra(?:\s+front)?|jabhat|fateh al-sham|fatah al-sham|hayat tahrir|\bhts\b", "Nusra Front"),
    (r"jaysh al-islam|jaish al-islam", "Jaysh al-Islam"),
    (r"jaish al-fatah|jaysh al-fatah|army of conquest", "Jaish al-Fatah"),
    (r"al-qaeda|al qaeda|qaeda", "Al-Qaeda"),
    (r"turkish|\bturkey\b|ankara", "Turkey"),
    (r"israeli|\bisrael\b", "Israel"),
    (r"iraqi (?:forces|troops|army|aircraft|jets|security forces|warplanes|military|air force)|iraq's (?:military|army|forces|air force)", "Iraqi forces"),
    (r"kurdish(?:-led)? (?:forces|fighters|militia|militiamen|units)|\bypg\b|\bsdf\b|syrian democratic forces", "Kurdish forces"),
    (r"\brebels?\b(?!-held)|opposition (?:fighters|forces|groups|shelling)|insurgents?|terrorists?|terrorist (?:groups?|organi[sz]ations?|attacks?)|armed groups|militants'? (?:rockets|shells|shelling|mortars)", "rebels"),
    (r"hezbollah", "Hezbollah"),
]
# names start at a word boundary: the engine then skips mid-word positions (a large speed-up on long texts)
_PERP_RE = re.compile(r"(?<!\w)(?=\w)(?:" + "|".join(f"(?P<g{i}>{p})" for i, (p, _n) in enumerate(_PERP)) + ")", re.I)
_NAMES = [n for _p, n in _PERP]


@lru_cache(maxsize=1024)
def _mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(mentions_uncached(text))


def mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each belligerent named in text (cached per text)."""
    return list(_mentions(text))


def mentions_uncached(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each belligerent named in text."""
    out = []
    for m in _PERP_RE.finditer(text):
        idx = int(m.lastgroup[1:])
        name = _NAMES[idx]
        if name == "Syrian government forces" and m.group().lower() == "damascus":
            continue
        out.append((m.start(), m.end(), name))
    # "US-led coalition" is also matched as "coalition": keep one per place
    return out


def combine(found: list[tuple[int, int, str]], text: str) -> str | None:
    """One perpetrator from the mentions near a claim: a name, "A and B" (joint) or "contested" (rivals)."""
    names: list[str] = []
    for _s, _e, n in found:
        if n not in names:
            names.append(n)
    if not names:
        return None
    if set(names) == {"US-led coalition", "United States"}:  # the coalition's leader: one actor
        return "US-led coalition"
    specific = [n for n in names if n in _SPECIFIC_REBELS]
    if len(specific) == 1 and set(names) == {specific[0], "rebels"}:  # "Nusra Front terrorists": the group
        return specific[0]
    if len(names) == 1:
        return names[0]
    a, b = found[0], next(f for f in found if f[2] != found[0][2])
    between = text[a[1]:b[0]].lower()
    if re.search(r"\bor\b|\beither\b|blamed|accused|denied", between) or re.search(r"\bor\b", text[max(0, a[0] - 20):b[1]].lower()):
        return "contested"
    if (re.fullmatch(r"\s*(?:and|,)\s*", between) or len(between) < 12) and frozenset((a[2], b[2])) in _ALLIES:
        pair = sorted({a[2], b[2]}, key=lambda n: (0 if n == "Syrian government forces" else 1, n))
        return f"{pair[0]} and {pair[1]}"
    return names[0]


# sides that fight together: "Russian and regime warplanes" is one joint perpetrator; "IS and rebels" is not
_ALLIES = {frozenset(p) for p in (
    ("Syrian government forces", "Russia"), ("Syrian government forces", "Hezbollah"), ("Russia", "Hezbollah"),
    ("US-led coalition", "Iraqi forces"), ("US-led coalition", "Kurdish forces"), ("United States", "Iraqi forces"),
    ("United States", "Kurdish forces"), ("Turkey", "rebels"), ("Nusra Front", "rebels"),
    ("Nusra Front", "Jaish al-Fatah"), ("Jaish al-Fatah", "rebels"), ("Jaysh al-Islam", "rebels"),
)}


_TARGET_BEFORE = re.compile(r"(?:against|targeting|targeted|on|of|from|fight(?:ing)?|battle|war|held\s+by|controlled\s+by|linked\s+to|affiliated\s+with|members\s+of|between|by\s+the\s+fight\s+against)\s+(?:the\s+)?$", re.I)
_TARGET_AFTER = re.compile(r"^(?:'s)?[-\s]*(?:held|controlled|linked|affiliated|territory|territories|stronghold|strongholds|bastion|positions?|hideouts?|targets?|areas?|-run|camps?|headquarters|loyalists|militants|fighters|jihadists|members|group's\s+last)", re.I)
_AGENT_AFTER = re.compile(r"^(?:'s)?[-\s]*(?:led\s+)?(?:coalition\s+)?(?:terrorist\s+|militant\s+|rebel\s+)?(?:car\s+bomb(?:s|ing)?|suicide\s+(?:bomber|bombing|attack)s?|mortar\s+(?:shells?|fire)|rocket\s+(?:shells?|fire)|explosive\s+devices?|air\s*strikes?|strikes?|raids?|jets?|warplanes?|aircraft|planes?|helicopters?|drones?|shelling|bombardment|bombing|artillery|forces|troops|army|rockets?|missiles?|shells|mortars?|fire|attack|assault|offensive|gunmen|bombers?|said\s+(?:it|its\s+(?:[\w-]+\s+)?(?:jets|warplanes|aircraft|forces|troops|planes|drones?))\s+(?:had\s+)?(?:struck|targeted|hit|carried\s+out|conducted|bombed|shelled)|killed|struck|hit|launched|carried|fired|bombed|shelled|targeted)", re.I)


# "held by the Islamic State", "anti-Daesh raids", "the ISIS news agency": named, but not acting
_NOT_ACTING_BEFORE = re.compile(r"(?:\b(?i:held|controlled|run|besieged|surrounded)\s+(?i:by)\s+(?:(?i:the)\s+)?|\b(?i:anti)-"
                                r"|\bTags(?:\s+[A-Z][\w-]*){0,6}\s+)$")  # "Tags Syria Islamic State": page keywords
_NOT_ACTING_AFTER = re.compile(r"^(?:'s)?[-\s]*(?:news\s+agency|media|mouthpiece|propaganda|-run\s+media|news|agency|"
                               r"television|radio|website|channel|agreement|deal|ceasefire|cease-fire|truce|talks|"
                               r"plan|proposal|initiative|embassy|diplomats?|envoy|brokered|sponsored)\b", re.I)
_ATTACK_WORD = re.compile(r"(?:strikes?|raids?|jets|warplanes|aircraft|planes|bombing|shelling|bombardment|"
                          r"helicopters|drones?|missiles?|artillery|barrel\s+bombs?)$", re.I)
# "an uprising against President Bashar al-Assad's regime": a title and a name between
_AGAINST_NAMED = re.compile(r"\b(?i:against|targeting|fighting|toppled?|oust(?:ing)?)\s+(?:(?i:the)\s+)?(?:[A-Z][\w'-]*\s+){1,4}$")


def _agentive(sentence: str, start: int, end: int) -> int:
    """2: the mention acts ("Russian jets", "by the coalition"); 1: neutral; 0: a target or territory."""
    before = sentence[max(0, start - 40):start]
    after = sentence[end:end + 30]
    if _NOT_ACTING_BEFORE.search(before) or _NOT_ACTING_AFTER.match(after):
        return 0
    if _ATTACK_WORD.search(sentence[start:end]):  # the mention names the attack: "coalition bombing"
        return 2
    if re.search(r"\b(?:by|blaming|blamed\s+on|accusing)\s+(?:the\s+)?$", before, re.I) or _AGENT_AFTER.match(after):
        return 2
    if _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(after) or _AGAINST_NAMED.search(before):
        return 0
    if _SAYS_AFTER.match(after):  # "opposition forces stated that ...", "Russia announced a deal": a speaker
        return 0
    return 1


_SAYS_AFTER = re.compile(r"^(?:'s)?(?:\s+[\w-]+){0,2}?\s+(?:said|says|stated|announced|reported|told|claimed|agreed|warned|"
                         r"called|urged|spokesman|spokesperson)\b", re.I)


_SPECIFIC_REBELS = ("Nusra Front", "Jaysh al-Islam", "Jaish al-Fatah")


def specific_mentions(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop "Al-Qaeda" named beside Nusra ("Nusra Front, al-Qaeda's Syrian branch"): the group is the specific name."""
    nusra = [f for f in found if f[2] == "Nusra Front"]
    return [f for f in found if not (f[2] == "Al-Qaeda" and any(abs(f[0] - n[0]) < 60 for n in nusra))]


def refine_rebels(text: str) -> str | None:
    """The one specific rebel group a report blames, if it names just one as an actor.

    State media call every armed opponent "terrorists"; when the report names the
    group that acted (Nusra Front, Jaysh al-Islam ...) as the agent more than
    once, and no other group, that name is the perpetrator.
    """
    acting: dict[str, int] = {}
    for s, e, name in mentions(text):
        if name in _SPECIFIC_REBELS and _agentive(text, s, e) == 2:
            acting[name] = acting.get(name, 0) + 1
    named = [n for n, count in acting.items() if count >= 2]  # blamed again and again, not in passing
    return named[0] if len(acting) == 1 and named else None


def perpetrator_for(sentence: str, victim_span: tuple[int, int], claim_span: tuple[int, int]) -> tuple[str | None, bool]:
    """The perpetrator of a claim in its sentence (offsets within the sentence), and whether one was named."""
    found = [f for f in specific_mentions(mentions(sentence)) if not (victim_span[0] <= f[0] < victim_span[1])]
    ranked = [(f, _agentive(sentence, f[0], f[1])) for f in found]
    found = [f for f, a in ranked if a > 0]
    strong = [f for f, a in ranked if a == 2]
    if strong:
        found = strong
    if not found:
        return None, False
    # Rival sides blamed in one sentence: "... blamed on Russian or Syrian jets"
    if re.search(r"\b(?:either|or)\b", sentence) and len({f[2] for f in found}) > 1:
        near = sorted(found, key=lambda f: abs(f[0] - claim_span[0]))[:3]
        joined = combine(sorted(near), sentence)
        if joined == "contested":
            return joined, True
    near = sorted(found, key=lambda f: min(abs(f[0] - claim_span[0]), abs(f[0] - claim_span[1])))
    first = near[0]
    close = [f for f in near if abs(f[0] - first[0]) < 30]
    return combine(sorted(close), sentence), True


# "unclear whether the coalition or Iraqi forces were responsible": rival candidates for the harm
_RIVALS = re.compile(r"\b(?:whether|either|if)\b[^.;]{0,80}?\bor\b[^.;]{0,60}?\b(?:responsible|to\s+blame|carried\s+out|behind)\b"
                     r"|\bblamed\s+(?:it\s+)?on\b[^.;]{0,60}?\bor\b[^.;]{0,40}"
                     r"|\b(?:by|from)\s+(?:either\s+)?(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+or\s+(?:the\s+)?[\w.-]+\s+"
                     r"(?:warplanes|jets|aircraft|planes|forces|air\s+forces?|helicopters|drones?)\b", re.I)
_BLAME = re.compile(r"\b(?:blam(?:ed|ing)|accus(?:ed|ing)|attributed|responsib\w+)\b", re.I)


def document_agent(text: str) -> str | None:
    """The belligerent a report names as acting most often (ties: the first), for claims that name none.

    Only mentions that act ("Russian jets", "by the regime", "blamed on the army")
    count; a name in passing or as a target does not.
    """
    if _RIVALS.search(text):
        for m in _RIVALS.finditer(text):
            names = {n for _s, _e, n in mentions(m.group())}
            if len(names) > 1:
                return "contested"
    counts: dict[str, int] = {}
    for s, e, name in mentions(text):
        strong = _agentive(text, s, e) == 2 or _BLAME.search(text[max(0, s - 30):s])
        if strong:
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts, key=counts.get)  # dicts keep first-seen order: ties go to the first



def acting_in(sentence: str) -> str | None:
    """The one belligerent a sentence names as acting ("A Syrian regime warplane struck a market"), else None."""
    acting = {name for s, e, name in mentions(sentence) if _agentive(sentence, s, e) == 2}
    return acting.pop() if len(acting) == 1 else None
