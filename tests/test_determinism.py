"""A brief must not depend on Python's hash seed (PYTHONHASHSEED): same input, same JSON."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

# Invented text: article b's quote shares as many key words with each of two remarks of
# article a, so which cluster it joins once hung on the iteration order of a set of stems.
SCRIPT = """
import json
from storybrief.model import Article
from storybrief.pipeline import brief_articles
a = ('Mayor Tilda Vorensky spoke on Monday. "Harbour bridge tolls cost families dearly," '
     'Vorensky said. Later she added: "River docks repairs save local money," Vorensky said.')
b = ('Tilda Vorensky addressed the council. "Harbour bridge tolls cost families dearly and '
     'river docks repairs save local money," Vorensky said at the meeting.')
arts = [Article(id="a", text=a, origin="a"), Article(id="b", text=b, origin="b")]
brief = brief_articles(arts, analyze=True, ner="rules", clean=False)
print(json.dumps(brief.to_dict(), sort_keys=True))
"""


def _brief_json(seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(SRC))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_brief_is_the_same_under_different_hash_seeds() -> None:
    first = _brief_json("1")
    for seed in ("4", "5"):
        assert _brief_json(seed) == first
