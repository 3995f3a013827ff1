"""perpetrators (decisions §12.14): sentences of our own."""
from __future__ import annotations

from civcas import extract_text
from civcas.extract.actors import ACTING, actor_mentions


def perp_of(text: str) -> list[str | None]:
    return [c.perpetrator for c in extract_text(text)]


def test_who_blew_up_a_bomb_acts():
    text = ("On Friday evening a group of terrorists blew up a car bomb outside a bakery in the Qaboun "
            "district of Damascus, killing three civilians and injuring several others.")
    assert perp_of(text) == ["rebels", "rebels"]
    roles = [m.role for m in actor_mentions("Al-Shabaab militants reportedly killed two guards at the gate.", "SO")]
    assert roles == [ACTING]


def test_a_general_term_is_the_group_that_claimed_the_attack():
    text = ("A suicide bomber blew up his motorbike outside a police station in Baquba on Friday, killing nine "
            "people, police said. The bomber was a foreigner, police said. The Islamic State group claimed the "
            "attack in a statement posted online.")
    assert perp_of(text) == ["Islamic State"]


def test_a_party_telling_of_civilians_killed_is_not_their_killer_unless_it_owns_the_act():
    text = ("Two car bombs went off near a bus station in Kirkuk on Monday, killing 11 civilians, the Iraqi Defence "
            "Ministry said in a statement.")
    assert perp_of(text) == [None]
    # the militants a party's strikes killed stay its own
    text = "Air strikes on the town of Saraqeb killed 30 militants, the Russian Defence Ministry said."
    assert perp_of(text) == ["Russia"]


def test_whose_aircraft_dropped_it_acts():
    for text in ("Toxic gas was dropped on the suburb by a helicopter belonging to the regime.",
                 "The bombs were dropped by jets operated by the Russian air force."):
        assert [m.role for m in actor_mentions(text, "SY")] == [ACTING], text
    text = ("Russian jets have pounded Idlib province for a week. On Tuesday five civilians were killed in the town "
            "of Kafranbel when a barrel bomb was dropped by a helicopter belonging to the regime, a rescue worker said.")
    assert perp_of(text) == ["Syrian government forces"]


def test_who_claims_the_attack_later_in_its_account_did_it():
    text = ("At least 14 people were killed when a car bomb went off at a checkpoint near the Bab al-Hawa crossing "
            "on Sunday. The blast hit the crossing during a change of guard, witnesses said. Most of the dead were "
            "fighters of a Turkish-backed faction. In a statement posted online, the Islamic State group claimed "
            "responsibilty for the attack.")
    assert perp_of(text)[0] == "Islamic State"


def test_a_repeat_of_the_figure_that_names_the_attacker_names_it_for_the_claim():
    text = ("Three people were killed and nine wounded in a car bomb attack in the Mezzeh district of Damascus on "
            "Thursday, state news agency SANA reported. The explosion shattered windows along the street. "
            "Terrorists detonated a car bomb that killed three people and wounded nine, SANA reported.")
    assert perp_of(text) == ["rebels", "rebels"]


def test_harm_of_another_day_is_not_the_accounts_attackers():
    from civcas.extract.untied import other_day as _other_day
    from civcas.extract.report import Sentence
    from civcas.extract.timex import TimeMention

    def told(*days):
        return Sentence(0, 0, 10, "x", times=[TimeMention(0, 1, "day", d, "day") for d in days])
    assert _other_day(told("2016-04-25"), "2016-04-28")  # Monday's attack, after Thursday's strike
    assert not _other_day(told("2016-04-27"), "2016-04-28")  # an assault that went on overnight
    assert not _other_day(told(), "2016-04-28") and not _other_day(told("2016-04-25"), None)
    text = ("US cruise missiles struck an air base near Homs on Thursday, killing five soldiers, the governor said. "
            "On Monday a chemical attack on the town of Khan Sheikhoun killed 80 people. Opposition groups and "
            "Western states blamed government forces for the attack, which Damascus denied.")
    assert perp_of(text) == ["United States", "Syrian government forces"]


def test_one_sides_men_killed_in_fighting_are_the_named_opponents_doing():
    text = ("Army units attacked terrorist positions in the countryside of Hama on Monday, a military source told "
            "SANA. Scores of terrorists were killed and their weapons destroyed in the clashes.")
    assert perp_of(text) == ["Syrian government forces"]
    # harm in fighting whose victims are named by no side stays no one's
    text = ("Army units attacked terrorist positions in the countryside of Hama on Monday, a military source told "
            "SANA. Four people were killed in the clashes.")
    assert perp_of(text) == [None]


def test_not_immediately_clear_who_did_it_is_unclaimed():
    from civcas.extract.english import CUES
    for text in ("It was not immediately clear who was responsible.", "It was not yet known who carried out the raid."):
        assert CUES.unclaimed.search(text), text
    assert not CUES.unclaimed.search("It was not immediately clear whether the army or the rebels carried it out.")
