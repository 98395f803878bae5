"""Hostile input: time grows linearly with size, and past crashers still pass."""

from __future__ import annotations

import pathlib
import time
from itertools import pairwise

import pytest

from fanzha import extract, find_mentions

UNITS = {
    "digits": "1234567890",
    "wan": "万",
    "dots": "1.1.",
    "separators": ",、",
    "numerals": "一二三四五六七八九十百千",
    "one_line": "今年以来全市共抓获犯罪嫌疑人二百五十三名冻结资金四千余万元",
    "short_lines": "今年以来\n",
    "quotes": "“五个",
    "pipes": "热门|",
    "html": "<p>抓获3名</p>",
    "markdown": "![](x)**",
    "full_width": "１２３４％，",
    "dates": "2021年5月1日至",
    "scales": "3万4000余",
    "crlf_nul": "抓获3名\r\n\x00\r",
}


def _seconds(fn: object, text: str, runs: int) -> float:
    """Best of ``runs`` timings: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(text)  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("name", sorted(UNITS))
@pytest.mark.parametrize("fn", [extract, find_mentions], ids=["extract", "find_mentions"])
def test_time_grows_linearly(name: str, fn: object) -> None:
    unit = UNITS[name]
    small, large = ((unit * (n // len(unit) + 1))[:n] for n in (20_000, 200_000))
    ratio = _seconds(fn, large, 2) / max(_seconds(fn, small, 5), 0.005)
    assert ratio <= 15, f"{name}: 10x the input took {ratio:.1f}x the time"


CRASHERS = sorted((pathlib.Path(__file__).parent / "crashers").glob("*.txt"))


@pytest.mark.parametrize("path", CRASHERS, ids=[p.name for p in CRASHERS])
def test_crasher(path: pathlib.Path) -> None:
    text = path.read_text("utf-8")
    for mentions in (list(extract(text).mentions), find_mentions(text)):
        assert all(text[m.start : m.end] == m.text for m in mentions)
        assert all(a.end <= b.start for a, b in pairwise(mentions))
