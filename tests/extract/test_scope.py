"""scope: one incident, or a cumulative total over a campaign, period or war."""
from __future__ import annotations

import pytest

from civcas import extract_text
from civcas.extract.scope import clause_at, scope_of


@pytest.mark.parametrize("sentence", [
    "Coalition strikes have killed 1,200 civilians since 2014.",
    "Russian strikes have killed 400 civilians over the past year.",
    "Over the past month, 200 civilians were killed in Raqqa.",
    "The six-year conflict has killed more than 320 people.",
    "Syria's civil war has killed more than 300 people.",
    "The war in Syria has killed 400 people since it began in 2011.",
    "At least 300 civilians have been killed in the battle since 10 September.",
    "At least 300 civilians have been killed in the battle for Mosul.",
    "Since the start of the Russian campaign, 300 civilians have been killed.",
    "More than 400 civilians have been killed so far this year.",
    "In total, 80 civilians have died in the offensive.",
    "An average of 10 people are killed every day.",
    "Russian jets have killed 300 civilians since Moscow intervened in the war.",
    "Errant strikes have killed hundreds of civilians across the country.",
    "The fighting has killed tens of thousands of people.",
    "Hundreds of people have been killed in attacks on the area.",
    "This week, about 300 people died in various attacks across the region.",
    "Last month nearly 300 civilians were killed, the network said.",
    "At least 25 civilians were killed in the period from mid-March to the end of April.",
])
def test_cumulative(sentence):
    assert scope_of(sentence, 300, 300) == "cumulative"


@pytest.mark.parametrize("sentence", [
    "Air strikes killed 30 civilians in the past 24 hours.",
    "Air strikes killed 30 civilians in the last 24 hours.",
    "Air strikes killed 30 civilians on Monday.",
    "Air strikes killed 12 civilians in Raqqa on Monday, the Observatory said.",
    "Since dawn, air strikes have killed 20 civilians in the town.",
    "Since Friday, 40 people have been killed in the town.",
    "A car bomb killed 30 people at a market in Azaz.",
    "A drone hit the depot, with 30 casualties reported so far.",
    "Last month a strike on a school killed 30 children.",
    "US-led airstrikes have killed at least 30 people, mostly women, the report said.",
])
def test_incident(sentence):
    assert scope_of(sentence, 30, 30) == "incident"


def test_very_large_figures_are_cumulative():
    sentence = "The monitor said 250,000 people had been killed."
    assert scope_of(sentence, 250_000, 250_000) == "cumulative"
    assert scope_of(sentence, None, 250_000) == "cumulative"
    assert scope_of("The monitor said 25 people had been killed.", 25, 25) == "incident"


def test_one_attack_in_a_month_is_an_incident():
    sentence = "In September, an airstrike hit a base, leaving over 80 troops dead and some 100 others wounded."
    assert scope_of(sentence, 100, 100) == "incident"


def test_vague_figure_without_period_is_incident():
    assert scope_of("Dozens of people were killed in the blast.", None, None) == "incident"


# ------------------------------------------------------------------ claims


def _scopes(text: str, published: str | None = None) -> list[tuple]:
    return [(c.low, c.high, c.scope, c.event_date) for c in extract_text(text, published)]


def test_cumulative_claims_have_no_event_date():
    text = ("In the northern city of Raqqa, coalition air strikes killed 14 civilians on Tuesday, "
            "the Observatory said. The monitor says coalition raids have killed more than 1,100 "
            "civilians in the province since 2014.")
    got = _scopes(text, "2016-10-27")
    assert got == [(14, 14, "incident", "2016-10-25"), (1101, None, "cumulative", None)]


@pytest.mark.parametrize("text, scope", [
    ("The six-year conflict has killed more than 320,000 people.", "cumulative"),
    ("Russian strikes have killed 400 civilians over the past year, activists said.", "cumulative"),
    ("Russian strikes killed 40 civilians in the past 24 hours, activists said.", "incident"),
])
def test_scope_of_a_claim(text, scope):
    (c,) = extract_text(text)
    assert c.scope == scope
    if scope == "cumulative":
        assert c.event_date is None


def test_since_an_operation_was_launched_is_cumulative():
    assert scope_of("The army said 312 of its men have been killed since the offensive on the city "
                    "began in March.", 312, 312) == "cumulative"
    assert scope_of("At least 90 civilians have died since government forces launched the assault.",
                    90, None) == "cumulative"


def test_a_superlative_over_a_period_is_still_one_incident():
    s = "A truck bomb killed at least 52 people, the deadliest attack in the capital this year."
    assert scope_of(s, 52, None) == "incident"


def test_scope_is_decided_per_clause():
    s = ("The monitor said the shelling killed nine civilians on Monday, and that 240 civilians have "
         "been killed since the siege began in May.")
    assert scope_of(s, 9, 9, s.index("nine")) == "incident"
    assert scope_of(s, 240, 240, s.index("240")) == "cumulative"
    assert clause_at(s, s.index("240")).startswith(" 240 civilians")


@pytest.mark.parametrize("sentence, scope", [
    ("At least 2,355 civilians were killed from the end of March to Sept. 24, the UN office said.", "cumulative"),
    ("Some 120 civilians were killed between January and June in the province.", "cumulative"),
    ("Twelve people were killed between March 3 and March 5 in the town.", "incident"),
    ("The strike killed 5 people between 1000 and 1800 hours.", "incident"),
])
def test_a_span_from_one_month_to_another_is_a_period(sentence, scope):
    assert scope_of(sentence, 5, 5) == scope


def test_a_record_since_the_war_began_compares_one_attack_with_a_period():
    text = ("Fourteen of the injured were children, the largest number of children hurt in a single attack on the "
            "city since the invasion began.")
    assert scope_of(text, 14, 14) == "incident"


@pytest.mark.parametrize("text", [
    "Shelling killed 12 people in the town on Monday, Turkish daily Hurriyet reported.",
    "Shelling killed 12 people in the town on Monday, the daily newspaper reported.",
])
def test_a_daily_newspaper_is_no_period(text):
    assert [c.scope for c in extract_text(text, "2016-05-03")] == ["incident"]


def test_harm_each_day_is_a_total():
    assert [c.scope for c in extract_text("Around 20 civilians are killed daily in the city.", "2016-05-03")] \
        == ["cumulative"]
