"""Hostile input: time grows linearly with size, a 10 MB article completes within a memory
bound, and past crashers still pass."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
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


# extract at 100 KB against 1 MB, as the hardening issue asks; find_mentions shares every
# recogniser and linker with it, so a tenth of those sizes keeps CI short.
SIZES = {"extract": (100_000, 1_000_000), "find_mentions": (20_000, 200_000)}


@pytest.mark.parametrize("name", sorted(UNITS))
@pytest.mark.parametrize("fn", [extract, find_mentions], ids=["extract", "find_mentions"])
def test_time_grows_linearly(name: str, fn: object) -> None:
    unit = UNITS[name]
    small, large = ((unit * (n // len(unit) + 1))[:n] for n in SIZES[fn.__name__])  # type: ignore[attr-defined]
    ratio = _seconds(fn, large, 1) / max(_seconds(fn, small, 3), 0.005)
    # linear is 10x; measured 7-14x on a quiet machine, and one timed run of the large input
    # may meet a busy moment. A quadratic step would take 100x, so 20 still catches one.
    assert ratio <= 20, f"{name}: 10x the input took {ratio:.1f}x the time"


_BIG_ARTICLE = """
import json, pathlib, resource, sys
from fanzha import extract
lines = [l for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")) for l in p.read_text("utf-8").splitlines() if l]
out, size, i = [], 0, 0
while size < 10_000_000:  # numbered so no paragraph repeats another (repeats are dropped)
    line = f"({i}){lines[i % len(lines)]}\\n"
    out.append(line)
    size, i = size + len(line), i + 1
text = "".join(out)[:10_000_000]
extract(lines[0])
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
mentions = extract(text).mentions
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) * 1024
bad = sum(text[m.start : m.end] != m.text for m in mentions)
print(json.dumps({"mentions": len(mentions), "bad": bad, "ratio": grown / sys.getsizeof(text)}))
"""


def test_ten_megabyte_article_completes_within_memory_bound() -> None:
    """A 10 M character body (~140k figures): every offset holds; memory grows < 20x the input."""
    bodies = pathlib.Path(__file__).parent / "golden" / "bodies"
    run = subprocess.run(
        [sys.executable, "-c", _BIG_ARTICLE, str(bodies)], capture_output=True, text=True, check=True, timeout=600
    )
    report = json.loads(run.stdout)
    assert report["mentions"] > 100_000
    assert report["bad"] == 0
    assert report["ratio"] <= 20, f"peak memory grew {report['ratio']:.1f}x the input's size"


CRASHERS = sorted((pathlib.Path(__file__).parent / "crashers").glob("*.txt"))


@pytest.mark.parametrize("path", CRASHERS, ids=[p.name for p in CRASHERS])
def test_crasher(path: pathlib.Path) -> None:
    text = path.read_text("utf-8")
    for mentions in (list(extract(text).mentions), find_mentions(text)):
        assert all(text[m.start : m.end] == m.text for m in mentions)
        assert all(a.end <= b.start for a, b in pairwise(mentions))
