"""A line's verdict: its label (prose, weak, junk), the reason and its word count."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Label = Literal["prose", "weak", "junk"]

# Reasons that mark a line as part of a marketing or price block (used to absorb a stray
# prose-looking line that sits inside such a block at the end of a page).
STRONG_JUNK = frozenset({"call to action", "addresses the reader or sells", "price", "numbers"})


@dataclass(frozen=True)
class Verdict:
    label: Label
    reason: str
    words: int
    soft: bool = False  # prose, but only just: short, unpunctuated or a bullet


# Verdicts are immutable and few are distinct (a label, a reason, a word count, a flag), so
# each is built once: a frozen dataclass costs more to build than a cache look-up. The
# cache's bound caps its memory.
@lru_cache(maxsize=1 << 16)
def verdict(label: Label, reason: str, words: int, soft: bool = False) -> Verdict:
    """``Verdict(label, reason, words, soft)``, shared with every equal one made before."""
    return Verdict(label, reason, words, soft)
