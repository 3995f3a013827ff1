"""Resolution itself (behind :mod:`civcas.resolve`, which imports it on first use): features,
the clusters, incidents assessed, tallies, judgements applied."""
from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..assess import assess, sources
from ..assess.blame import blame
from ..assess.parts import part_figure
from ..assess.sources import UNATTRIBUTED, UNATTRIBUTED_NAME, asserter_key
from ..records import (
    Assessment,
    Claim,
    DatePrecision,
    Document,
    Feature,
    Incident,
    Judgement,
    Location,
    Place,
    Resolution,
    Tally,
)
from ..vocab import names
from . import judgements as _judgements
from . import scope as _scope
from . import tally_rules as _rules
from .cluster import Item, cluster
from .features import Window, known_actor, location, parse_date, window

log = logging.getLogger(__package__)  # "civcas.resolve", as before it moved here

__all__ = ["claim_features", "incident_id", "resolve", "series", "tallies"]


def incident_id(first_claim_id: str) -> str:
    """An incident's id: stable while its first-ingested claim stays in it."""
    return "I" + hashlib.sha1(first_claim_id.encode("utf-8")).hexdigest()[:10]


def resolve(documents: Iterable[Document], claims: Iterable[Claim],
            judgements: Iterable[Judgement] = (),
            focus: Mapping[str, Place] | None = None,
            successors: Mapping[str, str] | None = None, *,
            found: Mapping[str, tuple[Feature, Window | None]] | None = None) -> Resolution:
    """Incidents and tallies from ``claims`` (in ingestion order), judgements applied.

    ``focus``: document id -> where its main incident happened (for claims with
    no place); ``successors``: claim id of an older document version -> the same
    claim now, so that judgements follow a document to its new version; ``found``:
    the claims' features (corrected claim id -> feature and window) when already
    computed (:mod:`.parallel`).
    """
    docs = {d.id: d for d in documents}
    focus = focus or {}
    ordered = _judgements.follow(sorted(judgements, key=lambda j: j.at), dict(successors or {}))
    corrected, rejected = _judgements.apply_to_claims(list(claims), ordered)
    if found is None:
        outside = {c.id for c in corrected if _scope.not_harm(c)}  # displaced, arrested...: no harm
        found = _features(corrected, rejected | outside, docs, focus, outside)
    else:
        found = {c.id: found[c.id] for c in corrected}
    active = [c for c in corrected if found[c.id][0].active]
    items = []
    for index, c in enumerate(active):
        f, w = found[c.id]
        if f.cumulative:
            continue
        items.append(Item(index=index, claim=c, window=w, location=f.location,
                          perpetrator=known_actor(c.perpetrator), part=part_figure(c)))
    groups = [[i.claim.id for i in g] for g in cluster(items)]
    groups = _judgements.apply_to_groups(groups, ordered)
    overrides = _judgements.grade_overrides(groups, ordered)
    by_id = {i.claim.id: i for i in items}
    extra = {c.id: c for c in active}  # claims a judgement moved in that were not items
    incidents = []
    for n, ids in enumerate(groups):
        members = [by_id[c] if c in by_id else _loose(extra[c], len(items))
                   for c in ids if c in by_id or c in extra]
        if not members:
            continue
        members.sort(key=lambda i: i.index)
        inc = _incident(members, docs)
        if n in overrides:
            inc = replace(inc, assessment=_override(inc, overrides[n]))
        incidents.append((members[0].index, inc))
    incidents.sort(key=lambda t: t[0])
    tallies = _tallies([c for c in active if found[c.id][0].cumulative], docs)
    log.info("resolved %d claims into %d incidents and %d tallies",
             len(active), len(incidents), len(tallies))
    return Resolution(tuple(i for _, i in incidents), tuple(tallies), tuple(corrected),
                      frozenset(rejected), tuple(f for f, _ in found.values()))


def claim_features(corrected: Iterable[Claim], rejected: set[str] | frozenset[str],
             docs: Mapping[str, Document], focus: Mapping[str, Place]) -> dict[str, Feature]:
    """Claim id -> what resolution compares the claim by (its window and location)."""
    return {k: f for k, (f, _) in _features(corrected, rejected, docs, focus).items()}


def _features(corrected: Iterable[Claim], rejected: set[str] | frozenset[str],
              docs: Mapping[str, Document], focus: Mapping[str, Place],
              outside: set[str] | None = None) -> dict[str, tuple[Feature, Window | None]]:
    """``outside``: ids of the claims that are no harm (``_scope.not_harm``), when known."""
    country_hint: dict[str, str | None] = {}
    out: dict[str, tuple[Feature, Window | None]] = {}
    for c in corrected:
        doc = docs.get(c.document_id)

        def context(doc: Document | None = doc) -> str | None:  # computed when needed
            if doc is None:
                return None
            if doc.id not in country_hint:
                country_hint[doc.id] = names.report_country(doc.title + "\n" + doc.text[:3000])
            return country_hint[doc.id]

        w = window(c, doc.published if doc else None)
        f = Feature(claim_id=c.id, doc_id=c.document_id,
                    active=c.id not in rejected and not (
                        c.id in outside if outside is not None else _scope.not_harm(c)),
                    cumulative=_scope.cumulative(c),
                    window=(w.start, w.end) if w is not None else None,
                    location=location(c, focus.get(c.document_id), context))
        out[c.id] = (f, w)
    return out


def _loose(c: Claim, index: int) -> Item:
    return Item(index=index, claim=c, window=None, location=None,
                perpetrator=known_actor(c.perpetrator), part=part_figure(c))


def _incident(members: list[Item], docs: Mapping[str, Document]) -> Incident:
    claims = [m.claim for m in members]
    located = [m.location for m in members if m.location is not None]
    best_loc = min(located, key=lambda loc: loc.rank) if located else None
    dated = [m.window for m in members if m.window is not None]
    when: str | None = None
    precision: DatePrecision = "unknown"
    if dated:
        width = min(w.end - w.start for w in dated)
        labels = Counter(w.label for w in dated if w.end - w.start == width)
        when = labels.most_common(1)[0][0]
        precision = next(w.precision for w in dated if w.label == when)
    own = {c.document_id: docs[c.document_id] for c in claims if c.document_id in docs}
    groups = sources(claims, own)
    chosen = blame(claims, groups)  # the assessment's and the incident's perpetrators
    assessment = assess(claims, own, groups, chosen)
    perps = tuple(chosen.parties)
    place = _place(best_loc)
    title = f"{place.name if place else 'place unknown'}, {when or 'date unknown'}"
    if perps:
        title += f" ({' / '.join(perps)})"
    return Incident(
        id=incident_id(claims[0].id),
        claim_ids=tuple(c.id for c in claims),
        event_date=when,
        date_precision=precision,
        place=place,
        perpetrators=perps,
        document_ids=tuple(dict.fromkeys(c.document_id for c in claims)),
        title=title,
        assessment=assessment,
    )


def _place(loc: Location | None) -> Place | None:
    if loc is None:
        return None
    if loc.place is not None:
        return loc.place
    return Place(name=loc.name, lat=None, lon=None, country=loc.country, admin1=None,
                 precision=loc.precision, confidence=0.0, mention=loc.name, origin="mention")


def _override(inc: Incident, j: Judgement) -> Assessment:
    a = inc.assessment
    assert a is not None  # every incident resolution makes is assessed
    grade = dict(j.payload)["grade"]
    why = f"grade set to {grade} by {j.user} on {j.at:%Y-%m-%d}"
    if j.reason:
        why += f": {j.reason}"
    machine = f"computed grade was {a.grade}: " + "; ".join(a.reasons)
    return replace(a, grade=grade, reasons=(why, machine), overridden_by=j.id)


def tallies(claims: Iterable[Claim], docs: Mapping[str, Document]) -> list[Tally]:
    """The tallies of these claims: the active cumulative ones, in ingestion order."""
    return _tallies([c for c in claims if _scope.cumulative(c) and not _scope.not_harm(c)], docs)


def _tallies(claims: list[Claim], docs: Mapping[str, Document]) -> list[Tally]:
    """A total naming no belligerent is about the one its document's totals blame, if one
    (:mod:`.tally_rules`; only totals are read, so a partial re-resolution agrees)."""
    blames = _rules.document_belligerents(claims)
    seen: dict[tuple, Tally] = {}
    for c in claims:
        doc = docs.get(c.document_id)
        _, who = asserter_key(c, docs)
        voice = names.belligerent(c.source)
        belligerent = (names.actor(c.perpetrator) or blames.get(c.document_id)
                       or (voice if voice and _rules.owns(c) else None))
        if who in (UNATTRIBUTED_NAME,) or names.fold(c.source or "") in UNATTRIBUTED or (
                doc is not None and who == (doc.outlet or "")):
            if belligerent and _rules.own_figure(c):
                who = belligerent  # "its overall death toll": the belligerent's own figure
        # a running total the extractor dated by its start ("since Saturday") is as of its report
        span = parse_date(c.event_date) if c.scope == "cumulative" else None
        as_of = span[1].isoformat() if span else (doc.published.isoformat()
                                                  if doc and doc.published else None)
        period = c.event_date if span and span[0] != span[1] else _period(c.sentence)
        part = _rules.subset(c)
        if part:
            period = part if not period or period in part else f"{part}; {period}"
        t = Tally(asserter=who, belligerent=belligerent, victims=c.victims,
                  outcome=c.outcome, low=c.low, high=c.high, as_of=as_of, period=period,
                  claim_id=c.id, document_id=c.document_id)
        key = (names.fold(who), t.belligerent, t.victims, t.outcome, t.low, t.high)
        if key not in seen or (as_of or "9") < (seen[key].as_of or "9"):
            seen[key] = t  # the same figure re-reported: keep its first date
    return sorted(seen.values(), key=lambda t: (names.fold(t.asserter), t.belligerent or "",
                                                t.victims, t.outcome, t.as_of or ""))


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_PERIOD = re.compile(
    r"\b(since (?:the (?:start|beginning|outbreak) of [\w' -]{3,40}?(?=[,.;]|\s(?:in|and|that)\b|$)"
    rf"|(?:{_MONTH} )?\d{{1,2}},? \d{{4}}|(?:{_MONTH} )?\d{{4}}|{_MONTH} \d{{1,2}}"
    r"|(?:the|its|it) (?:start|beginning)\b[\w ]{0,30}?(?=[,.;]|$))"
    r"|(?:over|in|during) the (?:past|last) (?:\w+ )?(?:days?|weeks?|months?|years?)"
    r"|(?:this|last) (?:year|month)"
    rf"|in (?:{_MONTH} )?\d{{4}})\b")


def _period(sentence: str) -> str | None:
    """The period a cumulative figure covers, as the sentence says it ("since 2014")."""
    m = _SINCE_CLAUSE.search(sentence)
    if m:
        return m.group(1).strip()
    m = _PERIOD.search(sentence)
    if m:
        return m.group(1)
    m = _SINCE.search(sentence)  # "since the offensive began in April", "so far this year"
    return m.group(1).strip() if m else None


# "since it began the air campaign in Iraq and Syria in 2014": from "since" to its year
_SINCE_CLAUSE = re.compile(r"\b(since\s[^,.;:]{0,80}?\b(?:19|20)\d\d)\b", re.IGNORECASE)
_SINCE = re.compile(r"\b(since (?!dawn\b|this morning\b)[^,.;:]{2,50}?|so far(?: this \w+)?"
                    r"|to date)(?=[,.;:]|\s(?:and|the|government|have|has|had)\b|$)",
                    re.IGNORECASE)


def series(tallies: Iterable[Tally]) -> dict[tuple[str, str | None, str, str], list[Tally]]:
    """Tallies grouped into series: (asserter, belligerent, victims, outcome) -> by date."""
    out: dict[tuple[str, str | None, str, str], list[Tally]] = defaultdict(list)
    for t in tallies:
        out[(t.asserter, t.belligerent, t.victims, t.outcome)].append(t)
    for v in out.values():
        v.sort(key=lambda t: t.as_of or "")
    return dict(out)
