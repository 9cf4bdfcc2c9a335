"""A standardised logistic regression as plain numbers: what the trained parts ship.

The batch clusterer's pair model and the long-brief sentence scorer are both this: weights
fitted by scikit-learn at training time, stored in a JSON file inside the package, and
applied at run time with numpy alone (``decision``), so no learning library is imported to
cluster or to brief.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any, ClassVar, Generic, TypeVar

import numpy as np

from storybrief.errors import ConfigError

M = TypeVar("M", bound="LinearModel")


@dataclass(frozen=True)
class LinearModel:
    """``p = sigmoid(((x - mean) / scale) @ coef + intercept)``; subclasses fix the length."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    # Feature names of a subclass (validated on construction); empty: any length.
    FEATURES: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        n = len(self.FEATURES) or len(self.coef)
        if not len(self.mean) == len(self.scale) == len(self.coef) == n:
            what = f" ({', '.join(self.FEATURES)})" if self.FEATURES else ""
            raise ConfigError(f"{type(self).__name__} needs {n} weights{what}")
        if any(not s > 0 for s in self.scale):
            raise ConfigError(f"{type(self).__name__} scales must be positive")

    def decision(self, x: np.ndarray) -> np.ndarray:
        """The log-odds of each row of ``x``."""
        z = ((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.coef)
        return np.asarray(z + self.intercept, dtype=np.float64)

    def probability(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-self.decision(x))))

    def to_dict(self) -> dict[str, object]:
        return {
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
        }

    @classmethod
    def from_dict(cls: type[M], data: dict[str, Any]) -> M:
        try:
            fields = [tuple(float(v) for v in data[k]) for k in ("mean", "scale", "coef")]
            intercept = float(data["intercept"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"malformed {cls.__name__} ({exc})") from None
        return cls(fields[0], fields[1], fields[2], intercept)

    @classmethod
    def fit(
        cls: type[M], x: np.ndarray, y: np.ndarray, *, c: float = 1.0, drop: Sequence[int] = ()
    ) -> M:
        """Fitted by scikit-learn's ``LogisticRegression(C=c)`` on standardised ``x``; the
        columns ``drop`` get weight 0. Weights are rounded to 8 places, so a model file
        reads the same on every machine."""
        from sklearn.linear_model import LogisticRegression

        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale == 0] = 1.0
        used = [i for i in range(x.shape[1]) if i not in set(drop)]
        lr = LogisticRegression(C=c, max_iter=5000).fit(((x - mean) / scale)[:, used], y)
        coef = np.zeros(x.shape[1])
        coef[used] = lr.coef_[0]
        return cls(_r(mean), _r(scale), _r(coef), _r(lr.intercept_)[0])


def _r(values: Sequence[float] | np.ndarray) -> tuple[float, ...]:
    return tuple(round(float(v), 8) for v in values)


def same_models(a: Any, b: Any, *, tol: float = 1e-4) -> bool:
    """Whether two model files (parsed JSON) hold the same structure and numbers within
    ``tol``: the solver's last digits move with the machine's threads, never the result."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_models(a[k], b[k], tol=tol) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(
            same_models(x, y, tol=tol) for x, y in zip(a, b, strict=True)
        )
    if isinstance(a, float | int) and isinstance(b, float | int):
        return abs(float(a) - float(b)) <= tol * max(1.0, abs(float(a)))
    return bool(a == b)


class ModelFile(Generic[M]):
    """A model file shipped in a package: the model trained on all the dev data, and the
    model of each cross-validation fold with what that fold held out (``held``: the key
    naming them, e.g. "topics"). Read once, when first asked."""

    def __init__(self, package: str, name: str, model: type[M], held: str) -> None:
        self.package, self.name, self.model_type, self.held = package, name, model, held

    @cached_property
    def data(self) -> dict[str, Any]:
        text = resources.files(self.package).joinpath(self.name).read_text("utf-8")
        data: dict[str, Any] = json.loads(text)
        if list(data.get("features", [])) != list(self.model_type.FEATURES):
            raise ConfigError(f"{self.name} was trained on other features; retrain it")
        return data

    def model(self, fold: str | None = None) -> M:
        """The model trained on everything, or on everything outside ``fold``."""
        if fold is None:
            return self.model_type.from_dict(self.data["model"])
        folds = self.data["folds"]
        if fold not in folds:
            raise ConfigError(f"no model for fold {fold!r} in {self.name}; have {', '.join(folds)}")
        return self.model_type.from_dict(folds[fold]["model"])

    def held_out(self) -> dict[str, list[str]]:
        """What each fold's model never saw (fold name -> group names)."""
        return {name: list(f[self.held]) for name, f in self.data["folds"].items()}
