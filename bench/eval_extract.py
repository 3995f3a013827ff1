#!/usr/bin/env python3
"""Score `civcas extract --jsonl` on every shared gold set with ../shared/eval/score.py.

Runs the real CLI on each corpus folder that has a gold folder (dev, dev2,
ood-dev, seeds, ar-dev), then prints the scorer's figures side by side with
their mean. Exits 2 when ../shared is absent.

Usage: python bench/eval_extract.py [--shared DIR] [--sets dev,ood-dev]
                                    [--show-errors SET] [--keep DIR] [--json]
                                    [--extra NAME=CORPUS:GOLD ...]
`--extra` adds a set of ours outside ../shared: `python tools/extra_gold.py unpack /tmp/fakes-y
--set fakes-y`, then `--extra fakes-y=/tmp/fakes-y/corpus:/tmp/fakes-y/gold` (fakes-y is validation
too). `--show-errors SET` prints the scorer's error list for that set only (dev2 is
validation: read its errors only at the end of a piece of work).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {"dev": "fakes-dev", "dev2": "fakes-dev2", "ood-dev": "ood-dev", "seeds": "seeds", "ar-dev": "ar-dev"}
SHOWN = ("gold_claims", "predicted_claims", "precision", "recall", "f1", "published_accuracy",
         "source_accuracy", "place_accuracy", "event_date_accuracy", "perpetrator_accuracy", "scope_accuracy")


def score_set(civcas: Path, shared: Path, name: str, out: Path, show_errors: bool,
              where: tuple[Path, Path] | None = None) -> dict:
    """Extract one set's corpus and score it; ``where`` is (corpus, gold) for a set outside ../shared."""
    corpus, gold = where or (shared / "corpus" / SETS[name], shared / "gold" / name)
    pred = out / f"{name}.jsonl"
    with pred.open("w") as fh:
        subprocess.run([str(civcas), "extract", "--jsonl", str(corpus)], stdout=fh, check=True)
    cmd = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred)]
    if show_errors:
        subprocess.run(cmd + ["--show-errors"], check=True)
    done = subprocess.run(cmd + ["--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--show-errors", default="", help="a set whose errors to print")
    ap.add_argument("--keep", help="keep the predictions in this folder")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--extra", action="append", default=[], metavar="NAME=CORPUS:GOLD",
                    help="one more set, e.g. fakes-y=/tmp/fakes-y/corpus:/tmp/fakes-y/gold "
                         "(tools/extra_gold.py unpack /tmp/fakes-y --set fakes-y)")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "eval" / "score.py").exists():
        print(f"eval_extract: {shared / 'eval' / 'score.py'} not found; nothing to score", file=sys.stderr)
        return 2
    civcas = Path(sys.executable).parent / "civcas"
    names = [n for n in args.sets.split(",") if n and (shared / "gold" / n).is_dir() and (shared / "corpus" / SETS[n]).is_dir()]
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep) if args.keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for name in names:
            rows[name] = score_set(civcas, shared, name, out, args.show_errors == name)
        for spec in args.extra:
            name, _, paths = spec.partition("=")
            corpus, _, gold = paths.partition(":")
            if not (name and Path(corpus).is_dir() and Path(gold).is_dir()):
                print(f"eval_extract: --extra {spec}: expected NAME=CORPUS_DIR:GOLD_DIR (folders that exist)",
                      file=sys.stderr)
                return 2
            names.append(name)
            rows[name] = score_set(civcas, shared, name, out, args.show_errors == name, (Path(corpus), Path(gold)))
    if args.json:
        print(json.dumps(rows))
        return 0
    width = 9
    print(f"{'measure':22}" + "".join(f"{n:>{width}}" for n in names) + f"{'mean':>{width}}")
    for k in SHOWN:
        values = [rows[n].get(k) for n in names]
        nums = [v for v in values if isinstance(v, (int, float))]
        mean = statistics.fmean(nums) if nums and k not in ("gold_claims", "predicted_claims") else None
        cells = "".join(f"{'-' if v is None else (f'{v:.3f}' if isinstance(v, float) else v)!s:>{width}}" for v in values)
        print(f"{k:22}{cells}{'' if mean is None else f'{mean:.3f}':>{width}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
