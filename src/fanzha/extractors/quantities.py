"""Numbers, percentages, money, multiples and durations.

The recogniser reads the normalised text (same length as the input) and returns mentions
whose offsets index the input. A numeral run is found with one linear regex; its value,
approximation, unit and kind come from the rule tables.

>>> from fanzha.extractors.quantities import find
>>> text = "冻结资金4000余万元"
>>> [(text[m.start : m.end], m.kind.value, str(m.value), m.unit, m.approx) for m in find(text)]
[('4000余万元', 'money', '40000000', '元', <Approx.OVER: 'over'>)]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from ..numerals import parse_number
from ..rules import Pattern, alternation, compiled, edge_chars, table
from ..types import Approx, Figure, Kind

_CN_DIGITS = "〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_SCALES = "十拾百佰千仟"
_BIG = "万亿"
_ONE_INSTANCE = frozenset({"一", "二", "壹"})  # 一名嫌疑人, 二次研判: not counts
_MORE_AFTER_UNIT = frozenset({Kind.DURATION, Kind.MULTIPLE})  # 三年多, 1倍多: 多 after the unit is "over"
_SIGNS = frozenset({"负", "-"})  # may open a negative number (负3.9%, -2.5%)
_PEOPLE = frozenset({"人", "名", "位"})  # 二 before these counts people (兄弟二人), not an ordinal
_MAX_RUN = 40  # no written quantity is longer; a longer run is an identifier or noise
_PAIR = r"[一二两三四五六七八九][二两三四五六七八九](?=[十百千万亿])"  # 一两万: vague


class UnitMatch(NamedTuple):
    """The unit after a number: its kind, the unit written out, where it ends, and how it
    scales the number (一周 = 7 天: factor 7; 一个半月: add 0.5); ``over`` when the unit itself
    says "more than" (三个多月)."""

    kind: Kind
    unit: str | None
    end: int
    factor: Decimal = Decimal(1)
    add: Decimal = Decimal(0)
    over: bool = False


@cache
def _run_pattern() -> Pattern:
    num = f"0-9{_CN_DIGITS}{_CN_SCALES}{_BIG}"
    pattern = (  # a run starts with a character of one class: the engine skips to the next in C
        rf"[{num}半](?<!半(?!个|年|天|小时|月))"
        rf"(?:[{num}]|\.(?=[0-9])|,(?=[0-9]{{3}}(?![0-9]))|点(?=[{_CN_DIGITS}])"
        rf"|[余多几](?=个?[{_CN_SCALES}{_BIG}])|\s(?=[余多]?个?[{_BIG}])|个(?=[{_BIG}]))*"
    )
    return compiled("quantities.run", pattern)


_UNIT_ORDER = (Kind.PERCENT, Kind.MULTIPLE, Kind.MONEY, Kind.DURATION, Kind.COUNT)


@cache
def _unit_pattern() -> tuple[Pattern, dict[str, tuple[Kind, str, Decimal, Decimal, bool]]]:
    """One pattern for every unit table and, for each surface form, its (kind, unit, factor,
    add, over).

    The kinds are tried in ``_UNIT_ORDER``: the first kind with a matching surface wins, its
    longest surface first. One longest-first alternation gives the same answer once it leaves
    out every surface that starts with a surface of an earlier kind (that one always wins),
    and it needs no named group per kind (groups slow every match).
    """
    units = table("units")
    factors = units["duration_factor"]
    readings: dict[str, tuple[Kind, str, Decimal, Decimal, bool]] = {}
    earlier: list[str] = []
    for kind in _UNIT_ORDER:
        surfaces = units[str(kind)]
        for surface, unit in surfaces.items():
            if surface in readings or any(surface.startswith(e) for e in earlier):
                continue  # an earlier kind always matches first
            factor = Decimal(factors.get(surface, 1)) if kind is Kind.DURATION else Decimal(1)
            add = Decimal("0.5") if "半" in surface else Decimal(0)
            readings[surface] = (kind, unit, factor, add, "多" in surface or "余" in surface)
        earlier.extend(surfaces)
    return compiled("units.all", r"\s?" + alternation(readings, "units.all")), readings


@cache
def _word_patterns() -> dict[str, Pattern]:
    q = table("qualifiers")
    nouns = table("units")["nouns"]
    return {
        "prefix": compiled("qualifiers.prefix", alternation(q["prefix"], "qualifiers.prefix") + r"\s?$"),
        "suffix": compiled("qualifiers.suffix", r"\s?(?P<w>" + alternation(q["suffix"], "qualifiers.suffix") + ")"),
        "big_head": compiled("units.big_heads", r"大(?P<u>" + alternation(nouns["big_heads"], "units.big_heads") + ")"),
        "noun": compiled("units.no_unit_nouns", r"\s?(?P<u>" + alternation(nouns["no_unit_nouns"], "nouns") + ")"),
        "money_ctx": compiled("units.money_context", alternation(nouns["money_context"], "units.money_context")),
        "not_after": compiled("units.not_after", alternation(nouns["not_after"], "units.not_after")),
        "percent_words": compiled(
            "quantities.percent_words",
            rf"(?=[百千万半0-9{_CN_DIGITS}{_CN_SCALES}])(?:(?P<pre>百|千|万)分之"
            rf"(?P<a>[0-9.]{{1,12}}|[{_CN_DIGITS}{_CN_SCALES}点]{{1,12}})"
            rf"|(?<![0-9{_CN_DIGITS}{_CN_SCALES}])(?P<den>[0-9]{{1,6}}|[{_CN_DIGITS}{_CN_SCALES}]{{1,6}})分之"
            rf"(?P<b>[0-9.]{{1,12}}|[{_CN_DIGITS}{_CN_SCALES}点]{{1,12}})"
            rf"|(?P<half>一半|半数)"
            rf"|(?<![{_CN_DIGITS}{_CN_SCALES}0-9.])(?P<c>[0-9](?:\.[0-9])?|[一二两三四五六七八九十])成"
            rf"(?=以上|左右|多|[,.;:!?，。；、)\s]|$))",
        ),
        "range_sep": compiled("quantities.range", r"\s?(?:到|至|~|-|—|–)\s?"),
        "currency_before": compiled(
            "units.currency_before",
            alternation(table("units")["currency_before"], "units.currency_before") + r"\s?$",
        ),
        "currency_after": compiled(
            "units.currency_after",
            r"\s?(?P<c>" + alternation(table("units")["currency_before"], "units.currency_before") + ")",
        ),
    }


@cache
def _edge_chars(name: str, last: bool) -> frozenset[str]:
    """The characters the words of table ``name`` (``prefix``/``suffix`` of qualifiers.toml, else
    units.toml) start with, or end with when ``last``: a cheap test before the pattern."""
    words = table("qualifiers")[name] if name in ("prefix", "suffix") else table("units")[name]
    return edge_chars(words, last)


def _word_before(text: str, start: int, name: str) -> tuple[str, int] | None:
    """The word of ``_word_patterns()[name]`` that ends right before ``start`` (a space
    allowed), looked for in the 4 characters there, and where it starts."""
    last = text[start - 1 : start]
    if last not in _edge_chars(name, last=True) and not last.isspace():
        return None  # most numbers: no table word can end here, so skip the search
    m = _word_patterns()[name].search(text[max(0, start - 4) : start])
    return (m.group(0).strip(), start - len(m.group(0))) if m else None


def _prefix_approx(text: str, start: int) -> tuple[Approx | None, int]:
    found = _word_before(text, start, "prefix")
    if found is None:
        return None, start
    return Approx(table("qualifiers")["prefix"][found[0]]), found[1]


def _currency_before(text: str, start: int) -> tuple[str | None, int]:
    """The unit of a currency named right before a number (新台币45亿元 -> TWD) and where it starts."""
    found = _word_before(text, start, "currency_before")
    if found is None:
        return None, start
    return table("units")["currency_before"][found[0]], found[1]


def _currency_after(text: str, pos: int) -> str | None:
    """The unit of a currency named right after an amount in 元 (38.6亿元新台币 -> TWD)."""
    m = _word_patterns()["currency_after"].match(text, pos)
    return table("units")["currency_before"][m.group("c")] if m else None


def _suffix_approx(text: str, pos: int) -> tuple[Approx | None, int]:
    first = text[pos : pos + 1]
    if first not in _edge_chars("suffix", last=False) and not first.isspace():
        return None, pos  # most units are followed by no approximation word: skip the match
    m = _word_patterns()["suffix"].match(text, pos)
    if not m:
        return None, pos
    return Approx(table("qualifiers")["suffix"][m.group("w")]), m.end()


def _match_unit(text: str, pos: int) -> UnitMatch | None:
    pattern, readings = _unit_pattern()
    m = pattern.match(text, pos)
    if not m:
        return None
    kind, unit, factor, add, over = readings[m.group().lstrip()]
    return UnitMatch(kind, unit, m.end(), factor, add, over)


def _money_fraction(text: str, pos: int) -> tuple[Decimal, int]:
    """角 and 分 after 元: 3元5角 -> 0.5 more."""
    extra = Decimal(0)
    for char, scale in (("角", Decimal("0.1")), ("分", Decimal("0.01"))):
        if pos + 1 < len(text) and text[pos + 1] == char:
            digit = parse_number(text[pos])
            if digit is not None and digit < 10:
                extra += digit * scale
                pos += 2
    return extra, pos


def _in_short_quote(text: str, start: int, end: int) -> bool:
    left = text.rfind("“", max(0, start - 10), start)
    if left < 0:
        return False
    right = text.find("”", end, end + 10)
    return right >= 0 and "”" not in text[left:start]


def _is_identifier(text: str, start: int, end: int, run: str) -> bool:
    """Hotlines, phone numbers, codes: bare digit strings that are names, not amounts."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if (before.isascii() and before.isalpha()) or before in "+-·./#@_":
        return True
    if (after.isascii() and after.isalpha()) or after in "+·/#@_-":
        return True
    if before == "“" and after == "”":
        return True  # “12.09”: a case code
    if after in ".·" and text[end + 1 : end + 2].isdigit():
        return True
    digits = run.replace(",", "")
    return digits.isdigit() and (len(digits) >= 3 and (digits[0] in "019" or len(digits) >= 5))


def _range_end(text: str, end: int) -> int | None:
    """Where the number that closes a range opened at ``end`` stops (``-2000`` of 1000-2000元,
    ``至5万`` of 3至5万元); ``None`` if no short number follows a range sign."""
    sep = _word_patterns()["range_sep"].match(text, end)
    if sep is None:
        return None
    closing = compiled("quantities.range_close", r"[0-9]{1,6}(?:\.[0-9]+)?(?![0-9])\s?[千万亿]?").match(text, sep.end())
    return closing.end() if closing else None


def _bare_ok(text: str, start: int, end: int, core: str, has_digit: bool) -> bool:
    """A number with no unit is kept (count, unit null) unless it is an identifier or a word.

    The first number of a range whose second has a unit is kept whatever its digits
    (1000-2000元, 3-5年); it takes that unit later. An age range (20至30岁) is no figure.
    """
    closed = _range_end(text, end) if has_digit else None
    if closed is not None:
        if _word_patterns()["not_after"].match(text, closed):
            return False
        if _unit_may_follow(text, closed):
            return True
    if has_digit:
        return not _is_identifier(text, start, end, core)
    has_scale = any(c in _CN_SCALES + _BIG for c in core)
    return len(core) >= 2 and has_scale and any(c in _CN_DIGITS for c in core)


@cache
def _unit_initials() -> frozenset[str]:
    """First characters of every unit, suffix word and ``大`` (三大运营商)."""
    units = table("units")
    words = [*table("qualifiers")["suffix"], "大"]
    words += [w for kind in _UNIT_ORDER for w in units[str(kind)]]
    return frozenset(w[0] for w in words if w)


def _unit_may_follow(text: str, end: int) -> bool:
    """Cheap test before the full unit match: can any unit start at ``end``?"""
    return text[end : end + 2].lstrip()[:1] in _unit_initials()


def _minus_before(text: str, start: int) -> bool:
    """A minus sign before the number at ``start``: 负3, -3; not the dash of 2-3, A-3 or 5%-3."""
    before = text[start - 1 : start]
    if before == "负":
        return True
    if before != "-":
        return False
    prev = text[start - 2 : start - 1] if start >= 2 else ""
    return not ((prev.isascii() and prev.isalnum()) or prev == "%")


def _scan(text: str, taken: Sequence[Figure]) -> Iterator[Figure]:
    """Quantities of ``text`` whose numeral run starts outside the sorted spans ``taken``."""
    vague = table("qualifiers")["vague"]
    pair = compiled("quantities.pair", _PAIR)
    ascii_digit = compiled("quantities.ascii_digit", "[0-9]")
    not_after = _word_patterns()["not_after"]
    t = 0
    for m in _run_pattern().finditer(text):
        start, end = m.span()
        negative = text[start - 1 : start] in _SIGNS and _minus_before(text, start)
        sign = start - 1 if negative else start
        while t < len(taken) and taken[t].end <= sign:
            t += 1
        if t < len(taken) and taken[t].start <= sign:
            continue  # the 2021 and 5 of 2021年5月: part of a date
        run = m.group()
        if end - start > _MAX_RUN:
            continue
        while run and run[-1] in " 余多个":  # trailing filler belongs to the suffix
            run, end = run[:-1], end - 1
        while len(run) > 1 and run[0] in _CN_DIGITS and run[1].isascii() and run[1].isdigit():
            run, start = run[1:], start + 1  # 队伍12支: 伍 is part of a word, not of the number
        if not run or text[start - 1 : start] == "第":
            continue
        if len(run) == 1 and run in _CN_DIGITS and not _unit_may_follow(text, end):
            continue  # 一些, 统一, 进一步: a lone Chinese digit is a number only before a unit
        core = run.replace("余", "").replace("多", "").replace("几", "")  # 十几万: 100000 over
        approx = Approx.OVER if len(core) < len(run) or pair.search(run) else None
        value = Decimal("0.5") if core == "半" else parse_number(core)
        if value is None:
            continue
        has_digit = ascii_digit.search(core) is not None
        lead_approx, lead_start = _prefix_approx(text, start)
        if not has_digit and core[0] in _CN_SCALES + _BIG and text[start - 1 : start] in vague:
            approx, lead_start = Approx(vague[text[start - 1]]), start - 1
        elif (
            not has_digit
            and len(core) == 1
            and core in _BIG + "百佰千仟"
            and approx is None
            and not (lead_approx or _suffix_approx(text, end)[0])
        ):
            continue  # a lone 万 or 百 (万人发案率, 百家乐, 千家万户) is not an amount; 近万人, 百余起 are
        if not_after.match(text, end):
            continue  # 65岁: an age
        if negative:
            value, lead_start = -value, sign
        mention = _with_unit(text, lead_start, start, end, core, value, approx or lead_approx, has_digit)
        if mention is not None and mention.kind is Kind.COUNT and text[lead_start - 1 : lead_start] == "每":
            continue  # 每10万人发案率, 每3名民警: the base of a rate, not a count
        if mention is not None:
            yield mention
        elif _bare_ok(text, start, end, core, has_digit):
            yield Figure(Kind.COUNT, lead_start, end, value, None, approx or lead_approx)


def _with_unit(
    text: str,
    lead_start: int,
    start: int,
    end: int,
    core: str,
    value: Decimal,
    approx: Approx | None,
    has_digit: bool,
) -> Figure | None:
    words = _word_patterns()
    suffix, pos = _suffix_approx(text, end)
    unit = _match_unit(text, pos)
    if unit is None and suffix is not None:
        pos, suffix = end, None
        unit = _match_unit(text, pos)
    if unit is not None and (words["not_after"].match(text, pos) or words["not_after"].match(text, unit.end)):
        return None  # 100周年, 三年级
    if unit is not None and unit.unit == "年" and ((has_digit and value >= 1000) or "〇" in core):
        return None  # a calendar year
    single = unit is not None and unit.kind is Kind.COUNT and not has_digit and core in _ONE_INSTANCE
    if single and not (core == "二" and unit.unit in _PEOPLE):
        return None  # 一名嫌疑人, 二次研判; but 兄弟二人 counts two people
    before = text[start - 1 : start]
    if unit is not None and unit.kind is Kind.DURATION and core == "一" and before in ("前", "后", "上", "下"):
        return None  # 前一天, 上一年: the day or year before, not a length of time
    if unit is None:
        unit = _unit_from_noun(text, pos, core, value, has_digit, lead_start)
    if unit is None:
        return None
    stop = unit.end
    value = value * unit.factor + unit.add
    unit_name = unit.unit
    if unit.kind is Kind.MONEY:
        extra, stop = _money_fraction(text, stop)
        value += extra
        currency, before_currency = _currency_before(text, lead_start)
        if currency is not None:
            unit_name = currency if unit.unit == "元" else unit_name
            approx = approx or _prefix_approx(text, before_currency)[0]  # 约人民币300万元
        elif unit.unit == "元":
            unit_name = _currency_after(text, stop) or unit_name  # 38.6亿元新台币
    after, stop2 = _suffix_approx(text, stop)
    if after is not None and (unit.kind in _MORE_AFTER_UNIT or text[stop:stop2].strip() not in "余多"):
        stop = stop2  # 30宗左右, 百万元以上; 多/余 after a unit only for durations and multiples (三年多, 1倍多)
    else:
        after = None
    approx = after or suffix or (Approx.OVER if unit.over else None) or approx
    if not has_digit and _in_short_quote(text, start, stop):
        return None
    return Figure(unit.kind, lead_start, stop, value, unit_name, approx)


def _unit_from_noun(
    text: str, pos: int, core: str, value: Decimal, has_digit: bool, lead_start: int
) -> UnitMatch | None:
    words = _word_patterns()
    big = words["big_head"].match(text, pos)
    if big:
        return UnitMatch(Kind.COUNT, big.group("u"), big.end())
    scaled = any(c in _BIG for c in core) or text[lead_start : lead_start + 1] in table("qualifiers")["vague"]
    if not scaled:
        return None
    noun = words["noun"].match(text, pos)
    if noun:
        return UnitMatch(Kind.COUNT, noun.group("u"), noun.end())
    lo = max(0, lead_start - 60)  # bounded look-back: the clause, at most 60 characters
    clause_start = max(text.rfind(c, lo, lead_start) for c in ",。;!?\n，；")
    if words["money_ctx"].search(text, max(lo, clause_start + 1), lead_start) or words["money_ctx"].match(text, pos):
        return UnitMatch(Kind.MONEY, "元", pos)
    return None


def _percent_words(text: str) -> Iterator[Figure]:
    for m in _word_patterns()["percent_words"].finditer(text):
        if m.group("half"):
            value: Decimal | None = Decimal(50)
        elif m.group("pre"):
            num = parse_number(m.group("a"))
            base = {"百": 1, "千": Decimal("0.1"), "万": Decimal("0.01")}[m.group("pre")]
            value = None if num is None else num * base
        elif m.group("den"):
            den, num = parse_number(m.group("den")), parse_number(m.group("b"))
            value = None if not den or num is None else num / den * 100
        else:
            num = parse_number(m.group("c"))
            value = None if num is None else num * 10
        if value is None:
            continue
        approx, stop = _suffix_approx(text, m.end())
        if approx is None:
            stop = m.end()
        lead_approx, lead_start = _prefix_approx(text, m.start())  # 近三成, 超过一半
        yield Figure(Kind.PERCENT, lead_start, stop, value, "%", approx or lead_approx)


def find(text: str, dates: Sequence[Figure] = ()) -> list[Figure]:
    """All quantity mentions of ``text`` (already normalised), sorted, not overlapping.

    A numeral that starts inside one of the sorted spans ``dates`` is not read (it would
    only be dropped later, at some cost). Figures carry offsets only; the caller slices
    their surface from the original.
    """
    scanned: list[Figure] = []
    for mention in _scan(text, dates):  # a unit can swallow the next numeral run (3元5角): keep the first
        if not scanned or mention.start >= scanned[-1].end:
            scanned.append(mention)
    found = without_overlaps(sorted(_percent_words(text), key=lambda x: x.start), scanned)
    heads = _slogan_heads(text)
    if heads:
        found = [x for x in found if not _opens_slogan(text, x, heads)]
    return _merge_terms(_resolve_ranges(text, found))


def without_overlaps(first: list[Figure], second: list[Figure]) -> list[Figure]:
    """``first`` plus the mentions of ``second`` that overlap none of ``first``; sorted by start.

    Both lists must be sorted and free of overlaps within themselves.
    """
    out: list[Figure] = []
    i = 0
    for m in second:
        while i < len(first) and first[i].end <= m.start:
            out.append(first[i])
            i += 1
        if i < len(first) and first[i].start < m.end:
            continue  # overlaps a mention of ``first``
        out.append(m)
    out.extend(first[i:])
    return out


def _slogan_heads(text: str) -> frozenset[str]:
    """Every proper prefix of the short quoted phrases (“六条战线”): names and slogans, whose
    numerals are not counts. A figure whose surface is one of these opens a slogan."""
    quoted = compiled("quantities.quoted", r"“([^“”\n]{2,12})”").finditer(text)
    return frozenset(q[:k] for m in quoted for q in (m.group(1),) for k in range(1, len(q)))


def _opens_slogan(text: str, mention: Figure, heads: frozenset[str]) -> bool:
    surface = text[mention.start : mention.end]
    return surface in heads and compiled("quantities.ascii_digit", "[0-9]").search(surface) is None


def _merge_terms(found: list[Figure]) -> list[Figure]:
    """七年四个月: a term in years and months written together is one duration in months."""
    out: list[Figure] = []
    for mention in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == mention.start
            and prev.unit == "年"
            and mention.unit == "月"
            and isinstance(prev.value, Decimal)
            and isinstance(mention.value, Decimal)
        ):
            out[-1] = Figure(Kind.DURATION, prev.start, mention.end, prev.value * 12 + mention.value, "月")
        else:
            out.append(mention)
    return out


def _resolve_ranges(text: str, found: list[Figure]) -> list[Figure]:
    """A unitless number before 到/至/- takes the kind and unit of the number after it, and
    its scale when it has none of its own and stays below it (3至5万元: 30000 元)."""
    sep = _word_patterns()["range_sep"]
    out: list[Figure] = []
    for i, mention in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        gap = sep.match(text, mention.end) if mention.unit is None else None
        if nxt is not None and gap is not None and gap.end() == nxt.start and nxt.unit is not None:
            value = mention.value
            scale = _scale_of(text[nxt.start : nxt.end])
            if scale > 1 and _scale_of(text[mention.start : mention.end]) == 1 and value * scale <= nxt.value:
                value = value * scale
            mention = Figure(nxt.kind, mention.start, mention.end, value, nxt.unit)
        out.append(mention)
    return out


def _scale_of(surface: str) -> Decimal:
    """The multiplier after the digits of ``surface``: 亿, 万 or 千 (5万元: 10000), else 1."""
    numerals = table("numerals")
    for char in ("亿", "万"):
        if char in surface:
            return Decimal(numerals["big_scales"][char])
    return Decimal(numerals["scales"]["千"]) if "千" in surface else Decimal(1)
