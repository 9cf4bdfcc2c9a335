"""JSON: the versioned document described in docs/JSON.md (``Brief.to_dict``)."""

from __future__ import annotations

import json

from storybrief.model import Brief


def render_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"
