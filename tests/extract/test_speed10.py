"""Extraction speed, fourth round (decisions §15.14): each quicker way gives what the plain way gave."""
from __future__ import annotations

import gc
import random
import re
from collections import Counter

import pytest

from civcas._gc import paused_gc
from civcas.api import extract_text
from civcas.extract.attribution import attributions
from civcas.extract.english import English
from civcas.geo.normalize import _undouble, skel_key
from civcas.vocab import vocabulary
from civcas.vocab.match import Entry, Matcher

SENTENCES = (
    "Regime helicopters dropped barrel bombs on Darayya, killing nine civilians, the Syrian Observatory said.",
    "Saudi-led coalition jets struck a market in Saada on Sunday, Yemeni officials told reporters.",
    "Iraqi forces and Kurdish fighters pushed into eastern Mosul as Russian warplanes hit Idlib.",
    "The reporters waited outside the hospital in Kabul.",
    "Nothing here names a country.",
)


def test_the_collector_is_paused_inside_and_as_it_was_after():
    was = gc.isenabled()
    try:
        gc.enable()
        with paused_gc():
            assert not gc.isenabled()
        assert gc.isenabled()
        with pytest.raises(ValueError), paused_gc():
            raise ValueError("a failure inside")
        assert gc.isenabled()
        gc.disable()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # off before: left off
    finally:
        (gc.enable if was else gc.disable)()


def test_extraction_leaves_the_collector_as_it_was():
    was = gc.isenabled()
    try:
        gc.enable()
        claims = extract_text(SENTENCES[0])
        assert gc.isenabled() and claims
        gc.disable()
        assert extract_text(SENTENCES[0]) == claims
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_a_report_adds_its_sentences_weights_as_counters_did():
    v = vocabulary()
    title = "Air strikes hit Idlib and Aleppo"
    plain: Counter = Counter()
    for part in SENTENCES:
        plain.update(v.country_weights(part))
    plain.update({k: 2 * w for k, w in v.country_weights(title).items()})
    quick = v.report_weights(" ".join(SENTENCES), title, list(SENTENCES))
    assert quick == plain and list(quick.items()) == list(plain.items())  # same order: ties in most_common
    assert quick["SY"] > 0 and quick["IQ"] > 0


def test_a_run_of_one_letter_is_undoubled_as_the_template_did():
    rng = random.Random(15)
    for _ in range(2000):
        s = "".join(rng.choice("aabkkqrs0") for _ in range(rng.randint(0, 12)))
        assert _undouble(s) == re.sub(r"(.)\1+", r"\1", s)
        vowels = re.sub(r"(?<=.)[aeiouyw]+", "", s)
        assert skel_key(s) == ((lambda k: k if len(k) >= 3 and not k.isdigit() else "")(re.sub(r"(.)\1+", r"\1", vowels)))


def test_one_entry_or_several_a_name_counts_where_it_applies():
    m = Matcher([("the coalition", Entry("us-coalition")), ("coalition", Entry("saudi-coalition", ("YE",), True)),
                 ("Houthis", Entry("houthis", ("YE",), True)), ("Hashd", Entry("pmf", ("IQ",))),
                 ("Kabul", Entry("kabul"))])
    text = "Coalition jets and Houthis clashed; Hashd units moved; Kabul was quiet."

    def plain(country):  # every entry of a name weighed as the general rule does
        out = []
        for s, e, entries in m._found(text):
            chosen = next((x for x in entries if not x.theatre and not x.local), None)
            local = next((x for x in entries if x.local and country in x.theatre), None)
            if local or chosen:
                out.append((s, e, local or chosen))
        return out

    for country in (None, "YE", "IQ", "SY"):
        assert m.find(text, country) == plain(country), country
    assert [x.row for _s, _e, x in m.find(text, "YE")] == ["saudi-coalition", "houthis", "kabul"]
    assert [x.row for _s, _e, x in m.find(text, "SY")] == ["us-coalition", "kabul"]


def test_a_sentence_with_a_cue_stem_and_no_cue_has_no_attribution():
    reader = English()
    for sentence in SENTENCES + ("Rescuers recovered 13 bodies, the civil defence said.",):
        assert reader.attributions(sentence, "SY") == (attributions(sentence, "SY") if any(
            stem in sentence.lower() for stem in ("said", "told", "report", "recover")) else [])
    assert reader.attributions(SENTENCES[3], "AF") == []  # "reporters" holds a stem, not a cue
