"""Speakers, round 6: a quote credited to someone the story describes but never names
("a spokesman for the ferry line", "the authors") keeps that description, marked as one;
a name, wherever one is resolvable, still wins. Invented sentences, the rules recogniser."""

from __future__ import annotations

import pytest

from storybrief.analyze import analyze
from storybrief.analyze.speakers import description
from storybrief.model import Article
from storybrief.model.analysis import Quote
from storybrief.render.common import speaker_label
from storybrief.segment import segment

LEAD = "The ferry line cut its winter timetable for the Carrow crossing on Monday.\n\n"
REMARK = '"We expect the harbour crossings to resume well before the spring"'


def quote_of(text: str, words: str) -> Quote:
    quotes = analyze(segment([Article("a", text)], ()), ner="rules").quotes
    (q,) = [q for q in quotes if words in q.text]
    return q


@pytest.mark.parametrize(
    ("attribution", "want"),
    [
        (REMARK + ", a spokesman for the airline said.", "a spokesman for the airline"),
        (REMARK + ", said a senior official.", "a senior official"),
        (REMARK + ", the authors wrote.", "the authors"),
        ("A spokeswoman said: " + REMARK + ".", "A spokeswoman"),
    ],
)
def test_an_unnamed_speaker_is_the_description(attribution: str, want: str) -> None:
    q = quote_of(LEAD + attribution, "harbour crossings")
    assert q.speaker == want
    assert q.described
    assert q.role is None  # not "a spokesman, a spokesman" in the renderers


def test_according_to_a_statement_names_the_statement() -> None:
    text = LEAD + 'According to a police statement, "the two crews were pulled from the water."'
    q = quote_of(text, "two crews")
    assert q.speaker == "a police statement" and q.described


def test_the_spokesman_after_a_named_one_is_that_person() -> None:
    text = (
        "Tomas Berg spoke for the ferry line in Carrow on Monday.\n\n"
        + REMARK
        + ", the spokesman said."
    )
    q = quote_of(text, "harbour crossings")
    assert q.speaker == "Tomas Berg" and not q.described


def test_a_spokesman_named_in_an_appositive_is_the_name() -> None:
    text = LEAD + REMARK + ", a spokesman, Tomas Berg, said."
    q = quote_of(text, "harbour crossings")
    assert q.speaker == "Tomas Berg" and not q.described


def test_a_pronoun_after_a_description_is_not_the_description() -> None:
    text = (
        "Mayor Ilse Brandt of Carrow opened the new bridge on Monday.\n\n"
        + REMARK
        + ", a spokesman for the ferry line said.\n\n"
        + '"Nobody in this town has ever waited so long for a crossing," she said.'
    )
    assert quote_of(text, "Nobody in this town").speaker == "Ilse Brandt"


def test_a_name_in_one_version_beats_a_description_in_another() -> None:
    one = LEAD + REMARK + ", a spokesman said."
    two = "Tomas Berg spoke for the ferry line in Carrow.\n\n" + REMARK + ", Berg said."
    quotes = analyze(segment([Article("a", one), Article("b", two)], ()), ner="rules").quotes
    (q,) = [q for q in quotes if "harbour crossings" in q.text]
    assert q.speaker == "Tomas Berg" and not q.described


def test_within_opening_the_sentence_is_no_speaker() -> None:
    text = (
        "The council voted to close the harbour at Carrow on Monday.\n\n"
        "Within minutes of the vote, Ilse Brandt tweeted: "
        '"This is a sad day for every fishing family in the town."'
    )
    assert quote_of(text, "sad day").speaker == "Ilse Brandt"


@pytest.mark.parametrize(
    ("words", "want"),
    [
        (["a", "spokesman", "for", "the", "."], "a spokesman"),
        (["the", "authors"], "the authors"),
        (["a", "Carrow", "resident"], None),  # no role, group or person word
        (["he"], None),
        (["spokesman"], None),  # no determiner
        (["the", "weather", "service", "statement"], "the weather service statement"),
    ],
)
def test_description_words(words: list[str], want: str | None) -> None:
    assert description(words) == want


def test_the_json_marks_a_description_and_reads_it_back() -> None:
    q = Quote("We will reopen soon.", "a spokesman", (), described=True)
    d = q.to_dict()
    assert d["speaker_described"] is True
    assert Quote.from_dict(d).described
    named = Quote("We will reopen soon.", "Tomas Berg", ()).to_dict()
    assert "speaker_described" not in named  # a named speaker's JSON as before
    assert speaker_label(q) == "a spokesman"
