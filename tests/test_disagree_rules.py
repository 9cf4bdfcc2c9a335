"""Disagreement rules of issue 14, on invented sentences shaped like the real traps: what
is one property of one thing (an age, an event's day, a salary) and what only looks like
it (flight numbers, times of day, aliases, containment, parts of wholes, lists)."""

from __future__ import annotations

from builders import flags
from storybrief.analyze.tokens import Context
from storybrief.analyze.values import compatible, values
from storybrief.clean.junk import not_an_article


def kinds(*texts: str) -> list[str]:
    return [d.kind for d in flags(*texts)]


def vals(sentence: str) -> list[str]:
    return [v.text for v in values(Context(), sentence, None)]


def test_a_persons_age_is_compared_across_wordings() -> None:
    (d,) = flags(
        "Police said Tom Ridley, 33, left work early, a colleague said.",
        "Tom Ridley has died, his family said. He was 32.",
    )
    assert d.kind == "age" and sorted(s.value for s in d.sides) == ["32", "33"]
    assert "Tom Ridley" in d.subject


def test_an_age_then_is_no_age_now() -> None:
    assert "age" not in kinds(
        "Tom Ridley, 33, said he was proud, a colleague said.",
        "Tom Ridley said he was 20 when he joined, a colleague said.",
    )


def test_the_day_one_person_vanished() -> None:
    (d,) = flags(
        "Anna Kovac, a nurse, vanished on Friday after her shift, police said.",
        "Anna Kovac went missing Saturday, her sister said.",
    )
    assert d.kind == "day" and {s.value for s in d.sides} == {"Friday", "Saturday"}


def test_reported_missing_is_another_moment() -> None:
    assert "day" not in kinds(
        "Anna Kovac vanished on Friday, police said.",
        "Anna Kovac was reported missing Saturday, police said.",
    )


def test_identifiers_and_times_are_no_counts() -> None:
    assert vals("Asiana Flight 214 carried 4 pilots.") == ["4 pilots"]
    assert vals("He died at 5:35 p.m. Wednesday.") == []
    assert vals("It happened in the 3000 block of Main Street.") == []
    assert vals("The magistrate in Orrin dropped three of the eight charges.") == []


def test_hyphenated_measures_and_ranges() -> None:
    assert vals("a 5,500-word letter") == ["5,500-word"]
    ctx = Context()
    (a,) = values(ctx, "He will be paid $27–30 million.", None)
    (b,) = values(ctx, "He will be paid about $20 million.", None)
    (c,) = values(ctx, "He will be paid $28 million.", None)
    assert not compatible(a, b) and compatible(a, c)
    (h,) = values(ctx, "Running time: 1 hour, 30 minutes.", None)
    (m,) = values(ctx, "Running time: 91 min.", None)
    assert h.text == "1 hour, 30 minutes" and not compatible(h, m)


def test_aliases_and_containment_are_no_name_conflicts() -> None:
    assert "name" not in kinds(
        "The Britain-based monitoring group said 18 soldiers were wounded in the clashes.",
        "The UK-based monitoring group said 18 soldiers were wounded in the clashes.",
    )
    assert "name" not in kinds(
        "The fossil is kept at the dinosaur museum in Colorado, curator Ann Lee said.",
        "The fossil is kept at the dinosaur museum in Woodland Park, curator Ann Lee said.",
        "Ann Lee runs the dinosaur museum in Woodland Park, Colorado.",
    )


def test_different_days_are_different_facts() -> None:
    assert (
        kinds(
            "Four people were killed across the country on Tuesday, activists said.",
            "At least 125 people were killed across the country on Monday, activists said.",
        )
        == []
    )


def test_a_list_in_both_is_no_dispute() -> None:
    assert (
        kinds(
            "Each mission lasts a day: 16 hours on the sea floor and four hours to surface.",
            "Each mission takes a day: 16 hours mapping the sea floor and four hours of travel.",
        )
        == []
    )


def test_video_pages_and_teasers_are_no_articles() -> None:
    page = "Published on Dec 29, 2016\n\nThe host talks about the week.\n\nSubscribe: http://x.y"
    assert not_an_article(page) == "a video page's description"
    teaser = "Features\n\nAt the awards, actors will learn which lucky few will win a prize."
    assert not_an_article(teaser) == "a one-sentence teaser"
    report = "Officials said the bridge is closed. It will reopen in May, they said."
    assert not_an_article(report) is None


def test_a_bare_count_of_the_killed_counts_people() -> None:
    assert vals("On Friday, a blast at the Marrowgate depot killed two and wounded 30.") == [
        "two",
        "30",
    ]
    # A part is counted in its own noun (the attackers), not as people.
    (part,) = values(Context(), "Police killed two of the gunmen.", None)
    assert part.unit == frozenset({"attacker"})


def test_the_killed_and_the_injured_are_two_counts() -> None:
    (d,) = flags(
        "On Friday, a truck bomb killed two and wounded 30 in the river town of Korvash.",
        "A truck bomb in the river town of Korvash killed at least three people on Friday.",
    )
    assert d.kind == "count" and sorted(s.value for s in d.sides) == [
        "at least three people",
        "two",
    ]
    assert (
        kinds(
            "A truck bomb wounded 30 people in the river town of Korvash on Friday, police said.",
            "A truck bomb killed three people in the river town of Korvash on Friday, police said.",
        )
        == []
    )


def test_a_city_and_its_country_are_two_scopes() -> None:
    city = "On Monday the shelling killed 104 people in Brezna, monitors of the conflict reported."
    assert (
        kinds(
            city,
            "On Monday the shelling killed 125 people across Veltria, monitors of the conflict "
            "reported.",
        )
        == []
    )
    # The same two figures counted in one place do disagree: the scopes keep them apart.
    assert kinds(
        city,
        "On Monday the shelling killed 125 people in Brezna, monitors of the conflict reported.",
    ) == ["count"]


def test_a_count_agreed_for_one_day_is_no_rival_of_another_days() -> None:
    # The first two agree on Monday's count; Tuesday's four is another fact.
    found = flags(
        "Monitors counted a total of 125 people who had died across Veltria in the unrest.",
        "As many as 125 people died across Veltria on Monday in the unrest, monitors said.",
        "By dawn on Tuesday, four people had died across Veltria in the unrest, monitors said.",
    )
    assert found == ()


def test_rounded_percentages_and_bases_of_shares() -> None:
    # Whole percentages one apart may be one figure rounded two ways.
    assert (
        kinds(
            "The campaign said 35% of its staff are women, new diversity data shows.",
            "The campaign said 36 percent of its staff are women, new diversity data shows.",
        )
        == []
    )
    # A margin is no gap: "a 22-point margin" measures what the other value does not.
    assert (
        kinds(
            "While this bloc favored Halvorsen by 44 points, it now supports her by a 22-point margin.",
            "Within the survey's error margin, Halvorsen's support is 6 points below her record.",
        )
        == []
    )


def test_a_name_in_a_negated_clause_is_no_claim() -> None:
    assert (
        kinds(
            "Donations to the foundation don't go to the DNC, the group said on Wednesday.",
            "Donations to the foundation go to ActBlue, the group said on Wednesday.",
        )
        == []
    )


# --- issue 14, false-alarm traps (value_traps; rounding and ranges in values) ------------


def test_a_qualified_part_is_no_rival_of_the_whole() -> None:
    assert not flags(
        "He faces one count of theft and five counts of second degree criminal trespass, "
        "officials said.",
        "Officials said he was arrested on suspicion of theft and six counts of criminal trespass.",
    )


def test_an_earlier_event_of_the_same_kind_is_another_event() -> None:
    assert not flags(
        "A bomb in the market of Kandor killed 12 people on the day, officials said.",
        "Last year, a bomb in the market of Kandor killed 30 people, officials said.",
    )


def test_an_update_stated_as_such_is_no_dispute() -> None:
    assert not flags(
        "The storm killed 25 people on the island, officials said.",
        "The death toll has since risen to 40 people on the island, officials said.",
    )


def test_a_change_is_no_level() -> None:
    assert not flags(
        "The rate rose 2 percent in the month, the agency said in the report.",
        "The rate rose to 5 percent in the month, the agency said in the report.",
    )


def test_a_rate_is_no_total() -> None:
    assert not flags(
        "The program will cost $40 million a year, the mayor said at the meeting.",
        "The program will cost $200 million over five years, the mayor said at the meeting.",
    )


def test_new_cases_are_no_total() -> None:
    assert not flags(
        "The outbreak has sickened 120 people in the state, officials said on the day.",
        "The outbreak sickened 15 new people in the state, officials said on the day.",
    )


def test_the_half_of_a_match_is_where_not_what() -> None:
    assert not flags(
        "The team scored 3 goals in the second half of the match, the coach said.",
        "The team scored 3 goals in the first half of the match, the coach said.",
    )


def test_a_round_figure_may_be_rounded() -> None:
    assert not flags(
        "The company said it would cut 1,480 jobs at its plants, officials said.",
        "The company said it would cut 1,500 jobs at its plants, officials said.",
    )
    (lo, hi), (lo2, hi2) = [
        (v.low, v.high) for v in values(Context(), "It cut 1,500 jobs and hired 1,300 staff.", None)
    ]
    assert lo <= 1480 <= hi and not lo2 <= 1240 <= hi2


def test_a_range_of_counts_holds_the_value_inside_it() -> None:
    for said in ("between 20 and 30 people", "20 to 30 people"):
        assert not flags(
            f"Officials said {said} were injured in the crash on the road.",
            "Officials said 25 people were injured in the crash on the road.",
        ), said
    assert vals("Officials said 20 to 30 people were hurt.") == ["20 to 30 people"]


def test_a_value_the_other_source_also_states_is_of_another_thing() -> None:
    assert not flags(
        "She lost her appeal against a nine-month sentence for insulting an officer at the "
        "prison gate, the lawyer said.",
        "She lost her appeal against a one-year sentence for insulting an officer at the court "
        "gate, the lawyer said. She will appeal a nine-month sentence for insulting an officer "
        "at the prison next week.",
    )


def test_a_running_total_is_no_count_of_one_day() -> None:
    assert not flags(
        "Activists said 125 people were killed across the country on Monday.",
        "Activists said more than 9,000 people have been killed across the country since March.",
    )


def test_a_figure_each_is_no_total() -> None:
    assert not flags(
        "Each of the victims received $50,000 in the settlement, the lawyer said.",
        "The victims received $2 million in the settlement, the lawyer said.",
    )


def test_another_poll_is_another_thing() -> None:
    assert not flags(
        "The poll found 52 percent of voters back the plan, the survey said.",
        "Another poll found 45 percent of voters back the plan, the survey said.",
    )


def test_a_figure_asked_for_is_no_figure_won() -> None:
    assert not flags(
        "The union had demanded a 10 percent raise for the workers, officials said.",
        "The workers won a 4 percent raise, officials said.",
    )


def test_a_count_of_two_nouns_is_no_count_of_one() -> None:
    assert not flags(
        "The plane carried 150 passengers and 6 crew members, officials said.",
        "The plane carried 156 passengers and crew members, officials said.",
    )


def test_degrees_without_a_scale_are_not_compared() -> None:
    assert not flags(
        "Temperatures reached 90 degrees in the city on the day, officials said.",
        "Temperatures reached 32 degrees in the city on the day, officials said.",
    )


def test_money_of_two_measures_is_no_dispute() -> None:
    assert not flags(
        "The company reported $2 billion in revenue for the year, officials said.",
        "The company reported $500 million in profit for the year, officials said.",
    )


def test_two_quarters_are_two_moments() -> None:
    assert not flags(
        "The company earned $2 billion in the first quarter, the report said.",
        "The company earned $3 billion in the second quarter, the report said.",
    )


def test_the_missing_and_the_dead_are_two_counts() -> None:
    assert not flags(
        "Officials said 10 people were missing after the flood in the valley.",
        "Officials said 20 people were dead after the flood in the valley.",
    )
    assert not flags(
        "The fire sent 12 people to the hospital in the city, officials said.",
        "The fire killed 3 people in the city and sent others to the hospital, officials said.",
    )


def test_a_cap_is_no_sentence() -> None:
    assert not flags(
        "He faces a maximum of 20 years in prison for the fraud, prosecutors said.",
        "He faces 10 years in prison for the fraud, prosecutors said.",
    )


def test_a_career_total_is_no_count_of_one_season() -> None:
    assert not flags(
        "He scored 30 goals in his career for the club, the coach said.",
        "He scored 12 goals for the club, the coach said.",
    )


def test_prison_and_probation_are_two_spans() -> None:
    assert not flags(
        "He was sentenced to 5 years in prison for the fraud, the judge said.",
        "He was sentenced to 3 years of probation for the fraud, the judge said.",
    )


def test_two_ordinals_of_one_noun_are_two_things() -> None:
    assert "count" not in kinds(
        "The first victim was shot 3 times in the chest, police said.",
        "The second victim was shot 5 times in the chest, police said.",
    )


def test_a_number_after_a_sentences_first_name_is_a_label() -> None:
    assert vals("Apollo 11 astronauts landed on the moon.") == []
    assert vals("Only 12 people survived.") == ["12 people"]
    assert vals("Another 12 people were hurt.") == ["12 people"]


# --- issue 14: trap words are scoped to the value's clause --------------------------------


def test_a_trap_word_in_another_clause_leaves_the_value_alone() -> None:
    for aside in ("and each family will receive aid", "while another storm is on its way"):
        (d,) = flags(
            f"The storm killed 12 people on the island of Varna, {aside}, officials said.",
            "The storm killed 20 people on the island of Varna, officials said.",
        )
        assert d.kind == "count" and sorted(s.value for s in d.sides) == ["12 people", "20 people"]


def test_an_opening_phrase_still_marks_the_main_clause() -> None:
    assert not flags(
        "Activists said 125 people were killed across the country on Monday.",
        "Since March, more than 9,000 people have been killed across the country, activists said.",
    )


def test_clause_of_a_value() -> None:
    from storybrief.analyze.value_traps import clause_of

    text = "So far, 40 people died in the city, and each family got aid."
    (v,) = [v for v in values(Context(), text, None) if v.kind == "count"]
    assert clause_of(text, v).startswith("So far") and "each" not in clause_of(text, v)


# --- issue 14: one measurement written a hair apart (twins) ------------------------------


def test_one_measurement_written_a_hair_apart_disagrees_without_shared_words() -> None:
    found = flags(
        "Climbers reached the top of the 4,812-meter (15,787-foot) summit of Mount Orvel.",
        "The climbers of the expedition set out for the 15,810-foot (4,819 m) crest of Mount "
        "Orvel in the early morning.",
    )
    assert found and all(d.kind == "count" for d in found)
    assert {"4,812-meter", "4,819 m"} in [{s.value for s in d.sides} for d in found]


def test_a_rounded_conversion_is_no_dispute() -> None:
    assert not flags(
        "The pilot saw the wreck at a height of 3,100 meters (10,170 feet) on the ridge.",
        "Rescuers found the wreck at an altitude of 10,171 feet (3,100 m) below the ridge.",
    )


def test_a_bare_m_after_a_number_is_metres() -> None:
    assert vals("The 8,013 m peak.") == ["8,013 m"]


# --- issue 14: a person's rank (titles) --------------------------------------------------


def test_a_persons_rank_is_compared_across_wordings() -> None:
    (d,) = flags(
        "The patrol was led by Maj. Tarek Olsen, who had served two tours, the army said.",
        "The patrol was commanded by Capt. Tarek Olsen, a veteran officer, the army said.",
    )
    assert d.kind == "title" and {s.value for s in d.sides} == {"Maj.", "Capt."}


def test_a_rank_in_brackets_keys_on_the_actor() -> None:
    (d,) = flags(
        "The crew follows Sgt. Vance (Ivo Brandt Mallory), who is bitter about the war.",
        "The crew is led by a gruff captain (Ivo Brandt Mallory) back from the front.",
    )
    assert d.kind == "title" and "Ivo Brandt Mallory" in d.subject


def test_shorthand_and_grades_are_one_rank() -> None:
    from storybrief.analyze.titles import same_rank

    assert same_rank("Colonel", "Lt. Col.") and same_rank("First Lieutenant", "Lt.")
    assert not same_rank("Lt. Colonel", "lieutenant")
    assert not flags(
        "The unit was led by Col. Tarek Olsen, the army said on the day.",
        "The unit was led by Lt. Col. Tarek Olsen, the army said on the day.",
    )


def test_an_office_is_no_rank() -> None:
    assert not flags(
        "Attorney General Dana Whitlow said the case would go ahead, officials said.",
        "General Dana Whitlow said the case would go ahead, officials said.",
    )


def test_more_age_wordings_meet() -> None:
    for first in (
        "Police arrested Tom Ridley on Monday at his home. The 33-year-old was charged.",
        "Tom Ridley, who is 33, was charged with arson, police said.",
        "Tom Ridley was 33, police said.",
    ):
        (d,) = flags(first, "Tom Ridley, 32, was charged with arson, police said.")
        assert d.kind == "age" and sorted(s.value for s in d.sides) == ["32", "33"], first


def test_a_span_after_was_is_no_age() -> None:
    assert "age" not in kinds(
        "Tom Ridley was 32 minutes late, police said.",
        "Tom Ridley, 33, was charged, police said.",
    )


# --- issue 14: two police forces credited with one act (agencies) ------------------------


def test_two_forces_credited_with_one_surrender_disagree() -> None:
    (d,) = flags(
        "Over the weekend, Marco Vell turned himself in to Dunmore County Sheriff's deputies.",
        "Marco Vell, 41, turned himself in to Harlow police and was booked into jail after "
        "Dunmore County Sheriff's deputies released a photo, the report said.",
    )
    assert d.kind == "name" and {s.value for s in d.sides} == {
        "Dunmore County Sheriff's deputies",
        "Harlow police",
    }


def test_two_outlets_are_no_two_forces() -> None:
    assert not flags(
        "Marco Vell said in a statement to Reuters that he would appeal the verdict.",
        "Marco Vell said in a statement to Bloomberg that he would appeal the verdict.",
    )
