"""Online story clustering: each article joins the most similar active story or starts one.

Single pass, in arrival order, never re-clustering what came before (the stream setting of
Miranda et al. 2018). An article is a TF-IDF vector whose IDF comes from document
frequencies counted so far; a story is the running sum of its articles' unit vectors,
kept to its strongest terms. Candidate stories come from an inverted index of each
story's top terms, so a new article is compared with a few dozen stories, never with all.

Time counts when both sides have a date: a story more than ``window_days`` from the
article is out of reach, and nearer ones lose similarity with a half-life, so the same kind
of event weeks apart becomes a different story. Without dates (ECB+ has none) content
alone decides.

The state (document frequencies, stories, inverted index) is a pure function of what was
added and can be saved and restored exactly (``StoryState``), which is what lets the store
resume an interrupted ingest and end where an uninterrupted one would.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from itertools import islice

import numpy as np

from storybrief.cluster.features import NUM_BUCKETS, parse_time, term_counts
from storybrief.cluster.state import Assignment, ClusterParams, StoryState
from storybrief.cluster.state import top_items as _top
from storybrief.model import Article

__all__ = ["Assignment", "ClusterParams", "StoryClusterer", "StoryState"]


class StoryClusterer:
    """Online clusterer: ``add(article)`` returns the id of the story the article joins."""

    def __init__(
        self,
        *,
        threshold: float = ClusterParams.threshold,
        window_days: float = ClusterParams.window_days,
        half_life_days: float = ClusterParams.half_life_days,
        name_weight: float = ClusterParams.name_weight,
        centroid_terms: int = ClusterParams.centroid_terms,
        index_terms: int = ClusterParams.index_terms,
        query_terms: int = ClusterParams.query_terms,
        max_postings: int = ClusterParams.max_postings,
        max_candidates: int = ClusterParams.max_candidates,
        max_active: int = ClusterParams.max_active,
        id_prefix: str = "s",
    ) -> None:
        self.params = ClusterParams(
            threshold=threshold,
            window_days=window_days,
            half_life_days=half_life_days,
            name_weight=name_weight,
            centroid_terms=centroid_terms,
            index_terms=index_terms,
            query_terms=query_terms,
            max_postings=max_postings,
            max_candidates=max_candidates,
            max_active=max_active,
        )
        self.id_prefix = id_prefix
        self.df = np.zeros(NUM_BUCKETS, dtype=np.int32)
        self.n_docs = 0
        self.n_stories = 0
        self.seq = 0
        self.latest_ts: float | None = None
        self.swept_ts: float | None = None
        self.stories: dict[str, StoryState] = {}
        # Re-clusters so far: a cached copy of an older generation is stale (see ``rebuild``).
        self.generation = 0
        # term -> story ids holding it among their top terms, oldest update first.
        self._postings: dict[int, dict[str, None]] = {}
        # What changed since the last ``drain()``: for a store to persist.
        self._dirty: set[str] = set()
        self._retired: set[str] = set()
        # Stories retired since the last drain with changes not drained yet: their last
        # state is written too, whenever the store writes (not only if it wrote between).
        # Kept only for a store's clusterer (restored or drained), never in memory alone.
        self._retired_changed: dict[str, StoryState] = {}
        self._drains = False
        self._df_keys: list[np.ndarray] = []

    # --- the online step -------------------------------------------------------------

    def add(self, article: Article) -> str:
        """Assign ``article`` to a story (existing or new) and return the story id."""
        return self.assign(article).story

    def assign(
        self,
        article: Article,
        *,
        counts: tuple[dict[int, float], dict[int, float]] | None = None,
        admits: Callable[[str], bool] | None = None,
    ) -> Assignment:
        """Assign ``article``; ``counts`` are its ``features.term_counts`` when already
        computed (by an ingest worker). ``admits(story_id)``: whether the article may join
        that story (the store's language check); the most similar story it admits is
        taken, so a barred best story leaves the next best in reach, and a new story is
        started only when no admitted one is similar enough. Asked of the candidates in
        order of similarity, down to the threshold: most often of the first alone."""
        word_counts, name_counts = term_counts(article) if counts is None else counts
        ts = parse_time(article.published)
        self.seq += 1
        self.n_docs += 1
        vec = self._count_and_weigh(word_counts)
        names = self._count_and_weigh(name_counts)
        best, best_sim = self._best_story(vec, names, ts, admits)
        if ts is not None and (self.latest_ts is None or ts > self.latest_ts):
            self.latest_ts = ts
            self._retire_old()
        if best is not None and best_sim >= self.params.threshold:
            self._update(best, vec, names, ts)
            return Assignment(best.id, False, best_sim)
        self.n_stories += 1
        story = StoryState(
            f"{self.id_prefix}{self.n_stories}", {}, 0.0, {}, 0.0, 0, ts, ts, self.seq
        )
        self.stories[story.id] = story
        self._update(story, vec, names, ts)
        self._retire_excess()
        return Assignment(story.id, True, best_sim)

    def _count_and_weigh(self, counts: dict[int, float]) -> dict[int, float]:
        """Count the article's terms in the document frequencies, then its unit TF-IDF
        vector (numpy for both: per-term Python indexing of the table is slow)."""
        if not counts:
            return {}
        keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        self.df[keys] += 1  # keys are distinct within one dict
        self._df_keys.append(keys)
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        w = tf * (np.log((1.0 + self.n_docs) / (1.0 + self.df[keys])) + 1.0)
        norm = math.sqrt(float(w @ w)) or 1.0
        return dict(zip(keys.tolist(), (w / norm).tolist(), strict=True))

    def _weigh(self, counts: dict[int, float]) -> dict[int, float]:
        """The unit TF-IDF vector of ``counts`` under the current frequencies, counting nothing."""
        if not counts:
            return {}
        keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        w = tf * (np.log((1.0 + self.n_docs) / (1.0 + self.df[keys])) + 1.0)
        norm = math.sqrt(float(w @ w)) or 1.0
        return dict(zip(keys.tolist(), (w / norm).tolist(), strict=True))

    # --- re-clustering: stories regrouped outside the online step ----------------------

    def new_story_id(self) -> str:
        self.n_stories += 1
        return f"{self.id_prefix}{self.n_stories}"

    def rebuild(self, drop: Iterable[str], groups: dict[str, list[tuple[Article, int]]]) -> None:
        """Replace the active stories ``drop`` by ``groups`` (story id -> its articles with
        their sequence numbers, in arrival order), each story rebuilt from its articles as
        they weigh under today's frequencies (which are not counted again). What a store
        does after regrouping some stories with the batch method (``recluster``)."""
        for sid in drop:
            if sid in self.stories:
                self._unindex(self.stories.pop(sid))
                self._dirty.discard(sid)
        built = []
        for sid, members in groups.items():
            story = StoryState(sid, {}, 0.0, {}, 0.0, 0, None, None, 0)
            for article, seq in members:
                words, names = term_counts(article)
                story.centroid, story.norm = self._merge(story.centroid, self._weigh(words))
                story.names, story.names_norm = self._merge(story.names, self._weigh(names))
                story.size += 1
                ts = parse_time(article.published)
                if ts is not None:
                    story.first_ts = ts if story.first_ts is None else min(story.first_ts, ts)
                    story.last_ts = ts if story.last_ts is None else max(story.last_ts, ts)
                story.updated = max(story.updated, seq)
            built.append(story)
        for story in built:
            self.stories[story.id] = story
            self._dirty.add(story.id)
        # The index as ``restore`` makes it (postings in update order), so that going on
        # from here and going on from the saved state give the same stories.
        self._postings = {}
        self.stories = dict(sorted(self.stories.items(), key=lambda kv: (kv[1].updated, kv[0])))
        for story in self.stories.values():
            story.top = ()
            self._index(story)
        self.generation += 1

    def similarity(
        self, story: StoryState, vec: dict[int, float], names: dict[int, float]
    ) -> float:
        """Cosine to the story's word centroid, mixed with the cosine of names."""
        cent = story.centroid
        # Only shared terms count: intersect the key sets in C, then sum the few products.
        sim = (
            sum([vec[k] * cent[k] for k in vec.keys() & cent.keys()]) / story.norm
            if story.norm
            else 0.0
        )
        w = self.params.name_weight
        if not names or w == 0.0:
            return sim
        cn = story.names
        name_sim = (
            sum([names[k] * cn[k] for k in names.keys() & cn.keys()]) / story.names_norm
            if story.names_norm
            else 0.0
        )
        return (1.0 - w) * sim + w * name_sim

    def _best_story(
        self,
        vec: dict[int, float],
        names: dict[int, float],
        ts: float | None,
        admits: Callable[[str], bool] | None = None,
    ) -> tuple[StoryState | None, float]:
        """The most similar candidate story (ties to the smaller id) that ``admits`` lets
        the article join, and its similarity; below the threshold, the best one anyway."""
        p = self.params
        query = _top([*vec.items(), *names.items()], p.query_terms)
        votes: dict[str, float] = {}
        get = votes.get
        postings = self._postings
        for key, weight in query:
            posting = postings.get(key)
            if posting:
                for sid in islice(reversed(posting), p.max_postings):
                    votes[sid] = get(sid, 0.0) + weight
        ranked = _top(votes.items(), p.max_candidates)
        scored: list[tuple[float, str]] = []
        for sid, _ in ranked:
            story = self.stories[sid]
            factor = self._time_factor(story, ts)
            if factor <= 0.0:
                continue
            sim = factor * self.similarity(story, vec, names)
            if sim > 0.0:
                scored.append((-sim, sid))
        scored.sort()
        for neg_sim, sid in scored:
            if admits is None or -neg_sim < p.threshold or admits(sid):
                return self.stories[sid], -neg_sim
        return None, 0.0

    def _time_factor(self, story: StoryState, ts: float | None) -> float:
        if ts is None or story.first_ts is None or story.last_ts is None:
            return 1.0
        gap = max(0.0, story.first_ts - ts, ts - story.last_ts)
        if gap > self.params.window_days:
            return 0.0
        return float(0.5 ** (gap / self.params.half_life_days))

    def _update(
        self,
        story: StoryState,
        vec: dict[int, float],
        names: dict[int, float],
        ts: float | None,
    ) -> None:
        story.centroid, story.norm = self._merge(story.centroid, vec)
        story.names, story.names_norm = self._merge(story.names, names)
        story.size += 1
        if ts is not None:
            story.first_ts = ts if story.first_ts is None else min(story.first_ts, ts)
            story.last_ts = ts if story.last_ts is None else max(story.last_ts, ts)
        story.updated = self.seq
        self._index(story)
        self._dirty.add(story.id)

    def _merge(
        self, cent: dict[int, float], vec: dict[int, float]
    ) -> tuple[dict[int, float], float]:
        limit = self.params.centroid_terms
        get = cent.get
        for k, v in vec.items():
            cent[k] = get(k, 0.0) + v
        if len(cent) > limit:
            keys = np.fromiter(cent.keys(), dtype=np.int64, count=len(cent))
            values = np.fromiter(cent.values(), dtype=np.float64, count=len(cent))
            # Heaviest first, ties to the smaller term (as ``_top``).
            keep = np.lexsort((keys, -values))[:limit]
            cent = dict(zip(keys[keep].tolist(), values[keep].tolist(), strict=True))
        return cent, math.hypot(*cent.values())

    def _index(self, story: StoryState) -> None:
        """Point the story's top terms at it, most recently updated last."""
        n = self.params.index_terms
        top = _top(story.centroid.items(), n)
        top_names = _top(story.names.items(), n)
        new_top = tuple(dict.fromkeys(k for k, _ in (*top, *top_names)))
        self._unindex(story)
        for key in new_top:
            self._postings.setdefault(key, {})[story.id] = None
        story.top = new_top

    # --- bounded memory: retire stories out of reach ---------------------------------

    @property
    def horizon(self) -> float | None:
        """Dates before this are out of reach: stories last seen earlier are retired, and
        the store no longer looks for near copies among articles published earlier."""
        if self.swept_ts is None:
            return None
        return self.swept_ts - 2 * self.params.window_days

    def _retire_old(self) -> None:
        # Sweeping on every article would cost O(active stories) each; a sweep every quarter
        # window is enough, since stories out of the window are skipped when scored anyway.
        if self.latest_ts is None:
            return
        if (
            self.swept_ts is not None
            and self.latest_ts - self.swept_ts < self.params.window_days / 4
        ):
            return
        self.swept_ts = self.latest_ts
        # Twice the window: an article may arrive a little after later-dated ones.
        horizon = self.horizon
        assert horizon is not None
        old = [s.id for s in self.stories.values() if s.last_ts is not None and s.last_ts < horizon]
        for sid in old:
            self._retire(sid)

    def _retire_excess(self) -> None:
        while len(self.stories) > self.params.max_active:
            # Dicts keep insertion order, not update order: find the least recent.
            oldest = min(self.stories.values(), key=lambda s: (s.updated, s.id))
            self._retire(oldest.id)

    def _retire(self, sid: str) -> None:
        story = self.stories.pop(sid)
        self._unindex(story)
        self._retired.add(sid)
        if sid in self._dirty:
            self._dirty.discard(sid)
            if self._drains:
                self._retired_changed[sid] = story

    def _unindex(self, story: StoryState) -> None:
        for key in story.top:
            posting = self._postings.get(key)
            if posting is not None:
                posting.pop(story.id, None)
                if not posting:
                    del self._postings[key]
        story.top = ()

    # --- state for a store -----------------------------------------------------------

    def drain(self) -> tuple[list[StoryState], set[str], dict[int, int]]:
        """Stories changed, stories retired, and document-frequency increments since the
        last call; the store writes them in the same transaction as the articles."""
        changed = [
            self.stories[s] if s in self.stories else self._retired_changed[s]
            for s in sorted(self._dirty | self._retired_changed.keys())
            if s in self.stories or s in self._retired_changed
        ]
        retired = self._retired
        delta: dict[int, int] = {}
        if self._df_keys:
            keys, counts = np.unique(np.concatenate(self._df_keys), return_counts=True)
            delta = dict(zip(keys.tolist(), counts.tolist(), strict=True))
        self._dirty, self._retired, self._df_keys = set(), set(), []
        self._retired_changed, self._drains = {}, True
        return changed, retired, delta

    def restore(
        self,
        *,
        stories: Iterable[StoryState],
        df: dict[int, int] | np.ndarray,
        n_docs: int,
        n_stories: int,
        seq: int,
        latest_ts: float | None,
        swept_ts: float | None = None,
        generation: int = 0,
    ) -> None:
        """Load a saved state (active stories in any order)."""
        self.df = np.zeros(NUM_BUCKETS, dtype=np.int32)
        if isinstance(df, np.ndarray):
            self.df[:] = df
        else:
            for k, v in df.items():
                self.df[k] = v
        self.n_docs, self.n_stories, self.seq, self.latest_ts = n_docs, n_stories, seq, latest_ts
        self.swept_ts, self.generation = swept_ts, generation
        self.stories, self._postings = {}, {}
        for story in sorted(stories, key=lambda s: (s.updated, s.id)):
            story.top = ()
            self.stories[story.id] = story
            self._index(story)
        self._dirty, self._retired, self._df_keys = set(), set(), []
        self._retired_changed, self._drains = {}, True
