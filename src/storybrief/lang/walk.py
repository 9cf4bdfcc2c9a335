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

from typing import Any

import numpy as np
from py3langid.langid import LanguageIdentifier

# The automaton's deepest state is 6 bytes from the start (its longest feature prefix);
# the check below makes any window exact (a shorter one only walks more texts slowly).
WINDOW = 6


class WalkingIdentifier(LanguageIdentifier):
    """py3langid's ``LanguageIdentifier``, scoring with ``feature_counts``."""

    __slots__ = ("_arrays",)

    def __init__(self, *args: Any, tk_row: Any, **kwargs: Any) -> None:
        # The automaton's rows as NumPy arrays or stdlib ones, both as they are; the base
        # class shifts each row offset in a Python loop, done here at once.
        super().__init__(*args, tk_row=[], **kwargs)
        self.tk_row = tk_row
        self._rowbase = np.asarray(tk_row, dtype=np.int64) << 8

    def _raw_score(self, text: bytes) -> Any:
        try:
            arrays = self._arrays
        except AttributeError:
            arrays = self._arrays = automaton_arrays(self)
        visits = feature_counts(*arrays, text)
        if visits is None:  # no feature: py3langid's own answer for that case
            return super()._raw_score(text)
        # The score table as a plain array over the same memory: indexing a ``np.memmap``
        # runs its Python ``__getitem__`` and ``__array_finalize__`` (same numbers).
        return self._sparse_score(visits, np.asarray(self.nb_ptc))


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
    found, first, counts = np.unique(features, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    return dict(zip(found[order].tolist(), counts[order].tolist(), strict=True))


def _walk(table: np.ndarray, rowbase: np.ndarray, data: np.ndarray) -> np.ndarray:
    """The states one byte at a time (py3langid's loop)."""
    states = np.empty(len(data), np.int64)
    state = 0
    for i, byte in enumerate(data.tolist()):
        state = int(table[rowbase[state] + byte])
        states[i] = state
    return states
