"""Document -> claims: runs the rules sentence by sentence and carries context between sentences."""
from __future__ import annotations

import dataclasses
import logging
import re
from datetime import date

from ..records import Claim, Document
from .denials import find_denials
from .discourse import COUNTRIES, FIGHTING, WHOLE_WAR, Context
from .figures import find_raw_claims
from .known import inside, is_named_place, outside
from .lexicon import CASUALTY_HINT
from .passes import agent_of_report, date_from_later, dedupe, drop_headline_repeats, identify, place_from_later, \
    specific_rebels
from .perpetrators import acting_in, mentions, perpetrator_for
from .placerefs import claim_zones, kind_referred, kinds_named, zoned_places
from .places import best_place, listed_region, place_mentions, two_regions
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


def extract(document: Document) -> list[Claim]:
    """Every casualty claim in a document, with offsets into ``document.text``."""
    text = document.text
    if not text or not CASUALTY_HINT.search(text):
        return []
    times = find_time_mentions(text, document.published)
    ctx = Context()
    ctx.country = "Iraq" if len(re.findall(r"\bIraq", text)) > len(re.findall(r"\bSyria", text)) else "Syria"
    for s, e in sentence_spans(text):
        _sentence(text, s, e, times, ctx)
    claims = agent_of_report(specific_rebels(place_from_later(date_from_later(ctx), ctx), text), text)
    claims = drop_headline_repeats(claims, document)
    return [identify(c, document) for c in dedupe(claims)]


# a belligerent reporting harm it caused: the speaker is the perpetrator when no one else is named
_SELF_REPORTING = {"US-led coalition": "US-led coalition", "Pentagon": "United States",
                   "Russian Defence Ministry": "Russia", "Syrian army": "Syrian government forces"}


def _war_total(sent: str, rel: tuple[int, int]) -> bool:
    """Whether the claim at ``rel`` is a toll of the whole war: "the conflict has claimed 470,000 lives",
    "killed in the war" (not "killed each day in Aleppo, one of the worst spells it has seen in the war")."""
    clause = clause_at(sent, rel[0])
    at = sent.find(clause)
    return any(at + m.start() < rel[1] + 40 for m in WHOLE_WAR.finditer(clause))


_THE_ATTACK = re.compile(r"\b(?:in|by|during|after)\s+the\s+(?:attack|strike|air\s*strike|raid|bombing|shelling|blast|"
                         r"explosion|bombardment)\b", re.I)
# "air strikes on towns across the country": no one place (but "a monitor with sources across Syria" is no harm)
_NATIONWIDE = re.compile(r"(?<!sources\s)(?<!network\s)(?<!activists\s)(?<!contacts\s)"
                         r"\b(?:across|around|throughout)\s+(?:the\s+country|syria|iraq)\b|\bnationwide\b", re.I)
# "in the south and northeast of the country": two parts of it, no one place
_TWO_PARTS = re.compile(r"\bin\s+the\s+(?:north|south|east|west|centre|center)\w*\s+and\s+(?:the\s+)?"
                        r"(?:north|south|east|west|centre|center)\w*\s+of\s+(?:the\s+country|syria|iraq)\b", re.I)


_STRUCK = re.compile(r"\b(?:hit|struck|targeted|targeting|shelled|shelling|bombed|bombing|pounded|pounding|raided|stormed|"
                     r"attacked|attacking|hitting|striking)\b"
                     r"|\b(?:strikes?|raids?|attacks?|bombardment)\s+(?:on|near|in|at|against)\s+[A-Z]", re.I)
_THERE = re.compile(r"\b(?:killed|died|dead|wounded|injured|lost\s+their\s+lives)\s+there\b", re.I)
_AMONG = re.compile(r"\bamong\s+(?:those|the\s+(?:dead|victims|killed))\b", re.I)
_INCIDENT_IN = re.compile(r"\W*(?:the|this)\s+(?:incident|attack|strike|air\s*strike|raid|blast|explosion|bombing|"
                          r"massacre|shelling)\s+(?:\w+\s+)?(?:in|at|on|near)\s+", re.I)


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


def _sentence(text: str, s: int, e: int, times, ctx: Context) -> None:
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
        elif place is None and (kind := kind_referred(sent)) in ctx.kinds:
            place = ctx.kinds[kind]  # "The district was hit before", "the campaign on the city"
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
        if not named and scope == "incident" and ctx.perpetrator and not FIGHTING.search(sent) and not any(
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
        if place and places and (scope == "incident" or rank >= 2 and place not in COUNTRIES):
            ctx.place, ctx.place_rank = place, max(m[3] for m in places)  # "287 were killed in the fight for Hasakeh"
            ctx.place_from_strike = False
        if scope == "incident":
            ctx.perpetrator = perp or ctx.perpetrator
            ctx.event_date = event_date or ctx.event_date
        ctx.last_source = source
    _remember(ctx, sent, places, sent_times, attrs)


def _source(attrs, rel, sent, ctx: Context) -> str:
    a = choose(attrs, *rel)
    if a is not None:
        if a.pronoun:
            return ctx.named_source or "reporter"
        return a.name
    if _CONTINUES.search(sent) and ctx.last_source:
        return ctx.last_source
    return "reporter"


def _remember(ctx: Context, sent: str, places, sent_times, attrs) -> None:
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


