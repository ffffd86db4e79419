"""Dask: mediakit's per-article tables on a ``dask.dataframe.DataFrame``, and small aggregates.

:func:`mediakit.analyze`, :func:`mediakit.extract_attributions` and
:func:`mediakit.word_choice` hand a Dask DataFrame to :func:`dask_apply`, which returns a
lazy Dask DataFrame built with ``map_partitions`` and a declared ``meta`` (the exact columns
and dtypes, from a probe article), so nothing is computed until ``.compute()`` or
``.to_parquet()``. Each partition gives exactly what the pandas function gives on it.

:func:`group_stats` and :func:`variant_counts` compute per-group sufficient statistics and
counts on the cluster and bring back only small tables. Dask is imported only when a Dask
object is passed in: ``import mediakit`` never imports it.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["is_dask_frame", "dask_apply", "group_stats", "variant_counts"]


def is_dask_frame(obj: Any) -> bool:
    """True for a ``dask.dataframe.DataFrame`` (without importing Dask when it is not loaded).

    Examples
    --------
    >>> import pandas as pd
    >>> is_dask_frame(pd.DataFrame())
    False
    """
    mod = sys.modules.get("dask.dataframe")
    return mod is not None and isinstance(obj, mod.DataFrame)


def _require_dask_frame(obj: Any, what: str) -> None:
    if not is_dask_frame(obj):
        raise TypeError(f"{what} must be a pandas or dask DataFrame, got {type(obj).__name__}")


_LIST_COLUMNS = ("content_spans", "captions")  # object columns that hold lists
_PROBE = {
    "article_id": "probe", "outlet": "Probe", "title": "Regime falls",
    "text": ("Officials said the regime probably fell. \u201cIt is over,\u201d said Anna Berg, a "
             "spokeswoman. Rebels entered the capital."),
    "captions": ["Rebels in the capital. (AFP Photo)"],
}


def _probe_like(meta: pd.DataFrame) -> pd.DataFrame:
    """One realistic article with the columns and dtypes of ``meta`` (an empty partition)."""
    row: dict[str, Any] = {}
    for col in meta.columns:
        if col in _PROBE:
            row[col] = [_PROBE[col]]
        elif col == "published":
            row[col] = [pd.Timestamp("2020-01-01", tz="UTC")]
        else:
            row[col] = [None]
    probe = pd.DataFrame(row)
    for col in meta.columns:
        if col == "captions":
            continue
        try:
            probe[col] = probe[col].astype(meta[col].dtype)
        except (TypeError, ValueError):
            pass
    return probe


def _conform(out: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Give a partition's result exactly the declared dtypes (an empty result has no strings)."""
    if len(out) == 0:
        empty = meta.iloc[:0].copy()
        empty.index = out.index
        return empty
    for col in meta.columns:
        if out[col].dtype != meta[col].dtype:
            out[col] = out[col].astype(meta[col].dtype)
    return out


def _run(kind: str, df: pd.DataFrame, kwargs: dict[str, Any]) -> pd.DataFrame:
    if kind == "analyze":
        from .metrics.analyze import analyze

        return analyze(df, n_jobs=1, progress=False, **kwargs)
    if kind == "extract_attributions":
        from .metrics.attribution import extract_attributions

        return extract_attributions(df)
    if kind == "word_choice":
        from .metrics.word_choice import word_choice

        return word_choice(df, **kwargs)
    raise ValueError(f"unknown table {kind!r}")


def _caption_list(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return value
        if isinstance(parsed, list) and all(isinstance(c, str) for c in parsed):
            return parsed
    return value


def _partition(df: pd.DataFrame, kind: str, kwargs: dict[str, Any], meta: pd.DataFrame) -> pd.DataFrame:
    from .stream import _bound_caches

    _bound_caches()  # long-lived workers: keep mediakit's word caches within WORKER_MEMORY
    if "captions" in df.columns and df["captions"].dtype != object:
        # Dask's "dataframe.convert-string" turns list cells into their text: "['A caption']"
        df = df.assign(captions=[_caption_list(v) for v in df["captions"].tolist()])
    return _conform(_run(kind, df, kwargs), meta)


def _meta_for(kind: str, ddf: Any, kwargs: dict[str, Any]) -> pd.DataFrame:
    base = ddf._meta
    out = _run(kind, _probe_like(base), kwargs)
    if len(out) == 0:  # the probe matched nothing: text columns are typed as pandas types text
        text = pd.Series(["x"]).dtype
        for col in out.columns:
            if out[col].dtype == object and col not in _LIST_COLUMNS:
                out[col] = out[col].astype(text)
    out = out.iloc[:0].copy()
    for col in out.columns:  # columns copied from the input keep the input's dtype
        if col in base.columns and out[col].dtype != base[col].dtype:
            out[col] = pd.Series(base[col].iloc[:0].array, index=out.index, name=col)
    if kind == "analyze":
        out.index = base.index[:0]
    return out


def dask_apply(kind: str, ddf: Any, **kwargs: Any) -> Any:
    """Lazy ``kind`` (``analyze``, ``extract_attributions``, ``word_choice``) over a Dask DataFrame.

    Parameters
    ----------
    kind : str
        Which mediakit function to map over the partitions.
    ddf : dask.dataframe.DataFrame
        Articles, partitioned any way (article ids unique within each partition).
    **kwargs
        Options of that function (``lexicon``, ``families`` for ``analyze``; ``lexicon``,
        ``parts``, ``context`` for ``word_choice``).

    Returns
    -------
    dask.dataframe.DataFrame
        ``analyze`` keeps the input's index and divisions (one row per article);
        attributions and word-choice matches are long tables whose index restarts at 0 in
        each partition (divisions unknown).
    """
    _require_dask_frame(ddf, "articles")
    missing = [c for c in ("article_id", "text") if c not in ddf.columns]
    if missing:
        raise ValueError(f"articles lack the column(s) {missing}; see mediakit.load_articles")
    if kind == "analyze":
        from .metrics.analyze import _check_families

        kwargs["families"] = _check_families(kwargs.get("families") or ())
    if kwargs.get("lexicon") is not None and not isinstance(kwargs["lexicon"], str):
        from .lexicon import load_lexicon

        kwargs["lexicon"] = load_lexicon(kwargs["lexicon"])  # resolved once, shipped to workers
    meta = _meta_for(kind, ddf, dict(kwargs))
    return ddf.map_partitions(_partition, kind, kwargs, meta, meta=meta, enforce_metadata=False,
                              clear_divisions=kind != "analyze", align_dataframes=False)


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
        Columns ``by``, ``metric``, ``n`` (non-missing values), ``mean``, ``sd`` (n - 1 in
        the denominator; NaN for n < 2), ``min``, ``max``; sorted by group then metric order.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"outlet": ["A", "A", "B"], "tone": [1.0, 3.0, 2.0]})
    >>> group_stats(m, "outlet")[["outlet", "metric", "n", "mean", "sd"]].values.tolist()
    [['A', 'tone', 2, 2.0, 1.4142135623730951], ['B', 'tone', 1, 2.0, nan]]
    """
    if by not in metrics.columns:
        raise KeyError(f"no column {by!r} to group by; columns: {list(metrics.columns)[:20]}")
    meta = metrics._meta if is_dask_frame(metrics) else metrics
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
    frame = metrics[[by] + cols]
    frame = frame.dropna(subset=[by])
    frame = frame.astype({c: "float64" for c in cols})
    sq = frame[cols] ** 2
    sq = sq.rename(columns={c: f"{c}\x1fsq" for c in cols})
    sq[by] = frame[by]
    g1 = frame.groupby(by)
    parts = [g1[cols].count(), g1[cols].sum(), g1[cols].min(), g1[cols].max(),
             sq.groupby(by)[[f"{c}\x1fsq" for c in cols]].sum()]
    if is_dask_frame(metrics):
        import dask

        parts = list(dask.compute(*parts))
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
    return pd.DataFrame(rows, columns=[by, "metric", "n", "mean", "sd", "min", "max"])


def _variant_partition(df: pd.DataFrame, by: str, lexicon: Any) -> pd.DataFrame:
    from .metrics.word_choice import word_choice

    hits = word_choice(df, lexicon)
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
        Columns ``by``, ``family``, ``variant``, ``count``, sorted.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "text": ["The regime fell.", "The regime and the government."]})
    >>> variant_counts(arts)[["outlet", "variant", "count"]].values.tolist()
    [['X', 'regime', 1], ['Y', 'government', 1], ['Y', 'regime', 1]]
    """
    if by not in articles.columns:
        raise KeyError(f"no column {by!r} to group by")
    if is_dask_frame(articles):
        meta = pd.DataFrame({by: pd.Series(dtype=object), "family": pd.Series(dtype=object),
                             "variant": pd.Series(dtype=object), "count": pd.Series(dtype="int64")})
        parts = articles.map_partitions(_variant_partition, by, lexicon, meta=meta, clear_divisions=True)
        counts = parts.groupby([by, "family", "variant"])["count"].sum().compute().reset_index()
    else:
        counts = _variant_partition(articles, by, lexicon)
    counts["count"] = counts["count"].astype("int64")
    return counts.sort_values([by, "family", "variant"], key=lambda s: s.astype(str)).reset_index(drop=True)
