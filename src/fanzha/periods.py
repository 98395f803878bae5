"""The period a figure covers, following the annotation conventions mechanically.

A date stated earlier in the same sentence, or as the paragraph's lead-in, applies to the
figures after it. ``截至X`` gives ``../X``; ``X以来`` gives ``X/published``; a vague time word
(目前) leaves the figures after it without a period; a comparison base (较去年) is no period.

>>> import datetime
>>> open_end("2021-05-17")
'../2021-05-17'
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from .extractors.dates import vague_pattern
from .rules import Pattern, alternation, compiled, table
from .segment import Sentence, clause_start
from .types import Figure, Kind

_VAGUE = "vague"
_LEAD_WINDOW = 40
_LEAD_PREFIX = 2  # 截至, 自: the most a lead-in date may have before it in its clause


@cache
def _patterns() -> dict[str, Pattern]:
    d = table("dates")
    until = alternation(d["until"], "dates.until")
    return {
        "until": compiled("periods.until", rf"{until}\s?$"),
        "until_now": compiled("periods.until_now", rf"{until}\s?{alternation(d['now'], 'dates.now')}"),
        "comparison": compiled("periods.comparison", rf"{alternation(d['comparison'], 'dates.comparison')}\s?$"),
        "since_later": compiled("periods.since", rf"[^,，。;；]{{0,10}}?{alternation(d['since'], 'dates.since')}"),
    }


def open_end(value: str) -> str:
    """``../<last day of value>``."""
    return f"../{value.split('/')[-1]}"


def _date_period(m: Figure, norm: str, published: dt.date | None) -> str | None:
    """The period a date mention opens for the figures after it; ``None`` if it opens none."""
    pats = _patterns()
    before = norm[max(0, m.start - 4) : m.start]
    value = str(m.value)
    if pats["comparison"].search(before) or norm.startswith("同期", m.end):
        return None
    if pats["until"].search(before):
        return open_end(value)
    if "/" not in value or not value.endswith(published.isoformat() if published else "\x00"):
        since = pats["since_later"].match(norm, m.end)
        if since and published is not None:
            return f"{value.split('/')[0]}/{published.isoformat()}"
    return value


def _events(
    norm: str, sentence: Sentence, mentions: Sequence[Figure], published: dt.date | None
) -> list[tuple[int, str | None]]:
    """(position, period) where the running period of the sentence changes."""
    pats = _patterns()
    events: list[tuple[int, str | None]] = []
    for m in mentions:
        if m.kind is Kind.DATE:
            period = _date_period(m, norm, published)
            if period is not None:
                events.append((m.start, period))
    until_now = [(x.start(), x.end()) for x in pats["until_now"].finditer(norm, sentence.start, sentence.end)]
    for s, _ in until_now:
        if published is not None:
            events.append((s, f"../{published.isoformat()}"))
    for x in vague_pattern().finditer(norm, sentence.start, sentence.end):
        if not any(s <= x.start() < e for s, e in until_now):
            events.append((x.start(), _VAGUE))
    events.sort(key=lambda e: e[0])
    return events


def _combine(current: str, before: str | None, published: dt.date | None) -> str:
    """An open-ended ``../X`` takes its start from a ``…以来`` period stated ``before`` it
    (今年以来…截至目前: from January to the publication date). A closed period before it
    gives none: after 11月份, 截至11月底 counts everything up to the end of November."""
    since = published is not None and before is not None and before.endswith("/" + published.isoformat())
    if current.startswith("../") and before and since and not before.startswith(".."):
        start = before.split("/")[0]
        return f"{start}/{current[3:]}"
    return current


def assign_periods(
    mentions: Sequence[Figure], norm: str, sentences: Sequence[Sentence], published: dt.date | None
) -> list[str | None]:
    """The period of each mention (sorted), aligned with ``mentions``.

    Counts, money, percents and multiples get one; dates, durations and mentions outside every
    sentence get ``None``.
    """
    by_sentence: dict[int, list[int]] = {}
    index = 0
    for i, sentence in enumerate(sentences):
        while index < len(mentions) and mentions[index].start < sentence.end:
            if mentions[index].start >= sentence.start:
                by_sentence.setdefault(i, []).append(index)
            index += 1
    out: list[str | None] = [None] * len(mentions)
    lead: str | None = None
    block = -1
    for i, sentence in enumerate(sentences):
        opens_block = sentence.block != block
        if i not in by_sentence and not opens_block:
            continue  # no figure to date, no lead-in to read
        in_sentence = [mentions[k] for k in by_sentence.get(i, ())]
        events = _events(norm, sentence, in_sentence, published)
        if opens_block:
            block = sentence.block
            lead = _lead(norm, in_sentence, events, sentence, published)
        positions = [pos for pos, _ in events]
        for k in by_sentence.get(i, ()):
            m = mentions[k]
            if m.kind in (Kind.DATE, Kind.DURATION):
                continue
            j = bisect_left(positions, m.start)
            current = events[j - 1][1] if j else None
            if current is None:
                out[k] = lead
            elif current != _VAGUE:  # 今年以来,…,截至目前: the start comes from the sentence, else the lead
                earlier = events[j - 2][1] if j >= 2 and events[j - 2][1] != _VAGUE else None
                out[k] = _combine(current, earlier or lead, published)
    return out


def _lead(
    norm: str,
    in_sentence: Sequence[Figure],
    events: Sequence[tuple[int, str | None]],
    sentence: Sentence,
    published: dt.date | None,
) -> str | None:
    """The paragraph's lead-in period: a date opening a clause of its first sentence, before any
    figure (``2019年1至7月份,全市…``, ``数据显示,前5个月…``), not a date inside a clause
    (``案件发生在2015年12月``), which says when something happened."""
    first_figure = next((m.start for m in in_sentence if m.kind is not Kind.DATE), sentence.end)
    found: list[str] = []
    for pos, period in events:
        if pos >= first_figure or pos - sentence.start > _LEAD_WINDOW or period == _VAGUE:
            break
        if period is not None and _opens_clause(norm, sentence.start, pos):
            found.append(period)
    spans = [p for p in found if "/" in p]
    if not spans:
        return found[0] if found else None
    # an interval frames the figures, not the day of the report or of an event before it:
    # 7月19日,记者获悉,今年1—6月,… is about January to June
    return _combine(spans[-1], spans[-2] if len(spans) > 1 else None, published)


def _opens_clause(norm: str, start: int, pos: int) -> bool:
    """True when at most ``_LEAD_PREFIX`` characters (截至, 自) stand between a clause break and ``pos``."""
    return len(norm[clause_start(norm, start, pos) : pos].strip()) <= _LEAD_PREFIX
