"""The sentence table: every sentence of a story with the features the summarizers use.

Built once per brief. ``vectors`` is an L2-normalised TF-IDF matrix (one row a sentence)
fitted on the story itself, so a term's weight reflects how specific it is to this story's
sentences, not to some outside corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TypeVar

import numpy as np
from scipy import sparse

from storybrief.lang import list_stemmer
from storybrief.model import Segments
from storybrief.segment.origins import EMBEDDED
from storybrief.segment.statements import is_statement
from storybrief.text import STOPWORDS, words

T = TypeVar("T")


# Snowball's English stemmer (the language layer's, the C build when installed):
# "added"/"add", "plans"/"plan" must match for citations and redundancy to see the same
# statement.
_STEM_WORDS = list_stemmer("en")


def analyzer(text: str) -> list[str]:
    return _STEM_WORDS([w for w in words(text) if w not in STOPWORDS and len(w) > 1])


@dataclass
class SentenceTable:
    """Parallel arrays over all sentences of a story (row ``k`` is one sentence)."""

    article_ids: list[str]
    sentences: dict[str, tuple[str, ...]]  # article id -> its sentence list (citation frame)
    texts: list[str]
    article: np.ndarray  # article index of each row
    index: np.ndarray  # sentence index within its article
    position: np.ndarray  # relative position in the article, 0 = first sentence
    paragraph: np.ndarray
    n_words: np.ndarray
    group: np.ndarray  # independent-source group of the row's article
    vectors: sparse.csr_matrix
    candidate: np.ndarray  # bool: may appear in the brief
    # Article index pairs that share a passage (dedup's "partial" links), smaller first.
    partial: frozenset[tuple[int, int]] = frozenset()
    # The partial links from an article mostly inside the other (``origins.EMBEDDED``).
    versions: frozenset[tuple[int, int]] = frozenset()
    # Each row's terms in order (``analyzer``), as the TF-IDF read them: citations match
    # bigrams on them without analysing the sentences again.
    terms: tuple[tuple[str, ...], ...] = ()

    @property
    def n_groups(self) -> int:
        return int(self.group.max()) + 1 if len(self.group) else 0


def build_table(segments: Segments) -> SentenceTable:
    ids = [a.id for a in segments.articles]
    index_of = {a: k for k, a in enumerate(ids)}
    group_index: dict[str, int] = {}
    texts: list[str] = []
    art, idx, pos, para, nw, grp, cand = [], [], [], [], [], [], []
    for a_i, a_id in enumerate(ids):
        rows = segments.sentences[a_id]
        g = group_index.setdefault(segments.groups[a_id], len(group_index))
        n = max(1, len(rows))
        for s in rows:
            k = len(s.text.split())
            texts.append(s.text)
            art.append(a_i)
            idx.append(s.index)
            pos.append(s.index / n)
            para.append(s.paragraph)
            nw.append(k)
            grp.append(g)
            cand.append(not s.furniture and is_statement(s.text, k))
    terms = tuple(tuple(analyzer(t)) for t in texts)
    vectors = tfidf(terms, list)
    return SentenceTable(
        article_ids=ids,
        sentences=segments.texts(),
        texts=texts,
        article=np.array(art, dtype=np.int32),
        index=np.array(idx, dtype=np.int32),
        position=np.array(pos, dtype=np.float32),
        paragraph=np.array(para, dtype=np.int32),
        n_words=np.array(nw, dtype=np.int32),
        group=np.array(grp, dtype=np.int32),
        vectors=vectors,
        candidate=np.array(cand, dtype=bool),
        partial=frozenset(
            (min(index_of[c.article], index_of[c.of]), max(index_of[c.article], index_of[c.of]))
            for c in segments.copies
            if c.kind == "partial" and c.article in index_of and c.of in index_of
        ),
        terms=terms,
        versions=frozenset(
            (min(index_of[c.article], index_of[c.of]), max(index_of[c.article], index_of[c.of]))
            for c in segments.copies
            if c.kind == "partial"
            and c.containment >= EMBEDDED
            and c.article in index_of
            and c.of in index_of
        ),
    )


def tfidf(texts: Sequence[T], analyze: Callable[[T], list[str]]) -> sparse.csr_matrix:
    """Unit rows of sublinear TF-IDF over ``texts``, fitted on them: the same numbers as
    scikit-learn's ``TfidfVectorizer(analyzer=analyze, sublinear_tf=True, dtype=float32)``
    (columns in sorted term order; tested against it), without importing scikit-learn,
    which with the SciPy parts it loads costs about 1.5 s a process. A text without any
    term is a zero row; no term at all gives one zero column."""
    terms = [analyze(text) for text in texts]
    flat = list(chain.from_iterable(terms))
    if not flat:
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    # Every term once per occurrence, numbered in sorted order with C-level maps; the
    # matrix sums the occurrences of a term in a row into its count.
    vocab = {t: k for k, t in enumerate(sorted(set(flat)))}
    cols = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
    rows = np.repeat(np.arange(len(texts)), [len(t) for t in terms])
    x = sparse.csr_matrix(
        (np.ones(len(flat), dtype=np.float32), (rows, cols)), shape=(len(texts), len(vocab))
    )
    x.sum_duplicates()
    x.sort_indices()
    # As scikit-learn computes it, step by step in float32: 1 + log(tf), smoothed idf,
    # then each row divided by its norm (summed in float64).
    np.log(x.data, x.data)
    x.data += 1
    df = np.bincount(x.indices, minlength=len(vocab)).astype(np.float32) + 1
    idf = np.log((len(texts) + 1) / df) + 1
    x.data *= idf[x.indices]
    squares = (x.data * x.data).astype(np.float64)
    lengths = np.diff(x.indptr)
    rows = np.repeat(np.arange(len(texts)), lengths)
    norms = np.sqrt(np.bincount(rows, weights=squares, minlength=len(texts)))
    norms = np.where(norms > 0, norms, 1.0)
    x.data = (x.data / np.repeat(norms, lengths)).astype(np.float32)
    return x
