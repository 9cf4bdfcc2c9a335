"""The SQLite connection of a store: opened once with its settings, and SQLite's errors as
the library's.

WAL journal, so readers never block the writer nor see half a batch; a writer waits
``busy_timeout`` seconds for another to finish its batch, then gives up with a
``StoreBusyError`` that says when to retry.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storybrief.errors import StoreBusyError, StoreError

# How long a writer waits for another to finish its batch before giving up with a
# ``StoreBusyError``; a batch of 500 takes a few seconds, a re-cluster of 5,000 longer.
BUSY_TIMEOUT_S = 30.0
# What a writer that gave up is told to wait before trying again.
RETRY_AFTER_S = 5.0
# The LSH and article indexes outgrow SQLite's default 2 MB page cache within a few
# thousand articles; a bounded 64 MB keeps index updates off the disk.
CACHE_KIB = 64 * 1024


def connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are begun explicitly), usable from
    any thread (the service hands it between worker threads, one at a time)."""
    db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
    db.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
    _wal(db, busy_timeout)
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(f"PRAGMA cache_size={-CACHE_KIB}")
    return db


def _wal(db: sqlite3.Connection, busy_timeout: float) -> None:
    """Switch ``db`` to the WAL journal. On a new store, writers opening it at the same
    moment race for the switch, and SQLite answers the losers "database is locked" at once,
    without waiting on its busy handler: they retry here, up to ``busy_timeout``."""
    deadline = time.monotonic() + busy_timeout
    pause = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def busy_error(exc: sqlite3.OperationalError, path: Path, busy_timeout: float) -> None:
    """Raise ``StoreBusyError`` if ``exc`` says another writer held the store too long."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        raise StoreBusyError(
            f"story store {path} is busy: another writer held it for over "
            f"{busy_timeout:g}s; try again in {RETRY_AFTER_S:g}s",
            retry_after=RETRY_AFTER_S,
        ) from None


@contextmanager
def errors(path: Path, busy_timeout: float) -> Iterator[None]:
    """SQLite's errors as the library's: a write lock held by another writer for longer
    than ``busy_timeout`` is a ``StoreBusyError``, the rest ``StoreError``."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        busy_error(exc, path, busy_timeout)
        raise StoreError(f"story store {path}: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"story store {path}: {exc}") from exc


class ReadTx:
    """A read transaction (one consistent snapshot), unless one is already open."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db, self.own = db, False

    def __enter__(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN")
            self.own = True

    def __exit__(self, *exc: object) -> None:
        if self.own:
            self.db.execute("COMMIT")
