"""The Spark session: PySpark imported here (and in this package) only, with a one-line
error naming the extra when it is not installed."""

from __future__ import annotations

import os
import sys
from typing import Any

from storybrief.errors import ConfigError

JAVA_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
MISSING = "the spark command needs PySpark: pip install 'storybrief[spark]' (and a Java runtime)"


def require_pyspark() -> Any:
    """The ``pyspark`` module, or a ``ConfigError`` that says how to install it."""
    try:
        import pyspark
    except ImportError:
        raise ConfigError(MISSING) from None
    return pyspark


def spark_session(
    master: str | None = None,
    *,
    driver_memory: str = "2g",
    shuffle_partitions: int = 8,
    app_name: str = "storybrief",
) -> Any:
    """A SparkSession: the one already running in this process if any (a test fixture,
    ``spark-submit``), else a new one on ``master`` (default ``local[*]``).

    In local mode the Python workers run this interpreter, so they import the same
    storybrief; the web UI is off and shuffles are small, which suits a laptop.
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName(app_name)
    # Under spark-submit the JVM is already up with the master it was given.
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if master or not submitted:
        builder = builder.master(master or "local[*]")
    if (master or ("" if submitted else "local")).startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (
            builder.config("spark.pyspark.python", sys.executable)
            .config("spark.pyspark.driver.python", sys.executable)
            .config("spark.driver.memory", driver_memory)
            # The JVM only moves rows between Python tasks here: the quick JIT tier and
            # one GC thread cost far less CPU than the defaults on a small machine.
            .config("spark.driver.extraJavaOptions", JAVA_OPTIONS)
            # Workers forked from a daemon that has the stages imported (daemon.py).
            .config("spark.python.daemon.module", "storybrief.spark.daemon")
        )
    builder = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.default.parallelism", str(shuffle_partitions))
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
