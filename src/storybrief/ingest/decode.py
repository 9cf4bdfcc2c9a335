"""Bytes to text, with a clear reason for every input that is not text we can trust.

Encoding policy: UTF-8 (with or without a BOM) and BOM-marked UTF-16 are read as such. For
HTML, a ``<meta charset>`` declaration is honoured when the bytes decode cleanly with it
(the page says what it is, and a clean decode confirms it). Anything else is rejected with
the offending byte and offset rather than guessed: a statistical guess at a legacy codec is
right most of the time and silently wrong the rest, and wrong text poisons every later stage.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from pathlib import Path

from storybrief.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingInputError,
    MalformedInputError,
    TooLargeError,
)

# How much of the start of an input is sniffed for binary content.
_SNIFF = 8192
# Bytes that never occur in text (C0 controls other than tab, newlines, form feed, ESC).
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27}) + b"\x7f"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_bytes(path: Path, origin: str, *, max_bytes: int) -> bytes:
    """The bytes of ``path`` (gunzipped for ``.gz``), refusing inputs over ``max_bytes``."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyInputError(origin, "empty file")
    if path.suffix.lower() == ".gz":
        return _gunzip(path, origin, max_bytes=max_bytes)
    if size > max_bytes:
        raise TooLargeError(origin, f"{_mb(size)} is over the size limit of {_mb(max_bytes)}")
    return path.read_bytes()


def _gunzip(path: Path, origin: str, *, max_bytes: int) -> bytes:
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)  # bounded: a small .gz can inflate to gigabytes
    except (OSError, EOFError, zlib.error) as exc:
        raise MalformedInputError(origin, f"not a valid gzip file ({exc})") from None
    if len(data) > max_bytes:
        raise TooLargeError(origin, f"over the size limit of {_mb(max_bytes)} once decompressed")
    if not data:
        raise EmptyInputError(origin, "empty file (after decompression)")
    return data


def check_binary(data: bytes, origin: str) -> None:
    """Raise ``BinaryInputError`` when ``data`` is not text (NUL bytes, control characters)."""
    head = data[:_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head:
        raise BinaryInputError(origin, "binary data (NUL bytes), not text")
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if controls * 20 > len(head):  # over 5% control bytes: no text file looks like that
        raise BinaryInputError(origin, "binary data (control bytes), not text")


def decode(data: bytes, origin: str, *, html: bool = False) -> str:
    """Text of ``data``; see the module docstring for the encoding policy."""
    check_binary(data, origin)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingInputError(origin, f"invalid UTF-16 ({exc.reason})") from None
    try:
        return data.decode("utf-8-sig")  # also plain UTF-8: the BOM is optional
    except UnicodeDecodeError as exc:
        error = exc
    if html:
        declared = _declared_charset(data)
        if declared:
            try:
                return data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass
    high = sum(b >= 0x80 for b in data[:_SNIFF])
    if high * 10 > 3 * min(len(data), _SNIFF):  # mostly non-ASCII and not UTF-8: not text
        raise BinaryInputError(origin, "binary data (mostly non-text bytes), not text")
    byte = data[error.start]
    raise EncodingInputError(
        origin,
        f"not UTF-8 (byte 0x{byte:02x} at offset {error.start}); re-encode it as UTF-8, "
        "e.g. iconv -f cp1252 -t utf-8",
    )


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def require_text(text: str, origin: str) -> str:
    if not text.strip():
        raise EmptyInputError(origin, "no text (only whitespace)")
    return text


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n} bytes"
