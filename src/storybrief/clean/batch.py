"""Clean each article of a batch and collect what could not be used: the one loop the
pipeline, the CLI, the store and the service share.

Besides cleaning, this is where an article's fields are checked once for every entry
point: a ``published`` value that is no date is left out with a notice (it would sort and
cluster as undated anyway, and shown as it was it reads as a date).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from storybrief.clean import clean_article
from storybrief.errors import InputError
from storybrief.model import Article, Notice, Rejected
from storybrief.timestamps import parse_time


@dataclass(frozen=True)
class Cleaned:
    """The articles kept (cleaned, in input order), the inputs rejected with the reason,
    and notices about kept ones."""

    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...] = ()
    notices: tuple[Notice, ...] = ()


def check_fields(article: Article) -> tuple[Article, tuple[Notice, ...]]:
    """``article`` with fields that cannot be used left out, and a notice for each."""
    if article.published and parse_time(article.published) is None:
        notice = Notice(
            article.origin or article.id,
            f"published {article.published[:60]!r} is not a date "
            "(ISO 8601 or RFC 2822 expected); left out",
        )
        return replace(article, published=None), (notice,)
    return article, ()


def clean_one(
    article: Article, *, clean: bool = True
) -> tuple[Article | Rejected, tuple[Notice, ...]]:
    """One article checked and (unless ``clean`` is false) cleaned, or why it was rejected."""
    article, notices = check_fields(article)
    if not clean:
        return article, notices
    try:
        return clean_article(article), notices
    except InputError as exc:
        return Rejected(exc.origin, exc.reason), notices


def clean_articles(
    items: Iterable[Article | Rejected], *, clean: bool = True, rejected: Iterable[Rejected] = ()
) -> Cleaned:
    """Every article of ``items`` checked and cleaned; rejections (given ones first, then
    those in ``items``, in order) and notices collected."""
    kept: list[Article] = []
    out_rejected = list(rejected)
    notices: list[Notice] = []
    for item in items:
        if isinstance(item, Rejected):
            out_rejected.append(item)
            continue
        result, found = clean_one(item, clean=clean)
        notices.extend(found)
        if isinstance(result, Rejected):
            out_rejected.append(result)
        else:
            kept.append(result)
    return Cleaned(tuple(kept), tuple(out_rejected), tuple(notices))
