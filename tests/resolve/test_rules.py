"""The judgement rules (civcas.resolve.rules) and the table of judgement kinds."""
from __future__ import annotations

from datetime import date

import pytest

from civcas.errors import JudgementError
from civcas.records import JUDGEMENT_KINDS
from civcas.resolve import judgements, rules

TODAY = date(2024, 5, 10)


def test_every_kind_is_one_row_of_the_table():
    assert set(judgements.KINDS) == set(JUDGEMENT_KINDS)
    for k in judgements.KINDS.values():
        assert k.help
        assert k.on_claims or k.on_groups or k.grades or k.undoes
        assert k.target in ("claim", "incident", "incidents", "judgement")


def test_good_values_are_typed():
    got = rules.correction({"low": " 12 ", "high": 15, "event_date": "2024-05-01/2024-05-03",
                            "place": "null", "perpetrator": "", "victims": "children",
                            "source": "  the provincial council "}, now=TODAY)
    assert got == {"low": 12, "high": 15, "event_date": "2024-05-01/2024-05-03", "place": None,
                   "perpetrator": None, "victims": "children",
                   "source": "the provincial council"}
    assert rules.correction({"low": "null", "high": "0"}, now=TODAY) == {"low": None, "high": 0}
    assert rules.correction({"high": rules.MAX_FIGURE}) == {"high": rules.MAX_FIGURE}


@pytest.mark.parametrize("value, code", [
    ("2024-05-11", None),  # tomorrow in UTC is today east of it
    ("2024-05-12", "E464"),
    ("2024-02-29", None), ("2023-02-29", "E463"), ("2024-13-01", "E463"),
    ("10 May 2024", "E462"), ("2024-05", "E462"), ("2024-05-01/2024-05-02/2024-05-03", "E462"),
    ("2024-05-03/2024-05-01", "E466"), ("1899-12-31", "E465"), (20240501, "E462"),
])
def test_event_dates(value, code):
    if code is None:
        assert rules.event_date(value, TODAY) == value
    else:
        with pytest.raises(JudgementError) as err:
            rules.event_date(value, TODAY)
        assert err.value.code == code and "event_date" in str(err.value)


@pytest.mark.parametrize("value, code", [
    (True, "E423"), (1.5, "E423"), ("1e3", "E423"), (-1, "E424"),
    (rules.MAX_FIGURE + 1, "E461"), ("9" * 400, "E461"),
])
def test_figures(value, code):
    with pytest.raises(JudgementError) as err:
        rules.figure("low", value)
    assert err.value.code == code and "low" in str(err.value)


def test_a_reason_is_stripped_and_required():
    assert rules.reason("  seen the video ") == "seen the video"
    for bad, code in (("", "E455"), (None, "E455"), ("\t\n", "E455"), ("x" * 2001, "E451"),
                      ("a\x00b", "E452")):
        with pytest.raises(JudgementError) as err:
            rules.reason(bad, "split")
        assert err.value.code == code


def test_a_stored_correction_that_fails_the_rules_is_none():
    assert rules.stored_correction({"low": 10**23}) is None
    assert rules.stored_correction({"low": 5, "high": 3}) is None
    # a date checked when it was made is not held against today's clock
    assert rules.stored_correction({"event_date": "2999-01-01"}) == {"event_date": "2999-01-01"}
