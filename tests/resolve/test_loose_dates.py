"""A claim dated only to a month does not tie two attacks weeks apart (issue 11).

Reports written for these tests (invented places).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)


def claim(phrase, low, day, perpetrator, **kw):
    return dict(phrase=phrase, low=low, high=low, event_date=day, geo=TOWN, place="Qasr Nur",
                perpetrator=perpetrator, source=kw.pop("source", "activists"), **kw)


def count(results):
    res = resolve([r.document for r in results], [c for r in results for c in r.claims])
    return len(res.incidents)


def test_a_months_total_beside_one_attack_does_not_bridge_to_another_weeks_later():
    early = make_result("early", "Jets killed 56 civilians in Qasr Nur on Tuesday. In March "
                        "air strikes killed 90 civilians in Qasr Nur, activists said.",
                        [claim("killed 56 civilians", 56, "2022-03-01", "Russia"),
                         claim("killed 90 civilians", 90, "2022-03-01/2022-03-31", "Russia")],
                        published="2022-03-02")
    # two weeks later, the same figure blamed on another party: another attack
    later = make_result("later", "Shelling killed 56 civilians in Qasr Nur on Monday, state "
                        "media said.", [claim("killed 56 civilians", 56, "2022-03-14", "rebels")],
                        published="2022-03-15")
    assert count([early, later]) >= 2
    # the same attack told again on its day stays one incident
    again = make_result("again", "Jets killed 56 civilians in Qasr Nur on Tuesday, a monitor "
                        "said.", [claim("killed 56 civilians", 56, "2022-03-01", "Russia")],
                        published="2022-03-01")
    assert count([early, again]) == count([early])


def test_a_reports_wounded_stay_with_its_dead_whatever_another_report_counted():
    day = "2022-03-01"
    # the report of another, smaller attack nearby the same day has joined the town's group first
    other = make_result("other", "State TV said two people were wounded by shelling on Qasr Nur "
                        "on Tuesday.", [claim("two people were wounded", 2, day, "Islamic State",
                                              outcome="injured", victims="people")],
                        published=day)
    attack = make_result("attack", "Fighters killed 51 people in Qasr Nur on Tuesday. Over 100 "
                         "were wounded in the attack on Qasr Nur, medics said on Tuesday.", [
                             claim("killed 51 people", 51, day, "Islamic State", victims="people"),
                             claim("Over 100 were wounded", 101, day, "Islamic State",
                                   outcome="injured", victims="people", qualifier="at_least")],
                         published=day)
    res = resolve([r.document for r in (other, attack)],
                  [c for r in (other, attack) for c in r.claims])
    [dead] = [c for c in attack.claims if c.outcome == "killed"]
    [wounded] = [c for c in attack.claims if c.outcome == "injured"]
    holding = {i.id for i in res.incidents for cid in i.claim_ids if cid in (dead.id, wounded.id)}
    assert len(holding) == 1
    # a report's figures dated by no day (its publication week) are not bound that way
    undated = make_result("undated", "Fighters killed 51 people in Qasr Nur. Over 100 were "
                          "wounded, medics said.", [
                              claim("killed 51 people", 51, None, "Islamic State",
                                    victims="people"),
                              claim("Over 100 were wounded", 101, None, "Islamic State",
                                    outcome="injured", victims="people", qualifier="at_least")],
                          published="2022-03-03")
    assert count([other, undated]) == 2
