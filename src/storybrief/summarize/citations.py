"""Citations: every article that states what a brief sentence states, also in other words.

A brief sentence cites its own sentence and, in each other article, the sentence the
support model (``support.py``: a logistic model over pair features, trained on annotated
news) finds most likely to state the same fact, when that likelihood reaches the shipped
threshold. Support then counts the independent origins among the cited articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from storybrief.model import BriefSentence, Citation
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


_QUOTED = re.compile(r"[“\"]([^”\"]{20,})[”\"]")
_SPACES = re.compile(r"\W+")


def _quoted(sentence: str) -> set[str]:
    """The quoted passages of six words or more a sentence carries, normalised: the same
    words reproduced in two articles come from one text (a statement, a post, a release)."""
    out = set()
    for m in _QUOTED.finditer(sentence):
        norm = _SPACES.sub(" ", m.group(1).lower()).strip()
        if len(norm.split()) >= 6:
            out.add(norm)
    return out


# Two sentences this close, in articles that share a passage, are that passage printed
# twice (a wire paragraph or a press release inside another article).
SAME_PASSAGE = 0.85


def independent(table: SentenceTable, rows: Sequence[int]) -> int:
    """Independent origins of ``rows``: copy groups count once, and so do rows of two
    articles that share a passage (dedup's partial link) where the rows are that passage,
    near-identical or carrying one quotation (a partial copy counts once for what it
    shares)."""
    if not rows:
        return 0
    rows = list(rows)
    sims = (table.vectors[rows] @ table.vectors[rows].T).toarray()
    parent = list(range(len(rows)))

    def find(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            ai, aj = int(table.article[rows[i]]), int(table.article[rows[j]])
            shared = (min(ai, aj), max(ai, aj)) in table.partial and (
                sims[i, j] >= SAME_PASSAGE
                or bool(_quoted(table.texts[rows[i]]) & _quoted(table.texts[rows[j]]))
            )
            same = table.group[rows[i]] == table.group[rows[j]] or shared
            if same:
                parent[find(j)] = find(i)
    return len({find(k) for k in range(len(rows))})
