"""Disagreement rules of issue 14 (fourth round), on invented sentences and names."""

from __future__ import annotations

from builders import flags
from storybrief.analyze.tokens import Context
from storybrief.analyze.values import values


def test_attackers_killed_counted_with_two_nouns_in_loosely_aligned_sentences() -> None:
    (d,) = flags(
        "The ministry said soldiers killed two of the gunmen and seized the third, "
        "while a young sentry of the frontier guard also died at his post.",
        '"Three militants were killed and one more was seized in the gunfight between '
        'frontier soldiers and raiders holed up in a barn," the broadcaster reported.',
    )
    assert {s.value for s in d.sides} == {"two of the gunmen", "Three militants"}


def test_a_generic_unit_shared_ties_no_loosely_aligned_counts() -> None:
    assert not flags(
        "The ministry said soldiers killed two people and seized the third, "
        "while a young sentry of the frontier guard also died at his post.",
        '"Three people were killed and one more was seized in the gunfight between '
        'frontier soldiers and raiders holed up in a barn," the broadcaster reported.',
    )


def test_a_unit_in_quotes_is_read() -> None:
    ctx = Context()
    (v,) = values(ctx, 'Radio Velt said three "militants" and a guard were killed.', None)
    assert v.unit == frozenset({"attacker"}) and v.text == 'three "militants"'
    (w,) = values(ctx, "Police said four “rebels” were killed.", None)
    assert w.text == "four “rebels”"


def test_a_verdict_on_one_person_and_charge_disagrees() -> None:
    (d,) = flags(
        "Dalen Morrow was convicted of arson in the fire at the Varnby depot last spring.",
        "On Friday a jury acquitted Dalen Morrow of arson after a week of testimony.",
    )
    assert d.kind == "verdict" and d.subject == "the verdict of Dalen Morrow (arson)"
    assert {s.value for s in d.sides} == {"was convicted of arson", "of arson"}


def test_verdicts_on_two_charges_or_hypothetical_ones_do_not() -> None:
    assert not flags(
        "Dalen Morrow was convicted of manslaughter in the death of a clerk in Varnby.",
        "A jury in Varnby acquitted Dalen Morrow of murder on Friday.",
    )
    assert not flags(
        "If convicted of arson, Dalen Morrow faces ten years in prison in Varnby.",
        "On Friday a jury acquitted Dalen Morrow of arson after a week of testimony.",
    )
    assert not flags(
        "Dalen Morrow was acquitted of arson but convicted of theft in Varnby.",
        "On Friday a jury in Varnby convicted Dalen Morrow of arson.",
    )


def test_a_plea_is_read_apart_from_a_verdict() -> None:
    (d,) = flags(
        "Dalen Morrow, 41, pleaded guilty on Monday to arson at the Varnby depot.",
        "Dalen Morrow pleaded not guilty to arson at the Varnby depot, his lawyer said.",
    )
    assert d.subject == "the plea of Dalen Morrow (arson)"
    assert not flags(
        "Dalen Morrow pleaded not guilty to arson at the Varnby depot.",
        "In March Dalen Morrow was convicted last week of arson at the Varnby depot.",
    )
