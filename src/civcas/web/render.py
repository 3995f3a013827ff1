"""Templates and the safe marking of article text.

Every template is autoescaped. Article text only ever reaches a page through
:func:`marked`, which escapes each piece of text itself and adds nothing but
``<mark>`` and ``<span>`` elements whose attributes it writes.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..api import estimate, figure, format_range

TEMPLATES = Path(__file__).parent / "templates"
SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Range:
    """``[start, end)`` of a text to mark: ``kind`` "span" (a figure) or "sentence"."""

    start: int
    end: int
    kind: str
    claim: str = ""


def anchor(*parts: str) -> str:
    """An HTML id made of ``parts``: only letters, digits, '_' and '-'."""
    return "-".join(SAFE_ID.sub("_", p) for p in parts)


def marked(text: str, ranges: Iterable[Range], prefix: str = "") -> Markup:
    """``text`` escaped, with each range wrapped (sentences in ``span.sentence``, figures in
    ``mark``). Ranges may overlap or nest: the text is cut at every boundary and each piece
    wrapped on its own. A range outside the text is dropped."""
    n = len(text)
    good = [r for r in ranges if 0 <= r.start < r.end <= n]
    cuts = sorted({0, n, *(r.start for r in good), *(r.end for r in good)})
    out: list[str] = []
    first_mark: set[str] = set()
    for a, b in zip(cuts, cuts[1:]):
        piece = str(escape(text[a:b]))
        over = [r for r in good if r.start <= a and b <= r.end]
        spans = [r for r in over if r.kind == "span"]
        if any(r.kind == "sentence" for r in over):
            piece = f'<span class="sentence">{piece}</span>'
        if spans:
            claims = " ".join(sorted({anchor(r.claim) for r in spans}))
            ident = ""
            for r in spans:
                if r.claim and r.claim not in first_mark and r.start == a:
                    first_mark.add(r.claim)
                    ident = f' id="{anchor(prefix, r.claim)}"'
                    break
            piece = f'<mark{ident} data-claims="{claims}">{piece}</mark>'
        out.append(piece)
    return Markup("".join(out))


def sentence_marked(claim: Any) -> Markup:
    """The claim's sentence with its figure's span marked (plain when the span is off)."""
    start = claim.span[0] - claim.sentence_start
    end = claim.span[1] - claim.sentence_start
    return marked(claim.sentence, [Range(start, end, "span", claim.id)], prefix="s")


def document_marked(document: Any, claims: Iterable[Any]) -> Markup:
    """The document's text with each claim's sentence and span marked (ids ``doc-CLAIM``)."""
    ranges: list[Range] = []
    text = document.text
    for c in claims:
        s0 = c.sentence_start
        if text[s0:s0 + len(c.sentence)] == c.sentence:
            ranges.append(Range(s0, s0 + len(c.sentence), "sentence", c.id))
        ranges.append(Range(c.span[0], c.span[1], "span", c.id))
    return marked(text, ranges, prefix="doc")


def when(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M} UTC" if value else ""


def est_range(e: Any) -> str:
    """low–best–high of an estimate: "22 – 25 – 31", with ? for a missing bound."""
    if e is None:
        return "unknown"

    def n(x: int | None) -> str:
        return "?" if x is None else str(x)
    return f"{n(e.low)} – {n(e.best)} – {n(e.high)}"


def safe_url(url: str | None) -> bool:
    """Only http(s) links are shown as links (never ``javascript:`` and the like)."""
    return url is not None and url.lower().startswith(("http://", "https://"))


def payload_text(judgement: Any) -> str:
    """A judgement's payload in words (the incident it was made on left out)."""
    parts = []
    for key, value in judgement.payload.items():
        if key in ("incident", "context"):
            continue
        if key == "fields" and isinstance(value, dict):
            value = ", ".join(f"{k} = {v}" for k, v in value.items())
        elif isinstance(value, (list, tuple)):
            value = f"{len(value)} claims" if key == "claims" else ", ".join(map(str, value))
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      auto_reload=False)  # templates ship with the package: no stat per page
    env.filters.update(when=when, est_range=est_range, figure=figure, anchor=anchor,
                       format_range=format_range, safe_url=safe_url, payload_text=payload_text)
    env.globals.update(estimate=estimate, sentence_marked=sentence_marked,
                       document_marked=document_marked)
    return env
