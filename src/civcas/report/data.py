"""Snapshot -> the plain values the report template and its script show.

Everything here is data (str, int, dicts); escaping is the template's job
(Jinja2 autoescape) and :func:`json_for_script`'s for the embedded JSON.
"""
from __future__ import annotations

import base64
import gzip
import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

from ..outputs import ledger as L
from ..records import GRADES, Claim, Document, Incident, LedgerSnapshot

GRADE_COLOURS = L.GRADE_COLOURS  # one palette everywhere (outputs.ledger)
OUTLINE_MARGIN = 3.0  # degrees around the incidents within which country outlines are kept
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def json_for_script(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</``, ``<!--``, U+2028/9."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def safe_url(url: str | None) -> str | None:
    """``url`` if it is plain http(s), else None (no javascript:, data: ... links)."""
    return url if url and _SAFE_URL.match(url) else None


def _estimate(incident: Incident, outcome: str) -> dict:
    e = L.estimate(incident, outcome)
    if e is None:
        return {"victims": "", "low": None, "best": None, "high": None, "rule": "",
                "range": "unknown"}
    return {"victims": e.victims, "low": e.low, "best": e.best, "high": e.high, "rule": e.rule,
            "range": L.format_range(e.low, e.high)}


def _sentence_parts(claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence split around its span: (before, figure text, after)."""
    s = claim.sentence
    start, end = claim.span[0] - claim.sentence_start, claim.span[1] - claim.sentence_start
    if 0 <= start <= end <= len(s) and s[start:end] == claim.text:
        return s[:start], s[start:end], s[end:]
    at = s.find(claim.text) if claim.text else -1
    if at >= 0:
        return s[:at], claim.text, s[at + len(claim.text):]
    return s, "", ""


def _document(doc: Document | None, doc_id: str) -> dict:
    if doc is None:
        return {"id": doc_id, "title": "(document not in the ledger)", "outlet": "",
                "published": "", "url": None, "url_text": "", "origin": ""}
    return {"id": doc.id, "title": doc.title or "(untitled)", "outlet": doc.outlet or "",
            "published": doc.published.isoformat() if doc.published else "",
            "url": safe_url(doc.url), "url_text": doc.url or "", "origin": doc.origin or ""}


def _claim(claim: Claim, idx: L.Index) -> dict:
    before, mark, after = _sentence_parts(claim)
    return {
        "id": claim.id, "figure": L.figure(claim), "outcome": claim.outcome,
        "victims": claim.victims, "qualifier": claim.qualifier, "scope": claim.scope,
        "source": claim.source or "unattributed", "perpetrator": claim.perpetrator or "",
        "place": claim.place or "", "event_date": claim.event_date or "",
        "before": before, "mark": mark, "after": after,
        "document": _document(idx.documents.get(claim.document_id), claim.document_id),
    }


def incident_view(incident: Incident, number: int, idx: L.Index) -> dict:
    a = incident.assessment
    place = incident.place
    start, _ = L.date_bounds(incident.event_date)
    return {
        "id": incident.id, "anchor": f"incident-{number}",
        "title": incident.title or incident.id,
        "date": incident.event_date or "unknown", "date_sort": start.isoformat() if start else "",
        "date_precision": incident.date_precision,
        "place": place.name if place else "unlocated",
        "country": (place.country or "") if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "precision": place.precision if place else "",
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "perpetrators": L.join(incident.perpetrators) or "unknown",
        "grade": a.grade if a else "", "reasons": list(a.reasons) if a else [],
        "overridden_by": a.overridden_by if a else None,
        "killed": _estimate(incident, "killed"), "injured": _estimate(incident, "injured"),
        "stances": [(s.belligerent, s.stance.replace("_", " ")) for s in a.stances] if a else [],
        "sources": list(a.sources) if a else [],
        "claims": [_claim(c, idx) for c in idx.claims_of(incident)],
        "documents": [_document(idx.documents.get(d), d) for d in incident.document_ids],
    }


def map_points(views: list[dict]) -> list[dict]:
    """What the map script needs per located incident (short keys keep the report small):
    ``i`` is the incident's index in the table data, which holds its title and claims."""
    points = []
    for n, v in enumerate(views):
        if v["lat"] is None or v["lon"] is None:
            continue
        k = v["killed"]
        points.append({"i": n, "lat": v["lat"], "lon": v["lon"], "g": v["grade"],
                       "b": k["best"] if k["best"] is not None else (k["low"] or 0)})
    return points


def _sort_value(e: dict) -> int:
    return e["best"] if e["best"] is not None else (e["low"] if e["low"] is not None else -1)


def _est(e: dict) -> dict:
    return {"r": e["range"], "b": e["best"], "v": e["victims"], "u": e["rule"]}


PACK_OVER = 1_000_000  # bytes of table data above which it is embedded gzipped


def pack(table: dict) -> dict:
    """``table`` as it is, or, when its JSON is over :data:`PACK_OVER` bytes, gzipped and
    base64-encoded in ``{"z": ...}`` (a big ledger's text repeats: about a tenth the size;
    the page opens it with the browser's DecompressionStream)."""
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(text) <= PACK_OVER:
        return table
    return {"z": base64.b64encode(gzip.compress(text, compresslevel=9, mtime=0)).decode("ascii")}


def unpack(data: dict) -> dict:
    """The table data of an embedded data block, packed or not (tests and tools read it)."""
    if "z" not in data:
        return data
    return json.loads(gzip.decompress(base64.b64decode(data["z"])).decode("utf-8"))


def table_data(views: list[dict]) -> dict:
    """Every incident, claim and document once, in short keys, for the script that draws the
    table a page at a time and an incident's claims when it is opened (the report stays
    small and quick with 10,000 incidents). Claims: [id, figure, victims, outcome, source,
    before, mark, after, document, event date, perpetrator]; documents: [id, title, outlet,
    published, safe url or null, url as written, origin]."""
    docs: dict[str, int] = {}
    doc_rows: list[list] = []
    claim_rows: list[list] = []

    def doc_index(d: dict) -> int:
        if d["id"] not in docs:
            docs[d["id"]] = len(doc_rows)
            doc_rows.append([d["id"], d["title"], d["outlet"], d["published"], d["url"],
                             d["url_text"], d["origin"]])
        return docs[d["id"]]

    incidents = []
    for v in views:
        claims = []
        for c in v["claims"]:
            claims.append(len(claim_rows))
            claim_rows.append([c["id"], c["figure"], c["victims"], c["outcome"], c["source"],
                               c["before"], c["mark"], c["after"], doc_index(c["document"]),
                               c["event_date"], c["perpetrator"]])
        incidents.append({
            "n": v["anchor"], "id": v["id"], "t": v["title"], "d": v["date"],
            "ds": v["date_sort"], "dp": v["date_precision"], "p": v["place"], "a1": v["admin1"],
            "c": v["country"], "pr": v["precision"], "pe": v["perpetrators"], "g": v["grade"],
            "k": _est(v["killed"]), "j": _est(v["injured"]), "ks": _sort_value(v["killed"]),
            "js": _sort_value(v["injured"]), "s": len(v["sources"]), "rs": v["reasons"],
            "o": v["overridden_by"], "st": v["stances"], "cl": claims,
            "dc": [doc_index(d) for d in v["documents"]],
        })
    return {"incidents": incidents, "claims": claim_rows, "docs": doc_rows}


@lru_cache(maxsize=1)
def _countries() -> list[dict]:
    path = resources.files("civcas.report") / "vendor" / "dist" / "countries.json"
    return json.loads(path.read_text("utf-8"))


def outlines(points: list[dict]) -> list[dict]:
    """Country outlines (Natural Earth 1:50m) around the located incidents."""
    box = _around(points)
    return [{"name": c["name"], "polygons": c["polygons"]} for c in _countries() if _overlaps(c["bbox"], box)]


@lru_cache(maxsize=1)
def _regions() -> list[dict]:
    path = resources.files("civcas.report") / "vendor" / "dist" / "regions.json"
    return json.loads(path.read_text("utf-8"))


def region_outlines(points: list[dict]) -> list[dict]:
    """Admin-1 outlines (Natural Earth 1:10m, Syria, Iraq and neighbours) around the incidents.

    Short keys: ``n`` the region's name, ``c`` its country (ISO 3166-1 alpha-2), ``at`` where
    Natural Earth puts its label ([lat, lon]), ``p`` its polygons ([lon, lat] rings).
    """
    box = _around(points)
    return [{"n": r["name"], "c": r["cc"], "at": r["at"], "p": r["polygons"]}
            for r in _regions() if _overlaps(r["bbox"], box)]


def _around(points: list[dict]) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of the points, widened by ``OUTLINE_MARGIN`` degrees; None for no points."""
    if not points:
        return None
    m = OUTLINE_MARGIN
    return (min(p["lon"] for p in points) - m, min(p["lat"] for p in points) - m,
            max(p["lon"] for p in points) + m, max(p["lat"] for p in points) + m)


def _overlaps(bbox: list[float], box: tuple[float, float, float, float] | None) -> bool:
    """Whether a [west, south, east, north] outline box meets ``box``."""
    if box is None:
        return False
    w, s, e, n = box
    return bbox[0] <= e and bbox[2] >= w and bbox[1] <= n and bbox[3] >= s


def _killed(views: list[dict]) -> tuple[int, int | None]:
    """Civilians killed over these incidents: lows summed, highs summed (open if any is)."""
    low = sum(v["killed"]["low"] or 0 for v in views)
    highs = [v["killed"]["high"] for v in views]
    open_high = any(h is None and v["killed"]["low"] is not None for h, v in zip(highs, views))
    return low, (sum(h or 0 for h in highs) if not open_high else None)


def summary(views: list[dict], snapshot: LedgerSnapshot) -> dict:
    """Headline counts: incidents per grade, the killed range, completeness of fields."""
    grades = Counter(v["grade"] for v in views)
    likely = _killed([v for v in views if v["grade"] in ("confirmed", "fair")])
    low, high = _killed([v for v in views if v["grade"] != "discounted"])
    n = len(views) or 1
    return {
        "incidents": len(views), "claims": len(snapshot.claims),
        "documents": len(snapshot.documents), "tallies": len(snapshot.tallies),
        "grades": [(g, grades.get(g, 0)) for g in GRADES] + (
            [("ungraded", grades[""])] if grades.get("") else []),
        # the headline: what the evidence makes likely (Airwars: confirmed and fair incidents);
        # single-source and contested incidents are counted beside it, not in it
        "killed_range": L.format_range(*likely),
        "killed_all_range": L.format_range(low, high),
        "located_pct": round(100 * sum(v["lat"] is not None for v in views) / n),
        "perpetrator_pct": round(100 * sum(v["perpetrators"] != "unknown" for v in views) / n),
        "dated_pct": round(100 * sum(bool(v["date_sort"]) for v in views) / n),
    }


def map_outlines(points: list[dict]) -> dict[str, list[dict]]:
    """Country and region outlines around ``points`` (dicts with ``lat`` and ``lon``), as
    the report's map draws them: ``{"outlines": [...], "regions": [...]}``."""
    return {"outlines": outlines(points), "regions": region_outlines(points)}
