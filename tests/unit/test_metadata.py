"""Metadata: the region an article reports on, read from its title or its fraud sentences."""

from __future__ import annotations

import pytest

from fanzha import extract
from fanzha.metadata import _region

CASES_TITLE_REGION = [
    ("山东公安创新警务精准反诈提质增速", "山东"),
    ("徐州:联动共治提升全民反诈质效", "徐州"),
    ("烟台市公安机关打击治理电信网络新型违法犯罪成效显著", "烟台市"),
    # a province that introduces a city: the city
    ("江苏无锡:今年以来电诈发案数同比下降32%", "无锡"),
    ("广东省深圳市公安局通报反诈成效", "深圳市"),
    # a province and a city apart: the first named
    ("江苏警方协助无锡破获电诈案", "江苏"),
    ("公安部:前三季度全国电诈发案数下降", "全国"),
]


@pytest.mark.parametrize(("title", "region"), CASES_TITLE_REGION)
def test_region_from_title(title: str, region: str) -> None:
    assert _region(title, []) == region


def test_region_from_fraud_sentences_when_title_names_none() -> None:
    sentences = ["成都市公安局通报,今年以来破获电诈案件300起。", "成都警方抓获嫌疑人200名。", "此前北京发布了消息。"]
    assert _region("警方通报反诈成绩单", sentences) == "成都市"


CASES_SOURCE_REGION = [
    # a local outlet reporting on its own area with no place named (全省, 全市): the outlet's place
    ("河南日报", "河南"),
    ("中国甘肃网", "甘肃"),
    ("人民网", None),
    (None, None),
]


@pytest.mark.parametrize(("source", "region"), CASES_SOURCE_REGION)
def test_region_from_source_when_the_text_names_no_place(source: str | None, region: str | None) -> None:
    sentences = ["今年以来,全省破获电信网络诈骗案件2.3万起。"]
    assert _region("全省打击治理电信网络诈骗犯罪成效明显", sentences, source) == region


CASES_NATIONAL = [
    # the national anti-fraud centre is national news; its app, which every local page promotes, is not
    (["国家反诈中心发布数据,今年以来拦截诈骗电话27亿次。"], "全国"),
    (["今年以来,全市破获电信网络诈骗案件300起。", "国家反诈中心APP注册量达到156万人。"], None),
    (["今年以来,全市破获电信网络诈骗案件300起,安装国家反诈中心App的群众达20万人。"], None),
]


@pytest.mark.parametrize(("sentences", "region"), CASES_NATIONAL)
def test_national_words(sentences: list[str], region: str | None) -> None:
    assert _region("警方通报反诈成绩单", sentences) == region


def test_a_place_in_the_text_wins_over_the_source() -> None:
    sentences = ["郑州市公安局通报,今年以来破获电诈案件300起。"]
    assert _region("警方通报反诈成绩单", sentences, "河南日报") == "郑州市"


_BODY = "今年以来,全市公安机关共破获电信网络诈骗案件300起,抓获犯罪嫌疑人200名,冻结涉案资金4000余万元。"

CASES_HEADLINE = [
    # no dateline: a headline line right before the body is the title
    (f"全市破获电信网络诈骗案件300起\n{_BODY}", "全市破获电信网络诈骗案件300起"),
    # a transcript's lead is no title
    (f"央视网消息(新闻联播):\n{_BODY}", None),
    # a first line that is a sentence is body, not a title
    (f"警方提醒,切勿轻信陌生来电。\n{_BODY}", None),
    # a page of body only
    (_BODY, None),
]


@pytest.mark.parametrize(("page", "title"), CASES_HEADLINE)
def test_title_of_a_page_without_dateline(page: str, title: str | None) -> None:
    assert extract(page).title == title


CASES_SOURCE = [
    ("2023年10月18日 09:30  来源:人民网", "人民网"),
    ("【来源:澎湃新闻】 2023-10-18", "澎湃新闻"),
    ("2023-10-18 来源:《法治日报》", "法治日报"),
    ("作者:张三  来源:扬子晚报  时间:2023-10-18 09:30", "扬子晚报"),
    # a dateline naming its outlet with no 来源
    ("2023-10-18 10:20 · 苏州日报", "苏州日报"), ("2023年10月18日 09:30 新京报", "新京报"),
    ("2023-10-18 10:20 发表于江苏", None),
]


@pytest.mark.parametrize(("dateline", "source"), CASES_SOURCE)
def test_source_in_dateline(dateline: str, source: str | None) -> None:
    assert extract(f"苏州警方通报反诈成效\n{dateline}\n{_BODY}").source == source


CASES_PUBLISHED = [
    ("2023年10月16日 星期一", "2023-10-16"), ("二〇二三年十月十六日", "2023-10-16"),
    ("发布日期:2023-10-16", "2023-10-16"),
    ("2023-10-16T09:30:00+08:00", "2023-10-16"), ("10月16日", None),
]


@pytest.mark.parametrize(("dateline", "published"), CASES_PUBLISHED)
def test_published_in_dateline(dateline: str, published: str | None) -> None:
    assert extract(f"苏州警方通报反诈成效\n{dateline} 来源:苏州日报\n{_BODY}").published == published


_WECHAT_BODY = "据统计,2023年全区共发生冒充客服类诈骗案件126起,造成群众损失1100余万元,同比上升15%。"
# a WeChat header (原创 <account> <date> [time] [发表于<province>]) names the outlet, and the
# province it was posted from is the region when the text names no place
CASES_WECHAT = [
    ("原创 平安某区 2024-03-05 18:00 发表于浙江", ("平安某区", "浙江")),
    ("原创 反诈骗先锋 2021-07-14", ("反诈骗先锋", None)),
    ("平安某区 2024-03-05 18:00 发表于浙江", ("平安某区", "浙江")),
    ("某某新闻网 2024-03-05", (None, None)),  # neither 原创 nor 发表于: a dateline, not an account
]


@pytest.mark.parametrize(("header", "expected"), CASES_WECHAT)
def test_wechat_header(header: str, expected: tuple[str | None, str | None]) -> None:
    result = extract(f"# 警惕!这些新型诈骗手法要当心\n\n{header}\n\n{_WECHAT_BODY}\n")
    assert (result.source, result.region) == expected


# a column tag before the headline is no part of the title, in front matter, a Markdown
# heading or a header line, with an ASCII or a full-width bar
CASES_COLUMN_TAG = [
    "---\ntitle: 关注 | 某市公安召开发布会\n---\n",
    "# 反诈｜某市公安召开发布会\n",
    "关注|某市公安召开发布会\n2024-09-28 来源:某市日报\n",
]


@pytest.mark.parametrize("header", CASES_COLUMN_TAG)
def test_column_tag_is_not_title(header: str) -> None:
    assert extract(f"{header}\n{_WECHAT_BODY}\n").title == "某市公安召开发布会"
