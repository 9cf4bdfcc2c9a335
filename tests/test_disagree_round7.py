"""Disagreement rules of issue 14 (seventh round), on invented sentences and names: the
street block one event happened on, anchored on the street rather than on shared words."""

from __future__ import annotations

from storybrief.analyze import analyze
from storybrief.analyze.blocks import block_claims
from storybrief.model import Article, Disagreement
from storybrief.segment import segment


def flags(*texts: str) -> tuple[Disagreement, ...]:
    articles = [Article(f"a{i}", t) for i, t in enumerate(texts)]
    return analyze(segment(articles, ())).disagreements


def test_abbreviated_and_written_out_streets_are_one_key() -> None:
    ((a, va),) = block_claims("Ilse Brandt was hurt in the 1200 block of N. Harrow Ave. at dawn.")
    ((b, vb),) = block_claims("The van stopped in the 1200 block of North Harrow Avenue.")
    assert a == b == "north harrow avenue"
    assert va.low == vb.low == 1200


def test_a_run_without_a_street_word_is_no_claim() -> None:
    assert not block_claims("Crews cleared the 400 block of Carrow by noon on the second day.")


def test_two_blocks_of_one_street_disagree() -> None:
    (d,) = flags(
        "Ilse Brandt was struck by a delivery van in the 1200 block of Harrow Avenue at dawn.",
        "A cyclist was badly hurt outside a bakery in the 1500 block of Harrow Avenue.",
    )
    assert {s.value for s in d.sides} == {
        "1200 block of Harrow Avenue",
        "1500 block of Harrow Avenue",
    }


def test_the_same_block_is_no_dispute() -> None:
    assert not flags(
        "Ilse Brandt was struck by a delivery van in the 1200 block of Harrow Avenue at dawn.",
        "A cyclist was badly hurt outside a bakery in the 1200 block of Harrow Ave.",
    )


def test_an_article_naming_two_blocks_of_the_street_tells_of_two_places() -> None:
    assert not flags(
        "The van hit a cyclist in the 1200 block of Harrow Avenue and then a pole in the 1900"
        " block of Harrow Avenue.",
        "A cyclist was badly hurt outside a bakery in the 1500 block of Harrow Avenue.",
    )


def test_blocks_of_two_streets_are_two_places() -> None:
    assert not flags(
        "Ilse Brandt was struck by a delivery van in the 1200 block of Harrow Avenue at dawn.",
        "A cyclist was badly hurt outside a bakery in the 1500 block of Molk Street.",
    )


def test_one_source_group_never_disagrees_with_itself() -> None:
    assert not flags(
        "Ilse Brandt was struck by a delivery van in the 1200 block of Harrow Avenue at dawn."
        " Later a cyclist was hurt in the 1500 block of Molk Street.",
    )
