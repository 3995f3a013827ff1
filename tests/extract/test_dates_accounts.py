"""Which day an account holds for the harm told after it (helper date11; every sentence written for these tests)."""
from __future__ import annotations

from civcas import extract_text

PUB = "2019-03-14"  # a Thursday


def date_of(text: str, figure: str) -> str | None:
    found = [c.event_date for c in extract_text(text, PUB) if figure in c.text]
    assert found, (figure, [(c.text, c.event_date) for c in extract_text(text, PUB)])
    return found[0]


# ------------------------------------------------------- a statement's day opens no account (GUIDE: said on Tuesday)
def test_the_day_of_a_statement_does_not_replace_the_day_of_the_strikes_told_before():
    text = ("On Monday, a series of air strikes hit the village of Tal Rifaat in northern Aleppo province. "
            "In a statement released Wednesday, the army acknowledged it had carried out strikes in the area. "
            "\"The strikes killed at least 14 civilians and wounded 20 others,\" the monitor said.")
    assert date_of(text, "14") == "2019-03-11"
    assert date_of(text, "20") == "2019-03-11"


def test_a_day_of_harm_named_before_any_claim_still_opens_the_account():
    text = ("Shells fell on a market in the town of Jisr al-Shughur on Tuesday. "
            "The shelling killed six people, the civil defence said.")
    assert date_of(text, "six") == "2019-03-12"


def test_a_day_before_said_and_its_speaker_is_the_day_of_the_harm():
    text = ("Government jets pounded the town of Saraqeb early on Wednesday said the Syrian Observatory for Human "
            "Rights. The raids killed 11 civilians, rescuers said.")
    assert date_of(text, "11") == "2019-03-13"
    text = ("A car bomb tore through a market in the town of Jarablus on Wednesday said the local council, killing "
            "nine people.")
    assert date_of(text, "nine") == "2019-03-13"


def test_a_day_before_a_telling_verb_with_its_subject_before_stays_the_statement_s():
    text = ("Shelling of the town of Douma killed four people. The health ministry on Wednesday announced a new "
            "campaign to treat the wounded.")
    assert date_of(text, "four") is None


# ------------------------------------------------------- a possessive day after "said" is the harm's (GUIDE)
def test_a_possessive_day_after_said_dates_the_strike():
    assert date_of("The monitor said Tuesday's strike on the village of Kafr Nabl killed 12 people.", "12") == "2019-03-12"
    # the apostrophe lost, as some pages print it
    assert date_of("The monitor said Tuesdays air strike on the village of Kafr Nabl had killed 12 people.",
                   "12") == "2019-03-12"


def test_a_day_right_after_said_stays_the_statement_s():
    assert date_of("Rescuers said Tuesday that an air strike on the village of Kafr Nabl had killed 12 people.",
                   "12") is None


# ------------------------------------------------------- a period named after the harm is no day of it
def test_a_month_named_in_the_next_sentence_does_not_date_the_harm():
    text = ("Militants released a video that appears to show the killing of three men in the town of Manbij. "
            "The group captured the town in June after weeks of fighting, in which dozens were killed.")
    assert date_of(text, "three") is None


def test_last_year_named_after_the_harm_does_not_date_it():
    text = ("Nine guards were killed in the fighting at the prison, the monitor said. "
            "The prison had been stormed by rebels last year, when 40 inmates were killed.")
    assert date_of(text, "Nine") is None


def test_a_day_named_in_the_next_sentence_still_dates_the_harm():
    text = ("A suicide bomber killed 17 people at a checkpoint in the town of Jarablus, the monitor said. "
            "The attack took place on Tuesday near the border crossing.")
    assert date_of(text, "17") == "2019-03-12"


# ------------------------------------------------------- harm told "a day after" another: the day before
def test_harm_in_a_clause_a_day_after_is_of_the_day_before():
    text = ("Rebel rockets hit a school in the city of Aleppo on Thursday, killing four pupils, a day after air "
            "strikes on a market in the town of Saraqeb killed 21 people.")
    assert date_of(text, "four") == "2019-03-14"
    assert date_of(text, "21") == "2019-03-13"


def test_the_day_before_does_not_become_the_account_s_day():
    text = ("Shelling killed five people in the town of Azaz on Tuesday, a day after a car bomb killed nine people "
            "at a checkpoint outside the town. The shelling also wounded 20 people, medics said.")
    assert date_of(text, "nine") == "2019-03-11"
    assert date_of(text, "20") == "2019-03-12"


def test_a_day_after_opening_the_sentence_is_the_main_clause_s_day():
    text = "A day after the truce collapsed, air strikes on the town of Douma killed 12 people on Tuesday."
    assert date_of(text, "12") == "2019-03-12"


# ------------------------------------------------------- "the X strike": the day told for the attack on X
def test_the_strike_on_a_place_takes_the_day_told_for_it():
    text = ("Another raid hit the village of Kafr Nabl on Wednesday, killing two people, activists said. "
            "The activists compared the late Monday strike on the town of Mayadin with last month's raids. "
            "The monitor said the Mayadin strike killed nine civilians.")
    assert date_of(text, "two") == "2019-03-13"
    assert date_of(text, "nine") == "2019-03-11"


def test_a_place_named_without_a_reference_back_keeps_the_account_s_day():
    text = ("Government forces shelled the town of Mayadin on Monday. Rebels answered with rockets on the city of "
            "Deir Ezzor on Wednesday, killing two people, activists said. Fighting in Mayadin killed nine rebels, the "
            "monitor said.")
    assert date_of(text, "nine") == "2019-03-13"


# ------------------------------------------------------- possessives whose apostrophe was stripped
def test_yesterdays_without_its_apostrophe_is_yesterday():
    assert date_of("Rescuers said 11 people were killed in yesterdays air strike on the town of Kafr Zeita.",
                   "11") == "2019-03-13"
    assert date_of("Medics said todays shelling of the town of Douma wounded 14 people.", "14") == "2019-03-14"
    assert date_of("Medics said last nights raid on the town of Douma killed six people.", "six") == "2019-03-13"


# ------------------------------------------------------- a vague period of the harm's own takes no account's day
def test_harm_in_recent_days_does_not_take_the_account_s_day():
    text = ("A car bomb killed seven people in the town of Azaz on Tuesday, police said. "
            "Shelling of the city of Aleppo has wounded at least 30 people in recent days, medics said.")
    assert date_of(text, "seven") == "2019-03-12"
    assert date_of(text, "30") is None


def test_harm_in_the_days_after_an_event_takes_no_account_s_day():
    text = ("Militants seized the town of Palmyra on Tuesday, the monitor said. "
            "Dozens of soldiers were killed in the days after the town fell, it said.")
    assert date_of(text, "Dozens") is None


# ------------------------------------------------------- the day named for the attack in the next sentence
def test_the_next_sentence_naming_the_attack_s_day_dates_the_toll():
    text = ("An air strike on a training camp in the east killed 17 fighters and a boy, a monitor said in a new "
            "toll Wednesday. The Tuesday strike hit barracks in the town of Mayadin, the monitor said.")
    assert date_of(text, "17") == "2019-03-12"
