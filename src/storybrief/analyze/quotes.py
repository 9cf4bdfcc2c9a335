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
from itertools import chain

from storybrief.analyze.attribution import (
    DETERMINERS,
    NONE,
    Attribution,
    outside_quotes,
    subject,
    words_of,
)
from storybrief.analyze.cues import after, before, is_verb
from storybrief.analyze.docs import Doc
from storybrief.analyze.genders import genders
from storybrief.analyze.names import NameIndex
from storybrief.analyze.quotes_support import support
from storybrief.analyze.resolver import Resolver
from storybrief.analyze.speakers import surnames
from storybrief.analyze.tokens import Context, overlap
from storybrief.model import Citation, Quote

MIN_WORDS = 4
# Clusters a new quote is compared with, those sharing the most key words first.
CANDIDATES = 12
_OPENERS = {"“": "”", '"': '"', "‘": "’"}
_OPEN_RX = re.compile('[“"‘]')
_MIXED_CLOSE = {
    "“": re.compile(r'[,.?!…][“"](?=\s|$)'),
    '"': re.compile(r"[,.?!…][”“](?=\s|$)"),
}
# Names of each sentence, (article id, sentence index) -> (persons, organisations) in order.
SentenceNames = dict[tuple[str, int], tuple[list[str], list[str]]]


@dataclass
class _Found:
    doc: Doc
    text: str
    sentences: tuple[int, ...]
    speaker: str | None
    role: str | None
    stems: frozenset[str]


def _spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotation marks in a paragraph; close may be its end.

    A single ‘ opens a quote only at a word's start, and its ’ closes it only at a word's
    end followed by no letter (so "it’s" and "workers’ rights" do not end it).
    """
    out = []
    i = 0
    while (m := _OPEN_RX.search(text, i)) is not None:
        start = m.start()
        mark = m.group()
        if mark == "‘":
            if start > 0 and text[start - 1].isalnum():
                i = start + 1
                continue
            close = _single_close(text, start + 1)
            if close < 0:
                i = start + 1
                continue
        else:
            close = text.find(_OPENERS[mark], start + 1)
            if mark in ("“", '"'):
                twin = text.find("''", start + 1)  # '' typed for a closing mark
                if twin >= 0 and (close < 0 or twin < close):
                    close = twin + 1
                # The other kind of mark typed for the closing one ('"… compete,” said
                # Paul Lindsay', '“It's unusual,“ said Larry Noble'): after the quote's
                # last punctuation, before a space, as closing marks stand.
                mixed = _MIXED_CLOSE[mark].search(text, start + 1)
                if mixed is not None and (close < 0 or mixed.start() + 1 < close):
                    close = mixed.start() + 1
        if close < 0:
            out.append((start, len(text)))
            break
        out.append((start, close))
        i = close + 1
    return out


def _single_close(text: str, at: int) -> int:
    k = text.find("’", at)
    while k >= 0:
        nxt = text[k + 1 : k + 2]
        if not nxt.isalpha() and text[k - 1 : k] not in ("s", " "):
            return k
        k = text.find("’", k + 1)
    return -1


def find_quotes(
    ctx: Context, docs: Sequence[Doc], index: NameIndex, names: SentenceNames
) -> list[_Found]:
    found: list[_Found] = []
    by_surname = surnames(index)
    for doc in docs:
        people = [names.get((doc.id, i), ([], []))[0] for i in range(len(doc.sentences))]
        words = ctx.tokenizer.words
        # The article's distinct tokens first (C-level), then the lower-case ones of those.
        vocab = set(chain.from_iterable(map(words, doc.sentences)))
        lower = frozenset(w for w in vocab if w[:1].islower())
        resolver = Resolver(index, genders(doc.sentences, people, words), lower, by_surname)
        prev_para: tuple[int, Attribution] | None = None
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
            last: Attribution = NONE
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
                # ('wrote TV producer and "Lucifer" showrunner Joe Henderson') is part of it.
                limit = next(
                    (a for a, b in spans[n + 1 :] if len(text[a + 1 : b].split()) >= MIN_WORDS),
                    len(text),
                )
                who = after(
                    resolver,
                    text[
                        end + 1 : max(
                            end + 1, min(limit, _attribution_end(text, offsets, end, s_end))
                        )
                    ],
                )
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
                    # '"… greatest!!!" McDonough wrote in a September 16, 2012 email': a
                    # sentence splitter cut the attribution off after "!", "?" or ".".
                    nxt = _next_sentence(text, offsets, end)
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
                if not who.found:
                    # 'Coan, Santilli's attorney, argues that ... "The government is
                    # alleging ..."': the sentence before, in the paragraph, says who speaks.
                    prior = next((a for a, b, i in reversed(offsets) if b <= s_start), None)
                    if prior is not None:
                        who = _speaks(resolver, text[prior:s_start]) or who
                if (
                    not who.found
                    and not text[:start].strip()
                    and prev_para
                    and prev_para[0] == p - 1
                ):
                    who = prev_para[1]
                if not who.found and not text[:start].strip() and p - 1 in paras:
                    # A paragraph that is only a quote, after one about someone ("Valastro
                    # praised Christie's leadership ..."): the one the story was about.
                    last_one = resolver.last_person
                    if (
                        last_one
                        and index.kind.get(last_one) == "person"
                        and _about(doc, paras[p - 1], names, last_one)
                    ):
                        who = Attribution(True, last_one)
                resolver.spoke(who.speaker)
                if who.found:
                    last = who
                found.append(
                    _Found(
                        doc,
                        inner,
                        sents,
                        who.speaker,
                        who.role,
                        frozenset(ctx.content_stems(inner)),
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


def _speaks(resolver: Resolver, sentence: str) -> Attribution | None:
    """The speaker of a sentence that reports speech outside quotation marks ("Coan
    argues that his client ..."), if it names one."""
    bare = outside_quotes(sentence)
    if not any(is_verb(t, False) for t in words_of(bare)):
        # 'Clinton touted her credentials as a co-sponsor. "We need …"': the person the
        # sentence before has for its subject goes on to speak.
        np = subject(bare)
        who = resolver.phrase(np) if np and np[0][:1].isupper() else NONE
        named = who.speaker and who.speaker.split()[-1] in np  # named there, not described
        return who if named and resolver.index.kind.get(who.speaker) == "person" else None
    who = before(resolver, bare)
    return who if who.speaker and who.speaker[:1].isupper() else None


def _about(doc: Doc, idxs: list[int], names: SentenceNames, person: str) -> bool:
    """Whether a paragraph is about ``person``: it names them, or its last sentence opens
    with "He"/"She" (who, then, is the one last named)."""
    if any(person in names.get((doc.id, i), ([], []))[0] for i in idxs):
        return True
    first = doc.sentences[idxs[-1]].split(maxsplit=1)[:1]
    return bool(first) and first[0] in ("He", "She")


def _attribution_end(text: str, offsets: list[tuple[int, int, int]], close: int, s_end: int) -> int:
    """Where an attribution after a quote may end: its sentence's end, or, when the quote
    closes its sentence ('"... missing." Trump said.'), the end of a short next sentence."""
    if text[close + 1 : s_end].strip():
        return s_end
    nxt = next(((a, b) for a, b, _ in offsets if a > close), None)
    if nxt is not None and (
        len(text[nxt[0] : nxt[1]].split()) <= 8 or text[nxt[0] : nxt[0] + 1] in ("—", "–")
    ):
        return nxt[1]  # also '"…" — Louis C.K., on why his show succeeded'
    return s_end


def _next_sentence(text: str, offsets: list[tuple[int, int, int]], close: int) -> str:
    """The sentence after a quote that closes its own, when it opens with a speaker and
    a speech verb (see ``_speech_head``); else empty."""
    nxt = next(((a, b) for a, b, _ in offsets if a > close), None)
    if nxt is None or text[close + 1 : nxt[0]].strip():
        return ""
    if text[:close].rstrip().endswith("."):
        # '"… campaign." Kasich said he would have fired him': a quote closed by a full
        # stop ends its sentence; the long one after it reports speech of its own.
        return ""
    sentence = text[nxt[0] : nxt[1]]
    return sentence if _speech_head(sentence) else ""


def _speech_head(sentence: str) -> bool:
    """Whether a sentence opens with a speaker and a speech verb ("Trump told Britain's
    ITV ...", "McDonough wrote in an email ..."): the attribution of the quote before it,
    which a sentence splitter cut off after "?", "!" or "." inside the quotation marks."""
    toks = words_of(sentence)[:20]
    comma = next((k for k in range(1, 4) if toks[k : k + 1] == [","]), None)
    if comma and all(t[:1].isupper() for t in toks[:comma]) and "," in toks[comma + 2 : -1]:
        # "Miller, a retired worker from a nuclear plant, said …": a name, its appositive,
        # then the verb.
        return is_verb(toks[toks.index(",", comma + 2) + 1], False)
    toks = toks[:6]
    if len(toks) > 1 and is_verb(toks[0], False) and toks[0][:1].islower():
        # '"… newspapers?" said Bob Mulholland, a superdelegate …': a sentence never opens
        # with a lower-case verb, so this one is the inverted attribution of the quote.
        return toks[1][:1].isupper() or toks[1].lower() in DETERMINERS
    described = len(toks) > 1 and toks[0].isalpha() and toks[1][:1].isupper()  # "fan Jo Li"
    if not toks or not (toks[0][:1].isupper() or toks[0].lower() in ("he", "she") or described):
        return False
    verb = next((k for k in range(1, len(toks)) if is_verb(toks[k], False)), None)
    return verb is not None and verb <= 4 and "," not in toks[:verb]


def _same_remark(a: _Found, b: _Found) -> bool:
    if a.text == b.text:
        return a.speaker == b.speaker or None in (a.speaker, b.speaker)
    if a.doc.id == b.doc.id:
        # One article's quotes are its remarks in turn: two of one speaker sharing words
        # ("the evidence", "improper purpose") are still two remarks, and a phrase echoed
        # inside a longer quote ("back of the queue") is not that quote.
        short, long_ = sorted((a.text, b.text), key=len)
        return short in long_ and len(short) >= len(long_) / 2
    n, share = overlap(set(a.stems), set(b.stems))
    if a.speaker and b.speaker:
        # Tuned on the invented examples: translations keep 4+ key words of about 10.
        return a.speaker == b.speaker and ((n >= 4 and share >= 0.34) or (n >= 2 and share >= 0.5))
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
        out.append((origins, n, Quote(text, speaker, tuple(cites), origins, role)))
    out.sort(key=lambda t: (-t[0], t[1]))
    return tuple(q for _, _, q in out)
