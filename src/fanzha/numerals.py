"""Parse a numeral string (Arabic, Chinese or mixed) into an exact ``Decimal``.

>>> parse_number("3.9亿")
Decimal('390000000.0')
>>> parse_number("两千四百五")
Decimal('2450')
>>> parse_number("3万4000")
Decimal('34000')
>>> parse_number("二〇二一")
Decimal('2021')
>>> parse_number("五点二五")
Decimal('5.25')
>>> parse_number("一万二")
Decimal('12000')
>>> parse_number("千万") is None
False
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import NamedTuple

from .rules import table


@cache
def _tables() -> tuple[dict[str, Decimal], dict[str, Decimal], dict[str, Decimal], frozenset[str], str]:
    t = table("numerals")
    digits = {k: Decimal(v) for k, v in t["digits"].items()}
    scales = {k: Decimal(v) for k, v in t["scales"].items()}
    big = {k: Decimal(v) for k, v in t["big_scales"].items()}
    return digits, scales, big, frozenset(t["zero"]), t["point"]


class Token(NamedTuple):
    """``kind``: 'n' number, 's' scale (十百千), 'b' big scale (万亿), 'z' zero place."""

    kind: str
    value: Decimal
    arabic: bool = False


def _tokens(text: str) -> list[Token] | None:
    """Split a numeral string into tokens; ``None`` if a character does not belong."""
    digits, scales, big, zeros, point = _tables()
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isascii() and c.isdigit():
            j = i
            while j < n and (text[j].isascii() and (text[j].isdigit() or text[j] in ".,")):
                j += 1
            raw = text[i:j].replace(",", "").rstrip(".")
            try:
                out.append(Token("n", Decimal(raw), True))
            except InvalidOperation:
                return None
            i = j
        elif c in zeros and out and out[-1].kind != "n":
            out.append(Token("z", Decimal(0)))
            i += 1
        elif c in digits:
            j = i
            while j < n and text[j] in digits:
                j += 1
            run = text[i:j]
            if j < n and text[j] == point:  # 五点二五
                k = j + 1
                while k < n and text[k] in digits:
                    k += 1
                frac = "".join(str(digits[ch]) for ch in text[j + 1 : k])
                whole = "".join(str(digits[ch]) for ch in run)
                out.append(Token("n", Decimal(f"{whole}.{frac}" if frac else whole)))
                i = k
                continue
            if len(run) == 1:
                out.append(Token("n", digits[run]))
            elif len(run) >= 3 or (len(run) == 2 and run[0] in zeros) or run[-1] in zeros:
                out.append(Token("n", Decimal("".join(str(digits[ch]) for ch in run))))  # 二〇二一
            else:
                # 一两 / 三四: an approximate pair; the smaller digit is the value
                out.append(Token("n", min(digits[run[0]], digits[run[1]])))
            i = j
        elif c in scales:
            out.append(Token("s", scales[c]))
            i += 1
        elif c in big:
            out.append(Token("b", big[c]))
            i += 1
        elif c in " 个":
            i += 1
        else:
            return None
    return out


def _section(tokens: list[Token]) -> Decimal | None:
    """Value of a run below 万: digits and 十百千; a trailing lone digit is colloquial."""
    total = Decimal(0)
    cur: Decimal | None = None
    last_scale: Decimal | None = None
    zero_seen = False
    for kind, val, _ in tokens:
        if kind == "n":
            if cur is not None:
                return None
            cur = val
        elif kind == "s":
            if last_scale is not None and val >= last_scale and cur is None:
                return None
            total += (cur if cur is not None else Decimal(1)) * val
            last_scale, cur, zero_seen = val, None, False
        elif kind == "z":
            zero_seen = True
    if cur is not None:
        if last_scale is not None and not zero_seen and cur < 10 and cur == cur.to_integral_value():
            total += cur * (last_scale / 10)  # 两千四百五 -> 2450
        else:
            total += cur
    return total


def _split_big(tokens: list[Token]) -> Decimal | None:
    """Split on the biggest scale present (亿 then 万) and combine the sections."""
    bigs = [t.value for t in tokens if t.kind == "b"]
    if not bigs:
        return _section(tokens)
    top = max(bigs)
    idx = max(i for i, t in enumerate(tokens) if t.kind == "b" and t.value == top)
    left, right = tokens[:idx], tokens[idx + 1 :]
    if left and all(t.kind == "b" for t in left):
        return None  # 万万: not a number
    left_val = _split_big(left) if left else Decimal(1)
    if left_val is None:
        return None
    if not right:
        return left_val * top
    if len(right) == 1 and right[0].kind == "n":
        val = right[0].value
        if val < 10 and val == int(val) and not right[0].arabic:
            return left_val * top + val * top / 10  # 一万二 -> 12000
        return left_val * top + val  # 3万4000 -> 34000
    right_val = _split_big([t for t in right if t.kind != "z"])
    if right_val is None or right_val >= top:
        return None
    return left_val * top + right_val


_MAX_CHARS = 64  # longer strings are not numerals anyone writes; refuse them (bounded work)


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Decimal | None:
    """Exact value of a numeral string, or ``None`` when it is not a well-formed number.

    Cached: articles repeat their small numerals (一, 两, 3, 2021) many times, and ``Decimal``
    values are immutable, so sharing them is safe.
    """
    if len(text) > _MAX_CHARS:
        return None
    toks = _tokens(text.strip())
    if not toks:
        return None
    return _split_big(toks)
