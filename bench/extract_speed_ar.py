#!/usr/bin/env python3
"""Arabic extraction speed: the 20 ar-dev reports, repeated, in one process on one core.

Each report is split into headline and body (its first line and the rest, as the corpus files are
written) and passed to ``civcas.api.extract_text(body, title=headline)``; the list of 20 is repeated
``--copies`` times (default 10: 200 articles) per pass. Each copy gets a distinct trailing space so
that no cache keyed on the text answers for a repeat. Reading the files, importing civcas and one
untimed warm-up pass happen before the clock starts. Prints articles/s for each pass and the median;
issue 12's target is at least 100 articles/s.

    python bench/extract_speed_ar.py [--copies 10] [--repeat 3] [--shared DIR]

Exit status: 0 ok; 2 if ../shared/corpus/ar-dev is missing.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = Path(args.shared) / "corpus" / "ar-dev"
    files = sorted(corpus.glob("*.txt"))
    if not files:
        print(f"extract_speed_ar: no reports in {corpus}", file=sys.stderr)
        return 2
    from civcas.api import extract_text

    reports = []
    for f in files:
        head, _, body = f.read_text(encoding="utf-8").partition("\n")
        reports.append((head.strip(), body.strip()))
    batch = [(h, b + " " * k) for k in range(args.copies) for h, b in reports]
    for h, b in reports:  # warm-up: the gazetteer and the vocabulary load here
        extract_text(b, title=h)
    rates, claims = [], 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        claims = sum(len(extract_text(b, title=h)) for h, b in batch)
        rates.append(len(batch) / (time.perf_counter() - start))
    print(f"Arabic extraction: {len(batch)} articles per pass ({len(reports)} ar-dev reports x {args.copies}), "
          f"{claims} claims per pass")
    print("passes (articles/s): " + ", ".join(f"{r:.1f}" for r in rates))
    print(f"median: {statistics.median(rates):.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
