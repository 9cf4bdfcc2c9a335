"""What all renderers share: source numbering, labels, and the analysis in plain terms."""

from __future__ import annotations

from collections.abc import Iterable

from storybrief.model import Article, Brief, Citation, Entity, Quote, TimelineEvent


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
    """ "Sean Spicer, White House press secretary" (with the role when the source gives one);
    someone unnamed as described ("a spokesman for the airline", ``Quote.described``)."""
    who = q.speaker or "unattributed"
    return f"{who}, {q.role}" if q.speaker and q.role else who


# Timeline events shown in Markdown and HTML: each statement once (at its first date; a
# sentence naming two years is one event per year in the JSON), at most this many, those
# the most sources carry, in time order. On 20 Multi-News clusters a 150-word brief's
# Markdown ran to 220-820 words, up to 365 of them one cluster's timeline.
SHOWN_EVENTS = 8
# Names shown per kind (people, places, organisations), the most supported first.
SHOWN_NAMES = 10


def shown_timeline(brief: Brief) -> tuple[list[TimelineEvent], int]:
    """The timeline events to show, in time order, and how many more statements the JSON
    holds."""
    events = list(brief.analysis.timeline) if brief.analysis else []
    seen: set[str] = set()
    unique: list[TimelineEvent] = []
    for event in events:
        if event.text not in seen:
            seen.add(event.text)
            unique.append(event)
    best = sorted(range(len(unique)), key=lambda i: (-len(unique[i].citations), i))
    shown = [unique[i] for i in sorted(best[:SHOWN_EVENTS])]
    return shown, len(unique) - len(shown)


def shown_names(entities: Iterable[Entity], kind: str) -> tuple[list[Entity], int]:
    """The names of one kind to show, most independent sources first, and how many more."""
    of_kind = [e for e in entities if e.kind == kind]
    ranked = sorted(of_kind, key=lambda e: (-e.support, -e.mentions))
    return ranked[:SHOWN_NAMES], max(0, len(of_kind) - SHOWN_NAMES)


def plural(n: int, word: str) -> str:
    """ "1 boilerplate line", "3 boilerplate lines"."""
    return f"{n} {word}" + ("" if n == 1 else "s")
