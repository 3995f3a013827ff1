"""Reading, extracting and geocoding documents (behind :mod:`civcas.api`).

Pure stage calls: nothing here reads or writes the ledger.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import signal
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from .. import geo as _geo
from .. import ingest as _ingest
from .._gc import paused_gc
from ..errors import ExtractionError
from ..records import (
    Candidate,
    Claim,
    ClaimExplanation,
    Document,
    ExtractionResult,
    Place,
    PlaceResolution,
    PlacesAdded,
    ReadFailure,
)
from ..settings import SETTINGS
from ..vocab.arabic import language_of
from . import _config

log = logging.getLogger(__name__)


def extract_text(text: str, published: date | str | None = None, *, title: str = "") -> list[Claim]:
    """Claims in ``text`` as given (no cleaning): spans are offsets into ``text``.

    ``published`` (a date or ISO string) anchors relative dates ("on Tuesday").
    """
    return extract_document(_text_document(text, published, title))


def _text_document(text: str, published: date | str | None, title: str) -> Document:
    if isinstance(published, str):
        published = date.fromisoformat(published)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(id=digest[:16], title=title, text=text, published=published,
                    content_hash=digest, language=language_of(f"{title}\n{text}"))


def extract_document(document: Document) -> list[Claim]:
    """Claims of one document, geocoded (``geo``); spans are offsets into ``document.text``."""
    _config.current()  # the gazetteer learns the user-places file in force
    from ..extract import extract  # loaded on first use: reading the ledger needs no extractor
    with paused_gc():  # (tens of thousands of objects, no cycles: decisions §15.14)
        return _geocoded(document, extract(document))


def explain_document(document: Document) -> list[ClaimExplanation]:
    """The claims of one document (geocoded) with, for each of its source, place, perpetrator
    and event date, every candidate the report offered, its probability and the features
    that decided."""
    _config.current()
    from ..extract import explain
    with paused_gc():
        found = explain(document)
        claims = _geocoded(document, [e.claim for e in found])
    return [dataclasses.replace(e, claim=c) for e, c in zip(found, claims)]


def explain_text(text: str, published: date | str | None = None, *,
                 title: str = "") -> list[ClaimExplanation]:
    """:func:`explain_document` for a text as given (as :func:`extract_text`)."""
    return explain_document(_text_document(text, published, title))


def _geocoded(document: Document, claims: list[Claim]) -> list[Claim]:
    try:
        claims = _geo.locate_claims(document, claims)  # the focus, when wanted, once (document_focus)
    except Exception as exc:  # geocoding must not lose the claims
        log.warning("geocoding failed on %s: %s", document.origin or document.id, exc, exc_info=True)
    return claims


def document_focus(document: Document, claims: Iterable[Claim]) -> Place | None:
    """Where the document's main incident happened, from its geocoded claims (else its text)."""
    return _geo.focus(document, list(claims))


def geocode(mention: str, context: str | None = None, *, limit: int = 10) -> list[Candidate]:
    """Ranked gazetteer candidates for a place mention, each with its score and why.

    ``context`` is text around it (regions and places it names settle ambiguity);
    "Village, Region" works too.
    """
    _config.current()
    return _geo.geocode(mention, context, limit=limit)


def resolve_place(mention: str, context: str | None = None) -> PlaceResolution:
    """The best place for ``mention`` (``.place``, None when unknown) and the reason."""
    _config.current()
    return _geo.explain(mention, context)


def gazetteer_add(csv_path: str | Path) -> PlacesAdded:
    """Add the places of a CSV (name, alternate names, lat, lon, admin1, country) to your own."""
    _config.current()
    return _geo.add_places(csv_path)


def gazetteer_info() -> dict[str, object]:
    """Counts, size and paths of the gazetteer."""
    _config.current()
    return _geo.info()


def read_documents(paths: Iterable[str | Path], *, max_bytes: int | None = None,
                   columns: Mapping[str, str] | None = None, recursive: bool = True,
                   encoding: str | None = None) -> Iterator[Document | ReadFailure]:
    """Documents read from files and directories (recursively), cleaned.

    Unreadable inputs come out as ``ReadFailure`` records so that the batch goes on.
    ``max_bytes`` (default: the ``max_bytes`` setting) limits a file or a row; ``columns``
    maps roles (id, title, text, date, url, outlet) to CSV columns or JSONL keys over the
    ``csv_*`` settings; ``encoding`` (default: the ``encoding`` setting) is the fallback
    for text that is not UTF-8. See :func:`civcas.ingest.read_paths`.
    """
    found = _config.current()
    chosen = {role: found.get(f"csv_{role}") for role in _ingest.ROLES
              if found.get(f"csv_{role}") != SETTINGS[f"csv_{role}"].default}
    chosen.update(columns or {})
    return _ingest.read_paths(paths, max_bytes=found.get("max_bytes", max_bytes),
                              columns=chosen, recursive=recursive,
                              encoding=found.get("encoding", encoding) or None)


def extract_documents(
    items: Iterable[Document | ReadFailure], *, explain: bool = False,
) -> Iterator[ExtractionResult | ReadFailure]:
    """Extract (and geocode) each document; a failure passes through, a crash becomes one.
    With ``explain`` each result carries every claim's :class:`~civcas.records.ClaimExplanation`."""
    seconds = int(_config.current().get("extract_seconds"))
    from .. import extract  # noqa: F401 - loaded (gazetteer, vocabularies) before any budget runs
    for item in items:
        if isinstance(item, ReadFailure):
            yield item
            continue
        explanations: tuple[ClaimExplanation, ...] = ()
        try:
            with _budget(seconds):
                if explain:
                    explanations = tuple(explain_document(item))
                    claims = [e.claim for e in explanations]
                else:
                    claims = extract_document(item)
        except _Overtime:
            log.warning("extraction of %s took over %d s; stored as a failure",
                        item.origin or item.id, seconds)
            yield ReadFailure(item.origin or item.id, str(ExtractionError("E302", seconds=seconds)))
            continue
        except Exception as exc:  # one bad document must not stop the batch
            log.warning("extraction failed on %s: %s", item.origin or item.id, exc, exc_info=True)
            error = ExtractionError("E301", error=f"{type(exc).__name__}: {exc}")
            yield ReadFailure(item.origin or item.id, str(error))
            continue
        try:
            focus = document_focus(item, claims)
        except Exception as exc:  # a focus is a nicety; the claims stand without it
            log.warning("focus failed on %s: %s", item.origin or item.id, exc, exc_info=True)
            focus = None
        yield ExtractionResult(item, tuple(claims), focus, explanations)


class _Overtime(BaseException):
    """A document's extraction ran over its budget (BaseException: no ``except Exception``
    inside extraction swallows it)."""


@contextmanager
def _budget(seconds: int) -> Iterator[None]:
    """Raise :class:`_Overtime` in this block after ``seconds`` (a timer signal: only in a
    process's main thread, on systems that have it; elsewhere no limit)."""
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def over(signum: int, frame: object) -> None:
        raise _Overtime()

    previous = signal.signal(signal.SIGALRM, over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
