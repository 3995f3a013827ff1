"""One report read once: its country, sentences, and what each sentence names (places, times,
actors, speakers), before any claim's attributes are chosen."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..records import Document
from ..vocab import vocabulary
from .actors import ActorMention, actor_mentions
from .attribution import Attribution, attributions
from .lexicon import CASUALTY_HINT
from .places import place_mentions
from .timex import TimeMention, find_time_mentions
from .tokens import sentence_spans

# a sentence that opens another event: another day, another place
NEW_EVENT = re.compile(r"^\W*(?:this\s+is\s+while|earlier(?!,?\s+(?:on\s+)?(?:the\s+same\s+day|that\s+day|the\s+day|today|"
                       r"in\s+the\s+day|this\s+morning))|last\s+(?:week|month|year)|in\s+(?:january|february|march|"
                       r"april|may|june|july|august|september|october|november|december)|on\s+\w+\s+\d)", re.I)
ELSEWHERE = re.compile(r"^\W*(?:separately|elsewhere|meanwhile,?\s+in|(?:in\s+)?an?\s+(?:separate|second|another)\s+"
                       r"(?:strike|attack|raid|bombing|air\s*strike|incident)|in\s+another\s+(?:attack|incident|strike|"
                       r"raid|development)|in\s+a\s+separate\s+\w+)\b", re.I)
CONTINUES = re.compile(r"^\W*(?:another|of\s+(?:those|the\s+dead|them)|among\s+(?:them|the\s+dead)|they\s+included|"
                       r"the\s+dead\s+included|the\s+victims\s+included|he\s+added|she\s+added|it\s+added|"
                       r"the\s+(?:dead|victims|wounded|injured)\b|most\s+of\s+(?:them|the)|all\s+of\s+them)\b", re.I)
_EVENT_KINDS = {"weekday", "relative", "explicit", "month", "overnight"}
# "... Syria August 6 2016 (TRT World and Agencies)": the date of a photo in its caption
_CAPTION_CREDIT = re.compile(r"\s*\((?:[^()]{0,40}\b(?:Agencies|AFP|Reuters|AP|Photo|Getty|EPA|Anadolu)\b[^()]{0,20})\)")
# "said Monday", "told SANA on Thursday", "said in a statement on Friday": the day of the telling
_SAID_BEFORE = re.compile(
    r"\b(?i:said|says|told|reported|stated|announced|added|confirmed|claimed|tweeted|wrote|reports)"
    r"(?:\s+(?:[A-Z][\w'.-]*|in|a|an|the|to|its|their|statement|reporters|journalists|agency|news|"
    r"conference|interview|television|TV|radio)){0,4}?\s+(?:on\s+|late\s+|early\s+)?$")
# "On Tuesday, the opposition stated that ...": a leading day followed by the telling
_SAID_AFTER = re.compile(
    r"^\W*(?:[\w'.-]+\s+){0,5}?(?:said|says|stated|announced|reported|told|claimed)\b(?:\s+\w+){0,2}?\s+that\b", re.I)


@dataclass
class Sentence:
    """A sentence and what it names; offsets of places, actors and attributions are within it."""

    index: int
    start: int
    end: int
    text: str
    places: list[tuple[int, int, str, int]] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)  # that can date harm (offsets in the report)
    actors: list[ActorMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    casualty: bool = False
    new_event: bool = False
    elsewhere: bool = False
    continues: bool = False
    paragraph: int = 0


@dataclass
class Report:
    """A document read once (see module doc)."""

    document: Document
    text: str
    title: str
    published: date | None
    country: str | None
    sentences: list[Sentence]
    title_end: int = 0  # the headline repeated at the top of the body ends here (0: not repeated)

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


def _short(value: str) -> bool:
    """An interval of at most three days ("over the past 24 hours") can date one incident."""
    a, _, b = value.partition("/")
    try:
        return bool(b) and (date.fromisoformat(b) - date.fromisoformat(a)).days <= 3
    except ValueError:
        return False


def _reporting_time(text: str, s: int, e: int, t: TimeMention) -> bool:
    """Whether time mention ``t`` dates a statement rather than the harm."""
    if t.kind == "overnight":
        return False
    if _SAID_BEFORE.search(text[max(s, t.start - 60):t.start]):
        return True
    head = text[s:t.start]
    return bool(re.fullmatch(r"\W*(?:on\s+)?", head, re.I)) and bool(_SAID_AFTER.match(text[t.end:e]))


def event_times(times: list[TimeMention], text: str, s: int, e: int) -> list[TimeMention]:
    """The time mentions of sentence [s, e) that can date harm: not the telling, a dateline or a caption."""
    return [t for t in times if s <= t.start and t.end <= e and t.value
            and (t.kind in _EVENT_KINDS or (t.kind == "period" and _short(t.value)))
            and not (t.start < 60 and t.kind == "explicit")
            and not _reporting_time(text, s, e, t) and not _CAPTION_CREDIT.match(text, t.end)]


def read_report(document: Document) -> Report:
    """Read ``document`` once: country, sentences, and what each names."""
    text = document.text
    v = vocabulary()
    country = v.main_country(text, document.title)
    times = find_time_mentions(text, document.published)
    sentences = []
    paragraph = 0
    previous_end = 0
    for i, (s, e) in enumerate(sentence_spans(text)):
        if "\n\n" in text[previous_end:s] or "\n" in text[previous_end:s] and i:
            paragraph += 1
        previous_end = e
        sent = text[s:e]
        casualty = bool(CASUALTY_HINT.search(sent))
        sentence = Sentence(
            index=i, start=s, end=e, text=sent, places=place_mentions(sent), times=event_times(times, text, s, e),
            actors=actor_mentions(sent, country),
            attributions=attributions(sent, country) if casualty or "said" in sent or "according" in sent else [],
            casualty=casualty, new_event=bool(NEW_EVENT.search(sent)), elsewhere=bool(ELSEWHERE.search(sent)),
            continues=bool(CONTINUES.search(sent)), paragraph=paragraph)
        sentences.append(sentence)
    return Report(document, text, document.title, document.published, country, sentences,
                  title_end=_title_end(document))


def _title_end(document: Document) -> int:
    """Where the headline repeated at the top of the body ends (0 when the body does not repeat it)."""
    title = " ".join(document.title.split())
    if len(title) < 12:
        return 0
    head = " ".join(document.text[:len(title) + 80].split())
    at = head.find(title)
    if at < 0:
        return 0
    start = document.text.find(title.split()[0], max(0, at - 5))
    return start + len(title) + 10 if start >= 0 else 0
