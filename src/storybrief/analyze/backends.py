"""NER backends by name: spaCy's English model where installed, else the capitalisation rules.

A backend takes the docs and the rules' mentions (already found: titles always come from
them) and returns the mentions that name the story's entities.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storybrief.analyze.docs import Doc
from storybrief.analyze.mentions import Mention
from storybrief.analyze.spacy_ner import load_spacy, spacy_mentions
from storybrief.errors import ConfigError

NER_BACKENDS = ("auto", "spacy", "rules")

NerFn = Callable[[Sequence[Doc], list[Mention]], list[Mention]]


def _rules_only(docs: Sequence[Doc], rules: list[Mention]) -> list[Mention]:
    return rules


def get_ner(name: str, *, loader: Callable[[], object] | None = None) -> tuple[str, NerFn]:
    """The named backend: ``auto`` (spaCy if installed, else rules), ``spacy``, ``rules``.

    ``loader`` returns the spaCy pipeline or ``None`` when it is not installed (default
    ``load_spacy``, looked up at call time so a test can replace it).
    """
    if name not in NER_BACKENDS:
        raise ConfigError(f"ner must be one of {', '.join(NER_BACKENDS)}; got {name!r}")
    if name == "rules":
        return "rules", _rules_only
    nlp = (loader or load_spacy)()
    if nlp is None:
        if name == "spacy":
            raise ConfigError(
                "ner='spacy' needs spaCy and its English model: "
                "pip install 'storybrief[ner]' (or use ner='auto' / 'rules')"
            )
        return "rules", _rules_only
    return "spacy", lambda docs, rules: spacy_mentions(docs, nlp, rules)
