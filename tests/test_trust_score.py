"""The trust scorer's matching of a gold quote to the analysis' quotes (invented text)."""

from __future__ import annotations

from storybrief.eval.trust.score import best_quote
from storybrief.model import Quote


def _q(text: str, speaker: str) -> Quote:
    return Quote(text=text, speaker=speaker, citations=())


def test_an_echoed_phrase_inside_the_quote_does_not_stand_for_it() -> None:
    echo = _q("last in the line", "Ms Brandt")
    full = _q("we would be last in the line, whatever she claims", "Mr Oduya")
    gold = "we would be last in the line, whatever she claims"
    # The echo comes first and is held by the gold text, as the full quote is: a tie on
    # share alone went to the echo.
    assert best_quote([echo, full], gold) is full


def test_the_quote_covering_most_of_the_gold_wins_and_unrelated_ones_never_do() -> None:
    part = _q("the bridge will reopen in May", "Ms Haldane")
    other = _q("nothing to do with bridges at all here", "Mr Kell")
    gold = "the bridge will reopen in May, after the repairs"
    assert best_quote([other, part], gold) is part
    assert best_quote([other], "a sentence about the harbour") is None
