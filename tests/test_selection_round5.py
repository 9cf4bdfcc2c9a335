"""Round 5 of selection (issue 17): the trained scorer's greedy has its own redundancy cap
and novelty floor."""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from storybrief.summarize.centroid import CentroidSummarizer
from storybrief.summarize.selection import (
    LEARNED_NOVELTY,
    LEARNED_REDUNDANCY,
    LearnedSummarizer,
)
from storybrief.summarize.table import SentenceTable


def _pair(cosine: float, vectors: np.ndarray | None = None) -> SentenceTable:
    """Two invented sentences of two sources whose unit vectors meet at ``cosine`` (or
    have the given ``vectors``)."""
    if vectors is None:
        vectors = np.array([[1.0, 0.0], [cosine, math.sqrt(1.0 - cosine**2)]])
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
        vectors=sparse.csr_matrix(vectors.astype(np.float32)),
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


def test_the_scorer_greedy_wants_more_that_is_new_than_the_long_centroid_preset() -> None:
    learned = LearnedSummarizer().base
    centroid = CentroidSummarizer.for_budget(250)
    assert centroid.min_novelty < LEARNED_NOVELTY == learned.min_novelty
    # Terms: 0 only the first sentence has; 1-3 both (the first barely); 4 only the second.
    # The second's share of weight in terms the first did not use sits between the two
    # floors, and the two are far under either redundancy cap.
    share = (centroid.min_novelty + LEARNED_NOVELTY) / 2
    new = 3 * share / (1 - share)
    rows = np.array([[1.0, 0.01, 0.01, 0.01, 0.0], [0.0, 1.0, 1.0, 1.0, new]])
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    table, ranked = _pair(0.0, rows), np.array([0, 1])
    assert float(rows[0] @ rows[1]) < centroid.redundancy
    assert centroid.greedy(table, ranked, 250) == [0, 1]
    assert learned.greedy(table, ranked, 250) == [0]
