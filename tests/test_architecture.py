"""The layers of civcas point down; no cycles; the shells use only the front door.

    records, errors  <-  vocab  <-  stages  <-  api (and settings)  <-  shells (cli, web)

Read from the source with ``ast`` (nothing is imported): every ``import`` of a civcas module
is an edge. docs/architecture.md draws the same picture; change both together.
"""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "civcas"

# layer of each top-level unit of civcas, lowest first
LAYERS: dict[str, int] = {
    "records": 0, "errors": 0, "_version": 0, "_lazy": 0, "_gc": 0,  # _gc: the collector paused (stdlib only)
    "vocab": 1,
    "ingest": 2, "extract": 2, "geo": 2, "store": 2, "resolve": 2, "assess": 2,
    "outputs": 2, "report": 2, "review": 2,
    "api": 3, "settings": 3,
    "cli": 4, "web": 4, "civcas": 4,  # "civcas": the package's own __init__ (re-exports api)
}
# a stage may use another stage only along these edges (and never in a circle)
STAGE_EDGES = {
    ("extract", "geo"),  # the extractor asks the gazetteer whether a name is a place
    ("resolve", "assess"),  # every incident resolution makes is assessed
    ("report", "outputs"),  # the report reads the outputs' derived views of a snapshot
    ("report", "assess"),  # the report draws the acknowledgment gap
    ("review", "store"),  # users and logins are kept in the ledger
    ("review", "outputs"),  # the incident list sorts by the outputs' headline estimate
}
SAME_LAYER = STAGE_EDGES | {("api", "settings")}  # the api reads the settings table
# what a shell may import from civcas besides its own package
SHELL_IMPORTS = {"api", "records"}
SHELL_EXCEPTIONS = {("civcas.cli.web", "civcas.web")}  # `civcas serve` starts the review app
# imports deferred into a function so that a command loads only what it runs (decisions §15.6)
DEFERRED = {
    ("civcas", "civcas.api"),  # `import civcas` gives the records; the api's functions on use
    ("civcas.api._extract", "civcas.extract"),  # reading the ledger loads no extractor
    ("civcas.cli.web", "civcas.web"),  # only `civcas serve` loads FastAPI and uvicorn
    ("civcas.store.reader", "civcas.store.engine"),  # a SQLite reader loads no SQLAlchemy
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))
            if "migrations" not in p.parts}


MODULES = _modules()


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "civcas"


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _lazy_table(node: ast.AST) -> bool:
    """``_LAZY = {name: (relative module, attribute)}``: the imports of a module whose names
    are imported on first use (PEP 562 ``__getattr__``)."""
    target = node.target if isinstance(node, ast.AnnAssign) else (
        node.targets[0] if isinstance(node, ast.Assign) else None)
    return (isinstance(target, ast.Name) and target.id == "_LAZY"
            and isinstance(getattr(node, "value", None), ast.Dict))


def _imports(module: str, path: Path) -> list[tuple[str, int, bool]]:
    """(imported civcas module, line, at module level) of every import in ``path``."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and top and _is_type_checking(child):
                continue  # imports for the type checker only
            if top and _lazy_table(child):  # civcas.api's names imported on first use
                for value in child.value.values:  # type: ignore[union-attr]
                    where = value.elts[0].value  # type: ignore[attr-defined]
                    level = len(where) - len(where.lstrip("."))
                    base = package.split(".")[: len(package.split(".")) - level + 1]
                    target = ".".join(base + [where.lstrip(".")])
                    out.append((target, child.lineno, True))
                continue
            if isinstance(child, ast.Import):
                out.extend((a.name, child.lineno, top) for a in child.names
                           if a.name.split(".")[0] == "civcas")
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if target.split(".")[0] != "civcas":
                    continue
                for alias in child.names:  # `from . import x` names a module when x is one
                    sub = f"{target}.{alias.name}"
                    out.append((sub if sub in MODULES else target, child.lineno, top))
            inner = top and not isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
            visit(child, inner)

    visit(tree, True)
    return out


EDGES = {m: _imports(m, p) for m, p in MODULES.items()}


def test_every_unit_has_a_layer():
    assert {_unit(m) for m in MODULES} <= set(LAYERS), set(map(_unit, MODULES)) - set(LAYERS)


def test_imports_point_down():
    """An import goes to a lower layer, or sideways along a listed edge only."""
    wrong = []
    for module, imports in EDGES.items():
        a = _unit(module)
        for target, line, _top in imports:
            b = _unit(target)
            if a == b or LAYERS[b] < LAYERS[a]:
                continue
            if LAYERS[b] > LAYERS[a]:
                wrong.append(f"{module}:{line} imports {target}: {a} is below {b}")
            elif (a, b) not in SAME_LAYER and (module, target) not in SHELL_EXCEPTIONS:
                wrong.append(f"{module}:{line} imports {target}: no edge {a} -> {b}")
    assert not wrong, "\n".join(wrong)


def test_records_and_errors_import_nothing_from_civcas():
    # the records package's modules import only each other; errors and the version nothing at all
    records = [m for m in MODULES if m == "civcas.records" or m.startswith("civcas.records.")]
    assert len(records) > 1
    for module in records:
        assert all(target.startswith("civcas.records") for target, _line, _top in EDGES[module]), module
    for module in ("civcas.errors", "civcas._version"):
        assert EDGES[module] == [], module


def test_shells_import_only_the_api_and_the_records():
    wrong = []
    for module, imports in EDGES.items():
        shell = _unit(module)
        if shell not in ("cli", "web"):
            continue
        for target, line, _top in imports:
            unit = _unit(target)
            if unit == shell or unit in SHELL_IMPORTS or (module, target) in SHELL_EXCEPTIONS:
                continue
            wrong.append(f"{module}:{line} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_import_inside_a_function():
    """A function-level import hides a circle (or a slow start) from the reader: civcas
    imports civcas at module level only, but for the few imports deferred on purpose so
    that a command loads only what it runs (``DEFERRED``, each with its reason)."""
    inner = [f"{m}:{line} imports {t}" for m, imports in EDGES.items()
             for t, line, top in imports if not top and (m, t) not in DEFERRED]
    assert not inner, "\n".join(inner)
    used = {(m, t) for m, imports in EDGES.items() for t, _line, top in imports if not top}
    assert DEFERRED <= used, DEFERRED - used  # no stale exception


def test_the_lazy_api_table_is_read():
    targets = {t for t, _line, _top in EDGES["civcas.api"]}
    assert {"civcas.api._ledger", "civcas.api._extract", "civcas.settings",
            "civcas.resolve.judgements"} <= targets


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


@pytest.mark.parametrize("level", ["unit", "module"])
def test_no_cycles(level):
    """No circle between units (stage packages, api, shells), nor between modules (a
    package's ``__init__`` re-exporting its own modules is no circle: it is not counted)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for module, imports in EDGES.items():
        for target, _line, _top in imports:
            if level == "unit":
                if _unit(module) != _unit(target):
                    graph[_unit(module)].add(_unit(target))
            elif target != module and not module.startswith(target + "."):
                graph[module].add(target)
    assert _cycles(graph) == []


def test_the_architecture_doc_names_every_unit_and_stage_edge():
    doc = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for unit in LAYERS:
        if unit not in ("civcas", "_version"):
            assert f"`{unit}`" in doc, unit
    for a, b in STAGE_EDGES:
        assert f"`{a}` → `{b}`" in doc, (a, b)
