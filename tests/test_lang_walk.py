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
