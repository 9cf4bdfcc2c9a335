"""Text primitives shared by every stage: sentence splitting, word tokens, shingles.

Sentence splitting uses blingfire's finite-state splitter (fast: about 10 MB/s here), run
paragraph by paragraph so a heading or caption line is never glued to the next sentence.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from functools import lru_cache

import blingfire

# Words: letters/digits in any script, with inner apostrophes and hyphens kept. The one
# word pattern: every tokenizer of the package is this, or built on it.
RUN_PATTERN = r"[^\W_]+"
WORD_PATTERN = RUN_PATTERN + r"(?:['’\-]" + RUN_PATTERN + r")*"
_WORD = re.compile(WORD_PATTERN, re.UNICODE)
# Runs of letters and digits: a word's parts ("don't" is "don" and "t"), for counts that
# need no joiners (how long a line is, ROUGE's tokens).
RUNS = re.compile(RUN_PATTERN)
_PARA = re.compile(r"\n\s*\n|\r\n\s*\r\n")

# A small English stop list: enough to keep TF-IDF and overlap measures on content words.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "also",
        "one",
        "two",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "its",
        "it's",
        "s",
        "t",
    ]
)


def normalize_space(text: str) -> str:
    # As ``re.sub(r"\s+", " ", text).strip()``: ``str.split`` splits on the very
    # characters ``\s`` matches (``str.isspace``), at C speed.
    return " ".join(text.split())


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a text: blank-line separated, or one per line when there are no blanks."""
    text = text.replace("\r\n", "\n")
    parts = _PARA.split(text) if "\n\n" in text else text.split("\n")
    return [p.strip() for p in parts if p.strip()]


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, in order; whitespace inside a sentence is normalised."""
    return [s for _, s in split_paragraph_sentences(text)]


def split_paragraph_sentences(text: str) -> Iterator[tuple[int, str]]:
    """(paragraph index, sentence) pairs, for callers that need paragraph positions."""
    for p, para in enumerate(paragraphs(text)):
        flat = normalize_space(para)
        if flat:
            lines = _to_sentences(flat)
            if '"' in lines or "“" in lines:
                for sent in _join_open_quotes(lines.split("\n")):
                    yield p, sent
            else:  # no quote to leave open: every line is a sentence as it is
                for sent in lines.split("\n"):
                    sent = sent.strip()
                    if sent:
                        yield p, sent


# ``blingfire.text_to_sentences`` makes its output buffer with ``create_string_buffer``,
# which builds a new ctypes array *type* for each length: a reference cycle per paragraph
# left to the cyclic garbage collector (a brief paid for collecting 500 of them). The same
# call here with buffers of a few lengths (powers of two), each type made once.
@lru_cache(maxsize=64)
def _buffer_type(size: int) -> type[ctypes.Array[ctypes.c_char]]:
    return ctypes.c_char * size


def _to_sentences(text: str) -> str:
    """``blingfire.text_to_sentences(text)``: sentences one per line."""
    data = text.encode("utf-8")
    count = len(data) * 2  # blingfire's own bound on its output
    buffer_type = _buffer_type(1 << max(count, 1).bit_length())
    out = buffer_type()
    n = blingfire.blingfire.TextToSentences(
        ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(out), ctypes.c_int(count)
    )
    if n == -1 or n > count:
        return ""
    return out.value.decode("utf-8")


# A quote of several sentences is one statement: "The pier was on gravel. The new one
# goes to bedrock," she said. Splitting inside it leaves a fragment with a dangling quote
# mark, which reads badly in a brief and loses its speaker.
_MAX_QUOTE_JOIN = 4


def _open_quote(sentence: str) -> bool:
    curly = sentence.count("“") - sentence.count("”")
    return curly > 0 or (curly == 0 and sentence.count('"') % 2 == 1)


def _join_open_quotes(parts: list[str]) -> Iterator[str]:
    parts = [p.strip() for p in parts if p.strip()]
    i = 0
    while i < len(parts):
        sent = parts[i]
        j = i + 1
        while _open_quote(sent) and j < len(parts) and j - i <= _MAX_QUOTE_JOIN:
            candidate = f"{sent} {parts[j]}"
            sent, j = candidate, j + 1
        if _open_quote(sent) and j - i > 1:
            # never closed: keep the original split rather than one long run-on
            sent, j = parts[i], i + 1
        yield sent
        i = j


# Word splitting of ASCII text without a regex, for the hot paths of ingest. In ASCII text a
# word (``_WORD``) is a run of letters and digits, joined by apostrophes and hyphens that
# stand between two of them. A byte translation makes every other character a space; then
# each apostrophe or hyphen that joins nothing becomes one too, and what is left between
# spaces are the words.
_ASCII_ALNUM = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
ASCII_WORD_BYTES = bytes(c if c in _ASCII_ALNUM or c in b"'-" else 32 for c in range(256))
_JOINERS = "'-"
# Punctuation of ordinary prose outside ASCII that holds no word: as a space, each leaves
# the words of a text as they are (’, which joins words as an apostrophe, is not one).
WIDE_PUNCTUATION = "“”‘—–…«»"


def drop_loose_joiners(spaced: str, separators: str = " ") -> str:
    """``spaced`` (ASCII letters, digits, apostrophes, hyphens and ``separators``) with a
    space for each apostrophe or hyphen that is not between two letters or digits, and a
    separator added at both ends."""
    if "'" not in spaced and "-" not in spaced:
        return spaced
    text = f"{separators[0]}{spaced}{separators[0]}"
    # Two joiners in a row join nothing; after these no two are next to each other (each
    # replacement leaves no pair of its own, and spaces make no new pair)...
    for first in _JOINERS:
        for second in _JOINERS:
            text = text.replace(first + second, "  ")
    # ...so one pass takes each joiner next to a separator (and none becomes one).
    for joiner in _JOINERS:
        for sep in separators:
            text = text.replace(sep + joiner, sep + " ").replace(joiner + sep, " " + sep)
    return text


def ascii_words(text: str) -> list[str]:
    """``_WORD.findall(text)`` for ASCII ``text``, several times faster."""
    return drop_loose_joiners(
        text.encode("ascii").translate(ASCII_WORD_BYTES).decode("ascii")
    ).split()


def words_as_written(text: str) -> list[str]:
    """Word tokens as written (``_WORD.findall(text)``), by the fast path where it can."""
    if text.isascii():
        return ascii_words(text)
    flat = text
    for mark in WIDE_PUNCTUATION:
        if mark in flat:
            flat = flat.replace(mark, " ")
    if flat.isascii():
        return ascii_words(flat)
    # Apostrophes: read as ASCII ones, then given back to the words (when the text has no
    # ASCII one, every "'" in a word was a "’").
    if "'" not in flat:
        flat = flat.replace("’", "'")
        if flat.isascii():
            return [w.replace("'", "’") if "'" in w else w for w in ascii_words(flat)]
    return _WORD.findall(text)


def words(text: str) -> list[str]:
    """Lower-cased word tokens; keeps non-ASCII letters (unlike rouge-score's default)."""
    # ``words_as_written``'s fast path: "’" reads as the "'" it becomes here, and the
    # punctuation of ordinary prose as spaces; lower-casing ASCII changes no word's bounds.
    flat = text
    if not flat.isascii():
        for mark in WIDE_PUNCTUATION:
            if mark in flat:
                flat = flat.replace(mark, " ")
        flat = flat.replace("’", "'")
        if not flat.isascii():
            return [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    return ascii_words(flat.lower())


def content_words(text: str) -> list[str]:
    """Word tokens without stop words; numbers are kept (they carry facts)."""
    return [w for w in words(text) if w not in STOPWORDS]


def shingles(tokens: list[str], n: int = 5) -> set[str]:
    """Word n-grams as strings; a text shorter than ``n`` words gives one shingle of itself."""
    if len(tokens) < n:
        return {" ".join(tokens)} if tokens else set()
    # The n-grams by zipping n shifted views (C-level), not by slicing at each position.
    return set(map(" ".join, zip(*(tokens[k:] for k in range(n)), strict=False)))
