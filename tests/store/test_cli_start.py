"""The ``civcas`` command starts fast: a command loads only what it runs.

Importing the CLI loads no extractor, no gazetteer, no vocabulary, no web app and no Alembic;
``civcas show`` and ``civcas incidents --since --until`` on a ledger at the newest schema read it
without them, and without SQLAlchemy (each probe runs in a fresh interpreter:
``sys.modules`` of this test process is shared by every test). ``civcas.api`` imports its
names on first use, so every name it lists must still resolve.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from civcas import api
from civcas.store import Ledger, engine

from .test_incremental import synthetic

SRC = Path(__file__).resolve().parents[2] / "src"
HEAVY = ("civcas.extract", "civcas.web", "civcas.report", "fastapi", "uvicorn", "starlette",
         "alembic", "jinja2", "dask", "distributed")

PROBE = r"""
import json, sys
code = 0
if len(sys.argv) > 1:
    from civcas.cli import app
    try:
        app(sys.argv[1:], prog_name="civcas")
    except SystemExit as exc:
        code = exc.code or 0
else:
    import civcas.cli  # noqa: F401
modules = sorted(sys.modules)  # before this probe's own imports below
from civcas import vocab
from civcas.geo import index
print(json.dumps({"modules": modules, "gazetteer": index._SHARED is not None,
                  "vocabulary": vocab.vocabulary.cache_info().currsize, "code": code}),
      file=sys.stderr)
"""


def probe(*args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    env = {k: v for k, v in env.items() if not k.startswith("CIVCAS_")}
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         env=env, timeout=120)
    got = json.loads(out.stderr.strip().splitlines()[-1])
    got["stdout"] = out.stdout
    return got


def heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY)]


def test_importing_the_cli_loads_no_extractor_gazetteer_vocabulary_or_web_app():
    got = probe()
    assert "civcas.cli" in got["modules"] and "civcas.api" in got["modules"]
    assert heavy(got["modules"]) == []
    assert not got["gazetteer"] and got["vocabulary"] == 0


def test_show_and_one_week_of_incidents_read_the_ledger_without_the_extractor(tmp_path):
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with Ledger(url, create=True) as ledger:
        for _ in ledger.ingest(synthetic(22, 40)):
            pass
    api.resolve(db=url)
    busiest = max((i for i in api.incidents(db=url) if i.event_date and len(i.event_date) == 10),
                  key=lambda i: len(i.claim_ids))
    day = busiest.event_date or ""

    shown = probe("show", busiest.id, "--db", url)
    assert shown["code"] == 0 and busiest.id in shown["stdout"]
    listed = probe("incidents", "--since", day, "--until", day, "--db", url, "--json")
    assert listed["code"] == 0
    assert busiest.id in {i["id"] for i in json.loads(listed["stdout"])}
    for got in (shown, listed):
        assert heavy(got["modules"]) == []
        assert not got["gazetteer"] and got["vocabulary"] == 0
        # a SQLite ledger read with sqlite3 alone (no SQLAlchemy); the options converted
        # without pydantic; the settings read without the gazetteer's or the reader's package
        # (decisions §15.7)
        assert [m for m in got["modules"] if m.startswith(("sqlalchemy", "pydantic"))
                or m in ("civcas.store.models", "civcas.store.ledger", "civcas.geo",
                         "civcas.ingest")] == []
        # the judgements applied without resolution itself or the assessment (§15.10)
        assert [m for m in got["modules"] if m.startswith(("civcas.assess", "civcas.resolve"))
                ] == ["civcas.resolve", "civcas.resolve.judgements", "civcas.resolve.rules"]


def test_a_report_and_exports_read_the_ledger_without_sqlalchemy(tmp_path):
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with Ledger(url, create=True) as ledger:
        for _ in ledger.ingest(synthetic(22, 20)):
            pass
    api.resolve(db=url)
    day = next(i.event_date for i in api.incidents(db=url)
               if i.event_date and len(i.event_date) == 10)
    out = tmp_path / "r.html"
    got = probe("report", "--since", day, "--until", day, "-o", str(out), "--db", url)
    assert got["code"] == 0 and out.stat().st_size > 0
    # read as `incidents` reads (decisions §15.10): no SQLAlchemy, no ORM, no extractor;
    # the whole ledger too, for the unfiltered report and the exports (§15.11)
    whole = probe("report", "-o", str(tmp_path / "all.html"), "--db", url)
    exported = probe("export", "--level", "claims", "--format", "json", "--db", url)
    assert whole["code"] == 0 and exported["code"] == 0
    assert json.loads(exported["stdout"])
    for run in (got, whole, exported):
        assert [m for m in run["modules"] if m.startswith(("sqlalchemy", "pydantic",
                                                           "civcas.extract"))
                or m in ("civcas.store.models", "civcas.store.ledger", "civcas.geo")] == []


def test_a_command_that_needs_the_gazetteer_loads_it():
    got = probe("geocode", "Aleppo")
    assert got["code"] == 0 and got["gazetteer"]  # the command that needs it loads it


def test_every_name_of_the_api_resolves():
    assert set(api.__all__) <= set(dir(api))
    for name in api.__all__:
        assert getattr(api, name) is not None, name
    with pytest.raises(AttributeError):
        api.no_such_name  # noqa: B018


def test_migration_heads_read_without_alembic_equal_alembics(tmp_path):
    assert engine.heads() == engine._heads_by_alembic(engine.MIGRATIONS)
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.py").write_text("revision = 'a'\ndown_revision = None\n")
    (versions / "b.py").write_text("revision: str = 'b'\ndown_revision: str | None = 'a'\n")
    (versions / "c.py").write_text("revision = 'c'\ndown_revision = 'a'\n")
    assert engine._heads_read(tmp_path) == ("b", "c")
    (versions / "d.py").write_text("revision = 'd'\ndown_revision = ('b', 'c')\n")
    assert engine._heads_read(tmp_path) == ("d",)
    (versions / "e.py").write_text("revision = make()\ndown_revision = 'd'\n")
    assert engine._heads_read(tmp_path) is None  # not a literal: Alembic reads it
    (versions / "e.py").write_text("revision = 'e'  # a comment\ndown_revision = (\n    'd',\n)\n")
    assert engine._heads_read(tmp_path) == ("e",)  # over several lines: read from the tree
    (versions / "f.py").write_text('"""Doc.\n\nrevision = \'x\'\n"""\nrevision = "f"\n'
                                   "down_revision = 'e'\n")
    assert engine._heads_read(tmp_path) == ("f",)  # given twice (a docstring): the tree says
    (versions / "g.py").write_text("revision = 'g'\n")
    assert engine._heads_read(tmp_path) is None  # no down_revision: Alembic reads it
