"""``civcas judge ...``: a reviewer's decisions, each one :func:`civcas.api.judge` call."""
from __future__ import annotations

from typing import Annotated, Any

import typer

from .. import api
from ._common import DbOpt, console, db_url, errors_to_exit

UserOpt = Annotated[str | None, typer.Option("--user", metavar="NAME",
                                             help="Who decides (default: your login name).",
                                             show_default=False)]
ReasonOpt = Annotated[str, typer.Option("--reason", metavar="TEXT",
                                        help="Why (required; kept with the judgement).")]

app = typer.Typer(help="Record a reviewer's decision (kept with who, when, why; "
                       "re-applied on every resolution).", no_args_is_help=True)


def _judge(kind: str, target: str, payload: dict[str, Any] | None, user: str | None,
           reason: str, db: str | None) -> None:
    with errors_to_exit():
        j = api.judge(kind, target, payload, user=user, reason=reason, db=db_url(db))
    console().print(f"judgement {j.id}: {kind} {target} by {j.user}", markup=False)


@app.command("reject-claim")
def reject_claim(claim_id: str, reason: ReasonOpt = "", user: UserOpt = None,
                 db: DbOpt = None) -> None:
    """Leave a claim out of incidents, figures and tallies."""
    _judge("reject_claim", claim_id, None, user, reason, db)


@app.command("accept-claim")
def accept_claim(claim_id: str, reason: ReasonOpt = "", user: UserOpt = None,
                 db: DbOpt = None) -> None:
    """Take a rejected claim back."""
    _judge("accept_claim", claim_id, None, user, reason, db)


@app.command("correct")
def correct_claim(
    claim_id: str,
    fields: Annotated[list[str], typer.Argument(metavar="FIELD=VALUE...",
                                                help="e.g. low=12 perpetrator='Russia' "
                                                     "scope=incident place=null")],
    reason: ReasonOpt = "", user: UserOpt = None, db: DbOpt = None,
) -> None:
    """Correct fields of a claim (outcome, victims, low, high, qualifier, source, place, ...)."""
    values = {}
    with errors_to_exit():
        for pair in fields:
            name, sep, value = pair.partition("=")
            if not sep or not name:
                raise api.ConfigError("E161", pair=pair)
            values[name.strip()] = value
    _judge("correct_claim", claim_id, {"fields": values}, user, reason, db)


@app.command("merge")
def merge(incident_ids: Annotated[list[str], typer.Argument(metavar="INCIDENT_ID...")],
          reason: ReasonOpt = "", user: UserOpt = None, db: DbOpt = None) -> None:
    """Make two or more incidents one."""
    _judge("merge", ",".join(incident_ids), None, user, reason, db)


@app.command("split")
def split(incident_id: str,
          claim_ids: Annotated[list[str], typer.Argument(metavar="CLAIM_ID...")],
          reason: ReasonOpt = "", user: UserOpt = None, db: DbOpt = None) -> None:
    """Move claims out of an incident into a new one."""
    _judge("split", incident_id, {"claims": claim_ids}, user, reason, db)


@app.command("grade")
def set_grade(incident_id: str, grade: str, reason: ReasonOpt = "", user: UserOpt = None,
              db: DbOpt = None) -> None:
    """Set an incident's grade (the computed one stays in the reasons)."""
    _judge("set_grade", incident_id, {"grade": grade}, user, reason, db)


@app.command("undo")
def undo(judgement_id: str, reason: ReasonOpt = "", user: UserOpt = None,
         db: DbOpt = None) -> None:
    """Take back an earlier judgement (itself a judgement: kept with who, when, why)."""
    _judge("undo", judgement_id, None, user, reason, db)
