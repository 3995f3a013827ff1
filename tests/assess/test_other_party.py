"""Discounted because another party is most likely responsible (multi-report fixtures).

Invented village (Tall Zuhur), outlets and figures, written for these tests.
"""
from __future__ import annotations

from conftest import make_result

from civcas.assess import assess
from civcas.resolve import resolve


def _assess(results):
    claims = [c for r in results for c in r.claims]
    return assess(claims, {r.document.id: r.document for r in results}), claims


def coalition_suspected_regime_blamed(with_activist_blaming_coalition: bool = False):
    """First word of a coalition strike; the coalition denies; monitors blame regime shelling."""
    t1 = ("Russia's defence ministry said a US-led coalition air strike killed 9 civilians in "
          "Tall Zuhur on Sunday.")
    t2 = ("The US-led coalition said it carried out no strike near Tall Zuhur and that no "
          "civilians were harmed by its aircraft.")
    t3 = ("Regime artillery shelled Tall Zuhur on Sunday, killing 11 civilians, the Syrian "
          "Observatory for Human Rights said.")
    t4 = ("Government forces' shelling killed 12 civilians in Tall Zuhur, rescuers of the "
          "civil defence said, and local activists gave a toll of 12 people killed by regime "
          "shells.")
    d = "2021-03-07"
    r1 = make_result("ru-zuhur", t1, [
        dict(phrase="killed 9 civilians", low=9, high=9, source="Russian Defence Ministry",
             place="Tall Zuhur", event_date=d, perpetrator="US-led coalition")],
        published="2021-03-08", outlet="Agency Ru")
    r2 = make_result("cjtf-zuhur", t2, [
        dict(phrase="no civilians were harmed", outcome="casualties", low=0, high=0,
             qualifier="none", source="US-led coalition", place="Tall Zuhur", event_date=d,
             perpetrator="US-led coalition")], published="2021-03-09", outlet="Press Desk")
    r3 = make_result("sohr-zuhur", t3, [
        dict(phrase="killing 11 civilians", low=11, high=11, source="SOHR", place="Tall Zuhur",
             event_date=d, perpetrator="Syrian regime")],
        published="2021-03-08", outlet="Wire One")
    r4 = make_result("cd-zuhur", t4, [
        dict(phrase="killed 12 civilians", low=12, high=12, source="civil defence",
             place="Tall Zuhur", event_date=d, perpetrator="Syrian government forces"),
        dict(phrase="12 people killed", victims="people", low=12, high=12, source="activists",
             place="Tall Zuhur", event_date=d, perpetrator="regime")],
        published="2021-03-09", outlet="Daily Two")
    results = [r1, r2, r3, r4]
    if with_activist_blaming_coalition:
        t5 = ("An activist in Tall Zuhur first said coalition jets killed 10 civilians there.")
        results.append(make_result("early-zuhur", t5, [
            dict(phrase="killed 10 civilians", low=10, high=10, source="an activist in Tall Zuhur",
                 place="Tall Zuhur", event_date=d, perpetrator="coalition jets")],
            published="2021-03-07", outlet="Weekly Three"))
    return results


def test_coalition_suspected_but_monitors_blame_regime_is_discounted_for_the_coalition():
    a, claims = _assess(coalition_suspected_regime_blamed())
    assert a.grade == "discounted"
    reason = a.reasons[0]
    assert reason.startswith("discounted for US-led coalition: another party most likely "
                             "responsible — Syrian government forces is blamed by 3 independent "
                             "sources")
    for name in ("Syrian Observatory for Human Rights", "civil defence", "activists"):
        assert name in reason
    denial = next(c for c in claims if c.qualifier == "none")
    assert f"US-led coalition denied civilian harm (claim {denial.id})" in reason
    assert "no independent source blames US-led coalition (only Russian Defence Ministry)" in reason
    regime_claims = [c.id for c in claims if c.perpetrator in ("Syrian regime", "Syrian government forces",
                                                               "regime")]
    assert all(cid in reason for cid in regime_claims)
    assert ("US-led coalition", "denied") in [(s.belligerent, s.stance) for s in a.stances]


def test_one_independent_source_for_the_coalition_against_three_and_a_denial_is_discounted():
    a, _ = _assess(coalition_suspected_regime_blamed(with_activist_blaming_coalition=True))
    assert a.grade == "discounted"
    assert "only 1 independent source blames US-led coalition (an activist in Tall Zuhur)" \
        in a.reasons[0]


def test_without_the_denial_one_source_against_three_stays_contested():
    results = [r for r in coalition_suspected_regime_blamed(True) if r.document.id != "cjtf-zuhur"]
    a, _ = _assess(results)
    assert a.grade == "contested"


def test_rival_parties_each_blamed_by_independent_sources_stay_contested():
    t1 = "Russian jets struck Tall Zuhur, killing 6 civilians, the Syrian Observatory said."
    t2 = "Coalition aircraft hit Tall Zuhur and killed 7 civilians, local activists said."
    t3 = "Rescuers said 7 civilians died in Tall Zuhur; they blamed Russian warplanes."
    results = [
        make_result("a", t1, [dict(phrase="killing 6 civilians", low=6, high=6, source="SOHR",
                                   perpetrator="Russian jets", place="Tall Zuhur")],
                    outlet="One"),
        make_result("b", t2, [dict(phrase="killed 7 civilians", low=7, high=7,
                                   source="activists", perpetrator="coalition aircraft",
                                   place="Tall Zuhur")], outlet="Two"),
        make_result("c", t3, [dict(phrase="7 civilians died", low=7, high=7,
                                   source="civil defence", perpetrator="Russian warplanes",
                                   place="Tall Zuhur")], outlet="Three"),
    ]
    a, _ = _assess(results)  # Russia 2 sources, coalition 1 and no denial: competing claims
    assert a.grade == "contested" and "Russia" in a.reasons[0] and "US-led" in a.reasons[0]


def test_a_plain_single_source_incident_stays_weak():
    t = "Shelling killed 4 civilians in Tall Zuhur, the Syrian Observatory said."
    a, _ = _assess([make_result("s", t, [dict(phrase="killed 4 civilians", low=4, high=4,
                                              source="SOHR", perpetrator="regime shelling",
                                              place="Tall Zuhur")], outlet="One")])
    assert a.grade == "weak" and len(a.reasons) == 1
    assert a.reasons[0].startswith("a single source reports civilian harm (Syrian Observatory "
                                   "for Human Rights: claim ")


def test_resolution_keeps_the_rule_when_a_reviewer_merges_the_reports():
    """Rival perpetrators never merge automatically; a reviewer's merge brings them together."""
    from datetime import datetime

    from civcas.records import Judgement

    results = coalition_suspected_regime_blamed()
    docs = [r.document for r in results]
    claims = [c for r in results for c in r.claims]
    first = resolve(docs, claims)
    assert {i.assessment.grade for i in first.incidents} <= {"fair", "weak"}
    merge = Judgement("j1", "merge", ",".join(i.id for i in first.incidents),
                      (("claims", [c.id for c in claims]),), "rev",
                      datetime(2021, 4, 1), "one shelling, several reports")
    merged = resolve(docs, claims, [merge])
    assert len(merged.incidents) == 1
    inc = merged.incidents[0]
    assert inc.assessment.grade == "discounted"
    assert inc.assessment.reasons[0].startswith("discounted for US-led coalition")
