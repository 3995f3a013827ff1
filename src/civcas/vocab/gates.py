"""Quick tests for a vocabulary pattern: the plain strings a text must hold before the pattern can match
it, so that most patterns never run on most texts (:class:`~civcas.vocab.match.Matcher`)."""
from __future__ import annotations

import importlib
import re


def needle(pattern: str) -> str:
    """The longest plain lower-case word a pattern must match ("observatory"), or "" when it has none
    outside groups (whose words may be alternatives or optional)."""
    bare = re.sub(r"\\[A-Za-z]", " ", re.sub(r"\[[^\]]*\]", " ", pattern))
    bare = re.sub(r"[A-Za-z][?*]|\{0,?\d*\}", " ", bare)  # an optional letter ("sources?"): no part of a word
    while True:
        stripped = re.sub(r"\([^()]*\)[?*]?", " ", bare)
        if stripped == bare:
            break
        bare = stripped
    words = re.findall(r"\b[A-Za-z]{2,}\b", bare)
    return max(words, key=len).lower() if words else ""


def gates(pattern: str) -> list[tuple[bool, tuple[str, ...]]]:
    """Strings a match of ``pattern`` (compiled with re.I) must hold, for a cheap test before it
    runs: per gate, whether it is case-sensitive (``(?-i:...)``) and its alternatives, one of which
    must be in the text (lower-cased, unless case-sensitive). A literal run of two characters or
    more, an alternation whose every branch starts with literals, each inside groups, positive
    lookarounds and repeats of at least one; none when the pattern cannot be read."""
    try:
        c = importlib.import_module("re._constants")  # the parser of the standard library (private)
        parser = importlib.import_module("re._parser")
        return _walk_gates(parser.parse(pattern, re.I).data, False, c)
    except Exception:  # noqa: BLE001 - a private module changed: no gate, the pattern always runs
        return []


def _walk_gates(items, exact: bool, c) -> list[tuple[bool, tuple[str, ...]]]:
    found: list[tuple[bool, tuple[str, ...]]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 2:
            word = "".join(run)
            found.append((exact, (word if exact else word.lower(),)))
        run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        prefix = "".join(run)  # the letters the parser took out of every branch ("U(?:S|\.S\.)")
        flush()
        if op is c.SUBPATTERN:
            _group, add, drop, sub = av
            inner = (exact or bool(drop & re.I)) and not add & re.I
            found += _walk_gates(sub.data, inner, c)
        elif op is c.BRANCH:
            starts = []
            for alt in av[1]:
                lead = []
                for op2, av2 in alt.data:
                    if op2 is not c.LITERAL:
                        break
                    lead.append(chr(av2))
                starts.append(prefix + "".join(lead))
            if all(starts):
                found.append((exact, tuple(w if exact else w.lower() for w in starts)))
        elif op is c.ASSERT:
            found += _walk_gates(av[1].data, exact, c)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            found += _walk_gates(av[2].data, exact, c)
    flush()
    return found
