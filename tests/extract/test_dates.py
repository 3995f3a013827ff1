"""Event dates chosen among candidates (helper date7; every sentence written for these tests)."""
from __future__ import annotations

from civcas import extract_text

PUB = "2019-03-14"  # a Thursday


def dates(text: str) -> dict[str, str | None]:
    return {c.text: c.event_date for c in extract_text(text, PUB)}


def date_of(text: str, figure: str) -> str | None:
    found = [c.event_date for c in extract_text(text, PUB) if figure in c.text]
    assert found, (figure, dates(text))
    return found[0]


# ------------------------------------------------------- "also" adds another act of harm (GUIDE: connectives alone)
def test_harm_added_by_also_with_its_own_attacker_does_not_take_the_day_before():
    text = ("Government helicopters dropped barrel bombs on the village of Kafr Nabl on Tuesday, killing seven "
            "people, the monitor said. Rebel rockets also hit a market in the town of Suqaylabiyah, wounding "
            "four civilians, state media said.")
    assert date_of(text, "seven") == "2019-03-12"
    assert date_of(text, "four") is None


def test_an_outcome_added_to_the_same_harm_keeps_its_day():
    text = ("An air strike on a bakery in the town of Maarat al-Numan killed nine people on Tuesday, rescuers "
            "said. Dozens were also wounded, they said.")
    assert date_of(text, "nine") == "2019-03-12"
    assert date_of(text, "Dozens") == "2019-03-12"


def test_also_with_a_reference_back_to_the_attack_keeps_its_day():
    text = ("A car bomb exploded near a checkpoint in the city of Azaz on Tuesday, killing five people, police "
            "said. The blast also wounded 14 people, police said.")
    assert date_of(text, "five") == "2019-03-12"
    assert date_of(text, "14") == "2019-03-12"


# ------------------------------------------------------- an updated toll is dated by the attack told after it
def test_a_risen_toll_takes_the_day_of_the_attack_told_next():
    text = ("The death toll from a suicide bombing at a wedding hall in the city of Kabul has risen to 63, "
            "officials said. The bomber struck late on Tuesday as hundreds of guests had gathered.")
    assert date_of(text, "63") == "2019-03-12"


def test_a_toll_that_was_not_updated_does_not_reach_for_the_next_day():
    text = ("The death toll from shelling in the town of Douma stood at 12, activists said. "
            "A ceasefire was announced on Tuesday.")
    assert date_of(text, "12") is None


# ------------------------------------------------------- a day named for the statement (GUIDE: "said on Tuesday")
def test_a_day_naming_the_report_does_not_date_the_harm():
    text = ("Amnesty International said in a report issued Wednesday that 40 civilians were killed by mines "
            "left in the town of Tal Tamr.")
    assert date_of(text, "40") is None


def test_a_day_before_the_announcing_verb_does_not_date_the_harm():
    text = "The provincial health directorate on Wednesday announced that 12 people had died in the shelling of Harasta."
    assert date_of(text, "12") is None


def test_a_day_of_the_harm_beside_a_day_of_the_statement_still_dates_it():
    text = "Air strikes on Tuesday killed 12 people in the town of Saraqib, the monitor said in a statement on Wednesday."
    assert date_of(text, "12") == "2019-03-12"


def test_the_day_of_the_harm_wins_beside_a_day_of_the_report():
    text = ("Rebels shelled the town of Nubl on Monday, killing two people. Meanwhile Amnesty International said in "
            "a report issued Wednesday that an air strike on March 2 killed 30 people in the village of Jeeneh.")
    assert date_of(text, "two") == "2019-03-11"
    assert date_of(text, "30") == "2019-03-02"


# ------------------------------------------------------- two days bounding one span
def test_a_span_between_two_days_is_one_period_not_the_day_it_starts():
    text = "The coalition said that 54 civilians were killed in its raids between March 31 and October 22."
    assert date_of(text, "54") is None


def test_a_report_on_the_day_of_an_attack_keeps_that_day():
    text = "Amnesty International issued a report on Tuesday's air strike, which killed 17 people in the town of Atareb."
    assert date_of(text, "17") == "2019-03-12"


def test_a_day_of_the_report_told_next_does_not_date_the_harm():
    text = ("Mines left by the retreating militants have killed 30 civilians in the town of Tal Tamr. "
            "Amnesty International gave the figure in a report issued Wednesday.")
    assert date_of(text, "30") is None


# ------------------------------------------------------- a month or season held by the account is no day of harm
def test_a_season_named_before_does_not_date_the_harm_told_after_it():
    text = ("Rebels took the eastern districts of the city of Aleppo in the summer of 2012. "
            "Eight civilians were killed in shelling of the western districts, the monitor said.")
    assert date_of(text, "Eight") is None


def test_a_day_named_before_still_dates_the_harm_told_after_it():
    text = ("Government jets bombed the eastern districts of the city of Aleppo on Tuesday. "
            "Eight civilians were killed in the raids, the monitor said.")
    assert date_of(text, "Eight") == "2019-03-12"
