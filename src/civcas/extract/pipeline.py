"""Document -> claims: runs the rules sentence by sentence and carries context between sentences."""
from __future__ import annotations

import logging
import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from ..records import Claim, Document
from .denials import find_denials
from .figures import find_raw_claims
from .lexicon import CASUALTY_HINT
from .perpetrators import acting_in, document_agent, mentions, perpetrator_for, refine_rebels
from .places import best_place, claim_zones, inside, is_named_place, kind_referred, kinds_named, listed_region, outside, place_mentions, two_regions, zoned_places
from .scope import clause_at, scope_of
from .sources import attributions, choose, known_sources, subject_before
from .timex import find_time_mentions
from .tokens import sentence_spans, tokenize

log = logging.getLogger(__name__)

_NEW_EVENT = re.compile(r"^\W*(?:this\s+is\s+while|earlier(?!,?\s+(?:on\s+)?(?:the\s+same\s+day|that\s+day|the\s+day|today|in\s+the\s+day|this\s+morning))|last\s+(?:week|month|year)|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|on\s+\w+\s+\d)", re.I)
_ELSEWHERE = re.compile(r"^\W*(?:separately|elsewhere|meanwhile,?\s+in|(?:in\s+)?an?\s+(?:separate|second|another)\s+(?:strike|attack|raid|bombing|air\s*strike|incident)|in\s+another\s+(?:attack|incident|strike|raid|development))\b", re.I)
_CONTINUES = re.compile(r"^\W*(?:another|of\s+(?:those|the\s+dead|them)|among\s+(?:them|the\s+dead)|they\s+included|the\s+dead\s+included|he\s+added|she\s+added|it\s+added)\b", re.I)
_WAR = re.compile(r"\b(?:war|conflict|uprising|revolution|crisis)\b(?!-)", re.I)  # not "war-torn"
_DAY_KINDS = {"weekday", "relative", "explicit", "overnight"}
_DATE_KINDS_EVENT = {"weekday", "relative", "explicit", "month", "overnight"}


@dataclass
class _Context:
    """What earlier sentences established: carried to claims that do not restate it."""

    place: str | None = None
    place_rank: int = -1
    region: str | None = None  # the last province or city named (rank 2)
    last_named: str | None = None  # the last place the previous sentence named (for "killed there")
    place_from_strike: bool = False  # ``place`` was named as the place hit, in a sentence with no toll
    kinds: dict[str, str] = field(default_factory=dict)  # the last place named of each kind ("quarter": "Akrameh")
    last_actor: str | None = None  # the one belligerent the previous sentence named as acting
    country: str = "Syria"
    perpetrator: str | None = None
    event_date: str | None = None
    named_source: str | None = None
    last_source: str | None = None
    claims: list[Claim] = field(default_factory=list)
    # per sentence: (start, first event date it names or None, opens a new event)
    sentences: list[tuple[int, str | None, bool]] = field(default_factory=list)
    province_only: set[int] = field(default_factory=set)  # claims placed only "in X province"
    region_only: set[int] = field(default_factory=set)  # claims placed only in a city or region
    no_place: set[int] = field(default_factory=set)  # claims over several places: none to look for
    # per sentence: (start, the one village or town it names, if any)
    # (named with its kind: "the village of X", "the X neighbourhood")
    sentence_places: list[tuple[int, str | None, bool]] = field(default_factory=list)


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
    claims = _agent_of_report(_specific_rebels(_place_from_later(_date_from_later(ctx), ctx), text), text)
    claims = _drop_headline_repeats(claims, document)
    return [_identify(c, document) for c in _dedupe(claims)]


# a belligerent reporting harm it caused: the speaker is the perpetrator when no one else is named
_SELF_REPORTING = {"US-led coalition": "US-led coalition", "Pentagon": "United States",
                   "Russian Defence Ministry": "Russia", "Syrian army": "Syrian government forces"}


# "air strikes on towns across the country": no one place (but "a monitor with sources across Syria" is no harm)
# a toll of the whole war: "the conflict has claimed", "killed in the war", "since the uprising began"
_WHOLE_WAR = re.compile(r"\b(?:the|this|syria'?s|iraq'?s|six-year|five-year|\w+-year)\s+(?:civil\s+|military\s+)?"
                        r"(?:war|conflict|uprising|crisis)\b", re.I)
def _war_total(sent: str, rel: tuple[int, int]) -> bool:
    """Whether the claim at ``rel`` is a toll of the whole war: "the conflict has claimed 470,000 lives",
    "killed in the war" (not "killed each day in Aleppo, one of the worst spells it has seen in the war")."""
    clause = clause_at(sent, rel[0])
    at = sent.find(clause)
    return any(at + m.start() < rel[1] + 40 for m in _WHOLE_WAR.finditer(clause))


_THE_ATTACK = re.compile(r"\b(?:in|by|during|after)\s+the\s+(?:attack|strike|air\s*strike|raid|bombing|shelling|blast|"
                         r"explosion|bombardment)\b", re.I)
_NATIONWIDE = re.compile(r"(?<!sources\s)(?<!network\s)(?<!activists\s)(?<!contacts\s)"
                         r"\b(?:across|around|throughout)\s+(?:the\s+country|syria|iraq)\b|\bnationwide\b", re.I)
# "in the south and northeast of the country": two parts of it, no one place
_TWO_PARTS = re.compile(r"\bin\s+the\s+(?:north|south|east|west|centre|center)\w*\s+and\s+(?:the\s+)?"
                        r"(?:north|south|east|west|centre|center)\w*\s+of\s+(?:the\s+country|syria|iraq)\b", re.I)
_COUNTRIES = {"Syria", "Iraq", "Turkey", "Lebanon", "Jordan", "Yemen", "Libya", "Afghanistan", "Israel", "Iran"}


def _place_from_later(claims: list[Claim], ctx: _Context) -> list[Claim]:
    """A lead toll placed only in the country (or nowhere) takes the village the next sentences name.

    "Air strikes killed 23 civilians in a village in northeastern Syria ... The strikes hit al-Qasr".
    """
    out = []
    dates: dict[int, set] = {}  # a sentence whose tolls are of another day tells of another incident
    figures: dict[int, set] = {}
    for c in claims:
        dates.setdefault(c.sentence_start, set()).add(c.event_date)
        figures.setdefault(c.sentence_start, set()).add((c.low, c.high))
    for i, c in enumerate(claims):
        if c.scope == "incident" and (c.place is None or c.place in _COUNTRIES or i in ctx.province_only
                                      or i in ctx.region_only) and i not in ctx.no_place:
            after = [x for x in ctx.sentence_places if x[0] > c.sentence_start
                     and not (c.event_date and dates.get(x[0], {c.event_date}) - {c.event_date, None})][:_PLACE_LOOKAHEAD]
            for start, name, typed in after:
                if i in ctx.region_only and start in figures and (c.low, c.high) not in figures[start]:
                    break  # a sentence with other tolls of its own keeps its place
                if name and not (i in ctx.province_only and outside(name, c.place)) \
                        and not (i in ctx.region_only and not inside(name, c.place)
                                 and not (typed and not outside(name, c.place))):
                    c = dataclasses.replace(c, place=name)
                    break
        out.append(c)
    return out


def _specific_rebels(claims: list[Claim], text: str) -> list[Claim]:
    """"rebels" becomes the one rebel group the report names as acting (see ``refine_rebels``)."""
    if not any(c.perpetrator == "rebels" for c in claims):
        return claims
    group = refine_rebels(text)
    if group is None:
        return claims
    return [dataclasses.replace(c, perpetrator=group) if c.perpetrator == "rebels" else c for c in claims]


def _agent_of_report(claims: list[Claim], text: str) -> list[Claim]:
    """Claims that name no perpetrator take the one the report blames (``document_agent``): incident
    claims, and totals of a campaign of attacks ("killed in the bombing campaign"), not of the whole war."""
    wanting = [c.perpetrator is None and not _fighting(c) and (
        c.scope == "incident" or _CAMPAIGN.search(clause_at(c.sentence, c.span[0] - c.sentence_start))
        and not _WHOLE_WAR.search(c.sentence) and (c.low or 0) < 50000) for c in claims]
    if not any(wanting):
        return claims
    agent = document_agent(text)
    if agent is None:
        return claims
    return [dataclasses.replace(c, perpetrator=agent) if want and not _own_side(c, agent) else c
            for c, want in zip(claims, wanting)]


_STRUCK = re.compile(r"\b(?:hit|struck|targeted|targeting|shelled|shelling|bombed|bombing|pounded|pounding|raided|stormed|"
                     r"attacked|attacking|hitting|striking)\b"
                     r"|\b(?:strikes?|raids?|attacks?|bombardment)\s+(?:on|near|in|at|against)\s+[A-Z]", re.I)
_THERE = re.compile(r"\b(?:killed|died|dead|wounded|injured|lost\s+their\s+lives)\s+there\b", re.I)
_AMONG = re.compile(r"\bamong\s+(?:those|the\s+(?:dead|victims|killed))\b", re.I)
_INCIDENT_IN = re.compile(r"\W*(?:the|this)\s+(?:incident|attack|strike|air\s*strike|raid|blast|explosion|bombing|"
                          r"massacre|shelling)\s+(?:\w+\s+)?(?:in|at|on|near)\s+", re.I)
# "killed in clashes": harm done in fighting between sides, which no side alone is said to have done
_FIGHTING = re.compile(r"\b(?:in|during|amid)\s+(?:the\s+)?(?:\w+\s+)?(?:clashes|fighting|battles|skirmishes)\b", re.I)


def _fighting(claim: Claim) -> bool:
    return bool(_FIGHTING.search(claim.sentence))


_CAMPAIGN = re.compile(r"\b(?:bombing|air|strikes?|raids?|shelling|bombardment|campaign|airstrikes?)\b", re.I)


def _own_side(claim: Claim, agent: str) -> bool:
    """Whether the claim's victims belong to ``agent`` ("45 Islamic State militants"): not its perpetrator."""
    return any(name == agent for _s, _e, name in mentions(claim.text))


def _drop_headline_repeats(claims: list[Claim], document: Document) -> list[Claim]:
    """Claims in the headline repeated at the top of the body, when the body states the figure again.

    GUIDE: headline text is not annotated when the same claim is in the body
    ("21 Civilians Killed in ..." over "killed at least 21 civilians").
    """
    title = " ".join(document.title.split())
    if len(title) < 12:
        return claims
    head = document.text[:len(title) + 80]
    at = " ".join(head.split()).find(title)
    if at < 0:
        return claims
    # map the whitespace-normalised offset back: find the title's first word at or after ``at``
    start = document.text.find(title.split()[0], max(0, at - 5))
    end = start + len(title) + 10
    inside = [c for c in claims if start <= c.span[0] and c.span[1] <= end]
    rest = [c for c in claims if c not in inside]

    def restated(c: Claim) -> bool:
        values = {c.low, c.high} - {None}
        return any(o.outcome == c.outcome and o.victims == c.victims and values & ({o.low, o.high} - {None})
                   for o in rest)

    return [c for c in claims if c not in inside or not restated(c)]


_LOOKAHEAD = 3  # sentences after an undated claim searched for the event's date
_PLACE_LOOKAHEAD = 5  # sentences after a toll placed only in a region or country searched for its village


def _date_from_later(ctx: _Context) -> list[Claim]:
    """Undated incident claims take the event date the next few sentences give ("... late Thursday").

    Wire copy often leads with the toll and dates the attack a sentence or two
    later; the search stops at a sentence that opens another event.
    """
    out = []
    totals = {c.sentence_start for c in ctx.claims if c.scope == "cumulative"}  # dates there bound a period
    for c in ctx.claims:
        if c.event_date is None and c.scope == "incident":
            after = [x for x in ctx.sentences if x[0] > c.sentence_start][:_LOOKAHEAD]
            for start, value, new_event in after:
                if new_event:
                    break
                if value and start not in totals:
                    c = dataclasses.replace(c, event_date=value)
                    break
        out.append(c)
    return out


def _identify(claim: Claim, document: Document) -> Claim:
    """Give a claim its stable id: the document's hash, the span and the fields that tell claims apart."""
    key = "|".join(map(str, (document.content_hash or document.id, claim.span[0], claim.span[1],
                              claim.outcome, claim.victims, claim.source)))
    return dataclasses.replace(claim, id=hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16],
                               document_id=document.id)


def _event_times(times, s, e, text=""):
    return [t for t in times if s <= t.start and t.end <= e and t.value
            and (t.kind in _DATE_KINDS_EVENT or (t.kind == "period" and _short(t.value)))
            and not (t.start < 60 and t.kind == "explicit")  # a dateline is not the event's date
            and not _reporting_time(text, s, e, t) and not _CAPTION_CREDIT.match(text, t.end)]


# "... Syria August 6 2016 (TRT World and Agencies)": the date of a photo in its caption
_CAPTION_CREDIT = re.compile(r"\s*\((?:[^()]{0,40}\b(?:Agencies|AFP|Reuters|AP|Photo|Getty|EPA|Anadolu)\b[^()]{0,20})\)")


def _short(value: str) -> bool:
    """An interval of at most three days ("over the past 24 hours") can date one incident."""
    a, _, b = value.partition("/")
    try:
        return bool(b) and (date.fromisoformat(b) - date.fromisoformat(a)).days <= 3
    except ValueError:
        return False


# "said Monday", "told SANA on Thursday", "said in a statement on Friday": the day of the telling
_SAID_BEFORE = re.compile(
    r"\b(?i:said|says|told|reported|stated|announced|added|confirmed|claimed|tweeted|wrote|reports)"
    r"(?:\s+(?:[A-Z][\w'.-]*|in|a|an|the|to|its|their|statement|reporters|journalists|agency|news|"
    r"conference|interview|television|TV|radio)){0,4}?\s+(?:on\s+|late\s+|early\s+)?$")
# "On Tuesday, the opposition stated that ...": a leading day followed by the telling
_SAID_AFTER = re.compile(
    r"^\W*(?:[\w'.-]+\s+){0,5}?(?:said|says|stated|announced|reported|told|claimed)\b(?:\s+\w+){0,2}?\s+that\b", re.I)


def _reporting_time(text: str, s: int, e: int, t) -> bool:
    """Whether time mention ``t`` dates a statement rather than the harm."""
    if not text or t.kind == "overnight":
        return False
    if _SAID_BEFORE.search(text[max(s, t.start - 60):t.start]):
        return True
    head = text[s:t.start]
    return bool(re.fullmatch(r"\W*(?:on\s+)?", head, re.I)) and bool(_SAID_AFTER.match(text[t.end:e]))


def _sentence(text: str, s: int, e: int, times, ctx: _Context) -> None:
    sent = text[s:e]
    places = place_mentions(sent)
    new_event = bool(_NEW_EVENT.search(sent))
    if new_event:
        ctx.event_date = None
        ctx.perpetrator = None
        ctx.place, ctx.place_rank, ctx.place_from_strike = None, -1, False  # another day, another place
    elsewhere = bool(_ELSEWHERE.search(sent))
    if elsewhere:  # "Elsewhere, ...": another place (a round-up often keeps the day)
        ctx.place, ctx.place_rank, ctx.place_from_strike = None, -1, False
    sent_times = _event_times(times, s, e, text)
    ctx.region = next((m[2] for m in reversed(places) if m[3] == 2), ctx.region)
    ctx.kinds.update(kinds_named(sent, places))
    there, ctx.last_named = ctx.last_named, next((m[2] for m in reversed(places) if m[3] >= 2), None)
    villages = {m[2] for m in places if m[3] >= 4} or {m[2] for m in places if m[3] == 3}  # or the city
    if len(villages) > 1 and all(m[3] == 3 for m in places if m[2] in villages):
        villages = {v for v in villages if is_named_place(v)}  # "the Buqan region near Hajin": Hajin
    if any(re.match(r"\s*(?:,\s*|\s+and\s+)[A-Z]", sent[m[1]:]) for m in places if m[3] >= 3):
        villages = set()  # "in Talbiseh, Zaafaraniyeh and Rastan": several places, no one village
    village = None if new_event or elsewhere or len(villages) != 1 else villages.pop()
    ctx.sentence_places.append((s, village, any(m[2] == village and m[3] >= 5 for m in places)))
    days = [t for t in sent_times if t.kind in _DAY_KINDS or t.kind == "period"]  # not "in July"
    if places and ctx.sentences and _INCIDENT_IN.match(sent):  # "... killed hundreds." "The incident in X ..."
        before = ctx.sentences[-1][0]
        where = best_place([m for m in places if m[0] < 80], 0)
        if where:
            ctx.claims = [dataclasses.replace(c, place=where) if c.sentence_start == before and c.scope == "incident"
                          else c for c in ctx.claims]
    ctx.sentences.append((s, days[0].value if days else None, new_event))
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
    zoned = zoned_places(claim_zones([(cs - s, ce - s) for cs, ce, *_ in found], sent), places)
    for cs, ce, outcome, victims, low, high, qual, vspan in found:
        rel = (cs - s, ce - s)
        own = zoned[rel] if zoned else places
        scope = scope_of(sent, low, high, rel[0])
        source = denial_sources.get(cs) or _source(attrs, rel, sent, ctx)
        place = best_place(own, rel[0])
        rank = max((m[3] for m in places if m[2] == place), default=-1)
        region = listed_region(own, sent)
        if region is not None and scope == "incident":  # several places listed: the region holding them
            place, rank = region or ctx.region or place, 2
        province = rank == 2 and any(m[2] == place and re.match(r"\s+(?:province|governorate)\b", sent[m[1]:])
                                     for m in places)
        if place is not None and scope == "incident" and ctx.place and rank <= 1 < ctx.place_rank \
                and not outside(ctx.place, place):
            place = ctx.place  # "in Syria" after "the village of Hass": the village, more specific
        elif place is not None and scope == "incident" and ctx.place and rank == 2 and ctx.place_rank >= 4 \
                and ctx.place_from_strike and not outside(ctx.place, place):
            place = ctx.place  # "shelling hit Aleppo's Sheikh Maqsoud district." "23 were killed in Aleppo"
        elif province and scope == "incident":
            ctx.province_only.add(len(ctx.claims))  # a village named next may be more specific
        elif rank == 2 and scope == "incident":
            ctx.region_only.add(len(ctx.claims))  # "in Idlib": a village of Idlib named next is more specific
        no_one_place = (rank <= 1 and len({m[2] for m in places if m[3] <= 1}) > 1
                        or bool(_NATIONWIDE.search(sent)) or two_regions(places, sent)
                        or len({m[2] for m in places if m[3] == 2}) >= 3  # "one in Aleppo, one in Hama, one in Daraa"
                        or any(rel[0] <= m.start() < rel[1] + 60 for m in _TWO_PARTS.finditer(sent)))
        if no_one_place:
            place = None  # "in Syria and Iraq", "across the country", "in Aleppo and Quneitra": no one place
            ctx.no_place.add(len(ctx.claims))
        elif place is None and there and _THERE.search(sent):
            place = there  # "with Aleppo the biggest battlefield. Hundreds have been killed there"
        elif place is None and kind_referred(sent) in ctx.kinds:
            place = ctx.kinds[kind_referred(sent)]  # "The district was hit before", "the campaign on the city"
        elif place is None and (scope == "incident" or _AMONG.search(sent)):
            place = ctx.place  # "76 children were among those killed": the toll before
        elif scope == "cumulative" and _war_total(sent, rel) and rank <= 4:
            place = ctx.country  # "the conflict has claimed 470,000 lives": the country's war
        elif place is None and (_WAR.search(sent) or scope == "cumulative" and (low or 0) >= 50000):
            place = ctx.country  # "More than 200,000 people have been killed since then": the war's toll
        perp, named = perpetrator_for(sent, vspan, rel)
        if not named and ctx.last_actor and _THE_ATTACK.search(sent):
            perp, named = ctx.last_actor, True  # "A regime warplane struck a market." "36 were killed in the attack"
        if named and victims in ("combatants", "security_forces") and any(n == perp for _s, _e, n in mentions(text[cs:ce])):
            perp, named = None, False  # "killing ... a number of terrorists": the victims' side did not do it
        if not named and source in _SELF_REPORTING and qual != "none":
            perp, named = _SELF_REPORTING[source], True  # "the coalition has reported 1,417 civilian casualties"
        if not named and scope == "incident" and ctx.perpetrator and not _FIGHTING.search(sent) and not any(
                n == ctx.perpetrator for _s, _e, n in mentions(text[cs:ce])):  # not the victims' own side
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
        if place and places and (scope == "incident" or rank >= 2 and place not in _COUNTRIES):
            ctx.place, ctx.place_rank = place, max(m[3] for m in places)  # "287 were killed in the fight for Hasakeh"
            ctx.place_from_strike = False
        if scope == "incident":
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
    no_tolls = attrs is None  # a sentence with no casualty words
    ctx.last_actor = acting_in(sent)  # for "... killed in the attack" in the next sentence
    named = known_sources(sent)
    if attrs is None:
        attrs = attributions(sent) if named or "said" in sent else []
    attrs = [a for a in attrs if not a.pronoun]
    if attrs:
        ctx.named_source = attrs[-1].name
    elif any(n[2][:1].isupper() for n in named):  # an organisation named in passing, not "the locals"
        ctx.named_source = [n for n in named if n[2][:1].isupper()][-1][2]
    if places and not (max(m[3] for m in places) <= 1 and len({m[2] for m in places}) > 1):  # not "in Iraq and Syria"
        best = max(places, key=lambda m: (m[3], is_named_place(m[2])))  # of two areas, the one the gazetteer knows
        # before any claim, or refining a bare country ("in northwestern Syria" -> "in Maarat al-Numan")
        if best[3] > ctx.place_rank and (not ctx.claims or ctx.place_rank <= 1):
            ctx.place, ctx.place_rank = best[2], best[3]
            ctx.place_from_strike = best[3] >= 4 and bool(_STRUCK.search(sent))
        elif best[3] > ctx.place_rank and ctx.place and _STRUCK.search(sent) \
                and (best[3] >= 4 and not outside(best[2], ctx.place) or best[3] == 3 and inside(best[2], ctx.place)) \
                or best[3] >= 5 and ctx.place and ctx.place_rank == 2 and no_tolls and not outside(best[2], ctx.place):
            ctx.place, ctx.place_rank = best[2], best[3]  # "in Idlib province" ... "The strikes hit the village of Hass"
            ctx.place_from_strike = True
    if sent_times and not ctx.claims:
        ctx.event_date = sent_times[0].value


_VAGUE_WORD = re.compile(r"\b(dozens|hundreds|thousands|tens|scores|several|many|numerous|a\s+number|a\s+few|some|"
                         r"large\s+number|high\s+number|a\s+lot)\b", re.I)


def _vague_word(text: str) -> str:
    m = _VAGUE_WORD.search(text)
    return m.group(1).lower() if m else ""


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """The same figure from the same source once; an unattributed repeat of an attributed figure once."""
    seen: set[tuple] = set()
    named = {(c.outcome, c.victims, c.low, c.high) + ((_vague_word(c.text),) if c.low is None and c.high is None else ())
             for c in claims if c.source != "reporter"}
    out = []
    for c in claims:
        k = (c.outcome, c.victims, c.low, c.high)
        if c.low is None and c.high is None:  # "dozens" and "hundreds" are not one figure
            k += (_vague_word(c.text),)
        if c.source == "reporter" and k in named:
            continue
        if k + (c.source.lower(),) in seen:
            continue
        seen.add(k + (c.source.lower(),))
        out.append(c)
    return out
