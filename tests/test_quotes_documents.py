"""Documents quoted as if they spoke (invented sentences): "reads the original article"
after "The actual Harbor Gazette article ...", "reads that filing" (no issuer named)."""

from __future__ import annotations

from storybrief.analyze import analyze
from storybrief.model import Article, Quote
from storybrief.segment import segment


def speakers(text: str) -> dict[str, str | None]:
    quotes: tuple[Quote, ...] = analyze(segment([Article("a", text)]), ner="rules").quotes
    return {q.text.split()[0]: q.speaker for q in quotes}


def test_the_original_article_is_the_paper_named_with_it_before() -> None:
    text = (
        "The actual Harbor Gazette article praising the mayor first appeared on November "
        "14. \"With her sharp wit and her boundless energy, she is every voter's dream "
        'come true," reads the original article, which was copied word for word.'
    )
    assert speakers(text)["With"] == "Harbor Gazette"


def test_that_filing_with_no_issuer_named_is_no_one_in_it() -> None:
    text = (
        "In filing their motion to dismiss, the filmmakers argue that the Orvane Studio "
        "cannot own the language.\n\n"
        "\u201cThe language itself is an idea or a system, and is not something anyone can "
        "own,\u201d reads that filing."
    )
    assert speakers(text)["The"] != "Orvane Studio"
