"""Plain-language names of metric columns, for charts, tables and the report."""

from __future__ import annotations

__all__ = ["METRIC_LABELS", "PERCENT_PREFIXES", "metric_label"]

#: Plain-language names of the metrics the report talks about.
METRIC_LABELS: dict[str, str] = {
    "sent_mean_compound": "mean sentence sentiment (VADER compound)",
    "sent_median_compound": "median sentence sentiment (VADER compound)",
    "sent_share_negative": "share of negative sentences",
    "sent_share_positive": "share of positive sentences",
    "sent_headline_compound": "headline sentiment (VADER compound)",
    "tone": "tone (positive minus negative words, % of words)",
    "read_flesch_reading_ease": "Flesch reading ease (higher = easier)",
    "read_flesch_kincaid_grade": "Flesch–Kincaid grade level",
    "wc_hedge_per1k": "hedges per 1,000 words",
    "wc_intensifier_per1k": "intensifiers per 1,000 words",
    "wc_subjective_per1k": "subjective words per 1,000 words",
    "wc_loaded_per1k": "loaded words per 1,000 words (own voice)",
    "wc_loaded_quote_per1k": "loaded words in quotations per 1,000 words",
    "attr_share_direct": "share of attributions that are direct quotes",
    "attr_share_anonymous": "share of anonymous attributions",
    "words": "article length (words)",
}
#: Prefixes of metrics that are shares (shown as percentages).
PERCENT_PREFIXES = ("sent_share_", "attr_share_", "attr_type_", "attr_class_")


def metric_label(metric: str) -> str:
    """The plain-language name of a metric column (the column name when unknown).

    Examples
    --------
    >>> metric_label("tone"), metric_label("wc_regime_per1k")
    ('tone (positive minus negative words, % of words)', 'wc regime per1k')
    """
    return METRIC_LABELS.get(metric, metric.replace("_", " "))
