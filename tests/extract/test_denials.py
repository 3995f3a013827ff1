"""denials: explicit statements that nobody (of a group) was harmed are zero claims."""
from __future__ import annotations

import pytest

from civcas import extract_text
from civcas.extract.denials import find_denials


def zero(sentence: str) -> list[tuple[str, str]]:
    return [(o, v) for _s, _e, o, v in find_denials(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("The coalition denied any civilian casualties in the strike.", [("casualties", "civilians")]),
    ("The Pentagon said it was not aware of any civilian casualties.", [("casualties", "civilians")]),
    ("Russia's defence ministry denied that any civilians were killed.", [("killed", "civilians")]),
    ("The army said no civilians were hurt in the operation.", [("injured", "civilians")]),
    ("The coalition said it had found no evidence of civilian casualties.", [("casualties", "civilians")]),
    ("The strike caused no civilian casualties, the coalition said.", [("casualties", "civilians")]),
    ("No civilians were killed.", [("killed", "civilians")]),
    ("The ministry denied reports of civilian deaths.", [("killed", "civilians")]),
    ("The military said no civilians were harmed.", [("casualties", "civilians")]),
    ("No children were injured in the blast.", [("injured", "children")]),
    ("Officials said no people were wounded.", [("injured", "people")]),
    ("No one was killed in the attack, police said.", [("killed", "people")]),
    ("No one was hurt in the attack.", [("injured", "people")]),
    ("The army said there were no civilian casualties.", [("casualties", "civilians")]),
    ("The Pentagon said it found no basis for reports that civilians were killed.", [("killed", "civilians")]),
    ("The army said the raid caused no casualties among civilians.", [("casualties", "civilians")]),
])
def test_denials(sentence, expected):
    assert zero(sentence) == expected


def test_denial_span_is_the_statement():
    sentence = "The coalition denied any civilian casualties in the strike."
    (s, e, _o, _v), = find_denials(sentence)
    assert sentence[s:e] == "denied any civilian casualties"


@pytest.mark.parametrize("sentence", [
    "Twelve civilians were killed in the strike.",
    "The coalition denied carrying out the strike.",
    "There was no immediate comment from the army.",
    "No group claimed responsibility for the attack.",
    "The army said it had no information on the attack.",
])
def test_not_denials(sentence):
    assert find_denials(sentence) == []


@pytest.mark.parametrize("text, outcome, victims, source", [
    ("The US-led coalition denied any civilian casualties in the raid on Raqqa.",
     "casualties", "civilians", "US-led coalition"),
    ("A Pentagon spokesman said the military was not aware of any civilian casualties.",
     "casualties", "civilians", "Pentagon"),
    ("No civilians were hurt in the blast, the Syrian Observatory for Human Rights said.",
     "injured", "civilians", "Syrian Observatory for Human Rights"),
])
def test_denials_are_zero_claims_end_to_end(text, outcome, victims, source):
    claims = extract_text(text)
    zeros = [c for c in claims if c.qualifier == "none"]
    assert len(zeros) == 1, claims
    c = zeros[0]
    assert (c.outcome, c.victims, c.low, c.high) == (outcome, victims, 0, 0)
    assert c.source == source
    assert text[c.span[0]:c.span[1]] == c.text


def test_denial_next_to_a_figure_gives_both_claims():
    text = ("Activists said the strike on Raqqa killed 11 civilians. "
            "The coalition said it was not aware of any civilian casualties.")
    got = {(c.outcome, c.victims, c.low, c.high, c.qualifier, c.source) for c in extract_text(text)}
    assert got == {
        ("killed", "civilians", 11, 11, "exact", "activists"),
        ("casualties", "civilians", 0, 0, "none", "US-led coalition"),
    }
