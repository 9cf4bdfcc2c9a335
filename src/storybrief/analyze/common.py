"""What every analysis step shares: the per-article view, word stems, clause windows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from storybrief.model import Article, Citation
from storybrief.text import STOPWORDS, normalize_space, paragraphs

# Tokens with their character offsets; inner apostrophes and hyphens stay in the word.
TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]", re.UNICODE)
_SUFFIXES = (
    "ships", "ship", "ations", "ation", "ions", "ion", "ings", "ing", "ments", "ment",
    "ness", "edly", "ed", "ly", "ies", "es", "s", "al", "ive", "ful", "ity",
)  # fmt: skip
# Predicates news reports phrase in several ways; a count of the dead is a count of the dead
# whether it is "killed 12" or "12 died". Small on purpose: each class is a common beat.
_SYNONYMS = {
    "kill": "DIE", "die": "DIE", "died": "DIE", "dies": "DIE", "dying": "DIE", "dead": "DIE", "death": "DIE", "toll": "DIE", "fatal": "DIE",
    "injur": "HURT", "wound": "HURT", "hurt": "HURT",
    "arrest": "ARREST", "detain": "ARREST",
    "pay": "PRICE", "buy": "PRICE", "price": "PRICE", "cost": "PRICE", "worth": "PRICE",
    "valu": "PRICE", "sell": "PRICE", "sold": "PRICE", "paid": "PRICE", "bought": "PRICE",
    "beat": "WIN", "defeat": "WIN", "won": "WIN", "win": "WIN",
    "built": "BUILD", "build": "BUILD",
    "last": "LAST", "held": "LAST", "took": "LAST",
}  # fmt: skip


_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1 << 15)
def tokens(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """(token, start, end) of a sentence; memoised because several steps read them.

    Only sentences that state a value or a name need offsets; the rest use ``words``.
    """
    return tuple((m.group(0), m.start(), m.end()) for m in TOKEN.finditer(sentence))


def words(sentence: str) -> list[str]:
    """The tokens of a sentence without offsets (several times cheaper than ``tokens``)."""
    return TOKEN.findall(sentence)


@lru_cache(maxsize=1 << 10)
def lower_words(sentence: str) -> frozenset[str]:
    """Lower-cased letter runs of a sentence ("forty-two" gives "forty" and "two"): the
    cheap pre-check of whether a pattern can match at all. Memoised for the few steps that
    ask about one sentence in a row (values, then dates)."""
    return frozenset(_LETTERS.findall(sentence.lower()))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to match relations/relationship, talks/talk.

    Memoised: a pure function of one word, called for every word of every sentence.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for _ in range(2):
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        else:
            break
    return _SYNONYMS.get(w, w)


class StemTable(dict[str, str]):
    """Token -> its stem, or "" for a token that is no content word; filled on first sight.

    Stemming a sentence is then one C-level ``map`` over its tokens instead of a Python
    loop with three checks per token: the difference between 0.1 s and 0.02 s per 100
    articles. Cleared when it grows past ``limit`` so a long-lived process stays bounded.
    """

    def __init__(self, keep: Callable[[str], bool], limit: int = 1 << 17) -> None:
        super().__init__()
        self.keep, self.limit = keep, limit

    def __missing__(self, token: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        value = stem(token) if self.keep(token) else ""
        self[token] = value
        return value

    def stems(self, text: str) -> frozenset[str]:
        out = frozenset(map(self.__getitem__, TOKEN.findall(text)))
        return out - _EMPTY if "" in out else out


_EMPTY = frozenset([""])
_CONTENT = StemTable(lambda t: t[0].isalnum() and t.lower() not in STOPWORDS)


def clear_caches() -> None:
    """Empty every memo of the stage (benchmarks time a cold start with it)."""
    from storybrief.analyze.dates import find_dates
    from storybrief.analyze.disagree import _ALPHA

    for fn in (tokens, stem, lower_words, find_dates):
        fn.cache_clear()
    for table in (_CONTENT, _ALPHA):
        table.clear()


def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text`` (stop words and punctuation dropped)."""
    return _CONTENT.stems(text)


def overlap(a: AbstractSet[str], b: AbstractSet[str]) -> tuple[int, float]:
    """Shared items and the share of the smaller set they cover."""
    if not a or not b:
        return 0, 0.0
    n = len(a & b)
    return n, n / min(len(a), len(b))


@dataclass(frozen=True)
class Doc:
    """One article as the analysis sees it: its cited sentences and where paragraphs break."""

    id: str
    group: str
    order: int
    published: date | None
    sentences: tuple[str, ...]
    paragraph: tuple[int, ...]

    def cite(self, index: int) -> Citation:
        return Citation(self.id, index)


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def make_docs(
    articles: Sequence[Article],
    sentences: dict[str, tuple[str, ...]],
    groups: dict[str, str],
) -> list[Doc]:
    """Pair each article with its sentence list and paragraph numbers.

    Paragraphs come from laying the given sentences over the article's paragraphs in
    order; where that fails (a caller split differently), every sentence is its own
    paragraph, which only stops quotes from spanning sentences.
    """
    docs = []
    for order, a in enumerate(articles):
        sents = tuple(sentences.get(a.id, ()))
        paras = _paragraph_numbers(a.text, sents) or tuple(range(len(sents)))
        docs.append(Doc(a.id, groups.get(a.id, a.id), order, parse_date(a.published), sents, paras))
    return docs


def _paragraph_numbers(text: str, sents: Sequence[str]) -> tuple[int, ...] | None:
    """The paragraph of each sentence when the sentences tile the paragraphs exactly (as
    ``split_sentences`` gives them): string matching, not a second sentence split."""
    out: list[int] = []
    k = 0
    for p, para in enumerate(paragraphs(text)):
        flat, pos = normalize_space(para), 0
        while pos < len(flat):
            if k >= len(sents) or not flat.startswith(sents[k], pos):
                return None
            pos += len(sents[k])
            while pos < len(flat) and flat[pos] == " ":
                pos += 1
            out.append(p)
            k += 1
    return tuple(out) if k == len(sents) else None


# Verbs that introduce speech; "reported"/"according to" name a medium, not a speaker.
SAY_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "stated",
        "declared",
        "explained",
        "noted",
        "insisted",
        "warned",
        "stressed",
        "emphasised",
        "emphasized",
        "remarked",
        "replied",
        "continued",
        "asked",
        "urged",
        "announced",
        "wrote",
        "tweeted",
        "recalled",
        "acknowledged",
        "admitted",
        "claimed",
        "argued",
        "conceded",
        "vowed",
        "promised",
        "predicted",
        "cautioned",
        "confirmed",
        "called",
    ]
)
# Role words that make a title before a name ("Regional governor Elena Marsh").
ROLES = frozenset(
    [
        "president",
        "minister",
        "prime",
        "premier",
        "chancellor",
        "secretary",
        "governor",
        "mayor",
        "leader",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "general",
        "commander",
        "chief",
        "executive",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "senator",
        "representative",
        "congressman",
        "congresswoman",
        "ambassador",
        "envoy",
        "judge",
        "coach",
        "manager",
        "striker",
        "goalkeeper",
        "captain",
        "defender",
        "midfielder",
        "officer",
        "official",
        "diplomat",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "pope",
        "bishop",
        "cardinal",
        "sheikh",
        "vice",
        "deputy",
        "foreign",
        "interior",
        "defence",
        "defense",
        "finance",
        "state",
        "counterpart",
        "head",
        "founder",
        "owner",
    ]
)
# Roles that say little about which office: matched on the nationality or team words alone.
GENERIC_ROLES = frozenset(["leader", "counterpart", "head", "chief", "official"])
