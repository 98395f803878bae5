"""Decide which parts of a saved page are the article body. Masks; never deletes.

``clean(norm)`` takes the normalised text and returns a ``Page``: every block (a line, or an
HTML paragraph) with its role. Offsets are those of the input, so a mention found in a body
block can be sliced from the original text.

>>> text = "首页 >> 新闻\\n\\n今年以来,全市共抓获犯罪嫌疑人253名,冻结资金4000余万元,成效明显。\\n\\n版权所有"
>>> page = clean(text)
>>> [b.role for b in page.blocks]
['nav', 'para', 'tail']
>>> page.body_text(text)
'今年以来,全市共抓获犯罪嫌疑人253名,冻结资金4000余万元,成效明显。'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from .rules import Pattern, alternation, compiled, table

MASK = "\x00"
_SENTENCE_PUNCT = frozenset("。,;，；")
_FINAL_PUNCT = frozenset("。!?！？”\"」)")
_BLANK = "\n\r \t" + MASK  # trimmed from both ends of a block


class Block(NamedTuple):
    """A line or HTML paragraph: ``start``/``end`` index the input; ``role`` says what it is.

    A named tuple, not a dataclass: a page has thousands and this builds them twice as fast.

    Roles: ``front`` (YAML front matter), ``header`` (before the body), ``nav`` (page
    furniture before the body), ``para`` (body
    paragraph), ``heading`` (short body line: subheading), ``boiler`` (furniture inside the
    body region), ``dup`` (a repeated paragraph), ``tail`` (after the body).
    """

    start: int
    end: int
    role: str


@dataclass(frozen=True, slots=True)
class Page:
    """The blocks of a page and the masked text (excluded characters are NUL)."""

    blocks: tuple[Block, ...]
    visible: str

    def body_blocks(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.role in ("para", "heading"))

    def body_text(self, display: str) -> str:
        """The kept text of ``display`` (same length as the input), blocks joined by ``\\n``."""
        parts = (unmasked(display, self.visible, b.start, b.end).strip() for b in self.body_blocks())
        return "\n".join(p for p in parts if p)

    def masked(self, display: str) -> str:
        """``display`` (same length as the input) with the characters masked in ``visible``
        masked too: the text a measure or a sentence is read from, without tags or markup."""
        if MASK not in self.visible:
            return display
        runs = compiled("boilerplate.mask_run", "\x00+").finditer(self.visible)
        return apply_masks(display, [m.span() for m in runs])

    def mention_text(self) -> str:
        """``visible`` with every non-body character masked: what the recognisers read.

        Each gap between two body blocks starts with a newline, so paragraphs stay apart.
        """
        parts, pos = [], 0
        for b in self.body_blocks():
            if b.start > pos:  # a paragraph break: one newline, then mask
                parts.append(("\n" + MASK * (b.start - pos - 1)) if pos else MASK * b.start)
            parts.append(self.visible[b.start : b.end])
            pos = b.end
        parts.append(MASK * (len(self.visible) - pos))
        return "".join(parts)


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the HTML tags, entities and URLs of ``text``: the digits of ``%E7%91%`` or
    ``width="500"`` are no figures.

    >>> markup_spans('<p>冻结3亿元</p>')
    [(0, 3), (8, 12)]
    """
    return [m.span() for m in _patterns()["markup"].finditer(text)]


def unmasked(display: str, visible: str, start: int, end: int) -> str:
    """``display[start:end]`` without the characters masked in ``visible``."""
    if MASK not in visible[start:end]:
        return display[start:end]
    out, pos = [], start
    for m in compiled("boilerplate.mask_run", "\x00+").finditer(visible, start, end):
        out.append(display[pos : m.start()])
        pos = m.end()
    out.append(display[pos:end])
    return "".join(out)


_TAG = r"<[A-Za-z/!][^<>\n]{0,300}>"
_ENTITY = r"&(?:nbsp|amp|lt|gt|quot|#[0-9]{1,6});"
_URL = r"https?://[^\s\u4e00-\u9fff)\]]{1,500}"


@cache
def _patterns() -> dict[str, Pattern]:
    t = table("boilerplate")
    return {
        "front": compiled("boilerplate.front", r"(?s)\A---[ \t]*\r?\n(?P<body>.{0,5000}?)\r?\n---[ \t]*(?:\r?\n|\Z)"),
        # Every alternative starts with a literal character, so the engine skips text to the
        # next candidate in C (3x faster than a look-ahead); the line-start markers are apart.
        "inline": compiled(
            "boilerplate.inline",
            r"!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)"  # markdown image
            r"|\[\[?[^\]\n]{0,300}\]\]?\([^)\n]{0,1000}\)"  # markdown link (text too: nav links)
            r"|`[^`\n]{0,1000}`"  # inline code (WeChat link dumps)
            rf"|{_TAG}|{_ENTITY}|{_URL}"  # HTML tag, HTML entity, bare URL
            r"|\*\*|__",  # markdown emphasis
        ),
        "line_marker": compiled(  # markdown heading, quote and bullet marks, tried at line starts
            "boilerplate.line_marker", r"(?=[ \t#>*+\-])\s{0,3}(?:#{1,6}\s|>\s|[*+-]\s)"
        ),
        "line_candidate": compiled("boilerplate.line_candidate", r"\n(?=[ \t#>*+\-])"),
        "markup": compiled("boilerplate.markup", rf"{_TAG}|{_ENTITY}|{_URL}"),
        "block_tag": compiled(
            "boilerplate.block_tag", r"</?(?:p|div|br|h[1-6]|li|tr|section|article)\b[^<>\n]{0,300}>"
        ),
        "line_start": compiled(
            "boilerplate.line_start", r"[\s•·*□>#\-\d.]*" + alternation(t["line_start"], "line_start")
        ),
        "anywhere": compiled("boilerplate.anywhere", alternation(t["anywhere"], "anywhere")),
        "tail": compiled("boilerplate.tail", r"[\s•·*□>#(]*" + alternation(t["tail"], "tail")),
        "date_line": compiled(  # every branch starts with a digit: testing that first is 3x faster
            "boilerplate.date_line",
            r"(?=[0-9])(?:(?:19|20)[0-9]{2}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}"
            r"|(?<![0-9])[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"
            r"|(?<![0-9.:-])[01]?[0-9]-[0-3][0-9]\s*$)",  # a headline list's trailing 10-19
        ),
        "heading_markup": compiled("boilerplate.heading_markup", r"[ \t]{0,3}#{1,6}\s|\s*\*\*[^*\n]{1,60}\*\*\s*$"),
        "byline": compiled(
            "boilerplate.byline", r"\A\s*[(（]\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,3}\s*[)）]\s*\Z"
        ),
        "list_item": compiled("boilerplate.list_item", r"\A\s*[0-9]{1,2}\s{2,}\S"),
    }


def _mask_spans(norm: str, offset: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans to mask after ``offset`` (the end of any front matter), and block-tag spans."""
    pats = _patterns()
    masks = [(0, offset)] if offset else []
    masks.extend(m.span() for m in pats["inline"].finditer(norm, offset))
    masks.extend(_line_marks(norm, offset))
    breaks = [m.span() for m in pats["block_tag"].finditer(norm, offset)]
    return masks, breaks


def _line_marks(norm: str, offset: int) -> list[tuple[int, int]]:
    """Spans of the Markdown marks that open a line after ``offset``: ``## ``, ``> ``, ``- ``.

    Inline markup never spans a line break and starts with other characters, so the two
    scans never claim the same characters. A mark may end in a newline (``#\n``): a line
    start inside a mark is skipped, as one left-to-right scan would skip it.
    """
    marker = _patterns()["line_marker"]
    starts = [offset] if offset == 0 or norm[offset - 1] == "\n" else []
    starts.extend(m.end() for m in _patterns()["line_candidate"].finditer(norm, offset))
    out: list[tuple[int, int]] = []
    for pos in starts:
        if out and pos < out[-1][1]:
            continue  # inside the previous mark
        m = marker.match(norm, pos)
        if m:
            out.append(m.span())
    return out


def apply_masks(norm: str, masks: list[tuple[int, int]], fill: str = MASK) -> str:
    """``norm`` with every span of ``masks`` replaced by ``fill`` (spans may overlap).

    Built from slices: a list of characters would cost ~80 bytes per CJK character.
    """
    parts, pos = [], 0
    for s, e in sorted(masks):
        if e <= pos:
            continue
        s = max(s, pos)
        parts.append(norm[pos:s])
        parts.append(fill * (e - s))
        pos = e
    parts.append(norm[pos:])
    return "".join(parts)


def _split_blocks(visible: str, breaks: list[tuple[int, int]], start: int) -> list[tuple[int, int]]:
    """Lines, cut again at block-level HTML tags, trimmed of blanks and masks; empty ones dropped."""
    lines: list[tuple[int, int]] = []
    pos = start
    for line in visible[start:].split("\n"):  # str.split and strip run in C: 2x a regex scan
        if "\r" in line:  # a lone CR ends a line too
            spans = (_trimmed(visible, pos + a, pos + b) for a, b in _cr_pieces(line))
            lines.extend(span for span in spans if span is not None)
        else:
            kept = line.strip(_BLANK)
            if kept:
                first = pos + len(line) - len(line.lstrip(_BLANK))
                lines.append((first, first + len(kept)))
        pos += len(line) + 1
    if not breaks:
        return lines
    cuts = sorted({p for span in breaks for p in span})
    out = []
    for a, b in lines:
        for x, y in pairwise([a, *cuts[bisect_right(cuts, a) : bisect_left(cuts, b)], b]):
            span = _trimmed(visible, x, y)
            if span is not None:
                out.append(span)
    return out


def _cr_pieces(line: str) -> list[tuple[int, int]]:
    pieces, pos = [], 0
    for part in line.split("\r"):
        pieces.append((pos, pos + len(part)))
        pos += len(part) + 1
    return pieces


def _trimmed(visible: str, a: int, b: int) -> tuple[int, int] | None:
    """``(a, b)`` without blanks and masks at either end; ``None`` when nothing is left."""
    piece = visible[a:b]
    kept = piece.strip(_BLANK)
    if not kept:
        return None
    first = a + len(piece) - len(piece.lstrip(_BLANK))
    return first, first + len(kept)


@cache
def _exact() -> frozenset[str]:
    return frozenset(table("boilerplate")["exact"])


def _is_boiler(raw: str, content: str, short_line: int, pats: dict[str, Pattern]) -> bool:
    """Page furniture: marker words, spam blocks, date-only lines, bylines, numbered lists.

    ``raw`` is the block without masks; ``content`` is ``raw`` without whitespace; ``pats``
    is ``_patterns()``, passed in by the caller's loop.
    """
    if not content or content in _exact():
        return True
    n = len(content)
    if n >= 160 and "|" not in content:
        return False  # a long line is furniture only as a spam keyword block
    if pats["line_start"].match(raw):
        return True
    pipes = raw.count("|")
    if pipes >= 5 and n / (pipes + 1) < 25:
        return True  # spam keyword block
    if n >= short_line:
        return False
    if pats["anywhere"].search(raw):
        return True
    if n >= 40:
        return False
    if pats["date_line"].search(raw) and not _has_sentence(content):
        return True  # "青岛新闻网 2025-03-18"
    if pats["byline"].match(raw) or pats["list_item"].match(raw):
        return True  # "(王彪 应学良)", a numbered headline list
    return len(content.encode("ascii", "ignore")) > 0.9 * n  # the count of ASCII characters


def _has_sentence(content: str) -> bool:
    return not _SENTENCE_PUNCT.isdisjoint(content)


def _is_para(content: str) -> bool:
    return len(content) >= 25 and _has_sentence(content)


def _classify(norm: str, visible: str, spans: list[tuple[int, int]]) -> list[str]:
    short_line = table("boilerplate")["short_line"]
    pats = _patterns()
    heading_markup = pats["heading_markup"]
    masked = MASK in visible  # most pages have no markup to mask: no copy to clean
    raws = [visible[s:e].replace(MASK, "") if masked else visible[s:e] for s, e in spans]
    contents = ["".join(raw.split()) for raw in raws]
    boiler = [_is_boiler(raw, c, short_line, pats) for raw, c in zip(raws, contents, strict=True)]
    para = [
        not b and _is_para(c) and not heading_markup.match(norm, norm.rfind("\n", 0, s) + 1)
        for b, c, (s, _) in zip(boiler, contents, spans, strict=True)
    ]
    def starts_body(i: int) -> bool:
        if len(contents[i]) >= 60:
            return True
        following = [j for j in range(i + 1, min(len(spans), i + 12)) if contents[j]][:5]
        return any(para[j] for j in following)

    first = next((i for i, p in enumerate(para) if p and starts_body(i)), None)
    if first is None:
        first = next((i for i, p in enumerate(para) if p), None)
    if first is None:  # a snippet or a page of short lines: what is not furniture is the body
        return _mark_duplicates(["nav" if b else "para" for b in boiler], contents)
    stop = len(spans)
    tail = _patterns()["tail"]
    for i in range(first + 1, len(spans)):
        if tail.match(raws[i]):
            stop = i
            break
    last = max(i for i in range(first, stop) if para[i])
    for j in range(last + 1, stop):  # trailing subheadings still belong to the body
        if not contents[j]:
            continue
        if boiler[j] or len(contents[j]) >= 60:
            break
        last = j
    roles = []
    for i in range(len(spans)):
        if i < first:
            roles.append("nav" if boiler[i] else "header")
        elif i > last:
            roles.append("tail")
        elif boiler[i]:
            roles.append("boiler")
        else:
            roles.append("para" if para[i] else "heading")
    return _mark_duplicates(roles, contents)


def _mark_duplicates(roles: list[str], contents: list[str]) -> list[str]:
    """A repeated paragraph is kept once; of a truncated copy and a whole one, the whole one.

    Copies share their first characters, so paragraphs are compared only within a group
    keyed by their first 20 characters (no quadratic scan over the page).
    """
    groups: dict[str, list[int]] = {}
    for i, role in enumerate(roles):
        if role not in ("para", "heading"):
            continue
        text = contents[i]
        kept = groups.setdefault(text[:20], [])
        for j in kept:
            other = contents[j]
            short, long_ = (text, other) if len(text) < len(other) else (other, text)
            if text == other or (len(short) >= 20 and long_.startswith(short)):
                loser = i if text == other else _truncated(i, j, contents)
                roles[loser] = "dup"
                if loser == j:
                    kept[kept.index(j)] = i
                break
        else:
            kept.append(i)
    return roles


def _truncated(i: int, j: int, contents: list[str]) -> int:
    """Of two copies where one is a prefix of the other, the index of the one to drop."""
    a, b = contents[i], contents[j]
    a_whole, b_whole = a[-1] in _FINAL_PUNCT, b[-1] in _FINAL_PUNCT
    if a_whole != b_whole:
        return j if a_whole else i
    return i if len(a) < len(b) else j


def clean(norm: str) -> Page:
    """Classify the blocks of the normalised page ``norm``."""
    front = _patterns()["front"].match(norm)
    start = front.end() if front else 0
    masks, breaks = _mask_spans(norm, start)
    visible = apply_masks(norm, masks)
    spans = _split_blocks(visible, breaks, start)
    roles = _classify(norm, visible, spans)
    blocks = [Block(s, e, r) for (s, e), r in zip(spans, roles, strict=True)]
    if start:
        blocks.insert(0, Block(0, start, "front"))
    return Page(tuple(blocks), visible)
