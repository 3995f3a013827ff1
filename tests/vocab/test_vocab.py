"""vocab: every row of the vocabulary is read, checked, and found in the example sentence it carries."""
from __future__ import annotations

from importlib import resources

import pytest

from civcas import extract_text
from civcas.vocab import INDEPENDENT_KINDS, SOURCE_KINDS, VocabularyError, vocabulary
from civcas.vocab.load import load_tables

V = vocabulary()


def _theatre_of(row, example: str) -> str | None:
    return row.theatre[0] if row.theatre else V.main_country(example)


# ------------------------------------------------------------------ the data is well formed


def test_tables_load_and_every_row_has_an_example():
    t = load_tables()
    assert len(t.actors) > 40 and len(t.sources) > 80 and len(t.countries) > 20
    for row in list(t.actors.values()) + list(t.sources.values()) + list(t.countries.values()):
        assert row.example.strip(), row
    assert {k.kind for k in t.kind_words} <= set(SOURCE_KINDS)


def _shipped(name: str) -> str:
    return resources.files("civcas.vocab").joinpath(f"data/{name}").read_text(encoding="utf-8")


@pytest.mark.parametrize("file, bad, message", [
    ("actors.toml", '[[actor]]\nid = "x"\nlabel = "X"\nkind = "navy"\nexample = "X"\n',
     "actors.toml: [[actor]] x: field 'kind' is 'navy'"),
    ("actors.toml", '[[actor]]\nid = "x"\nlabel = "X"\nkind = "state"\nallies = ["nobody"]\nexample = "X"\n',
     "actors.toml: [[actor]] x: field 'allies' names unknown actor 'nobody'"),
    ("actors.toml", '[[actor]]\nid = "x"\nkind = "state"\nexample = "X"\n',
     "actors.toml: [[actor]] x: field 'label' is required"),
    ("actors.toml", '[[actor]]\nid = "x"\nlabel = "X"\nkind = "state"\nlocal = ["the army"]\nexample = "X"\n',
     "actors.toml: [[actor]] x: field 'theatre' is required"),
    ("sources.toml", '[[source]]\nid = "y"\nlabel = "Y"\nkind = "blog"\nexample = "Y"\n',
     "sources.toml: [[source]] y: field 'kind' is 'blog'"),
    ("sources.toml", '[[source]]\nid = "y"\nlabel = "Y"\nkind = "monitor"\nspeaks_for = "nobody"\nexample = "Y"\n',
     "sources.toml: [[source]] y: field 'speaks_for' names unknown actor 'nobody'"),
    ("countries.toml", '[[country]]\ncode = "syr"\nname = "S"\nexample = "S"\n',
     "countries.toml: [[country]] syr: field 'code' must be an ISO 3166-1 alpha-2 code"),
    ("places.toml", '[[kind]]\nid = "k"\nrank = 9\nwords = ["w"]\nexample = "e"\n',
     "places.toml: [[kind]] k: field 'rank' must be an integer from 1 to 6"),
    ("sources.toml", '[[source]\nid = "y"\n', "sources.toml:"),
])
def test_a_bad_row_is_one_error_naming_file_row_and_field(file, bad, message):
    texts = {file: _shipped(file) + "\n" + bad}
    with pytest.raises(VocabularyError) as err:
        load_tables(texts)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_repeated_id_is_refused():
    texts = {"actors.toml": _shipped("actors.toml") + '\n[[actor]]\nid = "russia"\nlabel = "R"\nkind = "state"\n'
                                                      'example = "R"\n'}
    with pytest.raises(VocabularyError, match="russia: field 'id' repeats an earlier row"):
        load_tables(texts)


# ------------------------------------------------------------------ every row is found in its example


@pytest.mark.parametrize("actor_id", sorted(V.actors))
def test_every_actor_is_found_in_its_example(actor_id):
    row = V.actors[actor_id]
    country = _theatre_of(row, row.example)
    found = V.actor_mentions(row.example, country)
    assert actor_id in [m.id for m in found], (row.example, found)


@pytest.mark.parametrize("actor_id", sorted(a for a in V.actors if V.actors[a].kind != "generic"))
def test_every_named_actor_is_the_perpetrator_of_its_example(actor_id):
    row = V.actors[actor_id]
    claims = extract_text(row.example)
    assert row.label in {c.perpetrator for c in claims} | {p for c in claims for p in (c.perpetrator or "").split(" and ")}, \
        [(c.text, c.perpetrator) for c in claims]


@pytest.mark.parametrize("source_id", sorted(V.sources))
def test_every_source_is_found_in_its_example(source_id):
    row = V.sources[source_id]
    country = _theatre_of(row, row.example)
    assert source_id in [m.id for m in V.source_mentions(row.example, country)], row.example


@pytest.mark.parametrize("code", sorted(V.countries))
def test_every_country_is_the_country_of_its_example(code):
    assert V.main_country(V.countries[code].example) == code


@pytest.mark.parametrize("kind", [k.id for k in V.place_kinds()])
def test_every_place_kind_ranks_the_place_of_its_example(kind):
    from civcas.extract.places import place_mentions

    row = next(k for k in V.place_kinds() if k.id == kind)
    ranks = [m[3] for m in place_mentions(row.example)]
    assert ranks and max(ranks) >= min(row.rank, 4) or row.rank <= 2 and ranks, (row.example, ranks)


# ------------------------------------------------------------------ sides, voices, kinds


def test_generic_terms_are_the_local_side_only_in_their_war():
    assert [m.label for m in V.actor_mentions("Terrorists fired rockets.", "SY")] == ["rebels"]
    assert [m.label for m in V.actor_mentions("Terrorists fired rockets.", "IL")] == ["terrorists"]
    assert [m.label for m in V.actor_mentions("the coalition struck", "YE")] == ["Saudi-led coalition"]
    assert [m.label for m in V.actor_mentions("the coalition struck", "IQ")] == ["US-led coalition"]
    assert V.actor_mentions("the coalition struck", None) == []


def test_sides_allies_and_voices():
    assert V.side("Nusra Front") == "rebels"
    assert V.side("al-Shabaab") == "Al-Qaeda"
    assert V.allied("Russia", "Syrian government forces") and not V.allied("Islamic State", "rebels")
    assert V.speaks_for("Pentagon") == "United States"
    assert V.speaks_for("SANA") == "Syrian government forces"
    assert V.speaks_for("Syrian Observatory for Human Rights") is None


def test_who_fights_for_the_government_of_a_country():
    assert V.with_government("hezbollah", "SY") and V.with_government("iran", "SY")
    assert V.with_government("popular-mobilisation", "IQ") and V.with_government("wagner", "ML")
    assert not V.with_government("hezbollah", "IL")  # no government there it fights for
    assert not V.with_government("islamic-state", "SY") and not V.with_government("kurdish-forces", "SY")
    assert not V.with_government("syrian-government", "SY")  # the government itself: its forces already are
    assert not V.with_government("hezbollah", None) and not V.with_government("nobody", "SY")


@pytest.mark.parametrize("name, kind", [
    ("Syrian Observatory for Human Rights", "monitor"), ("Airwars", "monitor"), ("UN", "un_ngo"),
    ("Gaza Health Ministry", "medical"), ("civil defence", "civil_defence"), ("SANA", "state_media"),
    ("Pentagon", "belligerent"), ("Al Jazeera", "news_outlet"), ("residents", "local"), ("activists", "activists"),
    ("reporter", "reporter"), ("Al Jumhouri hospital", "medical"), ("Kherson regional prosecutor's office", "official"),
    ("State Emergency Service", "civil_defence"), ("Sputnik", "news_outlet"), ("National Coalition for Syrian "
                                                                              "Revolutionary and Opposition Forces",
                                                                              "belligerent"),
])
def test_source_kinds(name, kind):
    assert V.source_kind(name) == kind


def test_independent_kinds():
    assert INDEPENDENT_KINDS == {"monitor", "un_ngo", "medical", "civil_defence"}
    assert V.independent("Airwars") and not V.independent("Sputnik") and not V.independent("Pentagon")


def test_the_health_ministry_is_named_for_the_country_of_the_report():
    assert [m.label for m in V.source_mentions("the health ministry said", "LY")] == ["Libyan Health Ministry"]
    assert [m.label for m in V.source_mentions("the health ministry said", "PS")] == ["Gaza Health Ministry"]
    assert [m.label for m in V.source_mentions("the health ministry said", None)] == ["Ministry of Health"]


def test_matching_is_by_whole_words_case_and_hyphen_tolerant():
    assert [m.label for m in V.actor_mentions("U.S.-led coalition jets; US led coalition jets", "SY")] == \
        ["US-led coalition", "US-led coalition"]
    assert V.actor_mentions("this is militants", "SY")[0].label == "militants"  # "is" is not IS
    assert [m.label for m in V.actor_mentions("Assad’s forces and Assads forces", "SY")] == \
        ["Syrian government forces", "Syrian government forces"]
    assert V.source_mentions("the apparatus", None) == []  # "AP" only in capitals


def test_a_pattern_with_an_optional_letter_runs_on_the_shorter_word():
    from civcas.vocab.gates import needle
    assert needle(r"\bsources?\s+in\s+the\s+(?:province|city)") == "source"  # "source in the city" too
    assert [m.label for m in V.source_mentions("a source in the city", "SY")] == ["local sources"]


def test_a_model_name_between_a_nation_and_its_weapon_keeps_the_actor():
    assert [m.label for m in V.actor_mentions("a US Reaper drone fired twice", "YE")] == ["United States"]
    assert [m.label for m in V.actor_mentions("American B-52 bombers struck", "AF")] == ["United States"]
    assert V.actor_mentions("the US passenger jets landed", "YE") == []  # only a capitalised model name


# ------------------------------------------------------------------ what the extractor emits, the later stages know


def _emittable_actor_labels():
    """Every perpetrator name the extractor can write: each actor's label, and what a generic row
    resolves to in each country."""
    v = vocabulary()
    out = {a.label for a in v.actors.values()}
    for a in v.actors.values():
        out.update(v.actors[target].label for _c, target in a.resolve)
    return sorted(out)


def _emittable_source_labels():
    """Every known source name the extractor can write: each row's label and each country's national
    body (its health ministry)."""
    v = vocabulary()
    out = {(s.label, s.kind) for s in v.sources.values()}
    for s in v.sources.values():
        if s.national:
            out.update((v.source_label(s, code), s.kind) for code in v.countries)
    return sorted(out)


@pytest.mark.parametrize("label", _emittable_actor_labels())
def test_every_perpetrator_the_extractor_emits_is_known_to_resolve_and_assess(label):
    from civcas.vocab import names
    v = vocabulary()
    assert v.actor(label) is not None, label
    assert names.actor(label) == label  # resolution keys incidents by the same name
    assert names.compatible(label, label)
    assert v.side(label) is not None  # grading and the gap group actors by side


@pytest.mark.parametrize("label, kind", _emittable_source_labels())
def test_every_source_the_extractor_emits_is_known_to_resolve_and_assess(label, kind):
    from civcas.vocab import names
    v = vocabulary()
    assert v.source(label) is not None, label
    assert v.source_kind(label) == kind  # grading and the gap read the kind
    assert names.asserter(label) == label  # one asserter, however often it is cited
    if kind == "belligerent":
        assert names.belligerent(label) is not None or v.source(label).speaks_for is None


@pytest.mark.parametrize("text, label", [
    ("SANA's reporter in Hama said", "SANA"),
    ("SANA’s correspondent said", "SANA"),  # a typographic apostrophe
    ("the UN's envoy said", "UN"),
])
def test_an_all_capitals_name_in_the_possessive_is_that_name(text, label):
    assert [m.label for m in vocabulary().source_mentions(text, "SY")] == [label]
