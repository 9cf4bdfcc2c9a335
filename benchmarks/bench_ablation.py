"""What each part of the default summarizer is worth: ROUGE with one part switched off.

Every variant runs through the evaluation harness exactly as `storybrief eval summaries`
does (same data, budget, truncation and ROUGE), and is compared pair by pair with the
default on the same clusters. Writes the "summarizer-ablation" section of
docs/BENCHMARKS.md.

    python benchmarks/bench_ablation.py            # both datasets, all clusters (~5 min)
    python benchmarks/bench_ablation.py --limit 60 --no-write
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Sequence

from storybrief.eval.datasets import load_clusters
from storybrief.eval.report import update_section
from storybrief.eval.stats import MeanCI
from storybrief.eval.summaries import evaluate_summaries
from storybrief.eval.systems import SYSTEMS, System, register
from storybrief.pipeline import brief_texts
from storybrief.summarize import LeadSummarizer
from storybrief.summarize.centroid import CentroidSummarizer

# name -> (what is switched off, the change to the budget's preset)
VARIANTS: dict[str, tuple[str, dict[str, object]]] = {
    "no-support": ("independent-source support", {"support_weight": 0.0}),
    "no-position": ("position prior", {"index_decay": 0.0}),
    "no-length-pref": ("length preference", {"length_exponent": 0.0}),
    "no-novelty": ("novelty floor", {"min_novelty": 0.0}),
    "loose-redundancy": ("strict redundancy cap (0.7 instead)", {"redundancy": 0.7}),
    "other-preset": ("the budget's own preset (the other one instead)", {}),
}


def _variant(name: str, change: dict[str, object]) -> Callable[[Sequence[str], int], list[str]]:
    def summarize(documents: Sequence[str], words: int) -> list[str]:
        preset = CentroidSummarizer.for_budget(words)
        if name == "other-preset":
            preset = CentroidSummarizer.for_budget(1000 if words <= 120 else 50)
        summarizer = dataclasses.replace(preset, **change)  # type: ignore[arg-type]
        brief = brief_texts(list(documents), words=words, summarizer=summarizer)
        return [s.text for s in brief.summary]

    return summarize


def _lead(documents: Sequence[str], words: int) -> list[str]:
    brief = brief_texts(list(documents), words=words, summarizer=LeadSummarizer())
    return [s.text for s in brief.summary]


def _pp(diff: MeanCI) -> str:
    """A paired difference in ROUGE points with its interval."""
    return f"{100 * diff.mean:+.2f} [{100 * diff.low:+.2f}, {100 * diff.high:+.2f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args()

    for name, (what, change) in VARIANTS.items():
        register(System(name=f"ablate:{name}", summarize=_variant(name, change), description=what))
    register(
        System(name="ablate:lead-selection", summarize=_lead, description="selection by lead only")
    )
    names = ["storybrief", *(f"ablate:{n}" for n in VARIANTS), "ablate:lead-selection"]

    lines = [
        "## What each part of the summarizer is worth",
        "",
        "ROUGE F1 x100 with one part of the default summarizer switched off; the difference "
        "is paired, cluster by cluster, against the default (negative: the part helps). "
        "`ablate:lead-selection` keeps storybrief's cleaning, splitting and citations but "
        "selects lead sentences. `python benchmarks/bench_ablation.py`.",
        "",
    ]
    for dataset, words in (("multinews", 250), ("neus", 70)):
        clusters = load_clusters(dataset, limit=args.limit)
        report = evaluate_summaries(clusters, words=words, systems=names, dataset=dataset)
        lines += [
            f"**{dataset}**: {len(clusters)} clusters, budget {words} words",
            "",
            "| variant | switched off | ROUGE-1 | ROUGE-2 | R-1 vs default [95% CI] | R-2 vs default [95% CI] |",
            "|---|---|---:|---:|---|---|",
        ]
        for result in report.results:
            r1, r2 = result.metric("rouge1"), result.metric("rouge2")
            if result.system == "storybrief":
                lines.append(
                    f"| `storybrief` (default) | — | {100 * r1.mean:.2f} | {100 * r2.mean:.2f} | | |"
                )
                continue
            d1 = report.paired(result.system, "storybrief", "rouge1").diff
            d2 = report.paired(result.system, "storybrief", "rouge2").diff
            what = SYSTEMS[result.system].description
            lines.append(
                f"| `{result.system}` | {what} | {100 * r1.mean:.2f} | {100 * r2.mean:.2f} "
                f"| {_pp(d1)} | {_pp(d2)} |"
            )
        lines.append("")
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        update_section("summarizer-ablation", table)


if __name__ == "__main__":
    main()
