"""The brief: budget, no redundancy, citations that resolve and state the cited content."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import article
from storybrief.errors import ConfigError
from storybrief.model import Brief
from storybrief.pipeline import brief_articles, brief_texts
from storybrief.segment import segment
from storybrief.summarize import get_summarizer, summarize
from storybrief.summarize.table import analyzer, build_table

STORY = [
    "The council of Vennmark approved a new tram line on Tuesday. The line will link the "
    "harbour to the university in twelve stops. Construction starts next spring, the mayor "
    "said. Critics say the budget is too small for the work planned.",
    "Vennmark's council voted on Tuesday to build a new tram line. The line will link the "
    "harbour to the university in twelve stops. Shops along the route fear a long period of "
    "roadworks. The regional transport board will pay a third of the cost.",
    "A new tram line for Vennmark won council approval on Tuesday. The regional transport "
    "board will pay a third of the cost. Residents near the depot have started a petition "
    "against night work.",
]


def _cosine(a: str, b: str) -> float:
    wa, wb = set(analyzer(a)), set(analyzer(b))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def test_brief_within_budget_and_cites_every_source_that_states_it() -> None:
    arts = [article(t, id=f"a{i}") for i, t in enumerate(STORY)]
    brief = brief_articles(arts, words=40, analyze=False)
    assert brief.summary
    assert sum(len(s.text.split()) for s in brief.summary) <= 40
    twelve = [s for s in brief.summary if "twelve stops" in s.text]
    # Stated by two articles that share the sentence word for word (dedup links them as
    # partial copies): both are cited, and the shared passage counts once.
    for s in twelve:
        assert {c.article for c in s.citations} == {"a0", "a1"}
        assert s.support == 1
    assert any(c.kind == "partial" for c in brief.copies)


def test_one_fact_in_two_wordings_counts_twice() -> None:
    texts = list(STORY)
    texts[1] = texts[1].replace(
        "The line will link the harbour to the university in twelve stops.",
        "Trams will run from the harbour to the university, stopping twelve times.",
    )
    brief = brief_articles(
        [article(t, id=f"a{i}") for i, t in enumerate(texts)], words=40, analyze=False
    )
    (s,) = [s for s in brief.summary if "twelve stops" in s.text]
    assert {c.article for c in s.citations} == {"a0", "a1"}
    assert s.support == 2


def test_copies_count_as_one_source() -> None:
    arts = [article(STORY[0], id="orig"), article(STORY[0] + " Share this story.", id="copy")]
    brief = brief_articles(arts, words=60, analyze=False)
    assert brief.copy_of("copy") == "orig"
    for s in brief.summary:
        assert len({c.article for c in s.citations}) == 2
        assert s.support == 1


def test_different_numbers_are_not_cited_as_the_same_statement() -> None:
    arts = [
        article("The repair of the old dam will take two years, the engineers said.", id="x"),
        article("The repair of the old dam will take five years, the engineers said.", id="y"),
    ]
    result = summarize(segment(arts), words=30)
    for s in result.summary:
        assert len(s.citations) == 1


def test_no_redundant_pair_in_brief() -> None:
    arts = [article(t, id=f"a{i}") for i, t in enumerate(STORY * 2)]
    brief = brief_articles(arts, words=80, analyze=False)
    texts = [s.text for s in brief.summary]
    assert len(texts) == len(set(texts))
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert _cosine(a, b) < 0.8


def test_unknown_summarizer_lists_the_choices() -> None:
    with pytest.raises(ConfigError, match="lead"):
        get_summarizer("nope")


def test_budget_must_be_positive() -> None:
    with pytest.raises(ConfigError, match="words"):
        summarize(segment([article(STORY[0])]), words=0)


def test_empty_input_gives_empty_brief() -> None:
    brief = brief_articles([], analyze=False)
    assert brief.summary == () and brief.articles == ()


def test_json_round_trip_keeps_citations_resolvable() -> None:
    brief = brief_texts(STORY, words=50)
    again = Brief.from_dict(json.loads(json.dumps(brief.to_dict())))
    for s in again.summary:
        for c in s.citations:
            assert again.resolve(c)
    assert [s.text for s in again.summary] == [s.text for s in brief.summary]


# --- properties --------------------------------------------------------------------------

_WORD = st.sampled_from(
    [
        "harbour",
        "tram",
        "council",
        "mayor",
        "budget",
        "storm",
        "bridge",
        "river",
        "school",
        "vote",
        "strike",
        "port",
        "rail",
        "the",
        "a",
        "of",
        "to",
        "and",
        "in",
        "on",
        "said",
        "will",
        "new",
        "old",
        "two",
        "three",
    ]
)
_SENTENCE = st.lists(_WORD, min_size=6, max_size=18).map(lambda ws: " ".join(ws).capitalize() + ".")
_ARTICLE = st.lists(_SENTENCE, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_ARTICLE, min_size=1, max_size=5), words=st.integers(10, 120))
def test_every_citation_resolves_and_brief_sentences_exist(texts: list[str], words: int) -> None:
    brief = brief_texts(texts, words=words)
    assert sum(len(s.text.split()) for s in brief.summary) <= words
    for s in brief.summary:
        assert s.citations, "every brief sentence cites at least its own source"
        resolved = [brief.resolve(c) for c in s.citations]
        assert s.text in resolved  # the brief sentence exists verbatim in a source
        assert 1 <= s.support <= len({c.article for c in s.citations})


def test_seed_brief(seeds_dir) -> None:
    """On the real seeds: in budget, no redundant pair, every citation states the content."""
    from storybrief.pipeline import brief

    result = brief([seeds_dir], words=150)
    assert not result.rejected
    assert 0 < sum(len(s.text.split()) for s in result.summary) <= 150
    texts = [s.text for s in result.summary]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert _cosine(a, b) < 0.8, (a, b)
    for s in result.summary:
        brief_terms = set(analyzer(s.text))
        for c in s.citations:
            cited = result.resolve(c)
            cited_terms = set(analyzer(cited))
            shared = brief_terms & cited_terms
            # The cited sentence states most of the brief sentence, or the brief sentence
            # most of a shorter cited one (the same fact in fewer words).
            # (A sanity bound; citation precision is measured on annotated news: eval trust.)
            assert len(shared) >= 0.4 * min(len(brief_terms), len(cited_terms)), (s.text, cited)
    # at least one statement is carried by more than one independent source
    assert max(s.support for s in result.summary) >= 2


def test_table_sentence_lists_are_the_citation_frame() -> None:
    arts = [article(t, id=f"a{i}") for i, t in enumerate(STORY)]
    table = build_table(segment(arts))
    assert sum(len(v) for v in table.sentences.values()) == len(table.texts)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The council approved the new tram line on Tuesday.", True),
        ("Is the new tram line worth what the council will pay?", False),
        # a headline given a full stop after its question mark is still a question
        ("Flu at Carrow Town Hall: Is the Mayor Safe?.", False),
        ('The mayor asked the council "who will pay for the line?"', False),
        ('The mayor asked the council "who will pay for the line?".', False),
    ],
)
def test_questions_are_not_brief_candidates(sentence: str, expected: bool) -> None:
    arts = [article(sentence, id="a0")]
    assert bool(build_table(segment(arts)).candidate[0]) is expected


def test_short_briefs_use_a_flatter_position_prior() -> None:
    from storybrief.summarize.centroid import SHORT_BRIEF, CentroidSummarizer

    short, long = CentroidSummarizer.for_budget(SHORT_BRIEF), CentroidSummarizer.for_budget(250)
    assert 0 < short.index_decay < long.index_decay


def test_max_first_keeps_only_the_best_scored_first_sentences() -> None:
    from storybrief.summarize.centroid import SHORT_BRIEF, CentroidSummarizer

    table = build_table(segment([article(t, id=f"a{i}") for i, t in enumerate(STORY)]))
    for cap in (0, 1, 2):
        rows = CentroidSummarizer(max_first=cap).select(table, 200)
        assert sum(int(table.index[r]) == 0 for r in rows) <= cap
    assert CentroidSummarizer.for_budget(SHORT_BRIEF).max_first == 2
    assert CentroidSummarizer.for_budget(250).max_first is None
    with pytest.raises(ConfigError):
        CentroidSummarizer(max_first=-1)


def test_min_ratio_leaves_out_sentences_far_below_the_best() -> None:
    from storybrief.summarize.centroid import SHORT_BRIEF, CentroidSummarizer

    table = build_table(segment([article(t, id=f"a{i}") for i, t in enumerate(STORY)]))
    full = CentroidSummarizer().select(table, 200)
    assert CentroidSummarizer(min_ratio=0.0).select(table, 200) == full
    cand = np.flatnonzero(table.candidate)
    score = CentroidSummarizer().scored(table, cand)[1]
    for ratio in (0.5, 0.9, 1.0):
        rows = CentroidSummarizer(min_ratio=ratio).select(table, 200)
        assert rows and set(rows) <= set(full)  # the same picks, fewer of them
        kept = {int(r): float(v) for r, v in zip(cand, score, strict=True)}
        assert all(kept[r] >= ratio * score.max() - 1e-9 for r in rows)
    assert len(CentroidSummarizer(min_ratio=1.0).select(table, 200)) == 1
    assert CentroidSummarizer.for_budget(SHORT_BRIEF).min_ratio == 0.5
    assert CentroidSummarizer.for_budget(250).min_ratio == 0.0
    for bad in (-0.1, 1.5):
        with pytest.raises(ConfigError):
            CentroidSummarizer(min_ratio=bad)
