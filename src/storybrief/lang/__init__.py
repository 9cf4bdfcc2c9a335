"""The language layer: which language a text is in, and its words, sentences, stems, stop
words, quotation marks and calendar names.

Public API (other stages use these names only)::

    detect_language(text) -> "de" | "zh" | ... | None
    tokens(text, lang)            lower-cased words; Chinese/Japanese/Thai segmented
    sentences(text, lang)         sentences; English exactly as storybrief.text splits them
    stemmer(lang)(word)           Snowball stem (identity where Snowball has none)
    list_stemmer(lang)(words)     the same for a list of words at once
    stopwords(lang)               frozenset of lower-case stop words
    quote_pairs(lang), QUOTE_MARKS
    month_names(lang), weekday_names(lang)   lower-case name -> number (CLDR)

Every function takes ``lang`` as an ISO 639-1 code or None (read as English, so code that
passes no language behaves as it always did). Heavy parts (the detector's model, the
segmenters, Babel's data) load on first use, never at import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storybrief.errors import ConfigError
from storybrief.lang.detect import detect_language
from storybrief.lang.lexicon import (
    LANGUAGES,
    QUOTE_MARKS,
    list_stemmer,
    month_names,
    quote_pairs,
    stemmer,
    stopwords,
    weekday_names,
)
from storybrief.lang.tokens import (
    UNSPACED_LANGUAGES,
    has_unspaced,
    segmenter_available,
    sentences,
    tokens,
)
from storybrief.model import Article, Rejected

__all__ = [
    "LANGUAGES",
    "QUOTE_MARKS",
    "UNSPACED_LANGUAGES",
    "content_tokens",
    "detect_language",
    "has_unspaced",
    "month_names",
    "one_language",
    "quote_pairs",
    "segmenter_available",
    "sentences",
    "list_stemmer",
    "stemmer",
    "stopwords",
    "tokens",
    "weekday_names",
]


def content_tokens(text: str, lang: str | None = None) -> list[str]:
    """``tokens`` without ``lang``'s stop words (numbers kept: they carry facts)."""
    stop = stopwords(lang)
    return [w for w in tokens(text, lang) if w not in stop]


def one_language(
    articles: Sequence[Article], language: str | None = "auto"
) -> tuple[list[Article], list[Rejected]]:
    """The articles a brief in one language is built from, and the others as rejections.

    ``language``: ``"auto"`` (the language most of the articles are in), an ISO 639-1 code,
    or ``None``/``"all"`` for every article. An article whose language is unknown is kept:
    it may be in any language, and dropping it would lose it for nothing.
    """
    if language is not None and not (isinstance(language, str) and language.strip()):
        raise ConfigError(
            f"language must be 'auto', 'all', a language code or None, got {language!r}"
        )
    if language in (None, "all"):
        return list(articles), []
    target = language
    if language == "auto":
        known = [a.language for a in articles if a.language]
        if len(set(known)) < 2:
            return list(articles), []
        counts = Counter(known)
        target = max(counts, key=lambda lang: (counts[lang], -known.index(lang)))
    kept, left = [], []
    for article in articles:
        if article.language and article.language != target:
            left.append(
                Rejected(
                    article.origin or article.id,
                    f"written in {article.language}; the brief is in {target} "
                    "(language='all' keeps every language)",
                )
            )
        else:
            kept.append(article)
    return kept, left
