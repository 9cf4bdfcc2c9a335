"""Names by capitalisation rules: the backend that needs no model and no gazetteer.

Like spaCy's (``spacy_ner``), it returns ``Mention`` objects with kind votes; ``names``
merges the votes of all mentions of one name, so one clear context ("Governor Elena
Marsh", "in Tampere") labels every other mention of it. The rules:

- a name is a run of capitalised tokens (with "of"/"de"/"bin" inside, "Kim Jong-un"
  hyphens kept); a sentence-initial word that the story also writes in lower case, a stop
  word, a month or weekday is not one;
- a role word before a name makes a title and marks a person ("Regional governor Elena
  Marsh", "Russian President Vladimir Putin": the title is kept to resolve "the Russian
  president" later); so does a speech verb right after it ("Olsen said");
- a locative preposition before it ("in", "to", "near", ...) or a possessive followed by a
  role ("Russia's President") votes for a place;
- an organisation word at its end ("University", "Agency", "Party", ...) or an all-capitals
  acronym votes for an organisation;
- a demonym used as an adjective ("Korean peninsula", "Tolskan counterpart") is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import compress

from storybrief.analyze.docs import Doc
from storybrief.analyze.lexicon import MONTHS, PERSON_SAY_VERBS, ROLES, WEEKDAYS
from storybrief.analyze.mentions import Mention, strip_possessive
from storybrief.analyze.tokens import Memo, Tokenizer
from storybrief.text import STOPWORDS

_NOT_NAMES = MONTHS | frozenset(WEEKDAYS)
_CONNECTORS = frozenset(
    ["of", "de", "del", "der", "van", "von", "bin", "al", "la", "le", "du", "da"]
)
_PLACE_PREPS = frozenset(
    [
        "in",
        "at",
        "to",
        "from",
        "near",
        "into",
        "across",
        "off",
        "outside",
        "inside",
        "towards",
        "toward",
        "through",
        "throughout",
        "around",
        "via",
    ]
)
_ORG_WORDS = frozenset(
    [
        "university",
        "ministry",
        "party",
        "council",
        "committee",
        "agency",
        "bank",
        "company",
        "corp",
        "corporation",
        "inc",
        "ltd",
        "group",
        "association",
        "organisation",
        "organization",
        "union",
        "institute",
        "court",
        "parliament",
        "congress",
        "senate",
        "army",
        "navy",
        "police",
        "department",
        "office",
        "commission",
        "news",
        "times",
        "post",
        "standard",
        "press",
        "kremlin",
        "pentagon",
        "reuters",
        "federation",
        "fund",
        "foundation",
        "school",
        "college",
        "club",
        "united",
        "rovers",
        "city",
        "network",
        "service",
        "services",
        "guard",
    ]
)
_ADJ_HYPHEN = re.compile(r"-(?:led|based|backed|born|made|owned|style|era|run|linked)$", re.I)
_DEMONYM = re.compile(r"(?:an|ian|ese|ish)$")
_SENTENCE_STARTERS = frozenset(
    [
        "besides",
        "upon",
        "according",
        "speaking",
        "however",
        "meanwhile",
        "although",
        "despite",
        "following",
        "image",
        "disclaimer",
        "subscribe",
        "earlier",
        "later",
        "still",
        "yet",
        "instead",
        "indeed",
    ]
)


def _is_cap(tok: str) -> bool:
    return tok[0].isupper() and tok.lower() not in _NOT_NAMES


def rule_mentions(
    docs: Sequence[Doc], words: Callable[[str], list[str]] = Tokenizer.words
) -> list[Mention]:
    """Names found by the capitalisation rules, in every sentence of every article.

    ``words``: a sentence's tokens (an analysis passes its context's memo, so the later
    steps find each sentence tokenised already)."""
    # Each sentence is tokenised once; both passes read the same lists.
    toks = [[_words(words(s)) for s in d.sentences] for d in docs]
    # Tokens seen after a sentence's first word: a sentence-initial word the story also
    # writes in lower case is no name; a lone capitalised word must occur inside too.
    inner: set[str] = set()
    for sentences in toks:
        for t in sentences:
            inner.update(t[1:])
    out: list[Mention] = []
    for d, sentences in zip(docs, toks, strict=True):
        for i, t in enumerate(sentences):
            for m in _sentence_mentions(d.id, i, t, inner):
                if " " in m.surface or m.title or _inside(m.surface, inner):
                    out.append(m)
    return out


def _inside(surface: str, inner: set[str]) -> bool:
    return any(surface + suf in inner for suf in ("", "’s", "'s", "’", "'"))


def _words(toks: list[str]) -> list[str]:
    """Tokens without leading punctuation, so a quote's first word counts as initial."""
    k = 0
    while k < len(toks) and not toks[k][0].isalnum():
        k += 1
    return toks[k:]


_CAP_START, _ROLE_START = 1, 2


def _start_kind(tok: str) -> int:
    """Whether a span can start at ``tok``: a capitalised token that is no month or
    weekday (``_CAP_START``), a role word (``_ROLE_START``, given a token after it), else 0."""
    if tok[0].isupper():
        return 0 if tok.lower() in _NOT_NAMES else _CAP_START
    return _ROLE_START if tok[0].islower() and tok.lower() in ROLES else 0


# A pure function of the token, asked for every token of the story: memoised (bounded).
_START_KIND = Memo(_start_kind, 1 << 16).__getitem__


def _span_token(tok: str) -> tuple[str, bool, bool, bool, bool, bool]:
    """What the span loop asks of a token: its base (possessive off), whether it had a
    possessive, whether it continues a name span (a capital or a role word), whether it
    is a connector, whether it is an adjective in "-led", "-based", ...; and ``_is_cap``."""
    base, poss = strip_possessive(tok)
    cap = _is_cap(tok)
    ok = tok[0].isalpha() and (cap or base.lower() in ROLES)
    adjective = _ADJ_HYPHEN.search(tok) is not None
    return base, poss, ok, base.lower() in _CONNECTORS, adjective, cap


# A pure function of the token, asked for every token of every span: memoised (bounded).
_SPAN_TOKEN = Memo(_span_token, 1 << 16).__getitem__


def _sentence_mentions(
    article: str, index: int, toks: list[str], lower_vocab: set[str]
) -> list[Mention]:
    out: list[Mention] = []
    n = len(toks)
    # Where a span can start: a capitalised token that is no month or weekday, or a role
    # word with a token after it. Most tokens are lower-case words that are no role, so
    # one comprehension finds the few starts and the span loop runs only from those.
    starts = list(compress(range(n), map(_START_KIND, toks)))
    if starts and starts[-1] == n - 1 and _START_KIND(toks[-1]) == _ROLE_START:
        starts.pop()  # a role word needs a token after it
    done = 0  # tokens before this are read (inside an earlier span)
    for i in starts:
        if i < done:
            continue
        # A span: capitalised tokens and role words, with connectors between capitals.
        j, possessive = i, False
        span: list[str] = []
        while j < n:
            base, poss, ok, connector, adjective, _ = _SPAN_TOKEN(toks[j])
            if not ok and connector and span and j + 1 < n and _SPAN_TOKEN(toks[j + 1])[5]:
                ok = True
            if not ok or adjective:
                break
            span.append(base)
            j += 1
            if poss:
                possessive = True
                break
            if _initial(toks, j):
                span.append(toks[j] + ".")  # "Hollis T. Varga": the initial is the name's
                j += 2
        mention = _span_mention(article, index, toks, i, span, possessive, lower_vocab, j)
        if mention is not None:
            out.append(mention)
        done = max(j, i + 1)
    return out


def _initial(toks: list[str], j: int) -> bool:
    """Whether a middle initial stands at ``j`` inside a name: one capital letter, its full
    stop, then a capitalised word ("T" "." "Varga")."""
    return (
        j + 2 < len(toks)
        and len(toks[j]) == 1
        and toks[j].isupper()
        and toks[j + 1] == "."
        and len(toks[j + 2]) > 1
        and _is_cap(toks[j + 2])
        and toks[j + 2].lower() not in STOPWORDS  # not "Plan B. Then"
    )


def _not_initial_name(low: str, lower_vocab: set[str]) -> bool:
    return (
        low in STOPWORDS
        or low in lower_vocab
        or low in _SENTENCE_STARTERS
        or low.endswith(("ing", "ly"))
    )


def _span_mention(
    article: str,
    index: int,
    toks: list[str],
    start: int,
    span: list[str],
    possessive: bool,
    lower_vocab: set[str],
    stop: int | None = None,
) -> Mention | None:
    """The mention a span of tokens makes (``stop``: the token after it, where an initial's
    full stop inside made the span shorter than the tokens it covers)."""
    # Sentence-initial words that the story writes in lower case elsewhere are not names.
    while span and start == 0 and _not_initial_name(span[0].lower(), lower_vocab):
        span, start = span[1:], start + 1
    while span and span[0].lower() in STOPWORDS:
        span, start = span[1:], start + 1
    if not span:
        return None
    roles = [k for k, t in enumerate(span) if t.lower() in ROLES]
    title: tuple[str, ...] = ()
    if roles:
        r = roles[-1]
        title = tuple(t.lower() for t in span[: r + 1])
        name = span[r + 1 :]
        if not name or name[0].lower() in _CONNECTORS:
            return None
    else:
        name = span
    while name and name[-1].lower() in _CONNECTORS:
        name = name[:-1]
    if not name or (len(name) == 1 and len(name[0]) < 2) or name == ["I"]:
        return None
    end = stop if stop is not None else start + len(span)
    after = toks[end].lower() if end < len(toks) else ""
    before = toks[start - 1].lower() if start > 0 else ""
    if (
        not title
        and _DEMONYM.search(name[-1])
        and after
        and after[0].isalpha()
        and after not in PERSON_SAY_VERBS
        and (toks[end][0].islower() or possessive)
    ):
        return None  # a demonym used as an adjective: "Korean peninsula"
    m = Mention(article, index, " ".join(name), title=title if title else ())
    last = name[-1]
    if title:
        m.vote("person", 2.0)
    if after in PERSON_SAY_VERBS:
        m.vote("person", 1.0)
    if possessive and after in ROLES:
        m.vote("place", 1.0)
    if before in _PLACE_PREPS or (
        before == "the" and start > 1 and toks[start - 2].lower() in _PLACE_PREPS
    ):
        m.vote("place", 1.0)
    if last.lower() in _ORG_WORDS:
        m.vote("organization", 2.0)
    if last.isupper() and 2 <= len(last) <= 6 and len(name) == 1:
        m.vote("organization", 0.5)
    return m
