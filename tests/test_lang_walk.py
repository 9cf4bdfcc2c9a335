"""py3langid's automaton walked with NumPy gives py3langid's own feature counts."""

from __future__ import annotations

import random

import pytest

from storybrief.lang import walk
from storybrief.lang.detect import _identifier

TEXTS = [
    "The council voted on Tuesday to reopen the footbridge after two years of repairs.",
    "Der Stadtrat hat am Dienstag beschlossen, die Fußgängerbrücke wieder zu öffnen.",
    "市议会周二投票决定在两年的维修后重新开放这座人行桥。",
    "Hallo",
    "a",
    "",
]


def _random_texts(n: int) -> list[str]:
    rng = random.Random(7)
    return [
        "".join(chr(rng.randrange(32, 0x3000)) for _ in range(rng.randrange(1, 60)))
        for _ in range(n)
    ]


@pytest.mark.parametrize("window", [walk.WINDOW, 1, 3])
def test_counts_are_py3langids(monkeypatch, window) -> None:
    from py3langid.langid import visit_counts

    monkeypatch.setattr(walk, "WINDOW", window)  # too short a window: walked byte by byte
    ident = _identifier()
    arrays = walk.automaton_arrays(ident)
    for text in TEXTS + _random_texts(50):
        data = ident._encode(text)
        expected = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data)
        got = walk.feature_counts(*arrays, data)
        assert (got is None) == (expected is None)
        if got is not None:
            assert list(got.items()) == list(expected.items())


def test_answers_are_py3langids() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident = _identifier()
    assert isinstance(ident, walk.WalkingIdentifier)
    for text in TEXTS + _random_texts(20):
        assert ident.classify(text) == reference.classify(text)


def _long_texts(n: int) -> list[str]:
    """Invented sentences run together, several hundred characters each (as the detector's
    600-character samples of articles)."""
    rng = random.Random(11)
    phrase = (
        "the council harbour bridge voted tuesday repairs mayor ferry budget quay river "
        "die Brücke wurde gestern wieder geöffnet und der Rat stimmte zu le pont est ouvert"
    )
    words = phrase.split(" ")
    return [" ".join(rng.choice(words) for _ in range(rng.randrange(40, 120))) for _ in range(n)]


def test_scores_are_py3langids_to_the_bit() -> None:
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident = _identifier()
    for text in TEXTS + _random_texts(20) + _long_texts(30):
        assert np.array_equal(ident._decide(text), reference._decide(text)), text[:40]


def test_restricted_languages_score_from_their_own_rows() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from storybrief.lang.model_cache import load_identifier

    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident = load_identifier(norm_probs=True)  # a fresh one: the shared one stays whole
    texts = TEXTS[:3] + _long_texts(5)
    for text in texts:  # rows cached for the whole table first
        assert ident.classify(text) == reference.classify(text)
    for langs in (["de", "fr"], None):
        ident.set_languages(langs)
        reference.set_languages(langs)
        for text in texts:
            assert ident.classify(text) == reference.classify(text)
