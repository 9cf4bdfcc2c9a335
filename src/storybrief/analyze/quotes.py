"""Direct quotes, who said them, and one entry per remark across sources.

A quote is text between quotation marks (curly or straight, paired within a paragraph) of
at least ``MIN_WORDS`` words: shorter ones are scare quotes or fragments ("very busy time").
Its speaker comes from, in this order:

1. the attribution after it: ``..." Kim said`` / ``..." said Kim`` / ``..." he added`` /
   ``..." the Russia president said``;
2. the speech verb before it in the same sentence: ``Putin said he believed ... "..."``,
   taking the clause's subject when the verb's neighbour is not a name
   (``He also thanked Putin ... and added that "..."`` gives "He", not "Putin");
3. the previous paragraph's quote, for a quote paragraph with no attribution (the
   journalistic convention for a remark that runs on).

Pronouns resolve to the last person named as a speaker in that article; titles resolve
through the titles seen with names anywhere in the story (``NameIndex.by_title``).
Quotes from different articles are one remark when their speakers agree and their content
words overlap (two translations of one remark share their key words, not their wording).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from storybrief.analyze.docs import Doc
from storybrief.analyze.lexicon import ROLES, SAY_VERBS
from storybrief.analyze.names import NameIndex
from storybrief.analyze.tokens import Context, Tokenizer, overlap
from storybrief.dedup import count_sources
from storybrief.model import Citation, Quote

MIN_WORDS = 4
# Clusters a new quote is compared with, those sharing the most key words first.
CANDIDATES = 12
_PRONOUNS = frozenset(["he", "she"])
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "this", "that"])
_SKIP_BEFORE_VERB = frozenset(
    ["also", "then", "later", "previously", "had", "has", "have", "again", "further"]
)
_INTRO = frozenset(
    [
        "upon",
        "after",
        "before",
        "speaking",
        "when",
        "while",
        "during",
        "following",
        "in",
        "on",
        "at",
        "asked",
        "as",
        "despite",
    ]
)
_OPENERS = {"“": "”", '"': '"'}
_OPEN_RX = re.compile('[“"]')


@dataclass
class _Found:
    doc: Doc
    text: str
    sentences: tuple[int, ...]
    speaker: str | None
    stems: frozenset[str]


def _np_words(text: str) -> list[str]:
    return [t for t in Tokenizer.words(text) if t[0].isalnum()]


class _Resolver:
    def __init__(self, ctx: Context, index: NameIndex) -> None:
        self.ctx, self.index = ctx, index
        self.last: str | None = None

    def noun_phrase(self, words: Sequence[str]) -> str | None:
        """A speaker from a short noun phrase: a pronoun, a name, a title, an organisation."""
        if not words:
            return None
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
            return self.last
        text = " ".join(words)
        person = self.index.find_person(text)
        if person:
            return person
        titled = self.index.by_title(words)
        if titled:
            return titled
        caps = [w for w in words if w[0].isupper() and w.lower() not in _DETERMINERS]
        if caps and len(caps) == len([w for w in words if w.lower() not in _DETERMINERS]):
            return self.index.resolve(" ".join(caps))
        return None

    def subject_before(self, before: str) -> str | None:
        """The speaker of the last speech verb in ``before`` (text up to a quote or end)."""
        if SAY_VERBS.isdisjoint(self.ctx.tokenizer.lower_words(before)):
            return None  # most sentences report no speech: skip tokenising them
        toks = _np_words(before)
        verbs = [k for k, t in enumerate(toks) if t.lower() in SAY_VERBS]
        if not verbs:
            return None
        k = verbs[-1]
        j = k
        while j > 0 and toks[j - 1].lower() in _SKIP_BEFORE_VERB:
            j -= 1
        np: list[str] = []
        while j > 0 and len(np) < 7:
            t = toks[j - 1]
            if t[0].isupper() or t.lower() in ROLES or t.lower() in _DETERMINERS:
                np.insert(0, t)
                j -= 1
                continue
            if t.lower() in _PRONOUNS and not np:
                np = [t]
            break
        if np and (
            np[0].lower() in _PRONOUNS or any(w[0].isupper() or w.lower() in ROLES for w in np)
        ):
            return self.noun_phrase(np)
        return self.clause_subject(before, k)

    def clause_subject(self, before: str, verb_at: int) -> str | None:
        """The subject at the start of the clause: skips an intro phrase ending in a comma."""
        parts = before.split(",")
        text = before
        first = _np_words(parts[0])
        if (
            len(parts) > 1
            and first
            and (first[0].lower() in _INTRO or first[0].lower().endswith("ing"))
        ):
            text = ",".join(parts[1:])
        toks = _np_words(text)
        np: list[str] = []
        for t in toks:
            if t.lower() in _PRONOUNS and not np:
                return self.noun_phrase([t])
            if t[0].isupper() or t.lower() in ROLES or (t.lower() in _DETERMINERS and not np):
                np.append(t)
                continue
            break
        return self.noun_phrase(np) if np else None

    def after(self, after: str) -> tuple[bool, str | None]:
        """An attribution right after a quote (``, Kim said`` / ``said Kim``): whether there
        is one, and its speaker (``None`` for "a spokeswoman said": attributed, unnamed)."""
        toks = _np_words(after)[:9]
        if not toks:
            return False, None
        if toks[0].lower() in SAY_VERBS:
            np = []
            for t in toks[1:]:
                if t[0].isupper() or t.lower() in ROLES or t.lower() in _DETERMINERS:
                    np.append(t)
                else:
                    break
            return bool(np), self.noun_phrase(np)
        for k, t in enumerate(toks[:8]):
            if t.lower() in SAY_VERBS:
                np = [w for w in toks[:k] if w.lower() not in _SKIP_BEFORE_VERB]
                return bool(np), self.noun_phrase(np)
        return False, None


def _spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotation marks in a paragraph; close may be its end."""
    out = []
    i = 0
    while (m := _OPEN_RX.search(text, i)) is not None:
        start = m.start()
        close = text.find(_OPENERS[m.group()], start + 1)
        if close < 0:
            out.append((start, len(text)))
            break
        out.append((start, close))
        i = close + 1
    return out


def find_quotes(ctx: Context, docs: Sequence[Doc], index: NameIndex) -> list[_Found]:
    found: list[_Found] = []
    for doc in docs:
        resolver = _Resolver(ctx, index)
        prev_para_speaker: tuple[int, str | None] | None = None
        paras: dict[int, list[int]] = {}
        for i, p in enumerate(doc.paragraph):
            paras.setdefault(p, []).append(i)
        for p, idxs in sorted(paras.items()):
            offsets, pos = [], 0
            for i in idxs:
                offsets.append((pos, pos + len(doc.sentences[i]), i))
                pos += len(doc.sentences[i]) + 1
            text = " ".join(doc.sentences[i] for i in idxs)
            spans = _spans(text)
            para_speaker: str | None = None
            done_upto = 0
            for start, end in spans:
                inner = " ".join(text[start + 1 : end].split()).strip(" ,;:")
                sents = tuple(i for a, b, i in offsets if a <= end and b > start)
                if not sents:
                    continue
                s_start = next(a for a, b, i in offsets if i == sents[0])
                s_end = next(b for a, b, i in offsets if i == sents[-1])
                # Speech verbs in earlier sentences keep the pronoun antecedent current.
                for a, b, i in offsets:
                    if done_upto <= a and b <= s_start:
                        who = resolver.subject_before(doc.sentences[i])
                        resolver.last = who or resolver.last
                done_upto = max(done_upto, s_start)
                if len(inner.split()) < MIN_WORDS:
                    continue
                attributed, speaker = resolver.after(text[end + 1 : s_end])
                if not attributed:
                    speaker = resolver.subject_before(text[s_start:start])
                # A paragraph that opens with an unattributed quote runs on from the
                # previous paragraph's speaker.
                if (
                    speaker is None
                    and not attributed
                    and not text[:start].strip()
                    and prev_para_speaker
                    and prev_para_speaker[0] == p - 1
                ):
                    speaker = prev_para_speaker[1]
                if speaker:
                    resolver.last = speaker
                    para_speaker = para_speaker or speaker
                found.append(
                    _Found(doc, inner, sents, speaker, frozenset(ctx.content_stems(inner)))
                )
            for a, _b, i in offsets:
                if done_upto <= a:
                    who = resolver.subject_before(doc.sentences[i])
                    resolver.last = who or resolver.last
            prev_para_speaker = (p, para_speaker) if para_speaker else None
    return found


def _same_remark(a: _Found, b: _Found) -> bool:
    if a.text == b.text:
        return a.speaker == b.speaker or None in (a.speaker, b.speaker)
    n, share = overlap(set(a.stems), set(b.stems))
    if a.speaker and b.speaker:
        # Tuned on the invented examples: translations keep 4+ key words of about 10.
        return a.speaker == b.speaker and ((n >= 4 and share >= 0.34) or (n >= 2 and share >= 0.5))
    return n >= 3 and share >= 0.7


_SPACE = re.compile(r"\s+")


def quotes(
    ctx: Context, docs: Sequence[Doc], index: NameIndex, groups: dict[str, str]
) -> tuple[Quote, ...]:
    clusters: list[list[_Found]] = []
    # Candidate clusters share key words with the quote (an inverted index, so a story
    # with hundreds of quotes is not compared all against all).
    postings: dict[str, list[int]] = {}
    for f in find_quotes(ctx, docs, index):
        shared = Counter(chain.from_iterable(postings.get(w, ()) for w in f.stems))
        # Only the clusters sharing the most key words are compared: bounded work per
        # quote however many quotes the story has (a translation shares most of them).
        target = next(
            (
                k
                for k, n in shared.most_common(CANDIDATES)
                if n >= 2 and any(_same_remark(f, g) for g in clusters[k])
            ),
            None,
        )
        if target is None and not f.stems:
            target = next((k for k, c in enumerate(clusters) if c[0].text == f.text), None)
        if target is None:
            target = len(clusters)
            clusters.append([])
        clusters[target].append(f)
        for w in f.stems:
            lst = postings.setdefault(w, [])
            if not lst or lst[-1] != target:
                lst.append(target)
    out: list[tuple[int, int, Quote]] = []
    for n, c in enumerate(clusters):
        # The version closest to all others (two of three sources agreeing on a wording
        # beat a third translation), then the longest.
        best = max(
            c,
            key=lambda f: (sum(overlap(set(f.stems), set(g.stems))[1] for g in c), len(f.text)),
        )
        text = _SPACE.sub(" ", best.text)
        speakers = Counter(f.speaker for f in c if f.speaker)
        speaker = speakers.most_common(1)[0][0] if speakers else None
        cites = sorted(
            {Citation(f.doc.id, i) for f in c for i in f.sentences},
            key=lambda x: (next(f.doc.order for f in c if f.doc.id == x.article), x.sentence),
        )
        support = count_sources([f.doc.id for f in c], groups)
        out.append((support, n, Quote(text, speaker, tuple(cites), support)))
    out.sort(key=lambda t: (-t[0], t[1]))
    return tuple(q for _, _, q in out)
