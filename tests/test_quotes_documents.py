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
        "The actual Harbor Gazette article that praised the mayor ran first on June 9. "
        '"Quick of mind and tireless on her feet, she is all a town could hope to elect," '
        "reads the original article, which was lifted whole by the rival paper."
    )
    assert speakers(text)["Quick"] == "Harbor Gazette"


def test_that_filing_with_no_issuer_named_is_no_one_in_it() -> None:
    text = (
        "In filing their motion to dismiss, the game makers argue that the Orvane Studio "
        "has no claim on the invented alphabet.\n\n"
        "\u201cThe alphabet is a method with a few rules, and no person or firm may hold it "
        "as property,\u201d reads that filing."
    )
    assert speakers(text)["The"] != "Orvane Studio"
