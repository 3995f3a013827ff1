"""The acknowledgment gap: a belligerent's own figures against the monitors' (pure functions).

Per belligerent, victim group and outcome (methodology.md 10.2, "Official vs
monitor comparison"):

- **admitted**: tallies whose asserter is the belligerent itself or a body that
  speaks for it (its ministry, spokesman, command, state media; the tables of
  :mod:`civcas.vocab.names`), by date;
- **monitors**: tallies of independent asserters — the vocabulary's source kinds
  monitor, un_ngo, medical and civil_defence (SOHR, Airwars, SNHR, the UN, ...),
  by date (a source the vocabulary does not know counts when it speaks for no
  belligerent). A rival belligerent's count of the other side's victims is
  neither, and is left out; so are news outlets (Sputnik, Al Alam, Daily Sabah:
  they relay others) and a figure nobody is named for ("unattributed report");
- **gap** = the latest monitor figure (latest date; the highest on a tie)
  minus the latest admitted one — campaign totals only: a figure for one year or a
  subset of attacks (period ``subset: ...``) stays in its series, labelled, but is
  never the latest: low = monitor low - admitted high, high =
  monitor high - admitted low (None when the monitor's figure is open-ended,
  "at least N"), with the rule in words;
- on the civilians / killed entry, from the incidents: (a) incidents graded
  fair or confirmed that blame it, with their civilians killed low-high summed
  (high open when any is); (b) incidents it acknowledged, with the figures it
  conceded; (c) incidents it denied; (d) how many acknowledged ones have two or
  more independent sources (fair on the monitors' evidence alone); and the
  fair or confirmed incidents it has not acknowledged. Airwars' "previous
  grade" is not kept, so (d) is computed from today's sources.

Asserter names are folded (aliases, never a document id) before comparing.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..records import AcknowledgmentGap, Claim, Incident, Outcome, Tally, VictimGroup
from ..vocab import names
from .sources import UNATTRIBUTED, UNATTRIBUTED_NAME

GRADED = ("fair", "confirmed")


def asserter_name(t: Tally) -> str:
    """Who asserted a tally, aliases folded; an id or a blank is an "unattributed report"."""
    raw = (t.asserter or "").strip()
    if not raw or raw == t.document_id or raw == t.claim_id or names.fold(raw) in UNATTRIBUTED:
        return UNATTRIBUTED_NAME
    return names.asserter(raw)


def speaks_for(asserter: str, belligerent: str) -> bool:
    """Whether ``asserter`` is ``belligerent`` (any spelling) or a body speaking for it."""
    canon = names.actor(belligerent)
    return names.fold(asserter) == names.fold(belligerent) or (
        canon is not None and names.belligerent(asserter) == canon)


def subset(t: Tally) -> bool:
    """A total for part of the campaign (one year, some attacks): labelled, never its latest."""
    return (t.period or "").startswith("subset:")


def _independent(who: str) -> bool:
    """On the monitors' side: a known source of an independent kind (monitor, UN/NGO, medical,
    civil defence); a source the vocabulary does not know counts when it speaks for no
    belligerent."""
    v = names.vocabulary()
    if v.source(who) is not None or v.source_mentions(who):
        return v.independent(who)
    return names.belligerent(who) is None


def _latest(tallies: list[Tally]) -> Tally | None:
    """The latest campaign total (latest date, the highest on a tie); subsets left out."""
    def top(t: Tally) -> int:
        return max(x for x in (t.low, t.high, -1) if x is not None)
    whole = [t for t in tallies if not subset(t)]
    return max(whole, key=lambda t: (t.as_of or "", top(t)), default=None)


def _gap(admitted: Tally | None, monitor: Tally | None) -> tuple[int | None, int | None, str]:
    if admitted is None or monitor is None:
        missing = "no admitted figure" if admitted is None else "no monitor's figure"
        return None, None, missing
    a_lo = admitted.low if admitted.low is not None else admitted.high
    a_hi = admitted.high if admitted.high is not None else admitted.low
    m_lo = monitor.low if monitor.low is not None else monitor.high
    m_hi = monitor.high
    if a_lo is None or a_hi is None or m_lo is None:
        return None, None, "a latest figure has no number"
    low = m_lo - a_hi
    high = None if m_hi is None else m_hi - a_lo
    rule = (f"latest monitor figure {_fig(monitor)} ({monitor.asserter}, "
            f"{monitor.as_of or 'undated'}) minus latest admitted {_fig(admitted)} "
            f"({admitted.asserter}, {admitted.as_of or 'undated'}): low = monitor low - "
            "admitted high, high = monitor high - admitted low"
            + ("; the monitor gives no upper bound" if m_hi is None else ""))
    return low, high, rule


def _fig(t: Tally) -> str:
    if t.low is not None and t.high is not None:
        return str(t.low) if t.low == t.high else f"{t.low}-{t.high}"
    return f"{t.low}+" if t.low is not None else f"up to {t.high}"


def acknowledgment_gaps(tallies: Iterable[Tally], incidents: Iterable[Incident] = (),
                        claims: Iterable[Claim] = (), belligerent: str | None = None
                        ) -> list[AcknowledgmentGap]:
    """One :class:`AcknowledgmentGap` per belligerent x victim group x outcome.

    ``belligerent`` keeps one (any spelling of it: "Pentagon", "US-led coalition").
    Admitted and monitor tallies carry the folded asserter name.
    """
    from dataclasses import replace

    spellings: dict[str, Counter] = {}
    groups: dict[tuple[str, VictimGroup, Outcome], tuple[list[Tally], list[Tally]]] = {}
    for t in tallies:
        if not t.belligerent:
            continue
        canon = names.actor(t.belligerent) or t.belligerent
        who = asserter_name(t)
        if who == UNATTRIBUTED_NAME:
            continue
        spellings.setdefault(canon, Counter())[t.belligerent] += 1
        admitted, monitors = groups.setdefault((canon, t.victims, t.outcome), ([], []))
        if speaks_for(who, t.belligerent):
            side = admitted
        elif _independent(who):
            side = monitors
        else:
            continue  # a rival belligerent's count, a news outlet's, someone unknown
        t = replace(t, asserter=who)
        side.append(t)
    facts = _incident_facts(list(incidents), {c.id: c for c in claims})
    for canon in facts:
        groups.setdefault((canon, "civilians", "killed"), ([], []))
    out = []
    for (canon, victims, outcome), (admitted, monitors) in groups.items():
        if belligerent and not names.selects(belligerent, canon):
            continue
        if not admitted and not monitors and (victims, outcome) != ("civilians", "killed"):
            continue
        admitted.sort(key=lambda t: (t.as_of or "", t.asserter))
        monitors.sort(key=lambda t: (t.as_of or "", t.asserter))
        low, high, rule = _gap(_latest(admitted), _latest(monitors))
        name = (spellings[canon].most_common(1)[0][0] if canon in spellings else canon)
        extra = facts.get(canon, {}) if (victims, outcome) == ("civilians", "killed") else {}
        out.append(AcknowledgmentGap(name, victims, outcome, tuple(admitted), tuple(monitors),
                                     low, high, rule, **extra))
    out.sort(key=lambda g: (names.fold(g.belligerent), g.victims != "civilians", g.victims,
                            g.outcome))
    return out


def _incident_facts(incidents: list[Incident], claims: dict[str, Claim]) -> dict[str, dict]:
    """Canonical belligerent -> the incident fields of its civilians/killed entry."""
    acc: dict[str, dict] = {}

    def entry(canon: str) -> dict:
        return acc.setdefault(canon, {"graded": [], "g_lo": 0, "g_hi": 0, "ack": [], "c_lo": 0,
                                      "c_hi": 0, "denied": [], "fair": 0, "unack": []})

    for inc in incidents:
        a = inc.assessment
        if a is None:
            continue
        stance = {names.actor(s.belligerent): s for s in a.stances}
        blamed = dict.fromkeys(names.actor(p) for p in inc.perpetrators if p)
        for canon in list(blamed) + [b for b in stance if b not in blamed]:
            if canon in (None, "contested"):
                continue
            s = stance.get(canon)
            if a.grade in GRADED and canon in blamed:
                e = entry(canon)
                e["graded"].append(inc.id)
                est = next((x for x in a.estimates
                            if x.outcome == "killed" and x.victims == "civilians"), None)
                if est is not None:
                    e["g_lo"] += est.low or 0
                    e["g_hi"] = None if est.high is None or e["g_hi"] is None else (
                        e["g_hi"] + est.high)
                if s is None or s.stance != "acknowledged":
                    e["unack"].append(inc.id)
            if s is not None and s.stance == "acknowledged":
                e = entry(canon)
                e["ack"].append(inc.id)
                c = claims.get(s.claim_id or "")
                lo = c.low if c is not None and c.low is not None else (c.high if c else None)
                hi = c.high if c is not None and c.high is not None else lo
                e["c_lo"] += lo or 0
                e["c_hi"] = None if hi is None or e["c_hi"] is None else e["c_hi"] + hi
                if sum(names.belligerent(n) is None for n in a.sources) >= 2:
                    e["fair"] += 1
            elif s is not None and s.stance == "denied":
                entry(canon)["denied"].append(inc.id)
    out = {}
    for canon, e in acc.items():
        out[canon] = dict(
            graded_incidents=tuple(e["graded"]),
            graded_killed_low=e["g_lo"] if e["graded"] else None,
            graded_killed_high=e["g_hi"] if e["graded"] else None,
            acknowledged_incidents=tuple(e["ack"]),
            conceded_low=e["c_lo"] if e["ack"] else None,
            conceded_high=e["c_hi"] if e["ack"] else None,
            denied_incidents=tuple(e["denied"]),
            acknowledged_already_fair=e["fair"],
            unacknowledged=tuple(e["unack"]))
    return out
