"""Extraction speed, fifth round (decisions §15.16): each quicker way gives what the plain way gave."""
from __future__ import annotations

from civcas.extract import placename
from civcas.extract.places import place_mentions

SENTENCES = (
    "Regime shelling on the Kurdish-held town of Afrin and Aleppo Terrorists killed 4 in Homs.",
    "Syrian Idlib province was hit again as jets struck Maarat al-Numan and the nearby town of Kafranbel.",
    "Fighters of Ahrar al-Sham shelled the Homs Waer neighbourhood, activists in Homs said.",
    "The Islamic State-held city of Raqqa and the Euphrates River bank were bombed on Sunday.",
    "Mortars hit Baghdad Street in Damascus, and a car bomb went off near the army base of Qamishli.",
    "Aleppos Sheikh Maqsoud district came under fire from positions in Aleppo countryside.",
    "Ahmad Qassum said the strike on Kabul killed three, and Kabul police agreed.",
)


def test_a_captured_names_own_half_is_the_same_from_the_memo():
    placename._MEMO.clear()
    cold = [place_mentions(s, c) for s in SENTENCES for c in (None, "SY", "AF")]
    assert placename._MEMO  # the names were kept
    warm = [place_mentions(s, c) for s in SENTENCES for c in (None, "SY", "AF")]
    assert warm == cold
    for (name, rank, country), got in list(placename._MEMO.items()):
        assert placename._settle(name, rank, country) == got


def test_the_sentence_around_a_kept_name_is_still_read():
    placename._MEMO.clear()
    bare = "Rebels shelled Hama on Monday."
    assert [m[2] for m in place_mentions(bare, "SY")] == ["Hama"]
    # the same name again, where the words before it make it part of a group's name or no place of harm
    inside = "Fighters of Liwa Hama shelled the town."
    assert "Hama" not in [m[2] for m in place_mentions(inside, "SY")]
    assert [m[2] for m in place_mentions(bare, "SY")] == ["Hama"]


def test_a_name_with_words_dropped_from_its_front_starts_where_they_end():
    placename._MEMO.clear()
    sentence = "Jets pounded the Syrian Idlib province again."
    first = place_mentions(sentence, "SY")
    again = place_mentions("Overnight, " + sentence, "SY")
    shift = len("Overnight, ")
    assert [(s + shift, e + shift, n, r) for s, e, n, r in first] == again
    assert any(sentence[s:e] == n for s, e, n, _r in first)


def test_the_memo_is_dropped_when_the_gazetteer_is_read_again():
    from civcas import geo
    place_mentions(SENTENCES[0], "SY")
    assert placename._MEMO
    geo.reload()
    assert not placename._MEMO
    assert place_mentions(SENTENCES[0], "SY") == place_mentions(SENTENCES[0], "SY")
