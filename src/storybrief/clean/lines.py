"""Judge one line on its own: article prose, page furniture, or neither.

A line is ``JUNK`` on positive evidence (a call to action, a byline, a price, a caption
credit, staff initials, a widget label); ``PROSE`` when it reads as a sentence of an article;
``WEAK`` otherwise (a headline, a short label, a bullet fragment): ``layout.py`` decides about
those from their position. Every rule is about the shape of a line or the general vocabulary
of web pages (``lexicon.py``), never about a given site's wording.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from storybrief.clean import lexicon as lx
from storybrief.clean.furniture import SENTENCE_END, furniture_reason, word_parts
from storybrief.clean.verdict import STRONG_JUNK, Label, Verdict, verdict
from storybrief.lang.tokens import has_unspaced, unspaced_chars
from storybrief.text import words_as_written

__all__ = [
    "STRONG_JUNK",
    "Label",
    "Verdict",
    "is_terminal",
    "judge",
    "judge_and_key",
    "verdict",
    "words_of",
]

# A line is terminal when it ends in one of _STOPS, maybe followed by closing quotes or
# brackets; checked without a regex, whose search would try every position of a long line.
# Full-width and Arabic/Devanagari stops too: a Chinese sentence ends in "。", an Arabic
# question in "؟" (no English line ends in these, so English verdicts do not change).
_STOPS = ".!?…:;。！？；：؟।"
_CLOSERS = "\"'”’»)]」』）“«"
_INITIALS = re.compile(r"[(\[]?[a-z]{2,4}(?:\s*[/,;]\s*[a-z]{2,4})*[)\]]?")
_SIGN_OFF = re.compile(
    r"(?:--+|[–—]+|\(|\[)\s*[A-Za-z][\w.&/ -]{0,30}[)\]]?|[A-Z]{2,}(?:\s*[/&,]\s*[A-Z]{2,})*"
)
_HANDLE = re.compile(r"\(@\w+\)")
_LABEL = re.compile(r"\(?\s*((?:[A-Za-z’']+\s+){0,3}[A-Za-z’']+)\s*[:|]")
_BYLINE = re.compile(r"by\b\s*:?\s*(.*)", re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_AT_END = re.compile(
    rf"(?:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})\W*$",
    re.IGNORECASE,
)
_TIME_WORDS = lx.word_set(
    """
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december mon tue wed thu fri sat sun monday
    tuesday wednesday thursday friday saturday sunday am pm a.m p.m ist gmt utc et est edt
    pt pst pdt bst cet cest ago hour hours min mins minute minutes sec seconds day days
    updated published posted modified last first on at
    """
)
_LABEL_EXTRA = lx.word_set(
    """
    about this story the in on from full here our us to of
    """
)


# The words of a text (``storybrief.text.WORD_PATTERN``), by the fast path of
# ``words_as_written`` (an alias, not a wrapper: it runs once per line and more).
words_of = words_as_written


def is_terminal(text: str) -> bool:
    # As a regex "$" would, a final line break may follow the terminal mark.
    return _ends_in_stop(text) or (text.endswith("\n") and _ends_in_stop(text[:-1]))


def _ends_in_stop(text: str) -> bool:
    bare = text.rstrip(_CLOSERS)
    return bool(bare) and bare[-1] in _STOPS


# ASCII characters outside words (``\W``): a date at the end of a line comes before these only.
_ASCII_NOT_WORD = "".join(c for c in map(chr, range(128)) if not (c.isalnum() or c == "_"))


def _may_end_in_date(text: str) -> bool:
    """False only if ``_DATE_AT_END`` cannot match: in ASCII text the last word character
    must be the last digit of the date."""
    if not text.isascii():
        return True
    bare = text.rstrip(_ASCII_NOT_WORD)
    return bool(bare) and bare[-1] in "0123456789"


_BULLETS_OR_SPACE = lx.BULLETS + " "


def judge(line: str) -> Verdict:
    """The verdict on one (repaired, stripped, non-empty) line."""
    return judge_and_key(line)[0]


# A line is judged by itself alone, so a judgement is kept for the next time that line
# comes: ingest weighs each candidate text by its lines' verdicts, and the cleaner then
# judges the chosen text's lines again. The cache's bound caps its memory.
@lru_cache(maxsize=1 << 14)
def judge_and_key(line: str) -> tuple[Verdict, str | None]:
    """``judge(line)``, and ``layout.key(line)`` where the line's words give it for free (an
    ASCII line without "_" or "''"), else None.

    The key is the line's runs of ``[a-z0-9_]`` in lower case once apostrophes are deleted.
    Without "_" nor two apostrophes in a row, an apostrophe that the deletion makes join two
    runs stands between two letters or digits, so inside a word (a bullet is neither); hence
    the runs are the words in lower case, cut at their hyphens, their apostrophes deleted.
    """
    body = line.lstrip(_BULLETS_OR_SPACE)
    if body.startswith("|") or body.endswith("|"):
        # A table row as extractors print one ("| cell | cell |"): judged by its cells.
        body = body.strip("| ").lstrip(_BULLETS_OR_SPACE) or body
    words = words_of(body)
    # The words in lower case, by one join, lower() and split instead of a lower() per word.
    # It is the same: no word holds a space, and a space is neither a cased nor a
    # case-ignorable character, so each word lowers as it would alone (a final sigma too).
    joined = " ".join(words).lower()
    line_key = None
    if line.isascii() and "_" not in line and "''" not in line:
        line_key = (
            joined.replace("'", "").replace("-", " ") if "'" in joined or "-" in joined else joined
        )
    return _judge_words(line, body, words, joined), line_key


def _judge_words(line: str, body: str, words: list[str], joined: str) -> Verdict:
    """``judge(line)``: ``body`` is the line without its bullet, ``words`` its words, and
    ``joined`` these in lower case joined by spaces."""
    n = len(words)
    if n == 0:
        return verdict("junk", "no words", n)
    if not line.isascii() and has_unspaced(body):
        # Chinese, Japanese and Thai write no spaces: a whole clause is one "word" to the
        # regex. Two characters make about one word in Chinese and Japanese news prose.
        n += unspaced_chars(body) // 2
    bullet = body != line
    lower = joined.split(" ")
    terminal = is_terminal(body)
    # Initials end in a letter or a bracket after one, so a terminal line holds none.
    if not terminal and _INITIALS.fullmatch(body):
        return verdict("junk", "staff initials", n)
    if n <= 3 and (_SIGN_OFF.fullmatch(line) or _SIGN_OFF.fullmatch(body)):
        return verdict("junk", "agency sign-off", n)
    # A label ends at a colon or a bar: most lines have neither, and skip the regex.
    label = _LABEL.match(body) if n <= 25 and (":" in body or "|" in body) else None
    if label:
        head = [w.lower().strip("’'") for w in label.group(1).split()]
        rest = body[label.end() :]
        if (
            head[0] in lx.LABEL_WORDS
            and all(w in lx.LABEL_WORDS or w in lx.UI_WORDS or w in _LABEL_EXTRA for w in head)
            # "Updated | <a sentence of news>" keeps its news; "Read next: <headline>" goes.
            and (
                head[0] in ("disclaimer", "copyright")
                or not is_terminal(rest)
                or len(words_of(rest)) <= 12
            )
        ):
            return verdict("junk", "label line", n)
    if (not body.isascii() or n <= 4 or ":" in body) and lx.is_cross_link_label(body):
        return verdict("junk", "label line", n)
    byline = None if terminal else _BYLINE.fullmatch(body)
    if byline:
        # "By Jo Smith | Published 14 March 2024": the names end at a separator
        names = words_of(re.split(r"\s[|•·]\s", byline.group(1))[0])
        if len(names) <= 8 and all(w[0].isupper() or w in ("and", "in", "for") for w in names):
            return verdict("junk", "byline", n)
    if not terminal:
        # (Words with a digit count only in short lines.)
        digits = sum(any(map(str.isdigit, w)) for w in words) if n <= 8 else 0
        if (n <= 8 and digits and lx.CURRENCY.search(body)) or (n <= 6 and digits * 2 >= n):
            return verdict("junk", "price" if lx.CURRENCY.search(body) else "numbers", n)
        if n <= 12 and sum(w in _TIME_WORDS or w.isdigit() for w in lower) >= max(2, 0.6 * n):
            return verdict("junk", "timestamp", n)
    low = body.lower()
    if (
        n <= 30
        and lx.may_match(body, low, lx.CREDIT_HINTS)
        and lx.may_match(body, low, lx.CREDIT_NEEDLES)
        and lx.CREDIT.search(body)
    ):
        return verdict("junk", "caption credit", n)
    # A caption is one unpunctuated sentence ending in a date; an embedded post signed
    # "— Name (@handle) June 20, 2017" is someone's words, not a caption.
    if (
        not terminal
        and n <= 40
        and _may_end_in_date(body)
        and _DATE_AT_END.search(body)
        and not _HANDLE.search(body)
        and len(SENTENCE_END.split(body)) == 1
    ):
        return verdict("junk", "caption or dateline", n)

    reason = furniture_reason(body, low, words, lower, word_parts(joined, lower), terminal)
    if reason:
        return verdict("junk", reason, n)
    return _prose_or_weak(body, words, n, terminal, bullet)


def _not_capital(char: str) -> bool:
    return char.isalpha() and not char.isupper()


def _prose_or_weak(body: str, words: list[str], n: int, terminal: bool, bullet: bool) -> Verdict:
    # A line shaped like a sentence is one if a word starts in lower case: the first one
    # found will do (the common case, a line of prose). Other lines need the count.
    sentence = terminal and n >= 4 and (not bullet or n >= 6)
    # In a script without case (Arabic, Chinese, Korean, Hebrew...) every word counts as
    # a lower-case one: it is not capitalised as a heading's words are.
    first = map(itemgetter(0), words)
    if sentence and any(map(str.islower, first) if body.isascii() else map(_not_capital, first)):
        return verdict("prose", "sentence", n, n < 20 or bullet)
    lowercase = 0
    if not sentence:
        first = map(itemgetter(0), words)
        lowercase = sum(map(str.islower, first) if body.isascii() else map(_not_capital, first))
    # All-caps prose (broadcast transcripts) is judged by its punctuation: as if every word
    # were lower case. That can only change the verdict when few words are.
    # Shares are of the words as found (``n`` counts the words of an unspaced script too).
    found = len(words)
    if lowercase < 0.4 * found and sum(map(str.isupper, words)) * 4 >= found * 3:
        lowercase = found
    if sentence and lowercase >= 1:
        return verdict("prose", "sentence", n, n < 20 or bullet)
    if not bullet and n >= 15 and lowercase >= 0.4 * found:
        return verdict("prose", "long unpunctuated line", n, True)
    if bullet:
        return verdict("weak", "bullet fragment", n)
    return verdict("weak", "heading or fragment", n)
