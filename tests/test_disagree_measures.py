"""Disagreement rules of issue 14 (second round), on invented sentences and names: how
far a hedge such as "nearly" reaches, the one compound size each source gives of one
thing, and a forecast that governs coordinated figures."""

from __future__ import annotations

from builders import flags
from storybrief.analyze.tokens import Context
from storybrief.analyze.values import compatible, values


def one(sentence: str):
    (v,) = [v for v in values(Context(), sentence, None) if v.kind == "count"]
    return v


def test_nearly_is_a_little_short_of_the_figure() -> None:
    nearly = one("The council read a nearly 8,000-word report.")
    assert not compatible(nearly, one("The council read a 7,200-word report."))
    assert compatible(nearly, one("The council read a 7,800-word report."))
    # A small count may be two short.
    assert compatible(one("Almost 20 boats sank."), one("Just 18 boats sank."))
    assert not compatible(one("Almost 100 boats sank."), one("Just 90 boats sank."))


def test_one_compound_size_of_one_thing_disagrees_across_wordings() -> None:
    (d,) = flags(
        "In a nearly 8,000-word essay on Monday, Mr. Varnholt set out his plans for the firm.",
        "Mr Varnholt's remarks came with a 7,200-word note he wrote to the staff of Kelmar.",
    )
    assert d.kind == "count" and {s.value for s in d.sides} == {"nearly 8,000-word", "7,200-word"}


def test_an_article_measuring_two_things_in_one_unit_is_no_side() -> None:
    assert not flags(
        "The Ostrava is a 31,000-ton freighter, Captain Venn said. It dwarfed the 9,100-ton Orla.",
        "The 29,500-ton Ostrava carried 40 crew, Captain Venn said.",
    )


def test_two_peoples_records_are_no_one_size() -> None:
    assert not flags(
        "Dana Whitlow, a three-time runner-up, said the trail was icy.",
        "Whitlow trailed Pim Oakes, a four-time champion, by an hour.",
    )


def test_a_forecast_governs_the_figures_coordinated_after_it() -> None:
    assert not flags(
        "The Tarn is expected to rise as much as 4 feet above flood stage in Ravel County "
        "and as much as 9 feet above flood stage in Oster County.",
        "At Ravel the Tarn sits nearly 13 feet above flood stage, and should stay high for days.",
    )


def test_two_offices_of_one_body_credited_with_one_claim_disagree() -> None:
    (d,) = flags(
        "By late 2031, according to the UN Water Division, the lake will hold nine billion tons.",
        "Late in 2031, according to the experts at the U.N. Water Research Bureau, the lake "
        "will pass nine billion tons.",
    )
    assert d.kind == "name"
    assert {s.value for s in d.sides} == {"UN Water Division", "U.N. Water Research Bureau"}


def test_one_body_written_two_ways_is_no_two_offices() -> None:
    assert not flags(
        "The cap is $3,100, according to the Federal Harbor Commission, an aide said late.",
        "The cap is $3,100, according to the Federal Harbors Commission, an aide said late.",
    )


def test_two_offices_on_two_claims_never_meet() -> None:
    assert not flags(
        "By 2031, according to the UN Water Division, the lake will shrink.",
        "In 1990, according to the UN Water Research Bureau, harvests fell.",
    )
