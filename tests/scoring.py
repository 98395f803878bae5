"""The matching rules the project is judged by (see ../shared/tools/score.py), for the gate."""

from __future__ import annotations

import math
from typing import Any

ATTRS = ("approx", "change", "basis", "category", "period")


def _same_value(kind: str, a: Any, b: Any) -> bool:
    if kind == "date":
        return str(a) == str(b)
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _same_context(text: str, p: dict[str, Any], g: dict[str, Any], width: int = 12) -> bool:
    ps, pe, gs, ge = p["start"], p["end"], g["start"], g["end"]
    return (
        text[ps:pe] == text[gs:ge]
        and text[max(0, ps - width) : ps] == text[max(0, gs - width) : gs]
        and text[pe : pe + width] == text[ge : ge + width]
    )


def match(pred: list[dict[str, Any]], gold: list[dict[str, Any]], text: str) -> list[tuple[dict, dict]]:
    pairs, used, done = [], set(), set()
    for near in (False, True):
        for gi, g in enumerate(gold):
            if gi in done:
                continue
            for pi, p in enumerate(pred):
                if pi in used:
                    continue
                hit = _same_context(text, p, g) if near else (p["start"] < g["end"] and g["start"] < p["end"])
                if hit and p["kind"] == g["kind"] and _same_value(g["kind"], p["value"], g["value"]):
                    used.add(pi)
                    done.add(gi)
                    pairs.append((g, p))
                    break
    return pairs


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(results: list[tuple[dict[str, Any], dict[str, Any], str]]) -> dict[str, float]:
    """``results``: (gold record, predicted to_dict(), article text) per article."""
    n_g = n_p = tp = fg = fp = ftp = 0
    a_tp = dict.fromkeys(ATTRS, 0)
    a_fp = dict.fromkeys(ATTRS, 0)
    a_fn = dict.fromkeys(ATTRS, 0)
    for gold, pred, text in results:
        pairs = match(pred["mentions"], gold["mentions"], text)
        n_g += len(gold["mentions"])
        n_p += len(pred["mentions"])
        tp += len(pairs)
        fg += sum(1 for g in gold["mentions"] if g.get("category"))
        fp += sum(1 for p in pred["mentions"] if p.get("category"))
        ftp += sum(1 for g, p in pairs if g.get("category") and p.get("category"))
        for g, p in pairs:
            for k in ATTRS:
                gv, pv = g.get(k) or None, p.get(k) or None
                if gv is not None and gv == pv:
                    a_tp[k] += 1
                else:
                    a_fp[k] += int(pv is not None)
                    a_fn[k] += int(gv is not None)
    out = {"detection": f1(tp, n_p, n_g), "facts": f1(ftp, fp, fg)}
    for k in ATTRS:
        out[k] = f1(a_tp[k], a_tp[k] + a_fp[k], a_tp[k] + a_fn[k])
    return out
