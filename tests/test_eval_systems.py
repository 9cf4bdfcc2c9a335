"""The peer systems run offline and stay comparable; the oracle is a ceiling."""

from __future__ import annotations

import pytest

from storybrief.errors import ConfigError
from storybrief.eval.datasets import Cluster, load_clusters
from storybrief.eval.oracle import greedy_oracle
from storybrief.eval.rouge import Rouge, count_words
from storybrief.eval.summaries import evaluate_summaries
from storybrief.eval.systems import SYSTEMS, get_systems, lead_summarize

DOC_A = (
    "The river rose two metres overnight in the valley town.\n\n"
    "Residents moved furniture upstairs as water reached the square. "
    "The mayor opened the school gym as a shelter. "
    "Rain is expected to ease by Thursday, forecasters said."
)
DOC_B = (
    "Flooding hit the valley town after a night of heavy rain.\n\n"
    "About two hundred people spent the night in the school gym. "
    "Engineers will inspect the old stone bridge once the water falls."
)


def test_lead_takes_first_sentences_in_turn() -> None:
    out = lead_summarize([DOC_A, DOC_B], 20)
    assert out[0].startswith("The river rose")
    assert out[1].startswith("Flooding hit")


def test_sumy_runs_without_nltk_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    # Any attempt to reach NLTK's downloaded models would fail here, as it does offline.
    monkeypatch.setattr(nltk.data, "path", ["/nonexistent"])
    for name in ("lexrank", "textrank"):
        out = SYSTEMS[name].summarize([DOC_A, DOC_B], 30)
        assert out and all(isinstance(s, str) for s in out)
        assert all(s in DOC_A + DOC_B for s in out)


def test_summa_runs() -> None:
    out = SYSTEMS["summa"].summarize([DOC_A, DOC_B], 30)
    assert isinstance(out, str)


def test_oracle_is_at_least_as_good_as_lead() -> None:
    ref = "Two hundred people sheltered in the school gym after the river flooded the town."
    rouge = Rouge()
    oracle = greedy_oracle([DOC_A, DOC_B], ref, 25)
    lead = lead_summarize([DOC_A, DOC_B], 25)
    assert count_words(" ".join(oracle)) <= 25
    assert rouge.score(oracle, ref).rouge2 >= rouge.score(lead, ref).rouge2


def test_unknown_system_lists_the_choices() -> None:
    with pytest.raises(ConfigError, match="choose from"):
        get_systems(["nope"])


def test_evaluate_summaries_cuts_every_system_to_budget() -> None:
    clusters = [Cluster("c1", (DOC_A, DOC_B), "Floods forced people into the school gym.")]
    rep = evaluate_summaries(
        clusters, words=12, systems=["lead", "lexrank", "oracle"], resamples=20
    )
    assert [r.system for r in rep.results] == ["lead", "lexrank", "oracle"]
    assert all(r.failures == 0 and r.rouge1.n == 1 for r in rep.results)
    assert rep.result("oracle").rouge1.mean >= rep.result("lead").rouge1.mean
    d = rep.paired("oracle", "lead", "rouge1")
    assert d.diff.n == 1


def test_a_failing_system_is_counted_not_fatal() -> None:
    from storybrief.eval.systems import System, register

    def boom(documents: object, words: int) -> str:
        raise RuntimeError("bad cluster")

    register(System("boom-test", boom, "always fails"))
    try:
        rep = evaluate_summaries(
            [Cluster("c", (DOC_A,), "x y z")], words=10, systems=["boom-test"], resamples=5
        )
        r = rep.result("boom-test")
        assert r.failures == 1 and r.rouge1.mean == 0.0 and "bad cluster" in r.errors[0]
    finally:
        SYSTEMS.pop("boom-test")


def test_user_jsonl_dataset(tmp_path: object) -> None:
    import json
    from pathlib import Path

    path = Path(str(tmp_path)) / "mine.jsonl"
    path.write_text(
        json.dumps({"documents": [DOC_A, DOC_B], "summary": "Floods."}) + "\n", encoding="utf-8"
    )
    clusters = load_clusters(str(path))
    assert len(clusters) == 1 and clusters[0].documents == (DOC_A, DOC_B)


def test_unknown_dataset_says_what_is_valid() -> None:
    with pytest.raises(ConfigError, match="multinews"):
        load_clusters("nonsense")
