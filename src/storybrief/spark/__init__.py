"""Corpus scale on Apache Spark: the pipeline's own stages as Spark jobs.

``storybrief spark INPUT... --out DIR`` (or ``run_corpus``, or ``python -m
storybrief.spark`` under ``spark-submit``) reads JSONL article records (those
``storybrief ingest`` reads) or Parquet, and writes the tables ``articles`` (cleaned text,
language, date, copy_of, story), ``copies``, ``stories`` and ``briefs`` (the JSON
``storybrief brief`` makes) under DIR, as Parquet or JSON lines. Every stage runs the
library's own functions inside partitions: cleaning (``read.py``), copies by the dedup
stage's MinHash bands and copy rule (``copies.py``), stories by the batch clusterer's pair
model on time blocks (``stories.py``), one brief per story where its articles meet
(``job.py``). PySpark is imported in this package only, and only when a run starts: the
rest of storybrief imports without it (the ``spark`` extra).
"""

from __future__ import annotations

from storybrief.spark.job import TABLES, SparkRun, run_corpus
from storybrief.spark.options import FORMATS, SparkOptions
from storybrief.spark.session import MISSING, require_pyspark, spark_session

__all__ = [
    "FORMATS",
    "MISSING",
    "TABLES",
    "SparkOptions",
    "SparkRun",
    "require_pyspark",
    "run_corpus",
    "spark_session",
]
