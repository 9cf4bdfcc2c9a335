"""Judge lines in their place on the page: units, repeats, and the junk at both ends.

Scraped pages put their furniture in clusters: a header (captions, bylines, timestamps)
before the first paragraph, a footer (share buttons, comment forms, price plans) after the
last one. So a line that is neither clear prose nor clear junk goes when it sits in such an
end block and stays when it sits between paragraphs (a subheading, a list item).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from storybrief.clean.lines import STRONG_JUNK, Verdict, is_terminal, judge, judge_and_key, verdict
from storybrief.text import WIDE_PUNCTUATION

# Hard-wrapped text (an e-mail, a wire feed at 70 columns) is judged by paragraph, not by
# line: a wrapped line is a sentence fragment. A text counts as wrapped when most of its
# lines fill a narrow column; 100 is wider than any fixed wrap width seen in the wild.
_MAX_WRAP_WIDTH = 100
_MIN_WRAPPED_SHARE = 0.5
# Two copies of a line this close together are a caption or headline printed twice (alt text
# and figure caption, page title and h1), so both go; a copy further away (a pull quote)
# only loses its later copy.
_NEAR_REPEAT = 6
# A line is "contained in a longer line" only from this many words: shorter ones are common
# phrases.
_MIN_CONTAINED_WORDS = 8
_KEY = re.compile(r"[^\w]+")
# The same for ASCII text, where the word characters are [A-Za-z0-9_]: a byte translation
# of the others to spaces and a split, several times faster than the substitution.
_ASCII_NOT_WORD = bytes(
    c if c >= 128 or chr(c).isalnum() or chr(c) == "_" else ord(" ") for c in range(256)
)
# The same, lower-casing too (in ASCII text ``str.lower`` changes only A-Z): one translation
# does the work of ``lower`` and the substitution.
_ASCII_KEY = bytes(_ASCII_NOT_WORD[ord(chr(c).lower()) if c < 128 else c] for c in range(256))


@dataclass(frozen=True)
class Unit:
    """One or more consecutive lines judged together (several only in hard-wrapped text)."""

    lines: tuple[str, ...]
    verdict: Verdict

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def units_of(lines: list[str]) -> list[Unit]:
    """Group non-blank lines into units: one per line, or one per paragraph if hard-wrapped."""
    return units_and_keys(lines)[0]


def units_and_keys(lines: list[str]) -> tuple[list[Unit], list[str]]:
    """``units_of(lines)`` and the ``key`` of each unit's text, for ``mark_repeats``."""
    # Each line is judged alone first: the common case (no hard wrap) needs nothing more,
    # and judging a line finds its words, which give its key in most lines.
    units, keys = [], []
    for line in lines:
        if line:
            unit_verdict, line_key = judge_and_key(line)
            units.append(Unit((line,), unit_verdict))
            keys.append(key(line) if line_key is None else line_key)
    if len(units) < 4:
        return units, keys
    # Lines that are page furniture on their own do not count as wrapped prose: else a few
    # of them could make a text look wrapped, and once cleaning dropped them, not (cleaning
    # a second time would differ).
    junk = iter(u.verdict.label == "junk" for u in units)
    alone = ["" if line and next(junk) else line for line in lines]
    width = _wrap_width(alone)
    if not width:
        return units, keys
    groups: list[list[str]] = []
    previous = ""
    for line, prose in zip(lines, alone, strict=True):
        if not line:
            previous = ""
            continue
        if not prose:
            # Furniture on its own stays a unit of its own: joined to a neighbour it could
            # pass as prose, and go only once a first cleaning had left it alone.
            groups.append([line])
            previous = ""
            continue
        joins = previous and len(previous) >= 0.6 * width and not _ends_block(previous)
        if joins:
            groups[-1].append(line)
        else:
            groups.append([line])
        previous = line
    units = [Unit(tuple(g), judge(" ".join(g))) for g in groups]
    return units, [key(u.text) for u in units]


def _wrap_width(lines: list[str]) -> int:
    """The column a hard-wrapped text is wrapped at, or 0 when it is not hard-wrapped."""
    lengths = [len(line) for line in lines if line]
    # Wrapping cuts prose into different lines: a "text" of a few lines printed over and
    # over is repetition to mark, not wrapped prose to join (joined, its copies would stay
    # now and go once cleaning had left fewer lines: cleaning twice would differ).
    if len(lengths) < 4 or len(set(lines) - {""}) < 4:
        return 0
    width = max(lengths)
    if width > _MAX_WRAP_WIDTH:
        return 0
    near = sum(length >= 0.75 * width for length in lengths)
    # Wrapped lines run on into the next line mid-sentence; lines that are paragraphs of
    # their own end with a full stop.
    run_on = [
        a for a, b in zip(lines, lines[1:], strict=False) if a and b and len(a) >= 0.75 * width
    ]
    open_ended = sum(not is_terminal(a) for a in run_on)
    if (
        near >= _MIN_WRAPPED_SHARE * len(lengths)
        and len(run_on) >= _MIN_WRAPPED_SHARE * len(lengths)
        and open_ended >= 0.6 * len(run_on)
    ):
        return width
    return 0


def _ends_block(line: str) -> bool:
    # A line that is a complete heading or a label ends its group even when long.
    return line.endswith(":") and len(line) < 40


def key(text: str) -> str:
    """A comparison key: lower case, one apostrophe, punctuation and spacing ignored."""
    if text.isascii():
        # The path below in one translation: apostrophes deleted, the rest lower-cased or
        # made spaces.
        return " ".join(text.encode("ascii").translate(_ASCII_KEY, b"'").decode("ascii").split())
    low = text.lower().replace("’", "'").replace("'", "")
    if not low.isascii():
        # Curly quotes and dashes are outside words: as spaces they change no key, and
        # they are often all that keeps a line from the ASCII path.
        flat = low
        for mark in WIDE_PUNCTUATION:
            if mark in flat:
                flat = flat.replace(mark, " ")
        if not flat.isascii():
            return _KEY.sub(" ", low).strip()
        low = flat
    return " ".join(low.encode("ascii").translate(_ASCII_NOT_WORD).decode("ascii").split())


def mark_repeats(units: list[Unit], title: str | None, keys: list[str] | None = None) -> list[Unit]:
    """Mark as junk a unit that repeats the title, an earlier unit, or lies inside a longer one.

    ``keys``, if given, are the ``key`` of each unit's text (``units_and_keys``).
    """
    if keys is None:
        keys = [key(u.text) for u in units]
    title_key = key(title) if title else ""
    out = list(units)
    first: dict[str, int] = {}
    for i, k in enumerate(keys):
        if not k:
            continue
        if k == title_key:
            out[i] = _junk(out[i], "repeats the title")
        elif k in first:
            out[i] = _junk(out[i], "repeats an earlier line")
            j = first[k]
            if i - j <= _NEAR_REPEAT:
                out[j] = _junk(out[j], "caption or headline printed twice")
        else:
            first[k] = i
    if len(units) <= 2000:  # containment is quadratic; very long inputs skip it
        padded = [f" {k} " for k in keys]
        longer = _LongerKeys(padded)
        for i, k in enumerate(keys):
            # keys are words joined by single spaces
            if out[i].verdict.label == "junk" or k.count(" ") + 1 < _MIN_CONTAINED_WORDS:
                continue
            if longer.contain(padded[i]):
                out[i] = _junk(out[i], "contained in a longer line")
    return out


class _LongerKeys:
    """The distinct keys, longest first, in one string, to find a key inside a longer one.

    One ``str.find`` over the keys longer than the one sought replaces a test per key: keys
    hold no line break, so a match never spans two of them.
    """

    def __init__(self, keys: list[str]) -> None:
        ordered = sorted(set(keys), key=len, reverse=True)
        self._joined = "\n".join(ordered)
        self._negated_lengths = [-len(k) for k in ordered]
        self._starts = list(accumulate((len(k) + 1 for k in ordered), initial=0))

    def contain(self, key: str) -> bool:
        """Is ``key`` inside a strictly longer key?"""
        longer = bisect_left(self._negated_lengths, -len(key))
        return self._joined.find(key, 0, self._starts[longer]) != -1


def _junk(unit: Unit, reason: str) -> Unit:
    return Unit(unit.lines, verdict("junk", reason, unit.verdict.words))


def trim_ends(units: list[Unit]) -> list[Unit]:
    """Mark as junk the non-prose units before the first and after the last prose unit.

    At the end of a page, a prose-looking line inside a block of prices or calls to action
    ("Our journalism is for everyone.") belongs to that block and goes with it.
    """
    out = list(units)
    prose = [i for i, u in enumerate(out) if u.verdict.label == "prose"]
    if not prose:
        return [_junk(u, u.verdict.reason) if u.verdict.label != "junk" else u for u in out]
    for i in range(prose[0]):
        if out[i].verdict.label == "weak":
            out[i] = _junk(out[i], "header: " + out[i].verdict.reason)
    end = len(out)
    while True:
        last = max(i for i in range(end) if out[i].verdict.label == "prose")
        for i in range(last + 1, len(out)):
            if out[i].verdict.label == "weak":
                out[i] = _junk(out[i], "footer: " + out[i].verdict.reason)
        if not _inside_marketing_block(out, last):
            return out
        out[last] = _junk(out[last], "inside a footer block of offers")
        if not any(u.verdict.label == "prose" for u in out[:last]):
            return out
        end = last


def _inside_marketing_block(units: list[Unit], i: int) -> bool:
    """Is prose unit ``i`` (last of the page) a soft line sitting among offers or prices?"""
    verdict = units[i].verdict
    if not verdict.soft and is_terminal(units[i].text) and verdict.words >= 20:
        return False
    before = units[max(0, i - 2) : i]
    after = units[i + 1 : i + 4]
    if not before or before[-1].verdict.label == "prose":
        return False
    return _strong(before) and _strong(after)


def _strong(units: list[Unit]) -> bool:
    return any(u.verdict.label == "junk" and u.verdict.reason in STRONG_JUNK for u in units)


def drop_junk_runs(units: list[Unit]) -> list[Unit]:
    """Between paragraphs, a run of non-prose units with junk in it goes as a whole.

    A "Related stories" box is a junk label followed by headlines that look like headings;
    one short heading next to an "Advertisement" label is a loss worth taking.
    """
    out = list(units)
    i = 0
    while i < len(out):
        if out[i].verdict.label == "prose":
            i += 1
            continue
        j = i
        while j < len(out) and out[j].verdict.label != "prose":
            j += 1
        run = out[i:j]
        # A long list (of names, of substances) with one junk line in it is still a list.
        if sum(u.verdict.label == "junk" for u in run) * 3 >= len(run):
            for k in range(i, j):
                if out[k].verdict.label == "weak" and out[k].verdict.words <= 12:
                    out[k] = _junk(out[k], "next to page furniture: " + out[k].verdict.reason)
        i = j
    return out
