"""A real Chromium drives the reader over a store fed by ``storybrief follow`` from the
loopback site of real Scrapinghub pages, plus the bundled bridge story and a hostile
article: it lists stories, searches, opens a story, clicks a citation and sees the cited
sentence; the hostile article's payloads run nothing. Screenshots of the list and story
pages go to the test output folder."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("selenium")

from browser import chromium, console, output_dir, serve_app  # noqa: E402
from conftest import ROOT, shared_path  # noqa: E402
from newsite import news_site  # noqa: E402
from storybrief.follow import FetchSettings, FollowSettings, follow_once  # noqa: E402
from storybrief.service import create_app  # noqa: E402
from storybrief.store import open_store  # noqa: E402
from storybrief.stream import ingest_into  # noqa: E402
from test_reader import HOSTILE  # noqa: E402


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    db = tmp_path_factory.mktemp("reader") / "news.db"
    with open_store(db) as store:
        ingest_into(store, [ROOT / "examples" / "bridge"], progress=False)
    with news_site(shared_path("scrapinghub")) as site:
        fetch = FetchSettings(delay=0, timeout=2, retries=0, allow=("127.0.0.1/32",))
        follow_once(db, [site.url("/feeds/rss.xml")], settings=FollowSettings(fetch=fetch, warm=0))
    with open_store(db) as store:
        ingest_into(store, [HOSTILE], progress=False)
    with serve_app(create_app(db)) as base, chromium() as driver:
        driver.set_window_size(1100, 1400)
        yield base, driver


def test_list_search_open_story_and_follow_a_citation(reader) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, d = reader
    shots = output_dir()
    d.get(f"{base}/stories")
    rows = d.find_elements(By.CSS_SELECTOR, "li.story")
    assert len(rows) >= 7  # the bridge, the hostile article, the followed pages
    d.save_screenshot(str(shots / "reader-list.png"))

    box = d.find_element(By.ID, "q")
    box.send_keys("footbridge", Keys.ENTER)
    titles = [e.text for e in d.find_elements(By.CSS_SELECTOR, "li.story a.title")]
    assert titles and all("footbridge" in t.lower() or "bridge" in t.lower() for t in titles)
    d.find_element(By.CSS_SELECTOR, "li.story a.title").click()
    assert "/stories/" in d.current_url
    assert d.find_element(By.TAG_NAME, "h1").text
    d.save_screenshot(str(shots / "reader-story.png"))

    cite = d.find_element(By.CSS_SELECTOR, ".brief details.cite summary")
    pop = d.find_element(By.CSS_SELECTOR, ".brief details.cite .pop")
    assert not pop.is_displayed()
    cite.click()
    assert pop.is_displayed()
    sentence = pop.find_element(By.TAG_NAME, "q").text
    assert len(sentence) > 20
    d.save_screenshot(str(shots / "reader-citation.png"))
    # "in its source" opens the source and marks the same sentence there
    pop.find_element(By.LINK_TEXT, "in its source").click()
    target = d.execute_script("return document.querySelector(':target')")
    assert target is not None and target.is_displayed()
    assert " ".join(target.text.split()) == " ".join(sentence.split())


def test_hostile_article_runs_nothing_in_the_reader(reader) -> None:
    from selenium.webdriver.common.by import By

    base, d = reader
    console(d)
    d.get(f"{base}/stories?q=crane")
    d.find_element(By.CSS_SELECTOR, "li.story a.title").click()
    for _ in range(2):  # the story page, then the list it came from
        assert d.title != "pwned"
        assert d.execute_script("return window.sbPwned === undefined")
        scripts = d.execute_script(
            "return Array.from(document.scripts).map(s => s.getAttribute('src'))"
        )
        assert scripts == ["/static/reader.js"]
        assert d.execute_script("return document.images.length") == 0
        assert "<script>" in d.find_element(By.TAG_NAME, "body").text
        d.back()
    assert not [m for m in console(d) if "Content Security Policy" in m]


def test_pages_work_without_javascript(reader, tmp_path: Path) -> None:
    """Citations are <details>: they open without the script, as do the filters' form."""
    from selenium.webdriver.common.by import By

    base, d = reader
    d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        d.get(f"{base}/stories?q=footbridge")
        d.find_element(By.CSS_SELECTOR, "li.story a.title").click()
        d.find_element(By.CSS_SELECTOR, ".brief details.cite summary").click()
        assert d.find_element(By.CSS_SELECTOR, ".brief details.cite .pop").is_displayed()
    finally:
        d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_pages_fit_a_phone_screen(reader) -> None:
    from selenium.webdriver.common.by import By

    base, d = reader
    d.set_window_size(390, 844)
    try:
        for path in ("/stories", "/stories?q=footbridge"):
            d.get(base + path)
            wide = d.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            assert wide <= 1, f"{path} scrolls sideways by {wide}px on a phone"
        d.find_element(By.CSS_SELECTOR, "li.story a.title").click()
        assert d.execute_script("return document.documentElement.scrollWidth - innerWidth") <= 1
        d.save_screenshot(str(output_dir() / "reader-story-phone.png"))
    finally:
        d.set_window_size(1100, 1400)
