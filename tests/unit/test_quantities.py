"""Quantity recognition through ``find_mentions``: surface, kind, value, unit, approx."""

from __future__ import annotations

import pytest

from fanzha import find_mentions


def _got(text: str) -> list[tuple]:
    out = []
    for m in find_mentions(text):
        if m.kind.value == "date":
            continue
        value = float(m.value)
        out.append((m.text, m.kind.value, int(value) if value.is_integer() else value, m.unit,
                    m.approx.value if m.approx else None))
    return out


# shapes of police statistics (new sentences in the style of real reports)
CASES_REPORTS = [
    ("共抓获犯罪嫌疑人318名", [("318名", "count", 318, "名", None)]),
    ("冻结涉案资金5200余万元", [("5200余万元", "money", 52000000, "元", "over")]),
    ("劝阻群众3.4万人次", [("3.4万人次", "count", 34000, "人次", None)]),
    ("拦截诈骗电话 127.5 万次", [("127.5 万次", "count", 1275000, "次", None)]),
    ("打掉犯罪团伙46个", [("46个", "count", 46, "个", None)]),
    ("破获案件1208起", [("1208起", "count", 1208, "起", None)]),
    ("返还被骗资金1.2亿元", [("1.2亿元", "money", 120000000, "元", None)]),
    ("挽回损失8600余万元", [("8600余万元", "money", 86000000, "元", "over")]),
    ("发放宣传资料12万份", [("12万份", "count", 120000, "份", None)]),
    ("封堵涉诈网址2.3万个", [("2.3万个", "count", 23000, "个", None)]),
    ("止付涉案账户1.5万个", [("1.5万个", "count", 15000, "个", None)]),
    ("发案数同比下降18.6%", [("18.6%", "percent", 18.6, "%", None)]),
    ("破案率提升12个百分点", [("12个百分点", "percent", 12, "pp", None)]),
    ("抓获人数同比上升2.3倍", [("2.3倍", "multiple", 2.3, "倍", None)]),
    ("破案数增长了1倍多", [("1倍多", "multiple", 1, "倍", "over")]),
    # the base of a rate is no count: 每10万人发案率, 每3名民警
    ("每10万人发案率为4.3起", [("4.3起", "count", 4.3, "起", None)]), ("每3名民警负责一个社区", []),
    ("近 800 条线索", [("近 800 条", "count", 800, "条", "under")]),
    ("涉案金额2千余万元", [("2千余万元", "money", 20000000, "元", "over")]),
    ("刑拘3100余人", [("3100余人", "count", 3100, "人", "over")]),
    ("日均30宗左右", [("30宗左右", "count", 30, "宗", "about")]),
    ("超2亿人次", [("超2亿人次", "count", 200000000, "人次", "over")]),
    ("逾500家", [("逾500家", "count", 500, "家", "over")]),
    ("约 60 万元", [("约 60 万元", "money", 600000, "元", "about")]),
    ("每年约有20万人被骗", [("约有20万人", "count", 200000, "人", "about")]),
    ("损失金额约为46亿美元", [("约为46亿美元", "money", 4600000000, "USD", "about")]),
    ("约合人民币3亿元", [("3亿元", "money", 300000000, "元", "about")]),
    ("不足10%", [("不足10%", "percent", 10, "%", "under")]),
    ("将近一半", [("将近一半", "percent", 50, "%", "under")]),  # SPEC: 将近 -> under, as for digits
    ("持续30余天", [("30余天", "duration", 30, "天", "over")]),
    ("用时45分钟", [("45分钟", "duration", 45, "分钟", None)]),
    ("24小时值守", [("24小时", "duration", 24, "小时", None)]),
    ("为期6个月", [("6个月", "duration", 6, "月", None)]),
    ("3个工作日内", [("3个工作日", "duration", 3, "天", None)]),
    ("查扣黄金520克", [("520克", "count", 520, "克", None)]),
    ("培训民警1200人次", [("1200人次", "count", 1200, "人次", None)]),
    ("组建12支宣传队", [("12支", "count", 12, "支", None)]),
    ("联合18所高校", [("18所", "count", 18, "所", None)]),
    ("覆盖1500万手机用户", [("1500万手机用户", "count", 15000000, "手机用户", None)]),
    ("拥有86万粉丝", [("86万粉丝", "count", 860000, "粉丝", None)]),
    ("联系四大运营商", [("四大运营商", "count", 4, "运营商", None)]),
    ("建成9大平台", [("9大平台", "count", 9, "平台", None)]),
    ("百余场宣讲", [("百余场", "count", 100, "场", "over")]),
    ("千余人参加", [("千余人", "count", 1000, "人", "over")]),
    ("近千名群众", [("近千名", "count", 1000, "名", "under")]),
    ("百万元以上案件", [("百万元以上", "money", 1000000, "元", "over")]),
    ("20万余名学生", [("20万余名", "count", 200000, "名", "over")]),
    ("发送短信2010万余条", [("2010万余条", "count", 20100000, "条", "over")]),
    ("抓获嫌疑人6名、冻结资金80万元", [("6名", "count", 6, "名", None), ("80万元", "money", 800000, "元", None)]),
]
# currencies
CASES_MONEY = [
    ("损失31亿美元", [("31亿美元", "money", 3100000000, "USD", None)]),
    ("278亿日元", [("278亿日元", "money", 27800000000, "JPY", None)]),
    ("5000 万澳元", [("5000 万澳元", "money", 50000000, "AUD", None)]),
    ("12万港元", [("12万港元", "money", 120000, "HKD", None)]),
    ("300欧元", [("300欧元", "money", 300, "EUR", None)]),
    ("80英镑", [("80英镑", "money", 80, "GBP", None)]),
    ("3元5角", [("3元5角", "money", 3.5, "元", None)]),
    ("2元3角4分", [("2元3角4分", "money", 2.34, "元", None)]),
    ("两千元", [("两千元", "money", 2000, "元", None)]),
    ("一万二千元", [("一万二千元", "money", 12000, "元", None)]),
    ("人民币500元", [("500元", "money", 500, "元", None)]),
    ("5000元至1万元", [("5000元", "money", 5000, "元", None), ("1万元", "money", 10000, "元", None)]),
    ("2000元到6000元不等", [("2000元", "money", 2000, "元", None), ("6000元", "money", 6000, "元", None)]),
    # the first number of a range takes the unit, and the scale it lacks, of the second
    ("损失3至5万元", [("3", "money", 30000, "元", None), ("5万元", "money", 50000, "元", None)]),
    ("损失3-5万元", [("3", "money", 30000, "元", None), ("5万元", "money", 50000, "元", None)]),
    ("1000-2000元", [("1000", "money", 1000, "元", None), ("2000元", "money", 2000, "元", None)]),
    ("500至3万元", [("500", "money", 500, "元", None), ("3万元", "money", 30000, "元", None)]),
    ("涉案金额高达1.17个亿,", [("1.17个亿", "money", 117000000, "元", None)]),
    ("赌资流水150 多亿,", [("150 多亿", "money", 15000000000, "元", "over")]),
    ("数千万元", [("数千万元", "money", 10000000, "元", "over")]),
    ("上亿元", [("上亿元", "money", 100000000, "元", "over")]),
    ("一两万元", [("一两万元", "money", 10000, "元", "over")]),
]
# percentages in words
CASES_PERCENT_WORDS = [
    ("百分之四十", [("百分之四十", "percent", 40, "%", None)]),
    ("百分之五点五", [("百分之五点五", "percent", 5.5, "%", None)]),
    ("百分之12", [("百分之12", "percent", 12, "%", None)]),
    ("四分之一", [("四分之一", "percent", 25, "%", None)]),
    ("三分之二", [("三分之二", "percent", 66.66666666666667, "%", None)]),
    ("五分之一", [("五分之一", "percent", 20, "%", None)]),
    ("千分之三", [("千分之三", "percent", 0.3, "%", None)]),
    ("万分之五", [("万分之五", "percent", 0.05, "%", None)]),
    ("一半的群众", [("一半", "percent", 50, "%", None)]),
    ("三成以上", [("三成以上", "percent", 30, "%", "over")]),
    ("降至2000万元以下", [("2000万元以下", "money", 20000000, "元", "under")]),
    ("处三年以下有期徒刑", [("三年以下", "duration", 3, "年", "under")]),
    ("5分钟以内", [("5分钟以内", "duration", 5, "分钟", "under")]),
    ("八成。", [("八成", "percent", 80, "%", None)]),
    ("负3.9%", [("负3.9%", "percent", -3.9, "%", None)]),
    ("增速为-2.5%", [("-2.5%", "percent", -2.5, "%", None)]),
    ("负负3%", [("负3%", "percent", -3, "%", None)]), ("B-3%", [("3%", "percent", 3, "%", None)]),
    ("队伍2100余支", [("2100余支", "count", 2100, "支", "over")]),
    ("30%到55%", [("30%", "percent", 30, "%", None), ("55%", "percent", 55, "%", None)]),
    ("30%-55%", [("30%", "percent", 30, "%", None), ("55%", "percent", 55, "%", None)]),
]
# durations
CASES_DURATIONS = [
    ("两年", [("两年", "duration", 2, "年", None)]), ("十年以上", [("十年以上", "duration", 10, "年", "over")]),
    ("三年多", [("三年多", "duration", 3, "年", "over")]), ("一个半月", [("一个半月", "duration", 1.5, "月", None)]),
    # 多 inside the unit means more than: 三个多月 is over three months
    ("三个多月", [("三个多月", "duration", 3, "月", "over")]),
    ("3个多小时", [("3个多小时", "duration", 3, "小时", "over")]),
    ("半个小时", [("半个小时", "duration", 0.5, "小时", None)]), ("半个月", [("半个月", "duration", 0.5, "月", None)]),
    ("近一周", [("近一周", "duration", 7, "天", "under")]), ("两个星期", [("两个星期", "duration", 14, "天", None)]),
    ("七年四个月", [("七年四个月", "duration", 88, "月", None)]), ("77天", [("77天", "duration", 77, "天", None)]),
    ("6到7小时", [("6", "duration", 6, "小时", None), ("7小时", "duration", 7, "小时", None)]),
    ("30秒", [("30秒", "duration", 30, "秒", None)]), ("一年", [("一年", "duration", 1, "年", None)]),
]
# colloquial and mixed numerals in context
CASES_MIXED = [
    ("3万4000人", [("3万4000人", "count", 34000, "人", None)]),
    ("1千零1次", [("1千零1次", "count", 1001, "次", None)]),
    ("两千四百五十人次", [("两千四百五十人次", "count", 2450, "人次", None)]),
    ("一万二千名", [("一万二千名", "count", 12000, "名", None)]),
    ("十二起", [("十二起", "count", 12, "起", None)]),
    ("一百二十三名", [("一百二十三名", "count", 123, "名", None)]),
    ("数十张银行卡", [("数十张", "count", 10, "张", "over")]),
    ("上万个账户", [("上万个", "count", 10000, "个", "over")]),
    ("几十万人", [("几十万人", "count", 100000, "人", "over")]),
    ("十几个", [("十几个", "count", 10, "个", "over")]),
    ("十几万元", [("十几万元", "money", 100000, "元", "over")]),
    ("二十几名", [("二十几名", "count", 20, "名", "over")]),
    ("上百警力", [("上百警力", "count", 100, "警力", "over")]),
    ("十多名", [("十多名", "count", 10, "名", "over")]),
    ("两国", [("两国", "count", 2, "国", None)]),
    ("1,234名", [("1,234名", "count", 1234, "名", None)]),
    ("抓获3名,冻结120万元", [("3名", "count", 3, "名", None), ("120万元", "money", 1200000, "元", None)]),
    ("三百五十", [("三百五十", "count", 350, None, None)]),
    ("12345", []),
    ("共计 4 人", [("4 人", "count", 4, "人", None)]),
    ("兄弟二人", [("二人", "count", 2, "人", None)]),
    ("增长近三成", [("近三成", "percent", 30, "%", "under")]),
    ("近两成", [("近两成", "percent", 20, "%", "under")]), ("半数以上", [("半数以上", "percent", 50, "%", "over")]),
    # a lone 万/亿/百/千 is an amount when an approximation word marks it
    ("近万人", [("近万人", "count", 10000, "人", "under")]), ("万余名", [("万余名", "count", 10000, "名", "over")]),
    ("近亿元", [("近亿元", "money", 100000000, "元", "under")]),
    # a currency named before the number sets the unit; an approximation word may precede it
    ("财损约新台币45亿元", [("45亿元", "money", 4500000000, "TWD", "about")]),
    ("财损38.6亿元新台币", [("38.6亿元", "money", 3860000000, "TWD", None)]),  # the currency after the amount
    ("罚金人民币5167万余元", [("5167万余元", "money", 51670000, "元", "over")]),
    ("港币100万元", [("100万元", "money", 1000000, "HKD", None)]),
    ("超过一半", [("超过一半", "percent", 50, "%", "over")]),
]
# what is not a figure (conventions)
CASES_NOT_MENTIONS = [
    ("拨打96110咨询", []), ("拨打110报警", []), ("热线0531-66661234", []), ("12381 涉诈预警", []),
    ("“12.09”特大诈骗案", []), ("“12·30”案", []), ("第一时间", []), ("第3名", []), ("65岁的老人", []),
    ("建党100周年", []), ("一名嫌疑人", []), ("一条信息", []), ("一起诈骗", []), ("二次研判", []), ("二级反诈中心", []),
    ("万人发案率", []), ("“五个强化”", []), ("“四个一机制”", []), ("两卡", []), ("一体化", []),
    ("一次性", []), ("一大批", []), ("百姓", []), ("百家乐", []), ("千家万户", []), ("千万不要转账", []),
    ("市县两级", []), ("三方通话", []), ("两降两升", []), ("1+N模式", []), ("CZ6051航班", []),
    ("G220国道", []), ("QQ号", []), ("三年级", []), ("两部门联合", []), ("前一天晚上", []),
    ("比上一年增加22%", [("22%", "percent", 22, "%", None)]), ("一年", [("一年", "duration", 1, "年", None)]),
    ("七大队", []), ("十一期间", []), ("九里派出所", []), ("一把手", []), ("一盘棋", []), ("五见", []),
    # markup left in the text: tag attributes, entities and URLs hold no figures
    ("20至30岁", []), ("0531-66661234", []), ("400-800-8888", []),
    ('<img width="500" height="375">', []), ("见https://a.com/tag/%E7%91%BD%E5?id=58", []), ("&#12381;", []),
    ("<p>冻结资金3亿元</p>", [("3亿元", "money", 300000000, "元", None)]),
]

ALL = CASES_REPORTS + CASES_MONEY + CASES_PERCENT_WORDS + CASES_DURATIONS + CASES_MIXED + CASES_NOT_MENTIONS


@pytest.mark.parametrize(("text", "expected"), ALL, ids=[c[0] for c in ALL])
def test_find_mentions(text: str, expected: list[tuple]) -> None:
    assert _got(text) == expected


CASES_TRADITIONAL = [
    ("凍結涉案資金3.9億余元", ("3.9億余元", 390000000, "元")),
    ("發送公益短信2010萬余條", ("2010萬余條", 20100000, "条")),
    ("舉辦百余場", ("百余場", 100, "场")),
    ("８分鐘後", ("８分鐘", 8, "分钟")),
    ("抓獲犯罪嫌疑人２６３４名", ("２６３４名", 2634, "名")),
]


@pytest.mark.parametrize(("text", "expected"), CASES_TRADITIONAL, ids=[c[0] for c in CASES_TRADITIONAL])
def test_traditional_and_full_width_keep_the_original_surface(text: str, expected: tuple) -> None:
    (m,) = find_mentions(text)
    assert (m.text, float(m.value), m.unit) == (expected[0], expected[1], expected[2])
    assert text[m.start : m.end] == m.text
