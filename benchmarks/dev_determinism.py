"""Check that briefs do not depend on Python's hash seed.

    python benchmarks/dev_determinism.py [--limit 40] [--ner rules] [--seeds 1 2]

Builds briefs with analysis (JSON) for the first ``--limit`` Multi-News validation clusters
in one subprocess per ``PYTHONHASHSEED`` value and prints the clusters whose JSON differs,
with the first differing top-level field of the analysis.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def _dump(limit: int, ner: str, dataset: str, skip: int) -> None:
    from storybrief.eval.datasets import load_clusters
    from storybrief.model import Article
    from storybrief.pipeline import brief_articles

    out = {}
    for c in load_clusters(dataset, root=SHARED, limit=limit)[skip:]:
        articles = [Article(id=f"d{i}", text=t, origin=f"d{i}") for i, t in enumerate(c.documents)]
        out[c.id] = brief_articles(articles, analyze=True, ner=ner).to_dict()
    json.dump(out, sys.stdout, sort_keys=True, ensure_ascii=False)


def _run(seed: str, args) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, __file__, "--dump", "--limit", str(args.limit), "--ner", args.ner]
    cmd += ["--dataset", args.dataset, "--skip", str(args.skip)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _first_diff(a, b, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_diff(a.get(k), b.get(k), f"{path}.{k}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_diff(x, y, f"{path}[{i}]")
    return path


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--limit", type=int, default=40)
    p.add_argument("--ner", default="rules")
    p.add_argument("--dataset", default="multinews")
    p.add_argument("--seeds", nargs="+", default=["1", "2"])
    p.add_argument("--skip", type=int, default=0, help="leave out the first SKIP clusters")
    p.add_argument("--dump", action="store_true")
    args = p.parse_args()
    if args.dump:
        _dump(args.limit, args.ner, args.dataset, args.skip)
        return 0
    runs = {s: _run(s, args) for s in args.seeds}
    base = runs[args.seeds[0]]
    bad = 0
    for seed in args.seeds[1:]:
        for cid in base:
            if base[cid] != runs[seed].get(cid):
                bad += 1
                print(
                    f"seed {args.seeds[0]} vs {seed}: {cid} {_first_diff(base[cid], runs[seed][cid])}"
                )
    print(f"{bad} differing of {len(base)} clusters")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
