"""One cleaned :class:`~civcas.records.Document` from a body, a title and metadata."""
from __future__ import annotations

import hashlib
import logging
from datetime import date

from ..errors import EmptyInput
from ..records import Document
from ..vocab.arabic import language_of
from .clean import clean_body
from .published import find_published, parse_date

__all__ = ["document_from_text", "content_hash"]

log = logging.getLogger(__name__)


def content_hash(title: str, text: str) -> str:
    """SHA-256 (hex) of ``title + "\\n" + text``."""
    return hashlib.sha256((title + "\n" + text).encode("utf-8", "surrogatepass")).hexdigest()


def _optional(value: object) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def document_from_text(
    body: str,
    *,
    id: str,
    title: str = "",
    published: date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    origin: str | None = None,
) -> Document:
    """A Document: ``body`` cleaned, the publication date worked out, the hash computed.

    ``published`` (a date, or a string such as ``2017-04-05`` or ``4/5/2017``)
    is metadata and wins; when it is missing or unreadable the date is looked
    for in the title and the start of the cleaned body.
    Raises :class:`~civcas.errors.EmptyInput` when nothing is left after cleaning.
    """
    title = " ".join((title or "").split())
    text = clean_body(body or "", title)
    if not text:
        raise EmptyInput("E213")
    when = parse_date(published)
    if when is None and published not in (None, ""):
        log.info("%s: unreadable published date %r; looking in the text", origin or id, published)
    if when is None:
        when = find_published(title + "\n" + text if title else text)
    return Document(
        id=str(id),
        title=title,
        text=text,
        published=when,
        outlet=_optional(outlet),
        url=_optional(url),
        origin=origin,
        content_hash=content_hash(title, text),
        language=language_of(f"{title}\n{text}"),
    )
