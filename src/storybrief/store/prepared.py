"""What the store takes: articles prepared outside it (``storybrief.stream.prepare``:
cleaned, fingerprinted, their terms counted), inputs already rejected, and inputs known
to be stored already; and the digests that tell texts apart."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from storybrief.model import Article, Notice, Rejected


class Prepared(NamedTuple):
    """An article ready for the store (cleaned unless the store keeps text as given), or
    the reason it was rejected (``article`` is then the input, for its id)."""

    article: Article
    rejected: tuple[str, str] | None  # (origin, reason)
    digest: str
    n_shingles: int
    signature: np.ndarray
    band_keys: list[int]
    counts: tuple[dict[int, float], dict[int, float]] | None  # features.term_counts
    raw_digest: str = ""  # of the input as it came (see ``raw_digest_of``)
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Stored:
    """An input known to be stored already (its id, with the same input)."""

    origin: str
    id: str


# One input as the store's writer takes it.
Item = Prepared | Rejected | Stored


def digest_of(text: str) -> str:
    """SHA-1 of the text with its whitespace collapsed, in lower case: equal digests mean
    the same text, so re-ingesting it is a no-op."""
    # " ".join(split()) is normalize_space (the same whitespace), several times faster.
    return hashlib.sha1(" ".join(text.split()).lower().encode("utf-8")).hexdigest()


def raw_digest_of(article: Article) -> str:
    """SHA-1 of an input article's title and text exactly as they came: an article whose
    id is stored with this digest is known to be stored before it is cleaned again, which
    keeps a re-run of a large ingest as fast as reading its inputs."""
    raw = f"{article.title or ''}\0{article.text}"
    return hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()
