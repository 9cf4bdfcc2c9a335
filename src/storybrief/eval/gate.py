"""The quality gate: storybrief's scores on a fixed small subset must not fall below floors.

Floors live in ``floors.json`` beside this module (committed), each with its own epsilon
for noise. ``update`` rewrites them from a fresh run and refuses to lower any floor unless
told to (``allow_lower``), so a regression cannot slip in as a "new baseline".

    python -m storybrief.eval.gate            # check
    python -m storybrief.eval.gate --update   # raise floors to the current scores
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storybrief.errors import ConfigError

FLOORS_PATH = Path(__file__).with_name("floors.json")
# Small enough for CI on two cores (a few minutes), large enough that one odd cluster
# moves a mean by well under the epsilon.
DEFAULT_SUBSETS = {
    "multinews": 40,
    "neus": 60,
    "scrapinghub": 40,
    "trafilatura-eval": 150,
    "trust_clusters": 30,
    "trust_polnear": 40,
}
# ROUGE is in points (0-100), F1/ARI in [0, 1]; the runs are deterministic, so epsilon only
# absorbs library-version wobble (tokenizer, sentence splitter), not sampling noise.
DEFAULT_EPSILON = {"rouge": 0.5, "f1": 0.005, "trust": 0.01}


@dataclass(frozen=True)
class Check:
    metric: str
    value: float | None
    floor: float | None
    epsilon: float
    reason: str = ""

    @property
    def passed(self) -> bool:
        if self.floor is None:
            return True  # nothing pinned yet
        return self.value is not None and self.value >= self.floor - self.epsilon

    def line(self) -> str:
        if self.floor is None:
            return f"  -  {self.metric}: {self._v()} (no floor pinned{'; ' + self.reason if self.reason else ''})"
        mark = "ok" if self.passed else "FAIL"
        return (
            f"{mark:>4} {self.metric}: {self._v()} vs floor {self.floor:g} "
            f"(eps {self.epsilon:g}){'; ' + self.reason if self.reason else ''}"
        )

    def _v(self) -> str:
        return "not measured" if self.value is None else f"{self.value:.4f}"


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    if not path.exists():
        return {"subsets": dict(DEFAULT_SUBSETS), "floors": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("subsets", dict(DEFAULT_SUBSETS))
    data.setdefault("floors", {})
    return data


def measure(
    subsets: dict[str, int] | None = None, *, root: str | Path | None = None
) -> tuple[dict[str, float], dict[str, str]]:
    """storybrief's gate metrics on the subsets: (values, reasons for those not measured)."""
    from storybrief.eval.clustering import evaluate_clustering
    from storybrief.eval.datasets import (
        DATASET_WORDS,
        data_root,
        load_clusters,
        load_extraction_set,
        load_story_docs,
    )
    from storybrief.eval.extraction import evaluate_extraction
    from storybrief.eval.summaries import evaluate_summaries

    sub = {**DEFAULT_SUBSETS, **(subsets or {})}
    values: dict[str, float] = {}
    missing: dict[str, str] = {}
    for ds in ("multinews", "neus"):
        clusters = load_clusters(ds, root=root, limit=sub[ds])
        # Out of fold: each cluster briefed with the sentence scorer that never saw it.
        rep = evaluate_summaries(
            clusters, words=DATASET_WORDS[ds], systems=["storybrief-oof"], dataset=ds, resamples=10
        )
        r = rep.result("storybrief-oof")
        for m in ("rouge1", "rouge2", "rougeLsum"):
            key = f"summaries/{ds}/{m}"
            if r.unavailable:
                missing[key] = r.unavailable
            else:
                values[key] = 100 * r.metric(m).mean
    for ds, prefix in (("scrapinghub", "extraction"), ("trafilatura-eval", "extraction/tfeval")):
        erep = evaluate_extraction(
            load_extraction_set(ds, root=root, limit=sub[ds]),
            systems=["storybrief", "storybrief-uncleaned"],
            dataset=ds,
            resamples=10,
        )
        ext, raw = erep.result("storybrief"), erep.result("storybrief-uncleaned")
        unit = "snippet" if ext.shingle is None else "token"
        measured = {
            f"{prefix}/{unit}_f1": ext.prf[2],
            # Cleaning must never cost F1: cleaned minus uncleaned, pinned at or above 0.
            f"{prefix}/clean_gain": ext.prf[2] - raw.prf[2],
        }
        if ext.shingle is not None:
            measured[f"{prefix}/shingle_f1"] = ext.shingle[2]
        for key, val in measured.items():
            if ext.unavailable or raw.unavailable:
                missing[key] = ext.unavailable or raw.unavailable or ""
            else:
                values[key] = val
    # Story clustering is pinned out of fold: every ECB+ topic, each cross-validation fold
    # clustered as its own batch by the pair model that never saw it (a few seconds).
    clu = evaluate_clustering(load_story_docs(root=root), systems=["storybrief-oof"]).result(
        "storybrief-oof"
    )
    for key in ("clustering/bcubed_f1", "clustering/ari"):
        if clu.unavailable or clu.bcubed is None or clu.ari is None:
            missing[key] = clu.unavailable or "not measured"
        else:
            values[key] = clu.bcubed.f1 if key.endswith("f1") else clu.ari
    from storybrief.eval.trust import gate_metrics

    try:
        values.update(
            gate_metrics(
                data_root(root), clusters=sub["trust_clusters"], articles=sub["trust_polnear"]
            )
        )
    except ConfigError as exc:  # the trust annotation's data is absent
        for key in ("trust/multinews_speaker_accuracy", "trust/fact_citation_precision"):
            missing[key] = str(exc)
    return values, missing


def _epsilon(metric: str) -> float:
    if metric.startswith("trust/"):
        return DEFAULT_EPSILON["trust"]
    if metric.endswith("/clean_gain"):
        return 0.0001  # cleaned F1 never below uncleaned: rounding slack only
    return DEFAULT_EPSILON["rouge" if metric.startswith("summaries/") else "f1"]


def check(values: dict[str, float], missing: dict[str, str], floors: dict[str, Any]) -> list[Check]:
    pinned: dict[str, Any] = floors.get("floors", {})
    out = []
    for metric in sorted(set(pinned) | set(values) | set(missing)):
        entry = pinned.get(metric)
        out.append(
            Check(
                metric=metric,
                value=values.get(metric),
                floor=None if entry is None else float(entry["floor"]),
                epsilon=_epsilon(metric) if entry is None else float(entry["epsilon"]),
                reason=missing.get(metric, ""),
            )
        )
    return out


def updated_floors(
    values: dict[str, float], floors: dict[str, Any], *, allow_lower: bool = False
) -> dict[str, Any]:
    """New floors from ``values``; refuses (ConfigError) to lower one unless ``allow_lower``.

    A pinned metric that was not measured keeps its floor: a stage that stopped running is
    a failure for ``check``, never a reason to forget the floor.
    """
    pinned = dict(floors.get("floors", {}))
    lowered = []
    for metric, value in sorted(values.items()):
        # Round down so the value just measured passes on its own without the epsilon.
        digits = 2 if metric.startswith("summaries/") else 4
        new = math.floor(value * 10**digits) / 10**digits
        old = pinned.get(metric)
        if old is not None and new < float(old["floor"]) and not allow_lower:
            lowered.append(f"{metric}: {old['floor']} -> {new}")
            continue
        eps = float(old["epsilon"]) if old is not None else _epsilon(metric)
        pinned[metric] = {"floor": new, "epsilon": eps}
    if lowered:
        raise ConfigError(
            "refusing to lower floor(s) (pass --allow-lower if this is intended): "
            + "; ".join(lowered)
        )
    return {**floors, "floors": pinned}


def write_floors(floors: dict[str, Any], path: Path = FLOORS_PATH) -> None:
    floors = {
        "about": "storybrief quality gate floors: see storybrief/eval/gate.py; "
        "update with `storybrief eval update-floors`",
        **{k: v for k, v in floors.items() if k != "about"},
    }
    path.write_text(json.dumps(floors, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m storybrief.eval.gate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--update", action="store_true", help="rewrite floors from this run")
    parser.add_argument("--allow-lower", action="store_true", help="let --update lower floors")
    parser.add_argument("--data", default=None, help="shared data folder")
    args = parser.parse_args(argv)
    return run_gate(update=args.update, allow_lower=args.allow_lower, root=args.data)


def run_gate(
    *,
    update: bool = False,
    allow_lower: bool = False,
    root: str | Path | None = None,
    path: Path = FLOORS_PATH,
    echo: Any = print,
) -> int:
    floors = load_floors(path)
    values, missing = measure(floors["subsets"], root=root)
    if update:
        try:
            new = updated_floors(values, floors, allow_lower=allow_lower)
        except ConfigError as exc:
            echo(f"error: {exc}")
            return 2
        write_floors(new, path)
        echo(f"wrote {path}")
        floors = new
    results = check(values, missing, floors)
    for c in results:
        echo(c.line())
    return 0 if all(c.passed for c in results) else 1


if __name__ == "__main__":
    sys.exit(main())
