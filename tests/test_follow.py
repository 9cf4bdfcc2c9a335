"""storybrief follow against a real HTTP server on loopback, serving feeds, an OPML list,
a sitemap index and article pages built from the Scrapinghub benchmark's real pages, plus
sources that misbehave."""

from __future__ import annotations

import ipaddress
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import shared_path
from newsite import news_site
from storybrief.cli import main
from storybrief.follow import is_public

LOCAL = "127.0.0.1/32"
FAST = ["--allow-address", LOCAL, "--delay", "0", "--timeout", "1", "--retries", "0"]
FAST += ["--max-bytes", "2000000", "--warm", "0"]


@pytest.fixture(scope="module")
def site():
    with news_site(shared_path("scrapinghub")) as s:
        yield s


def roots(site) -> list[str]:
    return [
        site.url("/subscriptions.opml"),
        site.url("/sitemap.xml"),
        site.url(site.by_kind["single"][0]),
    ]


def stored(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, url FROM articles").fetchall()


def follow(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["follow", *args])
    return result.exit_code, result.stderr if hasattr(result, "stderr") else result.output


def test_follow_reads_every_kind_of_source_and_names_each_bad_one(site, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    before = dict(site.hits)
    code, err = follow("--db", str(db), *FAST, *roots(site))
    assert code == 1, err  # some sources failed, the rest were read
    reasons = {
        "/feeds/missing.xml": "HTTP 404",
        "/feeds/slow.xml": "timed out",
        "/feeds/broken.xml": "broken feed XML",
        "/feeds/huge.xml": "over the limit",
        "/feeds/binary": "not a feed",
        "/loop-a": "redirect loop",
        "/private/feed.xml": "robots.txt",
    }
    lines = err.splitlines()
    for path, reason in reasons.items():
        named = [line for line in lines if line.startswith(f"storybrief: {site.url(path)}:")]
        assert len(named) == 1 and reason in named[0], (path, named)
    articles = stored(db)
    urls = {u for _, u in articles}
    pages = [site.url(p) for p in site.pages]
    # every page is stored or was refused with its reason (one has no prose left)
    refused = [line for line in lines if "/articles/" in line]
    assert len(urls) + len(refused) == len(pages) and len(urls) >= len(pages) - 2
    assert urls <= set(pages) and len(urls) == len(articles)
    for p in site.pages:  # each article page fetched once
        assert site.hits[p] - before.get(p, 0) == 1, p


def test_a_second_run_fetches_no_article_again_and_uses_conditional_get(site, tmp_path) -> None:
    db = tmp_path / "news.db"
    follow("--db", str(db), *FAST, *roots(site))
    hits = dict(site.hits)
    code, err = follow("--db", str(db), *FAST)  # no arguments: the sources followed before
    assert code == 1
    for p in site.pages:
        assert site.hits[p] == hits[p], p
    assert "4 unchanged" in err  # rss, atom, the sitemap index and the news sitemap: 304
    result = CliRunner().invoke(main, ["sources", "--db", str(db)])
    assert result.exit_code == 0
    out = result.output
    assert site.url("/feeds/missing.xml") in out and "HTTP 404" in out
    assert "[feed]" in out and "[sitemap]" in out and "[opml]" in out


def test_private_addresses_are_refused_unless_allowed(site, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    code, err = follow("--db", str(db), "--delay", "0", site.url("/feeds/rss.xml"))
    assert code == 2 and "refused" in err and "127.0.0.1" in err
    code, err = follow("--db", str(db), *FAST, site.url("/to-private"))
    assert code == 2 and "10.0.0.1" in err and "refused" in err  # checked on the redirect


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00:ec2::254", False),  # metadata over IPv6
        ("::ffff:127.0.0.1", False),
        ("::ffff:169.254.169.254", False),
        ("224.0.0.1", False),
    ],
)
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


def _follow_process(db: Path, site, *extra: str) -> subprocess.Popen:
    cmd = [
        sys.executable,
        "-c",
        "from storybrief.cli import main; main()",
        "follow",
        "--db",
        str(db),
        *FAST,
        *extra,
    ]
    return subprocess.Popen(
        [*cmd, *roots(site)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_killed_mid_run_resumes_without_duplicates_or_losses(site, tmp_path: Path) -> None:
    done = tmp_path / "complete.db"
    follow("--db", str(done), *FAST, *roots(site))
    expected = {u for _, u in stored(done)}

    db = tmp_path / "killed.db"
    # a pause per request, so the kill lands mid-run (after the first feed's commit)
    proc = _follow_process(db, site, "--delay", "0.25")
    deadline = time.monotonic() + 60
    while _count(db) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db)
    assert 0 < partial < len(expected)
    code, _ = follow("--db", str(db), *FAST)
    articles = stored(db)
    assert {u for _, u in articles} == expected
    assert len(articles) == len(expected)  # nothing twice
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_every_stops_cleanly_on_ctrl_c(site, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    proc = _follow_process(db, site, "--every", "1h")
    err = ""
    deadline = time.monotonic() + 60
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        err += line
        if "next round" in line or not line:
            break
    assert "next round" in err
    proc.send_signal(signal.SIGINT)
    out, rest = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert "stopped" in rest and "Traceback" not in rest


def test_post_follow_is_a_guarded_write_endpoint(site, tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storybrief.service import ServiceSettings, create_app

    def client(**kw: object) -> TestClient:
        return TestClient(create_app(tmp_path / "news.db", settings=ServiceSettings(**kw)))

    body = {"sources": [site.url("/feeds/atom.xml")]}
    assert client().post("/follow", json=body).status_code == 403  # writes are off
    open_ = client(writes=True, follow_delay=0)
    report = open_.post("/follow", json=body).json()
    assert report["added"] == 0 and "refused" in report["errors"][0]  # loopback not allowed
    for path in ("/etc/passwd", "file:///etc/passwd", str(tmp_path)):
        assert open_.post("/follow", json={"sources": [path]}).status_code == 422
    allowed = client(writes=True, follow_delay=0, follow_allow=(LOCAL,), token="t0ken-t0ken")
    assert allowed.post("/follow", json=body).status_code == 401
    auth = {"Authorization": "Bearer t0ken-t0ken"}
    report = allowed.post("/follow", json=body, headers=auth).json()
    assert report["added"] + report["copies"] == len(site.by_kind["atom"]) and not report["errors"]


def test_https_goes_to_the_checked_address_and_verifies_the_name(tmp_path: Path) -> None:
    """The request is pinned to the address that was checked, while TLS still checks the
    certificate against the host name (sent as SNI), so a pinned request is no weaker."""
    import shutil
    import ssl
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from storybrief.errors import FetchError
    from storybrief.follow import Fetcher, FetchSettings

    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    (tmp_path / "feed.xml").write_text("<rss version='2.0'><channel></channel></rss>")

    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(tmp_path), **k)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    allow = ("127.0.0.1/32", "::1/128")
    try:
        settings = FetchSettings(delay=0, retries=0, allow=allow, ca_file=str(cert), robots=False)
        with Fetcher(settings) as fetcher:
            got = fetcher.get(
                f"https://127.0.0.1:{port}/feed.xml".replace("127.0.0.1", "localhost")
            )
            assert got.status == 200 and b"<rss" in got.body
            # the same address under a name the certificate does not carry: refused
            with pytest.raises(FetchError):
                fetcher.get(f"https://127.0.0.1:{port}/feed.xml")
    finally:
        server.shutdown()
        server.server_close()


def test_polite_fetching(site) -> None:
    """A User-Agent naming storybrief, a pause between two requests to one host, and
    retries with backoff on 5xx (here: 503 twice, then the feed)."""
    from storybrief.errors import FetchError
    from storybrief.follow import Fetcher, FetchSettings

    start = len(site.log)
    settings = FetchSettings(delay=0.2, retries=2, backoff=0.05, allow=(LOCAL,))
    with Fetcher(settings) as fetcher:
        for path in site.by_kind["rss"][:3]:
            fetcher.get(site.url(path))
    requests = [r for r in site.log[start:] if r[0] != "/robots.txt"]
    assert all("storybrief" in agent for _, _, agent in site.log[start:])
    gaps = [b[1] - a[1] for a, b in zip(requests, requests[1:], strict=False)]
    assert len(gaps) == 2 and min(gaps) >= 0.19

    with Fetcher(FetchSettings(delay=0, retries=0, allow=(LOCAL,))) as fetcher:
        with pytest.raises(FetchError, match="HTTP 503") as failed:
            fetcher.get(site.url("/flaky.xml"))
        assert failed.value.transient
    site.hits["/flaky.xml"] = 0
    with Fetcher(FetchSettings(delay=0, retries=2, backoff=0.05, allow=(LOCAL,))) as fetcher:
        assert b"<rss" in fetcher.get(site.url("/flaky.xml")).body
    assert site.hits["/flaky.xml"] == 3
