"""Two ingests at once, into a fresh and into a mature ledger, on SQLite and PostgreSQL:
both succeed (migrations under a lock, places upserted, a text stored by the other is
unchanged), nothing is lost or doubled, and the incidents are a full resolution's."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from civcas import api
from civcas.store import Ledger
from civcas.store.models import PlaceRow

TOWNS = ("Saraqib", "Ariha", "Kafr Nabl", "Maarat al-Numan", "Khan Shaykhun", "Jisr al-Shughur",
         "Douma", "Harasta")
SOURCES = ("the civil defence", "a local monitor", "medics at the scene", "residents")

CHILD = "import sys; from civcas import api; api.ingest([sys.argv[1]], db=sys.argv[2], workers=1)"


def reports(first: int, n: int) -> list[dict[str, str]]:
    out = []
    for i in range(first, first + n):
        town, source = TOWNS[i % len(TOWNS)], SOURCES[i % len(SOURCES)]
        day = 1 + i % 27
        out.append({
            "id": f"r{i}", "title": f"Strikes hit {town}", "date": f"2018-03-{day + 1:02d}",
            "text": (f"Air strikes killed {3 + i % 17} civilians in {town} on March {day}, "
                     f"{source} said. Another {1 + i % 5} people were wounded in the raids, "
                     f"which {('Russian jets', 'government helicopters')[i % 2]} carried out.")})
    return out


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _state(url: str) -> tuple:
    with Ledger(url) as ledger:
        docs = sorted((d.id, d.content_hash) for d in ledger.documents())
        claims = sorted(c.id for c in ledger.claims())
        with ledger._session() as s:  # one row per gazetteer entry, whoever stored it first
            entries = sorted(s.execute(select(PlaceRow.name, PlaceRow.geonames_id)).all())
        return docs, claims, ledger.pending_count(), entries


@pytest.mark.parametrize("mature", [False, True])
def test_two_ingests_at_once_both_succeed(db_url, tmp_path, mature):
    if mature:
        api.ingest([_jsonl(tmp_path / "old.jsonl", reports(100, 30))], db=db_url, workers=1)
    a = _jsonl(tmp_path / "a.jsonl", reports(0, 40))
    b = _jsonl(tmp_path / "b.jsonl", reports(20, 40))  # 20 texts in both
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(p), db_url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for p in (a, b)]
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-2000:]
    docs, claims, pending, entries = _state(db_url)
    assert pending == 0
    ref = "sqlite:///" + str(tmp_path / "ref.db")
    if mature:
        api.ingest([tmp_path / "old.jsonl"], db=ref, workers=1)
    api.ingest([_jsonl(tmp_path / "all.jsonl", reports(0, 60))], db=ref, workers=1)
    want_docs, want_claims, _, want_entries = _state(ref)
    assert docs == want_docs and claims == want_claims  # nothing lost, nothing twice
    assert entries and entries == want_entries and len(entries) == len(set(entries))
    got = api.incidents(db=db_url)
    api.resolve(db=db_url)
    assert got == api.incidents(db=db_url)
    assert {c for i in got for c in i.claim_ids} == set(claims)  # every claim in an incident
