"""The summarizer's batched analysis gives what the per-sentence one gives (issue 17).

Invented sentences only.
"""

from __future__ import annotations

from storybrief.summarize.table import analyze_sentences, analyzer

ARTICLES = [
    [],
    [""],
    ["", "", "Only words here."],
    ["The Dunmore bridge fell on Monday.", "Mayor Jo Brinkley's office said it's closed."],
    ["end-", "-start and don't", "re-open the well-known x-ray lab"],
    ["Don’t “stop” — now…", "It’s «fine»", "‘Quoted’ words"],
    ["Über café in Zürich", "plain ascii after it"],
    ["a qqsentenceqq b", "c d"],  # the separator written in a text
    ["QQSENTENCEQQ shouts", "the others"],
    ["Kelvin \u212a sign", "next"],
]


def test_batched_analysis_is_the_per_sentence_one() -> None:
    for texts in ARTICLES:
        assert analyze_sentences(texts) == [tuple(analyzer(t)) for t in texts], texts
