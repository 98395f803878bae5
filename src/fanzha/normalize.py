"""Normalise text without changing its length: OpenCC ``t2s``, then width folding.

Every offset into the output is an offset into the input. Where OpenCC would change a
line's length (no ``t2s`` table entry does, but a future table might), the original
characters are kept for that line.

>>> simplify("來源:江南時報")
'来源:江南时报'
>>> fold_width("１２３％，ＡＢ")
'123%,AB'
>>> normalize("凍結資金３.９億元")
'冻结资金3.9亿元'
"""

from __future__ import annotations

import re
from functools import cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _width_table() -> dict[int, int]:
    table = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    # ideographic space, no-break and zero-width spaces: all become one ASCII space
    for code in (0x3000, 0x00A0, 0x2002, 0x2003, 0x2009, 0x200B, 0xFEFF):
        table[code] = 0x20
    return table


def _convert_same_length(text: str) -> str:
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    # fall back line by line, then char by char, keeping the original where lengths differ
    parts = []
    for line in text.splitlines(keepends=True):
        conv = _converter().convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c2 := _converter().convert(c)) != 1 else c2 for c in line)
        parts.append(conv)
    return "".join(parts)


def simplify(text: str) -> str:
    """Traditional to simplified Chinese, same length as ``text``."""
    if not text:
        return text
    if "\x00" in text:  # OpenCC's C API stops at NUL: convert around it
        return "\x00".join(simplify(part) for part in text.split("\x00"))
    out = _convert_same_length(text)
    assert len(out) == len(text)
    return out


@cache
def _wide_char() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_width_table())) + "]")


def fold_width(text: str) -> str:
    """Full-width ASCII variants to ASCII; odd spaces to a plain space. Same length.

    Each wide character the text holds is replaced in one ``str.replace`` pass: a page uses
    a dozen of them, and this is 2-3x faster than a substitution per run of them (and ~10x
    faster than ``str.translate``, which looks up every character).
    """
    table = _width_table()
    for wide in set(_wide_char().findall(text)):
        text = text.replace(wide, chr(table[ord(wide)]))
    return text


def normalize(text: str) -> str:
    """``fold_width(simplify(text))``: the string every recogniser reads."""
    out = fold_width(simplify(text))
    assert len(out) == len(text)
    return out
