"""Filtering, sorting and paging incidents for the review app (pure functions over records).

Every filter is applied in Python over rows computed once per ledger revision,
so no filter value ever reaches SQL. A bad value raises ConfigError naming it.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any

from ..errors import ConfigError
from ..outputs.ledger import date_bounds, estimate
from ..records import GRADES, Facets, Filters, Incident, Page
from ..vocab.names import fold

SORTS = ("date", "killed", "grade", "place", "claims", "sources", "reviewed", "confidence")
LOW_CONFIDENCE = 0.4  # default of the ``low_confidence`` setting
# review queues: the incidents to check first, each with what puts an incident in it
QUEUES = {
    "unreviewed": "no reviewer has judged it or its claims",
    "single_source": "it rests on one source",
    "contested": "graded contested, or a belligerent denies it",
    "uncertain": "its place or date is unknown or only approximate (a province, a month)",
    "flagged": "a consistency check failed (its figures disagree, or low above high)",
    "low_confidence": "the machine is least sure of one of its claims (calibrated confidence "
                      "below the low_confidence setting)",
}
Reviews = Mapping[str, tuple[str, Any]]  # incident id -> (user, time) of the latest judgement
Confidences = Mapping[str, float]  # claim id -> calibrated confidence (absent: unknown)
ORDERS = ("asc", "desc")
MAX_PER_PAGE = 500
MAX_TEXT = 200  # longest text filter
SELECTED_KEPT = 64  # filtered lists an Index keeps (of one ledger revision)


def filters_of(values: Mapping[str, Any]) -> Filters:
    """Filters from query parameters: blanks dropped, unknown names ignored, values checked
    (ConfigError)."""
    known = {f.name for f in fields(Filters)}
    given: dict[str, Any] = {k: v.strip() if isinstance(v, str) else v
                             for k, v in values.items() if k in known and v is not None}
    given = {k: v for k, v in given.items() if v != ""}
    if isinstance(given.get("reviewed"), str):
        flag = given["reviewed"].lower()
        if flag not in ("1", "0", "true", "false", "yes", "no"):
            raise ConfigError("E158", value=given["reviewed"][:40])
        given["reviewed"] = flag in ("1", "true", "yes")
    for name in ("page", "per_page"):
        if name in given:
            try:
                given[name] = int(given[name])
            except (TypeError, ValueError):
                raise ConfigError("E151", name=name, value=given[name]) from None
    return check(Filters(**given))


def check(f: Filters) -> Filters:
    """``f`` when every value is one the list can use, else ConfigError naming it."""
    if f.grade is not None and f.grade not in GRADES:
        raise ConfigError("E152", grade=f.grade, grades=", ".join(GRADES))
    for name in ("since", "until"):
        value = getattr(f, name)
        if value is not None:
            try:
                date.fromisoformat(value)
            except (TypeError, ValueError):
                raise ConfigError("E153", name=name, value=value) from None
    for name in ("country", "admin1", "place", "perpetrator", "q"):
        value = getattr(f, name)
        if value is not None and len(value) > MAX_TEXT:
            raise ConfigError("E154", name=name, limit=MAX_TEXT)
    if f.queue is not None and f.queue not in QUEUES:
        raise ConfigError("E159", queue=str(f.queue)[:40], queues=", ".join(QUEUES))
    if f.sort not in SORTS:
        raise ConfigError("E155", sort=f.sort, sorts=", ".join(SORTS))
    if f.order not in ORDERS:
        raise ConfigError("E156", order=f.order)
    if not 1 <= f.page <= 1_000_000:
        raise ConfigError("E157", name="page", value=f.page, low=1, high=1_000_000)
    if not 1 <= f.per_page <= MAX_PER_PAGE:
        raise ConfigError("E157", name="per_page", value=f.per_page, low=1, high=MAX_PER_PAGE)
    return f


@dataclass(frozen=True, slots=True)
class Row:
    """One incident with what the filters and sorts read, computed once per revision."""

    incident: Incident
    start: str  # ISO date or ""
    end: str
    country: str  # upper case or ""
    admin1: str  # folded or ""
    perpetrators: str  # folded, joined
    text: str  # folded search text
    where: str  # folded place names and title (the ``place`` filter)
    killed: int | None  # best estimate of civilians (else people) killed
    grade: int  # rank in GRADES (unknown last)
    place: str
    queues: frozenset[str]  # the review queues it is in, but "unreviewed"
    flags: tuple[str, ...]  # what the consistency checks found, in words
    confidence: float | None = None  # its least sure claim's confidence (None: none known)


def lowest(incident: Incident, confidences: Confidences | None) -> float | None:
    """The lowest calibrated confidence among the incident's claims (None: none known)."""
    if not confidences:
        return None
    known = [confidences[c] for c in incident.claim_ids if c in confidences]
    return min(known) if known else None


def row(incident: Incident, confidences: Confidences | None = None,
        threshold: float = LOW_CONFIDENCE) -> Row:
    first, last = date_bounds(incident.event_date)
    p = incident.place
    a = incident.assessment
    e = estimate(incident, "killed")
    words = [incident.id, incident.title, *incident.perpetrators, *(a.sources if a else ())]
    where = [x for x in ((p.name, p.admin1, p.admin2, p.country, p.mention) if p else ()) if x]
    if p is not None:
        words += [p.name, p.admin1 or "", p.admin2 or "", p.country or "", p.mention or ""]
    flags = tuple(consistency(incident))
    queues = set()
    if a is None or len(a.sources) <= 1:
        queues.add("single_source")
    if a is not None and (a.grade == "contested" or any(s.stance == "denied"
                                                        for s in a.stances)):
        queues.add("contested")
    if (p is None or p.precision in ("country", "governorate")
            or incident.date_precision in ("unknown", "month", "year") or not first):
        queues.add("uncertain")
    if flags:
        queues.add("flagged")
    least = lowest(incident, confidences)
    if least is not None and least < threshold:
        queues.add("low_confidence")
    return Row(
        incident=incident, queues=frozenset(queues), flags=flags, confidence=least,
        start=first.isoformat() if first else "",
        end=last.isoformat() if last else "",
        country=(p.country or "").upper() if p else "",
        admin1=fold(p.admin1 or "") if p else "",
        perpetrators=fold(" | ".join(incident.perpetrators)),
        text=fold(" ".join(words)),
        where=fold(" ".join(where) + " " + incident.title),
        killed=e.best if e is not None else None,
        grade=GRADES.index(a.grade) if a and a.grade in GRADES else len(GRADES),
        place=fold(p.name) if p else "",
    )


def consistency(incident: Incident) -> list[str]:
    """What the consistency checks find wrong with an incident's figures, in words: the
    assessment's own checks (its reasons that start "check:", :mod:`civcas.assess.consistency`)
    and the claims' spread (figures more than threefold apart)."""
    a = incident.assessment
    out = [r.removeprefix("check:").strip() for r in (a.reasons if a else ())
           if r.startswith("check:")]
    for e in incident.assessment.estimates if incident.assessment else ():
        if e.low is not None and e.high is not None and e.low > e.high:
            out.append(f"{e.victims} {e.outcome}: low {e.low} above high {e.high}")
        elif e.low and e.high and e.high > 3 * e.low and e.high - e.low >= 5:
            out.append(f"{e.victims} {e.outcome}: the claims disagree ({e.low}–{e.high})")
    return out


def _filtered(rows: list[Row], f: Filters, reviews: Reviews | None = None) -> list[Row]:
    """The rows that pass every filter of ``f``, order kept (one pass per filter given)."""
    reviews = reviews or {}
    if f.reviewed is not None:
        rows = [r for r in rows if (r.incident.id in reviews) == f.reviewed]
    if f.queue == "unreviewed":
        rows = [r for r in rows if r.incident.id not in reviews]
    elif f.queue is not None:
        rows = [r for r in rows if f.queue in r.queues]
    if f.grade is not None:
        rank = GRADES.index(f.grade)
        rows = [r for r in rows if r.grade == rank]
    if f.country is not None:
        country = f.country.upper()
        rows = [r for r in rows if r.country == country]
    if f.admin1 is not None:
        admin1 = fold(f.admin1)
        rows = [r for r in rows if r.admin1 == admin1]
    if f.since is not None:
        rows = [r for r in rows if r.end and r.end >= f.since]
    if f.until is not None:
        rows = [r for r in rows if r.start and r.start <= f.until]
    if f.perpetrator is not None:
        perp = fold(f.perpetrator)
        rows = [r for r in rows if perp in r.perpetrators]
    if f.place:
        place = fold(f.place)
        rows = [r for r in rows if place in r.where]
    for word in fold(f.q or "").split():
        rows = [r for r in rows if word in r.text]
    return rows


def matching(incidents: list[Incident], f: Filters, reviews: Reviews | None = None,
             confidences: Confidences | None = None,
             threshold: float = LOW_CONFIDENCE) -> list[Incident]:
    """The incidents that pass the filters of ``f``, in the order given (sort and page unused)."""
    return [r.incident for r in _filtered([row(i, confidences, threshold) for i in incidents],
                                          f, reviews)]


def sorted_rows(incidents: list[Incident], f: Filters, reviews: Reviews | None = None,
                confidences: Confidences | None = None,
                threshold: float = LOW_CONFIDENCE) -> list[Incident]:
    """The incidents that pass ``f``, sorted as it says (every page)."""
    return [r.incident for r in Index(incidents, reviews=reviews, confidences=confidences,
                                      threshold=threshold).select(f)]


def reviews_of(incidents: Iterable[Incident], judgements: Iterable[Any]) -> dict[str, tuple[str, Any]]:
    """Incident id -> (user, time) of the latest judgement about it or its claims (the claims
    it names, and those of the incident the reviewer stood on); judgements in time order."""
    home = {c: i.id for i in incidents for c in i.claim_ids}
    ids = set(home.values())
    out: dict[str, tuple[str, Any]] = {}
    for j in judgements:
        p = j.payload
        touched = {j.target, *j.target.split(","), *(c for key in ("claims", "context")
                                                     for c in p.get(key, ()) if isinstance(c, str))}
        for c in touched:
            where = home.get(c) or (c if c in ids else None)
            if where is not None:
                out[where] = (j.user, j.at)
    return out


_KEYS: dict[str, Callable[[Row], Any] | None] = {
    "date": lambda r: r.start or None,
    "killed": lambda r: r.killed,
    "grade": lambda r: r.grade if r.grade < len(GRADES) else None,
    "place": lambda r: r.place or None,
    "claims": lambda r: len(r.incident.claim_ids),
    "sources": lambda r: len(r.incident.assessment.sources) if r.incident.assessment else 0,
    "reviewed": None,  # by the time of the latest judgement (from the index's reviews)
    "confidence": lambda r: r.confidence,  # its least sure claim's (asc: least sure first)
}


class Index:
    """Rows of one ledger revision, with each sort order computed once (on first use)."""

    def __init__(self, incidents: Iterable[Incident], rows: list[Row] | None = None,
                 reviews: Reviews | None = None, confidences: Confidences | None = None,
                 threshold: float = LOW_CONFIDENCE) -> None:
        self.confidences: Confidences = confidences or {}
        self.threshold = threshold
        self.rows = ([row(i, self.confidences, threshold) for i in incidents] if rows is None
                     else rows)
        self.reviews: Reviews = reviews or {}
        self._orders: dict[tuple[str, str], list[Row]] = {}
        self._lowest: dict[str, float] | None = None
        # this revision's answers (rows and reviews never change in an Index): the queues'
        # counts, and the rows of the last lists asked for (any page of them)
        self._counts: dict[str, tuple[int, int]] | None = None
        self._selected: dict[Filters, list[Row]] = {}
        self._dated: tuple[list[Row], list[str], timedelta] | None = None

    def patched(self, gone: set[str], new: Iterable[Incident],
                reviews: Reviews | None = None) -> Index:
        """A new index without the incidents ``gone`` and with ``new`` (the other rows kept;
        sort orders computed again on first use)."""
        return Index((), [*(r for r in self.rows if r.incident.id not in gone),
                          *(row(i, self.confidences, self.threshold) for i in new)], reviews,
                     self.confidences, self.threshold)

    def rejudged(self, reviews: Reviews) -> Index:
        """The same rows with other reviews (judgements that changed no incident)."""
        return Index((), self.rows, reviews, self.confidences, self.threshold)

    def lowest(self) -> dict[str, float]:
        """Incident id -> its least sure claim's confidence (incidents with one known)."""
        if self._lowest is None:
            self._lowest = {r.incident.id: r.confidence for r in self.rows
                            if r.confidence is not None}
        return self._lowest

    def ordered(self, sort: str, order: str) -> list[Row]:
        """All rows sorted by ``sort`` (ties by id; unknown values last, in id order)."""
        got = self._orders.get((sort, order))
        if got is None:
            reviews = self.reviews
            key: Callable[[Row], Any] = _KEYS[sort] or (
                lambda r: reviews[r.incident.id][1] if r.incident.id in reviews else None)
            by_id = sorted(self.rows, key=lambda r: r.incident.id)
            known = [r for r in by_id if key(r) is not None]
            unknown = [r for r in by_id if key(r) is None]
            known.sort(key=key, reverse=order == "desc")
            got = self._orders[(sort, order)] = known + unknown
        return got

    def starting(self, lo: str, hi: str) -> list[Row]:
        """The dated rows that may overlap [lo, hi] (ISO days): those starting on or before
        ``hi`` and at most the longest row's span before ``lo``, in date order (a bisection,
        not a pass over every row)."""
        if self._dated is None:
            dated = [r for r in self.ordered("date", "asc") if r.start]
            dated.sort(key=lambda r: r.start)
            span = max((date.fromisoformat(r.end) - date.fromisoformat(r.start)
                        for r in dated if r.end), default=timedelta(0))
            self._dated = (dated, [r.start for r in dated], span)
        dated, starts, span = self._dated
        first = (date.fromisoformat(lo) - span).isoformat()
        return dated[bisect_left(starts, first):bisect_right(starts, hi)]

    def select(self, f: Filters) -> list[Row]:
        """The rows that pass ``f``, in its order (every page; kept for the next pages)."""
        key = replace(f, page=1, per_page=1)
        got = self._selected.get(key)
        if got is None:
            got = _filtered(self.ordered(f.sort, f.order), f, self.reviews)
            if len(self._selected) >= SELECTED_KEPT:
                try:  # the oldest (another thread may be doing the same: then it is gone)
                    self._selected.pop(next(iter(self._selected)), None)
                except (RuntimeError, StopIteration):
                    pass
            self._selected[key] = got
        return got

    def counts(self) -> dict[str, tuple[int, int]]:
        """Per review queue: (incidents in it, of which not reviewed yet)."""
        if self._counts is None:
            self._counts = self._count()
        return dict(self._counts)

    def _count(self) -> dict[str, tuple[int, int]]:
        out = {}
        for name in QUEUES:
            if name == "unreviewed":
                n = sum(1 for r in self.rows if r.incident.id not in self.reviews)
                out[name] = (n, n)
            else:
                rows = [r for r in self.rows if name in r.queues]
                out[name] = (len(rows), sum(1 for r in rows if r.incident.id not in self.reviews))
        return out

    def page(self, f: Filters) -> Page:
        chosen = self.select(f)
        pages = max(1, math.ceil(len(chosen) / f.per_page))
        start = (f.page - 1) * f.per_page
        return Page(tuple(r.incident for r in chosen[start:start + f.per_page]), len(chosen),
                    len(self.rows), f.page, pages, f)


def neighbours(index: Index, incident: Incident, days: int, limit: int) -> list[Incident]:
    """Incidents of ``index`` near ``incident`` in time (and country), nearest first."""
    me = row(incident)
    if not me.start:
        return []
    lo = (date.fromisoformat(me.start) - timedelta(days=days)).isoformat()
    hi = (date.fromisoformat(me.end) + timedelta(days=days)).isoformat()
    p = incident.place

    def distance(r: Row) -> float:
        q = r.incident.place
        if (p is None or q is None or p.lat is None or p.lon is None or q.lat is None
                or q.lon is None):
            return 1e9
        return math.hypot(p.lat - q.lat, (p.lon - q.lon) * math.cos(math.radians(p.lat)))

    near = [r for r in index.starting(lo, hi)
            if r.end >= lo and r.incident.id != incident.id
            and (not me.country or not r.country or r.country == me.country)]
    near.sort(key=lambda r: (distance(r), abs(date.fromisoformat(r.start).toordinal()
                                             - date.fromisoformat(me.start).toordinal())))
    return [r.incident for r in near[:limit]]


def facets(incidents: Iterable[Incident]) -> Facets:
    grades: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    admin1: Counter[tuple[str, str]] = Counter()
    perps: Counter[str] = Counter()
    for inc in incidents:
        if inc.assessment is not None:
            grades[inc.assessment.grade] += 1
        if inc.place is not None and inc.place.country:
            countries[inc.place.country.upper()] += 1
            if inc.place.admin1:
                admin1[(inc.place.country.upper(), inc.place.admin1)] += 1
        perps.update(inc.perpetrators)
    return Facets(
        grades=tuple((g, grades[g]) for g in GRADES if grades[g]),
        countries=tuple(sorted(countries.items())),
        admin1=tuple((c, a, n) for (c, a), n in sorted(admin1.items())),
        perpetrators=tuple(sorted(perps.items(), key=lambda t: (-t[1], t[0]))),
    )
