"""Labels and ticks of the charts: readable names, category ticks that never overlap, outlet swatches,
side columns and legends, and mediakit's look applied to one Axes.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any, Literal, Union, cast

import matplotlib.ticker as mticker
import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox, ScaledTranslation, blended_transform_factory

from .._figures import INK
from .._labels import column_label
from ._palettes import GRID_COLOR, MUTED_INK, OutletPalette, darken

__all__ = ["fmt_count", "fmt_pct", "outlet_legend", "outlet_swatches", "percent_axis", "pretty_name",
           "right_column", "row_positions", "set_category_ticks", "style_axes", "truncate"]

_Axis = Literal["x", "y"]
_Positions = Union[Sequence[float], np.ndarray]



def pretty_name(name: str) -> str:
    """A column name in words for an axis label (``read_smog`` -> "SMOG grade (higher = harder)").

    The names come from mediakit's one label table (:func:`mediakit._labels.column_label`).
    """
    return column_label(name)


def truncate(s: str, width: int) -> str:
    """``s`` cut to ``width`` characters, ending in "…" when cut."""
    return s if len(s) <= width else s[: max(width - 1, 1)].rstrip() + "…"


def _wrap(s: str, width: int, lines: int = 2) -> str:
    parts = textwrap.wrap(s, width, break_long_words=True, break_on_hyphens=True) or [s]
    if len(parts) > lines:
        parts = parts[: lines - 1] + [truncate(" ".join(parts[lines - 1:]), width)]
    return "\n".join(parts)


def _short_labels(names: Sequence[str], kind: str, width: int, lines: int = 2) -> list[str]:
    """Shortened labels (wrapped or truncated), kept unique by lengthening clashing ones."""
    def shorten(s: str, w: int) -> str:
        return _wrap(s, w, lines) if kind == "wrap" else truncate(s, w)

    widths = [width] * len(names)
    labels = [shorten(s, width) for s in names]
    for _ in range(60):
        seen: dict[str, list[int]] = {}
        for i, lab in enumerate(labels):
            seen.setdefault(lab, []).append(i)
        clashes = [i for idx in seen.values() if len(idx) > 1 for i in idx]
        if not clashes:
            break
        for i in clashes:
            widths[i] += 4
            labels[i] = shorten(names[i], widths[i]) if widths[i] < len(names[i]) + 4 else names[i]
    return labels


def _legend_labels(names: Sequence[str]) -> list[str]:
    return _short_labels(names, "trunc", 28 if len(names) <= 12 else 22)


_LABEL_SIZES: tuple[float, ...] = (8.5, 7.5, 6.5, 5.5)
# Candidate layouts of category tick labels, most legible first: (shortening, width, lines, size, rotation).
_Y_LAYOUTS: tuple[tuple[str, int, int, float, int], ...] = (
    *(("wrap", 20, 2, s, 0) for s in _LABEL_SIZES),
    *(("trunc", 26, 1, s, 0) for s in _LABEL_SIZES),
    *(("trunc", 16, 1, s, 0) for s in _LABEL_SIZES),
)
_X_LAYOUTS: tuple[tuple[str, int, int, float, int], ...] = (
    *(("wrap", 12, 3, s, 0) for s in _LABEL_SIZES[:3]),
    *(("trunc", 26, 1, s, 45) for s in _LABEL_SIZES[:2]),
    *(("trunc", 26, 1, s, 90) for s in _LABEL_SIZES),
    *(("trunc", 16, 1, s, 90) for s in _LABEL_SIZES[2:]),
)


def _boxes_overlap(boxes: Sequence[Bbox], tol: float = 0.5) -> bool:
    for i in range(len(boxes)):
        a = boxes[i]
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if (min(a.x1, b.x1) - max(a.x0, b.x0) > tol) and (min(a.y1, b.y1) - max(a.y0, b.y0) > tol):
                return True
    return False


def _ticklabels_overlap(ax: Axes, axis: _Axis, *, full: bool) -> bool:
    fig = ax.get_figure(root=True)
    assert fig is not None
    if full:
        fig.draw_without_rendering()
    axis_obj = ax.yaxis if axis == "y" else ax.xaxis
    # get_ticklabels() updates the ticks' positions and texts first (Axis._update_ticks), as a draw does: their
    # boxes need no draw, nor the axis's tight box (which placed its label and measured every tick label again).
    labels = [t for t in axis_obj.get_ticklabels() if t.get_visible() and t.get_text()]
    # One renderer for all the labels (each new label would make its own, with text metrics cached for it alone);
    # after a draw, the one each label was drawn with.
    renderer = None if full else cast(Any, fig)._get_renderer()  # what Text.get_window_extent() calls
    # Two neighbours first: a layout that fails usually fails at every pair of rows (evenly spaced), and a chart
    # of 180 outlets tries eight before one fits (or none does).
    if len(labels) > 2 and _boxes_overlap([t.get_window_extent(renderer) for t in labels[:2]]):
        return True
    return _boxes_overlap([t.get_window_extent(renderer) for t in labels])


def set_category_ticks(ax: Axes, positions: _Positions, names: Sequence[str], *, axis: _Axis = "y",
                        wrap: bool = True, pad: float = 3.0) -> float:
    """Set category tick labels, trying wrapped, smaller, (x axis) rotated and shortened labels, most
    legible first, until no two overlap. Returns the font size used.
    """
    n = len(names)
    layouts = [c for c in (_Y_LAYOUTS if axis == "y" else _X_LAYOUTS)
               if c[0] != "wrap" or (wrap and n <= (12 if axis == "y" else 40))]
    ax.tick_params(axis=axis, length=0, pad=pad)
    size = _LABEL_SIZES[0]
    if not n:
        (ax.set_yticks if axis == "y" else ax.set_xticks)([])
        return size
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.draw_without_rendering()  # settle the layout once
    current = None
    for kind, width, lines, size, rot in layouts:
        if (kind, width, lines) != current:
            current = (kind, width, lines)
            labels = _short_labels(names, kind, width, lines)
            if axis == "y":
                ax.set_yticks(list(positions), labels=labels)
            else:
                ax.set_xticks(list(positions), labels=labels)
        ax.tick_params(axis=axis, labelsize=size, labelrotation=rot)
        if axis == "x":
            for t in ax.get_xticklabels():
                t.set_horizontalalignment("right" if rot else "center")
                t.set_verticalalignment("center" if rot == 90 else "top")
                t.set_rotation_mode("anchor" if rot else "default")
        if not _ticklabels_overlap(ax, axis, full=False) and not _ticklabels_overlap(ax, axis, full=True):
            return size
    return size


def outlet_swatches(ax: Axes, positions: _Positions, names: Sequence[str], pal: OutletPalette, *,
                     axis: _Axis = "y", size: float = 8.5) -> None:
    """A small marker in each outlet's colour beside its tick label (labelled ``_swatch:<outlet>``)."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    ms = max(3.5, min(6.5, size * 0.75))
    if axis == "y":
        trans = blended_transform_factory(ax.transAxes, ax.transData) + ScaledTranslation(
            -5.5 / 72, 0, fig.dpi_scale_trans)
    else:
        trans = blended_transform_factory(ax.transData, ax.transAxes) + ScaledTranslation(
            0, -5.5 / 72, fig.dpi_scale_trans)
    for p, name in zip(positions, names, strict=True):
        st = pal.style(name)
        xy = ([0.0], [p]) if axis == "y" else ([p], [0.0])
        ax.plot(*xy, linestyle="none", marker=st.marker, markersize=ms, markerfacecolor=st.color,
                markeredgecolor=darken(st.color), markeredgewidth=0.6, transform=trans, clip_on=False,
                label=f"_swatch:{name}", zorder=5)


def style_axes(ax: Axes, *, grid: _Axis | None = "x") -> None:
    """mediakit's look, applied to this Axes only."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(INK)
        ax.spines[side].set_linewidth(0.8)
    ax.tick_params(colors=INK, labelsize=8.5, width=0.8)
    ax.xaxis.label.set_fontsize(9)
    ax.yaxis.label.set_fontsize(9)
    ax.xaxis.label.set_color(INK)
    ax.yaxis.label.set_color(INK)
    ax.set_axisbelow(True)
    if grid:
        ax.grid(True, axis=grid, color=GRID_COLOR, linewidth=0.8)
        ax.grid(False, axis="y" if grid == "x" else "x")


def right_column(ax: Axes, positions: _Positions, texts: Sequence[str], *, size: float,
                  colors: Sequence[str] | None = None) -> None:
    """Texts in a column just right of the Axes (sample sizes)."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    # 4 points right of the Axes: an offset in points (not a fraction of the Axes) keeps layout engines exact
    trans = blended_transform_factory(ax.transAxes, ax.transData) + ScaledTranslation(4 / 72, 0, fig.dpi_scale_trans)
    for k, (p, t) in enumerate(zip(positions, texts, strict=True)):
        ax.text(1.0, p, t, transform=trans, ha="left", va="center", fontsize=min(size, 7.5),
                color=colors[k] if colors else MUTED_INK, clip_on=False)


def outlet_legend(ax: Axes, names: Sequence[str], pal: OutletPalette, *, marker: bool = True,
                  line: bool = False) -> None:
    """A legend of the outlets right of the Axes (markers and/or lines in their styles)."""
    handles = []
    for name in names:
        st = pal.style(name)
        handles.append(Line2D([], [], color=st.color, linestyle=cast(Any, st.linestyle if line else "none"),
                              marker=st.marker if marker else "", markersize=5, markerfacecolor=st.color,
                              markeredgecolor=darken(st.color), markeredgewidth=0.5, linewidth=1.6))
    ncol = max(1, math.ceil(len(names) / 18))
    ax.legend(handles, _legend_labels(names), loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              fontsize=7.5 if len(names) <= 12 else 6.5, ncol=ncol, handlelength=1.8 if line else 1.0,
              borderaxespad=0.6, labelspacing=0.4)


def row_positions(n: int) -> np.ndarray:
    """y positions for n categories, the first at the top."""
    return np.arange(n, dtype=float)[::-1]


def fmt_pct(x: float) -> str:
    """A share as a whole percentage (0.25 -> "25%")."""
    return f"{100 * x:.0f}%"


def percent_axis(axis: Any) -> None:
    """Tick labels of ``axis`` (shares 0-1) as percentages."""
    axis.set_major_formatter(mticker.PercentFormatter(xmax=1.0, decimals=0))


def fmt_count(x: Any) -> str:
    """A count as text: whole numbers without decimals, others with one."""
    x = float(x)
    return f"{x:.0f}" if x == int(x) else f"{x:.1f}"
