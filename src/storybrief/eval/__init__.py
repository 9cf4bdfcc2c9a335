"""Evaluation harness: summaries (ROUGE), story clustering (B-cubed, ARI), extraction (F1).

Each evaluation runs storybrief through the same entry point users call, beside named
reference systems, on the same data and settings; ``storybrief eval`` prints the tables
and ``benchmarks/run_benchmarks.py`` writes them to docs/BENCHMARKS.md.
"""

from __future__ import annotations

from storybrief.eval.clustering import PRF, ari, bcubed, evaluate_clustering, groups_to_labels
from storybrief.eval.datasets import (
    DATASET_WORDS,
    Cluster,
    Page,
    StoryDoc,
    load_clusters,
    load_pages,
    load_story_docs,
)
from storybrief.eval.extraction import evaluate_extraction, match_counts, token_prf
from storybrief.eval.report import update_section
from storybrief.eval.rouge import Rouge, RougeF, UnicodeTokenizer, count_words, truncate_words
from storybrief.eval.stats import MeanCI, PairedDiff, bootstrap_mean, paired_bootstrap
from storybrief.eval.summaries import SummaryReport, SystemResult, evaluate_summaries
from storybrief.eval.systems import SYSTEMS, System, get_systems, register

__all__ = [
    "DATASET_WORDS",
    "PRF",
    "SYSTEMS",
    "Cluster",
    "MeanCI",
    "Page",
    "PairedDiff",
    "Rouge",
    "RougeF",
    "StoryDoc",
    "SummaryReport",
    "System",
    "SystemResult",
    "UnicodeTokenizer",
    "ari",
    "bcubed",
    "bootstrap_mean",
    "count_words",
    "evaluate_clustering",
    "evaluate_extraction",
    "evaluate_summaries",
    "get_systems",
    "groups_to_labels",
    "load_clusters",
    "load_pages",
    "load_story_docs",
    "match_counts",
    "paired_bootstrap",
    "register",
    "token_prf",
    "truncate_words",
    "update_section",
]
