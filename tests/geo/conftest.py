"""Geo tests use their own (empty) user places file, never the user's real one."""
from __future__ import annotations

import pytest

from civcas import geo


@pytest.fixture(autouse=True)
def user_places(tmp_path, monkeypatch):
    """Path of this test's user places file (absent at start); the gazetteer reloads around it."""
    path = tmp_path / "user" / "places.csv"
    monkeypatch.setenv("CIVCAS_USER_PLACES", str(path))
    geo.reload()
    yield path
    monkeypatch.delenv("CIVCAS_USER_PLACES")
    geo.reload()
