"""B-cubed and ARI on small cases computed by hand."""

from __future__ import annotations

import pytest

from storybrief.errors import ConfigError
from storybrief.eval.clustering import ari, bcubed, evaluate_clustering, groups_to_labels
from storybrief.eval.datasets import StoryDoc, detokenize


def test_perfect_clustering() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    r = bcubed({"a": "x", "b": "x", "c": "y"}, gold)
    assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
    assert ari({"a": "x", "b": "x", "c": "y"}, gold) == pytest.approx(1.0)


def test_all_in_one_cluster_by_hand() -> None:
    # gold {a,b} {c}; pred {a,b,c}: precision a,b = 2/3, c = 1/3 -> 5/9; recall 1.
    r = bcubed({"a": 0, "b": 0, "c": 0}, {"a": 1, "b": 1, "c": 2})
    assert r.precision == pytest.approx(5 / 9)
    assert r.recall == pytest.approx(1.0)
    assert r.f1 == pytest.approx(2 * (5 / 9) / (5 / 9 + 1))


def test_singletons_by_hand() -> None:
    # gold {a,b,c,d}; each alone: precision 1, recall 1/4.
    r = bcubed({"a": 0, "b": 1, "c": 2, "d": 3}, dict.fromkeys("abcd", "g"))
    assert r.precision == 1.0 and r.recall == pytest.approx(0.25)


def test_mixed_case_by_hand() -> None:
    # gold: {1,2,3} {4,5}; pred: {1,2} {3,4,5}
    # precision: 1,2 -> 1; 3 -> 1/3; 4,5 -> 2/3  => (2 + 1/3 + 4/3) / 5 = 11/15
    # recall: 1,2 -> 2/3; 3 -> 1/3; 4,5 -> 1     => (4/3 + 1/3 + 2) / 5 = 11/15
    gold = {1: "A", 2: "A", 3: "A", 4: "B", 5: "B"}
    pred = {1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    r = bcubed(pred, gold)
    assert r.precision == pytest.approx(11 / 15)
    assert r.recall == pytest.approx(11 / 15)


def test_missing_prediction_is_a_singleton() -> None:
    r = bcubed({"a": 0}, {"a": 1, "b": 1})
    assert r.precision == 1.0 and r.recall == pytest.approx(0.5)


def test_ari_of_unrelated_labelling_is_low() -> None:
    gold = {i: i % 2 for i in range(8)}
    pred = {i: i // 4 for i in range(8)}
    assert ari(pred, gold) < 0.1


def test_groups_to_labels_rejects_overlap() -> None:
    assert groups_to_labels([["a", "b"], ["c"]]) == {"a": 0, "b": 0, "c": 1}
    with pytest.raises(ConfigError, match="two clusters"):
        groups_to_labels([["a"], ["a"]])


def test_bcubed_needs_gold() -> None:
    with pytest.raises(ConfigError):
        bcubed({}, {})


def test_evaluate_clustering_baselines() -> None:
    docs = [
        StoryDoc("d1", "x", "s1", "1"),
        StoryDoc("d2", "y", "s1", "1"),
        StoryDoc("d3", "z", "s2", "1"),
    ]
    rep = evaluate_clustering(docs, systems=["singletons", "gold-topic"])
    assert rep.result("singletons").bcubed.precision == 1.0  # type: ignore[union-attr]
    assert rep.result("gold-topic").bcubed.recall == 1.0  # type: ignore[union-attr]


def test_detokenize() -> None:
    assert detokenize("He said , `` we do n't know . ''") == 'He said, "we don\'t know."'
