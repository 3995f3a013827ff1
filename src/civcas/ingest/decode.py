"""Bytes to text: refuse binary content, decode with a short list of encodings.

Order: a UTF-16 byte-order mark means UTF-16; else UTF-8 (a UTF-8 BOM is
dropped), else Windows-1252 when it decodes cleanly *and* the result reads as
western text (at most 30% non-ASCII characters). Binary content (NUL bytes, or more
than 1% control characters) is refused whatever the encoding, so a file of random bytes
never gets through.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import DecodeError, EmptyInput, UnsupportedInput

__all__ = ["decode_bytes", "check_not_binary", "pick_encoding", "SNIFF_BYTES"]

SNIFF_BYTES = 64 * 1024
_MAX_CONTROL_SHARE = 0.01
_MAX_NON_ASCII_CP1252 = 0.3  # western text in cp1252 is mostly ASCII; random bytes are not
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]{2,40})", re.I)


def _utf16_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def check_not_binary(sample: bytes) -> None:
    """Raise :class:`UnsupportedInput` when ``sample`` looks like binary data."""
    if not _utf16_bom(sample) and b"\x00" in sample:
        raise UnsupportedInput("E202")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(
        1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls / len(text)


def _check_text(text: str) -> None:
    share = _control_share(text[:SNIFF_BYTES])
    if share > _MAX_CONTROL_SHARE:
        raise UnsupportedInput("E203", share=share)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def pick_encoding(sample: bytes, *, complete: bool = True, html: bool = False) -> str:
    """The encoding to read ``sample`` (the file's first bytes, or all of them) with.

    With ``complete=False`` the sample may end inside a multi-byte character.
    Raises :class:`DecodeError` when none of the candidates decodes it.
    """
    if _utf16_bom(sample):
        return "utf-16"
    candidates = ["utf-8-sig"]
    if html:
        declared = _declared_charset(sample)
        if declared and declared not in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
            candidates.append(declared)
    candidates.append("cp1252")
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            text = decoder.decode(sample, final=complete)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1252" and _non_ascii_share(text) > _MAX_NON_ASCII_CP1252:
            break  # "decodes" only because every byte means something in cp1252
        return encoding
    raise DecodeError("E231")


def _non_ascii_share(text: str) -> float:
    return sum(1 for ch in text if ord(ch) > 127) / len(text) if text else 0.0


def decode_bytes(data: bytes, *, html: bool = False) -> str:
    """``data`` as text, or :class:`InputError` (empty, binary or undecodable)."""
    if not data.strip():
        raise EmptyInput("E211" if not data else "E212")
    check_not_binary(data[:SNIFF_BYTES])
    encoding = pick_encoding(data, html=html)
    text = data.decode(encoding)
    _check_text(text)
    if not text.strip():
        raise EmptyInput("E212")
    return text
