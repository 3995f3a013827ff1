"""The acknowledgment gap: admissions at three dates against a monitor's counts (invented figures)."""
from __future__ import annotations

from civcas.assess.gap import acknowledgment_gaps
from civcas.records import Assessment, Claim, Estimate, Incident, Stance, Tally


def T(asserter, low, high, as_of, bell="US-led coalition", victims="civilians", doc="d"):
    return Tally(asserter, bell, victims, "killed", low, high, as_of, "since 2014",
                 f"c-{asserter}-{as_of}", doc)


TALLIES = (
    T("CJTF-OIR", 80, 80, "2016-12-01"),  # a spokes-body of the coalition
    T("Pentagon", 352, 352, "2017-06-01"),
    T("US-led coalition", 841, 841, "2018-03-01"),
    T("SOHR", 900, 1100, "2016-11-20"),  # the alias is folded
    T("Syrian Observatory for Human Rights", 3000, 3200, "2018-02-15"),
    T("Airwars", 6000, None, "2018-02-28"),  # open-ended: "at least"
    T("SANA", 5000, 5000, "2018-01-01"),  # a rival belligerent's count: neither side
    T("doc-77aa", 10, 10, "2018-01-02", doc="doc-77aa"),  # a document id is never an asserter
    T("Russian Defence Ministry", 12, 12, "2018-01-01", bell="Russia"),
)


def inc(id_, grade, stances=(), perp="US-led coalition", low=5, high=9, sources=("SOHR", "activists")):
    est = Estimate("killed", "civilians", low, low, high, "rule")
    return Incident(id_, (), "2017-05-01", perpetrators=(perp,),
                    assessment=Assessment(grade, ("r",), (est,), tuple(stances), sources))


def test_admissions_at_three_dates_against_a_monitor():
    g = next(x for x in acknowledgment_gaps(TALLIES) if x.belligerent == "US-led coalition")
    assert [(t.asserter, t.low, t.as_of) for t in g.admitted] == [
        ("US-led coalition", 80, "2016-12-01"), ("Pentagon", 352, "2017-06-01"),  # CJTF-OIR is the coalition
        ("US-led coalition", 841, "2018-03-01")]
    assert [(t.asserter, t.as_of) for t in g.monitors] == [
        ("Syrian Observatory for Human Rights", "2016-11-20"),
        ("Syrian Observatory for Human Rights", "2018-02-15"), ("Airwars", "2018-02-28")]
    # latest monitor: Airwars, at least 6000 -> gap at least 6000 - 841, no upper bound
    assert (g.gap_low, g.gap_high) == (6000 - 841, None)
    assert "Airwars" in g.gap_rule and "no upper bound" in g.gap_rule
    every = {t.asserter for x in acknowledgment_gaps(TALLIES) for t in x.admitted + x.monitors}
    assert "doc-77aa" not in every and "SANA" not in every and "SOHR" not in every


def test_a_closed_monitor_range_gives_a_closed_gap():
    tallies = [t for t in TALLIES if t.asserter != "Airwars"]
    g = acknowledgment_gaps(tallies, belligerent="Pentagon")  # any spelling selects it
    assert [x.belligerent for x in g] == ["US-led coalition"]
    assert (g[0].gap_low, g[0].gap_high) == (3000 - 841, 3200 - 841)


def test_incidents_fair_or_confirmed_not_acknowledged():
    claim = Claim("killed", "civilians", 3, 4, "range", "3 to 4", "CENTCOM", None, None,
                  "US-led coalition", "incident", (0, 6), "3 to 4", id="ack1")
    incidents = [
        inc("I1", "fair"),
        inc("I2", "confirmed", [Stance("US-led coalition", "acknowledged", "ack1")]),
        inc("I3", "fair", [Stance("US-led coalition", "denied", "x")], high=None),
        inc("I4", "weak", [Stance("US-led coalition", "denied", "y")]),
        inc("I5", "fair", perp="Russia"),
    ]
    g = next(x for x in acknowledgment_gaps(TALLIES, incidents, [claim])
             if x.belligerent == "US-led coalition" and x.victims == "civilians")
    assert g.graded_incidents == ("I1", "I2", "I3")
    assert (g.graded_killed_low, g.graded_killed_high) == (15, None)  # I3 is open-ended
    assert g.acknowledged_incidents == ("I2",) and (g.conceded_low, g.conceded_high) == (3, 4)
    assert g.denied_incidents == ("I3", "I4")
    assert g.acknowledged_already_fair == 1
    assert g.unacknowledged == ("I1", "I3")
    russia = next(x for x in acknowledgment_gaps(TALLIES, incidents) if x.belligerent == "Russia")
    assert russia.unacknowledged == ("I5",) and russia.admitted[0].low == 12
    assert russia.gap_low is None and russia.gap_rule == "no monitor's figure"
