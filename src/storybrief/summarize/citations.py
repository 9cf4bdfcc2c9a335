"""Citations: every article that states what a brief sentence states, also in other words.

A brief sentence cites its own sentence and, in each other article, the sentence the
support model (``support.py``: a logistic model over pair features, trained on annotated
news) finds most likely to state the same fact, when that likelihood reaches the shipped
threshold. Support then counts the independent origins among the cited articles.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from storybrief.model import BriefSentence, Citation
from storybrief.segment.origins import article_runs, count_origins
from storybrief.summarize.support import (
    FEATURES,
    SupportModel,
    candidates,
    shipped_model,
    shipped_threshold,
)
from storybrief.summarize.table import SentenceTable

# A sentence this close in TF-IDF to the brief sentence (the same sentence, or it with a
# word changed) is the one its article states it in, whatever the model prefers: the
# model, far from its training pairs, can rate a loosely related sentence of a few shared
# terms a little above the copy printed in the same article.
SAME_SENTENCE = 0.9
_COSINE = FEATURES.index("cosine")
# Sentences either side of a cited one whose credit to an outlet or reprinted text counts.
WINDOW = 1


def supporting_rows(
    table: SentenceTable,
    rows: Sequence[int],
    *,
    model: SupportModel | None = None,
    threshold: float | None = None,
) -> list[list[int]]:
    """For each row in ``rows``: itself and, per other article, its sentence most likely
    to state the same (when at least ``threshold``; one nearly the same words,
    ``SAME_SENTENCE``, first), in article then sentence order.

    ``model`` and ``threshold`` default to the shipped ones; the trainer passes a fold's.
    """
    if not rows:
        return []
    model = model or shipped_model()
    threshold = shipped_threshold() if threshold is None else threshold
    found = candidates(table, rows, model=model, threshold=threshold)
    p = model.probability(found.features) if len(found.row) else np.zeros(0)
    same = (found.features[:, _COSINE] >= SAME_SENTENCE).tolist()
    best: list[dict[int, tuple[tuple[bool, float], int]]] = [{} for _ in rows]
    pairs = zip(found.query.tolist(), found.row.tolist(), p.tolist(), same, strict=True)
    for k, r, prob, verbatim in pairs:
        if prob < threshold:
            continue
        a = int(table.article[r])
        key = (verbatim, prob)
        if a not in best[k] or key > best[k][a][0]:
            best[k][a] = (key, r)
    out = []
    for k, row in enumerate(rows):
        support = [int(row)] + [r for _, r in best[k].values()]
        out.append(sorted(support, key=lambda r: (table.article[r], table.index[r])))
    return out


class _ArticleRuns(Mapping[str, frozenset[tuple[str, ...]]]):
    """Each article's runs (``origins.article_runs``), made the first time one is read."""

    def __init__(self, sentences: Mapping[str, Sequence[str]]) -> None:
        self._sentences = sentences
        self._runs: dict[str, frozenset[tuple[str, ...]]] = {}

    def __getitem__(self, article: str) -> frozenset[tuple[str, ...]]:
        if article not in self._runs:
            self._runs[article] = article_runs(self._sentences[article])
        return self._runs[article]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sentences)

    def __len__(self) -> int:
        return len(self._sentences)


def cite(table: SentenceTable, rows: Sequence[int]) -> tuple[BriefSentence, ...]:
    """Brief sentences for ``rows``, each citing every article that states the same thing."""
    result = []
    printed = _ArticleRuns(table.sentences)
    for row, support in zip(rows, supporting_rows(table, rows), strict=True):
        citations = tuple(
            Citation(table.article_ids[int(table.article[r])], int(table.index[r])) for r in support
        )
        origins = independent(table, support, printed)
        result.append(BriefSentence(table.texts[row], citations, origins))
    return tuple(result)


def independent(
    table: SentenceTable,
    rows: Sequence[int],
    printed: Mapping[str, frozenset[tuple[str, ...]]] | None = None,
) -> int:
    """Independent origins of ``rows`` (``segment.origins``): copies count once, and so do
    passages printed, quoted or relayed in another article, also where the credit or the
    reprinted text is in the sentence before or after, or the passage is reprinted
    elsewhere in the other article. ``printed``: the articles' runs, when kept between
    calls."""
    ids = table.article_ids
    group = {ids[int(table.article[r])]: int(table.group[r]) for r in rows}
    context = []
    for r in rows:
        sents, k = table.sentences[ids[int(table.article[r])]], int(table.index[r])
        context.append(" ".join(sents[max(0, k - WINDOW) : k] + sents[k + 1 : k + 1 + WINDOW]))
    return count_origins(
        [(ids[int(table.article[r])], table.texts[r]) for r in rows],
        lambda a, b: group[a] == group[b],
        {frozenset((ids[a], ids[b])) for a, b in table.partial},
        context=context,
        printed=_ArticleRuns(table.sentences) if printed is None else printed,
        versions={frozenset((ids[a], ids[b])) for a, b in table.versions},
    )
