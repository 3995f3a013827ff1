"""One report read once: its country, sentences, and what each sentence names (places, times,
actors, speakers), before any claim's attributes are chosen."""
from __future__ import annotations

import re
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date

from ..geo import on_reload
from ..records import Document
from ..vocab import vocabulary
from .actors import ActorMention
from .attribution import Attribution
from .known import countries_of, level_of
from .language import Reader, reader_for
from .quick import by_first_char
from .timex import TimeMention
from .tokens import ends_caption


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
    _cues: dict = field(default_factory=dict, repr=False)

    def has(self, cues, name: str) -> bool:
        """Whether the cue ``name`` of ``cues`` (:class:`~civcas.extract.language.Cues`) occurs in the
        sentence (asked once per sentence)."""
        hit = self._cues.get(name)
        if hit is None:
            needles = cues.needles.get(name)
            hit = None
            if needles:
                low = self.lower
                for n in needles:
                    if n in low:
                        break
                else:
                    hit = False  # none of the words its every match holds
            if hit is None:
                hit = bool(getattr(cues, name).search(self.text))
            self._cues[name] = hit
        return hit

    @property
    def lower(self) -> str:
        low = self._cues.get("")
        if low is None:
            low = self._cues[""] = self.text.lower()
        return low


@dataclass
class Report:
    """A document read once (see module doc)."""

    document: Document
    text: str
    title: str
    published: date | None
    country: str | None
    sentences: list[Sentence]
    reader: Reader
    title_end: int = 0  # the headline repeated at the top of the body ends here (0: not repeated)
    title_places: list[tuple[int, int, str, int]] = field(default_factory=list)
    credit: str | None = None  # the source a page's credit line names ("(Source: X)"): who speaks where no one is named
    _anywhere: dict[str, bool] = field(default_factory=dict, repr=False)

    def anywhere(self, cues, name: str) -> bool:
        """Whether the cue ``name`` occurs in any sentence of the report (asked once per report)."""
        hit = self._anywhere.get(name)
        if hit is None:
            hit = self._anywhere[name] = any(s.has(cues, name) for s in self.sentences)
        return hit

    @property
    def language(self) -> str:
        return self.reader.code

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


def read_report(document: Document) -> Report:
    """Read ``document`` once: language, country, sentences, and what each names."""
    text = document.text
    reader = reader_for(text)
    v = vocabulary()
    spans = reader.sentences(text)
    weights = v.report_weights(text, document.title, [text[s:e] for s, e in spans])
    country = v.main_country(text, weights=weights) or v.main_country(
        text, weights=weights + _country_of_places(reader, text))
    times = reader.times(text, document.published)
    titled = list(_TITLED.finditer(text))  # found once: the names, and where each sentence has one
    people = person_names(text, titled)
    sentences = []
    paragraph = 0
    previous_end = 0
    for i, (s, e) in enumerate(spans):
        if "\n" in text[previous_end:s] and i:
            paragraph += 1
        previous_end = e
        sent = text[s:e]
        places, actors, attributions, casualty, (new_event, elsewhere, continues) = _read_sentence(reader, sent, country)
        new_event = new_event or (i > 0 and ends_caption(sentences[-1].text))  # the story after a photo's caption
        sentences.append(Sentence(
            index=i, start=s, end=e, text=sent, places=_no_people(places, s, e, titled, people),
            times=reader.event_times(times, text, s, e), actors=list(actors),
            attributions=list(attributions), casualty=casualty,
            new_event=new_event, elsewhere=elsewhere, continues=continues, paragraph=paragraph))
    return Report(document, text, document.title, document.published, country, sentences, reader,
                  title_end=_title_end(document),
                  title_places=reader.places(document.title, country) if document.title else [],
                  credit=_credit(reader, text, country))


# what a sentence names, by reader, sentence and country (see _read_sentence); oldest first (an OrderedDict:
# a plain dict's oldest key is found by walking past every key deleted before it)
_READ: OrderedDict[tuple, tuple] = OrderedDict()
_READ_MAX = 4096


def _read_sentence(reader: Reader, sent: str, country: str | None) -> tuple:
    """(places, actors, attributions, casualty hint, flags) of a sentence in a report about ``country``:
    what depends on the sentence alone, read once for every report that has it (datelines, credits and
    boilerplate recur from report to report)."""
    key = (id(vocabulary()), reader.code, sent, country)
    hit = _READ.get(key)
    if hit is None:
        hit = (tuple(reader.places(sent, country)), tuple(reader.actors(sent, country)),
               tuple(reader.attributions(sent, country)), reader.casualty_hint(sent), reader.flags(sent))
        if len(_READ) >= _READ_MAX:
            _READ.popitem(last=False)  # the oldest goes
        _READ[key] = hit
    return hit


on_reload(_READ.clear)  # places depend on the gazetteer


def _credit(reader: Reader, text: str, country: str | None) -> str | None:
    """The one source a page's credit line names ("(Source: X Media Office)"), as the vocabulary
    names it; None without a credit line, or when it names several or no known source."""
    names = {m.group(1).strip() for m in reader.cues.credit.finditer(text)}
    known = {hit.label for name in names for hit in vocabulary().source_mentions(name, country)[:1]}
    if len(names) != 1 or len(known) != 1:
        return None
    return known.pop()


# a person's name after a title: "President Barack Obama", "Secretary of State John Kerry", "Mr. Putin"
_TITLES = (r"President", r"Prime\s+Minister", r"Governor", r"Gov\.", r"Mayor", r"Prosecutor", r"Minister",
           r"Secretary(?:\s+of\s+State)?", r"Senator", r"Sen\.", r"Rep\.", r"Chancellor", r"King", r"Queen", r"Prince",
           r"Pope", r"Mr\.?", r"Mrs\.?", r"Ms\.?", r"Dr\.", r"Gen\.", r"General", r"Col\.", r"Colonel", r"Lt\.", r"Maj\.",
           r"Capt\.", r"Sheikh", r"Ayatollah", r"Emir")
_TITLED = re.compile(by_first_char(_TITLES, boundary=True) + r"\s+((?:[A-Z][a-z][\w'’-]*\s+){0,2}[A-Z][a-z][\w'’-]*)")


def person_names(text: str, titled: list[re.Match[str]] | None = None) -> frozenset[str]:
    """Names a report gives people by title, with each surname alone ("President Barack Obama": "Barack
    Obama", "Obama"): a person named anywhere in it is no place anywhere in it ("support from Obama").
    ``titled``: the report's titled names, when the caller has found them already."""
    out: set[str] = set()
    for m in titled if titled is not None else _TITLED.finditer(text):
        name = m.group(1)
        if level_of(name) is not None:
            continue  # "General Command", "President Aleppo"? a place after a title word stays a place
        out.add(name)
        out.update(w for w in name.split() if len(w) > 2 and level_of(w) is None)  # "Obama", "Ivan"
    return frozenset(out)


def _no_people(places: list, start: int, end: int, titled: list[re.Match[str]], people: frozenset[str]) -> list:
    """The place mentions of the sentence [start, end) of the report that are no person's name: none inside
    a titled name ("Governor Ivan Petrenko"), none that is a name the report gives a person elsewhere."""
    spans = [(m.start(1) - start, m.end(1) - start) for m in titled if start <= m.start(1) < end]
    return [m for m in places if m[2] not in people and not any(s <= m[0] < e for s, e in spans)]


def _country_of_places(reader: Reader, text: str) -> Counter:
    """Votes for the countries a report's places lie in, for a report that names no one country
    clearly (a name in two countries gives each half a vote)."""
    votes: Counter = Counter()
    for s, e in reader.sentences(text[:4000]):
        for _ps, _pe, name, rank in reader.places(text[s:e]):
            where = countries_of(name)
            if where and rank >= 2:
                for code in where:  # a name in two countries gives each half a vote
                    votes[code] += 1 / len(where)
    return votes


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
