"""Distinctive terms on a Dask DataFrame: the n-grams counted on the cluster, scored on the driver.

:func:`term_labels` reads only the grouping column (groups, rows, rows without a group);
:func:`term_cells` counts the n-grams of every partition per group, hash-partitions the
partial counts by term (a shuffle), sums them there and brings back only the terms kept by
``min_count`` and small totals; :func:`distinctive_terms` then scores them with the pandas
path's code (:mod:`mediakit.compare`), so the table is exactly the pandas call's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..compare._groups import group_labels, group_order
from ..compare._ngrams import models_from_cells
from ..compare._ngrams import term_cells as partition_cells
from ..compare._style import HOUSE_STYLE_MODES, style_terms
from ..compare._terms import empty_terms, term_comparisons, term_options, terms_table
from ..compare._texts import part_texts
from .._validation import check_option
from ._apply import require_dask_frame, restore_captions

__all__ = ["distinctive_terms", "term_labels", "term_cells"]

_TERM_DTYPE = "string[pyarrow]"  # n-gram text in the partial counts: compact to ship and to hash


def _present_labels(labels: pd.Series) -> pd.Series:
    return labels.dropna().drop_duplicates()


def term_labels(ddf: Any, by: Any) -> tuple[pd.Series, int, int]:
    """The groups of ``ddf[by]``, the number of rows and of rows without a group (one cheap pass).

    The groups come back in order of first appearance (partition by partition), with the
    column's dtype: a categorical column's partitions are joined as ``ddf.compute()`` joins
    them (same categories, in the same order), for the group order of the pandas path.
    """
    import dask

    labels = ddf[by]
    present, n_rows, n_missing = dask.compute(labels.map_partitions(_present_labels, meta=labels._meta),
                                              labels.size, labels.isna().sum())
    return present.drop_duplicates(), int(n_rows), int(n_missing)


def _term_partition(df: pd.DataFrame, by: Any, columns: Any, order: list[Any], lo_n: int, hi_n: int,
                    stops: frozenset[str], fold_style: bool = False,
                    mask: tuple[tuple[str, ...], ...] = ()) -> pd.DataFrame:
    """One partition's (n-gram, group) counts (``term``, ``n_words``, ``gid``, ``count``)."""
    df = restore_captions(df)
    row_gid = pd.Index(order).get_indexer(df[by]).astype(np.int64)
    cells = partition_cells(part_texts(df, columns), row_gid, lo_n, hi_n, stops, fold_style=fold_style,
                            mask=mask)
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
                stops: frozenset[str], min_count: int, fold_style: bool = False,
                mask: tuple[tuple[str, ...], ...] = ()) -> tuple[Any, Any, Any]:
    """The lazy collections behind :func:`term_cells`: kept cells, summed statistics, summed cells."""
    cols = list(dict.fromkeys([by, *columns]))
    meta = pd.DataFrame({"term": pd.Series([], dtype=_TERM_DTYPE), "n_words": pd.Series([], dtype=np.int64),
                         "gid": pd.Series([], dtype=np.int64), "count": pd.Series([], dtype=np.int64)})
    partial = ddf[cols].map_partitions(_term_partition, by, columns, list(order), lo_n, hi_n, stops, fold_style, mask,
                                       meta=meta,
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
               stops: frozenset[str], min_count: int, fold_style: bool = False,
               mask: tuple[tuple[str, ...], ...] = ()) -> tuple[pd.DataFrame, pd.Series]:
    """The n-gram counts of :func:`distinctive_terms`, computed on the cluster.

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

    kept, stats, _ = _term_graph(ddf, by, columns, order, lo_n, hi_n, stops, min_count, fold_style, mask)
    kept_cells, stat_sums = dask.compute(kept, stats)
    return kept_cells.reset_index(drop=True), stat_sums


def _check_by(meta: pd.DataFrame, by: Any, columns: Sequence[str]) -> None:
    """The pandas path's errors for ``by`` and ``columns``, from the column names only."""
    if isinstance(by, pd.Series) or hasattr(by, "__dask_graph__"):
        raise ValueError(f"with a Dask DataFrame, by must be a column name, got a {type(by).__name__}; "
                         "add the labels as a column first")
    group_labels(meta, by, "by", func="distinctive_terms")
    part_texts(meta, columns, func="distinctive_terms")


def _outlets(ddf: Any, by: Any, order: list[Any]) -> list[Any]:
    """The outlet names of a Dask DataFrame (one pass per partition, no shuffle), else the groups of by='outlet'."""
    if "outlet" in ddf.columns:
        return list(term_labels(ddf, "outlet")[0])
    return list(order) if by == "outlet" else []


def distinctive_terms(articles: Any, by: str | pd.Series = "outlet", *,
                      group: Any = None, other: Any = None,
                      ngram: int | tuple[int, int] = (1, 2), prior: str = "informative",
                      alpha0: float | None = None, min_count: int = 5,
                      stop_words: str | Iterable[str] | None = "english",
                      top: int | None = None,
                      columns: Sequence[str] = ("title", "text"),
                      house_style: str = "exclude") -> pd.DataFrame:
    """:func:`mediakit.distinctive_terms` on a Dask DataFrame: counted on the cluster, the same table.

    Every partition counts its n-grams per group (``map_partitions``); the partial counts
    are hash-partitioned by term into as many partitions as the input has (a shuffle: all
    counts of a term meet in one partition, and no task holds the whole vocabulary) and
    summed there. Each of those partitions then drops the terms counted fewer than
    ``min_count`` times in the whole corpus, and counts its n-grams per length and group
    (``n``) and its distinct n-grams per length (``V``, for the uniform prior); these totals
    are summed on the cluster. Only the kept terms' per-group counts and the totals come
    back, and the driver scores them with the pandas path's code
    (:func:`mediakit.compare._terms.terms_table`): the result is exactly the pandas call's on
    the same articles (same numbers, ranks and ``attrs``; captions that Dask's string
    conversion turned into text are read as lists again). A first, cheap pass reads only
    the ``by`` column (groups, rows, rows without a group), so an unknown
    ``group``/``other`` is reported before the counting starts.

    Parameters and result are those of :func:`mediakit.distinctive_terms`, except that
    ``articles`` is a ``dask.dataframe.DataFrame`` and ``by`` must be a column name.

    Raises
    ------
    TypeError
        ``articles`` is not a Dask DataFrame.
    MissingColumnError
        ``by`` or a text column not in the table (checked on the column names, before
        anything is computed).
    ValueError
        ``by`` is not a column name, an unknown ``group``/``other``, fewer than two groups,
        bad options (as for pandas).
    """
    require_dask_frame(articles, func="distinctive_terms")
    lo_n, hi_n, stops = term_options(ngram, prior, alpha0, min_count, top, stop_words)
    check_option(house_style, HOUSE_STYLE_MODES, name="house_style", func="distinctive_terms")
    _check_by(articles._meta, by, columns)
    present, n_rows, n_missing = term_labels(articles, by)
    if n_rows == 0:
        return empty_terms(n_missing)
    order = group_order(present, None)
    comparisons, g_index = term_comparisons(order, by, group, other)
    fold_style = house_style != "keep"
    style = style_terms(_outlets(articles, by, order)) if fold_style else None
    mask = style.name_phrases if style is not None and house_style == "exclude" else ()
    kept, stats = term_cells(articles, by, columns, order, lo_n, hi_n, stops, min_count, fold_style, mask)
    models = models_from_cells(kept, stats, len(order), lo_n, hi_n, prior=prior, alpha0=alpha0)
    return terms_table(models, order, comparisons, g_index, rest=other is None, min_count=min_count, top=top,
                       n_missing=n_missing, prior=prior, stop_words=stop_words, house_style=house_style,
                       style=style)
