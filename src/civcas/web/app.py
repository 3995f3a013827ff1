"""The FastAPI application: sessions, security headers, error pages, routers.

Errors never show a traceback: library errors map to 4xx with their one-line
message (NotFound 404, ConfigError/JudgementError 400, Conflict 409), anything
else to a bare 500 whose details go to the server log only. Paths under
``/api`` answer JSON; others HTML.
"""
from __future__ import annotations

import json
import logging
import time
import uuid
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from .. import api
from ..api import (
    CivcasError,
    ConfigError,
    Conflict,
    Desk,
    Forbidden,
    JudgementError,
    LoginRequired,
    NotFound,
    __version__,
)
from . import actions, api_routes, auth, pages
from . import desk as desk_pages
from . import gap as gap_pages
from .render import environment

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
SESSION_HOURS = 12
HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; "
                                "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                "frame-ancestors 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
STATUS = ((NotFound, 404), (Conflict, 409), (ConfigError, 400), (JudgementError, 400),
          (Forbidden, 403), (CivcasError, 400))
TITLES = {400: "Bad request", 401: "Log in first", 403: "Not allowed", 404: "Not found",
          405: "Method not allowed", 409: "Conflict: nothing was saved", 422: "Bad request",
          500: "Server error"}


def create_app(db_url: str | None = None, *, secret_key: str | None = None,
               secure_cookies: bool | None = None,
               session_idle_minutes: int | None = None,
               trusted_proxies: str | None = None) -> FastAPI:
    """The review app over the ledger at ``db_url`` (default: the ``db`` setting).

    ``secret_key`` signs session cookies (default: the ``secret_key`` setting, else the
    key stored in :func:`civcas.api.secret_key_file`, generated there on first use; at
    least 32 bytes: ConfigError otherwise); ``trusted_proxies`` (comma-separated
    addresses, default: the ``trusted_proxies`` setting) are the reverse proxies whose
    ``X-Forwarded-For`` names the client; ``secure_cookies`` sends the
    cookie over HTTPS only (default: the ``secure_cookies`` setting); a login ends after
    ``session_idle_minutes`` without a request (default: that setting) or
    :data:`SESSION_HOURS` after it began, at logout, or when its user is changed.
    """
    config = api.settings()
    desk = Desk(db_url)
    key = api.secret_key(secret_key or config.get("secret_key") or None)
    proxies = [p.strip() for p in (trusted_proxies if trusted_proxies is not None
                                   else str(config.get("trusted_proxies") or "")).split(",")
               if p.strip()]
    secure = bool(config.get("secure_cookies", secure_cookies))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        desk.close()

    app = FastAPI(title="civcas review", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # their pages load scripts from a CDN
                  description="Browse the civcas ledger and record reviewers' judgements. "
                              "Log in with POST /api/login; send the returned csrf_token as "
                              "the X-CSRF-Token header with every write.")
    app.state.desk = desk
    idle = session_idle_minutes or int(config.get("session_idle_minutes"))
    app.state.sessions = desk.sessions(idle=timedelta(minutes=max(1, idle)),
                                       max_age=timedelta(hours=SESSION_HOURS))
    app.state.throttle = desk.throttle(
        limit=int(config.get("login_max_failures")),
        window=timedelta(minutes=max(1, int(config.get("login_window_minutes")))),
        address_limit=int(config.get("login_address_max_failures")))
    app.state.templates = environment()
    app.add_middleware(SessionMiddleware, secret_key=key, session_cookie="civcas_session",
                       max_age=SESSION_HOURS * 3600, same_site="lax", https_only=secure)

    app.add_middleware(SecurityHeaders)
    if proxies:  # the client's address from X-Forwarded-For, when a trusted proxy sends it
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=proxies)
    app.add_middleware(AccessLog)
    _handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(desk_pages.router)
    app.include_router(gap_pages.router)
    app.include_router(pages.router)
    app.include_router(actions.router)
    app.include_router(api_routes.router)
    return app


class AccessLog:
    """One JSON object a line per request on the ``civcas.access`` logger (when it is on):
    time, client address, user, method, path, status, milliseconds."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not auth.ACCESS.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def sending(message: Any) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            user = scope.get("civcas.user")
            client = scope.get("client")
            auth.ACCESS.info(json.dumps({
                "at": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "address": client[0] if client else None,
                "user": user.name if user is not None else None,
                "method": scope.get("method"), "path": scope.get("path"),
                "status": status[0], "ms": round((time.perf_counter() - started) * 1000, 1)}))


class SecurityHeaders:
    """Adds :data:`HEADERS` (and ``Cache-Control: no-store`` off /static) to every response."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.fixed = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b""):
            await self._refuse(scope, send)  # a NUL in a URL never reaches the ledger
            return
        extra = list(self.fixed)
        if not scope["path"].startswith("/static/"):
            extra.append((b"cache-control", b"no-store"))

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in extra if k not in have)]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _refuse(self, scope: dict, send: Any) -> None:
        if scope["path"].startswith("/api/"):
            body, kind = b'{"detail":"a NUL character in the URL"}', b"application/json"
        else:
            body = (b"<!doctype html><title>Bad request</title>"
                    b"<p>400 Bad request: a NUL character in the URL.</p>")
            kind = b"text/html; charset=utf-8"
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                   *self.fixed]
        await send({"type": "http.response.start", "status": 400, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, message: str,
                   code: str | None = None) -> Response:
    if _is_api(request):
        body = {"detail": message} if code is None else {"detail": message, "code": code}
        return JSONResponse(body, status_code=status)
    env = request.app.state.templates
    user = auth.user_of(request) if status != 500 else None
    # a refused review action links back to its incident (which follows a merge or rename)
    parts = request.url.path.split("/")
    back = (f"/incidents/{quote(parts[2], safe='')}"
            if status in (400, 409) and len(parts) == 4 and parts[1] == "incidents" else None)
    html = env.get_template("error.html").render(
        title=TITLES.get(status, "Error"), status=status, message=message, user=user,
        csrf=auth.csrf_token(request) if user else "", flash=None, back=back)
    return HTMLResponse(html, status_code=status)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": str(exc), "code": exc.code}, status_code=401)
        return RedirectResponse(auth.login_url(request), status_code=303)

    for cls, status in STATUS:
        def handler(request: Request, exc: Exception, status: int = status) -> Response:
            code = exc.code if isinstance(exc, CivcasError) else None
            return error_response(request, status, str(exc) or TITLES[status], code)
        app.add_exception_handler(cls, handler)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "")
        if exc.status_code == 404:
            message = "no such page" if not _is_api(request) else "no such resource"
        response = error_response(request, exc.status_code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e.get('loc', ()) if x not in ('query', 'body', 'path'))}"
            f": {e.get('msg', 'invalid')}" for e in exc.errors()[:5])
        if _is_api(request):
            return JSONResponse({"detail": problems}, status_code=422)
        return error_response(request, 400, problems)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        ref = uuid.uuid4().hex[:8]
        log.error("review app: error %s on %s %s", ref, request.method, request.url.path,
                  exc_info=exc)
        return error_response(request, 500, f"Something went wrong (reference {ref}); "
                                            "the details are in the server log.")
