"""One options object, one budget rule: the library, the CLI and the service accept and
refuse the same budgets, with the same message."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from storybrief import BriefOptions, brief_articles, brief_texts
from storybrief.budget import DEFAULT_WORDS, MIN_WORDS
from storybrief.cli import main
from storybrief.errors import ConfigError
from storybrief.model import Article

EXAMPLE = str(ROOT / "examples" / "bridge")
TEXTS = [
    "The Holm river ferry restarted on Monday after a month of engine repairs.",
    "Holm's river ferry is running again since Monday after engine repairs, its operator said.",
]
BAD_BUDGETS = [0, -5, True, 1.5, "100", None]


def test_defaults_are_written_once_and_the_object_is_frozen() -> None:
    opts = BriefOptions()
    assert (opts.words, opts.summarizer, opts.analysis, opts.ner) == (
        DEFAULT_WORDS,
        "default",
        True,
        "rules",
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.words = 10  # type: ignore[misc]
    assert opts.updated(words=None, ner=None) is opts
    assert opts.updated(words=80).words == 80 and opts.updated(words=80).ner == "rules"


@pytest.mark.parametrize("words", [w for w in BAD_BUDGETS if w is not None])
def test_a_bad_budget_fails_when_the_options_are_made(words: object) -> None:
    with pytest.raises(ConfigError, match="words .* at least 1"):
        BriefOptions(words=words)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="words .* at least 1"):
        brief_texts(TEXTS, words=words)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("summarizer", "nope", "choose one of: centroid, default, lead, learned"),
        ("summarizer", 3, "summarizer must be a name"),
        ("ner", "nope", "ner must be one of auto, spacy, rules"),
        ("analysis", "yes", "analysis must be true or false"),
    ],
)
def test_bad_choices_fail_with_the_valid_ones(field: str, value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        BriefOptions(**{field: value})  # type: ignore[arg-type]


def test_the_smallest_budget_is_the_same_everywhere(tmp_path: Path) -> None:
    assert MIN_WORDS == 1
    small = brief_articles([Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS)], words=1)
    assert small.words == 1 and not small.summary  # valid: no sentence fits one word
    cli = CliRunner().invoke(main, ["brief", EXAMPLE, "--words", "5", "-f", "json"])
    assert cli.exit_code == 0, cli.output  # the CLI's own minimum was 10
    refused = CliRunner().invoke(main, ["brief", EXAMPLE, "--words", "0"])
    assert refused.exit_code == 2 and "at least 1" in refused.output


def test_the_service_applies_the_same_rule(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storybrief.service import ServiceSettings, create_app

    client = TestClient(create_app(tmp_path / "news.db", settings=ServiceSettings()))
    articles = [{"text": t} for t in TEXTS]
    for words in (0, -1, True, "100"):
        r = client.post("/brief", json={"articles": articles, "words": words})
        assert r.status_code == 422 and "at least 1" in r.json()["detail"], words
    assert client.post("/brief", json={"articles": articles, "words": 5}).status_code == 200
    # a stored story's brief: 0 is refused before the store is read, 5 passes the rule
    # (and finds no story in an empty store)
    assert client.get("/stories/s1/brief", params={"words": 0}).status_code == 422
    assert client.get("/stories/s1/brief", params={"words": 5}).status_code != 422
    assert client.get("/stories/s1", params={"words": 0}).status_code == 422
