#!/usr/bin/env python3
"""Score `civcas extract --jsonl` on the shared gold sets with ../shared/eval/score.py.

Runs the real CLI on ../shared/corpus/fakes-dev and ../shared/corpus/seeds,
then prints the scorer's figures side by side. Exits 2 when ../shared is absent.
Usage: python bench/eval_extract.py [--shared DIR] [--show-errors]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    shared = Path(args.shared)
    score = shared / "eval" / "score.py"
    if not score.exists():
        print(f"eval_extract: {score} not found; nothing to score", file=sys.stderr)
        return 2
    civcas = Path(sys.executable).parent / "civcas"
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, corpus in (("dev", "fakes-dev"), ("seeds", "seeds")):
            pred = Path(tmp) / f"{name}.jsonl"
            with pred.open("w") as fh:
                subprocess.run([str(civcas), "extract", "--jsonl", str(shared / "corpus" / corpus)], stdout=fh, check=True)
            cmd = [sys.executable, str(score), "--gold", str(shared / "gold" / name), "--pred", str(pred), "--json"]
            if args.show_errors:
                subprocess.run(cmd[:-1] + ["--show-errors"], check=True)
            rows[name] = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
    keys = list(rows["dev"])
    print(f"{'measure':22} {'dev':>8} {'seeds':>8}")
    for k in keys:
        print(f"{k:22} {rows['dev'][k]!s:>8} {rows['seeds'][k]!s:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
