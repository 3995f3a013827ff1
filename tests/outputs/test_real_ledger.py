"""Exports and the report on a real ledger: the bundled sample ingested into SQLite."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from civcas.report.data import unpack

from civcas import api

pd = pytest.importorskip("pandas")
SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'demo.db'}"
    api.ingest([SAMPLE], db=url)
    return url


def test_every_level_and_format_from_the_ledger(db, tmp_path):
    snap = api.snapshot(db)
    assert snap.incidents, "the sample should give incidents"
    incidents = pd.read_csv(io.BytesIO(api.export("incidents", "csv", db=db)))
    assert len(incidents) == len(snap.incidents)
    assert incidents["incident_id"].is_unique
    ucdp = pd.read_parquet(io.BytesIO(api.export("incidents", "parquet", layout="ucdp", db=db)))
    both = ucdp.dropna(subset=["low", "best", "high"])
    assert len(both) and ((both["low"] <= both["best"]) & (both["best"] <= both["high"])).all()
    claims = json.loads(api.export("claims", "geojson", db=db))
    assert claims["features"] and all(
        -180 <= f["geometry"]["coordinates"][0] <= 180 for f in claims["features"])
    out = tmp_path / "tallies.csv"
    api.export("tallies", "csv", db=db, out=out)
    assert len(pd.read_csv(out)) == len(snap.tallies)


def test_report_from_the_ledger(db, tmp_path):
    path = api.report(tmp_path / "report.html", db=db)
    html = path.read_text("utf-8")
    block = re.search(r'id="civcas-data">(.*?)</script>', html, flags=re.S).group(1)
    snap = api.snapshot(db)
    data = unpack(json.loads(block))
    assert len(data["incidents"]) == len(snap.incidents)  # every incident, drawn by the page
    assert len(data["claims"]) == sum(len(i.claim_ids) for i in snap.incidents)
    assert path.stat().st_size < 2_000_000
