"""One article as the analysis sees it: its cited sentences and where paragraphs break."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storybrief.model import Citation, Segments


@dataclass(frozen=True)
class Doc:
    """An article's sentences (the citation frame), paragraph numbers and source group."""

    id: str
    group: str
    order: int
    published: date | None
    sentences: tuple[str, ...]
    paragraph: tuple[int, ...]
    furniture: tuple[bool, ...] = ()

    def cite(self, index: int) -> Citation:
        return Citation(self.id, index)


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def make_docs(segments: Segments) -> list[Doc]:
    """One ``Doc`` per article, in story order, from the segmentation's sentences."""
    docs = []
    for order, a in enumerate(segments.articles):
        sents: Sequence = segments.sentences.get(a.id, ())
        docs.append(
            Doc(
                a.id,
                segments.groups.get(a.id, a.id),
                order,
                parse_date(a.published),
                tuple(s.text for s in sents),
                tuple(s.paragraph for s in sents),
                tuple(s.furniture for s in sents),
            )
        )
    return docs
