"""Many writers, one consistent store: writers that commit between each other's batches,
an ingest waiting on its input holding no lock, and a busy store answered in one line."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.storecheck import check_store
from tests.test_store import corpus, write_jsonl

from storybrief.cli import main
from storybrief.errors import StoreBusyError
from storybrief.model import Article
from storybrief.store import open_store
from storybrief.stream import ingest_into

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT / "src"))


def test_a_writer_committing_between_another_writers_batches(tmp_path: Path) -> None:
    # A cron-style ingest of a few new stories lands between a big ingest's batches; the
    # big one must see it (new story ids, not the ones the other just took).
    db = tmp_path / "s.db"
    big = [a for a, _ in corpus(12, 3, seed=1)]
    small = [a for a, _ in corpus(3, 1, seed=2)]
    small = [
        Article(id=f"cron-{a.id}", text=a.text, title=a.title, published=a.published) for a in small
    ]
    cron = open_store(db)

    def feed() -> Iterator[Article]:
        for i, article in enumerate(big):
            if i in (7, 20):  # between the big ingest's batches (of 5)
                ingest_into(cron, small[: 1 + i % 2] if i == 7 else small[2:], progress=False)
            yield article

    with open_store(db, batch=5) as store:
        report = ingest_into(store, feed(), progress=False)
    cron.close()
    assert report.added == len(big) and not report.rejected
    assert check_store(db) == len(big) + len(small)


def test_a_batch_of_copies_never_writes_back_a_lower_story_counter(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    originals = [a for a, _ in corpus(4, 1, seed=3)]
    copies = [
        Article(id=f"copy{i}-{a.id}", text=a.text + f" Republished by outlet {i}.", title=a.title)
        for i in range(3)
        for a in originals
    ]
    others = [a for a, _ in corpus(3, 1, seed=4)]
    with open_store(db) as first:
        ingest_into(first, originals, progress=False)
        with open_store(db) as second:
            ingest_into(second, others, progress=False)  # new stories the first has not seen
        report = ingest_into(first, copies, progress=False)  # copies only: no new story
    assert report.copies == len(copies)
    check_store(db)
    with open_store(db) as later:  # and the next new story gets a free id
        assert (
            ingest_into(later, [a for a, _ in corpus(2, 1, seed=9)], progress=False).new_stories
            == 2
        )
    check_store(db)


def test_a_store_with_a_story_counter_left_too_low_heals_itself(tmp_path: Path) -> None:
    # What a store written by an older storybrief could hold after racing writers.
    db = tmp_path / "s.db"
    with open_store(db) as store:
        ingest_into(store, [a for a, _ in corpus(4, 1)], progress=False)
    con = sqlite3.connect(db)
    state = json.loads(con.execute("SELECT value FROM meta WHERE key = 'state'").fetchone()[0])
    state["n_stories"] = 1
    con.execute("UPDATE meta SET value = ? WHERE key = 'state'", (json.dumps(state),))
    con.commit()
    con.close()
    with open_store(db) as store:
        report = ingest_into(store, [a for a, _ in corpus(3, 1, seed=8)], progress=False)
    assert report.new_stories == 3
    check_store(db)


def test_three_batch_1_ingests_at_once(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    feeds = []
    for k in range(3):
        items = [
            (Article(id=f"w{k}-{a.id}", text=a.text, title=a.title, published=a.published), g)
            for a, g in corpus(8, 2, seed=20 + k)
        ]
        feeds.append(write_jsonl(tmp_path / f"feed{k}.jsonl", items))
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "storybrief",
                "ingest",
                "--db",
                str(db),
                "--batch",
                "1",
                "--no-progress",
                str(feed),
            ],
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for feed in feeds
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "Traceback" not in err
    assert check_store(db) == 3 * 16


def test_an_ingest_waiting_for_its_input_holds_no_lock(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    waiting = subprocess.Popen(
        [sys.executable, "-m", "storybrief", "ingest", "--db", str(db), "--no-progress", "-"],
        env=_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert waiting.stdin is not None
        for a, _ in corpus(2, 1, seed=5):
            waiting.stdin.write(json.dumps({"id": a.id, "text": a.text}) + "\n")
        waiting.stdin.flush()
        time.sleep(1.5)  # it has read them and waits for more
        other = write_jsonl(tmp_path / "other.jsonl", corpus(3, 1, seed=6))
        start = time.monotonic()
        result = CliRunner().invoke(
            main, ["ingest", "--db", str(db), "--no-progress", "--wait", "5", str(other)]
        )
        assert result.exit_code == 0, result.output
        assert time.monotonic() - start < 5
        _, err = waiting.communicate(timeout=60)  # closes its input: it stores what it read
    finally:
        if waiting.poll() is None:
            waiting.kill()
    assert waiting.returncode == 0, err
    assert "2 added" in err
    assert check_store(db) == 5


def test_a_busy_store_waits_a_bounded_time_then_says_so_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of a long batch
    try:
        items = [a for a, _ in corpus(2, 1)]
        with open_store(db, busy_timeout=0.3) as store:
            start = time.monotonic()
            with pytest.raises(StoreBusyError) as caught:
                ingest_into(store, items, progress=False)
            assert 0.25 < time.monotonic() - start < 5
        assert caught.value.retry_after > 0
        feed = write_jsonl(tmp_path / "feed.jsonl", corpus(2, 1))
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "storybrief",
                "ingest",
                "--db",
                str(db),
                "--wait",
                "0.3",
                "--no-progress",
                str(feed),
            ],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "is busy" in result.stderr and "try again in" in result.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store(db) as store:  # once the other writer is done, all goes on
        assert ingest_into(store, [a for a, _ in corpus(2, 1)], progress=False).added == 2
    check_store(db)


_RACE = """
import sys, time
from pathlib import Path
from storybrief.store.connection import connect
start = float(sys.argv[2])
while time.time() < start:
    pass
connect(Path(sys.argv[1]), 30.0).close()
"""


def test_writers_opening_a_new_store_at_the_same_moment_all_get_in(tmp_path: Path) -> None:
    # The switch to the WAL journal is raced on a new file; SQLite answers the losers
    # "database is locked" at once, without its busy wait (one opener in five failed).
    import time

    for n in range(8):
        db = tmp_path / f"s{n}.db"
        start = str(time.time() + 0.5)
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _RACE, str(db), start],
                env=_env(),
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        for p in procs:
            _, err = p.communicate(timeout=60)
            assert p.returncode == 0, err
