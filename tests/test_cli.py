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


# --- every flag of `brief --story` reaches the brief -----------------------------------


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(db, id of its largest story): the example ingested once for the tests below."""
    from storybrief.store import open_store

    db = str(tmp_path_factory.mktemp("story") / "s.db")
    assert CliRunner().invoke(main, ["ingest", "--db", db, "--no-progress", EXAMPLE]).exit_code == 0
    with open_store(db, create=False) as store:
        return db, store.stories(order="largest")[0].id


def _story_json(stored: tuple[str, str], *flags: str) -> dict:
    db, sid = stored
    result = CliRunner().invoke(main, ["brief", "--db", db, "--story", sid, "-f", "json", *flags])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("flags", "options"),
    [
        ((), {}),
        (("--words", "40"), {"words": 40}),
        (("-w", "5"), {"words": 5}),  # the library's rule (at least 1), not a CLI one
        (("--no-analysis",), {"analysis": False}),
        (("--summarizer", "lead"), {"summarizer": "lead"}),
        (("--summarizer", "centroid", "--words", "60"), {"summarizer": "centroid", "words": 60}),
        (("--ner", "rules"), {"ner": "rules"}),
        (("--ner", "auto"), {"ner": "auto"}),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else None,
)
def test_every_brief_flag_applies_to_a_stored_story(
    stored: tuple[str, str], flags: tuple[str, ...], options: dict
) -> None:
    import storybrief
    from storybrief.options import BriefOptions

    got = _story_json(stored, *flags)
    want = storybrief.brief_story(stored[0], stored[1], options=BriefOptions(**options))
    assert got == json.loads(json.dumps(want.to_dict()))
    assert got["words"] == options.get("words", BriefOptions().words)
    assert (got["analysis"] is None) == (options.get("analysis") is False)


def test_brief_story_formats_and_output_file(stored: tuple[str, str], tmp_path: Path) -> None:
    db, sid = stored
    md = CliRunner().invoke(main, ["brief", "--db", db, "--story", sid])
    assert md.exit_code == 0 and md.stdout.startswith("# ")
    page = tmp_path / "b.html"
    html = CliRunner().invoke(main, ["brief", "--db", db, "--story", sid, "-f", "html", "-o", page])
    assert html.exit_code == 0 and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--words", "0"), "at least 1"),
        (("--words", "ten"), "ten"),
        (("--summarizer", "nope"), "choose one of"),
        (("--ner", "nope"), "ner must be one of"),
        ((EXAMPLE,), "not both"),
        (("--per-story",), "not both"),
    ],
)
def test_bad_story_flags_exit_2_with_one_line(
    stored: tuple[str, str], extra: tuple[str, ...], message: str
) -> None:
    db, sid = stored
    result = CliRunner().invoke(main, ["brief", "--db", db, "--story", sid, *extra])
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output
