"""Words and sentences in any language, scripts without spaces included.

Spaced scripts split at word characters, exactly as ``storybrief.text.words`` does (an
English text gives the same tokens as before). Runs of Chinese, Japanese or Thai, which
write no spaces between words, go to a segmenter that ships its dictionary: jieba
(Chinese), fugashi with unidic-lite (Japanese, MeCab), pythainlp (Thai), all from the
``lang`` extra and imported only when such a run turns up. Without them a run falls back
to overlapping character pairs, the usual retrieval units for these scripts: coarser, but
overlap and TF-IDF measures still work.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable
from functools import lru_cache

from storybrief.lang.lexicon import own_quotes
from storybrief.text import paragraphs, split_sentences, words

# Han (with extension A and compatibility ideographs), kana, Thai, Lao, Khmer, Myanmar.
_UNSPACED = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\u31f0-\u31ff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f"
_UNSPACED_RUN = re.compile(f"[{_UNSPACED}]+")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")
_THAI = re.compile("[\u0e00-\u0e7f]")
UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my"})

Segmenter = Callable[[str], list[str]]


def has_unspaced(text: str) -> bool:
    """Does ``text`` hold a run of a script written without spaces between words?"""
    return not text.isascii() and _UNSPACED_RUN.search(text) is not None


def unspaced_chars(text: str) -> int:
    """How many characters of ``text`` belong to scripts written without spaces."""
    return sum(len(run) for run in _UNSPACED_RUN.findall(text))


def tokens(text: str, lang: str | None = None) -> list[str]:
    """Lower-cased word tokens of ``text``; ``lang`` picks the segmenter for unspaced runs
    (else the script decides: kana means Japanese, Thai letters Thai, Han Chinese)."""
    if not has_unspaced(text):
        return words(text)
    # The runs are cut out before words are found: Thai vowel signs are not word
    # characters to a regex, which would break every Thai word apart.
    out: list[str] = []
    start = 0
    for run in _UNSPACED_RUN.finditer(text):
        out.extend(words(text[start : run.start()]))
        out.extend(_segment(run.group(), lang))
        start = run.end()
    out.extend(words(text[start:]))
    return out


def _segment(run: str, lang: str | None) -> list[str]:
    kind = _script_language(run, lang)
    segmenter = _segmenter(kind)
    parts = segmenter(run) if segmenter is not None else _pairs(run)
    return [p.lower() for p in (part.strip() for part in parts) if p and _is_word(p)]


def _is_word(part: str) -> bool:
    # Thai and other Brahmic scripts write vowels as combining marks, not letters.
    return any(c.isalnum() or "\u0e00" <= c <= "\u0eff" for c in part)


def _script_language(run: str, lang: str | None) -> str:
    if _THAI.search(run):
        return "th"
    if lang == "ja" or _KANA.search(run):
        return "ja"
    return "zh"


def _pairs(run: str) -> list[str]:
    """Overlapping character pairs (a single character stands alone)."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


@lru_cache(maxsize=4)  # one segmenter per script, loaded on first use
def _segmenter(kind: str) -> Segmenter | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # jieba imports the deprecated pkg_resources
            if kind == "zh":
                import jieba  # type: ignore[import-untyped,unused-ignore]

                jieba.setLogLevel(logging.WARNING)
                return jieba.lcut  # type: ignore[no-any-return,unused-ignore]
            if kind == "ja":
                import fugashi  # type: ignore[import-untyped,unused-ignore]

                tagger = fugashi.Tagger()
                return lambda run: [w.surface for w in tagger(run)]
            if kind == "th":
                from pythainlp.tokenize import (  # type: ignore[import-untyped,unused-ignore]
                    word_tokenize,
                )

                return lambda run: list(word_tokenize(run, engine="newmm"))
    except (ImportError, RuntimeError):  # extra not installed, or MeCab without its dictionary
        return None
    return None


def segmenter_available(kind: str) -> bool:
    """Is the dictionary segmenter for ``kind`` (zh, ja, th) installed?"""
    return _segmenter(kind) is not None


# --- sentences -----------------------------------------------------------------------

# A closing quote or bracket that a splitter left at the start of the next sentence belongs
# to the one before ("「本当？」と彼は言った。" is one sentence).
_CLOSERS = "」』”’»）)]】〉》"
# Sentence ends that blingfire's model was not built for: Arabic and Urdu question marks and
# full stops, the Devanagari danda; and, between CJK sentences, marks with no space after.
_EXTRA_END = re.compile(r"(?<=[؟۔।])\s+|(?<=[。！？])(?=[^\s" + _CLOSERS + "])")
_MAX_QUOTE_JOIN = 4


def sentences(text: str, lang: str | None = None) -> list[str]:
    """Sentences of ``text``. English (or no language) text splits exactly as
    ``storybrief.text.split_sentences``; other languages also split at their own marks and
    keep a quotation of several sentences together."""
    if lang in (None, "en"):
        return split_sentences(text)
    out: list[str] = []
    for para in paragraphs(text):
        parts: list[str] = []
        for sent in split_sentences(para):
            parts.extend(p for p in _EXTRA_END.split(sent) if p.strip())
        out.extend(_join_quotes(_reattach_closers(parts), own_quotes(lang)))
    return out


def _reattach_closers(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        head = len(part) - len(part.lstrip(_CLOSERS))
        if out and head:
            out[-1] += part[:head]
            part = part[head:]
            if has_unspaced(part[:1]):
                # 「本当？」と彼は言った。: the quote is inside the sentence that goes on.
                out[-1] += part
                continue
            part = part.lstrip()
        if part:
            out.append(part)
    return out


def _open(sentence: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    return any(sentence.count(a) > sentence.count(b) for a, b in pairs if a != b)


def _join_quotes(parts: list[str], pairs: tuple[tuple[str, str], ...]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(parts):
        sent, j = parts[i], i + 1
        while _open(sent, pairs) and j < len(parts) and j - i <= _MAX_QUOTE_JOIN:
            sent, j = f"{sent}{_joiner(sent)}{parts[j]}", j + 1
        if _open(sent, pairs) and j - i > 1:
            sent, j = parts[i], i + 1  # never closed: keep the split
        out.append(sent)
        i = j
    return out


def _joiner(sentence: str) -> str:
    return "" if has_unspaced(sentence[-1:]) else " "
