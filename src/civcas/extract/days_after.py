"""Harm told in a clause "a day after ..." ("rockets hit the city on Thursday, a day after air strikes killed
35 people"): that harm is the named number of days before the day the sentence (or its account) tells."""
from __future__ import annotations

import re
from datetime import date, timedelta

_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}
# "a day after", "just one day after", "two days after"; not "a day after" opening the sentence ("A day after
# the massacre, strikes killed 20": the main clause follows, told on the day after)
_DAYS_AFTER = re.compile(r"\b(a|one|two|three)\s+days?\s+after\b", re.I)


def days_before(sentence, figure: int) -> tuple[int, int]:
    """(n, offset): the figure at report offset ``figure`` lies in a clause of ``sentence`` opened by "n day(s)
    after" (starting at report offset ``offset``), with no time named between; (0, -1) when not."""
    found = None
    for m in _DAYS_AFTER.finditer(sentence.text, 0, max(0, figure - sentence.start)):
        found = m
    if found is None or len(sentence.text[:found.start()].split()) < 3:
        return 0, -1
    cue, end = sentence.start + found.start(), sentence.start + found.end()
    if any(end <= t.start < figure for t in sentence.times):
        return 0, -1
    return _COUNT[found.group(1).lower()], cue


def shifted(value: str | None, days: int) -> str | None:
    """An ISO day or interval moved ``days`` back (unchanged when unreadable)."""
    if not value:
        return value
    try:
        return "/".join(str(date.fromisoformat(p) - timedelta(days=days)) for p in value.split("/"))
    except ValueError:
        return value
