"""The ledger commands, registered on the main Typer app of :mod:`civcas.cli`.

``ingest``, ``resolve``, ``incidents``, ``show``, ``tallies``, ``gap`` and the review
commands under ``judge``. Each parses its options, calls one :mod:`civcas.api`
function and prints; formatting lives in :mod:`civcas.cli_ledger_format`.
"""
from __future__ import annotations

import logging
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import api, settings
from .cli import (
    EXIT_FAILED,
    DateColOpt,
    IdColOpt,
    MaxBytesOpt,
    OutletColOpt,
    PathsArg,
    TextColOpt,
    TitleColOpt,
    UrlColOpt,
    _console,
    _error,
    _errors_to_exit,
    _read_options,
    _setting_help,
    _write_jsonl,
    app,
)
from .cli_ledger_format import (
    gap_json,
    gap_table,
    incident_json,
    incidents_table,
    print_incident,
    summary_table,
    tallies_json,
    tallies_table,
)
from .errors import JudgementError
from .records import ReadFailure

log = logging.getLogger(__name__)

DbOpt = Annotated[str | None, typer.Option("--db", metavar="URL", help=_setting_help("db"),
                                           show_default=False)]
UserOpt = Annotated[str | None, typer.Option("--user", metavar="NAME",
                                             help="Who decides (default: your login name).",
                                             show_default=False)]
ReasonOpt = Annotated[str, typer.Option("--reason", metavar="TEXT",
                                        help="Why (kept with the judgement).")]


def _db(db: str | None) -> str:
    return settings.get("db", db)


@app.command("ingest")
def ingest_cmd(
    paths: PathsArg,
    db: DbOpt = None,
    batch: Annotated[int, typer.Option("--batch", metavar="N", min=1,
                                       help="Commit every N documents.")] = 20,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit with status 1 if any input failed.")] = False,
    max_bytes: MaxBytesOpt = None,
    id_col: IdColOpt = None,
    title_col: TitleColOpt = None,
    text_col: TextColOpt = None,
    date_col: DateColOpt = None,
    url_col: UrlColOpt = None,
    outlet_col: OutletColOpt = None,
) -> None:
    """Read, extract and store reports in the ledger; then group claims into incidents.

    Re-ingesting the same files changes nothing; a changed document becomes a
    new version. Inputs that fail are stored with their error and listed on
    stderr. Prints a summary: documents new / changed / unchanged / failed,
    claims, incidents, tallies. Exit status 1 if no document could be read.
    """
    with _errors_to_exit():
        options = _read_options(max_bytes, id=id_col, title=title_col, text=text_col,
                                date=date_col, url=url_col, outlet=outlet_col)
        err = Console(stderr=True)
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("ingest", total=None, status="")

            def progress(item, status: str) -> None:
                name = item.origin if isinstance(item, ReadFailure) else item.document.id
                bar.update(task, advance=1, status=f"{status} {name}"[:60])

            summary = api.ingest(paths, db=_db(db), progress=progress, batch=batch, **options)
    for failure in summary.failures:
        _error(f"{failure.origin}: {failure.reason}")
    console = _console()
    console.print(summary_table(summary))
    if summary.documents == 0:
        if summary.failed == 0:
            _error("no documents found in " + ", ".join(paths))
        raise typer.Exit(EXIT_FAILED)
    if strict and summary.failed:
        raise typer.Exit(EXIT_FAILED)


@app.command("resolve")
def resolve_cmd(db: DbOpt = None) -> None:
    """Re-group the stored claims into incidents and re-grade them (judgements applied)."""
    with _errors_to_exit():
        result = api.resolve(db=_db(db))
    _console().print(f"{len(result.incidents)} incidents, {len(result.tallies)} tallies "
                     f"from {len(result.claims)} claims ({len(result.rejected)} rejected)",
                     markup=False)


@app.command("incidents")
def incidents_cmd(
    grade: Annotated[str | None, typer.Option("--grade", metavar="G", show_default=False,
                                              help="confirmed, fair, weak, contested or "
                                                   "discounted.")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", show_default=False,
                                              help="On or after DATE (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE", show_default=False,
                                              help="On or before DATE (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, typer.Option("--place", metavar="NAME", show_default=False,
                                              help="Place name (or admin1, country) contains "
                                                   "NAME.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array instead of a table.")
                       ] = False,
    db: DbOpt = None,
) -> None:
    """List incidents: date, place, perpetrator, civilians killed low–high, grade, sources."""
    with _errors_to_exit():
        for name, value in (("--since", since), ("--until", until)):
            _check_date(name, value)
        snap = api.snapshot(db=_db(db))
        chosen = api.filter_incidents(snap.incidents, grade=grade, since=since, until=until,
                                      place=place)
    if as_json:
        claims = {c.id: c for c in snap.claims}
        docs = {d.id: d for d in snap.documents}
        import json
        import sys

        sys.stdout.write(json.dumps([incident_json(i, claims, docs) for i in chosen],
                                    ensure_ascii=False, indent=1) + "\n")
        return
    console = _console()
    console.print(incidents_table(chosen))
    console.print(f"{len(chosen)} of {len(snap.incidents)} incidents", markup=False)


@app.command("show")
def show_cmd(
    incident_id: Annotated[str, typer.Argument(metavar="INCIDENT_ID", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of tables.")] = False,
    db: DbOpt = None,
) -> None:
    """Every claim of one incident side by side, with the grade, reasons and stances."""
    with _errors_to_exit():
        inc, claims, docs = api.incident_detail(incident_id, db=_db(db))
    if as_json:
        _write_jsonl(incident_json(inc, {c.id: c for c in claims}, docs))
        return
    print_incident(_console(), inc, claims, docs)


@app.command("tallies")
def tallies_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of series.")] = False,
    db: DbOpt = None,
) -> None:
    """The cumulative figures, one series per asserter, belligerent, victim group, outcome."""
    with _errors_to_exit():
        items = api.tallies(db=_db(db))
    if as_json:
        import json
        import sys

        sys.stdout.write(json.dumps(tallies_json(items), ensure_ascii=False, indent=1) + "\n")
        return
    _console().print(tallies_table(items))


@app.command("gap")
def gap_cmd(
    belligerent: Annotated[str | None, typer.Option(
        "--belligerent", metavar="NAME", show_default=False,
        help="Only this belligerent (any spelling: 'Pentagon' is the US-led coalition).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array instead of a table.")
                       ] = False,
    db: DbOpt = None,
) -> None:
    """The acknowledgment gap: each belligerent's admitted totals against monitors' tallies,
    the latest gap, and its fair or confirmed incidents it has not acknowledged."""
    with _errors_to_exit():
        items = api.acknowledgment_gap(db=_db(db), belligerent=belligerent)
    if as_json:
        import json
        import sys

        sys.stdout.write(json.dumps([gap_json(g) for g in items], ensure_ascii=False, indent=1)
                         + "\n")
        return
    console = _console()
    console.print(gap_table(items))
    console.print("gap = latest monitor figure minus latest admitted figure (low: monitor low "
                  "- admitted high)", markup=False)


def _check_date(flag: str, value: str | None) -> None:
    from datetime import date

    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise JudgementError(f"{flag} {value!r}: not a date (YYYY-MM-DD)") from None


# ---------------------------------------------------------------- review

judge_app = typer.Typer(help="Record a reviewer's decision (kept with who, when, why; "
                             "re-applied on every resolution).", no_args_is_help=True)
app.add_typer(judge_app, name="judge")


def _judge(kind: str, target: str, payload: dict | None, user: str | None, reason: str,
           db: str | None) -> None:
    with _errors_to_exit():
        j = api.judge(kind, target, payload, user=user, reason=reason, db=_db(db))
    _console().print(f"judgement {j.id}: {kind} {target} by {j.user}", markup=False)


@judge_app.command("reject-claim")
def reject_claim(claim_id: str, reason: ReasonOpt = "", user: UserOpt = None,
                 db: DbOpt = None) -> None:
    """Leave a claim out of incidents, figures and tallies."""
    _judge("reject_claim", claim_id, None, user, reason, db)


@judge_app.command("accept-claim")
def accept_claim(claim_id: str, reason: ReasonOpt = "", user: UserOpt = None,
                 db: DbOpt = None) -> None:
    """Take a rejected claim back."""
    _judge("accept_claim", claim_id, None, user, reason, db)


@judge_app.command("correct")
def correct_claim(
    claim_id: str,
    fields: Annotated[list[str], typer.Argument(metavar="FIELD=VALUE...",
                                                help="e.g. low=12 perpetrator='Russia' "
                                                     "scope=incident place=null")],
    reason: ReasonOpt = "", user: UserOpt = None, db: DbOpt = None,
) -> None:
    """Correct fields of a claim (outcome, victims, low, high, qualifier, source, place, ...)."""
    values = {}
    for pair in fields:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            _error(f"{pair!r}: expected FIELD=VALUE")
            raise typer.Exit(2)
        values[name.strip()] = value
    _judge("correct_claim", claim_id, {"fields": values}, user, reason, db)


@judge_app.command("merge")
def merge(incident_ids: Annotated[list[str], typer.Argument(metavar="INCIDENT_ID...")],
          reason: ReasonOpt = "", user: UserOpt = None, db: DbOpt = None) -> None:
    """Make two or more incidents one."""
    _judge("merge", ",".join(incident_ids), None, user, reason, db)


@judge_app.command("split")
def split(incident_id: str,
          claim_ids: Annotated[list[str], typer.Argument(metavar="CLAIM_ID...")],
          reason: ReasonOpt = "", user: UserOpt = None, db: DbOpt = None) -> None:
    """Move claims out of an incident into a new one."""
    _judge("split", incident_id, {"claims": claim_ids}, user, reason, db)


@judge_app.command("grade")
def set_grade(incident_id: str, grade: str, reason: ReasonOpt = "", user: UserOpt = None,
              db: DbOpt = None) -> None:
    """Set an incident's grade (the computed one stays in the reasons)."""
    _judge("set_grade", incident_id, {"grade": grade}, user, reason, db)
