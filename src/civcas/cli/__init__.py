"""The ``civcas`` command line: a thin shell over :mod:`civcas.api`.

Each command parses its arguments, calls one api function, and prints. One module per
command group, all registered here on :data:`app` (their order is the order of
``civcas --help``)::

    extract.py        extract
    outputs.py        export, report
    ledger.py         ingest, resolve, incidents, show, tallies, gap   (tables: ledger_format.py)
    judge.py          judge reject-claim | accept-claim | correct | merge | split | grade
    web.py            user add | list, serve
    geo.py            gazetteer add | info, geocode
    _common.py        exit codes, errors, console, shared options

A command module imports only :mod:`civcas.api`, :mod:`civcas.records` and ``_common``
(``web.py`` also starts the review app of :mod:`civcas.web`).

Exit status: 0 success; 1 nothing could be done (e.g. no input could be read,
or ``--strict`` and some input failed); 2 usage or configuration error.
"""
from __future__ import annotations

from typing import Annotated

import typer

from .. import api
from . import extract, geo, judge, ledger, outputs, web
from ._common import PROG, configure_logging, errors_to_exit

app = typer.Typer(
    name=PROG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {api.__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log progress (INFO) to stderr.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    config: Annotated[
        str | None,
        typer.Option(
            "--config", metavar="FILE", show_default=False,
            help="Read settings from this TOML file (default: "
                 "$XDG_CONFIG_HOME/civcas/civcas.toml when it exists).",
        ),
    ] = None,
) -> None:
    """Extract casualty claims (killed, injured, by whom, where, when) from news reports.

    Keep them in a ledger database (civcas ingest), grouped into graded
    incidents and tallies (civcas incidents, show, tallies), and record
    reviewers' decisions on top (civcas judge), or review in the browser
    (civcas serve, after civcas user add NAME --role reviewer).

    Places are geocoded offline with a GeoNames gazetteer shipped in the
    package (civcas geocode PLACE; civcas gazetteer add PLACES.CSV).

    Settings: the config file, then CIVCAS_* environment variables, then
    options (each option's help names its variable).

    Logs and errors go to stderr; results to stdout.
    Exit status: 0 ok, 1 no input could be read (or --strict and some failed),
    2 usage or configuration error.
    """
    configure_logging(verbose)
    with errors_to_exit():
        api.use_config(config)


app.command("extract")(extract.extract_cmd)
app.command("export")(outputs.export_cmd)
app.command("report")(outputs.report_cmd)
app.command("ingest")(ledger.ingest_cmd)
app.command("resolve")(ledger.resolve_cmd)
app.command("incidents")(ledger.incidents_cmd)
app.command("show")(ledger.show_cmd)
app.command("tallies")(ledger.tallies_cmd)
app.command("gap")(ledger.gap_cmd)
app.add_typer(judge.app, name="judge")
app.add_typer(web.user_app, name="user")
app.command("serve")(web.serve_cmd)
app.add_typer(geo.gazetteer_app, name="gazetteer")
app.command("geocode")(geo.geocode_cmd)


def main() -> None:
    """Entry point of the ``civcas`` script."""
    app(prog_name=PROG)  # Typer exits quietly on a broken pipe (``civcas ... | head``)


__all__ = ["app", "main"]
