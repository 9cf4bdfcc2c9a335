"""Reader load benchmark: ``storybrief serve`` on loopback over a store of N articles; the
story list, search and story pages at a fixed concurrency, a fixed number of requests
each; requests/s, p50/p95 latency and errors into docs/BENCHMARKS.md.

The store is the stream benchmark's (synthetic articles recombined from the real
Multi-News and ECB+ articles in ../shared/data, read in place). The story pages asked for
are the newest stories, whose briefs ``storybrief follow`` makes after each round (the
brief cache); that warm-up is done here the same way, and the time of a brief made on a
cache miss is measured apart.

    python benchmarks/bench_reader.py                      # 10,000 articles
    python benchmarks/bench_reader.py --n 2000 --no-write  # a quick look
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_stream import articles, plan, source_clusters  # noqa: E402


def build_store(db: Path, n: int, seed: int) -> float:
    from storybrief.store import open_store
    from storybrief.stream import ingest_into

    clusters = source_clusters()
    items = plan(n, len(clusters), seed)
    start = time.perf_counter()
    with open_store(db, batch=1000) as store:
        ingest_into(store, articles(items, clusters, seed), progress=False)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def load(base: str, paths: list[str], concurrency: int) -> tuple[list[float], int, float]:
    """(latencies in ms, errors, seconds) for GETs of ``paths`` by ``concurrency`` workers,
    each on one keep-alive HTTP/1.1 connection. A bare asyncio client: a full client
    library costs several times the server's CPU per request, and on a 2-core machine that
    CPU would be taken from the server being measured."""
    host, port = base.removeprefix("http://").split(":")
    queue = list(reversed(paths))
    latencies: list[float] = []
    errors = 0

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while queue:
                path = queue.pop()
                t0 = time.perf_counter()
                writer.write(
                    f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/html\r\n\r\n".encode()
                )
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                await reader.readexactly(length)
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += status != 200
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - start


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="articles in the store")
    ap.add_argument("--requests", type=int, default=1000, help="requests per page kind")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--stories", type=int, default=100, help="distinct story pages asked for")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--db", help="store file to build (or reuse when it exists)")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    args = ap.parse_args()

    import httpx

    from storybrief import brief_story
    from storybrief.reader.briefs import warm
    from storybrief.store import open_store
    from storybrief.store.extras import connection

    load_before = os.getloadavg()[0]
    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "reader.db"
    built = None if db.exists() else build_store(db, args.n, args.seed)
    with open_store(db) as store:
        conn = connection(store)
        newest = [r.id for r in store.stories(order="newest", limit=args.stories)]
        n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
        titles = [r.title for r in store.stories(order="largest", limit=300)]
        # a cache miss: the brief made from the stored articles
        cold = []
        for sid in newest[:10]:
            t0 = time.perf_counter()
            brief_story(db, sid)  # what the reader does on a miss, cached or not
            cold.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        made = warm(conn, db, newest)
        warm_s = time.perf_counter() - t0

    rng = random.Random(args.seed)
    words = sorted({w.lower() for t in titles for w in t.split() if len(w) > 4 and w.isalpha()})
    queries = [" ".join(rng.sample(words, 1 if rng.random() < 0.7 else 2)) for _ in range(200)]
    kinds = {
        "story list": [
            f"/stories?order={rng.choice(['newest', 'largest'])}&page={rng.randint(1, 5)}"
            for _ in range(args.requests)
        ],
        "search": [f"/stories?q={quote_plus(rng.choice(queries))}" for _ in range(args.requests)],
        "story page": [f"/stories/{rng.choice(newest)}" for _ in range(args.requests)],
    }
    port = free_port()
    cmd = [sys.executable, "-c", "from storybrief.cli import main; main()", "serve"]
    server = subprocess.Popen(
        [*cmd, "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        for kind, paths in kinds.items():
            # warm-up: connections, and each story page rendered once, as a server that has
            # been up a while has them (the brief comes from the store's cache either way)
            warmup = sorted(set(paths)) if kind == "story page" else paths[:50]
            asyncio.run(load(base, warmup, args.concurrency))
            cpu0 = cpu_seconds(server.pid)
            latencies, errors, seconds = asyncio.run(load(base, paths, args.concurrency))
            cpu_ms = (cpu_seconds(server.pid) - cpu0) * 1000 / len(paths)
            p50, p95 = statistics.median(latencies), pct(latencies, 0.95)
            rows.append((kind, len(paths), len(paths) / seconds, p50, p95, errors, cpu_ms))
            print(f"{kind}: {rows[-1]}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(10)

    lines = [
        f"`storybrief serve` on loopback (one uvicorn process; the load generator in another "
        f"process on the same {os.cpu_count()} cores) over a store of {n_articles:,} articles "
        f"in {n_stories:,} stories (the stream benchmark's synthetic articles from "
        f"Multi-News and ECB+), {args.requests:,} requests per kind at concurrency "
        f"{args.concurrency} after a warm-up (50 requests; each story page once), "
        f"`python benchmarks/bench_reader.py --n {args.n}`:",
        "",
        "| page | requests | requests/s | p50 ms | p95 ms | errors | server CPU ms/request |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, n, rps, p50, p95, errors, cpu_ms in rows:
        lines.append(
            f"| {kind} | {n:,} | {rps:.0f} | {p50:.1f} | {p95:.1f} | {errors} | {cpu_ms:.2f} |"
        )
    lines += [
        "",
        f"Story pages: {len(newest)} newest stories, their briefs cached in the store "
        "beforehand as `storybrief follow` does after each round"
        + (
            f" ({made} made in {warm_s:.0f} s)."
            if made == len(newest)
            else f" ({made} made now, the rest cached by an earlier run on this store)."
        )
        + f" A brief made on a cache miss took {statistics.median(cold):.0f} ms "
        f"(median of 10, max {max(cold):.0f} ms). Search: one or two words from story "
        "titles, FTS5 over article titles and texts. Latencies include waiting for the "
        "CPU: on a shared machine they move with the other processes' load (load average "
        f"{load_before:.1f} when this run started), the server's CPU per request much less."
        + (f" Store built in {built:.0f} s." if built is not None else ""),
    ]
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        from storybrief.eval.report import update_section

        update_section(
            "reader-load",
            "## Reader under load (`storybrief serve`)\n\n" + table,
            ROOT / "docs" / "BENCHMARKS.md",
        )


if __name__ == "__main__":
    main()
