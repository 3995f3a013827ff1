"""How well civcas.ingest finds publication dates, on the real data in ../shared.

1. Gold: ``corpus/fakes-dev/*.txt`` and ``corpus/seeds/*.txt`` against the
   ``published`` field of ``gold/{dev,seeds}/<id>.json`` (null = the text
   states none, so ``None`` is the right answer). Scored twice: on the raw
   file text (``find_published``) and on the Document read from the file
   (``read_paths``: cleaning, title line, then the date).
2. Sanity: the 804 rows of ``corpus/fa-kes.csv``, whose ``date`` column is a
   crowd-sourced *event* date (month/day/year), usually close to publication:
   how often the date found in title + text is within 3 days of it.

Usage: ``python bench/eval_published.py [--shared DIR] [-v]``. Exits 0 with a
note when the shared data is absent.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import date
from pathlib import Path

from civcas.ingest import find_published, parse_date, read_paths
from civcas.records import Document


def _default_shared() -> Path:
    env = os.environ.get("CIVCAS_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared"


def _gold(shared: Path) -> list[tuple[Path, date | None]]:
    pairs = []
    for corpus, gold in (("fakes-dev", "dev"), ("seeds", "seeds")):
        for path in sorted((shared / "corpus" / corpus).glob("*.txt")):
            gold_file = shared / "gold" / gold / f"{path.stem}.json"
            if not gold_file.exists():
                continue
            value = json.loads(gold_file.read_text(encoding="utf-8")).get("published")
            pairs.append((path, date.fromisoformat(value) if value else None))
    return pairs


def eval_gold(shared: Path, verbose: bool) -> bool:
    pairs = _gold(shared)
    if not pairs:
        print("gold: no files found")
        return False
    raw_ok = doc_ok = 0
    for path, expected in pairs:
        text = path.read_text(encoding="utf-8", errors="replace")
        raw = find_published(text)
        items = list(read_paths([path]))
        doc = items[0].published if items and isinstance(items[0], Document) else "FAILED"
        raw_ok += raw == expected
        doc_ok += doc == expected
        if verbose or raw != expected or doc != expected:
            mark = "ok " if raw == expected and doc == expected else "BAD"
            print(f"  {mark} {path.name}: gold={expected} text={raw} document={doc}")
    n = len(pairs)
    stated = sum(1 for _, e in pairs if e is not None)
    print(f"gold ({n} articles, {stated} with a stated date, {n - stated} without):")
    print(f"  find_published on the file text: {raw_ok}/{n} = {raw_ok / n:.1%}")
    print(f"  Document.published via read_paths: {doc_ok}/{n} = {doc_ok / n:.1%}")
    return raw_ok == n and doc_ok == n


def eval_fakes(shared: Path, verbose: bool) -> None:
    path = shared / "corpus" / "fa-kes.csv"
    if not path.exists():
        print("fa-kes.csv: absent")
        return
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        rows = list(csv.DictReader(f))
    near = exact = none = far = no_ref = 0
    misses = []
    for row in rows:
        ref = parse_date(row["date"])
        found = find_published(row["article_title"] + "\n" + row["article_content"])
        if ref is None:
            no_ref += 1
            continue
        if found is None:
            none += 1
            misses.append((row["unit_id"], row["source"], ref, None, row["article_content"][:90]))
            continue
        gap = abs((found - ref).days)
        exact += gap == 0
        if gap <= 3:
            near += 1
        else:
            far += 1
            misses.append((row["unit_id"], row["source"], ref, found, row["article_content"][:90]))
    n = len(rows) - no_ref
    print(f"fa-kes.csv ({len(rows)} rows, {n} with an event date):")
    print(f"  text date within 3 days of the event date: {near}/{n} = {near / n:.1%} (same day {exact})")
    print(f"  text date further away: {far}; no date found in the text: {none}")
    if verbose:
        for unit, source, ref, found, head in misses:
            print(f"  {unit} [{source}] event={ref} text={found}: {head!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=_default_shared())
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"no shared data at {args.shared}; nothing to evaluate")
        return 0
    eval_gold(args.shared, args.verbose)
    eval_fakes(args.shared, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
