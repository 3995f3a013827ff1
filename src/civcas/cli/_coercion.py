"""Typer converts option values without pydantic when there is nothing to convert.

Typer 0.29 (pinned) builds a pydantic ``TypeAdapter`` for every parameter of the command it
runs, given or not, when it parses the command line: importing pydantic and building the
adapters took about a sixth of ``civcas show``'s time (decisions §15.7). Here a parameter's
adapter is built when a value must be converted: an option not given (None) needs none, and
a string given to a ``str`` parameter is that string (what Typer's adapter returns for it).
Every other value (numbers, flags given as text, paths, choices) goes to Typer's own
conversion, with its checks and messages. Without the Typer internals this relies on (another
version), nothing is changed.
"""
from __future__ import annotations

import dataclasses
from typing import Any


def install() -> bool:
    """Defer Typer's conversion as above; whether it was (False: Typer's own, untouched)."""
    try:
        from typer import _coercion, core
        build = core.build_runtime_param
        base = _coercion.RuntimeParam
    except (ImportError, AttributeError):  # pragma: no cover - another Typer
        return False
    if getattr(build, "civcas_deferred", False):
        return True

    @dataclasses.dataclass(frozen=True)
    class Deferred(base):  # type: ignore[valid-type, misc]
        descriptor: Any = None
        built: list = dataclasses.field(default_factory=list)  # Typer's own, once needed

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if (self.annotation is str and type(value) is str
                    and self.parameter_info.parser is None):
                return value
            if not self.built:
                self.built.append(build(self.descriptor))
            return self.built[0]._coerce_value(value, param=param, ctx=ctx)

    def deferred(descriptor: Any) -> Any:
        if descriptor.file_annotation is not None:
            return build(descriptor)
        return Deferred(parameter_info=descriptor.parameter_info,
                        annotation=descriptor.annotation, descriptor=descriptor)

    deferred.civcas_deferred = True  # type: ignore[attr-defined]
    core.build_runtime_param = deferred
    return True
