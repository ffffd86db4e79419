"""Grouping helpers: labels, group order, row positions and metric columns of a table.

Shared by :func:`mediakit.compare.compare`, :func:`mediakit.compare.distinctive_terms` and
:func:`mediakit.compare.attention` (and the Dask layer, which orders groups the same way).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import MissingColumnError

__all__ = ["NOT_METRICS", "group_labels", "group_order", "metric_columns", "metric_values", "positions",
           "preview"]

#: Columns of mediakit.analyze's output that are never metrics.
NOT_METRICS = frozenset({"article_id", "outlet", "published", "source_record", "year"})


def group_labels(df: pd.DataFrame, by: Any, what: str = "by", *, func: str = "compare",
                 name: str = "articles") -> tuple[pd.Series, str]:
    """The grouping labels aligned with ``df`` and a name for them.

    ``by`` is a column name or a Series (re-indexed like ``df``); ``what`` names the
    argument in the error, ``func`` and ``name`` the public function and its table.

    Raises
    ------
    MissingColumnError
        ``by`` is not a column of ``df``.

    Examples
    --------
    >>> import pandas as pd
    >>> labels, name = group_labels(pd.DataFrame({"outlet": ["A", "B"]}), "outlet")
    >>> labels.tolist(), name
    (['A', 'B'], 'outlet')
    """
    if isinstance(by, pd.Series):
        s = by if by.index.equals(df.index) else by.reindex(df.index)
        return s, str(by.name) if by.name is not None else what
    if not isinstance(by, Hashable) or by not in df.columns:
        raise MissingColumnError(func, [by], name=name, present=df.columns,
                                 hint=f"{what}={by!r} is not a column of the table; pass a column name "
                                      "or a pandas Series of labels")
    return df[by], str(by)


def group_order(labels: pd.Series, groups: Iterable[Any] | None, what: str = "group") -> list[Any]:
    """Groups present in ``labels`` in a stable order (categories, sorted, or as given).

    Examples
    --------
    >>> import pandas as pd
    >>> group_order(pd.Series(["B", None, "A", "B"]), None)
    ['A', 'B']
    """
    present_vals = pd.unique(labels.dropna())
    present = list(present_vals.tolist() if hasattr(present_vals, "tolist") else present_vals)
    if groups is not None:
        wanted = [groups] if isinstance(groups, str) or not isinstance(groups, Iterable) else list(groups)
        known = set(present)
        unknown = [g for g in wanted if g not in known]
        if unknown:
            raise ValueError(f"unknown {what}(s) {unknown!r}; the data has: {preview(present)}")
        return list(dict.fromkeys(wanted))
    if isinstance(labels.dtype, pd.CategoricalDtype):
        have = set(present)
        return [c for c in labels.cat.categories.tolist() if c in have]
    try:
        return sorted(present)
    except TypeError:
        return present


def preview(values: Sequence[Any], k: int = 20) -> str:
    """The first ``k`` values for an error message: ``"['a', 'b', ...]"``."""
    shown = ", ".join(map(repr, list(values)[:k]))
    return f"[{shown}{', ...' if len(values) > k else ''}]"


def positions(labels: pd.Series, order: Sequence[Any]) -> dict[Any, np.ndarray]:
    """Row positions of every group in ``order``."""
    codes, uniques = pd.factorize(labels, sort=False)
    uniq = list(uniques.tolist() if hasattr(uniques, "tolist") else uniques)
    index_of = {u: i for i, u in enumerate(uniq)}
    sorter = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[sorter], np.arange(len(uniq) + 1))
    out: dict[Any, np.ndarray] = {}
    for g in order:
        i = index_of[g]
        out[g] = sorter[bounds[i]:bounds[i + 1]]
    return out


def _is_numeric(df: pd.DataFrame, col: Any) -> bool:
    dt = df[col].dtype
    return pd.api.types.is_numeric_dtype(dt) or pd.api.types.is_bool_dtype(dt)


def metric_columns(df: pd.DataFrame, columns: Any, exclude: set[str], *, func: str = "compare",
                   name: str = "metrics") -> list[str]:
    """The metric columns: ``columns`` checked, or every numeric column not excluded.

    Raises
    ------
    MissingColumnError
        A column of ``columns`` is not in ``df``.
    ValueError
        ``columns`` is empty or names a non-numeric column; no numeric column at all.
    """
    if columns is None:
        cols = [c for c in df.columns
                if isinstance(c, str) and c not in exclude and c not in NOT_METRICS and _is_numeric(df, c)]
        if not cols and len(df.columns):
            raise ValueError("no numeric metric columns found; pass columns=[...] "
                             f"(columns: {preview(list(df.columns))})")
        return cols
    cols = [columns] if isinstance(columns, str) else list(columns)
    if not cols:
        raise ValueError("columns is empty; name at least one numeric column")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise MissingColumnError(func, missing, name=name, present=df.columns,
                                 hint=f"columns: {missing!r} not in the table")
    bad = [f"{c!r} ({df[c].dtype})" for c in cols if not _is_numeric(df, c)]
    if bad:
        raise ValueError(f"columns must be numeric; not numeric: {', '.join(bad)}")
    return list(dict.fromkeys(cols))


def metric_values(s: pd.Series) -> np.ndarray:
    """A numeric column as float64 with NA/inf as NaN."""
    arr = s.to_numpy(dtype=float, na_value=np.nan)
    arr = arr.copy() if not arr.flags.writeable else arr
    arr[~np.isfinite(arr)] = np.nan
    return arr
