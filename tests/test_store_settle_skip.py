"""A dated feed skips the re-settle points' writes (nothing to regroup): the store is the
one that writing at every point leaves, table by table, retired stories included."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storybrief.model import Article
from storybrief.store import open_store
from storybrief.store.writer import Writer
from storybrief.stream import ingest_into

# Invented vocabulary: each story draws its words from a topic of its own.
_SYLLABLES = ["bra", "tel", "mon", "qui", "dar", "vos", "len", "pri", "zor", "kat", "ume", "sil"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def _feed(n_stories: int, undated: bool, seed: int = 5) -> list[Article]:
    """Stories of 3 to 6 articles in two spells of 30 days, 40 days apart (the stories of
    the first retire as the second starts, some just after an update), in date order;
    with ``undated``, one article in twenty has no date."""
    rng = random.Random(seed)
    epoch = datetime(2024, 1, 1, tzinfo=UTC)
    items: list[tuple[float, Article]] = []
    for s in range(n_stories):
        topic = [_word(rng) for _ in range(30)]
        place = _word(rng).capitalize()
        start = rng.uniform(0, 30) + (70 if s % 2 else 0)
        for k in range(rng.randint(3, 6)):
            when = start + rng.uniform(0, 2)
            sentences = [
                f"The {rng.choice(topic)} of {place} "
                + " ".join(rng.choice(topic) for _ in range(rng.randint(8, 14)))
                + "."
                for _ in range(rng.randint(3, 6))
            ]
            dated = not (undated and rng.random() < 0.05)
            items.append(
                (
                    when,
                    Article(
                        id=f"a{s}-{k}",
                        text=" ".join(sentences),
                        published=(epoch + timedelta(days=when)).isoformat() if dated else None,
                    ),
                )
            )
    items.sort(key=lambda x: x[0])
    return [a for _, a in items]


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    try:
        out = {}
        for table in ("articles", "stories", "df", "lsh", "meta"):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            kept = [c for c in columns if c != "added"]  # the wall clock
            out[table] = sorted(con.execute(f"SELECT {', '.join(kept)} FROM {table}"), key=repr)
        return out
    finally:
        con.close()


def _store(tmp_path: Path, name: str, articles: list[Article]) -> Path:
    db = tmp_path / name
    with open_store(db, batch=40, clean=False) as store:
        for i in range(0, len(articles), 70):
            ingest_into(store, articles[i : i + 70], progress=False)
    return db


@pytest.mark.parametrize("undated", [False, True])
def test_skipped_settle_writes_leave_the_same_store(tmp_path, monkeypatch, undated) -> None:
    articles = _feed(80, undated)
    skipped = _tables(_store(tmp_path, "skipped.db", articles))
    settle = Writer._settle
    calls = []

    def always(self: Writer, clusterer: object) -> None:
        was = self._undated
        calls.append(was)
        self._undated = True  # write at every point, as before the skip
        settle(self, clusterer)
        self._undated = was

    monkeypatch.setattr(Writer, "_settle", always)
    written = _tables(_store(tmp_path, "written.db", articles))
    assert calls and (any(calls) if undated else not any(calls))
    con = sqlite3.connect(tmp_path / "written.db")
    retired = con.execute("SELECT count(*) FROM stories WHERE active = 0").fetchone()[0]
    con.close()
    assert retired > 0  # the feed retires stories: their last state is compared too
    for table, rows in written.items():
        assert skipped[table] == rows, table


@pytest.mark.parametrize("published", [None, "2024-03-02"])
def test_a_stored_undated_original_is_found_by_a_later_ingest(tmp_path, published) -> None:
    # The lookup reads the bands' undated rows only when the index holds one: here it does.
    rng = random.Random(3)
    topic = [_word(rng) for _ in range(40)]
    text = " ".join(
        f"The {rng.choice(topic)} " + " ".join(rng.choice(topic) for _ in range(12)) + "."
        for _ in range(8)
    )
    with open_store(tmp_path / "s.db", batch=10, clean=False) as store:
        ingest_into(store, [Article(id="first", text=text)], progress=False)
        later = Article(id="later", text=text + " Reporting by the desk.", published=published)
        report = ingest_into(store, [later], progress=False)
    (outcome,) = report.outcomes
    assert (outcome.action, outcome.of) == ("copy", "first")
