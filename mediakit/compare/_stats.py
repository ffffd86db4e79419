"""Two-sample and paired statistics: pure NumPy, one sample (or two) at a time, no pandas grouping.

Effect sizes (:func:`cliffs_delta`, :func:`cliffs_magnitude`), rank tests (:func:`mann_whitney`,
:func:`wilcoxon_signed_rank`), resampling (:func:`bootstrap_ci`, :func:`permutation_test`,
:func:`sign_flip_test`) and :func:`adjust_pvalues`; plus the building blocks
:func:`mediakit.compare.compare` runs per group and metric (:func:`rank_stats`, :func:`boot_means`,
:func:`percentile_ci`, :func:`seeded_rng`). The formulas and references are in ``docs/compare.md``.
"""

from __future__ import annotations

import itertools
import math
import zlib
from typing import Any, NamedTuple

import numpy as np

from .._validation import check_option

__all__ = [
    "CLIFF_THRESHOLDS",
    "CORRECTIONS",
    "MAX_CELLS",
    "TestResult",
    "adjust_pvalues",
    "boot_means",
    "bootstrap_ci",
    "check_boot",
    "cliffs_delta",
    "cliffs_magnitude",
    "comb_at_most",
    "finite",
    "mann_whitney",
    "percentile_ci",
    "permutation_test",
    "rank_stats",
    "seeded_rng",
    "sign_flip_exact",
    "sign_flip_test",
    "wilcoxon_signed_rank",
]

#: Romano et al. (2006) thresholds on |Cliff's delta|: below 0.147 negligible,
#: below 0.33 small, below 0.474 medium, otherwise large.
CLIFF_THRESHOLDS: tuple[tuple[float, str], ...] = ((0.147, "negligible"), (0.33, "small"), (0.474, "medium"))

#: Multiple-comparison corrections of :func:`adjust_pvalues` (None: no correction).
CORRECTIONS = ("holm", "fdr_bh", "bonferroni", None)
MAX_CELLS = 2_000_000  # bootstrap / permutation work arrays are chunked to about this many cells


class TestResult(NamedTuple):
    """A test statistic and its two-sided p-value (NaN when undefined)."""

    statistic: float
    pvalue: float


def finite(x: Any) -> np.ndarray:
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


def rank_stats(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
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
    return rank_stats(finite(a), finite(b))[2]


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
    u, p, _ = rank_stats(finite(a), finite(b))
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
    x = finite(d)
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


def seeded_rng(seed: int | None, *keys: Any) -> np.random.Generator:
    """A generator seeded by ``seed`` and stable hashes of ``keys`` (group, metric, ...).

    Each group and metric gets its own stream, so its numbers do not depend on
    which other groups or metrics are in the table.
    """
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0):
        raise ValueError(f"seed must be a non-negative int or None, got {seed!r}")
    base = int(np.random.SeedSequence().entropy) if seed is None else int(seed)  # type: ignore[arg-type]
    words: list[int] = [base, *(zlib.crc32(str(k).encode("utf-8")) for k in keys)]
    return np.random.default_rng(words)


def boot_means(x: np.ndarray, n_boot: int, rng: np.random.Generator, cells: int = MAX_CELLS) -> np.ndarray:
    """Means of ``n_boot`` resamples (with replacement) of ``x``, vectorised in chunks of about ``cells`` draws.

    The chunks do not change the numbers: the generator draws element after element, and each resample's mean
    is taken over its own row. Chunks small enough to stay in the CPU's cache are faster."""
    n = len(x)
    out = np.empty(n_boot, dtype=float)
    if n == 0 or n_boot == 0:
        out.fill(math.nan)
        return out
    rows = max(1, cells // n)
    for start in range(0, n_boot, rows):
        stop = min(n_boot, start + rows)
        out[start:stop] = x[rng.integers(0, n, size=(stop - start, n))].mean(axis=1)
    return out


def percentile_ci(boot: np.ndarray, ci: float) -> tuple[float, float]:
    """The ``(1 − ci)/2`` and ``(1 + ci)/2`` quantiles of bootstrap estimates; NaN when any is missing."""
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
    check_boot(n_boot, ci)
    return percentile_ci(boot_means(finite(x), n_boot, seeded_rng(seed)), ci)


def check_boot(n_boot: int, ci: float) -> None:
    """Raise :class:`ValueError` unless ``n_boot`` is a non-negative int and ``0 < ci < 1``."""
    if isinstance(n_boot, bool) or not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise ValueError(f"n_boot must be a non-negative int (0 skips the bootstrap), got {n_boot!r}")
    if not isinstance(ci, (int, float)) or not 0.0 < float(ci) < 1.0:
        raise ValueError(f"ci must be a coverage between 0 and 1 (e.g. 0.95), got {ci!r}")


def comb_at_most(n: int, k: int, limit: int) -> bool:
    """Whether C(n, k) <= limit, without building huge integers."""
    k = min(k, n - k)
    c = 1
    for i in range(1, k + 1):
        c = c * (n - k + i) // i
        if c > limit:
            return False
    return True


def sign_flip_exact(n: int, n_perm: int) -> bool:
    """Whether :func:`sign_flip_test` enumerates all ``2**n`` sign patterns (an exact p-value)."""
    return n < 63 and 2 ** n <= n_perm


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
    x_a, x_b = finite(a), finite(b)
    na, nb = len(x_a), len(x_b)
    if na == 0 or nb == 0:
        return TestResult(math.nan, math.nan)
    x = np.concatenate([x_a, x_b])
    n = na + nb
    observed = float(x_a.mean() - x_b.mean())
    tol = 1e-9 * max(1.0, float(np.abs(x).max()))
    total_sum = float(x.sum())
    if comb_at_most(n, na, n_perm):
        combos = np.fromiter(itertools.chain.from_iterable(itertools.combinations(range(n), na)),
                             dtype=np.int64).reshape(-1, na)
        sums = x[combos].sum(axis=1)
        stats = sums / na - (total_sum - sums) / nb
        return TestResult(observed, _count_extreme(stats, observed, tol) / len(stats))
    gen = rng if rng is not None else seeded_rng(seed)
    rows = max(1, MAX_CELLS // n)
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
    x = finite(d)
    n = len(x)
    if n == 0:
        return TestResult(math.nan, math.nan)
    observed = float(x.mean())
    tol = 1e-9 * max(1.0, float(np.abs(x).max()))
    if sign_flip_exact(n, n_perm):
        bits = (np.arange(2 ** n, dtype=np.int64)[:, None] >> np.arange(n, dtype=np.int64)) & 1
        stats = ((2 * bits - 1) * x).mean(axis=1)
        return TestResult(observed, _count_extreme(stats, observed, tol) / len(stats))
    gen = rng if rng is not None else seeded_rng(seed)
    rows = max(1, MAX_CELLS // n)
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
    check_option(method, CORRECTIONS, name="method", func="adjust_pvalues")
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

