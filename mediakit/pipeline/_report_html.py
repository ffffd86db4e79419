"""HTML pieces of ``report.html``: escaping, relative links, tables, numbers for prose.

Every text taken from the corpus goes through :func:`esc` (:func:`html.escape`); :func:`html_table`
takes cells that are already HTML.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._labels import PERCENT_PREFIXES

__all__ = ["date_text", "esc", "fmt_num", "fmt_p", "href", "html_table", "swatch"]


def fmt_num(x: Any, metric: str = "") -> str:
    """A number for prose: percentages for shares, 2-3 significant digits otherwise, a real minus sign."""
    if x is None or not np.isfinite(float(x)):
        return "n/a"
    x = float(x)
    if metric.startswith(PERCENT_PREFIXES):
        s = f"{100 * x:.1f}%"
    elif abs(x) >= 100:
        s = f"{x:,.0f}"
    else:
        s = f"{x:.3g}"
    return s.replace("-", "−")


def fmt_p(p: Any) -> str:
    """'< 0.001' or '= 0.012'."""
    p = float(p)
    return "< 0.001" if p < 0.001 else f"= {p:.3f}"


def esc(x: Any) -> str:
    """``x`` as text, HTML-escaped (quotes too)."""
    return html.escape(str(x), quote=True)


def href(path: Path, base: Path) -> str:
    """The link to ``path`` relative to ``base``, URL-quoted and escaped."""
    rel = os.path.relpath(path, base).replace(os.sep, "/")
    return html.escape("/".join(_quote(p) for p in rel.split("/")), quote=True)


def _quote(part: str) -> str:
    from urllib.parse import quote

    return quote(part)


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool] | None = None) -> str:
    """An HTML table; cells are already-escaped HTML."""
    numeric = numeric or [False] * len(header)
    th = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td class="n">{c}</td>' if numeric[i] else f"<td>{c}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def swatch(color: str | None) -> str:
    """A small colour square (an outlet's colour), or "" without a colour."""
    return f'<span class="swatch" style="background:{esc(color)}"></span>' if color else ""


def date_text(ts: Any) -> str:
    """A date as YYYY-MM-DD, or a dash when missing."""
    return "—" if ts is None or pd.isna(ts) else pd.Timestamp(ts).strftime("%Y-%m-%d")

