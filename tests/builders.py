"""Tiny builders that make articles inline for tests (see sumy's tests/utils.py)."""

from __future__ import annotations

from storybrief.model import Article, Disagreement


def article(text: str, id: str = "a", **kw: object) -> Article:
    return Article(id=id, text=text, **kw)  # type: ignore[arg-type]


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]


def flags(*texts: str) -> tuple[Disagreement, ...]:
    """The disagreements storybrief finds between ``texts``, one article each."""
    from storybrief.analyze import analyze
    from storybrief.segment import segment

    return analyze(segment(articles(*texts), ())).disagreements
