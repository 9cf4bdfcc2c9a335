"""Round 5 of selection (issue 17): the trained scorer's greedy has its own redundancy cap."""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from storybrief.summarize.centroid import CentroidSummarizer
from storybrief.summarize.selection import LEARNED_REDUNDANCY, LearnedSummarizer
from storybrief.summarize.table import SentenceTable


def _pair(cosine: float) -> SentenceTable:
    """Two invented sentences of two sources whose unit vectors meet at ``cosine``."""
    vectors = sparse.csr_matrix(
        np.array([[1.0, 0.0], [cosine, math.sqrt(1.0 - cosine**2)]], dtype=np.float32)
    )
    texts = [
        "Mayor Ilse Brandt of Carrow opened the new ferry pier on Friday.",
        "The Carrow ferry pier that Ilse Brandt opened cost the town twelve million.",
    ]
    return SentenceTable(
        article_ids=["a0", "a1"],
        sentences={"a0": (texts[0],), "a1": (texts[1],)},
        texts=texts,
        article=np.array([0, 1], dtype=np.int32),
        index=np.zeros(2, dtype=np.int32),
        position=np.zeros(2, dtype=np.float32),
        paragraph=np.zeros(2, dtype=np.int32),
        n_words=np.array([len(t.split()) for t in texts], dtype=np.int32),
        group=np.array([0, 1], dtype=np.int32),
        vectors=vectors,
        candidate=np.ones(2, dtype=bool),
    )


def test_the_scorer_greedy_admits_a_pair_the_long_centroid_preset_rejects() -> None:
    learned = LearnedSummarizer().base
    centroid = CentroidSummarizer.for_budget(250)
    assert centroid.redundancy < LEARNED_REDUNDANCY == learned.redundancy
    between = (centroid.redundancy + LEARNED_REDUNDANCY) / 2
    table, ranked = _pair(between), np.array([0, 1])
    assert learned.greedy(table, ranked, 250) == [0, 1]
    assert centroid.greedy(table, ranked, 250) == [0]
    # above the cap the scorer's greedy keeps one of the two as well
    assert learned.greedy(_pair(LEARNED_REDUNDANCY + 0.05), ranked, 250) == [0]


def test_the_cap_changes_only_the_greedy_not_what_the_scorer_reads() -> None:
    learned, centroid = LearnedSummarizer().base, CentroidSummarizer()
    table = _pair(0.2)
    rows = np.array([0, 1])
    assert np.array_equal(learned.scores(table, rows), centroid.scores(table, rows))
    for a, b in zip(learned.scored(table, rows), centroid.scored(table, rows), strict=True):
        assert np.array_equal(a, b)
