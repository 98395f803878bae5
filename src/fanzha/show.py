"""A self-contained HTML page of one article: mentions highlighted by kind, details on hover,
everything outside the body greyed out.

>>> "<mark" in render("抓获犯罪嫌疑人253名。")
True
"""

from __future__ import annotations

import html

from .api import extract
from .boilerplate import clean
from .normalize import normalize

_STYLE = """
body{font:16px/1.7 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
  max-width:60em;margin:2em auto;padding:0 1em;color:#222}
.out{color:#aaa} mark{border-radius:3px;padding:0 2px;cursor:help}
.count{background:#cde8ff}.money{background:#ffe3a8}.percent{background:#d6f5d6}
.multiple{background:#f3d6f5}.duration{background:#ffd6d6}.date{background:#e6e6e6}
pre{white-space:pre-wrap;font:inherit} .legend mark{margin-right:.5em}
"""


def _title(m_dict: dict[str, object]) -> str:
    keys = ("kind", "value", "unit", "approx", "change", "basis", "measure", "category", "period")
    return "\n".join(f"{k}: {m_dict[k]}" for k in keys if m_dict.get(k) is not None)


def render(text: str, published: str | None = None) -> str:
    """The HTML page for ``text``."""
    result = extract(text, published=published)
    page = clean(normalize(text))
    body = sorted((b.start, b.end) for b in page.body_blocks())
    marks = {m.start: m for m in result.mentions}
    out: list[str] = []
    pos = 0

    def plain(a: int, b: int) -> None:
        for s, e in body:
            if e <= a or s >= b:
                continue
            if a < max(a, s):
                out.append(f'<span class="out">{html.escape(text[a:max(a, s)])}</span>')
            out.append(html.escape(text[max(a, s) : min(b, e)]))
            a = min(b, e)
        if a < b:
            out.append(f'<span class="out">{html.escape(text[a:b])}</span>')

    for start in sorted(marks):
        m = marks[start]
        plain(pos, m.start)
        info = html.escape(_title(m.to_dict()), quote=True)
        out.append(f'<mark class="{m.kind.value}" title="{info}">{html.escape(m.text)}</mark>')
        pos = m.end
    plain(pos, len(text))
    head = " · ".join(
        html.escape(f"{k}: {v}") for k, v in result.to_dict().items() if k in ("title", "published", "source", "region")
    )
    kinds = ("count", "money", "percent", "multiple", "duration", "date")
    legend = "".join(f'<mark class="{k}">{k}</mark>' for k in kinds)
    return (
        f'<!doctype html><html lang="zh"><meta charset="utf-8"><title>{html.escape(result.title or "fanzha")}</title>'
        f"<style>{_STYLE}</style><p>{head}</p><p class=legend>{legend}</p><pre>{''.join(out)}</pre></html>\n"
    )
