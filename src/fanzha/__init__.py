"""fanzha: structured statistics from Chinese news articles about anti-telecom-fraud work.

>>> from fanzha import find_mentions
>>> [(m.text, m.kind.value, float(m.value), m.unit) for m in find_mentions("劝阻6.12万人次")]
[('6.12万人次', 'count', 61200.0, '人次')]
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Extraction", "InvalidArgument", "Mention", "__version__", "extract", "find_mentions"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from .api import InvalidArgument, extract, find_mentions
    from .types import Extraction, Mention


def __getattr__(name: str) -> Any:
    """Import the pipeline on first use, not at ``import fanzha``."""
    if name in ("extract", "find_mentions", "InvalidArgument"):
        from . import api

        return getattr(api, name)
    if name in ("Extraction", "Mention"):
        from . import types

        return getattr(types, name)
    raise AttributeError(f"module 'fanzha' has no attribute {name!r}")
