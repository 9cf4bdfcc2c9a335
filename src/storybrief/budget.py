"""A brief's word budget: its default and its one rule, for every entry point.

The budget is called ``words`` wherever a user sets it (``brief(..., words=120)``,
``storybrief brief --words``, ``POST /brief {"words": ...}``, ``GET ...?words=``) and in
a brief's JSON (``Brief.words``); an article's length is ``Article.word_count`` and the
tokenizer is ``storybrief.text.words``. The library, the CLI and the service accept the
same budgets: a whole number of at least ``MIN_WORDS``.
"""

from __future__ import annotations

from storybrief.errors import ConfigError

# About a minute's reading. The benchmarks set their own budgets (NeuS 70, Multi-News 250
# words: docs/BENCHMARKS.md), so this default is no tuned value.
DEFAULT_WORDS = 150
# A budget below one sentence gives an empty summary, which is still a valid brief (its
# sources, analysis and copies); below one word it means nothing.
MIN_WORDS = 1


def check_words(value: object) -> int:
    """``value`` as a budget, or ``ConfigError`` saying what is valid."""
    if isinstance(value, bool) or not isinstance(value, int) or value < MIN_WORDS:
        shown = repr(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        raise ConfigError(
            f"words (the word budget) must be a whole number of at least {MIN_WORDS}, got {shown}"
        )
    return value
