"""Belligerent stances and the Airwars grade, with reasons in words.

Stances (per belligerent blamed, or speaking, in the incident):
- acknowledged: a source speaking for the belligerent (its command, ministry,
  spokesman, state media: the vocabulary's voices) gives a civilian figure (> 0, or
  vague) for harm the claim blames on the belligerent ITSELF, in a sentence that owns
  the act or concedes it ("its strike killed", "acknowledged", "regrets"). A voice
  reporting harm by someone else or by no one named, a rival's word, a monitor or a
  news outlet is never an acknowledgment; "investigating reports" is neither an
  acknowledgment nor a denial;
- denied: a source speaking for it says nobody (of a civilian group) was harmed
  (a zero claim with qualifier ``none``) by it or by no one named;
- no_comment: it is blamed, and nothing it said is in the claims.

Grade, first rule that holds (methodology.md 10.2):
- confirmed: a belligerent acknowledged civilian harm;
- discounted: the figures are all of combatants or security forces (none of civilians);
- discounted (another party most likely responsible), see :func:`other_party`: a party
  blamed for the incident is outweighed by another party that independent sources blame;
- contested: rival belligerents are blamed (two or more, or a claim says "contested"); a
  generic attacker ("a suicide bomber") beside a named party is no rival;
- fair: two or more independent sources (speaking for no belligerent) and a belligerent's
  action declared or likely
  (named as perpetrator by a claim, or speaking about the incident);
- weak: otherwise (a single source, or no belligerent named).
"""
from __future__ import annotations

import re
from collections import Counter

from ..records import Claim, Grade, Stance
from ..vocab import names
from .blame import blame
from .sources import Source

CIVILIAN_GROUPS = ("civilians", "children", "women", "men", "people")
ARMED = ("combatants", "security_forces")


def harm(c: Claim) -> bool:
    """The claim says someone was harmed (a figure above zero, or a vague one)."""
    if c.qualifier == "none":
        return False
    if c.qualifier == "vague":
        return True
    top = c.high if c.high is not None else c.low
    return top is not None and top > 0


def named_parties(claims: list[Claim]) -> list[str]:
    """Every canonical perpetrator named, most named first ("contested" left out): the parties
    the grade weighs (a rival blamed by anyone makes the grade contested or discounted)."""
    counts = Counter(names.actor(c.perpetrator) for c in claims if c.perpetrator)
    counts.pop("contested", None)
    named = [p for p, _ in counts.most_common() if p is not None]
    known = [p for p in named if not generic(p)]
    return known if known else named


def perpetrators(claims: list[Claim], groups: list[Source] | None = None) -> list[str]:
    """The parties the incident is blamed on, heaviest first: the sources' weighted choice
    (:mod:`.blame`; a rival named by too few sources is left out)."""
    return list(blame(claims, groups).parties)


def generic(actor: str) -> bool:
    """A kind of attacker, not a party ("a suicide bomber", "gunmen"): it names nobody when a
    party is named beside it."""
    row = names.vocabulary().actor(actor)
    return row is not None and row.kind == "generic"


# what makes a belligerent's own figure an admission: it owns the act or says it concedes harm
ADMISSION = re.compile(
    r"\b(?:acknowledg\w*|admit\w*|conced\w*|regret\w*|apologi[sz]\w*|unintentional\w*|"
    r"inadvertent\w*|accept\w* responsibility|t(?:ake|ook|akes) responsibility|"
    r"claim\w* responsibility|(?:its|our) (?:own )?(?:air ?strikes?|strikes?|raids?|attacks?|"
    r"bombings?|shelling|operations?|forces|aircraft|jets|planes|drones?))\b", re.IGNORECASE)
# words of a belligerent that neither admit nor deny
PENDING = re.compile(r"\b(?:investigat\w*|look(?:ing)? into|review\w* (?:the )?reports?|"
                     r"assess\w* (?:the )?reports?|credib\w*)\b", re.IGNORECASE)


def admits(c: Claim, who: str) -> bool:
    """``c`` is the belligerent ``who`` (through a voice of its own) conceding civilian harm
    IT caused: the claim blames ``who`` itself, the victims are civilians, the figure is harm,
    and the sentence owns the act or concedes ("its strike killed", "acknowledged")."""
    return (names.actor(c.perpetrator) == who and c.victims in CIVILIAN_GROUPS and harm(c)
            and bool(ADMISSION.search(c.sentence)) and not PENDING.search(c.sentence))


def denies(c: Claim, who: str) -> bool:
    """``c`` is ``who`` saying no civilian was harmed by it (a zero claim of its own voice about
    harm it is blamed for or that names no one); "investigating reports" is no denial."""
    return (c.qualifier == "none" and c.victims in CIVILIAN_GROUPS
            and names.actor(c.perpetrator) in (None, who, "contested")
            and not PENDING.search(c.sentence))


def stances(claims: list[Claim], blamed: list[str]) -> list[Stance]:
    found: dict[str, Stance] = {}
    for c in claims:
        who = names.belligerent(c.source)
        if who is None:
            continue  # monitors, the UN, medics, rescuers, news outlets speak for no one
        if denies(c, who):
            found.setdefault(who, Stance(who, "denied", c.id))
        elif admits(c, who):
            found[who] = Stance(who, "acknowledged", c.id)  # a concession outranks a denial
    for b in blamed:
        found.setdefault(b, Stance(b, "no_comment", None))
    return sorted(found.values(), key=lambda s: (s.belligerent not in blamed, s.belligerent))


def independent_blame(sources: list[Source]) -> dict[str, list[Source]]:
    """Party -> the independent sources (not speaking for any belligerent) that blame it."""
    out: dict[str, list[Source]] = {}
    for s in sources:
        if s.belligerent is not None:
            continue  # a belligerent blaming its rival is a claim, not independent evidence
        for party in dict.fromkeys(names.actor(c.perpetrator) for c in s.claims):
            if party not in (None, "contested"):
                out.setdefault(party, []).append(s)
    return out


def other_party(sources: list[Source], blamed: list[str],
                said: list[Stance]) -> tuple[str, str, list[str]] | None:
    """(discounted party, party most likely responsible, reasons) or None.

    Conservative: a blamed party X is discounted in favour of another party Y only when
    - no independent source blames X (X is blamed only by belligerents, or appears only in
      its own denial) and at least two independent sources blame Y; or
    - X denied, at most one independent source blames X and at least three blame Y.
    Every other party blamed must be discounted in favour of the same Y; otherwise the
    incident stays contested. Independent = a source group not speaking for a belligerent.
    """
    if len(blamed) < 2:
        return None
    weight = independent_blame(sources)
    denied = {s.belligerent: s.claim_id for s in said if s.stance == "denied"}
    ranked = sorted(blamed, key=lambda p: (-len(weight.get(p, [])), blamed.index(p)))
    top, rest = ranked[0], ranked[1:]
    y = len(weight.get(top, []))
    if y < 2 or any(len(weight.get(p, [])) == y for p in rest):
        return None
    for x in rest:
        n = len(weight.get(x, []))
        if not (n == 0 or (x in denied and n <= 1 and y >= 3)):
            return None
    by_top = weight[top]
    top_claims = [c.id for s in by_top for c in s.claims if names.actor(c.perpetrator) == top]
    reasons = []
    for x in rest:
        xs = weight.get(x, [])
        if xs:
            against = (f"only 1 independent source blames {x} ({xs[0].name})")
        else:
            voices = sorted({s.name for s in sources if s.belligerent is not None
                             and any(names.actor(c.perpetrator) == x and c.qualifier != "none"
                                     for c in s.claims)})
            against = (f"no independent source blames {x}"
                       + (f" (only {', '.join(voices)})" if voices else ""))
        if x in denied:
            against += f", and {x} denied civilian harm (claim {denied[x]})"
        reasons.append(
            f"discounted for {x}: another party most likely responsible — {top} is blamed by "
            f"{y} independent sources ({', '.join(s.name for s in by_top)}; claims "
            f"{', '.join(top_claims)}); {against}")
    return ", ".join(rest), top, reasons


def cite(claims: list[Claim], most: int = 6) -> str:
    """"claim a" / "claims a, b, c (+2 more)": the claims a reason rests on."""
    ids = list(dict.fromkeys(c.id for c in claims))
    shown = ", ".join(ids[:most]) + (f" (+{len(ids) - most} more)" if len(ids) > most else "")
    return ("claim " if len(ids) == 1 else "claims ") + shown


def grade(claims: list[Claim], sources: list[Source], blamed: list[str],
          said: list[Stance]) -> tuple[Grade, list[str]]:
    """(grade, reasons); every reason names the claims it rests on."""
    reasons: list[str] = []
    ack = [s for s in said if s.stance == "acknowledged"]
    if ack:
        by_id = {c.id: c for c in claims}
        out = []
        for s in ack:
            c = by_id.get(s.claim_id or "")
            said_ = f": \"{c.sentence.strip()[:200]}\"" if c is not None else ""
            out.append(f"{s.belligerent} acknowledged civilian harm it caused "
                       f"(claim {s.claim_id}, {c.source if c else 'its own voice'}{said_})")
        return "confirmed", out
    civil = [c for c in claims if c.victims in CIVILIAN_GROUPS and harm(c)]
    armed = [c for c in claims if c.victims in ARMED and harm(c)]
    if armed and not civil:
        groups = sorted({c.victims.replace("_", " ") for c in armed})
        return "discounted", [f"every figure is of {' and '.join(groups)}; "
                              f"no claim reports civilians harmed ({cite(armed)})"]
    other = other_party(sources, blamed, said)
    if other is not None:
        return "discounted", other[2]
    contested = [c for c in claims if names.actor(c.perpetrator) == "contested"]
    if len(blamed) >= 2 or contested:
        rivals = ", ".join(blamed) if blamed else "more than one party"
        who = "; ".join(f"{p}: {cite([c for c in claims if names.actor(c.perpetrator) == p])}"
                        for p in blamed)
        return "contested", [f"rival belligerents blamed: {rivals}"
                             + (f" ({who})" if who else "")
                             + (f"; a claim names rival candidates ({cite(contested)})"
                                if contested else "")]
    # the independent side: sources that speak for no belligerent
    harm_sources = [s for s in sources if s.belligerent is None
                    and any(harm(c) and c.victims in CIVILIAN_GROUPS for c in s.claims)]
    speaking = sorted({s.belligerent for s in said if s.stance != "no_comment"})
    n = len(harm_sources)
    names_ = "; ".join(
        f"{s.name}: {cite([c for c in s.claims if harm(c) and c.victims in CIVILIAN_GROUPS])}"
        for s in harm_sources)
    if n >= 2:
        reasons.append(f"{n} independent sources report civilian harm ({names_})")
        if blamed:
            named = [c for c in claims if names.actor(c.perpetrator) in blamed]
            reasons.append(f"action by {', '.join(blamed)} named by the sources (likely; "
                           f"{cite(named)})")
            return "fair", reasons
        if speaking:
            spoke = [c for c in claims if names.belligerent(c.source) in speaking]
            reasons.append(f"{', '.join(speaking)} spoke about the incident (declared; "
                           f"{cite(spoke)})")
            return "fair", reasons
        reasons.append("no belligerent named, so its action is neither declared nor likely")
        return "weak", reasons
    if n == 1:
        return "weak", [f"a single source reports civilian harm ({names_}; independent)"]
    voices = [c for c in claims if names.belligerent(c.source) is not None]
    if voices:
        return "weak", ["no independent source reports civilian harm; only a belligerent's "
                        f"voice ({cite(voices)})"]
    return "weak", [f"no source reports civilian harm with a figure ({cite(claims)})"]
