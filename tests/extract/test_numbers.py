"""numbers: figures (digits, number words, vague amounts) and the guide's low/high arithmetic."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.extract.numbers import find_figures
from civcas.extract.tokens import tokenize


def figures(text: str) -> list[tuple[int | None, int | None, str]]:
    return [(f.low, f.high, f.qualifier) for f in find_figures(tokenize(text))]


def one(text: str) -> tuple[int | None, int | None, str]:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


def covered(text: str) -> list[str]:
    toks = tokenize(text)
    return [text[toks[f.first].start:toks[f.last - 1].end] for f in find_figures(toks)]


# ------------------------------------------------------------------ digits


@pytest.mark.parametrize("text, value", [
    ("12 people", 12),
    ("230000 people", 230_000),
    ("230,000 people", 230_000),
    ("1,417 people", 1417),
    ("1,000,000 people", 1_000_000),
    ("1.9 million people", 1_900_000),
    ("3 million people", 3_000_000),
    ("2.5 thousand people", 2500),
    ("0 people", 0),
])
def test_digits(text, value):
    assert one(text) == (value, value, "exact")


def test_a_bare_decimal_is_not_a_count():
    assert figures("a rise of 1.5 points") == []


# ------------------------------------------------------------------ words


@pytest.mark.parametrize("text, value", [
    ("one person", 1),
    ("seven children", 7),
    ("twelve men", 12),
    ("nineteen soldiers", 19),
    ("twenty people", 20),
    ("twenty-two people", 22),
    ("Twenty-two people", 22),
    ("twenty two people", 22),
    ("ninety-nine people", 99),
    ("a hundred people", 100),
    ("one hundred people", 100),
    ("two hundred and five people", 205),
    ("a thousand people", 1000),
    ("three million people", 3_000_000),
    ("a dozen people", 12),
    ("two dozen people", 24),
    ("half a dozen people", 6),
    ("a quarter of a million people", 250_000),
    ("half a million people", 500_000),
    ("zero casualties", 0),
])
def test_number_words(text, value):
    assert one(text) == (value, value, "exact")


@pytest.mark.parametrize("text", [
    "dozens of people", "scores of people", "hundreds of people", "thousands of people",
    "several people", "many people", "numerous people", "tens of thousands of people",
    "several dozen people", "a number of people", "a handful of people", "a large number of people",
])
def test_vague_amounts(text):
    assert one(text) == (None, None, "vague")


def test_some_before_a_vague_word_stays_vague():
    assert one("some dozens of people") == (None, None, "vague")


# ------------------------------------------------------------------ qualifiers (guide arithmetic)


@pytest.mark.parametrize("prefix, low, high, qualifier", [
    ("", 22, 22, "exact"),
    ("at least", 22, None, "at_least"),
    ("At least", 22, None, "at_least"),
    ("no fewer than", 22, None, "at_least"),
    ("no less than", 22, None, "at_least"),
    ("not less than", 22, None, "at_least"),
    ("a minimum of", 22, None, "at_least"),
    ("more than", 23, None, "more_than"),
    ("over", 23, None, "more_than"),
    ("upwards of", 23, None, "more_than"),
    ("in excess of", 23, None, "more_than"),
    ("up to", None, 22, "up_to"),
    ("as many as", None, 22, "up_to"),
    ("as high as", None, 22, "up_to"),
    ("nearly", None, 21, "up_to"),
    ("almost", None, 21, "up_to"),
    ("close to", None, 21, "up_to"),
    ("just under", None, 21, "up_to"),
    ("about", 22, 22, "about"),
    ("around", 22, 22, "about"),
    ("some", 22, 22, "about"),
    ("roughly", 22, 22, "about"),
    ("approximately", 22, 22, "about"),
    ("an estimated", 22, 22, "about"),
    ("a total of", 22, 22, "exact"),
])
@pytest.mark.parametrize("number", ["22", "twenty-two"])
def test_qualifiers(prefix, number, low, high, qualifier):
    assert one(f"{prefix} {number} people were killed".strip()) == (low, high, qualifier)


def test_qualifier_is_part_of_the_figure_span():
    assert covered("at least 22 people") == ["at least 22"]
    assert covered("killing more than 50 people") == ["more than 50"]
    assert covered("between 10 and 15 people") == ["between 10 and 15"]


@pytest.mark.parametrize("text, low, high", [
    ("between 10 and 15 people", 10, 15),
    ("between ten and fifteen people", 10, 15),
    ("10 to 15 people", 10, 15),
    ("ten to fifteen people", 10, 15),
    ("10-15 people", 10, 15),
    ("between 1,000 and 1,500 people", 1000, 1500),
])
def test_ranges(text, low, high):
    assert one(text) == (low, high, "range")


def test_or_more_is_at_least():
    assert one("10 or more people were killed") == (10, None, "at_least")


@pytest.mark.parametrize("text, expected", [
    ("more than a dozen people", (13, None, "more_than")),
    ("nearly two dozen people", (None, 23, "up_to")),
    ("over 1,000 people", (1001, None, "more_than")),
    ("more than 1.9 million people", (1_900_001, None, "more_than")),
    ("about a quarter of a million people", (250_000, 250_000, "about")),
    ("at least 230,000 people", (230_000, None, "at_least")),
])
def test_qualifiers_combine_with_every_number_form(text, expected):
    assert one(text) == expected


def test_quoted_figure_keeps_its_qualifier():
    assert one('at least "22" people') == (22, None, "at_least")


def test_several_figures_left_to_right():
    assert figures("at least 15 people were killed and about 30 wounded, among them 12 children") == [
        (15, None, "at_least"), (30, 30, "about"), (12, 12, "exact"),
    ]


def test_figures_do_not_overlap():
    toks = tokenize("between 10 and 15 people, more than 20 and nearly thirty")
    figs = find_figures(toks)
    for a, b in zip(figs, figs[1:]):
        assert a.last <= b.first


def test_no_figure_in_plain_words():
    assert figures("the strike hit the town") == []
    assert figures("") == []


# ------------------------------------------------------------------ properties


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_and_without_separators(n):
    assert one(f"{n} people") == (n, n, "exact")
    assert one(f"{n:,} people") == (n, n, "exact")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=10**7))
def test_strict_bounds_are_shifted_by_one(n):
    assert one(f"more than {n:,} people") == (n + 1, None, "more_than")
    assert one(f"nearly {n:,} people") == (None, n - 1, "up_to")
    assert one(f"at least {n:,} people") == (n, None, "at_least")
    assert one(f"up to {n:,} people") == (None, n, "up_to")
    assert one(f"about {n:,} people") == (n, n, "about")


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    if n < 10:
        return _UNITS[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[unit - 1]}" if unit else "")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=99))
def test_number_words_up_to_ninety_nine(n):
    assert one(f"{_words(n)} people") == (n, n, "exact")
    assert one(f"{_words(n).capitalize()} people") == (n, n, "exact")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=1, max_value=5000))
def test_between_ranges(a, d):
    assert one(f"between {a} and {a + d} people") == (a, a + d, "range")


def test_a_qualifier_at_the_very_end_does_not_crash():
    import civcas
    for text in ("killed nearly", "Ten were killed, at least", "Five died, more than", "dead: almost \""):
        claims = civcas.extract_text(text)
        assert all(c.text in text for c in claims)
