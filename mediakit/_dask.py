"""Dask: mediakit's per-article tables on a ``dask.dataframe.DataFrame``, and small aggregates.

:func:`mediakit.analyze`, :func:`mediakit.extract_attributions` and
:func:`mediakit.word_choice` hand a Dask DataFrame to :func:`dask_apply`, which returns a
lazy Dask DataFrame built with ``map_partitions`` and a declared ``meta`` (the exact columns
and dtypes, from a probe article), so nothing is computed until ``.compute()`` or
``.to_parquet()``. Each partition gives exactly what the pandas function gives on it.

:func:`group_stats` and :func:`variant_counts` compute per-group sufficient statistics and
counts on the cluster and bring back only small tables; :func:`term_labels` and
:func:`term_cells` do the same for the n-gram counts behind
:func:`mediakit.distinctive_terms` (which scores them on the driver). Dask is imported only
when a Dask object is passed in: ``import mediakit`` never imports it.
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


# --------------------------------------------------------------------------- distinctive terms
_TERM_DTYPE = "string[pyarrow]"  # n-gram text in the partial counts: compact to ship and to hash


def _present_labels(labels: pd.Series) -> pd.Series:
    return labels.dropna().drop_duplicates()


def term_labels(ddf: Any, by: Any) -> tuple[pd.Series, int, int]:
    """The groups of ``ddf[by]``, the number of rows and of rows without a group (one cheap pass).

    The groups come back in order of first appearance (partition by partition), with the
    column's dtype: a categorical column's partitions are joined as ``ddf.compute()`` joins
    them (same categories, in the same order), for :func:`mediakit.compare._group_order`.
    """
    import dask

    labels = ddf[by]
    present, n_rows, n_missing = dask.compute(labels.map_partitions(_present_labels, meta=labels._meta),
                                              labels.size, labels.isna().sum())
    return present.drop_duplicates(), int(n_rows), int(n_missing)


def _term_partition(df: pd.DataFrame, by: Any, columns: Any, order: list[Any], lo_n: int, hi_n: int,
                    stops: frozenset[str]) -> pd.DataFrame:
    """One partition's (n-gram, group) counts (``term``, ``n_words``, ``gid``, ``count``)."""
    from .compare import _part_texts, _term_cells

    if "captions" in df.columns and df["captions"].dtype != object:
        # Dask's "dataframe.convert-string" turns list cells into their text: "['A caption']"
        df = df.assign(captions=[_caption_list(v) for v in df["captions"].tolist()])
    row_gid = pd.Index(order).get_indexer(df[by]).astype(np.int64)
    cells = _term_cells(_part_texts(df, columns), row_gid, lo_n, hi_n, stops)
    return cells.astype({"term": _TERM_DTYPE})


def _term_sum(cells: pd.DataFrame) -> pd.DataFrame:
    """Sum the partial counts of one hash partition (every cell of its terms) and add each term's total."""
    out = cells.groupby(["term", "n_words", "gid"], sort=False, observed=True)["count"].sum().reset_index()
    out["total"] = out.groupby("term", sort=False, observed=True)["count"].transform("sum").astype(np.int64)
    return out


def _term_kept(cells: pd.DataFrame, min_count: int) -> pd.DataFrame:
    """The cells of the terms counted at least ``min_count`` times, compact: each term's text once."""
    kept = cells.loc[cells["total"].to_numpy() >= max(min_count, 1)]
    codes, terms = pd.factorize(kept["term"])
    return pd.DataFrame({"term": pd.Categorical.from_codes(codes, categories=terms),
                         "n_words": kept["n_words"].to_numpy(np.int8), "gid": kept["gid"].to_numpy(np.int32),
                         "count": kept["count"].to_numpy(np.int64)})


def _term_stats(cells: pd.DataFrame) -> pd.DataFrame:
    """Tokens per (n-gram length, group) and, at ``gid`` −1, distinct n-grams per length."""
    tokens = cells.groupby(["n_words", "gid"], sort=True)["count"].sum()
    types = cells.groupby("n_words", sort=True)["term"].nunique()
    return pd.DataFrame({
        "n_words": np.concatenate([tokens.index.get_level_values(0).to_numpy(np.int64),
                                   types.index.to_numpy(np.int64)]),
        "gid": np.concatenate([tokens.index.get_level_values(1).to_numpy(np.int64),
                               np.full(len(types), -1, dtype=np.int64)]),
        "value": np.concatenate([tokens.to_numpy(np.int64), types.to_numpy(np.int64)])})


def _shuffle_method(ddf: Any) -> str | None:
    """The configured shuffle method; else Dask's choice on a distributed client, 'tasks' on any other scheduler.

    Dask picks its peer-to-peer shuffle whenever a distributed client exists, which fails
    when the computation then runs on another scheduler (``dask.config.set(scheduler=
    "synchronous")`` with a client open).
    """
    import dask
    from dask.base import get_scheduler

    configured = dask.config.get("dataframe.shuffle.method", None)
    if configured:
        return str(configured)
    owner = getattr(get_scheduler(collections=[ddf]), "__self__", None)
    return None if type(owner).__module__.startswith("distributed") else "tasks"


def _term_graph(ddf: Any, by: Any, columns: Any, order: list[Any], lo_n: int, hi_n: int,
                stops: frozenset[str], min_count: int) -> tuple[Any, Any, Any]:
    """The lazy collections behind :func:`term_cells`: kept cells, summed statistics, summed cells."""
    cols = list(dict.fromkeys([by, *columns]))
    meta = pd.DataFrame({"term": pd.Series([], dtype=_TERM_DTYPE), "n_words": pd.Series([], dtype=np.int64),
                         "gid": pd.Series([], dtype=np.int64), "count": pd.Series([], dtype=np.int64)})
    partial = ddf[cols].map_partitions(_term_partition, by, columns, list(order), lo_n, hi_n, stops, meta=meta,
                                       enforce_metadata=False, clear_divisions=True, align_dataframes=False)
    shuffled = partial.shuffle("term", npartitions=max(1, ddf.npartitions), ignore_index=True,
                               shuffle_method=_shuffle_method(ddf))
    summed = shuffled.map_partitions(_term_sum, meta=meta.assign(total=pd.Series([], dtype=np.int64)),
                                     enforce_metadata=False)
    kept_meta = pd.DataFrame({"term": pd.Categorical([]), "n_words": pd.Series([], dtype=np.int8),
                              "gid": pd.Series([], dtype=np.int32), "count": pd.Series([], dtype=np.int64)})
    kept = summed.map_partitions(_term_kept, min_count, meta=kept_meta, enforce_metadata=False)
    stats_meta = pd.DataFrame({c: pd.Series([], dtype=np.int64) for c in ("n_words", "gid", "value")})
    stats = summed.map_partitions(_term_stats, meta=stats_meta, enforce_metadata=False)
    return kept, stats.groupby(["n_words", "gid"])["value"].sum(), summed


def term_cells(ddf: Any, by: Any, columns: Any, order: list[Any], lo_n: int, hi_n: int,
               stops: frozenset[str], min_count: int) -> tuple[pd.DataFrame, pd.Series]:
    """The n-gram counts of :func:`mediakit.distinctive_terms`, computed on the cluster.

    Every partition counts its n-grams per group (``map_partitions``); the partial counts
    are hash-partitioned by term into ``ddf.npartitions`` partitions (a shuffle: all the
    counts of a term meet in one partition, and no task holds the whole vocabulary) and
    summed there; each summed partition then keeps the terms whose corpus-wide count is
    at least ``min_count`` and counts its tokens per length and group and its types per
    length, which are summed on the cluster too.

    Returns
    -------
    tuple
        The kept terms' cells (``term`` as a categorical: each text once; ``n_words``,
        ``gid`` = index in ``order``, ``count``; every group in which a kept term occurs)
        and a Series indexed by (``n_words``, ``gid``): tokens of that length and group,
        and at ``gid`` −1 the number of distinct n-grams of that length.
    """
    import dask

    kept, stats, _ = _term_graph(ddf, by, columns, order, lo_n, hi_n, stops, min_count)
    kept_cells, stat_sums = dask.compute(kept, stats)
    return kept_cells.reset_index(drop=True), stat_sums
