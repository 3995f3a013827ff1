"""Common English words: frequent dictionary words, built by ``tools/build_wordlist.py``.

Title-case headlines run common words into place names ("Idlib Dozens", "Manbij Killing",
"Terrorist Battle"); such a word is no part of a place name unless the gazetteer knows the name.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    with resources.files("civcas.extract").joinpath("data/common_words.txt.gz").open("rb") as raw:
        return frozenset(gzip.decompress(raw.read()).decode("ascii").split())


def is_common(word: str) -> bool:
    """Whether ``word`` (any case) is a common English word ("Dozens", "Killing", "Battle")."""
    return word.lower() in _words()


@lru_cache(maxsize=1)
def _arabic_words() -> frozenset[str]:
    with resources.files("civcas.extract").joinpath("data/common_words_ar.txt.gz").open("rb") as raw:
        return frozenset(gzip.decompress(raw.read()).decode("utf-8").split())


def is_common_ar(folded: str) -> bool:
    """Whether a folded Arabic word is a common word ("البلاد", "الطريق"; built by
    ``tools/build_wordlist_ar.py``), so no name of a place the gazetteer lacks."""
    return folded in _arabic_words()
