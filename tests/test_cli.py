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


# --- one brief per story, size limit, dates, the --story flags ----------------------------


def test_per_story_briefs_each_story_of_a_mixed_input(tmp_path: Path) -> None:
    examples = str(ROOT / "examples")
    result = CliRunner().invoke(main, ["brief", "--per-story", examples, "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema"].startswith("storybrief.briefs/")
    titles = [b["title"] for b in doc["briefs"]]
    assert len(titles) >= 2 and any("ferry" in (t or "").lower() for t in titles)
    ferry = next(b for b in doc["briefs"] if "ferry" in (b["title"] or "").lower())
    assert {a["origin"].split("/")[-2] for a in ferry["articles"]} == {"ferry"}
    # One file per story with -o DIR; HTML needs it (one page per story).
    out = tmp_path / "briefs"
    out.mkdir()
    files = CliRunner().invoke(
        main, ["brief", "--per-story", examples, "-f", "html", "-o", str(out)]
    )
    assert files.exit_code == 0, files.output
    assert len(list(out.glob("c*.html"))) == len(titles)
    no_dir = CliRunner().invoke(main, ["brief", "--per-story", examples, "-f", "html"])
    assert no_dir.exit_code == 2 and "-o DIR" in no_dir.output


def test_max_bytes_rejects_a_larger_article_and_keeps_the_rest(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("A sentence of a long report about the ferry. " * 2000, encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", EXAMPLE, str(big), "--max-bytes", "50kB"])
    assert result.exit_code == 1
    assert f"storybrief: skipped {big}: " in result.stderr and "size limit" in result.stderr
    bad = CliRunner().invoke(main, ["brief", EXAMPLE, "--max-bytes", "lots"])
    assert bad.exit_code == 2 and "not a size" in bad.output


def test_a_published_value_that_is_no_date_is_left_out_with_a_warning(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text(
        json.dumps(
            {
                "id": "x",
                "published": "not a date",
                "text": "The Holm ferry runs again "
                "after its engine refit, the operator said on Monday morning.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["brief", str(feed), "-f", "json", "--no-analysis"])
    assert result.exit_code == 0, result.output
    assert f"storybrief: warning: {feed}:1: published 'not a date' is not a date" in result.stderr
    doc = json.loads(result.stdout)
    assert doc["articles"][0]["published"] is None
    assert doc["meta"]["warnings"][0]["origin"] == f"{feed}:1"


def test_brief_of_a_stored_story_honours_no_analysis_and_summarizer(tmp_path: Path) -> None:
    from storybrief.pipeline import brief_articles
    from storybrief.store import open_store

    db = str(tmp_path / "s.db")
    assert CliRunner().invoke(main, ["ingest", "--db", db, "--no-progress", EXAMPLE]).exit_code == 0
    with open_store(db, create=False) as store:
        story = store.stories(order="largest")[0]
        articles = store.articles(story.id)
    args = ["brief", "--db", db, "--story", story.id, "-f", "json"]
    default = json.loads(CliRunner().invoke(main, args).stdout)
    flagged = json.loads(
        CliRunner().invoke(main, [*args, "--no-analysis", "--summarizer", "lead"]).stdout
    )
    assert default["analysis"] is not None and flagged["analysis"] is None
    lead = brief_articles(articles, summarizer="lead", analyze=False, clean=False)
    assert [s["text"] for s in flagged["summary"]] == [s.text for s in lead.summary]
    assert flagged["summary"] != default["summary"]
