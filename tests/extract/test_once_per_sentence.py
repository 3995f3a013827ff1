"""Work shared by every figure of a sentence is done once per sentence (issue 15, speed), and gives
what working it out afresh for each figure gives: same candidates, same features in the same order."""
from __future__ import annotations

from civcas import api
from civcas.api._extract import _text_document
from civcas.extract import cand_place
from civcas.extract.account import Account
from civcas.extract.cand_place import place_candidates
from civcas.extract.report import read_report
from civcas.geo import stage

TEXTS = (
    "Air strikes killed 31 people in Hama and another 12 in Homs, while shelling killed 4 in Idlib "
    "and 2 in the nearby town of Saraqeb, activists said.",
    "Idlib 12 killed 3 wounded | Aleppo 7 killed 2 wounded | Douma 4 killed 9 wounded | Hama 5 killed",
    "Russian jets struck the village of Kafr Nabl in Idlib province, killing 9 civilians including 4 children.",
)


def _rows(cands):
    return [(c.value, c.origin, list(c.features.items()), c.evidence) for c in cands]


def test_place_candidates_of_each_figure_equal_a_fresh_reading():
    for text in TEXTS:
        report = read_report(_text_document(text, "2017-03-01", ""))
        for sent in report.sentences:
            drafts = report.reader.drafts(sent) if sent.casualty else []
            assert len(drafts) >= 2 or not sent.casualty
            for d in drafts:
                shared = place_candidates(d, report, Account(), drafts)
                cand_place._LAST_SENTENCE[0] = None  # forget the sentence: work it all out again
                fresh = place_candidates(d, report, Account(), drafts)
                assert _rows(shared) == _rows(fresh)
                assert shared and shared[-1].value is None  # "no one place" is always offered


def test_a_figure_outside_the_list_gets_zones_of_its_own():
    report = read_report(_text_document(TEXTS[0], "2017-03-01", ""))
    sent = report.sentences[0]
    drafts = report.reader.drafts(sent)
    place_candidates(drafts[0], report, Account(), drafts)  # the sentence is remembered
    alone = place_candidates(drafts[1], report, Account(), drafts[:1])  # asked with a list that lacks it
    cand_place._LAST_SENTENCE[0] = None
    assert _rows(alone) == _rows(place_candidates(drafts[1], report, Account(), drafts[:1]))


def test_extract_text_computes_no_focus_and_extract_documents_one_per_document(monkeypatch):
    calls = []
    real = stage.focus_of
    monkeypatch.setattr(stage, "focus_of", lambda *a, **k: calls.append(1) or real(*a, **k))
    text = "Air strikes killed 12 civilians in Saraqeb in Idlib province on Monday, activists said."
    assert api.extract_text(text, published="2017-03-01") and calls == []
    docs = [_text_document(text, "2017-03-01", "Strikes on Saraqeb"), _text_document(TEXTS[2], "2017-03-01", "")]
    results = list(api.extract_documents(docs))
    assert len(calls) == 2 and all(r.focus is not None for r in results)
