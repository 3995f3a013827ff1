"""The offline HTML report: one self-contained file (map, timeline, gaps, incidents).

    html = render(snapshot)

The page needs no network at all: Leaflet, the country and region outlines, the CSS and
the script are inlined, and a Content-Security-Policy forbids every fetch and
any script but the page's own (by hash). Article text is escaped by Jinja2's
autoescape; the data the script reads is embedded with :func:`json_for_script`.
"""
from __future__ import annotations

import base64
import hashlib
import logging
from datetime import UTC, datetime
from functools import cache
from importlib import resources

import jinja2

from .._version import __version__
from ..outputs import ledger as L
from ..records import LedgerSnapshot
from . import charts
from .data import (
    GRADE_COLOURS,
    incident_view,
    json_for_script,
    map_points,
    outlines,
    pack,
    region_outlines,
    summary,
    table_data,
)

__all__ = ["render"]

log = logging.getLogger(__name__)


@cache
def _asset(*parts: str) -> str:
    return (resources.files("civcas.report").joinpath(*parts)).read_text("utf-8")


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("civcas.report", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )
    env.filters["grade_colour"] = lambda g: GRADE_COLOURS.get(g, GRADE_COLOURS[""])
    env.filters["rng"] = L.format_range
    return env


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render(snapshot: LedgerSnapshot, *, title: str = "civcas: civilian harm ledger",
           generated: datetime | None = None) -> str:
    """The report of ``snapshot`` as one HTML document (a str)."""
    idx = L.Index.of(snapshot)
    views = [incident_view(i, n, idx) for n, i in enumerate(snapshot.incidents, 1)]
    points = map_points(views)
    data = {"points": points, "outlines": outlines(points), "regions": region_outlines(points),
            "colours": GRADE_COLOURS, **pack(table_data(views))}
    scripts = [_asset("vendor", "dist", "leaflet.js"), _asset("templates", "report.js")]
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src "
           + " ".join(_csp_hash(s) for s in scripts))
    generated = generated or datetime.now(UTC)
    html = _env().get_template("report.html.j2").render(
        title=title, version=__version__, generated=generated.strftime("%Y-%m-%d %H:%M UTC"),
        csp=csp, css=_asset("vendor", "dist", "leaflet.css") + _asset("templates", "report.css"),
        scripts=scripts, data_json=json_for_script(data), total=len(views),
        summary=summary(views, snapshot), timeline=charts.timeline(views),
        gaps=charts.gaps(snapshot.tallies, snapshot.incidents, snapshot.claims), grade_colours=GRADE_COLOURS,
        countries=sorted({v["country"] for v in views if v["country"]}),
        unlocated=len(views) - len(points),
    )
    log.info("report: %d incidents, %d on the map, %d KB", len(views), len(points),
             len(html.encode("utf-8")) // 1024)
    return html
