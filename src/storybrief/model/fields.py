"""What every model type shares: the JSON schema version and the helpers of ``from_dict``."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, TypeVar

SCHEMA_VERSION = "1.1"

T = TypeVar("T")


def from_known(cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from a dict, ignoring keys it does not know (forward compatibility)."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


def with_tuple(obj: T, name: str) -> T:
    """``obj`` with its field ``name`` as a tuple (JSON gives lists)."""
    value = getattr(obj, name)
    if isinstance(value, tuple):
        return obj
    return replace(obj, **{name: tuple(value)})  # type: ignore[type-var]
