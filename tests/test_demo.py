"""The bundled demo: its site, followed through the bundled OPML list, gives the three
invented stories, the wire copy grouped under its original, and the reader shows them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from storybrief.demo import DEMO_PORT, demo_site
from storybrief.follow import FetchSettings, FollowSettings, follow_once

DEMO = ROOT / "examples" / "demo"


def test_the_bundled_opml_names_the_demo_site() -> None:
    opml = (DEMO / "subscriptions.opml").read_text(encoding="utf-8")
    urls = re.findall(r'xmlUrl="([^"]+)"', opml)
    assert len(urls) == 3 and all(u.startswith(f"http://127.0.0.1:{DEMO_PORT}/") for u in urls)


def test_demo_site_followed_and_read(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storybrief.service import create_app

    db = tmp_path / "demo.db"
    with demo_site(DEMO / "articles.json", port=0) as base:
        opml = tmp_path / "subscriptions.opml"
        text = (DEMO / "subscriptions.opml").read_text(encoding="utf-8")
        opml.write_text(text.replace(f"http://127.0.0.1:{DEMO_PORT}", base), encoding="utf-8")
        fetch = FetchSettings(delay=0, allow=("127.0.0.1/32",))
        report = follow_once(db, [str(opml)], settings=FollowSettings(fetch=fetch))
    assert report.errors == [] and report.added + report.copies == 8
    assert report.new_stories == 3 and report.briefs == 3
    c = TestClient(create_app(db))
    stories = c.get("/stories.json").json()["stories"]
    assert sorted(s["articles"] for s in stories) == [2, 3, 3]
    tidal = next(s for s in stories if "tidal" in s["title"].lower())
    assert tidal["sources"] == 2  # the wire story on two sites counts once
    page = c.get(f"/stories/{tidal['id']}.json").json()
    assert [len(g["copies"]) for g in page["groups"]].count(1) == 1
    assert page["brief"]["analysis"]["disagreements"]  # 1.2 against 1.5 megawatts
