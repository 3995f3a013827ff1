"""Peak memory, wall and CPU time of `civcas export ... -o FILE` on a big ledger, each export a
fresh process as a user runs it from the shell; this tree and another checkout side by side.

    python bench/export_memory.py --ledger /tmp/l25k.db --docs 25000               # build once
    python bench/export_memory.py --ledger /tmp/l25k.db --before ../main/src       # side by side
    python bench/export_memory.py --ledger - --url postgresql+psycopg://... --build --docs 6250

The ledger, when the file does not exist (or with ``--url ... --build``), is built as
`bench/cli_start.py` builds it (FA-KES copy 0 extracted once, ``--docs`` derived documents
stored, then resolved in full); then run the script again to measure. Each export
runs ``--repeats`` times per variant, variants alternating; per export and variant the median
wall and CPU seconds (user + system) and the largest peak RSS (the child's own ``ru_maxrss``).
The variants' files are compared: byte for byte, and Parquet also as tables read back with
pyarrow (equal schema and values whatever the row groups); the row groups are counted.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"
sys.path.insert(0, str(BENCH))
import cli_start  # noqa: E402  (bench/cli_start.py: the derived ledger, the CLI as a user runs it)

EXPORTS = {  # label: civcas export options
    "claims CSV": ["--level", "claims", "--format", "csv"],
    "claims Parquet": ["--level", "claims", "--format", "parquet"],
    "incidents CSV": ["--level", "incidents", "--format", "csv"],
    "incidents Parquet": ["--level", "incidents", "--format", "parquet"],
    "incidents Parquet, UCDP": ["--level", "incidents", "--format", "parquet", "--layout", "ucdp"],
    "tallies CSV": ["--level", "tallies", "--format", "csv"],
    "tallies Parquet": ["--level", "tallies", "--format", "parquet"],
}


def run(src: Path, args: list[str]) -> tuple[float, float, float]:
    """Wall s, CPU s and peak RSS (MiB) of one ``civcas`` command in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(src), PYTHONPYCACHEPREFIX=str(cli_start.PYCACHE))
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", cli_start.CLI, *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"civcas {' '.join(args)} ({src}): exit {proc.returncode}: {err[-300:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def compare(a: Path, b: Path) -> str:
    if a.read_bytes() == b.read_bytes():
        return "identical bytes"
    if a.suffix != ".parquet":
        return "DIFFERENT"
    import pyarrow.parquet as pq
    fa, fb = pq.ParquetFile(a), pq.ParquetFile(b)
    same = fa.schema_arrow == fb.schema_arrow and fa.read().equals(fb.read())
    return (f"{'equal tables' if same else 'DIFFERENT TABLES'}; row groups: after "
            f"{fa.num_row_groups}, before {fb.num_row_groups}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ledger", type=Path, required=True,
                    help="a SQLite file (built if absent); ignored with --url")
    ap.add_argument("--url", default=None, help="export this ledger instead (e.g. PostgreSQL)")
    ap.add_argument("--docs", type=int, default=25_000, help="documents of a ledger built")
    ap.add_argument("--workers", type=int, default=2, help="processes resolving a ledger built")
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--before", type=Path, default=None, help="another checkout's src/")
    ap.add_argument("--only", default=None, help="comma-separated labels (e.g. 'claims Parquet')")
    ap.add_argument("--build", action="store_true", help="build the ledger at --url first")
    args = ap.parse_args()
    if args.url is None and not args.ledger.exists() or args.url and args.build:
        print(f"building {args.url or args.ledger} ({args.docs} documents)", flush=True)
        cli_start.build(args.ledger, args.docs, args.workers, args.url)
        # a child's peak RSS counts this process's memory when it was forked: measure from a
        # process that built nothing
        print("built: run again (without --build) to measure")
        return
    url = args.url or f"sqlite:///{args.ledger}"
    exports = {k: v for k, v in EXPORTS.items()
               if args.only is None or k in args.only.split(",")}
    variants = {"after": SRC, **({"before": args.before} if args.before else {})}
    cli_start.PYCACHE.mkdir(parents=True, exist_ok=True)
    out_dir = Path(tempfile.mkdtemp(prefix="civcas-export-memory-"))
    for src in variants.values():  # bytecode written (not timed)
        run(src, ["export", "--level", "tallies", "--db", url, "-o", str(out_dir / "warm.csv")])
    print(f"ledger {url}; load average {os.getloadavg()[0]:.1f}", flush=True)
    results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    for _ in range(args.repeats):
        for label, opts in exports.items():
            for name, src in reversed(variants.items()):  # before first, then after
                ext = "parquet" if "parquet" in opts else "csv"
                out = out_dir / f"{label.replace(' ', '_').replace(',', '')}.{name}.{ext}"
                results.setdefault((label, name), []).append(
                    run(src, ["export", *opts, "--db", url, "-o", str(out)]))
    print(f"{'export':<26} {'variant':<7} {'wall s':>7} {'CPU s':>7} {'peak RSS MiB':>13}")
    for label in exports:
        for name in reversed(variants):
            rs = results[(label, name)]
            print(f"{label:<26} {name:<7} {statistics.median(r[0] for r in rs):7.2f} "
                  f"{statistics.median(r[1] for r in rs):7.2f} {max(r[2] for r in rs):13.0f}"
                  f"  (RSS each run: {', '.join(f'{r[2]:.0f}' for r in rs)})")
        if "before" in variants:
            stem = label.replace(" ", "_").replace(",", "")
            files = sorted(out_dir.glob(f"{stem}.*"))
            if len(files) == 2:
                print(f"{'':<26} outputs: {compare(*files)}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
