"""Direct quotes, who said them, and one entry per remark across sources.

A quote is text between quotation marks (curly, straight, or British single ones, paired
within a paragraph) of at least ``MIN_WORDS`` words: shorter ones are scare quotes or
fragments ("very busy time"). Its speaker comes from the quote's own sentence
(``attribution``: ``"…," Kim said``, ``said Kim``, ``Kim told CNBC: "…"``, ``according
to Kim``), else from the paragraph's earlier quote, else, for a paragraph that opens with
a quote, from the previous paragraph's speaker (the journalistic convention for a remark
that runs on). Pronouns resolve to the person last named as a speaker or sentence subject;
titles through the titles seen with names anywhere in the story (``NameIndex.by_title``).
Quotes from different articles are one remark when their speakers agree and their content
words overlap (two translations of one remark share their key words, not their wording).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain, compress
from operator import itemgetter

from storybrief.analyze.attribution import (
    NONE,
    Attribution,
    outside_quotes,
    words_of,
)
from storybrief.analyze.cues import after, before, is_verb
from storybrief.analyze.docs import Doc
from storybrief.analyze.genders import genders
from storybrief.analyze.names import NameIndex
from storybrief.analyze.phrase_names import first_names
from storybrief.analyze.quote_context import (
    SentenceNames,
    about,
    asked,
    attribution_end,
    next_sentence,
    quote_spans,
    speaks,
)
from storybrief.analyze.quotes_support import support
from storybrief.analyze.resolver import Resolver
from storybrief.analyze.speaker_rules import issuer_in
from storybrief.analyze.speakers import surnames
from storybrief.analyze.tokens import Context, overlap
from storybrief.model import Citation, Quote

MIN_WORDS = 4
_FIRST = itemgetter(0)
# Clusters a new quote is compared with, those sharing the most key words first.
CANDIDATES = 12


@dataclass
class _Found:
    doc: Doc
    text: str
    sentences: tuple[int, ...]
    speaker: str | None
    role: str | None
    stems: frozenset[str]
    described: bool = False  # ``speaker`` describes someone unnamed ("a spokesman")


def find_quotes(
    ctx: Context, docs: Sequence[Doc], index: NameIndex, names: SentenceNames
) -> list[_Found]:
    found: list[_Found] = []
    by_surname = surnames(index)
    by_first = first_names(index)
    for doc in docs:
        people = [names.get((doc.id, i), ([], []))[0] for i in range(len(doc.sentences))]
        words = ctx.tokenizer.words
        # The article's distinct tokens first (C-level), then the lower-case ones of those.
        vocab = list(set(chain.from_iterable(map(words, doc.sentences))))
        # (A token is never empty: its first character is its ``[:1]``.)
        lower = frozenset(compress(vocab, map(str.islower, map(_FIRST, vocab))))
        resolver = Resolver(
            index, genders(doc.sentences, people, words), lower, by_surname, by_first
        )
        prev_para: tuple[int, Attribution] | None = None
        paras = _paragraphs(doc)
        for p, idxs in sorted(paras.items()):
            offsets, pos = [], 0
            for i in idxs:
                offsets.append((pos, pos + len(doc.sentences[i]), i))
                pos += len(doc.sentences[i]) + 1
            text = " ".join(doc.sentences[i] for i in idxs)
            spans = quote_spans(text)
            last: Attribution = NONE
            last_sents: tuple[int, ...] = ()
            read = 0  # sentences read into the resolver so far (by offset)
            for n, (start, end) in enumerate(spans):
                sents = tuple(i for a, b, i in offsets if a <= end and b > start)
                if not sents:
                    continue
                s_start = next(a for a, b, i in offsets if i == sents[0])
                s_end = next(b for a, b, i in offsets if i == sents[-1])
                for a, b, i in offsets:
                    if read <= a and b <= s_start:
                        resolver.read(doc.sentences[i], *names.get((doc.id, i), ([], [])))
                read = max(read, s_start)
                inner = " ".join(text[start + 1 : end].split()).strip(" ,;:")
                # The attribution runs up to the next real quote: a quoted title inside it
                # ('wrote film producer and "Tidewater" director Ada Morrow') is part of it;
                # a short one introduced by a comma or colon ('Li then writes back, "You
                # look cute."') is a remark with an attribution of its own.
                limit = next(
                    (
                        a
                        for a, b in spans[n + 1 :]
                        if len(text[a + 1 : b].split()) >= MIN_WORDS
                        or text[:a].rstrip().endswith((",", ":"))
                    ),
                    len(text),
                )
                tail = text[
                    end + 1 : max(end + 1, min(limit, attribution_end(text, offsets, end, s_end)))
                ]
                if not text[end + 1 : s_end].strip() and tail.rstrip().endswith((",", ":")):
                    tail = ""  # the next sentence introduces the next quote, not this one
                who = after(resolver, tail)
                if len(inner.split()) < MIN_WORDS:
                    # Too short to list ('"It's fine," Trump said.'), but its attribution
                    # names who speaks the paragraph's next quote.
                    if who.speaker and not who.weak:
                        resolver.spoke(who.speaker)
                        last = who
                    continue
                said = words_of(text[end + 1 : s_end].strip(' ,”"’').lower())[:1]
                want = {"he": "m", "she": "f"}.get(said[0]) if said and who.found else None
                if not who.found or who.weak or want:
                    first = before(resolver, outside_quotes(text[s_start:start]))
                    if want:  # '"…," he said' after 'Rick Tyler said that …': the subject
                        fits = first.speaker and resolver.genders.get(first.speaker, want) == want
                        spoke = any(is_verb(t, False) for t in words_of(text[s_start:start]))
                        who = first if fits and spoke and first.speaker[:1].isupper() else who
                    elif first.speaker or not who.found:
                        who = first
                if not who.speaker and not text[end + 1 : s_end].strip():
                    # '"… finest!!!" Okafor wrote in a March 3, 2019 message': a
                    # sentence splitter cut the attribution off after "!", "?" or ".".
                    nxt = next_sentence(text, offsets, end)
                    if nxt:
                        who = after(resolver, nxt)
                if not who.found and not text[end + 1 :].strip(" .") and p + 1 in paras:
                    # A quote box: the next paragraph is "- Clinton." / "—President Obama,
                    # tweeting after Clinton's speech."
                    sign = doc.sentences[paras[p + 1][0]].lstrip()
                    if sign[:1] in ("-", "—", "–") and sign.lstrip("-—– ")[:1].isupper():
                        signed = after(resolver, "— " + sign.lstrip("-—– "))
                        who = signed if signed.speaker else who
                if not who.found and last.found:
                    who = last  # the paragraph's earlier quote: one speaker a paragraph
                elif not who.speaker and last.speaker and sents[0] in last_sents:
                    # 'that Kim thanked them "for …" and called the club "one of …"': a
                    # verb with no subject of its own has the sentence's earlier quote's.
                    who = last
                if not who.found:
                    # 'Coan, Santilli's attorney, argues that ... "The government is
                    # alleging ..."': the sentence before, in the paragraph, says who speaks.
                    prior = next((a for a, b, i in reversed(offsets) if b <= s_start), None)
                    if prior is not None:
                        who = speaks(resolver, text[prior:s_start]) or who
                if (
                    not who.found
                    and not text[:start].strip()
                    and prev_para
                    and prev_para[0] == p - 1
                ):
                    who = prev_para[1]
                if not who.found and not text[:start].strip() and p - 1 in paras:
                    # A paragraph that is only a quote, after "The club issued a statement
                    # apologizing to …": the statement's.
                    issuer = issuer_in(resolver, doc.sentences[paras[p - 1][-1]])
                    who = Attribution(True, issuer) if issuer else who
                if not who.found and not text[:start].strip() and p - 1 in paras:
                    # A paragraph that is only a quote, after one about someone ("Valastro
                    # praised Christie's leadership ..."): the one the story was about; an
                    # interviewer's question between them ("Did it matter?") changes no one.
                    last_one = resolver.last_person
                    back = p - 1
                    if asked(doc, paras[back]) and back - 1 in paras:
                        back -= 1
                    if (
                        last_one
                        and _person_like(index, last_one)
                        and about(doc, paras[back], names, last_one)
                    ):
                        who = Attribution(True, last_one)
                resolver.spoke(who.speaker)
                if who.found:
                    last, last_sents = who, sents
                found.append(
                    _Found(
                        doc,
                        inner,
                        sents,
                        who.speaker or who.described,
                        who.role,
                        frozenset(ctx.content_stems(inner)),
                        not who.speaker and who.described is not None,
                    )
                )
            for a, _b, i in offsets:
                if read <= a:
                    resolver.read(doc.sentences[i], *names.get((doc.id, i), ([], [])))
            if not last.speaker and idxs and doc.sentences[idxs[-1]].rstrip().endswith(":"):
                # "Kim told reporters:" introduces the next paragraph's quote.
                intro = before(resolver, doc.sentences[idxs[-1]])
                last = intro if intro.speaker else last
            prev_para = (p, last) if last.speaker else None
    return found


def _person_like(index: NameIndex, name: str) -> bool:
    """A person, or a name of two or three words the recogniser left untyped ("Buddy
    Torvane": a first name it does not know)."""
    kind = index.kind.get(name)
    return kind == "person" or (kind == "other" and 2 <= len(name.split()) <= 3)


def _paragraphs(doc: Doc) -> dict[int, list[int]]:
    """Sentence indices by paragraph, numbered in turn; a paragraph that breaks off inside
    an open quote in mid-sentence (a hard line break: '"The standards aim to prepare' /
    'students …," he said.') runs on into the next."""
    out: list[list[int]] = []
    last = None
    for i, p in enumerate(doc.paragraph):
        if p != last:
            last = p
            if out and _broken(" ".join(doc.sentences[k] for k in out[-1]), doc.sentences[i]):
                out[-1].append(i)
                continue
            out.append([])
        out[-1].append(i)
    return dict(enumerate(out))


def _broken(text: str, following: str) -> bool:
    spans = quote_spans(text)
    if not spans or spans[-1][1] < len(text):
        return False
    # Mid-sentence on both sides: a word or comma before the break, a lower-case word after.
    end = text.rstrip()[-1:]
    return (end.isalnum() or end == ",") and following.lstrip()[:1].islower()


def _same_remark(a: _Found, b: _Found) -> bool:
    # A description ("a spokesman") may be anyone: it tells two remarks apart no more than
    # no speaker does.
    who_a, who_b = (None if f.described else f.speaker for f in (a, b))
    if a.text == b.text:
        return who_a == who_b or None in (who_a, who_b)
    if a.doc.id == b.doc.id:
        # One article's quotes are its remarks in turn: two of one speaker sharing words
        # ("the evidence", "improper purpose") are still two remarks, and a phrase echoed
        # inside a longer quote ("back of the queue") is not that quote.
        short, long_ = sorted((a.text, b.text), key=len)
        return short in long_ and len(short) >= len(long_) / 2
    n, share = overlap(a.stems, b.stems)
    if who_a and who_b:
        # Tuned on the invented examples: translations keep 4+ key words of about 10.
        return who_a == who_b and ((n >= 4 and share >= 0.34) or (n >= 2 and share >= 0.5))
    return n >= 3 and share >= 0.7


_SPACE = re.compile(r"\s+")


def quotes(
    ctx: Context,
    docs: Sequence[Doc],
    index: NameIndex,
    groups: dict[str, str],
    names: SentenceNames,
    shares_text: Collection[frozenset[str]] = (),
) -> tuple[Quote, ...]:
    """One ``Quote`` per remark, most independent origins first.

    ``shares_text``: the article pairs dedup links as sharing a passage (``partial``).
    """
    clusters: list[list[_Found]] = []
    # Candidate clusters share key words with the quote (an inverted index, so a story
    # with hundreds of quotes is not compared all against all).
    postings: dict[str, list[int]] = {}
    for f in find_quotes(ctx, docs, index, names):
        shared = Counter(chain.from_iterable(postings.get(w, ()) for w in f.stems))
        # Only the clusters sharing the most key words are compared: bounded work per
        # quote however many quotes the story has (a translation shares most of them).
        # Ties go to the earlier cluster (not to the order of a set of stems: the hash seed).
        # (As (-shared, cluster) pairs: sorted as plain tuples, no key function per item.)
        ranked = sorted((-n, k) for k, n in shared.items())[:CANDIDATES]
        target = next(
            (k for neg, k in ranked if -neg >= 2 and any(_same_remark(f, g) for g in clusters[k])),
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
            key=lambda f: (sum(overlap(f.stems, g.stems)[1] for g in c), len(f.text)),
        )
        text = _SPACE.sub(" ", best.text)
        # A name any version gives beats a description ("a spokesman") another gives.
        named = any(f.speaker and not f.described for f in c)
        speakers = Counter(f.speaker for f in c if f.speaker and (not named or not f.described))
        # Most versions agree; a tie goes to the speaker of the longest version.
        speaker = (
            max(
                speakers, key=lambda s: (speakers[s], max(len(f.text) for f in c if f.speaker == s))
            )
            if speakers
            else None
        )
        roles = Counter(f.role for f in c if f.role and f.speaker == speaker)
        role = roles.most_common(1)[0][0] if roles else None
        cites = sorted(
            {Citation(f.doc.id, i) for f in c for i in f.sentences},
            key=lambda x: (next(f.doc.order for f in c if f.doc.id == x.article), x.sentence),
        )
        origins = support(c, groups, shares_text)
        quote = Quote(text, speaker, tuple(cites), origins, role, speaker is not None and not named)
        out.append((origins, n, quote))
    out.sort(key=lambda t: (-t[0], t[1]))
    return tuple(q for _, _, q in out)
