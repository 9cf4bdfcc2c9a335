"""A brief as the story page shows it: numbered sources with their copies grouped under
the original, and every citation resolved to its sentence, source and link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storybrief.model import Article, Brief, Citation
from storybrief.render.common import independent_sources, source_numbers
from storybrief.render.safety import safe_url


@dataclass(frozen=True)
class Cite:
    """One citation as a reader opens it."""

    number: int
    sentence: int
    text: str
    label: str
    url: str | None  # http(s) only

    @property
    def anchor(self) -> str:
        return f"s{self.number}-{self.sentence}"


@dataclass(frozen=True)
class SourceView:
    number: int
    article: Article
    url: str | None
    sentences: tuple[str, ...]
    copies: tuple[SourceView, ...] = ()
    shares: tuple[tuple[int, float], ...] = ()  # (source number, containment) of partial overlaps


def label(article: Article) -> str:
    return article.title or article.source or article.id


def span(first: str | None, last: str | None) -> str:
    """A story's time span as a reader reads it: "3 Jun 2024" or "3–5 Jun 2024"."""
    a, b = _day(first), _day(last)
    if a is None and b is None:
        return ""
    if a is None or b is None or a == b:
        return (a or b).strftime("%-d %b %Y")  # type: ignore[union-attr]
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.strftime('%-d %b %Y')}"
    if a.year == b.year:
        return f"{a.strftime('%-d %b')} – {b.strftime('%-d %b %Y')}"
    return f"{a.strftime('%-d %b %Y')} – {b.strftime('%-d %b %Y')}"


def _day(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:10])
    except ValueError:
        return None


class StoryView:
    """Everything the story page template reads."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.numbers = source_numbers(brief)
        self.by_id = {a.id: a for a in brief.articles}
        self.independent = independent_sources(brief)
        self.groups = self._groups()

    def cites(self, citations: tuple[Citation, ...]) -> list[Cite]:
        """The citations of one statement, one per source (its first cited sentence)."""
        out: dict[int, Cite] = {}
        for c in citations:
            n = self.numbers.get(c.article)
            sentences = self.brief.sentences.get(c.article, ())
            if n is None or n in out or not 0 <= c.sentence < len(sentences):
                continue
            article = self.by_id[c.article]
            out[n] = Cite(
                n, c.sentence, sentences[c.sentence], label(article), safe_url(article.url)
            )
        return [out[n] for n in sorted(out)]

    def _groups(self) -> list[SourceView]:
        copy_of: dict[str, str] = {}
        shares: dict[str, list[tuple[int, float]]] = {}
        for link in self.brief.copies:
            if link.of not in self.numbers:
                continue
            if link.kind == "copy":
                copy_of[link.article] = link.of
            else:
                shares.setdefault(link.article, []).append(
                    (self.numbers[link.of], link.containment)
                )

        def root(aid: str) -> str:
            seen = set()
            while aid in copy_of and aid not in seen:
                seen.add(aid)
                aid = copy_of[aid]
            return aid

        members: dict[str, list[Article]] = {}
        for a in self.brief.articles:
            if a.id in copy_of:
                members.setdefault(root(a.id), []).append(a)

        def view(a: Article, copies: tuple[SourceView, ...] = ()) -> SourceView:
            return SourceView(
                self.numbers[a.id],
                a,
                safe_url(a.url),
                self.brief.sentences.get(a.id, ()),
                copies,
                tuple(shares.get(a.id, ())),
            )

        return [
            view(a, tuple(view(c) for c in members.get(a.id, ())))
            for a in self.brief.articles
            if a.id not in copy_of
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "independent_sources": self.independent,
            "groups": [
                {"original": g.article.id, "copies": [c.article.id for c in g.copies]}
                for g in self.groups
            ],
        }
