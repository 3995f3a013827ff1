"""The functions a civcas user calls. The CLI and the web app are thin shells over these."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from . import extract as _extract
from . import geo as _geo
from . import ingest as _ingest
from .records import Claim, ClaimExplanation, Document, ExtractionResult, Place, ReadFailure
from .vocab.arabic import language_of

log = logging.getLogger(__name__)

__all__ = ["extract_text", "extract_document", "explain_text", "explain_document", "read_documents",
           "extract_paths", "extract_documents", "document_focus",
           "geocode", "resolve_place", "gazetteer_add", "gazetteer_info", "export", "report"]


def extract_text(text: str, published: date | str | None = None, *, title: str = "") -> list[Claim]:
    """Claims in ``text`` as given (no cleaning): spans are offsets into ``text``.

    ``published`` (a date or ISO string) anchors relative dates ("on Tuesday").
    """
    return extract_document(_text_document(text, published, title))


def _text_document(text: str, published: date | str | None, title: str) -> Document:
    if isinstance(published, str):
        published = date.fromisoformat(published)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(id=digest[:16], title=title, text=text, published=published, content_hash=digest,
                    language=language_of(f"{title}\n{text}"))


def extract_document(document: Document) -> list[Claim]:
    """Claims of one document, geocoded (``geo``); spans are offsets into ``document.text``."""
    return _geocoded(document, _extract.extract(document))


def explain_document(document: Document) -> list[ClaimExplanation]:
    """The claims of one document (geocoded) with, for each of its source, place, perpetrator and
    event date, every candidate the report offered, its probability and the features that decided."""
    found = _extract.explain(document)
    claims = _geocoded(document, [e.claim for e in found])
    return [dataclasses.replace(e, claim=c) for e, c in zip(found, claims)]


def explain_text(text: str, published: date | str | None = None, *, title: str = "") -> list[ClaimExplanation]:
    """:func:`explain_document` for a text as given (as :func:`extract_text`)."""
    return explain_document(_text_document(text, published, title))


def _geocoded(document: Document, claims: list[Claim]) -> list[Claim]:
    try:
        claims, _focus = _geo.locate(document, claims)
    except Exception as exc:  # geocoding must not lose the claims
        log.warning("geocoding failed on %s: %s", document.origin or document.id, exc, exc_info=True)
    return claims


def document_focus(document: Document, claims: Iterable[Claim]) -> Place | None:
    """Where the document's main incident happened, from its geocoded claims (else its text)."""
    return _geo.focus(document, list(claims))


def geocode(mention: str, context: str | None = None, *, limit: int = 10) -> list[_geo.Candidate]:
    """Ranked gazetteer candidates for a place mention, each with its score and why.

    ``context`` is text around it (regions and places it names settle ambiguity);
    "Village, Region" works too.
    """
    return _geo.geocode(mention, context, limit=limit)


def resolve_place(mention: str, context: str | None = None) -> _geo.Resolution:
    """The best place for ``mention`` (``.place``, None when unknown) and the reason."""
    return _geo.explain(mention, context)


def gazetteer_add(csv_path: str | Path):
    """Add the places of a CSV (name, alternate names, lat, lon, admin1, country) to your own."""
    return _geo.add_places(csv_path)


def gazetteer_info() -> dict:
    """Counts, size and paths of the gazetteer."""
    return _geo.info()


def read_documents(paths: Iterable[str | Path], **options) -> Iterator[Document | ReadFailure]:
    """Documents read from files and directories (recursively), cleaned.

    Unreadable inputs come out as ``ReadFailure`` records so that the batch goes on.
    Options: see :func:`civcas.ingest.read_paths`.
    """
    return _ingest.read_paths(paths, **options)


def extract_paths(paths: Iterable[str | Path], *, explain: bool = False,
                  **options) -> Iterator[ExtractionResult | ReadFailure]:
    """Read every document under ``paths`` and extract its claims (``explain``: with the reasons)."""
    return extract_documents(read_documents(paths, **options), explain=explain)


def extract_documents(
    items: Iterable[Document | ReadFailure], *, explain: bool = False,
) -> Iterator[ExtractionResult | ReadFailure]:
    """Extract (and geocode) each document; a failure passes through, a crash becomes one.
    With ``explain`` each result carries every claim's :class:`~civcas.records.ClaimExplanation`."""
    for item in items:
        if isinstance(item, ReadFailure):
            yield item
            continue
        explanations: tuple[ClaimExplanation, ...] = ()
        try:
            if explain:
                explanations = tuple(explain_document(item))
                claims = [e.claim for e in explanations]
            else:
                claims = extract_document(item)
        except Exception as exc:  # one bad document must not stop the batch
            log.warning("extraction failed on %s: %s", item.origin or item.id, exc, exc_info=True)
            yield ReadFailure(item.origin or item.id, f"extraction failed: {type(exc).__name__}: {exc}")
            continue
        try:
            focus = document_focus(item, claims)
        except Exception as exc:  # a focus is a nicety; the claims stand without it
            log.warning("focus failed on %s: %s", item.origin or item.id, exc, exc_info=True)
            focus = None
        yield ExtractionResult(item, tuple(claims), focus, explanations)


# ---------------------------------------------------------------- outputs: exports and report


def _ledger_snapshot(db: str | None):
    """The ledger's snapshot through :func:`snapshot`, or a clear error while there is none."""
    snapshot_fn = globals().get("snapshot")
    if snapshot_fn is None:
        from .errors import CivcasError

        raise CivcasError("the ledger is not available (no api.snapshot in this civcas)")
    return snapshot_fn(db)


def export(level: str, format: str, layout: str | None = None, db: str | None = None,
           out: str | Path | None = None) -> bytes:
    """The ledger's ``level`` (claims, incidents, tallies) as ``format`` (csv, json, geojson,
    parquet), incidents optionally in the ``acled`` or ``ucdp`` column layout.

    Writes the bytes to ``out`` when given, and returns them. Columns: docs/exports.md.
    Raises ConfigError on a bad level, format or layout (checked before the ledger is read).
    """
    from . import outputs

    outputs.check(level, format, layout)
    data = outputs.export_bytes(_ledger_snapshot(db), level, format, layout)
    if out is not None:
        Path(out).write_bytes(data)
        log.info("wrote %s (%d bytes)", out, len(data))
    return data


def report(out: str | Path, db: str | None = None, *, title: str | None = None) -> Path:
    """Write the offline HTML report of the ledger to ``out``; return its path."""
    from . import report as _report

    snap = _ledger_snapshot(db)
    html = _report.render(snap, **({"title": title} if title else {}))
    path = Path(out)
    path.write_text(html, encoding="utf-8")
    log.info("wrote %s (%d KB)", path, path.stat().st_size // 1024)
    return path


# ---------------------------------------------------------------- the ledger (civcas.ledger)
# ingest(paths, db=None, progress=None, batch=20, **options) -> IngestSummary
# resolve(db=None) -> Resolution; incidents(db=None, grade=, since=, until=, place=) -> [Incident]
# incident(id, db=None) -> Incident; incident_detail(id, db=None) -> (Incident, [Claim], {id: Document})
# tallies(db=None) -> [Tally]; snapshot(db=None) -> LedgerSnapshot
# judge(kind, target, payload=None, user=None, reason="", db=None) -> Judgement
from .ledger import (  # noqa: E402
    IngestSummary,
    filter_incidents,
    incident,
    incident_detail,
    incidents,
    ingest,
    judge,
    resolve,
    snapshot,
    tallies,
)

__all__ += ["ingest", "IngestSummary", "resolve", "incidents", "filter_incidents", "incident",
            "incident_detail", "tallies", "snapshot", "judge"]

# ---------------------------------------------------------------- the acknowledgment gap


def acknowledgment_gap(db: str | None = None, belligerent: str | None = None) -> list:
    """Per belligerent (victim group, outcome): its admitted cumulative figures against the
    monitors', the latest gap, and its fair or confirmed incidents it has not acknowledged.

    A list of :class:`civcas.records.AcknowledgmentGap`; rules: :mod:`civcas.assess.gap`.
    """
    from .assess.gap import acknowledgment_gaps

    snap = snapshot(db)
    return acknowledgment_gaps(snap.tallies, snap.incidents, snap.claims, belligerent)


__all__ += ["acknowledgment_gap"]

# ---------------------------------------------------------------- review (civcas.review)
# add_user(name, role, password, db=None, update=False) -> User; users(db=None) -> [User]
# The review app: civcas.web.create_app(db); its reads and checked judgements: civcas.review.Desk
from .review.users import add_user, users  # noqa: E402

__all__ += ["add_user", "users"]
