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
_PUNCT = frozenset(" ,，.。;；:：、!?！？“”\"'‘’()（）《》【】[]·+-%|/<>=~\t\r\n")


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
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    drop = sorted(_drop_words(), key=len, reverse=True)
    alt = "|".join(re.escape(x) for x in drop)
    # the window starts after the last punctuation mark, figure or time expression
    # the measure starts after a figure or a time word: "1至9月", "今年", "上半年", "以来" (not the 年
    # of 老年人)
    time_word = r"(?:[今去全近明往当上本次同每前][年月日]|[上下]半年|季度|以来)"
    tail = re.compile(
        r"(?:.*[" + re.escape("".join(_PUNCT)) + r"0-9](?:月份?|日|号|年度?)?|.*" + time_word + r")?(?P<w>.*)$", re.S
    )
    return tail, re.compile(f"(?:{alt})+"), re.compile(f"(?:{alt})+$")


def _strip_words(text: str) -> str:
    """``text`` without the drop words it starts and ends with (累计, 同比, 达 ...).

    Searching for drop words that run to the end tries every position, so it is done
    only when the last character can end a drop word.
    """
    _, lead, trail = _patterns()
    m = lead.match(text)
    if m:
        text = text[m.end() :]
    if text[-1:] not in _drop_last_chars():
        return text
    m = trail.search(text)
    return text[: m.start()] if m else text


@cache
def _subject_ends() -> tuple[str, ...]:
    return tuple(table("measures")["measure"]["subject_end"])


@cache
def _drop_last_chars() -> frozenset[str]:
    return frozenset(w[-1] for w in _drop_words())


def measure_phrase(window: str) -> str | None:
    """The indicator phrase at the end of ``window`` (the text just before a figure)."""
    tail = _patterns()[0]
    window = window.replace("\x00", "")[-40:]  # masked tags (</td><td>) join what they split
    m = tail.match(window)
    text = _strip_words(m.group("w") if m else window)
    if len(text) > _MAX_CHARS:  # too long: the part after the subject, if an adverb marks it
        cut = max(text.rfind(w) + len(w) if w in text else -1 for w in _subject_ends())
        if 0 < cut <= len(text) - 4:  # not 累计数量 -> 数量: too little left to name a measure
            text = _strip_words(text[cut:])
    if len(text) > _MAX_CHARS:  # still too long: cut at a word boundary with jieba
        tokens = tokenizer().lcut(text[-24:], HMM=False)
        while len("".join(tokens)) > _MAX_CHARS and len(tokens) > 1:
            tokens.pop(0)
        text = _strip_words("".join(tokens))
    return text or None
