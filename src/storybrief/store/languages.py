"""Stories stay in one language: the online step never files an article under a story of
another known language (issue 15).

The online clusterer (``cluster.online``) compares term vectors and knows no languages, and
two reports in different languages can share their names and numbers. So when it files an
article under a story whose known language differs from the article's known one, the store
takes the article out again: the story is rebuilt from its own articles and the article
starts a story of its own (``StoryClusterer.rebuild``, as a re-cluster does). An article
or story of unknown language joins any. A feed in one language never meets the case, and
its store is what it always was. Re-settling and ``recluster`` need nothing here: the
batch method never joins two known languages (``cluster.batch``).
"""

from __future__ import annotations

import sqlite3

from storybrief.cluster import StoryClusterer
from storybrief.model import Article
from storybrief.store.rows import ARTICLE_COLUMNS, article_of


class LanguageGuard:
    """The store writer's check; it remembers the open batch's originals (not written
    yet) with the clusterer's sequence number of each."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.reset()

    def reset(self) -> None:
        """The open batch was written (or rolled back)."""
        self._open: dict[str, list[tuple[Article, int]]] = {}

    def filed(self, story: str, article: Article, seq: int) -> None:
        """``article``, the clusterer's original number ``seq``, is filed under ``story``."""
        self._open.setdefault(story, []).append((article, seq))

    def language_of(self, story: str) -> str | None:
        """The known language of ``story``'s originals (one at most), if any."""
        for article, _ in self._open.get(story, ()):
            if article.language:
                return article.language
        row = self.db.execute(
            "SELECT language FROM articles WHERE story = ? AND copy_of IS NULL "
            "AND language IS NOT NULL LIMIT 1",
            (story,),
        ).fetchone()
        return None if row is None else str(row[0])

    def differ(self, story: str, language: str | None) -> bool:
        """Whether an article in ``language`` may not join ``story``."""
        if not language:
            return False
        known = self.language_of(story)
        return known is not None and known != language

    def split_off(self, clusterer: StoryClusterer, story: str, article: Article) -> str:
        """Take ``article``, just filed under ``story`` by the online step, out into a new
        story; its id. ``story`` is rebuilt from its own originals."""
        rows = self.db.execute(
            f"SELECT rank, {ARTICLE_COLUMNS} FROM (SELECT *, row_number() OVER (ORDER BY seq) "
            "AS rank FROM articles WHERE copy_of IS NULL) WHERE story = ? ORDER BY seq",
            (story,),
        ).fetchall()
        members = [(article_of(r[1:]), int(r[0])) for r in rows]
        members += self._open.get(story, [])
        new = clusterer.new_story_id()
        clusterer.rebuild([story], {story: members, new: [(article, clusterer.seq)]})
        return new
