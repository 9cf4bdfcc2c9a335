"""The online clusterer's state in the store: its counters (``ClustererState``, one JSON
value in ``meta``), its open stories (columns of ``stories``) and its document
frequencies (``df``), written in the transaction of the articles that moved them.

``ClustererCache`` keeps the clusterer of a store object's last write: when the stored
state is still the one it wrote, the next batch goes on from it instead of reloading the
document frequencies, which takes seconds in a large store.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from storybrief.cluster import ClusterParams, StoryClusterer, StoryState
from storybrief.store.schema import decode_vector, encode_vector, meta, set_meta

STATE_KEY = "state"


@dataclass(frozen=True)
class ClustererState:
    """The clusterer's counters: documents and stories counted, originals seen (``seq``),
    the latest date seen and the last sweep's, and re-clusters so far (``generation``)."""

    n_docs: int = 0
    n_stories: int = 0
    seq: int = 0
    latest_ts: float | None = None
    swept_ts: float | None = None
    generation: int = 0

    @classmethod
    def of(cls, clusterer: StoryClusterer) -> ClustererState:
        return cls(
            n_docs=clusterer.n_docs,
            n_stories=clusterer.n_stories,
            seq=clusterer.seq,
            latest_ts=clusterer.latest_ts,
            swept_ts=clusterer.swept_ts,
            generation=clusterer.generation,
        )

    @classmethod
    def from_json(cls, text: str | None) -> ClustererState:
        """The state stored as ``text`` (None, or missing keys: a new store's zeros)."""
        stored: dict[str, Any] = json.loads(text or "{}")
        return cls(**{k: v for k, v in stored.items() if k in cls.__dataclass_fields__})

    def to_json(self) -> str:
        """As stored: the fields in their order (a store's ``meta`` row is compared as
        text, see ``ClustererCache``)."""
        return json.dumps(asdict(self))


def load_clusterer(db: sqlite3.Connection, params: ClusterParams) -> StoryClusterer:
    """A clusterer at the stored state (read in the caller's transaction)."""
    clusterer = StoryClusterer(**asdict(params))
    state = ClustererState.from_json(meta(db, STATE_KEY))
    stories = [
        StoryState(
            id=sid,
            centroid=decode_vector(cent),
            norm=norm,
            names=decode_vector(names),
            names_norm=names_norm,
            size=size,
            first_ts=first_ts,
            last_ts=last_ts,
            updated=updated,
        )
        for sid, cent, norm, names, names_norm, size, first_ts, last_ts, updated in db.execute(
            "SELECT id, centroid, norm, names, names_norm, clustered, span_first, span_last, "
            "updated FROM stories WHERE active = 1"
        )
    ]
    # The story counter never goes below a story number in use (a store written by an
    # older storybrief, whose writers could race, may hold one).
    highest = db.execute(
        "SELECT max(CAST(substr(id, ?) AS INTEGER)) FROM stories WHERE id GLOB ?",
        (len(clusterer.id_prefix) + 1, f"{clusterer.id_prefix}[0-9]*"),
    ).fetchone()[0]
    clusterer.restore(
        stories=stories,
        df=dict(db.execute("SELECT term, n FROM df")),
        n_docs=state.n_docs,
        n_stories=max(state.n_stories, highest or 0),
        seq=state.seq,
        latest_ts=state.latest_ts,
        swept_ts=state.swept_ts,
        generation=state.generation,
    )
    return clusterer


def write_clusterer(db: sqlite3.Connection, clusterer: StoryClusterer) -> str:
    """Write the clusterer's changes since the last write (stories changed and retired,
    document-frequency increments) and its counters, in the open transaction; the state
    text written."""
    changed, retired, delta = clusterer.drain()
    db.executemany(
        "UPDATE stories SET centroid = ?, norm = ?, names = ?, names_norm = ?, "
        "clustered = ?, span_first = ?, span_last = ?, updated = ? WHERE id = ?",
        [
            (
                encode_vector(s.centroid),
                s.norm,
                encode_vector(s.names),
                s.names_norm,
                s.size,
                s.first_ts,
                s.last_ts,
                s.updated,
                s.id,
            )
            for s in changed
        ],
    )
    db.executemany("UPDATE stories SET active = 0 WHERE id = ?", [(s,) for s in retired])
    db.executemany(
        "INSERT INTO df VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
        list(delta.items()),
    )
    state = ClustererState.of(clusterer).to_json()
    set_meta(db, STATE_KEY, state)
    return state


class ClustererCache:
    """The clusterer of this store object's last write, kept while the stored state is
    the one it wrote (every write that moves the clusterer rewrites the state, so another
    writer in between shows); one clusterer at most."""

    def __init__(self, params: ClusterParams) -> None:
        self.params = params
        self._clusterer: StoryClusterer | None = None
        self._state: str | None = None  # the state the cached clusterer is at

    def current(self, db: sqlite3.Connection) -> StoryClusterer:
        """The cached clusterer if the stored state is still its own, else a fresh load
        (kept from now on)."""
        text = meta(db, STATE_KEY)
        if self._clusterer is None or text is None or text != self._state:
            self._clusterer = load_clusterer(db, self.params)
            self._state = text
        return self._clusterer

    def written(self, state: str) -> None:
        """The cached clusterer's state was committed as ``state``."""
        self._state = state

    def drop(self) -> None:
        """Forget the clusterer (its batch was rolled back)."""
        self._clusterer, self._state = None, None
