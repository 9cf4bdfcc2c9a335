"""Online story clustering: invariants, parameters, time, and the ECB+ quality floor."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import shared_path

from storybrief.cluster import (
    BatchParams,
    ClusterParams,
    StoryClusterer,
    cluster_articles,
    cluster_batch,
)
from storybrief.cluster.channels import lead_of, number_counts, views
from storybrief.cluster.vectors import batch_vectors, neighbours
from storybrief.errors import ConfigError
from storybrief.model import Article

FLOOD = [
    "Heavy rain flooded the river town of Marlow on Monday and Mayor Edith Vance ordered "
    "the Quarry Lane school closed while crews pumped water from cellars.",
    "Mayor Edith Vance said Marlow would reopen the Quarry Lane school once the river fell; "
    "the flood reached cellars across the town after Monday's rain.",
    "In Marlow, volunteers helped Edith Vance's council clear mud from Quarry Lane after the "
    "river flood, and the school stays shut until inspectors approve it.",
]
CHESS = [
    "Grandmaster Ilya Brandt won the Harrowgate chess open on Sunday after a long endgame "
    "against the defending champion, taking the prize of 40,000 euros.",
    "The Harrowgate open ended with Ilya Brandt lifting the trophy; his endgame technique "
    "beat the champion and earned him 40,000 euros.",
]


def arts(texts: list[str], prefix: str = "a", **kw: str) -> list[Article]:
    return [Article(id=f"{prefix}{i}", text=t, **kw) for i, t in enumerate(texts)]  # type: ignore[arg-type]


METHODS = ["batch", "online"]


@pytest.mark.parametrize("method", METHODS)
def test_groups_two_unrelated_stories(method: str) -> None:
    items = arts(FLOOD, "f") + arts(CHESS, "c")
    groups = cluster_articles(items, method=method)
    assert sorted(map(sorted, groups)) == [["c0", "c1"], ["f0", "f1", "f2"]]


@pytest.mark.parametrize("method", [*METHODS, "auto"])
def test_empty_input_gives_no_groups(method: str) -> None:
    assert cluster_articles([], method=method) == []


@pytest.mark.parametrize("method", METHODS)
def test_same_kind_of_event_weeks_apart_is_a_new_story(method: str) -> None:
    early = [Article(id=f"e{i}", text=t, published="2024-03-01") for i, t in enumerate(FLOOD)]
    late = Article(id="late", text=FLOOD[0], published="2024-04-20")
    groups = cluster_articles([*early, late], method=method)
    assert ["late"] in groups


@pytest.mark.parametrize("method", METHODS)
def test_time_decay_within_the_window_still_joins(method: str) -> None:
    a = Article(id="a", text=FLOOD[0], published="2024-03-01T08:00:00Z")
    b = Article(id="b", text=FLOOD[1], published="2024-03-02T09:00:00+00:00")
    assert cluster_articles([a, b], method=method) == [["a", "b"]]


def _similarities(items: list[Article]) -> dict[tuple[int, int], float]:
    """Every pair's similarity as the batch's neighbour search sees it (all neighbours)."""
    p = BatchParams()
    nb = neighbours(
        batch_vectors(items),
        k=len(items),
        weights=p.weights,
        window_days=p.window_days,
        half_life_days=p.half_life_days,
    )
    return {
        (i, int(j)): float(s)
        for i in range(len(items))
        for j, s in zip(nb.index[i], nb.similarity[i], strict=True)
        if j >= 0
    }


def test_numbers_tell_two_events_of_one_kind_apart() -> None:
    # Two invented fundraisers: the same words and the same kind of figures, different sums.
    base = "The Wexcombe rowing club raised {} pounds at its annual regatta on the river."
    one = [Article(id=f"x{i}", text=base.format("12,400")) for i in range(2)]
    other = [Article(id=f"y{i}", text=base.format("3,950")) for i in range(2)]
    sim = _similarities([*one, *other])
    assert sim[(0, 1)] > sim[(0, 2)]
    assert number_counts("raised 12,400 and then 12400; not 15th or MP3") == number_counts(
        "12400 twice: 12,400"
    )


def test_views_and_lead() -> None:
    art = Article(id="v", title="Flood in Marlow", text=" ".join(FLOOD * 3))
    v = views(art)
    assert v.words and v.names and v.numbers == {} and v.lead
    assert len(lead_of(art.text, 5).split()) == 5
    assert lead_of("short text", 50) == "short text"


def test_neighbour_similarities_are_symmetric_and_bounded() -> None:
    items = arts(FLOOD + CHESS + ["", "12 34"])
    sim = _similarities(items)
    assert all(i != j for i, j in sim)  # never one's own neighbour
    assert all(sim.get((j, i)) == pytest.approx(s, abs=1e-6) for (i, j), s in sim.items())
    assert all(0 < s <= 1 + 1e-6 for s in sim.values())
    assert (0, 4) not in sim  # an empty text is no one's neighbour


def test_neighbours_out_of_the_time_window_never_meet() -> None:
    items = [
        Article(id="a", text=FLOOD[0], published="2024-03-01"),
        Article(id="b", text=FLOOD[1], published="2024-03-03"),
        Article(id="c", text=FLOOD[2], published="2024-05-01"),
    ]
    sim = _similarities(items)
    assert (0, 1) in sim and (0, 2) not in sim and (2, 1) not in sim


def test_batch_size_limit_and_auto_fallback() -> None:
    items = arts(FLOOD + CHESS)
    with pytest.raises(ConfigError, match="limited to 3 articles"):
        cluster_batch(items, max_articles=3)
    # auto falls back to the online clusterer above the limit: same groups here
    assert sorted(map(sorted, cluster_articles(items, max_articles=3))) == sorted(
        map(sorted, cluster_articles(items, method="online"))
    )


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"threshold": 0.0}, "threshold must be in"),
        ({"weights": (1.0, 1.0)}, "weights must be 4"),
        ({"weights": (0.0, 0.0, 0.0, 0.0)}, "at least one view weight"),
        ({"half_life_days": -1}, "half_life_days must be a positive"),
        ({"max_articles": 1}, "max_articles must be"),
        ({"min_similarity": 1.0}, "min_similarity must be in"),
    ],
)
def test_batch_parameters_are_validated(kw: dict[str, object], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        BatchParams(**kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"threshold": 1.3}, "threshold must be in"),
        ({"window_days": 0}, "window_days must be a positive"),
        ({"name_weight": -0.1}, "name_weight must be in"),
        ({"max_candidates": 0}, "max_candidates must be a positive integer"),
        ({"index_terms": 500}, "index_terms"),
    ],
)
def test_parameters_are_validated(kw: dict[str, float], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        StoryClusterer(**kw)  # type: ignore[arg-type]


def test_unknown_parameter_or_method_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="valid clustering parameters"):
        cluster_articles(arts(FLOOD), treshold=0.2)
    with pytest.raises(ConfigError, match="valid clustering parameters"):
        cluster_articles(arts(FLOOD), method="online", treshold=0.2)
    with pytest.raises(ConfigError, match="choose one of"):
        cluster_articles(arts(FLOOD), method="kmeans")


def test_params_are_stored_unchanged() -> None:
    c = StoryClusterer(threshold=0.4, window_days=3.0)
    assert c.params == ClusterParams(threshold=0.4, window_days=3.0)


def test_state_round_trip_gives_the_same_assignments() -> None:
    items = arts(FLOOD + CHESS + FLOOD[::-1], "x")
    whole = StoryClusterer()
    expected = [whole.add(a) for a in items]
    first = StoryClusterer()
    got = [first.add(a) for a in items[:3]]
    changed, _, _ = first.drain()
    second = StoryClusterer()
    second.restore(
        stories=list(first.stories.values()),
        df=first.df.copy(),
        n_docs=first.n_docs,
        n_stories=first.n_stories,
        seq=first.seq,
        latest_ts=first.latest_ts,
    )
    got += [second.add(a) for a in items[3:]]
    assert got == expected


words = st.text(alphabet="abcdefgh XYZ.", min_size=0, max_size=80)


@settings(max_examples=40, deadline=None)
@given(st.lists(words, max_size=12), st.integers(0, 2**16), st.sampled_from(METHODS))
def test_every_article_lands_in_exactly_one_group(texts: list[str], seed: int, method: str) -> None:
    items = arts(texts)
    random.Random(seed).shuffle(items)
    groups = cluster_articles(items, method=method)
    flat = [a for g in groups for a in g]
    assert sorted(flat) == sorted(a.id for a in items)
    assert all(groups)


def _bcubed(groups: list[list[str]], gold: dict[str, str]) -> tuple[float, float, float]:
    pred = {a: i for i, g in enumerate(groups) for a in g}
    size_p: dict[int, int] = {}
    size_g: dict[str, int] = {}
    both: dict[tuple[int, str], int] = {}
    for a, p in pred.items():
        size_p[p] = size_p.get(p, 0) + 1
        size_g[gold[a]] = size_g.get(gold[a], 0) + 1
        both[(p, gold[a])] = both.get((p, gold[a]), 0) + 1
    n = len(pred)
    prec = sum(both[(pred[a], gold[a])] / size_p[pred[a]] for a in pred) / n
    rec = sum(both[(pred[a], gold[a])] / size_g[gold[a]] for a in pred) / n
    return prec, rec, 2 * prec * rec / (prec + rec)


def test_bcubed_helper_by_hand() -> None:
    p, r, _ = _bcubed([["1", "2"], ["3", "4", "5"]], dict(zip("12345", "AAABB", strict=True)))
    assert p == pytest.approx(11 / 15) and r == pytest.approx(11 / 15)


@pytest.mark.gate
@pytest.mark.parametrize(("method", "floor"), [("batch", 0.95), ("online", 0.85)])
def test_ecbplus_bcubed_floor(method: str, floor: float) -> None:
    """Quality floors on real data, raw tokenized text in file order, all topics as one
    batch (measured: batch 0.967, in sample for its pair model; online 0.873). The gate
    pins the out-of-fold score (test_quality_gate.py)."""
    path = shared_path("ecbplus", "dev_docs.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    items = [Article(id=r["doc_id"], text=r["text"]) for r in rows]
    gold = {r["doc_id"]: r["cluster_id"] for r in rows}
    _, _, f1 = _bcubed(cluster_articles(items, method=method), gold)
    assert f1 >= floor


def test_a_barred_best_story_leaves_the_next_best_in_reach() -> None:
    """The store bars stories of another language (``admits``): the article then joins the
    most similar story it may join, not a new one (issue 15)."""
    lead = "The river council voted to reopen the Millbrook footbridge after two years of repairs."
    more = " Engineer Dana Okafor said the steel deck was replaced and the piers were reinforced."
    language = {"a1": "en", "a2": "de", "a3": "en"}
    texts = {"a1": lead, "a2": lead + more, "a3": lead + more}

    def run(admits: bool) -> dict[str, str]:
        clusterer = StoryClusterer()
        stories: dict[str, str] = {}
        for aid, text in texts.items():

            def check(story: str, lang: str = language[aid]) -> bool:
                return all(language[a] == lang for a, s in stories.items() if s == story)

            got = clusterer.assign(Article(id=aid, text=text), admits=check if admits else None)
            stories[aid] = got.story
        return stories

    blind = run(admits=False)
    assert blind["a2"] == blind["a1"] == blind["a3"]  # content alone: one story
    stories = run(admits=True)
    assert stories["a2"] != stories["a1"]  # barred from the only candidate: a story of its own
    assert stories["a3"] == stories["a1"]  # its best (a2's, German) barred: the next best


def test_admits_asks_only_down_to_the_threshold() -> None:
    clusterer = StoryClusterer()
    first = clusterer.assign(
        Article(id="a", text="Harbour cranes idle as dock strike enters day three.")
    )
    asked: list[str] = []

    def nobody(story: str) -> bool:
        asked.append(story)
        return False

    unrelated = Article(id="b", text="Orchestra announces a winter season of Baroque concerts.")
    assert clusterer.assign(unrelated, admits=nobody).new and asked == []
    again = Article(id="c", text="Harbour cranes idle as dock strike enters day three.")
    got = clusterer.assign(again, admits=nobody)
    assert got.new and asked == [first.story]
