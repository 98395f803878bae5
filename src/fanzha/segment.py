"""Sentence splitting over the body blocks, with offsets into the input.

>>> text = "甲。乙!丙\\n丁"
>>> [text[s.start : s.end] for s in sentences(text, [(0, len(text))])]
['甲。', '乙!', '丙', '丁']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from .rules import Pattern, compiled

_SENTENCE = r"[^。!?;！？；\n\r]+(?:[。!?;！？；]+[”\"’」』)]*)?|[。!?;！？；]+"


_CLAUSE_BREAK = ",，;；:：。!?！？\n"
CLAUSE_WINDOW = 120  # a clause is looked at no further than this from a position (bounded work)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int  # index of the paragraph (block) it belongs to


def sentences(text: str, blocks: Iterable[tuple[int, int]]) -> list[Sentence]:
    """Sentences of ``text`` inside each ``(start, end)`` block, in order."""
    pattern = compiled("segment.sentence", _SENTENCE)
    out = []
    for index, (start, end) in enumerate(blocks):
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            while s < e and text[s] in " \t\x00":
                s += 1
            if e > s:
                out.append(Sentence(s, e, index))
    return out


@cache
def _breaks() -> tuple[Pattern, Pattern]:
    """Clause breaks searched backwards and forwards."""
    cls = f"[{regex.escape(_CLAUSE_BREAK)}]"
    return compiled("segment.break_back", f"(?r){cls}"), compiled("segment.break", cls)


def clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last break in ``[lo, pos)``, at most
    ``CLAUSE_WINDOW`` characters back.

    >>> clause_start("今年以来,全市抓获3名", 0, 11)
    5
    """
    lo = max(lo, pos - CLAUSE_WINDOW)
    m = _breaks()[0].search(text, lo, pos)
    return m.end() if m else lo


def clause_end(text: str, pos: int, hi: int) -> int:
    """End of the clause holding ``pos``: the first break in ``[pos, hi)``, at most
    ``CLAUSE_WINDOW`` characters on."""
    hi = min(hi, pos + CLAUSE_WINDOW)
    m = _breaks()[1].search(text, pos, hi)
    return m.start() if m else hi
