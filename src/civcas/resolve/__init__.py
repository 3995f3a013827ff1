"""Resolve claims of many documents into incidents and a tallies ledger.

Pure functions over records: :func:`resolve` takes documents, claims and
judgements and returns incidents (assessed) and tallies; the store keeps them.

- Incident claims are grouped by :mod:`.cluster` (same place, date window,
  compatible perpetrator and figures, blocked by country and week).
- Cumulative claims become :class:`~civcas.records.Tally` entries: one series
  per asserter x belligerent x victim group x outcome (:func:`series`); a running
  total the extractor marked ``incident`` is cumulative too, and a count of people
  displaced, arrested or missing is no harm at all (:mod:`.scope`).
- Judgements (:mod:`.judgements`) are applied on top, every run.
"""
from __future__ import annotations

import typing as _typing

from .._lazy import lazy_names as _lazy_names

# imported on first use (PEP 562): a reader that applies judgements (``civcas show``) loads
# .judgements without the clusters, the assessment and the tallies (decisions §15.10)
_LAZY: dict[str, tuple[str, str]] = {
    "claim_features": (".core", "claim_features"),
    "incident_id": (".core", "incident_id"),
    "resolve": (".core", "resolve"),
    "series": (".core", "series"),
    "tallies": (".core", "tallies"),
}

if _typing.TYPE_CHECKING:
    from .core import claim_features, incident_id, resolve, series, tallies

__all__ = ["claim_features", "incident_id", "resolve", "series", "tallies"]

__getattr__ = _lazy_names(__name__, _LAZY, globals())  # imported on first use, then kept here
