"""Where the harm happened: readings added in the place10 session (decisions §12.13)."""
from __future__ import annotations

from civcas import extract_text
from civcas.extract.english import CUES


def test_figures_joined_by_and_share_the_place_after_them_when_another_harm_follows():
    # "a day after" opens another harm with its own place; the two figures before it share theirs
    text = ("Three women were killed and 12 injured in shelling on the rebel-held east of Hama city on Friday, "
            "two days after an air strike on a market in Idlib province left 20 people dead.")
    assert [c.place for c in extract_text(text, "2016-04-30")] == ["Hama", "Hama", "Idlib"]


def test_the_west_of_a_city_is_a_part_of_it_not_a_reference_point():
    assert not CUES.near.search("killed in the rebel-held west of ")
    assert not CUES.near.search("shelling on the east of ")
    assert CUES.near.search("a village west of ")
