"""Candidates for who caused a claim's harm: the actors its sentence names (alone, together, or as
rivals), the one blamed in the account it continues, the one the sentence before named as acting,
the one the report blames, the voice that reports its own harm, or no one."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from ..vocab import vocabulary
from .account import Account
from .actors import ACTING, NEUTRAL, TARGET, ActorMention, claims_after, combine
from .candidates import Candidate, bucket, distance, moved, speaker_spans
from .drafts import Draft
from .report import Report, Sentence
from .untied import other_day, unclaimed_attack


def _victims_side(d: Draft, m: ActorMention) -> bool:
    """Whether the claim's own words name the actor as the victims' side ("12 IS fighters")."""
    vs, ve = d.victim_span
    cs, ce = d.rel
    if vs <= m.start < max(ve, vs + 1):
        return True
    if max(ve, vs + 1) <= m.start < max(ve, vs + 1) + 40 and _OF_GAP.fullmatch(d.sentence.text[ve:m.start]):
        return True  # "fighters of IS", "soldiers from the regime", "members of the Al Qaeda-linked Nusra Front"
    return cs <= m.start < ce and d.victims in ("combatants", "security_forces")


def _grounded(label: str | None, by_air: bool) -> float:
    """1.0 when the harm came from the air and the actor has no aircraft (actors.toml ``air``): air
    strikes are never inherited by a party that cannot fly them."""
    actor = vocabulary().actor(label) if label and by_air else None
    return float(actor is not None and not actor.air)


def _planted(label: str | None, planted: bool, acting: list[ActorMention], named: dict, blamed: frozenset[str]) -> float:
    """1.0 when a bomb or blast did the harm, the sentence names no one (or only "a suicide bomber") and
    ``label`` — a party with aircraft (actors.toml ``air``) — is neither named there nor blamed for an
    attack anywhere in the report: the party of the report's air war did not plant it."""
    if not planted or label is None or any(not m.generic for m in acting) or label in named or label in blamed:
        return 0.0
    actor = vocabulary().actor(label)
    return float(actor is not None and actor.air)


def _single(label: str | None) -> bool:
    """Whether an actor is a term for one attack's attacker ("a suicide bomber"), not carried to other harm."""
    actor = vocabulary().actor(label) if label else None
    return actor is not None and not actor.carried


_OF_GAP = re.compile(r"\s*(?:of|from|with|loyal\s+to|من|التابعين\s+ل|التابعة\s+ل|"
                     # "130 fighters, mostly Houthis": who the victims were
                     r",?\s*(?:mostly|mainly|largely|most\s+of\s+them|all\s+of\s+them|many\s+of\s+them))?\s*(?:the\s+)?"
                     r"(?:(?:[A-Z][\w'’]*[\s-])*[\w'’]*-(?:linked|backed|affiliated|allied|led|inspired|aligned)\s+)?",
                     re.I)


def _blamed(report: Report, s: Sentence, m: ActorMention) -> bool:
    """Whether sentence ``s`` blames ``m`` for an attack or has it claim one ("officials blamed
    al-Qaeda", "IS claimed responsibility")."""
    return bool(report.reader.cues.blame.search(s.text[max(0, m.start - 30):m.start])) or claims_after(s.text, m.end)


def report_agents(report: Report) -> Counter:
    """How often the report names each actor as acting, blamed, or claiming an attack."""
    counts: Counter = Counter()
    for s in report.sentences:
        for m in s.actors:
            if m.role == ACTING or _blamed(report, s, m):
                counts[m.label] += 1
    return counts


_AWAY_AFTER = 1  # sentences after the claim's own that still tell its account
# a dateline opens the story proper after captions and summary bullets: "BEIRUT:", "KYIV, Ukraine (AP) —"
_DATELINE = re.compile(r"^[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+)*(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+)*)?\s*(?:\([^)]{1,30}\)\s*)?[:—–-]\s")


@lru_cache(maxsize=64)
def _acting_in_title(reader, title: str, country: str | None) -> frozenset[str]:
    """The actors a headline names as acting (read once per report, not once per claim)."""
    return frozenset(m.label for m in reader.actors(title, country) if m.role == ACTING) if title else frozenset()


def _in_own_account(report: Report, index: int, label: str) -> bool:
    """Whether the report ties ``label`` to the account sentence ``index`` belongs to (from the last
    sentence opening another event or place at or before it to the next one after it): blamed for or
    claiming an attack anywhere in it, or named (not as a target) in the headline, the report's opening, before the claim or in the
    sentence right after it. Acting only further on is another strike told next to this one."""
    sents = report.sentences
    start = max((s.index for s in sents[:index + 1] if s.new_event or s.elsewhere), default=0)
    end = next((s.index for s in sents[index + 1:] if s.new_event or s.elsewhere), len(sents))
    if label in _acting_in_title(report.reader, report.title, report.country):
        return True  # the headline names who did it ("Russian Forces Destroy ... Killing About 80")
    for s in (*sents[:1], *(s for s in sents[:start] if _DATELINE.match(s.text)), *sents[start:end]):
        near = s.index <= index + _AWAY_AFTER or s.index == 0 or bool(_DATELINE.match(s.text))
        for m in s.actors:
            if m.label == label and (m.role != TARGET and near or _blamed(report, s, m)):
                return True
    return False


def _acting_near(report: Report, index: int, label: str) -> bool:
    """Whether ``label`` acts in sentence ``index`` or in the two before it, with no other event or
    place opened between: the group the account itself names for its general term ("terrorists from
    X fired shells on the town. ... terrorists shelled the houses, killing a civilian")."""
    for s in reversed(report.sentences[max(0, index - 2):index + 1]):
        if any(m.label == label and m.role == ACTING for m in s.actors):
            return True
        if s.new_event or s.elsewhere:
            return False
    return False


def report_blamed(report: Report) -> frozenset[str]:
    """The actors the report says are blamed for, or claimed, an attack ("officials blamed al-Qaeda",
    "IS claimed responsibility")."""
    out = set()
    for s in report.sentences:
        for m in s.actors:
            if _blamed(report, s, m):
                out.add(m.label)
    return frozenset(out)


_CLAUSE_END = re.compile(r";|(?<![A-Z])\.(?=\s|$)")  # not the stops of "U.S." or "U.N."


def report_rivals(report: Report) -> dict[int, frozenset[str]]:
    """The sentences that name rival candidates for an attack ("unclear whether the coalition or ...",
    "X was responsible, but Y denied involvement"), each with the rivals it names."""
    v = vocabulary()
    out: dict[int, frozenset[str]] = {}
    cues = report.reader.cues
    # "the opposition accused government forces of gassing ..." and, anywhere in the report, the accused
    # rejecting it ("said the allegations were fabricated"): each side names the other (GUIDE: contested)
    rebutted = report.anywhere(cues, "rebuttal")
    gate = cues.gates.get("rivals")
    for s in report.sentences:
        found = list(cues.rivals.finditer(s.text)) if gate is None or gate.search(s.text) else []
        if rebutted:
            found += list(cues.accusation.finditer(s.text))
        for m in found:
            # the cue and the names around it, within its clause
            clause = _CLAUSE_END.split(s.text[m.start():m.start() + 200])[0]
            before = _CLAUSE_END.split(s.text[max(0, m.start() - 120):m.start()])[-1]
            named = frozenset(x.label for x in v.actor_mentions(before + clause, report.country))
            if len(named) > 1:
                out[s.index] = out.get(s.index, frozenset()) | named
    return out


class ReportActors(NamedTuple):
    """What the whole report says of its actors, read once per report for every claim's perpetrator."""

    agents: Counter  # how often each actor is named acting, blamed or claiming (report_agents)
    rivals: dict[int, frozenset[str]]  # sentences naming rival candidates (report_rivals)
    blamed: frozenset[str]  # blamed for, or claiming, an attack (report_blamed)
    accused: frozenset[str]  # accused in a rebutted charge that opens the report (report_accused)


def report_actors(report: Report) -> ReportActors:
    return ReportActors(report_agents(report), report_rivals(report), report_blamed(report), report_accused(report))


_OPENING = 3  # the sentences that open a report (the headline's line, the lead): what it is about


def report_accused(report: Report) -> frozenset[str]:
    """The sides a rebutted accusation that opens the report names ("the opposition accused government forces
    of gassing ...", the government calling it fabricated): the report is about a contested attack, and
    none is named for its harm on that charge alone in the claims that name no one of their own. A charge
    further on is backstory ("X has accused Y of being behind that attack"), not this report's news."""
    cues = report.reader.cues
    if not report.anywhere(cues, "rebuttal"):
        return frozenset()
    return frozenset(m.label for s in report.sentences[:_OPENING] if s.has(cues, "accusation")
                     for m in s.actors if _accused(report, s, m))


# "three people were killed in a Russian airstrike", "41 civilians in coalition air raids": the words between a
# figure and the attack that caused it
_MEANS_GAP = re.compile(r"\s*(?:(?:were|was|have|has|had|been|reportedly|also|all|later|killed|wounded|injured|dead|died)\s+)*"
                        r"(?:in|by|during|from|under)\s+(?:(?:a|an|the|two|three|several|repeated|heavy|intense|suspected|"
                        r"fresh|new|separate|overnight|latest|apparent)\s+)*", re.I)


def _means_of(text: str, end: int, m: ActorMention) -> bool:
    """Whether ``m`` names the attack the figure ending at ``end`` died or was hurt in ("killed in a Russian
    airstrike"): the harm's own means, the strongest word a sentence has on who did it."""
    return 0 <= m.start - end <= 60 and bool(_MEANS_GAP.fullmatch(text, end, m.start))


def _accused(report: Report, sent, m: ActorMention) -> bool:
    """Whether ``m`` is the side an accusation of the sentence names ("the opposition accused government
    forces of gassing ...") in a report where the accused reject it: one side's charge, not the
    article's finding."""
    cues = report.reader.cues
    if not sent.has(cues, "accusation") or not report.anywhere(cues, "rebuttal"):
        return False
    return any(a.start() <= m.start < a.end() for a in cues.accusation.finditer(sent.text))


def _rivals_named(index: int, own: set[str], acting: bool, rivals: dict[int, frozenset[str]]) -> bool:
    """Whether the rivals for the harm of sentence ``index`` are named there or just after: that
    sentence (naming no side of its own, or only rivals), the next one when it names no side, or one of
    the next two when all the sides it names are among the rivals ("an attack that claimed 20 lives
    ... Russia denies involvement and suggests the opposition or a US drone")."""
    for j in (index, index + 1, index + 2):
        named = rivals.get(j)
        if named is None:
            continue
        if own and own <= named or not own and not acting and j <= index + 1:
            return True
    return False


_LATER = 3  # sentences after the next one in which a claim of "the attack" still tells who did this harm


def _claimed_later(report: Report, index: int) -> tuple[str, float, str] | None:
    """The one party the sentence after ``index`` blames for an attack or has claim one, or, failing that, one
    that claims or is blamed for "the attack" in the next sentences of the account ("In an online statement, IS
    claimed responsibility for the attack"): (label, 1.0 when further than the next sentence, the sentence)."""
    cues = report.reader.cues
    for s in report.sentences[index + 1:index + 2 + _LATER]:
        if s.new_event or s.elsewhere:
            return None
        far = s.index > index + 1
        named = {m.label for m in s.actors if not m.generic and _blamed(report, s, m)} if (
            not far or s.has(cues, "attack_ref")) else set()
        if len(named) == 1:
            return named.pop(), float(far), s.text
        if named or s.casualty and s.has(cues, "an_attack"):
            return None  # "the attack" after "where a chemical attack killed 90" is that attack
    return None


def actor_candidates(d: Draft, report: Report, acc: Account, source: str | None, told: ReportActors,
                     place: str | None = None) -> list[Candidate]:
    """Every perpetrator the report offers for ``d``; ``told``: what the whole report says of its actors."""
    agents, rivals, blamed, accused = told
    sent = d.sentence
    rel = d.rel
    cues = report.reader.cues
    out: list[Candidate] = []
    fighting = sent.has(cues, "fighting")
    by_air = sent.has(cues, "by_air")
    planted = sent.has(cues, "planted")
    mentions = [m for m in sent.actors if not (d.victim_span[0] <= m.start < d.victim_span[1])]
    # no one claimed the attack: an actor carried from elsewhere in the report is not named for it (GUIDE)
    unclaimed = unclaimed_attack(report, sent.index)
    by_label: dict[str, list[ActorMention]] = {}
    for m in mentions:
        by_label.setdefault(m.label, []).append(m)
    acting = [m for m in mentions if m.role > TARGET and not _victims_side(d, m)]
    acting_labels = {m.label for m in acting}
    # harm in fighting to one side's men ("numbers of terrorists were killed in the clashes"): the one side named
    # as their opponent did it (GUIDE: the only opposing side named in that battle)
    sides_hit = {vocabulary().side(m.label) for m in sent.actors if _victims_side(d, m)} if fighting else set()

    def opposes(label: str | None) -> float:
        v = vocabulary()
        return float(len(sides_hit) == 1 and label is not None and v.side(label) not in sides_hit
                     and not any(v.allied(label, o) for o in sides_hit))

    def grounded(label: str | None) -> float:
        """Harm from the air carried to a party without aircraft, unless the sentence names it doing it."""
        return 0.0 if label in acting_labels else _grounded(label, by_air)
    joined = None
    if len({m.label for m in acting}) > 1:
        near = sorted(acting, key=lambda m: distance((m.start, m.end), rel))[:3]
        joined = combine(sorted(near, key=lambda m: m.start), sent.text)
        if joined == "contested":  # "the coalition or Iraqi forces": neither alone is named for it
            rivals_here = {m.label for m in near}
            by_label = {k: v for k, v in by_label.items() if k not in rivals_here}
    near = sorted(acting, key=lambda m: distance((m.start, m.end), rel))[:3]
    first = min((m.start for m in near), default=0)  # allies acting together ("Russian and regime jets")
    allied = (joined is not None and joined != "contested" and " and " in joined and not fighting
              and "between" not in sent.text[max(0, first - 60):first]  # not fighting "between" them
              and not any(_victims_side(d, m) or "'s" in sent.text[m.end - 2:m.end + 2].replace("’", "'")
                          for m in near))  # neither the victims' side nor the other's owner ("X, Y's branch")
    ranked = sorted(by_label, key=lambda lab: min(distance((m.start, m.end), rel) for m in by_label[lab]))
    speaking = speaker_spans(sent)
    for rank, label in enumerate(ranked):
        ms = by_label[label]
        best = max(ms, key=lambda m: (m.role, -distance((m.start, m.end), rel)))
        f = {"m": 1.0, "m.nearest": float(rank == 0), "m.dist": min(distance((best.start, best.end), rel), 300) / 100,
             f"m.role.{best.role}": 1.0, "m.before": float(best.end <= rel[0]), "m.generic": float(best.generic),
             "m.victims": float(any(_victims_side(d, m) for m in ms)), "m.fighting": float(fighting),
             "m.many": float(len(by_label) > 1), "m.cumulative": float(d.scope == "cumulative"),
             "m.speaker": float(all(any(s <= m.start < e for s, e in speaking) for m in ms)),
             "m.accused": float(any(_accused(report, sent, m) for m in ms)),
             "m.means": float(any(m.role == ACTING and _means_of(sent.text, rel[1], m) for m in ms)),
             "m.in_join": float(allied and label in joined.split(" and "))}
        out.append(Candidate(label, "this sentence", f, sent.text[best.start:best.end]))
    if joined is not None:
        if joined not in by_label:
            f = {"join": 1.0, "join.contested": float(joined == "contested"), "join.fighting": float(fighting),
                 "join.allied": float(allied)}
            out.append(Candidate(joined, "this sentence, together", f, ", ".join(sent.text[m.start:m.end] for m in near)))
    if acc.perpetrator is not None:
        back = sent.index - acc.perpetrator.sentence
        f = {"acc": 1.0, f"acc.back.{bucket(back, (0, 1, 2, 4))}": 1.0, "acc.fighting": float(fighting),
             "acc.new_event": float(acc.new_event_at > acc.perpetrator.sentence or sent.elsewhere),
             "acc.victims": float(any(m.label == acc.perpetrator.value and _victims_side(d, m) for m in sent.actors)),
             "acc.has_own": float(bool(acting)), "acc.cumulative": float(d.scope == "cumulative"),
             "acc.breakdown": float(d.breakdown), "acc.moved": float(moved(place, acc.perpetrator.place)),
             "acc.single": float(_single(acc.perpetrator.value)), "acc.grounded": grounded(acc.perpetrator.value),
             "acc.planted": _planted(acc.perpetrator.value, planted, acting, by_label, blamed),
             "acc.unclaimed": float(unclaimed), "acc.accused": float(acc.perpetrator.value in accused),
             "acc.opponent": opposes(acc.perpetrator.value),
             "acc.other_day": float(other_day(sent, acc.perpetrator.day))}
        out.append(Candidate(acc.perpetrator.value, "the account before", f, acc.perpetrator.how))
    if acc.last_actor is not None and acc.last_actor.sentence == sent.index - 1:
        f = {"prev": 1.0, "prev.attack": float(sent.has(cues, "the_attack")), "prev.has_own": float(bool(acting)),
             "prev.fighting": float(fighting), "prev.single": float(_single(acc.last_actor.value)),
             "prev.grounded": grounded(acc.last_actor.value),
             "prev.planted": _planted(acc.last_actor.value, planted, acting, by_label, blamed),
             "prev.unclaimed": float(unclaimed), "prev.accused": float(acc.last_actor.value in accused)}
        out.append(Candidate(acc.last_actor.value, "the sentence before", f, acc.last_actor.how))
    claimant = _claimed_later(report, sent.index) if d.scope == "incident" else None
    if claimant is not None:  # "..., the Observatory said, blaming the attack on forces loyal to Assad"
        label, far, text = claimant
        out.append(Candidate(label, "blamed in the next sentence", {"next": 1.0, "next.blamed": 1.0, "next.far": far,
                                                                    "next.has_own": float(bool(acting))}, text[:60]))
    total = sum(agents.values())
    if total:
        # the report's main actor; one that claims or is blamed for the attack before one merely named acting
        ranked_agents = agents.most_common()
        top = ranked_agents[0]
        label, count = next(((lab, n) for lab, n in ranked_agents if lab in blamed and n >= top[1] - 1), top)
        f = {"doc": 1.0, "doc.share": count / total, f"doc.count.{bucket(count, (1, 2, 4))}": 1.0,
             "doc.cumulative": float(d.scope == "cumulative"), "doc.campaign": float(sent.has(cues, "campaign")),
             "doc.war": float(sent.has(cues, "whole_war")), "doc.fighting": float(fighting),
             "doc.has_own": float(bool(acting)), "doc.big": float((d.low or d.high or 0) >= 50000),
             "doc.moved": float(moved(place, acc.perpetrator.place) if acc.perpetrator else False),
             "doc.victims": float(any(m.label == label and _victims_side(d, m) for m in sent.actors)),
             "doc.single": float(_single(label)), "doc.grounded": grounded(label),
             # a car bomb or a blast names no one (or only "a suicide bomber"); the party the report blames
             # for air strikes did not plant it
             "doc.planted": _planted(label, planted, acting, by_label, blamed),
             "doc.unclaimed": float(unclaimed), "doc.accused": float(label in accused), "doc.opponent": opposes(label),
             # named only in another event's account: the harm of this one is not its doing on the report's say
             "doc.away": float(not (acc.perpetrator and acc.perpetrator.value == label)
                               and not _in_own_account(report, sent.index, label))}
        out.append(Candidate(label, "the report as a whole", f, f"named as acting {count} time(s)"))
    if rivals:
        gap = min(abs(i - sent.index) for i in rivals)
        own = {m.label for m in acting if not m.generic}
        f = {"rivals": 1.0, "rivals.has_own": float(bool(acting)), "rivals.cumulative": float(d.scope == "cumulative"),
             "rivals.same": float(gap == 0), "rivals.near": float(gap <= 2),
             "rivals.named": float(d.scope == "incident" and _rivals_named(sent.index, own, bool(acting), rivals)),
             "rivals.accused": float(bool(accused) and not acting and d.scope == "incident")}
        out.append(Candidate("contested", "the report names rival candidates", f))
    v = vocabulary()
    carried = [acc.perpetrator.value] if acc.perpetrator is not None and not acting else []
    general = [lab for lab in ranked + carried if (v.actor(lab) is None or v.actor(lab).kind == "generic"
                                                   or any(v.side(o) == lab for o in agents if o != lab))]
    if general and total:
        specific = [(lab, n) for lab, n in agents.most_common() if v.actor(lab) is not None
                    and v.actor(lab).kind in ("armed_group", "militia") and lab not in by_label
                    and (v.side(lab) in general or any(v.actor(g) is None or v.actor(g).kind == "generic" for g in general))]
        if specific:
            # the group the account itself names first, else the one the report names most
            near = [(lab, n) for lab, n in specific if _acting_near(report, sent.index, lab)]
            label, count = (near or specific)[0]
            f = {"refine": 1.0, f"refine.count.{bucket(count, (1, 2, 4))}": 1.0,
                 "refine.child": float(v.side(label) in general), "refine.alone": float(len(specific) == 1),
                 "refine.carried": float(general[0] not in by_label), "refine.grounded": grounded(label),
                 "refine.near": float(bool(near)),
                 # the report has the group claim the attack or blames it ("IS claimed responsibility")
                 "refine.blamed": float(label in blamed and general[0] in by_label)}
            out.append(Candidate(label, "the group the report names for a general term", f, general[0]))
    voice = (v.voice_among(source, [m.label for m in acting]) if source and v.source_kind(source) == "belligerent"
             else None)
    if voice:  # a belligerent's own statement of harm it caused (state media do not report their side's harm)
        own_action = sent.has(cues, "own_action") or (
            sent.has(cues, "owned_deaths") and d.victims not in ("combatants", "security_forces"))
        f = {"self": 1.0, "self.has_own": float(bool(acting)), "self.denial": float(d.qualifier == "none"),
             "self.own_action": float(own_action),
             # a party's voice telling of one attack's civilians or people killed, owning no act, reports harm
             # others did (a total over its campaign is its own count; a denial is its own word on its own act)
             "self.others": float(not own_action and d.scope == "incident" and d.qualifier != "none"
                                  and d.victims not in ("combatants", "security_forces")),
             "self.own_side": float(d.victims == "security_forces" and v.government_side(voice, report.country))}
        out.append(Candidate(voice, "its own voice reports it", f, source or ""))
    f = {"none": 1.0, "none.fighting": float(fighting), "none.cumulative": float(d.scope == "cumulative"),
         "none.war": float(sent.has(cues, "whole_war")), "none.has_own": float(bool(acting)),
         "none.mentions": float(bool(mentions)), "none.denial": float(d.qualifier == "none")}
    out.append(Candidate(None, "no one named", f))
    return out


__all__ = ["ACTING", "NEUTRAL", "TARGET", "ReportActors", "actor_candidates", "report_accused", "report_actors",
           "report_agents", "report_rivals"]
