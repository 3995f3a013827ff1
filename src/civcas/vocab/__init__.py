"""vocab: the names every stage reads — actors, sources with their kinds, countries, place words.

The data lives in ``civcas/vocab/data/*.toml`` (one row per actor, source, country or kind of
place, each with an id and an example sentence of ours); adding a conflict is adding rows. This
layer sits between ``records`` and the stages: extraction finds names with it, resolution asks which
perpetrators are compatible, assessment and the gap ask who speaks for whom and which sources are
independent. No stage keeps a list of its own.

    >>> from civcas.vocab import vocabulary
    >>> v = vocabulary()
    >>> [m.label for m in v.actor_mentions("Regime jets and Russian warplanes struck", "SY")]
    ['Syrian government forces', 'Russia']
    >>> v.source_kind("Al Jumhouri hospital")
    'medical'
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, OrderedDict
from functools import lru_cache

from .load import VocabularyError, load_tables
from .match import Entry, Matcher, remember_in, scratch
from .model import (
    INDEPENDENT_KINDS,
    SOURCE_KINDS,
    Actor,
    Country,
    Mention,
    PlaceKind,
    Source,
    Tables,
)

__all__ = ["INDEPENDENT_KINDS", "SOURCE_KINDS", "Actor", "Country", "Mention", "PlaceKind", "Source",
           "Vocabulary", "VocabularyError", "fold", "vocabulary"]


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A name folded for comparison: no accents, lower case, one space, no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("’", "'").lower()
    text = re.sub(r"[\s\-_]+", " ", text).strip(" .,")
    return re.sub(r"^the ", "", text)


def arabic_demonyms(stem: str | None) -> tuple[str, ...]:
    """The forms of an Arabic demonym ("سوري": "السوري", "السورية", "السوريين", "سوريون"...), without
    the bare feminine when it is the country's own name ("سورية")."""
    if not stem:
        return ()
    forms = [stem + e for e in ("", "ين", "ون", "ان", "ة", "تين", "ات")]
    return tuple(f for w in forms for f in (w, "ال" + w))


def _spellings(row: Actor | Source, label: bool = True) -> list[tuple[str, Entry]]:
    out = [(s, Entry(row.id)) for s in ((row.label,) if label else ()) + row.spellings]
    out += [("re:" + p, Entry(row.id)) for p in row.patterns]
    out += [(s, Entry(row.id)) for s in row.ar]
    out += [(s, Entry(row.id, row.theatre, local=True)) for s in row.local]
    return out


class Vocabulary:
    """The tables and the matchers built on them (one per process: see :func:`vocabulary`)."""

    def __init__(self, tables: Tables):
        self.tables = tables
        self.actors = tables.actors
        self.sources = tables.sources
        self.countries = tables.countries
        self._actor_by_label = {fold(a.label): a for a in self.actors.values() if a.kind != "generic"}
        self._actor_by_label.update({fold(a.label): a for a in self.actors.values() if a.kind == "generic"
                                     and fold(a.label) not in self._actor_by_label})
        # a label that a generic row spells ("rebels") is matched by that row, which resolves it per country
        generic_words = {fold(w) for a in self.actors.values() if a.kind == "generic" for w in a.spellings}
        self._actors = Matcher([sp for a in self.actors.values()
                                for sp in _spellings(a, label=a.kind == "generic" or fold(a.label) not in generic_words)])
        self._sources = Matcher([sp for s in self.sources.values() for sp in _spellings(s)])
        country_spellings: list[tuple[str, Entry]] = []
        for c in self.countries.values():
            for s in (c.name,) + c.spellings + c.ar:
                country_spellings.append((s, Entry(c.code)))
            for s in c.demonyms + c.people + arabic_demonyms(c.ar_demonym):
                country_spellings.append((s, Entry(c.code, local=False)))
        self._countries = Matcher(country_spellings)
        self._cities = Matcher([(s, Entry(c.code)) for c in self.countries.values() for s in c.cities])
        self._source_by_name: dict[str, Source] = {}
        for s in self.sources.values():
            for name in (s.label, s.id) + s.spellings + s.ar:
                self._source_by_name.setdefault(fold(name), s)
        self._national_names: dict[str, str] = {}  # "lebanese health ministry" -> "Lebanese Health Ministry"
        for s in self.sources.values():
            if s.national:
                for code in self.countries:
                    label = self.source_label(s, code)
                    self._national_names.setdefault(fold(label), label)
                    self._source_by_name.setdefault(fold(label), s)
        self._actor_by_name: dict[str, Actor] = {}
        for a in self.actors.values():
            for name in (a.label, a.id) + a.spellings + a.ar:
                self._actor_by_name.setdefault(fold(name), a)
        self._people = {fold(p): c.code for c in self.countries.values() for p in c.people}
        self._demonyms = {fold(d): c.code for c in self.countries.values()
                          for d in c.demonyms + arabic_demonyms(c.ar_demonym)}
        # country_weights by text (sentences recur); oldest first (see match.Matcher._cache)
        self._weights_memo: OrderedDict[str, dict[str, int]] = OrderedDict()

    # ---------------------------------------------------------------- finding names in text

    def actor_mentions(self, text: str, country: str | None = None) -> list[Mention]:
        """Every actor named in ``text`` of a report about ``country`` (generic terms resolved there)."""
        return list(self._actor_mentions(text, country))

    def source_mentions(self, text: str, country: str | None = None) -> list[Mention]:
        """Every source named in ``text`` of a report about ``country`` ("state media" is its state media)."""
        return list(self._source_mentions(text, country))

    def _actor_mentions(self, text: str, country: str | None) -> tuple[Mention, ...]:
        memo = scratch()  # inside match.transient: kept only while it lasts
        if memo is None:
            return self._actor_mentions_kept(text, country)
        return remember_in(memo, ("actors", text, country),
                           lambda: self._actor_mentions_now(text, country))

    def _source_mentions(self, text: str, country: str | None) -> tuple[Mention, ...]:
        memo = scratch()
        if memo is None:
            return self._source_mentions_kept(text, country)
        return remember_in(memo, ("sources", text, country),
                           lambda: self._source_mentions_now(text, country))

    @lru_cache(maxsize=4096)  # noqa: B019 - one Vocabulary per process (see vocabulary())
    def _actor_mentions_kept(self, text: str, country: str | None) -> tuple[Mention, ...]:
        return self._actor_mentions_now(text, country)

    @lru_cache(maxsize=4096)  # noqa: B019 - one Vocabulary per process (see vocabulary())
    def _source_mentions_kept(self, text: str, country: str | None) -> tuple[Mention, ...]:
        return self._source_mentions_now(text, country)

    def _actor_mentions_now(self, text: str, country: str | None) -> tuple[Mention, ...]:
        out = []
        for s, e, entry in self._actors.find(text, country):
            actor = self.actors[entry.row]
            out.append(Mention(s, e, actor.id, self._label_in(actor, country), entry.local))
        return tuple(out)

    def _source_mentions_now(self, text: str, country: str | None) -> tuple[Mention, ...]:
        return tuple(Mention(s, e, self.sources[entry.row].id, self.source_label(self.sources[entry.row], country),
                             entry.local) for s, e, entry in self._sources.find(text, country))

    def source_label(self, source: Source, country: str | None) -> str:
        """A source's name in a report about ``country``: "the health ministry" in a Libyan report is
        the Libyan Health Ministry."""
        if source.national == "health" and country in self.countries:
            c = self.countries[country]
            return c.health or f"{c.demonyms[0] if c.demonyms else c.name} Health Ministry"
        return source.label

    def _label_in(self, actor: Actor, country: str | None) -> str:
        if actor.kind == "generic" and country:
            target = dict(actor.resolve).get(country)
            if target:
                return self.actors[target].label
        return actor.label

    # ---------------------------------------------------------------- the report's country

    def country_weights(self, text: str) -> Counter:
        """How strongly ``text`` names each country: names 3, its cities 2, demonyms and people 1. A
        country word inside the name of an actor or a source ("US-led coalition", "Syrian Observatory",
        "Iraqi forces") says who acts or speaks, not where: it does not count."""
        return Counter(self._weights_of(text))

    def _weights_of(self, text: str) -> dict[str, int]:
        """:meth:`country_weights` as kept (not to be changed: no copy is made)."""
        passing = scratch()
        if passing is not None:  # inside match.transient
            return remember_in(passing, ("weights", text), lambda: self._country_weights(text))
        memo = self._weights_memo
        hit = memo.get(text)
        if hit is None:
            hit = self._country_weights(text)
            if len(memo) >= 4096:
                memo.popitem(last=False)  # the oldest goes
            memo[text] = hit
        return hit

    def _country_weights(self, text: str) -> dict[str, int]:
        weights: Counter = Counter()
        # the names of actors and sources as found (no Mention built: only where each is and its row count here)
        actors = [(s, e, self.actors[entry.row].id) for s, e, entry in self._actors.find(text, None)]
        sources = [(s, e, self.sources[entry.row].id) for s, e, entry in self._sources.find(text, None)]
        names = [(s, e) for s, e, _id in actors + sources if " " in text[s:e].strip() or "-" in text[s:e]]
        for _s, _e, row_id in sources + actors:
            row = self.sources.get(row_id) if row_id in self.sources else self.actors.get(row_id)
            if row is not None and len(row.theatre) == 1:
                weights[row.theatre[0]] += 1  # "the Syrian Observatory", "the Houthis": a war's own names
        for s, e, entry in self._countries.find(text):
            if any(a <= s and e <= b for a, b in names):
                continue
            word = fold(text[s:e])
            own_name = word not in self._demonyms and word not in self._people
            weights[entry.row] += 3 if own_name else 1
        for _s, _e, entry in self._cities.find(text):
            weights[entry.row] += 2
        return dict(weights)

    def report_weights(self, text: str, title: str = "", parts: list[str] | None = None) -> Counter:
        """How strongly a report names each country (its title counts double); ``parts`` (the text's
        sentences, when the caller has them) are read instead of ``text``."""
        weights: Counter = Counter()
        for part in parts if parts is not None else [text]:
            for k, v in self._weights_of(part).items():  # (what weights.update(...) adds, without a Counter per part)
                weights[k] += v
        weights.update({k: 2 * v for k, v in self._weights_of(title).items()})
        return weights

    def main_country(self, text: str, title: str = "", parts: list[str] | None = None,
                     weights: Counter | None = None) -> str | None:
        """The ISO code of the country a report is about, else None (see :meth:`report_weights`)."""
        if weights is None:
            weights = self.report_weights(text, title, parts)
        if not weights:
            return None
        (best, weight), *rest = weights.most_common(2)
        if rest and rest[0][1] == weight:
            return None  # a tie says nothing
        return best if weight >= 2 or not rest else None  # one demonym alone is enough when no other is named

    def people_of(self, word: str) -> str | None:
        """The country whose people a plural noun names ("Yemenis" -> "YE"), else None."""
        return self._people.get(fold(word))

    def demonym_of(self, word: str) -> str | None:
        return self._demonyms.get(fold(word))

    def capital_named(self, word: str | None, country: str | None = None) -> str | None:
        """The capital "the <demonym> capital" or "<country>'s capital" names ("the Ukrainian capital" ->
        "Kyiv"); with no word ("the capital"), that of ``country`` (the report's); None when unknown."""
        code = country
        if word:
            w = re.sub(r"['’]s$", "", word)
            code = self.demonym_of(w) or next((c.code for c in self.countries.values() if fold(c.name) == fold(w)), None)
        row = self.countries.get(code) if code else None
        return row.capital if row is not None and row.capital else None

    # ---------------------------------------------------------------- names to rows

    def actor(self, name: str | None) -> Actor | None:
        """The actor a canonical label, id or spelling names, else None."""
        if not name:
            return None
        key = fold(name)
        return self._actor_by_label.get(key) or self._actor_by_name.get(key)

    def source(self, name: str | None) -> Source | None:
        """The source row a name (label, id or any spelling) stands for, else None."""
        if not name:
            return None
        return self._source_by_name.get(fold(name))

    def source_name(self, name: str | None) -> str | None:
        """The canonical name of a known source: its row's label, or a country's own body ("Lebanese
        Health Ministry" stays Lebanon's); None when unknown."""
        row = self.source(name)
        if row is None:
            return None
        return self._national_names.get(fold(name or ""), row.label) if row.national else row.label

    def source_kind(self, name: str | None) -> str:
        """The kind of the source a claim names: its row's kind, else what the words of its name say
        ("Al Jumhouri hospital" -> medical, "Kherson regional prosecutor's office" -> official)."""
        if not name or fold(name) == "reporter":
            return "reporter"
        row = self.source(name)
        if row is not None:
            return row.kind
        found = [m for m in self.source_mentions(name) if m.end - m.start >= len(name.strip()) - 6]
        if found:
            return self.sources[found[0].id].kind
        words = " " + re.sub(r"[^a-z0-9.]+", " ", fold(name)) + " "
        for kw in self.tables.kind_words:
            if f" {kw.word} " in words:
                return kw.kind
        return "local" if " " not in name.strip() and name[:1].isupper() else "news_outlet"

    def speaks_for(self, source_name: str | None) -> str | None:
        """The label of the actor a source is the voice of ("Pentagon" -> "United States"), else None."""
        row = self.source(source_name)
        if row is None and source_name:
            found = [m for m in self.source_mentions(source_name)
                     if m.end - m.start >= len(source_name.strip()) - 6]
            row = self.sources[found[0].id] if found else None
        if row is None or not row.speaks_for:
            return None
        return self.actors[row.speaks_for].label

    def voice_among(self, source_name: str | None, named: list[str]) -> str | None:
        """The actor a source speaks for, preferring one of the ``named`` actors whose voices include it
        ("the coalition and the US military said…": the Pentagon speaks for the named coalition)."""
        own = self.speaks_for(source_name)
        row = self.source(source_name)
        if own is None or row is None:
            return own
        for label in named:
            actor = self.actor(label)
            if actor is not None and row.id in actor.voices:
                return actor.label
        return own

    def independent(self, source_name: str | None) -> bool:
        """Whether a source is on the independent side of the gap (monitor, UN/NGO, medical, rescuers)."""
        return self.source_kind(source_name) in INDEPENDENT_KINDS

    # ---------------------------------------------------------------- sides

    def side(self, label: str | None) -> str | None:
        """The widest side an actor belongs to ("Nusra Front" -> "rebels"); the label itself when none."""
        actor = self.actor(label)
        if actor is None:
            return label
        seen = {actor.id}
        while actor.parent and actor.parent not in seen:
            seen.add(actor.parent)
            actor = self.actors[actor.parent]
        return actor.label

    def allied(self, a: str | None, b: str | None) -> bool:
        """Whether two actors fight on one side (allies either way, or one is part of the other)."""
        x, y = self.actor(a), self.actor(b)
        if x is None or y is None:
            return False
        if x.id == y.id or y.id in x.allies or x.id in y.allies:
            return True
        return self.side(x.label) == self.side(y.label)

    def with_government(self, actor_id: str | None, country: str | None) -> bool:
        """Whether an armed group, militia or foreign state fights on the side of the government of
        ``country`` (a state whose theatre it is): Hezbollah in Syria, the Popular Mobilisation in Iraq,
        Wagner in Mali. Its fighters are security forces there (GUIDE: pro-government fighters)."""
        actor = self.actors.get(actor_id or "")
        if actor is None or not country or actor.kind not in ("armed_group", "militia", "state"):
            return False
        for gov in self.actors.values():
            if gov.kind != "state" or country not in gov.theatre or gov.id == actor.id:
                continue
            if actor.parent == gov.id or gov.id in actor.allies or actor.id in gov.allies:
                return True
        return False

    def government_side(self, label: str | None, country: str | None) -> bool:
        """Whether the actor ``label`` is the government of ``country`` or fights on its side (its security
        forces killed are its own: "eight policemen were killed, the interior ministry said")."""
        actor = self.actor(label)
        return actor is not None and bool(country) and (
            actor.kind == "state" and country in actor.theatre or self.with_government(actor.id, country))

    def place_kinds(self) -> tuple[PlaceKind, ...]:
        return self.tables.place_kinds


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary, read once per process."""
    return Vocabulary(load_tables())
