"""py3langid's automaton walked with NumPy: the same feature counts, a tenth of the time.

py3langid scores a text by walking a byte automaton (its byte n-gram features) one byte
at a time in Python, which was a third of cleaning a story. The automaton's state after a
byte depends only on the last few bytes read (an n-gram matcher's state is the longest
suffix of the input that starts a feature: at most ``WINDOW`` bytes), so every position's
state is found at once, by walking all positions in step over their last ``WINDOW``
bytes. The states are then checked against the walk's own rule (each state is the one
its predecessor moves to on its byte); where any is not, the text is walked byte by byte
as py3langid does, so the counts are py3langid's in every case.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from py3langid.langid import LanguageIdentifier

# The automaton's deepest state is 6 bytes from the start (its longest feature prefix);
# the check below makes any window exact (a shorter one only walks more texts slowly).
WINDOW = 6


class WalkingIdentifier(LanguageIdentifier):
    """py3langid's ``LanguageIdentifier``, scoring with ``feature_arrays`` and a float32
    copy of the score table's rows as texts use them (``_rows``)."""

    __slots__ = ("_arrays", "_filled", "_local", "_lock", "_rows_f32", "_rows_of", "_slot")

    def __init__(self, *args: Any, tk_row: Any, **kwargs: Any) -> None:
        # The automaton's rows as NumPy arrays or stdlib ones, both as they are; the base
        # class shifts each row offset in a Python loop, done here at once.
        super().__init__(*args, tk_row=[], **kwargs)
        self.tk_row = tk_row
        self._rowbase = np.asarray(tk_row, dtype=np.int64) << 8
        self._rows_of = None
        self._lock = threading.Lock()  # the row copy grows under it
        self._local = threading.local()  # each thread's scratch for ``feature_arrays``

    def _raw_score(self, text: bytes) -> Any:
        try:
            arrays = self._arrays
        except AttributeError:
            arrays = self._arrays = automaton_arrays(self)
        try:
            scratch = self._local.scratch
        except AttributeError:
            scratch = self._local.scratch = np.empty(int(arrays[2].max()) + 1, np.int64)
        found = feature_arrays(*arrays, text, scratch=scratch)
        if found is None:  # no feature: py3langid's own answer for that case
            return super()._raw_score(text)
        features, counts = found
        # py3langid's ``_sparse_score``: ``log1p(counts) @ nb_ptc[features] + nb_pc``, with
        # the float16 rows read as float32 (exactly: every float16 is a float32), as the
        # product casts them; the cast, not the product, was most of its time.
        return np.log1p(counts.astype(np.float32)) @ self._rows(features) + self.nb_pc

    def _rows(self, features: np.ndarray) -> np.ndarray:
        """``nb_ptc[features]`` as float32, each row cast once, when a text first uses it
        (English news touches about a fifth of the model's rows: ~12 MB at 10,000 texts,
        at most the whole table's 57 MB)."""
        table = self.nb_ptc
        if self._rows_of is table:
            slots = self._slot[features]
            if slots.min() >= 0:
                return self._rows_f32.take(slots, axis=0)
        with self._lock:
            return self._add_rows(table, features)

    def _add_rows(self, table: Any, features: np.ndarray) -> np.ndarray:
        if self._rows_of is not table:  # first use, or ``set_languages`` changed the table
            self._rows_of = table
            self._slot = np.full(len(table), -1, np.int64)
            self._rows_f32 = np.empty((1024, table.shape[1]), np.float32)
            self._filled = 0
        slots = self._slot[features]
        new = slots < 0
        if new.any():
            fresh = features[new]  # distinct: each feature comes once
            start, end = self._filled, self._filled + len(fresh)
            if end > len(self._rows_f32):
                grown = np.empty((max(end, 2 * len(self._rows_f32)), table.shape[1]), np.float32)
                grown[:start] = self._rows_f32[:start]
                self._rows_f32 = grown
            self._rows_f32[start:end] = np.asarray(table)[fresh]
            self._slot[fresh] = np.arange(start, end)
            self._filled = end
            slots = self._slot[features]
        return self._rows_f32.take(slots, axis=0)


def automaton_arrays(ident: LanguageIdentifier) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(next state table, each state's row offset, each state's feature) as NumPy arrays."""
    nextmove = ident.tk_nextmove
    # A memory-mapped table as a plain array over its memory (see ``_raw_score``).
    table = (
        np.asarray(nextmove)
        if isinstance(nextmove, np.ndarray)
        else np.frombuffer(nextmove, np.uint32)
    )
    if table.dtype.itemsize != 4:  # pragma: no cover - a model with other state types
        table = np.asarray(nextmove)
    rowbase = np.asarray(ident._rowbase, dtype=np.int64)
    out = np.asarray(ident.tk_output, dtype=np.int64)
    return table, rowbase, out


def feature_counts(
    table: np.ndarray, rowbase: np.ndarray, out: np.ndarray, text: bytes
) -> dict[int, int] | None:
    """py3langid's ``visit_counts`` of ``text``: each feature the walk emits, with how many
    times, in order of first emission (as its ``Counter``); None when there is none."""
    found = feature_arrays(table, rowbase, out, text)
    if found is None:
        return None
    features, counts = found
    return dict(zip(features.tolist(), counts.tolist(), strict=True))


def feature_arrays(
    table: np.ndarray,
    rowbase: np.ndarray,
    out: np.ndarray,
    text: bytes,
    *,
    scratch: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray] | None:
    """``feature_counts`` as two arrays (the features, in order of first emission, and
    their counts); None when there is none. ``scratch``: an int64 array over every feature
    (its values are overwritten), made here when not given."""
    if not text:
        return None
    data = np.frombuffer(text, np.uint8).astype(np.int64)
    n = len(data)
    states = np.zeros(n, np.int64)
    # Position i reads bytes i-k (k = WINDOW-1 ... 0) in turn, from the start state.
    for k in range(min(WINDOW, n) - 1, -1, -1):
        states[k:] = table[rowbase[states[k:]] + data[: n - k]]
    previous = np.empty(n, np.int64)
    previous[0], previous[1:] = 0, states[:-1]
    if not np.array_equal(table[rowbase[previous] + data], states):
        states = _walk(table, rowbase, data)
    features = out[states]
    features = features[features >= 0]
    if not len(features):
        return None
    # ``np.unique(features, return_index=True, return_counts=True)`` reordered by first
    # emission, without its sort: each feature's first position, found in ``scratch``.
    if scratch is None:
        scratch = np.empty(int(out.max()) + 1, np.int64)
    m = len(features)
    positions = np.arange(m)
    scratch[features] = m
    np.minimum.at(scratch, features, positions)
    first = scratch[features]
    emitted = first == positions
    return features[emitted], np.bincount(first, minlength=m)[emitted]


def _walk(table: np.ndarray, rowbase: np.ndarray, data: np.ndarray) -> np.ndarray:
    """The states one byte at a time (py3langid's loop)."""
    states = np.empty(len(data), np.int64)
    state = 0
    for i, byte in enumerate(data.tolist()):
        state = int(table[rowbase[state] + byte])
        states[i] = state
    return states
