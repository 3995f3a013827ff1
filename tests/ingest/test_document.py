"""document_from_text: cleaning, publication date and content hash of one document."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest

from civcas.errors import EmptyInput
from civcas.ingest import document_from_text

TITLE = "Shelling kills two shepherds near Kafr Nabl"
BODY = (
    "Sat 14 Mar 2020 Shells fired from the south killed two shepherds and wounded a boy "
    "in fields west of Kafr Nabl on Friday, the village council said.\n\n"
    "The council said the boy was taken to a hospital across the border."
)


def test_document_from_text_metadata_date_wins():
    doc = document_from_text(BODY, id="m1", title=TITLE, published=date(2020, 3, 15), outlet=" Idlib  Post ")
    assert doc.published == date(2020, 3, 15) and doc.outlet == "Idlib Post"


@pytest.mark.parametrize("given", [date(2020, 2, 20), "3/30/2020", date(2020, 4, 1)])
def test_the_pages_own_date_wins_over_metadata_days_away(given):
    # a column holding an event or crawl date weeks off: the page's dateline dates the page
    assert document_from_text(BODY, id="m4", title=TITLE, published=given).published == date(2020, 3, 14)
    labelled = "Marsh News | Published March 2 2020 by our reporter\nShelling killed a shepherd."
    assert document_from_text(labelled, id="m5", published=given).published == date(2020, 3, 2)


def test_an_event_date_in_the_first_sentence_does_not_overrule_metadata():
    body = "On 14 March 2020 shells killed two shepherds near Kafr Nabl, the council said."
    assert document_from_text(body, id="m6", published=date(2020, 4, 2)).published == date(2020, 4, 2)
    body = "Since 1 March 2020 shelling has killed eleven people in the valley, medics said."
    assert document_from_text(body, id="m7", published=date(2020, 4, 2)).published == date(2020, 4, 2)


@pytest.mark.parametrize(("given", "expected"), [("2020-03-16", date(2020, 3, 16)), ("not a date", date(2020, 3, 14)), (None, date(2020, 3, 14))])
def test_document_from_text_published_strings(given, expected):
    assert document_from_text(BODY, id="m2", published=given).published == expected


def test_document_from_text_cleans_and_hashes():
    doc = document_from_text(f"{TITLE}\n\n{BODY}\n\nTweet", id="m3", title=TITLE, origin="feed")
    assert doc.text.startswith("Sat 14 Mar 2020") and not doc.text.endswith("Tweet")
    assert doc.origin == "feed"
    assert doc.content_hash == hashlib.sha256(f"{TITLE}\n{doc.text}".encode()).hexdigest()
    again = document_from_text(f"{TITLE}\n\n{BODY}\n\nTweet", id="other", title=TITLE)
    assert again.content_hash == doc.content_hash


def test_document_from_text_empty_after_cleaning_raises():
    with pytest.raises(EmptyInput):
        document_from_text("Advertisement\n\nFacebook Twitter WhatsApp", id="e")
