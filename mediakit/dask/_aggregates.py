"""Small aggregates of big tables: computed on the cluster for Dask, locally for pandas.

:func:`group_stats` and :func:`variant_counts` take a pandas or a Dask DataFrame; on Dask
the per-group sufficient statistics and counts are computed on the cluster and only small
tables come back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_columns, is_dask_frame
from ..metrics.word_choice import word_choice as word_choice_frame

__all__ = ["group_stats", "variant_counts"]


def _check_table(obj: Any, *, func: str, name: str) -> None:
    if not (isinstance(obj, pd.DataFrame) or is_dask_frame(obj)):
        raise TypeError(f"{func}(): {name} must be a pandas or dask DataFrame, got {type(obj).__name__}")


def _stat_columns(meta: pd.DataFrame, by: str, columns: Sequence[str] | None) -> list[str]:
    """The numeric columns to summarise (default: every numeric column but ``by``)."""
    if columns is None:
        cols = [c for c in meta.columns if c != by and pd.api.types.is_numeric_dtype(meta[c])
                and not pd.api.types.is_bool_dtype(meta[c])]
    else:
        cols = list(columns)
        bad = [c for c in cols if c not in meta.columns or not pd.api.types.is_numeric_dtype(meta[c])]
        if bad:
            raise ValueError(f"not numeric columns of the table: {bad}")
    if not cols:
        raise ValueError("no numeric column to summarise")
    return cols


def _sums(metrics: Any, by: str, cols: list[str]) -> list[Any]:
    """Per group: counts, sums, minima, maxima and sums of squares (lazy for Dask)."""
    frame = metrics[[by] + cols]
    frame = frame.dropna(subset=[by])
    frame = frame.astype({c: "float64" for c in cols})
    sq = frame[cols] ** 2
    sq = sq.rename(columns={c: f"{c}\x1fsq" for c in cols})
    sq[by] = frame[by]
    g1 = frame.groupby(by)
    return [g1[cols].count(), g1[cols].sum(), g1[cols].min(), g1[cols].max(),
            sq.groupby(by)[[f"{c}\x1fsq" for c in cols]].sum()]


def _stat_rows(parts: list[pd.DataFrame], by: str, cols: list[str]) -> list[dict[str, Any]]:
    """One row per group and metric from the sufficient statistics."""
    n, s, lo, hi, ss = parts
    rows = []
    for group in sorted(n.index, key=lambda v: str(v)):
        for c in cols:
            k = int(n.at[group, c])
            mean = s.at[group, c] / k if k else np.nan
            var = (ss.at[group, f"{c}\x1fsq"] - k * mean * mean) / (k - 1) if k > 1 else np.nan
            rows.append({by: group, "metric": c, "n": k, "mean": mean,
                         "sd": float(np.sqrt(max(var, 0.0))) if k > 1 else np.nan,
                         "min": lo.at[group, c] if k else np.nan, "max": hi.at[group, c] if k else np.nan})
    return rows


def group_stats(metrics: Any, by: str = "outlet", columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Per-group count, mean, standard deviation, min and max of metric columns.

    On a Dask DataFrame the sums, sums of squares, counts, minima and maxima are computed
    on the cluster and only one small row per group and metric comes back; on a pandas
    DataFrame the same numbers are computed locally.

    Parameters
    ----------
    metrics : pandas or dask DataFrame
        E.g. the result of :func:`mediakit.analyze`.
    by : str
        Grouping column (outlet, lean, month...). Rows with a missing group are left out.
    columns : sequence of str, optional
        Numeric columns to summarise (default: every numeric column but ``by``).

    Returns
    -------
    pandas.DataFrame
        One row per group and metric column (key columns ``by`` and ``metric``): columns
        ``by``, ``metric``, ``n`` (non-missing values), ``mean``, ``sd`` (n - 1 in the
        denominator; NaN for n < 2), ``min``, ``max``; sorted by group then metric order.

    Raises
    ------
    TypeError
        If ``metrics`` is not a pandas or Dask DataFrame.
    MissingColumnError
        If ``by`` is not a column.
    ValueError
        If a column asked for is not numeric, or there is none to summarise.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"outlet": ["A", "A", "B"], "tone": [1.0, 3.0, 2.0]})
    >>> group_stats(m, "outlet")[["outlet", "metric", "n", "mean", "sd"]].values.tolist()
    [['A', 'tone', 2, 2.0, 1.4142135623730951], ['B', 'tone', 1, 2.0, nan]]
    """
    _check_table(metrics, func="group_stats", name="metrics")
    check_columns(metrics, [by], func="group_stats", name="metrics")
    on_dask = is_dask_frame(metrics)
    cols = _stat_columns(metrics._meta if on_dask else metrics, by, columns)
    parts = _sums(metrics, by, cols)
    if on_dask:
        import dask

        parts = list(dask.compute(*parts))
    return pd.DataFrame(_stat_rows(parts, by, cols), columns=[by, "metric", "n", "mean", "sd", "min", "max"])


def _variant_partition(df: pd.DataFrame, by: str, lexicon: Any) -> pd.DataFrame:
    hits = word_choice_frame(df, lexicon, progress=False)
    groups = pd.Series(df[by].array, index=df["article_id"].array)
    out = pd.DataFrame({by: groups.reindex(hits["article_id"].array).to_numpy(),
                        "family": hits["family"].to_numpy(object), "variant": hits["variant"].to_numpy(object)})
    return out.groupby([by, "family", "variant"], dropna=True).size().rename("count").reset_index()


def variant_counts(articles: Any, by: str = "outlet", lexicon: Any = None) -> pd.DataFrame:
    """Word-choice matches counted per group, family and variant (on the cluster for Dask).

    Each partition counts its own matches; the counts are summed on the cluster and only
    the small table comes back. These are the counts behind word-choice shares
    ("regime" vs "government" per outlet).

    Parameters
    ----------
    articles : pandas or dask DataFrame
        Articles with ``article_id``, ``text`` and the ``by`` column.
    by : str
        Grouping column. Matches in articles with a missing group are left out.
    lexicon : optional
        Word-choice lexicon (default: the shipped framing lexicon).

    Returns
    -------
    pandas.DataFrame
        One row per group, family and variant that occurs (key columns ``by``, ``family``,
        ``variant``): columns ``by``, ``family``, ``variant`` and ``count`` (matches in
        the titles, texts and captions of the group's articles, int64); sorted by those
        keys, index 0..n-1.

    Raises
    ------
    TypeError
        If ``articles`` is not a pandas or Dask DataFrame.
    MissingColumnError
        If ``by`` is not a column.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "text": ["The regime fell.", "The regime and the government."]})
    >>> variant_counts(arts)[["outlet", "variant", "count"]].values.tolist()
    [['X', 'regime', 1], ['Y', 'government', 1], ['Y', 'regime', 1]]
    """
    _check_table(articles, func="variant_counts", name="articles")
    check_columns(articles, [by], func="variant_counts")
    if is_dask_frame(articles):
        meta = pd.DataFrame({by: pd.Series(dtype=object), "family": pd.Series(dtype=object),
                             "variant": pd.Series(dtype=object), "count": pd.Series(dtype="int64")})
        parts = articles.map_partitions(_variant_partition, by, lexicon, meta=meta, clear_divisions=True)
        counts = parts.groupby([by, "family", "variant"])["count"].sum().compute().reset_index()
    else:
        counts = _variant_partition(articles, by, lexicon)
    counts["count"] = counts["count"].astype("int64")
    return counts.sort_values([by, "family", "variant"], key=lambda s: s.astype(str)).reset_index(drop=True)
