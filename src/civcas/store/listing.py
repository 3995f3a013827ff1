"""The claims export's read: every current claim with its first incident and its document,
joined by SQL and read as a stream (decisions §15.13)."""
from __future__ import annotations

from collections.abc import Iterator

from ..records import Claim, Document, Place
from . import convert
from .reading import CLAIM, ENTRY, Reading, _columns

_DOC_ROW = ("doc_id", "title", "published", "outlet", "url")  # a claims export row
# a claim's first incident in ledger order: by the claim_id index on SQLite, joined on PostgreSQL
_FIRST = ("(SELECT incidents.id FROM incident_claims JOIN incidents ON incidents.id = "
          "incident_claims.incident_id WHERE incident_claims.claim_id = claims.claim_id "
          "ORDER BY incidents.position, incidents.id LIMIT 1)")
_FIRSTS = (" LEFT JOIN (SELECT incident_claims.claim_id, incident_claims.incident_id, row_number()"
           " OVER (PARTITION BY incident_claims.claim_id ORDER BY incidents.position, incidents.id)"
           " AS k FROM incident_claims JOIN incidents ON incidents.id = incident_claims.incident_id"
           ") AS firsts ON firsts.claim_id = claims.claim_id AND firsts.k = 1")


def listed_claims(ledger: Reading) -> Iterator[tuple[Claim, str | None, Document]]:
    """Every claim of current documents in ingestion order, each with the first incident (in
    ledger order) that lists it and its document without text, one at a time."""
    with ledger._sql() as q:
        yield from _listed(q)


def _listed(q) -> Iterator[tuple[Claim, str | None, Document]]:
    entries = {r[0]: tuple(r[1:]) for r in q.rows(f"SELECT {_columns(ENTRY)} FROM places")}
    used: dict[tuple, Place | None] = {}
    sql = (f"SELECT {_columns(CLAIM, 'claims')}, {_columns(_DOC_ROW, 'documents')}, "
           + (_FIRST if q.sqlite else "firsts.incident_id") + " FROM claims JOIN "
           "documents ON documents.pk = claims.document_pk" + ("" if q.sqlite else
                                                               _FIRSTS)
           + f" WHERE documents.is_current IS {q.true} ORDER BY claims.pk")
    if not q.sqlite:  # a hash join whatever the statistics (none on a fresh ledger)
        q.connection.cursor().execute("SET enable_nestloop = off")
    try:
        for r in q.stream(sql, (), (*CLAIM, *_DOC_ROW, "incident_id")):
            key = (r.place_pk, r.geo_precision, r.geo_confidence, r.geo_mention,
                   r.geo_note)
            if key not in used:
                used[key] = convert.place_at(entries, r.place_pk, r, "geo")
            yield (convert.claim_record(r, r.doc_id, used[key]), r.incident_id,
                   Document(id=r.doc_id, title=r.title, text="",
                            published=r.published, outlet=r.outlet, url=r.url))
    finally:
        if not q.sqlite:
            q.connection.cursor().execute("RESET enable_nestloop")
