"""The options of a corpus run on Spark, validated once (no PySpark needed to build them)."""

from __future__ import annotations

from dataclasses import dataclass

from storybrief.budget import DEFAULT_WORDS, check_words
from storybrief.errors import ConfigError

FORMATS = ("parquet", "jsonl")


@dataclass(frozen=True)
class SparkOptions:
    """What ``storybrief spark`` writes and how it blocks the corpus into stories."""

    fmt: str = "parquet"
    # One brief per story (the costliest stage: about a tenth of a second per story with
    # analysis); without, the articles, copies and stories tables are written alone.
    briefs: bool = True
    analyze: bool = True
    words: int = DEFAULT_WORDS
    # Dated articles are clustered in blocks of this many days (each block also holds the
    # next ``window_days`` of articles, so every pair the batch clusterer would compare is
    # compared in one block). 28 days: twice the window, so the overlap costs half a block.
    block_days: float = 28.0
    # Undated articles reach every other undated one; up to this many are clustered as one
    # block, exactly as the batch clusterer would; more are cut into blocks in input order.
    undated_block: int = 50_000

    def __post_init__(self) -> None:
        if self.fmt not in FORMATS:
            raise ConfigError(f"format must be one of {list(FORMATS)}, got {self.fmt!r}")
        check_words(self.words)  # the one budget rule (storybrief.budget)
        if not self.block_days > 0:
            raise ConfigError(f"block_days must be a positive number, got {self.block_days}")
        if self.undated_block < 2:
            raise ConfigError(f"undated_block must be at least 2, got {self.undated_block}")
