"""Tables and JSON for the ledger commands (:mod:`civcas.cli.ledger`)."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import api
from ..records import AcknowledgmentGap, Claim, Document, Estimate, Incident, IngestSummary, Tally


def _range(e: Estimate | None) -> str:
    """A civilian toll as every output writes it: "9–18", "14–?", "unknown"."""
    return api.format_range(e.low, e.high) if e is not None else "unknown"


def estimate(inc: Incident, outcome: str, victims: str = "civilians") -> Estimate | None:
    if inc.assessment is None:
        return None
    return next((e for e in inc.assessment.estimates
                 if e.outcome == outcome and e.victims == victims), None)


def summary_table(s: IngestSummary) -> Table:
    t = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, title="ingest")
    for name in ("documents new", "changed", "unchanged", "failed", "claims", "incidents",
                 "tallies"):
        t.add_column(name, justify="right")
    t.add_row(*(str(x) for x in (s.new, s.changed, s.unchanged, s.failed, s.claims, s.incidents,
                                 s.tallies)))
    return t


def incidents_table(items: list[Incident]) -> Table:
    t = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for name in ("id", "date", "place", "perpetrator", "civilians killed", "grade", "sources"):
        t.add_column(name, overflow="fold",
                     justify="right" if name in ("civilians killed", "sources") else "left")
    for inc in items:
        a = inc.assessment
        place = inc.place.name if inc.place else ""
        if inc.place and inc.place.admin1:
            place += f", {inc.place.admin1}"
        t.add_row(*(Text(x) for x in (
            inc.id, inc.event_date or "", place, " / ".join(inc.perpetrators),
            _range(estimate(inc, "killed")), a.grade if a else "", str(len(a.sources) if a else 0),
        )))
    return t


def _estimate_json(e: Estimate | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {"low": e.low, "best": e.best, "high": e.high, "rule": e.rule,
            "claims": list(e.claim_ids)}


def incident_json(inc: Incident, claims: dict[str, Claim],
                  docs: dict[str, Document]) -> dict[str, Any]:
    a = inc.assessment
    p = inc.place
    out: dict[str, Any] = {
        "id": inc.id,
        "date": inc.event_date,
        "date_precision": inc.date_precision,
        "title": inc.title,
        "place": ({"name": p.name, "admin1": p.admin1, "country": p.country, "lat": p.lat,
                   "lon": p.lon, "precision": p.precision} if p else None),
        "perpetrator": " / ".join(inc.perpetrators) or None,
        "perpetrators": list(inc.perpetrators),
        "grade": a.grade if a else None,
        "reasons": list(a.reasons) if a else [],
        "overridden_by": a.overridden_by if a else None,
        "civilians_killed": _estimate_json(estimate(inc, "killed")),
        "civilians_injured": _estimate_json(estimate(inc, "injured")),
        "children_killed": _estimate_json(estimate(inc, "killed", "children")),
        "women_killed": _estimate_json(estimate(inc, "killed", "women")),
        "stances": [asdict(s) for s in a.stances] if a else [],
        "sources": list(a.sources) if a else [],
        "claims": [],
    }
    for cid in inc.claim_ids:
        c = claims.get(cid)
        if c is None:
            continue
        d = docs.get(c.document_id)
        out["claims"].append({
            "id": c.id, "document": c.document_id,
            "document_title": d.title if d else None,
            "published": d.published.isoformat() if d and d.published else None,
            "span": list(c.span), "sentence": c.sentence, "source": c.source,
            "outcome": c.outcome, "victims": c.victims, "low": c.low, "high": c.high,
            "qualifier": c.qualifier, "place": c.place, "event_date": c.event_date,
            "perpetrator": c.perpetrator, "confidence": c.confidence,
        })
    return out


def print_incident(console: Console, inc: Incident, claims: list[Claim],
                   docs: dict[str, Document]) -> None:
    a = inc.assessment
    head = Text()
    head.append(inc.title or inc.id, style="bold")
    head.append(f"\n{inc.id} · {inc.event_date or 'date unknown'} ({inc.date_precision})",
                style="dim")
    if inc.place:
        p = inc.place
        where = ", ".join(x for x in (p.name, p.admin1, p.country) if x)
        coords = f" ({p.lat:.4f}, {p.lon:.4f})" if p.lat is not None and p.lon is not None else ""
        head.append(f" · {where}{coords} [{p.precision}]", style="dim")
    console.print(head)
    if a:
        console.print(Text(f"grade: {a.grade}" + (f" (set by judgement {a.overridden_by})"
                                                  if a.overridden_by else ""), style="bold"))
        for r in a.reasons:
            console.print(Text(f"  - {r}"))
        for e in a.estimates:
            console.print(Text(f"{e.victims} {e.outcome}: low {e.low} · best {e.best} · "
                               f"high {e.high}"))
            console.print(Text(f"    rule: {e.rule}", style="dim"))
        for s in a.stances:
            console.print(Text(f"stance: {s.belligerent}: {s.stance.replace('_', ' ')}"
                               + (f" (claim {s.claim_id})" if s.claim_id else "")))
        console.print(Text(f"sources ({len(a.sources)}): {', '.join(a.sources)}"))
    t = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for name in ("claim", "source", "outcome", "victims", "figure", "qualifier", "confidence",
                 "sentence", "document"):
        t.add_column(name, overflow="fold",
                     justify="right" if name in ("figure", "confidence") else "left")
    for c in claims:
        d = docs.get(c.document_id)
        doc = (d.title if d and d.title else c.document_id) + (
            f" ({d.published.isoformat()})" if d and d.published else "")
        sure = "?" if c.confidence is None else f"{c.confidence:.2f}"
        t.add_row(*(Text(api.isolated(x)) for x in (c.id, c.source, c.outcome, c.victims, api.figure(c),
                                                    c.qualifier, sure, c.sentence, doc)))
    console.print(t)


def tallies_table(items: list[Tally]) -> Table:
    t = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for name in ("asserter", "belligerent", "victims", "outcome", "figures (as of)"):
        t.add_column(name, overflow="fold")
    for (who, bell, victims, outcome), ts in api.tally_series(items).items():
        figs = "; ".join(f"{_fig(x)} ({x.as_of or '?'})" for x in ts)
        t.add_row(*(Text(x) for x in (who, bell or "", victims, outcome, figs)))
    return t


def _fig(t: Tally) -> str:
    if t.low is None and t.high is None:
        return "vague"
    if t.low == t.high:
        return str(t.low)
    if t.high is None:
        return f"≥{t.low}"
    if t.low is None:
        return f"≤{t.high}"
    return f"{t.low}–{t.high}"


def tallies_json(items: list[Tally]) -> list[dict[str, Any]]:
    return [{"asserter": who, "belligerent": bell, "victims": victims, "outcome": outcome,
             "points": [{"low": x.low, "high": x.high, "as_of": x.as_of, "period": x.period,
                         "claim": x.claim_id, "document": x.document_id} for x in ts]}
            for (who, bell, victims, outcome), ts in api.tally_series(items).items()]


def _tally_point(t: Tally) -> dict[str, Any]:
    return {"asserter": t.asserter, "low": t.low, "high": t.high, "as_of": t.as_of,
            "period": t.period, "claim": t.claim_id or None}


def gap_json(g: AcknowledgmentGap) -> dict[str, Any]:
    """One :class:`~civcas.records.AcknowledgmentGap` as JSON (README: ``civcas gap --json``)."""
    return {
        "belligerent": g.belligerent, "victims": g.victims, "outcome": g.outcome,
        "admitted": [_tally_point(t) for t in g.admitted],
        "monitors": [_tally_point(t) for t in g.monitors],
        "gap": {"low": g.gap_low, "high": g.gap_high, "rule": g.gap_rule},
        "incidents": {
            "graded": list(g.graded_incidents),
            "graded_killed": {"low": g.graded_killed_low, "high": g.graded_killed_high},
            "acknowledged": list(g.acknowledged_incidents),
            "conceded": {"low": g.conceded_low, "high": g.conceded_high},
            "denied": list(g.denied_incidents),
            "acknowledged_already_fair": g.acknowledged_already_fair,
            "unacknowledged": list(g.unacknowledged),
        },
    }


def _latest_text(ts: tuple[Tally, ...]) -> str:
    if not ts:
        return ""
    whole = [t for t in ts if not (t.period or "").startswith("subset:")] or list(ts)
    t = max(whole, key=lambda t: t.as_of or "")  # a subset (one year, some attacks) is never latest
    fig = (f"{t.low}" if t.low == t.high else f"≥{t.low}" if t.high is None else
           f"≤{t.high}" if t.low is None else f"{t.low}–{t.high}")
    return f"{fig} {t.asserter} ({t.as_of or 'undated'})"


def gap_table(items: list[AcknowledgmentGap]) -> Table:
    t = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for name in ("belligerent", "victims", "admitted (latest)", "monitors (latest)", "gap",
                 "fair/confirmed", "not acknowledged"):
        t.add_column(name, overflow="fold",
                     justify="right" if name in ("gap", "fair/confirmed") else "left")
    for g in items:
        gap = "" if g.gap_low is None else api.format_range(g.gap_low, g.gap_high)
        unack = ", ".join(g.unacknowledged[:5]) + (
            f" (+{len(g.unacknowledged) - 5})" if len(g.unacknowledged) > 5 else "")
        t.add_row(*(Text(x) for x in (
            g.belligerent, f"{g.victims} {g.outcome}", _latest_text(g.admitted),
            _latest_text(g.monitors), gap, str(len(g.graded_incidents)), unack)))
    return t
