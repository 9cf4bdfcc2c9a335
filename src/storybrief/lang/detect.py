"""Which language an article is written in: py3langid, whose model ships inside the package.

Chosen by measurement on trafilatura's evaluation pages (their gold snippets, labelled by
the page's own ``<html lang>`` where it has one, 905 pages): py3langid 0.954 agreement at
about 1,400 texts/s, langdetect 0.957 at 740/s, lingua 0.952 at 550/s (and a 96 MB wheel).
Nearly all disagreements are pages that declare ``en`` and are written in German, where
all three agree with each other; py3langid is the fastest and smallest of equals.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from storybrief.lang.model_cache import load_identifier

# Below this many letters a guess is noise ("Hallo" reads as Italian); below this
# normalised probability the model is not sure enough to steer tokenisation or clustering.
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5
# The model reads character n-grams, at a cost that grows with the text; the start of an
# article says as much as all of it (agreement on the evaluation pages is the same).
_SAMPLE_CHARS = 600
# py3langid names a few languages by codes that the rest of storybrief knows otherwise.
_ALIASES = {"nb": "no", "nn": "no", "wuu": "zh", "yue": "zh"}


@lru_cache(maxsize=1)  # the model, built once, on first use only
def _identifier() -> Any:
    # Unpacking the bundled model costs ~0.6 s; the user cache makes that once per user.
    return load_identifier(norm_probs=True)


def detect_language(text: str, *, min_confidence: float = MIN_CONFIDENCE) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when the text is too short or the
    model unsure (``min_confidence``, a probability in [0, 1])."""
    if not 0.0 <= min_confidence <= 1.0:
        from storybrief.errors import ConfigError

        raise ConfigError(f"min_confidence must be in [0, 1], got {min_confidence}")
    sample = text[:_SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    if letters < MIN_LETTERS and not _dense_script(sample):
        return None
    lang, prob = _identifier().classify(sample)
    if prob < min_confidence:
        return None
    return _ALIASES.get(lang, lang)


def _dense_script(sample: str) -> bool:
    """A short text in a script where one character is a word (CJK) still says enough."""
    return sum("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in sample) >= 8
