"""Normalisation (length-preserving) and boilerplate classification of single lines."""

from __future__ import annotations

import pytest

from fanzha import extract
from fanzha.boilerplate import clean
from fanzha.normalize import fold_width, normalize, simplify

CASES_T2S = [
    ("來源:江南時報", "来源:江南时报"), ("凍結資金", "冻结资金"), ("抓獲嫌疑人", "抓获嫌疑人"),
    ("發案數同比下降", "发案数同比下降"), ("萬人發案率", "万人发案率"), ("億元", "亿元"), ("詐騙", "诈骗"),
    ("簡體不變", "简体不变"), ("已是简体", "已是简体"),
]
CASES_WIDTH = [
    ("１２３", "123"), ("％", "%"), ("，", ","), ("：", ":"), ("（）", "()"), ("ＡＢＣ", "ABC"), ("\u3000", " "),
    ("。", "。"), ("、", "、"), ("“”", "“”"), ("１，２,３，４", "1,2,3,4"), ("ａ　ａ　", "a a "),
]


@pytest.mark.parametrize(("text", "expected"), CASES_T2S)
def test_simplify(text: str, expected: str) -> None:
    assert simplify(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES_WIDTH)
def test_fold_width(text: str, expected: str) -> None:
    assert fold_width(text) == expected


BODY = "今年以来,全市公安机关共抓获电信网络诈骗犯罪嫌疑人253名,冻结涉案资金4000余万元,成效明显。"
CASES_FURNITURE = [
    "您当前的位置 : 中国甘肃网 >> 甘肃新闻 >> 兰州", "用手机看", "扫一扫,用手机看文章", "上一篇", "下一篇",
    "返回本版列表    点击率:  字体: 放大  默认  缩小", "PDF版", "版权所有: 某某网 All Rights Reserved",
    "鲁ICP备09062847号-1", "通讯地址:某省某市某路1号  邮编:250062", "责编:某某", "标签:嫌疑人;徐州",
    "想爆料?请拨打新闻热线", "热门 | 视频 | 图片 | 直播 | 专题 | 评论 | 国际 | 财经", "(王某 李某某)",
    "某某新闻网 2025-03-18", "![](https://example.com/a.png)", "<p></p>",
    "【字体:大 中 小】   打印本页   关闭窗口", "【打印本页】【关闭窗口】", "相关链接:",
    "某市一男子被骗58万元 警方3天追回 10-19", "网站地图 | 联系我们 | 关于我们",
    "▲图为民警在社区开展反诈宣传(摄影:张三)",
]


CASES_TAIL = [
    "【打印本页】【关闭窗口】\n相关链接:\n某某警方破获一起诈骗案  2023-05-20", "相关链接:\n某某警方提醒",
    "返回搜狐,查看更多\n平台声明:该文观点仅代表作者本人,搜狐号系信息发布平台。\n阅读 (3021)",
    "打开APP,阅读全文\n展开全文\n【纠错】\n[责任编辑:某某]",
    "热点新闻\n1 某市一男子被骗58万元 警方3天追回 10-19\n2 全省第三季度GDP增长6.5% 10-17\n更多>>",
]


@pytest.mark.parametrize("tail", CASES_TAIL)
def test_page_tail_ends_the_body(tail: str) -> None:
    assert extract(f"{BODY}\n{tail}\n").body == BODY


@pytest.mark.parametrize("line", CASES_FURNITURE)
def test_furniture_line_is_not_body(line: str) -> None:
    text = f"{line}\n\n{BODY}\n"
    assert extract(text).body == BODY


def test_repeated_paragraph_kept_once_complete_copy_wins() -> None:
    lead = BODY + " 2019年1至7月份"  # a lead copy with a cut-off run-on fragment
    text = f"{lead}\n\n{BODY}\n\n第二段,全市共破获案件120起,同比上升12%,打掉团伙15个。\n"
    body = extract(text).body.split("\n")
    assert body == [BODY, "第二段,全市共破获案件120起,同比上升12%,打掉团伙15个。"]


def test_masking_keeps_offsets() -> None:
    text = "<p>今年以来,全市公安机关<strong>抓获</strong>犯罪嫌疑人253名,冻结涉案资金4000余万元。</p>"
    page = clean(normalize(text))
    assert len(page.visible) == len(text)
    (m, _) = [x for x in extract(text).mentions if x.kind.value != "date"]
    assert text[m.start : m.end] == "253名"


def test_front_matter_gives_title_and_date() -> None:
    text = f"---\ntitle: 关注 | 某市公安召开发布会\ndate: 2024-09-28\n---\n\n{BODY}\n"
    result = extract(text)
    assert (result.title, result.published) == ("某市公安召开发布会", "2024-09-28")


def test_bad_input() -> None:
    with pytest.raises(TypeError):
        extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO date"):
        extract(BODY, published="yesterday")
    assert extract("").to_dict()["mentions"] == []
    assert extract("   \n").body == ""


# blocks: lines split at LF, CRLF and a lone CR, trimmed of blanks and masks, empty ones dropped
CASES_BLOCKS = [
    ("甲\n乙", [(0, 1), (2, 3)]),
    ("甲\r\n乙\r\n", [(0, 1), (3, 4)]),
    ("a\rb\r\n c \x00\n\n", [(0, 1), (2, 3), (6, 7)]),
    ("  \t\x00\x00\n", []),
    ("\x00甲 乙\x00", [(1, 4)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES_BLOCKS)
def test_split_blocks(text: str, expected: list[tuple[int, int]]) -> None:
    from fanzha.boilerplate import _split_blocks

    assert _split_blocks(text, [], 0) == expected


# markup masked before classification: (text, masked spans); line marks only open a line
CASES_MASKS = [
    ("## 标题\n正文", [(0, 3)]),
    ("正文\n  > 引用\n- 一\n* 二", [(3, 7), (10, 12), (14, 16)]),
    ("#\n# 再一行", [(0, 2), (2, 4)]),
    ("正文## 不是标题, a-b, 1 + 2", []),
    ("**加粗**和__下划线__", [(0, 2), (4, 6), (7, 9), (12, 14)]),
    ("见[链接](http://a.cn/x)与![](b.png)", [(1, 20), (21, 31)]),
    ("<p>甲&amp;乙</p> `代码`", [(0, 3), (4, 9), (10, 14), (15, 19)]),
    ("* **要点** 在此", [(0, 2), (2, 4), (6, 8)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES_MASKS)
def test_mask_spans(text: str, expected: list[tuple[int, int]]) -> None:
    from fanzha.boilerplate import _mask_spans

    assert sorted(_mask_spans(text, 0)[0]) == expected
