"""Incidents against the incident-level gold: ingest FA-KES, list the incidents, score them.

    python bench/incidents_eval.py                       # fresh ledger: ingest all of fa-kes.csv
    python bench/incidents_eval.py --db sqlite:////tmp/inc/fakes.db --reuse
                                                         # re-resolve a ledger already ingested
    python bench/incidents_eval.py --gold ../shared/gold/incidents-dev.json --rows

Runs, end to end and in this tree: ``civcas ingest ../shared/corpus/fa-kes.csv`` (timed),
``civcas incidents --json`` and ``../shared/eval/score_incidents.py`` (read at run time, never
copied). Prints per gold incident the fragments, purity, best and perpetrator, then the overall
figures beside the issue's targets: fragments per real incident (all articles and reporting
articles only), share in exactly one civcas incident (both ways), purity, best inside the
reported range, perpetrator right, and the ingest seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CIVCAS = [str(Path(sys.executable).parent / "civcas")]
COLUMNS = ["--id-col", "unit_id", "--title-col", "article_title", "--text-col", "article_content"]
TARGETS = {"one_fragment_report": 0.85, "mean_purity": 0.9, "best_in_range": 0.9,
           "perpetrator_accuracy": 0.9, "ingest_seconds": 30.0}


def run(args: list[str], capture: bool = True) -> str:
    done = subprocess.run(CIVCAS + args, check=True, text=True,
                          stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    return done.stdout or ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "fa-kes.csv"))
    ap.add_argument("--gold", action="append", default=None,
                    help="gold incidents file(s) (default ../shared/gold/incidents-dev.json)")
    ap.add_argument("--db", default=None, help="ledger URL (default: a fresh temporary SQLite file)")
    ap.add_argument("--reuse", action="store_true",
                    help="the ledger is already ingested: only re-resolve it")
    ap.add_argument("--rows", action="store_true", help="print each gold incident's fragments")
    ap.add_argument("--out", default=None, help="also write the incidents JSON here")
    a = ap.parse_args(argv)
    gold = a.gold or [str(SHARED / "gold" / "incidents-dev.json")]
    tmp = tempfile.mkdtemp(prefix="civcas-inc-")
    db = a.db or f"sqlite:///{tmp}/fakes.db"
    seconds = None
    if a.reuse:
        t0 = time.perf_counter()
        run(["resolve", "--db", db], capture=False)
        print(f"resolve: {time.perf_counter() - t0:.1f} s")
    else:
        t0 = time.perf_counter()
        run(["ingest", a.corpus, "--db", db, *COLUMNS], capture=False)
        seconds = time.perf_counter() - t0
        print(f"ingest of {Path(a.corpus).name}: {seconds:.1f} s")
    incidents = run(["incidents", "--json", "--db", db])
    path = Path(a.out or os.path.join(tmp, "incidents.json"))
    path.write_text(incidents, encoding="utf-8")
    sys.path.insert(0, str(SHARED / "eval"))
    import score_incidents as si  # noqa: PLC0415 - the shared scorer, read at run time

    gold_incidents, figs = si.load_gold(gold)
    overall, rows = si.score(gold_incidents, figs, json.loads(incidents))
    print(f"{'id':4} {'incident':34} {'frag':>4} {'rep':>3} {'purity':>6} {'best':>6} "
          f"{'range':>9} in perp")
    for r in rows:
        rng = r.get("range") or ["?", "?"]
        print(f"{r['id']:4} {r['name'][:34]:34} {r['fragments']:>4} {r['fragments_report']:>3} "
              f"{r['purity'] if r['purity'] is not None else '-':>6} {str(r.get('best')):>6} "
              f"{f'{rng[0]}-{rng[1]}':>9} {'y' if r.get('best_in_range') else 'n'}  "
              f"{'ok' if r.get('perpetrator_ok') else 'X'} {r.get('perpetrator')}")
        if a.rows:
            for f in r.get("fragment_list", []):
                print(f"       {f['matched']:>3}/{f['claims']:<3} {f['grade'] or '-':10} "
                      f"best {f['best']} {f['title']}")
    n = len(rows)
    overall["one_fragment_report"] = round(sum(r["fragments_report"] == 1 for r in rows) / n, 4)
    overall["ingest_seconds"] = round(seconds, 1) if seconds is not None else None
    print()
    print(f"{'figure':28} {'measured':>9} {'target':>8}")
    for key in ("mean_fragments", "mean_fragments_report", "one_fragment", "one_fragment_report",
                "mean_purity", "mean_purity_largest", "best_in_range", "perpetrator_accuracy",
                "ingest_seconds"):
        target = TARGETS.get(key)
        print(f"{key:28} {str(overall.get(key)):>9} "
              f"{('<= ' if key == 'ingest_seconds' else '>= ') + str(target) if target else '':>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
