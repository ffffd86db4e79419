"""Plain words for the rows of :func:`mediakit.compare.find_framing_differences` (no HTML, not escaped)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

__all__ = ["OTHERS", "difference_sentence", "pvalue_text", "what_text"]

#: The other side of a comparison of one outlet with all the others.
OTHERS = "the other outlets"

#: How the article metrics read as loaded language are named in a sentence.
_METRIC_WORDS = {
    "wc_loaded_per1k": "loaded words in its own voice (outside quotations)",
    "wc_subjective_per1k": "subjective words",
    "wc_intensifier_per1k": "intensifiers",
    "wc_hedge_per1k": "hedges",
}


def _finite(x: Any) -> bool:
    try:
        return x is not None and math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def _value(x: Any) -> float:
    """``x`` as a float, −inf when missing (sorts last)."""
    return float(x) if _finite(x) else -math.inf


def _pct(x: Any) -> str:
    return f"{100 * float(x):.0f}%" if _finite(x) else "n/a"


def _num(x: Any) -> str:
    return f"{float(x):.2f}".replace("-", "−") if _finite(x) else "n/a"


def _words(x: Any) -> str:
    return str(x).replace("_", " ")


def pvalue_text(p: Any) -> str:
    """'< 0.001', '= 0.012' or 'n/a'.

    Examples
    --------
    >>> pvalue_text(0.0004), pvalue_text(0.0123), pvalue_text(float("nan"))
    ('< 0.001', '= 0.012', 'n/a')
    """
    if not _finite(p):
        return "n/a"
    return "< 0.001" if float(p) < 0.001 else f"= {float(p):.3f}"


def what_text(row: Mapping[str, Any]) -> str:
    """What differs, briefly: '"regime": 62% vs 18%' or 'mean 3.10 vs 2.20'.

    Examples
    --------
    >>> what_text({"kind": "label_share", "variant": "regime", "value_group": 0.62, "value_other": 0.18})
    '“regime”: 62% vs 18%'
    """
    if row.get("variant") is not None and isinstance(row.get("variant"), str):
        return f"“{_words(row['variant'])}”: {_pct(row.get('value_group'))} vs {_pct(row.get('value_other'))}"
    return f"mean {_num(row.get('value_group'))} vs {_num(row.get('value_other'))}"


def _oriented(row: Mapping[str, Any]) -> tuple[tuple[str, Any, int, int], tuple[str, Any, int, int]]:
    """(name, value, mentions, articles) of the side with the higher value first, then the other."""
    a = (str(row["group"]), row.get("value_group"), int(row.get("n_mentions_group") or 0),
         int(row.get("n_articles_group") or 0))
    b = (str(row["other"]), row.get("value_other"), int(row.get("n_mentions_other") or 0),
         int(row.get("n_articles_other") or 0))
    if b[0] == OTHERS:  # "the other outlets" never lead a sentence: the outlet comes first
        return a, b
    va = _value(a[1])
    vb = _value(b[1])
    return (a, b) if va >= vb else (b, a)


def _body(row: Mapping[str, Any]) -> str:
    kind = row["kind"]
    (hi, v_hi, m_hi, n_hi), (lo, v_lo, m_lo, n_lo) = _oriented(row)
    subject, variant = _words(row["subject"]), _words(row.get("variant"))
    if kind == "label_share":
        return (f"{hi} writes “{variant}” in {_pct(v_hi)} of its {m_hi:,} matches of the word family "
                f"“{subject}” ({n_hi:,} articles), {lo} in {_pct(v_lo)} of {m_lo:,} ({n_lo:,} articles)")
    if kind == "actor_label":
        return (f"{hi} calls {subject} “{variant}” in {_pct(v_hi)} of its {m_hi:,} labelled mentions "
                f"({n_hi:,} articles), {lo} in {_pct(v_lo)} of {m_lo:,} ({n_lo:,} articles)")
    if kind == "source_role":
        return (f"{hi} gives {variant} sources {_pct(v_hi)} of its {m_hi:,} attributions ({n_hi:,} articles), "
                f"{lo} {_pct(v_lo)} of {m_lo:,} ({n_lo:,} articles)")
    if kind == "partisan":
        return (f"{variant} politicians are {_pct(v_hi)} of the {m_hi:,} quoted politicians with a known party "
                f"in {hi} ({n_hi:,} articles), {_pct(v_lo)} of {m_lo:,} in {lo} ({n_lo:,} articles)")
    if _finite(v_hi) and _finite(v_lo) and float(v_hi) == float(v_lo) and kind in ("actor_sentiment",
                                                                               "loaded_language"):
        what = f"sentiment toward {subject}" if kind == "actor_sentiment" else \
            _METRIC_WORDS.get(str(row["subject"]), subject)
        return f"{hi} and {lo} do not differ on {what}: {_num(v_hi)} vs {_num(v_lo)} ({n_hi:,} and {n_lo:,} articles)"
    higher = _value(v_hi) >= _value(v_lo)  # False only against "the other outlets"
    if kind == "actor_sentiment":
        return (f"sentences about {subject} are more {'positive' if higher else 'negative'} in {hi} than in "
                f"{lo}: mean score {_num(v_hi)} vs {_num(v_lo)}, means over {n_hi:,} and {n_lo:,} articles")
    what = _METRIC_WORDS.get(str(row["subject"]), subject)
    return (f"{hi} uses {'more' if higher else 'fewer'} {what} than {lo}: {_num(v_hi)} vs {_num(v_lo)} per 1,000 "
            f"words, means over {n_hi:,} and {n_lo:,} articles")


def _gap_text(row: Mapping[str, Any]) -> str:
    """', a gap of 52 points (95% CI 38 to 66)' for shares, oriented like the sentence; '' otherwise."""
    if not isinstance(row.get("variant"), str) or not _finite(row.get("diff")):
        return ""
    diff, lo, hi = float(row["diff"]), row.get("diff_ci_low"), row.get("diff_ci_high")
    first_is_group = _oriented(row)[0][0] == str(row["group"])
    sign = 1.0 if first_is_group else -1.0
    out = f", a gap of {100 * sign * diff:.0f} points".replace("-", "−")
    if _finite(lo) and _finite(hi):
        a, b = sorted((100 * sign * _value(lo), 100 * sign * _value(hi)))
        out += f" (95% CI {a:.0f} to {b:.0f})".replace("-", "−")
    return out


def difference_sentence(row: Mapping[str, Any]) -> str:
    """One row of the framing-differences table in plain words, with its support and tests.

    Examples
    --------
    >>> difference_sentence({"kind": "label_share", "subject": "migrant_labels", "group": "Fox News",
    ...     "other": "HuffPost", "variant": "illegal immigrants", "value_group": 0.64, "value_other": 0.12,
    ...     "n_mentions_group": 53, "n_articles_group": 31, "n_mentions_other": 40, "n_articles_other": 22,
    ...     "diff": 0.52, "diff_ci_low": 0.38, "diff_ci_high": 0.66, "effect": 0.52,
    ...     "effect_measure": "Cramér's V", "p_value": 0.0005, "p_adjusted": 0.004,
    ...     "supported": True, "within_events": False})  # doctest: +NORMALIZE_WHITESPACE
    'Fox News writes “illegal immigrants” in 64% of its 53 matches of the word family “migrant labels”
    (31 articles), HuffPost in 12% of 40 (22 articles) (Cramér’s V = 0.52, a gap of 52 points
    (95% CI 38 to 66); permutation p < 0.001, adjusted p = 0.004).'
    """
    if not row.get("supported"):
        return (f"{row['group']} vs {row['other']} on {_words(row['subject'])}: too few "
                f"{row.get('unit') or 'observations'} to test ({int(row.get('n_mentions_group') or 0):,} and "
                f"{int(row.get('n_mentions_other') or 0):,}, in {int(row.get('n_articles_group') or 0):,} and "
                f"{int(row.get('n_articles_other') or 0):,} articles).")
    body = _body(row)
    measure = {"Cliff's delta": "Cliff’s δ", "Cramér's V": "Cramér’s V"}.get(str(row.get("effect_measure")), "effect")
    size = abs(float(row["effect"])) if _finite(row.get("effect")) else None  # the sentence names the higher first
    effect = f"{measure} = {_num(size)}" + _gap_text(row)
    within = f", within {int(row.get('n_events') or 0):,} shared events" if row.get("within_events") else ""
    tests = (f"{effect}; permutation p {pvalue_text(row.get('p_value'))}, adjusted p "
             f"{pvalue_text(row.get('p_adjusted'))}{within}")
    return f"{body[0].upper()}{body[1:]} ({tests})."
