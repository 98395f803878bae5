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

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from .rules import Pattern, alternation, compiled, table
from .segment import CLAUSE_WINDOW, Clauses, Sentence
from .types import Basis, Category, Change, Figure, Kind
from .words import measure_phrase

_LIST_JOIN = frozenset({"、", "和", "及", "与", ",", "，", " "})


def _joins(gap: str) -> bool:
    """``gap`` only joins two list items: a list mark and spaces."""
    return gap.strip() in _LIST_JOIN


@cache
def _list_nouns() -> frozenset[str]:
    return frozenset(table("measures")["measure"]["list_nouns"])


class Link(NamedTuple):
    """What linking finds for one quantity: the fields a ``Mention`` gets from linking."""

    measure: str | None
    category: Category | None
    change: Change | None
    basis: Basis | None


@dataclass(frozen=True, slots=True)
class Cue:
    category: Category | None  # None: a cue that says "no category" (涉诈人员, 查明)
    weight: int
    word: str


@cache
def _cues() -> tuple[Pattern, dict[str, Cue]]:
    cats = table("measures")["categories"]
    by_word: dict[str, Cue] = {}
    for name, spec in cats.items():
        category = None if name == "none" else Category(name)
        for word in spec["cues"]:
            cue = Cue(category, int(spec["weight"]), word)
            if word not in by_word or by_word[word].weight < cue.weight:
                by_word[word] = cue
    return compiled("measures.cues", alternation(by_word, "measures.cues")), by_word


@cache
def _counted_capacity() -> tuple[Pattern, Pattern]:
    counted = table("measures")["counted"]
    heads = alternation(counted["capacity"], "measures.counted")
    followers = alternation(counted["followers"], "measures.counted.followers")
    return (
        compiled("measures.counted", rf"{heads}(?=[^\u4e00-\u9fff]|{followers}|$)"),
        compiled("measures.counted.unit", rf"{heads}$"),
    )


def _counts_capacity(mention: Figure, after: str) -> bool:
    """``6个研判小组``: an organisational unit is the noun counted right after the figure."""
    window = int(table("measures")["counted"]["window"])
    head = compiled("measures.counted.stop", r"[、,，;；。]").split(after, maxsplit=1)[0][:window]
    in_text, in_unit = _counted_capacity()
    m = in_text.search(head)
    if m and not any(c in head[: m.start()] for c in "“了\"'"):
        return True
    return bool(mention.unit and in_unit.search(mention.unit))


@cache
def _patterns() -> dict[str, Pattern]:
    ch = table("measures")["change"]
    topics = table("measures")["topics"]
    up, down = alternation(ch["up"], "change.up"), alternation(ch["down"], "change.down")
    yoy, mom = alternation(ch["yoy"], "change.yoy"), alternation(ch["mom"], "change.mom")
    level = alternation(ch["level_after"], "change.level_after")
    filler = alternation(ch["filler_after"], "change.filler_after")
    return {
        "change": compiled(
            "measures.change",
            rf"(?:(?P<yoy>{yoy})|(?P<mom>{mom}))?[^,，。;；、%0-9]{{0,14}}?"  # no figure between basis and verb
            rf"(?:(?P<up>{up})|(?P<down>{down}))(?P<level>{level})?(?:{filler}|\s)*$",
        ),
        "basis_only": compiled(
            "measures.basis",
            rf"(?:(?P<yoy>{yoy}|{alternation(ch['yoy_year'], 'change.yoy_year')}\s?(?:[0-9]{{4}}\s?年|去年|上年))"
            rf"|(?P<mom>{mom}))",
        ),
        # the change pattern can match only if the clause ends with a change word, a level word
        # and filler: this anchored match on the reversed clause checks that first (cheap)
        "change_end": compiled(
            "measures.change_end",
            rf"(?:{_reversed_alternation(ch['filler_after'], 'change.filler_after')}|\s)*"
            + _reversed_alternation(ch["level_after"], "change.level_after")
            + "?"
            + _reversed_alternation([*ch["up"], *ch["down"]], "change.words"),
        ),
        "respectively": compiled("measures.respectively", regex.escape(ch["respectively"])),
        # one trie of both lists, no groups (named groups would cost the engine its fast skip)
        "topic": compiled("topics", alternation([*topics["off_topic"], *topics["on_topic"]], "topics")),
    }


def _reversed_alternation(words: Sequence[str], rule_id: str) -> str:
    return alternation([w[::-1] for w in words], rule_id)


def change_of(before: str, earlier: str = "") -> tuple[Change | None, Basis | None]:
    """Change and basis when the figure right after ``before`` (its clause) is itself a change.

    A change with no basis in its clause takes the last one stated ``earlier`` in the sentence
    (同比减少1200起,下降18.5%: both year on year).

    >>> change_of("下降", earlier="电诈警情同比减少1200起,")
    (<Change.DOWN: 'down'>, <Basis.YOY: 'yoy'>)
    """
    window = before[-24:]
    if not _patterns()["change_end"].match(window[::-1]):
        return None, None
    m = _patterns()["change"].search(window)
    if not m or m.group("level"):
        return None, None
    change = Change.UP if m.group("up") else Change.DOWN
    if m.group("yoy") or m.group("mom"):
        basis_m = m
    else:  # the basis nearest the change word
        basis_m = next(reversed(list(_patterns()["basis_only"].finditer(before[-30:]))), None)
    if basis_m is None:
        stated = list(_patterns()["basis_only"].finditer(earlier[-CLAUSE_WINDOW:]))
        basis_m = stated[-1] if stated else None
    basis = None
    if basis_m is not None:
        basis = Basis.YOY if basis_m.group("yoy") else Basis.MOM
    return change, basis


def _best_cue(text: str, prefer_end: bool) -> Cue | None:
    """The strongest cue of ``text``; of equal ones, the last (``prefer_end``) or the first."""
    return _SentenceCues(text, 0, len(text)).best(0, len(text), prefer_end)




@dataclass(frozen=True, slots=True)
class _Topic:
    fraud_article: bool


def _topic_counts(text: str) -> tuple[int, int]:
    """How often ``text`` names fraud work and how often another topic, in one pass.

    The longest word wins where words overlap, so the 诈骗 of 保险诈骗 or 集资诈骗 counts for
    that topic, not for fraud work.
    """
    words = _patterns()["topic"].findall(text)
    off = sum(1 for w in words if w in _off_topic_words())
    return len(words) - off, off


@cache
def _off_topic_words() -> frozenset[str]:
    return frozenset(table("measures")["topics"]["off_topic"])


def article_topic(body: str) -> _Topic:
    on, off = _topic_counts(body)
    # an article about anti-fraud work unless another topic (gambling, piracy, …) outweighs it
    return _Topic(fraud_article=on >= off and (on >= 3 or off == 0))


@dataclass(frozen=True, slots=True)
class ParagraphTopic:
    """What a paragraph is about, computed once per paragraph."""

    off_lead: bool  # its opening names another topic and not fraud (扫黑除恶 paragraph)
    fraud: bool  # it names fraud work somewhere
    other: bool  # it names another topic somewhere


def paragraph_topic(paragraph: str) -> ParagraphTopic:
    lead_on, lead_off = _topic_counts(paragraph[: max(40, len(paragraph) // 4)])
    on, off = _topic_counts(paragraph)
    return ParagraphTopic(off_lead=lead_off > 0 and lead_on == 0, fraud=on > 0, other=off > 0)


def _on_topic(sentence: str, paragraph: ParagraphTopic, topic: _Topic) -> bool:
    on, off = _topic_counts(sentence)
    if off:
        return on > 0 and off <= on
    if paragraph.off_lead:
        return False
    if paragraph.fraud:
        return True
    return topic.fraud_article and not paragraph.other


def _respectively_groups(
    quantities: Sequence[Figure], norm: str, sentence: Sentence, clauses: Clauses
) -> dict[int, str | int]:
    """For figures after 分别: the list item (str) or the earlier figure (index) each one stands for.

    ``发案数、群众损失数分别同比下降5.25%、14.28%`` maps the two percents to the two names;
    ``破获案件20万起、抓获16.3万人,同比分别上升52.7%、123.3%`` maps them to the two counts.
    """
    out: dict[int, str | int] = {}
    starts = [q.start for q in quantities]
    for word in _patterns()["respectively"].finditer(norm, sentence.start, sentence.end):
        first = bisect_right(starts, word.end())
        if first >= len(quantities):
            continue
        group = [first]
        while group[-1] + 1 < len(quantities):
            gap = norm[quantities[group[-1]].end : quantities[group[-1] + 1].start].strip()
            if gap not in ("、", "和", "及", "与", ",", "，"):
                break
            group.append(group[-1] + 1)
        head = norm[clauses.start(word.start()) : word.start()]
        items = [x for x in compiled("measures.list_items", r"[、和及]").split(head) if x.strip()]
        earlier = [i for i in range(max(0, first - 8), first) if quantities[i].end <= word.start()]
        if len(items) >= len(group) >= 2:
            out.update({g: items[len(items) - len(group) + k] for k, g in enumerate(group)})
        elif len(earlier) >= len(group) >= 2:
            out.update({g: earlier[len(earlier) - len(group) + k] for k, g in enumerate(group)})
    return out


def _inherits(mention: Figure, prev: Figure, norm: str) -> bool:
    """A figure right after another one in a list shares its category (账户1万个、金额2.9亿元)."""
    gap = norm[prev.end : mention.start]
    limit = 8 if mention.kind is Kind.DURATION else 10
    return len(gap) <= limit and not any(c in "。;；!?！？" for c in gap)


class _SentenceCues:
    """The cue words of one sentence, found in one pass, and the best cue of any span of it:
    the same answer as ``_best_cue`` on that span's text (no cue word holds a digit or a
    clause break, so none crosses a figure's window)."""

    __slots__ = ("_found", "_starts")

    def __init__(self, norm: str, start: int, end: int) -> None:
        pattern, by_word = _cues()
        self._found = [(m.start(), m.end(), by_word[m.group()]) for m in pattern.finditer(norm, start, end)]
        self._starts = [f[0] for f in self._found]

    def best(self, lo: int, hi: int, prefer_end: bool) -> Cue | None:
        best_key: tuple[int, bool, int] | None = None
        best: Cue | None = None
        for i in range(bisect_left(self._starts, lo), len(self._found)):
            start, end, cue = self._found[i]
            if end > hi:
                break  # matches do not overlap: every later one ends later still
            key = (cue.weight, cue.category is not None, end if prefer_end else -start)  # a category beats "none"
            if best_key is None or key > best_key:
                best_key, best = key, cue
        return best

    def pick(self, lo: int, clause_lo: int, start: int, end: int, after_end: int) -> Cue | None:
        """The strongest cue: before the figure, then earlier in the clause, then after it."""
        best: Cue | None = None
        for cue in (
            self.best(lo, start, prefer_end=True),
            self.best(clause_lo, start, prefer_end=True) if clause_lo < lo else None,
            self.best(end, after_end, prefer_end=False),
        ):
            if cue is not None and (best is None or cue.weight > best.weight):
                best = cue
        return best


def _fit_to_figure(category: Category | None, mention: Figure) -> Category | None:
    """The cue's category fitted to the figure's unit and kind: 判决…案件41件 counts cases;
    审结…111人 counts people; money is never a count of people, and money blocked is a loss
    prevented (``measures.toml``, ``[units]``)."""
    units = table("measures")["units"]
    if mention.kind is Kind.MONEY and category is not None and category.value in units["money_category"]:
        turned = units["money_category"][category.value]
        return None if turned == "none" else Category(turned)
    if category is Category.ARRESTS and mention.unit in units["case_units"]:
        return Category.CASES_SOLVED
    if category is Category.CASES_SOLVED and mention.unit in units["people_units"]:
        return Category.ARRESTS
    return category


def _is_prison_term(mention: Figure, before: str, after: str) -> bool:
    if mention.kind is not Kind.DURATION:
        return False
    words = table("measures")["units"]["prison_words"]
    return any(w in after[:6] for w in words) or before.rstrip().endswith(("判处", "判", *words))


def link_sentence(
    mentions: Sequence[Figure],
    norm: str,
    display: str,
    sentence: Sentence,
    paragraph: ParagraphTopic,
    topic: _Topic,
) -> list[Link | None]:
    """Measure, category, change and basis of each quantity in one sentence; ``None`` for dates.

    The list is aligned with ``mentions``.
    """
    s_text = norm[sentence.start : sentence.end]
    on_topic = _on_topic(s_text, paragraph, topic)
    quantities = [m for m in mentions if m.kind is not Kind.DATE]
    clauses = Clauses(norm, sentence.start, sentence.end)
    sentence_cues = _SentenceCues(norm, sentence.start, sentence.end)
    groups = _respectively_groups(quantities, norm, sentence, clauses)
    linked: list[Link] = []
    cues: list[Cue | None] = []
    prev_end: int | None = None
    for i, m in enumerate(quantities):
        prev = linked[-1] if linked else None
        clause_lo = clauses.start(m.start)
        lo = max(clause_lo, prev_end) if prev_end is not None else clause_lo
        before = norm[lo : m.start]
        clause_hi = clauses.end(m.end)
        after = norm[m.end : clause_hi]
        if i + 1 < len(quantities) and quantities[i + 1].start < clause_hi:
            after = after[: quantities[i + 1].start - m.end].split("、")[0]  # stop at the next list item
        gap = norm[prev_end : m.start] if prev_end is not None else "\x00"
        adjacent = gap.strip(" 、") == ""  # 41件111人, 账户1万个、2万张
        earlier_lo = max(sentence.start, clause_lo - CLAUSE_WINDOW)  # the sentence before the clause
        earlier = norm[earlier_lo:clause_lo]
        change, basis = change_of(norm[clause_lo : m.start], earlier)
        if change is None and prev is not None and gap.strip("、和及与 ,，") == "":
            change, basis = prev.change, prev.basis  # 分别下降5.25%、14.28%
        cue = cues[-1] if adjacent else sentence_cues.pick(lo, clause_lo, m.start, m.end, m.end + len(after))
        own = measure_phrase(display[lo : m.start]) if before.strip() else None
        measure = own or (prev.measure if prev else None)  # 同比上升20%: the neighbour's measure
        if own in _list_nouns() and prev is not None and prev.measure and _joins(gap.rstrip().removesuffix(own)):
            measure = prev.measure + own  # 冻结涉案账户1万个、金额2.9亿元
        source = groups.get(i)
        if isinstance(source, str):
            cue, measure = _best_cue(source, prefer_end=True) or cue, measure_phrase(source) or measure
        elif isinstance(source, int):
            cue, measure = cues[source], linked[source].measure
        category = _fit_to_figure(cue.category, m) if cue is not None else None
        may_inherit = cue is None and prev is not None
        if may_inherit and (_inherits(m, quantities[i - 1], norm) or norm.startswith("其中", clause_lo)):
            category, cue = _fit_to_figure(prev.category, m), cues[-1]
        if cue is None and m.kind is not Kind.DURATION:  # 建立第四级反诈中心,目前已建成102个
            cue = sentence_cues.best(earlier_lo, clause_lo, prefer_end=True)
            if cue is not None and cue.category is Category.INCIDENCE and m.kind is Kind.COUNT:
                cue = None  # a count takes a state cue (案件, 损失) only from its own clause
            category = _fit_to_figure(cue.category, m) if cue is not None else None
        if _counts_capacity(m, after):
            category = Category.CAPACITY
        if not on_topic or _is_prison_term(m, before, after):
            category = None
        linked.append(Link(measure, category, change, basis))
        cues.append(cue)
        prev_end = m.end
    by_start = {m.start: link for m, link in zip(quantities, linked, strict=True)}
    return [by_start.get(m.start) for m in mentions]
