"""The cross-validation protocol: folds by group, choices made on the other folds."""

from __future__ import annotations

import pytest
from tests.conftest import shared_path

from storybrief.errors import ConfigError
from storybrief.eval.cv import fold_index, group_folds, select_by_fold


def test_folds_partition_the_groups_deterministically() -> None:
    groups = [str(g) for g in range(1, 34)] * 3
    folds = group_folds(groups, k=5, seed=3)
    assert folds == group_folds(list(reversed(groups)), k=5, seed=3)
    assert folds != group_folds(groups, k=5, seed=4)
    flat = [g for f in folds for g in f]
    assert sorted(flat, key=int) == [str(g) for g in range(1, 34)]
    assert {len(f) for f in folds} <= {6, 7}
    assert fold_index(folds)[folds[2][0]] == 2
    with pytest.raises(ConfigError, match="cannot fill"):
        group_folds(["a", "b"], k=3)
    with pytest.raises(ConfigError, match="at least 2 folds"):
        group_folds(["a", "b"], k=1)


def test_each_fold_is_scored_with_the_choice_of_the_other_folds() -> None:
    # Items 0-1 in fold 0, 2-3 in fold 1. "a" wins fold 1's items, "b" fold 0's: each fold
    # therefore gets the other's winner, and its own (lower) score with it.
    scores = {"a": [0.1, 0.1, 0.9, 0.9], "b": [0.8, 0.8, 0.2, 0.2]}
    sel = select_by_fold(scores, [0, 0, 1, 1], folds=2)
    assert sel.chosen == ("a", "b")
    assert sel.oof == (0.1, 0.1, 0.2, 0.2)
    assert sel.full == "a" and sel.full_scores["b"] == pytest.approx(0.5)
    # ties go to the candidate listed first (the default)
    tie = select_by_fold({"d": [0.5, 0.5], "e": [0.5, 0.5]}, [0, 1], folds=2)
    assert tie.chosen == ("d", "d") and tie.oof_mean == 0.5
    with pytest.raises(ConfigError, match="2 scores for 3 items"):
        select_by_fold({"a": [0.1, 0.2]}, [0, 1, 1], folds=2)


@pytest.mark.slow
def test_pair_model_file_is_what_its_training_script_makes() -> None:
    """pair_model.json is reproducible: retraining on ECB+ dev gives the same weights."""
    shared_path("ecbplus", "dev_docs.jsonl")
    from storybrief.eval.cluster_cv import fold_batches, out_of_fold, shipped, train
    from storybrief.eval.datasets import load_story_docs

    batches = fold_batches(load_story_docs())
    trained = train(batches)
    from storybrief.linear import same_models

    assert same_models(trained, shipped())
    assert out_of_fold(batches, trained).prf.f1 >= 0.95
