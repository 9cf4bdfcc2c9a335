"""Quotes: who speaks in the shapes news uses, and how many independent origins a remark has."""

from __future__ import annotations

from storybrief.analyze import analyze
from storybrief.model import Analysis, Article, CopyLink
from storybrief.segment import segment

SPEECH = (
    "The mayor of Brenmoor spoke at the harbour on Monday. "
    '"We will rebuild every house that the storm took from us," Mayor Lu Kim said.'
)


def analyzed(articles: list[Article], copies: tuple[CopyLink, ...] = ()) -> Analysis:
    return analyze(segment(articles, copies), ner="rules")


def test_outlets_quoting_one_speech_count_apart() -> None:
    other = (
        "Crowds gathered in Brenmoor as the mayor addressed residents. "
        '"We will rebuild every house that the storm took from us," Kim told them.'
    )
    (q,) = analyzed([Article("a", SPEECH), Article("b", other)]).quotes
    assert q.speaker == "Lu Kim" and q.support == 2


def test_a_copy_counts_once() -> None:
    copy = CopyLink("b", "a", "copy", 0.95, 0.97)
    (q,) = analyzed([Article("a", SPEECH), Article("b", SPEECH)], (copy,)).quotes
    assert q.support == 1 and {c.article for c in q.citations} == {"a", "b"}


def test_a_reprinted_passage_counts_once() -> None:
    # The second article reprints the first's paragraph (dedup links them as sharing a
    # passage): the words around the quote are the same.
    a = (
        "Storm damage. "
        '"We will rebuild every house that the storm took from us," Mayor Lu Kim told '
        "reporters at the harbour on Monday evening."
    )
    b = (
        "Other news from the coast. "
        '"We will rebuild every house that the storm took from us," Mayor Lu Kim told '
        "reporters at the harbour on Monday evening."
    )
    partial = CopyLink("b", "a", "partial", 0.4, 0.5)
    (q,) = analyzed([Article("a", a), Article("b", b)], (partial,)).quotes
    assert q.support == 1


def test_a_written_statement_printed_twice_is_one_origin() -> None:
    a = 'In a statement, the council said: "Every family will be housed before the winter."'
    b = 'The council wrote in a post: "Every family will be housed before the winter."'
    (q,) = analyzed([Article("a", a), Article("b", b)]).quotes
    assert q.support == 1


def test_an_unnamed_source_described_by_place_or_party_is_no_place() -> None:
    text = (
        '"The real race in New Hampshire is for second place," said a New Hampshire '
        "Republican.\n\n"
        '"Voters like the guy, even those who will not vote for him," added a Clinton '
        "campaign official."
    )
    speakers = [q.speaker for q in analyzed([Article("x", text)]).quotes]
    assert speakers == ["a New Hampshire Republican", "a Clinton campaign official"]
