"""Input checks shared by every public function: one error style everywhere.

- a table that is not a pandas DataFrame -> :class:`TypeError`;
- a required column that is missing -> :class:`MissingColumnError` (a :class:`ValueError`) naming
  the function and the columns;
- an option outside its allowed values -> :class:`ValueError` listing the allowed values;
- a renamed parameter -> the old name keeps working for one release with a :class:`DeprecationWarning`
  naming the new one (:func:`renamed`); an unknown keyword -> :class:`TypeError`.

Messages start with the public function's name (``"readability(): ..."``) so that a user sees which
call failed even deep inside a notebook cell.
"""

from __future__ import annotations

import sys
import warnings

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

__all__ = ["MissingColumnError", "check_frame", "check_columns", "check_articles", "check_option",
           "article_rows", "check_bool", "check_positive_int", "is_dask_frame", "renamed", "warn_deprecated", "check_no_kwargs"]


class MissingColumnError(ValueError):
    """A table lacks a column the function needs.

    Attributes
    ----------
    func : str
        The public function that was called.
    columns : tuple of str
        The missing columns.
    """

    def __init__(self, func: str, columns: Sequence[str], *, name: str = "articles",
                 present: Iterable[Any] = (), hint: str = "") -> None:
        self.func = func
        self.columns = tuple(columns)
        have = ", ".join(map(str, present))
        msg = (f"{func}(): {name} lacks column(s) {', '.join(map(repr, self.columns))}; "
               f"it has [{have}]")
        super().__init__(msg + (f". {hint}" if hint else ""))


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


#: Public functions with a Dask version in :mod:`mediakit.dask` (named in the error for a Dask frame).
DASK_FUNCTIONS = frozenset({"analyze", "word_choice", "extract_attributions", "distinctive_terms"})


def check_frame(obj: Any, *, func: str, name: str = "articles") -> pd.DataFrame:
    """Return ``obj`` if it is a pandas DataFrame, else raise :class:`TypeError`.

    A Dask DataFrame gets a message pointing to ``mediakit.dask.<func>`` when that exists
    (:data:`DASK_FUNCTIONS`), else to ``.compute()``.
    """
    if is_dask_frame(obj):
        hint = (f"use mediakit.dask.{func} (or .compute() it first)" if func in DASK_FUNCTIONS
                else ".compute() it first")
        raise TypeError(f"{func}(): {name} is a Dask DataFrame; {hint}")
    if not isinstance(obj, pd.DataFrame):
        raise TypeError(f"{func}(): {name} must be a pandas DataFrame, got {type(obj).__name__}")
    return obj


def check_columns(df: pd.DataFrame, columns: Iterable[str], *, func: str, name: str = "articles",
                  hint: str = "") -> pd.DataFrame:
    """Raise :class:`MissingColumnError` unless every one of ``columns`` is in ``df``."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise MissingColumnError(func, missing, name=name, present=df.columns, hint=hint)
    return df


_ARTICLES_HINT = "Load articles with mediakit.load_articles() or add the columns."


def check_articles(df: Any, *, func: str, required: Sequence[str] = ("article_id", "text"),
                   name: str = "articles", unique_id: bool = True) -> pd.DataFrame:
    """Check an articles table: a DataFrame, with ``required`` columns, ``article_id`` unique.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame.
    MissingColumnError
        If a required column is missing.
    ValueError
        If ``article_id`` repeats (when ``unique_id``).
    """
    check_frame(df, func=func, name=name)
    check_columns(df, required, func=func, name=name, hint=_ARTICLES_HINT)
    if unique_id and "article_id" in df.columns:
        dup = df["article_id"].duplicated()
        if dup.any():
            raise ValueError(f"{func}(): article_id must be unique; repeated: "
                             f"{df.loc[dup, 'article_id'].head(5).tolist()}")
    return df


def article_rows(table: pd.DataFrame, ids: Sequence[Any], *, func: str, name: str,
                 columns: Sequence[str] = ()) -> list[int]:
    """The position in ``ids`` of the article of each row of a long ``table`` (its ``article_id``, compared as
    ``str``), after checking ``table``: a DataFrame with ``article_id`` and ``columns``.

    Raises
    ------
    TypeError
        If ``table`` is not a DataFrame.
    MissingColumnError
        If a column is missing.
    ValueError
        If ``ids`` repeat, or a row's article is not among them.

    Examples
    --------
    >>> article_rows(pd.DataFrame({"article_id": ["b", "a", "b"]}), ["a", "b"], func="f", name="t")
    [1, 0, 1]
    """
    check_frame(table, func=func, name=name)
    check_columns(table, ("article_id", *columns), func=func, name=name)
    position = {str(a): k for k, a in enumerate(ids)}
    if len(position) != len(ids):
        raise ValueError(f"{func}(): the articles' ids must be unique to read their {name}")
    out = []
    for aid in table["article_id"].tolist():
        k = None if aid is None or aid is pd.NA else position.get(str(aid))
        if k is None:
            raise ValueError(f"{func}(): {name} has rows of article {aid!r}, which is not among the articles")
        out.append(k)
    return out


def check_option(value: Any, allowed: Collection[Any], *, name: str, func: str) -> Any:
    """Return ``value`` if it is one of ``allowed``, else raise :class:`ValueError` listing them."""
    try:
        ok = value in allowed
    except TypeError:  # unhashable value against a set
        ok = False
    if not ok:
        raise ValueError(f"{func}(): {name} must be one of {', '.join(map(repr, allowed))}; got {value!r}")
    return value


def check_bool(value: Any, *, name: str, func: str, allow_none: bool = False) -> bool | None:
    """Return ``value`` if it is True or False (or None when ``allow_none``), else raise TypeError."""
    if value is None and allow_none:
        return None
    if not isinstance(value, bool):
        allowed = "True, False or None" if allow_none else "True or False"
        raise TypeError(f"{func}(): {name} must be {allowed}, got {value!r}")
    return value


def check_positive_int(value: Any, *, name: str, func: str, minimum: int = 1) -> int:
    """Return ``value`` as an int if it is an integer >= ``minimum``, else raise ValueError/TypeError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{func}(): {name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{func}(): {name} must be >= {minimum}, got {value}")
    return value


_NO_DEFAULT: Any = object()


def warn_deprecated(func: str, what: str, instead: str, *, stacklevel: int = 2) -> None:
    """Warn ``"<func>(): <what> is deprecated, use <instead>"`` (a :class:`DeprecationWarning`).

    ``stacklevel`` counts as for :func:`warnings.warn` called where this is called: 2 (the default)
    points the warning at the caller of the function that calls this.
    """
    warnings.warn(f"{func}(): {what} is deprecated, use {instead}", DeprecationWarning, stacklevel=stacklevel + 1)


def _same(value: Any, default: Any) -> bool:
    """``value`` is ``default`` (or an equal value of the same type: a Series is never "the default")."""
    if default is _NO_DEFAULT:
        return False
    try:
        return value is default or (type(value) is type(default) and bool(value == default))
    except (TypeError, ValueError):
        return False


def renamed(func: str, old: str, new: str, old_value: Any, new_value: Any, *, sentinel: Any = None,
            default: Any = _NO_DEFAULT, stacklevel: int = 2) -> Any:
    """The value of a renamed parameter: ``new_value``, or ``old_value`` with a DeprecationWarning.

    Parameters
    ----------
    func : str
        The public function (named in the messages).
    old, new : str
        The deprecated and the new parameter name.
    old_value, new_value
        What the caller passed; ``sentinel`` means "not given". ``new_value`` also counts as
        not given when it is ``default`` (the new parameter's default value).
    sentinel : optional
        The "not given" marker, default None.
    default : optional
        The new parameter's default value.
    stacklevel : int, default 2
        As for :func:`warnings.warn` called where this is called: 2 points the warning at the
        caller of the public function that calls this (3 from a helper of that function).

    Returns
    -------
    object
        ``old_value`` when only the old name was given (after warning
        ``"<func>(): <old>= is deprecated, use <new>="``), else ``new_value``.

    Raises
    ------
    TypeError
        If both names were given.

    Examples
    --------
    >>> import warnings
    >>> renamed("compare", "metrics_cols", "columns", None, ["tone"])
    ['tone']
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     renamed("compare", "metrics_cols", "columns", ["tone"], None)
    ['tone']
    >>> str(caught[0].message)
    'compare(): metrics_cols= is deprecated, use columns='
    """
    if old_value is sentinel:
        return new_value
    if new_value is not sentinel and not _same(new_value, default):
        raise TypeError(f"{func}(): got both {old}= (deprecated) and {new}=; pass only {new}=")
    warn_deprecated(func, f"{old}=", f"{new}=", stacklevel=stacklevel + 1)
    return old_value


def check_no_kwargs(kwargs: Mapping[str, Any], *, func: str) -> None:
    """Raise :class:`TypeError` (as Python does) for a keyword left after the deprecated ones were taken.

    Examples
    --------
    >>> check_no_kwargs({}, func="compare")
    >>> check_no_kwargs({"colums": ["tone"]}, func="compare")
    Traceback (most recent call last):
    ...
    TypeError: compare() got an unexpected keyword argument 'colums'
    """
    if kwargs:
        raise TypeError(f"{func}() got an unexpected keyword argument {next(iter(kwargs))!r}")
