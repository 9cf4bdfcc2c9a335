"""Where an annotated span of a raw document landed in a brief's sentences.

Annotations point into the raw document; a brief holds the cleaned article split into
sentences. Text is compared after folding what cleaning may change (curly quotes,
dashes, runs of whitespace, case), so a span is found in the sentences that hold it; a
span cut up by cleaning falls back to the sentence sharing most of its words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from storybrief.text import RUNS

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD)).strip().casefold()


def words(text: str) -> list[str]:
    return RUNS.findall(fold(text))


class SentenceIndex:
    """The sentences of one article, folded and laid end to end for substring search."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self.sentences = list(sentences)
        folded = [fold(s) for s in sentences]
        self.starts: list[int] = []
        pos = 0
        for s in folded:
            self.starts.append(pos)
            pos += len(s) + 1
        self.text = " ".join(folded)
        self._words = [set(RUNS.findall(s)) for s in folded]

    def find(self, snippet: str, *, min_share: float = 0.6) -> list[int]:
        """Indices of the sentences holding ``snippet`` (empty if cleaning dropped it)."""
        target = fold(snippet)
        if not target or not self.sentences:
            return []
        at = self.text.find(target)
        if at >= 0:
            first = bisect_right(self.starts, at) - 1
            last = bisect_right(self.starts, at + len(target) - 1) - 1
            return list(range(first, last + 1))
        wanted = set(RUNS.findall(target))
        if not wanted:
            return []
        share = [len(wanted & w) / len(wanted) for w in self._words]
        best = max(range(len(share)), key=share.__getitem__)
        return [best] if share[best] >= min_share else []


def overlaps(text: str, snippet: str, *, min_share: float = 0.6) -> bool:
    """Whether ``text`` states ``snippet``: one holds the other, or most of the snippet's
    words are in the text."""
    a, b = fold(text), fold(snippet)
    if not a or not b:
        return False
    if b in a or a in b:
        return True
    want = set(RUNS.findall(b))
    return bool(want) and len(want & set(RUNS.findall(a))) / len(want) >= min_share


def share(text: str, snippet: str) -> float:
    """How fully ``text`` states ``snippet``: 1 when one holds the other, else the share of
    the snippet's words found in the text."""
    a, b = fold(text), fold(snippet)
    if not a or not b:
        return 0.0
    if b in a or a in b:
        return 1.0
    want = set(RUNS.findall(b))
    return len(want & set(RUNS.findall(a))) / len(want) if want else 0.0
