"""Geo tests use their own (empty) user places file, never the user's real one."""
from __future__ import annotations

import pytest

from civcas import geo
from civcas.geo import index


@pytest.fixture(autouse=True)
def user_places(tmp_path, monkeypatch):
    """Path of this test's user places file (absent at start): handed to the gazetteer as the
    api does (and set as the ``user_places`` setting, for tests that go through the api)."""
    path = tmp_path / "user" / "places.csv"
    before = index.user_file()
    monkeypatch.setenv("CIVCAS_USER_PLACES", str(path))
    geo.use_user_places(path)
    geo.reload()
    yield path
    geo.use_user_places(before)
    geo.reload()
