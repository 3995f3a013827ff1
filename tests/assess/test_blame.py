"""Who an incident is blamed on: the sources' weighted choice (issue 11).

Reports written for these tests; places and figures invented.
"""
from __future__ import annotations

import pytest
from conftest import make_claim, make_result

from civcas.assess import assess
from civcas.assess.blame import blame, named
from civcas.records import Place
from civcas.resolve import resolve

S = "A truck bomb hit the market of Tell Hamra on Wednesday, several sources said."


def c(doc: str, source: str, perpetrator: str | None, low: int = 30, **kw):
    kw.setdefault("id", f"{doc}-{source}-{perpetrator}-{low}")
    sentence = f"{S} Report {doc}."  # each report words it its own way
    return make_claim(sentence, "A truck bomb", document_id=doc, source=source,
                      perpetrator=perpetrator, low=low, high=low, **kw)


def test_one_report_misreading_the_attacker_is_outweighed_and_said():
    claims = [c("d1", "SOHR", "Islamic State"), c("d2", "medical source", "Islamic State"),
              c("d3", "civil defence", "Islamic State"),
              # one page reads the state news agency's report as the government's own attack
              c("d4", "dailypage", "Syrian government forces"),
              c("d4", "police", "Syrian government forces", low=31)]
    b = blame(claims)
    assert b.parties == ("Islamic State",)
    assert [o[0] for o in b.outweighed] == ["Syrian government forces"]
    a = assess(claims, {})
    said = [r for r in a.reasons if "outweighed" in r]
    assert len(said) == 1 and "d4-dailypage-Syrian government forces-30" in said[0]


def test_independent_sources_blaming_rivals_in_several_reports_keep_both():
    claims = [c("d1", "SOHR", "Russia"), c("d2", "civil defence", "Russia"),
              c("d3", "Amnesty International", "US-led coalition"),
              c("d4", "activists", "US-led coalition")]
    assert set(blame(claims).parties) == {"Russia", "US-led coalition"}
    assert assess(claims, {}).grade == "contested"


def test_a_belligerent_blaming_its_enemy_weighs_less_than_a_monitor():
    claims = [c("d1", "SOHR", "Syrian government forces"),
              c("d2", "Syrian Network for Human Rights", "Syrian government forces"),
              c("d3", "SANA", "rebels"), c("d4", "SANA", "rebels")]
    assert blame(claims).parties == ("Syrian government forces",)


def test_a_contested_claim_names_the_rivals_its_sentence_gives():
    s = ("The raids were carried out by either Russian or regime warplanes, the monitor said, "
         "killing 10 people.")
    claim = make_claim(s, "killing 10 people", low=10, high=10, source="SOHR",
                       perpetrator="contested", document_id="d1", id="x")
    assert set(named(claim)) == {"Russia", "Syrian government forces"}
    assert set(blame([claim]).parties) == {"Russia", "Syrian government forces"}


@pytest.mark.parametrize("held", ["in rebel-held Idlib province", "in areas held by the rebels",
                                  "in rebel-controlled districts"])
def test_a_contested_claim_does_not_blame_who_holds_the_place_hit(held):
    s = (f"Either Russian or regime warplanes struck a school {held}, killing 22 children, the "
         "monitor said.")
    claim = make_claim(s, "killing 22 children", low=22, high=22, victims="children",
                       source="SOHR", perpetrator="contested", document_id="d1", id="x")
    assert set(named(claim)) == {"Russia", "Syrian government forces"}


def test_a_contested_claim_still_blames_rebel_fire():
    s = ("Rebel rocket fire or Syrian army shelling hit the government-held west of the city, "
         "killing 6.")
    claim = make_claim(s, "killing 6", low=6, high=6, source="SOHR", perpetrator="contested",
                       document_id="d1", id="x")
    assert set(named(claim)) == {"rebels", "Syrian government forces"}


def test_generic_attacker_counts_only_when_no_party_is_named():
    assert blame([c("d1", "SOHR", "suicide bomber")]).parties == ("suicide bomber",)
    assert blame([c("d1", "SOHR", "suicide bomber"),
                  c("d2", "activists", "Islamic State")]).parties == ("Islamic State",)


TELL = Place("Tell Hamra", 36.900, 40.100, "SY", "Hasakah", precision="village", geonames_id=103)


def test_reports_blaming_rivals_for_one_toll_on_one_day_are_one_incident():
    t1 = ("A truck bomb killed 44 people in Tell Hamra on Wednesday, the Syrian Observatory for "
          "Human Rights said. The Islamic State group claimed the attack.")
    t2 = ("Medics in Tell Hamra said 44 people were killed on Wednesday when a truck bomb "
          "exploded near the market. The Islamic State group said it was behind the blast.")
    t3 = ("A twin bombing killed 44 people in Tell Hamra on Wednesday, state media and local "
          "outlets said.")
    day = "2021-03-03"
    results = [
        make_result("sohr", t1, [dict(phrase="killed 44 people", victims="people", low=44,
                    high=44, source="Syrian Observatory for Human Rights", place="Tell Hamra",
                    event_date=day, perpetrator="Islamic State", geo=TELL)], published=day),
        make_result("medics", t2, [dict(phrase="44 people were killed", victims="people",
                    low=44, high=44, source="medical source", place="Tell Hamra",
                    event_date=day, perpetrator="Islamic State", geo=TELL)], published=day),
        # the extractor misread the reporting state media as the attacker
        make_result("paper", t3, [dict(phrase="killed 44 people", victims="people", low=44,
                    high=44, source="state media", place="Tell Hamra", event_date=day,
                    perpetrator="Syrian government forces", geo=TELL)], published=day),
    ]
    res = resolve([r.document for r in results], [x for r in results for x in r.claims])
    assert len(res.incidents) == 1
    inc = res.incidents[0]
    assert inc.perpetrators == ("Islamic State",)
    assert any("outweighed" in r and "Syrian government forces" in r
               for r in inc.assessment.reasons)
    # a rival's attack there days later is another attack
    later = make_result("later", t3.replace("Wednesday", "Sunday"), [
        dict(phrase="killed 44 people", victims="people", low=44, high=44, source="state media",
             place="Tell Hamra", event_date="2021-03-10", perpetrator="Syrian government forces",
             geo=TELL)], published="2021-03-10")
    results.append(later)
    res = resolve([r.document for r in results], [x for r in results for x in r.claims])
    assert len(res.incidents) == 2


def test_the_grade_still_weighs_a_rival_that_another_belligerent_accuses():
    from civcas.assess.blame import graded

    monitors = [c("d1", "SOHR", "Islamic State"), c("d2", "civil defence", "Islamic State"),
                c("d3", "medical source", "Islamic State")]
    accused = monitors + [c("d4", "Russian Defence Ministry", "US-led coalition")]
    b = blame(accused)
    assert b.parties == ("Islamic State",)
    assert graded(b, accused) == ["Islamic State", "US-led coalition"]  # a competing claim
    # state media naming its own side as the attacker is a misreading, not an accusation
    own = monitors + [c("d4", "SANA", "Syrian government forces")]
    assert graded(blame(own), own) == ["Islamic State"]
    assert assess(own, {}).grade != "contested"
