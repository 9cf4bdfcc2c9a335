"""The copy rule: when one text is a copy of another, or shares a real part of it.

One rule for every path that finds copies: ``find_copies`` (a batch, on exact shingle
sets) and ``find_original`` (a stream, on MinHash signatures through a copy index).
"""

from __future__ import annotations

from dataclasses import dataclass

from storybrief.errors import ConfigError


@dataclass(frozen=True)
class CopyParams:
    """Thresholds of copy detection, validated on construction."""

    copy_jaccard: float = 0.5
    # One article holding 80% of another's shingles is a republication with edits.
    copy_containment: float = 0.8
    # 20% shared shingles is several sentences for a news article: more than a quote.
    partial_containment: float = 0.2
    seed: int = 1

    def __post_init__(self) -> None:
        for name in ("copy_jaccard", "copy_containment", "partial_containment"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], got {value}")
        if self.partial_containment > self.copy_containment:
            raise ConfigError(
                "partial_containment must not exceed copy_containment, got "
                f"{self.partial_containment} > {self.copy_containment}"
            )

    def is_copy(self, jaccard: float, containment: float = 0.0) -> bool:
        """Whether two texts are copies: the same text with small edits and different
        wrappers (``jaccard`` of their shingle sets), or one holding nearly all of the
        other (``containment``: the larger share of either found in the other). A
        signature estimates the Jaccard similarity only; it is judged on that alone."""
        return jaccard >= self.copy_jaccard or containment >= self.copy_containment

    def is_partial(self, containment: float) -> bool:
        """Whether texts that are no copies share a real part (``containment`` as above)."""
        return containment >= self.partial_containment
