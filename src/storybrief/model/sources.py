"""The model's inputs and the frame of every citation: articles, their sentences and copy
links, and the inputs that could not be used."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from storybrief.model.fields import from_known, with_tuple


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
    def word_count(self) -> int:
        """Its length in whitespace-separated words (``"words"`` in a brief's JSON)."""
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["removed_lines"] = list(self.removed_lines)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        obj = from_known(cls, data)
        return with_tuple(obj, "removed_lines")


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
        return from_known(cls, data)


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
        return from_known(cls, data)


@dataclass(frozen=True)
class Citation:
    """A pointer to sentence ``sentence`` of article ``article``."""

    article: str
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Citation:
        return from_known(cls, data)


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
        return from_known(cls, data)


@dataclass(frozen=True)
class Notice:
    """Something worth telling about an input that was still used (one line, naming it):
    a date that could not be read, an id already taken by another text."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Notice:
        return from_known(cls, data)
