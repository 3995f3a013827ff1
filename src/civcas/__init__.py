"""civcas: an auditable ledger of civilian harm from news reports about attacks.

The operations are :mod:`civcas.api` (the front door of the CLI, the review app and
Python); the values they exchange are :mod:`civcas.records`. The names below are the ones
a script needs most.
"""
from __future__ import annotations

import typing as _typing

from ._version import __version__
from .records import Claim, Document, ExtractionResult, ReadFailure

_FROM_API = ("extract_document", "extract_paths", "extract_text", "read_documents")

if _typing.TYPE_CHECKING:
    from .api import extract_document, extract_paths, extract_text, read_documents


def __getattr__(name: str) -> _typing.Any:
    """The api's functions above, imported on first use (``import civcas`` loads no extractor)."""
    if name in _FROM_API:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Claim",
    "Document",
    "ExtractionResult",
    "ReadFailure",
    "__version__",
    "extract_document",
    "extract_paths",
    "extract_text",
    "read_documents",
]
