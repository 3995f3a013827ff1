#!/usr/bin/env python3
"""Extraction speed over the FA-KES corpus (804 real articles), in one process.

Each pass calls ``civcas.api.extract_text(text, published=None, title=title)``
once per row of ``fa-kes.csv``. Only those calls are timed: reading the CSV,
importing civcas and one untimed warm-up call (which loads any lazy resources)
happen before the clock starts. The script reports articles/s for each pass
and the median, the corpus size in words, the number of claims found, and
peak memory. Peak memory is measured two ways: tracemalloc's peak of Python
allocations during one extra, untimed pass (tracing slows code down, so it
is kept out of the timed passes), and the process's maximum resident set
size (``resource.getrusage``).

    python bench/extract_speed.py                  # 3 passes over ../shared/corpus/fa-kes.csv
    python bench/extract_speed.py --repeat 5 --csv /path/to/fa-kes.csv
    python bench/extract_speed.py --limit 100      # first 100 rows only
    python bench/extract_speed.py --against 2081f85 --repeat 5
        # this tree and another revision (a temporary git worktree), one pass
        # each in turn in fresh processes, medians side by side: the machine's
        # noise falls on both alike
    python bench/extract_speed.py --gdelt --repeat 5          # (make gdelt-venv first)
    python bench/extract_speed.py --against 2081f85 --gdelt   # all three, in turn
        # the GDELT-style extractor in the same run: gdelt-regkg's count rules
        # (the open reimplementation of GDELT GKG counts, which needs Python >= 3.12,
        # hence its own interpreter: build/gdelt-venv, or --gdelt PYTHON) over the
        # same bodies, one pass in turn with ours; prints our ratio to it

Timed passes report articles per wall-clock second (the figure to quote) and,
beside it, per CPU second of the process (steadier on a machine other work
shares).

Exit status: 0 ok; 1 if any article raised; 2 if the CSV is missing or
unreadable; 3 if extraction is not implemented yet.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = REPO_ROOT.parent / "shared" / "corpus" / "fa-kes.csv"
GDELT_PYTHON = REPO_ROOT / "build" / "gdelt-venv" / "bin" / "python"  # `make gdelt-venv`
GDELT = "gdelt-style"
REQUIRED_COLUMNS = ("article_title", "article_content")
EXPECTED_ROWS = 804

Extractor = Callable[..., Sequence]


class BenchError(Exception):
    """A problem that ends the benchmark with a one-line message and an exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def load_rows(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """(title, text) for each row of the FA-KES CSV."""
    if not path.is_file():
        raise BenchError(
            f"corpus CSV not found: {path}\n"
            "  pass its location with --csv PATH (the FA-KES file is shared/corpus/fa-kes.csv)",
            2,
        )
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise BenchError(f"{path}: missing column(s) {', '.join(missing)}", 2)
            rows = [(row["article_title"] or "", row["article_content"] or "") for row in reader]
    except (OSError, csv.Error) as exc:
        raise BenchError(f"cannot read {path}: {exc}", 2) from exc
    if limit is not None:
        rows = rows[:limit]
    if not rows:
        raise BenchError(f"{path}: no rows", 2)
    return rows


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def split_sentences(text: str, published=None, *, title: str = "") -> list[str]:
    """Stand-in extractor for --dry-run: the sentences of ``text``."""
    return [s for s in _SENTENCE_END.split(text) if s]


def real_extractor(src: Path | None = None) -> Extractor:
    if src is not None:  # another checkout's code, ahead of the installed one
        sys.path.insert(0, str(src))
    try:
        from civcas.api import extract_text
    except ImportError:  # running from a checkout without an install
        sys.path.insert(0, str(REPO_ROOT / "src"))
        from civcas.api import extract_text
    return extract_text


def gdelt_extractor() -> Extractor:
    """The GDELT-style extractor: gdelt-regkg's count rules (KILL, WOUND, ... with a number and
    an object), compiled once before the clock starts."""
    try:
        from gdelt_regkg.fields.counts import analyze_counts, default_count_rules
    except ImportError as exc:
        raise BenchError(f"gdelt-regkg is not installed in {sys.executable} ({exc}); run `make gdelt-venv`", 2) from exc
    rules = default_count_rules()

    def extract(text: str, published=None, *, title: str = "") -> Sequence:
        return analyze_counts(text, rules=rules).mentions

    return extract


def run_pass(extract: Extractor, rows: list[tuple[str, str]], cpu: list[float] | None = None
             ) -> tuple[float, int, list[str]]:
    """Time one pass: (seconds spent in extraction, items returned, errors); ``cpu`` gets the
    process's CPU seconds spent in it."""
    clock, cpu_clock = time.perf_counter, time.process_time
    elapsed = spent = 0.0
    found = 0
    errors: list[str] = []
    for index, (title, text) in enumerate(rows):
        start, cpu_start = clock(), cpu_clock()
        try:
            result = extract(text, published=None, title=title)
        except NotImplementedError:
            raise
        except Exception as exc:  # one bad article must not end the benchmark
            elapsed += clock() - start
            spent += cpu_clock() - cpu_start
            errors.append(f"row {index}: {type(exc).__name__}: {exc}")
            continue
        elapsed += clock() - start
        spent += cpu_clock() - cpu_start
        found += len(result)
    if cpu is not None:
        cpu.append(spent)
    return elapsed, found, errors


def traced_peak(extract: Extractor, rows: list[tuple[str, str]]) -> int:
    """Peak bytes allocated by Python during one untimed pass under tracemalloc."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        for title, text in rows:
            try:
                extract(text, published=None, title=title)
            except NotImplementedError:
                raise
            except Exception:
                pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def maxrss_bytes() -> int:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024  # Linux reports KiB


def mib(n: int) -> str:
    return f"{n / 2**20:.2f} MiB"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time civcas extraction over the FA-KES corpus (all rows, one process)."
    )
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV,
                        help=f"FA-KES CSV (default: {DEFAULT_CSV})")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="timed passes over the corpus (default: 3)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="use only the first N rows (quick runs)")
    parser.add_argument("--against", metavar="REV", default=None,
                        help="also time git revision REV, alternating fresh processes, and compare medians")
    parser.add_argument("--gdelt", nargs="?", type=Path, const=GDELT_PYTHON, default=None, metavar="PYTHON",
                        help="also time the GDELT-style extractor (gdelt-regkg counts) run by PYTHON "
                             f"(default: {GDELT_PYTHON.relative_to(REPO_ROOT)}), alternating, and give our ratio to it")
    parser.add_argument("--engine", choices=("civcas", "gdelt"), default="civcas", help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, default=None, help=argparse.SUPPRESS)  # code to time (for --against)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one JSON line (for --against)
    # Hidden: a sentence splitter stands in for the extractor, to test the harness.
    parser.add_argument("--dry-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    return args


def one_pass_json(args: argparse.Namespace) -> int:
    """One warm-up and one timed pass of the code under ``--src``, as one JSON line."""
    import json

    rows = load_rows(args.csv, args.limit)
    extract = gdelt_extractor() if args.engine == "gdelt" else real_extractor(args.src)
    try:
        extract(rows[0][1], published=None, title=rows[0][0])
    except Exception:  # noqa: BLE001 - counted in the timed pass
        pass
    cpu: list[float] = []
    elapsed, found, errors = run_pass(extract, rows, cpu)
    print(json.dumps({"rate": len(rows) / elapsed, "cpu_rate": len(rows) / max(cpu[0], 1e-9), "claims": found,
                      "errors": len(errors), "maxrss": maxrss_bytes()}))
    return 0


def compare(args: argparse.Namespace) -> int:
    """This tree against ``--against REV`` and/or the GDELT-style extractor (``--gdelt``), one
    pass each in turn, in fresh processes."""
    import json
    import subprocess
    import tempfile

    rows = load_rows(args.csv, args.limit)
    if args.gdelt is not None and not Path(args.gdelt).exists():
        raise BenchError(f"no Python for the GDELT-style extractor at {args.gdelt}: run `make gdelt-venv` "
                         "(a Python >= 3.12 with gdelt-regkg) or pass --gdelt PYTHON", 2)
    with tempfile.TemporaryDirectory(prefix="civcas-bench-") as tmp:
        base = Path(tmp) / "base"
        if args.against:
            done = subprocess.run(["git", "-C", str(REPO_ROOT), "worktree", "add", "--detach", str(base),
                                   args.against], capture_output=True, text=True)
            if done.returncode:
                raise BenchError(f"cannot check out {args.against}: {done.stderr.strip()}", 2)
        try:
            common = ["--json", "--csv", str(args.csv)] + (["--limit", str(args.limit)] if args.limit else [])
            cmds = {"this tree": [sys.executable, __file__, "--src", str(REPO_ROOT / "src")] + common}
            if args.against:
                cmds[args.against] = [sys.executable, __file__, "--src", str(base / "src")] + common
            if args.gdelt is not None:
                cmds[GDELT] = [str(args.gdelt), __file__, "--engine", "gdelt"] + common
            runs: dict[str, list[dict]] = {name: [] for name in cmds}
            for n in range(args.repeat):
                for name, cmd in cmds.items():
                    out = subprocess.run(cmd, capture_output=True, text=True)
                    if out.returncode:
                        raise BenchError(f"{name}: {out.stderr.strip().splitlines()[-1:]}", 1)
                    runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
                    print(f"pass {n + 1} {name:<12} {runs[name][-1]['rate']:8.1f} articles/s  "
                          f"({runs[name][-1]['cpu_rate']:.1f} per CPU second)", flush=True)
        finally:
            if args.against:
                subprocess.run(["git", "-C", str(REPO_ROOT), "worktree", "remove", "--force", str(base)],
                               capture_output=True)
    print(f"\narticles   {len(rows)}, {args.repeat} pass(es) each, alternating; load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    medians = {name: statistics.median(r["rate"] for r in rs) for name, rs in runs.items()}
    cpu = {name: statistics.median(r["cpu_rate"] for r in rs) for name, rs in runs.items()}
    for name, rs in runs.items():
        unit = "counts" if name == GDELT else "claims"
        print(f"{name:<12} median {medians[name]:8.1f} articles/s ({cpu[name]:.1f} per CPU second)  "
              f"{unit} {rs[-1]['claims']}  maxrss {mib(max(r['maxrss'] for r in rs))}  errors {rs[-1]['errors']}")
    this = medians["this tree"]
    for other in [name for name in cmds if name != "this tree"]:
        print(f"ratio      {this / medians[other]:.2f} (this tree / {other}; per CPU second "
              f"{cpu['this tree'] / cpu[other]:.2f})")
    return 0


def bench(args: argparse.Namespace) -> int:
    if args.json:
        return one_pass_json(args)
    if args.against or args.gdelt is not None:
        return compare(args)
    rows = load_rows(args.csv, args.limit)
    words = sum(len(text.split()) for _, text in rows)
    if args.dry_run:
        extract, label, unit = split_sentences, "dry run: sentence splitter stand-in", "sentences"
    else:
        extract, label, unit = real_extractor(), "civcas.api.extract_text", "claims"

    print(f"corpus     {args.csv}")
    print(f"articles   {len(rows)}" + ("" if args.limit or len(rows) == EXPECTED_ROWS
                                       else f"  (expected {EXPECTED_ROWS})"))
    print(f"words      {words}")
    print(f"extractor  {label}")

    title, text = rows[0]
    start = time.perf_counter()
    try:
        extract(text, published=None, title=title)  # warm-up: lazy loads, caches
    except NotImplementedError as exc:
        raise BenchError(
            "civcas.api.extract_text is not implemented yet "
            f"(NotImplementedError{': ' + str(exc) if str(exc) else ''}); nothing to time",
            3,
        ) from exc
    except Exception:
        pass  # counted as an error in the timed passes
    print(f"warm-up    {time.perf_counter() - start:.3f} s (1 article, untimed)")

    rates: list[float] = []
    found = 0
    errors: list[str] = []
    for n in range(1, args.repeat + 1):
        elapsed, found, errors = run_pass(extract, rows)
        rate = len(rows) / elapsed if elapsed > 0 else float("inf")
        rates.append(rate)
        print(f"pass {n:<5} {elapsed:8.3f} s  {rate:10.1f} articles/s  {words / elapsed if elapsed else 0:12.0f} words/s")

    peak = traced_peak(extract, rows)
    print(f"median     {statistics.median(rates):10.1f} articles/s over {args.repeat} pass(es)")
    print(f"{unit:<10} {found} per pass ({found / len(rows):.2f} per article)")
    print(f"peak mem   tracemalloc {mib(peak)} (Python allocations, one untimed pass); "
          f"maxrss {mib(maxrss_bytes())} (whole process)")
    if errors:
        print(f"errors     {len(errors)} article(s) raised in the last pass; first ones:", file=sys.stderr)
        for line in errors[:5]:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return bench(args)
    except BenchError as exc:
        print(f"extract_speed: {exc}", file=sys.stderr)
        return exc.code


if __name__ == "__main__":
    sys.exit(main())
