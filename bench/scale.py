"""How the ledger scales: ingest, adding 20 documents, reads, on SQLite and PostgreSQL.

    python bench/scale.py                              # 800 / 3,200 / 12,800 documents, SQLite
    python bench/scale.py --sizes 800 3200 --pg        # also PostgreSQL (127.0.0.1:5432)
    python bench/scale.py --compare-workers 800        # extraction: 1 vs 2 workers vs Dask

Corpora are derived from ../shared/corpus/fa-kes.csv (read at run time, never
copied): copy k of the 804 articles moves every year from 2011 to 2019 written
in it, and its publication date, by 9 x k years and ends with a line naming
the copy, so every document is a distinct text and a bigger ledger covers
more time at the same density (as years of monitoring would).

Per size and backend, each measured in a fresh process (peak RSS is that
process's): ingest of the corpus (wall time, documents/s, peak RSS); adding
20 new documents to that ledger and to an empty one (median of 3, wall time
and RSS); `incidents --since/--until` for one week and `show` of an incident
(median of 5, in-process, through civcas.api).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import pickle
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

FAKES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fa-kes.csv"  # or --corpus
YEARS = re.compile(r"\b(201[1-9])\b")
SHIFT = 9  # years per copy


def rows(path: Path = FAKES) -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    with open(path, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["article_content"].strip()]


def derived(base: list[dict[str, str]], start: int, n: int) -> list[dict[str, str]]:
    """Documents start .. start+n-1 of the endless derived corpus."""
    out = []
    for i in range(start, start + n):
        k, r = divmod(i, len(base))
        src = base[r]

        def move(m: re.Match[str], k: int = k) -> str:
            return str(int(m.group(1)) + SHIFT * k)

        published = _published(src["date"], k)
        out.append({"id": f"{src['unit_id']}-{k}", "title": YEARS.sub(move, src["article_title"]),
                    "text": YEARS.sub(move, src["article_content"]) + f"\n(Archive copy {k}.)",
                    "date": published or "", "source": src["source"]})
    return out


def _published(value: str, k: int) -> str | None:
    for fmt in ("%m/%d/%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            d = time.strptime(value.strip(), fmt)
        except ValueError:
            continue
        return date(d.tm_year + SHIFT * k, d.tm_mon, min(d.tm_mday, 28)).isoformat()
    return None


def write(path: Path, docs: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    return path


def extracted_base(base: list[dict[str, str]], tmp: Path, workers: int = 2) -> list:
    """The ExtractionResults of copy 0 (the articles as they are), extracted once."""
    from civcas import api
    from civcas.records import ExtractionResult
    path = write(tmp / "base.jsonl", derived(base, 0, len(base)))
    return [r for r in api.extract_paths([path], workers=workers)
            if isinstance(r, ExtractionResult)]


def derived_results(results: list, start: int, n: int) -> Iterator:
    """Results start .. start+n-1 of the endless derived corpus, derived from copy 0's
    extraction as :func:`derived` derives texts (years and dates moved by 9 x k, ids and
    texts made distinct), without extracting each copy again: a ledger of 100,000
    documents in minutes. The claims are those copy k's text would give, up to
    what a moved year changes in extraction."""
    from dataclasses import replace

    from civcas.ingest.document import content_hash

    for i in range(start, start + n):
        k, r = divmod(i, len(results))
        res = results[r]
        doc = res.document

        def move(m: re.Match[str], k: int = k) -> str:
            return str(int(m.group(1)) + SHIFT * k)

        text = YEARS.sub(move, doc.text) + f"\n(Archive copy {k}.)"
        title = YEARS.sub(move, doc.title)
        published = (doc.published.replace(year=doc.published.year + SHIFT * k,
                                           day=min(doc.published.day, 28))
                     if doc.published else None)
        new = replace(doc, id=f"{doc.id}-{k}", title=title, text=text, published=published,
                      content_hash=content_hash(title, text))
        claims = tuple(replace(c, id=f"{c.id}-{k}" if c.id else c.id, document_id=new.id,
                               event_date=_moved(c.event_date, k),
                               sentence=YEARS.sub(move, c.sentence))
                       for c in res.claims)
        yield replace(res, document=new, claims=claims)


def _moved(value: str | None, k: int) -> str | None:
    if not value:
        return value
    return re.sub(r"\b(\d{4})-(\d\d)-(\d\d)",
                  lambda m: f"{int(m.group(1)) + SHIFT * k}-{m.group(2)}-"
                            f"{min(int(m.group(3)), 28) if m.group(2) == '02' else m.group(3)}",
                  value)


STORE_CHILD = r"""
import json, pickle, resource, sys, time
sys.path.insert(0, sys.argv[4])
import scale
from civcas.store import Ledger
results = pickle.load(open(sys.argv[1], "rb"))
start, n = (int(x) for x in sys.argv[3].split(":"))
t0 = time.perf_counter()
with Ledger(sys.argv[2], create=True) as ledger:
    for _ in ledger.ingest(scale.derived_results(results, start, n), batch=500):
        pass
print(json.dumps({"wall": time.perf_counter() - t0,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PENDING_CHILD = r"""
import json, resource, sys, time
from civcas import api
t0 = time.perf_counter()
c0 = time.process_time()
d = api.resolve_pending_documents(db=sys.argv[1])
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "steps": d["steps"], "incidents": len(api.incidents(db=sys.argv[1])),
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


CHILD = r"""
import json, resource, sys, time
from civcas import api
t0 = time.perf_counter()
w = int(sys.argv[3])
s = api.ingest([sys.argv[1]], db=sys.argv[2], **({"workers": w} if w != 1 else {}))
wall = time.perf_counter() - t0
print(json.dumps({"wall": wall, "new": s.new, "incidents": s.incidents,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def ingest(path: Path, db: str, workers: int = 1) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), db, str(workers)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def reads(db: str) -> tuple[float, float, int]:
    """(median s of incidents for one week, of show, incidents listed)."""
    from civcas import api
    from civcas.records import Filters
    ledger = api.incidents(db=db, filters=Filters(sort="claims"))
    dated = [i for i in ledger if i.event_date and len(i.event_date) == 10]
    if not dated:
        return float("nan"), float("nan"), 0
    busiest = max(dated, key=lambda i: len(i.claim_ids))
    day = date.fromisoformat(busiest.event_date or "")
    week = Filters(since=day.isoformat(), until=date.fromordinal(day.toordinal() + 6).isoformat())
    t_list, t_show = [], []
    n = 0
    for _ in range(5):
        t0 = time.perf_counter()
        n = len(api.incidents(db=db, filters=week))
        t_list.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        api.incident_detail(busiest.id, db=db)
        t_show.append(time.perf_counter() - t0)
    return statistics.median(t_list), statistics.median(t_show), n


def fresh(backend: str, name: str, tmp: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp / (name + '.db')}"
    import psycopg
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=test", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


DASK_CHILD = r"""
import json, sys, time
from distributed import Client, LocalCluster
from civcas import api
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                  dashboard_address=None) as c:
    if sys.argv[2] == "warm":  # a cluster already running: workers have loaded civcas
        from civcas.api import _parallel
        with Client(c.scheduler_address) as client:
            client.run(_parallel._warm)
    t0 = time.perf_counter()
    n = sum(1 for _ in api.extract_paths([sys.argv[1]], dask=c.scheduler_address))
    print(json.dumps({"wall": time.perf_counter() - t0, "n": n}))
"""

EXTRACT_CHILD = r"""
import json, sys, time
from civcas import api
t0 = time.perf_counter()
n = sum(1 for _ in api.extract_paths([sys.argv[1]], workers=int(sys.argv[2])))
print(json.dumps({"wall": time.perf_counter() - t0, "n": n}))
"""


def compare_workers(base: list[dict[str, str]], n: int, repeats: int, tmp: Path,
                    before: Path | None = None) -> None:
    """Extraction of n documents by 1 and 2 worker processes and by a 2-worker Dask
    LocalCluster (cold: the workers load civcas inside the timing; warm: a running cluster
    whose workers have), alternately in one run (medians; process start included); with
    ``before`` (another checkout's src/) its Dask variants too, side by side."""
    path = write(tmp / "w.jsonl", derived(base, 0, n))
    variants: list[tuple[str, str, list[str], str | None]] = [
        ("workers 1", EXTRACT_CHILD, ["1"], None), ("workers 2", EXTRACT_CHILD, ["2"], None),
        ("dask 2 cold", DASK_CHILD, ["cold"], None), ("dask 2 warm", DASK_CHILD, ["warm"], None)]
    if before is not None:
        variants += [("before: dask 2 cold", DASK_CHILD, ["cold"], str(before)),
                     ("before: dask 2 warm", DASK_CHILD, ["warm"], str(before))]
    runs: dict[str, list[float]] = {label: [] for label, *_ in variants}
    for _ in range(repeats):
        for label, code, extra, src in variants:
            env = dict(os.environ, **({"PYTHONPATH": src} if src else {}))
            out = subprocess.run([sys.executable, "-c", code, str(path), *extra],
                                 capture_output=True, text=True, env=env)
            if out.returncode != 0:
                print(f"{label}: failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            runs[label].append(json.loads(out.stdout.strip().splitlines()[-1])["wall"])
    one = statistics.median(runs["workers 1"])
    for label, walls in runs.items():
        if walls:
            m = statistics.median(walls)
            print(f"extract {n} docs, {label:<19}: {m:6.1f} s  {n / m:6.1f} docs/s  "
                  f"x{one / m:.2f} of workers 1  (runs: {', '.join(f'{w:.1f}' for w in walls)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[800, 3200, 12800])
    ap.add_argument("--pg", action="store_true", help="also PostgreSQL")
    ap.add_argument("--pg-only", action="store_true", help="PostgreSQL only")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=FAKES, help="the FA-KES CSV")
    ap.add_argument("--derived", action="store_true",
                    help="build each ledger from copy 0's extraction (derived results, "
                         "stored, then pending documents resolved: two processes) instead "
                         "of extracting every copy: 100,000 documents in minutes")
    ap.add_argument("--compare-workers", type=int, metavar="N", default=0,
                    help="only time extracting N documents by 1 and 2 workers and Dask")
    ap.add_argument("--before", type=Path, default=None,
                    help="with --compare-workers: also time Dask with this src/ (another checkout)")
    args = ap.parse_args()
    base = rows(args.corpus)
    if args.compare_workers:
        with tempfile.TemporaryDirectory() as d:
            compare_workers(base, args.compare_workers, args.repeats, Path(d), args.before)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
        return
    backends = (["postgresql"] if args.pg_only else
                ["sqlite"] + (["postgresql"] if args.pg else []))
    print(f"fa-kes: {len(base)} articles; workers {args.workers}; pid {os.getpid()}")
    head = (f"{'backend':<10} {'docs':>7} {'ingest s':>9} {'docs/s':>7} {'RSS MiB':>8} "
            f"{'add20 s':>8} {'add20 empty':>11} {'ratio':>6} {'add RSS':>8} {'incidents':>9} "
            f"{'week s':>7} {'show s':>7}")
    print(head)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        extra = max(args.sizes) + 1000
        pickled = None
        if args.derived:  # copy 0 extracted once; the copies derived from its results
            pickled = tmp / "base.pickle"
            with open(pickled, "wb") as f:
                pickle.dump(extracted_base(base, tmp, max(args.workers, 2)), f)
        for backend in backends:
            for n in args.sizes:
                db = fresh(backend, f"civcas_scale_{n}", tmp)
                if pickled is not None:
                    stored = _child(STORE_CHILD, str(pickled), db, f"0:{n}",
                                    str(Path(__file__).parent))
                    resolved = _child(PENDING_CHILD, db)
                    got = {"wall": stored["wall"] + resolved["wall"],
                           "rss": max(stored["rss"], resolved["rss"]),
                           "incidents": resolved["incidents"]}
                    print(f"  {backend} {n} derived: store {stored['wall']:.1f} s "
                          f"({stored['rss']:.0f} MiB), resolve pending {resolved['wall']:.1f} s "
                          f"(cpu {resolved['cpu']:.1f} s, {resolved['steps']} steps, "
                          f"{resolved['rss']:.0f} MiB)", flush=True)
                else:
                    got = ingest(write(tmp / f"c{n}.jsonl", derived(base, 0, n)), db,
                                 args.workers)
                adds, empties, rss = [], [], []
                for r in range(args.repeats):
                    docs = derived(base, extra + 20 * r + n, 20)
                    path = write(tmp / f"add{n}-{r}.jsonl", docs)
                    a = ingest(path, db)
                    e = ingest(path, fresh(backend, f"civcas_scale_e{n}_{r}", tmp))
                    adds.append(a["wall"])
                    empties.append(e["wall"])
                    rss.append(a["rss"])
                week, show, listed = reads(db)
                add, empty = statistics.median(adds), statistics.median(empties)
                print(f"{backend:<10} {n:>7} {got['wall']:>9.1f} {n / got['wall']:>7.1f} "
                      f"{got['rss']:>8.0f} {add:>8.2f} {empty:>11.2f} {add / empty:>6.2f} "
                      f"{max(rss):>8.0f} {got['incidents']:>9} {week:>7.3f} {show:>7.3f}",
                      flush=True)


if __name__ == "__main__":
    main()
