"""Golden files for the five sample articles: body, metadata, and where the gold mentions lie.

The bodies in ``golden/bodies`` are the article lines a reader keeps, chosen by reading each
page and converted to simplified script; the gold records are the hand-checked annotations
of ``../shared/gold`` copied here.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from fanzha import extract
from fanzha.boilerplate import clean
from fanzha.normalize import normalize

from .conftest import GOLDEN, SAMPLE_NAMES, load_gold

SAMPLE_GOLD = load_gold("samples")
IDS = [g["file"] for g, _ in SAMPLE_GOLD]

# page furniture named in the brief; none may reach the body
BOILERPLATE = [
    "您当前的位置", "用手机看", "扫一扫", "上一篇", "下一篇", "返回本版列表", "字体", "PDF版", "分享到",
    "相关文章", "精彩推荐", "即时播报", "[详细]", "版权", "ICP", "备案", "邮编", "通讯地址", "热线",
    "想爆料", "责编", "标签", "声明", "主站蜘蛛池", "|", "齐鲁网", "原标题", "听新闻", ">>",
]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_body_is_the_golden_body(name: str) -> None:
    text = (GOLDEN.parent.parent / "samples" / f"{name}.txt").read_text("utf-8")
    expected = (GOLDEN / "bodies" / f"{name}.txt").read_text("utf-8").rstrip("\n")
    assert extract(text).body == expected


@pytest.mark.parametrize(("gold", "text"), SAMPLE_GOLD, ids=IDS)
def test_every_gold_mention_lies_in_the_body(gold: dict, text: str) -> None:
    page = clean(normalize(text))
    blocks = [(b.start, b.end) for b in page.body_blocks()]
    outside = [m["text"] for m in gold["mentions"] if not any(s <= m["start"] and m["end"] <= e for s, e in blocks)]
    assert outside == []


@pytest.mark.parametrize(("gold", "text"), SAMPLE_GOLD, ids=IDS)
def test_no_boilerplate_survives(gold: dict, text: str) -> None:
    result = extract(text)
    assert [w for w in BOILERPLATE if w in result.body] == []
    body_starts = result.body.split("\n")
    assert len(body_starts) == len(set(body_starts)), "a repeated paragraph survived"


@pytest.mark.parametrize(("gold", "text"), SAMPLE_GOLD, ids=IDS)
@pytest.mark.parametrize("field", ["title", "published", "source", "region"])
def test_metadata(gold: dict, text: str, field: str) -> None:
    got = extract(text).to_dict()[field]
    assert "".join(str(got).split()) == "".join(str(gold[field]).split())


@pytest.mark.parametrize(("gold", "text"), SAMPLE_GOLD, ids=IDS)
def test_offsets_slice_the_original(gold: dict, text: str) -> None:
    mentions = extract(text).mentions
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in pairwise(mentions))
