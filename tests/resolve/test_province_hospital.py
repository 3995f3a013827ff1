"""A hospital strike told by a report naming a village the gazetteer lacks and by a charity
naming only the province is one attack; the charity's counts for a period ("in this month
alone", "for the first six months of 2016") are tallies, not rival tolls, and its "among the
dead were four staff" is a part; a report naming only the province joins the town attack it
shares a figure or the kind of site with (issue 11).

Reports written for these tests (invented places and figures).
"""
from __future__ import annotations

from conftest import make_claim, make_result

from civcas.assess.parts import part_figure
from civcas.records import Place
from civcas.resolve import resolve
from civcas.resolve.scope import running_total

PROVINCE = Place("Wadi", 36.60, 37.90, "SY", "Wadi", precision="governorate", geonames_id=300)
TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)
OTHER = Place("Tell Warda", 36.70, 37.80, "SY", "Wadi", precision="village", geonames_id=302)
DAY = "2022-06-04"


def village_report():
    # "Kafr Zeitun" is in no gazetteer: the claim is placed by its name, in the report's
    # province (its focus)
    text = ("Air strikes near a hospital in Kafr Zeitun killed 10 civilians on Saturday, the "
            "Observatory said.")
    return make_result("village", text, [dict(
        phrase="killed 10 civilians", low=10, high=10, geo=None, place="Kafr Zeitun",
        event_date=DAY, perpetrator="Russia", source="Syrian Observatory for Human Rights")],
        published=DAY, focus=PROVINCE)


def charity_report():
    text = ("A hospital in a rebel-held province was destroyed by air strikes over the weekend "
            "that killed 13 people, the charity said. Among the dead were four staff. In this "
            "month alone 300 patients have been wounded and 37 have died.")
    common = dict(geo=PROVINCE, place="Wadi", event_date="2022-06-04/2022-06-05",
                  perpetrator="Syrian government forces", source="MSF")
    return make_result("charity", text, [
        dict(phrase="killed 13 people", low=13, high=13, victims="people", **common),
        dict(phrase="four staff", low=4, high=4, victims="civilians", **common),
        dict(phrase="37 have died", low=37, high=37, victims="people", **common)],
        published="2022-06-07", focus=PROVINCE)


NORTH = Place("Jabal", 35.20, 36.10, "SY", "Jabal", precision="governorate", geonames_id=400)
NORTH_TOWN = Place("Ain Hilwa", 35.25, 36.20, "SY", "Jabal", precision="village",
                   geonames_id=401)


def market_report():
    # another attack the same day, in another province, blamed on the same side
    return make_result("market", "Shelling on the market of Ain Hilwa killed 30 civilians on "
                       "Saturday, the Observatory said.",
                       [dict(phrase="killed 30 civilians", low=30, high=30, geo=NORTH_TOWN,
                             place="Ain Hilwa", event_date=DAY, perpetrator="Russia",
                             source="Syrian Observatory for Human Rights")], published=DAY)


def test_period_counts_are_running_totals():
    for text, phrase in (("In this month alone 466 patients have been wounded and 37 have died.",
                          "37 have died"),
                         ("The facilities reported 33 dead for the first six months of 2016.",
                          "33 dead"),
                         ("In the first half of the year 120 people were killed in the town.",
                          "120 people were killed")):
        assert running_total(make_claim(text, phrase, low=int(phrase.split()[0]))), text
    # a day's attack earlier in the week is no period, nor is this year's deadliest attack
    assert not running_total(make_claim("Earlier this week an air strike killed 10 people in "
                                        "the town.", "killed 10 people", low=10))
    assert not running_total(make_claim("In this year's deadliest attack, a car bomb killed 50 "
                                        "people in the town.", "killed 50 people", low=50))


def test_among_the_dead_were_is_a_part():
    text = "Among the dead were four staff and five children."
    assert part_figure(make_claim(text, "four staff", low=4, high=4))
    assert not part_figure(make_claim("The dead were four staff.", "four staff", low=4, high=4))


def test_the_village_report_and_the_province_report_are_one_strike():
    results = [village_report(), charity_report(), market_report()]
    res = resolve([r.document for r in results], [c for r in results for c in r.claims],
                  focus={r.document.id: r.focus for r in results if r.focus is not None})
    village, charity, market = (r.claims for r in results)
    [strike] = [i for i in res.incidents if village[0].id in i.claim_ids]
    assert charity[0].id in strike.claim_ids and charity[1].id in strike.claim_ids
    # the month's count is a tally, in no incident
    assert all(charity[2].id not in i.claim_ids for i in res.incidents)
    assert any(t.claim_id == charity[2].id for t in res.tallies)
    # the market the same day in another province is another attack
    [other] = [i for i in res.incidents if market[0].id in i.claim_ids]
    assert other.id != strike.id and other.claim_ids == (market[0].id,)
    assert len(res.incidents) == 2
    [est] = [e for e in strike.assessment.estimates
             if e.outcome == "killed" and e.victims == "civilians"]
    assert (est.low, est.best, est.high) == (10, 10, 10)  # the civilians counted, not people
    assert charity[1].id not in est.claim_ids  # the four staff are a part of the 13


def test_a_province_report_joins_the_town_attack_it_shares_a_figure_with():
    # two attacks in one province on one day; the report naming only the province gives the
    # second town's toll: it joins that attack, not the first group its figure fits
    def town(doc, geo, n):
        return make_result(doc, f"Air strikes killed {n} civilians in {geo.name} on Saturday, "
                           "the Observatory said.",
                           [dict(phrase=f"killed {n} civilians", low=n, high=n, geo=geo,
                                 place=geo.name, event_date=DAY, perpetrator="Russia",
                                 source="Syrian Observatory for Human Rights")], published=DAY)
    first, second = town("first", TOWN, 40), town("second", OTHER, 25)
    province = make_result("province", "Air strikes killed 25 civilians in Wadi province on "
                           "Saturday, activists said.",
                           [dict(phrase="killed 25 civilians", low=25, high=25, geo=PROVINCE,
                                 place="Wadi", event_date=DAY, perpetrator="Russia",
                                 source="activists")], published=DAY)
    for results in ([first, second, province], [province, second, first]):
        res = resolve([r.document for r in results], [c for r in results for c in r.claims])
        assert len(res.incidents) == 2
        [joined] = [i for i in res.incidents if province.claims[0].id in i.claim_ids]
        assert joined.claim_ids == tuple(sorted(
            (second.claims[0].id, province.claims[0].id),
            key=lambda c: [x.id for r in results for x in r.claims].index(c)))
