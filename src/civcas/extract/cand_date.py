"""Candidates for a claim's event date: the days its sentence names, the day of the account it
continues, a day named in the next sentences, or none."""
from __future__ import annotations

from .account import Account
from .candidates import Candidate, bucket, distance, moved, whole_month
from .drafts import Draft
from .report import Report

LOOKAHEAD = 3  # sentences after an undated claim searched for the event's date


def date_candidates(d: Draft, report: Report, acc: Account, place: str | None = None) -> list[Candidate]:
    """Every date the report offers for ``d`` (cumulative claims take none: the guide's rule)."""
    if d.scope == "cumulative":
        return [Candidate(None, "a total over a period has no event date", {"none": 1.0, "none.cumulative": 1.0})]
    sent = d.sentence
    out: list[Candidate] = []
    ordered = sorted(sent.times, key=lambda t: distance((t.start, t.end), d.span))
    for rank, t in enumerate(ordered):
        f = {"sent": 1.0, "sent.nearest": float(rank == 0), "sent.dist": min(distance((t.start, t.end), d.span), 300) / 100,
             f"sent.kind.{t.kind}": 1.0, "sent.before": float(t.end <= d.span[0]),
             "sent.many": float(len(ordered) > 1), "sent.month": float(t.kind == "relative" and whole_month(t.value))}
        out.append(Candidate(t.value, "this sentence", f, t.text))
    cues = report.reader.cues
    tied = sent.has(cues, "tied")
    loose = sent.has(cues, "loose")
    if acc.date is not None:
        back = sent.index - acc.date.sentence
        f = {"acc": 1.0, f"acc.back.{bucket(back, (0, 1, 2, 4))}": 1.0, "acc.tied": float(tied),
             "acc.loose": float(loose), "acc.new_event": float(sent.new_event or sent.elsewhere),
             "acc.has_own": float(bool(sent.times)), "acc.opening": float(acc.date.how.startswith("named before any claim")),
             "acc.breakdown": float(d.breakdown), "acc.moved": float(moved(place, acc.date.place))}
        out.append(Candidate(acc.date.value, "the account before", f, acc.date.how))
    for later in report.sentences[sent.index + 1:sent.index + 1 + LOOKAHEAD]:
        if later.new_event or later.elsewhere:
            break
        if later.times:
            if later.times[0].kind == "year" or later.times[0].kind == "month" and not later.casualty:
                # "... taken over by the army in December", "the war, which began in 2011, has killed":
                # background, not the attack's day
                break
            back = later.index - sent.index
            f = {"later": 1.0, f"later.back.{bucket(back, (1, 2, 3))}": 1.0, "later.has_own": float(bool(sent.times)),
                 "later.casualty": float(later.casualty), "later.acc": float(acc.date is not None),
                 # "Twenty-six civilians were also killed yesterday ...": the day of another harm
                 "later.other": float(later.casualty and later.has(cues, "other_harm"))}
            out.append(Candidate(later.times[0].value, "a sentence after", f, later.times[0].text))
            break
    f = {"none": 1.0, "none.has_own": float(bool(sent.times)), "none.acc": float(acc.date is not None),
         "none.loose": float(loose), "none.tied": float(tied)}
    out.append(Candidate(None, "no date", f))
    return out
