"""Who speaks, per outlet: one source role's share, and the partisan gap of quoted politicians, with CIs.

Both charts draw the tables of :func:`mediakit.compare.source_shares` and
:func:`mediakit.compare.partisan_balance` as dot-and-whisker rows (one per outlet), like
:func:`metric_by_outlet`.
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd
from matplotlib.axes import Axes

from .._figures import INK
from ._checks import chart_data, pick_value, require_columns
from ._labels import percent_axis
from ._metric import metric_by_outlet

__all__ = ["partisan_balance_plot", "source_share_plot"]


def source_share_plot(data: pd.DataFrame, *, value: str | None = None, category: str = "source_role",
                      sort: Literal["mean", "name"] | None = "mean", xlabel: str | None = None,
                      ax: Axes | None = None, palette: Any = None) -> Axes:
    """Each outlet's share of one source category (e.g. anonymous sources) with its bootstrap CI.

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`mediakit.compare.source_shares` output (``group``, ``category``, ``share``,
        ``ci_low``, ``ci_high``, ``total``, ``small_group``).
    value : str, optional
        The category value to draw ("anonymous"); needed when the table has several.
    category : str, default 'source_role'
        The category column of ``data``.
    sort, xlabel, ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> t = pd.DataFrame({"group": ["A", "B"], "source_role": "anonymous", "count": [3, 9],
    ...                   "total": [30, 40], "share": [0.1, 0.225], "ci_low": [0.03, 0.1],
    ...                   "ci_high": [0.2, 0.35], "n_articles": [12, 15], "small_group": False})
    >>> fig, ax = plt.subplots()
    >>> source_share_plot(t, value="anonymous", ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "source_share_plot"
    df = chart_data(data, func)
    require_columns(df, [category, "share", "ci_low", "ci_high"], func)
    value = pick_value(df, category, value, func, category)
    rows = df[df[category] == value]
    groups = rows.rename(columns={"share": "mean", "total": "n"})
    label = xlabel if xlabel is not None else f"share of attributions: {str(value).replace('_', ' ')} (95% CI)"
    ax = metric_by_outlet(groups, sort=sort, xlabel=label, ax=ax, palette=palette)
    percent_axis(ax.xaxis)
    return ax


def partisan_balance_plot(data: pd.DataFrame, *, sort: Literal["mean", "name"] | None = "mean",
                          xlabel: str | None = None, ax: Axes | None = None, palette: Any = None) -> Axes:
    """Each outlet's partisan gap among quoted politicians (share of party A minus party B) with its CI.

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`mediakit.compare.partisan_balance` output.
    sort, xlabel, ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes
        Dots right of zero: the outlet quotes more politicians of ``party_a``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> t = pd.DataFrame({"group": ["A", "B"], "party_a": "Republican", "party_b": "Democratic",
    ...                   "n": [40, 25], "gap": [0.2, -0.1], "gap_ci_low": [0.0, -0.4],
    ...                   "gap_ci_high": [0.4, 0.2], "small_group": False})
    >>> fig, ax = plt.subplots()
    >>> partisan_balance_plot(t, ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "partisan_balance_plot"
    df = chart_data(data, func)
    require_columns(df, ["group", "party_a", "party_b", "gap", "gap_ci_low", "gap_ci_high"], func)
    a = str(df["party_a"].iloc[0]) if len(df) else "A"
    b = str(df["party_b"].iloc[0]) if len(df) else "B"
    groups = df.rename(columns={"gap": "mean", "gap_ci_low": "ci_low", "gap_ci_high": "ci_high"})
    groups = groups[[c for c in ("group", "mean", "ci_low", "ci_high", "n", "small_group") if c in groups.columns]]
    label = xlabel if xlabel is not None else f"quoted politicians: {a} share minus {b} share (95% CI)"
    ax = metric_by_outlet(groups, sort=sort, xlabel=label, ax=ax, palette=palette)
    ax.axvline(0.0, color=INK, linewidth=0.8, zorder=1)
    lo, hi = ax.get_xlim()
    ax.set_xlim(min(lo, -0.05), max(hi, 0.05))
    percent_axis(ax.xaxis)
    return ax
