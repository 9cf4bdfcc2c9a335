"""Which sentences are full statements: what a brief may pick and a timeline may date.

Shared by ``summarize`` (the brief's candidates) and ``analyze`` (the timeline), which are
siblings and may not import each other.
"""

from __future__ import annotations

import re

from storybrief.lang.speech import ACCORDING_TO, QUOTE_SPEAKER_VERBS, verb_pattern

# A brief sentence should be a full statement: very short lines are headings or captions,
# very long ones are usually run-on lists or scraped navigation.
MIN_WORDS = 6
MAX_WORDS = 70
# A question mark at the end, before any closing quotes and one added full stop.
_QUESTION_END = re.compile(r"\?[\"'”’]*\.?[\"'”’]*\s*$")


def is_statement(sentence: str, n_words: int) -> bool:
    """Whether ``sentence`` (of ``n_words`` words) reads as a full statement a brief or a
    timeline can use on its own: not a heading, caption, question or speakerless quote."""
    if not MIN_WORDS <= n_words <= MAX_WORDS:
        return False
    # A statement ends like one; a headline or caption does not.
    if sentence[-1] not in ".!\"'”’)" and not sentence.endswith("..."):
        return False
    # Questions rarely summarise; they tease. A headline with a full stop added after its
    # question mark ("Is the President at Risk?.") is still a question.
    if _QUESTION_END.search(sentence) is not None:
        return False
    return not needs_context(sentence)


_QUOTE_OPEN = re.compile(r"^\s*[\"“‘]")
_ATTRIBUTION = re.compile(verb_pattern(QUOTE_SPEAKER_VERBS, ACCORDING_TO), re.I)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def needs_context(sentence: str) -> bool:
    """Whether a sentence only makes sense after another: a quote that does not say who
    speaks (its speaker is named in an earlier sentence).

    Sentences opening with a back reference ("He", "But", "It") were tried too: leaving
    them out cost 0.6 ROUGE-1 and 0.8 ROUGE-Lsum on the gate's Multi-News subset, more
    than the floors allow, so they stay candidates.
    """
    if _QUOTE_OPEN.match(sentence):
        return _ATTRIBUTION.search(_QUOTED.sub(" ", sentence)) is None
    return False
