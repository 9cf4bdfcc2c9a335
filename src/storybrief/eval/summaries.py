"""Summary evaluation: every system on the same clusters, budget and cut, scored with ROUGE."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from storybrief.budget import check_words
from storybrief.errors import ConfigError
from storybrief.eval.datasets import Cluster
from storybrief.eval.rouge import ROUGE_TYPES, Rouge, as_sentences, truncate_words
from storybrief.eval.stats import (
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    MeanCI,
    PairedDiff,
    bootstrap_mean,
    paired_bootstrap,
)
from storybrief.eval.systems import System, get_systems


@dataclass(frozen=True)
class SystemResult:
    """One system's scores on one dataset (F1 in [0, 1]) and its median seconds per cluster.

    ``unavailable`` says why a system did not run at all; ``failures`` counts clusters on
    which it raised (scored as an empty summary, so they count against it).
    """

    system: str
    rouge1: MeanCI
    rouge2: MeanCI
    rougeLsum: MeanCI  # noqa: N815
    seconds: float
    failures: int = 0
    unavailable: str | None = None
    errors: tuple[str, ...] = ()
    per_item: dict[str, tuple[float, ...]] = field(default_factory=dict, compare=False)

    def metric(self, name: str) -> MeanCI:
        if name not in ROUGE_TYPES:
            raise ConfigError(f"unknown metric {name!r}: choose from {', '.join(ROUGE_TYPES)}")
        value: MeanCI = getattr(self, name)
        return value

    def to_dict(self) -> dict[str, object]:
        return {
            "system": self.system,
            **{m: self.metric(m).to_dict() for m in ROUGE_TYPES},
            "seconds_median": self.seconds,
            "failures": self.failures,
            "unavailable": self.unavailable,
            "errors": list(self.errors),
        }


@dataclass(frozen=True)
class SummaryReport:
    """All systems on one dataset, with the settings that produced the numbers."""

    dataset: str
    words: int
    clusters: int
    results: tuple[SystemResult, ...]
    settings: dict[str, object] = field(default_factory=dict)

    def result(self, system: str) -> SystemResult:
        for r in self.results:
            if r.system == system:
                return r
        raise ConfigError(
            f"no result for {system!r}: have {', '.join(r.system for r in self.results)}"
        )

    def paired(self, system: str, baseline: str, metric: str = "rouge2") -> PairedDiff:
        """``system`` minus ``baseline`` on ``metric``, cluster by cluster (paired bootstrap)."""
        a, b = self.result(system), self.result(baseline)
        if a.unavailable or b.unavailable:
            raise ConfigError(f"cannot compare: {a.unavailable or b.unavailable}")
        return paired_bootstrap(
            a.per_item[metric],
            b.per_item[metric],
            system_name=system,
            baseline_name=baseline,
            seed=int(self.settings.get("seed", DEFAULT_SEED)),  # type: ignore[call-overload]
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "words": self.words,
            "clusters": self.clusters,
            "settings": self.settings,
            "results": [r.to_dict() for r in self.results],
        }


def evaluate_summaries(
    clusters: Sequence[Cluster],
    *,
    words: int,
    systems: Sequence[str] | None = None,
    dataset: str = "custom",
    seed: int = DEFAULT_SEED,
    resamples: int = DEFAULT_RESAMPLES,
    progress: Callable[[str, int, int], None] | None = None,
) -> SummaryReport:
    """Run ``systems`` (all registered by default) on ``clusters`` and score them."""
    check_words(words)
    rouge = Rouge(use_stemmer=True)
    refs = [as_sentences(c.reference) for c in clusters]
    results = []
    for system in get_systems(systems):
        results.append(
            _run_system(
                system,
                clusters,
                refs,
                rouge,
                words=words,
                seed=seed,
                resamples=resamples,
                progress=progress,
            )
        )
    settings: dict[str, object] = {
        "words": words,
        "truncation": "every output cut to the budget at a whole word (rouge.truncate_words)",
        "rouge": "rouge-score F1, Porter stemming, Unicode tokenizer, ROUGE-Lsum on sentence lines",
        "interval": f"95% percentile bootstrap, {resamples} resamples, seed {seed}",
        "seed": seed,
    }
    return SummaryReport(
        dataset=dataset,
        words=words,
        clusters=len(clusters),
        results=tuple(results),
        settings=settings,
    )


def _run_system(
    system: System,
    clusters: Sequence[Cluster],
    refs: Sequence[list[str]],
    rouge: Rouge,
    *,
    words: int,
    seed: int,
    resamples: int,
    progress: Callable[[str, int, int], None] | None,
) -> SystemResult:
    missing = system.available()
    if missing:
        empty = MeanCI(float("nan"), float("nan"), float("nan"), 0)
        return SystemResult(system.name, empty, empty, empty, float("nan"), unavailable=missing)
    scores: dict[str, list[float]] = {m: [] for m in ROUGE_TYPES}
    seconds: list[float] = []
    errors: list[str] = []
    for n, (cluster, ref) in enumerate(zip(clusters, refs, strict=True)):
        start = time.perf_counter()
        try:
            if system.needs_reference:
                raw = system.summarize(cluster.documents, words, reference=cluster.reference)
            elif system.needs_id:
                raw = system.summarize(cluster.documents, words, cluster_id=cluster.id)
            else:
                raw = system.summarize(cluster.documents, words)
            summary = truncate_words(as_sentences(raw), words)
        except ImportError as exc:
            if n == 0:  # a stage of the system is not built here: say so, score nothing
                empty = MeanCI(float("nan"), float("nan"), float("nan"), 0)
                return SystemResult(
                    system.name,
                    empty,
                    empty,
                    empty,
                    float("nan"),
                    unavailable=f"{type(exc).__name__}: {exc}",
                )
            summary = []
            errors.append(f"{cluster.id}: {type(exc).__name__}: {exc}")
        except Exception as exc:  # noqa: BLE001 - one bad cluster must not stop the run
            summary = []
            errors.append(f"{cluster.id}: {type(exc).__name__}: {exc}")
        seconds.append(time.perf_counter() - start)
        f = rouge.score(summary, ref)
        for m in ROUGE_TYPES:
            scores[m].append(getattr(f, m))
        if progress:
            progress(system.name, n + 1, len(clusters))
    cis = {m: bootstrap_mean(scores[m], seed=seed, resamples=resamples) for m in ROUGE_TYPES}
    return SystemResult(
        system=system.name,
        rouge1=cis["rouge1"],
        rouge2=cis["rouge2"],
        rougeLsum=cis["rougeLsum"],
        seconds=statistics.median(seconds) if seconds else float("nan"),
        failures=len(errors),
        errors=tuple(errors[:5]),
        per_item={m: tuple(v) for m, v in scores.items()},
    )
