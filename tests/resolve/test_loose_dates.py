"""A claim dated only to a month does not tie two attacks weeks apart (issue 11).

Reports written for these tests (invented places).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)


def claim(phrase, low, day, perpetrator, **kw):
    return dict(phrase=phrase, low=low, high=low, event_date=day, geo=TOWN, place="Qasr Nur",
                perpetrator=perpetrator, source=kw.pop("source", "activists"), **kw)


def count(results):
    res = resolve([r.document for r in results], [c for r in results for c in r.claims])
    return len(res.incidents)


def test_a_months_total_beside_one_attack_does_not_bridge_to_another_weeks_later():
    early = make_result("early", "Jets killed 56 civilians in Qasr Nur on Tuesday. In March "
                        "air strikes killed 90 civilians in Qasr Nur, activists said.",
                        [claim("killed 56 civilians", 56, "2022-03-01", "Russia"),
                         claim("killed 90 civilians", 90, "2022-03-01/2022-03-31", "Russia")],
                        published="2022-03-02")
    # two weeks later, the same figure blamed on another party: another attack
    later = make_result("later", "Shelling killed 56 civilians in Qasr Nur on Monday, state "
                        "media said.", [claim("killed 56 civilians", 56, "2022-03-14", "rebels")],
                        published="2022-03-15")
    assert count([early, later]) >= 2
    # the same attack told again on its day stays one incident
    again = make_result("again", "Jets killed 56 civilians in Qasr Nur on Tuesday, a monitor "
                        "said.", [claim("killed 56 civilians", 56, "2022-03-01", "Russia")],
                        published="2022-03-01")
    assert count([early, again]) == count([early])
