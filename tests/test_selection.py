"""The trained sentence scorer: its features, its model file, its selection."""

from __future__ import annotations

import json

import numpy as np
import pytest
from tests.conftest import shared_path

from storybrief.errors import ConfigError
from storybrief.model import Article
from storybrief.segment import segment
from storybrief.summarize import get_summarizer
from storybrief.summarize.centroid import CentroidSummarizer
from storybrief.summarize.selection import (
    FEATURES,
    LearnedSummarizer,
    SentenceModel,
    fold_clusters,
    sentence_features,
    shipped_model,
    shortlist,
)
from storybrief.summarize.table import build_table

STORY = [
    "The Harwick dam on the Tolle river failed on Monday night, flooding 40 homes. Crews "
    "evacuated 300 people to the school. The mayor, Ines Varga, said repairs would take weeks.",
    "Floodwater from the failed Harwick dam reached 40 homes on Monday, and 300 residents "
    "spent the night in the school gym. Ines Varga said the dam had been inspected in May.",
    "Share this article. Sign up for our newsletter to get the news every morning in your inbox.",
]


def _table() -> tuple:  # type: ignore[type-arg]
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(STORY)]
    return build_table(segment(arts))


def test_features_are_finite_and_one_row_per_shortlisted_sentence() -> None:
    table = _table()
    base = CentroidSummarizer()
    rows = shortlist(table, base, 300)
    x = sentence_features(table, rows, base)
    assert x.shape == (len(rows), len(FEATURES)) and np.isfinite(x).all()
    # the junk article is the least central one
    art = FEATURES.index("article_rank")
    junk = [k for k, r in enumerate(rows) if table.article[r] == 2]
    assert all(x[k, art] == 2 for k in junk)
    assert len(shortlist(table, base, 2)) == 2


def test_selection_fits_the_budget_and_a_model_decides_the_order() -> None:
    table = _table()
    rows = LearnedSummarizer().select(table, 25)
    assert rows and sum(int(table.n_words[r]) for r in rows) <= 25
    # a model that only wants long sentences picks the longest that fits first
    n = len(FEATURES)
    coef = [0.0] * n
    coef[FEATURES.index("log_words")] = 1.0
    longest = LearnedSummarizer(model=SentenceModel((0.0,) * n, (1.0,) * n, tuple(coef), 0.0))
    first = longest.select(table, 60)[0]
    cands = [r for r in range(len(table.texts)) if table.candidate[r]]
    assert table.n_words[first] == max(table.n_words[r] for r in cands)
    assert isinstance(get_summarizer("learned"), LearnedSummarizer)


def test_shipped_model_and_folds() -> None:
    folds = fold_clusters()
    ids = [c for cs in folds.values() for c in cs]
    assert len(ids) == len(set(ids)) and len(folds) >= 2
    assert shipped_model(next(iter(folds))) != shipped_model()
    with pytest.raises(ConfigError, match="no model for fold"):
        shipped_model("nope")
    with pytest.raises(ConfigError, match="needs"):
        SentenceModel((0.0,), (1.0,), (0.0,), 0.0)
    with pytest.raises(ConfigError, match="shortlist"):
        LearnedSummarizer(shortlist=0)


@pytest.mark.slow
def test_sentence_model_file_is_what_its_training_script_makes() -> None:
    """Retraining gives the shipped models back: the same probabilities on real sentences
    (the weights themselves may drift a little along directions that change nothing: some
    features are nearly collinear, and the solver's sums move with the machine)."""
    shared_path("multinews", "validation.jsonl")
    from storybrief.eval.datasets import load_clusters
    from storybrief.eval.summary_cv import DATASET, examples, model_path, train

    trained = train()
    shipped = json.loads(model_path().read_text(encoding="utf-8"))
    assert trained["features"] == shipped["features"] and trained.keys() == shipped.keys()
    x = np.concatenate([e.features for e in examples(load_clusters(DATASET, limit=30), 250)])
    pairs = [(trained["model"], shipped["model"])] + [
        (trained["folds"][f]["model"], shipped["folds"][f]["model"]) for f in shipped["folds"]
    ]
    for new, old in pairs:
        got = SentenceModel.from_dict(new).probability(x)
        want = SentenceModel.from_dict(old).probability(x)
        assert np.abs(got - want).max() < 0.01


@pytest.mark.parametrize("extra", [[], ["", "!!"], ["Only one sentence here about the dam."]])
def test_table_tfidf_is_scikit_learns_to_the_bit(extra: list[str]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from storybrief.summarize.table import analyzer, tfidf
    from storybrief.text import split_sentences

    texts = [s for t in STORY for s in split_sentences(t)] + extra
    want = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, dtype=np.float32)
    a = want.fit_transform(texts).tocsr()
    a.sort_indices()
    b = tfidf(texts, analyzer)
    assert a.shape == b.shape and a.dtype == b.dtype
    assert (a.indptr == b.indptr).all() and (a.indices == b.indices).all()
    assert (a.data == b.data).all()
    assert tfidf(["", "?"], analyzer).shape == (2, 1)
