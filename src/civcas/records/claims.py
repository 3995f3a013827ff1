"""What extraction gives: documents, claims with their places, and why each field was chosen."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from .kinds import Outcome, Precision, Qualifier, Scope, VictimGroup


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
    language: str = ""  # "en", "ar": detected offline from the script at ingest ("" when not known)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d

@dataclass(frozen=True)
class Place:
    """A gazetteer entry a place mention resolved to (the ``geo`` of a claim).

    ``country`` is ISO 3166-1 alpha-2; ``feature`` the GeoNames class.code
    ("P.PPL", "A.ADM1"); ``precision`` one of :data:`PRECISIONS`;
    ``confidence`` in [0, 1]; ``mention`` the text as written in the article;
    ``origin`` "geonames" or "user" (added with ``civcas gazetteer add``);
    ``note`` says why when the mention itself was not found and a containing
    or nearby place stands in for it.
    """

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    admin2: str | None = None
    geonames_id: int | None = None
    feature: str | None = None
    precision: Precision = "village"
    confidence: float = 0.0
    mention: str | None = None
    origin: str = "geonames"
    note: str | None = None  # how it was placed when not by its own name (a fallback)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

@dataclass(frozen=True)
class Claim:
    """A casualty claim, with the fields of shared/gold/GUIDE.md plus its span.

    ``low``/``high`` follow the guide's arithmetic (strict bounds +/-1);
    ``event_date`` is ISO ``YYYY-MM-DD`` or an interval ``start/end``;
    ``span`` is ``(start, end)`` into the cleaned body and lies inside
    ``sentence``, which starts at ``sentence_start``.
    """

    outcome: Outcome
    victims: VictimGroup
    low: int | None
    high: int | None
    qualifier: Qualifier
    text: str
    source: str
    place: str | None
    event_date: str | None
    perpetrator: str | None
    scope: Scope
    span: tuple[int, int]
    sentence: str
    sentence_start: int = 0
    id: str = ""  # stable: derived from the document hash, span and fields
    document_id: str = ""
    geo: Place | None = None  # the resolved ``place`` (null when unresolved)
    confidence: float | None = None  # calibrated: claims given 0.9 are right about 90% of the time

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d

@dataclass(frozen=True)
class Considered:
    """One value a field's decision weighed: where it came from and how likely it was."""

    value: str | None
    origin: str  # "this sentence", "the account before", "the headline", ...
    probability: float
    evidence: str = ""  # the words that name it
    reasons: tuple[str, ...] = ()  # the features that moved it most ("+1.30 the nearest speaker")

@dataclass(frozen=True)
class FieldChoice:
    """Why a claim's field holds its value: the value, its probability, and every candidate considered."""

    field: str
    value: str | None
    probability: float
    considered: tuple[Considered, ...] = ()

@dataclass(frozen=True)
class ClaimExplanation:
    """A claim and the choice behind each of its fields (``civcas extract --explain``)."""

    claim: Claim
    fields: tuple[FieldChoice, ...] = ()

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
    focus: Place | None = None  # where the document's main incident happened
    # with ``explain``: why each claim's fields hold their values
    explanations: tuple[ClaimExplanation, ...] = ()


# ------------------------------------------------------------ the ledger
