"""Per-language word lists: stop words, stemmers, quotation marks, month and weekday names.

Every list comes from a maintained package rather than being typed in here: stop words from
``stop-words`` (English keeps storybrief's own short list, so English behaviour is as
before), stemmers from Snowball (PyStemmer's C build), month and weekday names from the
Unicode CLDR through Babel. Each is built on first use per language and kept (bounded by
the number of languages).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from storybrief.text import STOPWORDS

# The languages storybrief is checked on; others work wherever the packages know them.
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "ar", "zh", "ja", "pl", "th")

_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "eu": "basque", "fa": "persian",
    "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian",
    "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian", "ne": "nepali",
    "nl": "dutch", "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}  # fmt: skip

# Quotation marks by language, (opening, closing) pairs in order of use; every language
# also meets the English pairs in wire copy. German also writes »…« and Swiss/French «…».
_QUOTES: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("„", "“"), ("»", "«"), ("‚", "‘"), ("«", "»")),
    "fr": (("«", "»"), ("“", "”"), ("‹", "›")),
    "es": (("«", "»"), ("“", "”")),
    "it": (("«", "»"), ("“", "”")),
    "pt": (("«", "»"), ("“", "”")),
    "ru": (("«", "»"), ("„", "“")),
    "pl": (("„", "”"), ("«", "»")),
    "nl": (("“", "”"), ("‘", "’"), ("„", "”")),
    "ar": (("«", "»"), ("“", "”")),
    "zh": (("“", "”"), ("「", "」"), ("『", "』"), ("《", "》")),
    "ja": (("「", "」"), ("『", "』")),
}
_ENGLISH_QUOTES = (("“", "”"), ('"', '"'), ("‘", "’"))
# Every mark any language above opens or closes a quotation with.
QUOTE_MARKS = frozenset(
    mark for pairs in (*_QUOTES.values(), _ENGLISH_QUOTES) for pair in pairs for mark in pair
)


def quote_pairs(lang: str | None) -> tuple[tuple[str, str], ...]:
    """(opening, closing) quotation marks used in ``lang``, the English ones last."""
    own = _QUOTES.get(lang or "en", ())
    return own + tuple(p for p in _ENGLISH_QUOTES if p not in own)


def own_quotes(lang: str | None) -> tuple[tuple[str, str], ...]:
    """The pairs ``lang`` itself writes (English's where it has none of its own): the marks
    that open and close a quotation in its text, without a foreign pair whose opening mark
    is one of its closing ones (German „…“ closes with English's opening “)."""
    return _QUOTES.get(lang or "en", _ENGLISH_QUOTES)


@lru_cache(maxsize=64)
def stopwords(lang: str | None) -> frozenset[str]:
    """Lower-case stop words of ``lang`` (English: ``storybrief.text.STOPWORDS``); empty
    for a language no list knows."""
    if lang in (None, "en"):
        return STOPWORDS
    try:
        from stop_words import get_stop_words  # type: ignore[import-untyped,unused-ignore]

        return frozenset(w.lower() for w in get_stop_words(lang))
    except Exception:  # noqa: BLE001 - stop_words raises its own error for unknown languages
        return frozenset()


@lru_cache(maxsize=64)
def stemmer(lang: str | None) -> Callable[[str], str]:
    """A Snowball stemmer of one lower-case word for ``lang``; the word itself where Snowball
    has no stemmer (Chinese, Japanese, Thai words are not inflected that way)."""
    snowball = _snowball(lang)
    return _identity if snowball is None else snowball.stemWord


@lru_cache(maxsize=64)
def list_stemmer(lang: str | None) -> Callable[[list[str]], list[str]]:
    """``stemmer(lang)`` for a list of words at once (one call into Snowball's C build)."""
    snowball = _snowball(lang)
    return _identities if snowball is None else snowball.stemWords


def _snowball(lang: str | None) -> Any:
    """Snowball's stemmer for ``lang`` (PyStemmer's C build when installed), or None."""
    name = _SNOWBALL.get(lang or "en")
    if name is None:
        return None
    try:
        import Stemmer  # type: ignore[import-not-found,unused-ignore]  # PyStemmer, C build

        return Stemmer.Stemmer(name)
    except (ImportError, KeyError):
        import snowballstemmer

        return snowballstemmer.stemmer(name)


def _identities(words: list[str]) -> list[str]:
    return list(words)


def _identity(word: str) -> str:
    return word


@lru_cache(maxsize=64)
def month_names(lang: str | None) -> dict[str, int]:
    """Lower-case month names and abbreviations of ``lang`` (CLDR) -> month number 1-12."""
    return _calendar_names(lang or "en", "month")


@lru_cache(maxsize=64)
def weekday_names(lang: str | None) -> dict[str, int]:
    """Lower-case weekday names and abbreviations of ``lang`` (CLDR) -> 0 (Monday) to 6."""
    return _calendar_names(lang or "en", "day")


def _calendar_names(lang: str, kind: str) -> dict[str, int]:
    from babel import UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    get = get_month_names if kind == "month" else get_day_names
    names: dict[str, int] = {}
    try:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get(width, context, locale=lang).items():
                    for form in {name.lower(), name.lower().rstrip(".")}:
                        names.setdefault(form, int(number))
    except (UnknownLocaleError, ValueError):
        return {}
    return names
