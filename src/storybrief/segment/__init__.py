"""Segment: a story's articles as sentences with their paragraphs, and its independent sources.

The stage between dedup and summarize. It splits every article once (paragraph by
paragraph, so a heading or caption line is never glued to the next sentence) and groups
the articles into independent sources from the copy links; summarize and analyze both read
the result, neither rebuilds it.
"""

from __future__ import annotations

from collections.abc import Sequence

from storybrief.dedup import source_groups
from storybrief.model import Article, CopyLink, Segments, Sentence
from storybrief.segment.furniture import furniture_flags, is_furniture, is_headline
from storybrief.segment.runs import (
    credit_after_caption,
    embedded_post,
    headline_runs,
    markup_embed,
)
from storybrief.segment.titles import names_its_text
from storybrief.text import split_paragraph_sentences

__all__ = ["is_furniture", "is_headline", "names_its_text", "segment"]


def segment(articles: Sequence[Article], copies: Sequence[CopyLink] = ()) -> Segments:
    """``articles`` (cleaned, ids unique) as sentences, with their source groups."""
    sentences = {a.id: _sentences(a) for a in articles}
    groups = source_groups([a.id for a in articles], copies)
    return Segments(tuple(articles), sentences, groups, tuple(copies))


def _sentences(article: Article) -> tuple[Sentence, ...]:
    rows = list(split_paragraph_sentences(article.text))
    flags: list[bool] = []
    k = 0
    while k < len(rows):
        j = k
        while j < len(rows) and rows[j][0] == rows[k][0]:
            j += 1
        paragraph = [text for _, text in rows[k:j]]
        own = credit_after_caption(paragraph, furniture_flags(paragraph))
        flags.extend(markup_embed(paragraph, embedded_post(paragraph, own)))
        k = j
    flags = headline_runs(rows, flags)
    return tuple(
        Sentence(article.id, i, text, paragraph, flag)
        for i, ((paragraph, text), flag) in enumerate(zip(rows, flags, strict=True))
    )
