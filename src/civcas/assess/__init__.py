"""Assess an incident: low/best/high with rules, belligerent stances, the Airwars grade.

Pure functions over records (no database). See :mod:`.estimates` for the
figure rules, :mod:`.grade` for stances and grades, :mod:`.sources` for how
re-reports are folded into one source.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..records import Assessment, Claim, Document
from .blame import Blame, blame, graded, outweighed_reasons
from .consistency import checks
from .estimates import _estimate, estimates, usable_by
from .grade import grade, perpetrators, stances
from .sources import Source, sources

__all__ = ["assess", "sources", "Source", "perpetrators"]


def assess(claims: list[Claim], documents: Mapping[str, Document],
           groups: list[Source] | None = None, chosen: Blame | None = None) -> Assessment:
    """The assessment of the incident these claims are about (``groups``: their source groups,
    :func:`sources`, and ``chosen``: their :func:`~.blame.blame`, when the caller has them
    already)."""
    docs = dict(documents)
    groups = groups if groups is not None else sources(claims, docs)
    chosen = chosen if chosen is not None else blame(claims, groups)
    blamed = graded(chosen, claims)
    said = stances(claims, blamed)
    g, reasons = grade(claims, groups, blamed, said)
    reasons = reasons + outweighed_reasons(chosen)
    figures = usable_by(groups)  # the claims with a figure, read once for every estimate
    found = estimates(groups, docs, figures)
    people = {o: e for o in ("killed", "injured") if (o, "people") in figures
              and (e := _estimate(groups, docs, o, "people", fallback=False,
                                  figures=figures)) is not None}
    return Assessment(
        grade=g,
        reasons=tuple(reasons) + tuple(checks(found, people)),
        estimates=tuple(found),
        stances=tuple(said),
        sources=tuple(s.name for s in groups),
    )
