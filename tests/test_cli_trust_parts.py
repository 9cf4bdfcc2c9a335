"""A tuning run of ``eval trust`` must not print held-out PolNeAR figures by default."""

from __future__ import annotations

from click.testing import CliRunner

from storybrief.cli import main
from storybrief.cli.eval import polnear_for


def test_tune_reads_polnear_train_unless_asked() -> None:
    assert polnear_for("tune", None) == "train"
    assert polnear_for("report", None) == "dev"
    assert polnear_for("all", None) == "dev"
    assert polnear_for("tune", "dev") == "dev"
    assert polnear_for("report", "train") == "train"


def test_help_states_the_default() -> None:
    result = CliRunner().invoke(main, ["eval", "trust", "--help"])
    assert result.exit_code == 0
    assert "train with --part tune" in result.output
