"""A brief leaves no reference cycle, so pausing the cyclic collector during it keeps no
memory (``pipeline._collector_paused``); and the collector is back as it was after (issue 17).

Invented articles only.
"""

from __future__ import annotations

import gc

import blingfire

from storybrief.pipeline import brief_texts
from storybrief.text import _to_sentences

TEXTS = [
    "Mayor Jo Brinkley said on Monday that 12 people were hurt when the old Dunmore bridge "
    'fell. "We will rebuild it," Brinkley said.\n\nThe bridge was built in 1931. It was '
    "not inspected last year, officials said.",
    "Twelve people were hurt in the bridge collapse in Dunmore on Monday, police said. "
    "Mayor Jo Brinkley promised to rebuild it. “It will take two years,” she told reporters."
    "\n\nThe bridge opened in 1932, according to the city. About 15 people were injured.",
    "Dunmore's bridge collapsed on Monday. Fourteen people were injured, the county said.",
]


def test_a_brief_with_analysis_leaves_no_garbage_cycle() -> None:
    brief_texts(TEXTS, analyze=True)  # imports and process-wide memos out of the count
    gc.collect()
    gc.disable()
    try:
        brief = brief_texts(TEXTS, analyze=True)
        found = gc.collect()
    finally:
        gc.enable()
    assert brief.summary
    assert found == 0


def test_the_collector_is_back_as_it_was() -> None:
    assert gc.isenabled()
    brief_texts(TEXTS[:1])
    assert gc.isenabled()
    gc.disable()
    try:
        brief_texts(TEXTS[:1])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_sentence_split_is_blingfires() -> None:
    for text in ["", "a", "One. Two? Three!", "é" * 3000, TEXTS[0].replace("\n", " "), "x. " * 999]:
        assert _to_sentences(text) == blingfire.text_to_sentences(text)


def test_reading_files_leaves_no_garbage_cycle(tmp_path) -> None:
    from storybrief.pipeline import brief

    for i, text in enumerate(TEXTS):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    brief([tmp_path], analyze=True)
    gc.collect()
    gc.disable()
    try:
        result = brief([tmp_path], analyze=True)
        found = gc.collect()
    finally:
        gc.enable()
    assert len(result.articles) == 3
    assert found == 0
