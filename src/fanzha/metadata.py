"""Title, publication date, source and region of a page.

Reads the front matter, the header blocks (before the body), the dateline and the body.

>>> import datetime
>>> find_published("2019-08-30 08:42:08")
datetime.date(2019, 8, 30)
>>> find_published("21-09-07 09:01 来源:中国甘肃网")
datetime.date(2021, 9, 7)
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from .boilerplate import Block, Page, unmasked
from .extractors import dates
from .rules import Match, Pattern, alternation, compiled, table

_SENTENCE_END = frozenset("。!?！？;；")


@dataclass(frozen=True, slots=True)
class Meta:
    title: str | None
    published: dt.date | None
    source: str | None
    region: str | None


@cache
def _provinces() -> frozenset[str]:
    return frozenset(table("places")["provinces"])


@cache
def _patterns() -> dict[str, Pattern]:
    places = table("places")
    names = alternation([*places["provinces"], *places["cities"], *places["countries"]], "places")
    suffix = alternation(places["suffixes"], "places.suffixes")
    return {
        "date": compiled(
            "meta.date",
            r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s?[-/.年]\s?(?P<m>[0-9]{1,2})\s?[-/.月]\s?(?P<d>[0-9]{1,2})(?![0-9])"
            r"|(?<![0-9])(?P<yy>[0-9]{2})-(?P<mm>[0-9]{2})-(?P<dd>[0-9]{2})\s[0-9]{2}:[0-9]{2}",
        ),
        "source": compiled(
            "meta.source", r"(?:稿件)?来源\s?[:：]\s?《?(?P<s>[^\s()\[\]【】《》|,，。:：]{2,30})"
        ),
        "reprint": compiled(
            "meta.reprint",
            r"\s*(?:据\s?)?(?P<s>[A-Za-z\u4e00-\u9fff]{2,16}?)\s?"
            r"(?:(?:[0-9]{1,2}月[0-9]{1,2}日)?消息|近日报道|[0-9]{1,2}月[0-9]{1,2}日讯|讯\s)",
        ),
        "dateline_outlet": compiled(
            "meta.dateline_outlet",
            r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*[·|]?\s*(?P<s>[\u4e00-\u9fff]{1,10}(?:"
            + alternation(table("places")["outlet_suffixes"], "places.outlet_suffixes")
            + r"))\s*$",
        ),
        # a WeChat header: 原创 平安某区 2024-03-05 18:00 发表于浙江 (the account is the outlet)
        "wechat_byline": compiled(
            "meta.wechat_byline",
            r"\s*(?P<orig>原创\s+)?(?P<s>[^\s0-9]{2,20})\s+(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}"
            r"(?:\s+[0-9]{1,2}:[0-9]{2})?(?:\s+发表于(?P<p>[\u4e00-\u9fff]{2,8}))?\s*$",
        ),
        "url_date": compiled(
            "meta.url_date", r"https?://[^\s)]*?/(?P<y>20[0-9]{2})[/-]?(?P<m>[01][0-9])[/-]?(?P<d>[0-3][0-9])/"
        ),
        "authority": compiled("meta.authority", r"(?:省|市)?(?:公安|警方|检察|法院|人民政府|政府)"),
        "column_tag": compiled("meta.column_tag", r"\A[^|｜]{1,6}\s?[|｜]\s?"),
        "md_heading": compiled("meta.md_heading", r"(?m)^[ \t]{0,3}#{1,6}[ \t]+(?P<t>\S.*?)[ \t#]*$"),
        "place": compiled("meta.place", rf"(?P<n>{names})(?P<s>{suffix})?"),
        "national": compiled(
            "meta.national",
            alternation(places["national"], "places.national")
            + f"(?!{alternation(places['national_not_before'], 'places.national_not_before')})",
        ),
        "fraud": compiled("meta.fraud", alternation(table("measures")["topics"]["on_topic"], "topics.on_topic")),
    }


def _to_date(m: Match) -> dt.date | None:
    try:
        if m.group("y"):
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        return dt.date(2000 + int(m.group("yy")), int(m.group("mm")), int(m.group("dd")))
    except ValueError:
        return None


def find_published(text: str) -> dt.date | None:
    """The first well-formed date of ``text`` (a header line), or ``None``; a date written in
    Chinese numerals (二〇二三年十月十六日, some newspapers' headers) is read by the date recogniser.

    >>> find_published("二〇二三年十月十六日 星期一")
    datetime.date(2023, 10, 16)
    """
    for m in _patterns()["date"].finditer(text):
        day = _to_date(m)
        if day is not None:
            return day
    if "〇" in text or "年" in text:
        for found in dates.find(text, None):
            if isinstance(found.value, str) and len(found.value) == 10 and found.value[0].isdigit():
                return dt.date.fromisoformat(found.value)
    return None


def _header(page: Page) -> list[Block]:
    first_body = next((i for i, b in enumerate(page.blocks) if b.role == "para"), len(page.blocks))
    return [b for b in page.blocks[:first_body] if b.role in ("header", "nav")]


def _line(page: Page, display: str, block: Block) -> str:
    return unmasked(display, page.visible, block.start, block.end).strip()


def _is_dateline(text: str) -> bool:
    return bool(_patterns()["date"].search(text) or _patterns()["source"].search(text))


def _title(page: Page, norm: str, display: str, fields: dict[str, str]) -> str | None:
    """The headline, without a column tag before it (``关注 | ``, ``反诈｜``)."""
    title = _headline(page, norm, display, fields)
    if title is None:
        return None
    return _patterns()["column_tag"].sub("", title).strip() or None


def _headline(page: Page, norm: str, display: str, fields: dict[str, str]) -> str | None:
    pats = _patterns()
    if fields.get("title"):
        return fields["title"]
    start = page.blocks[0].end if page.blocks and page.blocks[0].role == "front" else 0
    heading = pats["md_heading"].search(norm, start) if "#" in norm else None  # no "#": no line scan
    if heading:
        return display[heading.start("t") : heading.end("t")].strip() or None
    header = _header(page)
    datelines = [i for i, b in enumerate(header) if _is_dateline(page.visible[b.start : b.end])]
    if not datelines:
        return _headline_alone(page, display)
    for block in reversed(header[: datelines[-1]]):
        text = _line(page, display, block)
        if block.role == "header" and text and not _is_dateline(text):
            return text
    return None


def _headline_alone(page: Page, display: str) -> str | None:
    """A page with no dateline whose first line is a headline right before the body (a title
    line, then the article): that line. A lead such as ``央视网消息(新闻联播):`` is none."""
    blocks = [b for b in page.blocks if b.role != "front"]
    if len(blocks) < 2 or blocks[0].role != "header" or blocks[1].role != "para":
        return None
    text = _line(page, display, blocks[0])
    if not 8 <= len(text) <= 60 or text[-1] in ":：" or not _SENTENCE_END.isdisjoint(text):
        return None
    return text


def _published(page: Page, norm: str, fields: dict[str, str]) -> dt.date | None:
    for block in _header(page):
        day = find_published(norm[block.start : block.end])
        if day is not None:
            return day
    day = find_published(fields.get("date", ""))
    if day is None:  # a transcript page: the date of its own address (…/2025/06/16/…)
        m = _patterns()["url_date"].search(norm)
        day = _to_date(m) if m else None
    return day


def _source(page: Page, norm: str, display: str, fields: dict[str, str]) -> str | None:
    """来源 in the header, the outlet a reprint names, 来源 in the body or just after it."""
    pats = _patterns()
    blocks = list(page.blocks)
    body = [i for i, b in enumerate(blocks) if b.role in ("para", "heading")]
    last = body[-1] if body else -1
    header = [b for b in blocks[: body[0] if body else len(blocks)] if b.role in ("header", "nav")]
    first = blocks[body[0]] if body else None
    near_tail = [b for b in blocks[last + 1 : last + 6] if b.role == "tail"]
    in_body = [blocks[i] for i in body]
    reprint = header[-3:] + ([first] if first is not None else [])
    for group, pattern in ((header, "source"), (reprint, "reprint"), (in_body, "source"), (near_tail, "source")):
        for block in group:
            m = (pats[pattern].match if pattern == "reprint" else pats[pattern].search)(norm, block.start, block.end)
            if m:
                return display[m.start("s") : m.end("s")]
    if fields.get("source"):
        return regex.split(r"\s?[-|–—]\s?", fields["source"])[0].strip() or None
    for block in header:  # a dateline that names its outlet with no 来源 (2023-10-18 10:20 · 苏州日报)
        m = pats["dateline_outlet"].search(norm, block.start, block.end)
        if m:
            return display[m.start("s") : m.end("s")]
    byline = _wechat_byline(page, norm)
    return display[byline.start("s") : byline.end("s")] if byline else None


def _wechat_byline(page: Page, norm: str) -> Match | None:
    """A WeChat header line before the body: ``原创 <account> <date> [time] [发表于<province>]``
    (or without 原创 when 发表于 is there), read only when the page names no 来源."""
    for block in page.blocks:
        if block.role in ("para", "heading"):
            return None
        m = _patterns()["wechat_byline"].match(norm, block.start, block.end)
        if m and (m.group("orig") or m.group("p")):
            return m
    return None


def _place_in(name: str | None) -> str | None:
    """The place an outlet is named after (河南日报 -> 河南, 中国甘肃网 -> 甘肃), if any."""
    place = _patterns()["place"].search(name) if name else None
    return place.group("n") if place else None


def _region(title: str | None, body_sentences: Sequence[str], source: str | None = None) -> str | None:
    """The place the article reports on: named in the title, else the place the fraud
    sentences name most (a place followed by 公安/警方/法院… counts three times), else the
    place of a local outlet that reports on its own area with no name (全省, 全市)."""
    pats = _patterns()
    if title:
        place = pats["place"].search(title)
        inner = pats["place"].match(title, place.end()) if place else None
        if inner is not None and place.group("n") in _provinces():
            place = inner  # 江苏无锡, 广东省深圳市: the city the province introduces
        if place:
            return place.group(0) if place.group("s") == "市" else place.group("n")
        if pats["national"].search(title):
            return "全国"
    fraud = [s for s in body_sentences if pats["fraud"].search(s)]
    scores: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    national = 0
    for sentence in fraud or body_sentences:
        national += len(pats["national"].findall(sentence))
        for m in pats["place"].finditer(sentence):
            weight = 3 if pats["authority"].match(sentence, m.end()) else 1
            scores[m.group("n")] += weight
            forms[m.group("n") + (m.group("s") if m.group("s") == "市" else "")] += weight
    if not scores or national > max(scores.values()):
        return "全国" if national else _place_in(source)
    base = scores.most_common(1)[0][0]
    candidates = [f for f in forms if f == base or f == base + "市"]
    return max(candidates, key=lambda f: (forms[f], len(f)))


def _front_fields(page: Page, display: str) -> dict[str, str]:
    """Front-matter fields, read from ``display`` so punctuation stays as written."""
    if not page.blocks or page.blocks[0].role != "front":
        return {}
    fields = {}
    for line in display[page.blocks[0].start : page.blocks[0].end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and key.strip() != "---":
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields


def extract_meta(page: Page, norm: str, display: str, body_sentences: Sequence[str]) -> Meta:
    """Metadata of a cleaned page. ``display`` is the simplified, un-width-folded text."""
    fields = _front_fields(page, display)
    title = _title(page, norm, display, fields)
    published = _published(page, norm, fields)
    source = _source(page, norm, display, fields)
    region = _region(title, body_sentences, source)
    if region is None:  # a local account's post that names no place: where it was posted from
        byline = _wechat_byline(page, norm)
        region = display[byline.start("p") : byline.end("p")] if byline and byline.group("p") else None
    return Meta(title, published, source, region)
