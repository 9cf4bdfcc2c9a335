"""Stories stay in one language: the online step never files an article under a story of
another known language (issue 15).

The online clusterer (``cluster.online``) compares term vectors and knows no languages, and
two reports in different languages can share their names and numbers. So the store hands
it a check (``admits``): a story whose known language differs from the article's known one
is passed over, and the article joins the most similar story it may join, or starts one
when none is similar enough. An article or story of unknown language joins any. A feed in
one language never meets the case, and its store is what it always was. Re-settling and
``recluster`` need nothing here: the batch method never joins two known languages
(``cluster.batch``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from storybrief.model import Article


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

    def admits(self, language: str | None) -> Callable[[str], bool] | None:
        """The online step's check for an article in ``language``: whether it may join a
        story (by id); None (no check) for an article of unknown language."""
        if not language:
            return None
        return lambda story: not self.differ(story, language)

    def differ(self, story: str, language: str | None) -> bool:
        """Whether an article in ``language`` may not join ``story``."""
        if not language:
            return False
        known = self.language_of(story)
        return known is not None and known != language
