"""The public entry points: ``extract`` for an article, ``find_mentions`` for any text.

The data takes one path: normalise (t2s, width) -> clean (boilerplate masks) -> segment
sentences -> find quantities and dates -> link to measures -> resolve periods -> result.

>>> from fanzha import extract
>>> r = extract("今年以来,全市共抓获犯罪嫌疑人253名,冻结资金4000余万元。", published="2021-05-31")
>>> for m in r.mentions:
...     print(m.text, m.kind.value, m.category and m.category.value, m.period)
今年以来 date None None
253名 count arrests 2021-01-01/2021-05-31
4000余万元 money funds_frozen 2021-01-01/2021-05-31
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Sequence

from .boilerplate import Page, apply_masks, clean, markup_spans
from .extractors import dates, quantities
from .linking import Link, ParagraphTopic, article_topic, link_sentence, paragraph_topic
from .metadata import extract_meta
from .normalize import fold_width, simplify
from .periods import assign_periods
from .segment import Sentence, sentences
from .types import Extraction, Figure, Kind, Mention


class InvalidArgument(ValueError):
    """An argument has the right type but a value fanzha cannot use."""


def _published(value: dt.date | str | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise InvalidArgument(f"published must be an ISO date (YYYY-MM-DD), got {value!r}") from None
    raise TypeError(f"published must be a date, an ISO date string or None, not {type(value).__name__}")


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}; decode bytes first")
    return text


def _recognise(work: str, published: dt.date | None) -> list[Figure]:
    """Dates first; a quantity overlapping a date is part of the date."""
    found = dates.find(work, published)
    return quantities.without_overlaps(found, quantities.find(work, found))


def _link(
    mentions: list[Figure],
    norm: str,
    display: str,
    sents: Sequence[Sentence],
    paragraphs: Sequence[tuple[int, int]],
    published: dt.date | None,
    original: str,
) -> list[Mention]:
    """The recognised figures as mentions with every field filled; each ``Mention`` is built once."""
    topic = article_topic(norm)
    topics: dict[int, ParagraphTopic] = {}
    links: list[Link | None] = []
    index = 0
    for sentence in sents:
        group = []
        while index < len(mentions) and mentions[index].start < sentence.end:
            group.append(mentions[index])
            index += 1
        if not group:
            continue
        if sentence.block not in topics:
            p_start, p_end = paragraphs[sentence.block]
            topics[sentence.block] = paragraph_topic(norm[p_start:p_end])
        links.extend(link_sentence(group, norm, display, sentence, topics[sentence.block], topic))
    links.extend([None] * (len(mentions) - index))
    periods = assign_periods(mentions, norm, sents, published)
    sentence_of = _sentence_lookup(sents)
    shown: dict[tuple[int, int], str] = {}  # one string per sentence, shared by its mentions
    out = []
    for m, link, period in zip(mentions, links, periods, strict=True):
        span = sentence_of(m.start)
        if span not in shown:
            shown[span] = display[span[0] : span[1]].replace("\x00", "").strip()
        measure, category, change, basis = link or (None, None, None, None)
        text = original[m.start : m.end]
        out.append(
            Mention(m.kind, text, m.start, m.end, m.value, m.unit, m.approx, change, basis, measure, category, period,
                    shown[span])
        )
    return out


def _sentence_lookup(sents: Sequence[Sentence]) -> Callable[[int], tuple[int, int]]:
    starts = [s.start for s in sents]

    def find(pos: int) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return (0, 0)
        return (sents[i].start, sents[i].end)

    return find


def _repeats(m: Figure, others: Sequence[Figure], same_unit: bool) -> bool:
    """True when ``others`` state the figure of ``m`` again (same kind, value within 10%)."""
    for o in others:
        if o.kind is not m.kind or (same_unit and o.unit != m.unit):
            continue
        if isinstance(m.value, str) or isinstance(o.value, str):
            if m.value == o.value:
                return True
            continue
        big = max(abs(m.value), abs(o.value))
        if big == 0 or abs(m.value - o.value) <= big / 10:
            return True
    return False


def _drop_heading_repeats(
    found: list[Figure], page: Page, title: str | None, published: dt.date | None
) -> list[Figure]:
    """Figures of a subheading that repeat the title or the paragraph after it are not mentions."""
    blocks = list(page.body_blocks())
    block_starts = [b.start for b in blocks]
    found_starts = [m.start for m in found]
    in_title = _recognise(fold_width(title), published) if title else []
    kept = []
    for m in found:
        i = bisect_right(block_starts, m.start) - 1
        if i < 0 or blocks[i].role != "heading" or m.start >= blocks[i].end:
            kept.append(m)
            continue
        nxt = next((b for b in blocks[i + 1 : i + 4] if b.role == "para"), None)
        lo = bisect_right(found_starts, nxt.start - 1) if nxt is not None else 0
        hi = bisect_right(found_starts, nxt.end - 1) if nxt is not None else 0
        in_next = found[lo:hi]
        if not (_repeats(m, in_title, same_unit=True) or _repeats(m, in_next, same_unit=False)):
            kept.append(m)
    return kept


def extract(text: str, *, published: dt.date | str | None = None) -> Extraction:
    """Extract metadata, the cleaned body and every figure of one article.

    ``published`` given by the caller wins over the date found in the page header.
    Offsets of mentions index ``text``.

    >>> extract("").to_dict()["mentions"]
    []
    """
    text = _check_text(text)
    pub_arg = _published(published)
    if not text.strip():
        return Extraction(published=pub_arg.isoformat() if pub_arg else None)
    display = simplify(text)
    norm = fold_width(display)
    page = clean(norm)
    work = page.mention_text()
    body_blocks = list(page.body_blocks())
    paragraphs = [(b.start, b.end) for b in body_blocks]
    sents = sentences(work, paragraphs)
    meta = extract_meta(page, norm, display, [display[s.start : s.end] for s in sents])
    pub = pub_arg or meta.published
    found = [m for m in _recognise(work, pub) if not (m.kind is Kind.COUNT and m.unit is None)]
    kept = _drop_heading_repeats(found, page, meta.title, pub)
    mentions = _link(kept, norm, page.masked(display), sents, paragraphs, pub, text)
    return Extraction(
        title=meta.title,
        published=pub.isoformat() if pub else None,
        source=meta.source,
        region=meta.region,
        body=page.body_text(display),
        mentions=tuple(mentions),
    )


def find_mentions(text: str, *, published: dt.date | str | None = None) -> list[Mention]:
    """Recognise figures and dates in any text as it is (no boilerplate removal).

    A bare number with no unit is a ``count`` with unit ``None``.

    >>> [(m.text, str(m.value), m.unit) for m in find_mentions("冻结涉案资金3.9億余元")]
    [('3.9億余元', '390000000.0', '元')]
    """
    text = _check_text(text)
    pub = _published(published)
    if not text:
        return []
    display = simplify(text)
    norm = fold_width(display)
    markup = markup_spans(norm)  # tags and URLs: masked, never read as figures or measures
    work = apply_masks(norm.replace("\x00", " "), markup, " ")
    lines = []
    pos = 0
    for line in work.splitlines(keepends=True):
        lines.append((pos, pos + len(line)))
        pos += len(line)
    sents = sentences(work, lines)
    return _link(_recognise(work, pub), work, apply_masks(display, markup), sents, lines, pub, text)
