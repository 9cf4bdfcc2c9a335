"""Speaker rules for descriptions rather than names (invented sentences): an organisation
by its name after "the", an unnamed spokesperson of "the company", a name followed by a
description of them, a description subject ("the designer") for someone named before."""

from __future__ import annotations

from storybrief.analyze import analyze
from storybrief.model import Article, Quote
from storybrief.segment import segment


def speakers(text: str) -> dict[str, str | None]:
    quotes: tuple[Quote, ...] = analyze(segment([Article("a", text)]), ner="rules").quotes
    return {q.text.split()[0]: q.speaker for q in quotes}


def test_the_and_a_team_name_is_the_team() -> None:
    text = (
        "The Harbor City Gulls handed out caps with a misspelt logo on Sunday. "
        "Fan Tomas Ridley, 31, said he kept his anyway.\n\n"
        '"Rather than send everyone home with nothing, we gave out what we had," '
        "the Gulls said."
    )
    assert speakers(text)["Rather"] == "Harbor City Gulls"


def test_a_company_spokesperson_speaks_for_the_company_last_named() -> None:
    text = (
        "Brightloom Inc. shipped its reading lamp to 40 countries last year. "
        "Rival Osvald Kern said the lamp was overpriced.\n\n"
        '"Our lamps outsell every other brand in the category," a company spokesperson '
        "told reporters."
    )
    assert (speakers(text)["Our"] or "").startswith("Brightloom Inc")


def test_a_name_then_a_description_is_the_name() -> None:
    text = (
        "Supporters gathered in Millbrook on Tuesday for Mayor Ines Varga. "
        "Dale Pruitt, a retired teacher, drove two hours to attend.\n\n"
        '"She has kept every promise she made to this town," said Pruitt, a Varga backer.'
    )
    assert speakers(text)["She"] == "Dale Pruitt"


def test_a_description_subject_keeps_the_one_named_before() -> None:
    text = (
        "Paul Fonseca said the show ran late. "
        "Sarah Vint said she first sang in Lisbon in 1990, and she sold every seat.\n\n"
        "Speaking to Fonseca last spring, the singer admitted that she rarely finished a "
        "song.\n\n"
        '"I leave every song half done and let the crowd finish it."'
    )
    assert speakers(text)["I"] == "Sarah Vint"
