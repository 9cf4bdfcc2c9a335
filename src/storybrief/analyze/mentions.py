"""A name found in a sentence, as every NER backend returns it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class Mention:
    """One occurrence of a name in a sentence, with votes on what kind of name it is."""

    article: str
    sentence: int
    surface: str
    votes: dict[str, float] = field(default_factory=dict)
    title: tuple[str, ...] = ()  # lower-case title words before a person's name

    def vote(self, kind: str, weight: float = 1.0) -> None:
        self.votes[kind] = self.votes.get(kind, 0.0) + weight


@lru_cache(maxsize=1 << 14)
def strip_possessive(tok: str) -> tuple[str, bool]:
    """``tok`` without a possessive ending, and whether it had one (memoised: asked for
    every token of every name span)."""
    for suf in ("’s", "'s", "’", "'"):
        if tok.endswith(suf) and len(tok) > len(suf):
            return tok[: -len(suf)], True
    return tok, False
