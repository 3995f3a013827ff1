"""Expressions written so that the regular-expression engine can skip ahead (issue 15, speed).

Python's engine runs a search from every position of the text unless the expression starts with a
literal character, a character set, or an alternation whose every branch starts with a literal: then it
jumps from one possible first character to the next. An alternation of words after a word boundary
("\\b(?:President|Mayor|...)") starts with neither, so it is tried at every position;
:func:`by_first_char` writes the same alternation as a set of its first characters followed by the
rest of each word, after a lookbehind naming its first character: the same matches, found faster.
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Sequence


def by_first_char(alternatives: Sequence[str], boundary: bool = False) -> str:
    """``(?:a|b|...)`` (``\\b(?:a|b|...)`` with ``boundary``) written as "[first characters](?:(?<=x)rest|...)":
    the same matches, in the same order of preference. Each alternative starts with one literal
    character (a letter or a digit) or with ``\\d``."""
    firsts, rests = [], []
    for alt in alternatives:
        first = alt[:2] if alt.startswith("\\d") else alt[:1]
        if first != "\\d" and not first.isalnum():
            raise ValueError(f"{alt!r} does not start with a literal letter or digit")
        firsts.append(first)
        rests.append(alt[len(first):])
    chars = "".join(dict.fromkeys(firsts))
    head = f"[{chars}](?<=\\b[{chars}])" if boundary else f"[{chars}]"
    return head + "(?:" + "|".join(f"(?<={f}){r}" for f, r in zip(firsts, rests)) + ")"


def led(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled behind a lookahead of the characters its matches can start with
    (:func:`first_chars`): "(?=[...])(?:pattern)". The engine still tries every position, but one test
    of a character set there turns most away before the alternatives are entered: the same matches
    (the lookahead is compiled with the same flags, so "İ", "ı", "ſ" fold as the words after it do),
    found two to three times faster for a long alternation after a word boundary (decisions §15.14).
    The set is read from the pattern itself, so it follows the words as they change; a pattern whose
    first characters cannot be told is compiled as it is."""
    chars = first_chars(pattern, flags)
    if chars is None or pattern.startswith("(?") and pattern[2:3].isalpha():  # (global flags stay first)
        return re.compile(pattern, flags)
    return re.compile(f"(?=[{chars}])(?:{pattern})", flags)


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """The characters a match of ``pattern`` can start with, as the inside of a character set; None
    when a match may start with any character, may be empty, or the pattern cannot be read."""
    try:
        c = importlib.import_module("re._constants")  # the parser of the standard library (private)
        parser = importlib.import_module("re._parser")
        found = _firsts(parser.parse(pattern, flags).data, c)
    except Exception:  # noqa: BLE001 - a private module changed: no lookahead
        return None
    if found is None or found[1] or not found[0]:
        return None
    return "".join(sorted(found[0]))


def _firsts(items, c) -> tuple[set[str], bool] | None:
    """(first characters, whether the sequence can match nothing) of parsed ``items``; None: unknown."""
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return out | {re.escape(chr(av))}, False
        if op is c.IN:
            chars = _in_set(av, c)
            return (out | chars, False) if chars is not None else None
        if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
            continue  # a boundary or a lookaround takes no character
        if op is c.BRANCH:
            parts = [_firsts(alt.data, c) for alt in av[1]]
        elif op is c.SUBPATTERN and not (av[1] | av[2]) & re.I:  # (no change of case rules inside)
            parts = [_firsts(av[3].data, c)]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            parts = [_firsts(av[2].data, c)]
            if parts[0] is not None and av[0] == 0:
                parts.append((set(), True))  # no repeat at all: what follows may come first
        else:
            return None
        if any(p is None for p in parts):
            return None
        for chars, _empty in parts:  # type: ignore[misc]
            out |= chars
        if not any(empty for _chars, empty in parts):  # type: ignore[misc]
            return out, False
    return out, True


_CLASSES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w",
            "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_NOT_WORD": r"\W"}


def _in_set(items, c) -> set[str] | None:
    """The inside of a parsed character set as character-set text; None for a negated set."""
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is c.RANGE:
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and str(av) in _CLASSES:
            out.add(_CLASSES[str(av)])
        else:
            return None
    return out
