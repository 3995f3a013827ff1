"""Every "confirmed" incident of a ledger, with the sentence in which the belligerent acknowledged.

    python bench/confirmed.py                                   # fresh ledger of fa-kes.csv
    python bench/confirmed.py --db sqlite:////tmp/inc/fakes.db  # a ledger already ingested
    python bench/confirmed.py --db sqlite:////tmp/new.db --ingest   # ingest fa-kes.csv there first

A casualty recorder publishes "confirmed" only when the belligerent itself (or its official
voice) accepted that IT harmed civilians. This lists, per confirmed incident: its title, the
belligerent, the acknowledging claim (source, perpetrator, figure) and its sentence, so that
each can be read and checked by a person. Prints the count of incidents by grade at the end.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CIVCAS = [str(Path(sys.executable).parent / "civcas")]
COLUMNS = ["--id-col", "unit_id", "--title-col", "article_title", "--text-col", "article_content"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "fa-kes.csv"))
    ap.add_argument("--db", default=None, help="an ingested ledger (default: ingest --corpus)")
    ap.add_argument("--ingest", action="store_true", help="ingest --corpus into --db first")
    a = ap.parse_args(argv)
    db = a.db
    if db is None or a.ingest:
        db = db or f"sqlite:///{tempfile.mkdtemp(prefix='civcas-confirmed-')}/ledger.db"
        subprocess.run(CIVCAS + ["ingest", a.corpus, "--db", db, *COLUMNS], check=True,
                       stdout=subprocess.DEVNULL)
    out = subprocess.run(CIVCAS + ["incidents", "--json", "--db", db], check=True, text=True,
                         stdout=subprocess.PIPE).stdout
    incidents = json.loads(out)
    grades = Counter(i["grade"] for i in incidents)
    confirmed = [i for i in incidents if i["grade"] == "confirmed"]
    for n, inc in enumerate(confirmed, 1):
        claims = {c["id"]: c for c in inc["claims"]}
        print(f"{n}. {inc['id']} {inc['title']}")
        for s in inc["stances"]:
            if s["stance"] != "acknowledged":
                continue
            c = claims.get(s["claim_id"])
            if c is None:
                print(f"   {s['belligerent']}: claim {s['claim_id']} (not in the incident)")
                continue
            figure = c["low"] if c["low"] == c["high"] or c["high"] is None else (
                f"{c['low']}-{c['high']}")
            print(f"   {s['belligerent']} acknowledged: {c['outcome']} {c['victims']} {figure} "
                  f"(source {c['source']}, perpetrator {c['perpetrator']}, "
                  f"document {c['document']})")
            print(f"   \"{c['sentence'].strip()}\"")
    print()
    print(f"confirmed incidents: {len(confirmed)} of {len(incidents)}; by grade: "
          + ", ".join(f"{g} {k}" for g, k in sorted(grades.items(), key=lambda t: str(t[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
