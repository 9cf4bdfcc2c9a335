"""Inputs on a real file system: ids from paths, symbolic links (loops, dangling, folders
behind links) and files that cannot be read, named directly or found in a folder, each a
one-line rejection that leaves the rest of the batch alone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from storybrief.cli import main
from storybrief.ingest import read_articles

PROSE = (
    "The ferry to Hollin Island returned to service on Monday after a month in dry dock. "
    "Its owners said the hull had been repainted and the engines overhauled."
)
OTHER = (
    "The library on Quay Street will open on Sundays from next month, the council said, "
    "after a petition signed by nine hundred readers."
)


def test_same_file_names_in_two_folders_keep_both(tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    for site, text in (("siteA", PROSE), ("siteB", OTHER)):
        (feed / site).mkdir(parents=True)
        (feed / site / "article.txt").write_text(text, encoding="utf-8")
    articles, rejected = read_articles([feed])
    assert not rejected
    assert [a.id for a in articles] == ["feed/siteA/article.txt", "feed/siteB/article.txt"]


def test_a_symlink_loop_in_a_folder_is_a_rejection_and_the_rest_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(PROSE, encoding="utf-8")
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "back").symlink_to(folder)  # a folder inside itself
    (folder / "notes").symlink_to(folder / "nowhere")  # unknown kind: not ours to read
    articles, rejected = read_articles([folder])
    assert [a.id for a in articles] == ["news/good.txt"]
    reasons = {Path(r.origin).name: r.reason for r in rejected}
    assert reasons == {
        "back": "symbolic link loop: leads back into a folder it is in",
        "dangling.txt": "broken symbolic link (its target does not exist)",
        "self.txt": "symbolic link loop",
    }


def test_symlinks_named_directly(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    target = tmp_path / "real.txt"
    target.write_text(PROSE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    articles, rejected = read_articles([loop, dangling, link, tmp_path / "missing.txt"])
    assert [a.text for a in articles] == [PROSE]  # a link to a file is read as the file
    assert [r.reason for r in rejected] == [
        "symbolic link loop",
        "broken symbolic link (its target does not exist)",
        "no such file or directory",
    ]


def test_a_folder_behind_a_symlink_is_walked(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir()
    (real / "a.txt").write_text(PROSE, encoding="utf-8")
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "linked").symlink_to(real)
    articles, rejected = read_articles([feed])
    assert not rejected and [a.id for a in articles] == ["feed/linked/a.txt"]


def test_cli_names_a_symlink_loop_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "examples" / "bridge", folder)
    (folder / "loop").symlink_to(folder)
    result = CliRunner().invoke(main, ["brief", str(folder), "--no-analysis"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "loop" in line]
    assert lines == [f"storybrief: skipped {folder / 'loop'}: " + lines[0].split(": ", 2)[2]]
    assert "## Sources" in result.stdout


# --- files that cannot be read ----------------------------------------------------------


@pytest.fixture
def open_dir() -> Iterator[Path]:
    """A folder any user may enter (pytest's own are private to their owner)."""
    path = Path(tempfile.mkdtemp(prefix="storybrief-perm-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _run_unprivileged(args: list[str]) -> subprocess.CompletedProcess[str]:
    """``storybrief ARGS`` as a user who cannot read what mode 000 hides: this one when it
    is not root (root reads everything), else the nobody user via setpriv."""
    cmd = [sys.executable, "-m", "storybrief", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        cmd = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)


def test_unreadable_files_and_folders_are_rejections_wherever_named(open_dir: Path) -> None:
    good = open_dir / "good.txt"
    good.write_text(PROSE, encoding="utf-8")
    locked = open_dir / "locked.txt"
    locked.write_text(OTHER, encoding="utf-8")
    locked.chmod(0o000)
    folder = open_dir / "folder"
    folder.mkdir()
    (folder / "fine.jsonl").write_text(json.dumps({"id": "f", "text": OTHER}) + "\n")
    inner = folder / "inner.jsonl"
    inner.write_text(json.dumps({"id": "i", "text": PROSE}) + "\n")
    inner.chmod(0o000)
    shut = folder / "shut"
    shut.mkdir()
    (shut / "x.txt").write_text(PROSE, encoding="utf-8")
    shut.chmod(0o000)
    for path in (open_dir, folder, good, folder / "fine.jsonl"):
        path.chmod(path.stat().st_mode | 0o055)
    try:
        result = _run_unprivileged(
            ["brief", str(good), str(locked), str(folder), "--no-analysis", "-f", "json"]
        )
    finally:
        shut.chmod(0o755)
    assert result.returncode == 1, result.stderr  # some inputs rejected, the rest briefed
    assert "Traceback" not in result.stderr
    skipped = sorted(line for line in result.stderr.splitlines() if "skipped" in line)
    assert skipped == sorted(
        [
            f"storybrief: skipped {inner}: cannot read: permission denied",
            f"storybrief: skipped {locked}: cannot read: permission denied",
            f"storybrief: skipped {shut}: cannot read folder: permission denied",
        ]
    )
    ids = sorted(a["id"] for a in json.loads(result.stdout)["articles"])
    assert ids == ["f", "good.txt"]
