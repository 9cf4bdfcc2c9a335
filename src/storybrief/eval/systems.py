"""Summarization systems compared by the harness, registered by name.

Every system has one contract, ``summarize(documents, words) -> str | list[str]``; the
harness then applies the same cut (``rouge.truncate_words``) to every output, so no system
gains from running long. The oracle also sees the reference (it is a ceiling, not a system).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storybrief.errors import ConfigError
from storybrief.eval.rouge import count_words
from storybrief.text import split_sentences

SummarizeFn = Callable[[Sequence[str], int], "str | list[str]"]


@dataclass(frozen=True)
class System:
    """A named summarizer; ``needs_reference`` marks the oracle, ``needs`` its import."""

    name: str
    summarize: Callable[..., str | list[str]]
    description: str
    needs: str | None = None
    needs_reference: bool = False
    # Given the cluster's id (``cluster_id=``): a system that picks its model by fold.
    needs_id: bool = False

    def available(self) -> str | None:
        """None when the system can run here, else why it cannot."""
        if self.needs is None:
            return None
        try:
            __import__(self.needs)
        except ImportError as exc:
            return f"{self.needs} not importable ({exc})"
        return None


SYSTEMS: dict[str, System] = {}


def register(system: System) -> System:
    SYSTEMS[system.name] = system
    return system


def get_systems(names: Sequence[str] | None = None) -> list[System]:
    """Systems by name, in the order given (all registered ones when ``names`` is None)."""
    if not names:
        return list(SYSTEMS.values())
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise ConfigError(
            f"unknown system(s) {', '.join(unknown)}: choose from {', '.join(SYSTEMS)}"
        )
    return [SYSTEMS[n] for n in names]


def storybrief_summarize(documents: Sequence[str], words: int) -> list[str]:
    """storybrief itself, through the same entry point users call."""
    from storybrief.pipeline import brief_texts

    brief = brief_texts(list(documents), words=words, analyze=False)
    return [s.text for s in brief.summary]


def storybrief_oof_summarize(documents: Sequence[str], words: int, *, cluster_id: str) -> list[str]:
    """storybrief with the long-brief scorer of the fold that never saw ``cluster_id`` (the
    shipped scorer for a cluster in no fold); short briefs use the centroid preset as the
    default does."""
    from storybrief.pipeline import brief_texts
    from storybrief.summarize import get_summarizer
    from storybrief.summarize.centroid import SHORT_BRIEF
    from storybrief.summarize.selection import LearnedSummarizer, fold_clusters, shipped_model

    summarizer = get_summarizer("default")
    if words > SHORT_BRIEF:
        fold = next((f for f, ids in fold_clusters().items() if cluster_id in ids), None)
        summarizer = LearnedSummarizer(model=shipped_model(fold))
    brief = brief_texts(list(documents), words=words, analyze=False, summarizer=summarizer)
    return [s.text for s in brief.summary]


def lead_summarize(documents: Sequence[str], words: int) -> list[str]:
    """First sentence of each document in turn, then the second of each, ... to the budget."""
    sents = [split_sentences(d) for d in documents]
    out: list[str] = []
    total, depth = 0, 0
    while total < words and any(depth < len(s) for s in sents):
        for doc in sents:
            if depth < len(doc) and total < words:
                out.append(doc[depth])
                total += count_words(doc[depth])
        depth += 1
    return out


def lexrank_summarize(documents: Sequence[str], words: int) -> list[str]:
    from storybrief.eval.sumy_offline import sumy_summarize

    return sumy_summarize(documents, words, algorithm="lexrank")


def textrank_summarize(documents: Sequence[str], words: int) -> list[str]:
    from storybrief.eval.sumy_offline import sumy_summarize

    return sumy_summarize(documents, words, algorithm="textrank")


def summa_summarize(documents: Sequence[str], words: int) -> str:
    from summa import summarizer

    # summa splits sentences itself; paragraphs keep documents apart.
    return str(summarizer.summarize("\n\n".join(documents), words=words, language="english"))


def oracle_summarize(documents: Sequence[str], words: int, *, reference: str) -> list[str]:
    from storybrief.eval.oracle import greedy_oracle

    return greedy_oracle(documents, reference, words)


register(
    System(
        "storybrief",
        storybrief_summarize,
        "storybrief.pipeline.brief_texts(analyze=False), the path users run",
        needs="storybrief.summarize",
    )
)
register(
    System(
        "storybrief-oof",
        storybrief_oof_summarize,
        "the same out of fold: each cluster scored by the sentence model trained without "
        "its fold (eval.summary_cv); short briefs: the centroid preset, as shipped",
        needs="storybrief.summarize",
        needs_id=True,
    )
)
register(System("lead", lead_summarize, "first sentences of each document in turn"))
register(System("lexrank", lexrank_summarize, "sumy LexRank (offline tokenizer)", needs="sumy"))
register(System("textrank", textrank_summarize, "sumy TextRank (offline tokenizer)", needs="sumy"))
register(System("summa", summa_summarize, "summa TextRank", needs="summa"))
register(
    System(
        "oracle",
        oracle_summarize,
        "greedy extractive oracle on ROUGE-1+2 F1 (sees the reference: a ceiling)",
        needs_reference=True,
    )
)
