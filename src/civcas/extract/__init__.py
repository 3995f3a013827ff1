"""extract: ``Document`` -> ``Claim`` records, by transparent rules over tokens.

Modules: ``tokens`` (tokens, sentences), ``numbers`` (figures and qualifiers),
``figures`` (figure + outcome + victims), ``sources`` (attribution),
``places``, ``perpetrators``, ``timex`` (dates), ``scope``, ``denials``,
and ``pipeline`` which runs them over a document and carries context.
"""
from __future__ import annotations

from .pipeline import extract

__all__ = ["extract"]
