"""A value stated in a sentence (``Value``) and its local context: the content stems of
its own clause, a few words either side, which tie two values in two sentences to the same
thing. ``values`` finds them; ``pairing`` and ``sides`` compare them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from storybrief.analyze.lexicon import CLAUSE_WORDS
from storybrief.analyze.tokens import Context
from storybrief.text import STOPWORDS

WINDOW = 5
_END = itemgetter(2)


@dataclass(frozen=True)
class Value:
    kind: str  # count, number, duration, date, rank
    unit: frozenset[str]
    frame: str
    low: float
    high: float
    text: str
    start: int
    end: int
    norm: str
    context: frozenset[str]


def local_context(
    ctx: Context, toks: Sequence[tuple[str, int, int]], start: int, end: int
) -> frozenset[str]:
    """Content stems of the clause around [start, end), at most ``WINDOW`` tokens each way."""
    lo = bisect_right(toks, start, key=_END)  # first token ending after ``start``
    hi = lo
    while hi < len(toks) and toks[hi][1] < end:
        hi += 1
    if hi == lo:
        return frozenset()
    out: set[str] = set()
    for step, first in ((-1, lo - 1), (1, hi)):
        k, n = first, 0
        while 0 <= k < len(toks) and n < WINDOW:
            t = toks[k][0]
            low = t.lower()
            if low in CLAUSE_WORDS:
                break
            if t[0].isalpha() and low not in STOPWORDS:
                out.add(ctx.stem(t))
                n += 1
            k += step
    return frozenset(out)


__all__ = ["WINDOW", "Value", "local_context"]
