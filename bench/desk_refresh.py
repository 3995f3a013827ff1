"""The first incident-list page after a judgement, at 10,000 incidents (the review desk's cache).

    python bench/desk_refresh.py                  # build/bench-web-10000.db (made by web_load.py)
    python bench/desk_refresh.py --repeat 11 --incidents 2000

Copies the ledger that ``bench/web_load.py`` builds to a temporary file, opens a
:class:`civcas.api.Desk` on it and loads the list once (untimed). Then, ``--repeat``
times: a reviewer sets the grade of an incident (through ``Desk.judge``, untimed
apart from being reported) and the **first list page after it** is timed
(``Desk.incidents(Filters())``, the default sort, what the app serves), then a second
page with another sort and a filter. Prints the median, min and max of each.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    import web_load

    from civcas.records import User
    from civcas.api import Desk
from civcas.records import Filters

    source = web_load.build(ROOT / "build" / f"bench-web-{args.incidents}.db", args.incidents)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.db"
        shutil.copyfile(source.removeprefix("sqlite:///"), path)
        with Desk(f"sqlite:///{path}") as desk:
            t = time.perf_counter()
            first = desk.incidents(Filters())
            print(f"{first.all} incidents; cold list load {time.perf_counter() - t:.2f} s")
            me = User(name="bench-reviewer", role="reviewer")
            judge_s, page_s, other_s = [], [], []
            for i in range(args.repeat):
                target = first.incidents[(i * 7) % len(first.incidents)].id
                seen = desk.incident(target)
                t = time.perf_counter()
                desk.judge("set_grade", target, user=me, incident_id=target,
                           version=seen.version, payload={"grade": ("weak", "contested")[i % 2]},
                           reason="bench")
                t1 = time.perf_counter()
                page = desk.incidents(Filters())
                t2 = time.perf_counter()
                desk.incidents(Filters(sort="killed", grade="weak"))
                t3 = time.perf_counter()
                judge_s.append(t1 - t)
                page_s.append(t2 - t1)
                other_s.append(t3 - t2)
                assert page.all == first.all
            for name, xs in (("judgement (Desk.judge)", judge_s),
                             ("first list page after it", page_s),
                             ("then a page by killed, grade=weak", other_s)):
                print(f"{name:36s} median {statistics.median(xs) * 1000:8.1f} ms   "
                      f"min {min(xs) * 1000:8.1f}   max {max(xs) * 1000:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
