"""What the pipeline gives: briefs, their sentences, stories and lists of them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from storybrief.budget import DEFAULT_WORDS
from storybrief.model.analysis import Analysis
from storybrief.model.fields import SCHEMA_VERSION, from_known, with_tuple
from storybrief.model.sources import Article, Citation, CopyLink, Notice, Rejected


@dataclass(frozen=True)
class BriefSentence:
    """One sentence of the brief, with every article sentence that states the same thing.

    ``support`` counts independent sources: copies of one text count once.
    """

    text: str
    citations: tuple[Citation, ...]
    support: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "citations": [c.to_dict() for c in self.citations],
            "support": self.support,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BriefSentence:
        return cls(
            text=data["text"],
            citations=tuple(Citation.from_dict(c) for c in data.get("citations", ())),
            support=int(data.get("support", 0)),
        )


@dataclass(frozen=True)
class Brief:
    """The brief of one story: its sources, their sentences, the summary and the analysis.

    ``sentences`` maps each article id to its sentence list; every ``Citation`` in the
    brief resolves to ``sentences[citation.article][citation.sentence]``.
    """

    articles: tuple[Article, ...]
    sentences: dict[str, tuple[str, ...]]
    summary: tuple[BriefSentence, ...]
    copies: tuple[CopyLink, ...] = ()
    analysis: Analysis | None = None
    rejected: tuple[Rejected, ...] = ()
    title: str | None = None
    words: int = DEFAULT_WORDS  # the word budget
    story: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def copy_of(self, article_id: str) -> str | None:
        for link in self.copies:
            if link.article == article_id and link.kind == "copy":
                return link.of
        return None

    def resolve(self, citation: Citation) -> str:
        """The sentence a citation points to; raises ``KeyError``/``IndexError`` if dangling."""
        return self.sentences[citation.article][citation.sentence]

    def to_dict(self) -> dict[str, Any]:
        articles = []
        for a in self.articles:
            articles.append(
                {
                    "id": a.id,
                    "title": a.title,
                    "source": a.source,
                    "url": a.url,
                    "published": a.published,
                    "published_source": a.published_source,
                    "language": a.language,
                    "origin": a.origin,
                    "words": a.word_count,
                    "copy_of": self.copy_of(a.id),
                    "removed_chars": a.removed_chars,
                    "removed_lines": len(a.removed_lines),
                    "sentences": list(self.sentences.get(a.id, ())),
                }
            )
        return {
            "schema": f"storybrief.brief/{SCHEMA_VERSION}",
            "story": self.story,
            "title": self.title,
            "words": self.words,
            "articles": articles,
            "summary": [s.to_dict() for s in self.summary],
            "copies": [c.to_dict() for c in self.copies],
            "analysis": self.analysis.to_dict() if self.analysis else None,
            "rejected": [r.to_dict() for r in self.rejected],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        articles = []
        sentences: dict[str, tuple[str, ...]] = {}
        for a in data.get("articles", ()):
            articles.append(
                Article(
                    id=a["id"],
                    text=" ".join(a.get("sentences", ())),
                    title=a.get("title"),
                    source=a.get("source"),
                    url=a.get("url"),
                    published=a.get("published"),
                    origin=a.get("origin"),
                    removed_chars=int(a.get("removed_chars", 0)),
                    language=a.get("language"),
                    published_source=a.get("published_source"),
                )
            )
            sentences[a["id"]] = tuple(a.get("sentences", ()))
        analysis = data.get("analysis")
        return cls(
            articles=tuple(articles),
            sentences=sentences,
            summary=tuple(BriefSentence.from_dict(s) for s in data.get("summary", ())),
            copies=tuple(CopyLink.from_dict(c) for c in data.get("copies", ())),
            analysis=Analysis.from_dict(analysis) if analysis else None,
            rejected=tuple(Rejected.from_dict(r) for r in data.get("rejected", ())),
            title=data.get("title"),
            words=int(data.get("words", DEFAULT_WORDS)),
            story=data.get("story"),
            meta=dict(data.get("meta") or {}),
        )


@dataclass(frozen=True)
class Story:
    """A group of articles about one event, as kept by the store or found by clustering."""

    id: str
    title: str
    articles: tuple[str, ...]
    sources: int
    first_seen: str | None = None
    last_seen: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["articles"] = list(self.articles)
        d["size"] = len(self.articles)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return with_tuple(from_known(cls, data), "articles")


@dataclass(frozen=True)
class StoryBriefs:
    """One brief per story of a mixed input (``storybrief brief --per-story``): the
    stories found by clustering, each briefed alone, most sources first; the inputs that
    could not be used and the notices about used ones are listed once, here."""

    briefs: tuple[Brief, ...]
    rejected: tuple[Rejected, ...] = ()
    notices: tuple[Notice, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": f"storybrief.briefs/{SCHEMA_VERSION}",
            "briefs": [b.to_dict() for b in self.briefs],
            "rejected": [r.to_dict() for r in self.rejected],
            "warnings": [n.to_dict() for n in self.notices],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryBriefs:
        return cls(
            briefs=tuple(Brief.from_dict(b) for b in data.get("briefs", ())),
            rejected=tuple(Rejected.from_dict(r) for r in data.get("rejected", ())),
            notices=tuple(Notice.from_dict(n) for n in data.get("warnings", ())),
        )


@dataclass(frozen=True)
class StoryList:
    """The stories found in a mixed input (``storybrief cluster``), without briefs: most
    sources first; the inputs that could not be used, the notices about used ones, and
    how many articles were grouped."""

    stories: tuple[Story, ...]
    rejected: tuple[Rejected, ...] = ()
    notices: tuple[Notice, ...] = ()
    articles: int = 0
