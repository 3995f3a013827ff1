"""Belligerent stances and the Airwars grade, with reasons in words.

Stances (per belligerent blamed, or speaking, in the incident):
- acknowledged: a source speaking for the belligerent gives a civilian figure
  (> 0, or vague) for harm it caused (or harm with no perpetrator named);
- denied: a source speaking for it says nobody (of a civilian group) was harmed
  (a zero claim with qualifier ``none``);
- no_comment: it is blamed, and nothing it said is in the claims.

Grade, first rule that holds (methodology.md 10.2):
- confirmed: a belligerent acknowledged civilian harm;
- discounted: the figures are all of combatants or security forces (none of civilians);
- discounted (another party most likely responsible), see :func:`other_party`: a party
  blamed for the incident is outweighed by another party that independent sources blame;
- contested: rival belligerents are blamed (two or more, or a claim says "contested"); a
  generic attacker ("a suicide bomber") beside a named party is no rival;
- fair: two or more independent sources and a belligerent's action declared or likely
  (named as perpetrator by a claim, or speaking about the incident);
- weak: otherwise (a single source, or no belligerent named).
"""
from __future__ import annotations

from collections import Counter

from ..records import Claim, Grade, Stance
from ..vocab import names
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


def perpetrators(claims: list[Claim]) -> list[str]:
    """Canonical perpetrators named, most named first ("contested" left out)."""
    counts = Counter(names.actor(c.perpetrator) for c in claims if c.perpetrator)
    counts.pop("contested", None)
    named = [p for p, _ in counts.most_common() if p is not None]
    known = [p for p in named if not generic(p)]
    return known if known else named


def generic(actor: str) -> bool:
    """A kind of attacker, not a party ("a suicide bomber", "gunmen"): it names nobody when a
    party is named beside it."""
    row = names.vocabulary().actor(actor)
    return row is not None and row.kind == "generic"


def stances(claims: list[Claim], blamed: list[str]) -> list[Stance]:
    found: dict[str, Stance] = {}
    for c in claims:
        who = names.belligerent(c.source)
        if who is None or c.victims not in CIVILIAN_GROUPS:
            continue
        accused = names.actor(c.perpetrator)
        if accused not in (None, who, "contested") and c.qualifier != "none":
            continue  # it blames someone else: not about its own conduct
        if c.qualifier == "none":
            found.setdefault(who, Stance(who, "denied", c.id))
        elif harm(c) and c.victims != "people":
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


def grade(claims: list[Claim], sources: list[Source], blamed: list[str],
          said: list[Stance]) -> tuple[Grade, list[str]]:
    """(grade, reasons)."""
    reasons: list[str] = []
    ack = [s for s in said if s.stance == "acknowledged"]
    if ack:
        who = ", ".join(s.belligerent for s in ack)
        return "confirmed", [f"{who} acknowledged civilian harm (claim {ack[0].claim_id})"]
    civil = [c for c in claims if c.victims in CIVILIAN_GROUPS and harm(c)]
    armed = [c for c in claims if c.victims in ARMED and harm(c)]
    if armed and not civil:
        groups = sorted({c.victims.replace("_", " ") for c in armed})
        return "discounted", [f"every figure is of {' and '.join(groups)}; "
                              "no claim reports civilians harmed"]
    other = other_party(sources, blamed, said)
    if other is not None:
        return "discounted", other[2]
    contested = any(names.actor(c.perpetrator) == "contested" for c in claims)
    if len(blamed) >= 2 or contested:
        rivals = ", ".join(blamed) if blamed else "more than one party"
        return "contested", [f"rival belligerents blamed: {rivals}"
                             + (" (a claim names rival candidates)" if contested else "")]
    harm_sources = [s for s in sources if any(harm(c) and c.victims in CIVILIAN_GROUPS
                                              for c in s.claims)]
    speaking = sorted({s.belligerent for s in said if s.stance != "no_comment"})
    n = len(harm_sources)
    names_ = ", ".join(s.name for s in harm_sources)
    if n >= 2:
        reasons.append(f"{n} independent sources report civilian harm ({names_})")
        if blamed:
            reasons.append(f"action by {', '.join(blamed)} named by the sources (likely)")
            return "fair", reasons
        if speaking:
            reasons.append(f"{', '.join(speaking)} spoke about the incident (declared)")
            return "fair", reasons
        reasons.append("no belligerent named, so its action is neither declared nor likely")
        return "weak", reasons
    if n == 1:
        return "weak", [f"a single source reports civilian harm ({names_})"]
    return "weak", ["no source reports civilian harm with a figure"]
