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
from civcas.extract.english import CUES, English
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


# ---------------------------------------------------------------- expressions led by their first characters

def _led_expressions():
    from civcas.extract import actors, attribution, cand_place, placecontext, places, scope, tokens
    return [tokens._BOUNDARY, scope._CUMULATIVE, scope._PERFECT_TOTAL, scope._PERIOD, scope._MONTH_SPAN,
            scope._CLAUSE_BREAK, scope._INCIDENT_OVERRIDE, attribution._PRONOUN, attribution._POSTED,
            attribution._TRACKING, actors._TARGET_BEFORE, actors._ATTACK_WORD, actors._WHERE_BEFORE, actors._BY,
            actors._SUPPORTER_BEFORE, placecontext._CAME_FROM, placecontext._ATTACKERS_IN, placecontext._WENT_TO,
            placecontext._GOING_TO, placecontext._SOURCES_IN, placecontext._TAKEN_TO, placecontext._OFFICE_OF,
            placecontext._ROLE_OF, cand_place._ANOTHER_PART, places._SITE_BEFORE, places._NEARBY, places._PLACE_BEFORE,
            places._GROUP_WORD, places._CAPITAL_PHRASE, places._LISTED_BEFORE, places._UNIT_BASE] + [
                getattr(CUES, name) for name in ("near", "struck", "rivals", "rebuttal", "unclaimed", "nationwide",
                                                 "by_air", "war", "clause_break", "other_harm", "accusation", "there",
                                                 "tied", "own_action", "at")]


def _plain(rx: re.Pattern) -> re.Pattern:
    head = re.match(r"\(\?=\[((?:\\.|[^\]\\])+)\]\)\(\?:", rx.pattern, re.S)
    assert head and rx.pattern.endswith(")"), rx.pattern[:40]
    return re.compile(rx.pattern[head.end():-1], rx.flags)


def test_first_characters_are_read_from_the_pattern():
    from civcas.extract.quick import first_chars
    assert first_chars(r"\b(?:said|told|according\s+to)\b") == "ast"
    assert first_chars(r"\b(?:said|told)", re.I) == "st"
    assert first_chars(r";|,?\s+and") == r",;\s"
    assert first_chars(r"(?:a|b)?c|\d+") == r"\dabc"
    assert first_chars(r"(?<=x)y|[^z]w") is None  # a negated set: any character
    assert first_chars(r"a*") is None and first_chars(r"(?i:a)b") is None and first_chars("(") is None


def test_led_expressions_find_what_plain_ones_find():
    rng = random.Random(14)
    words = ("since the war began", "so far this year", "have been killed in the siege", "in total", "overall",
             "in several strikes", "over the past two weeks", "the civil war has", "death toll from the conflict",
             "each day", "daily", "he said", "the group said", "the same sources", "correspondent in the city",
             "a monitoring group", "against the", "targeting the", "held by", "strikes", "jets", "barrel bombs",
             "in the", "outside", "fled from", "natives of the", "another district of", "other parts in",
             "from March to June", "between January and May", "blamed on the", "backed by", "positioned in",
             "fled towards", "travelling back to", "sources in", "taken to the hospital in", "the Governor of",
             "the editor of", "military base of", "nearby town of", "the Somali capital", "Syria's capital",
             "the al-A and al-B residential neighbourhoods", "Division 17 base", "Ahrar al-Sham", "Jaish",
             "near", "10 km north of", "shelled", "whether IS or the regime was responsible", "denied the allegations",
             "no immediate claim of responsibility", "across the country", "air strikes", "the war", "killed there",
             "in the same strike", "were also killed", "accused the", "its own", "in the",
             "denied that any civilians were killed", "no one was killed", "fighter jets", "between rival groups",
             "the provincial governor", "(Photo AFP)", "and in", "the deadliest", "the health ministry",
             "state news agency", "a local activist", "dozens", "the town of", "these places", "past 24 hours", "last month", "; and that", ", while",
             "U.S. jets hit.", "Dr. Ahmad said.", "(Photo AFP) Syrian", "REUTERS/John Smith A", "\n\nThe",
             "Published: 3 May 2016 Shelling", " - YouTube The", "İN", "ſince", "ın", "SINCE 2011", "x", "1,200")
    texts = list(SENTENCES) + ["".join(rng.choice(words) + rng.choice(("", " ", ", ", ". ", "\n")) for _ in range(6))
                               for _ in range(400)]
    for rx in _led_expressions():
        plain = _plain(rx)
        for text in texts:
            for at in (0, 3):
                assert [(m.span(), m.groups()) for m in rx.finditer(text, at)] == \
                    [(m.span(), m.groups()) for m in plain.finditer(text, at)], (rx.pattern[:40], text)


def test_words_that_end_no_place_are_cut_once_per_name():
    from civcas.extract.notplace import not_a_place_cut
    from civcas.extract.places import place_mentions
    assert not_a_place_cut("Aleppo Terrorists") == ("Aleppo", True)
    assert not_a_place_cut("Kurdish-held") == ("", True)
    assert not_a_place_cut("Homs") == ("Homs", False)
    assert not_a_place_cut("the Qaeda-linked Hurras") is None
    sentence = "Regime shelling on the Kurdish-held town of Afrin and Aleppo Terrorists killed 4 in Homs."
    assert place_mentions(sentence, "SY") == place_mentions(sentence, "SY")
    assert [m[2] for m in place_mentions(sentence, "SY")] == ["Afrin", "Aleppo", "Homs"]


def test_a_sentence_is_scanned_once_and_its_scan_not_kept_for_long():
    from civcas.vocab import match
    v = vocabulary()
    match._scanned_kept.cache_clear()
    for m in (v._actors, v._sources, v._countries, v._cities):
        m._cache.clear()
    report = " ".join(f"{s} Item {n} of the list." for n, s in enumerate(SENTENCES * 8))
    claims = extract_text(report)
    info = match._scanned_kept.cache_info()
    assert info.currsize <= 32 and info.misses > 32  # a few texts deep, not the report's every sentence
    assert all(len(m._cache) > 32 for m in (v._actors, v._sources))  # what the matchers found stays
    match._scanned_kept.cache_clear()
    assert extract_text(report) == claims
