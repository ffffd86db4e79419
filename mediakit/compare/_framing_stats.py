"""Permutation tests that respect articles: outlets shuffled among articles (within events), not mentions.

The building blocks of :func:`mediakit.compare.find_framing_differences`, pure NumPy:

* :func:`shuffled_labels` — group labels shuffled among articles, within strata (events) when given,
  in chunks of at most :data:`mediakit.compare._stats.MAX_CELLS` cells;
* :func:`count_test` — a 2 × k table of counts (mentions of each variant, label, role or party in
  two groups of articles): Pearson's chi-square of the pooled table, Cramér's V, and a permutation
  p-value that shuffles the group among the *articles* (so that 20 mentions in one article are not
  20 independent observations);
* :func:`score_test` — one value per article (a rate, a mean sentiment): difference of means,
  Cliff's delta and a permutation p-value with the same shuffles;
* :func:`small_stop`, :func:`cp_upper`, :func:`end_tail` — the sequential rule that stops a test with a
  small p-value after a pilot of :data:`PILOT` shuffles (driven by :mod:`mediakit.compare._framing_seq`);
* :func:`share_diff_ci` and :func:`mean_diff_ci` — bootstrap CIs of a difference of shares (cluster
  bootstrap: articles resampled within each group) or of means.

Formulas and references are in ``docs/compare.md`` (section "Framing differences").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ._sources import cluster_bootstrap
from ._stats import MAX_CELLS, boot_means, percentile_ci, rank_stats

__all__ = ["BLOCK_CELLS", "CHUNK", "MAX_STOP_HITS", "PILOT", "SETTLE_RISK", "STOP_HITS", "STOP_P", "CountTest", "ScoreTest", "SmallStop",
           "Tally", "count_test",
           "chunk_rows", "cp_lower", "cp_upper", "end_tail", "mean_diff_ci", "pilot_size", "score_test", "share_diff_ci", "shuffled_labels",
           "small_look", "small_stop", "strata_codes"]


#: Shuffles drawn at a time (and checked for early stopping).
CHUNK = 250
#: Cells (articles × shuffles) of the pieces a chunk is drawn and read in: 512 KiB of floats, which stay in the
#: CPU's cache from the shuffle to the statistic (a whole chunk, up to 16 MiB, went to memory and back).
BLOCK_CELLS = 65_536
#: A test stops once this many shuffles are as extreme as the data: its p-value is then clearly large
#: (at least STOP_HITS / n_perm), and the remaining shuffles would not change the conclusion.
STOP_HITS = 25
#: ... and once at least this share of the shuffles so far are as extreme (small p-values are never cut short).
STOP_P = 0.1


#: Shuffles before the interim look of the sequential rule for small p-values (rounded up to whole chunks).
PILOT = 500
#: A test stops at the interim look when its p-value is below the threshold with this risk at most
#: (one-sided Clopper-Pearson bound of the permutation p-value from the shuffles so far).
SETTLE_RISK = 0.001
#: At most this many extreme shuffles at the look for a stop: a larger boundary stops more tests but
#: raises the p-values of the tests run to the end (:func:`end_tail`) more.
MAX_STOP_HITS = 2


class SmallStop(NamedTuple):
    """The sequential rule for small p-values: after ``at`` shuffles, stop with at most ``hits`` as extreme."""

    at: int
    hits: int


class Tally:
    """A permutation test paused after its pilot: its shuffles not drawn yet, and the counts so far.

    :func:`count_test` and :func:`score_test` given a fresh one store their shuffles in it; given it
    again, they go on from where the pilot paused (the same generator, so the same shuffles as a run
    from the start, without drawing the pilot's again).
    """

    __slots__ = ("chunks", "done", "hits")

    def __init__(self) -> None:
        self.chunks: Iterator[tuple[int, int]] | None = None
        self.hits = 0
        self.done = 0


class CountTest(NamedTuple):
    """Result of :func:`count_test`."""

    chi2: float
    cramers_v: float
    pvalue: float


class ScoreTest(NamedTuple):
    """Result of :func:`score_test`."""

    diff: float
    cliffs_delta: float
    pvalue: float


def strata_codes(values: np.ndarray | None, n: int) -> np.ndarray:
    """Integer codes 0..S-1 of the strata (events); one stratum for all when ``values`` is None.

    The codes take the smallest unsigned integer type that holds them (one byte for up to 256 events): every
    pending test of a corpus keeps its own (the 8,118 tests of the whole AllSides file held 260 MiB of them as
    int64), and the tests read them only by value (:func:`shuffled_labels`), so the results do not change.
    """
    if values is None:
        return np.zeros(n, dtype=np.uint8)
    keys = np.array(["" if v is None else str(v) for v in values], dtype=object)
    _, codes = np.unique(keys.astype(str), return_inverse=True)
    codes = codes.ravel()
    return codes.astype(np.min_scalar_type(int(codes.max()) if len(codes) else 0))


def chunk_rows(n: int) -> int:
    """Shuffles of ``n`` articles in one chunk (:data:`CHUNK`, fewer for a large ``n``: at most
    :data:`~mediakit.compare._stats.MAX_CELLS` cells): the early stops are checked after each chunk."""
    return max(1, min(CHUNK, MAX_CELLS // max(n, 1)))


def shuffled_labels(labels: np.ndarray, strata: np.ndarray, n_perm: int, rng: np.random.Generator,
                    dtype: type = bool, block: int = 0) -> Iterator[np.ndarray]:
    """Chunks of ``(k, n)`` boolean arrays: ``labels`` shuffled within each stratum, ``n_perm`` rows in all.

    Parameters
    ----------
    labels : numpy.ndarray
        ``(n,)`` bool: the article is in the first group.
    strata : numpy.ndarray
        ``(n,)`` int codes (:func:`strata_codes`); labels move only within a stratum.
    n_perm : int
        Shuffles.
    rng : numpy.random.Generator
        Random generator (seeded by the caller).
    dtype : type, default bool
        The rows' dtype: ``float`` gives 0.0 / 1.0 ready for a product, with the same shuffles (the
        generator's draws do not depend on the dtype) and in the same memory layout as
        ``chunk.astype(float)`` of the boolean chunk; one stratum, the 8-byte shuffle is faster too.
    block : int, default 0
        > 0: each chunk (:func:`chunk_rows` rows) comes in pieces of about this many cells (at least one
        row; a piece never spans two chunks), the same shuffles in the same order: the generator draws
        row after row, so a chunk drawn in pieces is the chunk drawn at once. A piece of a few hundred KiB
        stays in the CPU's cache from its shuffle to the statistic that reads it.

    Yields
    ------
    numpy.ndarray
        Shuffled labels, one shuffle per row; each row has as many True values per stratum as ``labels``.

    Examples
    --------
    >>> lab = np.array([True, False, True, False])
    >>> rows = np.vstack(list(shuffled_labels(lab, np.array([0, 0, 1, 1]), 50, np.random.default_rng(0))))
    >>> rows.shape, bool((rows[:, :2].sum(axis=1) == 1).all())
    ((50, 4), True)
    """
    n = len(labels)
    if n == 0 or n_perm <= 0:
        return
    as_dtype: np.ndarray = labels.astype(bool).astype(dtype)
    rows = chunk_rows(n)
    sizes = _piece_sizes(n_perm, rows, max(1, min(rows, block // n)) if block > 0 else rows)
    # each piece yielded as made, held by no name: a paused test (:class:`Tally`) keeps this generator
    if bool((strata == strata[0]).all()):  # one stratum
        for k in sizes:
            yield rng.permuted(np.broadcast_to(as_dtype, (k, n)), axis=1)
        return
    order = np.argsort(strata, kind="stable")
    sorted_labels = as_dtype[order]
    offset = 2.0 * strata[order].astype(float)
    for k in sizes:
        yield _within_strata(sorted_labels, order, offset, k, rng, dtype)


def _piece_sizes(n_perm: int, rows: int, piece: int) -> Iterator[int]:
    """The rows of each piece: chunks of ``rows`` (the last one shorter) in pieces of at most ``piece``."""
    for start in range(0, n_perm, rows):
        k = min(n_perm, start + rows) - start
        for at in range(0, k, piece):
            yield min(piece, k - at)


def _within_strata(sorted_labels: np.ndarray, order: np.ndarray, offset: np.ndarray, k: int,
                   rng: np.random.Generator, dtype: type) -> np.ndarray:
    """``k`` shuffles of the labels within their strata (``sorted_labels``: sorted by stratum, ``order`` the sort,
    ``offset`` twice the sorted strata): a uniform draw per article, sorted within its stratum."""
    n = len(order)
    perm = np.argsort(rng.random((k, n)) + offset[None, :], axis=1)
    out: np.ndarray = np.empty((k, n), dtype=dtype)
    out[:, order] = sorted_labels[perm]
    return out


def pilot_size(n: int, n_perm: int) -> int:
    """Shuffles before the interim look for ``n`` articles: :data:`PILOT` in whole chunks; 0: no look."""
    rows = chunk_rows(n)
    at = -(-PILOT // rows) * rows
    return at if at < n_perm else 0


def _log_binom_cdf(h: int, n: int, u: float) -> float:
    """log P(X <= h) for X ~ Binomial(n, u), 0 < u < 1."""
    terms = [math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * math.log(u)
             + (n - i) * math.log1p(-u) for i in range(h + 1)]
    top = max(terms)
    return top + math.log(sum(math.exp(t - top) for t in terms))


@lru_cache(maxsize=4096)  # pure, and asked again for every test of a table
def cp_upper(hits: int, done: int, risk: float = SETTLE_RISK) -> float:
    """One-sided Clopper-Pearson upper bound of a proportion: ``hits`` out of ``done``, error ``risk``.

    Examples
    --------
    >>> round(cp_upper(0, 500, 0.001), 4)
    0.0137
    """
    if hits >= done:
        return 1.0
    lo, hi, target = 0.0, 1.0, math.log(risk)
    for _ in range(60):  # P(X <= hits | u) falls with u: bisect for the u where it equals ``risk``
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if _log_binom_cdf(hits, done, mid) > target else (lo, mid)
    return hi


@lru_cache(maxsize=4096)  # pure, and asked again for every test of a table
def cp_lower(hits: int, done: int, risk: float = SETTLE_RISK) -> float:
    """One-sided Clopper-Pearson lower bound of a proportion: ``hits`` out of ``done``, error ``risk``.

    Examples
    --------
    >>> cp_lower(0, 500), 0.01 < cp_lower(20, 500) < 0.04
    (0.0, True)
    """
    if hits <= 0:
        return 0.0
    lo, hi, target = 0.0, 1.0, math.log1p(-risk)
    for _ in range(60):  # P(X <= hits - 1 | u) falls with u: bisect for the u where it equals 1 - risk
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if _log_binom_cdf(hits - 1, done, mid) > target else (lo, mid)
    return lo


def small_stop(threshold: float, at: int, risk: float = SETTLE_RISK) -> SmallStop | None:
    """The rule that stops a test after ``at`` shuffles when its p-value is surely below ``threshold``.

    Stop with ``h`` shuffles as extreme when the Clopper-Pearson upper bound of the p-value
    (:func:`cp_upper`, error ``risk``) is below ``threshold`` and ``h`` is at most
    :data:`MAX_STOP_HITS`; None: no ``h`` qualifies (or ``at`` is 0).
    """
    if at <= 0 or not threshold > 0:
        return None
    hits = -1
    while hits + 1 < min(at, MAX_STOP_HITS + 1) and cp_upper(hits + 1, at, risk) < threshold:
        hits += 1
    return SmallStop(at, hits) if hits >= 0 else None


@lru_cache(maxsize=4096)  # pure, and asked again for every test of a table
def small_look(threshold: float, n: int, n_perm: int, risk: float = SETTLE_RISK) -> SmallStop | None:
    """The earliest look (the pilot's, or a later whole chunk) where :func:`small_stop` can stop a test of ``n`` articles.

    A small ``threshold`` needs more shuffles before a p-value can be surely below it; None when even
    ``n_perm`` shuffles are not enough (the test then simply runs to its end).
    """
    at = pilot_size(n, n_perm)
    if at <= 0 or not threshold > 0:
        return None
    rows = chunk_rows(n)
    need = math.log(1 / risk) / threshold  # cp_upper(0, L) ~ 1 - risk ** (1 / L) < threshold
    if need > at:
        at += -(-int(need - at) // rows) * rows
    while at < n_perm:
        rule = small_stop(threshold, at, risk)
        if rule is not None:
            return rule
        at += rows
    return None


@lru_cache(maxsize=64)
def end_tail(n_perm: int, at: int, hits: int) -> np.ndarray:
    """What a test run to its end adds to ``(1 + h) / (1 + n_perm)`` under :class:`SmallStop` ``(at, hits)``.

    Element ``h``: ``P(stopped at the look and more than h hits in all)`` under the null, that is
    ``Σ_{t > h} P(at most `hits` of t hits in the first `at` shuffles) / (1 + n_perm)`` (hypergeometric).
    Tiny unless ``h`` is small; it keeps the p-value of the whole sequential test valid.
    """
    rest = n_perm - at

    def lcomb(a: int, b: int) -> float:
        return math.lgamma(a + 1) - math.lgamma(b + 1) - math.lgamma(a - b + 1)

    q = np.zeros(n_perm + 1)
    for t in range(n_perm + 1):
        lt = lcomb(n_perm, t)
        q[t] = sum(math.exp(lcomb(at, i) + lcomb(rest, t - i) - lt) for i in range(min(hits, t) + 1)
                   if t - i <= rest)
        if t > hits and q[t] < 1e-300:
            break
    tail = np.concatenate([np.cumsum(q[::-1])[::-1][1:], [0.0]]) / (1 + n_perm)
    return tail


def _pvalue(hits_per_chunk: Iterator[tuple[int, int]], n_perm: int, stop: SmallStop | None = None,
            look: int = 0, tally: Tally | None = None) -> float:
    """Permutation p-value, with two sequential stops.

    Large p-values: stop once at least :data:`STOP_HITS` shuffles, and at least :data:`STOP_P` of
    them, are as extreme (Besag & Clifford 1991: ``p = h / L`` after ``L`` shuffles). Small ones,
    with ``stop`` (:func:`small_stop`): stop after ``stop.at`` shuffles with at most ``stop.hits``
    as extreme, ``p = (1 + h) / (1 + L)``; a test run to the end then gets ``(1 + h) / (1 + n_perm)``
    plus :func:`end_tail` (the chance of the early stop beyond its ``h``), so that ``P(p <= x) <= x``
    under the null. Without stops, ``(1 + h) / (1 + n_perm)``. ``look`` > 0: pause after ``look``
    shuffles unless stopped by then, returning ``-(1 + h) / (1 + look)`` (a pilot: the same shuffles
    and stops as the full run up to there). ``tally``: the counts start from it, and a pause stores them
    in it (the full run then goes on with the same ``hits_per_chunk``).
    """
    hits, done = (tally.hits, tally.done) if tally is not None else (0, 0)
    for h, k in hits_per_chunk:
        hits += h
        done += k
        if stop is not None and done == stop.at and hits <= stop.hits and done < n_perm:
            return (1 + hits) / (1 + done)
        if hits >= STOP_HITS and hits >= STOP_P * done and done < n_perm:
            return hits / done
        if 0 < look <= done:
            if tally is not None:
                tally.hits, tally.done = hits, done
            return -(1 + hits) / (1 + done)
    p = (1 + hits) / (1 + n_perm)
    if stop is not None and 0 < stop.at < n_perm:
        p += float(end_tail(n_perm, stop.at, stop.hits)[min(hits, n_perm)])
    return p


def _tallied(labels: np.ndarray, strata: np.ndarray, n_perm: int, rng: np.random.Generator, data: np.ndarray,
             extreme: Callable[[np.ndarray], int], tally: Tally | None) -> Iterator[tuple[int, int]]:
    """``(shuffles as extreme, shuffles)`` per chunk: those a paused ``tally`` holds, else new ones (kept in it).

    ``extreme`` reads the product of a chunk of shuffles with ``data`` (an article's counts or value). Whole
    numbers are multiplied piece by piece (:func:`shuffled_labels` with ``block``: the pieces stay in the CPU's
    cache): their sums are the same in any order, so the products are the chunk's to the bit. Other values are
    multiplied a chunk at a time, as they always were (a matrix product's rounding can depend on its shape)."""
    if tally is not None and tally.chunks is not None:
        return tally.chunks
    whole = bool(np.array_equal(data, np.trunc(data)) and len(data) * float(np.abs(data).max(initial=0.0)) < 2.0**53)
    pieces = shuffled_labels(labels, strata, n_perm, rng, float, BLOCK_CELLS if whole else 0)
    chunks = _extreme_per_chunk(pieces, data, extreme, chunk_rows(len(labels)), n_perm)
    if tally is not None:
        tally.chunks = chunks
    return chunks


def _extreme_per_chunk(pieces: Iterator[np.ndarray], data: np.ndarray, extreme: Callable[[np.ndarray], int],
                       rows: int, n_perm: int) -> Iterator[tuple[int, int]]:
    """``(shuffles as extreme, shuffles)`` of each chunk of ``rows`` shuffles (the last one shorter): ``extreme`` of
    the products ``piece @ data`` of its pieces, stacked."""
    parts: list[np.ndarray] = []
    done = total = 0
    for piece in pieces:
        parts.append(piece @ data)
        done += len(piece)
        del piece  # paused, the generator holds no piece
        if done == min(rows, n_perm - total):
            products = np.concatenate(parts) if len(parts) > 1 else parts[0]
            parts = []
            total += done
            yield extreme(products), done
            done = 0


def _chi2_rows(a: np.ndarray, total: np.ndarray) -> np.ndarray:
    """Pearson's chi-square of the 2 × k tables ``[a_r; total − a_r]`` for every row ``a_r`` of ``a``."""
    b = total[None, :] - a
    n = float(total.sum())
    ra = a.sum(axis=1, keepdims=True)
    rb = n - ra
    with np.errstate(divide="ignore", invalid="ignore"):
        ea = ra * total[None, :] / n
        eb = rb * total[None, :] / n
        chi = np.where(ea > 0, (a - ea) ** 2 / ea, 0.0) + np.where(eb > 0, (b - eb) ** 2 / eb, 0.0)
    return chi.sum(axis=1)


def count_test(counts: np.ndarray, labels: np.ndarray, strata: np.ndarray, n_perm: int,
               rng: np.random.Generator, stop: SmallStop | None = None,
               look: int = 0, tally: Tally | None = None) -> CountTest:
    """Chi-square of a 2 × k count table with a permutation p-value over articles.

    Parameters
    ----------
    counts : numpy.ndarray
        ``(n_articles, k)`` counts per article and category.
    labels : numpy.ndarray
        ``(n_articles,)`` bool: the article is in the first group (the other ones in the second).
    strata : numpy.ndarray
        Event codes: articles change group only within their event.
    n_perm : int
        Shuffles; ``p = (1 + #{χ²* ≥ χ²}) / (1 + n_perm)`` (Phipson & Smyth 2010), or ``h / L`` when
        the test stops early after ``L`` shuffles, ``h`` of them as extreme, ``h`` ≥ :data:`STOP_HITS`
        and ``h / L`` ≥ :data:`STOP_P` (Besag & Clifford 1991). 0 skips the test.
    rng : numpy.random.Generator
        Random generator.
    stop : SmallStop, optional
        The sequential rule for small p-values (:func:`small_stop`; see :func:`_pvalue`).
    look : int, default 0
        > 0: a pilot that pauses after ``look`` shuffles (p-value ``-(1 + h) / (1 + look)``) unless
        a stop came first.
    tally : Tally, optional
        A fresh one: the shuffles are kept in it (to go on after a pilot's pause); one a pilot paused
        in: the test goes on from there (``rng`` is then not used: the pilot's generator goes on).

    Returns
    -------
    CountTest
        ``(chi2, cramers_v, pvalue)``: Pearson's χ² of the pooled table, Cramér's V
        ``sqrt(χ² / N)`` (N mentions; a 2 × k table has min(2, k) − 1 = 1) and the p-value;
        NaN when a group has no count or only one category occurs.

    Examples
    --------
    >>> c = np.array([[3, 0], [2, 0], [4, 1], [0, 3], [1, 2], [0, 4]])
    >>> lab = np.array([True, True, True, False, False, False])
    >>> r = count_test(c, lab, np.zeros(6, dtype=int), 2000, np.random.default_rng(0))
    >>> round(r.cramers_v, 2), r.pvalue < 0.2
    (0.8, True)
    """
    counts = np.asarray(counts, dtype=float)
    keep = counts.sum(axis=0) > 0
    if not keep.all():  # no copy otherwise: a paused test (:class:`Tally`) keeps these counts
        counts = counts[:, keep]
    total = counts.sum(axis=0)
    n = float(total.sum())
    a_obs = counts[labels].sum(axis=0)
    if counts.shape[1] < 2 or a_obs.sum() == 0 or a_obs.sum() == n:
        return CountTest(math.nan, math.nan, math.nan)
    chi2 = float(_chi2_rows(a_obs[None, :], total)[0])
    v = math.sqrt(chi2 / n) if n > 0 else math.nan
    if n_perm <= 0:
        return CountTest(chi2, v, math.nan)
    tol = 1e-9 * max(1.0, chi2)

    def extreme(products: np.ndarray) -> int:  # the shuffles' counts in the first group
        return int(np.count_nonzero(_chi2_rows(products, total) >= chi2 - tol))

    chunks = _tallied(labels, strata, n_perm, rng, counts, extreme, tally)
    return CountTest(chi2, v, _pvalue(chunks, n_perm, stop, look, tally))


def score_test(values: np.ndarray, labels: np.ndarray, strata: np.ndarray, n_perm: int,
               rng: np.random.Generator, stop: SmallStop | None = None,
               look: int = 0, tally: Tally | None = None) -> ScoreTest:
    """Difference of means of one value per article, Cliff's delta, and a permutation p-value.

    Parameters
    ----------
    values : numpy.ndarray
        ``(n_articles,)`` finite values.
    labels, strata, n_perm, rng, stop, look, tally
        As in :func:`count_test`.

    Returns
    -------
    ScoreTest
        ``(mean(first) − mean(second), Cliff's delta, p)``; NaN when a group is empty.

    Examples
    --------
    >>> x = np.array([5.0, 6, 7, 8, 1, 2, 3, 4])
    >>> r = score_test(x, np.arange(8) < 4, np.zeros(8, dtype=int), 2000, np.random.default_rng(0))
    >>> r.diff, r.cliffs_delta, r.pvalue < 0.05
    (4.0, 1.0, True)
    """
    x = np.asarray(values, dtype=float)
    na = int(labels.sum())
    nb = len(x) - na
    if na == 0 or nb == 0:
        return ScoreTest(math.nan, math.nan, math.nan)
    diff = float(x[labels].mean() - x[~labels].mean())
    delta = rank_stats(x[labels], x[~labels])[2]
    if n_perm <= 0:
        return ScoreTest(diff, delta, math.nan)
    total = float(x.sum())
    tol = 1e-9 * max(1.0, float(np.abs(x).max()))

    def extreme(sums: np.ndarray) -> int:  # the shuffles' sums of the first group
        return int(np.count_nonzero(np.abs(sums / na - (total - sums) / nb) >= abs(diff) - tol))

    chunks = _tallied(labels, strata, n_perm, rng, x, extreme, tally)
    return ScoreTest(diff, delta, _pvalue(chunks, n_perm, stop, look, tally))


def share_diff_ci(num_a: np.ndarray, den_a: np.ndarray, num_b: np.ndarray, den_b: np.ndarray, n_boot: int,
                  ci: float, rng: np.random.Generator) -> tuple[float, float]:
    """Cluster-bootstrap CI of ``sum(num_a)/sum(den_a) − sum(num_b)/sum(den_b)`` (articles resampled per group).

    Examples
    --------
    >>> lo, hi = share_diff_ci(np.array([2, 3, 1]), np.array([2, 3, 2]), np.array([0, 1, 0]),
    ...                        np.array([2, 2, 3]), 500, 0.95, np.random.default_rng(0))
    >>> 0 < lo < hi <= 1
    True
    """
    if n_boot <= 0 or len(num_a) == 0 or len(num_b) == 0:
        return math.nan, math.nan
    ba = _pair_bootstrap(np.column_stack([num_a, den_a]), n_boot, rng)
    bb = _pair_bootstrap(np.column_stack([num_b, den_b]), n_boot, rng)
    with np.errstate(divide="ignore", invalid="ignore"):
        diff = ba[:, 0] / ba[:, 1] - bb[:, 0] / bb[:, 1]
    diff = diff[np.isfinite(diff)]
    return percentile_ci(diff, ci) if len(diff) else (math.nan, math.nan)


def mean_diff_ci(a: np.ndarray, b: np.ndarray, n_boot: int, ci: float,
                 rng: np.random.Generator) -> tuple[float, float]:
    """Percentile bootstrap CI of ``mean(a) − mean(b)`` (each sample resampled on its own)."""
    if n_boot <= 0 or len(a) == 0 or len(b) == 0:
        return math.nan, math.nan
    return percentile_ci(boot_means(a, n_boot, rng, BLOCK_CELLS) - boot_means(b, n_boot, rng, BLOCK_CELLS), ci)


#: Packed sums of :func:`_pair_bootstrap`: each column's sum below this (the low one holds 32 bits, the whole in 63).
_PACKED_LIMIT = 2.0**31


def _pair_bootstrap(counts: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """:func:`~mediakit.compare._sources.cluster_bootstrap` of two columns of counts, the same numbers faster.

    The same draws (the generator draws element after element: resamples drawn in pieces of about
    :data:`BLOCK_CELLS`, which stay in the CPU's cache, are those drawn a chunk at a time), and the same sums:
    whole counts whose sums fit in 31 bits are packed two in one 64-bit integer (one gather and one sum
    instead of two), and a sum of whole numbers is exact in any order. Other counts: ``cluster_bootstrap``.
    """
    n = len(counts)
    cf = counts.astype(float)
    if not (n and cf.shape[1] == 2 and np.array_equal(cf, np.trunc(cf)) and float(cf.min()) >= 0
            and n * float(cf.max()) < _PACKED_LIMIT):
        return cluster_bootstrap(counts, n_boot, rng)
    packed = (cf[:, 1].astype(np.int64) << 32) | cf[:, 0].astype(np.int64)
    out = np.empty((n_boot, 2), dtype=float)
    piece = max(1, BLOCK_CELLS // n)
    for start in range(0, n_boot, piece):
        sums = packed[rng.integers(0, n, size=(min(piece, n_boot - start), n))].sum(axis=1)
        out[start:start + piece, 0] = sums & 0xFFFFFFFF
        out[start:start + piece, 1] = sums >> 32
    return out
