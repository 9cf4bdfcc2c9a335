"""What each part of the default summarizer is worth: ROUGE with one part switched off.

Every variant runs through the evaluation harness exactly as `storybrief eval summaries`
does (same data, budget, truncation and ROUGE), and is compared pair by pair with the
default on the same clusters. Long briefs (Multi-News, 250 words) are chosen by the trained
sentence scorer: `ablate:centroid-selection` puts the centroid summarizer's long preset back
(what the scorer is worth); the other variants switch one part of the centroid summarizer
off, so on Multi-News they differ from the default in the scorer too. The default's row is
the shipped scorer, in sample on Multi-News (the out-of-fold numbers are in the summaries
section). Writes the "summarizer-ablation" section of docs/BENCHMARKS.md.

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


def _centroid(documents: Sequence[str], words: int) -> list[str]:
    brief = brief_texts(
        list(documents), words=words, summarizer=CentroidSummarizer.for_budget(words)
    )
    return [s.text for s in brief.summary]


def _lead(documents: Sequence[str], words: int) -> list[str]:
    brief = brief_texts(list(documents), words=words, summarizer=LeadSummarizer())
    return [s.text for s in brief.summary]


def _pp(diff: MeanCI) -> str:
    """A paired difference in ROUGE points with its interval."""
    return f"{100 * diff.mean:+.2f} [{100 * diff.low:+.2f}, {100 * diff.high:+.2f}]"


# The short preset's knobs, each on a small grid around its value (the preset's own first,
# so it wins ties): chosen fold by fold on NeuS at 70 words.
KNOBS: dict[str, tuple[object, ...]] = {
    "index_decay": (0.2, 0.0, 0.4),
    "redundancy": (0.5, 0.3, 0.7),
    "length_exponent": (0.1, 0.0, 0.3),
    "max_first": (2, None, 1, 3),
    "min_ratio": (0.5, 0.0, 0.3, 0.4, 0.6),
}


def knobs_section(limit: int | None) -> str:
    """Each knob of the short preset tuned out of fold (``eval.cv.select_by_fold``): is the
    shipped value still the one the training folds choose, and what does tuning it give?"""
    from storybrief.eval.cv import fold_index, group_folds, select_by_fold

    clusters = load_clusters("neus", limit=limit)
    folds = group_folds([c.id for c in clusters])
    where = fold_index(folds)
    fold_of = [where[c.id] for c in clusters]
    base = CentroidSummarizer.for_budget(70)
    lines = [
        "### Short-brief knobs, out of fold",
        "",
        f"NeuS, {len(clusters)} clusters, 70 words, 5 folds by cluster: each knob of the "
        "short preset on its own grid, the value chosen on four folds and scored on the "
        "fifth. A knob whose folds all choose the shipped value gains nothing from tuning.",
        "",
        "| knob | shipped | grid | chosen per fold | ROUGE-2 out of fold | shipped, all folds |",
        "|---|---:|---|---|---:|---:|",
    ]
    for knob, grid in KNOBS.items():
        scores = {}
        for value in grid:
            summarizer = dataclasses.replace(base, **{knob: value})  # type: ignore[arg-type]

            def run(documents: Sequence[str], words: int, s: object = summarizer) -> list[str]:
                brief = brief_texts(list(documents), words=words, summarizer=s)  # type: ignore[arg-type]
                return [x.text for x in brief.summary]

            name = f"knob:{knob}={value}"
            register(System(name=name, summarize=run, description=name))
            rep = evaluate_summaries(
                clusters, words=70, systems=[name], dataset="neus", resamples=10
            )
            scores[value] = rep.result(name).per_item["rouge2"]
        sel = select_by_fold(scores, fold_of, folds=len(folds))
        lines.append(
            f"| `{knob}` | {getattr(base, knob)} | {', '.join(map(str, grid))} "
            f"| {', '.join(map(str, sel.chosen))} | {100 * sel.oof_mean:.2f} "
            f"| {100 * sel.full_scores[grid[0]]:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    parser.add_argument(
        "--knobs", action="store_true", help="only the short preset's knobs, out of fold"
    )
    args = parser.parse_args()
    if args.knobs:
        section = knobs_section(args.limit)
        print(section)
        if not args.no_write:
            update_section("summarizer-knobs", section)
        return

    for name, (what, change) in VARIANTS.items():
        register(System(name=f"ablate:{name}", summarize=_variant(name, change), description=what))
    register(
        System(name="ablate:lead-selection", summarize=_lead, description="selection by lead only")
    )
    register(
        System(
            name="ablate:centroid-selection",
            summarize=_centroid,
            description="the trained scorer (the centroid summarizer's preset instead)",
        )
    )
    names = [
        "storybrief",
        "ablate:centroid-selection",
        *(f"ablate:{n}" for n in VARIANTS),
        "ablate:lead-selection",
    ]

    lines = [
        "## What each part of the summarizer is worth",
        "",
        "ROUGE F1 x100 with one part of the default summarizer switched off; the difference "
        "is paired, cluster by cluster, against the default (negative: the part helps). "
        "`ablate:lead-selection` keeps storybrief's cleaning, splitting and citations but "
        "selects lead sentences. On Multi-News the default is the trained scorer: "
        "`ablate:centroid-selection` shows what it is worth, and the other variants switch "
        "parts of the centroid summarizer off. `python benchmarks/bench_ablation.py`.",
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
