"""The default summarizer: centroid salience, multi-source support, position, no redundancy.

A sentence is salient when it is close to the story's centroid (what the sources talk
about), is carried by several independent sources (what they agree matters), and comes
early in its article (news is written top-down). Sentences are chosen greedily by that score,
skipping any too close to one already chosen, until the word budget is full; the brief is
then put in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from storybrief.errors import ConfigError
from storybrief.summarize.table import SentenceTable

SHORT_BRIEF = 120  # words; see CentroidSummarizer.for_budget
# A short brief has room for two or three statements, and the steep long-brief prior
# (0.4) then hands them all to whichever article leads with a punchy headline; at 0.2 the
# statements the sources agree on (centrality, support) decide. Flatter was better at every
# short budget measured (NeuS 40-120 words, Multi-News 70-120: +0.1 to +1.5 ROUGE-2), and
# made no difference to Multi-News at 250 words, where the long preset keeps 0.4.
SHORT_INDEX_DECAY = 0.2
SHORT_MAX_FIRST = 2  # see CentroidSummarizer.max_first
SHORT_MIN_RATIO = 0.5  # see CentroidSummarizer.min_ratio


@dataclass(frozen=True)
class CentroidSummarizer:
    """Greedy selection by centroid + support + position score, with a redundancy cap."""

    # Defaults are the long-brief preset (see ``for_budget``), tuned on Multi-News
    # validation at 250 words; each was the best of a small sweep (docs/BENCHMARKS.md).
    redundancy: float = 0.3
    support_weight: float = 0.3
    support_cosine: float = 0.5
    shortlist: int = 300
    soft_support: bool = True
    # Above 0 favours longer sentences. Neutral for long briefs: once stemming matched
    # inflections, the short-sentence preference that had helped stopped paying
    # (docs/BENCHMARKS.md, ablation).
    length_exponent: float = 0.0
    # News is written top-down: the k-th sentence of an article weighs 1/(1+k)^0.4. An
    # absolute index beat a relative position (by 0.4 ROUGE-1 on Multi-News): a long
    # article's tenth sentence is no more central than a short one's.
    index_decay: float = 0.4
    # A sentence must bring at least this share of its weight in terms not yet said: a
    # paraphrase ("the first time the two met face to face") adds nothing, even where its
    # wording keeps the cosine under ``redundancy``. Costs NeuS ~0.2 ROUGE-2, and is worth it.
    min_novelty: float = 0.3
    # Only the best-scored ``max_first`` of the articles' first sentences (mostly their
    # headlines) stay candidates; None: all. Headlines of one story say the same thing in
    # few words, so a short brief otherwise spends much of its room on two or three of them.
    # Short preset 2: out of fold on NeuS at 70 words (chosen per fold among None, 1, 2, 3:
    # 2 in every fold) ROUGE-1/2 42.99/19.65 -> 43.15/19.79.
    max_first: int | None = None
    # A sentence scoring under this share of the best sentence's score stays out even
    # when it fits: a short brief then ends after its strong statements instead of filling
    # the budget with a weak one (a context-bound remark, a side detail). 0: off. Short
    # preset 0.5: out of fold on NeuS at 70 words (chosen per fold among 0, 0.3-0.6: 0.5 in
    # every fold) ROUGE-1/2 43.15/19.79 -> 43.23/20.10; briefs 64 -> 58 words on average.
    min_ratio: float = 0.0

    @classmethod
    def for_budget(cls, words: int) -> CentroidSummarizer:
        """The preset for a word budget.

        A short brief (two or three sentences) is best made of full lead statements that
        several sources agree on: longer sentences, a looser redundancy cap, support counted
        at a lower similarity, and a flatter position prior (``SHORT_INDEX_DECAY``). A long
        brief gains from more, shorter statements and a strict redundancy cap. Tuned on NeuS
        at 70 words and Multi-News at 250 words; the switch sits between them.
        """
        if words <= SHORT_BRIEF:
            return cls(
                redundancy=0.5,
                soft_support=False,
                length_exponent=0.1,
                support_cosine=0.3,
                index_decay=SHORT_INDEX_DECAY,
                max_first=SHORT_MAX_FIRST,
                min_ratio=SHORT_MIN_RATIO,
            )
        return cls()

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_ratio <= 1.0:
            raise ConfigError(f"min_ratio must be in [0, 1], got {self.min_ratio}")
        if not 0.0 <= self.min_novelty < 1.0:
            raise ConfigError(f"min_novelty must be in [0, 1), got {self.min_novelty}")
        if self.index_decay < 0:
            raise ConfigError(f"index_decay must be >= 0, got {self.index_decay}")
        for name in ("redundancy", "support_cosine"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], got {value}")
        if self.shortlist < 1:
            raise ConfigError(f"shortlist must be at least 1, got {self.shortlist}")
        if self.max_first is not None and self.max_first < 0:
            raise ConfigError(f"max_first must be >= 0 or None, got {self.max_first}")

    def select(self, table: SentenceTable, words: int) -> list[int]:
        cand = np.flatnonzero(table.candidate)
        if not len(cand):
            cand = np.arange(len(table.texts))
        if not len(cand):
            return []
        score = self.scores(table, cand)
        # Support is costlier (a row against all rows): measure it on a shortlist only, so
        # the cost grows with the story's size, not its square.
        order = np.argsort(-score)[: self.shortlist]
        short = cand[order]
        support = self._support(table, short)
        boosted = score[order] * (1.0 + self.support_weight * np.log1p(support - 1))
        by_score = np.argsort(-boosted, kind="stable")
        ranked = short[by_score]
        if self.min_ratio:
            ranked = ranked[boosted[by_score] >= self.min_ratio * boosted[by_score[0]]]
        if self.max_first is not None:
            first = table.index[ranked] == 0
            ranked = ranked[~first | (np.cumsum(first) <= self.max_first)]
        return self.greedy(table, ranked, words)

    def scores(self, table: SentenceTable, rows: np.ndarray) -> np.ndarray:
        """Centrality times the position prior (and the length preference) of ``rows``."""
        vecs = table.vectors
        centroid = np.asarray(vecs.sum(axis=0)).ravel()
        norm = np.linalg.norm(centroid) or 1.0
        centrality = np.asarray(vecs[rows] @ (centroid / norm)).ravel()
        prior = 1.0 / np.power(1.0 + table.index[rows], self.index_decay)
        score = centrality * prior
        if self.length_exponent:
            score = score * np.power(table.n_words[rows] / 20.0, self.length_exponent)
        return np.asarray(score, dtype=np.float64)

    def scored(
        self, table: SentenceTable, rows: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``rows``' score, their score boosted by support, and their support."""
        score = self.scores(table, rows)
        support = self._support(table, rows)
        return score, score * (1.0 + self.support_weight * np.log1p(support - 1)), support

    def _support(self, table: SentenceTable, rows: np.ndarray) -> np.ndarray:
        sims = (table.vectors[rows] @ table.vectors.T).tocsr()
        out = np.ones(len(rows))
        groups = table.group
        if self.soft_support:
            # Sum over the other independent sources of their closest sentence's similarity.
            return 1.0 + _best_per_source_sums(sims, groups, rows, table.n_groups)
        for k in range(len(rows)):
            start, end = sims.indptr[k], sims.indptr[k + 1]
            cols = sims.indices[start:end][sims.data[start:end] >= self.support_cosine]
            out[k] = max(1, len(set(groups[cols].tolist())))
        return out

    def greedy(self, table: SentenceTable, ranked: np.ndarray, words: int) -> list[int]:
        """Take ``ranked`` rows in turn while they fit the budget, skipping any too close
        to one already taken or bringing too little that is new."""
        chosen: list[int] = []
        covered: set[int] = set()  # terms already said by the chosen sentences
        used = 0
        vecs = table.vectors
        for row in ranked:
            n = int(table.n_words[row])
            if used + n > words:
                continue
            start, end = vecs.indptr[row], vecs.indptr[row + 1]
            terms, weights = vecs.indices[start:end], vecs.data[start:end]
            if chosen:
                sim = (vecs[[int(row)]] @ vecs[chosen].T).toarray().max()
                if sim > self.redundancy:
                    continue
                if self.min_novelty:
                    new = sum(w for t, w in zip(terms, weights, strict=True) if t not in covered)
                    if new < self.min_novelty * (weights.sum() or 1.0):
                        continue
            chosen.append(int(row))
            covered.update(terms.tolist())
            used += n
            if words - used < 5:
                break
        return chosen


def _best_per_source_sums(
    sims: Any, groups: np.ndarray, rows: np.ndarray, n_groups: int
) -> np.ndarray:
    """For each row of ``sims`` (a CSR matrix: ``rows`` against all rows), the sum over
    the other sources of the highest positive similarity to one of their rows.

    The maxima are taken at once; each row's sum adds them one by one in the order the
    sources first appear in that row, as a loop over the row's entries would, so the
    result is the same to the last bit (ties in the ranking stay ties)."""
    out = np.zeros(len(rows))
    row_of = np.repeat(np.arange(len(rows)), np.diff(sims.indptr))
    src = groups[sims.indices].astype(np.int64)
    keep = (src != groups[rows][row_of]) & (sims.data > 0.0)
    key = row_of[keep] * n_groups + src[keep]
    if not len(key):
        return out
    best = np.zeros(len(rows) * n_groups)
    np.maximum.at(best, key, sims.data[keep])
    uniq, first = np.unique(key, return_index=True)
    in_order = uniq[np.argsort(first, kind="stable")]  # by row, then first appearance
    values = best[in_order].tolist()
    bounds = np.searchsorted(in_order // n_groups, np.arange(len(rows) + 1)).tolist()
    for k in range(len(rows)):
        out[k] = sum(values[bounds[k] : bounds[k + 1]])
    return out


def reading_order(table: SentenceTable, rows: list[int]) -> list[int]:
    """Lead-like order: by relative position in its article, then by article order."""
    return sorted(rows, key=lambda r: (round(float(table.position[r]), 2), table.article[r]))
