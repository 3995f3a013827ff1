"""Passes over a document's claims once every sentence is read: places and dates named later, the
report's perpetrator, headline repeats, duplicates, and stable ids."""
from __future__ import annotations

import dataclasses
import hashlib
import re

from ..records import Claim, Document
from .discourse import CAMPAIGN, COUNTRIES, LOOKAHEAD, PLACE_LOOKAHEAD, WHOLE_WAR, Context, fighting
from .known import inside, outside
from .perpetrators import document_agent, mentions, refine_rebels
from .scope import clause_at

def place_from_later(claims: list[Claim], ctx: Context) -> list[Claim]:
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
        if c.scope == "incident" and (c.place is None or c.place in COUNTRIES or i in ctx.province_only
                                      or i in ctx.region_only) and i not in ctx.no_place:
            after = [x for x in ctx.sentence_places if x[0] > c.sentence_start
                     and not (c.event_date and dates.get(x[0], {c.event_date}) - {c.event_date, None})][:PLACE_LOOKAHEAD]
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


def specific_rebels(claims: list[Claim], text: str) -> list[Claim]:
    """"rebels" becomes the one rebel group the report names as acting (see ``refine_rebels``)."""
    if not any(c.perpetrator == "rebels" for c in claims):
        return claims
    group = refine_rebels(text)
    if group is None:
        return claims
    return [dataclasses.replace(c, perpetrator=group) if c.perpetrator == "rebels" else c for c in claims]


def agent_of_report(claims: list[Claim], text: str) -> list[Claim]:
    """Claims that name no perpetrator take the one the report blames (``document_agent``): incident
    claims, and totals of a campaign of attacks ("killed in the bombing campaign"), not of the whole war."""
    wanting = [c.perpetrator is None and not fighting(c) and (
        c.scope == "incident" or CAMPAIGN.search(clause_at(c.sentence, c.span[0] - c.sentence_start))
        and not WHOLE_WAR.search(c.sentence) and (c.low or 0) < 50000) for c in claims]
    if not any(wanting):
        return claims
    agent = document_agent(text)
    if agent is None:
        return claims
    return [dataclasses.replace(c, perpetrator=agent) if want and not _own_side(c, agent) else c
            for c, want in zip(claims, wanting)]


def _own_side(claim: Claim, agent: str) -> bool:
    """Whether the claim's victims belong to ``agent`` ("45 Islamic State militants"): not its perpetrator."""
    return any(name == agent for _s, _e, name in mentions(claim.text))


def drop_headline_repeats(claims: list[Claim], document: Document) -> list[Claim]:
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


def date_from_later(ctx: Context) -> list[Claim]:
    """Undated incident claims take the event date the next few sentences give ("... late Thursday").

    Wire copy often leads with the toll and dates the attack a sentence or two
    later; the search stops at a sentence that opens another event.
    """
    out = []
    totals = {c.sentence_start for c in ctx.claims if c.scope == "cumulative"}  # dates there bound a period
    for c in ctx.claims:
        if c.event_date is None and c.scope == "incident":
            after = [x for x in ctx.sentences if x[0] > c.sentence_start][:LOOKAHEAD]
            for start, value, new_event in after:
                if new_event:
                    break
                if value and start not in totals:
                    c = dataclasses.replace(c, event_date=value)
                    break
        out.append(c)
    return out


def identify(claim: Claim, document: Document) -> Claim:
    """Give a claim its stable id: the document's hash, the span and the fields that tell claims apart."""
    key = "|".join(map(str, (document.content_hash or document.id, claim.span[0], claim.span[1],
                              claim.outcome, claim.victims, claim.source)))
    return dataclasses.replace(claim, id=hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16],
                               document_id=document.id)


_VAGUE_WORD = re.compile(r"\b(dozens|hundreds|thousands|tens|scores|several|many|numerous|a\s+number|a\s+few|some|"
                         r"large\s+number|high\s+number|a\s+lot)\b", re.I)


def _vague_word(text: str) -> str:
    m = _VAGUE_WORD.search(text)
    return m.group(1).lower() if m else ""


def dedupe(claims: list[Claim]) -> list[Claim]:
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
