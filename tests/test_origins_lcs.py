"""The bit-parallel longest common subsequence is the classic table's (issue 17)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storybrief.segment.origins import common_subsequence, edited_copy


def _table(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


WORDS = st.lists(st.sampled_from(["the", "mayor", "said", "bridge", "on", "friday", "a"]))


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_common_subsequence_is_the_table(a: list[str], b: list[str]) -> None:
    assert common_subsequence(a, b) == _table(a, b) == common_subsequence(b, a)


def test_edited_copy() -> None:
    base = [
        "the",
        "harbour",
        "board",
        "of",
        "Velmora",
        "said",
        "on",
        "friday",
        "that",
        "the",
        "old",
        "pier",
        "would",
        "close",
    ]
    dropped = [w for w in base if w != "old"]
    assert edited_copy(base, dropped) and edited_copy(dropped, base)
    assert not edited_copy(base, list(reversed(base)))
    assert not edited_copy(base[:5], base[:5])  # too short to tell
