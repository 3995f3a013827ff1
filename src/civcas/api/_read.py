"""The ledger's reads behind :mod:`civcas.api`: incidents (filtered by the database), one
incident with its claims and documents, tallies, what is pending.

Each opens the ledger with :class:`~civcas.store.Reader` (SQLAlchemy Core, no ORM), so that
``civcas show`` and ``civcas incidents`` load neither the ORM nor the writers (decisions §15.7);
the writers in :mod:`._ledger` reuse :func:`_claims_and_documents` and :func:`_ordered` on an
open :class:`~civcas.store.Ledger`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from ..records import Claim, Document, Filters, Incident, Judgement, LedgerSnapshot, Tally
from ..resolve import judgements as _judgements
from ..review import query
from ..store import listing
from ..store.reader import Reader
from ..store.reading import Reading
from . import _config


def open_reader(db: str | None = None) -> Reader:
    """The ledger at ``db`` (else the ``db`` setting), for reading (NotFound when a SQLite
    file does not exist)."""
    return Reader(_config.db_url(db))


def filter_incidents(items: Iterable[Incident], filters: Filters | None = None) -> list[Incident]:
    """The incidents that pass ``filters`` (checked first: ConfigError), in the order given."""
    return query.matching(list(items), query.check(filters or Filters()))


def select_incidents(items: Iterable[Incident], filters: Filters | None = None,
                     judgements: Iterable[Judgement] = ()) -> list[Incident]:
    """The incidents that pass ``filters`` (with ``reviewed`` and ``queue``: judged by the
    ``judgements`` given), sorted by ``filters.sort`` and ``order``, every page."""
    items = list(items)
    f = query.check(filters or Filters())
    ordered = sorted(judgements, key=lambda j: j.at)
    return query.sorted_rows(items, f, query.reviews_of(items, ordered))


def incidents(db: str | None = None, filters: Filters | None = None, *,
              sort: bool = False) -> list[Incident]:
    """The ledger's incidents that pass ``filters``, in ledger order (``sort``: in the
    order ``filters.sort`` and ``order`` say). Dates and grade are narrowed by the database:
    only those incidents are read; the judgements only when ``reviewed``, ``queue`` or the
    sort by review need them, the claims' confidences only for a queue or that sort (the
    queue ``low_confidence``: below the ``low_confidence`` setting)."""
    f = query.check(filters or Filters())
    with open_reader(db) as ledger:
        items = ledger.incidents_where(f.since, f.until, f.grade)
        judged = f.reviewed is not None or f.queue is not None or (sort and
                                                                   f.sort == "reviewed")
        reviews = (query.reviews_of(items, sorted(ledger.judgements(), key=lambda j: j.at))
                   if judged else {})
        unsure = f.queue is not None or (sort and f.sort == "confidence")
        confidences = ledger.claim_confidences() if unsure else {}
    threshold = float(_config.current().get("low_confidence"))
    if sort:
        return query.sorted_rows(items, f, reviews, confidences, threshold)
    return query.matching(items, f, reviews, confidences, threshold)


def incident_count(db: str | None = None) -> int:
    """How many incidents the ledger holds."""
    with open_reader(db) as ledger:
        return ledger.incident_count()


def incident_claims(incidents: Iterable[Incident], db: str | None = None
                    ) -> tuple[dict[str, Claim], dict[str, Document]]:
    """The claims of these incidents (corrections applied) by id, and their documents by
    id: only those are read."""
    ids = {c for i in incidents for c in i.claim_ids}
    with open_reader(db) as ledger:
        return _claims_and_documents(ledger, ids)


def filtered_snapshot(filters: Filters, db: str | None = None) -> LedgerSnapshot:
    """What the outputs read, for the incidents that pass ``filters`` only: those incidents,
    their claims (corrections applied) and documents, every tally with its claim, the
    judgements. Only those rows are read, through the :class:`~civcas.store.Reader` (no ORM:
    ``civcas report --since`` reads as ``civcas incidents`` does, decisions §15.10)."""
    f = query.check(filters)
    with open_reader(db) as ledger:
        chosen = filter_incidents(ledger.incidents_where(f.since, f.until, f.grade), f)
        tallies = ledger.tallies()
        ids = {c for i in chosen for c in i.claim_ids} | {t.claim_id for t in tallies}
        claims, docs = _claims_and_documents(ledger, ids)
        order = ledger.claim_pks(claims)
        return LedgerSnapshot(
            documents=tuple(sorted(docs.values(), key=lambda d: d.id)),
            claims=tuple(sorted(claims.values(), key=lambda c: order.get(c.id, 0))),
            incidents=tuple(chosen), tallies=tuple(tallies),
            judgements=tuple(ledger.judgements()))


def listed_snapshot(db: str | None = None, *, claims: bool = True) -> LedgerSnapshot:
    """What the outputs read of the whole ledger (the unfiltered report, the exports, the
    acknowledgment gap): every incident, claim (corrections applied), tally and judgement,
    and every current document without its text, which no output shows. Read through the
    :class:`~civcas.store.Reader` (no ORM), claims and documents as streams of rows made
    into records as they come (decisions §15.11). ``claims=False``: no claims (what the
    incidents and tallies exports need: decisions §15.13)."""
    with open_reader(db) as ledger:
        judgements = ledger.judgements()
        found: list[Claim] = []
        if claims:
            found, _ = _judgements.apply_to_claims(list(ledger.current_claims()),
                                                   _ordered(ledger, judgements))
        return LedgerSnapshot(documents=tuple(ledger.document_list()), claims=tuple(found),
                              incidents=tuple(ledger.incidents()),
                              tallies=tuple(ledger.tallies()), judgements=tuple(judgements))


@contextmanager
def listed_claims(db: str | None = None
                  ) -> Iterator[Iterator[tuple[Claim, str | None, Document]]]:
    """The ledger opened (NotFound first, before anything is written), then every claim of
    current documents in ingestion order with corrections applied, the first incident that
    lists it and its document without text: a stream, one claim held at a time (the claims
    export, decisions §15.13)."""
    with open_reader(db) as ledger:
        fixes: dict[str, list[Judgement]] = {}
        for j in _judgements.active(_ordered(ledger, ledger.judgements())):
            fixes.setdefault(j.target, []).append(j)
        yield _corrected(listing.listed_claims(ledger), fixes)


@contextmanager
def listed_parts(db: str | None, level: str
                 ) -> Iterator[tuple[Iterable[Incident] | Iterable[Tally], dict[str, Document]]]:
    """The ledger opened, then the incidents in ledger order as a stream (``level``
    "incidents"; else the tallies) and the current documents without text by id: what the
    incidents and tallies exports read (decisions §15.13)."""
    with open_reader(db) as ledger:
        documents = {d.id: d for d in ledger.document_list()}
        yield (ledger.incident_stream() if level == "incidents" else ledger.tallies()), documents


def _corrected(items: Iterator[tuple[Claim, str | None, Document]],
               fixes: dict[str, list[Judgement]]
               ) -> Iterator[tuple[Claim, str | None, Document]]:
    # a claim's corrections touch that claim alone: applied claim by claim, as a whole list
    for claim, incident_id, doc in items:
        if claim.id in fixes:
            claim = _judgements.apply_to_claims([claim], fixes[claim.id])[0][0]
        yield claim, incident_id, doc


def _claims_and_documents(ledger: Reading, ids: set[str]
                          ) -> tuple[dict[str, Claim], dict[str, Document]]:
    claims, _ = _judgements.apply_to_claims(ledger.claims_of(ids),
                                            _ordered(ledger, ledger.judgements()))
    docs, _ = ledger.documents_of({c.document_id for c in claims})
    return {c.id: c for c in claims}, {d.id: d for d in docs}


def incident(incident_id: str, db: str | None = None) -> Incident:
    """One incident of the ledger (NotFound when there is none with that id)."""
    with open_reader(db) as ledger:
        return ledger.incident(incident_id)


def tallies(db: str | None = None) -> list[Tally]:
    """The cumulative figures of the ledger (series: :func:`civcas.api.tally_series`)."""
    with open_reader(db) as ledger:
        return ledger.tallies()


def _ordered(ledger: Reading, judgements: list[Judgement]) -> list[Judgement]:
    """Judgements in time order, following claims to their current document version."""
    return _judgements.follow(sorted(judgements, key=lambda j: j.at), ledger.successors())


def pending(db: str | None = None) -> int:
    """How many stored documents no resolution has included yet (the ledger is stale
    while this is not 0: ``civcas resolve --pending`` finishes them)."""
    with open_reader(db) as ledger:
        return ledger.pending_count()


def incident_detail(incident_id: str, db: str | None = None
                    ) -> tuple[Incident, list[Claim], dict[str, Document]]:
    """An incident with its claims (corrections applied) and their documents."""
    with open_reader(db) as ledger:
        inc = ledger.incident(incident_id)
        by_id, docs = _claims_and_documents(ledger, set(inc.claim_ids))
    members = [by_id[c] for c in inc.claim_ids if c in by_id]
    return inc, members, {c.document_id: docs[c.document_id] for c in members
                          if c.document_id in docs}
