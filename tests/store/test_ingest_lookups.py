"""Ingest looks up what it must know of the stored documents by index, per batch: it never
reads every stored hash, id or url (a cost that grew with the ledger)."""
from __future__ import annotations

import re

from sqlalchemy import event
from sqlalchemy.engine import Engine

from civcas import api


def _reports(folder, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in texts.items():
        (folder / f"{name}.txt").write_text(body, encoding="utf-8")


def _text(village: str, n: int) -> str:
    return (f"Shelling hits {village}\n\nShelling of the village of {village} killed {n} "
            f"civilians on Tuesday, a monitoring group said.\n")


def test_a_second_ingest_reads_no_whole_column_and_keeps_identity(db_url, tmp_path):
    _reports(tmp_path / "a", {"r1": _text("Alpha", 4), "r2": _text("Beta", 6),
                              "r3": _text("Gamma", 8)})
    first = api.ingest([tmp_path / "a"], db=db_url, workers=1)
    assert (first.new, first.unchanged) == (3, 0)
    # r1 unchanged, r2 a new version (same id, new text), r4 new, r3 absent
    _reports(tmp_path / "b", {"r1": _text("Alpha", 4), "r2": _text("Beta", 9),
                              "r4": _text("Delta", 5)})
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(" ".join(statement.split()))

    event.listen(Engine, "before_cursor_execute", record)
    try:
        second = api.ingest([tmp_path / "b"], db=db_url, workers=1)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert (second.new, second.changed, second.unchanged) == (1, 1, 1)
    whole = re.compile(r"^SELECT [\w.]*(content_hash|doc_id|url)\b FROM [\w.\"]*documents$",
                       re.IGNORECASE)
    assert not [s for s in seen if whole.match(s)], "a whole column of documents was read"
    assert [s for s in seen if "content_hash IN" in s.replace("content_hash in", "content_hash IN")]
    incidents = api.incidents(db=db_url)
    assert len({d for i in incidents for d in i.document_ids}) == 4  # r1..r4, r2 current
