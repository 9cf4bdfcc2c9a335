"""What every story store must hold however it was written: used by the reliability,
concurrency and soak tests."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def check_store(db: Path) -> int:
    """Assert the store at ``db`` is consistent; its number of articles.

    Integrity ok; every article in a story that exists; each story's counts equal to its
    rows and none empty; the clusterer's counters equal to the rows (one sequence number
    and one document per original, copies aside) and the story counter at or above every
    story number in use, so the next new story cannot take an existing id.
    """
    con = sqlite3.connect(db, timeout=30)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT count(*) FROM articles WHERE story NOT IN (SELECT id FROM stories)") == 0
        assert (
            one(
                "SELECT count(*) FROM stories s WHERE size != (SELECT count(*) FROM articles a "
                "WHERE a.story = s.id) OR sources != (SELECT count(DISTINCT source_group) FROM "
                "articles a WHERE a.story = s.id)"
            )
            == 0
        )
        assert one("SELECT count(*) FROM stories WHERE size = 0") == 0
        articles = int(one("SELECT count(*) FROM articles"))
        if articles:
            state = json.loads(one("SELECT value FROM meta WHERE key = 'state'"))
            originals = one("SELECT count(*) FROM articles WHERE copy_of IS NULL")
            assert state["n_docs"] == state["seq"] == originals, (state, originals)
            highest = one("SELECT max(CAST(substr(id, 2) AS INTEGER)) FROM stories")
            assert state["n_stories"] >= highest, (state, highest)
        return articles
    finally:
        con.close()
