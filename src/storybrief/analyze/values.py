"""Typed values stated in a sentence: counts, numbers, durations, dates.

Each value carries what it measures (the unit words after a count, the time unit and the
relation of a duration: "a month *after* ...") and an interval, so that "about 800" and
"more than 700" agree while "almost a month" and "about two months" do not. Its *local
context* (content words of its own clause, a few words either side) is what ties two
values in two sentences to the same thing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from storybrief.analyze.dates import DATE_WORDS, find_dates
from storybrief.analyze.labels import LABEL_UNITS, compound_unit, in_part, is_label
from storybrief.analyze.lexicon import CLAUSE_WORDS, NUMBER_WORDS, ORDINALS
from storybrief.analyze.tokens import Context
from storybrief.analyze.value_base import Value, local_context
from storybrief.analyze.value_compare import comparable, compatible
from storybrief.analyze.value_traps import round_slack
from storybrief.analyze.value_units import casualties, unit_after

_WORDNUM = NUMBER_WORDS
_ORDINAL = ORDINALS
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_TIME = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
         "month": 30.44, "year": 365.25, "decade": 3652.5}  # fmt: skip
# Hedges widen the interval a stated value stands for.
_APPROX = {
    "about": (0.8, 1.2), "around": (0.8, 1.2), "roughly": (0.8, 1.2), "some": (0.8, 1.2),
    "approximately": (0.8, 1.2), "nearly": (0.75, 1.0), "almost": (0.75, 1.0),
    "close to": (0.75, 1.05), "just under": (0.75, 1.0), "more than": (1.0, math.inf),
    "over": (1.0, math.inf), "at least": (1.0, math.inf), "just over": (1.0, 1.25),
    "upwards of": (1.0, math.inf), "less than": (0.0, 1.0), "fewer than": (0.0, 1.0),
    "under": (0.0, 1.0), "up to": (0.0, 1.0), "as many as": (0.8, 1.0), "as much as": (0.8, 1.0),
}  # fmt: skip
_NUM = (
    r"(?P<approx>(?:" + "|".join(sorted(_APPROX, key=len, reverse=True)) + r")\s+)?"
    r"(?P<cur>[$€£])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(_WORDNUM, key=len, reverse=True))
    + r")\b(?![\d,.]*\d)(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    r"(?P<pct>\s*%|\s+percent|\s+per\s+cent)?"
)
# Not inside a time of day ("5:35 p.m."), a ratio or a score ("3-2"), a decimal or a code.
_NUM_RX = re.compile(r"(?<![\w\-.,:#/])" + _NUM + r"(?![\w-]*-\d)(?!:\d|/\d)", re.I)
# "a month", "an hour": the article is a number only before a time unit.
_A_TIME_RX = re.compile(
    r"(?<![\w\-.,])(?P<approx>(?:"
    + "|".join(sorted(_APPROX, key=len, reverse=True))
    + r")\s+)?(?P<cur>)(?P<num>an?)(?P<scale>)(?P<pct>)(?=\s+(?:half\s+)?(?:second|minute|hour|day|week|month|year|decade)\b)",
    re.I,
)
_TIME_RX = re.compile(
    r"\s*-?\s*(?P<half>and\s+a\s+half\s+)?(?P<tu>second|minute|hour|day|week|month|year|decade|min|hr)s?\b(?P<old>-old|\s+old)?",
    re.I,
)
# Signs written before a number: "≥30 min" is "at least 30 minutes".
_SIGNS = {"≥": "at least", ">": "more than", "≤": "up to", "<": "less than", "~": "about"}
_RANGE = re.compile(
    r"\s*(?P<sep>–|—|to|and)\s*[$€£]?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_TIME_ABBR = {"min": "minute", "hr": "hour"}
# "1 hour, 30 minutes": one running time, not two.
_THEN_MINUTES = re.compile(r",?\s*(?:and\s+)?(?P<n>\d{1,2})\s*(?:minute|min)s?\b", re.I)
# Where a number can start: a digit run's first digit, a number word, "a"/"an" before a
# time unit; ``_anchored`` tries the full patterns only there.
_DIGIT_CORE = re.compile(r"(?<![\d,.])\d")
_WORD_CORE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted(_WORDNUM, key=len, reverse=True)) + r")(?![^\W\d_])",
    re.I,
)
_A_CORE = re.compile(
    r"(?<![^\W\d_])an?(?=\s+(?:half\s+)?(?:second|minute|hour|day|week|month|year|decade))", re.I
)
_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")
_ORD_RX = re.compile(r"\b(?P<ord>" + "|".join(_ORDINAL) + r"|\d+(?:st|nd|rd|th))\b", re.I)
_CLAUSE = CLAUSE_WORDS
_OFFSET = {"after": "after", "later": "after", "before": "before", "earlier": "before",
           "ago": "before", "since": "since"}  # fmt: skip
# Cheap pre-checks on the sentence's lower-cased word set: most sentences state no number,
# and a set lookup costs far less than a case-insensitive alternation scanned per sentence.
_DIGIT = re.compile(r"\d")
_DIGIT_ORD = re.compile(r"\d(?:st|nd|rd|th)\b")
_NUM_WORDS = frozenset(_WORDNUM)
_ORD_WORDS = frozenset(_ORDINAL)
_A_WORDS = frozenset(["a", "an"])
_SHORT_OF = frozenset(["nearly", "almost", "just under", "close to"])  # a little below N
_TIME_WORDS = frozenset(_TIME) | frozenset(u + "s" for u in _TIME)


def _anchored(rx: re.Pattern[str], sentence: str, cores: Sequence[int]) -> list[re.Match[str]]:
    """What ``rx.finditer`` finds, tried only where a number starts (``cores``) or up to
    three words before it (a hedge such as "as many as"): scanning whole sentences with the
    hedge alternation in front costs several times more than the few anchored tries."""
    out: list[re.Match[str]] = []
    done = 0
    for p in cores:
        if p < done:
            continue
        starts = _word_starts(sentence, done, p)
        for at in [*starts, p - 1, p]:
            m = rx.match(sentence, at) if at >= done else None
            if m is not None and m.start("num") == p:
                out.append(m)
                done = m.end()
                break
    return out


def _word_starts(sentence: str, done: int, p: int) -> list[int]:
    """Where the last three words starting in [done, p) start: looked for in the 80
    characters before ``p`` first (the lookbehind still reads the text before them), in
    all of [done, p) only when those hold fewer than three."""
    at = max(done, p - 80)
    starts = [w.start() for w in _WORD_START.finditer(sentence, at, p)][-3:]
    if len(starts) < 3 and at > done:
        starts = [w.start() for w in _WORD_START.finditer(sentence, done, p)][-3:]
    return starts


def _interval(v: float, approx: str | None) -> tuple[float, float]:
    word = " ".join((approx or "").lower().split())
    lo, hi = _APPROX.get(word, (1.0, 1.0))
    if word in _SHORT_OF and v >= 10:
        # "Nearly 6,000" is a little short of 6,000: less than half its rounding step and
        # at most 7% short (5,500 is no "nearly 6,000"), but two units for a small count
        # ("nearly 20" may be 18).
        step = 10 ** (len(str(int(v))) - len(str(int(v)).rstrip("0")))
        short = max(min(0.5 * step, 0.07 * v), min(2.0, 0.2 * v))
        return v - short, v * hi
    return v * lo, v * hi


# Money written as a range with a hyphen ("$27-30 million", "$5-$7 billion"): a range like
# "$27–30 million", not a score. The hyphen is read as a dash (one character for one).
_MONEY_HYPHEN = re.compile(
    r"(?<=[$€£]\d)([\d,.]*(?:\s*(?:thousand|million|billion|bn|m))?)-(?=[$€£]?\d)"
)


def values(ctx: Context, sentence: str, ref: date | None) -> list[Value]:
    """Every count, number, duration, rank and date stated in ``sentence``."""
    written = sentence
    if "-" in sentence and ("$" in sentence or "€" in sentence or "£" in sentence):
        sentence = _MONEY_HYPHEN.sub(r"\1–", sentence)
    out = _values(ctx, sentence, ref)
    if sentence is written:
        return out
    return [replace(v, text=written[v.start : v.start + len(v.text)]) for v in out]


def _values(ctx: Context, sentence: str, ref: date | None) -> list[Value]:
    low = ctx.tokenizer.lower_words(sentence)
    digit = _DIGIT.search(sentence) is not None
    found_dates = find_dates(ctx, sentence, ref)
    cores = [m.start() for m in _DIGIT_CORE.finditer(sentence)] if digit else []
    if not low.isdisjoint(_NUM_WORDS):
        cores = sorted(cores + [m.start() for m in _WORD_CORE.finditer(sentence)])
    matches = _anchored(_NUM_RX, sentence, cores)
    if not low.isdisjoint(_A_WORDS) and not low.isdisjoint(_TIME_WORDS):
        matches += _anchored(_A_TIME_RX, sentence, [m.start() for m in _A_CORE.finditer(sentence)])
    ords = (
        list(_ORD_RX.finditer(sentence))
        if (digit and _DIGIT_ORD.search(sentence)) or not low.isdisjoint(_ORD_WORDS)
        else []
    )
    if not (matches or ords or found_dates):
        return []
    toks = ctx.tokenizer.tokens(sentence)
    out: list[Value] = []
    consumed = 0
    for m in matches:
        raw = m.group("num").lower()
        v = (
            1.0
            if raw in ("a", "an")
            else float(raw.replace(",", ""))
            if raw[0].isdigit()
            else float(_WORDNUM[raw])
        )
        # "m" and "bn" scale money only ("$5m"); after a bare number "m" is metres.
        metres = (m.group("scale") or "").lower() in ("m", "bn") and not m.group("cur")
        if m.group("scale") and not metres:
            v *= _SCALE[m.group("scale").lower()]
        if m.start() < consumed:
            continue
        sign = _SIGNS.get(sentence[m.start() - 1 : m.start()]) if m.start() else None
        tm = _TIME_RX.match(sentence, m.end())
        approx = m.group("approx") or sign
        if raw in ("a", "an") and sentence[max(0, m.start() - 5) : m.start()].lower() == "half ":
            v = 0.5  # "half an hour"
        if tm:
            unit = _TIME_ABBR.get(tm.group("tu").lower(), tm.group("tu").lower())
            days = (v + (0.5 if tm.group("half") else 0)) * _TIME[unit]
            then = _THEN_MINUTES.match(sentence, tm.end()) if unit == "hour" else None
            if then:
                days += int(then.group("n")) * _TIME["minute"]
                unit, consumed = "minute", then.end()
            lo, hi = _interval(days, approx)
            rest = sentence[tm.end() :].split()
            prev = sentence[: m.start()].split()
            nxt = rest[0].lower().strip(",.") if rest else ""
            if tm.group("old"):
                frame = "age"
            elif nxt in _OFFSET:
                frame = _OFFSET[nxt]
            elif prev and prev[-1].lower() in ("in", "within"):
                frame = prev[-1].lower()
            else:
                frame = "length"
            out.append(
                Value(
                    "duration",
                    frozenset({unit}),
                    frame,
                    lo,
                    hi,
                    sentence[m.start() : max(tm.end(), consumed)],
                    m.start(),
                    max(tm.end(), consumed),
                    f"{days:g} days",
                    local_context(ctx, toks, m.start(), tm.end()),
                )  # fmt: skip
            )
            continue
        if raw.isdigit() and len(raw) == 4 and 1900 <= v <= 2099:
            continue  # a year (dates are handled below)
        if in_part(sentence, m):
            continue
        top = None
        r = _RANGE.match(sentence, m.end())
        if r and r.group("sep") == "and" and not _BETWEEN.search(sentence[: m.start()]):
            r = None  # "5 and 7" is a range only after "between"
        if r and (m.group("cur") or not (m.group("pct") or m.group("scale") or r["scale"])):
            # "$27–30 million", "$27 million to $30 million", "20 to 30 people": a range.
            scale = r.group("scale") or m.group("scale")
            factor = _SCALE[scale.lower()] if scale else 1.0
            if not m.group("scale"):
                v *= factor
            top = float(r.group("num").replace(",", "")) * factor
            consumed = r.end()
        if m.group("cur") or m.group("pct"):
            unit = frozenset({m.group("cur") or "%"})
            end, kind = (consumed if top else m.end()), "number"
        else:
            if not approx and is_label(sentence, m.start()):
                continue
            at = consumed if top is not None else m.start("scale") if metres else m.end()
            unit, end = compound_unit(ctx, sentence, at) or unit_after(ctx, toks, at)
            if not unit:
                unit, end = casualties(ctx, toks, m.start(), m.end()) or (unit, end)
            kind = "count"
            if not unit or unit & LABEL_UNITS:
                continue  # a bare number (too little to say what it counts), "3000 block"
        lo, hi = _interval(v, approx)
        if "." in raw and not m.group("pct"):
            # "$1.4 trillion" is rounded: it stands for 1.35-1.45 trillion ("$1.37 trillion").
            scale = _SCALE[m.group("scale").lower()] if m.group("scale") and not metres else 1.0
            half = 0.5 * 10 ** -len(raw.split(".")[1]) * scale
            lo, hi = lo - half, hi + half
        elif m.group("pct") and raw.isdigit():
            # A whole percentage is rounded too: "35%" and "36 percent" may both be 35.5%.
            lo, hi = lo - 0.5, hi + 0.5
        elif not approx and top is None:
            lo, hi = round_slack(v, lo, hi)  # "1,500 jobs" may be 1,480
        if top is not None and top > v:
            lo, hi = lo, _interval(top, approx)[1]
        out.append(
            Value(
                kind,
                unit,
                "",
                lo,
                hi,
                sentence[m.start() : end].strip(),
                m.start(),
                end,
                f"{v:g} {' '.join(sorted(unit))}",
                local_context(ctx, toks, m.start(), end),
            )  # fmt: skip
        )
    for m in ords:
        word = m.group("ord").lower()
        n = _ORDINAL.get(word) or int(re.sub(r"\D", "", word))
        unit, end = unit_after(ctx, toks, m.end())
        if unit:
            out.append(
                Value(
                    "rank",
                    unit,
                    "",
                    n,
                    n,
                    sentence[m.start() : end],
                    m.start(),
                    end,
                    f"#{n} {' '.join(sorted(unit))}",
                    local_context(ctx, toks, m.start(), end),
                )  # fmt: skip
            )
    for expr, iso, a, b in found_dates:
        # "on Thursday" and "since 2018" answer different questions: keep the preposition.
        prep = expr.split()[0].lower() if " " in expr else ""
        frame = "on" if prep in ("", "on") or prep[0].isdigit() else prep
        out.append(
            Value("date", frozenset(), frame, 0, 0, expr, a, b, iso, local_context(ctx, toks, a, b))
        )
    return out


_VALUE_WORDS = _NUM_WORDS | _ORD_WORDS | DATE_WORDS


def may_state_value(ctx: Context, text: str) -> bool:
    """Whether a sentence can hold a count, number, duration or date: a digit, a number
    word, an ordinal or a date word (the cheap gate before ``values``)."""
    if _DIGIT.search(text) is not None:
        return True
    low = ctx.tokenizer.lower_words(text)
    return not low.isdisjoint(_VALUE_WORDS) or (
        not low.isdisjoint(_A_WORDS) and not low.isdisjoint(_TIME_WORDS)
    )


def may_state_count(ctx: Context, text: str) -> bool:
    """Whether a sentence can hold a count, number or duration (a digit, a number word, or
    "a"/"an" with a time unit): the only sources of ``_values``' matches; a sentence with
    none can state only ranks and dates."""
    if _DIGIT.search(text) is not None:
        return True
    low = ctx.tokenizer.lower_words(text)
    return not low.isdisjoint(_NUM_WORDS) or (
        not low.isdisjoint(_A_WORDS) and not low.isdisjoint(_TIME_WORDS)
    )


__all__ = [
    "Value",
    "comparable",
    "compatible",
    "local_context",
    "may_state_count",
    "may_state_value",
    "values",
]
