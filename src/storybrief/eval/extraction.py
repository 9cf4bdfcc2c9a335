"""Article extraction evaluation on the scrapinghub benchmark pages.

Each page's extracted body is compared with the hand-checked ``articleBody`` as multisets
of units (true positives = Counter intersection): single ``\\w+`` tokens for the
token-level score, and 4-token shingles, which is the benchmark's own measure and the one
its published figures use (trafilatura 0.945, newspaper4k 0.946, readability 0.922). As
there, each page's counts are normalised so long pages do not weigh more, precision and
recall are averaged over pages, and F1 is taken from the two averages.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from storybrief.errors import ConfigError
from storybrief.eval.datasets import Page
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


def bootstrap_f1(
    counts: Sequence[tuple[float, float, float]],
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> MeanCI:
    """F1 over pages with a seeded percentile bootstrap interval (pages resampled)."""
    if not counts:
        return MeanCI(float("nan"), float("nan"), float("nan"), 0)
    rng = np.random.default_rng(seed)
    f1s = []
    for _ in range(resamples):
        idx = rng.integers(0, len(counts), size=len(counts))
        f1s.append(prf_from_counts([counts[i] for i in idx])[2])
    low, high = np.quantile(f1s, [0.025, 0.975])
    return MeanCI(prf_from_counts(counts)[2], float(low), float(high), len(counts))


# ---- systems -------------------------------------------------------------------------

ExtractFn = Callable[[Page], str]


def storybrief_extract(page: Page) -> str:
    """storybrief's ingest of an HTML page followed by its cleaner: the body the pipeline uses."""
    from storybrief.eval.ingest_adapter import extract_body

    return extract_body(page.html, origin=page.url or page.id)


def trafilatura_extract(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html) or ""


def page_text(page: Page) -> str:
    """All visible text of the page (scripts and styles dropped): the floor."""
    import lxml.html

    try:
        root = lxml.html.fromstring(page.html)
    except Exception:  # noqa: BLE001 - unparseable page: no text at all
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return str(root.text_content())


EXTRACT_SYSTEMS: dict[str, tuple[ExtractFn, str]] = {
    "storybrief": (storybrief_extract, "storybrief ingest (HTML) + clean, the pipeline's path"),
    "trafilatura": (trafilatura_extract, "trafilatura.extract(html), default settings"),
    "page-text": (page_text, "whole page text (lxml text_content, no scripts/styles): floor"),
}


@dataclass(frozen=True)
class ExtractResult:
    system: str
    token: tuple[float, float, float]
    shingle: tuple[float, float, float]
    token_f1: MeanCI
    seconds: float
    failures: int = 0
    unavailable: str | None = None
    errors: tuple[str, ...] = ()
    description: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "system": self.system,
            "token": dict(zip(("precision", "recall", "f1"), self.token, strict=True)),
            "shingle": dict(zip(("precision", "recall", "f1"), self.shingle, strict=True)),
            "token_f1_ci": self.token_f1.to_dict(),
            "seconds_median": self.seconds,
            "failures": self.failures,
            "unavailable": self.unavailable,
            "errors": list(self.errors),
            "description": self.description,
        }


@dataclass(frozen=True)
class ExtractReport:
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
            "pages": self.pages,
            "settings": self.settings,
            "results": [r.to_dict() for r in self.results],
        }


def evaluate_extraction(
    pages: Sequence[Page],
    *,
    systems: Sequence[str] | None = None,
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
) -> ExtractReport:
    names = list(systems) if systems else list(EXTRACT_SYSTEMS)
    unknown = [n for n in names if n not in EXTRACT_SYSTEMS]
    if unknown:
        raise ConfigError(
            f"unknown extraction system(s) {', '.join(unknown)}: "
            f"choose from {', '.join(EXTRACT_SYSTEMS)}"
        )
    results = [_run(name, pages, seed=seed, resamples=resamples) for name in names]
    settings: dict[str, object] = {
        "token": "\\w+ tokens (case kept), multiset overlap per page",
        "shingle": "4-token shingles, the benchmark's own measure (comparable to published F1)",
        "averaging": "per-page normalised counts; macro P and R; F1 of the two",
        "interval": f"95% bootstrap over pages, {resamples} resamples, seed {seed}",
    }
    return ExtractReport(pages=len(pages), results=tuple(results), settings=settings)


def _run(name: str, pages: Sequence[Page], *, seed: int, resamples: int) -> ExtractResult:
    fn, description = EXTRACT_SYSTEMS[name]
    tok_counts, sh_counts, seconds, errors = [], [], [], []
    for n, page in enumerate(pages):
        start = time.perf_counter()
        try:
            body = fn(page)
        except ImportError as exc:
            if n == 0:
                nan3 = (float("nan"),) * 3
                return ExtractResult(
                    name,
                    nan3,
                    nan3,
                    MeanCI(float("nan"), float("nan"), float("nan"), 0),
                    float("nan"),
                    unavailable=f"{type(exc).__name__}: {exc}",
                    description=description,
                )
            body = ""
            errors.append(f"{page.id}: {type(exc).__name__}: {exc}")
        except Exception as exc:  # noqa: BLE001 - a page that fails scores as empty
            body = ""
            errors.append(f"{page.id}: {type(exc).__name__}: {exc}")
        seconds.append(time.perf_counter() - start)
        tok_counts.append(match_counts(page.body, body, n=1))
        sh_counts.append(match_counts(page.body, body, n=4))
    return ExtractResult(
        system=name,
        token=prf_from_counts(tok_counts),
        shingle=prf_from_counts(sh_counts),
        token_f1=bootstrap_f1(tok_counts, seed=seed, resamples=resamples),
        seconds=statistics.median(seconds) if seconds else float("nan"),
        failures=len(errors),
        errors=tuple(errors[:5]),
        description=description,
    )
