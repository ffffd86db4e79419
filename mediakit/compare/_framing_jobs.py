"""The tests of :func:`mediakit.compare.find_framing_differences` as data: picklable, so worker processes can run them.

A pending test (:class:`~mediakit.compare._framing_seq.PendingTest`) calls ``test`` and ``ci``. Here
they are methods of small dataclasses holding exactly the arrays the test reads, instead of closures
over the caller's locals: :func:`~mediakit.compare._framing_seq.run_tests` can then send a share of the
tests to each worker process (``n_jobs``), where each runs with its own generator, as in this process.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._framing_stats import SmallStop, Tally, count_test, mean_diff_ci, score_test, share_diff_ci

__all__ = ["CountJob", "ScoreJob"]


@dataclass(frozen=True)
class CountJob:
    """The test of a 2 × k count table (:func:`count_test`) and the CI of the share of category ``j``.

    Attributes
    ----------
    counts : numpy.ndarray
        ``(n, k)`` counts per article and category: the table of a subject, shared by the tests of its
        comparisons (one table per subject in memory, and in a worker's pickle, instead of a copy per test).
    use : numpy.ndarray
        ``(n,)`` bool: the articles of this comparison (``n_articles`` of them).
    is_a : numpy.ndarray
        ``(n_articles,)`` bool: the article is in the first group.
    strata : numpy.ndarray
        Event codes (articles change group only within their event).
    j : int
        The category whose difference of shares gets a CI.
    n_boot : int
        Bootstrap resamples of the CI.
    level : float
        Coverage of the CI.
    """

    counts: np.ndarray
    use: np.ndarray
    is_a: np.ndarray
    strata: np.ndarray
    j: int
    n_boot: int
    level: float

    @property
    def table(self) -> np.ndarray:
        """``(n_articles, k)`` counts of this comparison's articles (made when a test or CI reads them)."""
        return self.counts[self.use]

    def test(self, n_perm: int, rng: np.random.Generator, stop: SmallStop | None, look: int = 0,
             tally: Tally | None = None) -> tuple[float, float, float]:
        """``(chi2, cramers_v, p)`` of :func:`count_test`."""
        return tuple(count_test(self.table, self.is_a, self.strata, n_perm, rng, stop, look, tally))  # type: ignore[return-value]

    def ci(self, rng: np.random.Generator) -> tuple[float, float]:
        """Cluster-bootstrap CI of the difference of the shares of category ``j`` (:func:`share_diff_ci`)."""
        table = self.table
        ca, cb = table[self.is_a], table[~self.is_a]
        return share_diff_ci(ca[:, self.j], ca.sum(axis=1), cb[:, self.j], cb.sum(axis=1), self.n_boot, self.level,
                             rng)


@dataclass(frozen=True)
class ScoreJob:
    """The test of one value per article (:func:`score_test`) and the CI of the difference of means.

    Attributes
    ----------
    x : numpy.ndarray
        ``(n_articles,)`` values.
    is_a, strata, n_boot, level
        As in :class:`CountJob`.
    """

    x: np.ndarray
    is_a: np.ndarray
    strata: np.ndarray
    n_boot: int
    level: float

    def test(self, n_perm: int, rng: np.random.Generator, stop: SmallStop | None, look: int = 0,
             tally: Tally | None = None) -> tuple[float, float, float]:
        """``(difference of means, Cliff's delta, p)`` of :func:`score_test`."""
        return tuple(score_test(self.x, self.is_a, self.strata, n_perm, rng, stop, look, tally))  # type: ignore[return-value]

    def ci(self, rng: np.random.Generator) -> tuple[float, float]:
        """Percentile bootstrap CI of the difference of means (:func:`mean_diff_ci`)."""
        return mean_diff_ci(self.x[self.is_a], self.x[~self.is_a], self.n_boot, self.level, rng)
