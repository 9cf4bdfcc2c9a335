"""Scoring one brief against one annotated cluster (or one PolNeAR article).

Every measure is a ``Tally`` of counts, so clusters add up before any ratio is taken.
A brief sentence's *source* is the citation whose sentence is the brief sentence itself;
its other citations are the corroboration being judged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from storybrief.eval.trust.align import SentenceIndex, fold, overlaps, share, words
from storybrief.eval.trust.gold import ClusterGold, CopyLink, PolnearArticle, Span
from storybrief.model import Brief, BriefSentence, Citation, Quote


@dataclass
class Tally:
    """Counts of every measure; ``+`` adds them."""

    quotes_gold: int = 0
    quotes_found: int = 0
    quotes_attributed: int = 0
    speakers_scored: int = 0  # found quotes whose gold speaker is known
    speakers_right: int = 0
    quotes_predicted: int = 0
    cite_gold: int = 0  # other documents that state a brief sentence's fact (annotated)
    cite_hit: int = 0
    cite_made: int = 0  # other documents a brief sentence cites (for annotated facts)
    cite_right: int = 0
    fact_gold: int = 0  # the same, for every annotated fact sentence as if chosen
    fact_hit: int = 0
    fact_made: int = 0
    fact_right: int = 0
    support_checked: int = 0
    support_errors: int = 0
    disagree_predicted: int = 0
    disagree_right: int = 0
    disagree_on_nonconflict: int = 0
    conflicts_gold: int = 0
    conflicts_found: int = 0
    briefs: int = 0
    brief_sentences: int = 0
    junk_sentences: int = 0
    junk_citations: int = 0
    timeline_events: int = 0
    junk_timeline: int = 0
    titles: int = 0
    junk_titles: int = 0
    quote_sentences: int = 0
    quote_sentences_unnamed: int = 0
    pronouns_scored: int = 0  # PolNeAR "he"/"she" quotes, against the nearest named source
    pronouns_right: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


class _View:
    """A brief seen from the annotation: documents by index, their sentence indexes."""

    def __init__(self, gold_docs: Sequence[str], brief: Brief) -> None:
        self.brief = brief
        self.docs = gold_docs
        self.doc_of = {a.id: int(a.id[1:].split("~")[0]) for a in brief.articles}
        self.index = {a.id: SentenceIndex(brief.sentences.get(a.id, ())) for a in brief.articles}
        self.id_of = {d: a for a, d in self.doc_of.items()}

    def sentences_of(self, span: Span) -> list[int]:
        article = self.id_of.get(span.doc)
        if article is None:
            return []
        return self.index[article].find(self.docs[span.doc][span.start : span.end])

    def text(self, c: Citation) -> str:
        return self.brief.resolve(c)

    def holds(self, c: Citation, span: Span) -> bool:
        """Whether cited sentence ``c`` states the annotated ``span``."""
        if self.doc_of.get(c.article) != span.doc:
            return False
        return c.sentence in self.sentences_of(span) or overlaps(
            self.text(c), self.docs[span.doc][span.start : span.end]
        )


def source_of(s: BriefSentence, brief: Brief) -> Citation | None:
    return next((c for c in s.citations if brief.resolve(c) == s.text), None)


def _is_junk_text(text: str, junk: str) -> bool:
    a, b = fold(text), fold(junk)
    if len(words(junk)) < 4:
        return a == b or a.startswith(b + " ") or a.endswith(" " + b)
    if b in a or a in b:
        return True
    mine = set(words(text))
    return bool(mine) and len(mine & set(words(junk))) / len(mine) >= 0.8


def _junk(view: _View, gold: ClusterGold, c: Citation) -> bool:
    doc = view.doc_of.get(c.article)
    if doc is None:
        return False
    if doc in gold.junk_documents:
        return True
    text = view.text(c)
    return any(
        s.doc == doc and _is_junk_text(text, gold.documents[doc][s.start : s.end])
        for s in gold.junk_spans
    )


def _origins(view: _View, gold: ClusterGold, cites: Sequence[Citation]) -> int:
    """Independent origins among the cited documents, by the annotated copy links: a whole
    copy joins two documents; a partial, quoted or relayed passage joins them only where
    the cited sentences are that passage."""
    docs = {view.doc_of[c.article]: c for c in cites if c.article in view.doc_of}
    parent = {d: d for d in docs}

    def find(d: int) -> int:
        while parent[d] != d:
            d = parent[d]
        return d

    for link in gold.copies:
        members = [d for d in link.docs if d in docs]
        if len(members) < 2:
            continue
        if link.kind != "copy":
            members = [d for d in members if _in_passage(view, link, docs[d])]
        for d in members[1:]:
            parent[find(d)] = find(members[0])
    return len({find(d) for d in docs})


def _in_passage(view: _View, link: CopyLink, c: Citation) -> bool:
    return any(view.holds(c, s) for s in link.spans)


def score_cluster(gold: ClusterGold, brief: Brief, fact_rows: dict[Span, list[int]]) -> Tally:
    """``fact_rows``: for each fact sentence of the brief (by its span), the documents its
    citations would cover if it were chosen (see ``TrustRun``)."""
    view = _View(gold.documents, brief)
    t = Tally(briefs=1)
    _score_summary(view, gold, t)
    _score_facts(view, gold, fact_rows, t)
    if brief.analysis is not None:
        _score_quotes(view, gold, t)
        _score_disagreements(view, gold, t)
        for e in brief.analysis.timeline:
            t.timeline_events += 1
            t.junk_timeline += any(_junk(view, gold, c) for c in e.citations)
    if brief.title:
        t.titles += 1
        t.junk_titles += _title_is_junk(view, gold, brief)
    return t


def _title_is_junk(view: _View, gold: ClusterGold, brief: Brief) -> bool:
    article = next((a for a in brief.articles if a.title == brief.title), None)
    if article is None or brief.title is None:
        return False
    doc = view.doc_of[article.id]
    if doc in gold.junk_documents:
        return True
    spans = [gold.documents[doc][s.start : s.end] for s in gold.junk_spans if s.doc == doc]
    return any(_is_junk_text(brief.title, j) for j in spans)


def _score_summary(view: _View, gold: ClusterGold, t: Tally) -> None:
    brief = view.brief
    for s in brief.summary:
        t.brief_sentences += 1
        src = source_of(s, brief)
        t.junk_sentences += src is not None and _junk(view, gold, src)
        t.junk_citations += sum(1 for c in s.citations if c != src and _junk(view, gold, c))
        if _quotes_someone(s.text):
            t.quote_sentences += 1
            t.quote_sentences_unnamed += not _names_speaker(s.text, brief)
        t.support_checked += 1
        t.support_errors += s.support > _origins(view, gold, s.citations)
        if src is None:
            continue
        doc = view.doc_of[src.article]
        for fact in gold.facts:
            if doc in fact.spans and view.holds(src, fact.spans[doc]):
                others = {view.doc_of[c.article] for c in s.citations} - {doc}
                want = set(fact.docs) - {doc} - gold.junk_documents
                t.cite_gold += len(want)
                t.cite_hit += len(want & others)
                t.cite_made += len(others)
                t.cite_right += len(others & want)
                break


def _score_facts(
    view: _View, gold: ClusterGold, fact_rows: dict[Span, list[int]], t: Tally
) -> None:
    for fact in gold.facts:
        for doc, span in fact.spans.items():
            if span not in fact_rows:
                continue
            others = set(fact_rows[span]) - {doc}
            want = set(fact.docs) - {doc} - gold.junk_documents
            t.fact_gold += len(want)
            t.fact_hit += len(want & others)
            t.fact_made += len(others)
            t.fact_right += len(others & want)


def _score_quotes(view: _View, gold: ClusterGold, t: Tally) -> None:
    assert view.brief.analysis is not None
    quotes = view.brief.analysis.quotes
    t.quotes_predicted += len(quotes)
    for g in gold.quotes:
        if g.span.doc in gold.junk_documents:
            continue
        t.quotes_gold += 1
        snippet = gold.documents[g.span.doc][g.span.start : g.span.end]
        hit = best_quote(
            [
                q
                for q in quotes
                if any(view.doc_of.get(c.article) == g.span.doc for c in q.citations)
            ],
            snippet,
        )
        if hit is None:
            continue
        t.quotes_found += 1
        t.quotes_attributed += bool(hit.speaker)
        t.speakers_scored += 1
        t.speakers_right += speaker_is(hit.speaker, g.speaker_last)
    for q in quotes:
        t.support_checked += 1
        t.support_errors += q.support > _origins(view, gold, q.citations)


def _score_disagreements(view: _View, gold: ClusterGold, t: Tally) -> None:
    assert view.brief.analysis is not None
    found: set[int] = set()
    for d in view.brief.analysis.disagreements:
        t.disagree_predicted += 1
        right = False
        for k, conflict in enumerate(gold.conflicts):
            matched = [
                {fold(conflict.values[i]) for i, span in enumerate(conflict.sides)
                 if any(view.holds(c, span) for c in side.citations)}
                for side in d.sides
            ]  # fmt: skip
            values = [m for m in matched if m]
            if len(values) >= 2 and len(set().union(*values)) >= 2:
                right = True
                found.add(k)
        t.disagree_right += right
        if not right:
            t.disagree_on_nonconflict += any(
                sum(any(view.holds(c, span) for c in side.citations for span in pair) for side in d.sides) >= 2
                for pair in gold.non_conflicts
            )  # fmt: skip
    t.conflicts_gold += len(gold.conflicts)
    t.conflicts_found += len(found)


def _quotes_someone(text: str) -> bool:
    """A sentence carrying a direct quote of four words or more."""
    for open_, close in (("“", "”"), ('"', '"')):
        start = text.find(open_)
        end = text.find(close, start + 1) if start >= 0 else -1
        if start >= 0 and end > start and len(text[start + 1 : end].split()) >= 4:
            return True
    return False


def _names_speaker(text: str, brief: Brief) -> bool:
    """Whether a quoting sentence says who speaks: a person the analysis knows, or a capital
    word next to a speech verb outside the quote."""
    outside = _outside_quotes(text)
    known = [e.name for e in (brief.analysis.entities if brief.analysis else ())]
    if any(part in outside for name in known for part in name.split() if len(part) > 2):
        return True
    low = outside.lower()
    return any(v in low for v in (" said", " says", " told", "according to", " added"))


def _outside_quotes(text: str) -> str:
    out, inside = [], False
    for ch in text:
        if ch in '“”"':
            inside = not inside if ch == '"' else ch == "“"
            continue
        if not inside:
            out.append(ch)
    return "".join(out)


def score_polnear(article: PolnearArticle, brief: Brief) -> Tally:
    t = Tally(briefs=1)
    quotes = brief.analysis.quotes if brief.analysis else ()
    t.quotes_predicted = len(quotes)
    for g in article.quotes:
        t.quotes_gold += 1
        hit = best_quote(quotes, g.text)
        if hit is None:
            continue
        t.quotes_found += 1
        t.quotes_attributed += bool(hit.speaker)
        if g.speaker_last:
            t.speakers_scored += 1
            t.speakers_right += speaker_is(hit.speaker, g.speaker_last)
        elif g.antecedent_last:
            t.pronouns_scored += 1
            t.pronouns_right += speaker_is(hit.speaker, g.antecedent_last)
    return t


def best_quote(quotes: Sequence[Quote], snippet: str) -> Quote | None:
    """The quote that states ``snippet`` most fully (the first of equals), if any states
    it: a short echo of a phrase ("back of the queue") must not stand for the long quote
    that holds it."""
    best, top = None, (0.0, 0.0)
    want = set(words(snippet))
    for q in quotes:
        if overlaps(q.text, snippet):
            # ``share`` is 1 both for a quote that holds the snippet and for an echo the
            # snippet holds; among those, the one covering more of the snippet's words wins.
            covered = len(want & set(words(q.text))) / len(want) if want else 0.0
            got = (share(q.text, snippet), covered)
            if got > top:
                best, top = q, got
    return best


def speaker_is(speaker: str | None, last: str) -> bool:
    return bool(speaker) and last.casefold() in speaker.casefold()  # type: ignore[union-attr]


def total(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for t in tallies:
        out = out + t
    return out
