"""Errors: the tree in the docstring is the classes' tree; every code is documented, raised
with the fields its message needs, printed by the CLI and returned by the web.

``docs/errors.md`` is generated from :data:`civcas.errors.MESSAGES`; after adding or
changing a message, regenerate it with
    CIVCAS_REGEN_DOCS=1 .venv/bin/python -m pytest tests/test_errors.py
"""
from __future__ import annotations

import ast
import inspect
import os
import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from civcas import errors
from civcas.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "errors.md"
CLASSES = {name: cls for name, cls in vars(errors).items()
           if inspect.isclass(cls) and issubclass(cls, errors.CivcasError)}


def fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
            if name}


def test_the_docstring_tree_is_the_class_tree():
    drawn: dict[str, str | None] = {}
    parents: list[str] = []
    for line in (errors.__doc__ or "").splitlines():
        m = re.match(r"^ {4}((?:│   |    )*)(?:[├└]── )?([A-Z]\w+)\b", line)
        if not m:
            continue
        depth = len(m.group(1)) // 4 + (1 if "──" in line else 0)
        name = m.group(2)
        parents[depth:] = [name]
        drawn[name] = parents[depth - 1] if depth else None
    actual = {name: (cls.__bases__[0].__name__ if cls is not errors.CivcasError else None)
              for name, cls in CLASSES.items()}
    assert drawn == actual


def test_every_code_names_a_class_of_the_tree_and_formats():
    assert list(errors.MESSAGES) == sorted(errors.MESSAGES)
    for code, (cls, template) in errors.MESSAGES.items():
        assert errors.CODE.fullmatch(code), code
        assert cls in CLASSES.values(), code
        fields(template)  # parses


def _raise_sites() -> list[tuple[str, int, str, str, set[str]]]:
    """(file, line, class, code, keyword names) of every ``SomeError("E123", ...)`` in src."""
    out = []
    for path in sorted((ROOT / "src" / "civcas").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", None)
            if name not in CLASSES:
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.IfExp):  # "E211" if ... else "E212"
                codes = [first.body, first.orelse]
            else:
                codes = [first]
            for c in codes:
                code = c.value if isinstance(c, ast.Constant) else None
                out.append((str(path.relative_to(ROOT)), node.lineno, name, code,
                            {k.arg for k in node.keywords if k.arg}))
    return out


SITES = _raise_sites()


def test_every_error_is_made_with_a_code_its_class_and_its_fields():
    wrong = []
    for file, line, name, code, given in SITES:
        if code not in errors.MESSAGES:
            wrong.append(f"{file}:{line}: {name}({code!r}): not a code of errors.MESSAGES")
            continue
        cls, template = errors.MESSAGES[code]
        if cls.__name__ != name:
            wrong.append(f"{file}:{line}: {code} is a {cls.__name__}, not a {name}")
        if given != fields(template) | getattr(cls, "EXTRA", set()):
            wrong.append(f"{file}:{line}: {code} needs {sorted(fields(template))}, "
                         f"given {sorted(given)}")
    assert not wrong, "\n".join(wrong)


def test_every_code_is_used():
    used = {code for *_, code, _ in SITES}
    assert set(errors.MESSAGES) - used == set()


def test_an_error_carries_its_code_and_refuses_a_wrong_class():
    e = errors.NotFound("E402", incident="I12")
    assert (e.code, e.fields) == ("E402", {"incident": "I12"})
    assert str(e) == f"[E402] {e.message}" and "'I12'" in e.message
    with pytest.raises(TypeError):
        errors.ConfigError("E402", incident="I12")
    with pytest.raises(TypeError):
        errors.ConfigError("E999")


def render_doc() -> str:
    lines = ["# Error codes", "",
             "Every civcas error has a stable code, printed by the CLI "
             "(`civcas: error: [E402] ...`, exit status 2) and returned by the review app "
             "(`{\"detail\": \"[E402] ...\", \"code\": \"E402\"}`). A code keeps its meaning; "
             "its wording may change. `{field}`s are filled in where the error is raised.", "",
             "Families: E1xx settings, options and arguments; E2xx inputs (a failed file or "
             "row); E3xx extraction; E4xx the ledger; E5xx the gazetteer; E6xx the review app.",
             "The classes (`civcas.errors`, also exported by `civcas.api`):", "", "```",
             inspect.getdoc(errors).split("\n\n")[1].strip("\n") if errors.__doc__ else "",
             "```", "", "| code | class | message |", "| --- | --- | --- |"]
    for code, (cls, template) in errors.MESSAGES.items():
        text = template.replace("|", "\\|")
        lines.append(f"| {code} | {cls.__name__} | {text} |")
    return "\n".join(lines) + "\n"


def test_docs_list_every_code():
    text = render_doc()
    if os.environ.get("CIVCAS_REGEN_DOCS"):
        DOC.write_text(text, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == text, "regenerate docs/errors.md (see above)"


def test_the_cli_prints_the_code(tmp_path):
    absent = f"sqlite:///{tmp_path / 'absent.db'}"
    result = CliRunner().invoke(app, ["show", "I123", "--db", absent])
    assert result.exit_code == 2
    assert result.stderr.startswith("civcas: error: [E401] database ")


def test_the_web_returns_the_code(tmp_path):
    from fastapi.testclient import TestClient

    from civcas.web import create_app

    with TestClient(create_app(f"sqlite:///{tmp_path / 'l.db'}", secret_key="test-secret-key-of-at-least-32-bytes!")) as client:
        r = client.get("/api/incidents")
    assert r.status_code == 401
    assert r.json() == {"detail": str(errors.LoginRequired("E611")), "code": "E611"}
