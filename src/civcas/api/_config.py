"""The settings behind :mod:`civcas.api`: read on each call, handed to the stages.

:func:`current` reads the table's defaults, the config file (the one :func:`use_config`
chose, else the default path when it exists) and the environment; the api passes each stage
the values it needs (and tells the gazetteer which user-places file is in force).
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from .. import settings
from ..errors import ConfigError
from ..settings import Settings

log = logging.getLogger(__name__)
SECRET_MIN_BYTES = 32

_config: Path | None = None  # chosen with use_config (``civcas --config FILE``)


def use_config(path: str | Path | None) -> None:
    """Read settings from the config file ``path`` from now on (None: the default file).

    ConfigError when it cannot be read or holds a bad setting."""
    global _config
    if path is not None:
        settings.read_config(path)
    _config = None if path is None else Path(path).expanduser()


def current() -> Settings:
    """The settings in force now; the gazetteer, when loaded, is told the user-places file
    among them. (Only :mod:`._extract` loads it, and each of its functions reads the settings
    first: a command that does not geocode loads no gazetteer package.)"""
    found = settings.load(_config)
    geo = sys.modules.get("civcas.geo")
    if geo is not None:
        geo.use_user_places(Path(found.get("user_places")).expanduser())
    return found


def db_url(db: str | None = None) -> str:
    """``db`` when given, else the ``db`` setting."""
    return str(current().get("db", db))


def secret_key_file() -> Path:
    """Where the review app keeps the key it generated: ``secret_key`` beside the config
    file (``$XDG_CONFIG_HOME/civcas/secret_key``), readable by its owner only."""
    return settings.default_config().parent / "secret_key"


def secret_key(given: str | None = None) -> str:
    """The key that signs the review app's session cookies: ``given`` (the ``secret_key``
    setting) when set, at least 32 bytes (ConfigError E115 otherwise); else the key in
    :func:`secret_key_file`, generated and stored there on first use (so that restarts and
    other processes on this machine keep sessions valid)."""
    if given:
        size = len(given.encode("utf-8"))
        if size < SECRET_MIN_BYTES:
            raise ConfigError("E115", size=size, least=SECRET_MIN_BYTES)
        return given
    path = secret_key_file()
    for _ in range(2):
        try:
            key = path.read_text(encoding="utf-8").strip()
            if len(key.encode("utf-8")) >= SECRET_MIN_BYTES:
                return key
            raise ConfigError("E115", size=len(key.encode("utf-8")), least=SECRET_MIN_BYTES)
        except FileNotFoundError:
            pass
        import secrets  # a new key only (not loaded by every command)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another process made it just now: read that one
        except OSError as exc:
            log.warning("cannot store a secret key in %s (%s): sessions end when the app "
                        "stops; set CIVCAS_SECRET_KEY", path, exc.strerror)
            return secrets.token_urlsafe(48)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(secrets.token_urlsafe(48) + "\n")
        log.info("review app: a new secret key is stored in %s", path)
    return path.read_text(encoding="utf-8").strip()
