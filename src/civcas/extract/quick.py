"""Expressions written so that the regular-expression engine can skip ahead (issue 15, speed).

Python's engine runs a search from every position of the text unless the expression starts with a
literal character, a character set, or an alternation whose every branch starts with a literal: then it
jumps from one possible first character to the next. An alternation of words after a word boundary
("\\b(?:President|Mayor|...)") starts with neither, so it is tried at every position;
:func:`by_first_char` writes the same alternation as a set of its first characters followed by the
rest of each word, after a lookbehind naming its first character: the same matches, found faster.
"""
from __future__ import annotations

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
