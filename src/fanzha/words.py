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


def _is_time_word(token: str) -> bool:
    return token.endswith(("年", "月", "日", "以来")) and any(c.isdigit() or c in "今去本上前" for c in token)


def measure_phrase(window: str) -> str | None:
    """The indicator phrase at the end of ``window`` (the text just before a figure)."""
    text = window.strip("".join(_PUNCT))
    if not text:
        return None
    tokens = [t for t in tokenizer().lcut(text[-40:], HMM=True) if t.strip()]
    # keep the words after the last punctuation, time word or figure
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if tok in _PUNCT or any(c in _PUNCT for c in tok) or _is_time_word(tok) or any(c.isdigit() for c in tok):
            tokens = tokens[i + 1 :]
            break
    drop = _drop_words()
    while tokens and tokens[0] in drop:
        tokens.pop(0)
    while tokens and tokens[-1] in drop:
        tokens.pop()
    while len("".join(tokens)) > _MAX_CHARS and len(tokens) > 1:
        tokens.pop(0)
    phrase = "".join(tokens)
    return phrase or None
