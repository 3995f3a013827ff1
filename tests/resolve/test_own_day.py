"""A report naming Tuesday joins Tuesday's attack, not Monday's at the same town through the
day's padding; a report dating one attack a day off still joins it; reports of rival parties'
attacks days apart are not "at once" because one of them names no date (issue 11).

Reports written for these tests (invented places and figures).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

from .scenarios import civilians_killed as killed
from .scenarios import holder

TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)
OTHER = Place("Tell Warda", 36.78, 37.80, "SY", "Wadi", precision="village", geonames_id=302)
PROVINCE = Place("Wadi", 36.60, 37.90, "SY", "Wadi", precision="governorate", geonames_id=300)
SOHR = "Syrian Observatory for Human Rights"
SNHR = "Syrian Network for Human Rights"
MONDAY, TUESDAY = "2022-05-02", "2022-05-03"


def claim(phrase, low, day, source=SOHR, geo=TOWN, **kw):
    return dict(phrase=phrase, low=low, high=kw.pop("high", low), event_date=day, geo=geo,
                place=geo.name, victims=kw.pop("victims", "civilians"),
                perpetrator=kw.pop("perpetrator", "US-led coalition"), source=source, **kw)


def report(doc, text, claims, published):
    return make_result(doc, text, claims, published=published)


def run(results):
    return resolve([r.document for r in results], [c for r in results for c in r.claims])


def two_days():
    # Tuesday's first report gives no figure; it is ingested before everything else
    dozens = report("dozens", "Air strikes killed dozens of civilians in Qasr Nur on Tuesday, "
                    "the Observatory said.",
                    [claim("killed dozens of civilians", None, TUESDAY, high=None,
                           qualifier="vague")], TUESDAY)
    monday = [report("mon-1", "Air strikes killed 21 civilians in Qasr Nur on Monday, the "
                     "Observatory said.", [claim("killed 21 civilians", 21, MONDAY)], MONDAY),
              report("mon-2", "Air strikes killed 20 civilians in Qasr Nur on Monday, the "
                     "Network said.", [claim("killed 20 civilians", 20, MONDAY, SNHR)], MONDAY)]
    tuesday = [report("tue-1", "Air strikes killed 85 civilians in Qasr Nur on Tuesday, the "
                      "Observatory said.", [claim("killed 85 civilians", 85, TUESDAY)], TUESDAY),
               report("tue-2", "Air strikes killed 90 civilians in Qasr Nur on Tuesday, the "
                      "Network said.", [claim("killed 90 civilians", 90, TUESDAY, SNHR)], TUESDAY)]
    return dozens, monday, tuesday


def test_a_report_naming_tuesday_joins_tuesdays_attack_not_mondays():
    dozens, monday, tuesday = two_days()
    for results in ([dozens, *monday, *tuesday], [*tuesday, dozens, *monday],
                    [*monday, dozens, *tuesday]):
        res = run(results)
        assert len(res.incidents) == 2
        tue = holder(res, tuesday[0].claims[0].id)
        mon = holder(res, monday[0].claims[0].id)
        assert tue.id != mon.id
        assert holder(res, dozens.claims[0].id).id == tue.id
        assert len(tue.claim_ids) == 3 and len(mon.claim_ids) == 2
        est = killed(tue)
        assert (est.low, est.best, est.high) == (85, 85, 90)
        assert (killed(mon).low, killed(mon).best, killed(mon).high) == (20, 20, 21)
        assert tue.assessment.grade == "fair" and mon.assessment.grade == "fair"
        assert any(tuesday[0].claims[0].id in r for r in tue.assessment.reasons)


def test_one_report_dating_the_attack_a_day_off_still_joins_it():
    _, monday, _ = two_days()
    off = report("off", "Air strikes killed 22 civilians in Qasr Nur on Tuesday, activists "
                 "said.", [claim("killed 22 civilians", 22, TUESDAY, "activists")], TUESDAY)
    for results in ([*monday, off], [off, *monday]):
        res = run(results)
        assert len(res.incidents) == 1
        [inc] = res.incidents
        assert len(inc.claim_ids) == 3
        assert killed(inc).low == 20 and killed(inc).high == 22


def test_two_attacks_in_one_province_on_one_day_stay_apart():
    # a town's big strike and a small one in another town 30 km away, the same Tuesday,
    # blamed on the same party; a report naming only the province tells the big one
    big = [report("big-1", "Air strikes killed 40 civilians in Qasr Nur on Tuesday.",
                  [claim("killed 40 civilians", 40, TUESDAY)], TUESDAY),
           report("big-2", "Air strikes killed 42 civilians in Qasr Nur on Tuesday.",
                  [claim("killed 42 civilians", 42, TUESDAY, SNHR)], TUESDAY)]
    small = report("small", "An air strike killed 3 civilians in Tell Warda on Tuesday.",
                   [claim("killed 3 civilians", 3, TUESDAY, geo=OTHER)], TUESDAY)
    province = report("province", "Air strikes killed 41 civilians in Wadi province on Tuesday.",
                      [claim("killed 41 civilians", 41, TUESDAY, "activists", geo=PROVINCE)],
                      TUESDAY)
    for results in ([province, small, *big], [*big, small, province]):
        res = run(results)
        assert len(res.incidents) == 2
        one = holder(res, big[0].claims[0].id)
        assert holder(res, province.claims[0].id).id == one.id
        assert holder(res, small.claims[0].id).id != one.id
        assert killed(holder(res, small.claims[0].id)).best == 3


def test_rival_attacks_days_apart_are_not_at_once_through_an_undated_report():
    # government barrel bombs on Friday; rebel shelling the next Thursday, whose report also
    # counts the wounded without a date (its publication week reaches back to Friday)
    friday = report("friday", "Government barrel bombs killed 20 civilians in Qasr Nur on "
                    "Friday, the Observatory said.",
                    [claim("killed 20 civilians", 20, "2022-04-22",
                           perpetrator="Syrian government forces")], "2022-04-22")
    thursday = report("thursday", "Rebel shelling killed 20 civilians in Qasr Nur on Thursday. "
                      "Rockets also wounded 40 people in Qasr Nur, state media said.",
                      [claim("killed 20 civilians", 20, "2022-04-28", perpetrator="rebels"),
                       claim("wounded 40 people", 40, None, "state media", perpetrator="rebels",
                             outcome="injured", victims="people")], "2022-04-28")
    res = run([friday, thursday])
    assert len(res.incidents) == 2
    assert holder(res, friday.claims[0].id).id != holder(res, thursday.claims[0].id).id
    assert holder(res, thursday.claims[1].id).id == holder(res, thursday.claims[0].id).id
