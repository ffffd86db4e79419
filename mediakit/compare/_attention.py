"""Attention over time: articles per period and group, or articles matching a term."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._progress import progress_bar
from .._validation import check_bool, check_columns, check_frame
from ._groups import group_labels, group_order
from ._tables import ATTENTION_COLUMNS, empty_table
from ._texts import part_texts, term_pattern

__all__ = ["attention"]


def attention(articles: pd.DataFrame, by: str | pd.Series | None = "outlet", freq: str = "W", *,
              query: str | None = None, regex: bool = False, case: bool = False,
              columns: Sequence[str] = ("title", "text"), progress: bool | None = None) -> pd.DataFrame:
    """Articles per period and group, or articles matching a term — attention over time.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table with ``published`` (UTC datetimes; naive times are taken
        as UTC, strings are parsed).
    by : str, pandas.Series or None, default 'outlet'
        Grouping column; None puts every article in one group 'all'. Rows
        without a group are left out (``attrs["missing_group"]``).
    freq : str, default 'W'
        pandas period frequency: 'D', 'W' (weeks ending Sunday), 'M', 'Q', 'Y', ...
    query : str, optional
        Count articles whose ``columns`` match this term (whole words, case
        ignored, see :func:`term_pattern`) or, with ``regex=True``, pattern.
        Without a query every article matches.
    regex, case : bool, default False
        As in :func:`kwic`.
    columns : sequence of str, default ('title', 'text')
        Columns searched for ``query``.
    progress : bool, optional
        A progress bar over the articles searched for ``query``; default: in
        terminals and notebooks, not under CI (see :mod:`mediakit._progress`).

    Returns
    -------
    pandas.DataFrame
        One row per period (every period from the first to the last dated
        article, empty ones included) and group: ``period`` (pandas Period),
        ``period_start`` (UTC timestamp), ``group``, ``n_articles``,
        ``n_matching``, ``share_of_group`` (n_matching / the group's articles in
        the period; NaN when it has none), ``share_of_all`` (n_matching / all
        groups' articles in the period). Articles without a date are not in
        the rows but counted: ``attrs["undated"]`` (articles),
        ``attrs["undated_matching"]`` and ``attrs["undated_by_group"]``.

    Raises
    ------
    TypeError
        ``articles`` is not a pandas DataFrame.
    MissingColumnError
        No ``published`` column, ``by`` or (with ``query``) a column of
        ``columns`` not in the table (a :class:`ValueError`).
    ValueError
        ``published`` not readable as dates, a bad ``freq``, an empty
        ``query`` or an invalid regular expression.
    TypeError
        ``progress`` is not a bool or None.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"outlet": ["A", "A", "B", "B"],
    ...     "published": pd.to_datetime(["2025-01-06", "2025-01-20", "2025-01-07", None], utc=True),
    ...     "title": ["Truce", "Budget", "Truce talks", "Truce"], "text": ["", "", "", ""]})
    >>> att = attention(arts, freq="W", query="truce")
    >>> cols = ["period", "group", "n_articles", "n_matching", "share_of_group", "share_of_all"]
    >>> print(att[cols].to_string())
                      period group  n_articles  n_matching  share_of_group  share_of_all
    0  2025-01-06/2025-01-12     A           1           1             1.0           0.5
    1  2025-01-06/2025-01-12     B           1           1             1.0           0.5
    2  2025-01-13/2025-01-19     A           0           0             NaN           NaN
    3  2025-01-13/2025-01-19     B           0           0             NaN           NaN
    4  2025-01-20/2025-01-26     A           1           0             0.0           0.0
    5  2025-01-20/2025-01-26     B           0           0             NaN           0.0
    >>> att.attrs["undated"], att.attrs["undated_matching"]
    (1, 1)
    """
    check_frame(articles, func="attention")
    check_bool(progress, name="progress", func="attention", allow_none=True)
    check_columns(articles, ["published"], func="attention", hint="attention needs a 'published' column of dates")
    if by is None:
        labels = pd.Series("all", index=articles.index, dtype=object)
    else:
        labels, _ = group_labels(articles, by, "by", func="attention")
    periods = _periods(articles["published"], freq)
    matching = _matching(articles, query, regex=regex, case=case, columns=columns, progress=progress)
    order = group_order(labels, None)
    has_group = labels.notna().to_numpy(dtype=bool) if len(labels) else np.zeros(0, dtype=bool)
    dated = periods.notna().to_numpy(dtype=bool) if len(periods) else np.zeros(0, dtype=bool)
    attrs = _undated_attrs(labels, has_group, dated, matching)
    attrs.update({"freq": freq, "query": query})
    use = has_group & dated
    out = _period_table(periods[use], labels[use], matching[use], order) if use.any() \
        else empty_table(ATTENTION_COLUMNS)
    out.attrs.update(attrs)
    return out


def _periods(pub: pd.Series, freq: str) -> pd.Series:
    """The ``published`` column as periods of ``freq`` (UTC; naive times taken as UTC, strings parsed)."""
    if not isinstance(pub.dtype, pd.DatetimeTZDtype) and not pd.api.types.is_datetime64_any_dtype(pub.dtype):
        try:
            pub = pd.to_datetime(pub, utc=True, errors="raise", format="mixed")
        except (ValueError, TypeError) as exc:
            raise ValueError(f"'published' could not be read as dates: {exc}") from None
    if isinstance(pub.dtype, pd.DatetimeTZDtype):
        pub = pub.dt.tz_convert("UTC").dt.tz_localize(None)
    try:
        return pub.dt.to_period(freq)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"freq={freq!r} is not a pandas period frequency ('D', 'W', 'M', 'Q', 'Y'): {exc}") \
            from None


def _matching(articles: pd.DataFrame, query: str | None, *, regex: bool, case: bool,
              columns: Sequence[str], progress: bool | None) -> np.ndarray:
    """Which articles match ``query`` in their ``columns`` (all of them without a query)."""
    if query is None:
        return np.ones(len(articles), dtype=bool)
    pattern = term_pattern(query, regex=regex, case=case)
    cols = [columns] if isinstance(columns, str) else list(columns)
    texts = part_texts(articles, cols, func="attention")
    return np.array([pattern.search(t) is not None
                     for t in progress_bar(texts, desc="attention", unit="article", enabled=progress, min_items=2)],
                    dtype=bool)


def _undated_attrs(labels: pd.Series, has_group: np.ndarray, dated: np.ndarray,
                   matching: np.ndarray) -> dict[str, Any]:
    """The counts of the articles left out of the rows: undated (in all, matching, per group), without a group."""
    undated = has_group & ~dated
    lab_list = labels.tolist()
    undated_by_group: dict[Any, int] = {}
    for i in np.flatnonzero(undated):
        undated_by_group[lab_list[i]] = undated_by_group.get(lab_list[i], 0) + 1
    return {"undated": int(undated.sum()), "undated_matching": int((undated & matching).sum()),
            "undated_by_group": undated_by_group, "missing_group": int((~has_group).sum())}


def _period_table(per: pd.Series, labels: pd.Series, matching: np.ndarray, order: list[Any]) -> pd.DataFrame:
    """Counts and shares per period (every one from the first to the last) and group, of dated grouped articles."""
    all_periods = pd.period_range(per.min(), per.max(), freq=per.dt.freq)
    frame = pd.DataFrame({"period": per.to_numpy(), "group": labels.to_numpy(),
                          "match": matching.astype(np.int64)})
    counts = frame.groupby(["period", "group"], sort=False).agg(n_articles=("match", "size"),
                                                                n_matching=("match", "sum"))
    grid = pd.MultiIndex.from_product([all_periods, order], names=["period", "group"])
    counts = counts.reindex(grid, fill_value=0)
    out = counts.reset_index()
    out["n_articles"] = out["n_articles"].astype(np.int64)
    out["n_matching"] = out["n_matching"].astype(np.int64)
    period_total = out.groupby("period", sort=False)["n_articles"].transform("sum").to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        n_art = out["n_articles"].to_numpy(dtype=float)
        n_match = out["n_matching"].to_numpy(dtype=float)
        out["share_of_group"] = np.where(n_art > 0, n_match / n_art, np.nan)
        out["share_of_all"] = np.where(period_total > 0, n_match / period_total, np.nan)
    out["period_start"] = pd.PeriodIndex(out["period"]).start_time.tz_localize("UTC")
    return out[ATTENTION_COLUMNS]
