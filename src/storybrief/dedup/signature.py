"""Near-copy signatures for a stream: MinHash over word 5-gram shingles, and LSH band keys.

``find_copies`` compares a batch in memory on exact shingle sets; a stream that grows
without end keeps a fixed-size signature per article instead, files it under band keys in
a copy index (``dedup.index``) and compares a newcomer only with the articles that share a
band. Signatures are stored (the story store keeps them), so they must never change.

Shingles are word 5-grams (as ``find_copies``) hashed with CRC-32 and permuted with numpy
in one step: several times faster than datasketch's per-shingle SHA-1, which matters at
hundreds of articles a second. 32 bands of 4 rows find pairs with Jaccard 0.5 with
probability 0.87 and pairs at 0.7 almost surely; candidates are then checked on the
signatures themselves.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

SHINGLE = 5
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
_PRIME = np.uint64((1 << 61) - 1)
_MAX = np.uint64(0xFFFFFFFF)
_SHIFT = np.uint64(61)


def _permutation_constants(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of each permutation, read-only. A fixed seed: signatures must compare
    equal across processes and versions of the store."""
    rng = np.random.RandomState(seed)
    a = rng.randint(1, (1 << 32) - 1, size=NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, (1 << 32) - 1, size=NUM_PERM, dtype=np.uint64)
    a.flags.writeable = b.flags.writeable = False
    return a, b


_A, _B = _permutation_constants(1)
# Multipliers that combine SHINGLE word hashes into one shingle hash.
_MIX = np.array([pow(1_000_003, SHINGLE - 1 - i, 1 << 32) for i in range(SHINGLE)], dtype=np.uint64)
_MIX32 = _MIX.astype(np.uint32)
_MIX.flags.writeable = _MIX32.flags.writeable = False


# Shingles permuted at a time: a block's temporaries (8 bytes x NUM_PERM a shingle) stay
# at 256 KiB. All at once, a long article's were several MiB, allocated and faulted in
# afresh each time: 600 shingles took ~530 us at once and ~115 us by blocks.
_BLOCK = 256


def _permuted_min(sh: np.ndarray) -> np.ndarray:
    """``_permuted_block_min`` of all of ``sh``, a block at a time (the same minima)."""
    if len(sh) <= _BLOCK:
        return _permuted_block_min(sh)
    out = _permuted_block_min(sh[:_BLOCK])
    for start in range(_BLOCK, len(sh), _BLOCK):
        np.minimum(out, _permuted_block_min(sh[start : start + _BLOCK]), out=out)
    return out


def _permuted_block_min(sh: np.ndarray) -> np.ndarray:
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


def _words(text: str, words: Sequence[str]) -> Sequence[str]:
    """``storybrief.text.words(text)``, as signatures have always taken them: ``words``
    (the caller's lower-cased words of ``text``, ``cluster.features.tokens(text).words()``,
    which term counts reuse), or the words of the text lower-cased in one call when that
    keeps every character one character.

    The two differ only for a capital sigma, the one letter that lower-cases by its context
    (a final sigma in a word can be a middle one in the text).
    """
    if "Σ" in text:
        flat = text.replace("’", "'")
        lowered = flat.lower()
        if len(lowered) == len(flat):
            return _WORD.findall(lowered)
    return words


def _word_crcs(words: Sequence[str]) -> np.ndarray:
    """CRC-32 of each word, in order (uint32)."""
    return np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint32, count=len(words))


def signature(text: str, words: Sequence[str]) -> tuple[int, np.ndarray]:
    """(number of shingles, MinHash signature as uint32[NUM_PERM]) of ``text``, whose
    lower-cased words (``cluster.features.tokens(text).words()``) are ``words``."""
    h = _word_crcs(_words(text, words))
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


def jaccards(a: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of the shingle sets behind signature ``a`` and each row
    of ``others``, in one step."""
    return np.count_nonzero(others == a, axis=1) / NUM_PERM
