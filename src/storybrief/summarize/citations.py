"""Citations: every article that states what a brief sentence states, also in other words.

A brief sentence cites its own sentence and, in each other article, the sentence the
support model (``support.py``: a logistic model over pair features, trained on annotated
news) finds most likely to state the same fact, when that likelihood reaches the shipped
threshold. Support then counts the independent origins among the cited articles.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storybrief.model import BriefSentence, Citation
from storybrief.segment.origins import count_origins
from storybrief.summarize.support import (
    SupportModel,
    candidates,
    shipped_model,
    shipped_threshold,
)
from storybrief.summarize.table import SentenceTable


def supporting_rows(
    table: SentenceTable,
    rows: Sequence[int],
    *,
    model: SupportModel | None = None,
    threshold: float | None = None,
) -> list[list[int]]:
    """For each row in ``rows``: itself and, per other article, its sentence most likely
    to state the same (when at least ``threshold``), in article then sentence order.

    ``model`` and ``threshold`` default to the shipped ones; the trainer passes a fold's.
    """
    if not rows:
        return []
    model = model or shipped_model()
    threshold = shipped_threshold() if threshold is None else threshold
    found = candidates(table, rows, model=model, threshold=threshold)
    p = model.probability(found.features) if len(found.row) else np.zeros(0)
    best: list[dict[int, tuple[float, int]]] = [{} for _ in rows]
    for k, r, prob in zip(found.query.tolist(), found.row.tolist(), p.tolist(), strict=True):
        if prob < threshold:
            continue
        a = int(table.article[r])
        if a not in best[k] or prob > best[k][a][0]:
            best[k][a] = (prob, r)
    out = []
    for k, row in enumerate(rows):
        support = [int(row)] + [r for _, r in best[k].values()]
        out.append(sorted(support, key=lambda r: (table.article[r], table.index[r])))
    return out


def cite(table: SentenceTable, rows: Sequence[int]) -> tuple[BriefSentence, ...]:
    """Brief sentences for ``rows``, each citing every article that states the same thing."""
    result = []
    for row, support in zip(rows, supporting_rows(table, rows), strict=True):
        citations = tuple(
            Citation(table.article_ids[int(table.article[r])], int(table.index[r])) for r in support
        )
        result.append(BriefSentence(table.texts[row], citations, independent(table, support)))
    return tuple(result)


def independent(table: SentenceTable, rows: Sequence[int]) -> int:
    """Independent origins of ``rows`` (``segment.origins``): copies count once, and so do
    passages printed, quoted or relayed in another article."""
    ids = table.article_ids
    group = {ids[int(table.article[r])]: int(table.group[r]) for r in rows}
    return count_origins(
        [(ids[int(table.article[r])], table.texts[r]) for r in rows],
        lambda a, b: group[a] == group[b],
        {frozenset((ids[a], ids[b])) for a, b in table.partial},
    )
