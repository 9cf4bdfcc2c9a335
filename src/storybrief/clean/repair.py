"""Encoding repair: undo the debris that scraping leaves in text, before any line is judged.

Repairs only change characters inside a line (never add a line or a word), so the cleaner can
promise that every output line is a repaired input line. ``repair`` is idempotent.
"""

from __future__ import annotations

import html
import re

import ftfy

# Scrapers that dump strings with repr-like escaping leave ``\'`` or ``\"`` (also before curly
# quotes). All the backslashes go, so that a second pass has nothing left to change.
_ESCAPED_QUOTE = re.compile(r"\\+(['\"‘’“”])")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Invisible characters with no meaning in news prose. ZWJ/ZWNJ (U+200C/U+200D) are kept on
# purpose: they shape Indic and Persian script and build emoji sequences.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f]")
# No-break and other fixed-width spaces become plain spaces (they break word splitting).
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
_RUN_OF_SPACES = re.compile(r" {2,}")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")
# ftfy fixes each line on its own and is slow, so a line goes through it only when it has a
# character that ftfy could change: anything but printable ASCII and the curly quotes, dashes
# and ellipsis of ordinary news prose (no mojibake pattern or fix of ftfy's is made of these
# alone; tests/test_clean.py checks that for the installed ftfy).
PLAIN_PUNCTUATION = "‘’“”–—…"
_NOT_PLAIN = re.compile(f"[^\x20-\x7e\n{PLAIN_PUNCTUATION}]")
# The same test as ``not _NOT_PLAIN.search(text)``, on bytes (several times faster): the
# plain punctuation taken out of the text's UTF-8 (a character's bytes never start inside
# another's), the rest must be printable ASCII and line feeds.
_PLAIN_UTF8 = tuple(mark.encode("utf-8") for mark in PLAIN_PUNCTUATION)
_PRINTABLE = bytes(range(0x20, 0x7F)) + b"\n"


def is_plain(text: str) -> bool:
    """Does ``text`` hold only printable ASCII, line feeds and ``PLAIN_PUNCTUATION``?"""
    if text.isascii():
        return not text.encode("ascii").translate(None, _PRINTABLE)
    raw = text.encode("utf-8", "surrogatepass")
    for mark in _PLAIN_UTF8:
        raw = raw.replace(mark, b"")
    return raw.isascii() and not raw.translate(None, _PRINTABLE)


# Full-width punctuation is how Chinese and Japanese are written ("，", "："): ftfy would
# make it ASCII, and the text would no longer be the page's.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_character_width=False,
    explain=False,
)


def repair(text: str) -> str:
    """Fix mojibake, HTML entities, escaped quotes, invisible characters and odd spaces.

    Line structure is kept: each output line is the repaired input line at the same index,
    with its outer whitespace stripped.
    """
    # Most texts are "plain": printable ASCII, line feeds and the punctuation of ordinary
    # prose. Such a text has no odd line break, invisible character, odd space or mojibake,
    # so the substitutions of those (and ftfy) would leave it as it is: it skips them for as
    # long as it stays plain.
    plain = is_plain(text)
    if not plain:
        text = _LINE_BREAKS.sub("\n", text)
        text = _INVISIBLE.sub("", text)
    # Entities first (double-escaped ones too: each pass shrinks the text, so this ends), so
    # that ftfy sees mojibake spelt as numeric entities.
    while "&" in text:
        unescaped = _ENTITY.sub(lambda m: _unescape_one(m.group(0)), text)
        if unescaped == text:
            break
        text = unescaped
        plain = False  # an entity may stand for any character
    if not plain:
        text = _SPACES.sub(" ", text)  # before ftfy, which would read a stray \x0c as mojibake
        # ftfy fixes mojibake (UTF-8 read as Windows-1252, etc.); quotes are left curly
        # because quote detection downstream relies on them.
        text = _fix_text(text)
    if "\\" in text:
        text = _ESCAPED_QUOTE.sub(r"\1", text)  # only removes characters: plain stays plain
    if not plain:
        text = _INVISIBLE.sub("", text)
        text = _SPACES.sub(" ", text)
        text = _LINE_BREAKS.sub("\n", text)
    # A run of spaces never spans a line break, so one pass over the whole text will do.
    if "  " in text:
        text = _RUN_OF_SPACES.sub(" ", text)
    if plain and not (text.startswith(" ") or text.endswith(" ") or " \n" in text or "\n " in text):
        # In plain text the only whitespace is spaces and line feeds: no line has any to strip.
        return text
    return "\n".join(line.strip() for line in text.split("\n"))


def _fix_text(text: str) -> str:
    """``ftfy.fix_text`` with ``_FTFY``, skipping the lines it would leave unchanged."""
    if is_plain(text):
        return text
    *lines, last = text.split("\n")
    # Each line keeps its line break, as in the segments that ftfy.fix_text cuts itself.
    segments = [line + "\n" for line in lines] + [last]
    return "".join(ftfy.fix_text(s, _FTFY) if _NOT_PLAIN.search(s) else s for s in segments)


def _unescape_one(entity: str) -> str:
    out = html.unescape(entity)
    # An entity that stands for a line break or an invisible character must not smuggle one in.
    return " " if out in ("\n", "\r", "\t") or _INVISIBLE.fullmatch(out) else out
