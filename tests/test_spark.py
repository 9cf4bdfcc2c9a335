"""``storybrief spark``: the corpus path on Spark gives what the single-machine path gives.

One local Spark session serves the whole module (starting a JVM takes seconds). On real
data (``../shared/data``): the copy links equal ``dedup.find_copies`` over the same
articles, the stories score within 0.01 B-cubed F1 of the batch clusterer on ECB+, and each
story's brief is the JSON ``storybrief brief`` makes of that story's articles. The tests
skip only where PySpark is not installed (CI installs it with the dev extra).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import shared_path

from storybrief.errors import ConfigError, InputError

ECB = ("ecbplus", "dev_docs.jsonl")


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark")
    from storybrief.spark import spark_session

    session = spark_session("local[2]", shuffle_partitions=2, driver_memory="1g")
    yield session
    session.stop()


def _read(spark, out: Path, table: str) -> list[dict]:
    return [r.asDict(recursive=True) for r in spark.read.parquet(str(out / table)).collect()]


def _cleaned(path: Path):
    from storybrief.clean.batch import clean_articles
    from storybrief.ingest import read_articles

    articles, _ = read_articles([path])
    return articles, list(clean_articles(articles).articles)


@pytest.fixture(scope="module")
def ecb_run(spark, tmp_path_factory):
    """ECB+ dev (772 articles) through ``run_corpus``, without briefs."""
    from storybrief.spark import SparkOptions, run_corpus

    path = shared_path(*ECB)
    out = tmp_path_factory.mktemp("ecb")
    result = run_corpus([str(path)], str(out), spark=spark, options=SparkOptions(briefs=False))
    return path, out, result


def test_copy_links_equal_those_of_dedup_on_ecb(spark, ecb_run) -> None:
    from storybrief.dedup import find_copies

    path, out, result = ecb_run
    _, cleaned = _cleaned(path)
    want = {(c.article, c.of, c.kind, c.similarity, c.containment) for c in find_copies(cleaned)}
    got = {
        tuple(r[k] for k in ("article", "of", "kind", "similarity", "containment"))
        for r in _read(spark, out, "copies")
    }
    assert len(want) > 100  # ECB+ holds real republications
    assert got == want
    copy_of = {r["id"]: r["copy_of"] for r in _read(spark, out, "articles")}
    assert {a for a, _, k, _, _ in want if k == "copy"} == {a for a, c in copy_of.items() if c}


def test_stories_score_as_the_batch_clusterer_on_ecb(spark, ecb_run) -> None:
    from storybrief.cluster import cluster_articles
    from storybrief.eval.clustering import bcubed

    path, out, result = ecb_run
    raw, cleaned = _cleaned(path)
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = {a.id: row["cluster_id"] for a, row in zip(raw, lines, strict=True)}
    batch = {a: i for i, g in enumerate(cluster_articles(cleaned)) for a in g}
    stories = _read(spark, out, "stories")
    pred = {a: s["id"] for s in stories for a in s["articles"]}
    assert set(pred) == set(batch)
    f_batch = bcubed(batch, {a: gold[a] for a in batch}).f1
    f_spark = bcubed(pred, {a: gold[a] for a in pred}).f1
    assert abs(f_spark - f_batch) <= 0.01, (f_spark, f_batch)
    assert result.stories == len(stories)
    assert sum(s["size"] for s in stories) == result.articles == len(cleaned)
    for s in stories:
        assert s["size"] == len(s["articles"]) and 1 <= s["sources"] <= s["size"]


def _dated_subset(tmp_path: Path, topics: int, days_apart: float) -> Path:
    """ECB+ articles of the first ``topics`` topics with dates: each gold story on a day of
    its own (stories ``days_apart`` apart), its articles over two days."""
    import random

    rows = [json.loads(x) for x in shared_path(*ECB).read_text(encoding="utf-8").splitlines()]
    keep = sorted({r["topic"] for r in rows}, key=int)[:topics]
    rows = [r for r in rows if r["topic"] in keep]
    stories = sorted({r["cluster_id"] for r in rows})
    rng = random.Random(7)
    path = tmp_path / "dated.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            day = stories.index(r["cluster_id"]) * days_apart + rng.uniform(0, 2)
            record = {"id": r["doc_id"], "text": r["text"], "published": _iso(day)}
            fh.write(json.dumps({**record, "gold": r["cluster_id"]}) + "\n")
    return path


def _iso(day: float) -> str:
    from datetime import UTC, datetime, timedelta

    return (datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=day)).isoformat(timespec="seconds")


def test_dated_stories_cross_block_edges_as_one_batch(spark, tmp_path) -> None:
    """Blocks of three days cut many stories in two; joined across block edges they score
    as the batch clusterer run on everything at once."""
    from storybrief.cluster import cluster_articles
    from storybrief.eval.clustering import bcubed
    from storybrief.spark import SparkOptions, run_corpus

    path = _dated_subset(tmp_path, topics=8, days_apart=1.5)
    gold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["id"]] = row["gold"]
    out = tmp_path / "out"
    options = SparkOptions(briefs=False, block_days=3.0)
    run_corpus([str(path)], str(out), spark=spark, options=options)
    stories = _read(spark, out, "stories")
    pred = {a: s["id"] for s in stories for a in s["articles"]}
    _, cleaned = _cleaned(path)
    batch = {a: i for i, g in enumerate(cluster_articles(cleaned)) for a in g}
    crossing = [
        s
        for s in stories
        if s["first_seen"] and int(_day(s["first_seen"]) // 3) != int(_day(s["last_seen"]) // 3)
    ]
    assert crossing  # the blocks did cut stories
    f_batch = bcubed(batch, {a: gold[a] for a in batch}).f1
    f_spark = bcubed(pred, {a: gold[a] for a in pred}).f1
    assert abs(f_spark - f_batch) <= 0.02, (f_spark, f_batch)


def _day(iso: str) -> float:
    from storybrief.ingest.dates import parse_time

    day = parse_time(iso)
    assert day is not None
    return day


@pytest.fixture(scope="module")
def small_run(spark, tmp_path_factory):
    """Two ECB+ topics (briefs on), as JSON lines."""
    from storybrief.spark import SparkOptions, run_corpus

    rows = [json.loads(x) for x in shared_path(*ECB).read_text(encoding="utf-8").splitlines()]
    tmp = tmp_path_factory.mktemp("small")
    path = tmp / "two-topics.jsonl"
    path.write_text(
        "".join(json.dumps(r) + "\n" for r in rows if str(r["topic"]) in ("1", "2")),
        encoding="utf-8",
    )
    out = tmp / "out"
    result = run_corpus([str(path)], str(out), spark=spark, options=SparkOptions(fmt="jsonl"))
    return path, out, result


def _lines(folder: Path) -> list[dict]:
    return [
        json.loads(line)
        for part in sorted(folder.glob("part-*"))
        for line in part.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_briefs_are_those_of_storybrief_brief(small_run) -> None:
    from storybrief.ingest import read_articles
    from storybrief.pipeline import brief_articles

    path, out, result = small_run
    stories = {s["id"]: s for s in _lines(out / "stories")}
    briefs = _lines(out / "briefs")
    assert len(briefs) == len(stories) == result.briefs > 1
    raw = {a.id: a for a in read_articles([path])[0]}
    for got in sorted(briefs, key=lambda b: -len(b["articles"]))[:3]:
        members = [raw[a] for a in stories[got["story"]]["articles"]]
        want = brief_articles(members, story=got["story"]).to_dict()
        assert got == json.loads(json.dumps(want))


def test_jsonl_tables_hold_every_article_once(small_run) -> None:
    path, out, result = small_run
    articles = _lines(out / "articles")
    assert len(articles) == result.articles == len({a["id"] for a in articles})
    assert {"id", "story", "text", "language", "published", "copy_of"} <= set(articles[0])
    stories = _lines(out / "stories")
    assert sorted(a for s in stories for a in s["articles"]) == sorted(a["id"] for a in articles)
    assert all(a["story"] in {s["id"] for s in stories} for a in articles)


def test_cli_writes_the_tables_and_reports_rejections(spark, tmp_path) -> None:
    from storybrief.cli import main

    feed = tmp_path / "feed.jsonl"
    good = {"id": "a1", "title": "Bridge opens", "text": "The bridge opened on Monday. " * 20}
    feed.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["spark", str(feed), "--out", str(out), "--no-analysis"])
    assert result.exit_code == 1, result.output
    assert "malformed JSON" in result.output and "1 articles" in result.output
    assert {p.name for p in out.iterdir()} >= {"articles", "copies", "stories", "briefs"}


def test_a_missing_input_is_one_line_error(tmp_path) -> None:
    from storybrief.cli import main

    result = CliRunner().invoke(main, ["spark", str(tmp_path / "nope.jsonl"), "--out", "x"])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output and "Traceback" not in result.output
    with pytest.raises(InputError):
        from storybrief.spark import run_corpus

        run_corpus([], str(tmp_path / "out"))


def test_without_pyspark_the_error_names_the_extra(monkeypatch) -> None:
    import builtins

    from storybrief.spark import require_pyspark

    real = builtins.__import__

    def no_pyspark(name, *args, **kwargs):
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    with pytest.raises(ConfigError, match=r"storybrief\[spark\]"):
        require_pyspark()


def test_the_rest_of_storybrief_imports_without_pyspark() -> None:
    code = (
        "import sys, storybrief.cli, storybrief.pipeline, storybrief.spark, storybrief.store\n"
        "assert not [m for m in sys.modules if m.startswith('pyspark')], 'pyspark imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    src = Path(__file__).resolve().parents[1] / "src" / "storybrief"
    outside = [
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if "spark" not in p.relative_to(src).parts[0] and "pyspark" in p.read_text(encoding="utf-8")
    ]
    assert (
        outside == []
        or outside == ["cli/spark.py"]
        and "import pyspark" not in (src / "cli" / "spark.py").read_text(encoding="utf-8")
    )
