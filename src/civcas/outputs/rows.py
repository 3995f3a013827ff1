"""Snapshot -> rows: one table per export level and layout.

A table is a :class:`Table`: its columns (name and type, in order) and its
rows (dicts keyed by column name). Every column is documented in
``docs/exports.md``; a test holds the two together.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from ..errors import ConfigError
from ..records import Claim, Document, Incident, LedgerSnapshot, Tally
from . import ledger as L

# column types: str, int, float, date (ISO day), bool
Column = tuple[str, str]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    rows: Iterable[dict]  # a tuple, or made as read: one pass (rows_of)

    @property
    def names(self) -> list[str]:
        return [c for c, _ in self.columns]


CLAIM_COLUMNS: tuple[Column, ...] = (
    ("claim_id", "str"), ("incident_id", "str"), ("document_id", "str"),
    ("outcome", "str"), ("victims", "str"), ("low", "int"), ("high", "int"),
    ("qualifier", "str"), ("figure", "str"), ("scope", "str"), ("source", "str"),
    ("perpetrator", "str"), ("event_date", "str"), ("date_start", "date"), ("date_end", "date"),
    ("place", "str"), ("location", "str"), ("country", "str"), ("admin1", "str"),
    ("admin2", "str"), ("latitude", "float"), ("longitude", "float"), ("geo_precision", "str"),
    ("geonames_id", "int"), ("geo_confidence", "float"), ("confidence", "float"),
    ("text", "str"), ("sentence", "str"),
    ("span_start", "int"), ("span_end", "int"), ("document_title", "str"),
    ("document_published", "date"), ("document_outlet", "str"), ("document_url", "str"),
)

INCIDENT_COLUMNS: tuple[Column, ...] = (
    ("incident_id", "str"), ("title", "str"), ("event_date", "str"), ("date_start", "date"),
    ("date_end", "date"), ("date_precision", "str"), ("location", "str"), ("country", "str"),
    ("admin1", "str"), ("admin2", "str"), ("latitude", "float"), ("longitude", "float"),
    ("geo_precision", "str"), ("geonames_id", "int"), ("perpetrators", "str"), ("grade", "str"),
    ("grade_reasons", "str"), ("grade_overridden_by", "str"), ("killed_victims", "str"),
    ("killed_low", "int"), ("killed_best", "int"), ("killed_high", "int"), ("killed_rule", "str"),
    ("injured_victims", "str"), ("injured_low", "int"), ("injured_best", "int"),
    ("injured_high", "int"), ("injured_rule", "str"), ("stances", "str"), ("sources", "str"),
    ("n_sources", "int"), ("n_claims", "int"), ("n_documents", "int"), ("claim_ids", "str"),
    ("document_ids", "str"), ("document_urls", "str"),
)

ACLED_COLUMNS: tuple[Column, ...] = (
    ("event_id_cnty", "str"), ("event_date", "date"), ("year", "int"), ("time_precision", "int"),
    ("actor1", "str"), ("actor2", "str"), ("country", "str"), ("admin1", "str"), ("admin2", "str"),
    ("location", "str"), ("latitude", "float"), ("longitude", "float"), ("geo_precision", "int"),
    ("source", "str"), ("notes", "str"), ("fatalities", "int"), ("tags", "str"),
)

UCDP_COLUMNS: tuple[Column, ...] = (
    ("id", "str"), ("date_start", "date"), ("date_end", "date"), ("date_prec", "int"),
    ("side_a", "str"), ("side_b", "str"), ("country", "str"), ("adm_1", "str"), ("adm_2", "str"),
    ("where_coordinates", "str"), ("latitude", "float"), ("longitude", "float"),
    ("where_prec", "int"), ("deaths_civilians", "int"), ("best", "int"), ("low", "int"),
    ("high", "int"), ("number_of_sources", "int"), ("source_article", "str"),
    ("source_original", "str"), ("notes", "str"),
)

TALLY_COLUMNS: tuple[Column, ...] = (
    ("asserter", "str"), ("belligerent", "str"), ("kind", "str"), ("outcome", "str"),
    ("victims", "str"), ("low", "int"), ("high", "int"), ("as_of", "date"), ("period", "str"),
    ("claim_id", "str"), ("document_id", "str"), ("document_url", "str"),
)


def _place_cells(place) -> dict:
    if place is None:
        return {"location": None, "country": None, "admin1": None, "admin2": None,
                "latitude": None, "longitude": None, "geonames_id": None}
    return {"location": place.name, "country": place.country, "admin1": place.admin1,
            "admin2": place.admin2, "latitude": place.lat, "longitude": place.lon,
            "geonames_id": place.geonames_id}


def claim_items(snapshot: LedgerSnapshot) -> Iterator[tuple[Claim, str | None, Document | None]]:
    """Each claim of ``snapshot`` with the first incident that lists it and its document."""
    idx = L.Index.of(snapshot)
    for c in snapshot.claims:
        yield c, idx.incident_of.get(c.id), idx.documents.get(c.document_id)


def claim_table(items: Iterable[tuple[Claim, str | None, Document | None]]) -> Table:
    """The claims table of (claim, incident id, document) items, each row made as its item
    comes (a stream read from the ledger is written without being held: decisions §15.13)."""
    return Table("claims", CLAIM_COLUMNS, (_claim_row(*item) for item in items))


def _claim_row(c: Claim, incident_id: str | None, doc: Document | None) -> dict:
    start, end = L.date_bounds(c.event_date)
    return {
        "claim_id": c.id, "incident_id": incident_id,
        "document_id": c.document_id or None, "outcome": c.outcome, "victims": c.victims,
        "low": c.low, "high": c.high, "qualifier": c.qualifier, "figure": L.figure(c),
        "scope": c.scope, "source": c.source or None, "perpetrator": c.perpetrator,
        "event_date": c.event_date, "date_start": start, "date_end": end, "place": c.place,
        **_place_cells(c.geo),
        "geo_precision": c.geo.precision if c.geo else None,
        "geo_confidence": c.geo.confidence if c.geo else None,
        "confidence": c.confidence,
        "text": c.text, "sentence": c.sentence, "span_start": c.span[0],
        "span_end": c.span[1],
        "document_title": doc.title if doc else None,
        "document_published": doc.published if doc else None,
        "document_outlet": doc.outlet if doc else None,
        "document_url": doc.url if doc else None,
    }


def claim_rows(snapshot: LedgerSnapshot) -> Table:
    return claim_table(claim_items(snapshot))


def _incident_row(incident: Incident, documents: dict[str, Document]) -> dict:
    a = incident.assessment
    start, end = L.date_bounds(incident.event_date)
    row = {
        "incident_id": incident.id, "title": incident.title or None,
        "event_date": incident.event_date, "date_start": start, "date_end": end,
        "date_precision": incident.date_precision, **_place_cells(incident.place),
        "geo_precision": incident.place.precision if incident.place else None,
        "perpetrators": L.join(incident.perpetrators) or None, "grade": L.grade(incident) or None,
        "grade_reasons": L.join(a.reasons) if a else None,
        "grade_overridden_by": a.overridden_by if a else None,
        "stances": L.stances_text(incident) or None,
        "sources": L.join(a.sources) if a else None,
        "n_sources": len(a.sources) if a else 0, "n_claims": len(incident.claim_ids),
        "n_documents": len(incident.document_ids),
        "claim_ids": L.join(incident.claim_ids) or None,
        "document_ids": L.join(incident.document_ids) or None,
        "document_urls": L.join(
            documents[d].url for d in incident.document_ids if d in documents) or None,
    }
    for outcome in ("killed", "injured"):
        e = L.estimate(incident, outcome)
        row[f"{outcome}_victims"] = e.victims if e else None
        row[f"{outcome}_low"] = e.low if e else None
        row[f"{outcome}_best"] = e.best if e else None
        row[f"{outcome}_high"] = e.high if e else None
        row[f"{outcome}_rule"] = e.rule if e else None
    return row


def incident_table(incidents: Iterable[Incident], documents: dict[str, Document],
                   layout: str | None = None) -> Table:
    """The incidents table in ``layout`` (None, acled, ucdp), each row made as its incident
    comes (decisions §15.13); ``documents`` by id, for their addresses and titles."""
    if layout == "acled":
        return Table("incidents", ACLED_COLUMNS,
                     (_acled_row(_incident_row(i, documents)) for i in incidents))
    if layout == "ucdp":
        return Table("incidents", UCDP_COLUMNS, (
            _ucdp_row(i, _incident_row(i, documents), documents) for i in incidents))
    return Table("incidents", INCIDENT_COLUMNS, (_incident_row(i, documents) for i in incidents))


def _documents(snapshot: LedgerSnapshot) -> dict[str, Document]:
    return {d.id: d for d in snapshot.documents}


def incident_rows(snapshot: LedgerSnapshot) -> Table:
    return incident_table(snapshot.incidents, _documents(snapshot))


def _notes(row: dict) -> str:
    killed = L.format_range(row["killed_low"], row["killed_high"])
    parts = [row["title"] or "", f"{row['killed_victims'] or 'people'} killed {killed}",
             f"grade {row['grade'] or 'none'}"]
    if row["stances"]:
        parts.append(row["stances"])
    return ". ".join(p for p in parts if p)


def acled_rows(snapshot: LedgerSnapshot) -> Table:
    return incident_table(snapshot.incidents, _documents(snapshot), "acled")


def _acled_row(r: dict) -> dict:
    start: date | None = r["date_start"]
    return {
        "event_id_cnty": r["incident_id"], "event_date": start,
        "year": start.year if start else None,
        "time_precision": L.ACLED_TIME.get(r["date_precision"]),
        "actor1": r["perpetrators"] or "Unidentified", "actor2": "Civilians",
        "country": r["country"], "admin1": r["admin1"], "admin2": r["admin2"],
        "location": r["location"], "latitude": r["latitude"], "longitude": r["longitude"],
        "geo_precision": L.ACLED_GEO.get(r["geo_precision"] or ""),
        "source": r["sources"], "notes": _notes(r),
        "fatalities": r["killed_low"] if r["killed_low"] is not None else 0,
        "tags": f"civcas grade: {r['grade'] or 'none'}",
    }


def ucdp_rows(snapshot: LedgerSnapshot) -> Table:
    return incident_table(snapshot.incidents, _documents(snapshot), "ucdp")


def _ucdp_row(incident: Incident, r: dict, documents: dict[str, Document]) -> dict:
    civ = r["killed_best"] if r["killed_victims"] == "civilians" else None
    return {
        "id": r["incident_id"], "date_start": r["date_start"], "date_end": r["date_end"],
        "date_prec": L.UCDP_DATE.get(r["date_precision"]),
        "side_a": r["perpetrators"] or "Unidentified", "side_b": "Civilians",
        "country": r["country"], "adm_1": r["admin1"], "adm_2": r["admin2"],
        "where_coordinates": r["location"], "latitude": r["latitude"],
        "longitude": r["longitude"],
        "where_prec": L.UCDP_WHERE.get(r["geo_precision"] or ""),
        "deaths_civilians": civ, "best": r["killed_best"], "low": r["killed_low"],
        "high": r["killed_high"], "number_of_sources": r["n_sources"],
        "source_article": L.join(
            _article(documents[d]) for d in incident.document_ids if d in documents)
        or None,
        "source_original": r["sources"], "notes": _notes(r),
    }


def _article(doc) -> str:
    parts = [doc.outlet or "", doc.published.isoformat() if doc.published else "", doc.title]
    return ", ".join(p for p in parts if p)


def tally_rows(snapshot: LedgerSnapshot) -> Table:
    return tally_table(snapshot.tallies, _documents(snapshot))


def tally_table(tallies: Iterable[Tally], documents: dict[str, Document]) -> Table:
    """The tallies table, each row made as its tally comes."""
    return Table("tallies", TALLY_COLUMNS, (_tally_row(t, documents.get(t.document_id))
                                            for t in tallies))


def _tally_row(t: Tally, doc: Document | None) -> dict:
    as_of, _ = L.date_bounds(t.as_of)
    return {
        "asserter": t.asserter, "belligerent": t.belligerent, "kind": L.tally_kind(t) or None,
        "outcome": t.outcome, "victims": t.victims, "low": t.low, "high": t.high,
        "as_of": as_of, "period": t.period, "claim_id": t.claim_id or None,
        "document_id": t.document_id or None, "document_url": doc.url if doc else None,
    }


LEVELS = ("claims", "incidents", "tallies")
LAYOUTS = ("acled", "ucdp")

_BUILDERS: dict[tuple[str, str | None], Callable[[LedgerSnapshot], Table]] = {
    ("claims", None): claim_rows,
    ("incidents", None): incident_rows,
    ("incidents", "acled"): acled_rows,
    ("incidents", "ucdp"): ucdp_rows,
    ("tallies", None): tally_rows,
}


def table(snapshot: LedgerSnapshot, level: str, layout: str | None = None) -> Table:
    """The rows of ``level`` (claims, incidents, tallies) in ``layout`` (None, acled, ucdp),
    as a tuple."""
    found = rows_of(snapshot, level, layout)
    return Table(found.name, found.columns, tuple(found.rows))


def rows_of(snapshot: LedgerSnapshot, level: str, layout: str | None = None) -> Table:
    """The rows of ``level`` in ``layout``, each made as it is read (one pass)."""
    if level not in LEVELS:
        raise ConfigError("E141", level=level, levels=", ".join(LEVELS))
    if layout is not None and layout not in LAYOUTS:
        raise ConfigError("E143", layout=layout, layouts=", ".join(LAYOUTS))
    builder = _BUILDERS.get((level, layout))
    if builder is None:
        raise ConfigError("E144", layout=layout, level=level)
    return builder(snapshot)


def all_columns() -> dict[str, tuple[Column, ...]]:
    """Every table's columns, keyed "claims", "incidents", "incidents/acled"...: for the docs test."""
    return {
        "claims": CLAIM_COLUMNS, "incidents": INCIDENT_COLUMNS, "incidents/acled": ACLED_COLUMNS,
        "incidents/ucdp": UCDP_COLUMNS, "tallies": TALLY_COLUMNS,
    }
