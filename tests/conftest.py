"""Shared fixtures.

``db_url``: a fresh, empty ledger database URL, once per backend — a SQLite
file in tmp_path and a fresh PostgreSQL schema (dropped afterwards) at
``CIVCAS_TEST_PG`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``).
When no PostgreSQL server answers the PostgreSQL cases skip with a message,
except under ``CI=true`` where they fail.
"""
from __future__ import annotations

import os
import uuid

import pytest

@pytest.fixture(autouse=True, scope="session")
def no_user_config(tmp_path_factory):
    """No test reads the user's own civcas.toml: the XDG config folder is an empty one."""
    before = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("xdg-config"))
    yield
    if before is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = before


PG_URL = os.environ.get("CIVCAS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
_pg_status: dict[str, str | None] = {}


def _pg_unavailable() -> str | None:
    """None when the PostgreSQL test server answers, else why not."""
    if "status" not in _pg_status:
        try:
            from sqlalchemy import create_engine, text

            engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with engine.connect() as conn:
                conn.execute(text("select 1"))
            engine.dispose()
            _pg_status["status"] = None
        except Exception as exc:  # noqa: BLE001 - any failure means "no server"
            _pg_status["status"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    return _pg_status["status"]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL of an empty ledger database, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    why = _pg_unavailable()
    if why is not None:
        message = f"PostgreSQL not reachable at {PG_URL} ({why})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; CI=true requires it")
        pytest.skip(message + "; start it or set CIVCAS_TEST_PG")
    from sqlalchemy import create_engine, text

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


# ------------------------------------------------------------ ledger records

from datetime import date  # noqa: E402

from civcas.records import Claim, Document, ExtractionResult, Place  # noqa: E402


def make_claim(sentence: str, phrase: str, **fields) -> Claim:
    """A claim whose span is ``phrase`` inside ``sentence`` (the whole text)."""
    start = sentence.index(phrase)
    values = dict(
        outcome="killed", victims="civilians", low=None, high=None, qualifier="exact",
        text=phrase, source="reporter", place=None, event_date=None, perpetrator=None,
        scope="incident", span=(start, start + len(phrase)), sentence=sentence, sentence_start=0,
    )
    values.update(fields)
    return Claim(**values)


def make_result(doc_id: str, text: str, claims: list[dict], published: str = "2020-05-02",
                outlet: str | None = None, url: str | None = None, focus: Place | None = None,
                title: str | None = None) -> ExtractionResult:
    """An ExtractionResult: ``claims`` are dicts with ``phrase`` plus claim fields."""
    import hashlib

    title = title if title is not None else doc_id.replace("-", " ")
    digest = hashlib.sha256((title + "\n" + text).encode()).hexdigest()
    doc = Document(id=doc_id, title=title, text=text, published=date.fromisoformat(published),
                   outlet=outlet, url=url, origin=f"{doc_id}.txt", content_hash=digest)
    made = []
    for i, c in enumerate(claims):
        c = dict(c)
        phrase = c.pop("phrase")
        cl = make_claim(text, phrase, document_id=doc_id, **c)
        cid = hashlib.sha1(f"{digest}{cl.span}{i}{cl.outcome}{cl.victims}".encode()).hexdigest()
        made.append(Claim(**{**cl.__dict__, "id": cid[:16]}))
    return ExtractionResult(doc, tuple(made), focus)


@pytest.fixture(autouse=True)
def _no_cli_log_handler_left_behind():
    """A CLI run adds a stderr log handler to the root logger; take it away after each test so that
    later tests see no output they did not cause."""
    import logging

    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if type(h).__name__ == "StderrHandler"]:
        root.removeHandler(handler)


# ------------------------------------------------------------ exports

def parquet_one_group(t) -> bytes:
    """A table's Parquet file as it was written before row groups (decisions §15.13): the whole
    table in Arrow, then ``pq.write_table``."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    schema = pa.schema([(name, types[kind]) for name, kind in t.columns])
    data = {name: [row.get(name) for row in t.rows] for name in t.names}
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pydict(data, schema=schema), sink)
    return sink.getvalue()
