"""The floors logic: checks with epsilon, and an update that refuses to lower a floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybrief.errors import ConfigError
from storybrief.eval.gate import FLOORS_PATH, check, load_floors, updated_floors


def _floors(**metrics: float) -> dict[str, object]:
    return {"subsets": {}, "floors": {m: {"floor": v, "epsilon": 0.5} for m, v in metrics.items()}}


def test_within_epsilon_passes_below_fails() -> None:
    floors = _floors(**{"summaries/neus/rouge1": 40.0})
    assert all(c.passed for c in check({"summaries/neus/rouge1": 39.6}, {}, floors))
    assert not any(c.passed for c in check({"summaries/neus/rouge1": 39.4}, {}, floors))


def test_a_pinned_metric_that_was_not_measured_fails() -> None:
    floors = _floors(**{"extraction/token_f1": 0.9})
    [c] = check({}, {"extraction/token_f1": "ImportError"}, floors)
    assert not c.passed and "ImportError" in c.line()


def test_update_raises_floors() -> None:
    new = updated_floors(
        {"summaries/neus/rouge1": 41.237}, _floors(**{"summaries/neus/rouge1": 40.0})
    )
    assert new["floors"]["summaries/neus/rouge1"]["floor"] == 41.23


def test_update_refuses_to_lower_unless_told() -> None:
    floors = _floors(**{"summaries/neus/rouge1": 40.0})
    with pytest.raises(ConfigError, match="allow-lower"):
        updated_floors({"summaries/neus/rouge1": 38.0}, floors)
    new = updated_floors({"summaries/neus/rouge1": 38.0}, floors, allow_lower=True)
    assert new["floors"]["summaries/neus/rouge1"]["floor"] == 38.0


def test_update_keeps_a_floor_it_could_not_measure() -> None:
    new = updated_floors({}, _floors(**{"clustering/ari": 0.8}))
    assert new["floors"]["clustering/ari"]["floor"] == 0.8


def test_committed_floors_file_is_valid() -> None:
    data = load_floors(FLOORS_PATH)
    assert Path(FLOORS_PATH).exists()
    for metric, entry in data["floors"].items():
        assert entry["epsilon"] > 0, metric
        assert set(data["subsets"]) >= {"multinews", "neus", "scrapinghub"}
