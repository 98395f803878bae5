"""Sentence splitting over the body blocks, with offsets into the input.

>>> text = "甲。乙!丙\\n丁"
>>> [text[s.start : s.end] for s in sentences(text, [(0, len(text))])]
['甲。', '乙!', '丙', '丁']
"""

from __future__ import annotations

from bisect import bisect_left
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


class Clauses:
    """Clause bounds inside one sentence, from its breaks found once: the same answers as
    ``clause_start(text, start, pos)`` and a search for the first break after ``pos``,
    without a regex call per figure.

    >>> c = Clauses("今年以来,全市抓获3名,冻结资金", 0, 17)
    >>> c.start(9), c.end(9)
    (5, 11)
    """

    __slots__ = ("_breaks", "_hi", "_lo")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._breaks = [m.start() for m in _breaks()[1].finditer(text, start, end)]
        self._lo, self._hi = start, end

    def start(self, pos: int) -> int:
        """Start of the clause holding ``pos``, at most ``CLAUSE_WINDOW`` characters back."""
        lo = max(self._lo, pos - CLAUSE_WINDOW)
        i = bisect_left(self._breaks, pos) - 1
        return self._breaks[i] + 1 if i >= 0 and self._breaks[i] >= lo else lo

    def end(self, pos: int) -> int:
        """End of the clause holding ``pos`` (its first break), at most ``CLAUSE_WINDOW`` on."""
        hi = min(self._hi, pos + CLAUSE_WINDOW)
        i = bisect_left(self._breaks, pos)
        return self._breaks[i] if i < len(self._breaks) and self._breaks[i] < hi else hi
