"""Article extraction evaluation: scrapinghub (bodies) and trafilatura's set (snippets).

Scrapinghub: each page's extracted body is compared with the hand-checked ``articleBody`` as multisets
of units (true positives = Counter intersection): single ``\\w+`` tokens for the
token-level score, and 4-token shingles, which is the benchmark's own measure and the one
its published figures use (trafilatura 0.945, newspaper4k 0.946, readability 0.922). As
there, each page's counts are normalised so long pages do not weigh more, precision and
recall are averaged over pages, and F1 is taken from the two averages.

trafilatura's evaluation set: each page has snippets the text must hold and snippets it
must not; as in trafilatura's own evaluation, a ``with`` snippet found is a true positive,
one missing a false negative, a ``without`` snippet found a false positive, and the counts
are summed over pages before precision and recall are taken (whitespace is normalised on
both sides first). Languages of its rows come from the gold snippets, not the output.

Speed: pages per CPU second of the evaluating process (one core), all pages, after one
untimed warm-up page per system and set (imports and one-time set-up are not per page).

Held-out numbers: every page has a fixed fold (CRC-32 of its id, mod ``FOLDS``); fold 0 is
never looked at while tuning extraction or cleaning, so its F1 is the honest one.
"""

from __future__ import annotations

import contextlib
import re
import statistics
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from storybrief.errors import ConfigError
from storybrief.eval.datasets import Page
from storybrief.eval.extractors import DEFAULT_EXTRACTORS, EXTRACTORS
from storybrief.eval.stats import DEFAULT_RESAMPLES, DEFAULT_SEED, MeanCI

_TOKEN = re.compile(r"\w+", re.UNICODE)


def match_counts(true: str, pred: str, *, n: int = 1) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of ``pred`` against ``true`` over n-token units."""
    if n < 1:
        raise ConfigError(f"n must be a positive n-gram size, got {n}")
    t, p = _units(true, n), _units(pred, n)
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _units(text: str, n: int) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text or "")
    if n == 1:
        return Counter((t,) for t in toks)
    # A text shorter than n tokens is one unit of itself (as in the benchmark).
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0  # nothing expected, nothing given (or a perfect match)
    return tp / (tp + fp) if tp + fp > 0 else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn > 0 else 0.0


def prf_from_counts(counts: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Macro precision and recall over pages, and F1 of the two (the benchmark's method).

    A page where the extractor returned nothing has no precision to average (as in the
    benchmark); its recall of 0 still counts.
    """
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.fmean(ps) if ps else 0.0
    r = statistics.fmean(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r > 0 else 0.0)


def token_prf(true: str, pred: str, *, n: int = 1) -> tuple[float, float, float]:
    """Precision, recall and F1 of one extraction (bag of n-token units)."""
    return prf_from_counts([match_counts(true, pred, n=n)])


def snippet_counts(page: Page, pred: str) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) of ``pred`` against the page's snippets."""
    text = " ".join(pred.split())
    found = [" ".join(s.split()) in text for s in page.include] if text else []
    hit = [" ".join(s.split()) in text for s in page.exclude] if text else []
    tp = sum(found)
    fp = sum(hit)
    return tp, len(page.include) - tp, fp, len(page.exclude) - fp


def snippet_prf(counts: Sequence[tuple[int, int, int, int]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of summed snippet counts (trafilatura's evaluation)."""
    tp = sum(c[0] for c in counts)
    fn = sum(c[1] for c in counts)
    fp = sum(c[2] for c in counts)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


FOLDS = 5
HELD_OUT_FOLD = 0


def fold_of(page_id: str) -> int:
    """The page's fixed fold (0 is held out from all tuning)."""
    return zlib.crc32(page_id.encode("utf-8")) % FOLDS


def _bootstrap(
    counts: Sequence[tuple[float, ...]],
    score: Callable[[Sequence[Any]], float],
    *,
    seed: int,
    resamples: int,
) -> MeanCI:
    if not counts:
        return MeanCI(float("nan"), float("nan"), float("nan"), 0)
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(resamples):
        idx = rng.integers(0, len(counts), size=len(counts))
        values.append(score([counts[i] for i in idx]))
    low, high = np.quantile(values, [0.025, 0.975])
    return MeanCI(score(counts), float(low), float(high), len(counts))


@dataclass(frozen=True)
class LanguageRow:
    language: str
    pages: int
    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, object]:
        return {"language": self.language, "pages": self.pages, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}  # fmt: skip


@dataclass(frozen=True)
class ExtractResult:
    """One system on one set: ``prf`` is token P/R/F1 (scrapinghub) or snippet P/R/F1."""

    system: str
    dataset: str
    prf: tuple[float, float, float]
    f1_ci: MeanCI
    held_out_f1: float
    pages: int
    empty: int
    # CPU seconds of this process over all pages: "pages per second on one core", which
    # other work on a shared machine slows far less than wall time.
    seconds: float
    shingle: tuple[float, float, float] | None = None
    failures: int = 0
    unavailable: str | None = None
    errors: tuple[str, ...] = ()
    description: str = ""
    by_language: tuple[LanguageRow, ...] = ()

    @property
    def token(self) -> tuple[float, float, float]:
        return self.prf

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else float("nan")

    def to_dict(self) -> dict[str, object]:
        return {
            "system": self.system,
            "dataset": self.dataset,
            **dict(zip(("precision", "recall", "f1"), self.prf, strict=True)),
            "f1_ci": self.f1_ci.to_dict(),
            "held_out_f1": self.held_out_f1,
            "shingle_f1": self.shingle[2] if self.shingle else None,
            "pages": self.pages,
            "empty": self.empty,
            "pages_per_second": self.pages_per_second,
            "failures": self.failures,
            "unavailable": self.unavailable,
            "errors": list(self.errors),
            "description": self.description,
            "by_language": [row.to_dict() for row in self.by_language],
        }


@dataclass(frozen=True)
class ExtractReport:
    dataset: str
    pages: int
    results: tuple[ExtractResult, ...]
    settings: dict[str, object] = field(default_factory=dict)

    def result(self, system: str) -> ExtractResult:
        for r in self.results:
            if r.system == system:
                return r
        raise ConfigError(f"no result for {system!r}")

    def to_dict(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "pages": self.pages,
            "settings": self.settings,
            "results": [r.to_dict() for r in self.results],
        }


Progress = Callable[[str, int, int], None]


def evaluate_extraction(
    pages: Sequence[Page],
    *,
    systems: Sequence[str] | None = None,
    dataset: str = "scrapinghub",
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
    progress: Progress | None = None,
) -> ExtractReport:
    """Every system in ``systems`` (default: storybrief and its peers) on ``pages``."""
    names = list(systems) if systems else list(DEFAULT_EXTRACTORS)
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        raise ConfigError(
            f"unknown extraction system(s) {', '.join(unknown)}: "
            f"choose from {', '.join(EXTRACTORS)}"
        )
    languages = _languages(pages) if pages and pages[0].snippets else {}
    runs = _run_all(names, pages, progress)
    results = [
        _result(name, runs[name], pages, dataset, languages, seed=seed, resamples=resamples)
        for name in names
    ]
    snippets = bool(pages and pages[0].snippets)
    settings: dict[str, object] = {
        "score": "snippets found / wrongly found, counts summed over pages (trafilatura's)"
        if snippets
        else "\\w+ tokens (case kept), multiset overlap per page; macro P and R; F1 of the two",
        "shingle": None if snippets else "4-token shingles, the benchmark's own measure",
        "held_out": f"fold {HELD_OUT_FOLD} of {FOLDS} (CRC-32 of the page id), never tuned on",
        "interval": f"95% bootstrap over pages, {resamples} resamples, seed {seed}",
    }
    return ExtractReport(dataset, len(pages), tuple(results), settings)


def _languages(pages: Sequence[Page]) -> dict[str, str]:
    """Each page's language, read from all its gold snippets (those that must appear and
    those that must not): the page's own text as its annotators saw it. The snippets that
    must appear alone mislabel a page by one quoted line (a German blog post quoting a
    Greek sentence, an English page with a link that reads "read this in Turkish")."""
    from storybrief.lang import detect_language

    return {p.id: detect_language(" ".join(p.include + p.exclude)) or "und" for p in pages}


def _score(snippets: bool) -> Callable[[Sequence[Any]], float]:
    return (lambda c: snippet_prf(c)[2]) if snippets else (lambda c: prf_from_counts(c)[2])


@dataclass
class _Run:
    """One system's raw outputs over the pages, with its CPU seconds and failures."""

    outputs: list[str]
    errors: list[str]
    seconds: float = 0.0
    unavailable: str | None = None


def _run_all(
    names: Sequence[str], pages: Sequence[Page], progress: Progress | None
) -> dict[str, _Run]:
    """Every system on every page, the systems taking turns page by page (in an order that
    rotates), so a machine that slows down or speeds up mid-run weighs on all of them alike,
    and no system always runs first on a page (some caches outlive one extraction)."""
    runs = {name: _Run([], []) for name in names}
    if pages:
        # One untimed page first: imports and one-time set-up (trafilatura's and ours, a
        # language model, a stop list) are no per-page cost.
        for name in names:
            with contextlib.suppress(Exception):
                EXTRACTORS[name].fn(pages[0])
    for n, page in enumerate(pages):
        turn = n % len(names) if names else 0
        for name in [*names[turn:], *names[:turn]]:
            run = runs[name]
            if run.unavailable is not None:
                continue
            start = time.process_time()
            try:
                body = EXTRACTORS[name].fn(page)
            except ImportError as exc:
                if n == 0:
                    run.unavailable = f"{type(exc).__name__}: {exc}"
                    continue
                body = ""
                run.errors.append(f"{page.id}: {type(exc).__name__}: {exc}")
            except Exception as exc:  # noqa: BLE001 - a page that fails scores as empty
                body = ""
                run.errors.append(f"{page.id}: {type(exc).__name__}: {str(exc)[:200]}")
            run.seconds += time.process_time() - start
            run.outputs.append(body)
        if progress is not None:
            progress("pages", n + 1, len(pages))
    return runs


def _result(
    name: str,
    run: _Run,
    pages: Sequence[Page],
    dataset: str,
    languages: dict[str, str],
    *,
    seed: int,
    resamples: int,
) -> ExtractResult:
    system = EXTRACTORS[name]
    if run.unavailable is not None:
        nan = float("nan")
        return ExtractResult(
            name, dataset, (nan, nan, nan), MeanCI(nan, nan, nan, 0), nan, len(pages), 0,
            nan, unavailable=run.unavailable, description=system.description,
        )  # fmt: skip
    outputs, errors, seconds = run.outputs, run.errors, run.seconds
    snippets = bool(pages and pages[0].snippets)
    counts: list[Any] = [
        snippet_counts(p, out) if snippets else match_counts(p.body, out, n=1)
        for p, out in zip(pages, outputs, strict=True)
    ]
    score = _score(snippets)
    prf = snippet_prf(counts) if snippets else prf_from_counts(counts)
    held = [c for p, c in zip(pages, counts, strict=True) if fold_of(p.id) == HELD_OUT_FOLD]
    shingle = None
    if not snippets:
        shingle = prf_from_counts(
            [match_counts(p.body, out, n=4) for p, out in zip(pages, outputs, strict=True)]
        )
    return ExtractResult(
        system=name,
        dataset=dataset,
        prf=prf,
        f1_ci=_bootstrap(counts, score, seed=seed, resamples=resamples),
        held_out_f1=score(held) if held else float("nan"),
        pages=len(pages),
        empty=sum(not out.strip() for out in outputs),
        seconds=seconds,
        shingle=shingle,
        failures=len(errors),
        errors=tuple(errors[:5]),
        description=system.description,
        by_language=_by_language(pages, counts, languages) if snippets else (),
    )


def _by_language(
    pages: Sequence[Page], counts: Sequence[Any], languages: dict[str, str]
) -> tuple[LanguageRow, ...]:
    groups: dict[str, list[Any]] = {}
    for page, c in zip(pages, counts, strict=True):
        groups.setdefault(languages.get(page.id, "und"), []).append(c)
    rows = [LanguageRow(lang, len(cs), *snippet_prf(cs)) for lang, cs in groups.items()]
    return tuple(sorted(rows, key=lambda r: (-r.pages, r.language)))
