"""Document -> claims: read the report once, find each sentence's casualty figures, and choose each
claim's source, place, perpetrator and event date among the candidates the report offers.

The report is read in order; the account (:mod:`account`) carries what earlier sentences
established, and every choice is one weighted decision (:mod:`decide`) — there is no ladder of
special cases here. ``explain`` returns the same claims with every candidate considered.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

from ..records import Claim, ClaimExplanation, Considered, Document, FieldChoice
from ..vocab import vocabulary
from .account import Account, Held
from .actors import ACTING
from .arabic import Arabic
from .cand_actor import ReportActors, actor_candidates, report_actors
from .cand_date import date_candidates, telling_day
from .cand_place import place_candidates
from .cand_source import source_candidates, speaker_value
from .candidates import in_language, merge
from .days_after import days_before
from .decide import Decision, calibrated, confidence_features, decide, reasons
from .drafts import Draft
from .english import English
from .headings import opens_section
from .known import level_of
from .language import READERS, reader_for
from .offices import offices_in
from .passes import (
    coarser_repeats,
    dedupe,
    drop_headline_repeats,
    finer_repeats,
    finer_told_after,
    identify,
    in_other_headline,
    is_video_title,
)
from .repeats import named_repeats
from .report import Report, Sentence, read_report
from .sides import government_side
from .untied import ended_weeks_before


def extract(document: Document) -> list[Claim]:
    """Every casualty claim in a document, with offsets into ``document.text``."""
    return [e.claim for e, _c in trace(document)]


def explain(document: Document) -> list[ClaimExplanation]:
    """Every claim of a document with the decision behind each field."""
    return [e for e, _c in trace(document, explained=True)]


def trace(document: Document, weights: dict | None = None,
          explained: bool = False) -> list[tuple[ClaimExplanation, dict]]:
    """Every claim with its explanation and, per field, the candidates with their features (for
    ``tools/train_decisions.py``); ``weights`` replaces the shipped ones."""
    text = document.text
    if not text or not reader_for(text).casualty_hint(text):
        return []
    report = read_report(document)
    told = report_actors(report)
    acc = Account(offices=offices_in(text, report.country))
    found: list[ClaimExplanation] = []
    for sent in report.sentences:
        if sent.new_event or sent.elsewhere:
            acc.new_event_at = sent.index
            acc.place = None  # another event or another place: the account of the last one ends here
            if sent.new_event:
                acc.date = acc.perpetrator = None
        elif report.reader.code == "en" and opens_section(sent.text):
            acc.place = None  # "Homs The air force struck ...": a roundup's next region (no other event, no new actor)
        acc.learn_offices(sent.attributions)
        drafts = [government_side(_inherit(d, acc), report.country) for d in (report.reader.drafts(sent) if sent.casualty else [])
                  if not _told_before(d, found) and not in_other_headline(sent.text, *d.rel, document.title)
                  and not is_video_title(sent.text)]
        for d in drafts:
            e, cands, also = _claim(d, drafts, report, acc, told, weights, explained)
            if also:  # "the civil defence and the Observatory reported": each source's claim (GUIDE), in their order
                fields = tuple(dataclasses.replace(f, value=also) if f.field == "source" else f for f in e.fields)
                found.append((ClaimExplanation(dataclasses.replace(e.claim, source=also), fields), cands))
            found.append((e, cands))
        _remember(acc, report, sent, bool(drafts))
    claims = drop_headline_repeats([e.claim for e, _c in found], document)
    kept = {id(c) for c in dedupe(claims)}
    finer = finer_repeats(claims, kept)
    finer.update({k: v for k, v in coarser_repeats(claims, kept).items() if k not in finer})
    finer.update({k: v for k, v in finer_told_after(claims, kept).items() if k not in finer})
    named = named_repeats(claims, kept, report)
    out = []
    for e, cands in found:
        if id(e.claim) in named:  # a repeat of the same figure names who did it
            perp, place = named[id(e.claim)], finer.get(id(e.claim))
            e = ClaimExplanation(dataclasses.replace(e.claim, perpetrator=perp), tuple(
                dataclasses.replace(f, value=perp) if f.field == "perpetrator" else f for f in e.fields))
            kept.add(id(e.claim))
            if place is not None:
                finer[id(e.claim)] = place
        if id(e.claim) in finer:  # the body tells the same harm again with a finer place inside the lead's
            place = finer[id(e.claim)]
            e = ClaimExplanation(dataclasses.replace(e.claim, place=place), tuple(
                dataclasses.replace(f, value=place) if f.field == "place" else f for f in e.fields))
            kept.add(id(e.claim))
        if id(e.claim) in kept:
            out.append((dataclasses.replace(e, claim=identify(e.claim, document)), cands))
    return out


def _claim(d: Draft, drafts: list[Draft], report: Report, acc: Account, told: ReportActors,
           weights: dict | None, explained: bool = True) -> tuple[ClaimExplanation, dict, str]:
    w = weights or {}
    lang = report.reader.code
    cands = {"source": in_language(merge(source_candidates(d, report, acc, drafts)), lang),
             "place": in_language(merge(place_candidates(d, report, acc, drafts)), lang)}
    source = decide("source", cands["source"], w.get("source"))
    place = decide("place", cands["place"], w.get("place"))
    cands["perpetrator"] = in_language(
        merge(actor_candidates(d, report, acc, source.value, told, place.value)), lang)
    perpetrator = decide("perpetrator", cands["perpetrator"], w.get("perpetrator"))
    cands["event_date"] = in_language(merge(date_candidates(d, report, acc, place.value)), lang)
    when = decide("event_date", cands["event_date"], w.get("event_date"))
    decisions = {"source": source, "place": place, "perpetrator": perpetrator, "event_date": when}
    text = report.text
    cands["confidence"] = confidence_features(decisions, d.qualifier, d.scope)
    claim = Claim(outcome=d.outcome, victims=d.victims, low=d.low, high=d.high, qualifier=d.qualifier,
                  text=text[d.span[0]:d.span[1]], source=source.value or "reporter", place=place.value,
                  event_date=when.value, perpetrator=perpetrator.value, scope=d.scope, span=d.span,
                  sentence=d.sentence.text, sentence_start=d.sentence.start, confidence=calibrated(cands["confidence"]))
    also = _also(source, d, acc)
    _after_claim(acc, d, claim)
    fields = tuple(_field(name, dec, explained) for name, dec in decisions.items())
    return ClaimExplanation(claim, fields), cands, also


assert isinstance(READERS["en"], English)  # the readers register on import
assert isinstance(READERS["ar"], Arabic)


def _also(source: Decision, d: Draft, acc: Account) -> str:
    """The second source that gave a claim's figure with the one chosen, in its sentence or in the
    account it continues; "" when none."""
    origin = next((s.candidate.origin for s in source.scored if s.candidate.value == source.value), "")
    if "this sentence" in origin:
        return next((a.also for a in d.sentence.attributions if a.also and a.name == source.value), "")
    if "the account before" in origin and acc.source is not None and acc.source.value == source.value:
        return acc.source_also
    return ""


def _told_before(d: Draft, found: list) -> bool:
    """ "In addition to the 36 dead, ...": a figure with "the" that an earlier claim already gave."""
    return d.definite and any(e.claim.outcome == d.outcome and e.claim.low == d.low
                              and (e.claim.high == d.high or e.claim.high is None) for e, _c in found)


def _inherit(d: Draft, acc: Account) -> Draft:
    """ "It said the strikes also wounded up to 40 others": "others" take the group of the claim just before."""
    if d.orphan and acc.last_group is not None and acc.last_group.sentence >= d.sentence.index - 1 \
            and acc.last_group.value in ("civilians", "combatants", "security_forces"):
        return dataclasses.replace(d, victims=acc.last_group.value)
    return d


def _field(name: str, dec: Decision, explained: bool) -> FieldChoice:
    if not explained:
        return FieldChoice(name, dec.value, round(dec.probability, 3))
    return FieldChoice(name, dec.value, round(dec.probability, 3), tuple(
        Considered(s.candidate.value, s.candidate.origin, round(s.probability, 3), s.candidate.evidence,
                   reasons(s.candidate, dec.weights)) for s in dec.scored))


def _after_claim(acc: Account, d: Draft, claim: Claim) -> None:
    i = d.sentence.index
    acc.claims += 1
    acc.claim_source = Held(claim.source, i, how=f"the source of \"{claim.text[:40]}\"")
    if not d.breakdown:
        acc.last_group = Held(claim.victims, i)
    if claim.place and claim.scope == "cumulative" and level_of(claim.place) in ("province", "city"):
        rank = max((m[3] for m in d.sentence.places if m[2] == claim.place), default=2)
        acc.place = Held(claim.place, i, rank, how=f"the place of the total \"{claim.text[:40]}\"")
    if claim.scope != "incident":
        return
    if claim.place and not _earlier_harm(acc, claim):
        rank = max((m[3] for m in d.sentence.places if m[2] == claim.place), default=acc.place.rank if acc.place else 0)
        acc.place = Held(claim.place, i, rank, how=f"the place of \"{claim.text[:40]}\"")
    if claim.perpetrator:
        acc.perpetrator = Held(claim.perpetrator, i, how=f"blamed for \"{claim.text[:40]}\"", place=claim.place,
                               day=claim.event_date)
    # "..., a day after air strikes killed 35": the earlier harm does not move the account's day
    if claim.event_date and not _WHOLE_YEAR.match(claim.event_date) and not days_before(d.sentence, d.span[0])[0]:
        acc.date = Held(claim.event_date, i, how="the day of the claim before", place=claim.place)


def _earlier_harm(acc: Account, claim: Claim) -> bool:
    """Whether ``claim`` tells harm of weeks before the day the account tells ("a similar twin bombing in the
    city that killed 12 people in May", in a report of October): a comparison, whose place the account keeps
    out of the claims after it."""
    return ended_weeks_before(claim.event_date, acc.date.value if acc.date is not None else None)


# "in 1988": a whole calendar year dates that claim, never the claims after it
_WHOLE_YEAR = re.compile(r"\d{4}-01-01/\d{4}-12-31$")


def _backstory(acc: Account, report: Report, sent: Sentence) -> bool:
    """Whether ``sent`` tells no harm and every time it names ended before the day the account tells (or,
    with none held, a week before the report): "still reeling from last month's loss of the town of X" sets no
    scene for the figures that follow ("those killed in X were displaced from ... over the weekend" does)."""
    ends = [t.value.rsplit("/", 1)[-1] for t in sent.times if t.value]
    if sent.casualty or not ends or len(ends) != len(sent.times):
        return False
    held = acc.date.value.split("/", 1)[0] if acc.date is not None and acc.date.value[:1].isdigit() else ""
    ref = held or (str(report.published - timedelta(days=7)) if report.published else "")
    return bool(ref) and all(e < ref for e in ends)


def _remember(acc: Account, report: Report, sent: Sentence, had_claims: bool) -> None:
    """What this sentence tells the next ones: speakers, places, the acting actor, the day."""
    i = sent.index
    named = [a for a in sent.attributions if not a.pronoun]
    v = vocabulary()
    for m in v.source_mentions(sent.text, report.country):
        if sent.text[m.start:m.start + 1].isupper():  # a body named by its name, for "the rights group" later
            acc.named[v.source_kind(m.label)] = Held(m.label, i, how=f"named in sentence {i + 1}")
    if named:
        acc.source = Held(speaker_value(named[-1], acc, sent) or named[-1].name, i,
                          how=f"named in sentence {i + 1}: \"{named[-1].raw}\"")
        acc.source_also = named[-1].also
    else:
        known = vocabulary().source_mentions(sent.text, report.country)
        # (not a belligerent's name without a verb of saying: "The Syrian army clashed with ...", it acts)
        orgs = [m for m in known if sent.text[m.start:m.start + 1].isupper() and v.source_kind(m.label) != "belligerent"]
        if orgs and not acc.source:
            acc.source = Held(orgs[-1].label, i, how=f"named in passing in sentence {i + 1}")
    acting = {m.label for m in sent.actors if m.role == ACTING}
    acc.last_actor = Held(acting.pop(), i, how=f"acting in sentence {i + 1}") if len(acting) == 1 else None
    places = sent.places
    acc.previous_places = [m[2] for m in places if m[3] >= 2]
    acc.kinds.update(report.reader.kinds_named(sent.text, places))
    regions = [m[2] for m in places if m[3] == 2]
    if regions:
        acc.region = Held(regions[-1], i, 2)
    cities = [m[2] for m in places if m[3] == 3]
    if cities:
        acc.city = cities[-1]
    if places and not (max(m[3] for m in places) <= 1 and len({m[2] for m in places}) > 1):
        best = max(places, key=lambda m: m[3])
        struck = sent.has(report.reader.cues, "struck")
        current = acc.place.rank if acc.place else -1
        if best[3] > current and (acc.claims == 0 or current <= 1 or struck
                                  or not had_claims and best[3] >= 5 and not _backstory(acc, report, sent)):
            acc.place = Held(best[2], i, best[3], how="struck" if struck else f"named in sentence {i + 1}")
    # "In a statement released Saturday, ...": the day of a telling opens no account (GUIDE: it does not date the harm)
    own = [t for t in sent.times if not telling_day(report.text, sent.start, t)]
    if own and acc.claims == 0:
        acc.date = Held(own[0].value or "", i, how=f"named before any claim: \"{own[0].text}\"")
