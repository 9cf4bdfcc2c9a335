"""Re-clustering stored stories with the batch method, which sees their articles all at
once instead of one by one (``storybrief recluster``, and the automatic re-settling of an
ingest: see ``cluster.settle``).

Originals are regrouped by ``cluster_batch``; copies follow their original. Each new group
keeps the id of the old story it shares most articles with, and the online clusterer goes
on from the regrouped stories.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from storybrief.cluster import StoryClusterer, cluster_batch
from storybrief.cluster.pairs import PairModel
from storybrief.errors import ConfigError
from storybrief.model import Article
from storybrief.store.rows import ARTICLE_COLUMNS, article_of
from storybrief.store.stories import restate


def regroup(
    db: sqlite3.Connection,
    clusterer: StoryClusterer,
    where: str,
    args: list[Any],
    max_articles: int | None,
    model: PairModel | None = None,
) -> tuple[int, int, int, int]:
    """Regroup the stories ``where`` picks with the batch method (``model``: its pair model,
    None for the shipped one), in the open transaction; (articles, stories before, stories
    after, articles moved)."""
    old = [r[0] for r in db.execute(f"SELECT id FROM stories WHERE {where}", args)]
    picked = f"SELECT id FROM stories WHERE {where}"
    # Originals (copies follow them), in arrival order, with the clusterer's sequence
    # number of each: the count of originals stored up to it.
    rows = db.execute(
        f"SELECT story, rank, {ARTICLE_COLUMNS} FROM (SELECT *, "
        "row_number() OVER (ORDER BY seq) AS rank FROM articles "
        f"WHERE copy_of IS NULL) WHERE story IN ({picked}) ORDER BY seq",
        args,
    ).fetchall()
    if max_articles is not None and len(rows) > max_articles:
        raise ConfigError(
            f"{len(rows)} articles in {len(old)} open stories; a re-cluster takes at "
            f"most {max_articles} at once: give a later since"
        )
    articles = [article_of(r[2:]) for r in rows]
    before = {r[2]: r[0] for r in rows}
    p = clusterer.params
    groups = cluster_batch(
        articles, window_days=p.window_days, half_life_days=p.half_life_days, model=model
    )
    story_of = keep_ids(groups, before, clusterer.new_story_id)
    seq_of = {r[2]: r[1] for r in rows}
    by_id = {a.id: a for a in articles}
    members: dict[str, list[tuple[Article, int]]] = {}
    for aid, sid in story_of.items():
        members.setdefault(sid, []).append((by_id[aid], seq_of[aid]))
    for group in members.values():
        group.sort(key=lambda m: m[1])
    for aid, copy_of, sid in db.execute(
        f"SELECT id, copy_of, story FROM articles WHERE story IN ({picked}) "
        "AND copy_of IS NOT NULL ORDER BY seq",
        args,
    ).fetchall():
        before[aid] = sid
        story_of[aid] = story_of.get(copy_of, sid)
    moved = [(sid, aid) for aid, sid in story_of.items() if before[aid] != sid]
    db.executemany("UPDATE articles SET story = ? WHERE id = ?", moved)
    clusterer.rebuild(old, members)
    restate(db, old, members)
    return len(story_of), len(old), len(members), len(moved)


def keep_ids(
    groups: list[list[str]], before: dict[str, str], new_id: Callable[[], str]
) -> dict[str, str]:
    """Story id of each article after a re-cluster: each group takes the id of the old
    story it shares most articles with (the largest overlaps choose first; an id goes to one
    group only); the others get new ids, in the order of their first article."""
    overlaps: dict[tuple[int, str], int] = {}
    for i, group in enumerate(groups):
        for aid in group:
            key = (i, before[aid])
            overlaps[key] = overlaps.get(key, 0) + 1
    named: dict[int, str] = {}
    taken: set[str] = set()
    for (i, sid), _ in sorted(overlaps.items(), key=lambda kv: (-kv[1], kv[0])):
        if i not in named and sid not in taken:
            named[i] = sid
            taken.add(sid)
    story_of: dict[str, str] = {}
    for i, group in enumerate(groups):
        sid = named[i] if i in named else new_id()
        for aid in group:
            story_of[aid] = sid
    return story_of
