"""A news site on loopback for the follow tests, built at test time from the real pages of
``../shared/data/scrapinghub/`` (read in place, never copied): an RSS feed, an Atom feed,
a sitemap index with a news sitemap, an OPML list naming them, the article pages, plus
sources that misbehave (404, slow, broken XML, huge, binary, a redirect loop, a feed
disallowed by robots.txt). Feeds answer conditional GETs with 304. Every request is
counted per path, so tests can tell what was fetched again."""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PUBLISHED = "Mon, 03 Jun 2024 09:00:00 GMT"
SLOW_SECONDS = 3.0
HUGE_BYTES = 3_000_000


@dataclass
class Site:
    base: str
    pages: dict[str, str]  # path -> page id
    hits: Counter = field(default_factory=Counter)
    log: list[tuple[str, float, str]] = field(default_factory=list)  # path, time, User-Agent
    by_kind: dict[str, list[str]] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path


def load_pages(data: Path, n: int) -> list[tuple[str, bytes]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:n]
    return [(i, gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes())) for i in ids]


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Article {escape(p)}</title><link>{base}{p}</link>"
        f"<guid>{base}{p}</guid><pubDate>{PUBLISHED}</pubDate></item>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Loopback Daily</title><link>{base}/</link><description>test</description>"
        f"{items}</channel></rss>"
    ).encode()


def atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>Entry {escape(p)}</title><link href="{base}{p}"/>'
        f"<id>{base}{p}</id><updated>2024-06-03T09:00:00Z</updated></entry>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Loopback Weekly</title><id>{base}/atom</id>"
        f"<updated>2024-06-03T09:00:00Z</updated>{entries}</feed>"
    ).encode()


def news_sitemap(base: str, paths: list[str]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}{p}</loc><news:news><news:publication><news:name>Loopback"
        "</news:name><news:language>en</news:language></news:publication>"
        "<news:publication_date>2024-06-03T09:00:00Z</news:publication_date>"
        f"<news:title>News {escape(p)}</news:title></news:news></url>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    ).encode()


def opml(base: str, feeds: list[str]) -> bytes:
    outlines = "".join(
        f'<outline type="rss" text="{escape(f)}" xmlUrl="{base}{f}"/>' for f in feeds
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head>'
        f"<title>Test subscriptions</title></head><body>{outlines}</body></opml>"
    ).encode()


@contextmanager
def news_site(data: Path, *, n_pages: int = 12) -> Iterator[Site]:
    pages = load_pages(data, n_pages)
    bodies: dict[str, tuple[bytes, str]] = {}
    paths = [f"/articles/{i[:12]}.html" for i, _ in pages]
    for path, (_, html) in zip(paths, pages, strict=True):
        bodies[path] = (html, "text/html; charset=utf-8")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            site.hits[self.path] += 1
            site.log.append((self.path, time.monotonic(), self.headers.get("User-Agent", "")))
            if self.path == "/flaky.xml" and site.hits[self.path] % 3 != 0:
                self.send_response(503)  # two failures, then the feed
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path == "/feeds/slow.xml":
                time.sleep(SLOW_SECONDS)
            if self.path == "/to-private":
                self.send_response(302)
                self.send_header("Location", "http://10.0.0.1/feed.xml")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path.startswith("/loop-"):
                other = "/loop-b" if self.path == "/loop-a" else "/loop-a"
                self.send_response(302)
                self.send_header("Location", other)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path not in bodies:
                self.send_error(404)
                return
            body, kind = bodies[self.path]
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if kind.endswith("xml") and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if kind.endswith("xml"):
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", formatdate(usegmt=True))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    site = Site(base, dict(zip(paths, (i for i, _ in pages), strict=True)))
    rss_paths, atom_paths, map_paths, single = paths[:5], paths[5:8], paths[8:11], paths[11:]
    xml = "application/xml"
    bodies.update(
        {
            "/robots.txt": (b"User-agent: *\nDisallow: /private/\n", "text/plain"),
            "/feeds/rss.xml": (rss(base, rss_paths), "application/rss+xml"),
            "/feeds/atom.xml": (atom(base, atom_paths), "application/atom+xml"),
            "/sitemap.xml": (
                (
                    '<?xml version="1.0"?><sitemapindex '
                    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<sitemap><loc>{base}/sitemaps/news.xml</loc></sitemap></sitemapindex>"
                ).encode(),
                xml,
            ),
            "/sitemaps/news.xml": (news_sitemap(base, map_paths), xml),
            "/feeds/broken.xml": (b'<?xml version="1.0"?><rss><channel><item><title>x', xml),
            "/feeds/slow.xml": (rss(base, rss_paths[:1]), xml),
            "/feeds/huge.xml": (b"<rss>" + b" " * HUGE_BYTES + b"</rss>", xml),
            "/feeds/binary": (bytes(range(256)) * 100, "application/octet-stream"),
            "/flaky.xml": (rss(base, rss_paths[:1]), xml),
            "/private/feed.xml": (rss(base, rss_paths), xml),
        }
    )
    feeds = [
        "/feeds/rss.xml",
        "/feeds/atom.xml",
        "/feeds/missing.xml",
        "/feeds/slow.xml",
        "/feeds/broken.xml",
        "/feeds/huge.xml",
        "/feeds/binary",
        "/loop-a",
        "/private/feed.xml",
    ]
    bodies["/subscriptions.opml"] = (opml(base, feeds), "text/x-opml")
    site.by_kind = {
        "rss": rss_paths,
        "atom": atom_paths,
        "sitemap": map_paths,
        "single": single,
        "bad": feeds[2:],
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
