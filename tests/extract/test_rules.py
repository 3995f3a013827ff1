"""Contract rules (``extract.decide.RULES``): fixed weights for readings the guide settles, added to the
fitted ones, shown in explanations, and never moved by the trainer."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from civcas.extract.candidates import Candidate
from civcas.extract.decide import RULES, decide, model, with_rules

ROOT = Path(__file__).resolve().parents[2]


def _trainer():
    spec = importlib.util.spec_from_file_location("train_decisions", ROOT / "tools" / "train_decisions.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_shipped_model_carries_every_rule_on_top_of_its_fitted_weight():
    import json
    from importlib import resources
    raw = resources.files("civcas.extract").joinpath("data/weights.json").read_text(encoding="utf-8")
    fitted = json.loads(raw)["weights"]
    live = model()["weights"]
    for field, rules in RULES.items():
        for feature, weight in rules.items():
            assert abs(live[field][feature] - fitted[field].get(feature, 0.0) - weight) < 1e-9


def test_a_rule_decides_between_otherwise_equal_candidates_and_explicit_weights_get_it_too():
    a = Candidate("US-led coalition", "its own voice reports it", {"self": 1.0, "self.own_action": 1.0}, "x")
    b = Candidate(None, "no one named", {"none": 1.0})
    d = decide("perpetrator", [b, a], {"self": 0.0, "none": 0.0})
    assert d.value == "US-led coalition" and d.probability > 0.95
    assert with_rules("no-such-field", {"x": 1.0}) == {"x": 1.0}  # a field without rules is untouched


def test_the_trainer_never_moves_a_rule_and_fits_the_rest_around_it():
    fit = _trainer().fit
    # two candidates; the data says "a" wins half of the time: the fitted weight of "f" must cancel the rule
    groups = [[({"f": 1.0}, True), ({"g": 1.0}, False)], [({"f": 1.0}, False), ({"g": 1.0}, True)]]
    w = fit(groups, l2=0.0, iters=600, fixed={"f": 2.0})
    assert "f" not in w  # the rule is not a fitted weight
    assert abs(w["g"] - 2.0) < 0.1  # the other candidate's weight rose to meet it
    w_free = fit(groups, l2=0.0, iters=600)
    assert abs(w_free.get("f", 0.0) - w_free.get("g", 0.0)) < 0.1


def test_the_confidence_calibration_reads_the_features_the_code_computes():
    from civcas import api
    from civcas.extract.decide import confidence_features
    report = ("Air strikes killed 12 civilians in the town of Kafr Nabl on Thursday, the Syrian Observatory for "
              "Human Rights said. Later, more than 40 people were said to have died across the country.")
    whys = api.explain_text(report, "2016-05-06")
    cal = model()["confidence"]
    computed = set()
    for why in whys:
        decisions = {f.field: f for f in why.fields}
        computed |= set(confidence_features({}, why.claim.qualifier, why.claim.scope)) | {
            f"{k}.{name}" for name in decisions for k in ("lp", "own", "empty")}
    assert set(cal["weights"]) <= computed  # a stale calibration would weigh features no longer computed
    assert len({why.claim.confidence for why in whys}) == len(whys) > 1  # claims unlike in their certainty


def _places(text: str) -> list[str | None]:
    from civcas import api
    return [c.place for c in api.extract_text(text, "2023-03-02")]


def test_a_place_named_only_as_an_officials_jurisdiction_is_not_the_place_of_harm():
    # the account is about the town; the province only heads the speaker's office
    text = ("A car bomb killed nine people outside the market of Tal Afar on Sunday, police said. "
            "\"I saw three children who were dead,\" said the Nineveh deputy governor, who was nearby.")
    assert _places(text) == ["Tal Afar", "Tal Afar"]
    # a body of the place inside the speaker's description ("the chairman of the Nineveh council") too
    text = ("A car bomb exploded outside the market of Tal Afar on Sunday, killing nine people. The chairman of the "
            "Nineveh council, Ali Hassan, put the toll at eight killed and 12 wounded.")
    assert _places(text) == ["Tal Afar", "Tal Afar", "Tal Afar"]
    # named as the place of harm in the same sentence, the office's place still counts
    assert _places("The Nineveh governor said a strike on Mosul killed four civilians.") == ["Mosul"]


def test_every_office_word_of_the_vocabulary_marks_a_jurisdiction():
    from civcas.extract.english import CUES
    from civcas.vocab import vocabulary
    offices = vocabulary().tables.offices
    assert {"governor", "mayor", "police chief"} <= offices
    for word in offices:
        text = f"the Kherson {word} Ivan Petrenko said"
        assert CUES.office.match(text, len("the Kherson")), word
    assert CUES.office.match("the Kyiv city military administration head said", len("the Kyiv"))
    assert not CUES.office.match("the Kherson region, officials said", len("the Kherson"))
    assert not CUES.office.match("in Kherson headquarters", len("in Kherson"))
