"""Who gets to speak, per outlet: shares of source roles and the partisan balance of quoted politicians.

Both tables count attributions (one row of :func:`mediakit.extract_attributions` each) and give
every share a **cluster bootstrap** confidence interval: articles, not attributions, are
resampled (with replacement, within each group), because the quotes of one article are not
independent draws — one long interview can fill an article with the same source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import MissingColumnError, check_columns, check_frame
from ._stats import MAX_CELLS, check_boot, percentile_ci, seeded_rng
from ._tables import empty_table

__all__ = ["PARTISAN_COLUMNS", "SHARE_COLUMNS", "cluster_bootstrap", "partisan_balance", "source_shares"]

SHARE_COLUMNS = ["group", "value", "count", "total", "share", "ci_low", "ci_high", "n_articles", "small_group"]
"""Columns of :func:`source_shares` (``value`` is renamed to the category column)."""

PARTISAN_COLUMNS = ["group", "party_a", "party_b", "n", "n_articles", "share_a", "share_a_ci_low", "share_a_ci_high",
                    "share_b", "share_b_ci_low", "share_b_ci_high", "gap", "gap_ci_low", "gap_ci_high", "small_group"]
"""Columns of :func:`partisan_balance`."""

_NONE = "(none)"


def cluster_bootstrap(counts: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Column sums of ``n_boot`` resamples of the rows of ``counts`` (rows = articles).

    Each resample draws as many rows as there are, with replacement (multinomial weights), so a
    resampled share is ``sums[:, j] / sums.sum(axis=1)``.

    Parameters
    ----------
    counts : numpy.ndarray
        ``(n_rows, k)`` counts per article and category.
    n_boot : int
        Number of resamples.
    rng : numpy.random.Generator
        Random generator (seeded by the caller).

    Returns
    -------
    numpy.ndarray
        ``(n_boot, k)`` float sums.

    Examples
    --------
    >>> c = np.array([[1, 0], [0, 1], [2, 0]])
    >>> out = cluster_bootstrap(c, 4, np.random.default_rng(0))
    >>> out.shape, bool((out.sum(axis=1) >= 0).all())
    ((4, 2), True)
    """
    n, k = counts.shape
    out = np.zeros((n_boot, k), dtype=float)
    if n == 0 or n_boot == 0:
        return out
    rows = max(1, MAX_CELLS // n)
    cf = counts.astype(float)
    # whole counts: every sum is exact in any order, so the drawn rows are summed directly (3-4x less
    # work than the weights' product, the same sums); else the weights' product as before
    whole = bool(np.array_equal(cf, np.trunc(cf)) and n * float(np.abs(cf).max(initial=0.0)) < 2.0**53)
    for start in range(0, n_boot, rows):
        stop = min(n_boot, start + rows)
        # multinomial(n, 1/n) weights, from n uniform draws per resample (2-3x faster than rng.multinomial)
        draws = rng.integers(0, n, size=(stop - start, n))
        if whole:
            for j in range(k):
                out[start:stop, j] = cf[:, j][draws].sum(axis=1)
            continue
        draws += (np.arange(stop - start) * n)[:, None]
        weights = np.bincount(draws.ravel(), minlength=(stop - start) * n).reshape(stop - start, n)
        out[start:stop] = weights.astype(float) @ cf
    return out


def _attr_table(attributions: pd.DataFrame, by: str, articles: pd.DataFrame | None, func: str,
                columns: Sequence[str]) -> pd.DataFrame:
    """``article_id``, the group and ``columns`` of the attributions, the group joined from ``articles``."""
    df = check_columns(check_frame(attributions, func=func, name="attributions"), ["article_id", *columns],
                       func=func, name="attributions")
    if by in df.columns:
        groups = df[by]
    elif articles is not None:
        arts = check_columns(check_frame(articles, func=func), ["article_id", by], func=func)
        lookup = arts.drop_duplicates("article_id").set_index("article_id")[by]
        groups = df["article_id"].map(lookup)
    else:
        raise MissingColumnError(func, [by], name="attributions", present=df.columns,
                                 hint=f"pass articles= (with article_id and {by}) to join the group")
    out = pd.DataFrame({"article_id": df["article_id"].to_numpy(dtype=object),
                        "group": groups.to_numpy(dtype=object)})
    for c in columns:
        out[c] = df[c].to_numpy(dtype=object)
    return out[out["group"].notna()]


def _labels(values: pd.Series) -> pd.Series:
    """Category labels as strings; missing values become "(none)"."""
    return values.map(lambda v: _NONE if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v))


def source_shares(attributions: pd.DataFrame, *, category: str = "source_role", by: str = "outlet",
                  articles: pd.DataFrame | None = None, values: Sequence[str] | None = None,
                  n_boot: int = 2000, ci: float = 0.95, seed: int | None = 0, min_articles: int = 10) -> pd.DataFrame:
    """Share of each category (source role, anonymity, cue class, ...) of every group's attributions.

    Parameters
    ----------
    attributions : pandas.DataFrame
        :func:`mediakit.extract_attributions` output (``article_id`` and ``category``), with
        the group column ``by`` or ``articles=`` to join it.
    category : str, default 'source_role'
        The category column; missing values count as "(none)".
    by : str, default 'outlet'
        The group column.
    articles : pandas.DataFrame, optional
        ``article_id`` and ``by``, when the attributions do not carry the group.
    values : sequence of str, optional
        The categories to report (in this order, zeros included); default: every category
        seen, most frequent first.
    n_boot, ci, seed : int, float, int
        Cluster bootstrap (articles resampled within the group); ``n_boot=0`` skips it.
    min_articles : int, default 10
        Groups with fewer articles with attributions are flagged ``small_group``.

    Returns
    -------
    pandas.DataFrame
        One row per group and category: ``group``, the category (named ``category``),
        ``count``, ``total`` (the group's attributions), ``share``, ``ci_low``, ``ci_high``,
        ``n_articles`` (articles with at least one attribution) and ``small_group``.

    Examples
    --------
    >>> attrs = pd.DataFrame({"article_id": [1, 1, 2, 3], "outlet": ["A", "A", "A", "B"],
    ...                       "source_role": ["politician", "anonymous", "politician", "expert"]})
    >>> t = source_shares(attrs, n_boot=0)
    >>> t[["group", "source_role", "count", "total", "share"]].head(3)
      group source_role  count  total     share
    0     A  politician      2      3  0.666667
    1     A   anonymous      1      3  0.333333
    2     A      expert      0      3  0.000000
    """
    func = "source_shares"
    check_boot(n_boot, ci)
    df = _attr_table(attributions, by, articles, func, [category])
    labels = _labels(df[category])
    order = list(values) if values is not None else list(labels.value_counts(sort=True).index)
    columns = [category if c == "value" else c for c in SHARE_COLUMNS]
    if df.empty or not order:
        return empty_table(columns)
    rows: list[dict[str, Any]] = []
    for group, sub in df.assign(_label=labels).groupby("group", sort=True):
        counts = pd.crosstab(sub["article_id"], sub["_label"]).reindex(columns=order, fill_value=0)
        mat = counts.to_numpy(dtype=float)
        total = float(len(sub))
        # the denominator of a resample is every attribution of its articles, not only the listed values
        per_article = sub.groupby("article_id").size().reindex(counts.index).to_numpy(dtype=float)
        boot = (cluster_bootstrap(np.column_stack([mat, per_article]), n_boot, seeded_rng(seed, group, category))
                if n_boot else None)
        for j, value in enumerate(order):
            count = float(mat[:, j].sum())
            lo = hi = float("nan")
            if boot is not None:
                with np.errstate(divide="ignore", invalid="ignore"):
                    lo, hi = percentile_ci(boot[:, j] / boot[:, -1], ci)
            rows.append({"group": group, category: value, "count": int(count), "total": int(total),
                         "share": count / total if total else float("nan"), "ci_low": lo, "ci_high": hi,
                         "n_articles": int(len(counts)), "small_group": len(counts) < min_articles})
    return pd.DataFrame(rows, columns=columns)


def partisan_balance(attributions: pd.DataFrame, *, by: str = "outlet", articles: pd.DataFrame | None = None,
                     parties: tuple[str, str] = ("Republican", "Democratic"), unit: str = "attribution",
                     politicians_only: bool = True, n_boot: int = 2000, ci: float = 0.95, seed: int | None = 0,
                     min_articles: int = 10) -> pd.DataFrame:
    """Partisan balance of the politicians each group quotes: party shares and their gap, with CIs.

    Parameters
    ----------
    attributions : pandas.DataFrame
        :func:`mediakit.extract_attributions` output with ``party`` (and ``source_role``),
        the group column ``by`` or ``articles=`` to join it.
    by : str, default 'outlet'
        The group column.
    articles : pandas.DataFrame, optional
        ``article_id`` and ``by``, when the attributions do not carry the group.
    parties : tuple of two str, default ('Republican', 'Democratic')
        The two parties compared: ``gap = share_a - share_b``.
    unit : {'attribution', 'speaker'}, default 'attribution'
        Count every attribution, or every speaker once per article (so that one politician
        quoted ten times in one article counts once).
    politicians_only : bool, default True
        Keep only rows whose ``source_role`` is "politician" (when the column exists);
        False counts every source with a party.
    n_boot, ci, seed : int, float, int
        Cluster bootstrap over articles within each group; ``n_boot=0`` skips it.
    min_articles : int, default 10
        Groups with fewer articles quoting a politician with a party are flagged ``small_group``.

    Returns
    -------
    pandas.DataFrame
        One row per group: ``group``, ``party_a``, ``party_b``, ``n`` (attributions or speakers
        with a known party), ``n_articles``, ``share_a`` / ``share_b`` (of ``n``) with
        ``_ci_low`` / ``_ci_high``, ``gap`` with ``gap_ci_low`` / ``gap_ci_high``, ``small_group``.

    Examples
    --------
    >>> attrs = pd.DataFrame({"article_id": [1, 1, 2, 3], "outlet": ["A"] * 4,
    ...                       "source_role": ["politician"] * 4,
    ...                       "party": ["Republican", "Republican", "Democratic", None]})
    >>> t = partisan_balance(attrs, n_boot=0)
    >>> t[["group", "n", "share_a", "share_b", "gap"]].round(3)
      group  n  share_a  share_b    gap
    0     A  3    0.667    0.333  0.333
    """
    func = "partisan_balance"
    check_boot(n_boot, ci)
    if unit not in ("attribution", "speaker"):
        raise ValueError(f"{func}(): unit must be 'attribution' or 'speaker', got {unit!r}")
    if len(parties) != 2 or parties[0] == parties[1]:
        raise ValueError(f"{func}(): parties must be two different party names, got {parties!r}")
    extra = [c for c in ("source_role", "speaker") if c in getattr(attributions, "columns", ())]
    df = _attr_table(attributions, by, articles, func, ["party", *extra])
    df = df[df["party"].notna()]
    if politicians_only and "source_role" in df.columns:
        df = df[df["source_role"].astype(object) == "politician"]
    if unit == "speaker":
        who = df["speaker"] if "speaker" in df.columns else pd.Series(index=df.index, dtype=object)
        df = df.assign(_who=who.where(who.notna(), df["party"])).drop_duplicates(["article_id", "_who"])
    if df.empty:
        return empty_table(PARTISAN_COLUMNS)
    rows = [_balance_row(group, sub, parties, n_boot, ci, seed, min_articles)
            for group, sub in df.groupby("group", sort=True)]
    return pd.DataFrame(rows, columns=PARTISAN_COLUMNS)


def _balance_row(group: Any, sub: pd.DataFrame, parties: tuple[str, str], n_boot: int, ci: float,
                 seed: int | None, min_articles: int) -> dict[str, Any]:
    """One row of :func:`partisan_balance`."""
    party = sub["party"].astype(str)
    per_article = pd.DataFrame({"a": (party == parties[0]).astype(float), "b": (party == parties[1]).astype(float),
                                "n": 1.0, "article_id": sub["article_id"]}).groupby("article_id").sum()
    mat = per_article[["a", "b", "n"]].to_numpy(dtype=float)
    n = float(mat[:, 2].sum())
    share_a, share_b = mat[:, 0].sum() / n, mat[:, 1].sum() / n
    row: dict[str, Any] = {"group": group, "party_a": parties[0], "party_b": parties[1], "n": int(n),
                           "n_articles": int(len(mat)), "share_a": share_a, "share_b": share_b,
                           "gap": share_a - share_b, "small_group": len(mat) < min_articles}
    nan2 = (float("nan"), float("nan"))
    cis = {"share_a": nan2, "share_b": nan2, "gap": nan2}
    if n_boot:
        boot = cluster_bootstrap(mat, n_boot, seeded_rng(seed, group, "party", *parties))
        with np.errstate(divide="ignore", invalid="ignore"):
            a, b = boot[:, 0] / boot[:, 2], boot[:, 1] / boot[:, 2]
        cis = {"share_a": percentile_ci(a, ci), "share_b": percentile_ci(b, ci), "gap": percentile_ci(a - b, ci)}
    for key, (lo, hi) in cis.items():
        row[f"{key}_ci_low"], row[f"{key}_ci_high"] = lo, hi
    return row
