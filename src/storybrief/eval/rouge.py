"""ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 with rouge-score, and the one word-budget cut.

rouge-score's default tokenizer keeps only ``[a-z0-9]`` and so silently drops every word
in another script (and every accented word is split at the accent). Ours keeps letters
and digits in any script; on plain ASCII text it gives exactly the default's tokens, so
English numbers stay comparable with published rouge-score figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storybrief.errors import ConfigError
from storybrief.text import RUNS, split_sentences

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")

# Same split points as rouge-score's ``[^a-z0-9]+`` but Unicode-aware: underscores and
# punctuation separate, letters and digits of any script are kept.
_TOKEN = RUNS
_ASCII_TOKEN = re.compile(r"^[a-z0-9]+$")
# A whitespace token counts as a word for the budget when it holds a letter or digit,
# so a stray dash or bullet costs nothing.
_COUNTS_AS_WORD = re.compile(r"[^\W_]", re.UNICODE)


class UnicodeTokenizer:
    """A rouge-score tokenizer (has ``tokenize``) that keeps non-ASCII words.

    Porter stemming is applied, as in rouge-score, to ASCII tokens longer than 3 characters;
    other tokens are only lower-cased (Porter is an English stemmer).
    """

    def __init__(self, *, use_stemmer: bool = True) -> None:
        self.use_stemmer = use_stemmer
        if use_stemmer:
            from nltk.stem import porter

            self._stem = lru_cache(maxsize=200_000)(porter.PorterStemmer().stem)

    def tokenize(self, text: str) -> list[str]:
        tokens = _TOKEN.findall(text.lower())
        if self.use_stemmer:
            tokens = [self._stem(t) if len(t) > 3 and _ASCII_TOKEN.match(t) else t for t in tokens]
        return tokens


def count_words(text: str) -> int:
    """Words as the budget counts them: whitespace tokens holding a letter or digit."""
    return sum(1 for tok in text.split() if _COUNTS_AS_WORD.search(tok))


def truncate_words(sentences: Sequence[str], words: int) -> list[str]:
    """Cut ``sentences`` to at most ``words`` words, at a whole word; the one cut for all systems.

    Sentences are kept in their order; the last one kept may be cut mid-sentence. Empty
    sentences are dropped.
    """
    if words < 1:
        raise ConfigError(f"words must be a positive number of words, got {words}")
    out: list[str] = []
    left = words
    for sent in sentences:
        toks = sent.split()
        if not toks:
            continue
        kept: list[str] = []
        for tok in toks:
            if _COUNTS_AS_WORD.search(tok):
                if left == 0:
                    break
                left -= 1
            kept.append(tok)
        if any(_COUNTS_AS_WORD.search(t) for t in kept):
            out.append(" ".join(kept))
        if left == 0:
            break
    return out


def as_sentences(output: str | Sequence[str]) -> list[str]:
    """A system's output as a list of sentences (a string is split with storybrief's splitter)."""
    if isinstance(output, str):
        return split_sentences(output)
    return [s.strip() for s in output if s and s.strip()]


@dataclass(frozen=True)
class RougeF:
    """F1 of ROUGE-1, ROUGE-2 and ROUGE-Lsum for one summary, each in [0, 1]."""

    rouge1: float
    rouge2: float
    rougeLsum: float  # noqa: N815 - the name rouge-score and the literature use

    def to_dict(self) -> dict[str, float]:
        return {"rouge1": self.rouge1, "rouge2": self.rouge2, "rougeLsum": self.rougeLsum}


class Rouge:
    """Scores a summary (sentences) against a reference (sentences) with rouge-score.

    ROUGE-Lsum needs one sentence a line, so both sides are joined with newlines here.
    """

    def __init__(self, *, use_stemmer: bool = True) -> None:
        from rouge_score import rouge_scorer

        self.use_stemmer = use_stemmer
        self.tokenizer = UnicodeTokenizer(use_stemmer=use_stemmer)
        self._scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=self.tokenizer)

    def score(self, summary: Sequence[str] | str, reference: Sequence[str] | str) -> RougeF:
        pred = "\n".join(as_sentences(summary))
        ref = "\n".join(as_sentences(reference))
        if not pred.strip() or not ref.strip():
            return RougeF(0.0, 0.0, 0.0)
        s = self._scorer.score(ref, pred)
        return RougeF(s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeLsum"].fmeasure)
