"""tokens: word/number/punctuation tokens with offsets, and sentence spans."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.extract.tokens import sentence_spans, tokenize


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


# ------------------------------------------------------------------ tokenize


def test_tokens_carry_offsets_into_the_text():
    text = "At least 12 people, including a child, died."
    toks = tokenize(text)
    assert [t.text for t in toks] == [
        "At", "least", "12", "people", ",", "including", "a", "child", ",", "died", ".",
    ]
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.lower == t.text.lower()


def test_offset_is_added_to_every_token():
    text = "Ten died."
    plain = tokenize(text)
    shifted = tokenize(text, 100)
    assert [(t.start + 100, t.end + 100) for t in plain] == [(t.start, t.end) for t in shifted]


@pytest.mark.parametrize("number", ["1,417", "230,000", "1.9", "230000", "12"])
def test_numbers_with_separators_are_one_token(number):
    toks = tokenize(f"killed {number} people")
    assert [t.text for t in toks] == ["killed", number, "people"]


def test_hyphenated_words_and_ages_are_one_token():
    toks = tokenize("a 5-year-old boy in Deir ez-Zor, twenty-two dead")
    texts = [t.text for t in toks]
    assert "5-year-old" in texts
    assert "ez-Zor" in texts
    assert "twenty-two" in texts


def test_possessive_stays_with_its_word():
    assert [t.text for t in tokenize("the group's fighters")] == ["the", "group's", "fighters"]


def test_punctuation_and_quotes_are_separate_tokens():
    toks = tokenize("He said: “Ten died.”")
    assert [t.text for t in toks] == ["He", "said", ":", "“", "Ten", "died", ".", "”"]


def test_is_title():
    a, b = tokenize("Raqqa city")
    assert a.is_title and not b.is_title


def test_accented_letters_are_part_of_words():
    toks = tokenize("Médecins Sans Frontières said")
    assert [t.text for t in toks] == ["Médecins", "Sans", "Frontières", "said"]


def test_empty_text_has_no_tokens():
    assert tokenize("") == []
    assert tokenize("   \n ") == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=0, max_value=10_000))
def test_tokens_are_substrings_in_order(text, offset):
    prev_end = offset
    for t in tokenize(text, offset):
        assert t.start >= prev_end
        assert t.end > t.start
        assert text[t.start - offset:t.end - offset] == t.text
        assert not t.text.isspace()
        prev_end = t.end


# ------------------------------------------------------------------ sentences


def test_simple_split():
    assert sentences("Jets struck the town. Ten people died. The toll may rise.") == [
        "Jets struck the town.", "Ten people died.", "The toll may rise.",
    ]


def test_question_and_exclamation_end_sentences():
    assert sentences("Who fired? Nobody knows! Ten died.") == ["Who fired?", "Nobody knows!", "Ten died."]


@pytest.mark.parametrize("text, expected", [
    ("U.S. jets struck the town. Ten people died.", ["U.S. jets struck the town.", "Ten people died."]),
    ("The U.S. military said it was investigating. Ten people died.",
     ["The U.S. military said it was investigating.", "Ten people died."]),
    ("A U.N. official said five died. Ten more were hurt.",
     ["A U.N. official said five died.", "Ten more were hurt."]),
    ("Dr. Ahmad said five died. He was tired.", ["Dr. Ahmad said five died.", "He was tired."]),
    ("Gen. Hassan spoke. Then he left.", ["Gen. Hassan spoke.", "Then he left."]),
    ("J. Smith spoke. Then he left.", ["J. Smith spoke.", "Then he left."]),
    ("It happened on Jan. 5 in the city. Ten died.", ["It happened on Jan. 5 in the city.", "Ten died."]),
    ("Mr. Karim and Mrs. Karim died. Their son survived.",
     ["Mr. Karim and Mrs. Karim died.", "Their son survived."]),
])
def test_abbreviations_do_not_end_sentences(text, expected):
    assert sentences(text) == expected


def test_decimal_point_does_not_split():
    assert sentences("About 1.5 million fled. Ten died.") == ["About 1.5 million fled.", "Ten died."]


def test_sentence_may_start_with_a_digit():
    assert sentences("The toll rose to 12. 15 were injured.") == ["The toll rose to 12.", "15 were injured."]


@pytest.mark.parametrize("text, expected", [
    ('"We saw the bodies," he said. "Ten people died."', ['"We saw the bodies," he said.', '"Ten people died."']),
    ('"Ten people died." The monitor said so.', ['"Ten people died."', "The monitor said so."]),
    ('He said, "Ten people died." The monitor agreed.', ['He said, "Ten people died."', "The monitor agreed."]),
    ("“Ten people died.” The monitor said so.", ["“Ten people died.”", "The monitor said so."]),
    ("(The toll rose.) Then it fell.", ["(The toll rose.)", "Then it fell."]),
])
def test_closing_quotes_stay_with_their_sentence(text, expected):
    assert sentences(text) == expected


def test_comma_inside_quote_does_not_split():
    text = '"Ten people died in the raid," an activist said.'
    assert sentences(text) == [text]


def test_paragraph_break_ends_a_sentence_without_full_stop():
    assert sentences("Aleppo under fire\n\nTen people died on Monday.") == [
        "Aleppo under fire", "Ten people died on Monday.",
    ]


def test_line_break_before_capital_ends_a_sentence():
    assert sentences("Headline here\nTen people died.") == ["Headline here", "Ten people died."]


def test_line_break_inside_a_sentence_does_not_split():
    text = "Ten people died\nin the raid on the market."
    assert sentences(text) == [text]


def test_abbreviation_at_paragraph_end_still_splits():
    assert sentences("Officials met in the U.S.\n\nTen people died.") == [
        "Officials met in the U.S.", "Ten people died.",
    ]


def test_whitespace_is_trimmed_and_empty_text_has_no_sentences():
    assert sentences("   Ten died.   Five were hurt.  ") == ["Ten died.", "Five were hurt."]
    assert sentence_spans("") == []
    assert sentence_spans("  \n\n \t ") == []


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ U.S.\"“”'!?\n\t0123 ")), max_size=120))
def test_spans_are_ordered_trimmed_and_non_empty(text):
    prev = 0
    for s, e in sentence_spans(text):
        assert prev <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e


@pytest.mark.parametrize("credit", ["(Photo AFP)", "(AFP Photo)", "(Photo: Reuters)", "(Image: Anadolu)",
                                    "(file photo)", "(AP photo)"])
def test_a_photo_credit_ends_the_caption_that_runs_into_the_story(credit):
    text = (f"A boy sits on the rubble of a house in the Maghayir district of Aleppo on July 21 {credit} "
            "At least 18 civilians were killed on Tuesday.")
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == [text[:text.index(credit) + len(credit)], "At least 18 civilians were killed on Tuesday."]


@pytest.mark.parametrize("name", ["Jane Doe", "Stringer"])
def test_a_wire_photographer_credit_ends_the_caption(name):
    text = (f"Smoke rises over a hospital in Aleppo on May 3 2016. REUTERS/{name} Shelling killed "
            "eight people on Tuesday, a monitor said.")
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["Smoke rises over a hospital in Aleppo on May 3 2016.", f"REUTERS/{name}",
                     "Shelling killed eight people on Tuesday, a monitor said."]


def test_a_photo_credit_is_cut_before_a_bracketed_agency_line():
    text = ("A girl wounded on Saturday rests in a clinic in Idlib (file photo) (Agencies) A car bomb killed "
            "four people on Monday.")
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts[0].endswith("(file photo)") and parts[1].startswith("(Agencies) A car bomb killed four")


def test_a_dateline_credit_is_no_sentence_end():
    text = "BEIRUT (Reuters) - Air strikes killed 12 people."
    assert len(sentence_spans(text)) == 1


@pytest.mark.parametrize("line", ["Date of publication 8 April 2017", "Published: 3 May 2016", "Last updated 12 Jan 2015",
                                  "Posted on 30 October 2016"])
def test_a_page_date_line_is_no_part_of_the_first_sentence(line):
    text = f"{line} A car bomb killed 12 people in the town of Azaz on Monday, activists said."
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == [line, text[len(line) + 1:]]


def test_a_date_inside_a_sentence_is_no_page_line():
    text = "Shelling that was updated 8 April 2016 in the report killed 12 people."
    assert len(sentence_spans(text)) == 1


def test_a_linked_video_title_ends_there_and_gives_no_claim():
    from civcas import extract_text
    text = ("Two people died in the shelling. Warplane crashes into market in Ariha 35 killed - YouTube The "
            "Observatory said 12 people died.")
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts[1] == "Warplane crashes into market in Ariha 35 killed - YouTube"
    assert [c.low for c in extract_text(text, "2015-08-03")] == [2, 12]


def test_a_hyphen_before_a_conjunction_is_a_dash():
    # a dash that lost its spaces: "Monday-and", "injured-when" are no words, the casualty words stay seen
    words = [t.text for t in tokenize("killed on Monday-and scores injured-when a jet fell")]
    assert words[:6] == ["killed", "on", "Monday", "-", "and", "scores"] and "injured" in words
    assert [t.text for t in tokenize("a five-year-old boy, a state-run agency")][:2] == ["a", "five-year-old"]
    from civcas import extract_text
    text = ("Thirty-five people were killed on Monday-and scores of others injured-when a warplane crashed into a "
            "market, a civil defence official said.")
    assert [(c.outcome, c.low) for c in extract_text(text, "2015-08-03")] == [("killed", 35), ("injured", None)]
