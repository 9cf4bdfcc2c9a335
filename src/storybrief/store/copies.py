"""Near-copy detection for the store: MinHash signatures with LSH bands kept in SQLite.

``storybrief.dedup`` compares a batch in memory; a store grows without end, so here each
article's signature is stored with its band keys (and date) in an indexed table, and a new
article looks up only the articles that share a band and are in reach in time. Rows of
articles older than the clusterer's horizon are dropped, so the table holds the recent
weeks and undated articles: memory and lookup cost stay flat however large the store.

Signatures use word 5-gram shingles (as ``dedup``) hashed with CRC-32 and permuted with
numpy in one step: several times faster than datasketch's per-shingle SHA-1, which matters
at hundreds of articles a second. 32 bands of 4 rows find pairs with Jaccard 0.5 with
probability 0.87 and pairs at 0.7 almost surely; candidates are then checked on the
signatures themselves.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from storybrief.cluster.features import crcs, tokens
from storybrief.dedup import SHINGLE, CopyParams

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
# A fixed seed: signatures must compare equal across processes and versions of the store.
_PRIME = np.uint64((1 << 61) - 1)
_MAX = np.uint64(0xFFFFFFFF)
_SHIFT = np.uint64(61)
_rng = np.random.RandomState(1)
_A = _rng.randint(1, (1 << 32) - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.randint(0, (1 << 32) - 1, size=NUM_PERM, dtype=np.uint64)
# Multipliers that combine SHINGLE word hashes into one shingle hash.
_MIX = np.array([pow(1_000_003, SHINGLE - 1 - i, 1 << 32) for i in range(SHINGLE)], dtype=np.uint64)
_MIX32 = _MIX.astype(np.uint32)

COPY_JACCARD = CopyParams().copy_jaccard


def _permuted_min(sh: np.ndarray) -> np.ndarray:
    """min over shingles of ``((a * x + b) mod (2**61 - 1)) & 0xFFFFFFFF`` per permutation.

    In place, and without the slow 64-bit division: since 2**61 = 1 (mod p), a value
    hi * 2**61 + lo is congruent to hi + lo, which is below 2 * p; only the rare value at or
    above p (one in about 2**58) needs the subtraction, so one maximum decides whether
    any does.
    """
    x = np.multiply.outer(sh, _A)  # both below 2**32: no overflow
    x += _B
    hi = x >> _SHIFT
    x &= _PRIME
    x += hi
    if x.max() >= _PRIME:
        x[x >= _PRIME] -= _PRIME
    x &= _MAX
    return x.min(axis=0)


_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


def _words(text: str) -> list[str]:
    """``storybrief.text.words(text)``, as signatures have always taken them: the words of
    the text lower-cased in one call when that keeps every character one character.

    The two differ only for a capital sigma, the one letter that lower-cases by its context
    (a final sigma in a word can be a middle one in the text). Without one, these are the
    words of ``features.tokens``, which term counts reuse.
    """
    if "Σ" in text:
        flat = text.replace("’", "'")
        lowered = flat.lower()
        if len(lowered) == len(flat):
            return _WORD.findall(lowered)
    return tokens(text).words()


def _word_crcs(text: str) -> np.ndarray:
    """CRC-32 of each word of ``_words(text)``, in order (uint32)."""
    words = _words(text)
    return np.fromiter(crcs(words), dtype=np.uint32, count=len(words))


def signature(text: str) -> tuple[int, np.ndarray]:
    """(number of shingles, MinHash signature as uint32[NUM_PERM]) of ``text``."""
    h = _word_crcs(text)
    if not len(h):
        return 0, np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    if len(h) >= SHINGLE:
        # uint32 arithmetic wraps: the sum of products is taken mod 2**32 as it goes.
        n = len(h) - SHINGLE + 1
        sh = h[:n] * _MIX32[0]
        for i in range(1, SHINGLE):
            sh += h[i : i + n] * _MIX32[i]
    else:
        sh = np.array([int((h.astype(np.uint64) * _MIX[: len(h)]).sum()) & 0xFFFFFFFF])
    # Distinct shingles, in increasing order (np.unique; sorting is faster at this size).
    sh.sort()
    sh = sh[np.concatenate(([True], sh[1:] != sh[:-1]))].astype(np.uint64)
    return len(sh), _permuted_min(sh).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One integer per band: the band number in the high bits, a hash of its rows below."""
    raw = sig.tobytes()
    step = ROWS * 4
    return [(b << 32) | zlib.crc32(raw[b * step : (b + 1) * step]) for b in range(BANDS)]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def jaccards(a: np.ndarray, others: np.ndarray) -> np.ndarray:
    """``jaccard(a, b)`` for each row ``b`` of ``others``, in one step."""
    return np.count_nonzero(others == a, axis=1) / NUM_PERM
