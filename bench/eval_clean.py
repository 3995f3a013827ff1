"""Does civcas.ingest's cleaning keep every gold claim sentence? (real data in ../shared)

For each article of ``corpus/fakes-dev`` and ``corpus/seeds``, read it with
``read_paths`` and check that the ``text`` of every gold claim is still in
the cleaned body (whitespace-normalised). Prints how many characters the
cleaning removed per article, and with ``-v`` what it removed.

Usage: ``python bench/eval_clean.py [--shared DIR] [-v]``.
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from pathlib import Path

from civcas.ingest import read_paths
from civcas.records import Document


def _norm(text: str) -> str:
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    default = Path(os.environ.get("CIVCAS_SHARED") or Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--shared", type=Path, default=default)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"no shared data at {args.shared}; nothing to evaluate")
        return 0
    articles = claims = lost = 0
    for corpus, gold_dir in (("fakes-dev", "dev"), ("seeds", "seeds")):
        for path in sorted((args.shared / "corpus" / corpus).glob("*.txt")):
            gold_file = args.shared / "gold" / gold_dir / f"{path.stem}.json"
            if not gold_file.exists():
                continue
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            items = list(read_paths([path]))
            doc = items[0] if items else None
            if not isinstance(doc, Document):
                print(f"  FAILED {path.name}: {doc}")
                continue
            articles += 1
            body = _norm(doc.title + " " + doc.text)
            missing = [c["text"] for c in gold["claims"] if _norm(c["text"]) not in body]
            claims += len(gold["claims"])
            lost += len(missing)
            raw = path.read_text(encoding="utf-8", errors="replace")
            removed = len(_norm(raw)) - len(body)
            if missing or args.verbose:
                print(f"  {path.name}: removed {removed} characters; lost claims: {missing}")
            if args.verbose and removed > 1:
                before, after = _norm(raw).split(". "), body.split(". ")
                for line in difflib.unified_diff(before, after, lineterm="", n=0):
                    if line.startswith("-") and not line.startswith("---"):
                        print(f"      - {line[1:][:160]}")
    print(f"{articles} articles: {claims - lost}/{claims} gold claim texts kept by cleaning")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
