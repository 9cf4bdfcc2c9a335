"""Stream benchmark: ingest N synthetic articles into a fresh store; throughput, memory, F1.

Stories are made from the real articles in ../shared/data (read in place, never copied):
each synthetic story takes one source cluster (a Multi-News cluster or an ECB+ event) and
gives it a start date; its articles recombine that cluster's articles (a base article with
sentences dropped and shuffled, plus a sentence or two from a sibling) and are dated over
three days. Source clusters are reused for later stories at least 45 days apart: the same
content weeks later must become a new story, so time has to count. Articles arrive in
date order. The gold story of each article is known, so B-cubed F1 is measured at scale.

Memory: the plan is small tuples; texts are made a tenth of the run at a time, just before
the store takes them, so the resident set sizes printed along the way are mostly the
store's and the clusterer's own. Time: making the texts is not counted.

    python benchmarks/bench_stream.py --n 100000          # the issue's scale
    python benchmarks/bench_stream.py --n 10000 --no-write
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from storybrief.model import Article  # noqa: E402
from storybrief.text import split_sentences  # noqa: E402


def source_clusters() -> list[list[list[str]]]:
    """Source clusters, each a list of articles, each a list of sentences."""
    clusters: list[list[list[str]]] = []
    with (DATA / "multinews" / "validation.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            docs = [d for d in json.loads(line)["documents"] if len(d.split()) > 80]
            if docs:
                clusters.append([split_sentences(d)[:40] for d in docs])
    events: dict[str, list[list[str]]] = {}
    with (DATA / "ecbplus" / "dev_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            lines = [x for x in row["text"].split("\n") if not x.startswith("http")]
            events.setdefault(row["cluster_id"], []).append(lines)
    clusters.extend(events.values())
    return clusters


def plan(n: int, n_sources: int, seed: int) -> list[tuple[float, int, int, int]]:
    """(timestamp, story, source cluster, k) for n articles, in arrival (date) order."""
    rng = random.Random(seed)
    items: list[tuple[float, int, int, int]] = []
    next_free = [0.0] * n_sources  # first day each source may be reused
    day, story = 0.0, 0
    while len(items) < n:
        src = rng.randrange(n_sources)
        start = max(day, next_free[src])
        next_free[src] = start + 45
        size = min(n - len(items), rng.randint(3, 14))
        for k in range(size):
            items.append((start + rng.uniform(0, 3), story, src, k))
        story += 1
        day += 0.01  # ~100 new stories a day
    items.sort()
    return items


def articles(
    items: list[tuple[float, int, int, int]], clusters: list[list[list[str]]], seed: int
) -> Iterator[Article]:
    epoch = datetime(2020, 1, 1, tzinfo=UTC)
    for ts, story, src, k in items:
        rng = random.Random(seed * 1_000_003 + story * 1009 + k)
        docs = clusters[src]
        base = list(rng.choice(docs))
        keep = [s for s in base if rng.random() > 0.3] or base[:1]
        if len(docs) > 1 and rng.random() < 0.5:
            keep.append(rng.choice(rng.choice(docs) or [""]))
        rng.shuffle(keep)
        published = (epoch + timedelta(days=ts)).isoformat(timespec="seconds")
        yield Article(
            id=f"t{story}-{k}",
            text="\n".join(keep),
            published=published,
            origin=f"synthetic story {story}",
        )


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="articles to ingest")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--no-clean", action="store_true", help="skip the clean stage (store only)")
    ap.add_argument("--db", help="store file (default: a temporary one)")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="worker processes for cleaning and fingerprints (ingest --jobs); above 1 the "
        "CPU columns count the writer process only, and the table goes to the stream-jobs "
        "section",
    )
    args = ap.parse_args()

    from storybrief.eval.clustering import ari, bcubed
    from storybrief.store import open_store
    from storybrief.stream import ingest_into

    clusters = source_clusters()
    items = plan(args.n, len(clusters), args.seed)
    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
    store = open_store(db, batch=args.batch, clean=not args.no_clean)
    checkpoints: list[tuple[int, float, float, float]] = []
    stream = articles(items, clusters, args.seed)
    start = time.perf_counter()
    # CPU time too: on a shared machine the wall clock also counts other processes' turns.
    cpu_start = time.process_time()
    step = max(1, args.n // 10)
    done = 0
    # Making the synthetic texts is the benchmark's work, not the store's: its time (about
    # 2% of the total) is left out of both clocks.
    making_wall = making_cpu = 0.0
    while done < args.n:
        t0, c0 = time.perf_counter(), time.process_time()
        chunk = [a for _, a in zip(range(step), stream, strict=False)]
        making_wall += time.perf_counter() - t0
        making_cpu += time.process_time() - c0
        ingest_into(store, chunk, progress=False, jobs=args.jobs)
        done += len(chunk)
        checkpoints.append(
            (
                done,
                time.perf_counter() - start - making_wall,
                time.process_time() - cpu_start - making_cpu,
                rss_mib(),
            )
        )
        _, wall, cpu, rss = checkpoints[-1]
        print(
            f"{done:>8,} articles  {done / wall:7.1f}/s  {done / cpu:7.1f}/CPU s  rss {rss:.0f} MiB",
            file=sys.stderr,
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pred = dict(store.db.execute("SELECT id, story FROM articles"))  # type: ignore[attr-defined]
    n_stories = store.db.execute("SELECT count(*) FROM stories").fetchone()[0]  # type: ignore[attr-defined]
    store.close()
    gold = {f"t{story}-{k}": story for _, story, _, k in items}
    gold = {a: g for a, g in gold.items() if a in pred}
    prf = bcubed(pred, gold)
    size_mib = db.stat().st_size / 2**20
    mode = "without cleaning" if args.no_clean else "with cleaning"
    procs = (
        "one process"
        if args.jobs == 1
        else f"{args.jobs} worker processes beside the writer (CPU and RSS: the writer's alone; "
        f"{os.cpu_count()} cores)"
    )
    command = f"python benchmarks/bench_stream.py --n {args.n}" + (
        f" --jobs {args.jobs}" if args.jobs > 1 else ""
    )
    lines = [
        f"Ingest of {args.n:,} synthetic articles ({len(set(gold.values())):,} gold stories, "
        f"{len(clusters)} source clusters from Multi-News and ECB+), {mode}, {procs}, "
        f"`{command}`" + (" --no-clean" if args.no_clean else "") + ":",
        "",
        "| articles | seconds | articles/s | CPU s | articles/CPU s | RSS MiB | stories found |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, secs, cpu, rss in checkpoints:
        lines.append(
            f"| {n:,} | {secs:.1f} | {n / secs:.0f} | {cpu:.1f} | {n / cpu:.0f} | {rss:.0f} | |"
        )
    lines[-1] = lines[-1][: -len("| |")] + f"| {n_stories:,} |"
    lines += [
        "",
        f"Peak RSS {peak:.0f} MiB; store file {size_mib:.0f} MiB; {len(pred):,} articles stored.",
        f"B-cubed P {prf.precision:.3f} / R {prf.recall:.3f} / F1 {prf.f1:.3f}; "
        f"ARI {ari(pred, gold):.3f}.",
    ]
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        from storybrief.eval.report import update_section

        if args.jobs == 1:
            update_section("stream", "## Stories from a stream (`storybrief ingest`)\n\n" + table)
        else:
            update_section("stream-jobs", "### With worker processes (`ingest --jobs`)\n\n" + table)
    tmp.cleanup()


if __name__ == "__main__":
    main()
