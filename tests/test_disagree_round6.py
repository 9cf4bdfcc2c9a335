"""Disagreement rules of issue 14 (sixth round), on invented sentences and names: one
figure of one thing placed more exactly by one source than by the other."""

from __future__ import annotations

from builders import flags


def test_a_town_beside_one_figure_and_its_region_in_the_other_is_one_scope() -> None:
    (d,) = flags(
        "Drifting snow caused a 30-car pileup near Varnby, Osterland, troopers said on Friday.",
        "In Osterland, two drivers were hurt in a 25-vehicle pileup on the coast road.",
    )
    assert {s.value for s in d.sides} == {"30-car", "25-vehicle"}


def test_two_towns_beside_the_figures_are_two_scopes() -> None:
    assert not flags(
        "Drifting snow caused a 30-car pileup near Varnby, Osterland, troopers said on Friday.",
        "In Osterland, a 25-vehicle pileup near Kellmouth closed the coast road for hours.",
    )


def test_a_town_the_other_sentence_cannot_place_is_another_thing() -> None:
    # No wider place both sentences name: the other pileup may be anywhere.
    assert not flags(
        "Drifting snow caused a 30-car pileup near Varnby, troopers said on Friday.",
        "Two drivers were hurt in a 25-vehicle pileup on the coast road, Molk police said.",
    )
