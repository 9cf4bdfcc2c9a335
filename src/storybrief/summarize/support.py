"""Whether a sentence of another article states what a brief sentence states: a pair model.

For a brief sentence and every sentence of the other articles sharing a term with it,
``candidates`` measures what two sentences stating one fact share, in the same words or
in other words: TF-IDF closeness both ways, shared content bigrams, numbers and names the
candidate leaves out, polarity, how the candidate ranks against the best match in its own
article and in the whole story (a general sentence is close to many; the one that states
the fact stands out), and how close the two articles are. A standardised logistic
regression turns them into the probability that the candidate states the fact; a
candidate counting something with another number ("two years", "five years") is none.

The weights ship in ``support_model.json``, trained on the tune part of the trust
annotation (Multi-News validation clusters with every document that states each fact)
by ``python -m storybrief.eval.trust.support_cv --write``, with the model of every
cross-validation fold, so its out-of-fold numbers can be reproduced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
from scipy import sparse

from storybrief.linear import LinearModel, ModelFile
from storybrief.summarize.table import SentenceTable, analyzer
from storybrief.text import STOPWORDS

FEATURES = (
    "cosine",
    "coverage",  # the brief sentence's TF-IDF weight on terms the candidate has
    "reverse",  # the candidate's weight on terms the brief sentence has
    "gap_to_article_best",  # cosine minus the best cosine in the candidate's article
    "numbers_shared",  # up to NUMBERS_CAP
    "numbers_conflict",  # both state numbers, neither set holds the other
    "negation_mismatch",
    "names_missing",  # share of the brief sentence's capitalised words the candidate lacks
    "relative_to_best",  # cosine over the best cosine in any other article
    "bigrams_shared",  # up to BIGRAMS_CAP
    "numbers_missing",  # share of the brief sentence's numbers the candidate lacks
    "fifth_best",  # the fifth best cosine in the other articles: how general the sentence is
    "sqrt_cosine",
    "cosine_x_coverage",
    "min_coverage",  # the smaller of coverage and reverse
    "article_cosine",  # the two articles' TF-IDF centroids
    "query_to_article",  # the brief sentence against the candidate's article centroid
)

# A candidate shares at least one term with the brief sentence. A floor of 0.05 cost
# 0.02 of out-of-fold recall on the tune split (paraphrases share few terms).
MIN_COSINE = 1e-6


# Counts are capped: past a few shared bigrams or numbers the pair is plainly close, and a
# bounded feature lets ``candidates`` rule pairs out before measuring text.
BIGRAMS_CAP = 6
NUMBERS_CAP = 3


class SupportModel(LinearModel):
    FEATURES: ClassVar[tuple[str, ...]] = FEATURES


_FILE = ModelFile("storybrief.summarize", "support_model.json", SupportModel, "clusters")


def shipped_model(fold: str | None = None) -> SupportModel:
    """The pair model trained on the whole tune split (or on all but ``fold``)."""
    return _FILE.model(fold)


def shipped_threshold() -> float:
    """The probability from which a candidate is cited (chosen with the model)."""
    return float(_FILE.data["threshold"])


@dataclass(frozen=True)
class Candidates:
    """The candidate pairs of some brief rows: ``query[i]`` (index into the rows asked
    for) and ``row[i]`` (a table row of another article), with their features."""

    query: np.ndarray
    row: np.ndarray
    features: np.ndarray


_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_NUMBERISH = [
    *("dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million"),
    *("millions", "billion", "billions", "half", "first", "second", "third", "fourth", "fifth"),
]
_NUMBER_TOKENS = frozenset([*_NUMBER_WORDS, *_NUMBERISH])
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_DIGIT = re.compile(r"\d")
_NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor|without)\b|n[’']t\b")
_CAPITAL = re.compile(r"(?<![^\W_])[A-Z][^\W_]*")


def facts(sentence: str) -> tuple[frozenset[str], bool]:
    """The numbers a sentence states ("twelve" and "12" alike) and whether it is negated."""
    low = sentence.lower()
    numbers = frozenset(
        _NUMBER_WORDS.get(t, t)
        for t in _TOKEN.findall(low)
        if t in _NUMBER_TOKENS or (not t.isalpha() and _DIGIT.search(t))
    )
    return numbers, _NEGATION.search(low) is not None


# A number and the word it counts ("two years", "18 troops", "$20 million"): two sentences
# giving one such word different numbers state different facts.
_COUNTED = re.compile(
    r"(?<![\w.,])(\d[\d,.]*|\b(?:" + "|".join(_NUMBER_WORDS) + r"))\s+([a-z][a-z'’-]*)"
)


def _counted(sentence: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for number, word in _COUNTED.findall(sentence.lower()):
        if word not in STOPWORDS:
            unit = word[:-1] if word.endswith("s") and len(word) > 3 else word
            out.setdefault(unit, set()).add(_NUMBER_WORDS.get(number, number.rstrip(".,")))
    return {k: frozenset(v) for k, v in out.items()}


def contradicts(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` count one thing with different numbers (never cited)."""
    return _contradict(_counted(a), _counted(b))


def _contradict(ca: dict[str, frozenset[str]], cb: dict[str, frozenset[str]]) -> bool:
    return any(not (ca[u] & cb[u]) for u in ca.keys() & cb.keys())


def _names(sentence: str) -> frozenset[str]:
    """Capitalised words after the first: names, mostly."""
    return frozenset(m.group().lower() for m in _CAPITAL.finditer(sentence) if m.start() > 1)


def _bigrams(terms: Sequence[str]) -> frozenset[tuple[str, str]]:
    return frozenset(zip(terms, terms[1:], strict=False))


def _terms(table: SentenceTable, row: int) -> Sequence[str]:
    return table.terms[row] if table.terms else analyzer(table.texts[row])


def candidates(
    table: SentenceTable,
    rows: Sequence[int],
    *,
    model: SupportModel | None = None,
    threshold: float = 0.0,
) -> Candidates:
    """Every sentence of another article that shares a term with one of ``rows``, with
    its features (one row of ``features`` per pair, columns as ``FEATURES``); a sentence
    that counts something the row counts with another number is none (``contradicts``).

    With a ``model``, pairs whose probability cannot reach ``threshold`` whatever their
    text features are left out before those are measured: the result keeps every pair
    the model would cite, and a 100-article brief measures text for a few dozen pairs
    instead of thousands.
    """
    n = len(FEATURES)
    if not rows:
        return Candidates(np.zeros(0, int), np.zeros(0, int), np.zeros((0, n)))
    vectors = table.vectors
    binary = sparse.csr_matrix(
        (np.ones_like(vectors.data), vectors.indices, vectors.indptr), shape=vectors.shape
    )
    # Dense query rows against the sparse table: a few products of nnz x len(rows).
    selected = vectors[list(rows)].toarray().T
    chosen = (selected > 0).astype(selected.dtype)
    cosine = np.asarray(vectors @ selected).T
    overlap = np.asarray(binary @ selected).T
    back = np.asarray(vectors @ chosen).T
    shared_terms = np.asarray(binary @ chosen).T  # distinct terms each pair shares
    totals = np.maximum(selected.sum(axis=0), 1e-9)
    row_totals = np.maximum(np.asarray(vectors.sum(axis=1)).ravel(), 1e-9)
    article = table.article
    n_articles = int(article.max()) + 1
    # Rows come article by article: the best cosine in each article is one reduceat.
    starts = np.flatnonzero(np.r_[True, article[1:] != article[:-1]])
    members = sparse.csr_matrix(
        (np.ones(len(article)), (article, np.arange(len(article)))),
        shape=(n_articles, len(article)),
    )
    centroids = members @ vectors
    norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
    centroids = sparse.diags(1.0 / np.maximum(norms, 1e-9)) @ centroids
    article_cos = (centroids @ centroids.T).toarray()
    query_to_article = np.asarray(centroids @ selected).T  # len(rows) x articles
    col = {f: i for i, f in enumerate(FEATURES)}
    blocks: list[tuple[int, np.ndarray, np.ndarray]] = []
    # Text measures of a row, once per call (the rows of one brief share candidates).
    measured: dict[int, tuple[Any, ...]] = {}
    for k, q in enumerate(rows):
        cos = cosine[k]
        other = article != article[q]
        if not other.any():
            continue
        best_in = np.zeros(n_articles)
        best_in[article[starts]] = np.maximum.reduceat(cos, starts)
        ranked = np.sort(cos[other])[::-1]
        top = max(float(ranked[0]), 1e-6)
        fifth = float(ranked[min(4, len(ranked) - 1)])
        r = np.flatnonzero(other & (cos >= MIN_COSINE))
        c = cos[r]
        cover = overlap[k, r] / totals[k]
        rev = back[k, r] / row_totals[r]
        x = np.zeros((len(r), n))
        x[:, col["cosine"]] = c
        x[:, col["coverage"]] = cover
        x[:, col["reverse"]] = rev
        x[:, col["gap_to_article_best"]] = c - best_in[article[r]]
        x[:, col["relative_to_best"]] = c / top
        x[:, col["fifth_best"]] = fifth
        x[:, col["sqrt_cosine"]] = np.sqrt(np.maximum(c, 0.0))
        x[:, col["cosine_x_coverage"]] = c * cover
        x[:, col["min_coverage"]] = np.minimum(cover, rev)
        x[:, col["article_cosine"]] = article_cos[article[q], article[r]]
        x[:, col["query_to_article"]] = query_to_article[k, article[r]]
        text = table.texts[q]
        q_numbers, q_negated = facts(text)
        q_terms = _terms(table, q)
        q_bigrams = _bigrams(q_terms)
        if model is not None:
            # A shared bigram joins two shared terms: a pair sharing s distinct terms shares
            # at most s - 1 bigrams, plus one for each repeated term of the brief sentence.
            repeats = len(q_terms) - len(set(q_terms))
            most = np.minimum(
                np.maximum(shared_terms[k, r] + repeats - 1, 0), min(len(q_bigrams), BIGRAMS_CAP)
            )
            keep = _can_reach(model, x, threshold, len(q_numbers), most)
            r, x = r[keep], x[keep]
        q_names, q_counted = _names(text), _counted(text)
        contradicted = np.zeros(len(r), dtype=bool)
        for i, row in enumerate(r.tolist()):
            if row not in measured:
                t = table.texts[row]
                measured[row] = (*facts(t), _names(t), _bigrams(_terms(table, row)), _counted(t))
            numbers, negated, names, bigrams, counted = measured[row]
            contradicted[i] = _contradict(q_counted, counted)
            agree = q_numbers <= numbers or numbers <= q_numbers
            x[i, col["numbers_shared"]] = min(len(q_numbers & numbers), NUMBERS_CAP)
            x[i, col["numbers_conflict"]] = float(bool(q_numbers) and bool(numbers) and not agree)
            x[i, col["negation_mismatch"]] = float(q_negated != negated)
            x[i, col["names_missing"]] = len(q_names - names) / max(1, len(q_names))
            x[i, col["bigrams_shared"]] = min(len(q_bigrams & bigrams), BIGRAMS_CAP)
            if q_numbers:
                x[i, col["numbers_missing"]] = len(q_numbers - numbers) / len(q_numbers)
        blocks.append((k, r[~contradicted], x[~contradicted]))
    if not blocks:
        return Candidates(np.zeros(0, int), np.zeros(0, int), np.zeros((0, n)))
    return Candidates(
        np.concatenate([np.full(len(r), k, dtype=int) for k, r, _ in blocks]),
        np.concatenate([r for _, r, _ in blocks]).astype(int),
        np.concatenate([x for _, _, x in blocks]),
    )


def _can_reach(
    model: SupportModel, x: np.ndarray, threshold: float, n_numbers: int, bigrams: np.ndarray
) -> np.ndarray:
    """Which pairs could reach ``threshold``: their log-odds with every text feature (the
    ones measured pair by pair) at the value within its range that raises it most, given
    the brief sentence (``n_numbers``) and each pair (``bigrams``: the most bigrams it can
    share)."""
    if threshold <= 0.0:
        return np.ones(len(x), dtype=bool)
    if threshold >= 1.0:
        return np.zeros(len(x), dtype=bool)
    mean, scale, coef = (np.asarray(v) for v in (model.mean, model.scale, model.coef))
    ranges = {
        "numbers_shared": (0.0, float(min(n_numbers, NUMBERS_CAP))),
        "numbers_conflict": (0.0, 1.0 if n_numbers else 0.0),
        "negation_mismatch": (0.0, 1.0),
        "names_missing": (0.0, 1.0),
        "numbers_missing": (0.0, 1.0 if n_numbers else 0.0),
    }
    z = np.full(len(x), float(model.intercept))
    for i, name in enumerate(FEATURES):
        w = coef[i] / scale[i]
        if name in ranges:
            lo, hi = ranges[name]
            z += max(w * (lo - mean[i]), w * (hi - mean[i]))
        elif name == "bigrams_shared":
            z += np.maximum(w * (0.0 - mean[i]), w * (bigrams - mean[i]))
        else:
            z += w * (x[:, i] - mean[i])
    return np.asarray(z >= np.log(threshold / (1.0 - threshold)) - 1e-9)
