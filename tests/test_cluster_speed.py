"""The fast paths of clustering and near-copy signatures equal their plain definitions."""

from __future__ import annotations

import zlib

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storybrief.cluster.features import crc, crcs, term_id, tokens
from storybrief.cluster.online import _top
from storybrief.dedup import signature as cp

terms = st.text(min_size=0, max_size=12)


@given(st.lists(terms, max_size=30))
def test_memoised_crcs_equal_zlib(words: list[str]) -> None:
    expected = [zlib.crc32(w.encode("utf-8")) for w in words]
    assert crcs(words) == expected
    assert crcs(words) == expected  # second time from the memo
    assert [crc(w) for w in words] == expected
    assert all(term_id(w) == e & ((1 << 21) - 1) for w, e in zip(words, expected, strict=True))


# Few distinct weights, so that ties (which ``_top`` breaks by the smaller term) are common.
weights = st.dictionaries(st.integers(0, 500), st.sampled_from([0.5, 1.0, 1.5, 2.0]))


@given(weights, st.integers(1, 40))
def test_top_matches_the_sort_it_replaces(items: dict[int, float], n: int) -> None:
    expected = sorted(items.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    assert _top(items.items(), n) == expected


@settings(max_examples=50)
@given(st.lists(st.integers(0, 0xFFFFFFFF), min_size=1, max_size=50, unique=True))
def test_permuted_min_equals_modular_definition(values: list[int]) -> None:
    sh = np.array(values, dtype=np.uint64)
    prime = (1 << 61) - 1
    expected = [
        min(((int(a) * v + int(b)) % prime) & 0xFFFFFFFF for v in values)
        for a, b in zip(cp._A, cp._B, strict=True)
    ]
    assert cp._permuted_min(sh).tolist() == expected


@settings(max_examples=10, deadline=None)
@given(st.lists(st.integers(0, 0xFFFFFFFF), min_size=1, max_size=1100, unique=True))
def test_permuted_min_by_blocks_equals_all_at_once(values: list[int]) -> None:
    sh = np.array(values, dtype=np.uint64)
    assert cp._permuted_min(sh).tolist() == cp._permuted_block_min(sh).tolist()


def test_permuted_min_of_many_shingles_equals_modular_definition() -> None:
    rng = np.random.default_rng(4)
    values = np.unique(rng.integers(0, 1 << 32, 700, dtype=np.uint64))  # three blocks
    prime = (1 << 61) - 1
    vs = values.tolist()
    expected = [
        min(((int(a) * v + int(b)) % prime) & 0xFFFFFFFF for v in vs)
        for a, b in zip(cp._A, cp._B, strict=True)
    ]
    assert cp._permuted_min(values).tolist() == expected


def test_permuted_min_reduces_a_value_equal_to_the_prime(monkeypatch) -> None:
    # a * x + b = 2**61 - 1 exactly for x = 2**29: the rare value the final subtraction
    # exists for (random values almost never reach it).
    a, b = (1 << 32) - 1, (1 << 29) - 1
    monkeypatch.setattr(cp, "_A", np.array([a], dtype=np.uint64))
    monkeypatch.setattr(cp, "_B", np.array([b], dtype=np.uint64))
    values = [1 << 29, 12345]
    prime = (1 << 61) - 1
    assert (a * values[0] + b) == prime
    expected = [min(((a * v + b) % prime) & 0xFFFFFFFF for v in values)]
    assert expected == [0]
    assert cp._permuted_min(np.array(values, dtype=np.uint64)).tolist() == expected


def test_signature_of_a_known_text_is_stable() -> None:
    # Signatures are stored: a change here would stop old stores from finding copies.
    text = "The river rose over the old stone bridge on Monday night again"
    n, sig = cp.signature(text, tokens(text).words())
    assert n == 8
    assert sig.dtype == np.uint32
    assert sig.tolist() == _reference_signature()


def _reference_signature() -> list[int]:
    """The original formulation: % on uint64 with a (shingles x permutations) matrix."""
    text = "The river rose over the old stone bridge on Monday night again"
    tokens = text.lower().split()
    h = np.array([zlib.crc32(t.encode("utf-8")) for t in tokens], dtype=np.uint64)
    n = len(h) - cp.SHINGLE + 1
    sh = np.zeros(n, dtype=np.uint64)
    for i in range(cp.SHINGLE):
        sh = (sh + h[i : i + n] * cp._MIX[i]) & cp._MAX
    sh = np.unique(sh)
    perm = ((sh[:, None] * cp._A[None, :] + cp._B[None, :]) % cp._PRIME) & cp._MAX
    return [int(x) for x in perm.min(axis=0)]


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_signature_words_equal_text_words(text: str) -> None:
    from storybrief.text import words

    assert list(cp._words(text, tokens(text).words())) == words(text)
