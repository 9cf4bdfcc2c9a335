"""Connected components of items that share keys, on Spark DataFrames (in the JVM).

Copies and stories both need them: articles that share an LSH bucket must meet in one
task, and story groups found in neighbouring time blocks that share an article are one
group. Each item starts labelled with the smallest item of its keys; each round passes the
smallest label over every key and back, until no label changes (a round crosses two links,
so chains of copies or block edges converge in a few rounds).
"""

from __future__ import annotations

from typing import Any


def components(members: Any) -> Any:
    """``members``: a DataFrame of ``(key long, idx long)``; returns ``(idx, label)`` for
    every idx, ``label`` the smallest idx of its component."""
    from pyspark.sql import functions as F

    members = members.select("key", "idx").persist()
    by_key = members.groupBy("key").agg(F.min("idx").alias("label"))
    node = _spread(members, by_key).localCheckpoint()
    while True:
        by_key = members.join(node, "idx").groupBy("key").agg(F.min("label").alias("label"))
        new = _spread(members, by_key).localCheckpoint()
        changed = (
            new.join(node.withColumnRenamed("label", "old"), "idx")
            .where(F.col("label") != F.col("old"))
            .limit(1)
            .count()
        )
        node = new
        if not changed:
            break
    members.unpersist()
    return node


def _spread(members: Any, by_key: Any) -> Any:
    from pyspark.sql import functions as F

    return members.join(by_key, "key").groupBy("idx").agg(F.min("label").alias("label"))
