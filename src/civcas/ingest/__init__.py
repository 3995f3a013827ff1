"""ingest: files and rows -> cleaned ``Document`` records (being built)."""
from __future__ import annotations


def read_paths(paths, **options):
    raise NotImplementedError
