"""Summarize: an extractive brief within a word budget, every sentence cited.

Summarizers are registered by name and share one contract: ``select(table, words)`` returns
the rows of the sentence table to put in the brief. Citation and ordering are the same for
all of them, so swapping the summarizer never weakens the citations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from storybrief.budget import DEFAULT_WORDS, check_words
from storybrief.errors import ConfigError
from storybrief.model import BriefSentence, Segments
from storybrief.summarize.centroid import CentroidSummarizer, reading_order
from storybrief.summarize.citations import cite
from storybrief.summarize.selection import BudgetAwareSummarizer, LearnedSummarizer
from storybrief.summarize.table import SentenceTable, build_table


class Summarizer(Protocol):
    def select(self, table: SentenceTable, words: int) -> list[int]: ...


@dataclass(frozen=True)
class LeadSummarizer:
    """The first sentences of each article in turn: the classic news baseline."""

    def select(self, table: SentenceTable, words: int) -> list[int]:
        by_article: dict[int, list[int]] = {}
        for row in range(len(table.texts)):
            if table.candidate[row]:
                by_article.setdefault(int(table.article[row]), []).append(row)
        chosen, used, depth = [], 0, 0
        while any(depth < len(v) for v in by_article.values()):
            for rows in by_article.values():
                if depth < len(rows):
                    n = int(table.n_words[rows[depth]])
                    if used + n <= words:
                        chosen.append(rows[depth])
                        used += n
            depth += 1
        return chosen


SUMMARIZERS: dict[str, Callable[[], Summarizer]] = {
    "default": BudgetAwareSummarizer,
    "centroid": CentroidSummarizer,
    "learned": LearnedSummarizer,
    "lead": LeadSummarizer,
}


def get_summarizer(name: str) -> Summarizer:
    try:
        return SUMMARIZERS[name]()
    except KeyError:
        valid = ", ".join(sorted(SUMMARIZERS))
        raise ConfigError(f"unknown summarizer {name!r}; choose one of: {valid}") from None


@dataclass(frozen=True)
class SummaryResult:
    sentences: dict[str, tuple[str, ...]]
    summary: tuple[BriefSentence, ...]


def summarize(
    segments: Segments,
    *,
    words: int = DEFAULT_WORDS,
    method: str | Summarizer = "default",
) -> SummaryResult:
    """Pick brief sentences from a segmented story within ``words`` words and cite their
    sources (``storybrief.segment.segment`` makes ``segments``)."""
    check_words(words)
    summarizer = get_summarizer(method) if isinstance(method, str) else method
    table = build_table(segments)
    rows = summarizer.select(table, words)
    rows = reading_order(table, rows)
    return SummaryResult(table.sentences, cite(table, rows))


__all__ = [
    "SUMMARIZERS",
    "CentroidSummarizer",
    "LearnedSummarizer",
    "LeadSummarizer",
    "SentenceTable",
    "SummaryResult",
    "build_table",
    "get_summarizer",
    "summarize",
]
