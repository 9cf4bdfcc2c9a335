"""Token-level extraction scores on hand cases, and the sections helper of the benchmark doc."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybrief.eval.extraction import match_counts, prf_from_counts, token_prf
from storybrief.eval.report import read_section, replace_section, update_section


def test_identical_text_is_perfect() -> None:
    assert token_prf("a b c d", "a b c d") == (1.0, 1.0, 1.0)


def test_extra_and_missing_tokens_by_hand() -> None:
    # true: a b c d; pred: a b x -> tp 2, fp 1, fn 2: P 2/3, R 1/2.
    p, r, f = token_prf("a b c d", "a b x")
    assert p == pytest.approx(2 / 3) and r == pytest.approx(1 / 2)
    assert f == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_repeated_tokens_count_as_a_multiset() -> None:
    # true has "the" twice, pred three times: one is a false positive.
    assert match_counts("the cat the", "the the the cat") == pytest.approx((3 / 4, 1 / 4, 0.0))


def test_empty_prediction_has_recall_zero() -> None:
    p, r, f = prf_from_counts([match_counts("a b", "")])
    assert r == 0.0 and f == 0.0


def test_macro_average_over_pages() -> None:
    counts = [match_counts("a b", "a b"), match_counts("a b", "a")]
    p, r, _ = prf_from_counts(counts)
    assert p == 1.0 and r == pytest.approx(0.75)


def test_shingles() -> None:
    assert token_prf("one two three four five", "one two three four five", n=4)[2] == 1.0
    assert token_prf("one two three four five", "five four three two one", n=4)[2] == 0.0


def test_update_section_replaces_only_its_own(tmp_path: Path) -> None:
    doc = tmp_path / "B.md"
    update_section("speed", "old speed", doc)
    update_section("summaries", "tables", doc)
    update_section("speed", "new speed", doc)
    text = doc.read_text(encoding="utf-8")
    assert read_section(text, "speed") == "new speed"
    assert read_section(text, "summaries") == "tables"
    assert text.count("<!-- section:speed -->") == 1


def test_replace_section_appends_when_missing() -> None:
    out = replace_section("# T\n", "x", "body")
    assert out.endswith("<!-- section:x -->\nbody\n<!-- /section:x -->\n")


def test_a_page_is_filed_under_its_own_language_not_one_quoted_line() -> None:
    """A German page whose kept snippets include one Greek line is a German page."""
    from storybrief.eval.datasets import Page
    from storybrief.eval.extraction import _languages

    page = Page(
        id="p",
        html="",
        body="",
        include=("Liebe Leserinnen und Leser", "Καλημέρα σε όλους τους φίλους μας"),
        exclude=(
            "Diese Seite verwendet Cookies, damit sie besser funktioniert.",
            "Hier können Sie unseren Newsletter bestellen und jederzeit wieder abbestellen.",
        ),
    )
    assert _languages([page]) == {"p": "de"}


def test_systems_take_turns_yet_each_output_belongs_to_its_own_page() -> None:
    """The runner alternates systems page by page; every system's n-th output is still
    the n-th page's text, and each system is timed."""
    from storybrief.eval.datasets import Page
    from storybrief.eval.extraction import _run_all

    words = ["heron", "lantern", "quarry"]
    pages = [
        Page(
            id=f"p{i}",
            html=(
                f"<html><body><article><p>The {w} story opens here with a plain sentence "
                f"about the {w}, long enough to read as prose.</p></article></body></html>"
            ),
            body="",
        )
        for i, w in enumerate(words)
    ]
    seen: list[tuple[str, int, int]] = []
    runs = _run_all(["page-text", "trafilatura"], pages, lambda *a: seen.append(a))
    for name, run in runs.items():
        assert len(run.outputs) == len(pages), name
        for w, out in zip(words, run.outputs, strict=True):
            assert w in out, (name, w)
        assert run.seconds > 0 and run.unavailable is None
    assert [s[1] for s in seen] == [1, 2, 3]
