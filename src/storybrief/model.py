"""The data model: small frozen dataclasses that every stage takes and returns.

Each type has ``to_dict`` / ``from_dict`` so the JSON output, the store and the HTTP
service all speak the same shapes. Field names are part of the JSON contract
(``docs/JSON.md``): rename one only with a schema version bump.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

SCHEMA_VERSION = "1.1"

T = TypeVar("T")


def _from(cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from a dict, ignoring keys it does not know (forward compatibility)."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class Article:
    """One news article, as read (``text`` raw) or after cleaning (``text`` clean).

    ``origin`` says where it came from (a path, ``path:line`` for JSONL), so every error
    and every citation can be traced back to an input.
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str | None = None
    # Filled by cleaning: characters and lines dropped as boilerplate.
    removed_chars: int = 0
    removed_lines: tuple[str, ...] = ()
    # ISO 639-1 code of the text's language (a record's own, else detected when cleaned).
    language: str | None = None
    # Where ``published`` came from: "record" (given with the input), "page" (the HTML's
    # metadata), "url" (a date in the address) or "text" (a dateline).
    published_source: str | None = None
    # The HTML extraction method that found ``text`` (None for text inputs): cleaning is
    # gentler with text an extractor already took from the page's layout.
    extraction: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["removed_lines"] = list(self.removed_lines)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        obj = _from(cls, data)
        return _replace_tuple(obj, "removed_lines")


@dataclass(frozen=True)
class Sentence:
    """A sentence of one article; ``index`` counts from 0 in that article's sentence list."""

    article: str
    index: int
    text: str
    paragraph: int = 0
    # A caption, credit, byline, correction, link or widget line (``segment.furniture``):
    # kept for citations, never a brief sentence, title or timeline event.
    furniture: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return _from(cls, data)


@dataclass(frozen=True)
class Segments:
    """One story cut into sentences, made once by ``storybrief.segment`` for every later stage.

    ``sentences`` maps each article id to its sentences in order (``Sentence.index`` is the
    position in that list, the frame every ``Citation`` uses); ``groups`` maps each article
    id to the id of its independent source (the original of its copy group, else itself).
    """

    articles: tuple[Article, ...]
    sentences: dict[str, tuple[Sentence, ...]]
    groups: dict[str, str]
    copies: tuple[CopyLink, ...] = ()

    def texts(self) -> dict[str, tuple[str, ...]]:
        """Article id -> its sentence texts: the citation frame a ``Brief`` carries."""
        return {a: tuple(s.text for s in sents) for a, sents in self.sentences.items()}


CopyKind = Literal["copy", "partial"]


@dataclass(frozen=True)
class CopyLink:
    """``article`` republishes ``of`` (kind ``copy``) or shares part of its text (``partial``).

    ``similarity`` is the Jaccard similarity of their word shingles, in [0, 1];
    ``containment`` is the share of ``article``'s shingles found in ``of``.
    """

    article: str
    of: str
    kind: CopyKind
    similarity: float
    containment: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CopyLink:
        return _from(cls, data)


@dataclass(frozen=True)
class Citation:
    """A pointer to sentence ``sentence`` of article ``article``."""

    article: str
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Citation:
        return _from(cls, data)


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
class Rejected:
    """An input that could not be used, and why (one line, naming the input)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rejected:
        return _from(cls, data)


# --- analysis: who said what, entities, dates, disagreements -------------------------


@dataclass(frozen=True)
class Quote:
    """A direct quote, merged across the sources that carry it."""

    text: str
    speaker: str | None
    citations: tuple[Citation, ...]
    support: int = 1
    # The speaker's role as the source says it ("the White House press secretary").
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "role": self.role,
            "citations": [c.to_dict() for c in self.citations],
            "support": self.support,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            text=data["text"],
            speaker=data.get("speaker"),
            citations=tuple(Citation.from_dict(c) for c in data.get("citations", ())),
            support=int(data.get("support", 1)),
            role=data.get("role"),
        )


EntityKind = Literal["person", "place", "organization", "other"]


@dataclass(frozen=True)
class Entity:
    """A named person, place or organisation; ``support`` counts independent sources."""

    name: str
    kind: EntityKind
    mentions: int
    support: int
    articles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["articles"] = list(self.articles)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return _replace_tuple(_from(cls, data), "articles")


@dataclass(frozen=True)
class TimelineEvent:
    """A dated statement: ``date`` is ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``)."""

    date: str
    text: str
    expression: str
    citations: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "text": self.text,
            "expression": self.expression,
            "citations": [c.to_dict() for c in self.citations],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEvent:
        return cls(
            date=data["date"],
            text=data["text"],
            expression=data.get("expression", ""),
            citations=tuple(Citation.from_dict(c) for c in data.get("citations", ())),
        )


@dataclass(frozen=True)
class Side:
    """One side of a disagreement: the value stated and the sentences that state it."""

    value: str
    text: str
    citations: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "text": self.text,
            "citations": [c.to_dict() for c in self.citations],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Side:
        return cls(
            value=data["value"],
            text=data["text"],
            citations=tuple(Citation.from_dict(c) for c in data.get("citations", ())),
        )


@dataclass(frozen=True)
class Disagreement:
    """Independent sources state different values about the same thing."""

    subject: str
    kind: str  # number, date, duration, count, name, negation
    sides: tuple[Side, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "kind": self.kind,
            "sides": [s.to_dict() for s in self.sides],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Disagreement:
        return cls(
            subject=data["subject"],
            kind=data.get("kind", ""),
            sides=tuple(Side.from_dict(s) for s in data.get("sides", ())),
        )


@dataclass(frozen=True)
class Analysis:
    """Everything the analyze stage finds in one story."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "timeline": [t.to_dict() for t in self.timeline],
            "disagreements": [d.to_dict() for d in self.disagreements],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            timeline=tuple(TimelineEvent.from_dict(t) for t in data.get("timeline", ())),
            disagreements=tuple(Disagreement.from_dict(d) for d in data.get("disagreements", ())),
        )


# --- the brief ------------------------------------------------------------------------


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
    words: int = 150
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
                    "words": a.words,
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
            words=int(data.get("words", 150)),
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
        return _replace_tuple(_from(cls, data), "articles")


def _replace_tuple(obj: T, name: str) -> T:
    from dataclasses import replace

    value = getattr(obj, name)
    if isinstance(value, tuple):
        return obj
    return replace(obj, **{name: tuple(value)})  # type: ignore[type-var]
