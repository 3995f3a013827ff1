"""A part of a toll is never a rival to the whole (issue 11). Reports written for the tests."""
from __future__ import annotations

from conftest import make_claim, make_result

from civcas.assess.parts import part_figure
from civcas.records import Place
from civcas.resolve import resolve

TELL = Place("Tell Hamra", 36.900, 40.100, "SY", "Hasakah", precision="village", geonames_id=103)


def claim(sentence: str, phrase: str, low: int, **kw):
    return make_claim(sentence, phrase, low=low, high=low, **kw)


def test_parts_are_read_from_the_words_around_the_figure():
    s = "Two nurses were among at least 35 people killed in the shelling, the monitor said."
    assert part_figure(claim(s, "Two nurses", 2))
    assert not part_figure(claim(s, "35 people killed", 35, victims="people"))
    s = "The shelling killed 12 civilians, including four children, medics said."
    assert part_figure(claim(s, "four children", 4, victims="children"))
    assert not part_figure(claim(s, "killed 12 civilians", 12))
    assert part_figure(claim("At least three of the dead were teachers.", "three", 3))
    assert part_figure(claim("It said 20 people died, 9 of them in one shelter.", "9", 9))
    s = "The raid killed 8 civilians and 20 fighters, with another 6 bodies not yet named."
    assert part_figure(claim(s, "another 6 bodies", 6, victims="people"))
    # "among them" after a figure makes it the whole; "members of the" is no part
    s = "Eleven civilians, among them two women, were killed on Monday."
    assert not part_figure(claim(s, "Eleven civilians", 11))
    assert not part_figure(claim("The strike killed 14 members of the family.", "14 members", 14))
    # a vague figure or a figure-less claim is never a part
    assert not part_figure(claim("Dozens were among the dead.", "Dozens", 24, qualifier="vague"))


def test_a_part_joins_its_attack_and_is_no_rival_estimate():
    day = "2021-06-05"
    t1 = ("Two nurses were among at least 35 people killed on Saturday in government shelling "
          "of Tell Hamra, the Syrian Observatory for Human Rights said.")
    t2 = "Government shelling of Tell Hamra killed 38 people on Saturday, rescuers said."
    t3 = "A local doctor said two nurses were among the dead in Tell Hamra on Saturday."
    results = [
        make_result("monitor", t1, [
            dict(phrase="Two nurses", low=2, high=2, source="Syrian Observatory for Human "
                 "Rights", place="Tell Hamra", event_date=day,
                 perpetrator="Syrian government forces", geo=TELL),
            dict(phrase="35 people killed", victims="people", low=35, qualifier="at_least",
                 source="Syrian Observatory for Human Rights", place="Tell Hamra",
                 event_date=day, perpetrator="Syrian government forces", geo=TELL)],
            published=day),
        make_result("rescuers", t2, [
            dict(phrase="killed 38 people", victims="civilians", low=38, high=38,
                 source="civil defence", place="Tell Hamra", event_date=day,
                 perpetrator="Syrian government forces", geo=TELL)], published=day),
        make_result("doctor", t3, [
            dict(phrase="two nurses", low=2, high=2, source="medical source",
                 place="Tell Hamra", event_date=day, geo=TELL)], published=day),
    ]
    res = resolve([r.document for r in results], [c for r in results for c in r.claims])
    assert len(res.incidents) == 1
    est = next(e for e in res.incidents[0].assessment.estimates
               if (e.outcome, e.victims) == ("killed", "civilians"))
    # the nurses are part of the toll: the civilian estimate is the whole's, not 2
    assert (est.low, est.best, est.high) == (38, 38, 38)
    assert "part of the toll left out" in est.rule


def test_only_parts_told_are_the_estimate():
    s = "Two nurses were among the dead in Tell Hamra on Saturday, a doctor said."
    r = make_result("doctor", s, [dict(phrase="Two nurses", low=2, high=2,
                                       source="medical source", place="Tell Hamra",
                                       event_date="2021-06-05", geo=TELL)])
    res = resolve([r.document], list(r.claims))
    est = res.incidents[0].assessment.estimates[0]
    assert (est.outcome, est.victims, est.best) == ("killed", "civilians", 2)


def test_every_item_of_a_breakdown_is_a_part():
    s = ("Air strikes killed 40 civilians in the city on Tuesday, including 12 in the Salihin "
         "district, 9 in Ansari, 6 in Mashhad and 2 in each of two other districts.")
    assert not part_figure(claim(s, "killed 40 civilians", 40))
    for phrase, n in (("12 in the Salihin", 12), ("9 in Ansari", 9), ("6 in Mashhad", 6),
                      ("2 in each", 2)):
        assert part_figure(claim(s, phrase, n)), phrase
    s = "Strikes killed 20 people, including 4 children, 3 women and 2 men."
    assert all(part_figure(claim(s, p, n)) for p, n in (("4 children", 4), ("3 women", 3),
                                                         ("2 men", 2)))
    # another outcome after the breakdown is no item of it; nor a list with no part opened
    s = "Strikes killed 20 people including 4 children and wounded 30 others."
    assert not part_figure(claim(s, "30 others", 30, outcome="injured"))
    s = "Shelling killed 12 people in Idlib and 20 in Aleppo."
    assert not part_figure(claim(s, "20 in Aleppo", 20))


def test_a_breakdown_by_district_stays_with_its_whole():
    day = "2021-06-08"
    t = ("Air strikes killed 40 civilians in Tell Hamra on Tuesday, including 12 in the Salihin "
         "district, 9 in Ansari, 6 in Mashhad and 2 in each of two other districts, the monitor "
         "said.")
    figures = [("killed 40 civilians", 40), ("12 in the Salihin", 12), ("9 in Ansari", 9),
               ("6 in Mashhad", 6), ("2 in each", 2)]
    r = make_result("breakdown", t, [dict(phrase=p, low=n, high=n, source="Syrian Observatory "
                                          "for Human Rights", place="Tell Hamra", event_date=day,
                                          perpetrator="Syrian government forces", geo=TELL)
                                     for p, n in figures], published=day)
    res = resolve([r.document], list(r.claims))
    assert len(res.incidents) == 1
    est = next(e for e in res.incidents[0].assessment.estimates
               if (e.outcome, e.victims) == ("killed", "civilians"))
    assert (est.low, est.best, est.high) == (40, 40, 40)
