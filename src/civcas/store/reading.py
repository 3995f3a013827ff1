"""Reading the ledger: incidents, their claims and documents, tallies, judgements, what is
pending — in SQL text on the database driver's own connection.

:class:`Reading` is a mixin of :class:`civcas.store.Ledger` (its reads run on the connection of
the ledger's session, inside :meth:`~civcas.store.Ledger.locked` transactions too) and of
:class:`~civcas.store.reader.Reader`, which opens a ledger for reading only (decisions §15.7).

The statements are the ones SQLAlchemy rendered for these reads (the same predicates, so the
same plans and row orders on both backends); values come back as its column types gave them:
SQLite keeps JSON as text and dates as ISO text, PostgreSQL's driver converts both.
"""
from __future__ import annotations

import itertools
import json
from collections import defaultdict, namedtuple
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from ..errors import NotFound
from ..records import Claim, Document, Incident, Judgement, Place, Tally
from ..vocab import names
from . import convert

CHUNK = 500

INCIDENT = ("id", "event_date", "date_precision", "place_pk", "perpetrators", "document_ids",
            "title", "position", "place_precision", "place_confidence", "place_mention",
            "place_note")
ASSESSMENT = ("incident_id", "grade", "reasons", "estimates", "stances", "sources",
              "overridden_by")
CLAIM = ("pk", "claim_id", "outcome", "victims", "low", "high", "qualifier", "text", "source",
         "place", "event_date", "perpetrator", "scope", "span_start", "span_end", "sentence",
         "sentence_start", "place_pk", "confidence", "geo_precision", "geo_confidence",
         "geo_mention", "geo_note")
DOCUMENT = ("doc_id", "title", "text", "published", "outlet", "url", "origin", "content_hash",
            "focus_pk", "focus_precision", "focus_confidence", "focus_mention", "focus_note")
TALLY = ("asserter", "belligerent", "victims", "outcome", "low", "high", "as_of", "period",
         "claim_id", "document_id")
JUDGEMENT = ("id", "kind", "target", "payload", "user", "at", "reason")
ENTRY = ("pk", *convert.ENTRY_FIELDS)
_LISTED = {"doc_id", "title", "published", "outlet", "url", "origin", "content_hash"}
# columns whose values SQLite returns as text (JSON, dates) and PostgreSQL's driver converts
_JSON = {"perpetrators", "document_ids", "reasons", "estimates", "stances", "sources",
         "payload"}
_DATES: dict[str, Callable[[str], Any]] = {"published": date.fromisoformat,
                                           "at": datetime.fromisoformat}


# The longest an incident's date runs, first day to last: it is a window's label
# (resolve.features: a claim's date of at most MAX_WINDOW_DAYS = 45 days, or the week before
# its publication), so an incident that ends on or after a day starts at most this many days
# before it. The date filters narrow by the event_date index with it (decisions §15.10).
EVENT_SPAN_DAYS = 45


def _day(value: str, days: int) -> str | None:
    """The ISO day ``days`` after ``value`` when it is an ISO day (YYYY-MM-DD), else None."""
    try:
        day = date.fromisoformat(value)
        moved = day + timedelta(days=days)
    except (ValueError, OverflowError):
        return None
    return moved.isoformat() if day.isoformat() == value else None


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def tally_order(t: Tally) -> tuple:
    """The order tallies are listed in (total: the same whether resolved in full or in parts)."""
    return (names.fold(t.asserter), t.belligerent or "", t.victims, t.outcome, t.as_of or "",
            t.low is None, t.low or 0, t.high is None, t.high or 0, t.claim_id)


def _columns(names_: Iterable[str], table: str = "") -> str:
    prefix = f"{table}." if table else ""
    return ", ".join(prefix + ('"user"' if n == "user" else n) for n in names_)


_STREAMS = itertools.count()


class Sql:
    """Statements run on one DB-API connection (``sqlite`` or ``postgresql``), written with
    ``?`` placeholders; rows come back as named tuples with values as SQLAlchemy's types give
    them."""

    def __init__(self, connection: Any, dialect: str) -> None:
        self.connection = connection
        self.sqlite = dialect == "sqlite"
        # SQLAlchemy's rendering of ``column.is_(True)`` / ``is_(False)`` on each backend
        self.true, self.false = ("1", "0") if self.sqlite else ("true", "false")
        self._tuples: dict[tuple[str, ...], Any] = {}

    def rows(self, sql: str, args: Iterable[Any] = (), columns: tuple[str, ...] = ()
             ) -> list[Any]:
        """The rows of ``sql`` (as named tuples of ``columns`` when given)."""
        if not self.sqlite:
            sql = sql.replace("?", "%s")  # no statement here holds a literal "?" or "%"
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, tuple(args))
            found = cursor.fetchall()
        finally:
            cursor.close()
        if not columns:
            return found
        make = self._tuples.get(columns)
        if make is None:
            make = self._tuples[columns] = namedtuple("Row", columns)._make  # type: ignore[attr-defined]
        if self.sqlite:
            convert_at = [(i, json.loads if c in _JSON else _DATES[c])
                          for i, c in enumerate(columns) if c in _JSON or c in _DATES]
            if convert_at:
                return [make(_converted(r, convert_at)) for r in found]
        return [make(r) for r in found]

    def stream(self, sql: str, args: Iterable[Any] = (), columns: tuple[str, ...] = (),
               size: int = 2000) -> Iterator[Any]:
        """The rows of ``sql`` as :meth:`rows` gives them, fetched ``size`` at a time (a
        whole table is never held as rows: each is made into a record as it comes)."""
        if not self.sqlite:
            sql = sql.replace("?", "%s")
        make = namedtuple("Row", columns)._make if columns else tuple  # type: ignore[attr-defined]
        convert_at = [(i, json.loads if c in _JSON else _DATES[c]) for i, c in enumerate(columns)
                      if c in _JSON or c in _DATES] if self.sqlite else []
        # PostgreSQL: a server-side cursor, or the driver receives the whole result at once
        cursor = (self.connection.cursor() if self.sqlite else
                  self.connection.cursor(name=f"civcas_stream_{next(_STREAMS)}"))
        try:
            cursor.execute(sql, tuple(args))
            while found := cursor.fetchmany(size):
                for r in found:
                    yield make(_converted(r, convert_at)) if convert_at else make(r)
        finally:
            cursor.close()

    def value(self, sql: str, args: Iterable[Any] = ()) -> Any:
        found = self.rows(sql, args)
        return found[0][0] if found else None


def _converted(row: tuple, convert_at: list[tuple[int, Callable[[str], Any]]]) -> list[Any]:
    values = list(row)
    for i, parse in convert_at:
        if values[i] is not None:
            values[i] = parse(values[i])
    return values


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))


class Reading:
    """Needs ``_sql()``: a context manager giving a :class:`Sql` on the ledger's connection."""

    def _sql(self) -> Any:  # pragma: no cover - provided by Ledger and Reader
        raise NotImplementedError

    # ------------------------------------------------------------ incidents

    def incidents(self) -> list[Incident]:
        with self._sql() as q:
            return _incidents(q, "", [])

    def incidents_where(self, since: str | None = None, until: str | None = None,
                        grade: str | None = None) -> list[Incident]:
        """The incidents that may pass these filters (a superset, read by SQL and the
        indexes, not the whole ledger: the caller filters exactly), in ledger order."""
        where: list[str] = []
        args: list[Any] = []
        if since is not None:  # its last day on or after since: a date, or the end of a range
            where.append("(event_date >= ? OR event_date LIKE ? AND substr(event_date, ?, ?) >= ?)")
            args += [since, "%/%", 12, 10, since]
            first = _day(since, -EVENT_SPAN_DAYS)
            if first is not None:  # and so its first day at most the longest span before
                where.append("event_date >= ?")
                args.append(first)
        if until is not None:  # its first day on or before until
            where.append("substr(event_date, ?, ?) <= ?")
            args += [1, 10, until]
            after = _day(until, 1)
            if after is not None:  # the same, as a range of the event_date index
                where.append("event_date < ?")
                args.append(after)
        if grade is not None:
            where.append("id IN (SELECT assessments.incident_id FROM assessments "
                         "WHERE assessments.grade = ?)")
            args.append(grade)
        with self._sql() as q:
            return _incidents(q, " WHERE " + " AND ".join(where) if where else "", args)

    def incident_stream(self) -> Iterator[Incident]:
        """Every incident in ledger order, made :data:`CHUNK` at a time (decisions §15.13)."""
        with self._sql() as q:
            batch: list[Any] = []
            sql = f"SELECT {_columns(INCIDENT)} FROM incidents ORDER BY incidents.position"
            for r in q.stream(sql, (), INCIDENT):
                batch.append(r)
                if len(batch) == CHUNK:
                    yield from _made(q, batch)
                    batch.clear()
            yield from _made(q, batch)

    def incident_count(self) -> int:
        with self._sql() as q:
            return int(q.value("SELECT count(*) FROM incidents") or 0)

    def incident(self, incident_id: str) -> Incident:
        with self._sql() as q:
            found = _incidents(q, " WHERE id = ?", [incident_id], ordered=False)
        if not found:
            raise NotFound("E402", incident=incident_id[:100])
        return found[0]

    def tallies(self) -> list[Tally]:
        with self._sql() as q:
            rows = q.rows(f"SELECT {_columns(TALLY)} FROM tallies", columns=TALLY)
        return sorted((convert.tally_record(r) for r in rows), key=tally_order)

    # ------------------------------------------------------------ claims and documents

    def claims_of(self, claim_ids: Iterable[str]) -> list[Claim]:
        """The current claims with these ids, in ingestion order (as extracted)."""
        ids = sorted(set(claim_ids))
        with self._sql() as q:
            rows: list[Any] = []
            for chunk in chunks(ids):
                rows.extend(q.rows(
                    f"SELECT {_columns(CLAIM, 'claims')}, documents.doc_id FROM claims "
                    f"JOIN documents ON documents.pk = claims.document_pk "
                    f"WHERE documents.is_current IS {q.true} "
                    f"AND claims.claim_id IN ({_marks(chunk)})", chunk, (*CLAIM, "doc_id")))
            rows.sort(key=lambda r: r.pk)
            entries = _entries(q, {r.place_pk for r in rows if r.place_pk is not None})
            return [convert.claim_record(r, r.doc_id,
                                         convert.place_at(entries, r.place_pk, r, "geo"))
                    for r in rows]

    def current_claims(self) -> Iterator[Claim]:
        """Every claim of current documents, in ingestion order, read as a stream."""
        with self._sql() as q:
            entries = {r[0]: tuple(r[1:]) for r in q.rows(f"SELECT {_columns(ENTRY)} FROM places")}
            # one (equal, frozen) Place per entry and use: claims of one place share it
            used: dict[tuple, Place | None] = {}
            for r in q.stream(
                    f"SELECT {_columns(CLAIM, 'claims')}, documents.doc_id FROM claims "
                    f"JOIN documents ON documents.pk = claims.document_pk "
                    f"WHERE documents.is_current IS {q.true} ORDER BY claims.pk", (),
                    (*CLAIM, "doc_id")):
                key = (r.place_pk, r.geo_precision, r.geo_confidence, r.geo_mention, r.geo_note)
                if key not in used:
                    used[key] = convert.place_at(entries, r.place_pk, r, "geo")
                yield convert.claim_record(r, r.doc_id, used[key])

    def document_list(self) -> Iterator[Document]:
        """Every current document in ingestion order, read as a stream, without its text
        (nor the language found in it): what the outputs list of a document (title, date,
        outlet, address, origin), not the body they never show."""
        listed = tuple(c for c in DOCUMENT if c in _LISTED)
        with self._sql() as q:
            for r in q.stream(f"SELECT {_columns(listed, 'documents')} FROM documents "
                              f"WHERE documents.is_current IS {q.true} ORDER BY documents.pk",
                              (), listed):
                yield Document(id=r.doc_id, title=r.title, text="", published=r.published,
                               outlet=r.outlet, url=r.url, origin=r.origin,
                               content_hash=r.content_hash)

    def documents_of(self, doc_ids: Iterable[str]) -> tuple[list[Document], dict[str, Place]]:
        """The current versions of these documents, and their focus places."""
        ids = sorted(set(doc_ids))
        docs: list[Document] = []
        focus: dict[str, Place] = {}
        entry = [f"entry_{n}" for n in convert.ENTRY_FIELDS]
        with self._sql() as q:
            for chunk in chunks(ids):
                rows = q.rows(
                    f"SELECT {_columns(DOCUMENT, 'documents')}, "
                    + ", ".join(f"places.{n} AS entry_{n}" for n in convert.ENTRY_FIELDS)
                    + " FROM documents LEFT OUTER JOIN places ON places.pk = documents.focus_pk"
                    f" WHERE documents.is_current IS {q.true}"
                    f" AND documents.doc_id IN ({_marks(chunk)})", chunk, (*DOCUMENT, *entry))
                for d in rows:
                    docs.append(convert.document_record(d))
                    place = convert.place_at({d.focus_pk: tuple(d)[len(DOCUMENT):]},
                                             d.focus_pk, d, "focus")
                    if place is not None:
                        focus[d.doc_id] = place
        return docs, focus

    def successors(self) -> dict[str, str]:
        """Claim id of an older document version -> the same claim in the current version.

        "The same" means the same outcome, victims, figure, qualifier, source
        and text; a claim whose figure changed has no successor.
        """
        def key(row: Any) -> tuple:
            return row[1:]

        with self._sql() as q:
            if q.value(f"SELECT documents.pk FROM documents WHERE documents.is_current "
                       f"IS {q.false} LIMIT ?", [1]) is None:
                return {}  # no older version: no claim to join (not read claim by claim)
            select = ("SELECT claims.claim_id, documents.doc_id, claims.outcome, claims.victims, "
                      "claims.low, claims.high, claims.qualifier, claims.source, claims.text "
                      "FROM claims JOIN documents ON documents.pk = claims.document_pk ")
            old = q.rows(select + f"WHERE documents.is_current IS {q.false}")
            if not old:
                return {}
            ids = sorted({row[1] for row in old})
            current: dict[tuple[Any, ...], str] = {}
            for chunk in chunks(ids):
                for row in q.rows(select + f"WHERE documents.is_current IS {q.true} AND "
                                  f"documents.doc_id IN ({_marks(chunk)})", chunk):
                    current.setdefault(key(row), row[0])
            return {row[0]: current[key(row)] for row in old if key(row) in current}

    def claim_pks(self, claim_ids: Iterable[str]) -> dict[str, int]:
        """Claim id -> its ingestion number."""
        ids = sorted(set(claim_ids))
        with self._sql() as q:
            return {c: pk for chunk in chunks(ids) for c, pk in q.rows(
                f"SELECT claims.claim_id, claims.pk FROM claims "
                f"WHERE claims.claim_id IN ({_marks(chunk)})", chunk)}

    def claim_confidences(self) -> dict[str, float]:
        """Claim id -> the extractor's calibrated confidence, for the claims of current
        documents that have one (claims stored before migration 0008 have none: unknown,
        left out)."""
        with self._sql() as q:
            return {c: float(v) for c, v in q.rows(
                f"SELECT claims.claim_id, claims.confidence FROM claims JOIN documents "
                f"ON documents.pk = claims.document_pk WHERE documents.is_current IS {q.true} "
                f"AND claims.confidence IS NOT NULL") if v is not None}

    # ------------------------------------------------------------ judgements, state

    def judgements(self) -> list[Judgement]:
        with self._sql() as q:
            rows = q.rows(f"SELECT {_columns(JUDGEMENT)} FROM judgements "
                          f"ORDER BY judgements.at, judgements.pk", columns=JUDGEMENT)
        return [convert.judgement_record(r) for r in rows]

    def pending_count(self) -> int:
        """How many current documents no resolution has included yet."""
        with self._sql() as q:
            return int(q.value(f"SELECT count(*) FROM documents WHERE documents.pending "
                               f"IS {q.true} AND documents.is_current IS {q.true}") or 0)


def _incidents(q: Sql, where: str, args: list[Any], ordered: bool = True) -> list[Incident]:
    return _made(q, q.rows(f"SELECT {_columns(INCIDENT)} FROM incidents{where}"
                           + (" ORDER BY incidents.position" if ordered else ""), args, INCIDENT))


def _made(q: Sql, rows: list[Any]) -> list[Incident]:
    ids = [r.id for r in rows]
    members: dict[str, list[tuple[int, str]]] = defaultdict(list)
    assessed: dict[str, Any] = {}
    for chunk in chunks(ids):
        for incident_id, position, claim_id in q.rows(
                f"SELECT incident_id, position, claim_id FROM incident_claims "
                f"WHERE incident_id IN ({_marks(chunk)})", chunk):
            members[incident_id].append((position, claim_id))
        for a in q.rows(f"SELECT {_columns(ASSESSMENT)} FROM assessments "
                        f"WHERE incident_id IN ({_marks(chunk)})", chunk, ASSESSMENT):
            assessed[a.incident_id] = a
    entries = _entries(q, {r.place_pk for r in rows if r.place_pk is not None})
    return [convert.incident_record(
                r, tuple(c for _, c in sorted(members[r.id])),
                convert.place_at(entries, r.place_pk, r, "place"),
                convert.assessment_record(assessed.get(r.id)))
            for r in rows]


def _entries(q: Sql, pks: set[int]) -> dict[int, convert.Entry]:
    """pk -> entry of these ``places`` rows."""
    return {r[0]: tuple(r[1:]) for chunk in chunks(sorted(pks)) for r in q.rows(
        f"SELECT {_columns(ENTRY)} FROM places WHERE places.pk IN ({_marks(chunk)})", chunk)}
