"""docs/exports.md documents every exported column, with its type, and nothing else."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from civcas.outputs import all_columns

DOC = Path(__file__).resolve().parents[2] / "docs" / "exports.md"


def _documented() -> dict[str, list[tuple[str, str]]]:
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in DOC.read_text("utf-8").splitlines():
        heading = re.match(r"^### (\S+)\s*$", line)
        if heading:
            current = sections.setdefault(heading.group(1), [])
            continue
        row = re.match(r"^\| `([a-z0-9_]+)` \| (\w+) \| .+ \|$", line)
        if row and current is not None:
            current.append((row.group(1), row.group(2)))
    return sections


@pytest.mark.parametrize("name,columns", sorted(all_columns().items()))
def test_every_exported_column_is_documented_in_order_with_its_type(name, columns):
    assert _documented().get(name) == list(columns)


def test_no_undocumented_table():
    assert set(_documented()) == set(all_columns())
