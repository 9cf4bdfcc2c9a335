"""The ``storybrief eval`` commands: help text everywhere, and small runs end to end."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import shared_path
from storybrief.cli import main

COMMANDS = ["summaries", "clustering", "extraction", "gate", "update-floors"]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_eval_command_has_help(name: str) -> None:
    result = CliRunner().invoke(main, ["eval", name, "--help"])
    assert result.exit_code == 0
    assert len(result.output.split("\n")[2]) > 10  # a real one-line description


def test_clustering_json_on_two_topics() -> None:
    data = shared_path()
    result = CliRunner().invoke(
        main,
        [
            "eval",
            "clustering",
            "--topics",
            "2",
            "--systems",
            "singletons,gold-topic",
            "--data",
            str(data),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert [r["system"] for r in payload["results"]] == ["singletons", "gold-topic"]
    assert payload["results"][1]["bcubed"]["recall"] == 1.0


def test_summaries_table_on_neus() -> None:
    data = shared_path()
    result = CliRunner().invoke(
        main,
        [
            "eval",
            "summaries",
            "--dataset",
            "neus",
            "--limit",
            "3",
            "--systems",
            "lead,oracle",
            "--data",
            str(data),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "| `lead` |" in result.output and "budget 70 words" in result.output


def test_unknown_system_is_a_clean_error() -> None:
    result = CliRunner().invoke(main, ["eval", "summaries", "--systems", "nope", "--limit", "1"])
    assert result.exit_code != 0
    assert "choose from" in result.output and "Traceback" not in result.output
