"""Result types: frozen dataclasses and enums whose ``to_dict()`` is the SPEC's JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    MULTIPLE = "multiple"
    DURATION = "duration"
    DATE = "date"


class Approx(StrEnum):
    OVER = "over"
    UNDER = "under"
    ABOUT = "about"


class Change(StrEnum):
    UP = "up"
    DOWN = "down"


class Basis(StrEnum):
    YOY = "yoy"
    MOM = "mom"


class Category(StrEnum):
    INCIDENCE = "incidence"
    CASES_SOLVED = "cases_solved"
    ARRESTS = "arrests"
    GROUPS_DISMANTLED = "groups_dismantled"
    FUNDS_FROZEN = "funds_frozen"
    FUNDS_RETURNED = "funds_returned"
    LOSSES_PREVENTED = "losses_prevented"
    WARNINGS = "warnings"
    TECHNICAL_BLOCKING = "technical_blocking"
    PUBLICITY = "publicity"
    CAPACITY = "capacity"


def _json_number(value: Decimal) -> int | float:
    """A JSON number for an exact Decimal: an int when integral, else the nearest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


class Figure(NamedTuple):
    """A figure or date as the recognisers find it, before linking: a light tuple, since a
    page holds thousands and each final ``Mention`` is built once from one of these.

    ``start``/``end`` index the input; ``value`` is a ``Decimal`` or, for dates, an ISO string.
    """

    kind: Kind
    start: int
    end: int
    value: Decimal | str
    unit: str | None = None
    approx: Approx | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure or date found in the text.

    ``start``/``end`` index the string passed in, so ``original[start:end] == text``.
    ``value`` is a ``Decimal`` for quantities and an ISO 8601 string for dates.
    """

    kind: Kind
    text: str
    start: int
    end: int
    value: Decimal | str
    unit: str | None = None
    approx: Approx | None = None
    change: Change | None = None
    basis: Basis | None = None
    measure: str | None = None
    category: Category | None = None
    period: str | None = None
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        value: Any = self.value if isinstance(self.value, str) else _json_number(self.value)
        return {
            "kind": str(self.kind),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": value,
            "unit": self.unit,
            "approx": None if self.approx is None else str(self.approx),
            "change": None if self.change is None else str(self.change),
            "basis": None if self.basis is None else str(self.basis),
            "measure": self.measure,
            "category": None if self.category is None else str(self.category),
            "period": self.period,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """The result for one article: metadata, cleaned body and its mentions."""

    title: str | None = None
    published: str | None = None
    source: str | None = None
    region: str | None = None
    body: str = ""
    mentions: tuple[Mention, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "region": self.region,
            "body": self.body,
            "mentions": [m.to_dict() for m in self.mentions],
        }
