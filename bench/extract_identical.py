#!/usr/bin/env python3
"""Is extraction output unchanged? Save every claim civcas extracts from the shared corpora, then
compare a later tree's output with it, field by field (confidence and geo included).

Covers all 804 FA-KES articles (``../shared/corpus/fa-kes.csv``, as ``bench/extract_speed.py`` reads
them), every gold corpus folder (fakes-dev, fakes-dev2, ood-dev, seeds, ar-dev; headline = first
line, as the CLI reads them) and four synthetic long texts (flattened toll tables and casualty-word
soups of ``tests/extract/test_fuzz_scale.py``). For speed work: an optimisation must change nothing.

    python bench/extract_identical.py --save /tmp/before.jsonl     # on the tree before
    python bench/extract_identical.py --against /tmp/before.jsonl  # on the tree after

Exit status: 0 identical (or saved); 1 if any document's claims differ (the first ones are
printed); 2 if ../shared or the reference file is missing.
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "extract"))
FOLDERS = ("fakes-dev", "fakes-dev2", "ood-dev", "seeds", "ar-dev")


def documents(shared: Path) -> Iterator[tuple[str, str, str, str | None]]:
    """(key, title, text, published) of every document compared."""
    csv.field_size_limit(sys.maxsize)
    with (shared / "corpus" / "fa-kes.csv").open(encoding="utf-8", errors="replace", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            yield f"fa-kes:{i}", row["article_title"] or "", row["article_content"] or "", None
    for folder in FOLDERS:
        for f in sorted((shared / "corpus" / folder).glob("*.txt")):
            head, _, body = f.read_text(encoding="utf-8").partition("\n")
            yield f"{folder}:{f.name}", head.strip(), body.strip(), None
    from test_fuzz_scale import soup, toll
    for name, text in (("toll", toll(30_000)), ("soup", soup(30_000)), ("toll2", toll(8_000, 5)),
                       ("soup2", soup(8_000, 7))):
        yield f"synthetic:{name}", "", text, "2017-03-01"


def extracted(shared: Path) -> Iterator[dict]:
    from civcas.api import extract_text
    for key, title, text, published in documents(shared):
        claims = [dataclasses.asdict(c) for c in extract_text(text, published=published, title=title)]
        yield json.loads(json.dumps({"doc": key, "claims": claims}, default=str, sort_keys=True))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write this tree's output here (JSON lines)")
    what.add_argument("--against", type=Path, help="compare this tree's output with a saved one")
    args = ap.parse_args()
    if not (args.shared / "corpus" / "fa-kes.csv").is_file():
        print(f"extract_identical: {args.shared / 'corpus' / 'fa-kes.csv'} not found", file=sys.stderr)
        return 2
    if args.save:
        n = 0
        with args.save.open("w", encoding="utf-8") as out:
            for row in extracted(args.shared):
                out.write(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n")
                n += len(row["claims"])
        print(f"saved {n} claims to {args.save}")
        return 0
    if not args.against.is_file():
        print(f"extract_identical: {args.against} not found", file=sys.stderr)
        return 2
    with args.against.open(encoding="utf-8") as fh:
        before = {row["doc"]: row["claims"] for row in map(json.loads, fh)}
    docs = claims = 0
    differ: list[str] = []
    for row in extracted(args.shared):
        docs += 1
        claims += len(row["claims"])
        if before.pop(row["doc"], None) != row["claims"]:
            differ.append(row["doc"])
    differ += [f"{key} (only in {args.against})" for key in before]
    print(f"documents {docs}, claims {claims}: " + ("identical" if not differ else f"{len(differ)} differ"))
    for key in differ[:10]:
        print(f"  {key}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
