"""``--language`` / ``BriefOptions.language``: a brief in one language is built from that
language's articles, unless asked otherwise (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storybrief import BriefOptions, brief_articles
from storybrief.cli import main
from storybrief.errors import ConfigError
from storybrief.model import Article

EN = [
    "The Holm river ferry restarted on Monday after a month of engine repairs, its operator said.",
    "Holm's river ferry is running again since Monday after a month of engine repairs.",
]
DE = [
    "Die Fähre auf dem Holm fährt seit Montag wieder, nach einem Monat Reparaturen am Motor.",
]


def _articles() -> list[Article]:
    texts = [*EN, *DE]
    return [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]


def test_default_keeps_the_main_language_and_rejects_the_rest() -> None:
    result = brief_articles(_articles())
    assert [a.id for a in result.articles] == ["a0", "a1"]
    assert [r.reason for r in result.rejected] == [
        "written in de; the brief is in en (language='all' keeps every language)"
    ]


def test_a_named_language_and_all() -> None:
    german = brief_articles(_articles(), language="de")
    assert [a.id for a in german.articles] == ["a2"] and len(german.rejected) == 2
    assert len(brief_articles(_articles(), options=BriefOptions(language="all")).articles) == 3
    # the keyword takes the place of the options' value, as the others do
    opts = BriefOptions(language="all")
    assert [a.id for a in brief_articles(_articles(), options=opts, language="de").articles] == [
        "a2"
    ]


@pytest.mark.parametrize("value", ["", "German", "DE", "e1", 3])
def test_a_bad_language_fails_when_the_options_are_made(value: object) -> None:
    with pytest.raises(ConfigError, match="language must be auto, all or"):
        BriefOptions(language=value)  # type: ignore[arg-type]


def _folder(tmp_path: Path) -> Path:
    for i, text in enumerate([*EN, *DE]):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_cli_language(tmp_path: Path) -> None:
    folder = str(_folder(tmp_path))
    runner = CliRunner()
    auto = runner.invoke(main, ["brief", folder, "-f", "json"])
    assert auto.exit_code == 1  # the German article is rejected, and named on stderr
    assert "written in de" in auto.output
    german = runner.invoke(main, ["brief", folder, "--language", "DE", "-f", "json"])
    assert german.exit_code == 1
    brief = json.loads(german.stdout)
    assert [a["id"] for a in brief["articles"]] == [f"{Path(folder).name}/a2.txt"]
    every = runner.invoke(main, ["brief", folder, "--language", "all", "-f", "json"])
    assert every.exit_code == 0 and len(json.loads(every.stdout)["articles"]) == 3
    bad = runner.invoke(main, ["brief", folder, "--language", "german"])
    assert bad.exit_code == 2 and "language must be auto, all or" in bad.output
    assert "--language CODE" in runner.invoke(main, ["brief", "--help"]).output


def test_per_story_leaves_out_stories_in_another_language(tmp_path: Path) -> None:
    folder = str(_folder(tmp_path))
    result = CliRunner().invoke(
        main, ["brief", "--per-story", folder, "--language", "de", "-f", "json"]
    )
    assert result.exit_code in (0, 1), result.output
    briefs = json.loads(result.stdout)["briefs"]
    assert briefs and all(a["id"].endswith("a2.txt") for b in briefs for a in b["articles"])
