"""Reports of a chemical attack at one place on one day are one attack whatever their counts:
the first counts of a mass-casualty attack are a tenth of the later ones (issue 11).

Reports written for these tests (invented places, outlets and figures).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve
from civcas.vocab import names

TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)
DAY = "2022-08-17"
SOHR = "Syrian Observatory for Human Rights"


def claim(phrase, low, high=None, day=DAY, **kw):
    return dict(phrase=phrase, low=low, high=high if high is not None else low, event_date=day,
                geo=TOWN, place="Qasr Nur", victims=kw.pop("victims", "people"),
                perpetrator=kw.pop("perpetrator", "Syrian government forces"),
                source=kw.pop("source", SOHR), **kw)


def early():
    return make_result("early", "More than 40 people were confirmed dead in the gas attack on "
                       "Qasr Nur on Wednesday, the Observatory said.",
                       [claim("More than 40 people", 41, qualifier="more_than")], DAY)


def later():
    return [make_result("later-1", "The opposition said 1,300 people were killed in the chemical "
                        "attack on Qasr Nur on Wednesday.",
                        [claim("1,300 people were killed", 1300, source="opposition")],
                        "2022-08-18"),
            make_result("later-2", "Between 500 and 1,300 people died on Wednesday in the sarin "
                        "attack on Qasr Nur, activists said.",
                        [claim("Between 500 and 1,300 people died", 500, 1300,
                               qualifier="range", source="activists")], "2022-08-18")]


def shelling():
    # the same day, the same town, a conventional attack: its report names no chemical
    return make_result("shelling", "Shelling killed 3 people in Qasr Nur on Wednesday, the "
                       "Observatory said.", [claim("killed 3 people", 3)], DAY)


def run(results):
    return resolve([r.document for r in results], [c for r in results for c in r.claims])


def test_every_means_row_names_itself_in_its_example():
    means = names.vocabulary().tables.means
    assert means and all(m.example for m in means)
    for m in means:
        if m.rare:
            assert m.id in names.rare_means_named(m.example), m.id


def test_the_vocabulary_names_chemical_attacks_not_every_gas():
    assert names.rare_means_named("a sarin gas attack on the suburbs") == {"chemical"}
    assert names.rare_means_named("a suspected chlorine attack") == {"chemical"}
    assert names.rare_means_named("police fired tear gas at a gas station") == frozenset()


def test_early_and_late_counts_of_a_chemical_attack_are_one_incident():
    results = [early(), *later()]
    for order in (results, results[::-1]):
        res = run(order)
        assert len(res.incidents) == 1
        [inc] = res.incidents
        [est] = [e for e in inc.assessment.estimates
                 if e.outcome == "killed" and e.victims == "civilians"]
        assert est.low == 41 and est.high == 1300
        assert inc.perpetrators == ("Syrian government forces",)


def test_a_conventional_attack_the_same_day_stays_apart():
    res = run([early(), *later(), shelling()])
    assert len(res.incidents) == 2
    [alone] = [i for i in res.incidents if shelling().claims[0].id in i.claim_ids]
    assert alone.claim_ids == (shelling().claims[0].id,)


def test_without_the_means_named_the_counts_keep_them_apart():
    # the same figures in reports that name no means: 41 and 1,300 are two tolls
    plain = [make_result("a", "More than 40 people were killed in Qasr Nur on Wednesday.",
                         [claim("More than 40 people", 41, qualifier="more_than")], DAY),
             make_result("b", "The opposition said 1,300 people were killed in Qasr Nur on "
                         "Wednesday.", [claim("1,300 people were killed", 1300,
                                              source="opposition")], "2022-08-18")]
    assert len(run(plain).incidents) == 2


def undated_gas_report(published="2022-08-21"):
    # names no day: dated by its page's week, at the town its report is about
    return make_result("undated-gas", "Symptoms seen in the victims are consistent with a nerve "
                       "agent, the health agency said, putting the death toll at 70.",
                       [claim("the death toll at 70", 70, day=None, source="WHO",
                              qualifier="at_least")], published)


def bombing_reports():
    # a conventional bombardment of the town three days after the gas attack, told by two
    # reports naming no means
    text = "Air strikes on Qasr Nur killed 19 civilians on Saturday, the Observatory said."
    return [make_result(f"bombing-{n}", text, [claim("killed 19 civilians", 19,
                                                     victims="civilians", day="2022-08-20")],
                        "2022-08-20") for n in (1, 2)]


def test_an_undated_report_of_a_gas_attack_does_not_join_a_conventional_bombing():
    # the publication-dated report fits the bombing (same town, its week, no rival figure of
    # its kind), but it tells a chemical attack: it stands rather than join the bombing
    for order in ((*bombing_reports(), undated_gas_report()),
                  (undated_gas_report(), *bombing_reports())):
        res = run(list(order))
        gas = undated_gas_report().claims[0].id
        [alone] = [i for i in res.incidents if gas in i.claim_ids]
        assert alone.claim_ids == (gas,)
        assert len(res.incidents) == 2


def test_an_undated_report_of_a_gas_attack_joins_the_gas_attack():
    # it fits both; a report naming no day joins the latest attack it fits, unless it names the
    # means of an attack that week: then that attack
    res = run([early(), *later(), *bombing_reports(), undated_gas_report()])
    assert len(res.incidents) == 2
    gas = undated_gas_report().claims[0].id
    [with_gas] = [i for i in res.incidents if gas in i.claim_ids]
    assert early().claims[0].id in with_gas.claim_ids
    assert not any(c.id in with_gas.claim_ids for r in bombing_reports() for c in r.claims)


def test_an_undated_report_naming_no_means_still_joins_the_bombing():
    plain = make_result("undated-plain", "The health agency put the death toll at 20.",
                        [claim("the death toll at 20", 20, day=None, source="WHO",
                               victims="civilians")], "2022-08-21")
    res = run([*bombing_reports(), plain])
    assert len(res.incidents) == 1
