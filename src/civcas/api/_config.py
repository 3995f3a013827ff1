"""The settings behind :mod:`civcas.api`: read on each call, handed to the stages.

:func:`current` reads the table's defaults, the config file (the one :func:`use_config`
chose, else the default path when it exists) and the environment; the api passes each stage
the values it needs (and tells the gazetteer which user-places file is in force).
"""
from __future__ import annotations

from pathlib import Path

from .. import geo, settings
from ..settings import Settings

_config: Path | None = None  # chosen with use_config (``civcas --config FILE``)


def use_config(path: str | Path | None) -> None:
    """Read settings from the config file ``path`` from now on (None: the default file).

    ConfigError when it cannot be read or holds a bad setting."""
    global _config
    if path is not None:
        settings.read_config(path)
    _config = None if path is None else Path(path).expanduser()


def current() -> Settings:
    """The settings in force now; the gazetteer is told the user-places file among them."""
    found = settings.load(_config)
    geo.use_user_places(Path(found.get("user_places")).expanduser())
    return found


def db_url(db: str | None = None) -> str:
    """``db`` when given, else the ``db`` setting."""
    return str(current().get("db", db))
