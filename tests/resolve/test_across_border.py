"""A bombing felt across the border: a report's "two people were slightly hurt in <the town
across the border>" is part of the attack it reports, not an incident of its own, and its figure
is no rival estimate of the toll; an attack of its own across the border stays apart, and a
place abroad far from the report's own place is still not believed (issue 11).

Reports written for these tests (invented places and figures).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve
from civcas.resolve.features import location

TOWN = Place("Qasr Nur", 37.05, 41.22, "SY", "Hasakah", precision="village", geonames_id=301)
ACROSS = Place("Tell Hudud", 37.07, 41.21, "TR", "Mardin", precision="village",
               geonames_id=302)  # two kilometres away, in Turkey
FAR = Place("Qasr Nur", 39.0, -76.9, "US", "Maryland", precision="village", geonames_id=303)
DAY = "2022-07-27"


def claim(phrase, low, geo=TOWN, **kw):
    return dict(phrase=phrase, low=low, high=low, event_date=DAY, geo=geo, place=geo.name,
                victims="people", perpetrator="Islamic State",
                source=kw.pop("source", "Syrian Observatory for Human Rights"), **kw)


def reports():
    main = make_result("main", "A truck bomb killed 44 people in Qasr Nur in northern Syria on "
                       "Wednesday and wounded 140, the Observatory said. Two people were slightly "
                       "hurt in Tell Hudud, a witness said.",
                       [claim("killed 44 people", 44), claim("wounded 140", 140, outcome="injured"),
                        claim("Two people were slightly hurt", 2, ACROSS, outcome="injured",
                              source="witnesses")], published=DAY, focus=TOWN)
    other = make_result("other", "The truck bomb in Qasr Nur in northern Syria on Wednesday "
                        "killed 48 people and wounded more than 100, state media said.",
                        [claim("killed 48 people", 48, source="state media"),
                         claim("wounded more than 100", 101, outcome="injured",
                               source="state media")], published=DAY, focus=TOWN)
    return [main, other]


def run(results):
    return resolve([r.document for r in results], [c for r in results for c in r.claims],
                   focus={r.document.id: r.focus for r in results if r.focus is not None})


def test_a_town_across_the_border_is_believed_only_beside_the_reports_own_place():
    main = reports()[0]
    hurt = main.claims[2]
    near = location(hurt, TOWN, lambda: "SY")
    assert near is not None and near.country == "TR" and near.lat is not None
    # without the report's place beside it, the gazetteer's Turkish town is not believed
    alone = location(hurt, None, lambda: "SY")
    assert alone is not None and alone.lat is None
    # nor is a namesake across the ocean
    far = location(type(hurt)(**{**hurt.__dict__, "geo": FAR}), TOWN, lambda: "SY")
    assert far is not None and far.lat is None


def test_the_town_across_the_border_is_part_of_the_attack_and_no_rival_figure():
    for results in (reports(), reports()[::-1]):
        res = run(results)
        assert len(res.incidents) == 1
        [inc] = res.incidents
        hurt = reports()[0].claims[2].id
        assert hurt in inc.claim_ids
        [injured] = [e for e in inc.assessment.estimates
                     if e.outcome == "injured" and e.victims == "civilians"]
        assert (injured.low, injured.high) == (101, 140)
        assert hurt not in injured.claim_ids and hurt in injured.rule


def test_an_attack_of_its_own_across_the_border_stays_apart():
    rocket = make_result("rocket", "A rocket fired from Syria killed 1 person in Tell Hudud on "
                         "Wednesday, Turkish media said.",
                         [claim("killed 1 person", 1, ACROSS, source="Turkish media")],
                         published=DAY, focus=ACROSS)
    res = run([*reports(), rocket])
    assert len(res.incidents) == 2
    [own] = [i for i in res.incidents if rocket.claims[0].id in i.claim_ids]
    [bombing] = [i for i in res.incidents if reports()[1].claims[0].id in i.claim_ids]
    assert own.id != bombing.id
    assert all(c.id in bombing.claim_ids for r in reports() for c in r.claims[:2])
