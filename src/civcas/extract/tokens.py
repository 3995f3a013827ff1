"""Tokens and sentences with character offsets into the text they come from."""
from __future__ import annotations

import re
from typing import NamedTuple

from .quick import led

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*(?:-\w+)*"          # 1,417  1.9  5-year-old
    # a hyphen before a conjunction is a dash that lost its spaces ("on Monday-and scores injured-when ..."): no word
    r"|[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?(?:[-–](?!(?:and|or|but|when|while|as|after|before|which|who|where|"
    r"including)\b)[A-Za-z\u00C0-\u024F0-9]+(?:['’][A-Za-z]+)?)*"
    r"|[^\w\s]",
)


class Token(NamedTuple):
    """A word, number or punctuation mark with its offsets (immutable; a named tuple, a fifth of the
    cost of a frozen dataclass to build, and every sentence is tokenized)."""

    text: str
    start: int
    end: int
    lower: str

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word, number and punctuation tokens; offsets are ``offset`` + position in ``text``."""
    new = tuple.__new__
    out = []
    find = text.find
    end = 0
    for word in _TOKEN.findall(text):  # (no match objects: each token is found again from the last one's end,
        start = find(word, end)         # where it starts, as nothing between two tokens can start one)
        end = start + len(word)
        out.append(new(Token, (word, start + offset, end + offset, word.lower())))
    return out


# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "jr", "sr",
    "u.s", "u.n", "u.k", "no", "vs", "etc", "jan", "feb", "aug", "sept", "sep", "oct", "nov",
    "dec", "inc", "corp", "co", "ltd", "brig", "adm", "rep", "sen", "gov", "prof", "rev",
}
# a sentence ends at a full stop (its quotes and brackets), a blank line, a line opening on a capital, or a
# photo credit closing a caption that runs on into the story ("... on July 9 2016 (Photo AFP) Syrian state ...",
# "(file photo)", or a wire photographer's credit "REUTERS/First Last" after the caption's full stop)
_CREDIT = (r"\([^()]{0,30}\b(?:[Pp]hotos?|[Ii]mage|[Pp]icture|File(?=\s*/|\)))\b[^()]{0,30}\)"
           r"|\bREUTERS/(?:Stringer|Handout|[A-Z][a-z'-]+ [A-Z][a-z'-]+)"
           # an agency's credit straight after the caption's date: "... Idlib province Syria August 6 2016 (TRT World and
           # Agencies) A suicide bomber ..."
           r"|(?<=\d{4}\s)\([A-Z][\w ]{0,30}\b(?:Agencies|AFP|Reuters|AP)\)")
# a page's date line run into the story ("Date of publication 8 April 2017 An airstrike ...", "Published: 3 May
# 2016 Shelling ..."): the line is no part of the first sentence
_PAGE_DATE = (r"\b(?:(?:Date\s+of\s+publication|Published(?:\s+on)?|Last\s+updated|Updated|Posted(?:\s+on)?)\s*:?"
              # or a wire's date line: "AFP Saturday 17 Aug 2013 Al-Qaeda loyalists attacked ..."
              r"|(?:AFP|Reuters|AP|Xinhua)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s*"
              r"\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}")
# an embedded tweet's sign-off run into the story ("... pic.twitter.com/x OCHA Syria (@OCHASyria) September 22 2016 The
# UN suspended ..."): the tweet ends there
_TWEET = (r"\(@?\w+\)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
          r"\s+\d{1,2},?\s+\d{4}")
# a linked video's title run into the story ("... kills 35 - YouTube The monitor said ..."): it ends there
_VIDEO = r"\s[-–|]\s*YouTube\b"
_BOUNDARY = led(rf"([.!?][\"'”’)\]]*|{_CREDIT}|{_PAGE_DATE}|{_TWEET}|{_VIDEO})"
                       r"\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])")
_CREDIT_END = re.compile(rf"(?:{_CREDIT})$")


def ends_caption(sentence: str) -> bool:
    """Whether ``sentence`` ends with a photo credit: it is a picture's caption, not the story's account."""
    tail = sentence[:-1] if sentence.endswith("\n") else sentence  # ("$" also matches before a final line break)
    if not tail.endswith(")") and "REUTERS/" not in sentence:
        return False  # every credit ends in a bracket or is a wire photographer's
    return _CREDIT_END.search(sentence) is not None


MAX_SENTENCE = 3200  # characters; the longest sentence of the gold corpora has 2,271
_BREAKS = ("\n", " | ", "|", ";", "؛", " - ", ", ", "، ", " ")


def capped(text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """``spans`` with every sentence longer than ``limit`` cut into pieces of at most ``limit``
    characters, each at the last line break, bar, semicolon, dash, comma or space of its second half
    (a flattened toll table or a page without full stops costs each figure a bounded stretch, not the
    whole text); pieces whitespace-trimmed, never empty."""
    if all(e - s <= limit for s, e in spans):
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > limit:
            cut = -1
            for mark in _BREAKS:
                at = text.rfind(mark, s + limit // 2, s + limit - len(mark) + 1)
                if at > s:
                    cut = at + len(mark) if mark.strip() in ("|", ";", "؛", ",", "،") else at
                    break
            if cut <= s:
                cut = s + limit
            piece = (s, cut)
            while piece[1] > piece[0] and text[piece[1] - 1].isspace():
                piece = (piece[0], piece[1] - 1)
            if piece[1] > piece[0]:
                out.append(piece)
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out


_LAST_WORD = re.compile(r"([A-Za-z.]+)[.!?][\"'”’)\]]*$")
_CLOSERS = frozenset("\"'”’)]")
_WORD_OR_DOT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _last_word(before: str) -> str | None:
    """The word before the stop that ends ``before`` ("Dr." of "... said Dr.": "Dr"), as ``_LAST_WORD``
    finds it: read backwards from the end (the stop is the last character before the closing quotes and
    brackets, the word the letters and dots before it), not searched for from the start."""
    if before.endswith("\n"):  # ("$" also matches before a final line break: the expression decides)
        m = _LAST_WORD.search(before)
        return m.group(1) if m else None
    e = len(before)
    while e and before[e - 1] in _CLOSERS:
        e -= 1
    if not e or before[e - 1] not in ".!?":
        return None
    q = p = e - 1
    while p and before[p - 1] in _WORD_OR_DOT:
        p -= 1
    return before[p:q] if p < q else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed; never empty spans."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.end(1) if m.group(1) else m.start()
        # Do not split after an abbreviation ("U.S. jets", "Dr. Ahmad") or an initial ("J. Smith").
        before = text[start:cut]
        word = _last_word(before)
        if word and "\n" not in m.group():
            w = word.lower().rstrip(".")
            if w in _ABBREV or len(w) == 1:
                continue
        spans.append((start, cut))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
