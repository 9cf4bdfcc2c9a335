"""Real parts for the web tests: a uvicorn server on loopback in a thread, and Debian's
Chromium driven through Selenium and chromedriver (``.ci/run`` installs both)."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("STORYBRIEF_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("STORYBRIEF_CHROMEDRIVER", "/usr/bin/chromedriver")
# Flags that work in this project's containers: no sandbox (root), no GPU, and nothing that
# reaches the network on its own (updates, sync, QUIC probes).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1200,900",
)


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """Serve an ASGI app with uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium with a fresh profile; skipped where it is not installed."""
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("chromium and chromium-driver are not installed (apt-get install them)")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="storybrief-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def console(driver: Any) -> list[str]:
    """The browser console's messages since the last call (CSP reports land here)."""
    return [entry["message"] for entry in driver.get_log("browser")]


def output_dir() -> Path:
    """Where browser tests leave screenshots (not committed): $STORYBRIEF_TEST_OUTPUT or
    ``test-output/`` in the checkout."""
    root = Path(__file__).resolve().parents[1]
    path = Path(os.environ.get("STORYBRIEF_TEST_OUTPUT") or root / "test-output")
    path.mkdir(parents=True, exist_ok=True)
    return path
