"""Claims -> incidents and tallies (pure records, no database)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from conftest import make_result

from civcas.records import Judgement, Place
from civcas.resolve import resolve, series

from .scenarios import (
    BARQA,
    acknowledged_report,
    cumulative_reports,
    neighbouring_villages,
    records,
    strike_reports,
)


def killed(inc, victims="civilians"):
    return next(e for e in inc.assessment.estimates if e.outcome == "killed" and e.victims == victims)


@pytest.mark.parametrize("geo", [True, False], ids=["geocoded", "place-names"])
def test_three_outlets_and_a_denial_make_one_incident(geo):
    docs, claims = records(strike_reports(geo))
    res = resolve(docs, claims)
    assert len(res.incidents) == 1
    inc = res.incidents[0]
    assert set(inc.claim_ids) == {c.id for c in claims}
    assert inc.event_date == "2020-05-01" and inc.date_precision == "day"
    assert inc.perpetrators == ("Russia",)
    assert inc.place.name == "Barqa"
    assert set(inc.document_ids) == {"wire-barqa", "rescuers-barqa", "toll-barqa"}
    e = killed(inc)
    # figures 22 (SOHR, twice: one wire story), 25+ (civil defence), 31 (activists); never summed
    assert (e.low, e.best, e.high) == (22, 25, 31)
    assert "median of 3 independent sources" in e.rule and "never added" in e.rule
    assert (killed(inc, "children").low, killed(inc, "children").high) == (7, 7)
    a = inc.assessment
    assert [(s.belligerent, s.stance) for s in a.stances] == [("Russia", "denied")]
    denial = next(c for c in claims if c.qualifier == "none")
    assert a.stances[0].claim_id == denial.id
    assert a.grade == "fair"
    assert any("3 independent sources" in r for r in a.reasons)


def test_wire_story_reprinted_counts_once():
    docs, claims = records(strike_reports())
    a = resolve(docs, claims).incidents[0].assessment
    assert a.sources.count("Syrian Observatory for Human Rights") == 1
    assert len(a.sources) == 4  # SOHR, civil defence, Russian Defence Ministry, activists


@pytest.mark.parametrize("geo", [True, False], ids=["geocoded", "place-names"])
def test_two_strikes_same_day_neighbouring_villages_are_two_incidents(geo):
    docs, claims = records(neighbouring_villages(geo))
    res = resolve(docs, claims)
    assert len(res.incidents) == 2
    assert {i.place.name for i in res.incidents} == {"Barqa", "Salma"}
    assert all(i.assessment.grade == "weak" for i in res.incidents)
    assert all("single source" in i.assessment.reasons[0] for i in res.incidents)


def test_a_district_claim_joins_a_village_inside_it():
    district = Place("Barqa District", 35.52, 36.61, "SY", "Idlib", precision="district")
    t = "Strikes in Barqa district killed 10 civilians on Sunday, a monitor said."
    extra = make_result("district", t, [dict(phrase="killed 10 civilians", low=10, high=10,
                        source="monitor", place="Barqa district", event_date="2020-06-07",
                        geo=district)], published="2020-06-08")
    docs, claims = records(neighbouring_villages() + [extra])
    res = resolve(docs, claims)
    assert len(res.incidents) == 2  # joins one village, the other stays apart


def test_same_place_weeks_apart_are_two_incidents():
    a, b = neighbouring_villages()[0], neighbouring_villages()[0]
    later = make_result("barqa-later", a.document.text + " ", [dict(
        phrase="killed 9 civilians", low=9, high=9, source="activists", place="Barqa",
        event_date="2020-07-19", geo=BARQA)], published="2020-07-20")
    docs, claims = records([b, later])
    assert len(resolve(docs, claims).incidents) == 2


def test_no_event_date_uses_the_publication_week():
    t = "An air strike on Barqa killed 9 civilians, activists said."
    undated = make_result("barqa-undated", t, [dict(phrase="killed 9 civilians", low=9, high=9,
                          source="reporter", place="Barqa", geo=BARQA)], published="2020-06-09")
    far = make_result("barqa-far", t + " ", [dict(phrase="killed 9 civilians", low=9, high=9,
                      source="reporter", place="Barqa", geo=BARQA)], published="2020-08-09")
    docs, claims = records(neighbouring_villages()[:1] + [undated, far])
    res = resolve(docs, claims)
    assert len(res.incidents) == 2
    first = res.incidents[0]
    assert first.event_date == "2020-06-07" and len(first.claim_ids) == 2


def test_rival_perpetrators_do_not_merge_but_contested_claims_do():
    t = "A strike on Barqa killed 9 civilians on Sunday; it is unclear whose jets flew."
    rival = make_result("rival", t, [dict(phrase="killed 9 civilians", low=9, high=9,
                        source="SANA", place="Barqa", event_date="2020-06-07",
                        perpetrator="rebels", geo=BARQA)], published="2020-06-08")
    contested = make_result("contested", t + " ", [dict(phrase="killed 9 civilians", low=9,
                            high=9, source="activists", place="Barqa", event_date="2020-06-07",
                            perpetrator="contested", geo=BARQA)], published="2020-06-08")
    base = neighbouring_villages()[0]
    base = replace(base, claims=tuple(replace(c, perpetrator="Russia") for c in base.claims))
    docs, claims = records([base, rival])
    assert len(resolve(docs, claims).incidents) == 2
    docs, claims = records([base, contested])
    res = resolve(docs, claims)
    assert len(res.incidents) == 1
    assert res.incidents[0].assessment.grade == "contested"


def test_wildly_different_figures_do_not_merge():
    t = "An air strike on Barqa killed 900 civilians on Sunday, a source said."
    huge = make_result("huge", t, [dict(phrase="killed 900 civilians", low=900, high=900,
                       source="someone", place="Barqa", event_date="2020-06-07", geo=BARQA)],
                       published="2020-06-08")
    docs, claims = records(neighbouring_villages()[:1] + [huge])
    assert len(resolve(docs, claims).incidents) == 2


def test_cumulative_claims_are_tallies_not_incidents():
    docs, claims = records(cumulative_reports())
    res = resolve(docs, claims)
    assert res.incidents == ()
    assert [(t.asserter, t.belligerent, t.low, t.as_of) for t in res.tallies] == [
        ("US-led coalition", "US-led coalition", 173, "2016-12-10"),
        ("US-led coalition", "US-led coalition", 883, "2018-04-30"),
    ]
    assert [t.period for t in res.tallies] == ["since 2014", "since 2014"]
    s = series(res.tallies)
    assert list(s) == [("US-led coalition", "US-led coalition", "civilians", "killed")]


def test_a_tally_re_reported_is_kept_once_with_its_first_date():
    first = cumulative_reports()[0]
    again = make_result("coalition-2016-again", first.document.text + " Repeat.", [dict(
        phrase="killed 173 civilians", low=173, high=173, source="US-led coalition",
        perpetrator="US-led coalition", scope="cumulative")], published="2017-01-10")
    docs, claims = records([again, first])
    res = resolve(docs, claims)
    assert [(t.low, t.as_of) for t in res.tallies] == [(173, "2016-12-10")]


def test_acknowledged_incident_is_confirmed():
    docs, claims = records(acknowledged_report())
    res = resolve(docs, claims)
    inc, = res.incidents
    a = inc.assessment
    assert a.grade == "confirmed"
    assert [(s.belligerent, s.stance) for s in a.stances] == [("US-led coalition",
                                                                "acknowledged")]
    assert "acknowledged civilian harm" in a.reasons[0]
    assert (killed(inc).low, killed(inc).high) == (4, 4)  # civilian claims, not "people"


def test_an_unplaceable_claim_joins_its_documents_incident():
    t = ("An air strike on Barqa killed 9 civilians on Sunday, activists said. In Syria as a "
         "whole 3 children were among the dead.")
    r = make_result("barqa-loose", t, [
        dict(phrase="killed 9 civilians", low=9, high=9, source="activists", place="Barqa",
             event_date="2020-06-07", geo=BARQA),
        dict(phrase="3 children", victims="children", low=3, high=3, source="activists",
             place="Syria"),
    ], published="2020-06-08")
    docs, claims = records([r])
    inc, = resolve(docs, claims).incidents
    assert len(inc.claim_ids) == 2


def test_ids_are_stable_and_do_not_depend_on_later_claims():
    docs, claims = records(strike_reports())
    first = resolve(docs[:1], claims[:2]).incidents[0].id
    assert resolve(docs, claims).incidents[0].id == first


def _j(kind, target, at, **payload):
    return Judgement(id=f"J-{kind}-{at}", kind=kind, target=target,
                     payload=dict(sorted(payload.items())), user="rev",
                     at=datetime(2024, 1, 1, 0, 0, at), reason="test")


def test_judgements_merge_split_reject_correct_grade():
    docs, claims = records(neighouring := neighbouring_villages())
    base = resolve(docs, claims)
    a, b = base.incidents
    merged = resolve(docs, claims, [_j("merge", f"{a.id},{b.id}", 1,
                                       claims=a.claim_ids + b.claim_ids)])
    assert len(merged.incidents) == 1
    e = merged.incidents[0].assessment.estimates[0]
    assert (e.low, e.high) == (4, 9)  # still a range: never 13
    split = resolve(docs, claims, [
        _j("merge", f"{a.id},{b.id}", 1, claims=a.claim_ids + b.claim_ids),
        _j("split", a.id, 2, claims=b.claim_ids),
    ])
    assert len(split.incidents) == 2
    rejected = resolve(docs, claims, [_j("reject_claim", b.claim_ids[0], 1)])
    assert [i.id for i in rejected.incidents] == [a.id]
    back = resolve(docs, claims, [_j("reject_claim", b.claim_ids[0], 1),
                                  _j("accept_claim", b.claim_ids[0], 2)])
    assert len(back.incidents) == 2
    corrected = resolve(docs, claims, [_j("correct_claim", a.claim_ids[0], 1,
                                          fields={"low": "12", "high": "12"})])
    assert killed(corrected.incidents[0]).low == 12
    assert next(c for c in corrected.claims if c.id == a.claim_ids[0]).low == 12
    graded = resolve(docs, claims, [_j("set_grade", a.id, 1, grade="discounted",
                                       claims=a.claim_ids)])
    ga = graded.incidents[0].assessment
    assert ga.grade == "discounted" and ga.overridden_by == "J-set_grade-1"
    assert "set to discounted by rev" in ga.reasons[0] and "computed grade was weak" in ga.reasons[1]
    assert len(neighouring) == 2


def test_an_unattributed_tally_never_names_a_document_id_as_its_asserter():
    t = "In all, 4,100 civilians have been killed in the province since 2014."
    bare = make_result("doc-7f3a9c", t, [dict(phrase="4,100 civilians have been killed",
                                             low=4100, high=4100, scope="cumulative")])
    site = make_result("doc-88b1", t + " (Repeat.)", [dict(
        phrase="4,100 civilians have been killed", low=4100, high=4100, scope="cumulative")],
        url="https://www.example-news.org/a/1")
    docs, claims = records([bare, site])
    asserters = sorted(t.asserter for t in resolve(docs, claims).tallies)
    assert asserters == ["example-news.org", "unattributed report"]
