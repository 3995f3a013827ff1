"""Human review of the ledger: users and roles, the incident list and page, checked judgements.

    >>> from civcas.review import Desk, Filters
    >>> with Desk("sqlite:///civcas.db") as desk:
    ...     page = desk.incidents(Filters(grade="weak", sort="killed"))
    ...     seen = desk.incident(page.incidents[0].id)
    ...     desk.judge("reject_claim", seen.claims[0].id, user=me, reason="duplicate",
    ...                incident_id=seen.incident.id, version=seen.version)

The review web app (:mod:`civcas.web`) is a thin HTTP shell over :class:`Desk`.
"""
from __future__ import annotations

from . import users
from .desk import Desk, IncidentReview
from .query import SORTS, Facets, Filters, Page
from .users import add_user, can_judge

# ``civcas.review.users`` is the module (add_user, users, authenticate, check_*)
__all__ = ["Desk", "IncidentReview", "Filters", "Page", "Facets", "SORTS", "add_user",
           "can_judge", "users"]
