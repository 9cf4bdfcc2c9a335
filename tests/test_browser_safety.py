"""A real Chromium opens the exported HTML page and the served one, built from an article
whose title, text and URL carry script payloads: no script runs, the hostile URL is no
link, and the Content-Security-Policy is in force (an inline script planted in the page
is blocked)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("selenium")

from browser import chromium, console, serve_app  # noqa: E402
from storybrief.render import render  # noqa: E402
from storybrief.service import create_app  # noqa: E402
from test_render_safety import IMG_TEXT, SCRIPT_TITLE, hostile_brief  # noqa: E402

MARK = "pwned"


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


def assert_nothing_ran(driver) -> None:
    assert driver.title != MARK
    assert driver.execute_script("return document.querySelectorAll('script, img').length") == 0
    hrefs = driver.execute_script(
        "return Array.from(document.querySelectorAll('a')).map(a => a.href)"
    )
    assert hrefs and all(h.startswith(("http://", "https://", "file://")) for h in hrefs), hrefs
    # the payloads are on the page, as text
    body = driver.find_element("tag name", "body").text
    assert "<script>" in body and "onerror=" in body


def test_exported_page_runs_no_script(browser, tmp_path: Path) -> None:
    page = tmp_path / "brief.html"
    page.write_text(render(hostile_brief(), "html"), encoding="utf-8")
    browser.get(page.as_uri())
    assert_nothing_ran(browser)
    policy = browser.execute_script(
        "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content"
    )
    assert "script-src 'none'" in policy


def test_exported_page_policy_blocks_a_planted_script(browser, tmp_path: Path) -> None:
    """Defence in depth: were an escape ever missed, the page's own policy stops it."""
    html = render(hostile_brief(), "html")
    planted = html.replace("</body>", f"<script>document.title='{MARK}'</script></body>")
    page = tmp_path / "planted.html"
    page.write_text(planted, encoding="utf-8")
    console(browser)
    browser.get(page.as_uri())
    assert browser.title != MARK
    assert any("Content Security Policy" in m for m in console(browser))
    # the page still has its style (allowed by hash): the title is not in the default font
    font = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert "Georgia" in font


def test_served_pages_run_no_script(browser, tmp_path: Path) -> None:
    from fastapi.responses import HTMLResponse

    app = create_app(tmp_path / "news.db")

    @app.get("/planted")
    def planted() -> HTMLResponse:  # a page that forgot to escape: the header policy holds
        return HTMLResponse(f"<html><body><script>document.title='{MARK}'</script>ok</body></html>")

    articles = [
        {"id": "evil", "title": SCRIPT_TITLE, "text": IMG_TEXT, "url": "JavaScript:alert(1)"},
        {"id": "good", "text": IMG_TEXT.replace("Monday", "Tuesday"), "url": "https://x.example/"},
    ]
    with serve_app(app) as base:
        import httpx

        r = httpx.post(f"{base}/brief?format=html", json={"articles": articles, "words": 60})
        assert r.status_code == 200 and "script-src 'none'" in r.headers["content-security-policy"]

        # serve what the service rendered from its own origin, as a reader would open it
        @app.get("/hostile")
        def hostile() -> HTMLResponse:
            return HTMLResponse(
                r.text, headers={"Content-Security-Policy": r.headers["content-security-policy"]}
            )

        browser.get(f"{base}/hostile")
        assert_nothing_ran(browser)
        console(browser)
        browser.get(f"{base}/planted")
        assert browser.title != MARK and "ok" in browser.page_source
        assert any("Content Security Policy" in m for m in console(browser))


def test_docs_work_offline_in_the_browser(browser, tmp_path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    with serve_app(create_app(tmp_path / "news.db")) as base:
        console(browser)
        browser.get(f"{base}/docs")
        WebDriverWait(browser, 20).until(
            lambda d: d.execute_script("return document.querySelectorAll('.opblock').length") > 0
        )
        paths = browser.execute_script(
            "return Array.from(document.querySelectorAll('.opblock-summary-path'))"
            ".map(e => e.textContent)"
        )
        assert "/brief" in "".join(paths)
        blocked = [m for m in console(browser) if "Content Security Policy" in m and "script" in m]
        assert not blocked, blocked
