"""Texts that used to crash extraction or cost it quadratic time: every class runs without an
exception, and time grows linearly with length (a flattened toll table of 200 KB in seconds)."""
from __future__ import annotations

import random
import time

import pytest

from civcas import api
from civcas.extract.numbers import MAX_FIGURE
from civcas.extract.tokens import MAX_SENTENCE, capped, sentence_spans

TOWNS = ("Idlib", "Aleppo", "Douma", "Raqqa", "Hama", "Homs", "Saraqib", "Ariha", "Kafr Nabl")
WORDS = ("killed", "civilians", "air", "strike", "wounded", "children", "women", "activists",
         "said", "jets", "shelling", "dead", "people", "at least", "dozens", "in", "on", "Monday",
         *TOWNS, *map(str, range(1, 60)))


def toll(n: int, seed: int = 1) -> str:
    """A casualty table flattened without full stops: 'Idlib 12 killed 3 wounded | ...'."""
    rnd = random.Random(seed)
    rows: list[str] = []
    size = 0
    while size < n:
        rows.append(f"{rnd.choice(TOWNS)} {rnd.randint(1, 90)} killed {rnd.randint(1, 40)} wounded")
        size += len(rows[-1]) + 3
    return " | ".join(rows)


def soup(n: int, seed: int = 2) -> str:
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        out.append(rnd.choice(WORDS))
        size += len(out[-1]) + 1
    return " ".join(out)


@pytest.mark.parametrize("text", [
    "An air strike killed " + "9" * 400 + " civilians in Idlib on Monday, activists said.",
    "An air strike killed " + "9" * 5000 + " civilians in Idlib on Monday, activists said.",
    "Shelling killed " + "9" * 400 + "-" + "9" * 401 + " people in Hama, a monitor said.",
    "Strikes killed nine hundred billion billion billion people in Homs, residents said.",
    "قتل " + "٩" * 400 + " مدنيا في غارة جوية على إدلب",
    "Air strikes killed 12 civ\x00ilians in Id\x00lib on Monday, activists said.",
])
def test_numbers_no_figure_can_hold_are_no_figures(text):
    for c in api.extract_text(text, published="2017-03-01"):
        assert c.low is None or c.low <= MAX_FIGURE
        assert c.high is None or c.high <= MAX_FIGURE


def test_a_figure_of_billions_is_kept():
    [c] = api.extract_text("The war has killed 3 billion people, a radio host claimed.",
                           published="2017-03-01")
    assert c.low == 3_000_000_000


def test_long_sentences_are_cut_at_a_break_and_short_ones_kept():
    text = toll(20_000)
    spans = capped(text, sentence_spans(text))
    assert len(spans) > 6 and all(e - s <= MAX_SENTENCE for s, e in spans)
    assert all(text[e - 1] == "|" or e == len(text) for s, e in spans)  # at a bar of the table
    short = "Strikes killed 4 people. Shelling killed 2 more."
    assert capped(short, sentence_spans(short)) == sentence_spans(short)
    words = "killed " * 2000  # no break but spaces
    assert all(e - s <= MAX_SENTENCE for s, e in capped(words, sentence_spans(words)))
    blob = "x" * 10_000  # not even a space
    assert [e - s for s, e in capped(blob, sentence_spans(blob))] == [3200, 3200, 3200, 400]


def _seconds(text: str) -> float:
    t0 = time.perf_counter()
    api.extract_text(text, published="2017-03-01")
    return time.perf_counter() - t0


@pytest.mark.slow
@pytest.mark.parametrize("make", [toll, soup])
def test_time_grows_linearly_and_200_kb_takes_seconds(make):
    _seconds(make(2_000))  # warm the vocabularies and gazetteer
    small, big = _seconds(make(25_000)), _seconds(make(100_000))
    assert big < 8 * small + 1.0, (small, big)  # 4x the text: about 4x the time
    assert _seconds(make(200_000)) < 30  # < 5 s on an idle core; generous for shared CI
