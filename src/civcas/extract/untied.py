"""Harm the account or the report does not tie to an attacker named elsewhere: an attack no one has claimed, or
harm of another day than the claim that named the account's attacker (GUIDE: a perpetrator comes from this
harm's own account)."""
from __future__ import annotations

from datetime import date

from .report import Report, Sentence


def unclaimed_attack(report: Report, index: int) -> bool:
    """Whether the report says no one has claimed the attack of sentence ``index`` ("There was no
    immediate claim of responsibility"), there or in the next sentences of its account."""
    cues = report.reader.cues
    for s in report.sentences[index:index + 4]:
        if s.index > index and (s.new_event or s.elsewhere):
            return False
        if s.has(cues, "unclaimed"):
            # "..., but police blamed X": X is named for it
            return not cues.blame.search(cues.unclaimed.sub(" ", s.text))
    return False


_OTHER_DAYS = 2  # an attack two days or more from the one told before is another (an assault goes on overnight)


def other_day(sent: Sentence, day: str | None) -> bool:
    """Whether ``sent`` names only days of harm other than ``day`` (the day of the claim that named the account's
    perpetrator): "On Tuesday an alleged chemical attack killed 80" after Thursday's missile strike."""
    if day is None or len(day) != 10:
        return False
    own = {t.value for t in sent.times if t.value}
    if not own or any(len(v) != 10 for v in own):
        return False
    held = date.fromisoformat(day)
    return all(abs((date.fromisoformat(v) - held).days) >= _OTHER_DAYS for v in own)


_WEEKS = 14  # harm ended more than two weeks before the day told is another attack, told for comparison


def ended_weeks_before(end: str | None, held: str | None) -> bool:
    """Whether harm that ended on ``end`` (a day or a period) ended more than two weeks before the day or
    period ``held`` that the account tells begins."""
    start = held.split("/", 1)[0] if held and held[:1].isdigit() else ""
    last = end.rsplit("/", 1)[-1] if end else ""
    return len(start) == 10 and len(last) == 10 and (date.fromisoformat(start) - date.fromisoformat(last)).days > _WEEKS


def weeks_before(sent: Sentence, held: str | None) -> bool:
    """Whether every time ``sent`` names ended more than two weeks before the day (or period) ``held`` that the
    account tells: "a similar bombing in the city that killed 12 people in May", in an account of October."""
    ends = [t.value for t in sent.times if t.value]
    return bool(ends) and all(ended_weeks_before(e, held) for e in ends)
