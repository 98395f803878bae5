"""The rule tables: every table loads, every pattern compiles, every term is simplified."""

from __future__ import annotations

from importlib import resources

import pytest

from fanzha.normalize import simplify
from fanzha.rules import TABLES, RuleError, alternation, table


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) or hasattr(value, "items"):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]  # type: ignore[union-attr]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", TABLES)
def test_table_loads(name: str) -> None:
    assert table(name)


@pytest.mark.parametrize("name", TABLES)
def test_terms_are_simplified(name: str) -> None:
    terms = [t for t in _strings(table(name)) if t.strip()]
    assert [t for t in terms if simplify(t) != t] == []


def test_unknown_table_and_empty_alternation_raise() -> None:
    with pytest.raises(RuleError):
        table("nope")
    with pytest.raises(RuleError):
        alternation([], "rule.empty")


def test_every_pattern_compiles() -> None:
    from fanzha import boilerplate, linking, metadata, periods
    from fanzha.extractors import dates, quantities

    assert dates._pattern() and quantities._run_pattern() and quantities._word_patterns()
    assert boilerplate._patterns() and linking._patterns() and linking._cues() and metadata._patterns()
    assert periods._patterns() and quantities._unit_pattern()


def test_userdict_lines_are_word_freq_tag() -> None:
    text = resources.files("fanzha.rules").joinpath("jieba_userdict.txt").read_text("utf-8")
    for line in text.splitlines():
        word, freq, tag = line.split(" ")
        assert word and freq.isdigit() and tag.isalpha()


def test_money_category_turns_name_categories() -> None:
    from fanzha.types import Category

    names = {c.value for c in Category}
    turns = table("measures")["units"]["money_category"]
    assert set(turns) <= names
    assert set(turns.values()) <= names | {"none"}
