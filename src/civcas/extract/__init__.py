"""extract: ``Document`` -> ``Claim`` records (being built)."""
from __future__ import annotations


def extract(document):
    raise NotImplementedError
