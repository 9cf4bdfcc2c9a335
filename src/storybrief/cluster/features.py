"""Article features for story clustering: hashed term frequencies with name boosts.

Two reports of the same *kind* of event (two rehab check-ins, two earthquakes) share their
topic words; what tells them apart is the specific detail: who, where, which number. So a
word written with a capital letter inside a sentence (a name) weighs more than a topic
word, and runs of such words ("Betty Ford") also count as one extra term.

Terms are hashed (CRC-32) into a fixed number of buckets so that the document-frequency
table has a fixed size however long the stream runs: memory stays bounded and the table
can be stored as it is.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from itertools import compress, filterfalse
from operator import itemgetter, ne
from typing import NamedTuple

from storybrief.ingest.dates import parse_time  # noqa: F401 (cluster modules import it here)
from storybrief.model import Article
from storybrief.text import ASCII_WORD_BYTES, STOPWORDS, drop_loose_joiners

# Words (letters/digits with inner apostrophes or hyphens) and the marks that cut a text
# into segments: sentence ends, quotation marks and line breaks, after which a capital
# letter proves nothing. One pass finds both: a word never holds a mark, so the words of
# the whole text are those of its segments, with the marks showing where segments start.
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*|[.!?:;\"“”\n]")
_MARKS = frozenset('.!?:;"“”\n')
_URL_LINE = re.compile(r"^\s*(?:https?\s*:|www\s*\.)", re.IGNORECASE)
_URL_ANY = re.compile(r"https?\s*:|www\s*\.", re.IGNORECASE)

NUM_BUCKETS = 1 << 21
_MASK = NUM_BUCKETS - 1


def crc(term: str) -> int:
    """CRC-32 of ``term`` in UTF-8."""
    return zlib.crc32(term.encode("utf-8"))


def crcs(terms: list[str]) -> list[int]:
    """``crc`` of each term, computed in C. (A memo of recent terms was slower: in a stream,
    its large table is out of the CPU caches by each next article, and a miss costs more
    than the CRC of a word.)"""
    return list(map(zlib.crc32, map(str.encode, terms)))


def term_id(term: str) -> int:
    """A stable bucket for ``term`` (Python's ``hash`` changes between runs)."""
    return crc(term) & _MASK


def content_lines(text: str) -> str:
    """``text`` without its lines that start with a URL (``text`` itself when none does)."""
    # A first line holding only a URL (as scraped feeds often start) is no content.
    # Every _URL_ANY match holds "http" or "www" in any case: a substring test is much
    # cheaper than the case-blind search, so most texts skip the search.
    low = text.lower()
    if ("http" not in low and "www" not in low) or not _URL_ANY.search(text):
        return text
    return "\n".join(line for line in text.split("\n") if not _URL_LINE.match(line))


# Years mentioned: a token of exactly these four digits.
_YEARS = re.compile(r"(?:1[89]|20)\d\d")


class Tokens(NamedTuple):
    """The words of a text (with ’ read as '), as written and lower-cased, and segment marks
    (see ``_TOKEN``) between: a word starts a segment exactly when it comes first or right
    after a mark. Where marks come in a row, there may be one for all of them."""

    tokens: list[str]
    lower: list[str]
    ascii: bool  # every token is ASCII

    def words(self) -> list[str]:
        """The lower-cased words, without the marks."""
        return list(filterfalse(_MARKS.__contains__, self.lower))


def tokens(text: str) -> Tokens:
    """``Tokens`` of ``text``."""
    return _split(text.replace("’", "'"))


# ASCII text without the regex (see ``text.ascii_words``): each segment mark becomes ".",
# every other character outside words a space.
_SEGMENT_BYTES = bytes(46 if c in b'.!?:;"\n' else ASCII_WORD_BYTES[c] for c in range(256))
# Punctuation outside ASCII that is no word character: the quotation marks are segment
# marks (as '"'), the rest are as spaces.
_WIDE_MARKS = {"“": '"', "”": '"'} | dict.fromkeys("‘—–…«»", " ")


def _split(flat: str) -> Tokens:
    """The ``Tokens`` of ``flat``, a text with ’ read as '."""
    if not flat.isascii():
        wide = flat
        for mark, ascii in _WIDE_MARKS.items():
            if mark in wide:
                wide = wide.replace(mark, ascii)
        if not wide.isascii():
            found = _TOKEN.findall(flat)
            return Tokens(found, list(map(str.lower, found)), False)
        flat = wide
    spaced = flat.encode("ascii").translate(_SEGMENT_BYTES).decode("ascii")
    spaced = drop_loose_joiners(spaced, " .").replace(".", " . ")
    # ASCII lower-cases letter by letter: the words of the lower-cased text are the lower-cased words.
    return Tokens(spaced.split(), spaced.lower().split(), True)


def term_counts(
    article: Article, *, text_tokens: Tokens | None = None
) -> tuple[dict[int, float], dict[int, float]]:
    """Hashed (words, names) -> sublinear counts of one article (title included once);
    ``text_tokens``: ``tokens(article.text)`` when the caller has them already.

    Names are words capitalised inside a sentence, runs of them ("Betty Ford") and years
    mentioned in the text: the details that tell two events of one kind apart. Stop words
    and one-letter words (digits excepted) count as neither and end a run; so does the end
    of a segment (see ``_TOKEN``).
    """
    text = content_lines(article.text)
    # The caller's tokens of the text, when its lines were all kept.
    if text_tokens is None or not (text is article.text or text == article.text):
        text_tokens = tokens(text)
    toks, lows, ascii = text_tokens
    if article.title and not text.startswith(article.title):
        # The title is its own segment: its tokens, a line break, then the text's.
        head = _split(article.title.replace("’", "'"))
        toks = [*head.tokens, "\n", *toks]
        lows = [*head.lower, "\n", *lows]
        ascii = ascii and head.ascii
        text = article.title + "\n" + text
    # Every token in order of first use; then those that are no terms go (marks included).
    counts = Counter(lows)
    if ascii:  # a one-character ASCII token is a letter, a digit or a mark
        drop = _NOT_TERMS.intersection(counts)
    else:
        drop = STOPWORDS.intersection(counts).union(
            t for t in counts if len(t) < 2 and not t.isdigit()
        )
    for term in drop:
        counts.pop(term)
    return hashed_counts(counts, ""), hashed_counts(_names(toks, lows, ascii, text), "N:")


# Lower-cased tokens that are no terms: stop words, and of one character all but digits.
_NOT_TERMS = STOPWORDS | frozenset("abcdefghijklmnopqrstuvwxyz") | _MARKS


def _names(toks: list[str], lows: list[str], ascii: bool, text: str) -> Counter[str]:
    """Name terms in order of first use: each name word (capitalised, not first in its
    segment, a term), each run of two or more name words, each year. ``text`` holds
    every token (it finds the years); ``ascii`` tells that every token is ASCII.

    Only capitalised tokens and years can add a name; a run ends at any other token, so it
    is made of name words at consecutive positions.
    """
    stop, marks = STOPWORDS, _MARKS
    if ascii:  # a token with a capital letter (first or not) is one lower-casing changes
        at = list(compress(range(len(toks)), map(ne, toks, lows)))
    else:
        at = list(compress(range(len(toks)), map(str.isupper, map(itemgetter(0), toks))))
    # A year is a token; each is found by the search for years in the text (a match
    # cannot start inside the token before it, whose last character would be a digit).
    years = frozenset(_YEARS.findall(text))
    for year in years:
        at += _positions(lows, year)
    if years:
        at.sort()
    names: list[str] = []
    run: list[str] = []
    last = -2  # position of the last name word
    for i in at:
        low = lows[i]
        year = low in years
        if i != last + 1 or (run and year):
            # another token came between (or this is a year): the run has ended
            if len(run) > 1:
                names.append(" ".join(run))
            run = []
        if year:
            names.append(low)
        elif (
            i
            and toks[i][0].isupper()
            and toks[i - 1] not in marks
            and low not in stop
            and (len(low) > 1 or low.isdigit())
        ):
            names.append(low)
            run.append(low)
            last = i
    if len(run) > 1:
        names.append(" ".join(run))
    return Counter(names)


def _positions(items: list[str], value: str) -> list[int]:
    """Where ``value`` is in ``items`` (list.index compares in C)."""
    found: list[int] = []
    i = -1
    try:
        while True:
            i = items.index(value, i + 1)
            found.append(i)
    except ValueError:
        return found


# 1 + log(n) for small n, the sublinear term frequency.
_SUBLINEAR = [0.0] + [1.0 + math.log(n) for n in range(1, 64)]


def hashed_counts(counts: dict[str, int], prefix: str) -> dict[int, float]:
    """Term counts as hashed buckets (``prefix`` + term) -> sublinear frequencies."""
    out: dict[int, float] = {}
    get = out.get
    sub = _SUBLINEAR
    terms = map(prefix.__add__, counts) if prefix else counts
    for h, n in zip(crcs(list(terms)), counts.values(), strict=True):
        key = h & _MASK
        out[key] = get(key, 0.0) + (sub[n] if n < 64 else 1.0 + math.log(n))
    return out
