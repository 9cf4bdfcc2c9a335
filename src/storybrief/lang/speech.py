"""Speech verbs (English): the one lexicon every stage's attribution test reads.

``SAY_VERBS`` is every verb an attribution may use; the other sets are named parts of it,
each the one a stage was tuned with: kept as they were, so no output changed when the three
copies became one (``tests/test_lang.py`` checks that they stay parts of it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that introduce speech; "reported"/"according to" name a medium, not a speaker. A
# capitalised word right before one of these is voted a person by the name rules (analyze).
PERSON_SAY_VERBS = _words(
    """
    said says say told tells added adds stated declared explained noted insisted warned
    stressed emphasised emphasized remarked replied continued asked urged announced wrote
    tweeted recalled acknowledged admitted claimed argued conceded vowed promised predicted
    cautioned confirmed called
    """
)
# Every verb an attribution may use (organisations and media too: "the ministry
# countered", "CNN reported").
SAY_VERBS = PERSON_SAY_VERBS | _words(
    """
    responded responds countered echoed observed exclaimed concluded concludes notes
    explains insists warns argues claims recalls writes posted quipped joked shouted yelled
    wondered suggested agreed asserted maintained testified reiterated reported reports
    pleaded asks remarks replies comments commented concedes admits acknowledges announces
    declares states stresses urges vows predicts cautions confirms lamented laments mocked
    mocks boasted boasts bragged scoffed sighed
    """
)
# Reported speech in a line of a page (clean: such a line may say "you" or use an
# imperative without being page furniture), besides the phrase "according to".
REPORTED_SPEECH_VERBS = _words(
    """
    said says say told tells added adds asked wrote writes stated explained noted argued
    insisted warned claimed announced reported reports
    """
)
# A quote that opens a sentence names its speaker with one of these (summarize: else the
# speaker is in an earlier sentence and the quote is no brief candidate), or "according to".
QUOTE_SPEAKER_VERBS = _words("said says say told tells added adds asked wrote writes tweeted")
ACCORDING_TO = "according to"


def verb_pattern(verbs: Iterable[str], *extra: str) -> str:
    """A regex source matching any of ``verbs`` (and the ``extra`` phrases) as whole words."""
    alternatives = "|".join(re.escape(v) for v in sorted({*verbs, *extra}))
    return rf"\b(?:{alternatives})\b"


__all__ = [
    "ACCORDING_TO",
    "PERSON_SAY_VERBS",
    "QUOTE_SPEAKER_VERBS",
    "REPORTED_SPEECH_VERBS",
    "SAY_VERBS",
    "verb_pattern",
]
