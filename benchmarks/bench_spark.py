"""Corpus scale on Spark: ``storybrief spark`` on synthetic corpora of 100,000 and
1,000,000 articles, on ``local[1]`` and ``local[2]``, beside the single-process stream.

The corpora are the stream benchmark's (``bench_stream.py``: real shared articles
recombined into stories with known gold, dated over the run, source clusters reused 45
days apart), written once as JSONL records (``id``, ``published``, ``text``) to a work
folder outside the repository. Each run is a fresh process with its own Spark driver
(``run_corpus``, the code behind ``storybrief spark``), timed from the session's start to
the last table written. Measured:

- wall seconds and articles per second;
- CPU seconds of the whole process tree (driver, JVM, Python workers): on a shared
  machine the wall clock also counts other processes' turns, the CPU time does not;
- peak resident memory of the driver (the Python driver and the JVM, which in local mode
  holds the executors), and the peak of the Python workers together;
- B-cubed F1 of the stories table against the gold stories.

Each run's numbers go to ``WORK/results/*.json`` as it ends, so the table can be written
from what finished (``--table-only``).

    python benchmarks/bench_spark.py                        # 100k and 1M, local[1] and [2]
    python benchmarks/bench_spark.py --sizes 10000 --no-write
    python benchmarks/bench_spark.py --table-only           # the section from saved runs
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

WORK = Path(os.environ.get("STORYBRIEF_BENCH_WORK", "/tmp/storybrief-bench-spark"))
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def corpus(n: int, seed: int = 0) -> Path:
    """The JSONL corpus of ``n`` articles (made once; the stream benchmark's articles)."""
    from bench_stream import articles, plan, source_clusters

    path = WORK / f"corpus-{n}-{seed}.jsonl"
    if path.exists():
        return path
    WORK.mkdir(parents=True, exist_ok=True)
    clusters = source_clusters()
    items = plan(n, len(clusters), seed)
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8") as fh:
        for a in articles(items, clusters, seed):
            fh.write(json.dumps({"id": a.id, "published": a.published, "text": a.text}) + "\n")
    tmp.rename(path)
    return path


def _tag(master: str) -> str:
    """``local[2]`` -> ``2``: a file-name piece."""
    return "".join(ch for ch in master if ch.isalnum())


def gold_of(article_id: str) -> str:
    return article_id.split("-", 1)[0]  # t{story}-{k}


class Tree:
    """CPU time and resident memory of this process and its descendants, sampled."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.driver_peak = 0
        self.workers_peak = 0
        self.cpu = 0.0
        self.jvm_cpu = 0.0
        self._ticks: dict[tuple[int, int], int] = {}  # (pid, start) -> utime + stime
        self._jvm: set[tuple[int, int]] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.sample()
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.sample()

    def sample(self) -> None:
        procs = _tree(self.pid)
        driver = workers = 0
        for pid, (name, rss, ticks, started) in procs.items():
            # A worker's CPU stays counted after it exits (its last sample).
            self._ticks[(pid, started)] = max(self._ticks.get((pid, started), 0), ticks)
            if name == "java":
                self._jvm.add((pid, started))
            if pid == self.pid or name == "java":
                driver += rss
            else:
                workers += rss
        self.driver_peak = max(self.driver_peak, driver)
        self.workers_peak = max(self.workers_peak, workers)
        self.cpu = sum(self._ticks.values()) / TICK
        self.jvm_cpu = sum(self._ticks[k] for k in self._jvm) / TICK


def _tree(root: int) -> dict[int, tuple[str, int, int, int]]:
    """pid -> (command name, resident bytes, CPU ticks, start tick) of ``root`` and its
    descendants."""
    stats: dict[int, tuple[int, str, int, int, int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        ppid = int(fields[1])
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        rss = int(fields[21]) * PAGE
        stats[int(entry)] = (ppid, name, rss, ticks, int(fields[19]))
    keep = {root}
    changed = True
    while changed:
        changed = False
        for pid, (ppid, *_rest) in stats.items():
            if ppid in keep and pid not in keep:
                keep.add(pid)
                changed = True
    return {pid: stats[pid][1:] for pid in keep if pid in stats}


def one(
    n: int, master: str, briefs: bool, driver_memory: str, partial: Path | None = None
) -> dict[str, object]:
    """One run in this process: the corpus through ``run_corpus``; its numbers. Each
    stage's time goes to ``partial`` as it ends (what a run cut short got through)."""
    from storybrief.eval.clustering import bcubed
    from storybrief.spark import SparkOptions, run_corpus, spark_session

    path = corpus(n)
    out = WORK / f"out-{n}-{_tag(master)}"
    tree = Tree()
    tree.start()
    start = time.perf_counter()
    spark = spark_session(master, driver_memory=driver_memory, shuffle_partitions=8)
    stages: list[tuple[str, float, float]] = [("session", time.perf_counter() - start, 0.0)]
    jvm: list[float] = [0.0]
    loads: list[float] = [os.getloadavg()[0]]

    def progress(stage: str) -> None:
        tree.sample()
        stages.append((stage, time.perf_counter() - start, tree.cpu))
        jvm.append(tree.jvm_cpu)
        loads.append(os.getloadavg()[0])
        print(
            f"  {stage}: {stages[-1][1]:.0f} s, {tree.cpu:.0f} CPU s "
            f"({tree.jvm_cpu:.0f} JVM), load {loads[-1]:.1f}",
            file=sys.stderr,
            flush=True,
        )
        if partial is not None:
            partial.write_text(
                json.dumps(
                    {"n": n, "master": master, "stages": stages, "jvm_cpu": jvm, "load": loads}
                )
            )

    result = run_corpus(
        [str(path)],
        str(out),
        spark=spark,
        options=SparkOptions(briefs=briefs, analyze=False),
        progress=progress,
    )
    wall = time.perf_counter() - start
    tree.stop()
    rows = spark.read.parquet(str(out / "stories")).select("id", "articles").collect()
    pred = {a: r["id"] for r in rows for a in r["articles"]}
    spark.stop()
    gold = {a: gold_of(a) for a in pred}
    prf = bcubed(pred, gold)
    subprocess.run(["rm", "-rf", str(out)], check=False)
    return {
        "n": n,
        "master": master,
        "briefs": briefs,
        "wall": wall,
        "cpu": tree.cpu,
        "driver_mib": tree.driver_peak / 2**20,
        "workers_mib": tree.workers_peak / 2**20,
        "articles": result.articles,
        "copies": result.copies,
        "stories": result.stories,
        "gold_stories": len(set(gold.values())),
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "stages": stages,
        "jvm_cpu": jvm,
        "load": loads,
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def stream_row() -> dict[str, object] | None:
    """The single-process stream on the same 100,000 articles, from its own section of
    docs/BENCHMARKS.md (``bench_stream.py --n 100000`` writes it)."""
    import re

    text = (ROOT / "docs" / "BENCHMARKS.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- section:stream -->(.*?)<!-- /section:stream -->", text, re.DOTALL)
    if not m or "100,000 synthetic" not in m.group(1):
        return None
    body = m.group(1)
    last = [line for line in body.splitlines() if line.startswith("| 100,000 |")]
    f1 = re.search(r"F1 ([0-9.]+)", body)
    peak = re.search(r"Peak RSS (\d+) MiB", body)
    if not last or not f1:
        return None
    cells = [c.strip().replace(",", "") for c in last[0].strip("|").split("|")]
    return {
        "wall": float(cells[1]),
        "cpu": float(cells[3]),
        "rss": float(peak.group(1)) if peak else float(cells[5]),
        "stories": cells[6],
        "f1": float(f1.group(1)),
    }


def table(results: list[dict[str, object]]) -> str:
    rows = sorted(results, key=lambda r: (int(r["n"]), str(r["master"])))  # type: ignore[arg-type]
    lines = [
        "## Corpus scale (Spark)",
        "",
        "`storybrief spark` (`storybrief.spark.run_corpus`) on the stream benchmark's synthetic "
        "corpora (real Multi-News and ECB+ articles recombined into dated stories of known gold; "
        "`bench_stream.py`), read as JSONL, Spark in local mode on this machine "
        f"({os.cpu_count()} cores, shared with other jobs: compare the CPU seconds). Stages: "
        "read and clean, copies (each article's shingles and MinHash computed once, its LSH "
        "band keys joined, connected groups of the bucket links by SciPy on the driver, "
        "`find_copies` per group, a group over 10,000 verified in runs of 10,000 in date "
        "order), stories "
        "(the batch pair model on 28-day blocks, average link per component), the articles, "
        "copies and stories tables written as Parquet. `python benchmarks/bench_spark.py`:",
        "",
        "| articles | master | briefs | wall s | articles/s | CPU s | articles/CPU s "
        "| driver peak MiB | workers peak MiB | copy links | stories | B³ P | B³ R | B³ F1 |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        n, wall, cpu = int(r["n"]), float(r["wall"]), float(r["cpu"])  # type: ignore[arg-type]
        # A run measured before the sampler kept exited workers' time counts less than it used.
        low, high = ("≥", "≤") if r.get("cpu_lower_bound") else ("", "")
        lines.append(
            f"| {n:,} | `{r['master']}` | {'yes' if r['briefs'] else 'no'} | {wall:.0f} "
            f"| {n / wall:.0f} | {low}{cpu:.0f} | {high}{n / cpu:.0f} | {float(r['driver_mib']):.0f} "  # type: ignore[arg-type]
            f"| {float(r['workers_mib']):.0f} | {int(r['copies']):,} | {int(r['stories']):,} "  # type: ignore[arg-type]
            f"| {float(r['precision']):.3f} | {float(r['recall']):.3f} | {float(r['f1']):.3f} |"  # type: ignore[arg-type]
        )
    stream = stream_row()
    if stream:
        lines.append(
            f"| 100,000 | single-process stream (`storybrief ingest`) | no | {stream['wall']:.0f} "
            f"| {100_000 / float(stream['wall']):.0f} | {stream['cpu']:.0f} "  # type: ignore[arg-type]
            f"| {100_000 / float(stream['cpu']):.0f} | {stream['rss']:.0f} | | "  # type: ignore[arg-type]
            f"| {int(stream['stories']):,} | | | {stream['f1']:.3f} |"
        )
    lines += ["", *_scaling(rows, stream), *_unfinished()]
    if any(r.get("stages") for r in rows):
        lines += [
            "",
            "Where the time went (wall s / CPU s of the process tree / of it the JVM's, "
            "when each stage ended; the 1-minute load average then):",
            "",
        ]
        for r in rows:
            stages = r.get("stages") or []
            done = _stages(stages, r.get("jvm_cpu"), r.get("load"))  # type: ignore[arg-type]
            lines.append(f"- {int(r['n']):,} on `{r['master']}`: {done}.")  # type: ignore[arg-type]
    return "\n".join(lines)


def _stages(
    stages: list[tuple[str, float, float]], jvm: list[float] | None, load: list[float] | None
) -> str:
    """``name wall/cpu`` per stage, with the JVM's CPU and the load where recorded."""
    out = []
    for k, (name, wall, cpu) in enumerate(stages):
        more = ""
        if jvm and k < len(jvm) and k:
            more = f"/{jvm[k]:.0f}"
        if load and k < len(load):
            more += f" (load {load[k]:.1f})"
        out.append(f"{name} {wall:.0f}/{cpu:.0f}{more}")
    return ", ".join(out)


def _unfinished() -> list[str]:
    """Runs stopped before their end (the machine's time ran out), with the stages done."""
    out = []
    for path in sorted((WORK / "partial").glob("*.json")):
        run = json.loads(path.read_text())
        stages = _stages(run["stages"], run.get("jvm_cpu"), run.get("load"))
        out.append(
            f"- {int(run['n']):,} articles on `{run['master']}`: not finished when this was "
            f"written; stages done (wall s / CPU s / JVM CPU s): {stages}."
        )
    return out


def _scaling(rows: list[dict[str, object]], stream: dict[str, object] | None) -> list[str]:
    out = []
    by = {(int(r["n"]), str(r["master"])): r for r in rows}  # type: ignore[arg-type]
    for n in sorted({k[0] for k in by}):
        one_core, two = by.get((n, "local[1]")), by.get((n, "local[2]"))
        if one_core and two:
            speedup = float(one_core["wall"]) / float(two["wall"])  # type: ignore[arg-type]
            out.append(
                f"- {n:,} articles: `local[2]` is {speedup:.2f}x as fast as `local[1]` in "
                f"wall time (ideal 2x; {speedup / 2:.0%} of ideal scaling)."
            )
    if stream and any(int(r["n"]) == 1_000_000 for r in rows):  # type: ignore[arg-type]
        best = max(
            (r for r in rows if int(r["n"]) == 1_000_000),  # type: ignore[arg-type]
            key=lambda r: float(r["f1"]),  # type: ignore[arg-type]
        )
        gap = float(best["f1"]) - float(stream["f1"])  # type: ignore[arg-type]
        out.append(
            f"- B-cubed F1 at 1,000,000 articles {float(best['f1']):.3f} against "  # type: ignore[arg-type]
            f"{float(stream['f1']):.3f} for the single-process stream at 100,000 "  # type: ignore[arg-type]
            f"({gap:+.3f})."
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    ap.add_argument("--briefs", action="store_true", help="write the briefs table too")
    ap.add_argument("--driver-memory", default="3g")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    ap.add_argument("--table-only", action="store_true", help="the section from saved runs")
    ap.add_argument("--note", default="", help="a paragraph added under the table")
    ap.add_argument("--one", nargs=2, metavar=("N", "MASTER"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    results_dir = WORK / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    if args.one:
        n, master = int(args.one[0]), args.one[1]
        name = f"{n}-{_tag(master)}-{'briefs' if args.briefs else 'tables'}.json"
        partial = WORK / "partial" / name
        partial.parent.mkdir(parents=True, exist_ok=True)
        found = one(n, master, args.briefs, args.driver_memory, partial)
        (results_dir / name).write_text(json.dumps(found, indent=2))
        partial.unlink(missing_ok=True)
        print(json.dumps(found), flush=True)
        return
    if not args.table_only:
        for n in args.sizes:
            corpus(n)  # made before any clock starts
            for master in args.masters:
                cmd = [sys.executable, __file__, "--one", str(n), master]
                cmd += ["--driver-memory", args.driver_memory]
                cmd += ["--briefs"] if args.briefs else []
                print(f"running {n:,} on {master}", file=sys.stderr, flush=True)
                subprocess.run(cmd, check=True)
    results = [json.loads(p.read_text()) for p in sorted(results_dir.glob("*.json"))]
    text = table(results) + (f"\n\n{args.note}" if args.note else "")
    print(text)
    if not args.no_write:
        from storybrief.eval.report import update_section

        update_section("spark", text)


if __name__ == "__main__":
    main()
