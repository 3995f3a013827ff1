"""find_published and parse_date, on texts written for these tests."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from civcas.ingest import find_published, parse_date

HEADLINE = "Shelling hits market town in the north"


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("Sun 05 Jul 2015 Shells landed near the bakery.", date(2015, 7, 5)),
        ("Date of publication 8 April 2017 Rescuers searched the rubble.", date(2017, 4, 8)),
        (" date 2021-12-08 Rescuers searched the rubble.", date(2021, 12, 8)),
        ("Thu Dec 1, 2016 22:09:14\n\nRescuers searched the rubble.", date(2016, 12, 1)),
        ("Wire staff May 01, 2018\nRescuers searched the rubble.", date(2018, 5, 1)),
        ("12 February 2015 Rescuers searched the rubble.", date(2015, 2, 12)),
        ("31-07-2015 Rescuers searched the rubble.", date(2015, 7, 31)),
        ("Newswire Saturday 17 Aug 2013 Rescuers searched the rubble.", date(2013, 8, 17)),
        ("2016-10-27 Rescuers searched the rubble.", date(2016, 10, 27)),
        ("Updated: 3 March 2019 Rescuers searched the rubble.", date(2019, 3, 3)),
        ("Published June 12 2016 Rescuers searched the rubble.", date(2016, 6, 12)),
        ("Posted on July 9 2016 by a staff writer. Rescuers searched.", date(2016, 7, 9)),
        ("Last updated at Aug 012016 BEIRUT Rescuers searched.", date(2016, 8, 1)),
        ("21.02.2015 Rescuers searched the rubble.", date(2015, 2, 21)),
        ("Fri Apr 8 2016 Rescuers searched the rubble.", date(2016, 4, 8)),
        ("3rd of May 2017 Rescuers searched the rubble.", date(2017, 5, 3)),
        ("Sept. 4, 2016 Rescuers searched the rubble.", date(2016, 9, 4)),
    ],
)
def test_dates_at_the_start_of_the_body(start, expected):
    assert find_published(HEADLINE + "\n\n" + start) == expected


def test_date_in_the_title_line():
    assert find_published("date 2019-06-02 Strike on a clinic\n\nThe clinic was closed.") == date(2019, 6, 2)


def test_labelled_publication_date_wins_over_an_earlier_plain_date():
    text = (
        HEADLINE + "\n\nThe strike of 2 March 2019 was the third this month. "
        "Published: 5 March 2019. Residents said the market had just opened."
    )
    assert find_published(text) == date(2019, 3, 5)


def test_publication_label_wins_over_update_label():
    text = HEADLINE + "\n\nUpdated 9 May 2017 | Published 7 May 2017\n\nThe toll rose overnight."
    assert find_published(text) == date(2017, 5, 7)


def test_first_full_date_when_none_is_labelled():
    text = HEADLINE + "\n\n14 Nov 2017 Strikes on the town on 12 Nov 2017 killed five people."
    assert find_published(text) == date(2017, 11, 14)


@pytest.mark.parametrize(
    "text",
    [
        "",
        HEADLINE + "\n\nThe strike killed four people on Tuesday, medics said.",
        HEADLINE + "\n\nSince 10 September at least 30 people have died in the battle.",
        HEADLINE + "\n\nIn March 2019 a similar raid hit the same village.",
        HEADLINE + "\n\nThe toll was 2016 people, officials said on 4 May.",
        HEADLINE + "\n\nThe statement was issued yesterday.",
    ],
)
def test_no_full_date_gives_none(text):
    assert find_published(text) is None


def test_a_date_deep_in_the_article_is_not_the_publication_date():
    filler = "Residents described the blast and the search that followed. " * 12
    text = HEADLINE + "\n\n" + filler + "A similar attack on 4 June 2016 killed nine."
    assert find_published(text) is None


@pytest.mark.parametrize("bad", ["31 February 2016 Rescuers searched.", "2016-13-40 Rescuers searched."])
def test_impossible_dates_are_ignored(bad):
    assert find_published(HEADLINE + "\n\n" + bad) is None


def test_future_dates_are_not_publication_dates():
    assert find_published(HEADLINE + "\n\n12 May 2999 Rescuers searched.") is None


def test_slash_dates_are_month_first_unless_impossible():
    assert find_published("4/5/2017 Rescuers searched the rubble.") == date(2017, 4, 5)
    assert find_published("17/4/2017 Rescuers searched the rubble.") == date(2017, 4, 17)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-04-05", date(2017, 4, 5)),
        ("2017-04-05T10:30:00Z", date(2017, 4, 5)),
        ("2017-04-05 10:30", date(2017, 4, 5)),
        ("4/5/2017", date(2017, 4, 5)),
        ("25/5/2017", date(2017, 5, 25)),
        ("  May 01, 2018 ", date(2018, 5, 1)),
        ("Sun 05 Jul 2015", date(2015, 7, 5)),
        (date(2015, 1, 2), date(2015, 1, 2)),
        (datetime(2015, 1, 2, 13, 0), date(2015, 1, 2)),
        ("", None),
        (None, None),
        ("unknown", None),
        ("2017-02-30", None),
        ("13/13/2017", None),
        ("last Tuesday 4 May 2017", None),
        (20170405, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected
