"""The command line: help everywhere, clean errors, exit codes that tell partial failure."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT
from storybrief.cli import main

EXAMPLE = str(ROOT / "examples" / "bridge")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, cmd in group.commands.items():
        out.append((*prefix, name))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, (*prefix, name))
    return out


@pytest.mark.parametrize("path", _commands(main), ids=" ".join)
def test_every_command_has_help_text(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    cmd: click.Command = main
    for part in path:
        cmd = cmd.commands[part]  # type: ignore[attr-defined]
    assert cmd.help and len(cmd.help.split()) >= 4, f"{' '.join(path)} needs a help text"


def test_brief_markdown_on_the_example() -> None:
    result = CliRunner().invoke(main, ["brief", EXAMPLE, "--words", "80"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# ")
    assert "[1]" in result.output or "[2]" in result.output


def test_brief_json_to_file(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    result = CliRunner().invoke(main, ["brief", EXAMPLE, "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["summary"] and doc["articles"]


def test_partial_failure_names_the_bad_input_and_keeps_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"text": "unterminated\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = CliRunner().invoke(main, ["brief", EXAMPLE, str(bad), str(empty), str(binary)])
    assert result.exit_code == 1
    for name in ("broken.jsonl", "empty.txt", "blob.txt"):
        assert name in result.stderr
    assert "## Sources" in result.stdout  # the good inputs were still briefed


def test_nothing_usable_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", str(empty)])
    assert result.exit_code == 2
    assert "empty.txt" in result.stderr


def test_no_input_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["brief"])
    assert result.exit_code == 2
    assert "no INPUT" in result.output


def test_stdin_jsonl() -> None:
    lines = [
        json.dumps({"id": f"n{i}", "text": t})
        for i, t in enumerate(
            [
                "The river ferry at Holm restarted on Monday after a month of repairs to its engine.",
                "Holm's river ferry is running again since Monday, its owners said, after engine repairs.",
            ]
        )
    ]
    result = CliRunner().invoke(
        main, ["brief", "-", "-f", "json", "--no-analysis"], input="\n".join(lines)
    )
    assert result.exit_code == 0, result.output
    assert {a["id"] for a in json.loads(result.stdout)["articles"]} == {"n0", "n1"}


def test_unknown_story_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["brief", "--db", str(tmp_path / "none.db"), "--story", "s1"])
    assert result.exit_code == 2
    assert "none.db" in result.output and "Traceback" not in result.output
