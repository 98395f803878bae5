"""Word segmentation of the short windows around a figure (never the whole article).

fanzha owns a private ``jieba.Tokenizer`` whose main dictionary is the small domain
dictionary ``rules/jieba_userdict.txt`` (jieba's HMM handles unknown words). Loading it
takes milliseconds, where jieba's default 5 MB dictionary takes most of a second.

>>> measure_phrase("2019年以来,累计抓获犯罪嫌疑人")
'抓获犯罪嫌疑人'
>>> measure_phrase("全市电信诈骗案件发案数同比下降")
'电信诈骗案件发案数'
"""

from __future__ import annotations

import logging
import re
from functools import cache

import jieba

from .rules import table, userdict_path

_MAX_CHARS = 14
_PUNCT = frozenset(" ,，.。;；:：、!?！？“”\"'‘’()（）《》【】[]·\x00\t\r\n")


@cache
def tokenizer() -> jieba.Tokenizer:
    """The private tokenizer, built on first use."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tk = jieba.Tokenizer(dictionary=userdict_path())
    tk.initialize()
    return tk


@cache
def _drop_words() -> frozenset[str]:
    return frozenset(table("measures")["measure"]["drop_words"])


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    drop = sorted(_drop_words(), key=len, reverse=True)
    alt = "|".join(re.escape(x) for x in drop)
    # the window starts after the last punctuation mark, figure or time expression
    # the measure starts after a figure or a time word: "1至9月", "今年", "近日", "以来" (not the 年
    # of 老年人)
    time_word = r"(?:[今去全近明往当上本次同每前][年月日]|以来)"
    tail = re.compile(
        r"(?:.*[" + re.escape("".join(_PUNCT)) + r"0-9](?:月份?|日|号|年度?)?|.*" + time_word + r")?(?P<w>.*)$", re.S
    )
    return tail, re.compile(rf"^(?:{alt})+|(?:{alt})+$")


def measure_phrase(window: str) -> str | None:
    """The indicator phrase at the end of ``window`` (the text just before a figure)."""
    tail, drop = _patterns()
    window = window[-40:]
    m = tail.match(window)
    text = m.group("w") if m else window
    text = drop.sub("", text)
    if len(text) > _MAX_CHARS:  # too long: cut at a word boundary with jieba
        tokens = tokenizer().lcut(text[-24:], HMM=False)
        while len("".join(tokens)) > _MAX_CHARS and len(tokens) > 1:
            tokens.pop(0)
        text = drop.sub("", "".join(tokens))
    return text or None
