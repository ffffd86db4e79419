"""One table of human names for mediakit's columns: every chart axis, legend and report sentence reads it.

:data:`COLUMN_LABELS` names the fixed columns (with their unit or direction); :func:`column_label`
also names the families of columns whose names carry a value — ``wc_<variant>_per1k``,
``attr_role_<role>_share``, ``attr_type_<type>``, ``attr_class_<class>``, ``attr_party_<party>`` —
and falls back to the name with spaces for underscores, so no raw column name reaches a reader.
"""

from __future__ import annotations

import re

__all__ = ["COLUMN_LABELS", "PERCENT_PREFIXES", "column_label"]

#: Human names of mediakit's columns (metrics of ``analyze``, chart values, table counts).
COLUMN_LABELS: dict[str, str] = {
    # sentiment
    "sent_mean_compound": "mean sentence sentiment (VADER compound)",
    "sent_median_compound": "median sentence sentiment (VADER compound)",
    "sent_share_negative": "share of negative sentences",
    "sent_share_positive": "share of positive sentences",
    "sent_headline_compound": "headline sentiment (VADER compound)",
    "compound": "sentiment (VADER compound)",
    "tone": "tone (positive minus negative words, % of words)",
    "score": "sentiment toward the actor",
    "mean_score": "sentiment toward the actor (article means)",
    # readability
    "read_flesch_reading_ease": "Flesch reading ease (higher = easier)",
    "read_flesch_kincaid_grade": "Flesch–Kincaid grade level (higher = harder)",
    "read_gunning_fog": "Gunning fog index (higher = harder)",
    "read_smog": "SMOG grade (higher = harder)",
    "read_coleman_liau": "Coleman–Liau index (higher = harder)",
    "read_ari": "Automated readability index (higher = harder)",
    "read_dale_chall": "Dale–Chall score (higher = harder)",
    # word choice
    "wc_hedge_per1k": "hedges per 1,000 words",
    "wc_intensifier_per1k": "intensifiers per 1,000 words",
    "wc_subjective_per1k": "subjective words per 1,000 words",
    "wc_loaded_per1k": "loaded words per 1,000 words (own voice)",
    "wc_loaded_quote_per1k": "loaded words in quotations per 1,000 words",
    # sources
    "attr_share_direct": "share of attributions that are direct quotes",
    "attr_share_anonymous": "share of anonymous attributions",
    "attr_anonymous_share": "share of attributions to anonymous sources",
    # sizes and counts
    "words": "article length (words)",
    "n_articles": "articles",
    "share_of_group": "share of the outlet's articles",
    "share_of_all": "share of all articles",
    "n_matching": "matching articles",
}

#: Prefixes of metrics that are shares (shown as percentages).
PERCENT_PREFIXES = ("sent_share_", "attr_share_", "attr_type_", "attr_class_", "attr_role_", "attr_anonymous_share")

_FAMILIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"wc_(.+)_per1k"), "“{}” per 1,000 words"),
    (re.compile(r"attr_role_(.+)_share"), "share of attributions: {} sources"),
    (re.compile(r"attr_type_(.+)"), "share of attributions: {} sources (source type)"),
    (re.compile(r"attr_class_(.+)"), "share of attributions with a {} cue"),
    (re.compile(r"attr_party_(.+)"), "quoted {} politicians"),
)


def column_label(name: str) -> str:
    """The human name of a column: from :data:`COLUMN_LABELS`, a column family, or with spaces.

    Parameters
    ----------
    name : str
        A column name of a mediakit table (``tone``, ``wc_regime_per1k``, ...).

    Returns
    -------
    str
        The name a reader sees in charts, the report and notebooks (with its unit or direction).

    Examples
    --------
    >>> column_label("tone")
    'tone (positive minus negative words, % of words)'
    >>> column_label("wc_opposition_fighters_per1k"), column_label("attr_role_police_military_share")
    ('“opposition fighters” per 1,000 words', 'share of attributions: police military sources')
    >>> column_label("some__odd_name")
    'some: odd name'
    """
    known = COLUMN_LABELS.get(name)
    if known is not None:
        return known
    for pattern, template in _FAMILIES:
        m = pattern.fullmatch(name)
        if m:
            return template.format(m.group(1).replace("_", " "))
    return name.replace("__", ": ").replace("_", " ")
