"""The reader over a real store: list, search, filters, story page (HTML and JSON), the
brief cache, escaping of hostile articles. Through FastAPI's test client."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from conftest import ROOT  # noqa: E402
from storybrief.model import Article  # noqa: E402
from storybrief.service import create_app  # noqa: E402
from storybrief.store import open_store  # noqa: E402
from storybrief.stream import ingest_into  # noqa: E402

HTML = {"accept": "text/html,application/xhtml+xml"}
HOSTILE = Article(
    id="hostile",
    title="<script>window.sbPwned=1;document.title='pwned'</script>Harbour crane collapses",
    text=(
        'A harbour crane collapsed at Portwick on Friday. <img src=x onerror="window.sbPwned=1"> '
        "Nobody was hurt, the port authority said.\n\n"
        "Engineers will inspect the other cranes next week, the authority added. "
        "<script>window.sbPwned=1</script>"
    ),
    url="JaVaScRiPt:window.sbPwned=1",
    source="<b>Portwick Echo</b>",
    published="2024-05-03",
)


def build_store(db: Path) -> None:
    with open_store(db) as store:
        ingest_into(store, [ROOT / "examples" / "bridge"], progress=False)
        ingest_into(store, [HOSTILE], progress=False)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "news.db"
    build_store(db)
    return db


def test_list_as_html_and_json(store: Path) -> None:
    c = TestClient(create_app(store))
    doc = c.get("/stories").json()
    assert doc["stories"] == c.get("/stories.json").json()["stories"]
    bridge = next(s for s in doc["stories"] if "footbridge" in s["title"].lower())
    assert bridge["articles"] == 5 and bridge["sources"] == 4  # two wire copies count once
    page = c.get("/stories", headers=HTML)
    assert page.headers["content-type"].startswith("text/html")
    assert f'href="/stories/{bridge["id"]}"' in page.text
    assert "14 Mar 2024" in page.text


def test_search_and_filters(store: Path) -> None:
    c = TestClient(create_app(store))
    titles = [s["title"] for s in c.get("/stories.json?q=crane").json()["stories"]]
    assert len(titles) == 1 and "Harbour crane" in titles[0]
    assert c.get("/stories.json?q=footbr").json()["stories"]  # the last word is a prefix
    assert c.get("/stories.json?q=zebra+unicorn").json()["stories"] == []
    assert c.get('/stories.json?q=" OR NEAR(').status_code == 200  # no query syntax leaks
    by_source = c.get("/stories.json", params={"source": "Merrowby Town Council"}).json()
    assert [s["articles"] for s in by_source["stories"]] == [5]
    assert c.get("/stories.json?since=2024-05-01").json()["stories"][0]["id"] != bridge_id(c)
    largest = c.get("/stories.json?order=largest").json()["stories"]
    assert largest[0]["id"] == bridge_id(c)


def bridge_id(c: TestClient) -> str:
    stories = c.get("/stories.json?q=footbridge").json()["stories"]
    return stories[0]["id"]


def test_story_page_json_resolves_every_citation(store: Path) -> None:
    c = TestClient(create_app(store))
    doc = c.get(f"/stories/{bridge_id(c)}.json").json()
    assert doc == c.get(f"/stories/{bridge_id(c)}").json()
    brief = doc["brief"]
    sentences = {a["id"]: a["sentences"] for a in brief["articles"]}
    assert brief["summary"]
    for s in brief["summary"]:
        for cite in s["citations"]:
            assert sentences[cite["article"]][cite["sentence"]]
    assert doc["independent_sources"] == 4
    copies = [g for g in doc["groups"] if g["copies"]]
    assert len(copies) == 1 and len(copies[0]["copies"]) == 1


def test_story_page_html_shows_each_part(store: Path) -> None:
    c = TestClient(create_app(store))
    page = c.get(f"/stories/{bridge_id(c)}", headers=HTML).text
    for part in ("Brief", "Where sources disagree", "Who said what", "Sources"):
        assert part in page, part
    assert "cop" in page and 'class="src copy"' in page  # the wire copy under its original
    assert 'class="cite"' in page and "in its source" in page
    assert "<script>" not in page.split("</head>", 1)[1]  # no script in the body at all


def test_hostile_article_is_text_everywhere(store: Path) -> None:
    c = TestClient(create_app(store))
    sid = c.get("/stories.json?q=crane").json()["stories"][0]["id"]
    for path in ("/stories?q=crane", f"/stories/{sid}"):
        page = c.get(path, headers=HTML).text
        body = page.split("</head>", 1)[1]
        assert "<script" not in body and "<img" not in body and "<b>Portwick" not in body
        assert 'href="javascript' not in page.lower()
    assert "&lt;script&gt;" in c.get(f"/stories/{sid}", headers=HTML).text


def test_briefs_are_cached_and_refreshed_when_the_story_changes(tmp_path: Path) -> None:
    store = tmp_path / "bridge.db"  # bridge only: a later date would close its story
    with open_store(store) as s:
        ingest_into(s, [ROOT / "examples" / "bridge"], progress=False)
    c = TestClient(create_app(store))
    sid = bridge_id(c)
    first = c.get(f"/stories/{sid}.json").json()
    with sqlite3.connect(store) as conn:
        rows = conn.execute(
            "SELECT fingerprint FROM brief_cache WHERE story = ?", (sid,)
        ).fetchall()
    assert len(rows) == 1
    # a new app (no page cache): the brief comes from the store's cache, unchanged
    again = TestClient(create_app(store)).get(f"/stories/{sid}.json").json()
    assert again["brief"] == first["brief"]
    import json

    record = json.loads((ROOT / "examples" / "bridge" / "feeds.jsonl").read_text().splitlines()[0])
    # the council's release again, one line longer: a near copy, filed under the story
    late = Article(
        id="late",
        text=record["text"] + "\n\nThe council thanked residents.",
        published="2024-03-14",
    )
    with open_store(store) as s:
        ingest_into(s, [late], progress=False)
    later = c.get(f"/stories/{sid}.json").json()
    assert len(later["brief"]["articles"]) == len(first["brief"]["articles"]) + 1
    with sqlite3.connect(store) as conn:
        (fp,) = conn.execute(
            "SELECT fingerprint FROM brief_cache WHERE story = ?", (sid,)
        ).fetchone()
    assert fp != rows[0][0]


def test_unknown_story_and_missing_store(tmp_path: Path, store: Path) -> None:
    assert TestClient(create_app(store)).get("/stories/nope").status_code == 404
    page = TestClient(create_app(store)).get("/stories/<b>nope", headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "&lt;b&gt;nope" in page.text and "<b>nope" not in page.text
    c = TestClient(create_app(tmp_path / "none.db"))
    page = c.get("/stories", headers=HTML)
    assert page.status_code == 200 and "No story store yet" in page.text
    assert c.get("/stories.json").json()["stories"] == []
    assert c.get("/").status_code == 200  # redirected to the list


def test_openapi_documents_the_reader_pages(tmp_path: Path) -> None:
    schema = TestClient(create_app(tmp_path / "x.db")).get("/openapi.json").json()
    for path in ("/stories", "/stories/{story_id}"):
        content = schema["paths"][path]["get"]["responses"]["200"]["content"]
        assert {"application/json", "text/html"} <= set(content), path
    listing = schema["paths"]["/stories.json"]["get"]["responses"]["200"]["content"]
    assert "StoryList" in str(listing["application/json"]["schema"])
