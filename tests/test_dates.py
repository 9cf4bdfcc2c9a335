"""The timeline draws only on sentences a brief could use (invented text)."""

from __future__ import annotations

from storybrief.analyze import analyze
from storybrief.model import Article
from storybrief.segment import segment

PROSE = "The Velmora harbour board approved the new ferry terminal on March 3, 2021."
NOT_PROSE = [
    # A picture's caption: no full stop, a scene rather than a statement.
    "Harbour master Ada Quist walks along the Velmora docks on March 9, 2021",
    # A social post's signature line.
    "Ada Quist (@adaquistvelmora) March 11, 2021",
    # A question teases, it does not date an event.
    "What will the Velmora board decide when it meets again on March 15, 2021?",
    # An introduction to an embedded post.
    "Council member Bo Lind, who first proposed the terminal in 2019, wrote on Friday:",
]


def _timeline_texts(text: str) -> set[str]:
    article = Article("a", text, published="2021-03-20")
    return {e.text for e in analyze(segment([article])).timeline}


def test_only_prose_sentences_become_timeline_events() -> None:
    texts = _timeline_texts("\n\n".join([PROSE, *NOT_PROSE]))
    assert texts == {PROSE}


def test_a_glued_run_of_prose_keeps_its_dates() -> None:
    # Longer than a brief sentence may be (the splitter missed a boundary), still prose.
    run = (
        " ".join(
            [PROSE[:-1] + " after a long public debate that had divided the town for months and"]
            + ["the ferry company said it would add two more crossings"] * 6
        )
        + "."
    )
    assert len(run.split()) > 70
    assert _timeline_texts(run) == {run}
