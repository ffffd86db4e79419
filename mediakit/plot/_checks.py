"""Input checks shared by the chart functions, in :mod:`mediakit._validation`'s style.

Messages start with the chart function's name (``"metric_by_outlet(): ..."``): data that is not a
DataFrame raises :class:`TypeError`, a missing column
:class:`~mediakit._validation.MissingColumnError` (a :class:`ValueError`), an unknown option
:class:`ValueError` listing the allowed values (:func:`~mediakit._validation.check_option`); data
that cannot be drawn (no rows, several metrics and none chosen, ...) raises :class:`ValueError`.

The grouping column is ``by=`` in every chart (:func:`group_column`; the old ``outlet=`` still works
with a DeprecationWarning), a category column ``category=`` (:func:`category_and_group`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .._validation import check_columns, check_frame, check_no_kwargs, check_option, renamed, warn_deprecated
from ._palettes import outlet_key

__all__ = ["as_label", "category_and_group", "chart_data", "get_ax", "group_column", "numeric_values", "order_names",
           "outlet_labels", "pick_value", "require_columns"]

_OUTLET_HINT = ("Pass articles= (the articles table) to join each row's outlet on article_id, or by= to "
                "name the column (a 'group' column also works)")


def group_column(func: str, by: str, deprecated: dict[str, Any]) -> str:
    """The grouping column of a chart call: ``by``, or the deprecated ``outlet=`` (with a warning).

    ``deprecated`` is the chart's ``**kwargs``: an unknown keyword in it is a :class:`TypeError`,
    ``outlet=`` together with a ``by=`` other than the default too.
    """
    outlet = deprecated.pop("outlet", None)
    check_no_kwargs(deprecated, func=func)
    return renamed(func, "outlet", "by", outlet, by, default="outlet", stacklevel=3)


def category_and_group(func: str, category: str | None, by: str, deprecated: dict[str, Any], *,
                       default: str | None = None) -> tuple[str, str]:
    """``(category column, grouping column)`` of a share-table call, old call forms included.

    The old calls named the category ``by=`` and the group ``outlet=``: a call that gives ``by=``
    (other than 'outlet') and no ``category=`` is read that way, with a DeprecationWarning.
    ``default`` is the category when none is given (None: ``category=`` is required).
    """
    outlet = deprecated.pop("outlet", None)
    check_no_kwargs(deprecated, func=func)
    if category is None and by is not None and by != "outlet":
        warn_deprecated(func, f"by={by!r} naming the category column",
                        "category= (by= now names the grouping column, default 'outlet')", stacklevel=3)
        category, by = by, "outlet"
    by = renamed(func, "outlet", "by", outlet, by, default="outlet", stacklevel=3)
    if category is None:
        category = default
    if category is None:
        raise TypeError(f"{func}() missing required keyword argument: 'category'")
    return category, by


def chart_data(data: Any, func: str, *, attr: str | None = None) -> pd.DataFrame:
    """``data`` as a DataFrame (a Comparison gives its ``attr`` table).

    Raises TypeError when it is not a DataFrame, ValueError when it is empty (or the Comparison lacks
    the table).
    """
    if attr is not None and not isinstance(data, pd.DataFrame) and hasattr(data, attr):
        data = getattr(data, attr)
        if data is None:
            raise ValueError(f"{func}(): the Comparison has no {attr!r} table (compare(..., event=...) makes one)")
    check_frame(data, func=func, name="data")
    if data.empty:
        raise ValueError(f"{func}(): data has no rows: nothing to plot")
    return data


def require_columns(df: pd.DataFrame, columns: Iterable[str], func: str, hint: str = "") -> None:
    """Raise :class:`~mediakit._validation.MissingColumnError` unless ``df`` has every one of ``columns``."""
    check_columns(df, columns, func=func, name="data", hint=hint)


def get_ax(ax: Axes | None, func: str) -> Axes:
    """``ax``, or the current Axes (``plt.gca()``) when it is None."""
    if ax is None:
        return plt.gca()
    if not isinstance(ax, Axes):
        raise ValueError(f"{func}(): ax must be a matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def outlet_labels(df: pd.DataFrame, func: str, by: str | None, articles: pd.DataFrame | None) -> pd.Series:
    """The group (outlet) label of each row (strings, NA kept): a column, or joined from ``articles``.

    ``by`` 'outlet' (or None): the ``outlet`` column, else the ``group`` column (Comparison and
    attention tables), else ``outlet`` joined from ``articles`` on ``article_id``. Another ``by``: that
    column, else joined from ``articles``.
    """
    if by is not None and by != "outlet":
        if by in df.columns:
            col = df[by]
        elif articles is not None:
            col = _join_outlet(df, articles, func, by)
        else:
            require_columns(df, [by], func, "It is the grouping column (by=)")
            raise AssertionError  # pragma: no cover
    elif "outlet" in df.columns:
        col = df["outlet"]
    elif "group" in df.columns:
        col = df["group"]
    elif articles is not None:
        col = _join_outlet(df, articles, func, "outlet")
    else:
        require_columns(df, ["outlet"], func, _OUTLET_HINT)
        raise AssertionError  # pragma: no cover
    if isinstance(col.dtype, pd.StringDtype):  # str or missing already: as_label's strings, without a Python loop
        return pd.Series(col.to_numpy(dtype=object, na_value=None), index=df.index, dtype=object)
    return pd.Series([as_label(v) for v in col.tolist()], index=df.index, dtype=object)


def as_label(v: Any) -> str | None:
    """A category label as a string; None for missing values."""
    if v is None or (not isinstance(v, str) and pd.api.types.is_scalar(v) and pd.isna(v)):
        return None
    return str(v)


def _join_outlet(df: pd.DataFrame, articles: pd.DataFrame, func: str, by: str) -> pd.Series:
    """The ``by`` value (the outlet) of each row's ``article_id`` in ``articles``."""
    check_frame(articles, func=func, name="articles")
    require_columns(df, ["article_id"], func, "It is needed to join the outlet from articles=")
    check_columns(articles, ["article_id", by], func=func, name="articles",
                  hint="articles= needs them to give each row its outlet")
    lookup = articles.drop_duplicates("article_id").set_index("article_id")[by]
    return pd.Series(df["article_id"].map(lookup).to_numpy(dtype=object), index=df.index)


def numeric_values(df: pd.DataFrame, col: str, func: str) -> np.ndarray:
    """Column ``col`` as floats (NaN for missing values); ValueError when it is not numeric."""
    try:
        return pd.to_numeric(df[col], errors="raise").to_numpy(dtype=float, na_value=np.nan)
    except (ValueError, TypeError):
        raise ValueError(f"{func}(): column {col!r} must be numeric") from None


def pick_value(df: pd.DataFrame, col: str, value: Any, func: str, what: str) -> Any:
    """The value of ``col`` to plot: ``value``, or the only one present."""
    present = list(dict.fromkeys(df[col].dropna().tolist()))
    if value is None:
        if len(present) == 1:
            return present[0]
        preview = ", ".join(map(repr, present[:12])) + (", ..." if len(present) > 12 else "")
        raise ValueError(f"{func}(): data has {len(present)} {what}s; choose one with {what}= ({preview})")
    if value not in present:
        preview = ", ".join(map(repr, present[:12])) + (", ..." if len(present) > 12 else "")
        raise ValueError(f"{func}(): {what} {value!r} is not in the data; known: {preview}")
    return value


def order_names(names: Sequence[str], sort: Any, func: str, key: Mapping[str, float] | None = None,
                descending: bool = True) -> list[str]:
    """``names`` as given (``sort`` None), by name, or by ``key`` (missing values last)."""
    if sort in (None, False):
        return list(names)
    if sort == "name":
        return sorted(names, key=outlet_key)
    if key is None:
        check_option(sort, ("name", None, False), name="sort", func=func)
        raise AssertionError  # pragma: no cover (check_option raised)

    def k(n: str) -> tuple[bool, float, tuple[str, str]]:
        v = key.get(n, math.nan)
        return (math.isnan(v), -v if descending else v, outlet_key(n))

    return sorted(names, key=k)
