"""A chemical attack's own reports count its dead suburb by suburb ("150 bodies in one, 100 in
another") beside the day's whole toll: the per-place counts are the same attack, not incidents
of their own (issue 11, §18.2). Separate attacks those reports also tell stay apart.

Reports written for these tests (invented places, outlets and figures).
"""
from __future__ import annotations

import dataclasses

from conftest import make_result as _make_result

from civcas.records import Place
from civcas.resolve import resolve

CITY = Place("Dar Halab", 33.51, 36.29, "SY", "Marj", precision="village", geonames_id=401)
SUBURB = Place("Kafr Sabt", 33.52, 36.37, "SY", "Marj", precision="village", geonames_id=402)
NEAR = Place("Ain Sahl", 33.55, 36.33, "SY", "Marj", precision="village", geonames_id=404)
FAR = Place("Tell Warda", 34.05, 36.85, "SY", "Qalam", precision="village", geonames_id=403)
DAY = "2022-03-09"
GOV = "Syrian government forces"


def make_result(doc_id, text, claims, published):
    """A report whose claims each hold their own sentence (not the whole text)."""
    r = _make_result(doc_id, text, claims, published)
    out = []
    for c in r.claims:
        start = text.rfind(". ", 0, c.span[0]) + 2 if ". " in text[:c.span[0]] else 0
        end = text.find(". ", c.span[1])
        end = len(text) if end < 0 else end + 1
        out.append(dataclasses.replace(c, sentence=text[start:end], sentence_start=start))
    return dataclasses.replace(r, claims=tuple(out))


def claim(phrase, low, geo=CITY, high=None, **kw):
    return dict(phrase=phrase, low=low, high=high if high is not None else low, event_date=DAY,
                geo=geo, place=geo.name, victims=kw.pop("victims", "people"),
                perpetrator=kw.pop("perpetrator", GOV),
                source=kw.pop("source", "activists"), **kw)


def reports(suburb_perp=GOV, suburb_geo=SUBURB, means="sarin gas"):
    a = (f"Activists said 1,300 people were killed in the {means} attack on "
         f"Dar Halab on Wednesday. A field clinic in {suburb_geo.name} received 90 bodies.")
    b = (f"Between 500 and 1,300 people died on Wednesday in the {means} attack on Dar Halab, "
         f"the opposition said. Medics counted 150 bodies in {suburb_geo.name}.")
    return [make_result("wire-a", a, [
                claim("1,300 people were killed", 1300),
                claim("received 90 bodies", 90, geo=suburb_geo, perpetrator=suburb_perp)],
                "2022-03-10"),
            make_result("wire-b", b, [
                claim("Between 500 and 1,300 people died", 500, high=1300, qualifier="range",
                      source="opposition"),
                claim("counted 150 bodies", 150, geo=suburb_geo, perpetrator=suburb_perp,
                      source="medics")], "2022-03-10")]


def run(results):
    return resolve([r.document for r in results], [c for r in results for c in r.claims])


def test_per_suburb_counts_of_a_chemical_attack_join_its_toll():
    results = reports()
    for order in (results, results[::-1]):
        res = run(order)
        assert len(res.incidents) == 1
        [inc] = res.incidents
        assert len(inc.claim_ids) == 4
        assert inc.perpetrators == (GOV,)


def test_without_a_rare_means_the_suburb_stays_apart():
    res = run(reports(means="artillery"))
    assert len(res.incidents) == 2


def test_a_far_town_the_same_reports_tell_stays_apart():
    res = run(reports(suburb_geo=FAR))
    assert len(res.incidents) == 2


def test_rival_blame_keeps_the_suburb_apart():
    res = run(reports(suburb_perp="Islamic State"))
    assert len(res.incidents) == 2


def test_a_suburb_attack_another_report_tells_alone_stays_apart():
    # a third outlet reports shelling of the suburb that day without the chemical attack: the
    # suburb's group is not only the gas attack's reports' account
    alone = make_result("local", "Shelling killed 120 people in Kafr Sabt on Wednesday.",
                        [claim("killed 120 people", 120, geo=SUBURB, source="local council")],
                        "2022-03-10")
    res = run([*reports(), alone])
    assert len(res.incidents) == 2


def test_one_report_telling_a_nearby_count_beside_the_gas_attack_keeps_it_apart():
    # a single report of the gas attack also tells a count at the suburb: it may be a second
    # attack that day; it takes two or more reports all telling both
    res = run(reports()[:1])
    assert len(res.incidents) == 2


def test_a_count_in_the_same_sentence_as_the_suburbs_joins_too():
    # "150 bodies in Kafr Sabt and 40 in Ain Sahl": the second place's count is told once, in
    # the sentence of a count the attack already holds
    results = reports()
    text = results[1].document.text.replace("150 bodies in Kafr Sabt.",
                                            "150 bodies in Kafr Sabt and 40 in Ain Sahl.")
    b = make_result("wire-b", text, [
        claim("Between 500 and 1,300 people died", 500, high=1300, qualifier="range",
              source="opposition"),
        claim("counted 150 bodies", 150, geo=SUBURB, source="medics"),
        claim("40 in Ain Sahl", 40, geo=NEAR, source="medics")], "2022-03-10")
    res = run([results[0], b])
    assert len(res.incidents) == 1
    assert len(res.incidents[0].claim_ids) == 5


def test_a_conventional_attack_on_a_near_suburb_told_by_the_same_reports_stays_apart():
    # the brief's known risk: both reports tell the gas attack and, beside it, shelling of a
    # suburb nearby that day; the shelling's counts name their own means
    a = ("Activists said 1,300 people were killed in the sarin gas attack on Dar Halab on "
         "Wednesday. Shelling killed 4 people in Kafr Sabt the same day.")
    b = ("Between 500 and 1,300 people died on Wednesday in the sarin gas attack on Dar Halab, "
         "the opposition said. Government shelling of Kafr Sabt killed 5 people.")
    results = [make_result("wire-a", a, [claim("1,300 people were killed", 1300),
                                         claim("killed 4 people", 4, geo=SUBURB)], "2022-03-10"),
               make_result("wire-b", b, [
                   claim("Between 500 and 1,300 people died", 500, high=1300, qualifier="range",
                         source="opposition"),
                   claim("killed 5 people", 5, geo=SUBURB, source="medics")], "2022-03-10")]
    for order in (results, results[::-1]):
        res = run(order)
        assert len(res.incidents) == 2
        shelling = [i for i in res.incidents if len(i.claim_ids) == 2
                    and {c.id for r in results for c in r.claims[1:]} == set(i.claim_ids)]
        assert shelling
