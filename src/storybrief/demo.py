"""The demo: a small news site on loopback (three invented outlets, from
``examples/demo/articles.json``), followed through ``examples/demo/subscriptions.opml``
into a store, then read in the browser. ``storybrief demo`` runs all of it.

The site is rendered from the JSON at start: one HTML page per article (with the
navigation, share buttons and footer a real site has), an RSS feed, an Atom feed and a
news sitemap, each outlet its own kind.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DEMO_PORT = 8742  # the port the bundled OPML list names
FEEDS = {"rss": "feed.xml", "atom": "atom.xml", "sitemap": "news-sitemap.xml"}


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def page(base: str, outlet: dict[str, Any], a: dict[str, Any]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in a["paragraphs"])
    name = escape(outlet["name"])
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(a['title'])} | {name}</title>"
        f'<meta property="og:site_name" content="{name}">'
        f'<meta property="article:published_time" content="{a["published"]}">'
        f'<link rel="canonical" href="{base}{a["path"]}"></head><body>'
        f'<nav><a href="/">Home</a> | <a href="/">News</a> | <a href="/">Sport</a> | '
        f'<a href="/">Weather</a> | <a href="/">Subscribe</a></nav>'
        f"<article><h1>{escape(a['title'])}</h1><p class=byline>By {name} staff</p>{body}"
        f"</article><aside><p>Share this story: Facebook | X | Email</p>"
        f"<p>Sign up for our morning newsletter.</p></aside>"
        f"<footer><p>© 2026 {name}. All rights reserved. Privacy | Cookies | Contact</p>"
        f"</footer></body></html>"
    )


def feed(base: str, outlet: dict[str, Any], items: list[dict[str, Any]]) -> str:
    name = escape(outlet["name"])
    if outlet["feed"] == "rss":
        entries = "".join(
            f"<item><title>{escape(a['title'])}</title><link>{base}{a['path']}</link>"
            f"<guid>{base}{a['path']}</guid>"
            f"<pubDate>{format_datetime(_when(a['published']))}</pubDate></item>"
            for a in items
        )
        return (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{name}</title><link>{base}/</link><description>{name} news</description>"
            f"{entries}</channel></rss>"
        )
    if outlet["feed"] == "atom":
        entries = "".join(
            f'<entry><title>{escape(a["title"])}</title><link href="{base}{a["path"]}"/>'
            f"<id>{base}{a['path']}</id><updated>{a['published']}</updated></entry>"
            for a in items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{name}</title><id>{base}/{outlet['slug']}/</id>"
            f"<updated>{max(a['published'] for a in items)}</updated>{entries}</feed>"
        )
    urls = "".join(
        f"<url><loc>{base}{a['path']}</loc><news:news><news:publication><news:name>{name}"
        "</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{a['published']}</news:publication_date>"
        f"<news:title>{escape(a['title'])}</news:title></news:news></url>"
        for a in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
    )


def build_site(articles_json: Path, base: str) -> dict[str, tuple[bytes, str]]:
    """Path -> (body, content type) of every file of the demo site."""
    spec = json.loads(articles_json.read_text(encoding="utf-8"))
    files: dict[str, tuple[bytes, str]] = {
        "/robots.txt": (b"User-agent: *\nAllow: /\n", "text/plain"),
    }
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for a in spec["articles"]:
        a = {**a, "path": f"/{a['outlet']}/{a['slug']}.html"}
        by_outlet.setdefault(a["outlet"], []).append(a)
        outlet = {**spec["outlets"][a["outlet"]], "slug": a["outlet"]}
        files[a["path"]] = (page(base, outlet, a).encode(), "text/html; charset=utf-8")
    for slug, items in by_outlet.items():
        outlet = {**spec["outlets"][slug], "slug": slug}
        path = f"/{slug}/{FEEDS[outlet['feed']]}"
        files[path] = (feed(base, outlet, items).encode(), "application/xml")
    return files


@contextmanager
def demo_site(articles_json: Path, *, port: int = DEMO_PORT) -> Iterator[str]:
    """Serve the demo site on 127.0.0.1:``port`` (0: any free port); yields its base URL."""
    files: dict[str, tuple[bytes, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            found = files.get(self.path.split("?", 1)[0])
            if found is None:
                self.send_error(404)
                return
            body, kind = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    files.update(build_site(articles_json, base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
