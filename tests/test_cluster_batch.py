"""The sparse batch clusterer: exact average linkage, the pair model, no size limit."""

from __future__ import annotations

import dataclasses
import datetime
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import shared_path

from storybrief.cluster import cluster_batch
from storybrief.cluster.batch import BatchParams, pair_graph
from storybrief.cluster.linkage import average_link
from storybrief.cluster.pairs import FEATURES, PairModel, fold_topics, shipped_model
from storybrief.errors import ConfigError
from storybrief.model import Article


def _partition(labels: np.ndarray) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, set()).add(i)
    return {frozenset(g) for g in groups.values()}


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 40), st.floats(0.2, 0.9), st.integers(0, 2**31 - 1))
def test_sparse_average_link_equals_scipy_on_complete_graphs(
    n: int, threshold: float, seed: int
) -> None:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    x = np.random.default_rng(seed).random((n, 3))
    sim = x @ x.T
    sim /= sim.max()
    np.fill_diagonal(sim, 1.0)
    tree = linkage(squareform(1.0 - sim, checks=False), method="average")
    expected = fcluster(tree, t=1.0 - threshold, criterion="distance")
    rows, cols = np.triu_indices(n, 1)
    got = average_link(n, rows, cols, sim[rows, cols], threshold=threshold)
    assert _partition(got) == _partition(expected - 1)


def test_missing_edges_count_as_zero_similarity() -> None:
    # 0-1 and 1-2 are alike, 0-2 has no edge: {0, 1} then {0, 1} + 2 averages (0.9 + 0) / 2.
    rows, cols, w = np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.8])
    assert average_link(3, rows, cols, w, threshold=0.5).tolist() == [0, 0, 1]
    assert average_link(3, rows, cols, w, threshold=0.4).tolist() == [0, 0, 0]
    # labels are numbered by first item; a pair given twice counts once
    assert average_link(
        3, np.array([2, 1]), np.array([1, 2]), np.array([0.9, 0.9]), threshold=0.5
    ).tolist() == [0, 1, 1]
    assert average_link(0, rows[:0], cols[:0], w[:0], threshold=0.5).tolist() == []
    with pytest.raises(ConfigError, match="threshold must be positive"):
        average_link(3, rows, cols, w, threshold=0.0)


def test_shipped_model_reads_its_features_and_folds() -> None:
    model = shipped_model()
    assert len(model.coef) == len(FEATURES)
    folds = fold_topics()
    topics = [t for ts in folds.values() for t in ts]
    assert len(topics) == len(set(topics)) and len(folds) >= 2
    assert shipped_model(next(iter(folds))) != model
    with pytest.raises(ConfigError, match="no model for fold"):
        shipped_model("nope")
    with pytest.raises(ConfigError, match="needs"):
        PairModel((0.0,), (1.0,), (1.0,), 0.0)


def test_a_model_that_never_joins_keeps_every_article_apart() -> None:
    texts = ["The river flooded the town of Marlow on Monday, the mayor said."] * 4
    items = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    n = len(FEATURES)
    never = PairModel((0.0,) * n, (1.0,) * n, (0.0,) * n, -50.0)
    always = PairModel((0.0,) * n, (1.0,) * n, (0.0,) * n, 50.0)
    assert cluster_batch(items, model=never) == [[a.id] for a in items]
    assert cluster_batch(items, model=always) == [[a.id for a in items]]


def test_different_languages_are_never_joined() -> None:
    # Article.language comes from the extraction stage; a subclass stands in for it here.
    @dataclasses.dataclass(frozen=True)
    class Tagged(Article):
        language: str | None = None

    text = "Mayor Edith Vance closed the Quarry Lane school in Marlow after the river flood."
    items = [
        Tagged(id="en1", text=text, language="en"),
        Tagged(id="en2", text=text, language="en"),
        Tagged(id="de1", text=text, language="de"),
        Tagged(id="x", text=text),
    ]
    groups = cluster_batch(items)
    assert not any({"en1", "de1"} <= set(g) or {"en2", "de1"} <= set(g) for g in groups)
    assert any({"en1", "en2"} <= set(g) for g in groups)


def test_pair_graph_has_each_pair_once_and_finite_features() -> None:
    texts = [
        f"Storm {w} hit the coast of Brantley on Tuesday, cutting power to {n} homes."
        for w, n in (("Ada", 300), ("Ada", 310), ("Ben", 90), ("Ben", 95), ("Cy", 12))
    ]
    items = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    g = pair_graph(items, BatchParams())
    assert (g.rows < g.cols).all()
    assert len(set(zip(g.rows.tolist(), g.cols.tolist(), strict=True))) == len(g.rows)
    assert g.features.shape == (len(g.rows), len(FEATURES)) and np.isfinite(g.features).all()


@pytest.mark.slow
def test_batch_takes_more_than_the_old_dense_limit() -> None:
    # 6,000 real ECB+ articles (each dev article several times, dated apart so that each
    # copy round is its own week): the dense method refused more than 5,000.
    path = shared_path("ecbplus", "dev_docs.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    start = datetime.date(2024, 1, 1)
    items = [
        Article(
            id=f"{r['doc_id']}#{k}",
            text=r["text"],
            published=(start + datetime.timedelta(days=30 * k)).isoformat(),
        )
        for k in range(8)
        for r in rows
    ][:6000]
    groups = cluster_batch(items)
    story = {a.id: a.id.split("#")[1] for a in items}
    # copies months apart never share a story
    assert all(len({story[a] for a in g}) == 1 for g in groups)
