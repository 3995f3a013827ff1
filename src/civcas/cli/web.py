"""``civcas serve`` and ``civcas user add|list|remove|unlock``: each parses its options and calls one api
function (``serve`` starts the review app of :mod:`civcas.web` under uvicorn)."""
from __future__ import annotations

import getpass
import logging
import sys
from typing import Annotated

import typer

from .. import api
from ..records import ROLES
from ._common import DbOpt, console, db_url, error, errors_to_exit

log = logging.getLogger(__name__)

user_app = typer.Typer(help="Users of the review app (civcas serve) and their roles: "
                            "viewer reads; reviewer also judges; admin also sees users.",
                       no_args_is_help=True)


def serve_cmd(
    host: Annotated[str, typer.Option("--host", metavar="HOST",
                                      help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", min=1, max=65535,
                                      help="Port to listen on.")] = 8000,
    proxy_headers: Annotated[bool, typer.Option(
        "--proxy-headers", help="Behind a reverse proxy: take the client's address from "
                                "X-Forwarded-For sent by the trusted_proxies setting's "
                                "addresses (default 127.0.0.1).")] = False,
    access_log: Annotated[str | None, typer.Option(
        "--access-log", metavar="FILE", help="Append one JSON object per request and per "
                                             "login attempt to FILE ('-': stderr).",
        show_default=False)] = None,
    db: DbOpt = None,
) -> None:
    """Start the review web app: browse incidents, read claims in their documents, judge.

    Open http://HOST:PORT/ and log in as a user made with `civcas user add`.
    The JSON API is under /api (schema: /openapi.json). Stop with Ctrl-C.
    Every write and every login attempt is also in the ledger's audit log.
    """
    import uvicorn  # the web stack (FastAPI, uvicorn) loads only for this command

    from ..web import create_app
    with errors_to_exit():
        url = db_url(db)
        trusted = str(api.settings().get("trusted_proxies") or "") or "127.0.0.1"
        web_app = create_app(url, trusted_proxies=trusted if proxy_headers else "")
        if access_log:
            _access_log(access_log)
        if host not in ("127.0.0.1", "localhost", "::1") and not api.settings().get(
                "secure_cookies"):
            log.warning("serving on %s without secure cookies: put it behind TLS and set "
                        "CIVCAS_SECURE_COOKIES=1", host)
    console().print(f"civcas review on http://{host}:{port}/ (ledger {api.describe_db(url)}); "
                    "Ctrl-C stops it", markup=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning", proxy_headers=False)


def _access_log(target: str) -> None:
    if target == "-":
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
    else:
        try:
            handler = logging.FileHandler(target, encoding="utf-8")
        except OSError as exc:
            raise api.ConfigError("E149", path=target, reason=exc.strerror or str(exc)) from None
    handler.setFormatter(logging.Formatter("%(message)s"))
    access = logging.getLogger("civcas.access")
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(metavar="NAME", show_default=False)],
    role: Annotated[str, typer.Option("--role", metavar="ROLE",
                                      help=f"One of: {', '.join(ROLES)}.")] = "viewer",
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from the first line of stdin "
                                 "(else it is asked for twice).")] = False,
    update: Annotated[bool, typer.Option(
        "--update", help="Change the role and password of an existing user.")] = False,
    db: DbOpt = None,
) -> None:
    """Add a user of the review app (password hashed with argon2, stored in the ledger)."""
    with errors_to_exit():
        api.check_user(name, role)
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        api.check_password(password)
        user = api.add_user(name, role, password, db=db_url(db), update=update)
    console().print(f"user {user.name}: {user.role}" + (" (updated)" if update else ""),
                    markup=False)


@user_app.command("list")
def user_list(db: DbOpt = None) -> None:
    """List the users of the review app: name, role, since (tab-separated)."""
    with errors_to_exit():
        items = api.users(db=db_url(db))
    for u in items:  # NAME<TAB>ROLE<TAB>SINCE, one a line
        typer.echo(f"{u.name}\t{u.role}\t{u.created_at:%Y-%m-%d}" if u.created_at
                   else f"{u.name}\t{u.role}")
    if not items:
        error(str(api.NotFound("E407")))
        raise typer.Exit(1)


@user_app.command("remove")
def user_remove(name: Annotated[str, typer.Argument(metavar="NAME", show_default=False)],
                db: DbOpt = None) -> None:
    """Remove a user: their sessions end at once; their judgements keep their name."""
    with errors_to_exit():
        api.remove_user(name, db=db_url(db), by=_me())
    console().print(f"user {name}: removed", markup=False)


@user_app.command("unlock")
def user_unlock(name: Annotated[str, typer.Argument(metavar="NAME", show_default=False)],
                db: DbOpt = None) -> None:
    """End the lockout of an account after failed logins."""
    with errors_to_exit():
        n = api.unlock_user(name, db=db_url(db), by=_me())
    console().print(f"user {name}: unlocked ({n} failed login(s) forgotten)", markup=False)


def _me() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
