"""The review web app: browse incidents, read the claims in their documents, judge.

    >>> from civcas.web import create_app
    >>> app = create_app("sqlite:///civcas.db")   # an ASGI app: uvicorn, TestClient...

Server-rendered pages (Jinja2, autoescaped; a little JS, no CDN) and a JSON
API under ``/api`` (schema at ``/openapi.json``). Only HTTP and templates
live here; the reading and judging is :class:`civcas.api.Desk` (the web imports only
:mod:`civcas.api` and :mod:`civcas.records`).

- ``app``: the application, sessions, security headers, error pages
- ``auth``: sessions, CSRF tokens, roles
- ``pages``, ``actions``: HTML pages and the review forms
- ``api_routes``, ``schemas``: the JSON API
- ``render``: templates, and article text escaped with the figures marked
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
