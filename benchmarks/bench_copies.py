"""Near-duplicate scaling: copy detection on thousands of near-identical articles.

Each article is one real ECB+ article (read in place from ../shared/data) with one word
changed, so every article is a copy of every other: the input that made copy detection
quadratic (every pair shared an LSH bucket). Measured, each size in a fresh process
(seconds of wall clock, peak resident memory of that process):

- ``find_copies``: the in-memory copy detection a brief runs (``storybrief.dedup``);
- ``ingest``: a fresh store's ingest of them (cleaning, copy lookups, clustering);
- ``brief``: the whole brief with analysis, as ``storybrief brief`` makes it.

With ``--baseline REV`` the same runs are made on the code of git revision REV (sizes up
to ``--baseline-max``), side by side on this machine.

    python benchmarks/bench_copies.py --baseline 3e691f0
    python benchmarks/bench_copies.py --sizes 1000 --no-write
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
KINDS = ("find_copies", "ingest", "brief")


def near_identical(n: int, seed: int = 1) -> list[tuple[str, str]]:
    """(id, text) of ``n`` versions of one real article, one word changed in each."""
    with (DATA / "ecbplus" / "dev_docs.jsonl").open(encoding="utf-8") as fh:
        base = json.loads(fh.readline())["text"]
    words = " ".join(line for line in base.split("\n") if not line.startswith("http")).split()
    rng = random.Random(seed)
    out = []
    for i in range(n):
        w = list(words)
        k = rng.randrange(len(w))
        w[k] = f"{w[k]}{i}"
        out.append((f"n{i}", " ".join(w)))
    return out


def run_one(kind: str, n: int) -> dict[str, float]:
    """In this process: one measurement (the code under test is on ``sys.path``)."""
    from storybrief.dedup import find_copies
    from storybrief.model import Article
    from storybrief.pipeline import brief_articles
    from storybrief.store import open_store
    from storybrief.stream import ingest_into

    articles = [Article(id=i, text=t) for i, t in near_identical(n)]
    start = time.perf_counter()  # the imports above are not counted
    if kind == "find_copies":
        find_copies(articles)
    elif kind == "ingest":
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "s.db") as store:
            ingest_into(store, articles, progress=False)
    else:
        brief_articles(articles, analyze=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mib": peak}


def measure(kind: str, n: int, src: Path, timeout: float) -> dict[str, float] | None:
    """``run_one`` in a fresh process on the code in ``src``; None past ``timeout``."""
    env = dict(os.environ, PYTHONPATH=str(src))
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--one", kind, str(n)],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def export(rev: str, into: Path) -> Path:
    """The ``src`` tree of git revision ``rev``, written under ``into``."""
    blob = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "src"], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _cell(r: dict[str, float] | None, timeout: float) -> str:
    return f"over {timeout:.0f} s | -" if r is None else f"{r['seconds']:.2f} | {r['peak_mib']:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    ap.add_argument("--baseline", help="git revision to measure beside the current code")
    ap.add_argument("--baseline-max", type=int, default=2000, help="largest baseline size")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per measurement")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    ap.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        versions = [("current", ROOT / "src", sizes)]
        if args.baseline:
            # Up to the largest size the old code finishes in reasonable time.
            cap = args.baseline_max
            base_sizes = sorted({s for s in sizes if s <= cap} | {cap})
            versions.append((args.baseline, export(args.baseline, Path(tmp)), base_sizes))
        for name, src, version_sizes in versions:
            for n in version_sizes:
                cells = [_cell(measure(k, n, src, args.timeout), args.timeout) for k in KINDS]
                rows.append(f"| {name} | {n:,} | " + " | ".join(cells) + " |")
                print(rows[-1], file=sys.stderr)
    header = " | ".join(f"{k} s | {k} peak MiB" for k in KINDS)
    lines = [
        "Near-identical articles (one real ECB+ article, one word changed in each: every "
        "article a copy of every other), each size in a fresh process: wall seconds and "
        "peak resident memory of the process. `find_copies` is the copy detection of a "
        "brief; `ingest` a fresh store's ingest (cleaning, copy lookups, clustering); "
        "`brief` the whole brief with analysis. "
        f"`python benchmarks/bench_copies.py{' --baseline ' + args.baseline if args.baseline else ''}`:",
        "",
        f"| code | articles | {header} |",
        "|---|---:|" + "---:|" * (2 * len(KINDS)),
        *rows,
    ]
    md = "\n".join(lines)
    print(md)
    if not args.no_write:
        sys.path.insert(0, str(ROOT / "src"))
        from storybrief.eval.report import update_section

        update_section("near-duplicates", "## Near-duplicate scaling\n\n" + md)


if __name__ == "__main__":
    main()
