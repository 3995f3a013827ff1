"""A mention years later dated only to a month ("in March 2022") joins the attack remembered,
the one most reports tell, and never seeds a group that the month's first attack at that place
then joins (issue 11).

Reports written for these tests (invented places and figures).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

from .scenarios import civilians_killed, holder

TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)


def claim(phrase, low, day, **kw):
    return dict(phrase=phrase, low=low, high=low, event_date=day, geo=TOWN, place="Qasr Nur",
                victims=kw.pop("victims", "civilians"),
                perpetrator=kw.pop("perpetrator", "Syrian government forces"),
                source=kw.pop("source", "Syrian Observatory for Human Rights"), **kw)


def reports():
    # early in the month, a small shelling
    shelling = make_result("shelling", "Shelling killed 4 civilians in Qasr Nur on Thursday, "
                           "the Observatory said.",
                           [claim("killed 4 civilians", 4, "2022-03-03")], published="2022-03-03")
    # later the same month, the attack three reports tell
    attack = [make_result(f"attack-{n}", f"A gas attack on Qasr Nur on Sunday killed {k} "
                          f"civilians, {who} said.",
                          [claim(f"killed {k} civilians", k, "2022-03-20", source=source)],
                          published="2022-03-21")
              for n, k, who, source in (
                  (1, 310, "the Observatory", "Syrian Observatory for Human Rights"),
                  (2, 320, "the Network", "Syrian Network for Human Rights"),
                  (3, 310, "the Observatory", "Syrian Observatory for Human Rights"))]
    # two years on, a passing mention dated only by its month
    mention = make_result("mention", "In March 2022 a gas attack on Qasr Nur killed hundreds of "
                          "civilians, the Observatory said.",
                          [dict(claim("killed hundreds of civilians", None, "2022-03-01/2022-03-31"),
                                high=None, qualifier="vague")],
                          published="2024-03-21")
    return [mention, shelling, *attack]


def test_a_month_dated_mention_joins_the_attack_most_reports_tell():
    results = reports()
    for order in ([0, 1, 2, 3, 4], [1, 2, 3, 4, 0], [4, 0, 3, 1, 2]):
        rs = [results[i] for i in order]
        res = resolve([r.document for r in rs], [c for r in rs for c in r.claims])
        assert len(res.incidents) == 2
        mention, shelling, first = (results[i].claims[0].id for i in (0, 1, 2))
        attack = holder(res, first)
        assert holder(res, mention).id == attack.id
        assert len(attack.claim_ids) == 4
        # the small shelling early in the month stays its own incident, its best its own figure
        alone = holder(res, shelling)
        assert alone.id != attack.id and alone.claim_ids == (shelling,)
        assert civilians_killed(alone).best == 4
        # the vague mention adds no figure: the range is the reports' (best: the lower middle of
        # the two monitors' figures)
        est = civilians_killed(attack)
        assert (est.low, est.best, est.high) == (310, 310, 320)
        assert mention not in est.claim_ids
        assert attack.assessment.grade == "fair"
        assert any(first in reason for reason in attack.assessment.reasons)


def test_a_mention_the_attacks_figures_cannot_fit_stays_apart():
    results = reports()
    # the mention's own figure cannot be the attack's toll (a few, not hundreds): not joined
    few = make_result("few", "In March 2022 shelling on Qasr Nur killed 3 civilians, the "
                      "Observatory said.", [claim("killed 3 civilians", 3, "2022-03-01/2022-03-31")],
                      published="2024-03-21")
    rs = [few, *results[2:]]
    res = resolve([r.document for r in rs], [c for r in rs for c in r.claims])
    assert len(res.incidents) == 2
    assert holder(res, few.claims[0].id).id != holder(res, results[2].claims[0].id).id
