"""``civcas extract``: claims of news reports, as tables or JSON Lines (no ledger)."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import api
from ..records import Claim, ClaimExplanation, Document, ExtractionResult, ReadFailure
from ._common import (
    EXIT_FAILED,
    DaskOpt,
    PathsArg,
    WorkersOpt,
    console,
    error,
    errors_to_exit,
    plural,
    reads_inputs,
    write_jsonl,
)

log = logging.getLogger(__name__)


@reads_inputs
def extract_cmd(
    paths: PathsArg,
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help="One JSON object per document per line, instead of tables."),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Exit with status 1 if any input could not be read."),
    ] = False,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Also show, per claim and field, the candidates considered, their "
                                       "probabilities and the reasons the chosen one won."),
    ] = False,
    workers: WorkersOpt = None,
    dask: DaskOpt = None,
    *,
    options: dict[str, Any],
) -> None:
    """Extract casualty claims from news reports and print them.

    Prints a table per document (or JSON Lines with --jsonl) and, for every
    input that cannot be read, one line "civcas: error: FILE: REASON" on stderr;
    the batch goes on. Each claim carries a calibrated confidence (claims given
    0.9 are right about 90% of the time). With --explain, each claim's source,
    place, perpetrator and event date are shown with every candidate the report
    offered, its probability and the features that moved it most (in JSON
    Lines: an "explain" list per claim). Exit status 1 if no document could be
    read.
    """
    with errors_to_exit():
        results = api.extract_paths(paths, explain=explain, workers=workers, dask=dask,
                                    **options)
        read, failed, claims = _print_results(results, jsonl, explain)

    log.info("%s read, %d failed, %s", plural(read, "document"), failed, plural(claims, "claim"))
    if read == 0 and failed == 0:
        error("no documents found in " + ", ".join(paths))
    if read == 0 or (strict and failed):
        raise typer.Exit(EXIT_FAILED)


def _print_results(
    results: Iterable[ExtractionResult | ReadFailure], jsonl: bool, explain: bool = False
) -> tuple[int, int, int]:
    """Print each result as it comes; return (documents read, failed, claims)."""
    out = None if jsonl else console()
    read = failed = claims = 0
    for item in results:
        if isinstance(item, ReadFailure):
            failed += 1
            error(f"{item.origin}: {item.reason}")
            continue
        read += 1
        claims += len(item.claims)
        if out is None:
            write_jsonl(document_json(item))
        else:
            print_document(out, item)
            if explain:
                print_explanations(out, item)
    if out is not None:
        out.print(
            f"{plural(read, 'document')} read, {failed} failed, {plural(claims, 'claim')}",
            markup=False,
        )
    return read, failed, claims


# ---------------------------------------------------------------- formatting


def claim_dict(claim: Claim) -> dict[str, Any]:
    d = claim.to_dict()
    d.pop("sentence_start", None)
    d.pop("document_id", None)  # the record's own id says it
    return d


def document_json(result: ExtractionResult) -> dict[str, Any]:
    """One JSON Lines record: the document's id, title, published date, language, focus, and claims."""
    doc = result.document
    return {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "language": doc.language or None,
        "focus": result.focus.to_dict() if result.focus else None,
        "claims": [_with_explanation(claim_dict(c), why) for c, why in
                   zip(result.claims, result.explanations or [None] * len(result.claims))],
    }


def _with_explanation(d: dict[str, Any], why: ClaimExplanation | None) -> dict[str, Any]:
    """A claim's record with, under ``explain``, every field's choice: value, probability and each
    candidate considered (value, where it came from, probability, the words that name it, reasons)."""
    if why is None:
        return d
    d["explain"] = [
        {"field": f.field, "value": f.value, "probability": f.probability,
         "candidates": [{"value": c.value, "origin": c.origin, "probability": round(c.probability, 3),
                         "evidence": c.evidence, "reasons": list(c.reasons)} for c in f.considered]}
        for f in why.fields
    ]
    return d


def _heading(doc: Document) -> Text:
    heading = Text()
    heading.append(doc.title or "(untitled)", style="bold")
    heading.append(f"\n{doc.id}", style="dim")
    heading.append(" · ", style="dim")
    heading.append(doc.published.isoformat() if doc.published else "date unknown", style="dim")
    if doc.origin:
        heading.append(f" · {doc.origin}", style="dim")
    return heading


def claims_table(claims: Iterable[Claim]) -> Table:
    """One row per claim. Cells fold rather than crop, so nothing is lost when narrow."""
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for name in ("outcome", "victims", "figure", "source", "place", "event date",
                 "perpetrator", "scope", "text"):
        table.add_column(name, overflow="fold", justify="right" if name == "figure" else "left")
    for c in claims:
        cells = (
            c.outcome, c.victims, api.figure(c), c.source, c.place or "", c.event_date or "",
            c.perpetrator or "", c.scope, c.text,
        )
        table.add_row(*(Text(api.isolated(str(x))) for x in cells))  # Text: no markup parsing of article text
    return table


def print_explanations(out: Console, result: ExtractionResult) -> None:
    """Per claim, a block per field: the candidates in order of probability, the chosen one first."""
    for n, why in enumerate(result.explanations, 1):
        c = why.claim
        conf = f" · confidence {c.confidence:.2f}" if c.confidence is not None else ""
        head = f"claim {n}: {c.outcome} {c.victims} {api.figure(c)} — \"{c.text}\"{conf}"
        out.print(Text(api.isolated(head), style="bold"))
        table = Table(box=box.SIMPLE, pad_edge=False, show_header=True, header_style="dim")
        for name in ("field", "candidate", "p", "from", "why"):
            table.add_column(name, overflow="fold", justify="right" if name == "p" else "left")
        for f in why.fields:
            for i, cand in enumerate(f.considered):
                mark = "→ " if i == 0 else "  "
                table.add_row(*(Text(api.isolated(x)) for x in (
                    f.field if i == 0 else "", mark + (cand.value if cand.value is not None else "(none)"),
                    f"{cand.probability:.2f}", cand.origin + (f": {cand.evidence}" if cand.evidence else ""),
                    "; ".join(cand.reasons))))
        out.print(table)
    out.file.flush()


def print_document(out: Console, result: ExtractionResult) -> None:
    out.print(_heading(result.document))
    if result.focus is not None:
        f = result.focus
        where = ", ".join(x for x in dict.fromkeys((f.name, f.admin1, f.country)) if x)
        out.print(Text(f"focus: {where} ({f.precision})", style="dim"))
    if result.claims:
        out.print(claims_table(result.claims))
    else:
        out.print(Text("no claims", style="italic"))
    out.print()
    out.file.flush()
