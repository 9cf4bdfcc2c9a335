"""The per-article work of an ingest that needs no store: HTML extraction, cleaning, the
exact-text digest, the near-copy signature and the term counts. Each is a pure function of
the article, so ``ingest --jobs N`` runs it in N worker processes while the one writer
process looks up, clusters and stores, in arrival order: the store ends exactly as a
one-process ingest leaves it.

On one core these steps are about half of an ingest's time (cleaning a quarter, the
signature a fifth); the rest (copy lookup, online clustering, SQLite) is sequential by
nature, since each article's story depends on every article before it.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import NamedTuple

import numpy as np

from storybrief.errors import ConfigError, InputError
from storybrief.ingest.formats import Unextracted
from storybrief.model import Article, Notice, Rejected
from storybrief.store import copies as cp

# Articles a worker takes at a time, and chunks in flight per worker: enough to keep the
# workers busy while the writer catches up, little enough that memory stays flat.
CHUNK = 64
AHEAD = 3
# How often a worker checks that the writer is still there.
PARENT_POLL_S = 1.0


class Prepared(NamedTuple):
    """An article ready for the store (cleaned unless the store keeps text as given), or
    the reason it was rejected (``article`` is then the input, for its id)."""

    article: Article
    rejected: tuple[str, str] | None  # (origin, reason)
    digest: str
    n_shingles: int
    signature: np.ndarray
    band_keys: list[int]
    counts: tuple[dict[int, float], dict[int, float]] | None  # features.term_counts
    raw_digest: str = ""  # of the input as it came (see ``raw_digest_of``)
    notices: tuple[Notice, ...] = ()


def digest_of(text: str) -> str:
    """SHA-1 of the text with its whitespace collapsed, in lower case: equal digests mean
    the same text, so re-ingesting it is a no-op."""
    # " ".join(split()) is normalize_space (the same whitespace), several times faster.
    return hashlib.sha1(" ".join(text.split()).lower().encode("utf-8")).hexdigest()


def raw_digest_of(article: Article) -> str:
    """SHA-1 of an input article's title and text exactly as they came: an article whose
    id is stored with this digest is known to be stored before it is cleaned again, which
    keeps a re-run of a large ingest as fast as reading its inputs."""
    raw = f"{article.title or ''}\0{article.text}"
    return hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()


_NO_SIGNATURE = np.zeros(0, dtype=np.uint32)


def prepare(article: Article, *, clean: bool, counts: bool) -> Prepared:
    """Everything the store computes from ``article`` alone; term counts only if ``counts``."""
    from storybrief.clean.batch import clean_one

    raw = raw_digest_of(article)
    result, notices = clean_one(article, clean=clean)
    if isinstance(result, Rejected):
        return Prepared(
            article, (result.origin, result.reason), "", 0, _NO_SIGNATURE, [], None, raw, notices
        )
    article = result
    n_shingles, sig = cp.signature(article.text)
    term_counts = None
    if counts:
        from storybrief.cluster.features import term_counts as count_terms

        term_counts = count_terms(article)
    return Prepared(
        article,
        None,
        digest_of(article.text),
        n_shingles,
        sig,
        cp.band_keys(sig),
        term_counts,
        raw,
        notices,
    )


def _prepare_one(item: Article | Rejected | Unextracted, clean: bool) -> Prepared | Rejected:
    if isinstance(item, Rejected):
        return item
    if isinstance(item, Unextracted):
        try:
            item = item.extract()
        except InputError as exc:  # as reading the page at once would have reported it
            return Rejected(exc.origin, exc.reason)
    return prepare(item, clean=clean, counts=True)


def _prepare_chunk(
    chunk: list[Article | Rejected | Unextracted], clean: bool
) -> list[Prepared | Rejected]:
    return [_prepare_one(item, clean) for item in chunk]


def _watch_parent(parent: int) -> None:
    """In a worker: leave Ctrl-C to the writer (it stops the pool; a worker interrupted too
    would only print a traceback), and exit when the writer is gone. A writer killed
    outright (SIGKILL, out of memory) never tells its pool to stop, and the workers would
    wait for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="storybrief-parent-watch", daemon=True).start()


class Workers:
    """A pool of ``jobs`` worker processes that prepare articles; kept by a store between
    ingests (starting one costs a second or so of imports), closed with it."""

    def __init__(self, jobs: int) -> None:
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 2:
            raise ConfigError(f"worker processes come two or more, got {jobs!r}")
        self.jobs = jobs
        # "spawn": a fresh interpreter per worker, never a fork of a process holding an
        # open SQLite connection and threads. (Like any spawned pool, a script that uses it
        # must start from an ``if __name__ == "__main__":`` block.)
        self._pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        )
        self._start()

    def _start(self) -> None:
        """Start every worker now, with Ctrl-C ignored from birth: an ignored signal stays
        ignored across exec and Python keeps it so, which covers the second of imports before
        ``_watch_parent`` runs in the worker (a Ctrl-C then printed a traceback per worker).
        A spawning pool starts one worker per submit while none is idle, hence the no-ops."""
        try:
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        except ValueError:  # not the main thread: no Ctrl-C to shield from
            return
        try:
            for _ in range(self.jobs):
                self._pool.submit(int)
        finally:
            signal.signal(signal.SIGINT, previous)

    def prepared(
        self, items: Iterable[Article | Rejected | Unextracted], *, clean: bool
    ) -> Iterator[Prepared | Rejected]:
        """``prepare`` over ``items`` (HTML pages extracted first), in input order, a few chunks ahead of the consumer
        (never the whole input at once)."""
        it = iter(items)
        ahead: deque[Future[list[Prepared | Rejected]]] = deque()
        try:
            while True:
                chunk = list(islice(it, CHUNK))
                if chunk:
                    ahead.append(self._pool.submit(_prepare_chunk, chunk, clean))
                while ahead and (len(ahead) >= AHEAD * self.jobs or not chunk):
                    yield from ahead.popleft().result()
                if not chunk and not ahead:
                    return
        finally:
            for future in ahead:
                future.cancel()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
