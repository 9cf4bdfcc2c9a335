"""ROUGE, the shared word-budget cut, and the bootstrap."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storybrief.errors import ConfigError
from storybrief.eval.rouge import Rouge, UnicodeTokenizer, count_words, truncate_words
from storybrief.eval.stats import bootstrap_mean, paired_bootstrap


@pytest.fixture(scope="module")
def rouge() -> Rouge:
    return Rouge()


def test_text_against_itself_is_one(rouge: Rouge) -> None:
    text = ["The council approved the new bridge on Tuesday.", "Work starts in May."]
    f = rouge.score(text, text)
    assert f.rouge1 == pytest.approx(1.0)
    assert f.rouge2 == pytest.approx(1.0)
    assert f.rougeLsum == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet="abcdé ñöşж北京 .", min_size=1, max_size=40), min_size=1, max_size=4)
)
def test_any_text_against_itself_is_one_or_empty(sentences: list[str]) -> None:
    f = Rouge().score(sentences, sentences)
    tokens = UnicodeTokenizer().tokenize(" ".join(sentences))
    if tokens:
        assert f.rouge1 == pytest.approx(1.0)
    else:
        assert f.rouge1 == 0.0


def test_non_ascii_words_count(rouge: Rouge) -> None:
    # With rouge-score's default tokenizer these two share nothing but "a".
    ref = "Zürich élève naïve café"
    assert rouge.score("Zürich élève naïve café", ref).rouge1 == pytest.approx(1.0)
    assert rouge.score("Мэр Москвы", "Мэр Москвы").rouge1 == pytest.approx(1.0)
    assert rouge.score("Мэр Москвы", "Губернатор Петербурга").rouge1 == 0.0


def test_tokenizer_matches_rouge_score_default_on_ascii() -> None:
    from rouge_score import tokenizers

    text = "The mayor's plans, drafted in 2019 (and re-drafted), were rejected: 7-2_x."
    assert UnicodeTokenizer().tokenize(text) == tokenizers.DefaultTokenizer(True).tokenize(text)


def test_known_value_against_rouge_score_default(rouge: Rouge) -> None:
    from rouge_score import rouge_scorer

    ref, pred = "the cat sat on the mat", "the cat lay on a mat"
    expected = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True).score(ref, pred)
    f = rouge.score(pred, ref)
    assert f.rouge1 == pytest.approx(expected["rouge1"].fmeasure, abs=1e-9)
    assert f.rouge2 == pytest.approx(expected["rouge2"].fmeasure, abs=1e-9)
    assert f.rouge1 == pytest.approx(4 / 6, abs=1e-9)  # the, cat, on, mat


def test_empty_summary_scores_zero(rouge: Rouge) -> None:
    assert rouge.score([], "Something happened.").rouge1 == 0.0


def test_truncate_keeps_whole_words_and_order() -> None:
    out = truncate_words(["One two three.", "Four five six seven."], 5)
    assert out == ["One two three.", "Four five"]
    assert count_words(" ".join(out)) == 5


def test_truncate_does_not_count_punctuation_tokens() -> None:
    out = truncate_words(["Alpha — beta gamma"], 2)
    assert out == ["Alpha — beta"]


def test_truncate_under_budget_is_unchanged() -> None:
    sents = ["Short one.", "Another."]
    assert truncate_words(sents, 100) == sents


def test_truncate_rejects_a_bad_budget() -> None:
    with pytest.raises(ConfigError, match="positive"):
        truncate_words(["x"], 0)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=60), max_size=6), st.integers(1, 30))
def test_truncate_never_exceeds_budget(sents: list[str], words: int) -> None:
    assert count_words(" ".join(truncate_words(sents, words))) <= words


def test_bootstrap_is_deterministic_with_a_seed() -> None:
    values = [0.1, 0.4, 0.35, 0.8, 0.2, 0.5, 0.45]
    a = bootstrap_mean(values, seed=7)
    b = bootstrap_mean(values, seed=7)
    c = bootstrap_mean(values, seed=8)
    assert a == b
    assert a.mean == pytest.approx(sum(values) / len(values))
    assert a.low <= a.mean <= a.high
    assert (c.low, c.high) != (a.low, a.high)


def test_bootstrap_of_nothing_is_marked_empty() -> None:
    assert bootstrap_mean([]).n == 0


def test_paired_bootstrap_sees_a_consistent_gain() -> None:
    base = [0.1 * i for i in range(20)]
    better = [b + 0.05 for b in base]
    d = paired_bootstrap(better, base, system_name="x", baseline_name="y")
    assert d.diff.mean == pytest.approx(0.05)
    assert d.significant and d.wins == 20 and d.losses == 0


def test_paired_bootstrap_needs_the_same_items() -> None:
    with pytest.raises(ConfigError, match="same items"):
        paired_bootstrap([0.1], [0.1, 0.2])
