"""Patterns gated by the text they need answer as one alternation of them would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storybrief.segment.furniture import _PATTERNS
from storybrief.segment.needles import (
    NeedleIndex,
    any_of,
    gated,
    required_literals,
    search_any,
)


def test_required_literals() -> None:
    assert required_literals(r"\bgetty images\b") == ("getty images",)
    assert required_literals(r"^\s*(?:additional )?reporting by\b") == ("reporting by",)
    assert required_literals(r"\((?:AP|AFP) photo\)") == (" photo)",)  # the longest
    assert required_literals(r"\b(?:photo|image)s?\s*:") == ("image", "photo")
    # nothing fixed to require: the pattern always runs
    assert required_literals(r"[a-z]+\.\s*$") == (".",)
    assert required_literals(r"[a-z]+") is None
    assert required_literals(r"(?:ab)?") is None
    assert required_literals(r"x(") is None  # not a pattern


ALPHABET = "ab (c)@.:/-’'PHOTO photo getty images reporting by\u2014 2016 Monday, "
CHECKS = gated(_PATTERNS, re.I)
INDEX = NeedleIndex(CHECKS + gated([r"[a-z]+\d"], re.I))  # one pattern that always runs
ONE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)
ONE_MORE = re.compile(ONE.pattern + r"|[a-z]+\d", re.I)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET.split(" ") + list(ALPHABET)), max_size=30))
def test_gated_search_is_the_alternation(parts: list[str]) -> None:
    text = "".join(parts)
    assert search_any(CHECKS, text, text.lower()) == (ONE.search(text) is not None)
    assert INDEX.search(text, text.lower()) == (ONE_MORE.search(text) is not None)


def test_gated_needs_case_insensitive_patterns() -> None:
    import pytest

    with pytest.raises(ValueError, match="re.I"):
        gated(["abc"], 0)


def test_strings_held_in_others_are_all_looked_for() -> None:
    # "photograph by" holds "photo", "all rights reserved" holds "rights reserved": the
    # index looks for a longer string only where the one it holds is found (issue 17).
    held = [n for n, _ in INDEX.index if any(m != n and m in n for m, _ in INDEX.index)]
    assert len(held) > 20
    for needle, _ in INDEX.index:
        for text in (needle, f"Jo Roe {needle}", f"{needle} by Jo Roe.", f"Jo ({needle}) 2016"):
            assert INDEX.search(text, text.lower()) == (ONE_MORE.search(text) is not None), text


WORDS = st.text(alphabet="ab(.) ", min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=8), st.text(alphabet="ab(.) c", max_size=30))
def test_any_of_finds_what_in_finds(strings: list[str], text: str) -> None:
    # Strings that start others ("ab", "abb"), repeat, or hold regex characters.
    found = any_of(strings).search(text)
    assert (found is not None) == any(s in text for s in strings)
    if found is not None:
        assert found.group(0) in strings


def test_any_of_needs_strings() -> None:
    import pytest

    for bad in ([], ["a", ""]):
        with pytest.raises(ValueError, match="non-empty"):
            any_of(bad)
