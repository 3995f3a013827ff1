"""A village the gazetteer lacks is placed at a stand-in (a district its sentence names, the
report's region): two reports of it placed at different stand-ins are one place (issue 11).

Reports written for these tests (invented places, outlets and figures).
"""
from __future__ import annotations

from dataclasses import replace

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

# two district towns of one province, 30 km apart, and one of another province
NORTH = Place("Tell Sawda", 36.10, 36.60, "SY", "Idlib", precision="district", geonames_id=401)
SOUTH = Place("Ain Jara", 35.83, 36.60, "SY", "Idlib", precision="district", geonames_id=402)
OTHER = Place("Qalaat Hamra", 35.83, 36.93, "SY", "Hama", precision="district", geonames_id=403)
DAY = "2021-03-10"


def stand_in(place: Place, mention: str) -> Place:
    return replace(place, mention=mention, note=f"not in the gazetteer; placed at {place.name}")


def report(doc: str, village: str, geo: Place, low: int, high: int | None = None) -> object:
    text = f"Air strikes on the village of {village} killed {low} people on Wednesday, rescuers said."
    return make_result(doc, text, [dict(phrase=f"killed {low} people", low=low,
                                        high=high if high is not None else low, place=village,
                                        event_date=DAY, geo=geo, source="civil defence")],
                       published="2021-03-10")


def run(results):
    return resolve([r.document for r in results], [c for r in results for c in r.claims])


def test_one_unknown_village_at_two_stand_ins_is_one_place():
    results = [report("north", "Kafr Dalil", stand_in(NORTH, "Kafr Dalil"), 12),
               report("south", "Kafr Dalil", stand_in(SOUTH, "Kafr Dalil"), 14)]
    for order in (results, results[::-1]):
        assert len(run(order).incidents) == 1


def test_the_same_name_in_another_province_stays_apart():
    results = [report("idlib", "Kafr Dalil", stand_in(SOUTH, "Kafr Dalil"), 12),
               report("hama", "Kafr Dalil", stand_in(OTHER, "Kafr Dalil"), 14)]
    assert len(run(results).incidents) == 2


def test_two_unknown_villages_at_stand_ins_far_apart_stay_apart():
    results = [report("north", "Kafr Dalil", stand_in(NORTH, "Kafr Dalil"), 12),
               report("south", "Umm Ruman", stand_in(SOUTH, "Umm Ruman"), 14)]
    assert len(run(results).incidents) == 2


def test_the_incident_is_placed_at_its_stand_in():
    [inc] = run([report("north", "Kafr Dalil", stand_in(NORTH, "Kafr Dalil"), 12)]).incidents
    assert inc.place is not None and inc.place.name == "Tell Sawda"


TOWN = Place("Tell Sawda", 36.10, 36.60, "SY", "Idlib", precision="village", geonames_id=404)


def town_report():
    # the town itself (geocoded) and a village of it the gazetteer lacks (at the town's place)
    text = ("Air strikes on Tell Sawda killed 30 people on Wednesday. In the nearby village of Kafr "
            "Nabudah 8 people were killed, rescuers said.")
    return make_result("town", text, [
        dict(phrase="killed 30 people", low=30, high=30, place="Tell Sawda", event_date=DAY,
             geo=TOWN, source="civil defence"),
        dict(phrase="8 people were killed", low=8, high=8, place="Kafr Nabudah", event_date=DAY,
             geo=stand_in(TOWN, "Kafr Nabudah"), source="civil defence")], published="2021-03-10")


def misspelt_report(village: str):
    # another outlet spells the village its own way: no gazetteer entry, no stand-in
    text = f"The strikes on {village} killed 30 people on Wednesday, a monitor said."
    return make_result(f"misspelt-{village}", text, [
        dict(phrase="killed 30 people", low=30, high=30, place=village, event_date=DAY, geo=None,
             source="Syrian Observatory for Human Rights")], published="2021-03-11")


def test_a_village_spelt_another_way_meets_the_attack_its_name_was_told_in():
    results = [town_report(), misspelt_report("Kafr Nabouda")]
    for order in (results, results[::-1]):
        assert len(run(order).incidents) == 1


def test_another_unknown_village_the_same_day_stays_apart():
    assert len(run([town_report(), misspelt_report("Umm Ruman")]).incidents) == 2
