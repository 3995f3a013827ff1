"""One table of settings: name, default, help.

It drives the environment variables (``CIVCAS_<NAME>``) and the CLI options.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str

    @property
    def env(self) -> str:
        return "CIVCAS_" + self.name.upper()


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError("expected 1/0, true/false, yes/no or on/off")


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("max_bytes", 5 * 1024 * 1024, "Largest input file (or row) read, in bytes.", int),
        Setting("csv_id", "id", "CSV/JSONL column holding the document id."),
        Setting("csv_title", "title", "CSV/JSONL column holding the title."),
        Setting("csv_text", "text", "CSV/JSONL column holding the body text."),
        Setting("csv_date", "date", "CSV/JSONL column holding the published date."),
        Setting("csv_url", "url", "CSV/JSONL column holding the URL."),
        Setting("csv_outlet", "source", "CSV/JSONL column holding the outlet name."),
        Setting("user_places", "~/.local/share/civcas/places.csv",
                "CSV file where `civcas gazetteer add` keeps your own places (used by geocoding)."),
        Setting("db", "sqlite:///civcas.db", "Ledger database URL (SQLite file or postgresql+psycopg://...)."),
        Setting("secret_key", "", "Key that signs the review app's session cookies (civcas serve); "
                "unset: a random key per start, so restarting logs everyone out."),
        Setting("secure_cookies", False, "Send the review app's session cookie over HTTPS only "
                "(set to 1 when serving behind TLS).", _flag),
        Setting("session_idle_minutes", 120, "Minutes without a request after which a review-app "
                "login ends (logins end after 12 hours in any case).", int),
        Setting("login_max_failures", 5, "Failed review-app logins for one user name, or from one "
                "client address, after which logins are refused (HTTP 429) for a while.", int),
        Setting("login_window_minutes", 15, "The window (minutes) in which failed review-app "
                "logins are counted (`login_max_failures`).", int),
    )
}


def get(name: str, override: Any = None) -> Any:
    """The value of setting ``name``: explicit override, else env var, else default."""
    setting = SETTINGS[name]
    if override is not None:
        return override
    raw = os.environ.get(setting.env)
    if raw is None or raw == "":
        return setting.default
    try:
        return setting.parse(raw)
    except ValueError as exc:
        raise ConfigError(f"environment variable {setting.env}={raw!r}: {exc}") from None
