"""The analysis's one tokenizer and one stemmer, and the per-call context that owns their memos.

Every step of the stage reads tokens and stems through a ``Context``: ``analyze`` makes one
per call (or takes one from the caller), so sentence memos live as long as the story they
serve. Word memos (stems) sit on a ``Stemmer``, by default one per process: a word's stem
says nothing about any story, and the vocabulary recurs. Every memo has a stated bound.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator
from collections.abc import Set as AbstractSet
from typing import Generic, TypeVar

from storybrief.analyze.lexicon import NEGATORS
from storybrief.text import STOPWORDS, WORD_PATTERN

# Tokens with their character offsets: words as ``storybrief.text`` reads them (inner
# apostrophes and hyphens kept), and each punctuation mark on its own.
TOKEN = re.compile(WORD_PATTERN + r"|[^\w\s]", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+")

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """A memo of a pure function, emptied when it reaches ``limit`` entries (bounded)."""

    def __init__(self, fn: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.fn, self.limit = fn, limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self.fn(key)
        self[key] = value
        return value


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


def _offsets(sentence: str) -> tuple[tuple[str, int, int], ...]:
    # Three C-level maps over the matches: a third cheaper than a generator of tuples.
    found = list(TOKEN.finditer(sentence))
    return tuple(zip(map(_GROUP, found), map(_START, found), map(_END, found), strict=True))


def _lower_letters(sentence: str) -> frozenset[str]:
    return frozenset(_LETTERS.findall(sentence.lower()))


class Tokenizer:
    """Tokens of a sentence, with offsets where a step needs them (memoised per sentence).

    The lookups are the memos' own ``__getitem__``: C-level calls in the hot loops.
    """

    def __init__(self, *, limit: int = 1 << 15) -> None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        # (token, start, end) of a sentence; only sentences that state a value or a name
        # need offsets, the rest use ``words``.
        self.tokens: Callable[[str], tuple[tuple[str, int, int], ...]]
        self.tokens = Memo(_offsets, limit).__getitem__
        # Lower-cased letter runs of a sentence ("forty-two" gives "forty" and "two"): the
        # cheap pre-check of whether a pattern can match at all.
        # As many as ``tokens``: the steps each read every sentence in turn, so a memo
        # smaller than the story is emptied before a second step comes back to a sentence.
        self.lower_words: Callable[[str], frozenset[str]]
        self.lower_words = Memo(_lower_letters, limit).__getitem__
        # ``Tokenizer.words`` of a sentence, for the steps that ask the instance (lists
        # shared between steps: read them, never change them).
        self.words = Memo(TOKEN.findall, limit).__getitem__  # type: ignore[method-assign,assignment]

    @staticmethod
    def words(text: str) -> list[str]:
        """The tokens of a text without offsets (several times cheaper than ``tokens``)."""
        return TOKEN.findall(text)

    @staticmethod
    def finditer(text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return TOKEN.finditer(text, pos)


_SUFFIXES = (
    "ships", "ship", "ations", "ation", "ions", "ion", "ings", "ing", "ments", "ment",
    "ness", "edly", "ed", "ly", "ies", "es", "s", "al", "ive", "ful", "ity",
)  # fmt: skip
# Predicates news reports phrase in several ways; a count of the dead is a count of the dead
# whether it is "killed 12" or "12 died". Small on purpose: each class is a common beat.
_SYNONYMS = {
    "kill": "DIE", "die": "DIE", "died": "DIE", "dies": "DIE", "dying": "DIE", "dead": "DIE", "death": "DIE", "toll": "DIE", "fatal": "DIE",
    "injur": "HURT", "wound": "HURT", "hurt": "HURT",
    "arrest": "ARREST", "detain": "ARREST",
    "pay": "PRICE", "buy": "PRICE", "price": "PRICE", "cost": "PRICE", "worth": "PRICE",
    "valu": "PRICE", "sell": "PRICE", "sold": "PRICE", "paid": "PRICE", "bought": "PRICE",
    "beat": "WIN", "defeat": "WIN", "won": "WIN", "win": "WIN",
    "built": "BUILD", "build": "BUILD",
    "last": "LAST", "held": "LAST", "took": "LAST",
}  # fmt: skip


# The suffixes by their last letter, in ``_SUFFIXES`` order: a word is checked against
# the few that can end it (the first that fits is stripped, as with the whole list).
_BY_LAST: dict[str, tuple[str, ...]] = {}
for _suf in _SUFFIXES:
    _BY_LAST[_suf[-1]] = (*_BY_LAST.get(_suf[-1], ()), _suf)


def suffix_stem(word: str) -> str:
    """A crude suffix stripper with a few predicate classes: enough to match
    relations/relationship, talks/talk, killed/died."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for _ in range(2):
        for suf in _BY_LAST.get(w[-1:], ()):
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        else:
            break
    return _SYNONYMS.get(w, w)


_EMPTY = frozenset([""])


class StemTable(dict[str, str]):
    """Token -> its stem, or "" for a token that is no content word; filled on first sight.

    Stemming a sentence is then one C-level ``map`` over its tokens instead of a Python
    loop with three checks per token: the difference between 0.1 s and 0.02 s per 100
    articles. Cleared when it grows past ``limit`` so it stays bounded.
    """

    def __init__(self, stem: Callable[[str], str], keep: Callable[[str], bool], limit: int):
        super().__init__()
        self.stem, self.keep, self.limit = stem, keep, limit

    def __missing__(self, token: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        value = self.stem(token) if self.keep(token) else ""
        self[token] = value
        return value

    def stems(self, text: str) -> frozenset[str]:
        return self.stems_of(TOKEN.findall(text))

    def stems_of(self, tokens: list[str]) -> frozenset[str]:
        """``stems`` of a text already tokenised (``Tokenizer.words``)."""
        out = frozenset(map(self.__getitem__, tokens))
        return out - _EMPTY if "" in out else out


def _content(token: str) -> bool:
    return token[0].isalnum() and token.lower() not in STOPWORDS


_NOT_ALPHA_KEYS = STOPWORDS | NEGATORS


def _alpha(token: str) -> bool:
    return token[0].isalpha() and token.lower() not in _NOT_ALPHA_KEYS


class Stemmer:
    """Word -> stem, memoised (a pure function of one word, asked for every word), with the
    two token tables the analysis builds on it (content words; letter words, negators out).

    Word-level memos only: the vocabulary recurs from story to story, so one stemmer may
    serve many analyses (``shared_stemmer``); each memo is bounded by ``limit``.
    """

    def __init__(self, fn: Callable[[str], str] = suffix_stem, *, limit: int = 1 << 16) -> None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        self.stem: Callable[[str], str] = Memo(fn, limit).__getitem__
        self.content = StemTable(self.stem, _content, 2 * limit)
        self.alpha = StemTable(self.stem, _alpha, 2 * limit)


_SHARED = Stemmer()


def shared_stemmer() -> Stemmer:
    """The process's default stemmer: its word memos are bounded and hold no story data."""
    return _SHARED


class Context:
    """What one analysis shares across its steps: the tokenizer (sentence memos, new with
    each context), the stemmer (word memos, the shared one unless given) and the memos
    steps ask for by name (``memo``)."""

    def __init__(self, *, tokenizer: Tokenizer | None = None, stemmer: Stemmer | None = None):
        self.tokenizer = tokenizer or Tokenizer()
        self.stemmer = stemmer or shared_stemmer()
        self.stem = self.stemmer.stem
        # Content words (numbers kept) and letter words (negators out): the keys of overlap.
        self.content = self.stemmer.content
        self.alpha = self.stemmer.alpha
        self._memos: dict[str, Memo] = {}

    def memo(self, name: str, fn: Callable[[K], V], limit: int) -> Memo[K, V]:
        """The context's memo of ``fn`` under ``name``, made on first use."""
        memo = self._memos.get(name)
        if memo is None:
            memo = self._memos[name] = Memo(fn, limit)
        return memo

    def content_stems(self, text: str) -> frozenset[str]:
        """Stems of the content words of ``text`` (stop words and punctuation dropped)."""
        return self.content.stems_of(self.tokenizer.words(text))

    def alpha_stems(self, text: str) -> frozenset[str]:
        """Stems of the letter words of ``text``, negators and stop words dropped."""
        return self.alpha.stems_of(self.tokenizer.words(text))


def overlap(a: AbstractSet[str], b: AbstractSet[str]) -> tuple[int, float]:
    """Shared items and the share of the smaller set they cover."""
    if not a or not b:
        return 0, 0.0
    n = len(a & b)
    return n, n / min(len(a), len(b))
