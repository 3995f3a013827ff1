"""The same kind of site hit on the same days ties the reports of one attack that name two
neighbouring villages (issue 11).

Reports written for these tests (invented places, outlets and figures).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve
from civcas.vocab import names

TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)
SAFA = Place("Tell Safa", 36.56, 37.95, "SY", "Wadi", precision="village", geonames_id=302)


def reports(site: str = "hospital"):
    town = make_result("town", "Air strikes near a hospital in Qasr Nur killed 10 civilians on "
                       "Saturday, a monitor said.",
                       [dict(phrase="killed 10 civilians", low=10, high=10, geo=TOWN,
                             place="Qasr Nur", event_date="2022-06-04", perpetrator="Russia",
                             source="Syrian Observatory for Human Rights")],
                       published="2022-06-04")
    # the charity names the village its field hospital serves
    village = make_result("village", f"A {site} in Tell Safa was destroyed by air strikes on "
                          "Saturday that killed 13 people, a medical charity said.",
                          [dict(phrase="killed 13 people", low=13, high=13, geo=SAFA,
                                place="Tell Safa", victims="people", event_date="2022-06-04",
                                perpetrator="Syrian government forces", source="MSF")],
                          published="2022-06-07")
    return [town, village]


def count(results):
    return len(resolve([r.document for r in results],
                       [c for r in results for c in r.claims]).incidents)


def test_the_site_words_come_from_the_vocabulary():
    assert names.sites_named("strikes hit two hospitals and a market") == {"hospital", "market"}
    assert names.sites_named("strikes hit the town") == frozenset()


def test_a_hospital_hit_that_day_in_the_next_village_is_the_same_attack():
    assert count(reports()) == 1


def test_another_kind_of_site_stays_apart():
    assert count(reports("market")) == 2
