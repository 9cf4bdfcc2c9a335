"""Disagreement rules of issue 14 (fifth round), on invented sentences and names."""

from __future__ import annotations

from builders import flags
from storybrief.analyze.ages import age_claims
from storybrief.analyze.names import NameIndex


def test_an_age_in_apposition_disagrees_though_the_sentence_says_when() -> None:
    (d,) = flags(
        "Ilse Brandt, 32, was hurt when a wall of the old mill fell in Carrow on Sunday.",
        "Rescuers pulled Ilse Brandt, 34, from the rubble of the mill in Carrow.",
    )
    assert d.kind == "age" and {s.value for s in d.sides} == {"32", "34"}


def test_an_age_dated_to_another_moment_states_no_age_now() -> None:
    assert not flags(
        "Ilse Brandt was 29 when she bought the old mill in Carrow, neighbours said.",
        "Rescuers pulled Ilse Brandt, 34, from the rubble of the mill in Carrow.",
    )
    assert not flags(
        "When Ilse Brandt, 29, bought the old mill in Carrow it was already leaning.",
        "Rescuers pulled Ilse Brandt, 34, from the rubble of the mill in Carrow.",
    )


def test_an_age_beside_a_known_person_the_name_finder_missed() -> None:
    index = NameIndex()
    index.canonical.update(
        {"ilse brandt": "Ilse Brandt", "brandt": "Ilse Brandt", "police": "Police"}
    )
    index.kind["Police"] = "person"
    index.kind["Ilse Brandt"] = "person"
    claims = age_claims(
        "The court heard that 34-year-old Brandt's van was parked.", (), (), (), index
    )
    assert [(c.person, c.value.low) for c in claims] == [("Ilse Brandt", 34)]
    # An unknown capitalised run is no person.
    assert not age_claims("A 34-year-old Varnby resident was hurt.", (), (), (), index)
    # Nor is a bare word the index happens to hold as a person.
    assert not age_claims("Carrow hired a 34-year-old Police cadet.", (), (), (), index)


def test_an_age_set_off_by_a_dash_is_read() -> None:
    (d,) = flags(
        "Ilse Brandt — a 32-year-old teacher from Carrow — was pulled from the old mill.",
        "Rescuers pulled Ilse Brandt, 34, from the rubble of the mill in Carrow.",
    )
    assert d.kind == "age" and {s.value for s in d.sides} == {"32", "34"}
