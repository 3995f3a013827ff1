"""civcas: an auditable ledger of civilian harm from news reports about attacks.

The operations are :mod:`civcas.api` (the front door of the CLI, the review app and
Python); the values they exchange are :mod:`civcas.records`. The names below are the ones
a script needs most.
"""
from ._version import __version__
from .api import extract_document, extract_paths, extract_text, read_documents
from .records import Claim, Document, ExtractionResult, ReadFailure

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
