"""Disagreement rules of issue 14 (fourth round), on invented sentences and names."""

from __future__ import annotations

from storybrief.analyze import analyze
from storybrief.analyze.tokens import Context
from storybrief.analyze.values import values
from storybrief.model import Article, Disagreement
from storybrief.segment import segment


def flags(*texts: str) -> tuple[Disagreement, ...]:
    articles = [Article(f"a{i}", t) for i, t in enumerate(texts)]
    return analyze(segment(articles, ())).disagreements


def test_attackers_killed_counted_with_two_nouns_in_loosely_aligned_sentences() -> None:
    (d,) = flags(
        "It added that the troops killed two of the gunmen and arrested the third while a "
        "member of the border guard also lost his life.",
        '"Three militants were killed and a fourth was arrested in the clashes between '
        'border troops and an armed gang hiding in a farmhouse," the radio reported.',
    )
    assert {s.value for s in d.sides} == {"two of the gunmen", "Three militants"}


def test_a_generic_unit_shared_ties_no_loosely_aligned_counts() -> None:
    assert not flags(
        "It added that the troops killed two people and arrested the third while a member "
        "of the border guard also lost his life.",
        '"Three people were killed and a fourth was arrested in the clashes between '
        'border troops and an armed gang hiding in a farmhouse," the radio reported.',
    )


def test_a_unit_in_quotes_is_read() -> None:
    ctx = Context()
    (v,) = values(ctx, 'Radio Velt said three "militants" and a guard were killed.', None)
    assert v.unit == frozenset({"attacker"}) and v.text == 'three "militants"'
    (w,) = values(ctx, "Police said four “rebels” were killed.", None)
    assert w.text == "four “rebels”"
