"""A count of one place below the toll told over several places is a part of it, never a rival
estimate (issue 11): examples and a property over random ledgers.

Sentences written for these tests.
"""
from __future__ import annotations

from conftest import make_claim
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.assess import assess

WHOLE = "Rockets on the rebel-held suburbs killed people on Wednesday, activists said."
ONE = "In one clinic of Kafr Nur shelling killed people on Wednesday, medics said."


def claim(sentence, low, high=None, source="activists", i=0, victims="people"):
    return make_claim(sentence, "killed people", low=low, high=low if high is None else high,
                      qualifier="exact", source=source, victims=victims, id=f"k{i}",
                      document_id=f"d{i}")


def civilians_killed(a):
    return next(e for e in a.estimates if e.outcome == "killed" and e.victims == "civilians")


def test_a_clinics_count_is_no_rival_of_the_suburbs_toll():
    a = assess([claim(WHOLE, 494, source="SOHR", i=0), claim(WHOLE, 1300, source="opposition", i=1),
                claim(ONE, 30, source="medics", i=2), claim(ONE, 91, source="video", i=3)], {})
    e = civilians_killed(a)
    assert (e.low, e.high) == (494, 1300) and e.best in (494, 1300)
    assert "one place below the toll told over several places left out" in e.rule
    assert "k2" in e.rule and "k3" in e.rule


def test_a_count_above_the_toll_stays_a_rival():
    a = assess([claim(WHOLE, 40, source="SOHR", i=0), claim(ONE, 90, source="medics", i=1)], {})
    e = civilians_killed(a)
    assert (e.low, e.high) == (40, 90)


LEDGER = st.lists(st.tuples(st.sampled_from(["SOHR", "activists", "civil defence", "medics"]),
                            st.booleans(), st.integers(0, 400), st.integers(0, 50)),
                  min_size=1, max_size=10)


@settings(max_examples=200, deadline=None)
@given(LEDGER)
def test_random_ledgers_keep_order_and_leave_out_only_parts_below_the_whole(items):
    claims = [claim(WHOLE if wide else ONE, lo, lo + extra, source=src, i=i)
              for i, (src, wide, lo, extra) in enumerate(items)]
    e = civilians_killed(assess(claims, {}))
    assert e.low is not None and e.high is not None and e.low <= e.best <= e.high
    wholes = [lo for _, wide, lo, _ in items if wide]
    if wholes:
        # nothing below the smallest toll over several places is an estimate of the whole
        assert e.low == min([lo for _, wide, lo, extra in items
                             if wide or lo + extra >= min(wholes)])
        assert e.high == max(lo + extra for _, _, lo, extra in items)
    else:
        assert e.low == min(lo for _, _, lo, _ in items)
