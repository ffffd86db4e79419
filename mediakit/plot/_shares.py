"""Shares of categories per outlet as stacked bars: word-choice variants, source types, cue classes.

:func:`share_table` computes the table behind these charts (and behind the actor-label heatmap).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .._figures import INK
from .._validation import check_option
from ._checks import (category_and_group, chart_data, get_ax, group_column, numeric_values, order_names, outlet_labels,
                      pick_value, require_columns)
from ._labels import (fmt_count, fmt_pct, outlet_swatches, percent_axis, pretty_name, right_column, row_positions,
                      set_category_ticks, style_axes)
from ._palettes import (MUTED_INK, NONE_LABEL, OTHER_LABEL, category_colors, luminance, outlet_key, resolve_palette,
                        unique_names)

__all__ = ["lump_categories", "share_table", "shares_by_outlet", "source_mix", "word_choice_shares"]

_SORTS = ("name", "share", None, False)


def share_table(data: pd.DataFrame, *, category: str | None = None, by: str = "outlet",
                articles: pd.DataFrame | None = None, weight: str | None = None,
                outlets: Sequence[Any] | None = None, **deprecated: Any) -> pd.DataFrame:
    """Counts and shares of ``category``'s values per outlet: the table behind the stacked-bar charts.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per item (match, attribution, label, ...) with ``category``
        and an outlet column — or ``article_id`` and ``articles=`` to join it.
    category : str
        The category column (required). Missing values count as the category
        ``"(none)"``.
    by : str, default 'outlet'
        The grouping column: ``outlet``, else ``group``, else joined from
        ``articles=``. (The old calls ``share_table(by=<category>,
        outlet=<group>)`` still work, with a DeprecationWarning: a call with
        ``by=`` and no ``category=`` reads ``by`` as the category.)
    articles : pandas.DataFrame, optional
        Articles table (``article_id``, ``outlet``) to join outlets from.
    weight : str, optional
        A count column to sum instead of counting rows.
    outlets : sequence, optional
        Outlets to include even without rows (e.g. every outlet of the corpus).

    Returns
    -------
    pandas.DataFrame
        One row per outlet and category (zeros included): ``outlet`` (the
        group, whatever ``by`` is), the category column (named as
        ``category``), ``count``, ``total`` (the outlet's count over all
        categories) and ``share`` (count / total; NaN when total is 0).
        Outlets sorted by name, categories by their overall count
        (descending), "(none)" last.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "source_type": ["official", "official", None, "person"]})
    >>> share_table(rows, category="source_type")
      outlet source_type  count  total     share
    0      A    official      2      3  0.666667
    1      A      person      0      3  0.000000
    2      A      (none)      1      3  0.333333
    3      B    official      0      1  0.000000
    4      B      person      1      1  1.000000
    5      B      (none)      0      1  0.000000
    """
    func = "share_table"
    category, by = category_and_group(func, category, by, deprecated)
    return shares_by_outlet(data, category=category, by=by, articles=articles, weight=weight, outlets=outlets,
                            func=func)


def shares_by_outlet(data: pd.DataFrame, *, category: str, by: str | None, articles: pd.DataFrame | None,
                     weight: str | None = None, outlets: Sequence[Any] | None = None,
                     func: str = "share_table") -> pd.DataFrame:
    """:func:`share_table`, with errors naming the chart function ``func``."""
    df = chart_data(data, func)
    require_columns(df, [category], func)
    names = outlet_labels(df, func, by, articles)
    col = df[category]
    if isinstance(col.dtype, pd.StringDtype):  # strings already: the same labels without a str() per row
        cats = col.to_numpy(dtype=object, na_value=NONE_LABEL)
    else:
        cats = col.astype(object).where(col.notna(), NONE_LABEL).map(str).to_numpy(dtype=object)
    w = numeric_values(df, weight, func) if weight is not None else np.ones(len(df))
    frame = pd.DataFrame({"outlet": names.to_numpy(dtype=object), category: cats,
                          "count": np.nan_to_num(w)})
    frame = frame[frame["outlet"].notna()]
    all_outlets = sorted(set(frame["outlet"].unique()) | set(unique_names(outlets)), key=outlet_key)
    if not all_outlets:
        raise ValueError(f"{func}(): no rows with an outlet")
    totals_by_cat = frame.groupby(category, sort=False)["count"].sum()
    cat_order = sorted(totals_by_cat.index, key=lambda c: (c in (NONE_LABEL, OTHER_LABEL), -totals_by_cat[c], str(c)))
    counts = frame.groupby(["outlet", category], sort=False)["count"].sum()
    grid = pd.MultiIndex.from_product([all_outlets, cat_order], names=["outlet", category])
    out = counts.reindex(grid, fill_value=0).reset_index()
    out["total"] = out.groupby("outlet", sort=False)["count"].transform("sum")
    if weight is None or np.all(np.mod(w, 1) == 0):
        out["count"] = out["count"].astype(np.int64)
        out["total"] = out["total"].astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        tot = out["total"].to_numpy(dtype=float)
        out["share"] = np.where(tot > 0, out["count"].to_numpy(dtype=float) / np.where(tot > 0, tot, 1), np.nan)
    return out


def lump_categories(table: pd.DataFrame, category: str, max_categories: int) -> pd.DataFrame:
    """Keep the ``max_categories - 1`` largest categories of a share table and sum the rest into 'other'."""
    cats = list(dict.fromkeys(table[category]))
    if len(cats) <= max_categories:
        return table
    keep = [c for c in cats if c != NONE_LABEL][: max_categories - 1]
    t = table.copy()
    t[category] = t[category].where(t[category].isin(keep) | (t[category] == NONE_LABEL), OTHER_LABEL)
    out = t.groupby(["outlet", category], sort=False)[["count", "share"]].sum().reset_index()
    out["total"] = out["outlet"].map(table.groupby("outlet")["total"].first())
    order = {c: i for i, c in enumerate(keep + [OTHER_LABEL, NONE_LABEL])}
    out["_o"] = out[category].map(order)
    return out.sort_values(["outlet", "_o"], kind="mergesort").drop(columns="_o").reset_index(drop=True)


def word_choice_shares(data: pd.DataFrame, *, family: str | None = None, articles: pd.DataFrame | None = None,
                       by: str = "outlet", parts: Sequence[str] | None = ("title", "text"),
                       sort: Literal["name", "share"] | None = "name", max_categories: int = 8,
                       label_min: float = 0.08, ax: Axes | None = None, palette: Any = None,
                       colors: Any = None, **deprecated: Any) -> Axes:
    """Stacked horizontal bars: the share of each variant of one lexicon family, per outlet.

    Parameters
    ----------
    data : pandas.DataFrame
        Either the rows of :func:`mediakit.word_choice` (one per match:
        ``article_id``, ``part``, ``family``, ``variant``, ...) with an
        ``outlet`` column or ``articles=`` to join it on ``article_id``; or a
        precomputed share table with ``outlet``, ``variant`` and ``share``
        (optionally ``family``, ``count``), used as is.
    family : str, optional
        The lexicon family (needed when ``data`` has several).
    articles : pandas.DataFrame, optional
        Articles table (``article_id``, ``outlet``): joins the outlet, and
        outlets without a match in the family get an empty bar.
    by : str, default 'outlet'
        The grouping column (of ``data``, else of ``articles``). (``outlet=`` is
        its old name: deprecated.)
    parts : sequence of str or None, default ('title', 'text')
        Which parts' matches count (None: all, captions included; captions are
        often agency-written). Ignored for a share table.
    sort : {'name', 'share', None}, default 'name'
        Outlets by name, or by share of the most common variant.
    max_categories : int, default 8
        More variants than this: the smallest are summed into "other" (the
        full table: :func:`share_table`).
    label_min : float, default 0.08
        Print the percentage in segments at least this wide.
    ax, palette
        As in :func:`metric_by_outlet`; outlets are marked by a swatch in their
        colour beside their name.
    colors : str, list or dict, optional
        Variant colours (default Paul Tol's light scheme).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one bar per outlet, one segment per variant (its
        share of the outlet's matches); the table behind it is
        ``share_table(data, category="variant", articles=articles)``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from mediakit.plot import figure_for
    >>> wc = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3"], "part": "text",
    ...                    "family": "leader_labels", "variant": ["dictator", "president", "president", "strongman"]})
    >>> arts = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "outlet": ["A", "B", "B"]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2))
    >>> word_choice_shares(wc, family="leader_labels", articles=arts, ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "word_choice_shares"
    by = group_column(func, by, deprecated)
    check_option(sort, _SORTS, name="sort", func=func)
    df = chart_data(data, func)
    require_columns(df, ["variant"], func)
    if "family" in df.columns:
        family = pick_value(df, "family", family, func, "family")
        df = df[df["family"] == family]
    precomputed = "share" in df.columns and "article_id" not in df.columns
    if precomputed:
        table = _given_shares(df, by, func)
    else:
        table = _match_shares(df, family=family, parts=parts, articles=articles, by=by, func=func)
    _check_max(max_categories, "max_categories", func)
    table = lump_categories(table, "variant", int(max_categories))
    ax = get_ax(ax, func)
    fam = pretty_name(str(family)) if family is not None else "the family"
    return _stacked_shares(ax, table, "variant", func=func, palette=palette, colors=colors, sort=sort,
                           label_min=label_min, xlabel=f"share of {fam} terms", legend_title=None,
                           empty_text="no matches")


def _given_shares(df: pd.DataFrame, by: str | None, func: str) -> pd.DataFrame:
    """A precomputed share table (``outlet``, ``variant``, ``share``, maybe ``count``) in share_table's shape."""
    names = outlet_labels(df, func, by, None)
    table = pd.DataFrame({"outlet": names.to_numpy(dtype=object), "variant": df["variant"].astype(str).to_numpy(),
                          "share": numeric_values(df, "share", func)})
    table["count"] = numeric_values(df, "count", func) if "count" in df.columns else np.nan
    table = table[table["outlet"].notna()]
    table["total"] = table.groupby("outlet")["count"].transform("sum") if "count" in df.columns else np.nan
    # keep variants in order of overall share
    order = table.groupby("variant")["share"].sum().sort_values(ascending=False, kind="mergesort").index
    table["_o"] = table["variant"].map({v: i for i, v in enumerate(order)})
    return table.sort_values(["outlet", "_o"], kind="mergesort").drop(columns="_o")


def _match_shares(df: pd.DataFrame, *, family: Any, parts: Sequence[str] | None, articles: pd.DataFrame | None,
                  by: str | None, func: str) -> pd.DataFrame:
    """The share table of word-choice matches in ``parts``; every outlet of ``articles`` gets a row."""
    if parts is not None and "part" in df.columns:
        wanted = [parts] if isinstance(parts, str) else list(parts)
        df = df[df["part"].isin(wanted)]
    all_outlets = unique_names(articles[by or "outlet"]) if isinstance(articles, pd.DataFrame) and \
        (by or "outlet") in articles.columns else None
    if df.empty:
        if not all_outlets:
            raise ValueError(f"{func}(): no matches of family {family!r} in parts {parts}")
        df = pd.DataFrame({"article_id": pd.Series([], dtype=object), "variant": pd.Series([], dtype=object)})
    return shares_by_outlet(df, category="variant", by=by, articles=articles, outlets=all_outlets, func=func) \
        if not df.empty else _empty_shares(all_outlets or [], "variant")


def _check_max(value: Any, name: str, func: str) -> None:
    if not isinstance(value, (int, np.integer)) or value < 2:
        raise ValueError(f"{func}(): {name} must be an int >= 2, got {value!r}")


def _empty_shares(outlets: Sequence[str], category: str) -> pd.DataFrame:
    return pd.DataFrame({"outlet": list(outlets), category: NONE_LABEL, "count": 0, "total": 0, "share": np.nan})


def source_mix(data: pd.DataFrame, *, category: str | None = None, articles: pd.DataFrame | None = None,
               by: str = "outlet", sort: Literal["name", "share"] | None = "name",
               max_categories: int = 8, label_min: float = 0.08, ax: Axes | None = None, palette: Any = None,
               colors: Any = None, **deprecated: Any) -> Axes:
    """Stacked horizontal bars: which kinds of sources (or cues) each outlet's attributions use.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per attribution, e.g. ``extract_attributions`` output
        (``article_id``, ``source_type``, ``cue_class``, ``kind``, ...), with an
        ``outlet`` column or ``articles=`` to join it.
    category : str, optional
        The category: ``'source_type'`` (the default), ``'cue_class'``,
        ``'kind'`` or any column. Missing values are drawn as "(none)" in pale
        grey.
    articles : pandas.DataFrame, optional
        Articles table (``article_id``, ``outlet``) to join the outlet.
    by : str, default 'outlet'
        The grouping column (of ``data``, else of ``articles``). The old calls
        ``source_mix(by=<category>, outlet=<group>)`` still work, with a
        DeprecationWarning: a call with ``by=`` and no ``category=`` reads
        ``by`` as the category, so give ``category=`` whenever you give ``by=``.
    sort, max_categories, label_min, ax, palette, colors
        As in :func:`word_choice_shares`.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one bar per outlet, one segment per category (its
        share of the outlet's attributions); the table behind it is
        ``share_table(data, category=category, articles=articles)``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from mediakit.plot import figure_for
    >>> attr = pd.DataFrame({"outlet": ["A", "A", "B", "B", "B"],
    ...                      "source_type": ["official", "anonymous", "official", "person", None]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2))
    >>> source_mix(attr, category="source_type", ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "source_mix"
    category, by = category_and_group(func, category, by, deprecated, default="source_type")
    check_option(sort, _SORTS, name="sort", func=func)
    df = chart_data(data, func)
    require_columns(df, [category], func)
    _check_max(max_categories, "max_categories", func)
    table = lump_categories(shares_by_outlet(df, category=category, by=by, articles=articles, func=func), category,
                            int(max_categories))
    ax = get_ax(ax, func)
    what = {"source_type": "attributions by source type", "cue_class": "attributions by cue (verb) class",
            "kind": "attributions by kind"}.get(category, f"attributions by {category.replace('_', ' ')}")
    return _stacked_shares(ax, table, category, func=func, palette=palette, colors=colors, sort=sort,
                           label_min=label_min, xlabel=f"share of {what}", legend_title=None,
                           empty_text="no attributions")


def _stacked_shares(ax: Axes, table: pd.DataFrame, category: str, *, func: str, palette: Any, colors: Any,
                    sort: Any, label_min: float, xlabel: str, legend_title: str | None,
                    empty_text: str) -> Axes:
    """Draw a share table (outlets sorted by name, or by share of the first category) as stacked bars."""
    names = sorted(dict.fromkeys(table["outlet"]), key=outlet_key)
    cats = list(dict.fromkeys(table[category]))
    share = table.pivot(index="outlet", columns=category, values="share").reindex(index=names, columns=cats)
    totals = table.groupby("outlet")["total"].first().reindex(names)
    if sort == "share":
        first = cats[0]
        names = order_names(names, "share", func, share[first].fillna(-1).to_dict())
        share, totals = share.reindex(names), totals.reindex(names)
    pal = resolve_palette(palette, names, func)
    cc = category_colors(cats, colors, func)
    ys = row_positions(len(names))
    style_axes(ax, grid="x")
    size = set_category_ticks(ax, ys, names, axis="y", pad=12)
    text_size = _draw_bars(ax, ys, names, cats, share, cc, label_min=label_min)
    for y, name in zip(ys, names, strict=True):
        if not share.loc[name].fillna(0).sum() > 0:
            ax.text(0.01, y, empty_text, ha="left", va="center", fontsize=text_size, color=MUTED_INK,
                    style="italic")
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, len(names) - 0.4)
    percent_axis(ax.xaxis)
    ax.set_xlabel(xlabel)
    outlet_swatches(ax, ys, names, pal, axis="y", size=size)
    if np.isfinite(totals.to_numpy(dtype=float)).all():  # a share table without counts has no n
        right_column(ax, ys, [f"n={fmt_count(totals[nm])}" for nm in names], size=size)
    ncol = min(len(cats), 4 if max(len(str(c)) for c in cats) > 14 else 6)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=ncol, frameon=False, fontsize=7.5,
              title=legend_title, title_fontsize=8, alignment="left", handlelength=1.2, columnspacing=1.0,
              borderaxespad=0.3)
    return ax


def _legend_label(category: Any) -> str:
    """A category in words for a legend: underscores as spaces ("opposition_fighters" -> "opposition fighters")."""
    text = str(category)
    return text if text.startswith("(") else text.replace("_", " ")


def _draw_bars(ax: Axes, ys: np.ndarray, names: list[str], cats: list[Any], share: pd.DataFrame,
               cc: dict[str, str], *, label_min: float) -> float:
    """One bar segment per category, with its percentage when wide enough; returns the text size."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    row_pt = ax.get_window_extent().height / fig.dpi * 72 / max(len(names), 1)
    bar_h = 0.72
    text_size = max(4.5, min(7.5, row_pt * bar_h * 0.55))
    left = np.zeros(len(names))
    for c in cats:
        w = share[c].fillna(0).to_numpy(dtype=float)
        ax.barh(ys, w, left=left, height=bar_h, color=cc[c], edgecolor="white", linewidth=0.6, label=_legend_label(c),
                zorder=2)
        for y, l0, wi in zip(ys, left, w, strict=True):
            if wi >= label_min:
                ax.text(l0 + wi / 2, y, fmt_pct(wi), ha="center", va="center", fontsize=text_size,
                        color=INK if luminance(cc[c]) > 0.3 else "white", zorder=3)
        left = left + w
    return text_size
