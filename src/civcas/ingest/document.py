"""One cleaned :class:`~civcas.records.Document` from a body, a title and metadata."""
from __future__ import annotations

import hashlib
import logging
import re
from datetime import date

from ..errors import EmptyInput
from ..records import Document
from ..vocab.arabic import language_of
from .clean import clean_body
from .published import find_dateline, find_published, parse_date

__all__ = ["document_from_text", "content_hash", "storable"]

log = logging.getLogger(__name__)


def content_hash(title: str, text: str) -> str:
    """SHA-256 (hex) of ``title + "\\n" + text``."""
    return hashlib.sha256((title + "\n" + text).encode("utf-8", "surrogatepass")).hexdigest()


#: A metadata date and the page's own date this far apart are one publication (time zones,
#: an update a day later); further apart, the page's date wins.
METADATA_SLACK_DAYS = 2

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` as every ledger backend can store it: NULs removed (PostgreSQL refuses them;
    a NUL inside a word would split it), lone surrogates replaced by U+FFFD."""
    if not _UNSTORABLE.search(text):
        return text
    text = text.replace("\x00", "")
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _optional(value: object) -> str | None:
    if value is None:
        return None
    value = " ".join(storable(str(value)).split())
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
    is metadata and wins, unless the page states its own date (a dateline or a
    "Published ..." label: :func:`~civcas.ingest.published.find_dateline`) more than
    :data:`METADATA_SLACK_DAYS` days away from it: then the metadata is about something else
    (an event date, a crawl date) and the page's date wins. When it is missing or unreadable
    the date is looked for in the title and the start of the cleaned body.
    Raises :class:`~civcas.errors.EmptyInput` when nothing is left after cleaning.
    """
    id = str(id)
    if _UNSTORABLE.search(body or "") or _UNSTORABLE.search(title or "") or _UNSTORABLE.search(id):
        log.info("%s: NULs or lone surrogates removed", origin or id)
        body, title, id = storable(body or ""), storable(title or ""), storable(id)
    title = " ".join((title or "").split())
    text = clean_body(body or "", title)
    if not text:
        raise EmptyInput("E213")
    when = parse_date(published)
    if when is None and published not in (None, ""):
        log.info("%s: unreadable published date %r; looking in the text", origin or id, published)
    head = title + "\n" + text if title else text
    if when is None:
        when = find_published(head)
    else:
        stated = find_dateline(head)
        if stated is not None and abs((stated - when).days) > METADATA_SLACK_DAYS:
            log.info("%s: published date %s given, the page states %s: the page's date taken",
                     origin or id, when, stated)
            when = stated
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
