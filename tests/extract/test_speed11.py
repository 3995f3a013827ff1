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


def _plain_fold_key(text: str) -> str:
    """The spelling-variant key as written before §15.16 (every expression on every word)."""
    from civcas.geo import normalize as n
    words = n._tokens(text)
    kept = [w for w in words if w not in n.ARTICLES] or words
    parts = []
    for i, tok in enumerate(kept):
        if i:
            tok = n._GLUED.sub("", tok)
        if len(tok) > 3:
            tok = n._FINAL.sub("a", n._FINAL_Y.sub("i", tok))
        parts.append(tok)
    s = n._undouble("".join(parts))
    for a, b in n._DIGRAPHS:
        s = s.replace(a, b)
    s = n._AW.sub("u", s.replace("o", "u").replace("e", "i"))
    return n._undouble(s)


def test_a_fold_key_is_what_every_expression_on_every_word_gives():
    import random

    from civcas.geo.normalize import fold_key
    names = ["Deir ez-Zor", "Dayr az Zawr", "Ar-Raqqah", "Raqqa", "Idleb", "Qamishly", "Al-Assusah", "Ezzor",
             "Tal Abyad", "Maarat al-Numan", "Khan Sheikhoun", "Aleppo", "Hawija", "Saraqeb",
             "Sheikh Maqsoud", "Kafr Nabl", "Jisr al-Shughur", "Beit Jinn", "Yabroud", "Daraya", "Deraa",
             "Dera'a", "Homsy",
             "Ain al-Arab", "Ey", "aw", "Eh", "Ah", "ay", "yyyy", "Ash-Shaddadi", "Al Eshsh", "El Ahh"]
    rng = random.Random(11)
    letters = "aeiouywhqkdjtszn -'"
    names += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    for name in names:
        assert fold_key.__wrapped__(name) == _plain_fold_key(name), name


def test_a_geo_mention_built_by_hand_behaves_as_a_dataclass():
    import dataclasses
    import pickle

    import pytest

    from civcas.geo.context import Mention
    m = Mention(3, 7, "Homs", (), True)
    assert (m.start, m.end, m.text, m.entries, m.province_cue, m.tag) == (3, 7, "Homs", (), True, False)
    assert m == Mention(start=3, end=7, text="Homs", entries=(), province_cue=True)
    assert hash(m) == hash(Mention(3, 7, "Homs", (), True))
    assert m != Mention(3, 7, "Homs", ())
    tagged = dataclasses.replace(m, tag=True)
    assert tagged.tag and tagged.province_cue and tagged != m
    assert pickle.loads(pickle.dumps(tagged)) == tagged
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 4  # type: ignore[misc]


def test_deir_ez_zor_led_by_its_capital_and_between_gated_by_its_word():
    import random
    import re

    from civcas.extract import places
    plain = re.compile(r"\b(?:Deir|Dayr|Der|Dier)[- ]?(?:e[lzr]|a[lzr])?[- ]?[Zz]o?[uo]?r\b")
    words = ["Deir", "Dayr", "Der", "Dier", "ez", "az", "el", "Zor", "zor", "Zour", "Ezzor", "ezzor", "-",
             "xDeir", "_Der", "9Dier", "between", "Between", "and", "Homs", "the", "al-Bab", "D", "Dr",
             "(Deir", ".Dayr"]
    rng = random.Random(7)
    texts = ["Shelling hit Deir ez-Zor and Deir-ezzor, not Dayr Zour or Der Zor; the Deirzor road.",
             "Clashes between the army and rebels in Deraa and Deir al-Zor."]
    texts += ["".join(rng.choice(words) + rng.choice(("", " ", "-", ", ")) for _ in range(8))
              for _ in range(5000)]
    for text in texts:
        assert [(m.span(), m.group()) for m in places._DEIR_EZZOR.finditer(text)] == \
            [(m.span(), m.group()) for m in plain.finditer(text)], text
        if places._BETWEEN.search(text):
            assert "between" in text
    assert [m[2] for m in place_mentions(texts[1], "SY")][-1:] == ["Deir al-Zor"]
