"""The whole path from inputs to a brief, as one call per entry point.

``brief(inputs)`` reads files; ``brief_articles(articles)`` starts from ``Article`` objects
(raw text, cleaned here); ``brief_texts(texts)`` from plain strings, which is what the
evaluation harness uses, so benchmark numbers come from the same code path users run.
``brief_stories(inputs)`` clusters a mixed input first and briefs each story alone;
``find_stories(inputs)`` only groups it; ``brief_story(db, id)`` briefs a stored story
from the articles the store returns. How to brief is one ``BriefOptions``
(``storybrief.options``), made and validated once per call.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storybrief.model import Article, Brief, Rejected, Story, StoryBriefs, StoryList
from storybrief.options import BriefOptions

if TYPE_CHECKING:
    from storybrief.clean.batch import Cleaned
    from storybrief.summarize import Summarizer


def brief(
    inputs: Iterable[str | Path],
    *,
    words: int | None = None,
    analyze: bool | None = None,
    summarizer: str | Summarizer | None = None,
    max_bytes: int | None = None,
    options: BriefOptions | None = None,
) -> Brief:
    """Read ``inputs`` (files, folders, ``-`` for JSONL on stdin) and brief them as one story.

    Inputs that cannot be used (``max_bytes``: larger than this, per article) are listed
    in ``Brief.rejected`` with the reason; the rest are still briefed. How to brief:
    ``options`` (a ``BriefOptions``), with any keyword given here taking its place.
    """
    from storybrief.ingest import read_articles

    opts = _options(options, words, analyze, summarizer)
    read = {} if max_bytes is None else {"max_bytes": max_bytes}
    with _collector_paused():  # reading (and the imports it makes) too
        articles, rejected = read_articles(inputs, **read)
        return brief_articles(articles, options=opts, rejected=rejected)


def brief_texts(
    texts: Sequence[str],
    *,
    words: int | None = None,
    analyze: bool = False,
    summarizer: str | Summarizer | None = None,
) -> Brief:
    """Brief plain article texts (ids ``d0``, ``d1``, ...); without analysis unless asked,
    since the evaluation harness, its main user, scores the summary alone."""
    articles = [Article(id=f"d{i}", text=t, origin=f"document {i}") for i, t in enumerate(texts)]
    return brief_articles(articles, words=words, analyze=analyze, summarizer=summarizer)


def brief_articles(
    articles: Sequence[Article],
    *,
    words: int | None = None,
    analyze: bool | None = None,
    summarizer: str | Summarizer | None = None,
    rejected: Sequence[Rejected] = (),
    clean: bool = True,
    story: str | None = None,
    ner: str | None = None,
    language: str | None = None,
    options: BriefOptions | None = None,
) -> Brief:
    """Clean, deduplicate, segment, summarise (with citations) and analyse ``articles`` as
    one story; summarize and analyze both read the one segmentation.

    How to brief: ``options`` (a ``BriefOptions``; its defaults when not given), with any
    of ``words``, ``analyze``, ``summarizer``, ``ner``, ``language`` given here taking its
    place. ``language`` (``BriefOptions.language``): a brief is built from the articles of
    one language, by default (``"auto"``) the one most of them are in, else the one named
    (``"de"``); ``"all"`` keeps every one. The others are listed in ``Brief.rejected``."""
    opts = _options(options, words, analyze, summarizer, ner, language)
    with _collector_paused():
        return _brief_articles(articles, opts, rejected, clean, story)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a brief is made, back on after (unless it
    was off already). A brief allocates hundreds of thousands of tuples and lists (tokens,
    offsets, memos), so the collector ran some 150 times a 100-article brief and scanned
    every object alive each time: 0.1-0.15 s of 0.9. What a brief makes is freed by
    reference counting (it leaves no reference cycle: tests/test_pipeline_gc.py), so
    pausing it keeps no memory."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _brief_articles(
    articles: Sequence[Article],
    opts: BriefOptions,
    rejected: Sequence[Rejected],
    clean: bool,
    story: str | None,
) -> Brief:
    from storybrief.clean.batch import clean_articles
    from storybrief.dedup import find_copies
    from storybrief.lang import one_language
    from storybrief.segment import is_headline, names_its_text, segment
    from storybrief.summarize import summarize

    cleaned = clean_articles(articles, clean=clean, rejected=rejected)
    kept, other_languages = one_language(list(cleaned.articles), opts.language)
    kept = _unique_ids(kept)
    copies = find_copies(kept)
    segments = segment(kept, copies)
    result = summarize(segments, words=opts.words, method=opts.summarizer)
    analysis = None
    if opts.analysis and kept:
        from storybrief.analyze import analyze as run_analysis

        analysis = run_analysis(segments, ner=opts.ner)
    title = next(
        (
            a.title
            for a in kept
            if a.title and is_headline(a.title) and names_its_text(a.title, a.text)
        ),
        None,
    )
    return Brief(
        articles=tuple(kept),
        sentences=result.sentences,
        summary=result.summary,
        copies=tuple(copies),
        analysis=analysis,
        rejected=(*cleaned.rejected, *other_languages),
        title=title,
        words=opts.words,
        story=story,
        meta={"warnings": [n.to_dict() for n in cleaned.notices]} if cleaned.notices else {},
    )


def _options(
    options: BriefOptions | None,
    words: int | None,
    analyze: bool | None,
    summarizer: str | Summarizer | None,
    ner: str | None = None,
    language: str | None = None,
) -> BriefOptions:
    """The options of one call: ``options`` (else the defaults) with the keywords given."""
    base = options if options is not None else BriefOptions()
    return base.updated(
        words=words, analysis=analyze, summarizer=summarizer, ner=ner, language=language
    )


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Citations address articles by id, so ids must be unique within a brief."""
    seen: dict[str, int] = {}
    out = []
    for a in articles:
        if a.id in seen:
            seen[a.id] += 1
            a = replace(a, id=f"{a.id}~{seen[a.id]}")
        else:
            seen[a.id] = 0
        out.append(a)
    return out


def group_stories(
    articles: Sequence[Article], *, method: str = "auto", **params: Any
) -> list[tuple[Story, list[Article]]]:
    """Cleaned ``articles`` grouped into stories (``storybrief.cluster.cluster_articles``),
    each with its articles: ids ``c1``, ``c2``, ... in order of their first article, then
    listed with the most independent sources (copies of one text count once) first."""
    from storybrief.cluster import cluster_articles
    from storybrief.dedup import count_sources, find_copies, source_groups
    from storybrief.store.query import story_title

    by_id = {a.id: a for a in articles}
    found = []
    for i, ids in enumerate(cluster_articles(articles, method=method, **params), 1):
        members = [by_id[a] for a in ids]
        sources = count_sources(ids, source_groups(ids, find_copies(members)))
        dates = sorted(a.published for a in members if a.published)
        story = Story(
            f"c{i}",
            story_title(members[0]),
            tuple(ids),
            sources,
            dates[0] if dates else None,
            dates[-1] if dates else None,
        )
        found.append((story, members))
    found.sort(key=lambda sm: (-sm[0].sources, -len(sm[0].articles)))
    return found


def read_and_clean(inputs: Iterable[str | Path], *, max_bytes: int | None = None) -> Cleaned:
    """Read ``inputs`` and clean every article: what was kept (ids made unique), and every
    input rejected (unreadable, too large, no prose) with the reason."""
    from storybrief.clean.batch import clean_articles
    from storybrief.ingest import read_articles

    read = {} if max_bytes is None else {"max_bytes": max_bytes}
    articles, rejected = read_articles(inputs, **read)
    return clean_articles(_unique_ids(articles), rejected=rejected)


def find_stories(
    inputs: Iterable[str | Path],
    *,
    max_bytes: int | None = None,
    method: str = "auto",
    **params: Any,
) -> StoryList:
    """Read ``inputs``, clean them and group them into stories once (no store): the stories
    (see ``group_stories``), the inputs rejected and the notices about kept ones."""
    cleaned = read_and_clean(inputs, max_bytes=max_bytes)
    found = [s for s, _ in group_stories(cleaned.articles, method=method, **params)]
    return StoryList(tuple(found), cleaned.rejected, cleaned.notices, len(cleaned.articles))


def brief_stories(
    inputs: Iterable[str | Path],
    *,
    words: int | None = None,
    analyze: bool | None = None,
    summarizer: str | Summarizer | None = None,
    max_bytes: int | None = None,
    options: BriefOptions | None = None,
) -> StoryBriefs:
    """Read ``inputs``, group their articles into stories and brief each story alone (where
    ``brief`` makes one brief of everything given)."""
    opts = _options(options, words, analyze, summarizer)
    cleaned = read_and_clean(inputs, max_bytes=max_bytes)
    briefs = tuple(
        brief_articles(members, options=opts, clean=False, story=story.id)
        for story, members in group_stories(cleaned.articles)
    )
    # With a language named, a story in another one has nothing to brief: it is left out.
    return StoryBriefs(tuple(b for b in briefs if b.articles), cleaned.rejected, cleaned.notices)


def brief_story(
    db_path: str | Path | None,
    story_id: str,
    *,
    words: int | None = None,
    analyze: bool | None = None,
    summarizer: str | Summarizer | None = None,
    ner: str | None = None,
    options: BriefOptions | None = None,
) -> Brief:
    """The brief of one stored story, made here from the articles the store returns
    (stored cleaned: not cleaned again); raises ``UnknownStoryError`` for an unknown id.
    The story's stored title stands in when its articles name none."""
    from storybrief.store import open_store

    opts = _options(options, words, analyze, summarizer, ner)
    with open_store(db_path, create=False) as store:
        story = store.story(story_id)
        articles = store.articles(story_id)
    result = brief_articles(articles, options=opts, clean=False, story=story.id)
    if story.title and not result.title:
        result = replace(result, title=story.title)
    return result
