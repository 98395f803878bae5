"""Tie each figure to what it measures: measure, category, change, basis.

Works clause by clause on the normalised text; cue words come from ``rules/measures.toml``.
jieba is not needed for the cues: the measure phrase is trimmed with the tokenizer of
``words.py`` on the few characters before the figure only.

>>> from fanzha.linking import change_of
>>> change_of("全市电信诈骗案件发案数同比下降")
(<Change.DOWN: 'down'>, <Basis.YOY: 'yoy'>)
>>> change_of("紧急止付率从18%上升至")
(None, None)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

import regex

from .rules import alternation, compiled, table
from .segment import Sentence
from .types import Basis, Category, Change, Kind, Mention
from .words import measure_phrase

_CLAUSE_BREAK = ",，;；:：。!?！？\n"
_LIST_JOIN = frozenset({"、", "和", "及", "与", ",", "，", " "})


@dataclass(frozen=True, slots=True)
class Cue:
    category: Category
    weight: int
    word: str


@cache
def _cues() -> tuple[regex.Pattern[str], dict[str, Cue]]:
    cats = table("measures")["categories"]
    by_word: dict[str, Cue] = {}
    for name, spec in cats.items():
        for word in spec["cues"]:
            cue = Cue(Category(name), int(spec["weight"]), word)
            if word not in by_word or by_word[word].weight < cue.weight:
                by_word[word] = cue
    return compiled("measures.cues", alternation(by_word, "measures.cues")), by_word


@cache
def _counted_capacity() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    counted = table("measures")["counted"]
    heads = alternation(counted["capacity"], "measures.counted")
    followers = alternation(counted["followers"], "measures.counted.followers")
    return (
        compiled("measures.counted", rf"{heads}(?=[^\u4e00-\u9fff]|{followers}|$)"),
        compiled("measures.counted.unit", rf"{heads}$"),
    )


def _counts_capacity(mention: Mention, after: str) -> bool:
    """``6个研判小组``: an organisational unit is the noun counted right after the figure."""
    window = int(table("measures")["counted"]["window"])
    head = regex.split(r"[、,，;；。]", after, maxsplit=1)[0][:window]
    in_text, in_unit = _counted_capacity()
    m = in_text.search(head)
    if m and not any(c in head[: m.start()] for c in "“了\"'"):
        return True
    return bool(mention.unit and in_unit.search(mention.unit))


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    ch = table("measures")["change"]
    topics = table("measures")["topics"]
    up, down = alternation(ch["up"], "change.up"), alternation(ch["down"], "change.down")
    yoy, mom = alternation(ch["yoy"], "change.yoy"), alternation(ch["mom"], "change.mom")
    level = alternation(ch["level_after"], "change.level_after")
    return {
        "change": compiled(
            "measures.change",
            rf"(?:(?P<yoy>{yoy})|(?P<mom>{mom}))?[^,，。;；]{{0,14}}?"
            rf"(?:(?P<up>{up})|(?P<down>{down}))(?P<level>{level})?(?:了|分别|幅度|达到|达|约|为|\s)*$",
        ),
        "basis_only": compiled("measures.basis", rf"(?:(?P<yoy>{yoy})|(?P<mom>{mom}))"),
        "respectively": compiled("measures.respectively", regex.escape(ch["respectively"])),
        "off_topic": compiled("topics.off", alternation(topics["off_topic"], "topics.off_topic")),
        "on_topic": compiled("topics.on", alternation(topics["on_topic"], "topics.on_topic")),
    }


def change_of(before: str) -> tuple[Change | None, Basis | None]:
    """Change and basis when the figure right after ``before`` is itself a change."""
    m = _patterns()["change"].search(before[-24:])
    if not m or m.group("level"):
        return None, None
    change = Change.UP if m.group("up") else Change.DOWN
    basis_m = m if (m.group("yoy") or m.group("mom")) else _patterns()["basis_only"].search(before[-30:])
    basis = None
    if basis_m is not None:
        basis = Basis.YOY if basis_m.group("yoy") else Basis.MOM
    return change, basis


def _best_cue(text: str, prefer_end: bool) -> Cue | None:
    pattern, by_word = _cues()
    best: tuple[int, int, Cue] | None = None
    for m in pattern.finditer(text):
        cue = by_word[m.group(0)]
        position = m.end() if prefer_end else -m.start()
        key = (cue.weight, position)
        if best is None or key > best[:2]:
            best = (cue.weight, position, cue)
    return best[2] if best else None


def _clause_start(text: str, lo: int, pos: int) -> int:
    i = pos - 1
    while i >= lo and text[i] not in _CLAUSE_BREAK:
        i -= 1
    return i + 1


def _clause_end(text: str, pos: int, hi: int) -> int:
    i = pos
    while i < hi and text[i] not in _CLAUSE_BREAK:
        i += 1
    return i


@dataclass(frozen=True, slots=True)
class _Topic:
    fraud_article: bool


def article_topic(body: str) -> _Topic:
    pats = _patterns()
    on = len(pats["on_topic"].findall(body))
    off = len(pats["off_topic"].findall(body))
    return _Topic(fraud_article=on >= 3 and on >= off)


def _on_topic(sentence: str, paragraph: str, topic: _Topic) -> bool:
    pats = _patterns()
    if pats["off_topic"].search(sentence):
        return bool(pats["on_topic"].search(sentence)) and not _off_dominates(sentence)
    lead = paragraph[: max(40, len(paragraph) // 4)]
    if pats["off_topic"].search(lead) and not pats["on_topic"].search(lead):
        return False
    if pats["on_topic"].search(paragraph):
        return True
    return topic.fraud_article and not pats["off_topic"].search(paragraph)


def _off_dominates(sentence: str) -> bool:
    pats = _patterns()
    return len(pats["off_topic"].findall(sentence)) > len(pats["on_topic"].findall(sentence))


def _respectively_items(text: str, lo: int, pos: int) -> list[str]:
    """``A、B分别…``: the list of indicator names before 分别 in the clause ending at ``pos``."""
    m = None
    for m in _patterns()["respectively"].finditer(text, lo, pos):
        pass
    if m is None:
        return []
    start = _clause_start(text, lo, m.start())
    head = text[start : m.start()]
    items = [s for s in regex.split(r"[、和及]", head) if s]
    return items if len(items) >= 2 else []


def _inherits(mention: Mention, prev: Mention, norm: str) -> bool:
    """A figure right after another one in a list shares its category (账户1万个、金额2.9亿元)."""
    gap = norm[prev.end : mention.start]
    limit = 8 if mention.kind is Kind.DURATION else 10
    return len(gap) <= limit and not any(c in "。;；!?！？" for c in gap)


def _category(mention: Mention, cue: Cue | None, after: str, prev: Mention | None, norm: str) -> Category | None:
    if _counts_capacity(mention, after):
        return Category.CAPACITY
    if cue is None:
        cue = _best_cue(after, prefer_end=False)
    if cue is not None:
        return cue.category
    if prev is not None and _inherits(mention, prev, norm):
        return prev.category
    return None


def link_sentence(
    mentions: Sequence[Mention], norm: str, display: str, sentence: Sentence, paragraph: str, topic: _Topic
) -> list[Mention]:
    """Fill measure, category, change and basis of the quantity mentions in one sentence."""
    out: list[Mention] = []
    s_text = norm[sentence.start : sentence.end]
    on_topic = _on_topic(s_text, paragraph, topic)
    prev: Mention | None = None
    group: list[Mention] = []  # mentions after one 分别
    for mention in mentions:
        if mention.kind is Kind.DATE:
            out.append(mention)
            continue
        lo = max(sentence.start, prev.end if prev else sentence.start)
        start = _clause_start(norm, lo, mention.start)
        before = norm[start : mention.start]
        joined = prev is not None and norm[prev.end : mention.start].strip() in _LIST_JOIN | {""}
        change, basis = change_of(norm[_clause_start(norm, sentence.start, mention.start) : mention.start])
        if change is None and joined and prev is not None and not before.strip("、和及与 ,，"):
            change, basis = prev.change, prev.basis
        after = norm[mention.end : _clause_end(norm, mention.end, sentence.end)]
        cue = _best_cue(before, prefer_end=True)
        wider = _best_cue(norm[_clause_start(norm, sentence.start, mention.start) : mention.start], True)
        if cue is not None and wider is not None and wider.weight > cue.weight:
            cue = wider  # 侦破案损百万元以上案件9起: the verb stands before the first figure
        measure = measure_phrase(display[start : mention.start]) if before.strip() else None
        items = _respectively_items(norm, sentence.start, mention.start)
        if items:
            if not joined:
                group = []
            group.append(mention)
            if len(group) <= len(items):
                item = items[len(group) - 1]
                measure = measure_phrase(item) or measure
                cue = _best_cue(item, prefer_end=True) or cue
        else:
            group = []
        category = _category(mention, cue, after, prev, norm)
        if category is None and prev is not None and _inherits(mention, prev, norm):
            measure = measure or prev.measure
        if not on_topic:
            category = None
        linked = replace(mention, measure=measure, category=category, change=change, basis=basis)
        out.append(linked)
        prev = linked
    return out
