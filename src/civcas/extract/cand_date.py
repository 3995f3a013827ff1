"""Candidates for a claim's event date: the days its sentence names, the day of the account it
continues, a day named in the next sentences, or none."""
from __future__ import annotations

import re
from datetime import date

from .account import Account
from .candidates import Candidate, bucket, distance, moved, whole_month
from .days_after import days_before, shifted
from .drafts import Draft
from .english import names_the_attack
from .report import Report

LOOKAHEAD = 3  # sentences after an undated claim searched for the event's date
LOOKBACK = 8  # sentences before a claim searched for the day told for the attack on its place

# a definite reference back to harm or an attack already told ("in the same strike", "the blast also wounded",
# "among the dead", "that day"): what ties a sentence to the day of the account before (GUIDE, Dates and scope)
_REFERS_BACK = re.compile(
    r"\b(?:(?:the|that|this|these|those)\s+(?:same\s+)?(?:[\w'-]+\s+){0,2}?(?:attacks?|strikes?|air\s*strikes?|raids?|"
    r"bombings?|shelling|blasts?|explosions?|bombardment|assault|massacre|incident|car\s+bombs?|bombs?|barrages?|"
    r"rockets?|missiles?|mortars?|shells)|earlier\s+today|(?:the\s+)?same\s+day|that\s+day|"
    r"the\s+(?:dead|victims|wounded|injured|casualties)|among\s+(?:them|the\s+\w+|those)|of\s+(?:them|those|whom)|"
    r"the\s+(?:death\s+)?toll|(?:rose|risen|climbed)\s+to|they\s+included|it\s+also)\b", re.I)
# "also" before an act of harm by a subject of its own ("Mortar fire also wounded three people in X", "the army
# has also shelled Y"); not an outcome added to the same harm ("Scores were also injured")
_ALSO_ACTS = re.compile(r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)\balso\s+(?:\w+\s+)?"
                        r"(?:killed|killing|wounded|wounding|injured|injuring|struck|striking|shelled|shelling|hit|hitting|"
                        r"targeted|targeting|bombed|bombing|bombarded|attacked|fired|shot|left|claimed|raided|pounded)\b", re.I)
# a day that dates the telling, not the harm (GUIDE: "said on Tuesday" does not date the harm), in the forms the
# reader's own filter leaves: a statement or report before the day ("in a report issued Wednesday", "said in a new
# toll Sunday", "surfaced on Wednesday") or the telling right after it ("on Thursday announced", "a Thursday statement")
_TELLING_BEFORE = re.compile(
    r"\b(?:said|says|told|reported|reports|stated|announced|added|confirmed|claimed|admitted|acknowledged|issued|released|"
    r"published|posted|surfaced|statement|report)(?:\s+(?:[A-Z][\w'.-]*|in|a|an|the|its|their|new|latest|updated|"
    r"statement|report|toll|update|issued|released|published|posted|to|reporters|journalists|agency|news|conference|"
    r"interview)){0,4}?\s+(?:on\s+|late\s+|early\s+)?$")
# (not "said" with its speaker after it: "pounded the city early on Thursday said the monitor" dates the harm)
_TELLING_AFTER = re.compile(r"\s*,?\s*(?:said\b(?!\s+(?:the\b|an?\b|(?-i:[A-Z])))|"
                            r"(?:announced|reported|stated|confirmed|admitted|acknowledged|statement|report)\b)", re.I)
# a vague period of the harm's own ("in recent days", "in the days after X", "over the past few weeks")
_VAGUE_PERIOD = re.compile(r"\bin\s+recent\s+(?:days|weeks|months)\b|\bin\s+the\s+(?:days|weeks|months)\s+(?:after|since|"
                           r"before|that\s+followed)\b|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:few|several|"
                           r"couple\s+of)\s+(?:days|weeks|months)\b", re.I)
# a toll updated ("the death toll rose to 61", "raised the toll", "a new toll"): the attack is told after
_TOLL_UPDATE = re.compile(r"\btoll\b[^.]{0,80}?\b(?:rose|risen|climbed|reached|jumped|increased|rises|climbs)\s+to\b|"
                          r"\braised\s+the\s+(?:death\s+)?toll\b|\bnew\s+(?:death\s+)?toll\b", re.I)


def date_candidates(d: Draft, report: Report, acc: Account, place: str | None = None) -> list[Candidate]:
    """Every date the report offers for ``d`` (cumulative claims take none: the guide's rule)."""
    if d.scope == "cumulative":
        return [Candidate(None, "a total over a period has no event date", {"none": 1.0, "none.cumulative": 1.0})]
    sent = d.sentence
    out: list[Candidate] = []
    # the days of the statement ("in a report issued Wednesday") stay candidates, marked, but are not counted
    # as the sentence's own days (as the reader leaves out "said on Tuesday")
    telling = [telling_day(report.text, sent.start, t) for t in sent.times]
    own = [t for t, tell in zip(sent.times, telling) if not tell]
    ordered = sorted(own, key=lambda t: distance((t.start, t.end), d.span))
    ordered += [t for t, tell in zip(sent.times, telling) if tell]
    # "..., a day after air strikes killed 35 people": the harm of the day before the one told
    back_days, cue = days_before(sent, d.span[0])
    for rank, t in enumerate(ordered):
        value = shifted(t.value, back_days) if back_days and t.end <= cue else t.value
        f = {"sent": 1.0, "sent.nearest": float(rank == 0), "sent.dist": min(distance((t.start, t.end), d.span), 300) / 100,
             f"sent.kind.{t.kind}": 1.0, "sent.before": float(t.end <= d.span[0]),
             "sent.many": float(len(own) > 1), "sent.month": float(t.kind == "relative" and whole_month(t.value)),
             "sent.telling": float(rank >= len(own))}
        out.append(Candidate(value, "this sentence", f, t.text))
    cues = report.reader.cues
    tied = sent.has(cues, "tied")
    loose = sent.has(cues, "loose")
    if acc.date is not None:
        back = sent.index - acc.date.sentence
        f = {"acc": 1.0, f"acc.back.{bucket(back, (0, 1, 2, 4))}": 1.0, "acc.tied": float(tied),
             "acc.loose": float(loose), "acc.new_event": float(sent.new_event or sent.elsewhere),
             "acc.has_own": float(bool(sent.times)), "acc.opening": float(acc.date.how.startswith("named before any claim")),
             "acc.breakdown": float(d.breakdown), "acc.moved": float(moved(place, acc.date.place)),
             # "X also shelled Y, killing two": harm added by a connective alone, nothing ties it to that day
             "acc.untied_also": float(bool(_ALSO_ACTS.search(sent.text)) and not _REFERS_BACK.search(sent.text)),
             # "in the summer of 2012", "in May": a span of more than a week names a period, not the day of the harm
             # told after it (as a whole year is never carried on: pipeline._WHOLE_YEAR)
             "acc.span": float(_days(acc.date.value) > 7),
             # "has wounded 22 people in recent days", "killed in the days after the town fell": the sentence
             # names a period of its own, vague, that no day of the account fixes (GUIDE: null otherwise)
             "acc.vague": float(bool(_VAGUE_PERIOD.search(sent.text)))}
        value, how = shifted(acc.date.value, back_days), acc.date.how
        named = _day_of_the_place(d, report, place) if place else None
        if named is not None and named.value != acc.date.value:  # "the Boukamal strike": the day told for that attack
            value, how = named.value, f"named with {place}: \"{named.text}\""
        out.append(Candidate(value, "the account before", f, how))
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
                 "later.other": float(later.casualty and later.has(cues, "other_harm")),
                 # "The death toll from ... has risen to 61": the attack's day is told after the updated toll
                 "later.toll": float(bool(_TOLL_UPDATE.search(sent.text))),
                 # "..., the agency said in a report issued Wednesday": the day of the telling
                 "later.telling": float(telling_day(report.text, later.start, later.times[0])),
                 # "in June", "last year", "earlier this month": a period, not the day of the harm told before it
                 "later.span": float(_days(later.times[0].value) > 7),
                 # "The Saturday strike hit ...", "Saturday's raid": the day names the attack itself
                 "later.attack": float(names_the_attack(report.text, later.times[0]))}
            out.append(Candidate(later.times[0].value, "a sentence after", f, later.times[0].text))
            break
    f = {"none": 1.0, "none.has_own": float(bool(sent.times)), "none.acc": float(acc.date is not None),
         "none.loose": float(loose), "none.tied": float(tied)}
    out.append(Candidate(None, "no date", f))
    return out


def _day_of_the_place(d: Draft, report: Report, place: str):
    """The day last named for an attack on ``place`` when the claim's sentence names that place and refers back
    to the attack with no day of its own ("the late Monday strike on the town of X ... the X strike killed six")."""
    sent = d.sentence
    if sent.times or not _REFERS_BACK.search(sent.text) or not any(m[2] == place for m in sent.places):
        return None
    for prev in reversed(report.sentences[max(0, sent.index - LOOKBACK):sent.index]):
        if any(m[2] == place for m in prev.places):
            own = [t for t in prev.times if t.value and "/" not in t.value and not telling_day(report.text, prev.start, t)]
            if own:
                return own[0]
        if prev.new_event:
            break
    return None


def _days(value: str) -> int:
    """How many days an ISO day or interval spans after its first (0 for one day; 0 when unreadable)."""
    a, _, b = value.partition("/")
    try:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days if b else 0
    except ValueError:
        return 0


def telling_day(text: str, start: int, t) -> bool:
    """Whether time mention ``t`` of a sentence starting at ``start`` dates a statement (see ``_TELLING_BEFORE``)."""
    if names_the_attack(text, t):  # "a report on Tuesday's (Tuesdays) strike", "the Monday raid": the attack's day
        return False
    return bool(_TELLING_BEFORE.search(text, max(start, t.start - 70), t.start)
                or _TELLING_AFTER.match(text, t.end, t.end + 20))
