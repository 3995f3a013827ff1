"""Consistency checks an incident's figures must pass; a failure is flagged, never hidden.

- A part never exceeds its whole: children (or women) killed <= civilians killed <= people
  killed, and the same for the injured, compared on the best estimates (a breakdown whose best
  exceeds its whole's highest figure is impossible; one above the whole's best is flagged too).
- low <= best <= high on every estimate.

Each failure is a reason in words naming the figures and the claims they rest on
("check: children killed 17 (claims ...) exceed civilians killed 6-12 (claims ...)"); the
incident keeps its figures as the sources give them, and a reviewer sees why it needs a look.
"""
from __future__ import annotations

from ..records import Estimate

PARTS = (("children", "civilians"), ("women", "civilians"), ("civilians", "people"),
         ("children", "people"), ("women", "people"))


def _cite(e: Estimate) -> str:
    ids = list(e.claim_ids)
    return ", ".join(ids[:4]) + (f" (+{len(ids) - 4} more)" if len(ids) > 4 else "")


def _fig(e: Estimate) -> str:
    if e.low == e.high:
        return str(e.best)
    return f"{e.best} ({e.low}-{e.high if e.high is not None else '?'})"


def checks(estimates: list[Estimate], people: dict[str, Estimate] | None = None) -> list[str]:
    """The failed checks of these estimates, in words (empty when all pass). ``people``:
    outcome -> the estimate for "people" when the incident has one (not among the civilian
    estimates themselves)."""
    out: list[str] = []
    by: dict[tuple[str, str], Estimate] = {(e.outcome, e.victims): e for e in estimates}
    for outcome, e in list((k[0], v) for k, v in by.items()) + [
            (o, p) for o, p in (people or {}).items()]:
        if e.low is not None and e.best is not None and e.high is not None and not (
                e.low <= e.best <= e.high):
            out.append(f"check: {e.victims} {outcome} low {e.low}, best {e.best}, high {e.high} "
                       f"are out of order (claims {_cite(e)})")
    for outcome in ("killed", "injured"):
        for part, whole in PARTS:
            p = by.get((outcome, part))
            w = (people or {}).get(outcome) if whole == "people" else by.get((outcome, whole))
            if p is None or w is None or p.best is None or w.best is None:
                continue
            if whole == "civilians" and w.rule.startswith("no claim gives a civilian figure"):
                continue  # the civilians estimate is the people figure: checked as people
            if p.best > w.best:
                out.append(f"check: {part} {outcome} {_fig(p)} (claims {_cite(p)}) exceed "
                           f"{whole} {outcome} {_fig(w)} (claims {_cite(w)}); a part cannot be "
                           "larger than its whole")
    return out
