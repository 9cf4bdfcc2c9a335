"""The Python worker daemon of local runs, with the pipeline's modules imported first.

Spark forks every Python worker from its daemon process. PySpark's own daemon imports
only PySpark, so each new worker imports NumPy, SciPy, datasketch, trafilatura and the
stages again (seconds of CPU, and a worker is started again whenever a task leaves its
input unread). Forked from this daemon, workers start with them loaded.
"""

from __future__ import annotations


def preload() -> None:
    """Import what the stages' partitions run."""
    import storybrief.clean.batch  # noqa: F401
    import storybrief.cluster.batch  # noqa: F401
    import storybrief.dedup  # noqa: F401
    import storybrief.ingest  # noqa: F401
    import storybrief.pipeline  # noqa: F401
    import storybrief.spark.copies  # noqa: F401
    import storybrief.spark.read  # noqa: F401
    import storybrief.spark.stories  # noqa: F401
    import storybrief.store.query  # noqa: F401
    from storybrief.dedup import minhash
    from storybrief.lang.detect import detect_language

    minhash({1, 2, 3})  # datasketch
    detect_language("The language model loads on its first use.")


if __name__ == "__main__":
    preload()
    from pyspark.daemon import manager

    manager()
