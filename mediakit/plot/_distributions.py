"""Distributions per outlet: sentence or article sentiment (violin, box), readability (box and
points), and the mean sentiment around each actor per outlet.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .._figures import INK
from .._validation import check_option
from ..compare import bootstrap_ci
from ._checks import (as_label, chart_data, get_ax, group_column, numeric_values, order_names, outlet_labels,
                      require_columns)
from ._labels import outlet_legend, pretty_name, right_column, row_positions, set_category_ticks, style_axes
from ._metric import metric_by_outlet
from ._palettes import GRID_COLOR, NEUTRAL_COLOR, OutletPalette, OutletStyle, darken, outlet_key, resolve_palette

__all__ = ["actor_sentiment_plot", "readability_by_outlet", "sentiment_distribution"]

# (actor, outlet) -> (mean, ci_low, ci_high, n); n is -1 when unknown
_ActorRows = dict[tuple[str, str], tuple[float, float, float, int]]


def sentiment_distribution(data: pd.DataFrame, *, value: str | None = None, articles: pd.DataFrame | None = None,
                           by: str = "outlet", kind: Literal["violin", "box"] = "violin",
                           points: bool = False, sort: Literal["name", "median"] | None = "name",
                           ax: Axes | None = None, palette: Any = None, **deprecated: Any) -> Axes:
    """Distribution of sentence- or article-level sentiment per outlet (violin or box).

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`mediakit.sentences` rows (``article_id``, ``compound``; join the
        outlet with ``articles=``) or :func:`mediakit.analyze` rows
        (``outlet``, ``sent_mean_compound``, ...).
    value : str, optional
        The score column (default: the first present of ``compound``,
        ``sent_mean_compound``, ``tone``).
    articles : pandas.DataFrame, optional
        Articles table (``article_id``, ``outlet``) to join the outlet.
    by : str, default 'outlet'
        The grouping column (of ``data``, else of ``articles``). (``outlet=`` is
        its old name: deprecated.)
    kind : {'violin', 'box'}, default 'violin'
        Violins (kernel density within the observed range, the interquartile
        range as a bar and the median as a white dot) or box plots.
    points : bool, default False
        Overlay the values as jittered points (outlets with at most 400 values;
        the jitter is seeded, so the chart is reproducible).
    sort : {'name', 'median', None}, default 'name'
    ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one violin (or box) per outlet, its number of
        values (``n``) right of the Axes.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from mediakit.plot import figure_for
    >>> sents = pd.DataFrame({"outlet": ["A"] * 5 + ["B"] * 5,
    ...                       "compound": [-0.6, -0.2, 0.0, 0.1, 0.5, -0.1, 0.0, 0.2, 0.4, 0.7]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2))
    >>> sentiment_distribution(sents, ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "sentiment_distribution"
    by = group_column(func, by, deprecated)
    check_option(kind, ("violin", "box"), name="kind", func=func)
    df = chart_data(data, func)
    if value is None:
        value = next((c for c in ("compound", "sent_mean_compound", "tone") if c in df.columns), None)
        if value is None:
            raise ValueError(f"{func}(): data has none of the columns 'compound', 'sent_mean_compound', 'tone'; "
                             "pass value= to name the score column")
    require_columns(df, [value], func)
    values, names, ax, pal = _distribution_setup(df, value, outlet_labels(df, func, by, articles),
                                                 sort=sort, ax=ax, palette=palette, func=func)
    vmax = _distribution_rows(ax, values, names, pal, kind=kind, points=points, func=func)
    ax.axvline(0, color=NEUTRAL_COLOR, linewidth=0.7, linestyle="--", zorder=1)
    if vmax <= 1.0:
        ax.set_xlim(-1.05, 1.05)
    ys = row_positions(len(names))
    size = set_category_ticks(ax, ys, names, axis="y")
    right_column(ax, ys, [f"n={len(values[n])}" for n in names], size=size)
    unit = "sentences" if "sentence" in df.columns else "articles"
    ax.set_xlabel(f"{pretty_name(value)} — {unit}")
    return ax


def readability_by_outlet(data: Any, *, metric: str = "read_flesch_reading_ease", by: str = "outlet",
                          points: bool = True, sort: Literal["name", "median"] | None = "name",
                          ax: Axes | None = None, palette: Any = None, **deprecated: Any) -> Axes:
    """One readability score per outlet: box plots with the articles as points.

    Parameters
    ----------
    data : pandas.DataFrame or Comparison
        :func:`mediakit.analyze` output (one row per article: ``outlet`` and the
        ``read_*`` columns). ``Comparison.groups``-shaped data (``mean``,
        ``ci_low``, ``ci_high``) is drawn by :func:`metric_by_outlet` instead.
    metric : str, default 'read_flesch_reading_ease'
        The score column (any ``read_*`` column, or another numeric one).
    by : str, default 'outlet'
        The grouping column (``group`` too for Comparison tables). (``outlet=``
        is its old name: deprecated.)
    points : bool, default True
        Overlay each article as a point (seeded jitter).
    sort : {'name', 'median', None}, default 'name'
    ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one box per outlet (its articles as points); the x
        label says which direction is easier to read.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from mediakit.plot import figure_for
    >>> m = pd.DataFrame({"outlet": ["A"] * 4 + ["B"] * 4,
    ...                   "read_flesch_reading_ease": [55, 60, 48, 62, 38, 41, 35, 44]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2))
    >>> readability_by_outlet(m, ax=ax).get_xlabel()
    'Flesch reading ease (higher = easier)'
    >>> plt.close(fig)
    """
    func = "readability_by_outlet"
    by = group_column(func, by, deprecated)
    df = chart_data(data, func, attr="groups")
    if {"mean", "ci_low", "ci_high"} <= set(df.columns) and metric not in df.columns:
        return metric_by_outlet(df, metric=metric, by=by, sort="mean" if sort == "median" else sort,
                                xlabel=None, ax=ax, palette=palette)
    require_columns(df, [metric], func)
    values, names, ax, pal = _distribution_setup(df, metric, outlet_labels(df, func, by, None),
                                                 sort=sort, ax=ax, palette=palette, func=func)
    _distribution_rows(ax, values, names, pal, kind="box", points=points, func=func)
    ys = row_positions(len(names))
    size = set_category_ticks(ax, ys, names, axis="y")
    right_column(ax, ys, [f"n={len(values[n])}" for n in names], size=size)
    ax.set_xlabel(pretty_name(metric))
    return ax


def actor_sentiment_plot(data: pd.DataFrame, *, value: str | None = None, actor: str = "actor",
                         actors: Sequence[Any] | None = None, top: int = 10, articles: pd.DataFrame | None = None,
                         by: str = "outlet", min_n: int = 5, ax: Axes | None = None,
                         palette: Any = None, **deprecated: Any) -> Axes:
    """Mean sentiment around each actor, one dot (with a 95 % bootstrap CI) per outlet.

    Parameters
    ----------
    data : pandas.DataFrame
        Either one row per sentence or article and actor — ``actor``, an
        outlet and a score, e.g. ``mediakit.actors.actor_sentences`` (``score``)
        or ``actor_sentiment`` (``mean_score``) output — or one row per actor and
        outlet with ``mean``, ``ci_low``, ``ci_high`` (and ``n``).
    value : str, optional
        The score column (default: the first present of ``score``,
        ``mean_score``, ``compound``).
    actor : str, default 'actor'
        The actor column.
    actors : sequence, optional
        Actors to show, top to bottom (default: the ``top`` most mentioned).
    top : int, default 10
    articles : pandas.DataFrame, optional
        Articles table to join the outlet on ``article_id``.
    by : str, default 'outlet'
        The grouping column (of ``data``, else of ``articles``). (``outlet=`` is
        its old name: deprecated.)
    min_n : int, default 5
        Dots from fewer rows (sentences, articles) are hollow (as in
        :func:`metric_by_outlet`).
    ax, palette
        As in :func:`metric_by_outlet`; outlets are in the legend.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one row per actor, one dot (mean) and line (CI) per
        outlet in it; the outlets in a legend.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> ment = pd.DataFrame({"outlet": ["A", "A", "B", "B", "A", "B"], "actor": ["Roszak"] * 4 + ["Kell"] * 2,
    ...                      "compound": [-0.5, -0.3, 0.1, 0.2, 0.4, 0.3]})
    >>> fig, ax = plt.subplots()
    >>> actor_sentiment_plot(ment, ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "actor_sentiment_plot"
    by = group_column(func, by, deprecated)
    df = chart_data(data, func)
    require_columns(df, [actor], func)
    names_s = outlet_labels(df, func, by, articles)
    pre = {"mean", "ci_low", "ci_high"} <= set(df.columns)
    if value is None:
        value = next((c for c in ("score", "mean_score", "compound") if c in df.columns), None)
        if value is None and not pre:
            raise ValueError(f"{func}(): data has none of the columns 'score', 'mean_score', 'compound' (nor "
                             "'mean', 'ci_low', 'ci_high'); pass value= to name the score column")
    if not pre and value is not None:
        require_columns(df, [value], func)
    acts = pd.Series([as_label(v) for v in df[actor].tolist()], index=df.index, dtype=object)
    ok = (names_s.notna() & acts.notna()).to_numpy()
    rows = _given_intervals(df, acts, names_s, ok, func) if pre else \
        _bootstrap_intervals(df, acts, names_s, ok, value, func)
    if not rows:
        raise ValueError(f"{func}(): no rows with an actor, an outlet and a finite {value!r}")
    acts_order = _actor_order(rows, actors, top, func)
    names = sorted({o for (a, o) in rows if a in acts_order}, key=outlet_key)
    ax = get_ax(ax, func)
    pal = resolve_palette(palette, names, func)
    style_axes(ax, grid="x")
    ys = row_positions(len(acts_order))
    _draw_actor_dots(ax, rows, ys, acts_order, names, pal, min_n=min_n)
    ax.axvline(0, color=NEUTRAL_COLOR, linewidth=0.7, linestyle="--", zorder=1)
    ax.set_ylim(-0.6, len(acts_order) - 0.4)
    set_category_ticks(ax, ys, acts_order, axis="y")
    what = "sentiment" if pre or value is None else pretty_name(value)
    ax.set_xlabel(f"mean {what} — 95% bootstrap CI; hollow: n < {min_n}")
    outlet_legend(ax, names, pal, marker=True)
    return ax


def _given_intervals(df: pd.DataFrame, acts: pd.Series, names_s: pd.Series, ok: np.ndarray,
                     func: str) -> _ActorRows:
    """The precomputed mean, CI and n of each (actor, outlet) row."""
    rows: _ActorRows = {}
    m, lo_, hi_ = (numeric_values(df, c, func) for c in ("mean", "ci_low", "ci_high"))
    nn = df["n"].to_numpy() if "n" in df.columns else np.full(len(df), -1)
    for i in np.flatnonzero(ok):
        rows[(acts.iloc[i], names_s.iloc[i])] = (m[i], lo_[i], hi_[i], int(nn[i]))
    return rows


def _bootstrap_intervals(df: pd.DataFrame, acts: pd.Series, names_s: pd.Series, ok: np.ndarray,
                         value: str | None, func: str) -> _ActorRows:
    """Mean, 95 % bootstrap CI (seeded; NaN for one value) and n of the finite scores per (actor, outlet)."""
    rows: _ActorRows = {}
    assert value is not None  # checked by the caller
    vals = numeric_values(df, value, func)
    groups: dict[tuple[str, str], list[float]] = {}
    for i in np.flatnonzero(ok & np.isfinite(vals)):
        groups.setdefault((acts.iloc[i], names_s.iloc[i]), []).append(vals[i])
    for key, v in groups.items():
        x = np.asarray(v)
        lo, hi = bootstrap_ci(x, n_boot=1000, seed=0) if len(x) > 1 else (math.nan, math.nan)
        rows[key] = (float(x.mean()), lo, hi, len(x))
    return rows


def _actor_order(rows: _ActorRows, actors: Sequence[Any] | None, top: int, func: str) -> list[str]:
    """``actors`` as given (all must be in the data), else the ``top`` most mentioned."""
    mentions: dict[str, int] = {}
    for (a, _), r in rows.items():
        mentions[a] = mentions.get(a, 0) + max(r[3], 1)
    if actors is not None:
        acts_order = [str(a) for a in actors]
        unknown = [a for a in acts_order if a not in mentions]
        if unknown:
            raise ValueError(f"{func}(): actor(s) {unknown} not in the data")
        return acts_order
    return sorted(mentions, key=lambda a: (-mentions[a], a.casefold(), a))[:top]


def _draw_actor_dots(ax: Axes, rows: _ActorRows, ys: np.ndarray, acts_order: list[str], names: list[str],
                     pal: OutletPalette, *, min_n: int) -> None:
    """One row per actor with a dot and CI per outlet (offset vertically), grid lines between actors."""
    k = len(names)
    offsets = np.linspace(-0.32, 0.32, k) if k > 1 else np.zeros(1)
    labelled: set[str] = set()
    for y, a in zip(ys, acts_order, strict=True):
        for off, o in zip(offsets, names, strict=False):
            if (a, o) not in rows:
                continue
            m_, lo, hi, n = rows[(a, o)]
            st = pal.style(o)
            yy = y - off
            if np.isfinite(lo) and np.isfinite(hi):
                ax.plot([lo, hi], [yy, yy], color=st.color, linewidth=1.4, zorder=2, label=f"_ci:{o}")
            small = 0 <= n < min_n
            ax.scatter([m_], [yy], s=26 if k <= 12 else 14, marker=st.marker,
                       facecolors="white" if small else st.color, edgecolors=darken(st.color),
                       linewidths=1.2 if small else 0.6, zorder=3, label=o if o not in labelled else f"_{o}")
            labelled.add(o)
        if y > 0:
            ax.axhline(y - 0.5, color=GRID_COLOR, linewidth=0.8, zorder=1)


def _distribution_setup(df: pd.DataFrame, value: str, names_s: Any, *, sort: Any, ax: Any,
                        palette: Any, func: str) -> tuple[dict[str, Any], list[str], Any, Any]:
    """Values per outlet, their order, the Axes and palette of a per-outlet distribution chart."""
    values = _values_by_outlet(df, value, names_s, func)
    if not values or not any(len(v) for v in values.values()):
        raise ValueError(f"{func}(): no finite {value!r} values with an outlet")
    check_option(sort, ("name", "median", None, False), name="sort", func=func)
    med = {k: float(np.median(v)) if len(v) else math.nan for k, v in values.items()}
    names = order_names(sorted(values, key=outlet_key), "mean" if sort == "median" else sort, func, med)
    ax = get_ax(ax, func)
    pal = resolve_palette(palette, names, func)
    style_axes(ax, grid="x")
    return values, names, ax, pal


def _values_by_outlet(df: pd.DataFrame, value: str, names_s: pd.Series, func: str) -> dict[str, np.ndarray]:
    """The finite values of each outlet (an outlet whose values are all missing gets an empty array)."""
    vals = numeric_values(df, value, func)
    codes, outlets = pd.factorize(names_s.to_numpy(dtype=object))  # in order of appearance; None: -1
    ok = (codes >= 0) & np.isfinite(vals)
    grouped = vals[ok][np.argsort(codes[ok], kind="stable")]  # each outlet's values in row order
    counts = np.bincount(codes[ok], minlength=len(outlets))
    ends = np.cumsum(counts)
    starts = ends - counts
    return {str(k): grouped[a:b].copy() for k, a, b in zip(outlets, starts, ends, strict=True)}


def _distribution_rows(ax: Axes, values: Mapping[str, np.ndarray], names: Sequence[str], pal: OutletPalette, *,
                       kind: str, points: bool, func: str) -> float:
    """One violin or box per outlet (and its values as seeded jittered points); the largest |value|."""
    ys = row_positions(len(names))
    allv = np.concatenate([v for v in values.values() if len(v)]) if any(len(v) for v in values.values()) \
        else np.zeros(0)
    rng = np.random.default_rng(0)  # fixed: the same chart every time
    for y, name in zip(ys, names, strict=True):
        v = values[name]
        st = pal.style(name)
        if not len(v):
            continue
        if kind == "violin":
            _violin(ax, v, y, st, name)
        else:
            _box(ax, v, y, st, name, fliers=not points)
        if points and len(v) <= 400:
            jitter = rng.uniform(-0.12, 0.12, len(v))
            # darker than the box, with a white rim: the points stay visible on a box of the same hue
            ax.scatter(v, y + jitter, s=10, color=darken(st.color, 0.55), alpha=0.85, edgecolors="white",
                       linewidths=0.35, zorder=3.5, label=f"_points:{name}")
    ax.set_ylim(-0.6, len(names) - 0.4)
    return float(np.nanmax(np.abs(allv))) if len(allv) else 1.0


def _violin(ax: Axes, v: np.ndarray, y: float, st: OutletStyle, name: str) -> None:
    """A violin (kernel density within the observed range), the IQR as a bar and the median as a white dot."""
    q1, med, q3 = np.percentile(v, [25, 50, 75])
    grid = np.linspace(v.min(), v.max(), 256)
    dens = _kde(v, grid)
    if dens is not None and dens.max() > 0:
        h = dens / dens.max() * 0.4
        ax.fill_between(grid, y - h, y + h, color=st.color, alpha=0.55, linewidth=0.8,
                        edgecolor=darken(st.color), hatch=st.hatch or None, zorder=2, label=name)
    else:
        ax.plot([v.min(), v.max()], [y, y], color=st.color, linewidth=3, zorder=2, label=name)
    ax.plot([q1, q3], [y, y], color=INK, linewidth=3.2, solid_capstyle="butt", zorder=3,
            label=f"_iqr:{name}")
    ax.scatter([med], [y], s=20, color="white", edgecolors=INK, linewidths=0.9, zorder=4,
               label=f"_median:{name}")


def _box(ax: Axes, v: np.ndarray, y: float, st: OutletStyle, name: str, *, fliers: bool) -> None:
    """A box plot in the outlet's colour and hatch."""
    bp = ax.boxplot([v], positions=[y], orientation="horizontal", widths=0.55, patch_artist=True,
                    showfliers=fliers, manage_ticks=False,
                    medianprops={"color": INK, "linewidth": 1.4},
                    whiskerprops={"color": INK, "linewidth": 0.8}, capprops={"color": INK, "linewidth": 0.8},
                    flierprops={"marker": ".", "markersize": 3, "markerfacecolor": NEUTRAL_COLOR,
                                "markeredgecolor": "none"})
    for b in bp["boxes"]:
        b.set_facecolor(st.color)
        b.set_alpha(0.7)
        b.set_edgecolor(darken(st.color))
        b.set_hatch(st.hatch or None)
        b.set_label(name)


def _kde(x: np.ndarray, grid: np.ndarray) -> np.ndarray | None:
    """Gaussian kernel density (Silverman's bandwidth) on ``grid``; None when it is undefined."""
    n = len(x)
    if n < 2:
        return None
    sd = float(x.std(ddof=1))
    q75, q25 = np.percentile(x, [75, 25])
    spread = min(sd, (q75 - q25) / 1.34) if q75 > q25 else sd
    bw = 0.9 * spread * n ** -0.2
    if not bw > 0:
        return None
    out = np.zeros(len(grid))
    for chunk in np.array_split(x, max(1, n // 2000)):
        out += np.exp(-0.5 * ((grid[:, None] - chunk[None, :]) / bw) ** 2).sum(axis=1)
    return out / (n * bw * math.sqrt(2 * math.pi))
