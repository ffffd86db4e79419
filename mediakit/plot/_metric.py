"""Any metric per outlet: mean and confidence interval (``Comparison.groups``), one dot per outlet."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from .._figures import INK
from .._validation import check_option
from ._checks import (chart_data, get_ax, group_column, numeric_values, order_names, outlet_labels, pick_value,
                      require_columns)
from ._labels import pretty_name, right_column, row_positions, set_category_ticks, style_axes
from ._palettes import MUTED_INK, OutletPalette, darken, resolve_palette

__all__ = ["metric_by_outlet"]


def metric_by_outlet(data: Any, *, metric: str | None = None, by: str = "outlet",
                     sort: Literal["mean", "name"] | None = "mean", xlabel: str | None = None,
                     ax: Axes | None = None, palette: Any = None, **deprecated: Any) -> Axes:
    """Dot-and-whisker chart: each outlet's mean of one metric with its confidence interval.

    Parameters
    ----------
    data : pandas.DataFrame or Comparison
        ``Comparison.groups``-shaped: one row per outlet (and metric) with
        ``group`` (or ``outlet``), ``mean``, ``ci_low``, ``ci_high``, and
        optionally ``metric``, ``n`` and ``small_group``. A
        :class:`mediakit.Comparison` is taken as its ``.groups``.
    metric : str, optional
        Which metric (needed when ``data`` has several in ``metric``).
    by : str, default 'outlet'
        The grouping column: ``outlet``, else (Comparison tables) ``group``.
        (``outlet=`` is its old name: deprecated.)
    sort : {'mean', 'name', None}, default 'mean'
        Highest mean at the top (missing means last), alphabetical, or as given.
    xlabel : str, optional
        Axis label (default: the metric's name and the CI level).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default the current Axes).
    palette : OutletPalette, dict, str or list, optional
        Outlet colours (default ``OutletPalette(<outlets in data>)``).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one row per outlet, its mean as a dot (labelled with
        the outlet name) in the outlet's colour and its CI as a line; small groups
        (``small_group`` true) hollow and labelled "small"; ``n`` right of the Axes.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from mediakit.plot import figure_for
    >>> groups = pd.DataFrame({"group": ["A", "B", "C"], "metric": "tone", "n": [40, 35, 3],
    ...                        "mean": [0.2, -0.1, 0.4], "ci_low": [0.1, -0.2, 0.0],
    ...                        "ci_high": [0.3, 0.0, 0.8], "small_group": [False, False, True]})
    >>> fig, ax = plt.subplots(figsize=figure_for(3))
    >>> metric_by_outlet(groups, metric="tone", ax=ax) is ax
    True
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['C', 'A', 'B']
    >>> plt.close(fig)
    """
    func = "metric_by_outlet"
    by = group_column(func, by, deprecated)
    check_option(sort, ("mean", "name", None, False), name="sort", func=func)
    df, names_s, metric = _outlet_rows(data, metric, by, func)
    ax = get_ax(ax, func)
    mean, lo, hi = (dict(zip(names_s, numeric_values(df, col, func), strict=True))
                    for col in ("mean", "ci_low", "ci_high"))
    n = dict(zip(names_s, df["n"].tolist(), strict=True)) if "n" in df.columns else {}
    small = dict(zip(names_s, df["small_group"].fillna(False).astype(bool), strict=True)) \
        if "small_group" in df.columns else {}
    names = order_names(list(names_s), sort, func, mean)
    pal = resolve_palette(palette, names, func)
    ys = row_positions(len(names))
    style_axes(ax, grid="x")
    texts, text_colors = _draw_intervals(ax, ys, names, pal, (mean, lo, hi), n, small)
    ax.set_ylim(-0.6, len(names) - 0.4)
    ax.margins(x=0.06)
    default_xlabel = _default_xlabel(df, data, metric)
    ax.set_xlabel(xlabel if xlabel is not None else default_xlabel)
    size = set_category_ticks(ax, ys, names, axis="y")
    if any(texts):
        right_column(ax, ys, texts, size=size, colors=text_colors)
    if any(small.values()):
        handle = Line2D([], [], linestyle="none", marker="o", markerfacecolor="white",
                        markeredgecolor=MUTED_INK, markeredgewidth=1.4, markersize=6)
        ax.legend([handle], ["small group: few articles, read with care"], loc="lower left",
                  bbox_to_anchor=(0.0, 1.0), frameon=False, fontsize=7.5, handletextpad=0.3, borderaxespad=0.2)
    return ax


def _outlet_rows(data: Any, metric: str | None, by: str | None,
                 func: str) -> tuple[pd.DataFrame, pd.Series, str | None]:
    """The rows of the chosen metric with an outlet (one per outlet), their outlets and the metric."""
    df = chart_data(data, func, attr="groups")
    require_columns(df, ["mean", "ci_low", "ci_high"], func)
    if "metric" in df.columns:
        metric = pick_value(df, "metric", metric, func, "metric")
        df = df[df["metric"] == metric]
    names_s = outlet_labels(df, func, by, None)
    keep = names_s.notna().to_numpy()
    df, names_s = df[keep], names_s[keep]
    if df.empty:
        raise ValueError(f"{func}(): no rows with an outlet to plot")
    if names_s.duplicated().any():
        dup = sorted(set(names_s[names_s.duplicated()]))[:5]
        raise ValueError(f"{func}(): expected one row per outlet, found several for {dup}; filter the data "
                         "(e.g. by metric=) first")
    return df, names_s, metric


def _draw_intervals(ax: Axes, ys: np.ndarray, names: list[str], pal: OutletPalette,
                    stats: tuple[dict[str, float], dict[str, float], dict[str, float]], n: dict[str, Any],
                    small: dict[str, bool]) -> tuple[list[str], list[str]]:
    """Each outlet's CI line and mean dot (hollow for small groups); the ``n`` texts and their colours."""
    mean, lo, hi = stats
    texts, text_colors = [], []
    for y, name in zip(ys, names, strict=True):
        st = pal.style(name)
        m, a, b = mean[name], lo[name], hi[name]
        is_small = bool(small.get(name, False))
        if np.isfinite(a) and np.isfinite(b):
            ax.plot([a, b], [y, y], color=st.color, linewidth=2.2, solid_capstyle="round",
                    label=f"_ci:{name}", zorder=2)
        if np.isfinite(m):
            ax.scatter([m], [y], s=46, marker=st.marker, facecolors="white" if is_small else st.color,
                       edgecolors=darken(st.color), linewidths=1.6 if is_small else 0.8, zorder=3, label=name)
        nn = n.get(name)
        label = "" if nn is None or pd.isna(nn) else f"n={int(nn)}"
        if is_small:
            label += " (small)"
        if not np.isfinite(m):
            label = (label + " no data").strip()
        texts.append(label)
        text_colors.append(INK if is_small or not np.isfinite(m) else MUTED_INK)
    return texts, text_colors


def _default_xlabel(df: pd.DataFrame, data: Any, metric: str | None) -> str:
    """The metric's name and the CI level (from the table's or the Comparison's ``ci``)."""
    ci = df.attrs.get("ci", getattr(data, "info", {}).get("ci") if not isinstance(data, pd.DataFrame) else None)
    ci_txt = f"{float(ci):.0%} CI" if ci is not None else "CI"
    return f"{pretty_name(str(metric)) if metric is not None else 'value'} — mean and {ci_txt}"
