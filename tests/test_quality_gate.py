"""Quality gate: storybrief's scores on a fixed real-data subset stay above pinned floors.

Floors: src/storybrief/eval/floors.json (raise them with `storybrief eval update-floors`;
lowering one needs --allow-lower). Runs in a few minutes on two cores: `pytest -m gate`.
"""

from __future__ import annotations

import pytest

from conftest import shared_path
from storybrief.eval.gate import check, load_floors, measure

pytestmark = [pytest.mark.gate, pytest.mark.slow]


def test_scores_stay_above_floors() -> None:
    root = shared_path()
    floors = load_floors()
    values, missing = measure(floors["subsets"], root=root)
    results = check(values, missing, floors)
    failed = [c.line() for c in results if not c.passed]
    assert not failed, "quality gate:\n" + "\n".join(failed)
