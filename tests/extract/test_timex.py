"""Tests for civcas.extract.timex (all sentences written for these tests)."""
from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.extract import timex
from civcas.extract.timex import TimeMention, find_time_mentions

THU = dt.date(2016, 10, 27)  # a Thursday
WED_DEC = dt.date(2021, 12, 8)  # a Wednesday

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$")


def one(text: str, published: dt.date | None = THU) -> TimeMention:
    found = find_time_mentions(text, published)
    assert len(found) == 1, found
    return found[0]


def values(text: str, published: dt.date | None = THU) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value, m.kind) for m in find_time_mentions(text, published)]


# ------------------------------------------------------------------ weekdays
@pytest.mark.parametrize(
    "text, mention, value",
    [
        ("Air strikes on Tuesday killed 12 people", "on Tuesday", "2016-10-25"),
        ("Jets hit the market Tuesday, residents said", "Tuesday", "2016-10-25"),
        ("Shelling early Thursday wounded five", "early Thursday", "2016-10-27"),
        ("The convoy was hit on Friday night near the border", "on Friday night", "2016-10-21"),
        ("A raid late on Wednesday destroyed a clinic", "late on Wednesday", "2016-10-26"),
        ("Rockets fell on Sunday morning", "on Sunday morning", "2016-10-23"),
        ("The bombing on the evening of Monday left three dead", "on the evening of Monday", "2016-10-24"),
        ("Before dawn on Saturday a car bomb went off", "Before dawn on Saturday", "2016-10-22"),
        ("The town was shelled last Tuesday", "last Tuesday", "2016-10-25"),
        ("The town was shelled last Thursday", "last Thursday", "2016-10-20"),
        ("Villagers fled on Thursday", "on Thursday", "2016-10-27"),
    ],
)
def test_weekday_resolves_to_latest_day_on_or_before_published(text, mention, value):
    m = one(text)
    assert (m.text, m.value, m.kind) == (mention, value, "weekday")
    assert text[m.start:m.end] == m.text


def test_weekday_without_published_date_has_no_value():
    m = one("Air strikes on Tuesday killed 12 people", None)
    assert (m.kind, m.value) == ("weekday", None)


def test_weekday_is_case_insensitive_but_plural_is_not_a_day():
    assert one("strikes on TUESDAY hit the town").value == "2016-10-25"
    assert values("Protests are held on Fridays") == []


def test_weekday_accepts_datetime_and_iso_string_for_published():
    assert one("on Tuesday", dt.datetime(2016, 10, 27, 18, 30)).value == "2016-10-25"
    assert one("on Tuesday", "2016-10-27").value == "2016-10-25"  # type: ignore[arg-type]
    assert one("on Tuesday", "not a date").value is None  # type: ignore[arg-type]


# ------------------------------------------------------------------ relative days
@pytest.mark.parametrize(
    "text, value",
    [
        ("Two children died today", "2016-10-27"),
        ("Earlier today a shell hit the school", "2016-10-27"),
        ("The hospital was hit this morning", "2016-10-27"),
        ("More strikes are feared this evening", "2016-10-27"),
        ("Clashes continued tonight", "2016-10-27"),
        ("A mortar killed four yesterday", "2016-10-26"),
        ("A mortar killed four late yesterday", "2016-10-26"),
        ("The camp was bombed last night", "2016-10-26"),
        ("The camp was bombed the day before yesterday", "2016-10-25"),
        ("The camp was bombed two days ago", "2016-10-25"),
        ("The camp was bombed three days ago", "2016-10-24"),
        ("The camp was bombed a day ago", "2016-10-26"),
        ("The camp was bombed last week", "2016-10-20/2016-10-26"),
        # GUIDE: "earlier this week" runs from the week's first day to the day before publication
        ("The camp was bombed earlier this week", "2016-10-24/2016-10-26"),
        ("The camp was bombed this week", "2016-10-24/2016-10-27"),
        ("The camp was bombed earlier this month", "2016-10-01/2016-10-27"),
        ("The camp was bombed last month", "2016-09-01/2016-09-30"),
        ("The camp was bombed last year", "2015-01-01/2015-12-31"),
        ("The camp was bombed over the weekend", "2016-10-22/2016-10-23"),
    ],
)
def test_relative_days(text, value):
    m = one(text)
    assert (m.value, m.kind) == (value, "relative")


def test_last_month_crosses_year_boundary():
    assert one("shelling last month", dt.date(2017, 1, 15)).value == "2016-12-01/2016-12-31"
    assert one("shelling last month", WED_DEC).value == "2021-11-01/2021-11-30"


def test_last_months_possessive_without_its_apostrophe():
    # copy whose punctuation was stripped: "last months offensive" is last month's
    assert one("reeling from last months offensive on the town", THU).value == "2016-09-01/2016-09-30"
    assert one("after last years siege", THU).value == "2015-01-01/2015-12-31"
    plural = find_time_mentions("over the last months the town was shelled", THU)
    assert all(m.value != "2016-09-01/2016-09-30" for m in plural)


def test_relative_without_published_date():
    assert [(m.kind, m.value) for m in find_time_mentions("yesterday and last week", None)] == [
        ("relative", None),
        ("relative", None),
    ]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Jets struck the town overnight", "2016-10-26/2016-10-27"),
        ("Jets struck overnight Monday to Tuesday", "2016-10-24/2016-10-25"),
        ("Jets struck on the night of Monday to Tuesday", "2016-10-24/2016-10-25"),
        ("Jets struck overnight into Wednesday", "2016-10-25/2016-10-26"),
        ("Jets struck Tuesday overnight", "2016-10-25/2016-10-26"),
    ],
)
def test_overnight(text, value):
    m = one(text)
    assert (m.value, m.kind) == (value, "overnight")


# ------------------------------------------------------------------ explicit dates
@pytest.mark.parametrize(
    "text, published, value",
    [
        ("The attack on 5 July 2015 killed nine", THU, "2015-07-05"),
        ("The attack on July 5, 2015 killed nine", THU, "2015-07-05"),
        ("The attack on July 5 2015 killed nine", THU, "2015-07-05"),
        ("The attack on July 5th killed nine", dt.date(2015, 8, 1), "2015-07-05"),
        ("The attack on the 5th of July killed nine", dt.date(2015, 8, 1), "2015-07-05"),
        ("The attack on 5 July killed nine", dt.date(2015, 8, 1), "2015-07-05"),
        ("The attack of December 30 killed nine", dt.date(2016, 1, 2), "2015-12-30"),
        ("The attack of 2 January killed nine", dt.date(2016, 1, 2), "2016-01-02"),
        ("The attack of 30 January killed nine", dt.date(2016, 1, 29), "2015-01-30"),
        ("The attack on 2015-07-05 killed nine", None, "2015-07-05"),
        ("The attack on Sept. 3, 2014 killed nine", None, "2014-09-03"),
        ("The attack on Tuesday, October 25, 2016 killed nine", None, "2016-10-25"),
        ("Raids on 5-6 July 2015 killed nine", None, "2015-07-05/2015-07-06"),
        ("Raids on 29 February 2016 killed nine", None, "2016-02-29"),
    ],
)
def test_explicit_dates(text, published, value):
    m = one(text, published)
    assert (m.value, m.kind) == (value, "explicit")


def test_explicit_date_without_year_or_published_has_no_value():
    assert (one("on July 5", None).kind, one("on July 5", None).value) == ("explicit", None)


@pytest.mark.parametrize(
    "text",
    ["The list dated 05/07/2015 was leaked", "It happened on February 30, 2015", "on 29 February 2015"],
)
def test_ambiguous_or_impossible_dates_are_skipped(text):
    assert find_time_mentions(text, THU) == []


def test_counts_after_a_month_are_not_days():
    assert values("In May 12 people were killed in the town") == [("In May", "2016-05-01/2016-05-31", "month")]
    assert values("The blast killed 15 and wounded 30") == []
    assert values("The raid killed 2014 sheep") == []


# ------------------------------------------------------------------ months and years
@pytest.mark.parametrize(
    "text, published, value",
    [
        ("The siege began in March 2019", WED_DEC, "2019-03-01/2019-03-31"),
        ("The siege began in March", WED_DEC, "2021-03-01/2021-03-31"),
        ("The siege began in December", dt.date(2021, 11, 2), "2020-12-01/2020-12-31"),
        ("The siege began in mid-July", WED_DEC, "2021-07-11/2021-07-20"),
        ("The siege began in early March", WED_DEC, "2021-03-01/2021-03-10"),
        ("The siege began in late March", WED_DEC, "2021-03-21/2021-03-31"),
        ("The siege began at the end of February", WED_DEC, "2021-02-21/2021-02-28"),
        ("The siege began last October", dt.date(2016, 10, 20), "2015-10-01/2015-10-31"),
        ("The siege began in May 2014", None, "2014-05-01/2014-05-31"),
    ],
)
def test_months(text, published, value):
    m = one(text, published)
    assert (m.value, m.kind) == (value, "month")


def test_month_with_year_as_modifier():
    m = one("A March 2019 strike on the market", None)
    assert (m.text, m.value, m.kind) == ("March 2019", "2019-03-01/2019-03-31", "month")


@pytest.mark.parametrize(
    "text",
    [
        "Dozens may have been killed",
        "May God have mercy on them",  # sentence-initial May, no day or trigger
        "Thousands march through the city",
        "The Mayor of the town said so",
        "They met at dawn and again at 3 pm",
        "The shelling stopped in the morning",
    ],
)
def test_non_dates(text):
    assert find_time_mentions(text, THU) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("The group seized the city in 2014", "2014-01-01/2014-12-31"),
        ("The group seized the city in mid-2014", "2014-05-01/2014-08-31"),
        ("The group seized the city in the summer of 2012", "2012-06-01/2012-08-31"),
        ("Fighting raged between 2012 and 2014", "2012-01-01/2014-12-31"),
        ("the 2011 uprising spread", "2011-01-01/2011-12-31"),
    ],
)
def test_years(text, value):
    m = one(text)
    assert (m.value, m.kind) == (value, "year")


def test_bare_number_that_looks_like_a_year_is_not_a_year():
    assert find_time_mentions("about 2014 families fled", THU) == []


# ------------------------------------------------------------------ cumulative scope
@pytest.mark.parametrize(
    "text, value",
    [
        ("Raids have killed 300 since 2014", "2014-01-01/2016-10-27"),
        ("Raids have killed 300 since March 2011", "2011-03-01/2016-10-27"),
        ("Raids have killed 300 since mid-March 2011", "2011-03-11/2016-10-27"),
        ("Raids have killed 300 since 25 June", "2016-06-25/2016-10-27"),
        ("Raids have killed 300 since Tuesday", "2016-10-25/2016-10-27"),
        ("Raids have killed 300 since the beginning of the year", "2016-01-01/2016-10-27"),
        ("Raids have killed 300 since the start of the war", None),
        ("Raids have killed 300 since the conflict began", None),
        ("Raids have killed 300 since Russia launched its air campaign", None),
        ("Raids have killed 300 since then", None),
    ],
)
def test_since(text, value):
    m = one(text)
    assert (m.value, m.kind) == (value, "since")
    assert m.text.lower().startswith("since")


def test_since_without_published_date_is_still_recognised():
    m = one("Raids have killed 300 since 2014", None)
    assert (m.kind, m.value) == ("since", None)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Strikes killed 40 over the past year", "2015-10-27/2016-10-27"),
        ("Strikes killed 40 in the past 24 hours", "2016-10-26/2016-10-27"),
        ("Strikes killed 40 in the past week", "2016-10-20/2016-10-27"),
        ("Strikes killed 40 over the last 15 days", "2016-10-12/2016-10-27"),
        ("Strikes killed 40 over the last two months", "2016-08-27/2016-10-27"),
        ("Strikes killed 40 this year", "2016-01-01/2016-10-27"),
        ("Strikes killed 40 so far this month", "2016-10-01/2016-10-27"),
        ("Strikes killed 40 over the past few days", None),
        ("Strikes killed 40 in recent weeks", None),
        ("Strikes killed 40 during the month-long campaign", None),
        ("Strikes killed 40 in the five-year war", None),
        ("Strikes killed 40 in two weeks of fighting", None),
    ],
)
def test_periods(text, value):
    m = one(text)
    assert (m.value, m.kind) == (value, "period")


@pytest.mark.parametrize(
    "text", ["on the previous day", "the day before", "a day after the raid", "Later in the evening"]
)
def test_anaphoric_mentions_have_no_value(text):
    m = one(text)
    assert (m.value, m.kind) == (None, "anaphoric")


# ------------------------------------------------------------------ output shape
def test_several_mentions_are_sorted_and_do_not_overlap():
    text = (
        "Jets struck on Tuesday, October 25, 2016, and again yesterday; "
        "since March 2011 the war has killed thousands, 40 of them over the past week."
    )
    found = find_time_mentions(text, THU)
    assert [(m.text, m.kind) for m in found] == [
        ("on Tuesday, October 25, 2016", "explicit"),
        ("yesterday", "relative"),
        ("since March 2011", "since"),
        ("over the past week", "period"),
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_non_ascii_case_mapping_falls_back_to_full_scan():
    text = "İİİ Strikes on Tuesday killed 12 people"
    assert len(text.lower()) != len(text)
    m = one(text)
    assert (text[m.start:m.end], m.value) == ("on Tuesday", "2016-10-25")


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max])
def test_extreme_published_dates_do_not_raise(published):
    text = "yesterday, next Tuesday, last month, over the past 5 years, in December, since 2014"
    for m in find_time_mentions(text, published):
        assert text[m.start:m.end] == m.text


def test_empty_and_non_string_input():
    assert find_time_mentions("", THU) == []
    assert find_time_mentions(None, THU) == []  # type: ignore[arg-type]


def test_speed_on_a_long_text():
    base = (
        "Air strikes on Tuesday killed 12 people in the town, 3 of them children, the monitor said. "
        "Since March 2011 the war has killed more than 300000 people. The hospital, hit twice in "
        "the past week, treated 45 wounded. Residents said jets returned overnight and that the "
        "market was bombed on 5 July 2015 as well. "
    )
    text = (base * 20)[:5000]
    find_time_mentions(text, THU)
    start = time.perf_counter()
    for _ in range(50):
        find_time_mentions(text, THU)
    per_call = (time.perf_counter() - start) / 50
    assert per_call < 0.02  # ~1 ms expected; generous bound for slow CI


# ------------------------------------------------------------------ properties
_PIECES = st.sampled_from(
    [
        "on", "Tuesday", "since", "the", "start", "of", "war", "in", "March", "May", "may", "2014",
        "15", "5th", "July", "past", "24", "hours", "last", "night", "overnight", "yesterday",
        "early", "mid-", "late", "two", "days", "ago", "-", ",", ".", "killed", "people", "week",
        "over", "month-long", "campaign", "February", "30", "2015-07-05", "İ", "\n", "year",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(_PIECES, max_size=40).map(" ".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join),
)
_DATES = st.one_of(st.none(), st.dates())


@settings(max_examples=400, deadline=None)
@given(_TEXTS, _DATES)
def test_never_raises_and_spans_slice_text(text, published):
    found = find_time_mentions(text, published)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.value is None or ISO.match(m.value)
        if m.value and "/" in m.value:
            a, b = m.value.split("/")
            assert a <= b
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_anchor_prefilter_matches_a_full_scan(text):
    fast = [(m.start(), m.end()) for m in timex._matches(text)]
    full = [(m.start(), m.end()) for m in timex._RX.finditer(text)]
    assert fast == full


def test_a_page_dateline_does_not_date_the_harm():
    from civcas import extract_text
    claims = extract_text("Government air strikes killed at least 21 civilians in the south AFP Friday 10 Oct 2014 "
                          "The monitor said the raids hit Daraa.", "2014-10-10")
    assert [c.event_date for c in claims] == [None]


def test_a_month_of_another_clause_does_not_date_the_harm():
    from civcas import extract_text  # (as the test above: this module tests the time reader alone)
    # "last month" tells when the town was taken, not when the market was shelled (rule sent.month)
    text = "After the army recaptured the town last month, rebels shelled its market, killing nine people, the Observatory said."
    assert [(c.low, c.event_date) for c in extract_text(text, published="2016-05-06")] == [(9, None)]
    # a month that is the harm's own time still dates it
    text = "Shelling killed nine people in the town last month, the Observatory said."
    assert [(c.low, c.event_date) for c in extract_text(text, published="2016-05-06")] == [(9, "2016-04-01/2016-04-30")]


def test_a_weekday_possessive_that_lost_its_apostrophe_still_dates_the_attack():
    from civcas import extract_text  # (as above)
    claims = extract_text("Saturdays convoy attack killed 126 people, the Observatory said on Wednesday.",
                          published="2017-04-19")
    assert [(c.low, c.event_date) for c in claims] == [(126, "2017-04-15")]
    # the day of a statement ("Wednesdays claim of the attack") does not date the harm told after it
    claims = extract_text("Wednesdays claim of the gas attack would be the most serious since the March 19 claim of "
                          "an attack in Khan al-Assal when at least 30 people were reported killed.",
                          published="2013-08-22")
    assert [(c.low, c.event_date) for c in claims] == [(30, "2013-03-19")]
    # a plural weekday ("on Saturdays") is no date
    assert [m.text for m in find_time_mentions("On Saturdays and Sundays the market is crowded.",
                                               dt.date(2017, 4, 19))] == []


def test_the_day_of_another_harm_told_after_does_not_date_the_claim():
    from civcas import extract_text
    # "were also killed yesterday": another harm's day (GUIDE: a date is inherited only when the text ties the
    # harm to it); the same harm told on in the next sentence still gives its day
    other = ("Government helicopters dropped barrel bombs on the village of Tal Jabin, where 18 civilians were killed "
             "and dozens wounded. Twenty-six civilians were also killed yesterday when jets pounded the Maadi "
             "district of Aleppo.")
    assert [(c.low, c.event_date) for c in extract_text(other, "2015-07-22")] == [
        (18, None), (None, None), (26, "2015-07-21")]
    same = ("Government helicopters dropped barrel bombs on the village of Tal Jabin, where 18 civilians were killed "
            "and dozens wounded. The bombs fell yesterday on the market and two more bodies were found.")
    assert [c.event_date for c in extract_text(same, "2015-07-22")] == ["2015-07-21"] * 3


# ------------------------------------------------------------------ two days bounding one span (date7)
@pytest.mark.parametrize(
    "text, mention, value, kind",
    [
        ("raids between March 31 and October 22 killed 54", "between March 31 and October 22",
         "2016-03-31/2016-10-22", "period"),
        ("shelling from 3 October to 5 October wounded nine", "from 3 October to 5 October",
         "2016-10-03/2016-10-05", "explicit"),
    ],
)
def test_two_days_bounding_a_span_are_one_mention(text, mention, value, kind):
    m = one(text)
    assert (m.text, m.value, m.kind) == (mention, value, kind)


def test_two_days_of_two_raids_stay_two_mentions():
    assert [v for _t, v, _k in values("raids on March 31 and April 2 killed 12")] == ["2016-03-31", "2016-04-02"]


def test_mid_month_is_the_eleventh_to_the_twentieth_as_the_guide_says():
    assert one("a bombing in mid-August killed 30", THU).value == "2016-08-11/2016-08-20"


def test_the_first_half_of_a_year_is_read_whole():
    m = one("Clinics reported 200 wounded in the first half of 2016", THU)
    assert (m.text, m.value) == ("in the first half of 2016", "2016-01-01/2016-06-30")
