"""How to brief: one frozen options object, validated once when it is made.

The CLI and the service build a ``BriefOptions`` from their flags and parameters, the
library's entry points (``storybrief.pipeline``) from their keyword arguments, and the
pipeline reads nothing else. A wrong value fails here, with the valid choices, never
halfway through a brief.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from storybrief.budget import DEFAULT_WORDS, check_words
from storybrief.errors import ConfigError

# ISO 639-1 codes, and the three-letter ones py3langid gives where there is none.
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")

if TYPE_CHECKING:
    from storybrief.summarize import Summarizer


@dataclass(frozen=True)
class BriefOptions:
    """``words``: the word budget (``storybrief.budget``: a whole number of at least 1);
    ``summarizer``: a registered name (``storybrief.summarize.SUMMARIZERS``) or an object
    with ``select(table, words)``; ``analysis``: quotes, entities, timeline and
    disagreements as well; ``ner``: the entity backend (``storybrief.analyze.NER_BACKENDS``);
    ``language``: which articles a brief is built from (``storybrief.lang.one_language``):
    ``"auto"`` those in the language most of them are in (the others are rejected, with
    the reason), a language code (ISO 639-1, such as ``"de"``) those in that language, or
    ``"all"`` every article. An article whose language is unknown is always kept.
    """

    words: int = DEFAULT_WORDS
    summarizer: str | Summarizer = "default"
    analysis: bool = True
    ner: str = "rules"
    language: str = "auto"

    def __post_init__(self) -> None:
        check_words(self.words)
        if not isinstance(self.analysis, bool):
            raise ConfigError(f"analysis must be true or false, got {self.analysis!r:.40}")
        if isinstance(self.summarizer, str):
            from storybrief.summarize import SUMMARIZERS

            if self.summarizer not in SUMMARIZERS:
                valid = ", ".join(sorted(SUMMARIZERS))
                raise ConfigError(
                    f"unknown summarizer {self.summarizer!r:.40}; choose one of: {valid}"
                )
        elif not callable(getattr(self.summarizer, "select", None)):
            raise ConfigError("summarizer must be a name or an object with select(table, words)")
        from storybrief.analyze.backends import NER_BACKENDS

        if self.ner not in NER_BACKENDS:
            raise ConfigError(f"ner must be one of {', '.join(NER_BACKENDS)}; got {self.ner!r:.40}")

        if not (
            isinstance(self.language, str)
            and (self.language in ("auto", "all") or _LANGUAGE_CODE.fullmatch(self.language))
        ):
            raise ConfigError(
                "language must be auto, all or a lower-case language code such as en or de; "
                f"got {self.language!r:.40}"
            )

    def updated(self, **changes: Any) -> BriefOptions:
        """These options with the given fields changed (``None`` leaves a field as it is),
        validated again."""
        given = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **given) if given else self


__all__ = ["DEFAULT_WORDS", "BriefOptions"]
