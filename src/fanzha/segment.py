"""Sentence splitting over the body blocks, with offsets into the input.

>>> text = "甲。乙!丙\\n丁"
>>> [text[s.start : s.end] for s in sentences(text, [(0, len(text))])]
['甲。', '乙!', '丙', '丁']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .rules import compiled

_SENTENCE = r"[^。!?;！？；\n\r]+(?:[。!?;！？；]+[”\"’」』)]*)?|[。!?;！？；]+"


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
