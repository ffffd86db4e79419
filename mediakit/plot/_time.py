"""Time and events: attention per outlet over time, and one line per event across the outlets."""

from __future__ import annotations

import textwrap

from typing import Any, Literal

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from .._figures import INK
from .._validation import check_option
from ._checks import (chart_data, get_ax, group_column, numeric_values, order_names, outlet_labels, pick_value,
                      require_columns)
from ._labels import outlet_legend, outlet_swatches, percent_axis, pretty_name, set_category_ticks, style_axes, truncate
from ._palettes import EVENT_COLORS, LINESTYLES, OutletPalette, darken, outlet_key, resolve_palette

__all__ = ["attention_plot", "event_matched_plot"]

_VALUES = ("n_articles", "share_of_group", "n_matching", "share_of_all")
_PERIODS = {"D": "day", "W": "week", "M": "month", "ME": "month", "Q": "quarter", "Y": "year"}


def attention_plot(data: pd.DataFrame, *, value: Literal["n_articles", "share_of_group", "n_matching",
                                                         "share_of_all"] = "n_articles",
                   by: str = "outlet", ax: Axes | None = None, palette: Any = None, **deprecated: Any) -> Axes:
    """Lines over time, one per outlet, from :func:`mediakit.attention`.

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`mediakit.attention` output: ``period_start`` (or ``period``),
        ``group`` (or ``outlet``) and the value column.
    value : {'n_articles', 'share_of_group', 'n_matching', 'share_of_all'}, default 'n_articles'
        What to draw (shares on a percent axis; periods where an outlet
        published nothing leave a gap in share lines).
    by : str, default 'outlet'
        The grouping column: ``outlet``, else ``group`` (as :func:`mediakit.attention`
        names it). (``outlet=`` is its old name: deprecated.)
    ax, palette
        As in :func:`metric_by_outlet`; each line is labelled with its outlet
        (legend right of the Axes); beyond 9 outlets lines also differ in
        marker and dash pattern. Up to 9 outlets, lines drawn first (in
        name order) are wider, so an outlet with the same counts as another
        shows as a coloured rim around it instead of disappearing.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one line per outlet over the periods.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from mediakit.plot import figure_for
    >>> att = pd.DataFrame({"period_start": pd.to_datetime(["2025-01-06", "2025-01-06", "2025-01-13",
    ...                                                     "2025-01-13"], utc=True),
    ...                     "group": ["A", "B", "A", "B"], "n_articles": [3, 1, 0, 2]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2, kind="lines"))
    >>> [l.get_label() for l in attention_plot(att, ax=ax).get_lines()]
    ['A', 'B']
    >>> plt.close(fig)
    """
    func = "attention_plot"
    by = group_column(func, by, deprecated)
    check_option(value, _VALUES, name="value", func=func)
    df = chart_data(data, func)
    require_columns(df, [value], func)
    frame = _dated_rows(df, value, by, func)
    names = sorted(dict.fromkeys(frame["o"]), key=outlet_key)
    ax = get_ax(ax, func)
    pal = resolve_palette(palette, names, func)
    style_axes(ax, grid="y")
    n_periods = frame["t"].nunique()
    _draw_lines(ax, frame, names, pal, markers=n_periods <= 60)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(
        locator, offset_formats=["", "%Y", "%Y", "%Y-%b", "%Y-%b-%d", "%Y-%b-%d %H:%M"]))
    if value.startswith("share"):
        percent_axis(ax.yaxis)
        ax.set_ylim(bottom=0, top=min(1.05, max(float(np.nanmax(frame["y"])) if frame["y"].notna().any()
                                                 else 1.0, 0.01) * 1.1))
    else:
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    ax.set_ylabel(pretty_name(value))
    per = _PERIODS.get(str(df.attrs.get("freq")), "")
    ax.set_xlabel(f"{per} starting" if per else "period")
    query = df.attrs.get("query")
    if query and value != "n_articles":
        ax.set_title(f"articles matching {query!r}", loc="left", fontsize=9, color=INK)
    elif len(names) > 1 and _same_series(frame):
        ax.set_title("every outlet has the same count in every period (a matched corpus: each story told by "
                     "every outlet), so the lines lie on top of each other", loc="left", fontsize=8, color=INK,
                     wrap=True)
    outlet_legend(ax, names, pal, marker=n_periods <= 60, line=True)
    return ax


def _same_series(frame: pd.DataFrame) -> bool:
    """Whether every outlet has the same value in every period (the lines would coincide)."""
    wide = frame.pivot_table(index="t", columns="o", values="y", aggfunc="first")
    values = wide.to_numpy(dtype=float)
    return bool(values.size) and bool(np.all(np.isclose(values, values[:, :1], equal_nan=True)))


def _dated_rows(df: pd.DataFrame, value: str, by: str | None, func: str) -> pd.DataFrame:
    """``t`` (period start, naive UTC), ``o`` (outlet) and ``y`` (the value) of the rows with both."""
    if "period_start" in df.columns:
        t = pd.to_datetime(df["period_start"], utc=True)
    elif "period" in df.columns:
        t = pd.to_datetime(pd.PeriodIndex(df["period"]).start_time, utc=True).to_series(index=df.index)
    else:
        require_columns(df, ["period_start"], func, "A 'period' column also works")
        raise AssertionError  # pragma: no cover
    t = t.dt.tz_convert("UTC").dt.tz_localize(None)
    names_s = outlet_labels(df, func, by, None)
    y = numeric_values(df, value, func)
    frame = pd.DataFrame({"t": t.to_numpy(), "o": names_s.to_numpy(dtype=object), "y": y})
    frame = frame[frame["o"].notna() & frame["t"].notna()]
    if frame.empty:
        raise ValueError(f"{func}(): no dated rows with an outlet")
    return frame


def _draw_lines(ax: Axes, frame: pd.DataFrame, names: list[str], pal: OutletPalette, *, markers: bool) -> None:
    """One line per outlet in its style (with markers when there are few periods)."""
    # Outlets often publish the same counts: lines drawn first are wider, so one drawn on top of
    # another leaves a coloured rim instead of hiding it.
    k = len(names)
    widths = np.linspace(3.2, 1.2, k) if 1 < k <= 9 else np.full(k, 1.6 if k == 1 else 1.1)
    sizes = np.linspace(5.5, 3.0, k) if 1 < k <= 9 else np.full(k, 3.5 if k == 1 else 2.8)
    for i, name in enumerate(names):
        sub = frame[frame["o"] == name].sort_values("t", kind="mergesort")
        st = pal.style(name)
        ax.plot(sub["t"].to_numpy(), sub["y"].to_numpy(), color=st.color, linestyle=st.linestyle,
                linewidth=float(widths[i]), marker=st.marker if markers else None,
                markersize=float(sizes[i]), zorder=2 + i / max(k, 1),
                markerfacecolor=st.color, markeredgecolor=darken(st.color), markeredgewidth=0.4, label=name)


def event_matched_plot(data: Any, *, metric: str | None = None, sort: Literal["name", "mean"] | None = "name",
                       label_events: bool | None = None, show_mean: bool = True, ax: Axes | None = None,
                       palette: Any = None) -> Axes:
    """One line per event across the outlets: does an outlet differ *within* the same stories?

    Parameters
    ----------
    data : pandas.DataFrame or Comparison
        ``Comparison.events``: ``event``, ``group`` (or ``outlet``), ``metric``
        and ``value`` (the outlet's mean in that event). A Comparison made with
        ``compare(..., event=...)`` is taken as its ``.events``.
    metric : str, optional
        Which metric (needed when ``data`` has several).
    sort : {'name', 'mean', None}, default 'name'
        Outlets along the x axis by name or by mean over events (highest first).
    label_events : bool, optional
        Name each line at its right end (default: up to 12 events; labels are
        moved apart vertically so they do not overlap).
    show_mean : bool, default True
        Mark each outlet's mean over its events with a black bar.
    ax, palette
        As in :func:`metric_by_outlet`; outlets carry a swatch in their colour
        under their name; event lines use Tol's bright scheme.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: the outlets along the x axis, one line per event
        across them (and each outlet's mean over events).

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> ev = pd.DataFrame({"event": ["e1", "e1", "e2", "e2"], "group": ["A", "B", "A", "B"],
    ...                    "metric": "tone", "value": [0.1, -0.2, 0.3, 0.0], "n_articles": 1})
    >>> fig, ax = plt.subplots()
    >>> event_matched_plot(ev, ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "event_matched_plot"
    check_option(sort, ("name", "mean", None, False), name="sort", func=func)
    df = chart_data(data, func, attr="events")
    require_columns(df, ["event", "value"], func)
    if "metric" in df.columns:
        metric = pick_value(df, "metric", metric, func, "metric")
        df = df[df["metric"] == metric]
    table = _event_values(df, func)
    all_names = sorted({o for d in table.values() for o in d}, key=outlet_key)
    means = {o: float(np.mean([d[o] for d in table.values() if o in d])) for o in all_names}
    names = order_names(all_names, sort, func, means)
    ax = get_ax(ax, func)
    pal = resolve_palette(palette, names, func)
    style_axes(ax, grid="y")
    xs = np.arange(len(names), dtype=float)
    ev_names = sorted(table)
    if label_events is None:
        label_events = len(ev_names) <= 12
    ends = _draw_event_lines(ax, table, ev_names, names, xs)
    if show_mean:
        for x, o in zip(xs, names, strict=True):
            ax.plot([x - 0.22, x + 0.22], [means[o], means[o]], color=INK, linewidth=2.4, zorder=4,
                    solid_capstyle="butt", label="mean over events" if x == xs[0] else "_mean")
    ax.set_xlim(-0.5, len(names) - 0.5)
    ax.margins(y=0.08)
    ylabel = f"{pretty_name(str(metric)) if metric is not None else 'value'} (mean per event)"
    ax.set_ylabel(textwrap.fill(ylabel, 36))  # a long name wraps instead of running past the Axes
    size = set_category_ticks(ax, xs, names, axis="x", pad=12)
    outlet_swatches(ax, xs, names, pal, axis="x", size=size)
    if label_events and ends:
        _label_line_ends(ax, ends, x_pad=0.24 if show_mean else 0.0)
    if show_mean:
        ax.legend(handles=[Line2D([], [], color=INK, linewidth=2.4)], labels=["mean over events"],
                  loc="lower left", bbox_to_anchor=(0.0, 1.0), frameon=False, fontsize=7.5, borderaxespad=0.2)
    return ax


def _event_values(df: pd.DataFrame, func: str) -> dict[str, dict[str, float]]:
    """event -> outlet -> value, for the finite values with an outlet."""
    names_s = outlet_labels(df, func, None, None)
    vals = numeric_values(df, "value", func)
    events = df["event"].astype(object).map(str).to_numpy()
    table: dict[str, dict[str, float]] = {}
    for e, o, v in zip(events, names_s.tolist(), vals, strict=True):
        if o is not None and np.isfinite(v):
            table.setdefault(e, {})[o] = v
    if not table:
        raise ValueError(f"{func}(): no finite values with an event and an outlet")
    return table


def _draw_event_lines(ax: Axes, table: dict[str, dict[str, float]], ev_names: list[str], names: list[str],
                      xs: np.ndarray) -> list[tuple[float, float, str, str]]:
    """One line per event across the outlets (Tol's bright colours); each line's last point and colour."""
    ends: list[tuple[float, float, str, str]] = []
    for k, e in enumerate(ev_names):
        color = EVENT_COLORS[k % len(EVENT_COLORS)]
        ls = LINESTYLES[(k // len(EVENT_COLORS)) % len(LINESTYLES)]
        yv = np.array([table[e].get(o, np.nan) for o in names])
        ax.plot(xs, yv, color=color, linestyle=ls, linewidth=1.3, marker="o", markersize=4, alpha=0.9,
                zorder=2, label=e)
        good = np.flatnonzero(np.isfinite(yv))
        if len(good):
            ends.append((xs[good[-1]], float(yv[good[-1]]), e, color))
    return ends


def _label_line_ends(ax: Axes, ends: list[tuple[float, float, str, str]], *, x_pad: float = 0.0,
                     fontsize: float = 7.0) -> None:
    """Event names right of their lines' ends (``x_pad`` data units + 6 points), pushed apart vertically."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.draw_without_rendering()
    to_disp = ax.transData
    px = fig.dpi / 72.0
    gap = fontsize * 1.25 * px
    pts = sorted(((to_disp.transform((x, y))[1], x, y, e, c) for x, y, e, c in ends), key=lambda r: r[0])
    orig = [p[0] for p in pts]
    ys = list(orig)
    for i in range(1, len(ys)):  # keep every label at least `gap` above the one below it ...
        ys[i] = max(ys[i], ys[i - 1] + gap)
    shift = float(np.mean(np.subtract(orig, ys))) if ys else 0.0
    ys = [v + shift for v in ys]  # ... and centre the stack on the line ends again
    for yd, (y0d, x, y, e, c) in zip(ys, pts, strict=True):
        dx = (to_disp.transform((x + x_pad, y))[0] - to_disp.transform((x, y))[0]) / px + 6.0
        ax.annotate(truncate(e, 28), (x, y), xytext=(dx, (yd - y0d) / px), textcoords="offset points",
                    fontsize=fontsize, color=darken(c, 0.25), ha="left", va="center", annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": c, "linewidth": 0.5, "shrinkA": 0, "shrinkB": 3})
