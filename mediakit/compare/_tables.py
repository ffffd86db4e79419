"""The column lists of every table :mod:`mediakit.compare` returns, and empty tables with their types."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

__all__ = ["ATTENTION_COLUMNS", "EVENT_COLUMNS", "FRAMING_COLUMNS", "GROUP_COLUMNS", "KWIC_COLUMNS", "PAIRED_COLUMNS", "PAIR_COLUMNS",
           "TERM_COLUMNS", "empty_table", "rows_table"]

GROUP_COLUMNS = ["group", "metric", "n", "n_missing", "mean", "median", "sd", "ci_low", "ci_high",
                 "small_group"]
PAIR_COLUMNS = ["group_a", "group_b", "metric", "n_a", "n_b", "mean_a", "mean_b", "diff",
                "diff_ci_low", "diff_ci_high", "cliffs_delta", "magnitude", "statistic", "p_value",
                "p_adjusted", "test", "small_group"]
PAIRED_COLUMNS = ["group_a", "group_b", "metric", "n_events", "mean_a", "mean_b", "diff",
                  "diff_ci_low", "diff_ci_high", "median_diff", "share_a_higher", "share_b_higher",
                  "statistic", "p_value", "p_adjusted", "test", "few_events"]
EVENT_COLUMNS = ["event", "group", "metric", "value", "n_articles"]
TERM_COLUMNS = ["group", "other", "term", "n_words", "count_group", "count_other", "freq_group",
                "freq_other", "log_odds", "z", "rank"]
KWIC_COLUMNS = ["article_id", "outlet", "part", "start", "end", "left", "match", "right"]
ATTENTION_COLUMNS = ["period", "period_start", "group", "n_articles", "n_matching", "share_of_group",
                     "share_of_all"]
FRAMING_COLUMNS = ["rank", "kind", "subject", "group", "other", "variant", "what", "value_group", "value_other",
                   "diff", "diff_ci_low", "diff_ci_high", "effect", "effect_measure", "n_articles_group",
                   "n_articles_other", "n_mentions_group", "n_mentions_other", "unit", "statistic", "test",
                   "p_value", "p_adjusted", "significant", "supported", "within_events", "n_events", "sentence"]
"""Columns of :func:`mediakit.compare.find_framing_differences` (``rank`` is a nullable Int64)."""

_INT_COLUMNS = frozenset({"n", "n_missing", "n_a", "n_b", "n_events", "n_articles", "n_words", "count_group",
                          "count_other", "rank", "start", "end", "n_matching", "n_articles_group",
                          "n_articles_other", "n_mentions_group", "n_mentions_other"})
_FLOAT_COLUMNS = frozenset({"mean", "median", "sd", "ci_low", "ci_high", "mean_a", "mean_b", "diff", "diff_ci_low",
                            "diff_ci_high", "cliffs_delta", "statistic", "p_value", "p_adjusted", "median_diff",
                            "share_a_higher", "share_b_higher", "value", "freq_group", "freq_other", "log_odds",
                            "z", "share_of_group", "share_of_all", "value_group", "value_other", "effect"})
_BOOL_COLUMNS = frozenset({"small_group", "few_events", "significant", "supported", "within_events"})


def empty_table(columns: Sequence[str]) -> pd.DataFrame:
    """A table without rows, with the column types the filled table has.

    Examples
    --------
    >>> empty_table(["group", "n", "mean", "small_group"]).dtypes.tolist()
    [dtype('O'), dtype('int64'), dtype('float64'), dtype('bool')]
    """
    def dtype(c: str) -> str:
        if c in _INT_COLUMNS:
            return "int64"
        if c in _FLOAT_COLUMNS:
            return "float64"
        return "bool" if c in _BOOL_COLUMNS else "object"

    return pd.DataFrame({c: pd.Series([], dtype=dtype(c)) for c in columns})


def rows_table(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """The table of ``rows`` (dicts) with ``columns`` in this order; :func:`empty_table` when there is none."""
    return pd.DataFrame(rows, columns=list(columns)) if rows else empty_table(columns)
