"""Linking figures to measures: category, change and basis, 分别, measure phrase, period."""

from __future__ import annotations

import pytest

from fanzha import extract


def _figures(text: str, published: str = "2022-06-30") -> list:
    return [m for m in extract(text, published=published).mentions if m.kind.value != "date"]


CASES_CATEGORY = [
    ("今年以来,全市共抓获电诈犯罪嫌疑人412名。", "arrests"),
    ("民警依法刑拘涉诈人员中的骨干58人。", "arrests"),
    ("破获电信网络诈骗案件730起。", "cases_solved"),
    ("侦破各类电诈案件96起。", "cases_solved"),
    ("打掉电诈犯罪团伙35个。", "groups_dismantled"),
    ("拦截涉诈资金1.2亿元。", "losses_prevented"),
    ("刑事拘留犯罪嫌疑人320名。", "arrests"),
    ("依法逮捕犯罪嫌疑人45人。", "arrests"),
    ("打击处理违法犯罪人员560人。", "arrests"),
    ("对112名犯罪嫌疑人采取刑事强制措施。", "arrests"),
    ("封停涉诈账号2.1万个。", "technical_blocking"),
    ("注销涉诈电话卡1.2万张。", "technical_blocking"),
    ("退赔被害人损失200万元。", "funds_returned"),
    ("同期受理电诈报警3400余起。", "incidence"),
    ("警方成功阻止被骗资金转出800余万元。", "losses_prevented"),
    ("今年以来为群众止损8900万元。", "losses_prevented"),
    ("2023年共收到诈骗投诉880418起。", "incidence"),
    ("发布反诈短视频1200条。", "publicity"),
    ("反诈视频播放量达3.6亿次。", "publicity"),
    ("警方已拦阻民众被骗金额18亿元。", "losses_prevented"),
    ("拦阻诈骗电话3.2万次。", "technical_blocking"),
    ("追赃电诈被骗资金560万元。", "funds_returned"),
    ("警方今年以来共查获诈骗集团1026个。", "groups_dismantled"),
    ("成功堵截电信诈骗可疑交易4200余笔。", "technical_blocking"), ("堵截涉诈资金1.2亿元。", "losses_prevented"),
    ("拦截诈骗电话1.2亿次。", "technical_blocking"),
    ("捣毁诈骗窝点14处。", "groups_dismantled"),
    ("紧急止付涉案资金1.3亿元。", "funds_frozen"),
    ("冻结涉诈银行账户2100余个。", "funds_frozen"),
    ("为受骗群众返还资金2600万元。", "funds_returned"),
    ("挽回损失3800余万元。", "funds_returned"),
    ("成功拦截被骗资金6.5亿元。", "losses_prevented"),
    ("避免了20万元的经济损失。", "losses_prevented"),
    ("预警劝阻潜在受害群众9.6万人次。", "warnings"),
    ("民警上门见面劝阻1.2万人。", "warnings"),
    ("封堵涉诈域名4500个。", "technical_blocking"),
    ("关停涉诈电话卡3万张。", "technical_blocking"),
    ("开展反诈宣讲活动320场。", "publicity"),
    ("发放宣传资料40万份。", "publicity"),
    ("全市电诈警情数同比下降21.5%。", "incidence"),
    ("电信网络诈骗立案数为1520起。", "incidence"),
    ("组建反诈专班队伍12支。", "capacity"),
    ("设立6个研判小组。", "capacity"),
    ("与8家银行建立联动机制。", "capacity"),
]
CASES_OFF_TOPIC = [
    "今年以来,全市扫黑除恶斗争成效明显,抓获涉黑涉恶犯罪嫌疑人47人。",
    "警方侦破一起跨境网络赌博案,抓获犯罪嫌疑人30名。",
    "云剑追逃行动中,抓获目标逃犯120名。",
    "海关查获走私货物价值3亿元。",
    # other frauds and other crimes: the 诈骗 of 保险诈骗 or 集资诈骗 is not telecom fraud
    "警方破获一起保险诈骗案,涉案金额300万元。",
    "警方破获一起集资诈骗案,涉案金额3亿元,抓获犯罪嫌疑人12名。",
    "警方破获合同诈骗案3起,涉案金额1200万元。",
    "全市共破获盗窃案件120起,抓获嫌疑人80名。",
    "今年以来,全市查处酒驾醉驾违法行为2300起。",
    # a prison term is a sentence passed, not a measure of fraud work
    "法院以诈骗罪判处被告人有期徒刑十三年。",
    "被告人被判处3年有期徒刑。",
]


@pytest.mark.parametrize(("text", "category"), CASES_CATEGORY, ids=[c[0] for c in CASES_CATEGORY])
def test_category(text: str, category: str) -> None:
    (m,) = _figures(text)
    assert m.category is not None
    assert m.category.value == category


# sums of money under a cue that counts people, groups or acts measure none of them
# a count takes a state cue (案件, 损失) only from its own clause, not from the clause before
CASES_STATE_CUE_NOT_BORROWED = [
    "民警在办理诈骗案件时发现,该公司共有员工30名。",
    "经对诈骗案件研判,兄弟二人合伙成立公司。",
]


@pytest.mark.parametrize("text", CASES_STATE_CUE_NOT_BORROWED)
def test_count_does_not_borrow_a_state_cue(text: str) -> None:
    (m,) = _figures(text)
    assert m.category is None


CASES_MONEY_NOT_COUNTED = [
    "已判决案件的罚金刑总额达人民币800万余元。",
    "抓获的嫌疑人名下资产合计600万元。",
    "劝阻活动共投入经费20万元。",
    "判处罪犯87人,追缴违法所得3200余万元。",  # a list neighbour's category is turned the same way
]


@pytest.mark.parametrize("text", CASES_MONEY_NOT_COUNTED)
def test_money_is_not_a_count_category(text: str) -> None:
    m = _figures(text)[-1]
    assert m.kind.value == "money"
    assert m.category is None


@pytest.mark.parametrize("text", CASES_OFF_TOPIC)
def test_other_topics_have_no_category(text: str) -> None:
    assert all(m.category is None for m in _figures(text))


CASES_CHANGE = [
    ("发案数同比下降5.25%。", [("down", "yoy")]),
    ("破案数同比上升11.5%。", [("up", "yoy")]),
    ("警情环比减少8.1%。", [("down", "mom")]),
    # each change takes the basis nearest it, not one before an earlier figure of the list
    ("发案数同比下降12%、环比下降5%。", [("down", "yoy"), ("down", "mom")]),
    ("发案数环比下降5%,同比下降12%。", [("down", "mom"), ("down", "yoy")]),
    ("抓获人数同比增长2.3倍。", [("up", "yoy")]),
    ("损失比2021年增加80%。", [("up", "yoy")]),
    ("止付率从18%上升至87%。", [(None, None), (None, None)]),
    ("日均警情由120宗降至30宗。", [(None, None), (None, None)]),
    ("刑拘2100余人,同比上升231%。", [(None, None), ("up", "yoy")]),
    ("发案数、损失数分别同比下降5%、14%。", [("down", "yoy"), ("down", "yoy")]),
    ("占全市刑事案件的46%。", [(None, None)]),
    # a change with no basis in its clause takes the one stated earlier in the sentence
    ("电诈警情同比减少1200起,下降18.5%。", [("down", "yoy"), ("down", "yoy")]),
    ("与2022年相比,发案数下降21.4%。", [("down", "yoy")]),
    ("警情环比上升3%,其中电诈警情上升5%。", [("up", "mom"), ("up", "mom")]),
    ("全市开展宣传,发案数下降21.4%。", [("down", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES_CHANGE, ids=[c[0] for c in CASES_CHANGE])
def test_change_and_basis(text: str, expected: list) -> None:
    got = [(m.change and m.change.value, m.basis and m.basis.value) for m in _figures(text)]
    assert got == expected


CASES_RESPECTIVELY = [
    ("全市电诈案件发案数、群众损失数分别同比下降5.25%、14.28%。",
     [("发案数", "incidence"), ("群众损失数", "incidence")]),
    ("破案数、查处违法犯罪人员数分别同比上升11.51%、42.06%。",
     [("破案数", "cases_solved"), ("查处违法犯罪人员数", "arrests")]),
    ("共破获案件20万起、抓获犯罪嫌疑人16.3万人,同比分别上升52.7%、123.3%。",
     [(None, "cases_solved"), (None, "arrests"), ("破获案件", "cases_solved"), ("抓获犯罪嫌疑人", "arrests")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES_RESPECTIVELY, ids=[c[0] for c in CASES_RESPECTIVELY])
def test_respectively(text: str, expected: list) -> None:
    got = [(m.measure, m.category and m.category.value) for m in _figures(text)]
    for (measure, category), (got_measure, got_category) in zip(expected, got, strict=True):
        assert got_category == category
        if measure is not None:
            assert got_measure is not None
            assert got_measure.endswith(measure)


CASES_MEASURE = [
    ("累计抓获犯罪嫌疑人253名", "抓获犯罪嫌疑人"),
    ("冻结资金4000余万元", "冻结资金"),
    ("封堵诈骗网址8115个", "封堵诈骗网址"),
    ("2019年以来,推送预警信息成功劝阻受骗群众6.12万人次", "推送预警信息成功劝阻受骗群众"),
    ("全市电诈案件中,老年人被骗占比达18.6%", "老年人被骗占比"),
    ("今年1至9月全国诈骗案件发生2.8万件", "诈骗案件发生"),
    ("今年累计劝阻群众3000人次", "劝阻群众"),
    # a phrase too long to be one indicator: what follows the adverb that ends the subject
    ("2023年,全市检察机关共起诉电信网络诈骗犯罪1260人", "起诉电信网络诈骗犯罪"),
    ("全省公安机关会同有关部门累计拦截诈骗电话27.5亿次", "拦截诈骗电话"),
    ("上半年全市电诈案件发案数同比下降21.2%", "电诈案件发案数"),
    ("今年1至9月,全区电诈案件发案数同比下降12%", "电诈案件发案数"),
    # words that start or end with a drop word stay whole; a place opening the phrase goes
    ("向受害人返还1100余万元", "向受害人返还"),
    ("共及时拦截被骗资金13.6亿元", "及时拦截被骗资金"),
    ("徐州全市电信网络诈骗案件发案数同比下降72.9%", "电信网络诈骗案件发案数"),
    ("我市电诈发案同比下降17%", "电诈发案"),
    ("全市公安机关共侦破电诈案件1.2万起", "侦破电诈案件"),
    ("警情从2月底高峰期的日均120宗", "高峰期的日均"),
    # a comparison (较去年同期, 比上年, 与去年同期相比) ends the subject: the measure comes before it
    ("全市电诈发案较去年同期下降15.2%", "电诈发案"),
    ("拦截成功率较去年同期提升约3个百分点", "拦截成功率"),
    ("群众财产损失比上年减少了2000万元", "群众财产损失"),
    ("发案数与去年同期相比下降8%", "发案数"),
    ("电诈案件占比较去年下降5个百分点", "电诈案件占比"),
    ("涉案金额比较大幅度下降30%", "涉案金额"),
    ("抓获犯罪嫌疑人 170 余名", "抓获犯罪嫌疑人"),  # a space before the figure
    ("单周损失降至2000万元以下", "单周损失"), ("日均警情降到30宗", "日均警情"),  # a level verb is no part of it
    ("电诈案件破案率提升至68%", "电诈案件破案率"),
    # quote marks inside a phrase are no break
    ("查处涉“两卡”人员近千人", "查处涉两卡人员"), ("惩戒买卖“两卡”人员910人", "惩戒买卖两卡人员"),
    ("“1+3+N”反诈宣防体系覆盖全县12个乡镇", "反诈宣防体系覆盖"),  # a quoted code still breaks
    ("全县组建了7×24小时值守专班", None),  # no phrase is left after the multiplication sign
    ("其中,起诉帮助信息网络犯罪活动罪(帮信罪)2940人", "起诉帮助信息网络犯罪活动罪"),  # the gloss goes
    ("其中有期徒刑的412人", "有期徒刑"),  # 有 of 有期徒刑 is no drop word
    # a phrase too long for one indicator is cut at a word boundary, never inside a word (not 准逮捕…)
    ("全省检察机关共批准逮捕电信网络诈骗犯罪嫌疑人3260人", "逮捕电信网络诈骗犯罪嫌疑人"),
    ("其中,通过国家反诈中心APP预警提示群众近900万次", "预警提示群众"),  # not 家反诈中心APP…: one jieba word
]


# a list item named only by a generic noun (金额, 人数) measures what the item before it does
CASES_LIST_NOUN = [
    ("共冻结涉案账户1万个、金额 2.9亿元", ["冻结涉案账户", "冻结涉案账户金额"]),
    ("查处涉诈人员300名,人数同比上升5%", ["查处涉诈人员", "人数"]),
    ("拦截诈骗电话120万次、短信80万条", ["拦截诈骗电话", "短信"]),
    # a level from 由/从 … to 提高到 … keeps the measure of the first (由 and 到 are no part of it)
    ("电诈案件破案率由30%提高到68%", ["电诈案件破案率", "电诈案件破案率"]),
]


@pytest.mark.parametrize(("text", "measures"), CASES_LIST_NOUN, ids=[c[0] for c in CASES_LIST_NOUN])
def test_list_noun_measure(text: str, measures: list[str]) -> None:
    assert [m.measure for m in _figures(text)] == measures


@pytest.mark.parametrize(("text", "measure"), CASES_MEASURE, ids=[c[0] for c in CASES_MEASURE])
def test_measure(text: str, measure: str) -> None:
    (m,) = _figures(text)
    assert m.measure == measure


CASES_PERIOD = [
    ("2019年1至7月份,全市抓获嫌疑人300名。", ["2019-01-01/2019-07-31"]),
    ("今年以来,冻结资金3亿元。", ["2022-01-01/2022-06-30"]),
    ("截至5月17日,刑拘犯罪嫌疑人2786人。", ["../2022-05-17"]),
    ("截至目前,召开联席会30余次。", ["../2022-06-30"]),
    ("目前,专班内设6个研判小组。", [None]),
    ("引进13大平台系统,2019年以来劝阻6.12万人次。", [None, "2019-01-01/2022-06-30"]),
    ("自2016年9月成立以来,实现7家银行进驻。", ["2016-09-01/2022-06-30"]),
    ("警情从2月底的日均120宗,降至目前的日均30宗左右。", ["2022-02-28", None]),
    ("较去年同比下降15.2%。", [None]),
    ("今年以来,开展宣传。截至目前,共抓获嫌疑人47人。", ["2022-01-01/2022-06-30"]),
    ("5月23日,发现嫌疑人。经研判,明确5名团伙成员。", ["2022-05-23"]),
    ("抓获嫌疑人12名。今年以来,抓获嫌疑人30名。", [None, "2022-01-01/2022-06-30"]),
    ("连续两年位居第一。", [None]),
    # 截至目前 takes its start from a period stated earlier in its own sentence
    ("全市开展专项行动。去年以来,警方持续发力,截至目前,已抓获嫌疑人80名。", ["2021-01-01/2022-06-30"]),
    # a date inside a clause (发生在…) says when something happened: no lead-in for later sentences
    ("该案发生在2021年8月,嫌疑人骗走资金20万元。民警随即冻结资金15万元。", ["2021-08-01/2021-08-31", None]),
    # a lead-in may open the second clause of the first sentence (数据显示,…)
    ("数据显示,1至5月全市破获案件30起。其中抓获嫌疑人20名。", ["2022-01-01/2022-05-31"] * 2),
    # 截至 takes a start only from a …以来 period: after a closed month it stays open
    ("5月份,全市破获案件30起。截至5月底,已建成反诈中心12个。", ["2022-05-01/2022-05-31", "../2022-05-31"]),
    ("今年以来,全市破获案件30起。截至5月底,已建成反诈中心12个。", ["2022-01-01/2022-06-30", "2022-01-01/2022-05-31"]),
    # the lead-in is the interval nearest the figures, not the day of the report before it, also
    # after a dateline (本报讯…) that pushes it past the first clauses
    ("本报讯(记者 王某)6月19日,记者从省公安厅获悉,今年1—5月,全省破获案件1.2万起;打掉团伙460个。",
     ["2022-01-01/2022-05-31"] * 2),
    ("警方今日公布,今年首五个月共接获诈骗案2万宗。其中网购骗案有7800宗。", ["2022-01-01/2022-05-31"] * 2),
    # a day with a time is when an event happens; the year before it stays the lead-in
    ("2021年“诚信之星”发布实况,将于今晚(6月30日)9点半首播。届时10位“诚信之星”将现场讲述。", ["2021-01-01/2021-12-31"]),
]


@pytest.mark.parametrize(("text", "periods"), CASES_PERIOD, ids=[c[0] for c in CASES_PERIOD])
def test_period(text: str, periods: list) -> None:
    assert [m.period for m in _figures(text)] == periods
