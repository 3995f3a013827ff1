"""A report's wounded stay with its own dead of the same place and day, not with the first
group that would take them (issue 11).

Reports written for these tests (invented places, outlets and figures).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

CITY = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)
QUARTER = Place("Salah", 36.53, 37.96, "SY", "Wadi", precision="district", geonames_id=305)
DAY = "2022-05-04"


def reports():
    wounded = make_result("wounded", "A blast in Qasr Nur wounded dozens on Wednesday.",
                          [dict(phrase="wounded dozens", outcome="injured", low=None, high=None,
                                qualifier="vague", geo=CITY, place="Qasr Nur", event_date=DAY,
                                source="reporter")], published=DAY)
    # another attack's toll, dated by the page to the same day
    convoy = make_result("convoy", "The convoy attack killed 126 people, a monitor said.",
                         [dict(phrase="killed 126 people", low=126, high=126, victims="people",
                               geo=CITY, place="Qasr Nur", event_date=DAY,
                               source="Syrian Observatory for Human Rights")], published=DAY)
    blast = make_result("blast", "A bomb killed six people and wounded 30 in the Salah district "
                        "of Qasr Nur on Wednesday, state television said.", [
                            dict(phrase="killed six people", low=6, high=6, victims="people",
                                 geo=QUARTER, place="Salah district", event_date=DAY,
                                 source="state television"),
                            dict(phrase="wounded 30", outcome="injured", low=30, high=30,
                                 victims="people", geo=QUARTER, place="Salah district",
                                 event_date=DAY, source="state television")], published=DAY)
    return [wounded, convoy, blast]


def test_a_reports_wounded_join_its_own_dead():
    results = reports()
    res = resolve([r.document for r in results], [c for r in results for c in r.claims])
    dead, hurt = results[2].claims
    [inc] = [i for i in res.incidents if dead.id in i.claim_ids]
    assert hurt.id in inc.claim_ids
    [est] = [e for e in inc.assessment.estimates
             if e.outcome == "killed" and e.victims == "civilians"]
    assert est.best == 6
