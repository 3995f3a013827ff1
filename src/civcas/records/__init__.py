"""The records civcas stages exchange: frozen dataclasses, standard library only.

No ORM row, database session or NLP object crosses a stage boundary; only these. The package
imports nothing from civcas outside itself; its modules group the records by who makes them
(``claims``: extraction, ``places``: geocoding, ``ledger``: the ledger, ``review``: the review
list) and ``kinds`` holds their closed vocabularies. Import them from here.
"""
from __future__ import annotations

from .claims import (
    Claim,
    ClaimExplanation,
    Considered,
    Document,
    ExtractionResult,
    FieldChoice,
    Place,
    ReadFailure,
)
from .kinds import (
    DATE_PRECISIONS,
    GRADES,
    JUDGEMENT_KINDS,
    OUTCOMES,
    PRECISIONS,
    QUALIFIERS,
    ROLES,
    SCOPES,
    STANCES,
    VICTIM_GROUPS,
    DatePrecision,
    Grade,
    JudgementKind,
    Outcome,
    Precision,
    Qualifier,
    Role,
    Scope,
    StanceKind,
    VictimGroup,
)
from .ledger import (
    AcknowledgmentGap,
    Assessment,
    Estimate,
    Incident,
    IngestSummary,
    Judgement,
    LedgerSnapshot,
    Resolution,
    Stance,
    Tally,
    User,
)
from .places import Candidate, Feature, Location, PlaceResolution, PlacesAdded
from .review import Facets, Filters, IncidentReview, Page

__all__ = [
    "AcknowledgmentGap", "Assessment", "Candidate", "Claim", "ClaimExplanation", "Considered",
    "DATE_PRECISIONS", "DatePrecision", "Document", "Estimate", "ExtractionResult", "Facets",
    "Feature", "FieldChoice", "Filters", "GRADES", "Grade", "Incident", "IncidentReview",
    "IngestSummary", "JUDGEMENT_KINDS", "Judgement", "JudgementKind", "LedgerSnapshot", "Location",
    "OUTCOMES", "Outcome", "PRECISIONS", "Page", "Place", "PlaceResolution", "PlacesAdded",
    "Precision", "QUALIFIERS", "Qualifier", "ROLES", "ReadFailure", "Resolution", "Role", "SCOPES",
    "STANCES", "Scope", "Stance", "StanceKind", "Tally", "User", "VICTIM_GROUPS", "VictimGroup",
]
