"""Load test of the review desk's pages on a 10,000-incident ledger: the queue (the front
page), the incident list and the incident page, p95 per page kind on loopback.

    python bench/desk_load.py                          # 10,000 incidents, 4 connections
    python bench/desk_load.py --incidents 2000 --requests 200 --check

Reuses bench/web_load.py's ledger (``build/bench-web-N.db``: N synthetic incidents, built
once) and starts ``civcas serve`` on a free 127.0.0.1 port in a subprocess. After a warm-up
(each URL once), ``--connections`` client threads, each with its own keep-alive HTTP
connection, request the URLs of one page kind in turn, ``--requests`` in all per kind;
latencies are measured in the client (Python's http.client: its own overhead is in them).
Prints the percentiles per page kind side by side with the targets (queue and list p95 <
100 ms, incident page p95 < 150 ms) and the machine's load (other work lengthens the tail).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_load  # noqa: E402  (the ledger builder and the login of bench/web_load.py)

TARGETS = {"queue": 100.0, "list": 100.0, "incident": 150.0}
LISTS = ["/incidents", "/incidents?sort=killed", "/incidents?queue=unreviewed&sort=killed",
         "/incidents?queue=single_source&reviewed=0", "/incidents?queue=uncertain",
         "/incidents?reviewed=1", "/incidents?grade=weak&sort=place&order=asc",
         "/incidents?country=SY&page=7", "/incidents?q=kafr%20c1", "/incidents?sort=reviewed",
         "/api/incidents?per_page=50&page=3"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def hammer(port: int, cookie: str, paths: list[str], total: int,
           connections: int) -> tuple[list[float], int]:
    """Latencies (ms) of ``total`` GETs of ``paths`` in turn over ``connections`` threads."""
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    share = [total // connections + (1 if i < total % connections else 0)
             for i in range(connections)]

    def worker(n: int, offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for k in range(n):
            path = paths[(offset + k) % len(paths)]
            t = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": cookie})
            r = conn.getresponse()
            r.read()
            mine.append((time.perf_counter() - t) * 1000)
            if r.status != 200:
                with lock:
                    errors[0] += 1
        conn.close()
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=worker, args=(n, i * 7)) for i, n in enumerate(share)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=10_000)
    ap.add_argument("--connections", type=int, default=4)
    ap.add_argument("--requests", type=int, default=400, help="requests per page kind")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()
    url = web_load.build(web_load.ROOT / "build" / f"bench-web-{args.incidents}.db",
                         args.incidents)
    port = web_load.free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "CIVCAS_SECRET_KEY": "bench-secret-key-of-at-least-32-bytes"}
    server = subprocess.Popen([sys.executable, "-c", "from civcas.cli import main; main()",
                               "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--db", url], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    rows = {}
    try:
        if not web_load.wait_for(base, server):
            return 2
        cookie = web_load.login(base)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        ids = []
        for page in (1, 5, 9, 13, 17):
            conn.request("GET", f"/api/incidents?per_page=500&page={page}",
                         headers={"Cookie": cookie})
            ids += [i["id"] for i in json.loads(conn.getresponse().read())["incidents"]]
        conn.close()
        random.Random(3).shuffle(ids)
        kinds = {"queue": ["/"], "list": LISTS,
                 "incident": [f"/incidents/{i}" for i in ids[:200]]}
        for name, paths in kinds.items():
            hammer(port, cookie, paths, len(paths), 1)  # warm-up: each URL once
            t = time.perf_counter()
            times, errors = hammer(port, cookie, paths, args.requests, args.connections)
            rows[name] = (times, errors, time.perf_counter() - t)
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(f"{args.incidents} incidents, {args.connections} connections, {args.requests} "
          "requests per page kind (latency in ms, measured in the client)")
    print(f"{'page':10} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7} "
          f"{'errors':>6}  target p95")
    ok = True
    for name, (times, errors, seconds) in rows.items():
        p95 = percentile(times, 95)
        met = p95 < TARGETS[name] and errors == 0
        ok &= met
        print(f"{name:10} {len(times) / seconds:7.0f} {statistics.median(times):7.1f} "
              f"{p95:7.1f} {percentile(times, 99):7.1f} {max(times):7.1f} {errors:6d}  "
              f"< {TARGETS[name]:.0f}: {'met' if met else 'NOT met'}")
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, load average {load[0]:.1f} {load[1]:.1f} "
          f"{load[2]:.1f}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
