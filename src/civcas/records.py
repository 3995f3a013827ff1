"""The records civcas stages exchange: frozen dataclasses, standard library only.

No ORM row, database session or NLP object crosses a stage boundary; only these.
This module imports nothing from civcas.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

OUTCOMES = ("killed", "injured", "casualties")
VICTIM_GROUPS = ("people", "civilians", "children", "women", "men", "combatants", "security_forces")
QUALIFIERS = ("exact", "at_least", "more_than", "up_to", "about", "range", "vague", "none")
SCOPES = ("incident", "cumulative")


@dataclass(frozen=True)
class Document:
    """One article: cleaned body text plus what is known about it.

    ``text`` is the cleaned body; every claim span is an offset into it.
    ``published`` is the publication date, from metadata when given, else
    from the text. ``content_hash`` is the SHA-256 of title and body.
    """

    id: str
    title: str
    text: str
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None  # file path (and row) it was read from
    content_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


@dataclass(frozen=True)
class Claim:
    """A casualty claim, with the fields of shared/gold/GUIDE.md plus its span.

    ``low``/``high`` follow the guide's arithmetic (strict bounds +/-1);
    ``event_date`` is ISO ``YYYY-MM-DD`` or an interval ``start/end``;
    ``span`` is ``(start, end)`` into the cleaned body and lies inside
    ``sentence``, which starts at ``sentence_start``.
    """

    outcome: str
    victims: str
    low: int | None
    high: int | None
    qualifier: str
    text: str
    source: str
    place: str | None
    event_date: str | None
    perpetrator: str | None
    scope: str
    span: tuple[int, int]
    sentence: str
    sentence_start: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read: where, and why (one line)."""

    origin: str
    reason: str


@dataclass(frozen=True)
class ExtractionResult:
    """A document with the claims extracted from it."""

    document: Document
    claims: tuple[Claim, ...] = field(default_factory=tuple)
