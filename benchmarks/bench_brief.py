"""Speed of ``brief`` as a user meets it: start-up, end to end, warm, scaling, against LexRank.

All articles are real (Multi-News validation, read in place from ../shared/data). Above the
690 there are, articles are reused with one sentence dropped and two swapped, so the
1,000-article cluster holds near-copies, as a wire-heavy story does.

- start-up: a fresh ``python -c "import storybrief.cli"`` and ``storybrief --help``;
- end to end: ``storybrief brief DIR`` on 100 articles written as .txt files (a fresh
  process each time: start-up, imports, reading, cleaning, brief, analysis, Markdown);
- warm: ``brief_articles`` on 100 articles in a process that has briefed before (what the
  service pays per request): each timed brief reads articles that process has never seen
  (the warm-up briefs ECB+ pages; each repeat takes its own slice of Multi-News), so the
  memos of earlier briefs cannot answer for it; "again" re-briefs the last cluster as it
  stands (the service re-briefing a story), where they can;
- scaling: 10, 100 and 1,000 articles in-process, peak memory per size (own subprocess);
- LexRank: one 1,000-sentence cluster, storybrief's brief and sumy's LexRank in one run.

Timings are medians. The machine is shared: ``--baseline-src ../main/src`` measures another
checkout's code in the same run, side by side (start-up and end to end).

    python benchmarks/bench_brief.py                      # prints, updates docs/BENCHMARKS.md
    python benchmarks/bench_brief.py --quick --no-write   # fewer repeats, no 1,000 sizes
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews" / "validation.jsonl"


def build_cluster(n: int, seed: int = 0, pool: bool = False) -> list[str]:
    """``n`` articles: pages cleaning rejects as no article (crawl notices, video pages)
    are left out, so ``storybrief brief`` reads every file and exits 0. ``pool``: every
    real article, no near-copies."""
    from storybrief.clean.junk import not_an_article

    docs: list[str] = []
    with MULTINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            docs.extend(
                d
                for d in json.loads(line)["documents"]
                if len(d.split()) > 50 and not_an_article(d) is None
            )
    if pool:
        return docs
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


def _env(src: Path | None) -> dict[str, str]:
    """The environment of a user's shell: Python writes and reuses its bytecode caches
    (this machine sets PYTHONDONTWRITEBYTECODE, which makes every command recompile the
    ~230 modules of an editable checkout, 0.1-0.15 s a run that no installed user pays)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def _timed(cmd: list[str], env: dict[str, str], repeats: int) -> float:
    # One untimed run first: the first command after an install compiles the bytecode.
    subprocess.run(cmd, env=env, check=False, capture_output=True)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, check=False, capture_output=True)
        # Exit 1 is "a brief, with some inputs rejected" (crawl notices in the sample).
        if done.returncode not in (0, 1):
            raise subprocess.CalledProcessError(done.returncode, cmd, done.stdout, done.stderr)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def end_to_end(folder: Path, src: Path | None, repeats: int) -> dict[str, float]:
    """Start-up and whole-command seconds for the code at ``src`` (None: this checkout)."""
    env = _env(src)
    py = sys.executable
    cli = [py, "-m", "storybrief"]
    return {
        "python": _timed([py, "-c", "pass"], env, repeats),
        "import": _timed([py, "-c", "import storybrief.cli"], env, repeats),
        "help": _timed([*cli, "--help"], env, repeats),
        "brief": _timed([*cli, "brief", str(folder)], env, repeats),
        "brief_no_analysis": _timed([*cli, "brief", "--no-analysis", str(folder)], env, repeats),
    }


def warm_texts(n: int, repeats: int) -> dict[str, list]:
    """The texts of one warm run: ECB+ pages for the warm-up, and ``repeats`` clusters of
    ``n`` Multi-News articles that share no article (fewer when the real articles run
    out: one cluster, near-copies included, at 1,000)."""
    ecb = MULTINEWS.parents[1] / "ecbplus" / "dev_docs.jsonl"
    with ecb.open(encoding="utf-8") as fh:
        warm = [json.loads(line)["text"] for line in itertools.islice(fh, 60)]
    real = len(build_cluster(0, pool=True))
    count = max(1, min(repeats, real // n)) if n <= real else 1
    pool = build_cluster(n * count)
    return {"warm": warm, "sets": [pool[i * n : (i + 1) * n] for i in range(count)]}


def run_one(n: int, repeats: int, analyze: bool, texts_file: Path) -> dict[str, float]:
    """Runs inside the child process: a warm-up brief, then one timed brief of each
    ``n``-article cluster of ``texts_file`` (so a baseline checkout briefs the same texts),
    then the last cluster once more ("again")."""
    from storybrief.model import Article
    from storybrief.pipeline import brief_articles

    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    warm = [Article(id=f"w{i}", text=t) for i, t in enumerate(texts["warm"])]
    brief_articles(warm, words=250, analyze=analyze)  # imports and models out of the clock
    times = []
    for k, group in enumerate(texts["sets"]):
        articles = [Article(id=f"s{k}d{i}", text=t) for i, t in enumerate(group)]
        start = time.perf_counter()
        result = brief_articles(articles, words=250, analyze=analyze)
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    brief_articles(articles, words=250, analyze=analyze)
    again = time.perf_counter() - start
    sentences = sum(len(v) for v in result.sentences.values())
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": n,
        "clusters": len(times),
        "sentences": sentences,
        "words": sum(len(t.split()) for t in group),
        "seconds": statistics.median(times),
        "again": again,
        "peak_mib": peak_kib / 1024,
    }


def lexrank_race(sentences: int = 1000, repeats: int = 3) -> dict[str, float]:
    """storybrief's brief (no analysis) and sumy's LexRank on one cluster of ``sentences``
    real sentences, in this process, same budget."""
    from storybrief.eval.sumy_offline import sumy_summarize
    from storybrief.pipeline import brief_texts
    from storybrief.text import split_sentences

    docs, count = [], 0
    for text in build_cluster(200):
        sents = split_sentences(text)[: sentences - count]
        docs.append(" ".join(sents))
        count += len(sents)
        if count >= sentences:
            break
    brief_texts(docs[:3], words=250)  # imports out of the clock
    mine = []
    for _ in range(repeats):
        start = time.perf_counter()
        brief_texts(docs, words=250)
        mine.append(time.perf_counter() - start)
    start = time.perf_counter()
    sumy_summarize(docs, 250, algorithm="lexrank")
    lexrank = time.perf_counter() - start
    return {
        "sentences": count,
        "articles": len(docs),
        "storybrief": statistics.median(mine),
        "lexrank": lexrank,
    }


def _row(label: str, m: dict[str, float]) -> str:
    return (
        f"| {label} | {m['python']:.2f} | {m['import']:.2f} | {m['help']:.2f} "
        f"| {m['brief']:.2f} | {m['brief_no_analysis']:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="3 repeats, sizes 10 and 100")
    parser.add_argument("--baseline-src", type=Path, help="another checkout's src/, side by side")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--no-analysis", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.texts is None:
            parser.error("--child needs --texts")
        print(json.dumps(run_one(args.child, args.repeats, not args.no_analysis, args.texts)))
        return
    if not MULTINEWS.exists():
        sys.exit(f"shared data not found: {MULTINEWS}")
    repeats = 3 if args.quick else args.repeats
    sizes = [s for s in args.sizes if not (args.quick and s > 100)]
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"shared with other work, so compare rows of one run. `python benchmarks/bench_brief.py`.",
        "",
    ]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(build_cluster(100)):
            (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
        measured = [("this checkout", end_to_end(folder, ROOT / "src", repeats))]
        if args.baseline_src:
            measured.append(
                (f"baseline `{args.baseline_src}`", end_to_end(folder, args.baseline_src, repeats))
            )
    lines += [
        f"**End to end**, 100 real articles as .txt files, a fresh process each time (median of {repeats}):",
        "",
        "| code | python alone | import storybrief.cli | `storybrief --help` | `storybrief brief DIR` | `brief --no-analysis` |",
        "|---|---:|---:|---:|---:|---:|",
        *(_row(label, m) for label, m in measured),
        "",
    ]
    print("\n".join(lines), file=sys.stderr)

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        runs = [(n, None) for n in sizes]
        if args.baseline_src:
            runs.append((100, args.baseline_src))
        for n, src in runs:
            texts = Path(tmp) / f"cluster-{n}.json"
            if not texts.exists():
                texts.write_text(json.dumps(warm_texts(n, repeats)), encoding="utf-8")
            cmd = [sys.executable, __file__, "--child", str(n), "--repeats", str(repeats)]
            cmd += ["--texts", str(texts)]
            done = subprocess.run(
                cmd, check=True, capture_output=True, text=True, env=_env(src or ROOT / "src")
            )
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            rows[-1]["code"] = f"baseline `{src}`" if src else "this checkout"
            print(
                f"{n} articles warm ({rows[-1]['code']}): {rows[-1]['seconds']:.2f} s, "
                f"again {rows[-1]['again']:.2f} s",
                file=sys.stderr,
            )
    lines += [
        "**Warm, in process** (`brief_articles`, 250-word brief with analysis, after a "
        "warm-up brief of 60 ECB+ pages in the same process; seconds: median over clusters of "
        "articles that process has not seen, one brief each; again: the last cluster "
        "re-briefed; each size in its own process for its peak memory):",
        "",
        "| code | articles | clusters | sentences | words | seconds | s per 1k words | again | peak RSS (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['code']} | {r['articles']:,} | {r['clusters']} | {r['sentences']:,} "
            f"| {r['words']:,} | {r['seconds']:.2f} | {r['seconds'] / (r['words'] / 1000):.4f} "
            f"| {r['again']:.2f} | {r['peak_mib']:.0f} |"
        )
    race = lexrank_race(repeats=repeats)
    lines += [
        "",
        f"**Against sumy's LexRank**, one cluster of {race['sentences']:,} real sentences "
        f"({race['articles']} articles), 250 words, one process: storybrief "
        f"{race['storybrief']:.3f} s (brief without analysis, median of {repeats}), LexRank "
        f"{race['lexrank']:.2f} s: **{race['lexrank'] / race['storybrief']:.0f}x** faster.",
    ]
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        sys.path.insert(0, str(ROOT / "src"))
        from storybrief.eval.report import update_section

        update_section("speed", "## Speed of `brief`\n\n" + table)


if __name__ == "__main__":
    main()
