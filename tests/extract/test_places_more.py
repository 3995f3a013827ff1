"""Where the harm happened: readings added in the place8 session (decisions §12.10)."""
from __future__ import annotations

from civcas import extract_text


def test_a_later_name_no_finer_than_the_town_named_does_not_replace_it():
    # "Tadmur" is another name of Palmyra: the later sentence names the town again, not a place inside it
    text = ("Militants killed 12 soldiers in the historic town of Palmyra in central Syria, activists said. "
            "The video showed the men being taken from the notorious Tadmur prison to the amphitheatre.")
    assert [c.place for c in extract_text(text, "2015-07-05")] == ["Palmyra"]
