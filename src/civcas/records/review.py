"""What the review list asks and shows: filters, a page of incidents, facets, an incident under review."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .claims import Claim, Document
from .kinds import Grade
from .ledger import Incident, Judgement


@dataclass(frozen=True)
class Filters:
    """Which incidents a list shows (every filter optional), and for a page of it the sort,
    order and page. The CLI (``civcas incidents``) and the review app build one each; the
    checks and the matching are :mod:`civcas.review.query`'s."""

    grade: Grade | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, as in Place.country
    admin1: str | None = None
    place: str | None = None  # part of the place's name, admin1, admin2, country or the title
    since: str | None = None  # YYYY-MM-DD: incidents that end on or after
    until: str | None = None  # YYYY-MM-DD: incidents that start on or before
    perpetrator: str | None = None  # part of a perpetrator's name
    q: str | None = None  # words found in the title, place, perpetrators, sources or id
    reviewed: bool | None = None  # True: some reviewer judged it; False: none yet
    queue: str | None = None  # a review queue (civcas.review.query.QUEUES): what to check first
    sort: str = "date"
    order: str = "desc"
    page: int = 1
    per_page: int = 50

    def params(self, **changes: Any) -> dict[str, Any]:
        """The non-default values (with ``changes``), for links to other pages and sorts."""
        other = replace(self, **changes)
        default = Filters()
        return {f.name: getattr(other, f.name) for f in fields(self)
                if getattr(other, f.name) != getattr(default, f.name)}

@dataclass(frozen=True)
class Page:
    """One page of the incident list."""

    incidents: tuple[Incident, ...]
    total: int  # incidents that pass the filters
    all: int  # incidents in the ledger
    page: int
    pages: int
    filters: Filters

@dataclass(frozen=True)
class Facets:
    """Values present in the ledger, with counts, for the filter menus."""

    grades: tuple[tuple[str, int], ...]
    countries: tuple[tuple[str, int], ...]
    admin1: tuple[tuple[str, str, int], ...]  # country, admin1, count
    perpetrators: tuple[tuple[str, int], ...]

@dataclass(frozen=True)
class IncidentReview:
    """Everything the review app's incident page shows."""

    incident: Incident
    claims: tuple[Claim, ...]  # the incident's claims, corrections applied
    documents: dict[str, Document]  # the documents of those claims (and of ``rejected``)
    rejected: tuple[Claim, ...]  # claims rejected from this incident (may be accepted back)
    judgements: tuple[Judgement, ...]  # about this incident or its claims, oldest first
    audit: tuple[dict[str, Any], ...]  # audit entries of those judgements
    version: str  # send it back with a judgement: a stale one is a conflict
    corrected: dict[str, dict[str, Any]] = field(default_factory=dict)  # claim -> original values
