"""Plain-language names of metric columns, for charts, tables and the report (one table: :mod:`mediakit._labels`)."""

from __future__ import annotations

from .._labels import COLUMN_LABELS, PERCENT_PREFIXES, column_label

__all__ = ["METRIC_LABELS", "PERCENT_PREFIXES", "metric_label"]

#: Plain-language names of the metrics the report talks about (the one label table of mediakit).
METRIC_LABELS: dict[str, str] = COLUMN_LABELS


def metric_label(metric: str) -> str:
    """The plain-language name of a metric column (see :func:`mediakit._labels.column_label`).

    Examples
    --------
    >>> metric_label("tone"), metric_label("wc_regime_per1k")
    ('tone (positive minus negative words, % of words)', '“regime” per 1,000 words')
    """
    return column_label(metric)
