"""The service's limits and guards, through the real app: bodies, batch sizes, article
sizes, write access, error statuses that echo no body and show no path."""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from browser import serve_app  # noqa: E402
from storybrief.errors import StoreBusyError  # noqa: E402
from storybrief.service import ServiceSettings, create_app  # noqa: E402

ARTICLE = {
    "id": "a",
    "text": "The ferry restarted on Monday after repairs.\n\nAbout 300 passengers crossed.",
}


def client(tmp_path: Path, **settings: object) -> TestClient:
    return TestClient(create_app(tmp_path / "news.db", settings=ServiceSettings(**settings)))


def test_a_body_over_the_limit_is_413_and_not_echoed(tmp_path: Path) -> None:
    c = client(tmp_path, max_body_bytes=1_000_000)
    big = b"x" * 100_000_000
    r = c.post("/brief", content=big, headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert len(r.content) < 200 and "1,000,000 bytes" in r.json()["detail"]


def test_a_bad_body_under_the_limit_is_422_without_the_body(tmp_path: Path) -> None:
    c = client(tmp_path)
    body = b"SECRET-MARKER " * 50_000
    r = c.post("/brief", content=body, headers={"content-type": "text/plain"})
    assert r.status_code == 422
    assert b"SECRET-MARKER" not in r.content and len(r.content) < 1000
    r = c.post("/brief", json={"articles": [ARTICLE], "words": "SECRET-MARKER" * 1000})
    assert r.status_code == 422 and len(r.content) < 400


def test_the_limit_holds_for_a_streamed_body_without_length(tmp_path: Path) -> None:
    c = client(tmp_path, max_body_bytes=100_000)

    def chunks():
        for _ in range(1000):
            yield b"y" * 10_000

    r = c.post("/brief", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_a_real_server_answers_413_before_the_body_arrives(tmp_path: Path) -> None:
    app = create_app(tmp_path / "news.db", settings=ServiceSettings(max_body_bytes=1_000_000))
    with serve_app(app) as base:
        url = urlsplit(base)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
        conn.putrequest("POST", "/brief")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(100_000_000))  # announced, never sent
        conn.endheaders()
        conn.send(b'{"articles": [')
        response = conn.getresponse()
        assert response.status == 413
        conn.close()


def test_too_many_articles_is_413(tmp_path: Path) -> None:
    c = client(tmp_path, max_articles=100, writes=True)
    near = [
        {"text": f"The ferry restarted on Monday after repairs, number {i}."} for i in range(10_000)
    ]
    for path in ("/brief", "/ingest"):
        r = c.post(path, json={"articles": near})
        assert r.status_code == 413, path
        assert "10,000 articles" in r.json()["detail"]


def test_an_article_over_the_size_limit_is_rejected_and_the_rest_go_on(tmp_path: Path) -> None:
    c = client(tmp_path, max_article_bytes=10_000, writes=True)
    huge = {"id": "huge", "text": "word " * 1_000_000}
    r = c.post("/brief", json={"articles": [huge, ARTICLE]})
    assert r.status_code == 200
    assert [x["origin"] for x in r.json()["rejected"]] == ["articles[0]"]
    assert "10,000 bytes" in r.json()["rejected"][0]["reason"]
    r = c.post("/brief", json={"articles": [huge]})
    assert r.status_code == 422 and len(r.content) < 400
    r = c.post("/ingest", json={"articles": [huge, ARTICLE]})
    assert r.status_code == 200 and r.json()["added"] == 1
    assert r.json()["rejected"][0]["origin"] == "articles[0]"


def test_a_text_over_the_length_limit_is_rejected(tmp_path: Path) -> None:
    c = client(tmp_path, max_text_chars=1000)
    long = {
        "id": "long",
        "html": "<html><body><article><p>"
        + "A sentence here. " * 500
        + "</p></article></body></html>",
    }
    r = c.post("/brief", json={"articles": [long, ARTICLE]})
    assert r.status_code == 200
    assert "1,000" in r.json()["rejected"][0]["reason"]


def test_writes_are_off_unless_enabled(tmp_path: Path) -> None:
    r = client(tmp_path).post("/ingest", json={"articles": [ARTICLE]})
    assert r.status_code == 403 and "--writes" in r.json()["detail"]
    assert not (tmp_path / "news.db").exists()


def test_a_token_guards_writes(tmp_path: Path) -> None:
    c = client(tmp_path, writes=True, token="s3cret-token")
    body = {"articles": [ARTICLE]}
    assert c.post("/ingest", json=body).status_code == 401
    wrong = {"Authorization": "Bearer nope-nope-nope"}
    assert c.post("/ingest", json=body, headers=wrong).status_code == 401
    right = {"Authorization": "Bearer s3cret-token"}
    assert c.post("/ingest", json=body, headers=right).json()["added"] == 1
    # reading needs no token
    assert c.get("/stories").status_code == 200


def test_writes_beyond_loopback_need_a_token() -> None:
    from storybrief.errors import ConfigError

    with pytest.raises(ConfigError, match="token"):
        ServiceSettings(writes=True, host="0.0.0.0")
    ServiceSettings(writes=True, host="0.0.0.0", token="long-enough")
    ServiceSettings(writes=True, host="::1")
    ServiceSettings(writes=False, host="0.0.0.0")


def test_store_errors_show_no_paths(tmp_path: Path) -> None:
    c = client(tmp_path)
    r = c.get("/stories/x/brief")
    assert r.status_code == 503
    assert str(tmp_path) not in r.text and "news.db" in r.text
    (tmp_path / "news.db").write_bytes(b"not a database at all" * 100)
    for path in ("/stories/x/brief", "/stories", "/stories/x"):
        r = c.get(path)
        assert r.status_code == 503 and str(tmp_path) not in r.text, path


def test_a_busy_store_is_503_with_retry_after(tmp_path: Path, monkeypatch) -> None:
    import storybrief.store as store

    def busy(*_a, **_k):
        raise StoreBusyError(f"story store {tmp_path}/news.db is busy", retry_after=2.2)

    monkeypatch.setattr(store, "open_store", busy)
    c = client(tmp_path, writes=True)
    r = c.post("/ingest", json={"articles": [ARTICLE]})
    assert r.status_code == 503 and r.headers["retry-after"] == "3"
    assert str(tmp_path) not in r.text


def test_every_response_has_a_policy_without_inline_script(tmp_path: Path) -> None:
    c = client(tmp_path)
    for r in (
        c.get("/health"),
        c.get("/docs"),
        c.post("/brief?format=html", json={"articles": [ARTICLE]}),
        c.post("/brief", content=b"x" * 20_000_000),
    ):
        policy = r.headers["content-security-policy"]
        script = policy.split("script-src", 1)[1].split(";", 1)[0]
        assert "unsafe-inline" not in script and "unsafe-eval" not in script
        assert "frame-ancestors 'none'" in policy
        assert r.headers["x-content-type-options"] == "nosniff"


def test_docs_are_served_from_this_server(tmp_path: Path) -> None:
    c = client(tmp_path)
    page = c.get("/docs").text
    for src in [*__import__("re").findall(r'(?:src|href)="([^"]+)"', page)]:
        assert src.startswith("/"), f"docs load {src} from elsewhere"
        assert c.get(src).status_code == 200, src
    schema = json.loads(c.get("/openapi.json").text)
    assert "/brief" in schema["paths"]
