"""The HTTP service, through FastAPI's test client (real app, real store, no network)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storybrief.service import ServiceSettings, create_app  # noqa: E402

ARTICLES = [
    {
        "id": "gazette",
        "title": "Ferry back in service",
        "published": "2024-06-03",
        "text": "The Holm river ferry restarted on Monday after a month of engine repairs.\n\n"
        "About 300 passengers crossed on the first day, the operator said.",
    },
    {
        "id": "radio",
        "published": "2024-06-03",
        "text": "Holm's river ferry is running again since Monday after engine repairs, its "
        "operator said.\n\nThe repairs cost the town forty thousand euros.",
    },
]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(tmp_path / "news.db", settings=ServiceSettings(writes=True)))


def test_health(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"


def test_post_brief_json_resolves_citations(client: TestClient) -> None:
    r = client.post("/brief", json={"articles": ARTICLES, "words": 40})
    assert r.status_code == 200
    doc = r.json()
    sentences = {a["id"]: a["sentences"] for a in doc["articles"]}
    assert doc["summary"]
    for s in doc["summary"]:
        for c in s["citations"]:
            assert sentences[c["article"]][c["sentence"]]


def test_post_brief_html_and_bad_article(client: TestClient) -> None:
    body = {"articles": [*ARTICLES, {"id": "broken"}], "words": 40}
    r = client.post("/brief?format=html", json=body)
    assert r.status_code == 200 and r.text.startswith("<!DOCTYPE html>")
    doc = client.post("/brief", json=body).json()
    assert [x["origin"] for x in doc["rejected"]] == ["articles[2]"]


def test_post_brief_rejects_empty_body(client: TestClient) -> None:
    assert client.post("/brief", json={"articles": []}).status_code == 422
    assert client.post("/brief", json={"articles": ARTICLES, "words": 0}).status_code == 422


def test_ingest_then_list_and_brief_a_story(client: TestClient) -> None:
    report = client.post("/ingest", json={"articles": ARTICLES}).json()
    assert report["added"] + report["copies"] == 2
    stories = client.get("/stories").json()["stories"]
    assert stories
    story = stories[0]["id"]
    md = client.get(f"/stories/{story}/brief?format=md")
    assert md.status_code == 200 and md.text.startswith("# ")
    assert client.get("/stories/nope/brief").status_code == 404
