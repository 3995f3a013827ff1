"""Who an incident is blamed on: the sources' weighted choice among the parties its claims name.

Each source group (:mod:`.sources`: re-reports of one source count once) casts one vote,
split evenly among the parties its claims name, weighted by the kind of source it is:

- an independent source (monitor, UN/NGO, medical, rescuers, activists, local people):
  :data:`INDEPENDENT_WEIGHT`;
- a news outlet, the reporter, an unattributed report, an official speaking for no
  belligerent: :data:`RELAY_WEIGHT` (news copy relays others; it is no source of its own);
- a belligerent's voice (its command, ministry, state media): 1 for its own side, and
  :data:`RIVAL_VOICE_WEIGHT` for a rival (a belligerent blaming its enemy is a claim, not
  evidence).

A generic attacker ("a suicide bomber", "gunmen") counts only when no party is named at all.
A claim that calls the attacker contested votes for each party its sentence names ("either
Russian or regime warplanes"). The incident is blamed on the heaviest party and its allies;
a rival stays beside them when its weight is at least :data:`RIVAL_SHARE` of the
heaviest; a lighter rival (news copy or one report against several sources, often a
misread attacker) is left out and said in the reasons. The grade (:func:`graded`) still
weighs a rival that another belligerent's voice accuses: that is a competing claim.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..records import Claim
from ..vocab import names
from .sources import Source

INDEPENDENT_WEIGHT = 2.0
RELAY_WEIGHT = 0.5  # a news outlet, the reporter: relaying others, no source of its own
RIVAL_VOICE_WEIGHT = 0.5
RIVAL_SHARE = 0.5
INDEPENDENT = frozenset({"monitor", "un_ngo", "medical", "civil_defence", "activists", "local"})


@dataclass(frozen=True)
class Blame:
    """The parties an incident is blamed on (heaviest first) and the rivals left out."""

    parties: tuple[str, ...]
    outweighed: tuple[tuple[str, float, float, tuple[str, ...]], ...] = ()
    # (party, its weight, the heaviest party's weight, its claims)


def named(claim: Claim) -> list[str]:
    """The parties a claim blames: its perpetrator, or, when it says the attacker is contested,
    the parties its sentence names (generic attackers included, filtered later)."""
    who = names.actor(claim.perpetrator)
    if who is None:
        return []
    if who != "contested":
        return [who]
    text = claim.sentence
    found = names.vocabulary().actor_mentions(text)
    return list(dict.fromkeys(m.label for m in found if not _holding(text, m.start, m.end)))


# who holds the place hit, not who hit it: "rebel-held Idlib", "areas controlled by the government"
_HOLDS_AFTER = re.compile(r"\s*-\s*(?:held|controlled|run)\b|\s+(?:held|controlled)\s+(?:areas?|parts?|"
                          r"districts?|neighbou?rhoods?|towns?|villages?|territor(?:y|ies))\b", re.I)
_HELD_BY = re.compile(r"\b(?:held|controlled|run)\s+by\s+(?:the\s+)?$", re.I)


def _holding(text: str, start: int, end: int) -> bool:
    """The actor is named as the one holding the place ("rebel-held", "held by the regime")."""
    return bool(_HOLDS_AFTER.match(text, end) or _HELD_BY.search(text, 0, start))


def _generic(actor: str) -> bool:
    row = names.vocabulary().actor(actor)
    return row is not None and row.kind == "generic"


def _weight(group: Source, party: str) -> float:
    if group.belligerent is not None:
        own = names.compatible(group.belligerent, party) and party != "contested"
        return 1.0 if own else RIVAL_VOICE_WEIGHT
    kinds = {names.vocabulary().source_kind(c.source) for c in group.claims}
    return INDEPENDENT_WEIGHT if kinds & INDEPENDENT else RELAY_WEIGHT


def blame(claims: list[Claim], groups: list[Source] | None = None) -> Blame:
    """The weighted choice (module docstring). Without ``groups`` each claim's source is its
    own group (one vote per source name)."""
    if groups is None:
        by_name: dict[str, Source] = {}
        for c in claims:
            key = names.fold(c.source or "")
            by_name.setdefault(key, Source(c.source or "")).claims.append(c)
        for g in by_name.values():
            g.belligerent = next((b for c in g.claims if (b := names.belligerent(c.source))), None)
        groups = list(by_name.values())
    said = {id(c): named(c) for c in claims}
    mentioned = [p for c in claims for p in said[id(c)]]
    if not mentioned:
        return Blame(())
    parties = [p for p in mentioned if not _generic(p)] or mentioned
    order = {p: i for i, p in enumerate(dict.fromkeys(parties))}
    count = Counter(p for p in parties)
    weight: dict[str, float] = defaultdict(float)
    cited: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        votes = [p for c in g.claims for p in said.get(id(c)) or named(c) if p in order]
        if not votes:
            continue
        share = Counter(votes)
        total = sum(share.values())
        for p, n in share.items():
            weight[p] += _weight(g, p) * n / total
        for c in g.claims:
            for p in said.get(id(c)) or named(c):
                if p in order:
                    cited[p].append(c.id)
    ranked = sorted(order, key=lambda p: (-weight[p], -count[p], order[p]))
    top = ranked[0]
    kept, out = [top], []
    for p in ranked[1:]:
        if names.compatible(top, p) or weight[p] >= RIVAL_SHARE * weight[top]:
            kept.append(p)
        else:
            out.append((p, round(weight[p], 2), round(weight[top], 2),
                        tuple(dict.fromkeys(cited[p]))))
    return Blame(tuple(kept), tuple(out))


def outweighed_reasons(b: Blame) -> list[str]:
    """One reason per rival left out: who, on which claims, and the weights compared."""
    return [f"{p} also named as perpetrator but outweighed (weight {w:g} against {b.parties[0]}'s "
            f"{top:g}; claim{'s' if len(ids) > 1 else ''} {', '.join(ids[:6])})"
            for p, w, top, ids in b.outweighed]


def graded(b: Blame, claims: list[Claim]) -> list[str]:
    """The parties the grade weighs: the chosen ones, and a rival left out only when a voice of
    another belligerent accuses it (a competing claim of responsibility: Russia's ministry
    blaming the coalition). A rival that only news copy, a monitor's misread line or its own
    voice names is no competing claim."""
    out = list(b.parties)
    for party, *_ in b.outweighed:
        if any(party in named(c) and (voice := names.belligerent(c.source)) is not None
               and not names.compatible(voice, party) for c in claims):
            out.append(party)
    return out

