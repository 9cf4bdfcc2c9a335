"""Speed and memory of ``brief`` on clusters of 10, 100 and 1,000 articles.

Clusters are built from the Multi-News validation articles in ../shared/data (read in
place). Above the 690 articles there are, articles are reused with one sentence dropped
and the order of two others swapped, so the 1,000-article cluster holds near-copies, as a
real wire-heavy story does. Each size runs in a fresh subprocess so the peak resident memory
(ru_maxrss) is that size's own.

    python benchmarks/bench_brief.py            # prints the table, updates docs/BENCHMARKS.md
    python benchmarks/bench_brief.py --sizes 10 100 --no-write
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews" / "validation.jsonl"


def build_cluster(n: int, seed: int = 0) -> list[str]:
    docs: list[str] = []
    with MULTINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            docs.extend(d for d in json.loads(line)["documents"] if len(d.split()) > 50)
    rng = random.Random(seed)
    out = docs[:n]
    while len(out) < n:
        base = rng.choice(docs).split(". ")
        if len(base) > 3:
            del base[rng.randrange(len(base))]
            i = rng.randrange(len(base) - 1)
            base[i], base[i + 1] = base[i + 1], base[i]
        out.append(". ".join(base))
    return out


def run_one(n: int, repeats: int, analyze: bool) -> dict[str, float]:
    """Runs inside the child process: time ``repeats`` briefs of an ``n``-article cluster."""
    from storybrief.model import Article
    from storybrief.pipeline import brief_articles

    texts = build_cluster(n)
    articles = [Article(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    brief_articles(articles[:3], analyze=analyze)  # warm imports and caches out of the timing
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = brief_articles(articles, words=250, analyze=analyze)
        times.append(time.perf_counter() - start)
    sentences = sum(len(v) for v in result.sentences.values())
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": n,
        "sentences": sentences,
        "words": sum(len(t.split()) for t in texts),
        "seconds": statistics.median(times),
        "peak_mib": peak_kib / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-analysis", action="store_true", help="time the brief alone")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.repeats, not args.no_analysis)))
        return
    if not MULTINEWS.exists():
        sys.exit(f"shared data not found: {MULTINEWS}")
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--child", str(n), "--repeats", str(args.repeats)]
        if args.no_analysis:
            cmd.append("--no-analysis")
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(f"{n} articles: {rows[-1]['seconds']:.2f} s", file=sys.stderr)
    base = rows[0]
    lines = [
        f"Median of {args.repeats} runs, 250-word brief, "
        f"{'without' if args.no_analysis else 'with'} analysis, on {platform.machine()} "
        f"({platform.python_implementation()} {platform.python_version()}); "
        "`python benchmarks/bench_brief.py`.",
        "",
        "| articles | sentences | words | seconds | s per 1k words | peak RSS (MiB) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        per_kw = r["seconds"] / (r["words"] / 1000)
        lines.append(
            f"| {r['articles']:,} | {r['sentences']:,} | {r['words']:,} | {r['seconds']:.2f} "
            f"| {per_kw:.4f} | {r['peak_mib']:.0f} |"
        )
    if len(rows) > 1:
        growth = (rows[-1]["seconds"] / base["seconds"]) / (rows[-1]["words"] / base["words"])
        lines += [
            "",
            f"Time grew {rows[-1]['seconds'] / base['seconds']:.1f}x for "
            f"{rows[-1]['words'] / base['words']:.1f}x the words "
            f"(ratio {growth:.2f}; 1.0 is linear).",
        ]
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        from storybrief.eval.report import update_section

        update_section("brief-speed", "## Speed of `brief`\n\n" + table)


if __name__ == "__main__":
    main()
