"""Same output from two checkouts: what ``stream.prepare`` makes of N bench_stream articles.

For each synthetic article of ``bench_stream.py`` (same plan and texts) this writes one
line: the article's id and a SHA-1 of everything its preparation gives the store (the
cleaned text, title, language, lines dropped, or the rejection's reason; the exact-text
digest, the near-copy signature and its band keys, the term counts). Run it with each
checkout's ``src`` first on the path, then compare the two files:

    PYTHONPATH=/work/base/src python benchmarks/dev_stream_identity.py --n 10000 --out /tmp/a
    PYTHONPATH=$PWD/src python benchmarks/dev_stream_identity.py --n 10000 --out /tmp/b
    python benchmarks/dev_stream_identity.py --compare /tmp/a /tmp/b

``--time`` prints the CPU seconds each stage takes per article instead (no file).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

# storybrief from the path as given (PYTHONPATH: the checkout under test), before
# ``bench_stream`` puts this checkout's ``src`` first; only its plan and texts are used.
import storybrief.model  # noqa: E402, F401
import storybrief.text  # noqa: E402, F401

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_stream  # noqa: E402


def _articles(n: int, seed: int) -> list[Any]:
    clusters = bench_stream.source_clusters()
    return list(bench_stream.articles(bench_stream.plan(n, len(clusters), seed), clusters, seed))


def _fingerprint(prepared: Any) -> str:
    """SHA-1 over every field of a ``Prepared`` the store reads."""
    a = prepared.article
    counts = prepared.counts
    parts = [
        a.text,
        a.title,
        a.language,
        a.removed_lines,
        a.removed_chars,
        prepared.rejected,
        prepared.digest,
        prepared.n_shingles,
        prepared.signature.tobytes().hex(),
        [int(k) for k in prepared.band_keys],
        None if counts is None else repr(counts),
        prepared.raw_digest,
    ]
    return hashlib.sha1(json.dumps(parts, default=repr).encode("utf-8")).hexdigest()


def write(n: int, seed: int, out: Path) -> None:
    print(f"storybrief from {Path(storybrief.model.__file__).parent}", file=sys.stderr)
    from storybrief.stream.prepare import prepare

    with out.open("w", encoding="utf-8") as fh:
        for article in _articles(n, seed):
            fh.write(f"{article.id}\t{_fingerprint(prepare(article, clean=True, counts=True))}\n")


def stages(n: int, seed: int) -> None:
    from storybrief.clean import clean_article
    from storybrief.clean.junk import not_an_article
    from storybrief.cluster.features import term_counts, tokens
    from storybrief.dedup.signature import band_keys, signature
    from storybrief.errors import InputError
    from storybrief.lang import detect_language

    arts = _articles(n, seed)
    detect_language("a few words to load the language model before the clock starts")

    def clock(name: str, f: Any, xs: list[Any]) -> list[Any]:
        c = time.process_time()
        out = [f(x) for x in xs]
        print(f"{name:16s} {(time.process_time() - c) * 1e6 / len(xs):8.1f} us/article")
        return out

    def cleaned(a: Any) -> Any:
        try:
            return clean_article(a)
        except InputError:
            return None

    clock("not_an_article", lambda a: not_an_article(a.text), arts)
    kept = [a for a in clock("clean_article", cleaned, arts) if a]
    clock("detect_language", lambda a: detect_language(a.text), kept)
    words = clock("tokens", lambda a: tokens(a.text), kept)
    pairs = list(zip(kept, words, strict=True))
    clock("signature", lambda p: band_keys(signature(p[0].text, p[1].words())[1]), pairs)
    clock("term_counts", lambda p: term_counts(p[0], text_tokens=p[1]), pairs)


def compare(a: Path, b: Path) -> int:
    left = a.read_text(encoding="utf-8").splitlines()
    right = b.read_text(encoding="utf-8").splitlines()
    differ = [x.split("\t")[0] for x, y in zip(left, right, strict=False) if x != y]
    print(f"{len(left):,} / {len(right):,} articles; {len(differ):,} differ {differ[:10]}")
    return 0 if not differ and len(left) == len(right) else 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--time", action="store_true", help="CPU per stage instead of a file")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    args = ap.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    if args.time:
        stages(args.n, args.seed)
    elif args.out:
        write(args.n, args.seed, args.out)
    else:
        ap.error("give --out, --time or --compare")


if __name__ == "__main__":
    main()
