"""Article rows: what the store writes for an article and how it reads one back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storybrief.model import Article

# The columns ``article_of`` reads, in its order.
ARTICLE_COLUMNS = (
    "id, text, title, source, url, published, origin, removed_chars, language, "
    "published_source, extraction"
)

INSERT_ARTICLE = (
    "INSERT INTO articles (id, hash, story, copy_of, source_group, title, source, url, "
    "published, origin, ts, text, removed_chars, shingles, signature, raw_hash, language, "
    "published_source, extraction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?)"
)


def article_of(row: Sequence[Any]) -> Article:
    """The article of a row of ``ARTICLE_COLUMNS``."""
    return Article(
        id=row[0],
        text=row[1],
        title=row[2],
        source=row[3],
        url=row[4],
        published=row[5],
        origin=row[6],
        removed_chars=row[7],
        language=row[8],
        published_source=row[9],
        extraction=row[10],
    )
