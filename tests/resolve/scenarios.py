"""Multi-report scenarios written for these tests (invented places, outlets and figures)."""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place

# Two villages 3 km apart in one district, and a district town.
BARQA = Place("Barqa", 35.500, 36.600, "SY", "Idlib", precision="village", geonames_id=101)
SALMA = Place("Salma", 35.527, 36.600, "SY", "Idlib", precision="village", geonames_id=102)
TELL = Place("Tell Hamra", 36.900, 40.100, "SY", "Hasakah", precision="village", geonames_id=103)


def strike_reports(geo: bool = True):
    """One strike on Barqa on 2020-05-01, told by three outlets and denied by Russia."""
    g = BARQA if geo else None
    t1 = ("Russian jets struck the market in Barqa on Friday, killing 22 civilians, among them "
          "7 children, the Syrian Observatory for Human Rights said.")
    t2 = ("Rescuers in Barqa said at least 25 civilians were killed when warplanes, which they "
          "said were Russian, hit the market on Friday. Moscow's defence ministry said no "
          "civilians were harmed.")
    t3 = ("The death toll from Friday's Russian air strike on Barqa rose to 31, a local "
          "activist network said. Russian jets struck the market in Barqa on Friday, killing "
          "22 civilians, among them 7 children, the Syrian Observatory for Human Rights said.")
    r1 = make_result("wire-barqa", t1, [
        dict(phrase="killing 22 civilians", low=22, high=22, source="Syrian Observatory for "
             "Human Rights", place="Barqa", event_date="2020-05-01", perpetrator="Russia", geo=g),
        dict(phrase="7 children", victims="children", low=7, high=7, source="SOHR",
             place="Barqa", event_date="2020-05-01", perpetrator="Russia", geo=g),
    ], published="2020-05-02", outlet="Wire One")
    r2 = make_result("rescuers-barqa", t2, [
        dict(phrase="at least 25 civilians were killed", low=25, qualifier="at_least",
             source="civil defence", place="Barqa", event_date="2020-05-01",
             perpetrator="Russian warplanes", geo=g),
        dict(phrase="no civilians were harmed", outcome="casualties", low=0, high=0,
             qualifier="none", source="Russian Defence Ministry", place="Barqa",
             event_date="2020-05-01", perpetrator="Russia", geo=g),
    ], published="2020-05-02", outlet="Daily Two")
    r3 = make_result("toll-barqa", t3, [
        dict(phrase="rose to 31", low=31, high=31, source="activists", place="Barqa",
             event_date="2020-05-01", perpetrator="Russia", geo=g),
        dict(phrase="killing 22 civilians", low=22, high=22, source="Syrian Observatory for "
             "Human Rights", place="Barqa", event_date="2020-05-01", perpetrator="Russia",
             geo=g),
    ], published="2020-05-03", outlet="Weekly Three")
    return [r1, r2, r3]


def neighbouring_villages(geo: bool = True):
    """Two strikes on one day in two villages 3 km apart."""
    t1 = "An air strike on Barqa killed 9 civilians on Sunday, activists said."
    t2 = "Shelling of Salma killed 4 civilians on Sunday, a medical source said."
    return [
        make_result("barqa-sunday", t1, [dict(phrase="killed 9 civilians", low=9, high=9,
                    source="activists", place="Barqa", event_date="2020-06-07",
                    geo=BARQA if geo else None)], published="2020-06-08"),
        make_result("salma-sunday", t2, [dict(phrase="killed 4 civilians", low=4, high=4,
                    source="medical source", place="Salma", event_date="2020-06-07",
                    geo=SALMA if geo else None)], published="2020-06-08"),
    ]


def cumulative_reports():
    t1 = ("The coalition says its strikes have killed 173 civilians since 2014, a figure "
          "monitors call far too low.")
    t2 = "The coalition now admits 883 civilian deaths in Iraq and Syria since 2014."
    return [
        make_result("coalition-2016", t1, [dict(phrase="killed 173 civilians", low=173, high=173,
                    source="US-led coalition", perpetrator="US-led coalition",
                    scope="cumulative")], published="2016-12-10"),
        make_result("coalition-2018", t2, [dict(phrase="883 civilian deaths", low=883, high=883,
                    source="US-led coalition", perpetrator="U.S.-led coalition", scope="cumulative")],
                    published="2018-04-30"),
    ]


def acknowledged_report():
    t = ("The coalition said on Tuesday that its strike on Tell Hamra on 3 March killed 4 "
         "civilians. Local activists had reported 11 dead.")
    return [make_result("tell-hamra", t, [
        dict(phrase="killed 4 civilians", low=4, high=4, source="US-led coalition",
             place="Tell Hamra", event_date="2020-03-03", perpetrator="US-led coalition",
             geo=TELL),
        dict(phrase="11 dead", victims="people", low=11, high=11, source="activists",
             place="Tell Hamra", event_date="2020-03-03", geo=TELL),
    ], published="2020-04-14")]


def records(results):
    docs = [r.document for r in results]
    claims = [c for r in results for c in r.claims]
    return docs, claims


def holder(res, claim_id):
    """The one incident of a resolution that holds ``claim_id``."""
    [inc] = [i for i in res.incidents if claim_id in i.claim_ids]
    return inc


def civilians_killed(inc):
    """An incident's one estimate of civilians killed."""
    [est] = [e for e in inc.assessment.estimates
             if e.outcome == "killed" and e.victims == "civilians"]
    return est
