"""civcas: an auditable ledger of civilian harm from news reports about attacks."""
from .api import extract_document, extract_paths, extract_text, read_documents
from .records import Claim, Document, ExtractionResult, ReadFailure

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Document",
    "ExtractionResult",
    "ReadFailure",
    "extract_document",
    "extract_paths",
    "extract_text",
    "read_documents",
]
