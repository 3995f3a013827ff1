"""A province-level report joins its attack; Monday's strike and Tuesday's stay apart (issue 11).

Reports and places written for these tests (invented names; admin1 codes as the gazetteer's).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

PROVINCE = Place("Wadi Rum Province", 36.20, 37.60, "SY", "Wadi", precision="governorate",
                 geonames_id=300)
TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)
OTHER_TOWN = Place("Beit Lahm", 35.10, 36.70, "SY", "Hamra", precision="village",
                   geonames_id=302)


def report(doc_id, text, phrase, low, day, geo, place, published=None, **kw):
    return make_result(doc_id, text, [dict(phrase=phrase, low=low, high=low, event_date=day,
                                           geo=geo, place=place, perpetrator="Russia",
                                           source=kw.pop("source", "activists"), **kw)],
                       published=published or day)


def incidents_of(results):
    res = resolve([r.document for r in results], [c for r in results for c in r.claims])
    return res.incidents


def test_a_report_naming_only_the_province_joins_the_attack_in_its_town():
    results = [
        report("town", "Russian jets struck Qasr Nur on Tuesday, killing 56 civilians, a "
               "monitor said.", "killing 56 civilians", 56, "2022-03-01", TOWN, "Qasr Nur",
               source="Syrian Observatory for Human Rights"),
        # the village is not in the gazetteer: the geocoder places it at the province
        report("province", "Medics said 56 civilians were killed on Tuesday when jets hit "
               "Tell Zaytun in Wadi Rum Province.", "56 civilians were killed", 56,
               "2022-03-01", PROVINCE, "Tell Zaytun", source="medical source"),
    ]
    incs = incidents_of(results)
    assert len(incs) == 1
    assert incs[0].place is not None and incs[0].place.name == "Qasr Nur"
    # dated by the night it began (so its group is formed before the town's, which the first
    # pass never compares with a province): the shared figure on the days both name ties them
    results[1] = report("province", "Medics said 56 civilians were killed overnight from Monday "
                        "to Tuesday when jets hit Tell Zaytun in Wadi Rum Province.",
                        "56 civilians were killed", 56, "2022-02-28/2022-03-01", PROVINCE,
                        "Tell Zaytun", source="medical source", published="2022-03-01")
    assert len(incidents_of(results)) == 1


def test_a_province_report_of_another_day_or_a_rival_figure_stays_apart():
    town = report("town", "Russian jets struck Qasr Nur on Tuesday, killing 56 civilians.",
                  "killing 56 civilians", 56, "2022-03-01", TOWN, "Qasr Nur")
    monday = report("monday", "Air strikes in Wadi Rum Province killed 21 civilians on Monday.",
                    "killed 21 civilians", 21, "2022-02-28", PROVINCE, "Wadi Rum Province")
    assert len(incidents_of([town, monday])) == 2
    far_figure = report("other", "Air strikes in Wadi Rum Province killed 300 civilians on "
                        "Tuesday.", "killed 300 civilians", 300, "2022-03-01", PROVINCE,
                        "Wadi Rum Province")
    assert len(incidents_of([town, far_figure])) == 2
    # the same figure the same day in another province is another attack
    elsewhere = report("elsewhere", "Jets killed 56 civilians in Beit Lahm on Tuesday.",
                       "killed 56 civilians", 56, "2022-03-01", OTHER_TOWN, "Beit Lahm")
    assert len(incidents_of([town, elsewhere])) == 2


def test_mondays_strike_and_tuesdays_in_one_district_stay_apart_without_a_tie():
    monday = report("monday", "Jets struck Qasr Nur on Monday, killing 15 civilians.",
                    "killing 15 civilians", 15, "2022-02-28", TOWN, "Qasr Nur")
    tuesday = report("tuesday", "Dozens of civilians were killed in Wadi Rum Province on "
                     "Tuesday, activists said.", "Dozens of civilians were killed", None,
                     "2022-03-01", PROVINCE, "Wadi Rum Province", qualifier="vague")
    assert len(incidents_of([monday, tuesday])) == 2
    # a town named by both reports, a day apart: one attack dated a day off keeps together
    again = report("again", "Jets struck Qasr Nur on Tuesday, killing 15 civilians.",
                   "killing 15 civilians", 15, "2022-03-01", TOWN, "Qasr Nur")
    assert len(incidents_of([monday, again])) == 1


def test_a_name_the_gazetteer_lacks_meets_its_other_spelling():
    from civcas.resolve.features import skeleton

    assert skeleton("milis") == skeleton("meles") == "mls"
    assert skeleton("hasakah") == skeleton("hassakeh") == skeleton("hasaka")
    assert skeleton("nabl") != skeleton("batna")
    assert skeleton("tal") is None  # too short to tell names apart
    day = "2022-04-02"
    one = make_result("one", "Air raids near the hospital of Zarqin killed 9 civilians on "
                      "Saturday, a monitor said.", [dict(phrase="killed 9 civilians", low=9,
                      high=9, source="SOHR", place="Zarqin", event_date=day)], published=day)
    two = make_result("two", "An air strike on a hospital in Zerqeen killed 9 people on "
                      "Saturday.", [dict(phrase="killed 9 people", victims="people", low=9,
                      high=9, source="activists", place="Zerqeen", event_date=day)],
                      published=day)
    other = make_result("three", "Shelling of Zarqa killed 9 people on Saturday.", [
        dict(phrase="killed 9 people", victims="people", low=9, high=9, source="activists",
             place="Kafr Zarqa", event_date=day)], published=day)
    assert len(incidents_of([one, two])) == 1
    assert len(incidents_of([one, other])) == 2


def test_a_province_report_blaming_a_rival_for_the_same_toll_that_day_joins():
    town = report("town", "Russian jets struck Qasr Nur on Tuesday, killing 56 civilians.",
                  "killing 56 civilians", 56, "2022-03-01", TOWN, "Qasr Nur",
                  source="Syrian Observatory for Human Rights")
    town2 = report("town2", "Rescuers said Russian jets killed 56 civilians in Qasr Nur on "
                   "Tuesday.", "killed 56 civilians", 56, "2022-03-01", TOWN, "Qasr Nur",
                   source="civil defence")
    # dated by the night it began (formed before the town's group), the attacker misread
    province = make_result("province", "Fighters said 56 civilians were killed overnight "
                           "from Monday to Tuesday in Wadi Rum Province.", [dict(
                               phrase="56 civilians were killed", low=56, high=56,
                               event_date="2022-02-28/2022-03-01", geo=PROVINCE,
                               place="Wadi Rum Province", perpetrator="Islamic State",
                               source="reporter")], published="2022-03-01")
    incs = incidents_of([town, town2, province])
    assert len(incs) == 1
    assert incs[0].perpetrators == ("Russia",)  # one relayed line does not make it contested


def test_two_reports_a_day_apart_still_meet_a_district_report_of_either_day():
    district = Place("Nur District", 36.50, 37.93, "SY", "Wadi", precision="district",
                     geonames_id=305)
    tuesday = report("tue", "Russian jets struck Qasr Nur on Tuesday, killing 56 civilians.",
                     "killing 56 civilians", 56, "2022-03-01", TOWN, "Qasr Nur")
    wednesday = report("wed", "Rescuers said on Wednesday that jets killed 50 civilians in Qasr "
                       "Nur.", "killed 50 civilians", 50, "2022-03-02", TOWN, "Qasr Nur")
    area = report("area", "Dozens of civilians were killed in Nur District on Wednesday, "
                  "activists said.", "Dozens of civilians were killed", None, "2022-03-02",
                  district, "Nur District", qualifier="vague")
    assert len(incidents_of([tuesday, wednesday])) == 1
    assert len(incidents_of([tuesday, wednesday, area])) == 1
    # a district report of another day still stays apart
    thursday = report("thu", "Dozens of civilians were killed in Nur District on Thursday.",
                      "Dozens of civilians were killed", None, "2022-03-03", district,
                      "Nur District", qualifier="vague")
    assert len(incidents_of([tuesday, wednesday, thursday])) == 2
