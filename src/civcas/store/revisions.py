"""The head revisions of the ledger's migrations, read without SQLAlchemy or Alembic.

Opening a ledger compares its ``alembic_version`` with these; a reader that finds its ledger
at the head needs neither Alembic nor (:class:`civcas.store.Reader` on a SQLite file)
SQLAlchemy.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"


_HEADS: dict[str, tuple[str, ...]] = {}  # script location -> its head revisions (read once)


def heads(where: Path = MIGRATIONS) -> tuple[str, ...]:
    """The head revisions of the migrations in ``where`` (read once), from each version
    file's ``revision`` and ``down_revision`` read as literals (no Alembic: opening a ledger
    at its newest schema loads none); Alembic's own reading when a file says them otherwise."""
    if str(where) not in _HEADS:
        _HEADS[str(where)] = _heads_read(where) or _heads_by_alembic(where)
    return _HEADS[str(where)]


# a line of its own that gives ``revision`` or ``down_revision`` (annotated or not) a value
_ASSIGNED = re.compile(r"^(revision|down_revision)[ \t]*(?::[^=\n]*)?=[ \t]*(.*?)[ \t]*$",
                       re.MULTILINE)


def _heads_read(where: Path) -> tuple[str, ...] | None:
    revisions: set[str] = set()
    below: set[str] = set()
    for path in sorted((where / "versions").glob("*.py")):
        try:
            found = _assigned(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if found is None:
            return None
        revision, down = found.get("revision"), found.get("down_revision")
        if not isinstance(revision, str) or "down_revision" not in found:
            return None
        revisions.add(revision)
        downs = (down,) if down is None or isinstance(down, str) else down
        if not isinstance(downs, tuple | list) or not all(d is None or isinstance(d, str)
                                                          for d in downs):
            return None
        below.update(d for d in downs if isinstance(d, str))
    return tuple(sorted(revisions - below)) or None


def _assigned(text: str) -> dict[str, object] | None:
    """``revision`` and ``down_revision`` of a version file, as literals: from the lines that
    give them when each is given once, a literal on its line (no file is parsed whole: that
    took ~30 ms of every command's start, decisions §15.10), else from the file's syntax tree;
    None when a value is no literal."""
    lines = _ASSIGNED.findall(text)
    if len(lines) == len({name for name, _ in lines}):
        try:
            found = {name: ast.literal_eval(value) for name, value in lines}
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            found = {}  # a value over several lines, or no literal: the tree says
        if found.keys() == {"revision", "down_revision"}:
            return found
    found = {}
    target: ast.expr
    value: ast.expr | None
    try:
        body = ast.parse(text).body
    except (SyntaxError, ValueError):
        return None
    for node in body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            try:
                found[target.id] = ast.literal_eval(value) if value is not None else None
            except (ValueError, TypeError, SyntaxError):
                return None
    return found


def _heads_by_alembic(where: Path) -> tuple[str, ...]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    config = Config()
    config.set_main_option("script_location", str(where))
    return tuple(sorted(ScriptDirectory.from_config(config).get_heads()))
