"""Concurrency soak: several CLI ingests and HTTP clients write to one store at once.

Real articles from ../shared/data (ECB+, Multi-News, NeuS; read in place) are dealt out so
that each goes to two different writers at the same moment: a CLI ingest reading a file,
a CLI ingest reading its standard input from a pipe, and HTTP clients posting batches to
``POST /ingest`` of a real server (``storybrief serve`` under uvicorn, on loopback). All
start together; the round is repeated (everything sent again, in another order). At the
end the store must hold every usable article exactly once (the same texts as one writer
alone stores), be consistent (``PRAGMA integrity_check``, counts equal to rows, story
counter above every story id), and take a later ingest that starts new stories.

    python benchmarks/bench_soak.py                      # the figures in docs/BENCHMARKS.md
    python benchmarks/bench_soak.py --rounds 2 --no-write

``tests/test_soak.py`` runs a smaller soak in the suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

HTTP_BATCH = 25


def real_records(limit: int | None = None) -> list[dict[str, Any]]:
    """ECB+, Multi-News and NeuS articles as ingest records, each with its own id."""
    out: list[dict[str, Any]] = []
    with (DATA / "ecbplus" / "dev_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out.append({"id": row["doc_id"], "text": row["text"]})
    with (DATA / "multinews" / "validation.jsonl").open(encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            for i, text in enumerate(json.loads(line)["documents"]):
                day = f"2024-{1 + k % 12:02d}-{1 + (k // 12) % 28:02d}"
                out.append({"id": f"mn{k}-{i}", "text": text, "published": day})
    for k, line in enumerate((DATA / "neus" / "val.source").read_text().splitlines()):
        for j, part in enumerate(line.split(" [SEP] ")):
            out.append({"id": f"neus{k}-{j}", "text": part})
    out = [r for r in out if r["text"].strip()]
    return out[:limit] if limit else out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT / "src"))


class Server:
    """``storybrief serve`` on a free loopback port, writes allowed."""

    def __init__(self, db: Path) -> None:
        self.port = _free_port()
        cmd = [
            sys.executable,
            "-m",
            "storybrief",
            "serve",
            "--db",
            str(db),
            "--port",
            str(self.port),
        ]
        help_text = subprocess.run(
            [sys.executable, "-m", "storybrief", "serve", "--help"],
            capture_output=True,
            text=True,
            env=_env(),
            check=False,
        ).stdout
        if "--writes" in help_text:  # a service that keeps write endpoints off by default
            cmd.append("--writes")
        self.proc = subprocess.Popen(
            cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"server exited: {self.proc.stderr.read() if self.proc.stderr else ''}"
                )
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def post_all(url: str, records: list[dict[str, Any]], stats: dict[str, Any]) -> None:
    """POST ``records`` to /ingest in batches; a 503 is retried after its Retry-After."""
    for i in range(0, len(records), HTTP_BATCH):
        body = json.dumps({"articles": records[i : i + HTTP_BATCH]}).encode("utf-8")
        while True:
            req = urllib.request.Request(
                f"{url}/ingest", data=body, headers={"Content-Type": "application/json"}
            )
            try:
                with urllib.request.urlopen(req, timeout=300) as resp:
                    json.loads(resp.read())
                    stats["requests"] += 1
                    break
            except urllib.error.HTTPError as exc:
                if exc.code != 503:
                    stats["errors"].append(f"HTTP {exc.code}: {exc.read()[:300]!r}")
                    break
                stats["busy"] += 1
                time.sleep(float(exc.headers.get("Retry-After", "1")))


def _ingest_cmd(db: Path, source: str, batch: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "storybrief",
        "ingest",
        "--db",
        str(db),
        "--batch",
        str(batch),
        "--no-progress",
        source,
    ]


def one_round(
    db: Path, url: str, parts: list[list[dict[str, Any]]], tmp: Path, batch: int
) -> dict[str, Any]:
    """Writers 0 and 1 are CLI ingests (a file; a pipe), the rest HTTP clients."""
    stats: dict[str, Any] = {"requests": 0, "busy": 0, "errors": []}
    file_feed = tmp / "cli0.jsonl"
    file_feed.write_text("".join(json.dumps(r) + "\n" for r in parts[0]), encoding="utf-8")
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            _ingest_cmd(db, str(file_feed), batch),
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        ),
        subprocess.Popen(
            _ingest_cmd(db, "-", batch),
            env=_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        ),
    ]
    threads = [threading.Thread(target=post_all, args=(url, part, stats)) for part in parts[2:]]
    for t in threads:
        t.start()

    def feed_pipe() -> None:
        assert procs[1].stdin is not None
        for r in parts[1]:  # a trickle, as a pipe from another program gives it
            procs[1].stdin.write(json.dumps(r) + "\n")
        procs[1].stdin.close()

    feeder = threading.Thread(target=feed_pipe)
    feeder.start()
    for p in procs:
        assert p.stderr is not None
        err = p.stderr.read()  # until it exits (its input is fed by another thread)
        p.wait(timeout=1200)
        if p.returncode not in (0, 1) or "Traceback" in err:  # 1: junk pages rejected
            stats["errors"].append(f"ingest exit {p.returncode}: {err[-500:]}")
    feeder.join()
    for t in threads:
        t.join()
    stats["seconds"] = time.perf_counter() - start
    return stats


def soak(
    records: list[dict[str, Any]], *, rounds: int, http_writers: int, batch: int, seed: int = 1
) -> dict[str, Any]:
    """Run the soak in a temporary folder; its figures (and any errors found)."""
    from tests.storecheck import check_store

    from storybrief.store import open_store
    from storybrief.stream import ingest_into

    writers = 2 + http_writers
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "soak.db"
        ref = tmp / "ref.db"
        with open_store(ref) as store:  # what one writer alone stores
            from storybrief.ingest.formats import from_record

            ingest_into(store, [from_record(r, origin=r["id"]) for r in records], progress=False)
        server = Server(db)
        figures: dict[str, Any] = {"articles": len(records), "writers": writers, "rounds": []}
        try:
            rng = random.Random(seed)
            for _ in range(rounds):
                order = list(records)
                rng.shuffle(order)
                # Each article goes to two writers, which send it at about the same time.
                parts: list[list[dict[str, Any]]] = [[] for _ in range(writers)]
                for i, r in enumerate(order):
                    parts[i % writers].append(r)
                    parts[(i + 1) % writers].append(r)
                figures["rounds"].append(one_round(db, server.url, parts, tmp, batch))
        finally:
            server.close()
        stored = check_store(db)
        q = "SELECT hash FROM articles ORDER BY hash"
        a, b = sqlite3.connect(db), sqlite3.connect(ref)
        try:
            same_texts = a.execute(q).fetchall() == b.execute(q).fetchall()
            ids = {r[0] for r in a.execute("SELECT id FROM articles")}
        finally:
            a.close()
            b.close()
        later = subprocess.run(
            _ingest_cmd(db, "-", batch),
            env=_env(),
            capture_output=True,
            text=True,
            check=False,
            input="".join(
                json.dumps(
                    {
                        "id": f"later-{i}",
                        "text": f"A new report number {i} on the quay "
                        f"works at Tallis Point, where crane {i} was installed on Friday.",
                    }
                )
                + "\n"
                for i in range(3)
            ),
        )
        figures.update(
            stored=stored,
            same_texts_as_one_writer=same_texts,
            unknown_ids=sorted(ids - {r["id"] for r in records})[:5],
            later_ingest=(later.returncode, later.stderr.strip().splitlines()[-1:]),
            consistent=check_store(db) == stored + 3,
        )
    return figures


def table(figures: dict[str, Any]) -> str:
    lines = [
        f"{figures['articles']:,} real articles (ECB+, Multi-News, NeuS), each sent by two of "
        f"{figures['writers']} writers at once: a CLI ingest of a file, a CLI ingest reading a "
        f"pipe, and {figures['writers'] - 2} HTTP clients posting {HTTP_BATCH} a request to one "
        "`storybrief serve` (uvicorn, loopback). Rounds repeat everything in another order. "
        "`python benchmarks/bench_soak.py`:",
        "",
        "| round | seconds | articles sent | sent/s | HTTP requests | 503 busy | errors |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, r in enumerate(figures["rounds"], 1):
        sent = 2 * figures["articles"]
        lines.append(
            f"| {i} | {r['seconds']:.1f} | {sent:,} | {sent / r['seconds']:.0f} | "
            f"{r['requests']} | {r['busy']} | {len(r['errors'])} |"
        )
    lines += [
        "",
        f"Stored {figures['stored']:,} articles, each once (the same texts as one writer alone "
        f"stores: {'yes' if figures['same_texts_as_one_writer'] else 'NO'}); integrity, counts "
        f"and story counter consistent: {'yes' if figures['consistent'] else 'NO'}; a later "
        f"ingest: exit {figures['later_ingest'][0]}.",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--http", type=int, default=2, help="HTTP client threads")
    ap.add_argument("--batch", type=int, default=100, help="--batch of the CLI ingests")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    args = ap.parse_args()
    figures = soak(
        real_records(args.limit), rounds=args.rounds, http_writers=args.http, batch=args.batch
    )
    errors = [e for r in figures["rounds"] for e in r["errors"]]
    md = table(figures)
    print(md)
    for e in errors:
        print("error:", e, file=sys.stderr)
    if not args.no_write:
        from storybrief.eval.report import update_section

        update_section("soak", "## Many writers at once (soak)\n\n" + md)
    if errors or not figures["consistent"] or not figures["same_texts_as_one_writer"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
