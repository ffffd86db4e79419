"""The report's "Who is quoted" part: source roles with the anonymous share, and the partisan balance."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._report_html import esc as _e
from ._report_html import href as _href
from ._report_html import html_table as _table

if TYPE_CHECKING:
    from ._analysis import CorpusAnalysis

__all__ = ["sources_part"]


def _pct_ci(share: float, lo: float, hi: float) -> str:
    """"12% (9–15%)": a share with its CI, or the share alone without one."""
    if not np.isfinite(share):
        return "—"
    if np.isfinite(lo) and np.isfinite(hi):
        return f"{100 * share:.0f}% ({100 * lo:.0f}–{100 * hi:.0f}%)"
    return f"{100 * share:.0f}%"


def _points_ci(gap: float, lo: float, hi: float) -> str:
    """"+12 pts (−3 to +25)": a difference of shares in percentage points with its CI."""
    if not np.isfinite(gap):
        return "—"
    out = f"{100 * gap:+.0f} pts"
    if np.isfinite(lo) and np.isfinite(hi):
        out += f" ({100 * lo:+.0f} to {100 * hi:+.0f})"
    return out.replace("-", "−")


def _roles_part(res: CorpusAnalysis, written: Mapping[str, Path], base: Path) -> list[str]:
    """The source-role table (top roles, anonymous share with CI) and the partisan balance."""
    roles = res.source_roles
    assert roles is not None
    order = [r for r in roles.groupby("source_role", sort=False)["count"].sum().sort_values(ascending=False).index
             if r not in ("anonymous", "(none)")][:6]
    rows = []
    anon: dict[str, float] = {}
    for o in res.outlets:
        t = roles[roles["group"] == o].set_index("source_role")
        if t.empty:
            continue
        cells = [_e(o), f"{int(t['total'].iloc[0]):,}"]
        cells += [f"{100 * t.at[r, 'share']:.0f}%" if r in t.index else "—" for r in order]
        if "anonymous" in t.index:
            a = t.loc["anonymous"]
            anon[o] = float(a["share"])
            cells.append(_pct_ci(float(a["share"]), float(a["ci_low"]), float(a["ci_high"])))
        else:
            cells.append("0%")
        rows.append(cells)
    link = f' (<a href="{_href(written["source_roles"], base)}">source_roles.csv</a>)' \
        if "source_roles" in written else ""
    parts = [f"<p>Share of each outlet’s attributions by the role of the source (codebook: docs/sources.md), "
             f"and anonymous sources with a 95% bootstrap CI over articles{link}.</p>",
             _table(["outlet", "attributions", *(_e(r.replace("_", " ")) for r in order), "anonymous (95% CI)"],
                    rows, [False] + [True] * (len(order) + 2))]
    parts += _anonymous_sentence(anon)
    if res.partisan is not None:
        parts += _partisan_part(res.partisan, written, base)
    return parts


def _anonymous_sentence(anon: Mapping[str, float]) -> list[str]:
    valid = {o: v for o, v in anon.items() if np.isfinite(v)}
    if len(valid) < 2:
        return []
    hi = max(valid, key=lambda o: (valid[o], o))
    lo = min(valid, key=lambda o: (valid[o], o))
    if valid[hi] <= valid[lo]:
        return []
    return [f"<p>Anonymous sourcing is most common in <strong>{_e(hi)}</strong> ({100 * valid[hi]:.0f}% of its "
            f"attributions) and least in <strong>{_e(lo)}</strong> ({100 * valid[lo]:.0f}%).</p>"]


def _partisan_part(table: pd.DataFrame, written: Mapping[str, Path], base: Path) -> list[str]:
    a, b = str(table["party_a"].iloc[0]), str(table["party_b"].iloc[0])
    rows = [[_e(r.group), f"{r.n:,}", _pct_ci(r.share_a, r.share_a_ci_low, r.share_a_ci_high),
             _pct_ci(r.share_b, r.share_b_ci_low, r.share_b_ci_high),
             _points_ci(r.gap, r.gap_ci_low, r.gap_ci_high)
             + (" <span class=\"note\">(few articles)</span>" if r.small_group else "")]
            for r in table.itertuples(index=False)]
    link = f' (<a href="{_href(written["partisan_balance"], base)}">partisan_balance.csv</a>)' \
        if "partisan_balance" in written else ""
    clear = [r.group for r in table.itertuples(index=False)
             if not r.small_group and np.isfinite(r.gap_ci_low) and (r.gap_ci_low > 0 or r.gap_ci_high < 0)]
    text = (f"<p>Quoted politicians with a known party (from the text or the US Congress gazetteer): "
            f"the {_e(a)} and {_e(b)} shares and their gap, with 95% bootstrap CIs over articles{link}. ")
    text += (("Outlets whose gap excludes zero: " + ", ".join(f"<strong>{_e(g)}</strong>" for g in clear) + ".")
             if clear else "No outlet with enough articles has a gap clearly different from zero.") + "</p>"
    return [text, _table(["outlet", "politicians quoted", _e(a), _e(b), f"gap ({_e(a)} − {_e(b)})"], rows,
                         [False, True, True, True, True])]


def sources_part(res: CorpusAnalysis, written: Mapping[str, Path], base: Path) -> str:
    parts = ["<h3>Who is quoted</h3>"]
    attr = res.attributions
    if attr.empty or not res.outlets:
        parts.append("<p>No attribution was found.</p>")
        return "\n".join(parts)
    if res.source_roles is not None:
        return "\n".join(parts + _roles_part(res, written, base))
    a = attr[attr["outlet"].notna()]
    types = a["source_type"].astype(object).where(a["source_type"].notna(), "(none)").map(str)
    top_types = [t for t in types.value_counts().index if t not in ("(none)", "anonymous")][:5]
    rows = []
    anon: dict[str, float] = {}
    for o in res.outlets:
        m = (a["outlet"] == o).to_numpy(dtype=bool)
        n = int(m.sum())
        t = types[m]
        cells = [_e(o), f"{n:,}"]
        for ty in top_types:
            cells.append(f"{100 * (t == ty).mean():.0f}%" if n else "—")
        direct = (a.loc[m, "kind"] == "direct").mean() if n else np.nan
        anon[o] = float((t == "anonymous").mean()) if n else np.nan
        cells.append(f"{100 * anon[o]:.0f}%" if n else "—")
        cells.append(f"{100 * direct:.0f}%" if n else "—")
        rows.append(cells)
    link = f' (<a href="{_href(written["attributions"], base)}">attributions.csv</a>)' if "attributions" in written \
        else ""
    parts.append(f"<p>Share of each outlet’s attributions by source type, anonymous sources, and direct "
                 f"quotes{link}.</p>")
    parts.append(_table(["outlet", "attributions", *(_e(t) for t in top_types), "anonymous", "direct quotes"],
                        rows, [False] + [True] * (len(top_types) + 3)))
    parts += _anonymous_sentence(anon)
    return "\n".join(parts)
