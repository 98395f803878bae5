"""Shared paths and loaders for the tests."""

from __future__ import annotations

import json
import pathlib
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.txt"))


def read_article(path: pathlib.Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def load_gold(kind: str) -> list[tuple[dict[str, Any], str]]:
    """(gold record, article text) for ``kind`` in ('samples', 'dev')."""
    folder = SAMPLES if kind == "samples" else GOLDEN / "dev"
    out = []
    for gf in sorted((GOLDEN / "gold" / kind).glob("*.json")):
        gold = json.loads(gf.read_text("utf-8"))
        out.append((gold, read_article(folder / gold["file"])))
    return out
