"""The acknowledgment gap and the tallies in the review app: per belligerent, its own admitted
totals against the independent monitors' (dated series, subsets labelled), the latest gap and
the rule behind it; then every cumulative figure of the ledger (``civcas gap`` as a page)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from .. import api
from ..records import User
from . import auth
from .pages import render

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(auth.viewer)]


@router.get("/gap")
def gap_page(request: Request, user: Viewer,
             belligerent: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    """The gap per belligerent and victim group, and the ledger's tallies (any role)."""
    url = request.app.state.desk.url
    gaps = api.acknowledgment_gap(url, belligerent or None)
    tallies = sorted(api.tallies(url), key=lambda t: (t.belligerent or "", t.as_of or "", t.asserter))
    if belligerent:
        tallies = [t for t in tallies if t.belligerent == belligerent]
    return render(request, "gap.html", gaps=gaps, tallies=tallies, belligerent=belligerent or "",
                  span=api.format_range)
