"""Time expressions as calendar dates, and the story's timeline.

Expressions are found by pattern and resolved with calendar arithmetic against the
article's publication date (its *reference date*), following news convention:

- a weekday ("on Thursday") is the most recent such day on or before the reference date,
  or the next one when the sentence speaks of the future ("will", "is due to", "next");
- "yesterday", "today", "tomorrow", "last/next month", "last/next year", "N days ago";
- explicit dates ("April 25, 2019", "25 April 2019", "Apr 25 2019", "2019-04-25") and
  months or years after a preposition ("in February", "since 2011"); a month without a
  year takes the reference year (the year before if that month is still to come).

A week is not a calendar date, so "last week" is not on the timeline. An article without a
publication date takes as reference a full date in its dateline (its first sentence or a
"Published ..." line);
without one, only explicit dates with a year are resolved: the year is never guessed.

Patterns rather than ``dateparser.search_dates``: the patterns are about 100 times faster,
deterministic, and keep the weekday convention above (dateparser's "past" preference
moves a weekday equal to the reference day a week back).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import chain

from storybrief.analyze.docs import Doc
from storybrief.analyze.lexicon import MONTH_NUMBERS, WEEKDAYS
from storybrief.analyze.tokens import Context, Memo, Tokenizer
from storybrief.dedup import count_sources
from storybrief.model import Citation, TimelineEvent
from storybrief.segment.statements import MAX_WORDS, is_statement

_M = r"(?P<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_NUMS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(_M + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")),
    ("dmy", re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M + r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")),
    ("my", re.compile(r"\b(?:in|since|during|until|by|from|of|early|late|mid-?)\s+" + _M + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b(?!\s+\d)")),
    ("y", re.compile(r"\b(?:in|since|during|until|by|from|before|after|end\s+of|early|late|mid-?)\s+(?P<y>(?:19|20)\d\d)\b(?![-/]\d)")),
    ("wd", re.compile(r"\b(?P<rel>last\s+|next\s+|this\s+|on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("rel", re.compile(r"\b(?P<w>yesterday|today|tomorrow)\b", re.I)),
    ("rmy", re.compile(r"\b(?P<rel>last|next|this|earlier\s+this|later\s+this)\s+(?P<u>month|year)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u>day|week|month|year)s?\s+ago\b", re.I)),
]  # fmt: skip
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|is due to|are due to|expected to|scheduled|plans? to|next|by|until)\b",
    re.I,
)
# Each pattern runs only when the sentence holds a word it needs (a set lookup per pattern
# instead of nine regex scans of every sentence; most sentences have no date at all).
_DIGIT = re.compile(r"\d")
_MONTH_WORDS = frozenset(MONTH_NUMBERS)
_NEEDS: dict[str, tuple[frozenset[str], ...]] = {
    "iso": (),
    "mdy": (_MONTH_WORDS,),
    "dmy": (_MONTH_WORDS,),
    "my": (_MONTH_WORDS,),
    "y": (),
    "wd": (frozenset(WEEKDAYS),),
    "rel": (frozenset(["yesterday", "today", "tomorrow"]),),
    "rmy": (frozenset(["month", "year"]), frozenset(["last", "next", "this"])),
    "ago": (frozenset(["ago"]),),
}
_NEEDS_DIGIT = frozenset(["iso", "mdy", "dmy", "y"])
# Every word some pattern needs: a sentence with none of them and no digit has no date.
DATE_WORDS = frozenset().union(*(w[0] for w in _NEEDS.values() if w))
# The patterns that need no word, and those that need a year (19xx or 20xx) written out.
_YEAR_ONLY = [(kind, rx) for kind, rx in PATTERNS if not _NEEDS[kind]]
_NEEDS_YEAR = frozenset(["iso", "y"])
_YEARISH = re.compile(r"(?:19|20)\d\d")
_BOILER = re.compile(r"\b(?:updated|published|posted)\b\s*:?", re.I)


def _future(sentence: str, at: int) -> bool:
    """Whether the clause before position ``at`` speaks of the future ("will meet on").

    Only the few words before the expression count: in "the ferry that ran aground on
    Monday will be towed" the Monday is past.
    """
    before = sentence[:at].rsplit(",", 1)[-1].split()[-7:]
    return bool(_FUTURE.search(" ".join(before)))


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    m0 = y * 12 + (m - 1) + k
    return m0 // 12, m0 % 12 + 1


# Sentences whose time expressions a context memoises: the timeline, the reference dates
# and the value extraction ask for the same sentences.
DATES_MEMO = 1 << 16


def find_dates(
    ctx: Context, sentence: str, ref: date | None
) -> tuple[tuple[str, str, int, int], ...]:
    """(expression, ISO date, start, end) of every resolvable time expression."""
    # The memo's function holds the tokenizer, not ``ctx``: a context holding a function
    # that holds the context is a reference cycle, and its memos (every sentence's
    # tokens) would then wait for the cyclic garbage collector instead of going with it.
    tokenizer = ctx.tokenizer
    memo: Memo[tuple[str, date | None], tuple[tuple[str, str, int, int], ...]] = ctx.memo(
        "dates", lambda key: _find_dates(tokenizer, *key), DATES_MEMO
    )
    return memo[(sentence, ref)]


def _find_dates(
    tokenizer: Tokenizer, sentence: str, ref: date | None
) -> tuple[tuple[str, str, int, int], ...]:
    out: list[tuple[str, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    low = tokenizer.lower_words(sentence)
    digit = _DIGIT.search(sentence) is not None
    if not digit and low.isdisjoint(DATE_WORDS):
        return ()
    # Without a date word only the patterns that need none can match ("iso", "y"), and
    # both need a year's four digits: most sentences with a number have neither.
    patterns = PATTERNS if not low.isdisjoint(DATE_WORDS) else _YEAR_ONLY
    year = digit and _YEARISH.search(sentence) is not None
    for kind, rx in patterns:
        if (kind in _NEEDS_DIGIT and not digit) or any(map(low.isdisjoint, _NEEDS[kind])):
            continue
        if kind in _NEEDS_YEAR and not year:
            continue
        for m in rx.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            iso = _resolve(kind, m, ref, _future(sentence, m.start()))
            if iso:
                taken.append((m.start(), m.end()))
                out.append((m.group(0), iso, m.start(), m.end()))
    out.sort(key=lambda t: t[2])
    return tuple(out)


def _resolve(kind: str, m: re.Match[str], ref: date | None, future: bool) -> str | None:
    g = m.groupdict()
    try:
        if kind == "iso":
            return date(int(g["y"]), int(g["mo"]), int(g["d"])).isoformat()
        if kind in ("mdy", "dmy", "my"):
            month = MONTH_NUMBERS[g["m"].lower().rstrip(".")]
            if g.get("y"):
                year = int(g["y"])
            elif ref is not None:
                # A month still to come this year, in a past-tense report, is last year's.
                year = ref.year - 1 if (month > ref.month and not future) else ref.year
            else:
                return None
            if kind == "my":
                return f"{year:04d}-{month:02d}"
            return date(year, month, int(g["d"])).isoformat()
        if kind == "y":
            return g["y"]
        if ref is None:
            return None
        if kind == "wd":
            target = WEEKDAYS.index(g["wd"].lower())
            rel = (g.get("rel") or "").strip().lower()
            if rel == "next" or (future and rel != "last"):
                delta = (target - ref.weekday()) % 7
                return (ref + timedelta(days=delta or (7 if rel == "next" else 0))).isoformat()
            delta = (ref.weekday() - target) % 7
            if rel == "last" and delta == 0:
                delta = 7
            return (ref - timedelta(days=delta)).isoformat()
        if kind == "rel":
            k = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["w"].lower()]
            return (ref + timedelta(days=k)).isoformat()
        if kind == "rmy":
            k = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
            if g["u"].lower() == "year":
                return f"{ref.year + k:04d}"
            y, mo = _shift_month(ref.year, ref.month, k)
            return f"{y:04d}-{mo:02d}"
        if kind == "ago":
            n = int(g["n"]) if g["n"].isdigit() else _NUMS[g["n"].lower()]
            unit = g["u"].lower()
            if unit == "day":
                return (ref - timedelta(days=n)).isoformat()
            if unit == "week":
                return (ref - timedelta(days=7 * n)).isoformat()
            if unit == "month":
                y, mo = _shift_month(ref.year, ref.month, -n)
                return f"{y:04d}-{mo:02d}"
            return f"{ref.year - n:04d}"
    except (ValueError, KeyError):
        return None
    return None


# An article's own date stands in its first sentence (a dateline) or in a "Published on
# ..." line among its first sentences; a full date further in is usually about something
# else (a 2017 story mentioning a 2015 meeting).
DATELINE = 3


def reference_dates(ctx: Context, docs: Sequence[Doc]) -> dict[str, date | None]:
    """Each article's reference date: its publication date, else a full date (with the
    year) in its first ``DATELINE`` sentences, else none: relative dates ("on Wednesday")
    then stay unresolved rather than anchored to a guessed year."""
    out: dict[str, date | None] = {}
    for d in docs:
        if d.published:
            out[d.id] = d.published
            continue
        found = [
            date.fromisoformat(iso)
            for k, s in enumerate(d.sentences[:DATELINE])
            if k == 0 or _BOILER.search(s)
            for _, iso, _, _ in find_dates(ctx, s, None)
            if len(iso) == 10
        ]
        out[d.id] = max(found) if found else None
    return out


def usable(d: Doc, i: int) -> bool:
    """Whether sentence ``i`` of ``d`` is one a brief could use: not furniture (the segment
    stage's flag: captions, credits, bylines, corrections, links, widget lines) and a full
    statement by the brief's own test (``summarize.table``: six words or more, ending like
    a statement, no question, no quote without its speaker). The brief's length cap is left
    out: a run-on of prose sentences the splitter glued together still states its dates."""
    s = d.sentences[i]
    n = len(s.split())
    return not (d.furniture and d.furniture[i]) and is_statement(s, min(n, MAX_WORDS))


def timeline(
    ctx: Context,
    docs: Sequence[Doc],
    groups: dict[str, str],
    refs: dict[str, date | None],
    *,
    limit: int = 12,
) -> tuple[TimelineEvent, ...]:
    """Dated statements, merged across sources, the best supported ``limit`` in date order."""
    events: list[dict] = []  # date, text, expression, citations, stems
    by_date: dict[str, tuple[list[dict], dict[str, list[int]]]] = {}
    for d in docs:
        for i, s in enumerate(d.sentences):
            found = find_dates(ctx, s, refs.get(d.id))
            if not found or _BOILER.search(s) or not usable(d, i):
                continue
            stems = ctx.content_stems(s)
            for expr, iso, _, _ in found:
                # The first event of that date sharing half the words of the smaller: found
                # through the date's word index, not by comparing with every event.
                same_day, index = by_date.setdefault(iso, ([], {}))
                shared = Counter(chain.from_iterable(index.get(w, ()) for w in stems))
                hit = next(
                    (
                        k
                        for k in sorted(shared)
                        if shared[k] / max(1, min(len(same_day[k]["stems"]), len(stems))) >= 0.5
                    ),
                    None,
                )
                if hit is not None:
                    same_day[hit]["cites"].append(Citation(d.id, i))
                    continue
                event = {"date": iso, "text": s, "expr": expr, "cites": [Citation(d.id, i)],
                         "stems": stems, "n": len(events)}  # fmt: skip
                for w in stems:
                    index.setdefault(w, []).append(len(same_day))
                events.append(event)
                same_day.append(event)
    for e in events:
        e["support"] = count_sources({c.article for c in e["cites"]}, groups)
    best = sorted(events, key=lambda e: (-e["support"], e["n"]))[:limit]
    best.sort(key=lambda e: (e["date"], e["n"]))
    return tuple(
        TimelineEvent(e["date"], e["text"], e["expr"], tuple(dict.fromkeys(e["cites"])))
        for e in best
    )
