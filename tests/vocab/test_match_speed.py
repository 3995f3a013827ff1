"""The matcher reads each text once for every country and caller (issue 15, speed): what it answers
from its cache is what a fresh read answers, for every country."""
from __future__ import annotations

from civcas.vocab import gates, match, vocabulary
from civcas.vocab.match import Entry, Matcher

SENTENCES = (
    "Russian jets and regime helicopters struck Idlib, the Observatory said.",
    "The Houthis said Saudi-led coalition air strikes killed 12 people in Saada.",
    "Islamic State militants attacked an army post; IS fighters also shelled the town, AP reported.",
    "The Syrian Observatorys director said US-led coalition planes hit Raqqa.",
    "ذكر المرصد السوري أن طائرات التحالف قصفت مدينة الرقة",
    "no names at all in this one",
)


def _fresh(m: Matcher, text: str, country: str | None):
    m._cache.clear()
    match._scanned_kept.cache_clear()
    return m.find(text, country)


def test_cached_answers_equal_fresh_ones_for_every_country():
    v = vocabulary()
    for m in (v._actors, v._sources, v._countries, v._cities):
        for text in SENTENCES:
            for country in (None, "SY", "YE", "IQ", "SO"):
                warm = m.find(text, country)
                again = m.find(text, country)
                assert warm == again == _fresh(m, text, country), (text, country)


def test_a_local_spelling_counts_only_in_its_theatre_even_when_cached():
    m = Matcher([("the coalition", Entry("us-coalition")), ("coalition", Entry("saudi-coalition", ("YE",), True)),
                 ("AP", Entry("ap"))])
    text = "Coalition jets struck, AP and ap reported."
    assert [(s, e, x.row) for s, e, x in m.find(text, "YE")] == [(0, 9, "saudi-coalition"), (23, 25, "ap")]
    assert [(s, e, x.row) for s, e, x in m.find(text, "SY")] == [(0, 9, "us-coalition"), (23, 25, "ap")]
    assert [(s, e, x.row) for s, e, x in m.find(text, None)] == [(0, 9, "us-coalition"), (23, 25, "ap")]


def test_the_cache_keeps_the_latest_texts_only():
    m = Matcher([("Idlib", Entry("idlib"))])
    for n in range(2100):
        m.find(f"Idlib {n}")
    assert len(m._cache) <= 2048
    assert "Idlib 2099" in m._cache and "Idlib 0" not in m._cache


def test_pattern_gates_are_what_a_match_must_hold():
    assert gates.gates(r"syrian\s+obs?ervatory") == [(False, ("syrian",)), (False, ("ob",)), (False, ("ervatory",))]
    assert gates.gates(r"(?-i:WHO)(?=\s+(?:said|says|reported))") == [(True, ("WHO",)),
                                                                        (False, ("said", "says", "reported"))]
    assert gates.gates(r"(?:US|U\.S\.|United\s+States)\s+jets") == [(False, ("us", "u.s.", "united")),
                                                                     (False, ("jets",))]
    assert gates.gates(r"(?:al-)?Sham(?!\s+Legion)") == [(False, ("sham",))]  # an optional group, a negative lookahead: no gate
    assert gates.gates(r"[") == []  # unreadable: no gate, the pattern always runs


def test_gated_patterns_find_what_ungated_ones_find():
    """The gates only skip patterns that cannot match: same names with and without them, letters that
    match only by case folding ("İ", "ı", "ſ") included."""
    texts = SENTENCES + ("The İSİS fighters attacked", "ıs group", "the WHO said", "the who said",
                         "US-led strikes", "UN's team", "the Syrian obervatory", "ſaudi jets",
                         "British-based monitor", "US commandos", "U.S. drones", "The IS group claimed",
                         "Defence Ministry in Moscow said")
    v = vocabulary()
    for m in (v._actors, v._sources):
        gates = m._gates
        try:
            m._gates = [[] for _ in gates]
            ungated = [m._with_patterns(t, []) for t in texts]
        finally:
            m._gates = gates
        assert [m._with_patterns(t, []) for t in texts] == ungated


def test_a_transient_reading_answers_alike_and_keeps_nothing():
    """Resolution reads each whole report once for its country: inside ``transient`` the answers
    are the cached ones, and no text is added to any per-text cache."""
    v = vocabulary()
    report = " ".join(SENTENCES) + " A report read once, in full, by resolution."
    kept = [len(m._cache) for m in (v._actors, v._sources, v._countries, v._cities)]
    scanned = match._scanned_kept.cache_info().currsize
    with match.transient():
        assert not match.remembering()
        once = (v.main_country(report), v.actor_mentions(report), v.source_mentions(report, "SY"),
                v.country_weights(report))
    assert match.remembering()
    assert [len(m._cache) for m in (v._actors, v._sources, v._countries, v._cities)] == kept
    assert match._scanned_kept.cache_info().currsize == scanned
    assert report not in v._weights_memo
    assert once == (v.main_country(report), v.actor_mentions(report),
                    v.source_mentions(report, "SY"), v.country_weights(report))
