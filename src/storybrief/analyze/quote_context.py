"""Where a paragraph's quotation marks stand, and the context around a quote that says
who speaks it when its own sentence does not: the sentence before ("Coan argues that ..."),
a short next sentence ('"..." Trump said.'), a sentence a splitter cut off after "?" or
"!" ('"... greatest!!!" McDonough wrote in an email'), the paragraph before.
"""

from __future__ import annotations

import re

from storybrief.analyze.attribution import (
    DETERMINERS,
    NONE,
    Attribution,
    outside_quotes,
    subject,
    words_of,
)
from storybrief.analyze.cues import before, is_verb
from storybrief.analyze.docs import Doc
from storybrief.analyze.resolver import Resolver
from storybrief.analyze.speaker_rules import described_subject

_OPENERS = {"“": "”", '"': '"', "‘": "’"}
_OPEN_RX = re.compile('[“"‘]')
_MIXED_CLOSE = {
    "“": re.compile(r'[,.?!…][“"](?=\s|$)'),
    '"': re.compile(r"[,.?!…][”“](?=\s|$)"),
}
# Names of each sentence, (article id, sentence index) -> (persons, organisations) in order.
SentenceNames = dict[tuple[str, int], tuple[list[str], list[str]]]


def quote_spans(text: str) -> list[tuple[int, int]]:
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
            close = single_close(text, start + 1)
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


def single_close(text: str, at: int) -> int:
    k = text.find("’", at)
    while k >= 0:
        nxt = text[k + 1 : k + 2]
        if not nxt.isalpha() and text[k - 1 : k] not in ("s", " "):
            return k
        k = text.find("’", k + 1)
    return -1


def speaks(resolver: Resolver, sentence: str) -> Attribution | None:
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


def about(doc: Doc, idxs: list[int], names: SentenceNames, person: str) -> bool:
    """Whether a paragraph is about ``person``: it names them, or its last sentence opens
    with "He"/"She" (who, then, is the one last named)."""
    if any(person in names.get((doc.id, i), ([], []))[0] for i in idxs):
        return True
    first = doc.sentences[idxs[-1]].split(maxsplit=1)[:1]
    if bool(first) and first[0] in ("He", "She", person.split()[-1]):
        return True  # (the surname: the recogniser may not have typed the name a person)
    # "During an interview with Heilpern, the designer admitted …": the one named before.
    return bool(described_subject(words_of(outside_quotes(doc.sentences[idxs[-1]]))))


def asked(doc: Doc, idxs: list[int]) -> bool:
    """Whether a paragraph is only a short question without quotation marks: an
    interviewer's ("Did it cause a delay?")."""
    text = " ".join(doc.sentences[i] for i in idxs).strip()
    return text.endswith("?") and len(text.split()) <= 15 and not _OPEN_RX.search(text)


def attribution_end(text: str, offsets: list[tuple[int, int, int]], close: int, s_end: int) -> int:
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


def next_sentence(text: str, offsets: list[tuple[int, int, int]], close: int) -> str:
    """The sentence after a quote that closes its own, when it opens with a speaker and
    a speech verb (see ``speech_head``); else empty."""
    nxt = next(((a, b) for a, b, _ in offsets if a > close), None)
    if nxt is None or text[close + 1 : nxt[0]].strip():
        return ""
    if text[:close].rstrip().endswith("."):
        # '"… campaign." Kasich said he would have fired him': a quote closed by a full
        # stop ends its sentence; the long one after it reports speech of its own.
        return ""
    sentence = text[nxt[0] : nxt[1]]
    return sentence if speech_head(sentence) else ""


def speech_head(sentence: str) -> bool:
    """Whether a sentence opens with a speaker and a speech verb ("Trump told Britain's
    ITV ...", "McDonough wrote in an email ..."): the attribution of the quote before it,
    which a sentence splitter cut off after "?", "!" or "." inside the quotation marks."""
    toks = words_of(sentence)[:20]
    comma = next((k for k in range(1, 4) if toks[k : k + 1] == [","]), None)
    if comma and all(t[:1].isupper() for t in toks[:comma]) and "," in toks[comma + 2 : -1]:
        # "Haskell, a retired driver from the bus depot, said …": a name, its appositive,
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
