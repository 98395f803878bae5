"""Dates, resolved against the publication date into ISO 8601 days or intervals.

>>> import datetime
>>> pub = datetime.date(2021, 5, 31)
>>> [(m.start, m.end, m.value) for m in find("截至5月17日,全市", pub)]
[(2, 7, '2021-05-17')]
>>> [m.value for m in find("2019年1至7月份,今年以来,去年10月26日", datetime.date(2019, 8, 30))]
['2019-01-01/2019-07-31', '2019-01-01/2019-08-30', '2018-10-26']
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import regex

from ..numerals import parse_number
from ..rules import Match, Pattern, alternation, compiled, table
from ..types import Figure, Kind

_YEAR = r"(?:19|20)[0-9]{2}|[一二][〇零九][〇零一二三四五六七八九]{2}"
_MON = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_SEP = r"\s?(?:至|到|-|—|–|~)\s?"
_TIME = r"(?:\s?[0-9]{1,2}\s?[时点](?:[0-9]{1,2}分|半)?许?)"


@cache
def _pattern() -> Pattern:
    d = table("dates")
    rel_years = alternation(d["relative_years"], "dates.relative_years")
    rel_days = alternation(d["relative_days"], "dates.relative_days")
    anchored = alternation(d["anchored_days"], "dates.anchored_days")
    year_parts = alternation(d["year_parts"], "dates.year_parts")
    bare_parts = alternation(d["bare_year_parts"], "dates.bare_year_parts")
    month_parts = alternation(d["month_parts"], "dates.month_parts")
    since = alternation(d["since"], "dates.since")
    since_at_break = alternation(d["since_at_break"], "dates.since_at_break")
    pattern = rf"""
    (?:
      (?:(?P<y>{_YEAR})\s?年\s?|(?P<ry>{rel_years})\s?)?
      (?=(?:{_MON})\s{{0,2}}[月至到\-—–~])
      (?:
         (?P<m1>{_MON})\s?(?:月\s?)?{_SEP}(?P<m2>{_MON})\s?月份?
       | (?P<m>{_MON})\s?月\s?(?P<d>{_DAY})\s?[日号](?:{_SEP}(?P<d2>{_DAY})\s?[日号])?{_TIME}?
       | (?P<mm>{_MON})\s?月(?P<mpart>份|{month_parts})?
      )
    | (?:(?P<ny>{_YEAR})\s?年\s?|(?P<nry>{rel_years})\s?)?
      [前首](?P<nm>[0-9]{{1,2}}|[一二两三四五六七八九十]{{1,2}})个?月
    | (?:上世纪)(?P<dec>[0-9]0|[一二三四五六七八九]十)年代 | (?P<dec4>(?:19|20)[0-9]0)年代
    | (?P<ya>(?:19|20)[0-9]{{2}}){_SEP}(?P<yb>(?:19|20)[0-9]{{2}})\s?年
    | (?P<y2>{_YEAR})\s?年(?P<ypart>{year_parts})?
    | (?P<ry2>{rel_years})(?P<rypart>{year_parts}|同期)?
    | (?P<bare>{bare_parts})
    | (?P<rd>{rel_days})(?:\s?\(\s?(?P<pm>{_MON})\s?月\s?(?P<pd>{_DAY})\s?日\s?\))?{_TIME}?
    | (?P<ad>{anchored}){_TIME}?
    | (?<![0-9月日号一二三四五六七八九十每〇零])(?P<dd>3[01]|[12][0-9]|[1-9])日(?![均常报内前后])(?:{_TIME})?
    | (?P<wk>上|下|本|这)(?:周|星期)(?P<wd>[一二三四五六日天])
    | (?P<rm>上个月|下个月|本月|上月|下月|当月)
    | (?<![0-9])(?P<iy>(?:19|20)[0-9]{{2}})[-/.](?P<im>1[0-2]|0?[1-9])[-/.](?P<id>3[01]|[12][0-9]|0?[1-9])(?![0-9])
    )
    (?P<since>\s?(?:{since}|{since_at_break}(?=[,，;；:：。、]|\s)))?
    """
    # a date starts with a numeral or the first character of a date word, or with at most four
    # digits that a date mark follows (2021年, 5月, 3日, 2019-, 3季度); checking that first lets
    # the engine skip most positions at once, and most numbers (4000余万元) after one look
    words = [*d["relative_years"], *d["relative_days"], *d["anchored_days"], *d["bare_year_parts"]]
    numerals_and_heads = set("一二三四五六七八九十〇零上下本这当前首")  # 上周, 这星期, 当月, 前两个月, 首季度
    starts = regex.escape("".join(sorted({w[0] for w in words if not w[0].isdigit()} | numerals_and_heads)))
    marks = regex.escape("".join(sorted({w[1] for w in words if w[0].isdigit()} | set("年月日号至到-—–~/."))))
    body = regex.sub(r"\s+", "", pattern.replace(r"\s?", "§")).replace("§", r"\s?")
    return compiled("dates.pattern", rf"(?=[{starts}]|[0-9]{{1,4}}\s{{0,2}}[{marks}])(?:{body})")


@cache
def vague_pattern() -> Pattern:
    """Time words with no calendar anchor (近日, 目前): shared with the period resolver."""
    return compiled("dates.vague", alternation(table("dates")["vague"], "dates.vague"))


def _num(text: str | None) -> int | None:
    if not text:
        return None
    value = parse_number(text)
    return None if value is None else int(value)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _iso(year: int | None, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"XXXX-{month:02d}-{day:02d}"


def _month_span(year: int | None, m1: int, m2: int) -> str:
    last = _last_day(year if year is not None else 2001, m2)  # a non-leap year when unknown
    return f"{_iso(year, m1, 1)}/{_iso(year, m2, last)}"


def _part(spec: object, year: int, month: int) -> int:
    return _last_day(year, month) if spec == "end" else int(str(spec))


class _Context:
    """What resolving one match needs: the publication date and the last date seen."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.anchor: dt.date | None = None
        self.anchor_end = -1

    @property
    def year(self) -> int | None:
        return self.published.year if self.published else None


def _rel_year(word: str | None, ctx: _Context) -> int | None:
    if word is None or ctx.year is None:
        return None
    return ctx.year + int(table("dates")["relative_years"][word])


def _resolve(m: Match, ctx: _Context, anchored: bool) -> tuple[str | None, dt.date | None]:
    """(ISO value, the day it names if it names one day)."""
    g = m  # m["name"] reads one group; groupdict() would build all ~40 for each date
    year = _num(g["y"]) if g["y"] else _rel_year(g["ry"], ctx) if g["ry"] else ctx.year
    if g["m1"]:
        m1, m2 = _num(g["m1"]), _num(g["m2"])
        if not m1 or not m2 or not 1 <= m1 <= m2 <= 12:
            return None, None
        return _month_span(year, m1, m2), None
    if g["m"]:
        month, day = _num(g["m"]), _num(g["d"])
        if not month or not day or not 1 <= month <= 12 or not 1 <= day <= _last_day(year or 2000, month):
            return None, None
        if g["d2"]:
            day2 = _num(g["d2"])
            if not day2 or day2 < day or day2 > _last_day(year or 2000, month):
                return None, None
            return f"{_iso(year, month, day)}/{_iso(year, month, day2)}", None
        return _iso(year, month, day), dt.date(year, month, day) if year else None
    if g["mm"]:
        month = _num(g["mm"])
        if not month or not 1 <= month <= 12:
            return None, None
        part = g["mpart"]
        if part and part != "份":
            lo, hi = table("dates")["month_parts"][part]
            y = year if year is not None else 2001
            first, last = _part(lo, y, month), _part(hi, y, month)
            if first == last:
                return _iso(year, month, first), dt.date(year, month, first) if year else None
            return f"{_iso(year, month, first)}/{_iso(year, month, last)}", None
        return _month_span(year, month, month), None
    if g["nm"]:  # 前9个月, 去年前10个月, 今年首九个月
        n = _num(g["nm"])
        y = _num(g["ny"]) if g["ny"] else _rel_year(g["nry"], ctx) if g["nry"] else ctx.year
        if not n or n > 12:
            return None, None
        return _month_span(y, 1, n), None  # XXXX when no year can be known
    if g["ya"]:
        first, last = int(g["ya"]), int(g["yb"])
        return (f"{first}-01-01/{last}-12-31", None) if first < last else (None, None)
    if g["y2"] or g["ry2"] or g["bare"]:
        y = _num(g["y2"]) if g["y2"] else _rel_year(g["ry2"], ctx) if g["ry2"] else ctx.year
        part = g["ypart"] or g["rypart"] or g["bare"]
        if g["ry2"] and g["ry2"] in ("今年", "本年") and not part and ctx.published:
            return f"{_iso(y, 1, 1)}/{ctx.published.isoformat()}", None
        if part and part != "同期":  # with no year known, XXXX (and a non-leap February)
            m1, d1, m2, d2 = table("dates")["year_parts"][part]
            days_of = y if y is not None else 2001
            first = _iso(y, int(m1), _part(d1, days_of, int(m1)))
            last = _iso(y, int(m2), _part(d2, days_of, int(m2)))
            return (first if first == last else f"{first}/{last}"), None
        return f"{_iso(y, 1, 1)}/{_iso(y, 12, 31)}", None
    if g["dec"] or g["dec4"]:
        start = 1900 + (_num(g["dec"]) or 0) if g["dec"] else int(g["dec4"])
        return f"{start}-01-01/{start + 9}-12-31", None
    if g["rd"]:
        if g["pm"]:
            month, day = _num(g["pm"]), _num(g["pd"])
            if month and day and 1 <= month <= 12 and 1 <= day <= _last_day(ctx.year or 2000, month):
                return _iso(ctx.year, month, day), dt.date(ctx.year, month, day) if ctx.year else None
        if ctx.published is None:
            return None, None
        day_ = ctx.published + dt.timedelta(days=int(table("dates")["relative_days"][g["rd"]]))
        return day_.isoformat(), day_
    if g["ad"] or g["dd"]:
        if ctx.anchor is None or not anchored:
            return None, None
        if g["ad"]:
            day_ = ctx.anchor + dt.timedelta(days=int(table("dates")["anchored_days"][g["ad"]]))
        else:
            try:
                day_ = ctx.anchor.replace(day=int(g["dd"]))
            except ValueError:
                return None, None
        return day_.isoformat(), day_
    if g["wk"]:
        if ctx.published is None:
            return None, None
        shift = {"上": -7, "下": 7}.get(g["wk"], 0)
        monday = ctx.published - dt.timedelta(days=ctx.published.weekday())
        day_ = monday + dt.timedelta(days=shift + int(table("dates")["weekdays"][g["wd"]]))
        return day_.isoformat(), day_
    if g["rm"]:
        if ctx.published is None:
            return None, None
        shift = {"上个月": -1, "上月": -1, "下个月": 1, "下月": 1}.get(g["rm"], 0)
        y, mo = divmod(ctx.published.year * 12 + ctx.published.month - 1 + shift, 12)
        return _month_span(y, mo + 1, mo + 1), None
    if g["iy"]:
        try:
            day_ = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        except ValueError:
            return None, None
        return day_.isoformat(), day_
    return None, None


def _in_book_title(text: str, start: int) -> bool:
    left = text.rfind("《", max(0, start - 30), start)
    return left >= 0 and "》" not in text[left:start]


def _with_since(value: str, ctx: _Context) -> str:
    start = value.split("/")[0]
    end = ctx.published.isoformat() if ctx.published else ".."
    return f"{start}/{end}"


def find(text: str, published: dt.date | None) -> list[Figure]:
    """The dates of normalised ``text`` as figures; the caller slices their surface from the input."""
    ctx = _Context(published)
    vague = vague_pattern()
    out: list[Figure] = []
    for m in _pattern().finditer(text):
        if not m.group(0).strip() or _in_book_title(text, m.start()):
            continue
        # 第二天/24日 lean on the nearest time expression before them; a vague one (近日) gives none
        anchored = ctx.anchor_end >= 0 and not vague.search(text, ctx.anchor_end, m.start())
        value, day = _resolve(m, ctx, anchored)
        if value is None:
            continue
        end = m.end()
        if m.group("since"):
            value = _with_since(value, ctx)
        if day is not None:
            ctx.anchor, ctx.anchor_end = day, end
        else:
            ctx.anchor, ctx.anchor_end = None, -1  # an interval is no day to count from
        out.append(Figure(Kind.DATE, m.start(), end, value))
    return _merge_ranges(text, out)


def _merge_ranges(text: str, found: list[Figure]) -> list[Figure]:
    """2020年2月至2020年9月: a range of two dates is one interval."""
    sep = compiled("dates.sep", _SEP)
    out: list[Figure] = []
    for mention in found:
        prev = out[-1] if out else None
        gap = sep.fullmatch(text, prev.end, mention.start) if prev is not None else None
        if prev is not None and gap is not None:
            first = str(prev.value).split("/")[0]
            last = str(mention.value).split("/")[-1]
            out[-1] = Figure(Kind.DATE, prev.start, mention.end, f"{first}/{last}")
        else:
            out.append(mention)
    return out
