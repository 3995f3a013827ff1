"""Document -> claims: runs the rules sentence by sentence and carries context between sentences."""
from __future__ import annotations

import logging
import dataclasses
import hashlib
import re
from dataclasses import dataclass, field

from ..records import Claim, Document
from .denials import find_denials
from .figures import find_raw_claims
from .lexicon import CASUALTY_HINT
from .perpetrators import perpetrator_for
from .places import best_place, place_mentions
from .scope import scope_of
from .sources import attributions, choose, known_sources, subject_before
from .timex import find_time_mentions
from .tokens import sentence_spans, tokenize

log = logging.getLogger(__name__)

_NEW_EVENT = re.compile(r"^\W*(?:earlier|last\s+(?:week|month|year)|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|on\s+\w+\s+\d)", re.I)
_CONTINUES = re.compile(r"^\W*(?:another|of\s+(?:those|the\s+dead|them)|among\s+(?:them|the\s+dead)|they\s+included|the\s+dead\s+included|he\s+added|she\s+added|it\s+added)\b", re.I)
_WAR = re.compile(r"\b(?:war|conflict|uprising|revolution|crisis)\b", re.I)
_DATE_KINDS_EVENT = {"weekday", "relative", "explicit", "month", "overnight"}


@dataclass
class _Context:
    """What earlier sentences established: carried to claims that do not restate it."""

    place: str | None = None
    place_rank: int = -1
    country: str = "Syria"
    perpetrator: str | None = None
    event_date: str | None = None
    named_source: str | None = None
    last_source: str | None = None
    claims: list[Claim] = field(default_factory=list)


def extract(document: Document) -> list[Claim]:
    """Every casualty claim in a document, with offsets into ``document.text``."""
    text = document.text
    if not text or not CASUALTY_HINT.search(text):
        return []
    times = find_time_mentions(text, document.published)
    ctx = _Context()
    ctx.country = "Iraq" if len(re.findall(r"\bIraq", text)) > len(re.findall(r"\bSyria", text)) else "Syria"
    for s, e in sentence_spans(text):
        _sentence(text, s, e, times, ctx)
    return [_identify(c, document) for c in _dedupe(ctx.claims)]


def _identify(claim: Claim, document: Document) -> Claim:
    """Give a claim its stable id: the document's hash, the span and the fields that tell claims apart."""
    key = "|".join(map(str, (document.content_hash or document.id, claim.span[0], claim.span[1],
                              claim.outcome, claim.victims, claim.source)))
    return dataclasses.replace(claim, id=hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16],
                               document_id=document.id)


def _event_times(times, s, e):
    return [t for t in times if s <= t.start and t.end <= e and t.value and t.kind in _DATE_KINDS_EVENT
            and not (t.start < 60 and t.kind == "explicit")]  # a dateline is not the event's date


def _sentence(text: str, s: int, e: int, times, ctx: _Context) -> None:
    sent = text[s:e]
    places = place_mentions(sent)
    if _NEW_EVENT.search(sent):
        ctx.event_date = None
        ctx.perpetrator = None
    sent_times = _event_times(times, s, e)
    if not CASUALTY_HINT.search(sent):
        _remember(ctx, sent, places, sent_times, None)
        return
    attrs = attributions(sent)
    toks = tokenize(sent, s)
    found: list[tuple[int, int, str, str, int | None, int | None, str, tuple[int, int]]] = []
    for raw in find_raw_claims(toks):
        cs, ce = toks[raw.first].start, toks[raw.last - 1].end
        vs = toks[raw.fig.last].start - s if raw.fig.last < len(toks) else ce - s
        ve = toks[raw.np_end - 1].end - s if raw.np_end > raw.fig.last else vs
        found.append((cs, ce, raw.outcome, raw.victims, raw.fig.low, raw.fig.high, raw.fig.qualifier, (vs, ve)))
    denial_sources = {}
    for ds, de, outcome, victims in find_denials(sent):
        found.append((s + ds, s + de, outcome, victims, 0, 0, "none", (0, 0)))
        denial_sources[s + ds] = subject_before(sent, ds)
    for cs, ce, outcome, victims, low, high, qual, vspan in found:
        rel = (cs - s, ce - s)
        scope = scope_of(sent, low, high)
        source = denial_sources.get(cs) or _source(attrs, rel, sent, ctx)
        place = best_place(places, rel[0])
        if place is None and scope == "incident":
            place = ctx.place
        elif place is None and _WAR.search(sent):
            place = ctx.country
        perp, named = perpetrator_for(sent, vspan, rel)
        if not named and scope == "incident":
            perp = ctx.perpetrator
        event_date = None
        if scope == "incident":
            near = sorted(sent_times, key=lambda t: abs(t.start - cs))
            event_date = near[0].value if near else ctx.event_date
        ctx.claims.append(Claim(
            outcome=outcome, victims=victims, low=low, high=high, qualifier=qual,
            text=text[cs:ce], source=source, place=place, event_date=event_date,
            perpetrator=perp, scope=scope, span=(cs, ce), sentence=sent, sentence_start=s,
        ))
        if scope == "incident":
            if place and places:
                ctx.place, ctx.place_rank = place, max(m[3] for m in places)
            ctx.perpetrator = perp or ctx.perpetrator
            ctx.event_date = event_date or ctx.event_date
        ctx.last_source = source
    _remember(ctx, sent, places, sent_times, attrs)


def _source(attrs, rel, sent, ctx: _Context) -> str:
    a = choose(attrs, *rel)
    if a is not None:
        if a.pronoun:
            return ctx.named_source or "reporter"
        return a.name
    if _CONTINUES.search(sent) and ctx.last_source:
        return ctx.last_source
    return "reporter"


def _remember(ctx: _Context, sent: str, places, sent_times, attrs) -> None:
    """Carry what this sentence named to later ones; ``attrs`` are its attributions if already computed."""
    named = known_sources(sent)
    if attrs is None:
        attrs = attributions(sent) if named or "said" in sent else []
    attrs = [a for a in attrs if not a.pronoun]
    if attrs:
        ctx.named_source = attrs[-1].name
    elif named:
        ctx.named_source = named[-1][2]
    if places and not ctx.claims:
        best = max(places, key=lambda m: m[3])
        if best[3] > ctx.place_rank:
            ctx.place, ctx.place_rank = best[2], best[3]
    if sent_times and not ctx.claims:
        ctx.event_date = sent_times[0].value


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """The same figure from the same source once; an unattributed repeat of an attributed figure once."""
    seen: set[tuple] = set()
    named = {(c.outcome, c.victims, c.low, c.high) for c in claims if c.source != "reporter"}
    out = []
    for c in claims:
        k = (c.outcome, c.victims, c.low, c.high)
        if c.source == "reporter" and k in named:
            continue
        if k + (c.source.lower(),) in seen:
            continue
        seen.add(k + (c.source.lower(),))
        out.append(c)
    return out
