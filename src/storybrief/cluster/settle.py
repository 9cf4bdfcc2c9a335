"""When the store re-settles its stories with the batch method, and which ones.

The online clusterer commits each article to a story the moment it arrives, which splits
stories whose first reports look unlike (ECB+ through the store: B-cubed F1 0.876, against
0.95 for the batch method over the same articles). So every ``EVERY`` originals the store
regroups the open stories of undated articles with the batch method
(``cluster_batch``; ids kept by largest overlap), and the online clusterer goes on from
the regrouped stories.

The points are counted in the clusterer's sequence of originals, never in ingest calls or
commits: the same feed gives the same store however it is split into ingests (tested).
Only stories updated within the last ``SPAN`` originals are taken, so one re-settle costs
at most a few thousand articles whatever the store's size. Dated stories are left to the
online clusterer, whose time window already keeps two events of one kind apart.
"""

from __future__ import annotations

# Originals between two re-settles. ECB+ through the store, each cross-validation fold in a
# store of its own (about 150 articles) with the pair model trained without it: online
# only 0.876 (all in one store), every 128 originals 0.907, every 64 0.916, every 32 0.944.
# What comes after the last point waits for the next one: fewer originals between points
# leave a shorter tail, at more cost (undated feeds only).
EVERY = 32
# Stories last updated more than this many originals ago stay as they are: a re-settle
# regroups at most about this many articles (~0.5 s), so an undated feed costs some 16 ms
# an article more. The same 0.944 at 512 and 1024 on ECB+, whose stories arrive together.
SPAN = 512


def due(seq: int) -> bool:
    """Whether the store re-settles after the original numbered ``seq`` (1, 2, ...)."""
    return seq > 0 and seq % EVERY == 0


def open_undated(seq: int) -> tuple[str, list[object]]:
    """SQL condition (and its arguments) on the ``stories`` table picking what a re-settle
    after original ``seq`` regroups: active, undated, updated within the last ``SPAN``."""
    return "active = 1 AND last_ts IS NULL AND updated > ?", [seq - SPAN]
