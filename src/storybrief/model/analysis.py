"""What the analyze stage finds in a story: quotes, entities, a timeline, disagreements."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from storybrief.model.fields import from_known, with_tuple
from storybrief.model.sources import Citation


@dataclass(frozen=True)
class Quote:
    """A direct quote, merged across the sources that carry it."""

    text: str
    speaker: str | None
    citations: tuple[Citation, ...]
    support: int = 1
    # The speaker's role as the source says it ("the White House press secretary").
    role: str | None = None
    # ``speaker`` describes someone the sources do not name ("a spokesman for the airline").
    described: bool = False

    def to_dict(self) -> dict[str, Any]:
        out = {
            "text": self.text,
            "speaker": self.speaker,
            "role": self.role,
            "citations": [c.to_dict() for c in self.citations],
            "support": self.support,
        }
        if self.described:
            out["speaker_described"] = True  # only when set: a named speaker's JSON as before
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            text=data["text"],
            speaker=data.get("speaker"),
            citations=tuple(Citation.from_dict(c) for c in data.get("citations", ())),
            support=int(data.get("support", 1)),
            role=data.get("role"),
            described=bool(data.get("speaker_described", False)),
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
        return with_tuple(from_known(cls, data), "articles")


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
