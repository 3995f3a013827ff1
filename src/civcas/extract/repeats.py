"""Who did it, from a repeat of the same figure: "Four people were killed in a car bomb attack, SANA reported. ...
'A terrorist car bomb attack killed four people,' SANA reported" is one claim (the repeat is dropped), and the
repeat's own sentence names who did it (GUIDE: a perpetrator comes from what the article says about this harm)."""
from __future__ import annotations

from ..records import Claim
from .actors import ACTING
from .passes import _same_harm as same_harm  # (one figure, one harm: the rule dedupe reads)
from .report import Report


def named_repeats(claims: list[Claim], kept: set[int], report: Report) -> dict[int, str]:
    """The perpetrator a kept claim that names none takes from a dropped repeat of it (same figure and source, the
    same harm) whose own sentence names that actor acting; keyed by ``id`` of the kept claim."""
    out: dict[int, str] = {}
    bare = [c for c in claims if id(c) in kept and c.perpetrator is None and c.scope == "incident"]
    if not bare:
        return out
    for c in claims:
        if id(c) in kept or c.perpetrator in (None, "contested") or c.low is None and c.high is None:
            continue
        sent = report.sentence_at(c.sentence_start)
        if sent is None or not any(m.label == c.perpetrator and m.role == ACTING for m in sent.actors):
            continue  # carried from the account, not said of this figure
        for o in bare:
            if id(o) in out or o.sentence_start >= c.sentence_start:
                continue
            if (o.outcome, o.victims, o.low, o.high) != (c.outcome, c.victims, c.low, c.high):
                continue
            if o.source.lower() == c.source.lower() and same_harm(o, c):
                out[id(o)] = c.perpetrator
    return out
