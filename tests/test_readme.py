"""Every code block of the README runs as written, on the bundled examples.

Each ```bash block runs as one script, each ```python block as one file, in order, in one
folder holding a copy of ``examples/`` (so ``-o brief.html`` and ``news.db`` land there, and
a later block finds what an earlier one made, as a reader following the README would),
with the installed ``storybrief`` command. What is not run, and why, is listed here: setting up the
virtual environment (it is the one running this test) and the commands that run the test
suite and linters themselves. The evaluation commands need ``../shared/data``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(bash|python)\n(.*?)^```", re.MULTILINE | re.DOTALL)
# The setup part of the quick-start commands: this test runs inside that environment.
SETUP = re.compile(
    r"^python3 -m venv \.venv && \. \.venv/bin/activate && (?:pip install [^&]+&& )+"
)
# Lines that run the test suite or the linters: this test is part of that run.
SELF = re.compile(r"^(python -m pytest|ruff |mypy)")


def _blocks() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(README)]


def _script(code: str) -> str:
    lines = []
    for line in code.splitlines():
        line = SETUP.sub("", line)
        if SELF.match(line):
            continue
        lines.append(line)
    return "\n".join(lines)


def _env() -> dict[str, str]:
    bindir = str(Path(sys.executable).parent)
    return dict(
        os.environ,
        PATH=bindir + os.pathsep + os.environ.get("PATH", ""),
        PYTHONPATH=str(ROOT / "src"),
        STORYBRIEF_EVAL_DATA=str(SHARED),
    )


def test_the_readme_has_the_blocks_this_test_runs() -> None:
    kinds = [kind for kind, _ in _blocks()]
    assert kinds.count("bash") >= 5 and kinds.count("python") >= 2
    first, second = (code.strip() for _, code in _blocks()[:2])
    assert first.endswith("storybrief brief examples/bridge/")
    assert second.endswith("python -m pytest -q")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", path / "examples")
    shutil.copytree(ROOT / "demo", path / "demo")  # the demo news site of `storybrief demo`
    return path


# The evaluation block runs the whole quality gate: about two minutes on two quiet cores,
# over five on a loaded machine.
BLOCK_TIMEOUT = 900


@pytest.mark.parametrize("index", range(len(_blocks())))
def test_readme_block_runs_as_written(index: int, workdir: Path) -> None:
    kind, code = _blocks()[index]
    if "storybrief eval" in code and not SHARED.exists():
        pytest.skip("the evaluation commands read ../shared/data")
    if "curl " in code and shutil.which("curl") is None:
        pytest.skip("curl not installed")
    tmp_path = workdir
    if kind == "bash":
        script = tmp_path / "block.sh"
        # Background jobs (the server) end with the block.
        script.write_text(
            "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n" + _script(code),
            encoding="utf-8",
        )
        cmd = ["bash", str(script)]
    else:
        script = tmp_path / "block.py"
        script.write_text(code, encoding="utf-8")
        cmd = [sys.executable, str(script)]
    result = subprocess.run(
        cmd,
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=BLOCK_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, f"block {index} ({kind}):\n{code}\n---\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr


def test_readme_and_recluster_help_quote_the_benchmark_figures() -> None:
    from storybrief.cli import main

    table = (ROOT / "docs" / "BENCHMARKS.md").read_text(encoding="utf-8")

    def f1(system: str) -> str:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{system}` |"))
        return row.split("|")[4].strip()  # system | P | R | F1

    figures = [f1("storybrief-ingest"), f1("storybrief-ingest+recluster")]
    help_text = " ".join((main.commands["recluster"].help or "").split())
    readme = " ".join(README.split())
    for text in (help_text, readme):
        assert f"score {figures[0]} B-cubed F1 after" in text
        assert f"{figures[1]} after" in text
