"""Comparing outlets: group statistics, pairwise tests, distinctive terms, keywords in context.

Everything here returns tidy pandas tables and never modifies its input.

* :func:`compare` — per group and metric: n, mean, median, sd and a percentile
  bootstrap CI of the mean; per pair of groups and metric: difference of means
  with a bootstrap CI, Cliff's delta with its magnitude label, a Mann–Whitney U
  (or permutation) test and p-values corrected across the whole table (Holm or
  Benjamini–Hochberg). With ``event=`` it also compares groups *within events*
  (paired differences over the events both covered) so that a different topic
  mix is not mistaken for different framing.
* :func:`distinctive_terms` — words and bigrams that set a group apart: the
  log-odds ratio with an informative Dirichlet prior and its z-score (Monroe,
  Colaresi & Quinn 2008).
* :func:`kwic` — keyword-in-context rows, to read the sentences behind a number.
* :func:`attention` — how many articles (or articles matching a term) each group
  published per period.
* Building blocks, usable alone: :func:`bootstrap_ci`, :func:`cliffs_delta`,
  :func:`cliffs_magnitude`, :func:`mann_whitney`, :func:`wilcoxon_signed_rank`,
  :func:`permutation_test`, :func:`sign_flip_test`, :func:`adjust_pvalues`,
  :func:`stop_words`, :func:`term_pattern`.

Only numpy and pandas are used (no scipy). The method, formulas and references
are in ``docs/compare.md``.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ._resources import read_resource_text
from ._tokens import WORD_RE

__all__ = [
    "Comparison",
    "TestResult",
    "adjust_pvalues",
    "attention",
    "bootstrap_ci",
    "cliffs_delta",
    "cliffs_magnitude",
    "compare",
    "distinctive_terms",
    "kwic",
    "mann_whitney",
    "permutation_test",
    "sign_flip_test",
    "stop_words",
    "term_pattern",
    "wilcoxon_signed_rank",
]

#: Romano et al. (2006) thresholds on |Cliff's delta|: below 0.147 negligible,
#: below 0.33 small, below 0.474 medium, otherwise large.
CLIFF_THRESHOLDS: tuple[tuple[float, str], ...] = ((0.147, "negligible"), (0.33, "small"), (0.474, "medium"))

_TESTS = ("mannwhitney", "permutation")
_CORRECTIONS = ("holm", "fdr_bh", "bonferroni", None)
#: Columns of mediakit.analyze's output that are never metrics.
_NOT_METRICS = frozenset({"article_id", "outlet", "published", "source_record", "year"})
_MAX_CELLS = 2_000_000  # bootstrap / permutation work arrays are chunked to about this many cells

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


# =========================================================================== building blocks


class TestResult(NamedTuple):
    """A test statistic and its two-sided p-value (NaN when undefined)."""

    statistic: float
    pvalue: float


def _finite(x: Any) -> np.ndarray:
    """``x`` as a 1-D float array without NaN/inf."""
    arr = np.asarray(x, dtype=float).ravel()
    return arr[np.isfinite(arr)]


def _midranks(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """1-based ranks with ties given their average rank, and the size of every tie block."""
    order = np.argsort(x, kind="mergesort")
    xs = x[order]
    new = np.empty(len(xs), dtype=bool)
    if len(xs):
        new[0] = True
        new[1:] = xs[1:] != xs[:-1]
    starts = np.flatnonzero(new)
    sizes = np.diff(np.append(starts, len(xs)))
    block = np.cumsum(new) - 1
    ranks = np.empty(len(xs), dtype=float)
    ranks[order] = (starts + (sizes + 1) / 2.0)[block]
    return ranks, sizes


def _two_sided_normal(dev: float, var: float) -> float:
    """p-value of a deviation from the null mean, normal approximation with continuity correction."""
    if not var > 0:
        return 1.0
    z = (abs(dev) - 0.5) / math.sqrt(var) if abs(dev) >= 0.5 else 0.0
    return min(1.0, math.erfc(z / math.sqrt(2.0)))


def _rank_stats(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """(U of ``a``, Mann–Whitney two-sided p, Cliff's delta) for finite ``a`` and ``b``."""
    na, nb = len(a), len(b)
    if na == 0 or nb == 0:
        return math.nan, math.nan, math.nan
    ranks, ties = _midranks(np.concatenate([a, b]))
    u = float(ranks[:na].sum() - na * (na + 1) / 2.0)
    n = na + nb
    tie_term = float((ties.astype(float) ** 3 - ties).sum())
    var = na * nb / 12.0 * ((n + 1) - (tie_term / (n * (n - 1)) if n > 1 else 0.0))
    p = _two_sided_normal(u - na * nb / 2.0, var)
    delta = 2.0 * u / (na * nb) - 1.0
    return u, p, delta


def cliffs_delta(a: Any, b: Any) -> float:
    """Cliff's delta: P(a > b) − P(a < b) over all pairs of one value from each sample.

    Parameters
    ----------
    a, b : array-like of float
        The two samples; NaN and infinite values are dropped.

    Returns
    -------
    float
        ``(#{a_i > b_j} − #{a_i < b_j}) / (n_a n_b)``, in [−1, 1] (Cliff 1993);
        positive when ``a`` tends to be larger. NaN when a sample is empty.
        Computed from mid-ranks in O(n log n) as ``2 U_a / (n_a n_b) − 1``.

    Examples
    --------
    >>> cliffs_delta([1, 2, 3], [2, 4])  # 1 pair a > b, 1 tie, 4 pairs a < b: (1 - 4) / 6
    -0.5
    """
    return _rank_stats(_finite(a), _finite(b))[2]


def cliffs_magnitude(delta: float) -> str | None:
    """Label |Cliff's delta| with the thresholds of Romano et al. (2006).

    Parameters
    ----------
    delta : float
        Cliff's delta.

    Returns
    -------
    str or None
        'negligible' (|d| < 0.147), 'small' (< 0.33), 'medium' (< 0.474) or
        'large'; None for NaN.

    Examples
    --------
    >>> [cliffs_magnitude(d) for d in (0.1, -0.2, 0.4, -0.5, float("nan"))]
    ['negligible', 'small', 'medium', 'large', None]
    """
    if delta is None or not math.isfinite(delta):
        return None
    size = abs(delta)
    for threshold, label in CLIFF_THRESHOLDS:
        if size < threshold:
            return label
    return "large"


def mann_whitney(a: Any, b: Any) -> TestResult:
    """Mann–Whitney U test (Wilcoxon rank-sum), two-sided, normal approximation.

    The statistic is ``U_a = R_a − n_a (n_a + 1) / 2`` (``R_a``: the sum of the
    mid-ranks of ``a`` in the pooled sample; R's ``W``). The p-value uses the
    normal approximation with the tie correction of the variance and a
    continuity correction of 0.5:

    ``z = (|U_a − n_a n_b / 2| − 0.5) / σ``,
    ``σ² = n_a n_b / 12 · ((N + 1) − Σ (t³ − t) / (N (N − 1)))``,
    ``p = 2 (1 − Φ(z)) = erfc(z / √2)``,

    with ``t`` the sizes of the tie blocks — the same numbers as R's
    ``wilcox.test(a, b, exact=FALSE, correct=TRUE)`` and scipy's
    ``mannwhitneyu(a, b, method="asymptotic")``. With fewer than about eight
    values per group the approximation is rough; use :func:`permutation_test`
    (exact for small groups) there.

    Parameters
    ----------
    a, b : array-like of float
        The samples; NaN and infinite values are dropped.

    Returns
    -------
    TestResult
        ``(U_a, p)``; ``p`` is 1.0 when every value is tied and NaN when a
        sample is empty.

    Examples
    --------
    >>> u, p = mann_whitney([1, 2, 3, 4], [5, 6, 7, 8])
    >>> u, round(p, 4)
    (0.0, 0.0304)
    """
    u, p, _ = _rank_stats(_finite(a), _finite(b))
    return TestResult(u, p)


def wilcoxon_signed_rank(d: Any) -> TestResult:
    """Wilcoxon signed-rank test of paired differences, two-sided, normal approximation.

    Zero differences are dropped (Wilcoxon's convention), the absolute values of
    the others ranked (mid-ranks for ties); the statistic is ``W+``, the sum of
    the ranks of the positive differences (R's ``V``). With ``n`` non-zero
    differences:

    ``z = (|W+ − n (n + 1) / 4| − 0.5) / σ``,
    ``σ² = n (n + 1) (2n + 1) / 24 − Σ (t³ − t) / 48``, ``p = erfc(z / √2)``

    — R's ``wilcox.test(d, exact=FALSE, correct=TRUE)``.

    Parameters
    ----------
    d : array-like of float
        Paired differences (a − b); NaN and infinite values are dropped.

    Returns
    -------
    TestResult
        ``(W+, p)``; ``p`` is 1.0 when every difference is zero and NaN when
        there is none.

    Examples
    --------
    >>> w, p = wilcoxon_signed_rank([0.5, 1.2, -0.3, 2.0, 0.8, 1.1])
    >>> w, round(p, 4)
    (20.0, 0.0592)
    """
    x = _finite(d)
    if len(x) == 0:
        return TestResult(math.nan, math.nan)
    x = x[x != 0]
    n = len(x)
    if n == 0:
        return TestResult(0.0, 1.0)
    ranks, ties = _midranks(np.abs(x))
    w = float(ranks[x > 0].sum())
    var = n * (n + 1) * (2 * n + 1) / 24.0 - float((ties.astype(float) ** 3 - ties).sum()) / 48.0
    return TestResult(w, _two_sided_normal(w - n * (n + 1) / 4.0, var))


def _rng(seed: int | None, *keys: Any) -> np.random.Generator:
    """A generator seeded by ``seed`` and stable hashes of ``keys`` (group, metric, ...).

    Each group and metric gets its own stream, so its numbers do not depend on
    which other groups or metrics are in the table.
    """
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0):
        raise ValueError(f"seed must be a non-negative int or None, got {seed!r}")
    base = int(np.random.SeedSequence().entropy) if seed is None else int(seed)  # type: ignore[arg-type]
    words: list[int] = [base, *(zlib.crc32(str(k).encode("utf-8")) for k in keys)]
    return np.random.default_rng(words)


def _boot_means(x: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_boot`` resamples (with replacement) of ``x``, vectorised in chunks."""
    n = len(x)
    out = np.empty(n_boot, dtype=float)
    if n == 0 or n_boot == 0:
        out.fill(math.nan)
        return out
    rows = max(1, _MAX_CELLS // n)
    for start in range(0, n_boot, rows):
        stop = min(n_boot, start + rows)
        out[start:stop] = x[rng.integers(0, n, size=(stop - start, n))].mean(axis=1)
    return out


def _percentile_ci(boot: np.ndarray, ci: float) -> tuple[float, float]:
    if len(boot) == 0 or not np.isfinite(boot).all():
        return math.nan, math.nan
    lo, hi = np.quantile(boot, [(1.0 - ci) / 2.0, (1.0 + ci) / 2.0])
    return float(lo), float(hi)


def bootstrap_ci(x: Any, *, n_boot: int = 2000, ci: float = 0.95, seed: int | None = 0) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of the mean (Efron & Tibshirani 1993).

    Parameters
    ----------
    x : array-like of float
        The sample; NaN and infinite values are dropped.
    n_boot : int, default 2000
        Resamples (with replacement, same size as the sample).
    ci : float, default 0.95
        Coverage; the interval is the ``(1 − ci)/2`` and ``(1 + ci)/2``
        quantiles of the resampled means.
    seed : int or None, default 0
        Seed of the random generator (same seed, same interval); None for fresh
        entropy.

    Returns
    -------
    tuple of float
        ``(low, high)``; NaN for an empty sample.

    Examples
    --------
    >>> lo, hi = bootstrap_ci([2.0, 4.0, 4.0, 5.0, 7.0, 9.0], seed=1)
    >>> lo < 5.1667 < hi, bootstrap_ci([3, 3, 3])
    (True, (3.0, 3.0))
    """
    _check_boot(n_boot, ci)
    return _percentile_ci(_boot_means(_finite(x), n_boot, _rng(seed)), ci)


def _check_boot(n_boot: int, ci: float) -> None:
    if isinstance(n_boot, bool) or not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise ValueError(f"n_boot must be a non-negative int (0 skips the bootstrap), got {n_boot!r}")
    if not isinstance(ci, (int, float)) or not 0.0 < float(ci) < 1.0:
        raise ValueError(f"ci must be a coverage between 0 and 1 (e.g. 0.95), got {ci!r}")


def _comb_at_most(n: int, k: int, limit: int) -> bool:
    """Whether C(n, k) <= limit, without building huge integers."""
    k = min(k, n - k)
    c = 1
    for i in range(1, k + 1):
        c = c * (n - k + i) // i
        if c > limit:
            return False
    return True


def _count_extreme(stats: np.ndarray, observed: float, tol: float) -> int:
    return int(np.count_nonzero(np.abs(stats) >= abs(observed) - tol))


def permutation_test(a: Any, b: Any, *, n_perm: int = 5000, seed: int | None = 0,
                     rng: np.random.Generator | None = None) -> TestResult:
    """Two-sided permutation test of the difference of means, ``mean(a) − mean(b)``.

    The group labels are shuffled. When the number of distinct splits
    ``C(n_a + n_b, n_a)`` is at most ``n_perm`` every split is enumerated and the
    p-value is exact (the share of splits with ``|T*| ≥ |T|``); otherwise
    ``n_perm`` random shuffles give ``p = (1 + #{|T*| ≥ |T|}) / (1 + n_perm)``
    (never 0; Phipson & Smyth 2010).

    Parameters
    ----------
    a, b : array-like of float
        The samples; NaN and infinite values are dropped.
    n_perm : int, default 5000
        Random shuffles (and the enumeration limit).
    seed : int or None, default 0
        Seed, used when ``rng`` is not given.
    rng : numpy.random.Generator, optional
        Generator to draw from.

    Returns
    -------
    TestResult
        ``(mean(a) − mean(b), p)``; NaN when a sample is empty.

    Examples
    --------
    >>> t, p = permutation_test([1, 2, 3], [4, 5, 6])  # 20 splits, 2 as extreme: exact p = 0.1
    >>> t, round(p, 10)
    (-3.0, 0.1)
    """
    x_a, x_b = _finite(a), _finite(b)
    na, nb = len(x_a), len(x_b)
    if na == 0 or nb == 0:
        return TestResult(math.nan, math.nan)
    x = np.concatenate([x_a, x_b])
    n = na + nb
    observed = float(x_a.mean() - x_b.mean())
    tol = 1e-9 * max(1.0, float(np.abs(x).max()))
    total_sum = float(x.sum())
    if _comb_at_most(n, na, n_perm):
        combos = np.fromiter(itertools.chain.from_iterable(itertools.combinations(range(n), na)),
                             dtype=np.int64).reshape(-1, na)
        sums = x[combos].sum(axis=1)
        stats = sums / na - (total_sum - sums) / nb
        return TestResult(observed, _count_extreme(stats, observed, tol) / len(stats))
    gen = rng if rng is not None else _rng(seed)
    rows = max(1, _MAX_CELLS // n)
    hits = 0
    for start in range(0, n_perm, rows):
        k = min(n_perm, start + rows) - start
        shuffled = gen.permuted(np.broadcast_to(x, (k, n)), axis=1)
        sums = shuffled[:, :na].sum(axis=1)
        hits += _count_extreme(sums / na - (total_sum - sums) / nb, observed, tol)
    return TestResult(observed, (1 + hits) / (1 + n_perm))


def sign_flip_test(d: Any, *, n_perm: int = 5000, seed: int | None = 0,
                   rng: np.random.Generator | None = None) -> TestResult:
    """Two-sided sign-flip permutation test that paired differences have mean zero.

    Under the null each difference is as likely to be positive as negative, so
    the signs are flipped at random. All ``2**n`` sign patterns are enumerated
    (exact p) when ``2**n ≤ n_perm``; otherwise ``n_perm`` random patterns give
    ``p = (1 + #{|T*| ≥ |T|}) / (1 + n_perm)``.

    Parameters
    ----------
    d : array-like of float
        Paired differences; NaN and infinite values are dropped.
    n_perm : int, default 5000
        Random sign patterns (and the enumeration limit).
    seed : int or None, default 0
        Seed, used when ``rng`` is not given.
    rng : numpy.random.Generator, optional
        Generator to draw from.

    Returns
    -------
    TestResult
        ``(mean(d), p)``; NaN when there is no difference.

    Examples
    --------
    >>> t, p = sign_flip_test([1.0, 2.0, 3.0])  # 8 patterns, 2 as extreme as all-positive
    >>> t, p
    (2.0, 0.25)
    """
    x = _finite(d)
    n = len(x)
    if n == 0:
        return TestResult(math.nan, math.nan)
    observed = float(x.mean())
    tol = 1e-9 * max(1.0, float(np.abs(x).max()))
    if n < 63 and 2 ** n <= n_perm:
        bits = (np.arange(2 ** n, dtype=np.int64)[:, None] >> np.arange(n, dtype=np.int64)) & 1
        stats = ((2 * bits - 1) * x).mean(axis=1)
        return TestResult(observed, _count_extreme(stats, observed, tol) / len(stats))
    gen = rng if rng is not None else _rng(seed)
    rows = max(1, _MAX_CELLS // n)
    hits = 0
    for start in range(0, n_perm, rows):
        k = min(n_perm, start + rows) - start
        signs = 2 * gen.integers(0, 2, size=(k, n)) - 1
        hits += _count_extreme((signs * x).mean(axis=1), observed, tol)
    return TestResult(observed, (1 + hits) / (1 + n_perm))


def adjust_pvalues(p: Any, method: str | None = "holm") -> np.ndarray:
    """Correct p-values for multiple comparisons.

    Parameters
    ----------
    p : array-like of float
        p-values; NaN entries stay NaN and do not count as tests.
    method : {'holm', 'fdr_bh', 'bonferroni', None}, default 'holm'
        'holm': Holm's (1979) step-down family-wise error control,
        ``p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j))`` for the sorted
        p-values; 'fdr_bh': Benjamini & Hochberg's (1995) false discovery rate,
        ``p̃_(i) = min_{j ≥ i} min(1, m p_(j) / j)``; 'bonferroni':
        ``min(1, m p)``; None: unchanged.

    Returns
    -------
    numpy.ndarray
        Adjusted p-values, in the input order.

    Examples
    --------
    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.005]).round(4).tolist()
    [0.03, 0.06, 0.06, 0.02]
    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.005], "fdr_bh").round(4).tolist()
    [0.02, 0.04, 0.04, 0.02]
    """
    if method not in _CORRECTIONS:
        raise ValueError(f"unknown correction {method!r}; choose from {list(_CORRECTIONS)}")
    arr = np.asarray(p, dtype=float).ravel()
    out = np.full(arr.shape, math.nan)
    ok = np.isfinite(arr)
    pv = arr[ok]
    m = len(pv)
    if m == 0:
        return out
    if method is None:
        out[ok] = pv
        return out
    if method == "bonferroni":
        out[ok] = np.minimum(1.0, m * pv)
        return out
    order = np.argsort(pv, kind="mergesort")
    ps = pv[order]
    if method == "holm":
        adj = np.maximum.accumulate((m - np.arange(m)) * ps)
    else:
        adj = np.minimum.accumulate((m / np.arange(1, m + 1) * ps)[::-1])[::-1]
    adj = np.minimum(1.0, adj)
    back = np.empty(m)
    back[order] = adj
    out[ok] = back
    return out


# =========================================================================== grouping helpers


def _labels(df: pd.DataFrame, by: Any, what: str = "by") -> tuple[pd.Series, str]:
    """The grouping labels aligned with ``df`` and a name for them."""
    if isinstance(by, pd.Series):
        s = by if by.index.equals(df.index) else by.reindex(df.index)
        return s, str(by.name) if by.name is not None else what
    if not isinstance(by, Hashable) or by not in df.columns:
        cols = ", ".join(map(repr, list(df.columns)[:25]))
        raise ValueError(f"{what}={by!r} is not a column of the table; columns: {cols}")
    return df[by], str(by)


def _group_order(labels: pd.Series, groups: Iterable[Any] | None, what: str = "group") -> list[Any]:
    """Groups present in ``labels`` in a stable order (categories, sorted, or as given)."""
    present_vals = pd.unique(labels.dropna())
    present = list(present_vals.tolist() if hasattr(present_vals, "tolist") else present_vals)
    if groups is not None:
        wanted = [groups] if isinstance(groups, str) or not isinstance(groups, Iterable) else list(groups)
        known = set(present)
        unknown = [g for g in wanted if g not in known]
        if unknown:
            raise ValueError(f"unknown {what}(s) {unknown!r}; the data has: {_preview(present)}")
        return list(dict.fromkeys(wanted))
    if isinstance(labels.dtype, pd.CategoricalDtype):
        have = set(present)
        return [c for c in labels.cat.categories.tolist() if c in have]
    try:
        return sorted(present)
    except TypeError:
        return present


def _preview(values: Sequence[Any], k: int = 20) -> str:
    shown = ", ".join(map(repr, list(values)[:k]))
    return f"[{shown}{', ...' if len(values) > k else ''}]"


def _positions(labels: pd.Series, order: Sequence[Any]) -> dict[Any, np.ndarray]:
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


def _metric_columns(df: pd.DataFrame, metrics_cols: Any, exclude: set[str]) -> list[str]:
    def numeric(col: str) -> bool:
        dt = df[col].dtype
        return pd.api.types.is_numeric_dtype(dt) or pd.api.types.is_bool_dtype(dt)

    if metrics_cols is None:
        cols = [c for c in df.columns
                if isinstance(c, str) and c not in exclude and c not in _NOT_METRICS and numeric(c)]
        if not cols and len(df.columns):
            raise ValueError("no numeric metric columns found; pass metrics_cols=[...] "
                             f"(columns: {_preview(list(df.columns))})")
        return cols
    cols = [metrics_cols] if isinstance(metrics_cols, str) else list(metrics_cols)
    if not cols:
        raise ValueError("metrics_cols is empty; name at least one numeric column")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"metrics_cols: {missing!r} not in the table; columns: {_preview(list(df.columns))}")
    bad = [f"{c!r} ({df[c].dtype})" for c in cols if not numeric(c)]
    if bad:
        raise ValueError(f"metrics_cols must be numeric; not numeric: {', '.join(bad)}")
    return list(dict.fromkeys(cols))


def _values(s: pd.Series) -> np.ndarray:
    """A numeric column as float64 with NA/inf as NaN."""
    arr = s.to_numpy(dtype=float, na_value=np.nan)
    arr = arr.copy() if not arr.flags.writeable else arr
    arr[~np.isfinite(arr)] = np.nan
    return arr


# =========================================================================== compare


@dataclass(frozen=True, repr=False)
class Comparison:
    """The result of :func:`compare`: tidy tables ready for plotting.

    Attributes
    ----------
    groups : pandas.DataFrame
        One row per group and metric: ``group``, ``metric``, ``n`` (values used),
        ``n_missing`` (NaN/inf values dropped), ``mean``, ``median``, ``sd``
        (ddof=1; NaN for n < 2), ``ci_low``/``ci_high`` (percentile bootstrap CI
        of the mean) and ``small_group`` (``n < min_n``; flagged, not hidden).
    pairs : pandas.DataFrame
        One row per pair of groups (``group_a`` before ``group_b`` in group
        order) and metric, articles as independent samples: ``n_a``, ``n_b``,
        ``mean_a``, ``mean_b``, ``diff`` (mean_a − mean_b),
        ``diff_ci_low``/``diff_ci_high`` (bootstrap, each group resampled on its
        own), ``cliffs_delta`` (positive: a tends higher), ``magnitude``,
        ``statistic`` (U of group a, or the mean difference for the
        permutation test), ``p_value`` (two-sided), ``p_adjusted`` (corrected
        across **all rows of this table**, every pair × every metric),
        ``test`` and ``small_group`` (either group below ``min_n``).
    paired : pandas.DataFrame or None
        With ``event=``: one row per pair and metric, matched on the events both
        groups covered: ``n_events``, ``mean_a``/``mean_b`` (over those events),
        ``diff`` (mean paired difference a − b), ``diff_ci_low``/
        ``diff_ci_high`` (bootstrap over events), ``median_diff``,
        ``share_a_higher``/``share_b_higher`` (share of events where a's value is
        higher / lower), ``statistic`` (Wilcoxon W+ or the mean difference),
        ``p_value``, ``p_adjusted`` (corrected across all rows of this table),
        ``test`` and ``few_events`` (``n_events < min_n``).
    events : pandas.DataFrame or None
        With ``event=``: ``event``, ``group``, ``metric``, ``value`` (mean over
        the group's articles in that event) and ``n_articles`` (articles with a
        value) — one line per event across groups.
    info : dict
        Settings and counts: ``by``, ``event``, ``metrics``, ``groups``,
        ``test``, ``paired_test``, ``correction``, ``n_boot``, ``ci``, ``seed``,
        ``min_n``, ``n_perm``, ``missing_group`` (rows without a group, dropped)
        and ``missing_event`` (rows without an event, left out of ``paired``).
    """

    groups: pd.DataFrame
    pairs: pd.DataFrame
    paired: pd.DataFrame | None = None
    events: pd.DataFrame | None = None
    info: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        info = self.info
        n_groups, n_metrics = len(info.get("groups", [])), len(info.get("metrics", []))
        small = sorted({str(g) for g in self.groups.loc[self.groups["small_group"], "group"]})
        lines = [
            f"Comparison by {info.get('by')!r}: {n_groups} group(s) x {n_metrics} metric(s); "
            f"{info.get('ci', 0.95):.0%} bootstrap CIs ({info.get('n_boot')} resamples, seed {info.get('seed')})",
            f"  groups: {len(self.groups)} rows; small groups (n < {info.get('min_n')}): "
            f"{', '.join(small) if small else 'none'}",
            f"  pairs:  {len(self.pairs)} rows; test {info.get('test')}, p_adjusted by "
            f"{info.get('correction')} across all {int(self.pairs['p_value'].notna().sum())} tests; "
            f"p_adjusted < 0.05: {int((self.pairs['p_adjusted'] < 0.05).sum())}",
        ]
        if self.paired is not None and self.events is not None:
            n_ev = self.paired["n_events"]
            lines.append(
                f"  paired within events {info.get('event')!r}: {len(self.paired)} rows; test "
                f"{info.get('paired_test')}; n_events {int(n_ev.min()) if len(n_ev) else 0}"
                f"-{int(n_ev.max()) if len(n_ev) else 0}; p_adjusted < 0.05: "
                f"{int((self.paired['p_adjusted'] < 0.05).sum())}")
            lines.append(f"  events: {len(self.events)} rows (event x group x metric)")
        if info.get("missing_group"):
            lines.append(f"  {info['missing_group']} row(s) without a group were left out")
        return "\n".join(lines)


_INT_COLUMNS = frozenset({"n", "n_missing", "n_a", "n_b", "n_events", "n_articles", "n_words", "count_group",
                          "count_other", "rank", "start", "end", "n_matching"})
_FLOAT_COLUMNS = frozenset({"mean", "median", "sd", "ci_low", "ci_high", "mean_a", "mean_b", "diff", "diff_ci_low",
                            "diff_ci_high", "cliffs_delta", "statistic", "p_value", "p_adjusted", "median_diff",
                            "share_a_higher", "share_b_higher", "value", "freq_group", "freq_other", "log_odds",
                            "z", "share_of_group", "share_of_all"})
_BOOL_COLUMNS = frozenset({"small_group", "few_events"})


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    """A table without rows, with the column types the filled table has."""
    def dtype(c: str) -> str:
        if c in _INT_COLUMNS:
            return "int64"
        if c in _FLOAT_COLUMNS:
            return "float64"
        return "bool" if c in _BOOL_COLUMNS else "object"

    return pd.DataFrame({c: pd.Series([], dtype=dtype(c)) for c in columns})


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns)) if rows else _empty(columns)


def compare(metrics: pd.DataFrame, by: str | pd.Series = "outlet", *,
            metrics_cols: str | Sequence[str] | None = None,
            event: str | pd.Series | None = None,
            groups: Sequence[Any] | None = None,
            n_boot: int = 2000, ci: float = 0.95, seed: int | None = 0,
            test: str = "mannwhitney", correction: str | None = "holm",
            min_n: int = 5, n_perm: int = 5000) -> Comparison:
    """Compare groups (outlets, leans, countries, months, ...) on article-level metrics.

    Parameters
    ----------
    metrics : pandas.DataFrame
        One row per article, e.g. the output of ``mediakit.analyze`` with any
        extra columns joined on (``analyze(arts).join(arts[["event_id"]])``).
    by : str or pandas.Series, default 'outlet'
        Grouping column (or labels aligned with ``metrics``). Rows without a
        label are dropped and counted in ``info["missing_group"]``. Groups are
        ordered by category order, else sorted.
    metrics_cols : str or sequence of str, optional
        Metric columns. Default: every numeric column (for ``mediakit.analyze``
        output: ``words`` and the ``read_``, ``sent_``, ``tone``, ``wc_``
        columns) except ``by``, ``event`` and ``article_id``, ``outlet``,
        ``published``, ``source_record``, ``year``. Booleans count as 0/1. NaN
        and infinite values are dropped per metric and counted (``n_missing``).
    event : str or pandas.Series, optional
        Event / story column (BASIL's ``event_id``, or your own). Adds the
        ``paired`` and ``events`` tables: groups compared within events.
        Several articles of a group in one event are averaged first; rows
        without an event are left out of these tables.
    groups : sequence, optional
        Compare only these groups, in this order (ValueError for an unknown one).
    n_boot : int, default 2000
        Bootstrap resamples (0: no CIs).
    ci : float, default 0.95
        Coverage of the bootstrap intervals.
    seed : int or None, default 0
        Seed. Each group × metric (and pair × metric) draws from its own stream
        derived from the seed and the labels, so results are reproducible and do
        not change when other groups or metrics are added.
    test : {'mannwhitney', 'permutation'}, default 'mannwhitney'
        Independent samples: Mann–Whitney U (:func:`mann_whitney`) or a
        permutation test of the mean difference (:func:`permutation_test`).
        Paired (``event=``): the Wilcoxon signed-rank test
        (:func:`wilcoxon_signed_rank`) or a sign-flip permutation test
        (:func:`sign_flip_test`), respectively.
    correction : {'holm', 'fdr_bh', 'bonferroni', None}, default 'holm'
        Multiple-comparison correction applied across every row (all pairs ×
        all metrics) of ``pairs``, and separately of ``paired``.
    min_n : int, default 5
        Groups with fewer values are flagged ``small_group`` (pairs with fewer
        matched events ``few_events``); they are still reported.
    n_perm : int, default 5000
        Permutations for ``test='permutation'`` (enumerated exactly when fewer
        arrangements exist).

    Returns
    -------
    Comparison
        ``.groups``, ``.pairs``, and with ``event=`` ``.paired`` and ``.events``
        (tidy DataFrames, see :class:`Comparison`), plus ``.info``.

    Raises
    ------
    ValueError
        ``by``/``event`` not a column, unknown ``groups``, non-numeric or missing
        ``metrics_cols``, bad ``test``/``correction``/``n_boot``/``ci``.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"outlet": ["A"] * 6 + ["B"] * 6 + ["C"] * 2,
    ...                   "tone": [1, 2, 3, 4, 5, 6, 4, 5, 6, 7, 8, 9, 5, 5]})
    >>> res = compare(m, metrics_cols="tone", n_boot=500)
    >>> res.groups[["group", "n", "mean", "small_group"]]
      group  n  mean  small_group
    0     A  6   3.5        False
    1     B  6   6.5        False
    2     C  2   5.0         True
    >>> res.pairs[["group_a", "group_b", "diff", "cliffs_delta", "magnitude"]]
      group_a group_b  diff  cliffs_delta magnitude
    0       A       B  -3.0         -0.75     large
    1       A       C  -1.5         -0.50     large
    2       B       C   1.5          0.50     large

    Within events (one value per outlet and event):

    >>> ev = pd.DataFrame({"outlet": ["A", "B"] * 4, "event_id": [1, 1, 2, 2, 3, 3, 4, 4],
    ...                    "words": [500, 450, 800, 700, 300, 310, 650, 600]})
    >>> res = compare(ev, metrics_cols="words", event="event_id", n_boot=200)
    >>> res.paired[["group_a", "group_b", "n_events", "diff", "statistic", "test"]]
      group_a group_b  n_events  diff  statistic      test
    0       A       B         4  47.5        9.0  wilcoxon
    >>> res.events.head(2)
       event group metric  value  n_articles
    0      1     A  words  500.0           1
    1      1     B  words  450.0           1
    """
    if not isinstance(metrics, pd.DataFrame):
        raise ValueError(f"metrics must be a pandas DataFrame, got {type(metrics).__name__}")
    if test not in _TESTS:
        raise ValueError(f"unknown test {test!r}; choose from {list(_TESTS)}")
    if correction not in _CORRECTIONS:
        raise ValueError(f"unknown correction {correction!r}; choose from {list(_CORRECTIONS)}")
    _check_boot(n_boot, ci)
    if isinstance(min_n, bool) or not isinstance(min_n, (int, np.integer)) or min_n < 0:
        raise ValueError(f"min_n must be a non-negative int, got {min_n!r}")
    if isinstance(n_perm, bool) or not isinstance(n_perm, (int, np.integer)) or n_perm < 1:
        raise ValueError(f"n_perm must be a positive int, got {n_perm!r}")

    labels, by_name = _labels(metrics, by, "by")
    exclude = {by_name} if isinstance(by, str) else set()
    ev_labels: pd.Series | None = None
    ev_name = None
    if event is not None:
        ev_labels, ev_name = _labels(metrics, event, "event")
        if isinstance(event, str):
            exclude.add(event)
    cols = _metric_columns(metrics, metrics_cols, exclude)
    order = _group_order(labels, groups)
    in_groups = labels.isin(order).to_numpy(dtype=bool) if len(labels) else np.zeros(0, dtype=bool)
    pos = _positions(labels, order) if order else {}
    values = {c: _values(metrics[c]) for c in cols}

    info: dict[str, Any] = {
        "by": by_name, "event": ev_name, "metrics": cols, "groups": list(order), "test": test,
        "paired_test": {"mannwhitney": "wilcoxon", "permutation": "signflip"}[test] if event is not None else None,
        "correction": correction, "n_boot": int(n_boot), "ci": float(ci), "seed": seed,
        "min_n": int(min_n), "n_perm": int(n_perm),
        "missing_group": int(labels.isna().sum()),
    }

    group_rows: list[dict[str, Any]] = []
    pair_rows: list[dict[str, Any]] = []
    for col in cols:
        boots: dict[Any, np.ndarray] = {}
        samples: dict[Any, np.ndarray] = {}
        for g in order:
            raw = values[col][pos[g]]
            x = raw[np.isfinite(raw)]
            samples[g] = x
            boots[g] = _boot_means(x, n_boot, _rng(seed, "group", g, col))
            lo, hi = _percentile_ci(boots[g], ci)
            n = len(x)
            group_rows.append({
                "group": g, "metric": col, "n": n, "n_missing": len(raw) - n,
                "mean": float(x.mean()) if n else math.nan,
                "median": float(np.median(x)) if n else math.nan,
                "sd": float(x.std(ddof=1)) if n > 1 else math.nan,
                "ci_low": lo, "ci_high": hi, "small_group": n < min_n,
            })
        for g_a, g_b in itertools.combinations(order, 2):
            a, b = samples[g_a], samples[g_b]
            stat, p, delta = _rank_stats(a, b)
            if test == "mannwhitney":
                name = "mannwhitney"
            else:
                stat, p = permutation_test(a, b, n_perm=n_perm, rng=_rng(seed, "perm", g_a, g_b, col))
                name = "permutation_exact" if _comb_at_most(len(a) + len(b), len(a), n_perm) else "permutation"
            lo, hi = _percentile_ci(boots[g_a] - boots[g_b], ci) if len(a) and len(b) else (math.nan, math.nan)
            pair_rows.append({
                "group_a": g_a, "group_b": g_b, "metric": col, "n_a": len(a), "n_b": len(b),
                "mean_a": float(a.mean()) if len(a) else math.nan,
                "mean_b": float(b.mean()) if len(b) else math.nan,
                "diff": float(a.mean() - b.mean()) if len(a) and len(b) else math.nan,
                "diff_ci_low": lo, "diff_ci_high": hi,
                "cliffs_delta": delta, "magnitude": cliffs_magnitude(delta),
                "statistic": stat, "p_value": p, "p_adjusted": math.nan,
                "test": name if len(a) and len(b) else None,
                "small_group": len(a) < min_n or len(b) < min_n,
            })

    groups_df = _frame(group_rows, GROUP_COLUMNS)
    pairs_df = _frame(pair_rows, PAIR_COLUMNS)
    if len(pairs_df):
        pairs_df["p_adjusted"] = adjust_pvalues(pairs_df["p_value"].to_numpy(dtype=float), correction)
    groups_df.attrs["ci"] = float(ci)
    pairs_df.attrs["correction"] = f"{correction} across all {len(pairs_df)} rows (pairs x metrics)"

    paired_df = events_df = None
    if ev_labels is not None:
        paired_df, events_df, info["missing_event"] = _within_events(
            labels, ev_labels, in_groups, order, cols, values, test=test, n_boot=n_boot, ci=ci,
            seed=seed, min_n=min_n, n_perm=n_perm, correction=correction)
    return Comparison(groups_df, pairs_df, paired_df, events_df, info)


def _within_events(labels: pd.Series, ev: pd.Series, in_groups: np.ndarray, order: list[Any],
                   cols: list[str], values: dict[str, np.ndarray], *, test: str, n_boot: int,
                   ci: float, seed: int | None, min_n: int, n_perm: int,
                   correction: str | None) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The ``paired`` and ``events`` tables of :func:`compare`."""
    has_event = ev.notna().to_numpy(dtype=bool) if len(ev) else np.zeros(0, dtype=bool)
    keep = in_groups & has_event
    missing_event = int((in_groups & ~has_event).sum())
    ev_kept = ev[keep]
    ev_vals = pd.unique(ev_kept)
    ev_list = list(ev_vals.tolist() if hasattr(ev_vals, "tolist") else ev_vals)
    try:
        ev_order = sorted(ev_list)
    except TypeError:
        ev_order = ev_list
    ev_index = {e: i for i, e in enumerate(ev_order)}
    g_index = {g: i for i, g in enumerate(order)}
    e_code = np.array([ev_index[e] for e in ev_kept.tolist()], dtype=np.int64)
    g_code = np.array([g_index[g] for g in labels[keep].tolist()], dtype=np.int64)
    n_e, n_g = len(ev_order), len(order)

    event_rows: list[pd.DataFrame] = []
    paired_rows: list[dict[str, Any]] = []
    for col in cols:
        x = values[col][keep]
        ok = np.isfinite(x)
        cell = e_code[ok] * n_g + g_code[ok]
        sums = np.bincount(cell, weights=x[ok], minlength=n_e * n_g).reshape(n_e, n_g)
        counts = np.bincount(cell, minlength=n_e * n_g).reshape(n_e, n_g)
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
        seen = np.zeros(n_e * n_g, dtype=bool)
        seen[e_code * n_g + g_code] = True
        ei, gi = np.divmod(np.flatnonzero(seen), n_g)
        event_rows.append(pd.DataFrame({
            "event": [ev_order[i] for i in ei], "group": [order[j] for j in gi], "metric": col,
            "value": means[ei, gi], "n_articles": counts[ei, gi].astype(np.int64)}))
        for ia, ib in itertools.combinations(range(n_g), 2):
            g_a, g_b = order[ia], order[ib]
            both = np.isfinite(means[:, ia]) & np.isfinite(means[:, ib])
            va, vb = means[both, ia], means[both, ib]
            d = va - vb
            n = len(d)
            if test == "mannwhitney":
                stat, p = wilcoxon_signed_rank(d)
                name = "wilcoxon"
            else:
                stat, p = sign_flip_test(d, n_perm=n_perm, rng=_rng(seed, "flip", g_a, g_b, col))
                name = "signflip_exact" if n < 63 and 2 ** n <= n_perm else "signflip"
            lo, hi = _percentile_ci(_boot_means(d, n_boot, _rng(seed, "paired", g_a, g_b, col)), ci) \
                if n else (math.nan, math.nan)
            paired_rows.append({
                "group_a": g_a, "group_b": g_b, "metric": col, "n_events": n,
                "mean_a": float(va.mean()) if n else math.nan,
                "mean_b": float(vb.mean()) if n else math.nan,
                "diff": float(d.mean()) if n else math.nan,
                "diff_ci_low": lo, "diff_ci_high": hi,
                "median_diff": float(np.median(d)) if n else math.nan,
                "share_a_higher": float((d > 0).mean()) if n else math.nan,
                "share_b_higher": float((d < 0).mean()) if n else math.nan,
                "statistic": stat, "p_value": p, "p_adjusted": math.nan,
                "test": name if n else None, "few_events": n < min_n,
            })
    paired_df = _frame(paired_rows, PAIRED_COLUMNS)
    if len(paired_df):
        paired_df["p_adjusted"] = adjust_pvalues(paired_df["p_value"].to_numpy(dtype=float), correction)
    paired_df.attrs["correction"] = f"{correction} across all {len(paired_df)} rows (pairs x metrics)"
    events_df = pd.concat(event_rows, ignore_index=True) if event_rows else _empty(EVENT_COLUMNS)
    if not len(events_df):
        events_df = _empty(EVENT_COLUMNS)
    return paired_df, events_df, missing_event


# =========================================================================== text helpers

_APOSTROPHE_RE = re.compile("['\u2019]")
#: Tokens for distinctive_terms: WORD_RE words, or a single punctuation mark that
#: ends an n-gram (sentence/clause punctuation, quotes, brackets, dashes, line breaks).
_BOUNDARY_CHARS = ".!?;:\"\u201c\u201d()[]{}\u2014\u2013\n"
_TOKEN_RE = re.compile(WORD_RE.pattern + "|[" + re.escape(_BOUNDARY_CHARS) + "]", re.UNICODE)


@lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    text = read_resource_text("mediakit.lexicons", "stopwords_en.txt")
    return frozenset(w for w in (ln.strip().lower() for ln in text.splitlines()) if w and not w.startswith("#"))


def stop_words(which: str | Iterable[str] | None = "english") -> frozenset[str]:
    """Return a stop-word set as :func:`distinctive_terms` uses it.

    Parameters
    ----------
    which : 'english', iterable of str or None
        'english': ``mediakit/lexicons/stopwords_en.txt`` (about 270 English
        function words written for mediakit, MIT licence); an iterable: those
        words, lower-cased, curly apostrophes made straight; None: no stop words.

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> sw = stop_words()
    >>> "the" in sw, "said" in sw, "don't" in sw
    (True, False, True)
    >>> sorted(stop_words(["The", "Don\u2019t"]))
    ["don't", 'the']
    """
    return _stop_set(which)


def _stop_set(which: str | Iterable[str] | None) -> frozenset[str]:
    if which is None:
        return frozenset()
    if isinstance(which, str):
        if which != "english":
            raise ValueError(f"stop_words must be 'english', None or an iterable of words, got {which!r}")
        return _english_stop_words()
    return frozenset(_fold(str(w)).strip() for w in which)


def _part_texts(df: pd.DataFrame, columns: Sequence[str]) -> list[str]:
    """One string per row: the ``columns`` joined with line breaks (lists element by element)."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"columns {missing!r} not in the table; columns: {_preview(list(df.columns))}")
    cols = [df[c].tolist() for c in columns]
    out = []
    for cells in zip(*cols):
        parts: list[str] = []
        for v in cells:
            if isinstance(v, str):
                parts.append(v)
            elif isinstance(v, (list, tuple, np.ndarray)):
                parts.extend(s for s in v if isinstance(s, str))
        out.append("\n".join(parts))
    return out


def term_pattern(term: str, *, regex: bool = False, case: bool = False) -> re.Pattern[str]:
    """Compile the pattern :func:`kwic` and :func:`attention` search with.

    Parameters
    ----------
    term : str
        A word or phrase, or a regular expression with ``regex=True``.
    regex : bool, default False
        Take ``term`` as a regular expression, as given.
    case : bool, default False
        Match case; by default case is ignored.

    Returns
    -------
    re.Pattern
        For a plain term: its words (split on white space) in order, separated
        by any white space, as whole words (no letter, digit or underscore right
        before or after); straight and curly apostrophes match each other.

    Examples
    --------
    >>> term_pattern("so-called truce").pattern
    '(?<!\\\\w)so\\\\-called\\\\s+truce(?!\\\\w)'
    >>> bool(term_pattern("don't").search("They don\u2019t know"))
    True
    """
    if not isinstance(term, str) or not term.strip():
        raise ValueError(f"need a non-empty term or pattern, got {term!r}")
    flags = 0 if case else re.IGNORECASE
    if regex:
        try:
            return re.compile(term, flags)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {term!r}: {exc}") from None
    words = [_APOSTROPHE_RE.sub("['\u2019]", re.escape(w)) for w in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", flags)


# =========================================================================== distinctive terms


def _ngram_range(ngram: Any) -> tuple[int, int]:
    if isinstance(ngram, (int, np.integer)) and not isinstance(ngram, bool):
        lo = hi = int(ngram)
    elif isinstance(ngram, (tuple, list)) and len(ngram) == 2:
        lo, hi = int(ngram[0]), int(ngram[1])
    else:
        raise ValueError(f"ngram must be an int or a (min, max) pair such as (1, 2), got {ngram!r}")
    if not 1 <= lo <= hi:
        raise ValueError(f"ngram must satisfy 1 <= min <= max, got {ngram!r}")
    return lo, hi


def distinctive_terms(articles: Any, by: str | pd.Series = "outlet", *,
                      group: Any = None, other: Any = None,
                      ngram: int | tuple[int, int] = (1, 2), prior: str = "informative",
                      alpha0: float | None = None, min_count: int = 5,
                      stop_words: str | Iterable[str] | None = "english",
                      top: int | None = None,
                      columns: Sequence[str] = ("title", "text")) -> pd.DataFrame:
    """Words and phrases that set a group apart: log-odds ratios with an informative Dirichlet prior.

    Implements Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5.
    For a term ``w`` with counts ``y^a`` (the group) and ``y^b`` (the other
    side), totals ``n^a``, ``n^b`` and prior ``α_w``, ``α_0 = Σ_w α_w``::

        δ_w = log((y^a + α_w) / (n^a + α_0 − y^a − α_w))
            − log((y^b + α_w) / (n^b + α_0 − y^b − α_w))
        σ²_w ≈ 1 / (y^a + α_w) + 1 / (y^b + α_w)
        z_w = δ_w / σ_w

    **Tokens.** Each article's ``columns`` are joined with line breaks,
    lower-cased, curly apostrophes made straight, and split with
    :data:`mediakit._tokens.WORD_RE` (letters/digits with inner ``'``, ``-``,
    ``.``: "don't", "anti-regime", "u.s"). An n-gram is n consecutive tokens not
    separated by sentence or clause punctuation (``. ! ? ; :``), quotation
    marks, brackets, dashes or a line break; commas do not separate.

    **Stop words.** With ``stop_words`` on, unigrams that are stop words are
    dropped, and n-grams (n ≥ 2) that start or end with one ("the tax",
    "tax on") — "freedom of speech" stays. Stop words are removed before
    counting, so ``n^a`` counts the kept n-grams.

    **Model.** Each n-gram length is its own multinomial (its own ``n``,
    ``α_0`` and prior), and all lengths are ranked together by ``z``. The
    informative prior is ``α_w = α_0 × (corpus-wide count of w / corpus-wide
    total)`` over **all** articles with a group, also when only two groups are
    compared. ``α_0`` defaults to the corpus-wide total of that n-gram length,
    so ``α_w`` is simply the corpus count of ``w`` (a strong prior that shrinks
    rare terms hard; pass a smaller ``alpha0`` for less shrinkage).

    **Dask.** With a ``dask.dataframe.DataFrame`` the n-gram counts are
    computed on the cluster: every partition counts its n-grams per group
    (``map_partitions``); the partial counts are hash-partitioned by term into
    as many partitions as the input has (a shuffle: all counts of a term meet
    in one partition, and no task holds the whole vocabulary) and summed there.
    Each of those partitions then drops the terms counted fewer than
    ``min_count`` times in the whole corpus, and counts its n-grams per length
    and group (``n``) and its distinct n-grams per length (``V``, for the
    uniform prior); these totals are summed on the cluster. Only the kept
    terms' per-group counts and the totals come back, and the driver scores
    them with the same code as for a pandas table: the result is exactly the
    pandas call's on the same articles (same numbers, ranks and ``attrs``;
    captions that Dask's string conversion turned into text are read as lists
    again). A first, cheap pass reads only the ``by`` column (groups, rows,
    rows without a group), so an unknown ``group``/``other`` is reported before
    the counting starts; ``by`` must be a column name.

    Parameters
    ----------
    articles : pandas.DataFrame or dask.dataframe.DataFrame
        Articles table.
    by : str or pandas.Series, default 'outlet'
        Grouping column (rows without a label are left out); a column name
        for a Dask DataFrame.
    group : optional
        Only this group's rows (default: every group, one vs. the rest).
    other : optional
        The other side: a group, a list of groups pooled, or None for all the
        other groups ("rest").
    ngram : int or (int, int), default (1, 2)
        N-gram lengths, inclusive.
    prior : {'informative', 'uniform'}, default 'informative'
        'uniform': ``α_w = α_0 / V`` for every one of the ``V`` types (default
        ``α_0 = 0.01 V``, i.e. 0.01 per term).
    alpha0 : float, optional
        Prior total ``α_0`` (> 0), see above.
    min_count : int, default 5
        Leave out rows of terms with ``count_group + count_other < min_count``
        (they still count in ``n`` and the prior).
    stop_words : 'english', iterable of str or None, default 'english'
        See :func:`stop_words`.
    top : int, optional
        Keep the ``top`` highest-z terms per comparison. With many groups and no
        ``top`` the table has a row per group and term.
    columns : sequence of str, default ('title', 'text')
        Text columns (lists of strings, such as ``captions``, are read too).

    Returns
    -------
    pandas.DataFrame
        ``group``, ``other`` (the other group, a list of them, or 'rest'),
        ``term``, ``n_words``, ``count_group``, ``count_other``, ``freq_group``
        and ``freq_other`` (count / n of that n-gram length), ``log_odds`` (δ),
        ``z``, ``rank`` (1 = highest z in its comparison; ties: the shorter
        n-gram, then alphabetical). Sorted by group, rank.
        Negative z: used less by the group than by the other side. ``log_odds``
        and ``z`` are NaN (ranked last) only when an n-gram length has a single
        type in the whole corpus, where the log-odds are undefined.
        ``attrs``: ``alpha0`` and ``n_tokens`` (per length and group),
        ``missing_group``.

    Raises
    ------
    ValueError
        ``by`` or a text column not in the table (for Dask: checked on the
        column names, before anything is computed), an unknown
        ``group``/``other``, fewer than two groups, bad
        ``ngram``/``alpha0``/``prior``/``stop_words``.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "title": ["", "", "", ""],
    ...     "text": ["The tax cut passed.", "A tax cut for families.",
    ...              "The tax relief passed.", "Tax relief for families."]})
    >>> res = distinctive_terms(arts, min_count=2, ngram=(1, 2))
    >>> res.loc[res["group"] == "A", ["term", "count_group", "count_other", "rank"]].head(2)
          term  count_group  count_other  rank
    0  tax cut            2            0     1
    1      cut            2            0     2
    """
    from ._dask import is_dask_frame

    on_dask = is_dask_frame(articles)
    if not on_dask and not isinstance(articles, pd.DataFrame):
        raise ValueError(f"articles must be a pandas or Dask DataFrame, got {type(articles).__name__}")
    lo_n, hi_n, stops = _term_options(ngram, prior, alpha0, min_count, top, stop_words)
    if on_dask:
        from ._dask import term_labels

        if isinstance(by, pd.Series) or hasattr(by, "__dask_graph__"):
            raise ValueError(f"with a Dask DataFrame, by must be a column name, got a {type(by).__name__}; "
                             "add the labels as a column first")
        _labels(articles._meta, by, "by")        # same errors as pandas, from the column names only
        _part_texts(articles._meta, columns)
        present, n_rows, n_missing = term_labels(articles, by)
    else:
        labels, _ = _labels(articles, by, "by")
        texts = _part_texts(articles, columns)
        present, n_rows, n_missing = labels, len(articles), int(labels.isna().sum())
    empty = _empty(TERM_COLUMNS)
    empty.attrs.update({"alpha0": {}, "n_tokens": {}, "missing_group": n_missing})
    if n_rows == 0:
        return empty
    order = _group_order(present, None)
    comparisons, g_index = _term_comparisons(order, by, group, other)
    if on_dask:
        from ._dask import term_cells

        kept, stats = term_cells(articles, by, columns, order, lo_n, hi_n, stops, min_count)
        models = _models_from_cells(kept, stats, len(order), lo_n, hi_n, prior=prior, alpha0=alpha0)
    else:
        pos = _positions(labels, order)
        models = _models_from_texts(texts, [pos[g] for g in order], lo_n, hi_n, stops, prior=prior,
                                    alpha0=alpha0, min_count=min_count)
    out = _score_terms(models, comparisons, g_index, rest=other is None, min_count=min_count, top=top)
    if out is None:
        return empty
    out.attrs.update({"alpha0": {m.n_words: m.alpha0 for m in models},
                      "n_tokens": {m.n_words: {order[i]: int(m.n_by_group[i]) for i in range(len(order))}
                                   for m in models},
                      "missing_group": n_missing, "prior": prior,
                      "stop_words": "english" if stop_words == "english" else
                      ("none" if stop_words is None else "custom")})
    return out


def _term_options(ngram: Any, prior: Any, alpha0: Any, min_count: Any, top: Any,
                  stop_words: Any) -> tuple[int, int, frozenset[str]]:
    """Check the options of :func:`distinctive_terms`; the n-gram range and the stop-word set."""
    lo_n, hi_n = _ngram_range(ngram)
    if prior not in ("informative", "uniform"):
        raise ValueError(f"prior must be 'informative' or 'uniform', got {prior!r}")
    if alpha0 is not None and not (isinstance(alpha0, (int, float)) and math.isfinite(alpha0) and alpha0 > 0):
        raise ValueError(f"alpha0 must be a positive number (or None for the default), got {alpha0!r}")
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"min_count must be a non-negative int, got {min_count!r}")
    if top is not None and (isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1):
        raise ValueError(f"top must be a positive int or None, got {top!r}")
    return lo_n, hi_n, _stop_set(stop_words)


def _term_comparisons(order: list[Any], by: Any, group: Any,
                      other: Any) -> tuple[list[tuple[Any, Any, list[int]]], dict[Any, int]]:
    """(group label, other label for the table, other group indices) of every comparison; group indices."""
    if len(order) < 2:
        raise ValueError(f"distinctive_terms needs at least two groups in {by if isinstance(by, str) else 'by'!r}; "
                         f"found {_preview(order)}")
    g_index = {g: i for i, g in enumerate(order)}
    if group is not None and group not in g_index:
        raise ValueError(f"unknown group {group!r}; the data has: {_preview(order)}")
    if other is not None:
        other_list = [other] if isinstance(other, str) or not isinstance(other, Iterable) else list(other)
        unknown = [o for o in other_list if o not in g_index]
        if unknown:
            raise ValueError(f"unknown other group(s) {unknown!r}; the data has: {_preview(order)}")
    focus = [group] if group is not None else list(order)
    comparisons: list[tuple[Any, Any, list[int]]] = []
    for g in focus:
        if other is None:
            comparisons.append((g, "rest", [g_index[o] for o in order if o != g]))
        else:
            other_groups = [o for o in other_list if o != g]
            if not other_groups:
                raise ValueError(f"group {g!r} cannot be compared with itself; pass another group as other=")
            label = other_groups[0] if len(other_groups) == 1 else other_groups
            comparisons.append((g, label, [g_index[o] for o in other_groups]))
    return comparisons, g_index


def _token_stream(texts: Sequence[str], rows: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tokens of every group as one stream, each group's texts followed by a boundary token.

    ``rows[i]`` are the positions in ``texts`` of group ``i``'s articles, joined with line
    breaks (a boundary: no n-gram crosses articles or groups). Returns the token codes, the
    distinct tokens (object array) and the group index of every token.
    """
    chunks: list[list[str]] = []
    for r in rows:
        blob = _fold("\n".join(texts[i] for i in r))
        chunks.append(_TOKEN_RE.findall(blob) + ["\n"])
    lengths = np.array([len(c) for c in chunks], dtype=np.int64)
    tokens = np.fromiter(itertools.chain.from_iterable(chunks), dtype=object, count=int(lengths.sum()))
    del chunks
    gid = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    codes, uniq = pd.factorize(tokens)
    return codes, np.asarray(uniq, dtype=object), gid


def _token_flags(uniq: np.ndarray, stops: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """Which distinct tokens are n-gram boundaries, and which are stop words."""
    uniq_index = pd.Index(uniq)
    is_boundary = np.asarray(uniq_index.isin(list(_BOUNDARY_CHARS)), dtype=bool)
    is_stop = np.asarray(uniq_index.isin(list(stops)), dtype=bool) if stops else np.zeros(len(uniq), bool)
    return is_boundary, is_stop


def _models_from_texts(texts: Sequence[str], rows: Sequence[np.ndarray], lo_n: int, hi_n: int,
                       stops: frozenset[str], *, prior: str, alpha0: float | None,
                       min_count: int) -> list[_NgramModel]:
    """The counts of every n-gram length that occurs, from the texts of every group (pandas path)."""
    codes, uniq, gid = _token_stream(texts, rows)
    is_boundary, is_stop = _token_flags(uniq, stops)
    models: list[_NgramModel] = []
    for n_words in range(lo_n, hi_n + 1):
        model = _ngram_model(codes, uniq, gid, len(rows), n_words, is_boundary, is_stop,
                             prior=prior, alpha0=alpha0, min_count=min_count)
        if model is not None:
            models.append(model)
    return models


def _term_cells(texts: Sequence[str], row_gid: np.ndarray, lo_n: int, hi_n: int,
                stops: frozenset[str]) -> pd.DataFrame:
    """Every (n-gram, group) count of a slice of the articles: ``term``, ``n_words``, ``gid``, ``count``.

    ``row_gid`` is every article's group index (−1: no group). One partition's share of
    :func:`distinctive_terms` on a Dask DataFrame; the same tokens and n-grams as the
    pandas path, with the term text (the partial counts of different partitions are
    summed by term).
    """
    present = np.unique(row_gid[row_gid >= 0])
    sorter = np.argsort(row_gid, kind="stable")
    bounds = np.searchsorted(row_gid[sorter], np.append(present, present[-1] + 1 if len(present) else 0))
    rows = [sorter[bounds[i]:bounds[i + 1]] for i in range(len(present))]
    frames = [pd.DataFrame({"term": pd.Series([], dtype=object), "n_words": pd.Series([], dtype=np.int64),
                            "gid": pd.Series([], dtype=np.int64), "count": pd.Series([], dtype=np.int64)})]
    if rows:
        codes, uniq, gid = _token_stream(texts, rows)
        is_boundary, is_stop = _token_flags(uniq, stops)
        for n_words in range(lo_n, hi_n + 1):
            cells = _ngram_cells(codes, len(uniq), gid, len(rows), n_words, is_boundary, is_stop)
            if cells is None:
                continue
            _, first, cell_g, cell_t, cell_count = cells
            terms = _ngram_text(codes, uniq, first, n_words)
            frames.append(pd.DataFrame({"term": terms[cell_t], "n_words": np.full(len(cell_t), n_words, np.int64),
                                        "gid": present[cell_g].astype(np.int64),
                                        "count": cell_count.astype(np.int64)}))
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def _models_from_cells(kept: pd.DataFrame, stats: pd.Series, n_groups: int, lo_n: int, hi_n: int, *,
                       prior: str, alpha0: float | None) -> list[_NgramModel]:
    """The counts of every n-gram length that occurs, from summed cells (Dask path).

    ``kept``: the (n-gram, group) counts of the terms kept by ``min_count`` (``term``,
    ``n_words``, ``gid``, ``count``; every group of a kept term); ``stats``: summed over the
    corpus, indexed by (``n_words``, ``gid``): tokens of that length and group, and the
    number of types of that length at ``gid`` −1.
    """
    models: list[_NgramModel] = []
    stat = {(int(n), int(g)): int(v) for (n, g), v in stats.items()}
    n_words_col = kept["n_words"].to_numpy(dtype=np.int64)
    for n_words in range(lo_n, hi_n + 1):
        n_types = stat.get((n_words, -1), 0)
        if n_types == 0:  # no n-gram of this length in the corpus
            continue
        n_by_group = np.array([stat.get((n_words, g), 0) for g in range(n_groups)], dtype=np.float64)
        sub = kept[n_words_col == n_words]
        term_id, uniq_terms = pd.factorize(sub["term"])
        terms = np.asarray(uniq_terms, dtype=object)
        gid = sub["gid"].to_numpy(dtype=np.int64)
        count = sub["count"].to_numpy(dtype=np.float64)
        total = np.bincount(term_id, weights=count, minlength=len(terms))
        by_group = np.argsort(gid, kind="stable")
        models.append(_model_from_counts(n_words, n_types, terms, total, n_by_group, gid[by_group],
                                         term_id[by_group], count[by_group], prior=prior, alpha0=alpha0))
    return models


def _score_terms(models: Sequence[_NgramModel], comparisons: list[tuple[Any, Any, list[int]]],
                 g_index: dict[Any, int], *, rest: bool, min_count: int, top: int | None) -> pd.DataFrame | None:
    """δ, z and ranks of every comparison from the counts (pandas and Dask paths alike); None: no row."""
    scored = [m for m in models if len(m.terms)]
    frames: list[pd.DataFrame] = []
    for g, other_label, others in comparisons:
        gi = g_index[g]
        parts: list[tuple[np.ndarray, ...]] = []
        for model in scored:
            y_a = model.counts([gi])
            n_a = float(model.n_by_group[gi])
            if rest:
                y_b = model.total - y_a
                n_b = model.n_all - n_a
            else:
                y_b = model.counts(others)
                n_b = float(model.n_by_group[others].sum())
            show = np.flatnonzero(y_a + y_b >= max(min_count, 1))
            ya, yb, aw, a0 = y_a[show], y_b[show], model.alpha_w[show], model.alpha0
            with np.errstate(divide="ignore", invalid="ignore"):
                delta = (np.log((ya + aw) / (n_a + a0 - ya - aw))
                         - np.log((yb + aw) / (n_b + a0 - yb - aw)))
                z = delta / np.sqrt(1.0 / (ya + aw) + 1.0 / (yb + aw))
                freq_a = ya / n_a if n_a else np.full(len(show), math.nan)
                freq_b = yb / n_b if n_b else np.full(len(show), math.nan)
            if model.n_types == 1:  # one type: its share is 1 on both sides, log-odds undefined
                delta = np.full(len(show), math.nan)
                z = np.full(len(show), math.nan)
            parts.append((model.terms[show], np.full(len(show), model.n_words), ya, yb, freq_a, freq_b,
                          delta, z, model.term_rank[show]))
        if not parts:
            continue
        term, n_w, ya, yb, freq_a, freq_b, delta, z, alpha_rank = (np.concatenate(c) for c in zip(*parts))
        # highest z first; ties: shorter n-gram, then alphabetical
        sort_z = np.where(np.isnan(z), -np.inf, z)
        if top is not None and top < len(sort_z):  # only the candidates for the top need sorting
            cut = np.partition(sort_z, len(sort_z) - top)[len(sort_z) - top]
            cand = np.flatnonzero(sort_z >= cut)
            idx = cand[np.lexsort((alpha_rank[cand], n_w[cand], -sort_z[cand]))][:top]
        else:
            idx = np.lexsort((alpha_rank, n_w, -sort_z))
        frames.append(pd.DataFrame({
            "group": [g] * len(idx), "other": [other_label] * len(idx), "term": term[idx],
            "n_words": n_w[idx], "count_group": ya[idx].astype(np.int64),
            "count_other": yb[idx].astype(np.int64), "freq_group": freq_a[idx], "freq_other": freq_b[idx],
            "log_odds": delta[idx], "z": z[idx], "rank": np.arange(1, len(idx) + 1, dtype=np.int64)}))
    frames = [f for f in frames if len(f)]
    if not frames:
        return None
    return pd.concat(frames, ignore_index=True)[TERM_COLUMNS]


def _fold(text: str) -> str:
    """Lower-case and make curly apostrophes straight (str.replace: much faster than translate)."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


@dataclass
class _NgramModel:
    """Counts of one n-gram length: kept vocabulary and sparse (group, term) cells."""

    n_words: int
    n_types: int             # distinct n-grams of this length (before min_count)
    terms: np.ndarray        # object array of term strings (kept vocabulary)
    term_rank: np.ndarray    # alphabetical rank of every kept term (for tie-breaking)
    total: np.ndarray        # corpus-wide count of every kept term
    alpha_w: np.ndarray      # prior of every kept term
    alpha0: float
    n_by_group: np.ndarray   # n-grams of this length per group (all terms, not only kept)
    n_all: float
    cell_term: np.ndarray    # kept-term index of every (group, term) cell, cells sorted by group
    cell_count: np.ndarray
    bounds: np.ndarray       # cells of group i are cell_*[bounds[i]:bounds[i + 1]]

    def counts(self, groups: Sequence[int]) -> np.ndarray:
        """Dense counts over the kept vocabulary, summed over ``groups``."""
        y = np.zeros(len(self.terms), dtype=np.float64)
        for gi in groups:  # a (group, term) cell is unique, so += never repeats an index
            s, e = self.bounds[gi], self.bounds[gi + 1]
            y[self.cell_term[s:e]] += self.cell_count[s:e]
        return y


def _model_from_counts(n_words: int, n_types: int, terms: np.ndarray, total: np.ndarray, n_by_group: np.ndarray,
                       cell_g: np.ndarray, cell_t: np.ndarray, cell_count: np.ndarray, *, prior: str,
                       alpha0: float | None) -> _NgramModel:
    """The model of one n-gram length from its counts (both paths build it here).

    ``terms``: the kept terms; ``total``: their corpus-wide counts; ``n_by_group``: the
    n-grams of this length per group (all terms); ``cell_*``: the (group, kept-term index,
    count) cells, sorted by group; ``n_types``: distinct n-grams of this length.
    """
    n_by_group = np.asarray(n_by_group, dtype=np.float64)
    n_all = float(n_by_group.sum())
    total = np.asarray(total, dtype=np.float64)
    if prior == "informative":
        a0 = float(alpha0) if alpha0 is not None else n_all
        alpha_w = a0 * total / n_all
    else:
        a0 = float(alpha0) if alpha0 is not None else 0.01 * n_types
        alpha_w = np.full(len(terms), a0 / n_types)
    term_rank = np.empty(len(terms), dtype=np.int64)
    term_rank[np.argsort(terms.astype(str), kind="stable")] = np.arange(len(terms))
    return _NgramModel(
        n_words=n_words, n_types=n_types, terms=terms, term_rank=term_rank, total=total, alpha_w=alpha_w,
        alpha0=a0, n_by_group=n_by_group, n_all=n_all, cell_term=np.asarray(cell_t, dtype=np.int64),
        cell_count=np.asarray(cell_count, dtype=np.float64),
        bounds=np.searchsorted(cell_g, np.arange(len(n_by_group) + 1)))


def _ngram_cells(codes: np.ndarray, n_uniq: int, gid: np.ndarray, n_groups: int, n_words: int,
                 is_boundary: np.ndarray, is_stop: np.ndarray
                 ) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(types, first position of every type, cell group, cell type, cell count) of one n-gram length.

    Types are numbered in order of first appearance; cells are the non-zero (group, type)
    counts, sorted by group then type. None when the stream has no n-gram of this length.
    """
    n_pos = len(codes) - n_words + 1
    if n_pos <= 0:
        return None
    ok = ~is_boundary[codes[:n_pos]]
    key = codes[:n_pos].astype(np.int64)
    for k in range(1, n_words):
        if k > 1:  # keep keys small: number the (k)-grams before appending a token
            key = pd.factorize(key)[0].astype(np.int64)
        nxt = codes[k:k + n_pos]
        ok &= ~is_boundary[nxt]
        key = key * n_uniq + nxt
    # stop words: not as a unigram, not at the start or end of an n-gram
    ok &= ~is_stop[codes[:n_pos]] & ~is_stop[codes[n_words - 1:n_words - 1 + n_pos]]
    where = np.flatnonzero(ok)
    if len(where) == 0:
        return None
    term_id, term_keys = pd.factorize(key[where])
    n_terms = len(term_keys)
    cell = gid[where] * n_terms + term_id
    if n_groups * n_terms <= 50_000_000:  # dense count then the non-zero cells: no sort needed
        dense = np.bincount(cell, minlength=n_groups * n_terms)
        cell = np.flatnonzero(dense)
        cell_count = dense[cell]
        del dense
    else:
        cell, cell_count = np.unique(cell, return_counts=True)
    cell_g, cell_t = np.divmod(cell, n_terms)
    # factorize numbers terms in order of appearance: a term's first position is where a new maximum starts
    new_max = np.empty(len(term_id), dtype=bool)
    new_max[0] = True
    new_max[1:] = term_id[1:] > np.maximum.accumulate(term_id)[:-1]
    return n_terms, where[new_max], cell_g, cell_t, cell_count


def _ngram_text(codes: np.ndarray, uniq: np.ndarray, first: np.ndarray, n_words: int) -> np.ndarray:
    """The text of the n-grams starting at positions ``first`` (object array)."""
    terms = np.empty(len(first), dtype=object)
    terms[:] = [" ".join(uniq[codes[p + k]] for k in range(n_words)) for p in first]
    return terms


def _ngram_model(codes: np.ndarray, uniq: np.ndarray, gid: np.ndarray, n_groups: int, n_words: int,
                 is_boundary: np.ndarray, is_stop: np.ndarray, *, prior: str, alpha0: float | None,
                 min_count: int) -> _NgramModel | None:
    """The model of one n-gram length from the token stream (pandas path); None when it has no n-gram."""
    cells = _ngram_cells(codes, len(uniq), gid, n_groups, n_words, is_boundary, is_stop)
    if cells is None:
        return None
    n_terms, first, cell_g, cell_t, cell_count = cells
    total = np.bincount(cell_t, weights=cell_count, minlength=n_terms)
    n_by_group = np.bincount(cell_g, weights=cell_count, minlength=n_groups)
    kept = np.flatnonzero(total >= max(min_count, 1))
    kept_of = np.full(n_terms, -1, dtype=np.int64)
    kept_of[kept] = np.arange(len(kept))
    sel = kept_of[cell_t] >= 0
    return _model_from_counts(n_words, n_terms, _ngram_text(codes, uniq, first[kept], n_words), total[kept],
                              n_by_group, cell_g[sel], kept_of[cell_t[sel]], cell_count[sel], prior=prior,
                              alpha0=alpha0)


# =========================================================================== kwic


def kwic(articles: pd.DataFrame, term_or_pattern: str, *, window: int = 60, regex: bool = False,
         case: bool = False, columns: Sequence[str] = ("title", "text")) -> pd.DataFrame:
    """Keyword in context: every match of a term or pattern with the text around it.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table (``article_id`` and ``outlet`` are copied when present;
        without ``article_id`` the row index is used).
    term_or_pattern : str
        A word or phrase matched as whole words, any white space between the
        words, case ignored (see :func:`term_pattern`); or, with ``regex=True``,
        a regular expression.
    window : int, default 60
        Characters of context on each side.
    regex : bool, default False
        Take ``term_or_pattern`` as a regular expression.
    case : bool, default False
        Match case.
    columns : sequence of str, default ('title', 'text')
        Columns searched; a column of lists (``captions``) is searched element by
        element, ``part`` is then ``'captions[0]'``, ``'captions[1]'``, ...

    Returns
    -------
    pandas.DataFrame
        ``article_id``, ``outlet``, ``part`` (column searched), ``start``,
        ``end`` (character offsets into that part: ``part_text[start:end] ==
        match``), ``left`` (the ``window`` characters before, as in the text,
        line breaks included), ``match``, ``right``. Empty matches are skipped.
        In article order, then part, then offset.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a1"], "outlet": ["X"], "title": ["Truce holds"],
    ...                      "text": ["The so-called truce held. A truce is fragile."]})
    >>> kwic(arts, "truce", window=8)[["part", "start", "end", "left", "match", "right"]]
        part  start  end      left  match     right
    0  title      0    5            Truce   holds
    1   text     14   19  -called   truce   held. A
    2   text     28   33  held. A   truce   is frag
    """
    if not isinstance(articles, pd.DataFrame):
        raise ValueError(f"articles must be a pandas DataFrame, got {type(articles).__name__}")
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window must be a non-negative int, got {window!r}")
    cols = [columns] if isinstance(columns, str) else list(columns)
    missing = [c for c in cols if c not in articles.columns]
    if missing:
        raise ValueError(f"columns {missing!r} not in the table; columns: {_preview(list(articles.columns))}")
    pattern = term_pattern(term_or_pattern, regex=regex, case=case)
    ids = articles["article_id"].tolist() if "article_id" in articles.columns else articles.index.tolist()
    outlets = articles["outlet"].tolist() if "outlet" in articles.columns else [None] * len(articles)
    cells = [articles[c].tolist() for c in cols]
    rows: list[tuple[Any, ...]] = []
    for r, (aid, outlet) in enumerate(zip(ids, outlets)):
        for c, col in enumerate(cols):
            v = cells[c][r]
            if isinstance(v, str):
                parts = [(col, v)]
            elif isinstance(v, (list, tuple, np.ndarray)):
                parts = [(f"{col}[{i}]", s) for i, s in enumerate(v) if isinstance(s, str)]
            else:
                continue
            for part, text in parts:
                for m in pattern.finditer(text):
                    s, e = m.span()
                    if e == s:
                        continue
                    rows.append((aid, outlet, part, s, e, text[max(0, s - window):s], text[s:e],
                                  text[e:e + window]))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS) if rows else _empty(KWIC_COLUMNS)


# =========================================================================== attention


def attention(articles: pd.DataFrame, by: str | pd.Series | None = "outlet", freq: str = "W", *,
              query: str | None = None, regex: bool = False, case: bool = False,
              columns: Sequence[str] = ("title", "text")) -> pd.DataFrame:
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
    if not isinstance(articles, pd.DataFrame):
        raise ValueError(f"articles must be a pandas DataFrame, got {type(articles).__name__}")
    if "published" not in articles.columns:
        raise ValueError("attention needs a 'published' column of dates; columns: "
                         f"{_preview(list(articles.columns))}")
    if by is None:
        labels = pd.Series("all", index=articles.index, dtype=object)
    else:
        labels, _ = _labels(articles, by, "by")
    pub = articles["published"]
    if not isinstance(pub.dtype, pd.DatetimeTZDtype) and not pd.api.types.is_datetime64_any_dtype(pub.dtype):
        try:
            pub = pd.to_datetime(pub, utc=True, errors="raise", format="mixed")
        except (ValueError, TypeError) as exc:
            raise ValueError(f"'published' could not be read as dates: {exc}") from None
    if isinstance(pub.dtype, pd.DatetimeTZDtype):
        pub = pub.dt.tz_convert("UTC").dt.tz_localize(None)
    try:
        periods = pub.dt.to_period(freq)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"freq={freq!r} is not a pandas period frequency ('D', 'W', 'M', 'Q', 'Y'): {exc}") \
            from None
    if query is None:
        matching = np.ones(len(articles), dtype=bool)
    else:
        pattern = term_pattern(query, regex=regex, case=case)
        cols = [columns] if isinstance(columns, str) else list(columns)
        matching = np.array([pattern.search(t) is not None for t in _part_texts(articles, cols)], dtype=bool)
    order = _group_order(labels, None)
    has_group = labels.notna().to_numpy(dtype=bool) if len(labels) else np.zeros(0, dtype=bool)
    dated = periods.notna().to_numpy(dtype=bool) if len(periods) else np.zeros(0, dtype=bool)
    undated = has_group & ~dated
    lab_list = labels.tolist()
    undated_by_group: dict[Any, int] = {}
    for i in np.flatnonzero(undated):
        undated_by_group[lab_list[i]] = undated_by_group.get(lab_list[i], 0) + 1
    use = has_group & dated
    attrs = {"undated": int(undated.sum()), "undated_matching": int((undated & matching).sum()),
             "undated_by_group": undated_by_group, "missing_group": int((~has_group).sum()),
             "freq": freq, "query": query}
    if not use.any():
        out = _empty(ATTENTION_COLUMNS)
        out.attrs.update(attrs)
        return out
    per = periods[use]
    all_periods = pd.period_range(per.min(), per.max(), freq=per.dt.freq)
    frame = pd.DataFrame({"period": per.to_numpy(), "group": labels[use].to_numpy(),
                          "match": matching[use].astype(np.int64)})
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
    out = out[ATTENTION_COLUMNS]
    out.attrs.update(attrs)
    return out
