"""Word segmentation of the short windows around a figure (never the whole article).

fanzha owns a private ``jieba.Tokenizer`` whose main dictionary is the small domain
dictionary ``rules/jieba_userdict.txt`` (jieba's HMM handles unknown words). Loading it
takes milliseconds, where jieba's default 5 MB dictionary takes most of a second.

>>> measure_phrase("2019年以来,累计抓获犯罪嫌疑人")
'抓获犯罪嫌疑人'
>>> measure_phrase("全市电信诈骗案件发案数同比下降")
'电信诈骗案件发案数'
"""

from __future__ import annotations

import logging
import re
from functools import cache

import jieba

from .rules import alternation, edge_chars, table, userdict_path

_MAX_CHARS = 14
_QUOTES = frozenset("“”‘’\"'「」『』")
_PUNCT = frozenset(" ,，.。;；:：、!?！？“”\"'‘’()（）《》【】[]·+-%|/<>=~×*\t\r\n")


@cache
def tokenizer() -> jieba.Tokenizer:
    """The private tokenizer, built on first use."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tk = jieba.Tokenizer(dictionary=userdict_path())
    tk.initialize()
    return tk


@cache
def _gloss() -> re.Pattern[str]:
    """A short bracketed gloss closing a window: (帮信罪), (人民币)."""
    return re.compile(r"[(（][^()（）0-9]{1,12}[)）]$")


@cache
def _quoted_word() -> re.Pattern[str]:
    return re.compile(r"[“\"‘'「『](?P<w>[\u4e00-\u9fff]{1,10})[”\"’'」』]")


@cache
def _measure_table() -> dict[str, tuple[str, ...]]:
    t = table("measures")["measure"]
    keys = ("drop_words", "drop_leading", "drop_trailing", "keep_words", "subject_end", "comparison_heads")
    return {key: tuple(t[key]) for key in keys}


@cache
def _comparison() -> re.Pattern[str]:
    """A comparison, a change word and nothing after them at the end of a window; the subject
    before it is kept (greedy, so the last comparison word is the one cut at). Tried only on a
    window whose last character can end such a tail."""
    change = table("measures")["change"]
    heads = alternation(_measure_table()["comparison_heads"], "measure.comparison_heads")
    not_after = re.escape(table("measures")["measure"]["comparison_not_after"])
    verbs = alternation([*change["up"], *change["down"]], "change.verbs")
    fillers = alternation(change["filler_after"], "change.filler_after")  # 下降了, 下降幅度达
    return re.compile(
        rf"(?P<subject>.*[^\s])(?<![{not_after}])(?<!(?<![{not_after}])比){heads}[^,，;；:：。、]{{1,12}}?"
        rf"(?:同比|环比)?{verbs}(?:{fillers})*\s?$",
        re.S,
    )


@cache
def _comparison_last_chars() -> frozenset[str]:
    change = table("measures")["change"]
    return edge_chars([*change["up"], *change["down"], *change["filler_after"], " "])


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The window's tail, one word to drop at the start (a drop word or a place: 徐州, 深圳市)
    and one word to drop at the end."""
    t = _measure_table()
    places = table("places")
    # the window starts after the last punctuation mark, figure or time expression
    # the measure starts after a figure or a time word: "1至9月", "2月底", "今年", "上半年", "以来" (not
    # the 年 of 老年人)
    time_word = r"(?:[今去全近明往当上本次同每前][年月日]|[上下]半年|季度|以来)"
    tail = re.compile(
        r"(?:.*[" + re.escape("".join(_PUNCT)) + r"0-9](?:月份?|日|号|年度?)?(?:底|初|末|[上中下]旬)?|.*"
        + time_word
        + r")?(?P<w>.*)$",
        re.S,
    )
    place = alternation([*places["provinces"], *places["cities"]], "places") + "(?:省|市|区|县)?"
    lead = alternation([*t["drop_words"], *t["drop_leading"]], "measure.drop_words")
    trail = alternation([*t["drop_words"], *t["drop_trailing"]], "measure.drop_words")
    return tail, re.compile(f"{lead}|{place}"), re.compile(f"{trail}$")


def _strip_words(text: str) -> str:
    """``text`` without the drop words it starts and ends with (累计, 同比, 达 ...), nor a
    place it starts with; a keep word (及时, 返还) is never cut.

    Searching for a drop word that runs to the end tries every position, so it is done
    only when the last character can end one.
    """
    _, lead, trail = _patterns()
    keep = _measure_table()["keep_words"]
    while not text.startswith(keep):
        m = lead.match(text)
        if not m:
            break
        text = text[m.end() :]
    while text[-1:] in _drop_last_chars() and not text.endswith(keep):
        m = trail.search(text)
        if not m:
            break
        text = text[: m.start()]
    return text


@cache
def _drop_last_chars() -> frozenset[str]:
    t = _measure_table()
    return edge_chars([*t["drop_words"], *t["drop_trailing"]])


def measure_phrase(window: str) -> str | None:
    """The indicator phrase at the end of ``window`` (the text just before a figure)."""
    tail = _patterns()[0]
    window = window.replace("\x00", "").rstrip()[-40:]  # masked tags (</td><td>) join what they split
    if window.endswith((")", "）")):  # 起诉帮助信息网络犯罪活动罪(帮信罪)2940人: the gloss is no measure
        window = _gloss().sub("", window)
    if not _QUOTES.isdisjoint(window):  # 查处涉“两卡”人员: quotes around a word are no break (but “1+3+N”)
        window = _quoted_word().sub(r"\g<w>", window)
    compared = _comparison().match(window) if window[-1:] in _comparison_last_chars() else None
    if compared:  # 发案数较去年同期下降: the subject, not what follows the base year
        window = compared.group("subject")
    m = tail.match(window)
    text = _strip_words(m.group("w") if m else window)
    # 公安机关共侦破电诈案件: the part after the adverb that ends the subject
    cut = max(text.rfind(w) + len(w) if w in text else -1 for w in _measure_table()["subject_end"])
    if 2 <= cut <= len(text) - 4:  # not 累计数量 -> 数量: too little left to name a measure
        text = _strip_words(text[cut:])
    if len(text) > _MAX_CHARS:  # still too long: cut at a word boundary (HMM joins words such as 批准)
        tokens = tokenizer().lcut(text[-24:], HMM=True)
        while len("".join(tokens)) > _MAX_CHARS and len(tokens) > 1:
            tokens.pop(0)
        text = _strip_words("".join(tokens))
    return text or None
