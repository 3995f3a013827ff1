"""One table of settings (name, default, help) that drives the config file, the environment
variables and the CLI options.

Where a value comes from, weakest first::

    the table's default  <  the config file  <  CIVCAS_<NAME>  <  a command-line option

The config file is TOML, one ``name = value`` line per setting (``civcas.toml``): the file
given with ``civcas --config FILE``, else ``$XDG_CONFIG_HOME/civcas/civcas.toml`` (by default
``~/.config/civcas/civcas.toml``) when it exists. An unknown name or a bad value in it is a
:class:`~civcas.errors.ConfigError` naming the file and the setting.

Only :mod:`civcas.api` and the shells read settings: the stages receive their values as
arguments (the reader its ``max_bytes`` and columns, the gazetteer its user-places file).
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

# The stages' own defaults, written here again so that reading the settings (every command does)
# loads neither the gazetteer's nor the reader's package (decisions §15.7); tests/test_settings.py
# checks they are the stages' values: geo.index.USER_PLACES, ingest.readers.MAX_BYTES,
# ingest.tables.DEFAULT_COLUMNS.
USER_PLACES = Path("~/.local/share/civcas/places.csv")
MAX_BYTES = 5 * 1024 * 1024
DEFAULT_COLUMNS = {"id": "id", "title": "title", "text": "text", "date": "date", "url": "url",
                   "outlet": "source"}

CONFIG_NAME = "civcas.toml"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str

    @property
    def env(self) -> str:
        return "CIVCAS_" + self.name.upper()

    def value(self, raw: Any, where: str) -> Any:
        """``raw`` (text from the environment, or a TOML value) as this setting's type."""
        try:
            if isinstance(raw, str):
                return self.parse(raw)
            if isinstance(self.default, float) and isinstance(raw, int | float) and not \
                    isinstance(raw, bool):  # a TOML number for a fraction: 0 and 1 are ints
                return self.parse(str(raw))
            if type(raw) is type(self.default):  # a TOML integer or boolean of the right kind
                return self.parse(str(raw)) if isinstance(raw, int) and not isinstance(
                    raw, bool) else raw
            raise ValueError(f"expected {type(self.default).__name__}, not {type(raw).__name__}")
        except ValueError as exc:
            raise ConfigError("E102", where=where, reason=exc) from None


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError("expected 1/0, true/false, yes/no or on/off")


def _positive(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise ValueError(f"must be a positive number, not {value}")
    return value


def _count(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError(f"must be 0 or more, not {value}")
    return value


def _fraction(raw: str) -> float:
    value = float(raw)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"must be between 0 and 1, not {value}")
    return value


def _column(role: str, what: str) -> Setting:
    return Setting(f"csv_{role}", DEFAULT_COLUMNS[role], f"CSV/JSONL column holding {what}.")


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("max_bytes", MAX_BYTES, "Largest input file (or row) read, in bytes.",
                _positive),
        Setting("encoding", "", "Encoding of input text that is not UTF-8 (e.g. cp1252, "
                "cp1256); unset: such a file, line or row is an error, never a guess."),
        _column("id", "the document id"),
        _column("title", "the title"),
        _column("text", "the body text"),
        _column("date", "the published date"),
        _column("url", "the URL"),
        _column("outlet", "the outlet name"),
        Setting("user_places", str(USER_PLACES),
                "CSV file where `civcas gazetteer add` keeps your own places (used by geocoding)."),
        Setting("db", "sqlite:///civcas.db",
                "Ledger database URL (SQLite file or postgresql+psycopg://...)."),
        Setting("secret_key", "", "Key that signs the review app's session cookies (civcas serve); "
                "unset: a random key per start, so restarting logs everyone out."),
        Setting("secure_cookies", False, "Send the review app's session cookie over HTTPS only "
                "(set to 1 when serving behind TLS).", _flag),
        Setting("session_idle_minutes", 120, "Minutes without a request after which a review-app "
                "login ends (logins end after 12 hours in any case).", int),
        Setting("login_max_failures", 5, "Failed review-app logins of one account after which "
                "it is locked (HTTP 429): for login_window_minutes, doubling with each further "
                "failure (`civcas user unlock` ends it).", int),
        Setting("login_address_max_failures", 100, "Failed review-app logins from one client "
                "address within login_window_minutes after which that address is refused "
                "(high: behind a proxy every user shares one address).", int),
        Setting("trusted_proxies", "", "Comma-separated addresses of reverse proxies whose "
                "X-Forwarded-For names the client (civcas serve --proxy-headers); unset: the "
                "connection's address is the client's."),
        Setting("login_window_minutes", 15, "The window (minutes) in which failed review-app "
                "logins are counted (`login_max_failures`).", int),
        Setting("workers", 0, "Processes that extract documents in `civcas extract` and "
                "`civcas ingest`, and resolve independent parts of the ledger in "
                "`civcas resolve` (0: one per core; 1: none besides the main one).", _count),
        Setting("dask", "", "Address of a Dask distributed scheduler (tcp://HOST:8786) that "
                "extracts instead of local workers (needs `pip install 'civcas[dask]'`); "
                "empty: none.", str),
        Setting("low_confidence", 0.4, "A claim whose calibrated confidence is below this "
                "(0-1) puts its incident in the review queue low_confidence (claims the "
                "machine is least sure of).", _fraction),
        Setting("extract_seconds", 20, "Time budget of one document's extraction, in seconds; "
                "a document over it is stored as a failure (E302) and the batch goes on.",
                _positive),
    )
}


@dataclass(frozen=True)
class Settings:
    """The value of every setting, and where each came from ("default", the config file's
    path, or the environment variable's name)."""

    values: Mapping[str, Any]
    origins: Mapping[str, str] = field(default_factory=dict)
    config: Path | None = None  # the config file read, if any

    def get(self, name: str, override: Any = None) -> Any:
        """The value of setting ``name``; ``override`` (a command-line value) when not None."""
        if name not in SETTINGS:
            raise ConfigError("E101", name=name, known=", ".join(SETTINGS))
        return self.values[name] if override is None else override


def default_config() -> Path:
    """``$XDG_CONFIG_HOME/civcas/civcas.toml`` (``~/.config/civcas/civcas.toml``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path("~/.config").expanduser())
    return Path(base) / "civcas" / CONFIG_NAME


def read_config(path: str | Path) -> dict[str, Any]:
    """The settings of a config file, checked (ConfigError names the file and the setting)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("E103", path=path) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("E104", path=path, reason=exc) from None
    out = {}
    for name, raw in data.items():
        if name not in SETTINGS:
            raise ConfigError("E105", path=path, name=name, known=", ".join(SETTINGS))
        out[name] = SETTINGS[name].value(raw, f"{path}: {name}")
    return out


def load(config: str | Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Every setting: the table's defaults, then the config file (``config``, else the default
    one when it exists), then the environment (``CIVCAS_<NAME>``)."""
    env = os.environ if environ is None else environ
    path = Path(config).expanduser() if config is not None else default_config()
    try:  # the file as it is now: a change of it (or of the environment) is read again
        st = path.stat()
        stamp: tuple | None = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_mode)
    except OSError:
        stamp = None
    key = (str(path), config is None, stamp, tuple(env.get(s.env) for s in SETTINGS.values()))
    hit = _LOADED.get(key)
    if hit is None:
        hit = _load(config, env, path)
        _LOADED.clear()
        _LOADED[key] = hit
    return hit


_LOADED: dict[tuple, Settings] = {}  # the last settings read, by file and environment (api calls ask often)


def _load(config: str | Path | None, env: Mapping[str, str], path: Path | None) -> Settings:
    values = {name: s.default for name, s in SETTINGS.items()}
    origins = dict.fromkeys(SETTINGS, "default")
    if config is None and path is not None and not path.is_file():
        path = None
    if path is not None:
        for name, value in read_config(path).items():
            values[name], origins[name] = value, str(path)
    for name, s in SETTINGS.items():
        raw = env.get(s.env)
        if raw is not None and raw != "":
            values[name] = s.value(raw, f"environment variable {s.env}={raw!r}")
            origins[name] = s.env
    return Settings(values, origins, path)
