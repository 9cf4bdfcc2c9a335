"""What all renderers share: source numbering, labels, and the analysis in plain terms."""

from __future__ import annotations

from collections.abc import Iterable

from storybrief.model import Article, Brief, Citation, Quote


def source_numbers(brief: Brief) -> dict[str, int]:
    """Article id -> its 1-based number in the source list."""
    return {a.id: i for i, a in enumerate(brief.articles, start=1)}


def cited_numbers(brief: Brief, citations: Iterable[Citation]) -> list[int]:
    numbers = source_numbers(brief)
    return sorted({numbers[c.article] for c in citations if c.article in numbers})


def source_label(article: Article) -> str:
    """A short human label: the title, else the site, else the id."""
    parts = [article.title or article.id]
    if article.source:
        parts.append(article.source)
    if article.published:
        parts.append(article.published[:10])
    return " — ".join(parts)


def removed_summary(brief: Brief) -> tuple[int, int]:
    """(lines, characters) of boilerplate removed across all sources."""
    lines = sum(len(a.removed_lines) for a in brief.articles)
    chars = sum(a.removed_chars for a in brief.articles)
    return lines, chars


def independent_sources(brief: Brief) -> int:
    copies = {link.article for link in brief.copies if link.kind == "copy"}
    return sum(1 for a in brief.articles if a.id not in copies)


def summary_words(brief: Brief) -> int:
    return sum(len(s.text.split()) for s in brief.summary)


# Quotes shown in Markdown and HTML: the ones most independent sources carry, attributed
# first; every quote stays in the JSON.
SHOWN_QUOTES = 5


def shown_quotes(brief: Brief) -> tuple[list[Quote], int]:
    """The quotes to show and how many more the JSON holds."""
    quotes = list(brief.analysis.quotes) if brief.analysis else []
    ranked = sorted(quotes, key=lambda q: (-q.support, q.speaker is None))
    return ranked[:SHOWN_QUOTES], max(0, len(quotes) - SHOWN_QUOTES)


def speaker_label(q: Quote) -> str:
    """ "Sean Spicer, White House press secretary" (with the role when the source gives one)."""
    who = q.speaker or "unattributed"
    return f"{who}, {q.role}" if q.speaker and q.role else who
