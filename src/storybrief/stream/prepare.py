"""The per-article work of an ingest that needs no store: HTML extraction, cleaning, the
exact-text digest, the near-copy signature and the term counts (from one tokenisation of
the text). Each is a pure function of the article, so ``ingest --jobs N`` runs it in N
worker processes while the one writer process looks up, clusters and stores, in arrival
order: the store ends exactly as a one-process ingest leaves it.

On one core these steps are about half of an ingest's time (cleaning a quarter, the
signature a fifth); the rest (copy lookup, online clustering, SQLite) is sequential by
nature, since each article's story depends on every article before it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

import numpy as np

from storybrief.clean.batch import clean_one
from storybrief.cluster.features import term_counts, tokens
from storybrief.dedup.signature import band_keys, signature
from storybrief.errors import ConfigError, InputError
from storybrief.ingest.formats import Unextracted
from storybrief.model import Article, Rejected
from storybrief.store.prepared import Prepared, digest_of, raw_digest_of

# Articles a worker takes at a time, and chunks in flight per worker: enough to keep the
# workers busy while the writer catches up, little enough that memory stays flat.
CHUNK = 64
AHEAD = 3
# How often a worker checks that the writer is still there.
PARENT_POLL_S = 1.0


_NO_SIGNATURE = np.zeros(0, dtype=np.uint32)


def prepare(article: Article, *, clean: bool, counts: bool) -> Prepared:
    """Everything the store needs from ``article`` alone; term counts only if ``counts``."""
    raw = raw_digest_of(article)
    result, notices = clean_one(article, clean=clean)
    if isinstance(result, Rejected):
        return Prepared(
            article, (result.origin, result.reason), "", 0, _NO_SIGNATURE, [], None, raw, notices
        )
    article = result
    # One tokenisation of the text for both the signature and the term counts.
    words = tokens(article.text)
    n_shingles, sig = signature(article.text, words.words())
    return Prepared(
        article,
        None,
        digest_of(article.text),
        n_shingles,
        sig,
        band_keys(sig),
        term_counts(article, text_tokens=words) if counts else None,
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
    """A pool of ``jobs`` worker processes that prepare articles; kept by an ``Ingester``
    between ingests (starting one costs a second or so of imports), closed with it."""

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
        """``prepare`` over ``items`` (HTML pages extracted first), in input order, a few
        chunks ahead of the consumer (never the whole input at once)."""
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
