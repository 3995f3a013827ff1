"""Bytes to text: refuse binary content, decode with a short list of encodings.

Order: a UTF-16 byte-order mark means UTF-16; else UTF-8 (a UTF-8 BOM is
dropped); an HTML page's declared charset is honoured. Text that is not valid
UTF-8 is an error naming the byte (never a silent guess: a UTF-8 file with one
bad byte read as Windows-1252 turns every quote and letter with an accent into
mojibake), unless the caller states a *fallback* encoding (``--encoding cp1252``):
then such text is decoded with it, and strictly. Binary content (NUL bytes, or more
than 1% control characters) is refused whatever the encoding, so a file of random bytes
never gets through.
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from ..errors import ConfigError, DecodeError, EmptyInput, UnsupportedInput

log = logging.getLogger(__name__)

__all__ = ["decode_bytes", "check_not_binary", "check_encoding", "pick_encoding", "SNIFF_BYTES"]

SNIFF_BYTES = 64 * 1024
_MAX_CONTROL_SHARE = 0.01
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


def check_encoding(name: str | None) -> str | None:
    """The codec name of a fallback encoding (None: none); ConfigError when unknown."""
    if name is None or not str(name).strip():
        return None
    try:
        info = codecs.lookup(str(name).strip())
    except LookupError:
        raise ConfigError("E114", value=name) from None
    if info.name in ("utf-16", "utf-32"):
        raise ConfigError("E114", value=name)
    return info.name


def pick_encoding(sample: bytes, *, complete: bool = True, html: bool = False,
                  fallback: str | None = None) -> str:
    """The encoding to read ``sample`` (the file's first bytes, or all of them) with.

    With ``complete=False`` the sample may end inside a multi-byte character.
    Raises :class:`DecodeError` (naming the first bad byte) when ``sample`` is not UTF-8,
    declares no charset, and no ``fallback`` is given or it does not decode it either.
    """
    if _utf16_bom(sample):
        return "utf-16"
    candidates = ["utf-8-sig"]
    if html:
        declared = _declared_charset(sample)
        if declared and declared not in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
            candidates.append(declared)
    if fallback:
        candidates.append(fallback)
    first_bad = None
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            decoder.decode(sample, final=complete)
        except UnicodeDecodeError as exc:
            first_bad = exc.start if first_bad is None else first_bad
            continue
        if encoding != "utf-8-sig":
            log.info("not UTF-8: read as %s", encoding)
        return encoding
    if fallback:
        raise DecodeError("E234", byte=first_bad, fallback=fallback)
    raise DecodeError("E231", byte=first_bad)


def decode_bytes(data: bytes, *, html: bool = False, fallback: str | None = None) -> str:
    """``data`` as text, or :class:`InputError` (empty, binary or undecodable)."""
    if not data.strip():
        raise EmptyInput("E211" if not data else "E212")
    check_not_binary(data[:SNIFF_BYTES])
    encoding = pick_encoding(data, html=html, fallback=fallback)
    text = data.decode(encoding)
    _check_text(text)
    if not text.strip():
        raise EmptyInput("E212")
    return text
