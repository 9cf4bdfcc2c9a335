"""Corroboration: the pair model behind citations, and independent origins behind support."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import articles
from storybrief.dedup import find_copies
from storybrief.segment import segment
from storybrief.segment.origins import count_origins, origins_from_groups, relays
from storybrief.summarize.support import (
    FEATURES,
    candidates,
    contradicts,
    facts,
    shipped_model,
    shipped_threshold,
)
from storybrief.summarize.table import build_table

STORY = (
    "The council of Vennmark approved a new tram line on Tuesday after a long debate. "
    "The line will link the harbour to the university in twelve stops. Construction "
    "starts next spring, the mayor said. Critics say the budget is too small.",
    "Vennmark's council voted on Tuesday to build a new tram line. Trams will run from "
    "the harbour to the university, stopping twelve times. Shops along the route fear "
    "roadworks. The regional transport board will pay a third of the cost.",
    "A new tram line for Vennmark won council approval on Tuesday. The regional transport "
    "board will pay a third of the cost. Residents near the depot started a petition.",
    "The city's football club lost its third match in a row on Sunday. Its coach said "
    "the team lacked energy. Fans booed the players as they left the field.",
)


def _no_copies(a: str, b: str) -> bool:
    return False


def test_a_passage_printed_in_another_article_is_one_origin() -> None:
    release = "The company will close its plant in Arden next year and move production abroad"
    passages = [
        ("a", f"{release}, the statement said."),
        ("b", f"In a release on Monday: {release.lower()}."),
    ]
    assert count_origins(passages, _no_copies) == 1


def test_one_fact_in_two_wordings_is_two_origins() -> None:
    passages = [
        ("a", "The company will close its plant in Arden next year."),
        ("b", "Arden's factory is to shut down in the coming year, the firm announced."),
    ]
    assert count_origins(passages, _no_copies) == 2


def test_a_relayed_report_counts_once_and_copies_count_once() -> None:
    assert relays("The fan asked, according to the Associated Press.")
    assert not relays("The fan asked, according to police.")
    passages = [
        ("a", "The fan asked about the jersey."),
        ("b", "The fan asked about the jersey, according to the Associated Press."),
        ("c", "A fan asked the club what went wrong with the jersey."),
    ]
    assert count_origins(passages, _no_copies) == 2
    assert origins_from_groups(passages, {"c": "a"}) == 1


def test_shared_passage_with_small_edits_counts_once_where_dedup_links_the_articles() -> None:
    passages = [
        (
            "a",
            "In the appeal, drafted once he had been flown to Carrow, he argues the judge erred.",
        ),
        (
            "b",
            "In the plea, drafted once he had been flown to Carrow, he argues that the judge erred.",
        ),
    ]
    assert count_origins(passages, _no_copies, {frozenset(("a", "b"))}) == 1


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.sampled_from(STORY[0].split(". ") + STORY[3].split(". ")), min_size=1, max_size=5)
)
def test_origins_never_exceed_the_articles(texts: list[str]) -> None:
    passages = [(f"a{i}", t) for i, t in enumerate(texts)]
    assert 1 <= count_origins(passages, _no_copies) <= len(passages)


def test_different_counts_of_one_thing_contradict() -> None:
    assert contradicts("The repair will take two years.", "The repair will take 5 years.")
    assert not contradicts("The repair will take two years.", "It takes 2 years to repair.")
    assert not contradicts("18 troops were wounded.", "Four rebels were killed.")
    assert facts("Twelve stops, not 12 stations.") == (frozenset({"12"}), True)


def test_the_shipped_model_file_matches_the_features_and_holds_every_fold() -> None:
    data = json.loads(
        resources.files("storybrief.summarize").joinpath("support_model.json").read_text("utf-8")
    )
    assert data["features"] == list(FEATURES)
    assert 0.0 < shipped_threshold() < 1.0
    assert data["part"] == "tune"
    for fold in data["folds"]:
        assert shipped_model(fold).FEATURES == FEATURES
    chosen = data["out_of_fold"][str(data["threshold"])]
    assert chosen["precision"] >= 0.95


def test_bounding_keeps_every_pair_the_model_would_cite() -> None:
    arts = articles(*STORY)
    table = build_table(segment(arts, find_copies(arts)))
    rows = list(range(len(table.texts)))
    model, threshold = shipped_model(), shipped_threshold()
    full = candidates(table, rows)
    bounded = candidates(table, rows, model=model, threshold=threshold)
    everything = {
        (int(q), int(r)): x for q, r, x in zip(full.query, full.row, full.features, strict=True)
    }
    p = model.probability(full.features)
    wanted = {pair for pair, x in zip(everything, p, strict=True) if x >= threshold}
    kept = {
        (int(q), int(r)): x
        for q, r, x in zip(bounded.query, bounded.row, bounded.features, strict=True)
    }
    assert wanted <= set(kept)
    for pair, x in kept.items():
        assert np.allclose(x, everything[pair])
    # A sentence is never its own article's candidate.
    assert all(table.article[rows[q]] != table.article[r] for q, r in everything)


def test_paraphrase_is_cited_and_an_unrelated_story_is_not() -> None:
    from storybrief.summarize.citations import supporting_rows

    arts = articles(*STORY)
    table = build_table(segment(arts, find_copies(arts)))
    twelve = next(r for r, t in enumerate(table.texts) if "twelve stops" in t)
    (support,) = supporting_rows(table, [twelve])
    cited = {int(table.article[r]) for r in support}
    assert 3 not in cited  # the football story
    assert 0 in cited


def test_trainer_counts_documents_the_way_citations_cite_them() -> None:
    from storybrief.eval.trust.support_cv import Example, Query, counts

    # Two queries; pairs: (query, candidate document, probability).
    ex = Example(
        "c",
        (Query(0, frozenset({1, 2})), Query(1, frozenset({0}))),
        np.array([0, 0, 0, 1, 1]),
        np.array([1, 1, 3, 0, 2]),
        np.zeros((5, len(FEATURES))),
        np.array([1.0, -1.0, 0.0, 1.0, 0.0]),
        frozenset({0, 1, 2, 3}),
    )
    p = np.array([0.9, 0.95, 0.85, 0.2, 0.9])
    # query 0 cites documents 1 (twice: once) and 3 (wrong), misses 2; query 1 cites 2 (wrong)
    assert counts(ex, p, 0.8) == (3, 3, 1)


def test_a_post_quoted_whole_in_another_article_is_one_origin() -> None:
    passages = [
        ("a", "No, I'm not running for the council."),
        ("b", '"No, I\'m not running for the council. Happy April 1!" he wrote on Saturday.'),
    ]
    assert count_origins(passages, _no_copies) == 1
