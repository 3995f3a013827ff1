"""Wall time of the `civcas` command itself on a big ledger: `show ID`, `incidents` and `report`
for one week, each a fresh process as a user runs it from the shell (start-up and imports included).

    python bench/cli_start.py --ledger /tmp/l100k.db --docs 100000          # build once, then time
    python bench/cli_start.py --ledger /tmp/l100k.db --before ../main/src   # side by side
    python bench/cli_start.py --ledger /tmp/l100k.db --url postgresql+psycopg://...  # another

The ledger, when the file does not exist, is built the way `bench/scale.py --derived` builds
it: copy 0 of ../shared/corpus/fa-kes.csv extracted once, ``--docs`` documents derived from it
(years moved by 9 x k per copy) stored, then resolved in full (``--workers`` processes). Each
command runs ``--repeats`` times per variant, variants alternating; medians of wall and of CPU
seconds (user + system: less sensitive to what else the machine runs). Modules are read
from bytecode, as an installed civcas's are (written once, under the temporary directory). The api's own
time for the same reads (in this process, ledger already open once) is printed beside.
"""
from __future__ import annotations

import argparse
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"
sys.path.insert(0, str(BENCH))
import scale  # noqa: E402  (bench/scale.py: the derived corpus)

CLI = "import sys; from civcas.cli import main; sys.argv[0] = 'civcas'; main()"


def build(ledger: Path | None, docs: int, workers: int, url: str | None = None) -> None:
    """Store and resolve the derived ledger in the SQLite file ``ledger``, or at ``url``."""
    url = url or f"sqlite:///{ledger}"
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        t0 = time.perf_counter()
        base = scale.rows()
        pickled = tmp / "base.pickle"
        with open(pickled, "wb") as f:
            pickle.dump(scale.extracted_base(base, tmp, max(workers, 2)), f)
        print(f"  copy 0 extracted: {time.perf_counter() - t0:.1f} s", flush=True)
        stored = scale._child(scale.STORE_CHILD, str(pickled), url, f"0:{docs}", str(BENCH))
        print(f"  {docs} documents stored: {stored['wall']:.1f} s, {stored['rss']:.0f} MiB",
              flush=True)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", "import sys; from civcas import api; "
                          "r = api.resolve(db=sys.argv[1], workers=int(sys.argv[2])); "
                          "print(len(r.incidents))", url, str(workers)],
                         check=True, capture_output=True, text=True)
    print(f"  resolved: {out.stdout.strip()} incidents, {time.perf_counter() - t0:.1f} s",
          flush=True)


PYCACHE = Path(tempfile.gettempdir()) / "civcas-cli-start-pycache"


def run(src: Path, args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one ``civcas`` command in a fresh process."""
    # as an installed civcas runs: its modules' bytecode written once and read after (this
    # machine's sessions set PYTHONDONTWRITEBYTECODE: each start would compile every module)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(src), PYTHONPYCACHEPREFIX=str(PYCACHE))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True,
                         env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if out.returncode != 0:
        raise SystemExit(f"civcas {' '.join(args)} ({src}): exit {out.returncode}: "
                         f"{out.stderr.strip()[-300:]}")
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ledger", type=Path, required=True, help="a SQLite file (built if absent)")
    ap.add_argument("--url", default=None,
                    help="time this ledger instead (e.g. a PostgreSQL copy of --ledger)")
    ap.add_argument("--docs", type=int, default=100_000, help="documents of a ledger built")
    ap.add_argument("--workers", type=int, default=2, help="processes resolving a ledger built")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--before", type=Path, default=None, help="another checkout's src/")
    args = ap.parse_args()
    if not args.ledger.exists():
        print(f"building {args.ledger} ({args.docs} documents)", flush=True)
        build(args.ledger, args.docs, args.workers)
    url = args.url or f"sqlite:///{args.ledger}"

    from civcas import api
    from civcas.records import Filters
    dated = [i for i in api.incidents(db=url) if i.event_date and len(i.event_date) == 10]
    busiest = max(dated, key=lambda i: len(i.claim_ids))
    day = date.fromisoformat(busiest.event_date or "")
    until = date.fromordinal(day.toordinal() + 6).isoformat()
    week = Filters(since=day.isoformat(), until=until)
    t0 = time.perf_counter()
    listed = len(api.incidents(db=url, filters=week))
    t_week = time.perf_counter() - t0
    t0 = time.perf_counter()
    api.incident_detail(busiest.id, db=url)
    t_show = time.perf_counter() - t0
    print(f"ledger: {api.incident_count(db=url)} incidents; busiest dated {busiest.id} "
          f"({len(busiest.claim_ids)} claims, {day}); {listed} incidents in the week "
          f"{day}..{until}; load average {os.getloadavg()[0]:.1f}")
    print(f"api, in-process: incidents for the week {t_week:.3f} s, show {t_show:.3f} s")

    PYCACHE.mkdir(parents=True, exist_ok=True)  # (where report writes its file too)
    commands = {"--help": ["--help"],
                "show": ["show", busiest.id, "--db", url],
                "incidents --since/--until": ["incidents", "--since", day.isoformat(),
                                              "--until", until, "--db", url],
                "report --since/--until": ["report", "--since", day.isoformat(), "--until",
                                           until, "-o", str(PYCACHE / "week.html"),
                                           "--db", url]}
    variants = {"this tree": SRC, **({"before": args.before} if args.before else {})}
    walls: dict[tuple[str, str], list[float]] = {}
    cpus: dict[tuple[str, str], list[float]] = {}
    for src in variants.values():  # bytecode written (not timed)
        run(src, commands["show"])
    for _ in range(args.repeats):
        for label, cmd in commands.items():
            for name, src in variants.items():
                wall, cpu = run(src, cmd)
                walls.setdefault((label, name), []).append(wall)
                cpus.setdefault((label, name), []).append(cpu)
    # CPU seconds beside wall seconds: on a shared machine the wall time says as much about the
    # others' load as about the command
    for (label, name), w in walls.items():
        c = cpus[(label, name)]
        print(f"civcas {label:<26} {name:<10} median {statistics.median(w):6.3f} s, "
              f"CPU {statistics.median(c):6.3f} s  (runs: {', '.join(f'{x:.2f}' for x in w)})")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
