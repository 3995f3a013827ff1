"""``civcas geocode`` and ``civcas gazetteer add|info``.

Each command parses its arguments, calls one :mod:`civcas.api` function and prints.
"""
from __future__ import annotations

import json
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from .. import api
from ._common import EXIT_FAILED, console, errors_to_exit

gazetteer_app = typer.Typer(
    name="gazetteer", no_args_is_help=True,
    help="Your own places for geocoding, and the gazetteer's figures.",
)


def geocode_cmd(
    mention: Annotated[str, typer.Argument(
        metavar="PLACE", help='A place name, optionally with its region: "Abu al-Hassan, Deir ez-Zor".',
        show_default=False)],
    context: Annotated[str | None, typer.Option(
        "--context", "-c", metavar="TEXT",
        help="Text around the mention (regions and places it names settle ambiguity).",
        show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=50, help="Candidates shown.")] = 10,
) -> None:
    """Print the gazetteer candidates for a place name, with scores and reasons.

    The first row is the place civcas would choose. Exit status 1 when nothing
    is chosen (unknown name, garbage, or only far-away matches); the reason is
    printed.
    """
    with errors_to_exit():
        res = api.resolve_place(mention, context)
    cands = res.candidates[:limit]
    if as_json:
        typer.echo(json.dumps({
            "mention": mention, "place": res.place.to_dict() if res.place else None,
            "reason": res.reason, "candidates": [c.to_dict() for c in cands],
        }, ensure_ascii=False))
    else:
        out = console()
        chosen = res.place
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
        for col in ("", "name", "admin1", "country", "precision", "geonames id", "lat, lon",
                    "score", "confidence", "why"):
            table.add_column(col, overflow="fold",
                             justify="right" if col in ("score", "confidence", "geonames id") else "left")
        for c in cands:
            p = c.place
            mark = "→" if chosen is not None and (p.name, p.admin1, p.feature) == (
                chosen.name, chosen.admin1, chosen.feature) else ""
            coords = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else ""
            cells = (mark, p.name, p.admin1 or "", p.country or "", p.precision,
                     str(p.geonames_id or p.origin), coords, f"{c.score:.3f}", f"{p.confidence:.2f}",
                     "; ".join(c.why))
            table.add_row(*(Text(x) for x in cells))
        if cands:
            out.print(table)
        if chosen is None:
            out.print(Text(f"unresolved: {res.reason}"))
        elif not cands or (chosen.precision, chosen.mention) != (cands[0].place.precision,
                                                                  cands[0].place.mention):
            out.print(Text(f"chosen: {chosen.name} ({chosen.precision}) — {res.reason}"))
    if res.place is None:
        raise typer.Exit(EXIT_FAILED)


@gazetteer_app.command("add")
def gazetteer_add_cmd(
    csv_path: Annotated[str, typer.Argument(
        metavar="PLACES.CSV",
        help="CSV with columns name, alternate names (| separated), lat, lon, admin1, country.",
        show_default=False)],
) -> None:
    """Add your own places (villages the shipped gazetteer lacks); used from then on.

    Every row is checked first: a bad row is reported with its row number and
    field, and nothing is stored. A place added again (same name, country,
    admin1) replaces the stored one. Stored in the file of setting
    user_places (env CIVCAS_USER_PLACES).
    """
    with errors_to_exit():
        report = api.gazetteer_add(csv_path)
    typer.echo(f"{report.added} added, {report.replaced} replaced; "
               f"{report.total} places in {report.path}")


@gazetteer_app.command("info")
def gazetteer_info_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the gazetteer's counts, data size, load time and file paths."""
    with errors_to_exit():
        info = api.gazetteer_info()
    if as_json:
        typer.echo(json.dumps(info))
        return
    for key, value in info.items():
        typer.echo(f"{key:14} {value}")
