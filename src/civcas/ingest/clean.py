"""Cleaning: from scraped text to the article body that claims point into.

:func:`clean_body` removes what is not the article and keeps the rest as it
was, character for character, apart from whitespace: whitespace runs inside
a paragraph become one space, and paragraphs are joined with a blank line.
It is deterministic (same input, same output) because claims carry character
offsets into its result.

Removed (see :mod:`civcas.ingest.junk` for the patterns):

- lines that are only a marker: "Read also: ...", "Related: ...", ad markers,
  share-button text, photo credits and captions, "Tags ..." lines, bare links,
  "Follow us on ...", copyright lines;
- related-article lists: a header line ("Related articles", "Read more",
  "Most read"...) and the headline-like lines that follow it;
- headline-like lines standing alone *between* two prose paragraphs (1 to 3
  of them, 5 to 16 words, no final full stop, no date, no "said"/"told"/
  "according to"): links to other stories scattered through a scraped body;
- a comment section: a header ("Comments", "Leave a comment", "12 comments")
  after some prose, and everything after it;
- scraped JSON/PHP dumps: lines or blocks starting like ``{"title": ...``,
  ``[{...}]``, ``a:3:{s:5:...``, ``array(...)``, ``string(12) "..."``, and a
  dump running to the end of a paragraph;
- the headline repeated at the start of the body (as its own paragraph or as
  the start of the first one);
- inside a paragraph: bracketed photo credits "(Photo by ... / Getty Images)"
  and ``[ad_1]`` tokens.

Line breaks inside a block are paragraph breaks, except where a line ends
without sentence punctuation and the next one goes on in lower case (or the
line ends with a comma): those are wrapped lines, joined with a space.
"""
from __future__ import annotations

import logging
import re

from . import junk
from .published import iter_dates

__all__ = ["clean_body"]

log = logging.getLogger(__name__)

_MAX_INTERSTITIAL_RUN = 3
# Reported speech marks a sentence that lost its full stop, not a headline.
_REPORTING = re.compile(r"\b(?:said|told|added|according\s+to|reported|stated)\b", re.IGNORECASE)
_BULLET = re.compile(r"^[-*•·▪►»]\s")
_TITLE_SEPARATOR = re.compile(r"^\s*(?:[.:;,|\-\u2013\u2014]+(?:\s+|$))?")
_SITE_SUFFIX = re.compile(r"\s+(?:\||-|\u2013|\u2014|::)\s+[^|]{1,60}$")


def _normalise(line: str) -> str:
    return " ".join(line.split())


def _skip_dump(lines: list[str], i: int) -> int:
    """Index after the dump block starting at ``lines[i]``."""
    depth = junk.dump_depth(lines[i])
    i += 1
    while depth > 0 and i < len(lines):
        line = lines[i]
        if line and junk.is_prose(line) and junk.words(line) >= 6 and not junk.dump_start(line) \
                and "\":" not in line and "\";" not in line:
            break  # the article again: the dump's brackets were miscounted
        depth = junk.dump_depth(line, depth)
        i += 1
    return i


def _skip_related(lines: list[str], i: int) -> int:
    """Index after a related-articles header at ``lines[i]`` and its list."""
    i += 1
    while i < len(lines):
        line = lines[i]
        if junk.is_comments_header(line):
            break  # "Leave a comment" after the list: the comment section starts here
        if line and not (
            junk.is_headline_like(line, 1, 25) or junk.line_junk(line) or _BULLET.match(line)
        ):
            break
        i += 1
    return i


def _drop_junk_lines(lines: list[str]) -> list[str]:
    """Lines without the junk; ``""`` marks a paragraph break."""
    out: list[str] = []
    seen_prose = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            out.append("")
            i += 1
        elif junk.dump_start(line):
            i = _skip_dump(lines, i)
            out.append("")
            log.debug("dropped a scraped data dump")
        elif junk.is_comments_header(line):
            if seen_prose:
                log.debug("dropped the comment section from %r on", line)
                break
            i += 1
        elif junk.is_related_header(line):
            i = _skip_related(lines, i)
            out.append("")
            log.debug("dropped a related-articles list under %r", line)
        else:
            kind = junk.line_junk(line)
            if kind:
                log.debug("dropped %s line %r", kind, line)
            else:
                seen_prose = seen_prose or junk.is_prose(line)
                out.append(line)
            i += 1
    return out


def _wrapped(previous: str, line: str) -> bool:
    """Whether ``line`` continues ``previous`` (a hard-wrapped paragraph)."""
    if previous.endswith((",", ";")):
        return True
    if junk.is_prose(previous) or previous.endswith(":"):
        return False
    return line[0].islower()


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    block_start = True
    for line in lines:
        if not line:
            block_start = True
            continue
        if not block_start and _wrapped(paragraphs[-1], line):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        block_start = False
    return paragraphs


def _interstitial(paragraph: str) -> bool:
    """Could be a stray link to another story: a short headline-like line."""
    return (
        junk.is_headline_like(paragraph, 5, 16)
        and (paragraph[0].isupper() or paragraph[0].isdigit())
        and not paragraph.startswith("By ")
        and not _REPORTING.search(paragraph)
        and not _BULLET.match(paragraph)
        and next(iter_dates(paragraph), None) is None
    )


def _drop_interstitial_headlines(paragraphs: list[str]) -> list[str]:
    keep = [True] * len(paragraphs)
    i = 1
    while i < len(paragraphs):
        if junk.is_prose(paragraphs[i - 1]) and _interstitial(paragraphs[i]):
            j = i
            while j < len(paragraphs) and _interstitial(paragraphs[j]):
                j += 1
            if j < len(paragraphs) and j - i <= _MAX_INTERSTITIAL_RUN and junk.is_prose(paragraphs[j]):
                for k in range(i, j):
                    keep[k] = False
                    log.debug("dropped a stray headline %r", paragraphs[k])
            i = j
        i += 1
    return [p for p, k in zip(paragraphs, keep) if k]


def _title_variants(title: str) -> list[str]:
    title = _normalise(title)
    variants = []
    for candidate in (title, _SITE_SUFFIX.sub("", title)):
        candidate = candidate.rstrip(" .:!?")
        if junk.words(candidate) >= 2 and candidate not in variants:
            variants.append(candidate)
    return variants


def _strip_title_once(paragraphs: list[str], variants: list[str]) -> bool:
    """Remove one repetition of the title at the start; whether anything changed."""
    first = paragraphs[0]
    for variant in variants:
        if first[: len(variant)].casefold() != variant.casefold():
            continue
        rest = first[len(variant):]
        if not rest.strip(" .:!?"):
            paragraphs.pop(0)  # the whole paragraph is the headline
            return True
        if rest[0].isalnum():
            continue  # the title is only the start of a longer word
        separator = _TITLE_SEPARATOR.match(rest)
        paragraphs[0] = rest[separator.end():] if separator else rest
        return True
    return False


def _strip_repeated_title(paragraphs: list[str], title: str) -> list[str]:
    variants = _title_variants(title)
    paragraphs = list(paragraphs)
    while variants and paragraphs and _strip_title_once(paragraphs, variants):
        pass
    return paragraphs


def _clean_inline(paragraph: str) -> str:
    cut = junk.trailing_dump_start(paragraph)
    if cut is not None:
        paragraph = paragraph[:cut]
    paragraph = junk.INLINE_JUNK.sub("", paragraph)
    return _normalise(paragraph)


def clean_body(text: str, title: str = "") -> str:
    """The article in ``text`` without page junk; paragraphs joined by ``"\\n\\n"``.

    ``title`` is the headline, removed when the body repeats it at its start.
    Conservative: a line that reads as a sentence of the article is kept.
    """
    if not text:
        return ""
    lines = [_normalise(line) for line in text.splitlines()]
    paragraphs = _paragraphs(_drop_junk_lines(lines))
    paragraphs = _drop_interstitial_headlines(paragraphs)
    paragraphs = _strip_repeated_title(paragraphs, title)
    cleaned = (_clean_inline(p) for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)
