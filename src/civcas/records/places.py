"""What geocoding gives and takes: candidates, resolutions, places added by users, locations, features."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .claims import Place
from .kinds import PRECISIONS, Precision


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry a mention may mean, with its score and the reasons for it."""

    place: Place
    score: float
    why: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.place.to_dict(), "score": round(self.score, 3), "why": list(self.why)}

@dataclass(frozen=True)
class PlaceResolution:
    """The outcome of resolving a place mention: the place (or None) and why."""

    mention: str
    place: Place | None
    reason: str
    candidates: tuple[Candidate, ...] = ()

@dataclass(frozen=True)
class PlacesAdded:
    """What adding a CSV of the user's own places to the gazetteer did."""

    added: int
    replaced: int
    total: int
    path: Path


# ------------------------------------------------------------ resolution

@dataclass(frozen=True)
class Location:
    """Where a claim happened, as resolution compares places (a gazetteer entry or a name)."""

    name: str
    key: str  # normalised name
    tokens: frozenset[str]
    precision: Precision
    country: str | None
    admin1: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    place: Place | None = None  # the gazetteer entry, when there is one
    rank: int = 1  # the precision's rank in PRECISIONS (0 most precise); set from it

    def __post_init__(self) -> None:
        rank = PRECISIONS.index(self.precision) if self.precision in PRECISIONS else 1
        object.__setattr__(self, "rank", rank)

@dataclass(frozen=True)
class Feature:
    """A claim as resolution compares it (corrections applied); the store keeps one per
    current claim (table ``resolve_items``) so that a judgement re-resolves only its part."""

    claim_id: str
    doc_id: str
    active: bool  # not rejected
    cumulative: bool  # a tally claim: not clustered
    window: tuple[int, int] | None  # date ordinals, inclusive
    location: Location | None

    @property
    def item(self) -> bool:
        """Clustered into an incident."""
        return self.active and not self.cumulative

    @property
    def placed(self) -> bool:
        """Clustered by place and date (else only with its document's claims)."""
        return self.item and self.window is not None and self.location is not None
