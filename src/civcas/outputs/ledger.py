"""Small derived views of a ledger snapshot that every output needs.

Nothing here touches storage: each function reads records and returns values.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..records import Claim, Estimate, Incident, LedgerSnapshot, Tally
from ..vocab.arabic import isolated  # noqa: F401 - Arabic cells of the terminal tables (bidi isolates)

# victim groups used for an incident's headline figure, in order of preference
HEADLINE_VICTIMS = ("civilians", "people")
# one grade palette for the report, its map and the review app ("" ungraded); white text
# reads on each
GRADE_COLOURS = {
    "confirmed": "#b2182b", "fair": "#c8520a", "weak": "#8a6a10", "contested": "#5e3c99",
    "discounted": "#6b6b6b", "": "#4d4d4d",
}

# civcas precision -> ACLED geo_precision (1 town, 2 near a town / part of a region,
# 3 larger region); country-only is not an ACLED event location.
ACLED_GEO = {"point": 1, "village": 1, "district": 2, "governorate": 3}
# civcas date precision -> ACLED time_precision (1 day, 2 within a week, 3 within a month)
ACLED_TIME = {"day": 1, "days": 2, "week": 2, "month": 3}
# civcas precision -> UCDP where_prec (1 exact, 3 ADM2, 4 ADM1, 6 country)
UCDP_WHERE = {"point": 1, "village": 1, "district": 3, "governorate": 4, "country": 6}
# civcas date precision -> UCDP date_prec (1 day, 2 <= 6 days, 3 week, 4 month, 5 year)
UCDP_DATE = {"day": 1, "days": 2, "week": 3, "month": 4, "year": 5}


@dataclass(frozen=True)
class Index:
    """Lookups over one snapshot: claims and documents by id, incident of each claim."""

    claims: dict
    documents: dict
    incident_of: dict

    @classmethod
    def of(cls, snapshot: LedgerSnapshot) -> Index:
        incident_of: dict[str, str] = {}
        for incident in snapshot.incidents:
            for cid in incident.claim_ids:
                incident_of.setdefault(cid, incident.id)
        return cls(
            {c.id: c for c in snapshot.claims},
            {d.id: d for d in snapshot.documents},
            incident_of,
        )

    def claims_of(self, incident: Incident) -> list[Claim]:
        return [self.claims[c] for c in incident.claim_ids if c in self.claims]


def date_bounds(value: str | None) -> tuple[date | None, date | None]:
    """First and last day of an ISO date or ``start/end`` interval; (None, None) if unreadable."""
    if not value:
        return None, None
    start, _, end = value.partition("/")
    try:
        first = date.fromisoformat(start.strip())
        last = date.fromisoformat(end.strip()) if end else first
    except ValueError:
        return None, None
    return first, last


def estimate(incident: Incident, outcome: str) -> Estimate | None:
    """The incident's headline estimate for ``outcome``: civilians, else people."""
    if incident.assessment is None:
        return None
    by_group = {e.victims: e for e in incident.assessment.estimates if e.outcome == outcome}
    for group in HEADLINE_VICTIMS:
        if group in by_group:
            return by_group[group]
    return None


def grade(incident: Incident) -> str:
    return incident.assessment.grade if incident.assessment else ""


def format_range(low: int | None, high: int | None) -> str:
    """A count as a range: "9–18", "14–?" (no upper bound), "?–5", "unknown"."""
    if low is None and high is None:
        return "unknown"
    lo = "?" if low is None else str(low)
    hi = "?" if high is None else str(high)
    return f"{lo}–{hi}"


def figure(claim: Claim) -> str:
    """The claim's figure as reported: "22", "≥22", ">50", "≤24", "~30", "10–15", "vague", "none"."""
    lo, hi, q = claim.low, claim.high, claim.qualifier
    if q in ("vague", "none"):
        return q
    if q == "at_least":
        return f"≥{_n(lo)}"
    if q == "more_than":
        return f">{lo - 1}" if lo is not None else ">?"
    if q == "up_to":
        return f"≤{_n(hi)}"
    if q == "about":
        return f"~{_n(lo if lo is not None else hi)}"
    if q == "exact" or lo == hi:
        return _n(lo if lo is not None else hi)
    return format_range(lo, hi)


def _n(x: int | None) -> str:
    return "?" if x is None else str(x)


def join(values: Iterable[str | None], sep: str = "; ") -> str:
    """Distinct non-empty values joined, in first-seen order."""
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return sep.join(seen)


def stances_text(incident: Incident) -> str:
    if incident.assessment is None:
        return ""
    return join(f"{s.belligerent}: {s.stance}" for s in incident.assessment.stances)


def is_admission(tally: Tally) -> bool:
    """A belligerent's own figure about itself (asserter and belligerent are the same name)."""
    return bool(tally.belligerent) and tally.asserter.casefold() == (
        tally.belligerent or "").casefold()


def tally_kind(tally: Tally) -> str:
    if not tally.belligerent:
        return ""
    return "admission" if is_admission(tally) else "monitor"
