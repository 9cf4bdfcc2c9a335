"""Disagreement rules of issue 14 (seventh round), on invented sentences and names: the
street block one event happened on, anchored on the street rather than on shared words,
and the span of a run of like events, anchored on its ordinal and unit."""

from __future__ import annotations

from builders import flags
from storybrief.analyze.blocks import block_claims
from storybrief.analyze.streaks import streak_claims


def test_abbreviated_and_written_out_streets_are_one_key() -> None:
    ((a, va),) = block_claims("Ilse Brandt was hurt in the 1200 block of N. Harrow Ave. at dawn.")
    ((b, vb),) = block_claims("The van stopped in the 1200 block of North Harrow Avenue.")
    assert a == b == "north harrow avenue"
    assert va.low == vb.low == 1200


def test_a_run_without_a_street_word_is_no_claim() -> None:
    assert not block_claims("Crews cleared the 400 block of Carrow by noon on the second day.")


def test_two_blocks_of_one_street_disagree() -> None:
    (d,) = flags(
        "Ilse Brandt was struck by a delivery van in the 1200 block of Harrow Avenue at dawn.",
        "A cyclist was badly hurt outside a bakery in the 1500 block of Harrow Avenue.",
    )
    assert {s.value for s in d.sides} == {
        "1200 block of Harrow Avenue",
        "1500 block of Harrow Avenue",
    }


def test_the_same_block_is_no_dispute() -> None:
    assert not flags(
        "Ilse Brandt was struck by a delivery van in the 1200 block of Harrow Avenue at dawn.",
        "A cyclist was badly hurt outside a bakery in the 1200 block of Harrow Ave.",
    )


def test_an_article_naming_two_blocks_of_the_street_tells_of_two_places() -> None:
    assert not flags(
        "The van hit a cyclist in the 1200 block of Harrow Avenue and then a pole in the 1900"
        " block of Harrow Avenue.",
        "A cyclist was badly hurt outside a bakery in the 1500 block of Harrow Avenue.",
    )


def test_blocks_of_two_streets_are_two_places() -> None:
    assert not flags(
        "Ilse Brandt was struck by a delivery van in the 1200 block of Harrow Avenue at dawn.",
        "A cyclist was badly hurt outside a bakery in the 1500 block of Molk Street.",
    )


def test_one_source_group_never_disagrees_with_itself() -> None:
    assert not flags(
        "Ilse Brandt was struck by a delivery van in the 1200 block of Harrow Avenue at dawn."
        " Later a cyclist was hurt in the 1500 block of Molk Street.",
    )


def test_a_streak_span_is_read_with_its_ordinal_and_unit() -> None:
    ((key, v),) = streak_claims("It was the fourth hull breach in 11 months at the Molk yard.")
    assert key == "fourth|month"
    assert (v.low, v.text) == (11, "11 months")


def test_a_hedged_span_is_no_claim() -> None:
    assert not streak_claims("It was the third ferry stoppage in about six weeks at Carrow.")


def test_two_spans_of_one_streak_disagree() -> None:
    (d,) = flags(
        "It was the third hull breach in six weeks on a Velt ferry, the harbour office said.",
        "The Carrow crossing saw the third such failure in five weeks, and repairs began.",
    )
    assert {s.value for s in d.sides} == {"six weeks", "five weeks"}


def test_one_span_written_two_ways_is_no_dispute() -> None:
    assert not flags(
        "It was the third hull breach in six weeks on a Velt ferry, the harbour office said.",
        "The Carrow crossing saw the third such failure in 6 weeks, and repairs began.",
    )


def test_another_ordinal_is_another_streak() -> None:
    assert not flags(
        "It was the third hull breach in six weeks on a Velt ferry, the harbour office said.",
        "The Carrow crossing saw the second such failure in five weeks, and repairs began.",
    )


def test_an_article_with_two_spans_tells_of_two_runs() -> None:
    assert not flags(
        "It was the third hull breach in six weeks and the third engine fault in two weeks.",
        "The Carrow crossing saw the third such failure in five weeks, and repairs began.",
    )


def test_runs_of_two_kinds_of_event_are_two_streaks() -> None:
    assert not flags(
        "It was the third hull breach in six weeks on a Velt ferry, the harbour office said.",
        "Carrow saw the third dock strike in five weeks, and the crossing was shut again.",
    )
