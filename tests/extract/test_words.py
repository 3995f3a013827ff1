"""words: the shipped list of common English words, and the tool that builds it."""
from __future__ import annotations

import gzip
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from civcas.extract.words import is_common

ROOT = Path(__file__).resolve().parents[2]


def _shipped() -> bytes:
    return resources.files("civcas.extract").joinpath("data/common_words.txt.gz").read_bytes()


def test_the_shipped_list_is_sorted_lower_case_ascii_words():
    words = gzip.decompress(_shipped()).decode("ascii").split("\n")
    assert words[-1] == ""  # ends with a newline
    words = words[:-1]
    assert 20_000 < len(words) < 60_000
    assert words == sorted(set(words))
    assert all(w.isalpha() and w == w.lower() and len(w) > 1 for w in words)


@pytest.mark.parametrize("word", ["dozens", "Killing", "BATTLE", "earlier", "continued", "shelling"])
def test_frequent_dictionary_words_are_common(word):
    assert is_common(word)


@pytest.mark.parametrize("word", ["Idlib", "Hass", "Saraqeb", "Khalid", "al-Bab", "", "123", "Deir ez-Zor"])
def test_place_names_and_non_words_are_not_common(word):
    assert not is_common(word)


def test_the_build_tool_reproduces_the_shipped_list(tmp_path):
    pytest.importorskip("wordfreq")
    pytest.importorskip("english_words")
    out = tmp_path / "words.txt.gz"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_wordlist.py"), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == _shipped()
