"""Distinctive terms ("Fightin' Words"): term frequency against the z-score, or two-sided bars."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

from .._figures import INK
from .._validation import check_option
from ._checks import chart_data, get_ax, numeric_values, pick_value, require_columns
from ._labels import row_positions, set_category_ticks, style_axes, truncate
from ._palettes import MUTED_INK, NEUTRAL_COLOR, darken, resolve_palette

__all__ = ["distinctive_terms_plot"]

# Label positions tried around a point: direction (x, y) and the text's alignment there.
_DIRECTIONS = ((1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
               (0, -1, "center", "top"), (0.7, 0.7, "left", "bottom"), (-0.7, 0.7, "right", "bottom"),
               (0.7, -0.7, "left", "top"), (-0.7, -0.7, "right", "top"))
_DISTANCES = (4.0, 9.0, 15.0, 23.0, 33.0, 46.0)  # points from the point, nearest first


@dataclass(frozen=True)
class _Sides:
    """The two sides of the comparison: names, labels as shown and colours."""

    group: str
    other: str
    other_is_outlet: bool  # False for "rest" or a pooled list of groups
    c_group: str
    c_other: str
    group_label: str
    other_label: str


def distinctive_terms_plot(data: pd.DataFrame, *, group: Any = None, other: Any = None,
                           kind: Literal["scatter", "bars"] = "scatter", top: int = 10, z_min: float = 1.96,
                           ax: Axes | None = None, palette: Any = None) -> Axes:
    """"Fightin' Words" chart of :func:`mediakit.distinctive_terms`: term frequency vs z-score.

    ``kind='scatter'`` (Monroe, Colaresi & Quinn 2008, fig. 3): every term at
    its total count (log x axis) and z-score of the log-odds ratio; terms with
    ``|z| >= z_min`` in colour — the group's outlet colour above zero, the other
    side's (its outlet colour if it is one outlet, else grey) below — and the
    ``top`` terms of each side labelled by a greedy placement that keeps labels
    from overlapping each other and the coloured points (labels that find no
    free place are left out). ``kind='bars'``: the ``top`` terms of each side as
    horizontal bars of z, the group's above, the other side's below.

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`mediakit.distinctive_terms` output: ``group``, ``other``,
        ``term``, ``count_group``, ``count_other``, ``z``.
    group : optional
        The group (needed when ``data`` has several).
    other : optional
        The other side (needed when ``group`` is compared with several).
    kind : {'scatter', 'bars'}, default 'scatter'
    top : int, default 10
        Terms labelled (scatter) or drawn (bars) per side.
    z_min : float, default 1.96
        Significance line (|z| = 1.96: two-sided 5 %, uncorrected).
    ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one point (scatter) or bar (bars) per term.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> terms = pd.DataFrame({"group": "A", "other": "rest", "term": ["regime", "government", "rebels", "talks"],
    ...                       "count_group": [30, 5, 20, 8], "count_other": [4, 40, 6, 9],
    ...                       "z": [4.1, -4.5, 2.6, -0.2]})
    >>> fig, ax = plt.subplots()
    >>> distinctive_terms_plot(terms, group="A", ax=ax) is ax
    True
    >>> sorted(t.get_text() for t in ax.texts if t.get_text() in set(terms["term"]))
    ['government', 'rebels', 'regime']
    >>> plt.close(fig)
    """
    func = "distinctive_terms_plot"
    check_option(kind, ("scatter", "bars"), name="kind", func=func)
    df, group, other_name = _comparison_rows(data, group, other, func)
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 0:
        raise ValueError(f"{func}(): top must be a non-negative int, got {top!r}")
    z = numeric_values(df, "z", func)
    total = numeric_values(df, "count_group", func) + numeric_values(df, "count_other", func)
    terms = df["term"].astype(str).to_numpy()
    ok = np.isfinite(z) & (total > 0)
    z, total, terms = z[ok], total[ok], terms[ok]
    if not len(z):
        raise ValueError(f"{func}(): no terms with a finite z-score for group {group!r}")
    other_is_outlet = other_name != "rest" and not other_name.startswith("[")  # not a pooled list of groups
    pal = resolve_palette(palette, [str(group)] + ([other_name] if other_is_outlet else []), func)
    sides = _Sides(group=str(group), other=other_name, other_is_outlet=other_is_outlet, c_group=pal[str(group)],
                   c_other=pal[other_name] if other_is_outlet else "#555555",
                   group_label=truncate(str(group), 30),
                   other_label="the rest" if other_name == "rest" else truncate(other_name, 30))
    ax = get_ax(ax, func)
    order_pos = np.argsort(-z, kind="mergesort")
    order_neg = np.argsort(z, kind="mergesort")
    if kind == "scatter":
        pos = [i for i in order_pos if z[i] >= z_min][:top]
        neg = [i for i in order_neg if z[i] <= -z_min][:top]
        _draw_scatter(ax, z, total, terms, sides, labelled=[i for pair in _interleave(pos, neg) for i in pair],
                      z_min=z_min)
    else:
        # the top terms of each side, significant or not; those below z_min are drawn pale
        rows = [i for i in order_pos if z[i] > 0][:top] + [i for i in order_neg if z[i] < 0][:top][::-1]
        _draw_bars(ax, z, terms, rows, sides, z_min=z_min, func=func, group=group)
    return ax


def _comparison_rows(data: Any, group: Any, other: Any, func: str) -> tuple[pd.DataFrame, Any, str]:
    """The rows of ``group`` against one other side, the group and the other side's name."""
    df = chart_data(data, func)
    require_columns(df, ["group", "other", "term", "count_group", "count_other", "z"], func)
    group = pick_value(df, "group", group, func, "group")
    df = df[df["group"] == group]
    others = list(dict.fromkeys(map(str, df["other"].tolist())))
    if other is None and len(others) > 1:
        raise ValueError(f"{func}(): group {group!r} is compared with {len(others)} others; choose one with "
                         f"other= ({', '.join(map(repr, others[:10]))})")
    if other is not None:
        if str(other) not in others:
            raise ValueError(f"{func}(): other {other!r} is not in the data for group {group!r}; known: {others}")
        df = df[df["other"].map(str) == str(other)]
    return df, group, others[0] if other is None else str(other)


def _draw_scatter(ax: Axes, z: np.ndarray, total: np.ndarray, terms: np.ndarray, sides: _Sides, *,
                  labelled: list[int], z_min: float) -> None:
    """Every term at its frequency and z; significant ones in their side's colour, ``labelled`` named."""
    c_group, c_other, other_is_outlet = sides.c_group, sides.c_other, sides.other_is_outlet
    style_axes(ax, grid="y")
    sig_pos, sig_neg = z >= z_min, z <= -z_min
    rest = ~(sig_pos | sig_neg)
    ax.scatter(total[rest], z[rest], s=9, color=NEUTRAL_COLOR, alpha=0.45, linewidths=0, zorder=2,
               label="_not significant")
    ax.scatter(total[sig_pos], z[sig_pos], s=16, color=c_group, edgecolors=darken(c_group), linewidths=0.4,
               zorder=3, label=sides.group)
    ax.scatter(total[sig_neg], z[sig_neg], s=16, color=c_other, edgecolors=darken(c_other), linewidths=0.4,
               zorder=3, label=sides.other if other_is_outlet else "_other")
    ax.set_xscale("log")
    for s in (z_min, -z_min):
        ax.axhline(s, color=NEUTRAL_COLOR, linewidth=0.7, linestyle="--", zorder=1)
    ax.axhline(0, color=INK, linewidth=0.6, zorder=1)
    zmax = float(np.nanmax(np.abs(z)))
    ax.set_ylim(-zmax * 1.15 - 0.5, zmax * 1.15 + 0.5)
    ax.set_xlim(float(total.min()) / 1.6, float(total.max()) * 1.6)
    ax.set_xlabel("term frequency (count in both sides, log scale)")
    ax.set_ylabel("z-score of the log-odds ratio")
    ax.text(0.01, 0.99, f"more in {sides.group_label}", transform=ax.transAxes, ha="left", va="top", fontsize=8,
            color=darken(c_group, 0.2), fontweight="bold")
    ax.text(0.01, 0.01, f"more in {sides.other_label}", transform=ax.transAxes, ha="left", va="bottom", fontsize=8,
            color=darken(c_other, 0.2) if other_is_outlet else MUTED_INK, fontweight="bold")
    idx = labelled
    sig = np.flatnonzero(sig_pos | sig_neg)
    obstacles = np.column_stack([total[sig], z[sig]]) if len(sig) else None
    _place_labels(ax, [float(total[i]) for i in idx], [float(z[i]) for i in idx], [terms[i] for i in idx],
                  [darken(c_group, 0.25) if z[i] > 0 else (darken(c_other, 0.25) if other_is_outlet
                                                           else INK) for i in idx],
                  obstacles=obstacles)


def _draw_bars(ax: Axes, z: np.ndarray, terms: np.ndarray, rows: list[int], sides: _Sides, *, z_min: float,
               func: str, group: Any) -> None:
    """The ``rows`` terms as horizontal bars of z: solid when significant, hatched and pale otherwise."""
    style_axes(ax, grid="x")
    if not rows:
        raise ValueError(f"{func}(): no term with a non-zero z-score for group {group!r}")
    ys = row_positions(len(rows))
    vals = np.array([z[i] for i in rows])
    cols = [sides.c_group if v > 0 else sides.c_other for v in vals]
    sig = np.abs(vals) >= z_min
    if sig.any():  # an empty container would put a default-coloured swatch in the legend
        ax.barh(ys[sig], vals[sig], height=0.7, color=[c for c, s_ in zip(cols, sig, strict=True) if s_],
                edgecolor=[darken(c) for c, s_ in zip(cols, sig, strict=True) if s_], linewidth=0.5, zorder=2,
                label=f"|z| ≥ {z_min:g}")
    if (~sig).any():
        ax.barh(ys[~sig], vals[~sig], height=0.7, color="white",
                edgecolor=[c for c, s_ in zip(cols, sig, strict=True) if not s_], linewidth=1.0, hatch="////",
                zorder=2, label=f"|z| < {z_min:g} (not significant)")
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False, fontsize=7.5,
                  borderaxespad=0.2)
    ax.axvline(0, color=INK, linewidth=0.8)
    for s in (z_min, -z_min):
        ax.axvline(s, color=NEUTRAL_COLOR, linewidth=0.7, linestyle="--", zorder=1)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    set_category_ticks(ax, ys, [terms[i] for i in rows], axis="y", wrap=False)
    ax.set_xlabel(f"z-score of the log-odds ratio  (← more in {sides.other_label} | more in {sides.group_label} →)")
    lim = max(float(np.abs(vals).max()), z_min) * 1.08
    ax.set_xlim(-lim, lim)


def _interleave(a: Sequence[int], b: Sequence[int]) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = []
    for k in range(max(len(a), len(b))):
        out.append(tuple(x[k] for x in (a, b) if k < len(x)))
    return out


def _place_labels(ax: Axes, xs: Sequence[float], ys: Sequence[float], texts: Sequence[str], colors: Sequence[str],
                  *, fontsize: float = 7.5, obstacles: np.ndarray | None = None) -> list[Annotation]:
    """Greedy label placement: each label at the first of 8 directions × 6 distances whose box overlaps
    no placed label, no obstacle point and stays inside the Axes; labels that fit nowhere are dropped.

    Labels are placed in the order given (most important first); a thin leader line joins labels
    placed further than 8 points away to their point.
    """
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.draw_without_rendering()
    axbox = ax.get_window_extent()
    px = fig.dpi / 72.0
    r = 3.0 * px
    obst = [] if obstacles is None or not len(obstacles) else [
        Bbox.from_extents(x - r, y - r, x + r, y + r) for x, y in ax.transData.transform(obstacles)]
    placed: list[Bbox] = []
    out: list[Annotation] = []
    for x, y, text, color in zip(xs, ys, texts, colors, strict=True):
        ann = ax.annotate(text, (x, y), xytext=(4, 0), textcoords="offset points", fontsize=fontsize,
                          color=color, ha="left", va="center", zorder=6, annotation_clip=False)
        pt = ax.transData.transform((x, y))
        own = Bbox.from_extents(pt[0] - r, pt[1] - r, pt[0] + r, pt[1] + r)
        chosen = _free_spot(ann, axbox, placed, [o for o in obst if not _same(o, own)], px)
        if chosen is None:
            ann.remove()
            continue
        dist, bb = chosen
        placed.append(bb)
        if dist > 8:
            ann.arrow_patch = None
            ann.remove()
            ann2 = ax.annotate(text, (x, y), xytext=ann.xyann, textcoords="offset points", fontsize=fontsize,
                               color=color, ha=ann.get_horizontalalignment(), va=ann.get_verticalalignment(),
                               zorder=6, annotation_clip=False,
                               arrowprops={"arrowstyle": "-", "color": NEUTRAL_COLOR, "linewidth": 0.5,
                                           "shrinkA": 1.0, "shrinkB": 2.5})
            out.append(ann2)
        else:
            out.append(ann)
    return out


def _free_spot(ann: Annotation, axbox: Bbox, placed: Sequence[Bbox], obstacles: Sequence[Bbox],
               px: float) -> tuple[float, Bbox] | None:
    """Move ``ann`` to the nearest position whose box stays in ``axbox`` and overlaps nothing.

    Returns the distance and the box, or None (``ann`` is then left at the last position tried).
    """
    for dist in _DISTANCES:
        for dx, dy, ha, va in _DIRECTIONS:
            ann.xyann = (dx * dist, dy * dist)
            ann.set_horizontalalignment(cast(Any, ha))
            ann.set_verticalalignment(cast(Any, va))
            bb = ann.get_window_extent().padded(1.0 * px)
            if bb.x0 < axbox.x0 or bb.x1 > axbox.x1 or bb.y0 < axbox.y0 or bb.y1 > axbox.y1:
                continue
            if any(_overlap(bb, p) for p in placed):
                continue
            if any(_overlap(bb, o) for o in obstacles):
                continue
            return dist, bb
    return None


def _overlap(a: Bbox, b: Bbox) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0)


def _same(a: Bbox, b: Bbox) -> bool:
    return bool(np.allclose(a.extents, b.extents))
