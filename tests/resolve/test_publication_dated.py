"""A report that names no date tells of the latest attack at its place before it was
published, not of one days earlier in its week (issue 11).

Reports written for these tests (invented places and figures).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

from .scenarios import holder

TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)


def claim(phrase, low, day, **kw):
    return dict(phrase=phrase, low=low, high=low, event_date=day, geo=TOWN, place="Qasr Nur",
                source=kw.pop("source", "activists"), **kw)


def reports():
    monday = make_result("monday", "Shelling killed 9 people in Qasr Nur on Monday, "
                         "activists said.", [claim("killed 9 people", 9, "2022-05-02",
                                                   victims="people")], published="2022-05-02")
    thursday = make_result("thursday", "A bomb killed 6 people in Qasr Nur on Thursday, "
                            "state television said.",
                            [claim("killed 6 people", 6, "2022-05-05", victims="people",
                                   source="state television")], published="2022-05-05")
    # published on Thursday, naming no day: Thursday's bomb, not Monday's shelling
    undated = make_result("undated", "A bomb killed six people in Qasr Nur, state television "
                          "reported.", [claim("killed six people", 6, None, victims="people",
                                              source="state television")],
                          published="2022-05-05")
    return [monday, thursday, undated]


def test_an_undated_report_joins_the_latest_attack_before_its_publication():
    results = reports()
    res = resolve([r.document for r in results], [c for r in results for c in r.claims])
    assert len(res.incidents) == 2
    monday, thursday, undated = (r.claims[0].id for r in results)
    assert holder(res, undated).id == holder(res, thursday).id
    assert holder(res, monday).id != holder(res, thursday).id
    [est] = [e for e in holder(res, thursday).assessment.estimates
             if e.outcome == "killed" and e.victims == "civilians"]
    assert est.best == 6


def test_the_undated_report_finds_its_attack_whatever_the_ingestion_order():
    results = reports()
    for order in ([2, 0, 1], [2, 1, 0], [1, 2, 0]):
        rs = [results[i] for i in order]
        res = resolve([r.document for r in rs], [c for r in rs for c in r.claims])
        assert len(res.incidents) == 2
        assert holder(res, results[2].claims[0].id).id == holder(res, results[1].claims[0].id).id
