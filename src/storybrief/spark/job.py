"""One corpus run: read, clean, copies, stories, briefs, and the tables written."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storybrief.errors import InputError
from storybrief.model import Article, CopyLink, Rejected
from storybrief.spark.options import SparkOptions
from storybrief.spark.read import input_files, read_corpus
from storybrief.spark.session import require_pyspark, spark_session

TABLES = ("articles", "copies", "stories", "briefs", "rejected")
ARTICLE_SCHEMA = (
    "id string, story string, title string, source string, url string, published string, "
    "language string, copy_of string, origin string, text string"
)
COPY_SCHEMA = "article string, of string, kind string, similarity double, containment double"
STORY_SCHEMA = (
    "id string, title string, first_seen string, last_seen string, size long, sources long, "
    "articles array<string>"
)
BRIEF_SCHEMA = "story string, brief string"
REJECTED_SCHEMA = "origin string, reason string"
# Rejections kept for the report (all are written to the ``rejected`` table).
SHOWN = 100


@dataclass(frozen=True)
class SparkRun:
    """What a run wrote to ``out``: row counts per table, and the first rejections."""

    out: str
    articles: int
    copies: int
    stories: int
    briefs: int
    rejected: int
    rejections: tuple[Rejected, ...] = ()


def run_corpus(
    inputs: Sequence[str],
    out: str,
    *,
    master: str | None = None,
    options: SparkOptions | None = None,
    spark: Any = None,
    driver_memory: str = "2g",
    progress: Callable[[str], None] | None = None,
) -> SparkRun:
    """Run the pipeline over ``inputs`` (JSONL or Parquet files, folders, Spark URLs) on
    Spark and write the tables under ``out``. A session already running (``spark``, or
    the active one) is used and left running; one started here is stopped at the end.
    ``progress`` is called with each stage's name once the stage is done."""
    options = options or SparkOptions()
    files = input_files(list(inputs))
    require_pyspark()
    from pyspark.errors import AnalysisException
    from pyspark.sql import SparkSession

    own = spark is None and SparkSession.getActiveSession() is None
    spark = spark or spark_session(master, driver_memory=driver_memory)
    try:
        return _run(spark, files, out, options, progress or _quiet)
    except AnalysisException as exc:
        raise InputError(", ".join(files), str(exc).splitlines()[0]) from None
    finally:
        if own:
            spark.stop()


def _quiet(stage: str) -> None:
    pass


def _run(
    spark: Any, files: list[str], out: str, options: SparkOptions, progress: Callable[[str], None]
) -> SparkRun:
    from pyspark import StorageLevel

    from storybrief.spark.copies import find_copies_spark, fingerprints
    from storybrief.spark.stories import story_assignments

    keep = StorageLevel.MEMORY_AND_DISK
    items = read_corpus(spark, files).persist(keep)
    rejected = items.filter(lambda x: isinstance(x[1], Rejected)).map(lambda x: x[1]).persist(keep)
    articles = _unique_ids(items.filter(lambda x: isinstance(x[1], Article))).persist(keep)
    count = articles.count()
    n_rejected = rejected.count()
    # The cleaned corpus is held once: as ``articles`` and the (few) rejections.
    items.unpersist()
    progress("read and clean")
    prints = fingerprints(articles).persist(keep)
    links = find_copies_spark(spark, prints, count=count).persist(keep)
    n_links = links.count()
    prints.unpersist()
    progress("copies")
    copy_of = links.filter(lambda link: link.kind == "copy").map(lambda c: (c.article, c.of))
    assign = story_assignments(
        spark,
        articles,
        block_days=options.block_days,
        undated_block=options.undated_block,
    ).persist(keep)
    assign.count()
    progress("stories")
    # Stories numbered c1, c2, ... by their first article, as ``group_stories`` numbers them.
    ranks = assign.map(lambda kv: kv[1]).distinct().sortBy(lambda k: k).zipWithIndex()
    story_of = (
        assign.map(lambda kv: (kv[1], kv[0]))
        .join(ranks)
        .map(lambda kv: (kv[1][0], f"c{kv[1][1] + 1}"))
    )
    members = (
        articles.map(lambda ia: (ia[1].id, ia))
        .leftOuterJoin(copy_of)
        .map(lambda kv: (kv[1][0][0], (kv[1][0][1], kv[1][1])))
        .join(story_of)
        .map(lambda kv: (kv[1][1], (kv[0], kv[1][0][0], kv[1][0][1])))
        .groupByKey()
    )
    rows = members.flatMap(lambda kv: _story_rows(kv[0], kv[1], options)).persist(keep)
    counts = rows.map(lambda r: r[0]).countByValue()
    progress("briefs" if options.briefs else "story rows")
    _write(
        spark,
        rows.filter(lambda r: r[0] == "a").map(lambda r: r[1]),
        ARTICLE_SCHEMA,
        out,
        "articles",
        options,
    )
    _write(spark, links.map(_link_row), COPY_SCHEMA, out, "copies", options)
    _write(
        spark,
        rows.filter(lambda r: r[0] == "s").map(lambda r: r[1]),
        STORY_SCHEMA,
        out,
        "stories",
        options,
    )
    if options.briefs:
        briefs = rows.filter(lambda r: r[0] == "b").map(lambda r: r[1])
        _write(spark, briefs, BRIEF_SCHEMA, out, "briefs", options, text_column=1)
    _write(
        spark,
        rejected.map(lambda r: (r.origin, r.reason)),
        REJECTED_SCHEMA,
        out,
        "rejected",
        options,
    )
    progress("written")
    shown = tuple(rejected.take(SHOWN))
    for rdd in (rows, assign, links, articles, rejected):
        rdd.unpersist()
    return SparkRun(
        out=out,
        articles=counts.get("a", 0),
        copies=n_links,
        stories=counts.get("s", 0),
        briefs=counts.get("b", 0),
        rejected=n_rejected,
        rejections=shown,
    )


def _unique_ids(articles: Any) -> Any:
    """Ids made unique as ``pipeline`` makes them within a batch: a later article with an id
    already taken becomes ``id~1``, ``id~2``, ... in input order."""
    taken = (
        articles.map(lambda ia: (ia[1].id, [ia[0]]))
        .reduceByKey(lambda a, b: a + b)
        .filter(lambda kv: len(kv[1]) > 1)
        .collect()
    )
    if not taken:
        return articles
    rename = {}
    for ident, indexes in taken:
        for k, index in enumerate(sorted(indexes)[1:], 1):
            rename[index] = f"{ident}~{k}"
    table = articles.context.broadcast(rename)

    def apply(ia: tuple[int, Article]) -> tuple[int, Article]:
        from dataclasses import replace

        new = table.value.get(ia[0])
        return (ia[0], replace(ia[1], id=new)) if new else ia

    return articles.map(apply)


def _story_rows(
    story: str, items: Iterable[tuple[int, Article, str | None]], options: SparkOptions
) -> list[tuple[str, tuple[Any, ...]]]:
    """The rows of one story, made where its articles meet: one per article, the story's
    own and (``options.briefs``) its brief, built by the pipeline's brief function."""
    from storybrief.dedup import count_sources
    from storybrief.store.query import story_title

    members = sorted(items, key=lambda x: x[0])
    arts = [a for _, a, _ in members]
    ids = [a.id for a in arts]
    groups = {a.id: copy or a.id for _, a, copy in members}
    dates = sorted(a.published for a in arts if a.published)
    out: list[tuple[str, tuple[Any, ...]]] = [
        (
            "a",
            (
                a.id,
                story,
                a.title,
                a.source,
                a.url,
                a.published,
                a.language,
                copy,
                a.origin,
                a.text,
            ),
        )
        for _, a, copy in members
    ]
    out.append(
        (
            "s",
            (
                story,
                story_title(arts[0]),
                dates[0] if dates else None,
                dates[-1] if dates else None,
                len(arts),
                count_sources(ids, groups),
                ids,
            ),
        )
    )
    if options.briefs:
        from storybrief.pipeline import brief_articles

        result = brief_articles(
            arts, words=options.words, analyze=options.analyze, clean=False, story=story
        )
        out.append(("b", (story, json.dumps(result.to_dict(), ensure_ascii=False))))
    return out


def _link_row(link: CopyLink) -> tuple[Any, ...]:
    return (link.article, link.of, link.kind, link.similarity, link.containment)


def _write(
    spark: Any,
    rows: Any,
    schema: str,
    out: str,
    name: str,
    options: SparkOptions,
    text_column: int | None = None,
) -> None:
    path = f"{out.rstrip('/')}/{name}"
    if options.fmt == "jsonl" and text_column is not None:
        # A column that holds JSON already (a brief) is written as the line itself.
        lines = rows.map(lambda r: (r[text_column],))
        spark.createDataFrame(lines, "value string", verifySchema=False).write.mode(
            "overwrite"
        ).text(path)
        return
    df = spark.createDataFrame(rows, schema, verifySchema=False)
    writer = df.write.mode("overwrite")
    if options.fmt == "jsonl":
        # Every line holds every field (null where empty), as the Parquet rows do.
        writer.option("ignoreNullFields", "false").json(path)
    else:
        writer.parquet(path)
