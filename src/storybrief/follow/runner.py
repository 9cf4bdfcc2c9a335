"""One round of following: fetch each source, find its articles, fetch the new ones,
extract them (the ingest path) and add them to the store.

Crash-safe by order: articles are committed in small batches with the URLs they came
from, and a source's validators (ETag, Last-Modified) are saved only after all its new
articles are handled. A run killed at any moment leaves nothing half-written; the next
one refetches what was not finished and skips what was stored (article ids are their
URLs, so nothing is stored twice).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag

from storybrief.errors import ConfigError, FetchError, InputError
from storybrief.follow.net import Fetched, Fetcher, FetchSettings
from storybrief.follow.sources import Link, SourceContent, read_source
from storybrief.ingest.dates import normalize_date
from storybrief.ingest.decode import check_binary, decode
from storybrief.ingest.formats import from_html
from storybrief.model import Article
from storybrief.store import default_path, open_store
from storybrief.store import sources as state
from storybrief.store.extras import connection
from storybrief.stream import ingest_into

Log = Callable[[str], None]


@dataclass(frozen=True)
class FollowSettings:
    """How ``follow_once`` goes about it; validated once."""

    fetch: FetchSettings = field(default_factory=FetchSettings)
    max_per_source: int = 200  # new article links taken from one source per round
    depth: int = 2  # OPML list -> feed, sitemap index -> sitemap
    batch: int = 20  # articles per store commit
    warm: int = 100  # stories whose briefs are made ahead, per round (0: none)

    def __post_init__(self) -> None:
        for name in ("max_per_source", "depth", "batch", "warm"):
            value = getattr(self, name)
            low = 0 if name in ("depth", "warm") else 1
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise ConfigError(f"{name} must be an integer >= {low}, got {value!r}")


@dataclass
class FollowReport:
    """What one round did."""

    sources: int = 0
    not_modified: int = 0
    failed: int = 0
    fetched: int = 0  # article pages
    added: int = 0
    copies: int = 0
    skipped: int = 0
    rejected: int = 0
    new_stories: int = 0
    briefs: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def follow_once(
    db: str | Path | None,
    inputs: Sequence[str] = (),
    *,
    settings: FollowSettings | None = None,
    log: Log = lambda _line: None,
    progress: bool = False,
) -> FollowReport:
    """Fetch ``inputs`` (URLs of feeds, OPML lists, sitemaps or pages, or OPML/feed files),
    registering them as sources; with no inputs, every top-level source already followed.
    ``progress`` shows a bar of the sources and pages fetched on standard error."""
    from tqdm import tqdm

    settings = settings or FollowSettings()
    start = time.perf_counter()
    report = FollowReport()
    with open_store(db) as store, Fetcher(settings.fetch) as fetcher:
        conn = connection(store)
        for item in inputs:
            state.add_source(conn, item)
        roots = list(inputs) or [s.url for s in state.all_sources(conn) if s.parent is None]
        if not roots:
            raise ConfigError("no sources: name feed, OPML, sitemap or page URLs to follow")
        before = conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
        bar = tqdm(disable=not progress, unit=" fetches", desc="follow", leave=False)

        def log_line(line: str) -> None:
            bar.clear()  # the line above the bar, not through it
            log(line)

        round_ = _Round(store, fetcher, settings, report, log_line)
        round_.tick = bar.update
        queue = deque((url, 0) for url in roots)
        done: set[str] = set()
        while queue:
            url, depth = queue.popleft()
            if url in done:
                continue
            done.add(url)
            for child in round_.source(url):
                if depth < settings.depth:
                    queue.append((child, depth + 1))
        bar.close()
        if settings.warm:
            from storybrief.reader.briefs import warm

            changed = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM stories WHERE updated > ? ORDER BY updated DESC LIMIT ?",
                    (before, settings.warm),
                )
            ]
            report.briefs = warm(conn, db or default_path(), changed)
    report.seconds = time.perf_counter() - start
    return report


class _Round:
    def __init__(
        self, store, fetcher: Fetcher, settings: FollowSettings, report: FollowReport, log: Log
    ) -> None:
        self.store, self.fetcher, self.settings = store, fetcher, settings
        self.report, self.log = report, log
        self.db = connection(store)
        self.tick: Callable[[int], object] = lambda _n: None

    def fail(self, where: str, error: InputError) -> None:
        line = f"{where}: {error.reason}"
        self.report.errors.append(line)
        self.log(line)

    def source(self, url: str) -> tuple[str, ...]:
        """Handle one source; the further sources it names."""
        self.report.sources += 1
        self.tick(1)
        known = state.get_source(self.db, url)
        if known is not None and known.kind == "page" and state.seen_urls(self.db, [url]):
            return ()  # an article page followed by itself: stored (or refused) already
        try:
            fetched = self._fetch_source(url, known)
            if fetched.not_modified:
                self.report.not_modified += 1
                state.record_fetch(self.db, url, status="not modified")
                return state.children(self.db, url)  # unchanged list: the same feeds
            content = read_source(fetched.body, url=url, content_type=fetched.content_type)
        except FetchError as exc:
            self.report.failed += 1
            state.record_fetch(self.db, url, status="error", error=exc.reason)
            self.fail(url, exc)
            return ()
        for child in content.sources:
            state.add_source(self.db, child, parent=url)
        added, unfinished = self._articles(url, content, fetched)
        state.record_fetch(
            self.db,
            url,
            status="ok",
            kind=content.kind,
            title=content.title,
            # validators kept back while some article is still to be retried, so the next
            # round reads the source in full again
            etag=None if unfinished else fetched.etag,
            last_modified=None if unfinished else fetched.last_modified,
            articles=added,
        )
        return content.sources

    def _fetch_source(self, url: str, known: state.SourceState | None) -> Fetched:
        path = Path(url)
        if "://" not in url:
            if not path.is_file():
                raise FetchError(url, "no such file (and not an http(s) URL)")
            return Fetched(url, 200, path.read_bytes())
        return self.fetcher.get(
            url,
            etag=known.etag if known else None,
            last_modified=known.last_modified if known else None,
        )

    def _articles(self, source: str, content: SourceContent, fetched: Fetched) -> tuple[int, bool]:
        """Fetch and store the source's new articles: (articles added, any left to retry)."""
        links: dict[str, Link] = {}
        for link in content.links:
            links.setdefault(urldefrag(link.url)[0], link)
        seen = state.seen_urls(self.db, list(links))
        new = [(u, link) for u, link in links.items() if u not in seen]
        new = new[: self.settings.max_per_source]
        batch: list[tuple[str, Article]] = []
        added, unfinished = 0, False
        for url, link in new:
            self.tick(1)
            try:
                page = fetched if content.kind == "page" else self.fetcher.get(url)
                batch.append((url, self._article(url, link, page)))
                self.report.fetched += 1
            except FetchError as exc:
                unfinished = unfinished or exc.transient
                status = "error" if exc.transient else "rejected"
                state.record_articles(self.db, [(url, source, status, exc.reason)])
                self.report.rejected += 0 if exc.transient else 1
                self.fail(url, exc)
            except InputError as exc:
                state.record_articles(self.db, [(url, source, "rejected", exc.reason)])
                self.report.rejected += 1
                self.fail(url, exc)
            if len(batch) >= self.settings.batch:
                added += self._store(source, batch)
                batch = []
        if batch:
            added += self._store(source, batch)
        return added, unfinished

    def _article(self, url: str, link: Link, page: Fetched) -> Article:
        check_binary(page.body, url)
        html = decode(page.body, url, html=True)
        article = from_html(html, id=url, origin=url, url=page.url)
        published = article.published or normalize_date(link.published)
        return Article(
            id=url,
            text=article.text,
            title=article.title or link.title,
            source=article.source,
            url=page.url,
            published=published,
            origin=url,
            language=article.language,
        )

    def _store(self, source: str, batch: list[tuple[str, Article]]) -> int:
        result = ingest_into(self.store, [a for _, a in batch], progress=False)
        reasons = {r.origin: r.reason for r in result.rejected}
        state.record_articles(
            self.db,
            [
                (url, source, "rejected" if url in reasons else "stored", reasons.get(url))
                for url, _ in batch
            ],
        )
        for url, reason in reasons.items():
            self.fail(url, InputError(url, reason))
        report = self.report
        report.added += result.added
        report.copies += result.copies
        report.skipped += result.skipped
        report.rejected += len(result.rejected)
        report.new_stories += result.new_stories
        return result.added + result.copies
