#!/usr/bin/env python3
"""Reliability of claim confidence: are claims given 0.9 right about 90% of the time?

Runs the extractor (as `civcas extract --jsonl` does) on each gold set, pairs its claims with the
gold ones exactly as ../shared/eval/score.py does (same outcome, victims, low, high; the text
overlap settles ties), and calls a claim *right* when it is paired and its source, place, event
date and perpetrator all agree with the gold (the scorer's own comparisons). Claims are put in
bins by confidence; each bin prints its count, mean confidence and the share right. The expected
calibration error (ECE) is the count-weighted mean gap.

`dev2` is the set the decisions were never fitted on: its table is the honest one. The others
were training data (the calibration itself comes from leave-one-set-out predictions of
tools/train_decisions.py).

Usage: python bench/calibration.py [--shared DIR] [--sets dev2,dev,ood-dev,seeds] [--bins 5]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from civcas import api  # noqa: E402
from civcas.records import ExtractionResult  # noqa: E402

SETS = {"dev": "fakes-dev", "dev2": "fakes-dev2", "ood-dev": "ood-dev", "seeds": "seeds", "ar-dev": "ar-dev"}
FIELDS = ("source", "place", "event_date", "perpetrator")


def scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("civcas_gold_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def outcomes(shared: Path, name: str, sc) -> list[tuple[float, bool]]:
    """(confidence, right) for every claim the extractor makes on a gold set."""
    gold = {}
    for path in sorted((shared / "gold" / name).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        gold[doc["id"]] = doc
    out = []
    for result in api.extract_paths([shared / "corpus" / SETS[name]]):
        if not isinstance(result, ExtractionResult):
            continue  # a file that could not be read has no claims to score
        unmatched = list(gold.get(result.document.id, {}).get("claims", []))
        for claim in result.claims:
            pc = claim.to_dict()
            same = [g for g in unmatched if sc.key(g) == sc.key(pc)]
            right = False
            if same:
                hit = max(same, key=lambda g: sc.overlap(g, pc))
                unmatched.remove(hit)
                right = all(sc.SAME[f](hit.get(f), pc.get(f)) for f in FIELDS)
            out.append((claim.confidence if claim.confidence is not None else 0.0, right))
    return out


def table(pairs: list[tuple[float, bool]], bins: int) -> tuple[list[tuple[str, int, float, float]], float]:
    """Equal-width bins of confidence: (range, count, mean confidence, share right); and the ECE."""
    rows = []
    ece = 0.0
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        inside = [(c, r) for c, r in pairs if lo <= c < hi or (i == bins - 1 and c == 1.0)]
        if not inside:
            continue
        conf = statistics.fmean(c for c, _r in inside)
        right = sum(r for _c, r in inside) / len(inside)
        rows.append((f"{lo:.1f}-{hi:.1f}", len(inside), conf, right))
        ece += len(inside) * abs(conf - right)
    return rows, ece / max(1, len(pairs))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sets", default="dev2,dev,ood-dev,seeds")
    ap.add_argument("--bins", type=int, default=5)
    args = ap.parse_args()
    if not (args.shared / "eval" / "score.py").exists():
        print(f"error: {args.shared}/eval/score.py not found (pass --shared)", file=sys.stderr)
        return 2
    sc = scorer(args.shared)
    everything: list[tuple[float, bool]] = []
    for name in args.sets.split(","):
        if not (args.shared / "gold" / name).is_dir():
            print(f"{name}: no gold folder, skipped")
            continue
        pairs = outcomes(args.shared, name, sc)
        everything += pairs
        rows, ece = table(pairs, args.bins)
        note = " (never fitted on)" if name == "dev2" else " (training data)"
        print(f"\n{name}{note}: {len(pairs)} claims, {sum(r for _c, r in pairs)} right, ECE {ece:.3f}")
        print(f"  {'confidence':<11} {'claims':>6} {'mean conf':>10} {'right':>7}")
        for rng, n, conf, right in rows:
            print(f"  {rng:<11} {n:>6} {conf:>10.2f} {right:>7.2f}")
    rows, ece = table(everything, args.bins)
    print(f"\nall sets: {len(everything)} claims, ECE {ece:.3f}")
    for rng, n, conf, right in rows:
        print(f"  {rng:<11} {n:>6} {conf:>10.2f} {right:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
