"""Copy detection: republished copies grouped, partial overlaps marked, thresholds checked."""

from __future__ import annotations

import random

import pytest

from builders import article
from storybrief.dedup import (
    EXACT_UP_TO,
    CopyParams,
    count_sources,
    find_copies,
    source_groups,
)
from storybrief.errors import ConfigError

WIRE = (
    "The harbour authority of Lindqvist Bay reopened the northern pier on Monday after an "
    "eleven month closure caused by storm damage to its foundations. Engineers replaced "
    "forty wooden piles with concrete columns and raised the deck by half a metre to cope "
    "with higher tides. The ferry operator said the first crossings to the islands would "
    "resume on Wednesday morning with a reduced timetable. Local traders, who lost most of "
    "their summer custom while the pier was shut, welcomed the news but asked the council "
    "for help with the rent they owe for the months of closure."
)
OTHER = (
    "A chess club in the mountain village of Ostrava Dol celebrated its hundredth "
    "anniversary with a tournament that drew players from four countries. The oldest "
    "competitor was ninety two and the youngest was eight years old. The club's founder, a "
    "railway clerk, started it in a waiting room of the local station in the winter of its "
    "first year, and the station still lends it a room every Thursday evening."
)


def _random_words(rng: random.Random, n: int) -> str:
    vocab = [f"w{k}" for k in range(5000)]
    return " ".join(rng.choice(vocab) for _ in range(n)) + "."


def test_republished_copy_is_linked_to_its_original() -> None:
    original = article(WIRE, id="wire", published="2024-05-01")
    copy = article(
        "Posted by the Bay Courier. "
        + WIRE.replace("Monday", "Monday morning")
        + " Leave a comment below.",
        id="site",
        published="2024-05-02",
    )
    links = find_copies([copy, original])
    assert [(link.article, link.of, link.kind) for link in links] == [("site", "wire", "copy")]
    assert 0.5 <= links[0].similarity <= 1.0


def test_background_paragraph_only_is_partial_not_copy() -> None:
    rng = random.Random(3)
    shared = WIRE
    a = article(_random_words(rng, 150) + "\n\n" + shared, id="a")
    b = article(_random_words(rng, 150) + "\n\n" + shared, id="b")
    links = find_copies([a, b])
    assert len(links) == 1 and links[0].kind == "partial"
    assert 0.2 <= links[0].containment < 0.8


def test_unrelated_articles_are_not_linked() -> None:
    assert find_copies([article(WIRE, id="a"), article(OTHER, id="b")]) == []


def test_copy_groups_count_once() -> None:
    arts = [article(WIRE, id="a"), article(WIRE + " Share this.", id="b"), article(OTHER, id="c")]
    links = find_copies(arts)
    groups = source_groups([a.id for a in arts], links)
    assert count_sources(["a", "b", "c"], groups) == 2
    assert count_sources(["a", "b"], groups) == 1


def test_lsh_path_finds_the_same_copies_as_the_exact_path() -> None:
    rng = random.Random(7)
    bases = [_random_words(rng, 200) for _ in range(EXACT_UP_TO)]
    arts = [article(t, id=f"o{i}") for i, t in enumerate(bases)]
    # Every fifth article gets a republished copy with a new wrapper.
    arts += [
        article("Read more at our site. " + bases[i] + " Subscribe now.", id=f"c{i}")
        for i in range(0, EXACT_UP_TO, 5)
    ]
    assert len(arts) > EXACT_UP_TO  # exercises the LSH Ensemble path
    found = {(link.article, link.of) for link in find_copies(arts) if link.kind == "copy"}
    expected = {(f"c{i}", f"o{i}") for i in range(0, EXACT_UP_TO, 5)}
    # The original is the longer text, so either direction is fine: check the pairs.
    assert {frozenset(p) for p in found} == {frozenset(p) for p in expected}


@pytest.mark.parametrize("field", ["copy_jaccard", "copy_containment", "partial_containment"])
def test_params_are_validated_with_an_actionable_message(field: str) -> None:
    with pytest.raises(ConfigError, match=field):
        CopyParams(**{field: 1.3})


def test_seed_copies(seeds_dir) -> None:
    """The seeds' republished agency story is grouped; original reports are not copies."""
    from storybrief.ingest import read_articles
    from storybrief.pipeline import brief_articles

    articles, rejected = read_articles([seeds_dir])
    assert not rejected
    brief = brief_articles(articles, analyze=False)
    copies = {(link.article, link.of) for link in brief.copies if link.kind == "copy"}
    partial = {
        frozenset((link.article, link.of)) for link in brief.copies if link.kind == "partial"
    }
    ids = sorted(a.id for a in brief.articles)
    # 000 republishes the same agency story as 001 (different site wrapper).
    assert {frozenset(p) for p in copies} == {frozenset((ids[0], ids[1]))}
    # 002 rewrites the agency story around new quotes: it shares background paragraphs only.
    assert frozenset((ids[1], ids[2])) in partial
    # 003 and 004 are independent reports: never copies of anything.
    assert not any(ids[3] in p or ids[4] in p for p in copies)


# --- scale: exact copies collapse, large LSH buckets never expand into all pairs -------


def _near_identical(n: int, seed: int = 5) -> list:
    """``n`` versions of one text, each with one word changed: all copies of each other."""
    rng = random.Random(seed)
    words = WIRE.split()
    out = []
    for i in range(n):
        w = list(words)
        k = rng.randrange(len(w))
        w[k] = f"{w[k]}{i}"
        out.append(article(" ".join(w), id=f"n{i}"))
    return out


def test_exact_copies_collapse_and_keep_every_link() -> None:
    rng = random.Random(11)
    other = _random_words(rng, 120) + " " + WIRE[:400]
    arts = [article(WIRE, id=f"same{i}") for i in range(5)] + [article(other, id="other")]
    links = find_copies(arts)
    copies = [(x.article, x.of, x.similarity) for x in links if x.kind == "copy"]
    assert copies == [(f"same{i}", "same0", 1.0) for i in range(1, 5)]
    # The partial overlap is reported for each exact copy (the wire text is the share of
    # it more contained in the other), as when every pair was compared.
    partial = [(x.article, x.of) for x in links if x.kind == "partial"]
    assert partial == [(f"same{i}", "other") for i in range(5)]


def test_thousands_of_near_identical_articles_form_one_group() -> None:
    arts = _near_identical(1500)
    links = find_copies(arts)
    assert all(x.kind == "copy" and x.of == "n0" for x in links)
    assert len(links) == 1499  # every article but the original, each once


def test_a_large_bucket_compares_each_member_with_a_few_pivots() -> None:
    from storybrief.dedup.pairs import PIVOTS, pivot_pairs

    members = list(range(3000))
    calls: list[tuple[int, int]] = []

    def never_copies(i: int, j: int) -> bool:
        calls.append((i, j))
        return False

    pivot_pairs(members, members, lambda x, p: False, never_copies)
    assert len(calls) <= PIVOTS * len(members)  # linear, not 4.5 million pairs
    group: set[int] = {0}

    def all_copies(i: int, j: int) -> bool:
        calls.append((i, j))
        group.update((i, j))
        return True

    calls.clear()
    pivot_pairs(members, members, lambda x, p: x in group and p in group, all_copies)
    assert len(calls) == len(members) - 1 and group == set(members)


def test_groups_past_the_bucket_limit_match_all_pairs_compared() -> None:
    # Three texts, each republished many times with small edits, plus unrelated reports:
    # each text's versions fill LSH buckets past the limit, and still form one group each.
    from storybrief.dedup.pairs import BUCKET_PAIRS_UP_TO

    rng = random.Random(2)
    bases = [_random_words(rng, 120) for _ in range(3)]
    arts = []
    for b, base in enumerate(bases):
        words = base.split()
        for i in range(BUCKET_PAIRS_UP_TO + 20):
            w = list(words)
            w[rng.randrange(len(w))] = f"edit{b}x{i}"
            arts.append(article(" ".join(w), id=f"b{b}v{i}"))
    arts += [article(_random_words(rng, 150), id=f"u{i}") for i in range(30)]
    rng.shuffle(arts)
    groups = source_groups([a.id for a in arts], find_copies(arts))
    found = {}
    for aid, root in groups.items():
        found.setdefault(root, set()).add(aid)
    expected = [{a.id for a in arts if a.id.startswith(f"b{b}v")} for b in range(3)]
    assert sorted(map(sorted, found.values())) == sorted(
        [sorted(e) for e in expected] + [[f"u{i}"] for i in range(30)]
    )


def test_shared_counts_equal_set_intersections():
    import random

    from storybrief.dedup.pairs import shared_counts

    rng = random.Random(3)
    sets = [{rng.randrange(60) for _ in range(rng.randrange(0, 25))} for _ in range(12)]
    members = [0, 2, 3, 5, 7, 8, 9, 11]
    expected = {
        (i, j): len(sets[i] & sets[j])
        for i in members
        for j in members
        if i < j and sets[i] & sets[j]
    }
    assert shared_counts(sets, members) == expected
    assert shared_counts([set(), {1}], [0, 1]) == {}


def test_article_shingles_hash_the_text_shingles():
    import zlib

    from storybrief.dedup import SHINGLE, article_shingles
    from storybrief.model import Article
    from storybrief.text import shingles, words

    for text in (
        "",
        "Two words",
        "The council voted on Tuesday to reopen the old footbridge, the council said.",
        "A b c d e a b c d e a b c d e f",
    ):
        expected = {zlib.crc32(s.encode()) for s in shingles(words(text), SHINGLE)}
        assert article_shingles(Article(id="x", text=text)) == expected
