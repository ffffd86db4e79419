"""Which labels each outlet uses for one actor, as an annotated heatmap of shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Colormap, LinearSegmentedColormap

from .._figures import INK
from ._checks import as_label, chart_data, get_ax, group_column, pick_value, require_columns
from ._labels import fmt_count, fmt_pct, outlet_swatches, right_column, row_positions, set_category_ticks, style_axes
from ._palettes import MISSING_COLOR, MUTED_INK, TOL_YLORBR, luminance, outlet_key, resolve_palette
from ._shares import lump_categories, shares_by_outlet

__all__ = ["HOUSE_STYLE_KINDS", "MIN_LABELS", "actor_label_heatmap"]

#: Label kinds the heatmap leaves out by default: house style (courtesy titles) and possessors.
HOUSE_STYLE_KINDS: tuple[str, ...] = ("honorific", "possessive")
#: Minimum labelled mentions of the actor for an outlet's shares to be coloured.
MIN_LABELS = 5


def actor_label_heatmap(data: pd.DataFrame, *, actor: str | None = None, label: str = "label",
                        articles: pd.DataFrame | None = None, by: str = "outlet",
                        label_kind: str | None = None, normalize: bool = True, max_labels: int = 12,
                        annotate: bool = True, exclude_kinds: Sequence[str] = HOUSE_STYLE_KINDS,
                        min_count: int = MIN_LABELS, ax: Axes | None = None, palette: Any = None,
                        **deprecated: Any) -> Axes:
    """Annotated heatmap: how each outlet labels one actor (each label's share of the outlet's labels).

    Parameters
    ----------
    data : pandas.DataFrame
        ``actor_labels`` rows: ``actor``, ``label`` and an ``outlet`` column
        (``label_kind`` and ``part`` optional), or ``article_id`` with
        ``articles=``.
    actor : str, optional
        The actor (needed when ``data`` has several).
    label : str, default 'label'
        The label column (the category).
    articles : pandas.DataFrame, optional
        Articles table to join the outlet on ``article_id``.
    by : str, default 'outlet'
        The grouping column (of ``data``, else of ``articles``). (``outlet=`` is
        its old name: deprecated.)
    label_kind : str, optional
        Keep only rows of this ``label_kind``.
    normalize : bool, default True
        Count spellings that differ only in case, curly apostrophes or spaces
        as one label ("President" at a sentence start and "president"), shown
        in its most frequent spelling. Rows without a label (mentions with no
        label) are always left out.
    max_labels : int, default 12
        More labels than this: the rarest are summed into "other".
    annotate : bool, default True
        Write the share (and count) in each cell.
    exclude_kinds : sequence of str, default ('honorific', 'possessive')
        ``label_kind`` values left out: a courtesy title ("Mr.") is house style and a possessor
        ("Valdoria's") is no label of the person; ``()`` keeps every kind.
    min_count : int, default 5
        Outlets with fewer labelled mentions of the actor are drawn grey with their counts in
        brackets and "(few)" beside n: a share of 1 or 2 mentions is no finding.
    ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on. Rows are outlets (alphabetical; a swatch in each outlet's colour), columns
        labels (most used first); cells coloured by share with Tol's YlOrBr, 0 to
        100 %, thin outlets grey; the outlet's number of labelled mentions to the right.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from mediakit.plot import figure_for
    >>> lab = pd.DataFrame({"outlet": ["A", "A", "A", "B", "B"], "actor": "Roszak",
    ...                     "label": ["president", "president", "strongman", "dictator", "president"]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2, kind="heatmap", n_categories=3))
    >>> actor_label_heatmap(lab, actor="Roszak", ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "actor_label_heatmap"
    by = group_column(func, by, deprecated)
    df, actor = _labelled_mentions(data, actor=actor, label=label, label_kind=label_kind, normalize=normalize,
                                   func=func, exclude_kinds=tuple(exclude_kinds))
    if not isinstance(max_labels, (int, np.integer)) or max_labels < 2:
        raise ValueError(f"{func}(): max_labels must be an int >= 2, got {max_labels!r}")
    table = lump_categories(shares_by_outlet(df, category=label, by=by, articles=articles, func=func), label,
                            int(max_labels))
    names = sorted(dict.fromkeys(table["outlet"]), key=outlet_key)
    cats = list(dict.fromkeys(table[label]))
    share = table.pivot(index="outlet", columns=label, values="share").reindex(index=names, columns=cats)
    count = table.pivot(index="outlet", columns=label, values="count").reindex(index=names, columns=cats)
    totals = table.groupby("outlet")["total"].first().reindex(names)
    thin = totals < max(int(min_count), 1)
    share.loc[thin.to_numpy()] = np.nan  # greyed: too few mentions for a share
    ax = get_ax(ax, func)
    pal = resolve_palette(palette, names, func)
    cmap = LinearSegmentedColormap.from_list("tol_ylorbr", TOL_YLORBR).with_extremes(bad=MISSING_COLOR)
    _draw_cells(ax, share, cmap)
    ys = row_positions(len(names))
    size = set_category_ticks(ax, ys, names, axis="y", pad=12)
    set_category_ticks(ax, np.arange(len(cats), dtype=float), [str(c) for c in cats], axis="x", wrap=True)
    ax.set_xlim(-0.5, len(cats) - 0.5)
    ax.set_ylim(-0.5, len(names) - 0.5)
    if annotate:
        _annotate_cells(ax, share, count, ys, cmap)
    outlet_swatches(ax, ys, names, pal, axis="y", size=size)
    right_column(ax, ys, [f"n={fmt_count(totals[nm])}" + (" (few)" if thin[nm] else "") for nm in names], size=size)
    ax.set_xlabel(f"labels used for {actor} (share of each outlet's labels for this actor)")
    return ax


def _labelled_mentions(data: Any, *, actor: str | None, label: str, label_kind: str | None, normalize: bool,
                       func: str, exclude_kinds: tuple[str, ...] = ()) -> tuple[pd.DataFrame, Any]:
    """The actor's rows with a non-empty label (spellings merged when ``normalize``), and the actor."""
    df = chart_data(data, func)
    require_columns(df, ["actor", label], func)
    actor = pick_value(df, "actor", actor, func, "actor")
    df = df[df["actor"] == actor]
    if exclude_kinds and "label_kind" in df.columns and label_kind is None:
        df = df[~df["label_kind"].isin(list(exclude_kinds))]
    if label_kind is not None:
        require_columns(df, ["label_kind"], func)
        df = df[df["label_kind"] == label_kind]
        if df.empty:
            raise ValueError(f"{func}(): no rows of actor {actor!r} with label_kind {label_kind!r}")
    labels_s = pd.Series([as_label(v) for v in df[label].tolist()], index=df.index, dtype=object)
    keep = labels_s.map(lambda v: v is not None and v.strip() != "").to_numpy(dtype=bool)
    df, labels_s = df[keep], labels_s[keep]
    if df.empty:
        raise ValueError(f"{func}(): actor {actor!r} has no labelled mentions")
    if normalize:
        keys = labels_s.map(_label_key)
        spelling: dict[str, str] = {}
        counts = pd.DataFrame({"key": keys, "label": labels_s}).value_counts().reset_index(name="n")
        for key, grp in counts.groupby("key", sort=True):
            best = grp.sort_values(["n", "label"], ascending=[False, True], kind="mergesort")
            spelling[str(key)] = str(best["label"].iloc[0])
        labels_s = keys.map(spelling)
    return df.assign(**{label: labels_s.to_numpy(dtype=object)}), actor


def _draw_cells(ax: Axes, share: pd.DataFrame, cmap: Colormap) -> None:
    """The shares as coloured cells (0 to 100 %), separated by white gaps."""
    n_rows, n_cols = share.shape
    values = np.ma.masked_invalid(share.to_numpy(dtype=float))
    ax.imshow(values, cmap=cmap, vmin=0.0, vmax=1.0, aspect="auto", interpolation="nearest",
              extent=(-0.5, n_cols - 0.5, -0.5, n_rows - 0.5), origin="upper")
    style_axes(ax, grid=None)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    # white gaps between cells
    for x in np.arange(-0.5, n_cols, 1.0):
        ax.axvline(x, color="white", linewidth=1.2)
    for y in np.arange(-0.5, n_rows, 1.0):
        ax.axhline(y, color="white", linewidth=1.2)


def _annotate_cells(ax: Axes, share: pd.DataFrame, count: pd.DataFrame, ys: np.ndarray, cmap: Colormap) -> None:
    """Each cell's share (and count, when two lines fit), in a type size that fits the cell."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    n_rows, n_cols = share.shape
    bb = ax.get_window_extent()
    cell_w = bb.width / fig.dpi * 72 / n_cols
    cell_h = bb.height / fig.dpi * 72 / n_rows
    fs = max(4.0, min(8.0, cell_h * 0.36, cell_w / 4.2))
    two_lines = cell_h >= 2.6 * fs
    for i in range(n_rows):
        for j in range(n_cols):
            v = share.iloc[i, j]
            if not np.isfinite(v):
                n = count.iloc[i, j]
                if np.isfinite(n) and n > 0:  # a thin outlet: the count only, muted
                    ax.text(j, ys[i], f"({int(n)})", ha="center", va="center", fontsize=fs, color=MUTED_INK)
                continue
            txt = fmt_pct(v) + (f"\n({int(count.iloc[i, j])})" if two_lines else "")
            ax.text(j, ys[i], txt, ha="center", va="center", fontsize=fs, linespacing=1.0,
                    color="white" if luminance(cmap(float(v))) < 0.3 else INK)


def _label_key(s: str) -> str:
    """A label folded for counting spelling variants together: case, curly quotes, spaces."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.split()).casefold()
