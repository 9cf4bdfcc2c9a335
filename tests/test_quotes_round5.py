"""Speakers, round 5: shapes of attribution found in the development data's misses, each
tried on invented sentences (the rules recogniser, so no model is needed)."""

from __future__ import annotations

import pytest

from storybrief.analyze import analyze
from storybrief.analyze.docs import Doc
from storybrief.analyze.ner import rule_mentions
from storybrief.model import Article
from storybrief.segment import segment


def speaker_of(text: str, words: str) -> str | None:
    """The speaker given to the quote holding ``words``."""
    quotes = analyze(segment([Article("a", text)], ()), ner="rules").quotes
    (q,) = [q for q in quotes if words in q.text]
    return q.speaker


def test_a_middle_initial_stays_inside_the_name() -> None:
    doc = Doc("a", "g", 0, None, ("District Judge Hollis T. Varga ruled on the levy.",), (0,))
    surfaces = {m.surface for m in rule_mentions([doc])}
    assert "Hollis T. Varga" in surfaces and "Hollis T" not in surfaces


def test_a_single_letter_before_a_common_word_is_no_initial() -> None:
    doc = Doc("a", "g", 0, None, ("The council backed Plan B. The vote was close.",), (0,))
    assert not any("B." in m.surface for m in rule_mentions([doc]))


def test_the_judge_after_a_name_with_an_initial_is_that_judge() -> None:
    text = (
        "District Judge Hollis T. Varga heard the levy case in Carrow on Monday.\n\n"
        '"There has been a steady trickle of new filings in this case," the judge said.'
    )
    assert speaker_of(text, "steady trickle") == "Hollis T. Varga"


def test_a_participle_opening_the_sentence_is_no_speaker() -> None:
    text = (
        "Ilse Brandt spoke to the harbour board on Monday.\n\n"
        'Acknowledging that the plan "costs more than the town can spare this year," though, '
        "she asked for a vote."
    )
    assert speaker_of(text, "costs more") != "Acknowledging"


def test_an_intro_phrase_opened_by_amid_is_skipped() -> None:
    text = (
        "The dock workers met in Carrow on Tuesday.\n\n"
        "Amid calls for a strike, Ilse Brandt gave the crowd a short answer, saying "
        'the union would "wait for the board to make the next offer first."'
    )
    assert speaker_of(text, "next offer") == "Ilse Brandt"


def test_the_quote_of_a_later_while_clause_is_its_subjects() -> None:
    text = (
        "Mayor Jo Tamsin signed a new order on Monday, while Ilse Brandt, the harbour "
        'chief, proposed that the town "build the sea wall before the winter storms."'
    )
    assert speaker_of(text, "sea wall") == "Ilse Brandt"


def test_a_pronoun_right_before_the_verb_speaks_when_the_clause_names_no_one() -> None:
    text = (
        "Ilse Brandt toured the flooded streets of Carrow on Monday.\n\n"
        'Her aides had asked her to stay calm, but Brandt said she replied: "When the water '
        'comes in, nobody can stay calm."'
    )
    assert speaker_of(text, "nobody can") == "Ilse Brandt"


def test_a_surname_that_is_a_common_word_speaks_before_the_verb() -> None:
    text = (
        "Columnist Dora Will wrote about the harbour vote on Sunday.\n\n"
        'From the first speech to the last, Will described the plan as "a bridge to '
        'nowhere that the town will pay for twice."'
    )
    assert speaker_of(text, "bridge to") == "Dora Will"


def test_an_aide_to_someone_is_the_one_just_named_not_that_someone() -> None:
    text = (
        "Governor Ada Morrow lost the vote in Carrow.\n\n"
        "One of her advisers, Tomas Berg, said the loss was expected. "
        '"We knew the numbers were against us from the start," said the former top aide '
        "to Governor Ada Morrow."
    )
    assert speaker_of(text, "numbers were against") == "Tomas Berg"


def test_the_name_a_who_clause_refers_to_vows() -> None:
    text = (
        "The film follows a river crew through one long night, led by Ilse Brandt, who "
        'glimpses the flood from the bridge and vows, "This is one river we will not lose '
        'to the storm."'
    )
    assert speaker_of(text, "one river") == "Ilse Brandt"


@pytest.mark.parametrize("noun", ["speechwriter", "fundraiser", "biographer"])
def test_an_agent_noun_inside_the_name_phrase_leaves_the_name_its_head(noun: str) -> None:
    text = (
        "Governor Ada Morrow spoke in Carrow on Friday.\n\n"
        f"Former Morrow {noun} Tomas Berg published a column entitled "
        '"Why the harbour vote matters more than the last one."'
    )
    assert speaker_of(text, "harbour vote matters") == "Tomas Berg"


def test_a_quote_right_after_a_possessive_name_is_that_persons_words() -> None:
    text = (
        "Governor Ada Morrow left office in Carrow last year.\n\n"
        'It is the lasting pull of Morrow\'s "every harbour town gets its own ferry" '
        "promise that keeps the ferry plan alive."
    )
    assert speaker_of(text, "own ferry") == "Ada Morrow"


def test_a_reply_owned_by_a_name_is_that_persons() -> None:
    text = (
        "Ilse Brandt was told about the flood late on Monday.\n\n"
        "Her aide Jo Tamsin wrote to her at once. Brandt's reply was: "
        '"Is the ferry still running to the island tonight?"'
    )
    assert speaker_of(text, "ferry still running") == "Ilse Brandt"


def test_a_possessive_name_before_a_plain_noun_owns_no_quote() -> None:
    text = (
        "Ilse Brandt spoke in Carrow on Monday.\n\n"
        "Brandt's office was closed, and the sign on its door read: \"We will be back "
        'after the storm has passed."'
    )
    assert speaker_of(text, "back after the storm") != "Ilse Brandt"


def test_a_name_set_off_after_an_inverted_verb_speaks() -> None:
    text = (
        '"Few mayors left a mark on the harbour," says Tomas Berg, a port historian.\n\n'
        "The puzzle of Carrow, says Ilse Brandt, a historian at the Carrow Library, is that "
        'the town was "one of the busiest ports on the whole northern coast."'
    )
    assert speaker_of(text, "busiest ports") == "Ilse Brandt"


def test_a_name_after_the_verb_of_a_subject_with_an_appositive_is_reported_not_speaking() -> None:
    text = (
        "Ilse Brandt ran the harbour board for ten years.\n\n"
        'In an interview, Tomas Berg, a former board member, said Brandt "was closely '
        'involved in every one of those harbour decisions."'
    )
    assert speaker_of(text, "closely involved") == "Tomas Berg"


def test_attorneys_for_someone_speak_for_them_and_are_not_them() -> None:
    text = (
        "Ilse Brandt sued the harbour board in Carrow.\n\n"
        "Attorneys for Brandt opposed the move, saying in court papers that the records "
        '"have never belonged to the harbour board or to the town."'
    )
    who = speaker_of(text, "never belonged")
    assert who is not None and who.startswith("attorneys for") and who.endswith("Brandt")


def test_calls_attributes_a_quote_to_its_subject() -> None:
    text = (
        "Ilse Brandt was mayor of Carrow for twenty years.\n\n"
        'Tomas Berg, a harbour historian, calls Brandt "a mayor of the old school": "She '
        'never once let a ferry leave late in all her years."'
    )
    assert speaker_of(text, "ferry leave late") == "Tomas Berg"
