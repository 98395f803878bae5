"""Rule tables: TOML data files read once, lazily, into plain immutable structures.

Nothing here runs at import time. Every accessor is cached, so each table is parsed once
per process. A table that is missing a section or holds a bad value raises ``RuleError``
naming the table and the entry.

>>> from fanzha.rules import table
>>> table("numerals")["digits"]["七"]
'7'
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, TypeAlias

import regex

TABLES = ("boilerplate", "numerals", "units", "qualifiers", "measures", "places", "dates")


class RuleError(ValueError):
    """A rule table is malformed; the message names the table and the rule."""

    def __init__(self, rule_id: str, message: str) -> None:
        super().__init__(f"{rule_id}: {message}")
        self.rule_id = rule_id


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@cache
def table(name: str) -> Any:
    """The parsed, read-only contents of ``rules/<name>.toml``."""
    if name not in TABLES:
        raise RuleError(name, "no such rule table")
    try:
        raw = resources.files(__name__).joinpath(f"{name}.toml").read_text("utf-8")
        return _freeze(tomllib.loads(raw))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(name, str(exc)) from exc


def alternation(words: Any, rule_id: str) -> str:
    """A regex matching any of the literal ``words``, the longest one first; raises on an
    empty list (not an assert: it must hold under ``python -O``).

    The words are written as a trie (拦截, 拦截资金 -> 拦截(?:资金)?): the engine then reads
    each character once instead of trying every word in turn, 1.5x faster on the cue tables.
    At any position it matches what the plain longest-first alternation would, and on
    backtracking gives the shorter words in the same order.

    >>> alternation(["拦截", "拦截资金", "劝阻"], "doc")
    '(?:劝阻|拦截(?:资金)?)'
    """
    items = sorted({w for w in words if w})
    if not items:
        raise RuleError(rule_id, "empty alternation")
    trie: dict[str, Any] = {}
    for word in items:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return "(?:" + "|".join(_branches(trie)) + ")"


def edge_chars(words: Any, last: bool = True) -> frozenset[str]:
    """The characters ``words`` end with (or start with, ``last=False``): a test cheap enough
    to run before a table's pattern at every figure. Callers cache the result.

    >>> sorted(edge_chars(["上升", "下降", "了"]))
    ['了', '升', '降']
    """
    return frozenset(w[-1] if last else w[0] for w in words if w)


def _branches(node: dict[str, Any]) -> list[str]:
    """One pattern per character that can follow ``node``, each with everything below it."""
    out = []
    for char, child in sorted(node.items()):
        if not char:
            continue
        below = _branches(child)
        if not below:
            out.append(regex.escape(char))
            continue
        rest = below[0] if len(below) == 1 else "(?:" + "|".join(below) + ")"
        out.append(regex.escape(char) + (f"(?:{rest})?" if "" in child else rest))
    return out


Pattern: TypeAlias = re.Pattern[str] | regex.Pattern[str]
Match: TypeAlias = re.Match[str] | regex.Match[str]


@cache
def compiled(rule_id: str, pattern: str) -> Pattern:
    """Compile ``pattern`` once; a compile error names the rule.

    The standard library's ``re`` compiles it when it can: on the literal alternations the rule
    tables make it runs 3-5x faster than ``regex``. A pattern that needs ``regex`` syntax
    (``(?r)`` reverse search, variable-width look-behind) is compiled by ``regex`` (version 0,
    which keeps ``re``'s semantics).

    >>> type(compiled("doc.literal", "发案数")).__module__, type(compiled("doc.reverse", "(?r)[,。]")).__module__
    ('re', '_regex')
    """
    try:
        return re.compile(pattern)
    except re.error:
        pass
    try:
        return regex.compile(pattern, regex.V0)
    except regex.error as exc:
        raise RuleError(rule_id, f"bad pattern: {exc}") from exc


def userdict_path() -> str:
    """Path of the jieba domain dictionary shipped with the package."""
    return str(resources.files(__name__).joinpath("jieba_userdict.txt"))
