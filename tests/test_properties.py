"""Properties that hold for any text: no exception, offsets slice the input, spans in order."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fanzha import extract, find_mentions
from fanzha.normalize import normalize

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
NUMERIC = st.sampled_from(list("0123456789.,%万亿千百十一二两三四五六七八九零〇余多近约超第年月日元个名起次"))
FULLWIDTH = st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)
CONTROL = st.sampled_from(["\x00", "\r", "\n", "\t", "\u3000", "\u200b", "\ufeff", "“", "”", "<", ">", "*", "|", "#"])
PIECES = st.sampled_from(["\r\n", "<p>", "</p>", "**", "---\n", "![](x)", "今年以来,", "同比下降", "分别", "。"])
TEXT = st.one_of(
    st.text(),
    st.text(st.one_of(CJK, NUMERIC, FULLWIDTH, CONTROL), max_size=300),
    st.lists(st.one_of(st.text(st.one_of(NUMERIC, CJK), max_size=8), PIECES), max_size=40).map("".join),
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, mentions: list) -> None:
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in pairwise(mentions))


@SETTINGS
@given(TEXT)
def test_normalize_keeps_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


@SETTINGS
@given(TEXT)
def test_find_mentions_offsets(text: str) -> None:
    _check(text, find_mentions(text, published="2021-05-31"))


@SETTINGS
@given(TEXT)
def test_extract_never_raises_and_offsets_hold(text: str) -> None:
    result = extract(text)
    _check(text, list(result.mentions))
    assert extract(text) == result  # same input, same output
