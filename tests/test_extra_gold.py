"""tools/extra_gold.py: gold sets kept as offsets into the FA-KES CSV; pack then unpack gives back
the corpus and gold files, for each set, and the shipped data files hold no article text."""
from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("extra_gold", ROOT / "tools" / "extra_gold.py")
extra_gold = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(extra_gold)

ROWS = [
    {"unit_id": "101", "article_title": "Shelling hits a market in Town A",
     "article_content": "3 March 2031 Shelling killed four civilians and wounded 9 others in Town A, a medic said.",
     "source": "x", "date": "3/3/2031", "location": "a", "labels": "1"},
    {"unit_id": "102", "article_title": "Seven dead in Town B raid",
     "article_content": "Officials said nothing more about the raid.", "source": "x", "date": "", "location": "b",
     "labels": "0"},
    {"unit_id": "103", "article_title": "Quiet day", "article_content": "Nothing happened.", "source": "x",
     "date": "", "location": "c", "labels": "0"},
]


def _claim(outcome, victims, n, text, **rest):
    return {"outcome": outcome, "victims": victims, "low": n, "high": n, "qualifier": "exact", "text": text,
            "source": rest.get("source", "reporter"), "place": rest.get("place"), "event_date": None,
            "perpetrator": None, "scope": "incident"}


GOLD = {
    "fakes-101": {"id": "fakes-101", "published": "2031-03-03", "claims": [
        _claim("killed", "civilians", 4, "Shelling killed four civilians", source="medic", place="Town A"),
        _claim("injured", "civilians", 9, "wounded 9 others in Town A", source="medic", place="Town A")]},
    "fakes-102": {"id": "fakes-102", "published": None, "claims": [  # a figure only in the headline
        _claim("killed", "people", 7, "Seven dead in Town B")]},
    "fakes-103": {"id": "fakes-103", "published": None, "claims": []},
}


@pytest.fixture()
def made(tmp_path):
    path = tmp_path / "tiny.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(ROWS[0]))
        w.writeheader()
        w.writerows(ROWS)
    corpus, gold = tmp_path / "src" / "corpus", tmp_path / "src" / "gold"
    corpus.mkdir(parents=True)
    gold.mkdir(parents=True)
    for doc_id, doc in GOLD.items():
        row = next(r for r in ROWS if f"fakes-{r['unit_id']}" == doc_id)
        (corpus / f"{doc_id}.txt").write_text(f"{row['article_title']}\n\n{row['article_content']}", encoding="utf-8")
        (gold / f"{doc_id}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return tmp_path, path, corpus, gold


def test_pack_then_unpack_gives_back_the_corpus_and_gold_files(made, capsys):
    tmp, csv_path, corpus, gold = made
    data = tmp / "data" / "tiny.json"
    assert extra_gold.pack(corpus, gold, csv_path, data, "a tiny set") == 0
    packed = json.loads(data.read_text(encoding="utf-8"))
    assert packed["about"] == "a tiny set" and len(packed["documents"]) == 3
    stored = json.dumps(packed)
    assert "killed four civilians" not in stored and "Seven dead" not in stored  # offsets only, no text
    assert packed["documents"][1]["claims"][0]["at"] == ["title", 0, len("Seven dead in Town B")]
    assert extra_gold.unpack(tmp / "out", csv_path, data) == 0
    for sub in ("corpus", "gold"):
        src = {p.name: p.read_text(encoding="utf-8") for p in (tmp / "src" / sub).iterdir()}
        out = {p.name: p.read_text(encoding="utf-8") for p in (tmp / "out" / sub).iterdir()}
        assert out == src


def test_a_text_that_is_not_in_the_article_stops_pack(made):
    tmp, csv_path, corpus, gold = made
    doc = dict(GOLD["fakes-103"], claims=[_claim("killed", "people", 2, "two killed somewhere else")])
    (gold / "fakes-103.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match="fakes-103"):
        extra_gold.pack(corpus, gold, csv_path, tmp / "d.json", "x")


def test_the_command_line_picks_a_set_and_defaults_to_fakes_x(made, monkeypatch):
    tmp, csv_path, corpus, gold = made
    monkeypatch.setattr(extra_gold, "DATA_DIR", tmp / "data")
    assert extra_gold.main(["pack", str(corpus), str(gold), "--set", "fakes-y", "--csv", str(csv_path)]) == 0
    assert (tmp / "data" / "fakes-y.json").is_file() and not (tmp / "data" / "fakes-x.json").exists()
    assert extra_gold.main(["--csv", str(csv_path), "pack", str(corpus), str(gold)]) == 0  # the old form
    assert (tmp / "data" / "fakes-x.json").is_file()
    assert extra_gold.main(["unpack", str(tmp / "y"), "--set", "fakes-y", "--csv", str(csv_path)]) == 0
    assert sorted(p.name for p in (tmp / "y" / "gold").iterdir()) == sorted(f"{k}.json" for k in GOLD)


@pytest.mark.parametrize("name", sorted(extra_gold.SETS))
def test_each_shipped_set_is_offsets_only(name):
    data = json.loads(extra_gold.data_path(name).read_text(encoding="utf-8"))
    assert data["about"] == extra_gold.SETS[name]
    for doc in data["documents"]:
        assert doc["id"].startswith("fakes-")
        for c in doc["claims"]:
            assert "text" not in c and c["at"][0] in ("content", "title") and c["at"][1] < c["at"][2]


def test_no_article_is_in_two_sets():
    seen: dict[str, str] = {}
    for name in sorted(extra_gold.SETS):
        for doc in json.loads(extra_gold.data_path(name).read_text(encoding="utf-8"))["documents"]:
            assert doc["id"] not in seen, f"{doc['id']} in {seen.get(doc['id'])} and {name}"
            seen[doc["id"]] = name


def test_the_shipped_sets_are_listed_and_described_in_the_docstring():
    assert sorted(extra_gold.SETS) == ["fakes-x", "fakes-y", "fakes-z"]
    for name in extra_gold.SETS:
        assert f"  {name}  " in extra_gold.__doc__, f"{name} is not described in the docstring"
    assert "development and training set" in extra_gold.SETS["fakes-z"]


def test_fakes_z_holds_forty_articles_each_with_its_publication_field():
    data = json.loads(extra_gold.data_path("fakes-z").read_text(encoding="utf-8"))
    assert len(data["documents"]) == 40
    assert all("published" in doc and isinstance(doc["claims"], list) for doc in data["documents"])
