"""Disagreement rules of issue 14 (third round), on invented sentences and names: the one
figure each source gives of one property, money ranges written with a hyphen, more age
forms, weekdays that open a sentence, and bare counts of the dead."""

from __future__ import annotations

from builders import flags
from storybrief.analyze.tokens import Context
from storybrief.analyze.values import compatible, values


def money(sentence: str):
    (v,) = [v for v in values(Context(), sentence, None) if v.kind == "number"]
    return v


def test_one_figure_of_one_thing_counted_with_two_nouns_disagrees() -> None:
    (d,) = flags(
        "Officials said blowing snow caused a 30-car pileup near Varnby on the highway.",
        "Photos show the 25-vehicle pileup near Varnby that closed the road for hours.",
    )
    assert {s.value for s in d.sides} == {"30-car", "25-vehicle"}


def test_a_noun_counted_once_per_source_needs_a_shared_word_beside_it() -> None:
    # A store's story may hold several events: two articles' one count of a noun (the
    # pirates one navy caught, the pirates another navy caught) are no one figure.
    assert not flags(
        "The Osterland navy has captured 23 pirates.",
        "Sailors of the Velt frigate seized 11 pirates off Osterland, its captain said.",
    )


def test_figures_beside_two_rival_names_are_of_two_things() -> None:
    assert not flags(
        "Indeed, Tarn Valley ended up winning seven awards at the Vell gala.",
        "At the Vell gala, Osk Harbour ended the night with two awards.",
    )


def test_a_money_range_written_with_a_hyphen_is_a_range() -> None:
    v = money("The film had a budget of $27-30 million.")
    assert (v.low, v.high, v.text) == (27e6, 30e6, "$27-30 million")
    assert not compatible(v, money("The film cost about $20 million."))
    assert compatible(v, money("The film cost about $25 million."))
    assert not [v for v in values(Context(), "Velt won the final 3-2 on Sunday.", None)]


def test_more_age_forms() -> None:
    for a in (
        "Dalen Morrow, age 33, was arrested in Pinehurst on a warrant.",
        "Dalen Morrow, 33 years old, was arrested in Pinehurst on a warrant.",
        "Police arrested a 33-year-old man, Dalen Morrow, in Pinehurst.",
    ):
        (d,) = flags(a, "Dalen Morrow, 32, was arrested in Pinehurst on a warrant.")
        assert d.kind == "age" and {s.value for s in d.sides} == {"33", "32"}


def test_a_weekday_opening_the_sentence_dates_its_event() -> None:
    (d,) = flags(
        "On Friday, Tessa Vallin vanished from her home in Orrby.",
        "Tessa Vallin disappeared on Saturday after leaving a party.",
    )
    assert {s.value for s in d.sides} == {"Friday", "Saturday"}
    (d,) = flags(
        "Tessa Vallin was shot Friday outside a bar in Orrby.",
        "Tessa Vallin was shot on Saturday outside the bar, police said.",
    )
    assert d.kind == "day"
    # Two events of one person on two days are no dispute.
    assert not flags(
        "On Friday, Tessa Vallin vanished from her home in Orrby.",
        "Tessa Vallin was found on Saturday near the river.",
    )


def test_a_bare_count_of_the_dead_counts_people() -> None:
    (d,) = flags(
        "Twelve people were killed in the Orrby storm.",
        "The Orrby storm left 15 dead.",
    )
    assert d.kind == "count"


def test_one_event_clocked_at_two_times_disagrees() -> None:
    (d,) = flags(
        "Tessa Vallin was last seen about 1 p.m. Monday near the bridge.",
        "Tessa Vallin was last seen at 4:30 p.m. Monday near the bridge.",
    )
    assert d.kind == "time" and {s.value for s in d.sides} == {"about 1 p.m.", "4:30 p.m."}
    # A hedge widens the reading; a span and two events are no dispute.
    assert not flags(
        "Tessa Vallin was last seen about 1 p.m. Monday near the bridge.",
        "Tessa Vallin was last seen around 1:20 p.m. near the bridge.",
    )
    assert not flags(
        "Tessa Vallin was last seen between 1 and 5 p.m. on the trail.",
        "Tessa Vallin was last seen at 7 p.m. on the trail.",
    )
    assert not flags(
        "Tessa Vallin was last seen about 1 p.m. Monday.",
        "Tessa Vallin was found at 7 p.m. Monday.",
    )


def test_attackers_named_with_two_nouns_are_one_count() -> None:
    ctx = Context()
    (a,) = [v for v in values(ctx, "Troops killed two of the gunmen at the depot.", None)]
    (b,) = [v for v in values(ctx, "Three terrorists were killed at the depot.", None)]
    assert a.unit == b.unit == frozenset({"attacker"}) and (a.low, b.low) == (2, 3)
    # A part of a group that is no casualty count stays no count.
    assert not values(ctx, "Police said two of the gunmen fled.", None)


def test_the_one_death_toll_each_source_gives_disagrees_across_wordings() -> None:
    (d,) = flags(
        "A gunman's rampage at two Velmor schools killed 14 people and wounded dozens more.",
        "Officials said the attack on two Velmor schools, which left 13 people dead, shocked "
        "the region.",
    )
    assert {s.value for s in d.sides} == {"14 people", "13 people"}
    # An article giving two tolls (of two attacks) is no side.
    assert not flags(
        "A gunman's rampage at two Velmor schools killed 14 people. Last week he killed 3 "
        "people at the Osk mall.",
        "Officials said the attack on two Velmor schools, which left 13 people dead, shocked "
        "the region.",
    )


def test_a_speaker_after_an_aged_noun_is_not_its_person() -> None:
    assert not flags(
        "Officers found a 13-year-old boy, Dalen Morrow said on Friday.",
        "Dalen Morrow, 45, spoke to reporters on Friday.",
    )


def test_an_opening_weekday_before_a_statement_dates_the_statement() -> None:
    assert not flags(
        "On Friday, police said Tessa Vallin vanished from her home in Orrby.",
        "Tessa Vallin disappeared on Wednesday after leaving a party.",
    )
