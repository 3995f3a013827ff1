"""One suburb's dead are a part of the toll told over the suburbs, not a rival attack nor a
rival estimate; a daily round-up of two places stays two incidents (issue 11).

Reports written for these tests (invented places, outlets and figures).
"""
from __future__ import annotations

import re
from dataclasses import replace

from conftest import make_result as _make_result

from civcas.records import Place
from civcas.resolve import resolve
from civcas.vocab import names

TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)
SAFA = Place("Tell Safa", 36.56, 37.95, "SY", "Wadi", precision="village", geonames_id=302)
DAY = "2022-05-02"


def make_result(doc_id, text, claims, **kw):
    """A report whose claims each hold the one sentence their phrase is in."""
    r = _make_result(doc_id, text, claims, **kw)
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
    out = []
    for c in r.claims:
        start, end = next((s, e) for s, e in bounds if s <= c.span[0] < e)
        while text[start] == " ":
            start += 1
        out.append(replace(c, sentence=text[start:end], sentence_start=start))
    return replace(r, claims=tuple(out))


def claim(phrase, low, geo, **kw):
    return dict(phrase=phrase, low=low, high=kw.pop("high", low), event_date=DAY, geo=geo,
                place=geo.name, victims=kw.pop("victims", "people"),
                perpetrator=kw.pop("perpetrator", "Syrian government forces"),
                source=kw.pop("source", "activists"), **kw)


def gas_attack_reports():
    whole = ("Rockets hit the rebel-held suburbs east of Qasr Nur on Monday, killing 120 "
             "people, activists said. At least 30 bodies were brought to one clinic in Tell Safa, "
             "a medic said.")
    suburb = ("A medic in Tell Safa said 35 people were killed there on Monday; a video showed "
              "a room with more than 30 bodies.")
    later = ("The opposition said on Monday that 150 people were killed across the suburbs of "
             "Qasr Nur.")
    return [
        make_result("wire-whole", whole, [
            claim("killing 120 people", 120, TOWN),
            claim("At least 30 bodies", 30, SAFA, qualifier="at_least", high=None,
                  source="medic")], published=DAY),
        make_result("suburb", suburb, [
            claim("35 people were killed", 35, SAFA, source="medic"),
            claim("more than 30 bodies", 31, SAFA, qualifier="at_least", high=None,
                  source="video")], published=DAY),
        make_result("whole-again", later, [claim("150 people were killed", 150, TOWN,
                                                 source="opposition")], published=DAY),
    ]


def civilians_killed(inc):
    return next(e for e in inc.assessment.estimates
                if e.outcome == "killed" and e.victims == "civilians")


def test_the_plural_words_of_places_come_from_the_vocabulary():
    assert names.names_several_places("shelling of the rebel-held suburbs")
    assert names.names_several_places("strikes on three villages near the town")
    assert not names.names_several_places("a strike on the village killed five")
    assert not names.names_several_places("the United States said")


def test_a_suburbs_count_joins_the_toll_told_over_the_suburbs():
    results = gas_attack_reports()
    res = resolve([r.document for r in results], [c for r in results for c in r.claims])
    assert len(res.incidents) == 1
    [inc] = res.incidents
    est = civilians_killed(inc)
    # the suburb's counts (30, 31, 35) are parts, not rival tolls: 120 and 150 are the estimates
    assert (est.low, est.best, est.high) == (120, 120, 150)
    assert "one place below the toll told over several places left out" in est.rule
    assert inc.assessment.grade == "fair"


def test_the_suburb_joins_whatever_the_ingestion_order():
    results = gas_attack_reports()
    for order in ([1, 0, 2], [2, 1, 0], [1, 2, 0]):
        rs = [results[i] for i in order]
        res = resolve([r.document for r in rs], [c for r in rs for c in r.claims])
        assert len(res.incidents) == 1


def test_a_round_up_of_two_places_stays_two_incidents():
    text = ("An air strike on Qasr Nur killed 12 people on Monday. Shelling killed 3 people in "
            "Tell Safa, a monitor said.")
    other = "Jets struck Qasr Nur on Monday, killing 12 people, rescuers said."
    results = [make_result("round-up", text, [claim("killed 12 people", 12, TOWN),
                                               claim("killed 3 people", 3, SAFA)],
                           published=DAY),
               make_result("town", other, [claim("killing 12 people", 12, TOWN,
                                                 source="rescuers")], published=DAY)]
    res = resolve([r.document for r in results], [c for r in results for c in r.claims])
    assert len(res.incidents) == 2


def test_a_count_above_the_whole_is_no_part():
    text = ("Rockets hit the suburbs east of Qasr Nur on Monday, killing 20 people, activists "
            "said. In Tell Safa alone 90 people were killed, a medic said.")
    results = [make_result("bigger", text, [claim("killing 20 people", 20, TOWN),
                                            claim("90 people were killed", 90, SAFA,
                                                  source="medic")], published=DAY)]
    res = resolve([r.document for r in results], [c for r in results for c in r.claims])
    assert len(res.incidents) == 2
