"""``civcas export`` and ``civcas report``: the shell over api.export / api.report."""
from __future__ import annotations

import io
import json
from contextlib import contextmanager

import pytest
from typer.testing import CliRunner

from civcas import cli
from civcas.api import _outputs
from civcas.outputs.rows import claim_items

from .fixtures import make_snapshot

pd = pytest.importorskip("pandas")
runner = CliRunner()


@pytest.fixture
def ledger(monkeypatch):
    """The outputs' snapshot returning the fixture ledger (whatever the real one does)."""
    seen = []

    def fake(db=None, **_):
        seen.append(db)
        return make_snapshot()

    @contextmanager
    def fake_claims(db=None):  # what the claims export reads, as a stream
        seen.append(db)
        yield claim_items(make_snapshot())

    monkeypatch.setattr(_outputs, "listed_snapshot", fake)  # what api.export and api.report read
    @contextmanager
    def fake_parts(db=None, level="incidents"):
        seen.append(db)
        snap = make_snapshot()
        yield (snap.incidents if level == "incidents" else snap.tallies), {
            d.id: d for d in snap.documents}

    monkeypatch.setattr(_outputs, "listed_claims", fake_claims)
    monkeypatch.setattr(_outputs, "listed_parts", fake_parts)
    return seen


def test_export_csv_to_stdout(ledger):
    result = runner.invoke(cli.app, ["export", "--level", "incidents", "--format", "csv"])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(io.BytesIO(result.stdout_bytes))
    assert len(df) == 6


def test_export_to_file_with_layout_and_db(ledger, tmp_path):
    out = tmp_path / "ged.parquet"
    result = runner.invoke(cli.app, ["export", "--level", "incidents", "--format", "parquet",
                                     "--layout", "ucdp", "-o", str(out), "--db", "sqlite:///x.db"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert list(pd.read_parquet(out)["id"])[:1] == ["inc-raqqa-0304"]
    assert ledger == ["sqlite:///x.db"]


def test_export_geojson(ledger):
    result = runner.invoke(cli.app, ["export", "--level", "claims", "--format", "geojson"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["type"] == "FeatureCollection"


@pytest.mark.parametrize("args,message", [
    (["--level", "people"], "--level"),
    (["--format", "xls"], "--format"),
    (["--layout", "acled", "--level", "tallies"], "incidents only"),
    (["--format", "geojson", "--level", "tallies"], "coordinates"),
])
def test_bad_options_exit_2_with_one_line(ledger, args, message):
    result = runner.invoke(cli.app, ["export", *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("civcas: error: ") and message in result.stderr
    assert "Traceback" not in result.output
    assert ledger == []  # options are checked before the ledger is read


def test_no_ledger_is_a_clear_error(tmp_path):
    absent = f"sqlite:///{tmp_path / 'absent.db'}"
    for args in (["export"], ["report", "-o", str(tmp_path / "r.html")]):
        result = runner.invoke(cli.app, [*args, "--db", absent])
        assert result.exit_code == 2
        assert result.stderr.startswith("civcas: error: [E401] database ")
        assert "no ledger there yet" in result.stderr and not (tmp_path / "absent.db").exists()


def test_report_command_writes_one_file(ledger, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(cli.app, ["report", "-o", str(out), "--title", "Test ledger"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}")
    html = out.read_text("utf-8")
    assert "<title>Test ledger</title>" in html


def test_help_lists_the_commands():
    result = runner.invoke(cli.app, ["--help"])
    assert "export" in result.stdout and "report" in result.stdout
    result = runner.invoke(cli.app, ["export", "--help"])
    for flag in ("--level", "--format", "--layout", "--output", "--db"):
        assert flag in result.stdout


def test_an_export_failing_part_way_leaves_the_file_that_was_there(ledger, tmp_path, monkeypatch):
    from civcas import api
    out = tmp_path / "claims.csv"
    out.write_bytes(b"an earlier export\n")

    def broken(table, fmt, f):  # the ledger's server goes away after the first rows
        f.write(b"id,outcome\n1,killed\n")
        raise RuntimeError("the server went away")

    monkeypatch.setattr(_outputs.outputs, "write_into", broken)
    with pytest.raises(RuntimeError):
        api.export_to(out, "claims", "csv")
    assert out.read_bytes() == b"an earlier export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]  # no part file left behind


def test_a_parquet_export_failing_after_a_row_group_leaves_the_file_that_was_there(
        ledger, tmp_path, monkeypatch):
    """Parquet is written a row group at a time (decisions §15.15) into the part file: rows
    already in it when the read fails never reach the earlier export."""
    import pyarrow.parquet as pq

    from civcas import api
    from civcas.outputs import formats

    out = tmp_path / "claims.parquet"
    api.export_to(out, "claims", "parquet")
    earlier = out.read_bytes()
    assert pq.read_table(out).num_rows == 10
    monkeypatch.setattr(formats, "ROW_GROUP_ROWS", 2)
    written = []

    @contextmanager
    def failing(db=None):  # the ledger's server goes away after six claims
        def items():
            for k, item in enumerate(claim_items(make_snapshot())):
                if k == 6:
                    written.extend(p.stat().st_size for p in tmp_path.glob(".claims.parquet.*.part"))
                    raise RuntimeError("the server went away")
                yield item
        yield items()

    monkeypatch.setattr(_outputs, "listed_claims", failing)
    with pytest.raises(RuntimeError):
        api.export_to(out, "claims", "parquet")
    assert written and written[0] > 4  # row groups were in the part file
    assert out.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir()] == ["claims.parquet"]
