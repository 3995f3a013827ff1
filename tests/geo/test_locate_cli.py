"""The geo stage in the pipeline (claims' geo, the document's focus) and the CLI commands."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from civcas import geo
from civcas.cli import app
from civcas.records import Claim, Document

runner = CliRunner()

TEXT = (
    "Coalition jets struck the village of Tal Qurmuz in the eastern province of Deir ez-Zor "
    "on Monday, killing 9 civilians, the Syrian Observatory said. Another raid near Hajin "
    "killed 4 people in Khirbat Zumurrud. In Mayadin 3 children died."
)


def claim(phrase: str, place: str | None, scope: str = "incident") -> Claim:
    sentence_start = TEXT.rfind(". ", 0, TEXT.index(phrase)) + 2
    if sentence_start == 1:
        sentence_start = 0
    end = TEXT.find(".", TEXT.index(phrase)) + 1
    start = TEXT.index(phrase)
    return Claim(outcome="killed", victims="civilians", low=1, high=1, qualifier="exact",
                 text=phrase, source="reporter", place=place, event_date=None, perpetrator=None,
                 scope=scope, span=(start, start + len(phrase)), sentence=TEXT[sentence_start:end],
                 sentence_start=sentence_start)


DOC = Document(id="d1", title="Raids in eastern Syria", text=TEXT)


def test_claims_get_geo_and_unknown_villages_fall_back_honestly():
    claims = [claim("killing 9 civilians", "Tal Qurmuz"), claim("killed 4 people", "Khirbat Zumurrud"),
              claim("3 children died", "Mayadin"), claim("3 children", None)]
    located, focus = geo.locate(DOC, claims)
    first, second, third, fourth = (c.geo for c in located)
    # unknown village, province named in its sentence -> the governorate
    assert first.name == "Deir ez-Zor" and first.precision == "governorate"
    assert first.mention == "Tal Qurmuz"
    # unknown village "near Hajin" -> Hajin, with a precision that says "near"
    assert second.name == "Hajin" and second.precision == "district"
    assert second.mention == "Khirbat Zumurrud"
    # a known town
    assert third.name == "Al Mayadin" and third.precision == "village" and third.admin1 == "Deir ez-Zor"
    assert fourth is None  # no place named: no guess
    assert focus.admin1 == "Deir ez-Zor" and focus.country == "SY"
    assert [c.id for c in located] == [c.id for c in claims]  # nothing else changes


def test_focus_without_claims_comes_from_the_places_named():
    doc = Document(id="d2", title="Shelling in Idleb", text="Shelling hit Idleb and Saraqeb in Syria.")
    _claims, focus = geo.locate(doc, [])
    assert focus.admin1 == "Idlib" and focus.precision == "governorate"
    assert geo.locate(Document(id="d3", title="", text="Nothing here."), [])[1] is None


def test_jsonl_carries_claim_geo_and_document_focus(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Raid on Mayadin\nAir strikes killed at least 12 civilians in the town of Mayadin in "
        "Deir ez-Zor province on Monday, the Syrian Observatory for Human Rights said.\n")
    result = runner.invoke(app, ["extract", "--jsonl", str(tmp_path)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["focus"]["admin1"] == "Deir ez-Zor" and record["focus"]["country"] == "SY"
    g = record["claims"][0]["geo"]
    assert g["name"] == "Al Mayadin" and g["geonames_id"] == 173480
    assert {"lat", "lon", "admin1", "admin2", "country", "precision", "confidence"} <= set(g)


def test_geocode_command_prints_candidates_with_scores():
    result = runner.invoke(app, ["geocode", "Suran, Aleppo"])
    assert result.exit_code == 0, result.output
    assert "Suran" in result.stdout and "Aleppo" in result.stdout and "score" in result.stdout
    result = runner.invoke(app, ["geocode", "Tal Qurmuz, Deir ez-Zor", "--json"])
    data = json.loads(result.stdout)
    assert data["place"]["precision"] == "governorate" and "not in the gazetteer" in data["reason"]
    assert data["candidates"][0]["score"] > 0 and data["candidates"][0]["why"]


def test_geocode_command_unresolved_exits_1_with_the_reason():
    result = runner.invoke(app, ["geocode", "zzqxj vvkrw"])
    assert result.exit_code == 1 and "not in the gazetteer" in result.stdout


def test_gazetteer_add_and_info_commands(tmp_path, user_places):
    good = tmp_path / "p.csv"
    good.write_text("name,alternate names,lat,lon,admin1,country\nTal Qurmuz,,34.61,40.93,Deir ez-Zor,SY\n")
    result = runner.invoke(app, ["gazetteer", "add", str(good)])
    assert result.exit_code == 0, result.output
    assert "1 added, 0 replaced; 1 places in" in result.stdout
    assert geo.resolve("Tal Qurmuz").origin == "user"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon,country\nX,100,1,SY\n")
    result = runner.invoke(app, ["gazetteer", "add", str(bad)])
    assert result.exit_code == 2
    assert "bad.csv: row 2: field 'lat'" in result.stderr
    result = runner.invoke(app, ["gazetteer", "info", "--json"])
    info = json.loads(result.stdout)
    assert info["user_places"] == 1 and info["places"] > 40_000
