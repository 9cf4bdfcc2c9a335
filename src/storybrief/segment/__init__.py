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
from storybrief.text import split_paragraph_sentences

__all__ = ["segment"]


def segment(articles: Sequence[Article], copies: Sequence[CopyLink] = ()) -> Segments:
    """``articles`` (cleaned, ids unique) as sentences, with their source groups."""
    sentences = {
        a.id: tuple(
            Sentence(a.id, i, text, paragraph)
            for i, (paragraph, text) in enumerate(split_paragraph_sentences(a.text))
        )
        for a in articles
    }
    groups = source_groups([a.id for a in articles], copies)
    return Segments(tuple(articles), sentences, groups, tuple(copies))
