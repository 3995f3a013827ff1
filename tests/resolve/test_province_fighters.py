"""A report naming only the province that counts fighters killed ("30 militants were killed in
clashes in Wadi province") is not the account of a town's air strike on civilians that day: it
joins an attack whose reports tell fighters harmed too, one it shares a figure or site with, or
its own report's account; else it stands (issue 11, §18.2).

Reports written for these tests (invented places, outlets and figures).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

from .scenarios import holder

PROVINCE = Place("Wadi", 36.60, 37.90, "SY", "Wadi", precision="governorate", geonames_id=300)
TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)
DAY = "2022-05-10"


def claim(phrase, low, victims="civilians", geo=TOWN, **kw):
    return dict(phrase=phrase, low=low, high=low, event_date=DAY, geo=geo, place=geo.name,
                victims=victims, perpetrator=kw.pop("perpetrator", "Syrian government forces"),
                source=kw.pop("source", "Syrian Observatory for Human Rights"), **kw)


def strike():
    return [make_result("strike-1", "Air strikes killed 12 civilians in Qasr Nur on Tuesday.",
                        [claim("killed 12 civilians", 12)], DAY),
            make_result("strike-2", "Government air strikes on Qasr Nur killed 13 civilians on "
                        "Tuesday, medics said.", [claim("killed 13 civilians", 13,
                                                        source="medics")], DAY)]


def fighters(victims="combatants", low=30, phrase="30 militants were killed"):
    return make_result("clashes", f"{phrase} in clashes with the army in Wadi province on "
                       "Tuesday, state media said.",
                       [claim(phrase, low, victims=victims, geo=PROVINCE, source="SANA")], DAY)


def run(results):
    return resolve([r.document for r in results], [c for r in results for c in r.claims])


def test_a_province_count_of_fighters_is_no_town_strike_on_civilians():
    results = [*strike(), fighters()]
    for order in (results, results[::-1]):
        res = run(order)
        assert len(res.incidents) == 2
        assert holder(res, results[2].claims[0].id).claim_ids == (results[2].claims[0].id,)


def test_soldiers_too_stay_apart():
    res = run([*strike(), fighters("security_forces", 8, "8 soldiers were killed")])
    assert len(res.incidents) == 2


def test_a_province_count_of_civilians_still_joins_the_towns_strike():
    res = run([*strike(), fighters("civilians", 12, "12 civilians were killed")])
    assert len(res.incidents) == 1


def test_it_joins_an_attack_whose_reports_tell_fighters_harmed_too():
    both = make_result("both", "Air strikes on Qasr Nur killed 12 civilians and 18 fighters on "
                       "Tuesday.", [claim("killed 12 civilians", 12),
                                    claim("18 fighters", 18, victims="combatants")], DAY)
    res = run([both, strike()[1], fighters(low=17, phrase="17 militants were killed")])
    assert len(res.incidents) == 1
