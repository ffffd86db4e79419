"""Figure primitives shared by the charts (:mod:`mediakit.plot`) and export (:mod:`mediakit.export`).

:func:`figure_for` sizes a figure for a number of outlets; :data:`THEME` and :func:`theme` give
mediakit's figure style without changing anything globally. Both modules import them from here, so
export never needs to import the charts.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal, cast

import matplotlib as mpl
import numpy as np

from ._validation import check_option

__all__ = ["INK", "THEME", "figure_for", "theme"]

#: Text and axis lines of every chart.
INK = "#222222"

#: The rcParams of mediakit figures (see :func:`theme`); never applied globally.
THEME: dict[str, Any] = {
    "font.size": 9.0,
    "axes.titlesize": 10.0,
    "axes.labelsize": 9.0,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": INK,
    "ytick.color": INK,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8.0,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}

_KINDS = ("rows", "columns", "lines", "heatmap")


@contextmanager
def theme() -> Iterator[None]:
    """Apply mediakit's figure style (:data:`THEME`) inside a ``with`` block only.

    The chart functions style the Axes they draw on themselves; use this to
    create figures (fonts, sizes) in the same style. rcParams are restored on
    exit: nothing is changed globally.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with theme():
    ...     fig, ax = plt.subplots(figsize=figure_for(4))
    >>> ax.spines["top"].get_visible()
    False
    >>> plt.close(fig)
    """
    with mpl.rc_context(cast(Any, THEME)):
        yield


def figure_for(n_outlets: int, *, kind: Literal["rows", "columns", "lines", "heatmap"] = "rows",
               n_categories: int = 6, width: float | None = None) -> tuple[float, float]:
    """A figure size (inches) that leaves room for ``n_outlets`` outlets.

    Parameters
    ----------
    n_outlets : int
        Number of outlets in the chart.
    kind : {'rows', 'columns', 'lines', 'heatmap'}, default 'rows'
        'rows': one row per outlet (:func:`~mediakit.plot.metric_by_outlet`, the stacked bars,
        :func:`~mediakit.plot.sentiment_distribution`, :func:`~mediakit.plot.readability_by_outlet`;
        also :func:`~mediakit.plot.actor_sentiment_plot` with ``n_outlets`` = actors);
        'columns': outlets along the x axis (:func:`~mediakit.plot.event_matched_plot`);
        'lines': a time series with a legend of outlets on the right
        (:func:`~mediakit.plot.attention_plot`); 'heatmap': outlets × ``n_categories`` cells
        (:func:`~mediakit.plot.actor_label_heatmap`).
    n_categories : int, default 6
        Columns of the heatmap.
    width : float, optional
        Fix the width (inches) instead.

    Returns
    -------
    tuple of float
        ``(width, height)``, for ``plt.subplots(figsize=...)``.

    Raises
    ------
    ValueError
        ``n_outlets`` not a positive int, or an unknown ``kind``.

    Examples
    --------
    >>> figure_for(4)
    (6.4, 2.7)
    >>> figure_for(30)
    (6.4, 10.5)
    >>> figure_for(30, kind="columns")
    (12.0, 4.8)
    """
    if isinstance(n_outlets, bool) or not isinstance(n_outlets, (int, np.integer)) or n_outlets < 1:
        raise ValueError(f"figure_for(): n_outlets must be a positive int, got {n_outlets!r}")
    check_option(kind, _KINDS, name="kind", func="figure_for")
    n = int(n_outlets)
    if kind == "rows":
        w, h = 6.4, min(max(1.5 + 0.3 * n, 2.4), 12.0)
    elif kind == "columns":
        w, h = min(max(2.4 + 0.32 * n, 6.4), 16.0), 4.8
    elif kind == "lines":
        ncol = math.ceil(n / 18)
        w, h = 6.4 + 1.7 * ncol, 3.8 if n <= 12 else 4.6
    else:  # "heatmap"
        w = min(max(2.8 + 0.75 * n_categories, 5.0), 14.0)
        h = min(max(1.5 + 0.32 * n, 2.4), 12.0)
    if width is not None:
        w = float(width)
    return (round(w, 2), round(h, 2))
