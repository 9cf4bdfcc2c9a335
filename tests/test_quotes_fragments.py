"""Quoted fragments inside reported speech (invented sentences): the speaker is the
subject of the clause that reports them, past an intro phrase or in a "with X noting"
phrase; a name that is no clause's subject speaks no fragment."""

from __future__ import annotations

import pytest

from storybrief.analyze import analyze
from storybrief.model import Article, Quote
from storybrief.segment import segment

OPENING = "Mayor Rhea Tamm and harbour master Oren Vale met on Monday.\n\n"


def speakers(text: str, ner: str = "rules") -> dict[str, str | None]:
    quotes: tuple[Quote, ...] = analyze(segment([Article("a", OPENING + text)]), ner=ner).quotes
    return {q.text.split()[0]: q.speaker for q in quotes}


@pytest.mark.parametrize(
    ("text", "first", "who"),
    [
        (
            "But a few days later, Tamm reversed herself yet again, telling the Courier "
            'that the fares "are set and we have to leave them that way."',
            "are",
            "Rhea Tamm",
        ),
        (
            "Both Tamm and Vale saw the strike as a failure, with Vale noting the absurdity "
            'of sending "a couple of hundred clerks to the docks here" to the harbour.',
            "a",
            "Oren Vale",
        ),
        (
            "In a long interview with a local paper last year, Vale said he liked the job "
            'and added, "I will stay here as long as the boats still run."',
            "I",
            "Oren Vale",
        ),
        (
            "But almost at once after the vote, Oren Vale, who had advised the mayor, tweeted this: "
            '"Once more she pulled it off, and tomorrow I will say so again."',
            "Once",
            "Oren Vale",
        ),
    ],
)
def test_the_subject_after_an_intro_phrase_speaks_the_fragment(
    text: str, first: str, who: str
) -> None:
    assert speakers(text)[first] == who


def test_a_place_between_commas_is_no_subject() -> None:
    text = (
        "The crews praised the speech at the summit in Brenmoor, Norland, which the union "
        'claims affirmed "the foundational belief in the harbour and its boats."'
    )
    assert speakers(text)["the"] != "Norland"


@pytest.mark.parametrize(
    ("text", "first", "who"),
    [
        (
            "Tamm was asked by radio host Oren Vale, who backs her, "
            '"Now, you famously said you were tired of the ferries, has it not moved?"',
            "Now,",
            "Oren Vale",
        ),
        (
            "In an interview with the Courier published online, Tamm was asked, "
            '"What is the most dangerous place in the harbour you have been to?"',
            "What",
            None,
        ),
        (
            "At the rally on Saturday, some crew members shouted, with Tamm reportedly "
            'yelling: "Throw him off the pier right now!"',
            "Throw",
            "Rhea Tamm",
        ),
    ],
)
def test_a_question_put_to_someone_is_the_askers_and_with_x_yelling_is_xs(
    text: str, first: str, who: str | None
) -> None:
    assert speakers(text)[first] == who


def test_a_name_set_off_before_the_verb_is_the_subject_a_pronoun_means() -> None:
    text = (
        "Campaign chief Paul Manafort said the polls looked good. One of the authors of "
        "that report, Ari Fleischer, said the nomination will test their conclusions.\n\n"
        '"Certainly the candidate has gone in the opposite direction from us," he said.'
    )
    assert speakers(text)["Certainly"] == "Ari Fleischer"


def test_a_sentence_introducing_the_next_quote_is_not_the_last_ones_attribution() -> None:
    text = (
        'Tamm responds to Vale with, "Why tonight? Was the pier not on your route home?" '
        'Vale then writes back, "You sound tired."'
    )
    assert speakers(text)["Why"] == "Rhea Tamm"


def test_a_quote_broken_across_hard_line_breaks_keeps_its_attribution() -> None:
    text = (
        "The new rules were written to ready a fresh crop of young\n\n"
        "deckhands for the open sea, said Oren Vale, an adviser\n\n"
        "to the drafting panel.\n\n"
        '"The rules should teach deckhands to judge the wind and\n\n'
        "the tides for themselves and to carry good seamanship\n\n"
        'home with them," he said in a statement.'
    )
    assert speakers(text) == {"The": "Oren Vale"}


def test_a_description_for_someone_named_before_keeps_their_role() -> None:
    text = (
        "Ari Fleischer said the nomination will test their conclusions. "
        '"Certainly the candidate has gone in the opposite direction from us," said the '
        "former top aide to the governor."
    )
    (q,) = analyze(segment([Article("a", text)]), ner="rules").quotes
    assert (q.speaker, q.role) == ("Ari Fleischer", "the former top aide to the governor")


def test_a_pictures_caption_is_not_who_he_means() -> None:
    text = (
        "Oskar Lindqvist, 68, has spent three years sorting through the band's old tapes.\n\n"
        "Image caption Benedek Sorel says the group has no plans to play together again\n\n"
        '"I would hate to leave this job for some stranger to finish after I am gone," he says.'
    )
    assert speakers(text)["I"] == "Oskar Lindqvist"
