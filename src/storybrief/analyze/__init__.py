"""The analyze stage: who said what, who and where, when, and where sources disagree.

``analyze(segments)`` returns an ``Analysis`` of one story, read from the segmentation
(``storybrief.segment``: sentences with their paragraphs, independent-source groups):

- ``quotes``: direct quotes with the speaker resolved to a full name (pronouns and titles
  such as "the Russian president" included), one entry per remark across sources, also
  when two sources carry different translations of it (``quotes``);
- ``entities``: people, places and organisations, with the number of independent sources
  that mention each, main actors first (``names``, ``ner``);
- ``timeline``: dated statements, their time expressions resolved against each article's
  publication date, merged across sources (``dates``);
- ``disagreements``: values (numbers, counts, durations, dates, names, negation, a
  person's age, the weekday of an event) that independent sources state differently about
  the same thing (``disagree``, ``ages``, ``days``).

Every ``Citation`` is (article id, sentence index in that article), and the cited
sentence holds the quote (or its part, for a quote running over several sentences), the
dated expression or the value.

Names come from a registered NER backend, chosen with ``ner``:

- ``"rules"`` (default): capitalised-name rules with titles and honorifics, no model and no
  gazetteer (see ``storybrief.analyze.ner`` for the rules). The default because loading
  spaCy and its model costs about 2 s a process, more than the rest of a 100-article
  brief, and it measured no better here (docs/BENCHMARKS.md, analysis section);
- ``"auto"``: spaCy's ``en_core_web_sm`` when spaCy and the model are installed
  (``pip install 'storybrief[ner]'``), else the rules; the model (loaded once per process)
  reads a bounded sample of the sentences and its names are then counted everywhere
  (``spacy_ner``);
- ``"spacy"``: require spaCy (``ConfigError`` with the install command if absent).

Titles for speaker resolution always come from the rules, whichever backend names the
entities.

Cost grows about linearly with the story: each sentence is tokenised and checked with
cheap set lookups; values, names and offsets are computed only for sentences that can pair
up (``disagree``), and spaCy reads at most ``spacy_ner.SAMPLE`` sentences.
"""

from __future__ import annotations

from storybrief.analyze.backends import NER_BACKENDS, get_ner
from storybrief.analyze.dates import reference_dates, timeline
from storybrief.analyze.disagree import disagreements
from storybrief.analyze.docs import make_docs
from storybrief.analyze.names import build_index, entities, sentence_names
from storybrief.analyze.ner import rule_mentions
from storybrief.analyze.quotes import quotes
from storybrief.analyze.tokens import Context
from storybrief.errors import ConfigError
from storybrief.model import Analysis, Segments

__all__ = ["NER_BACKENDS", "Context", "analyze"]


def analyze(segments: Segments, *, ner: str = "rules", context: Context | None = None) -> Analysis:
    """Quotes, entities, timeline and disagreements of one segmented story.

    ``context`` holds the tokenizer, the stemmer and their memos; a new one per call unless
    given (a caller analysing many stories may pass one to keep its memos warm).
    """
    if not isinstance(ner, str):
        raise ConfigError(f"ner must be a backend name ({', '.join(NER_BACKENDS)}), got {ner!r}")
    _, find_names = get_ner(ner)
    if not segments.articles:
        return Analysis()
    ctx = context or Context()
    groups = segments.groups
    docs = make_docs(segments)
    rules = rule_mentions(docs, ctx.tokenizer.words)
    found = find_names(docs, rules)
    index = build_index(found, rules)
    refs = reference_dates(ctx, docs)
    return Analysis(
        quotes=quotes(
            ctx,
            docs,
            index,
            groups,
            sentence_names(docs, found, index),
            {frozenset((c.article, c.of)) for c in segments.copies if c.kind == "partial"},
        ),
        entities=entities(found, index, docs, groups),
        timeline=timeline(ctx, docs, groups, refs),
        disagreements=disagreements(ctx, docs, groups, index, found),
    )
