"""Who is asking, and may they: the session, CSRF tokens, roles.

The session is a signed cookie (HttpOnly, SameSite=Lax, Secure when
configured) holding a login's random id and a CSRF token; the login itself is
kept on the server (:mod:`civcas.review.sessions`), so logout, a changed user,
idle time or age end it even for a copied cookie. The user and role are read
from the ledger on every request, so a changed role applies at once.

Every state-changing request must carry the session's CSRF token: the form
field ``csrf_token`` or the header ``X-CSRF-Token``. The order of checks on a
write: not logged in -> 401 (API) or a redirect to the login page (pages);
no or wrong token -> 403; a viewer -> 403.
"""
from __future__ import annotations

import asyncio
import json
import logging
import secrets
from typing import Any
from urllib.parse import quote

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from .. import api
from ..api import Forbidden, LoginRequired, TooManyLogins
from ..records import User

CSRF_FIELD, CSRF_HEADER = "csrf_token", "x-csrf-token"
ACCESS = logging.getLogger("civcas.access")  # one JSON object a line


async def attempt(request: Request, name: str, password: str) -> User | None:
    """The user when the password is theirs, else None, through the login throttle:
    TooManyLogins (the same for every name, existing or not) when refused; each failure
    is answered a little later than the one before."""
    throttle = request.app.state.throttle
    address = request.client.host if request.client else "?"
    wait = await run_in_threadpool(throttle.refused, name, address)
    if wait:
        await run_in_threadpool(_audit, request, "login:refused", name, address, wait)
        minutes = max(1, (wait + 59) // 60)
        raise TooManyLogins("E613", seconds=wait, minutes=minutes,
                            unit="minutes" if minutes > 1 else "minute")
    user = await run_in_threadpool(request.app.state.desk.authenticate, name, password)
    if user is None:
        delay = await run_in_threadpool(throttle.failed, name, address)
        await run_in_threadpool(_audit, request, "login:failed", name, address, 0)
        if delay > 0:
            await asyncio.sleep(delay)
        return None
    await run_in_threadpool(throttle.succeeded, name)
    await run_in_threadpool(_audit, request, "login:ok", name, address, 0)
    return user


def _audit(request: Request, action: str, name: str, address: str, wait: int) -> None:
    """A login attempt in the ledger's audit log (and the access log): the name only when it
    is a user's (a password typed into the name field must not be kept), the address."""
    desk = request.app.state.desk
    who = name if desk.user(name) is not None else ""
    detail: dict[str, Any] = {"address": address}
    if wait:
        detail["retry_after"] = wait
    desk.ledger.audit(action, target=who or "(no such user)", user=who, detail=detail)
    ACCESS.info(json.dumps({"event": action, "user": who or None, "address": address,
                            **({"retry_after": wait} if wait else {})}))


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def login(request: Request, user: User) -> None:
    """A fresh session for ``user`` (a new id and a new CSRF token)."""
    old = request.session.get("sid")
    request.session.clear()
    sessions = request.app.state.sessions
    if isinstance(old, str):
        sessions.end(old)
    request.session["sid"] = sessions.start(user.name)
    request.session["csrf"] = secrets.token_urlsafe(32)


def logout(request: Request) -> None:
    """End the session on the server too (a copy of the cookie is worth nothing after)."""
    sid = request.session.get("sid")
    if isinstance(sid, str):
        request.app.state.sessions.end(sid)
    request.session.clear()
    request.scope["civcas.user"] = None


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """A message for the next page the user sees."""
    request.session["flash"] = [kind, message[:500]]


def take_flash(request: Request) -> tuple[str, str] | None:
    value = request.session.pop("flash", None)
    return (str(value[0]), str(value[1])) if isinstance(value, list) and len(value) == 2 else None


def user_of(request: Request) -> User | None:
    """The logged-in user (None when nobody is, or the user was removed)."""
    if "civcas.user" in request.scope:
        return request.scope["civcas.user"]
    sid = request.session.get("sid")
    name = request.app.state.sessions.user(sid) if isinstance(sid, str) else None
    if name is None and sid is not None:
        request.session.pop("sid", None)  # ended on the server: logged out here too
    user = request.app.state.desk.user(name) if name else None
    request.scope["civcas.user"] = user
    return user


def viewer(request: Request) -> User:
    """Any logged-in user (dependency)."""
    user = user_of(request)
    if user is None:
        raise LoginRequired("E611")
    return user


async def check_csrf(request: Request) -> None:
    expected = request.session.get("csrf")
    given = request.headers.get(CSRF_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not expected or not given or not secrets.compare_digest(str(expected), given):
        raise Forbidden("E614")


async def writer(request: Request) -> User:
    """A logged-in reviewer or admin, with the session's CSRF token (dependency)."""
    user = viewer(request)
    await check_csrf(request)
    if not api.can_judge(user):
        raise Forbidden("E615", name=user.name, role=user.role, who="reviewers and admins may judge")
    return user


async def admin(request: Request) -> User:
    user = viewer(request)
    if request.method not in ("GET", "HEAD"):
        await check_csrf(request)
    if user.role != "admin":
        raise Forbidden("E615", name=user.name, role=user.role, who="admins may do this")
    return user


async def same_session(request: Request) -> None:
    """A write that needs no role (logout): the CSRF token only (dependency)."""
    await check_csrf(request)


def login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/login?next=" + quote(target, safe="")


def safe_next(value: Any) -> str:
    """A local path to go to after login (anything else -> the incident list)."""
    if (isinstance(value, str) and value.startswith("/") and not value.startswith("//")
            and "\\" not in value and len(value) < 2000):
        return value
    return "/incidents"
