"""Sequential stopping of the permutation tests of :func:`mediakit.compare.find_framing_differences`.

The tests of one table are run in two steps (:func:`run_tests`):

1. a *pilot*: every test draws its first :data:`~mediakit.compare._framing_stats.PILOT` shuffles
   (a test whose large p-value stops it before that is done: the full run would stop there too);
   the pilot p-values, corrected like the table (``fdr_bh``, ``holm``, ...), give the threshold
   ``τ``: the largest pilot p-value still significant (0 when none is: then nothing stops early);
2. every test whose p-value is surely below ``τ`` (one-sided Clopper-Pearson bound, error
   :data:`~mediakit.compare._framing_stats.SETTLE_RISK`) after ``L`` shuffles stops there, with
   ``p = (1 + h) / (1 + L)`` (``L``: the pilot's, or the first whole chunk where such a bound is
   possible, :func:`~mediakit.compare._framing_stats.small_look`); the others run all ``n_perm`` shuffles, and their p-value adds the
   chance of that early stop (:func:`mediakit.compare._framing_stats.end_tail`), so every reported
   p-value is valid (``P(p <= x) <= x`` under the null) for the rule as run.

A test whose pilot shows its p-value surely above ``2 max(τ, alpha / m)`` (clearly not significant;
Clopper-Pearson lower bound) stops there too, with ``p = (1 + h) / (1 + L)``: valid as it stands
(these outcomes are the least extreme), and it changes nothing for the tests run to the end.

The shuffles of a stopped test are its first ``L`` shuffles of the full run (same generator), so
its p-value is the one the full run would have reported after ``L`` shuffles. A test that runs on
goes on from its pilot (:class:`~mediakit.compare._framing_stats.Tally`): the pilot's shuffles are
not drawn again, and the result is the one of a run from the start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._workers import ONE_THREAD, Workers
from ._framing_stats import SmallStop, Tally, cp_lower, pilot_size, small_look
from ._stats import adjust_pvalues

__all__ = ["ABOVE_MARGIN", "MIN_PARALLEL_ARTICLES", "SETTLE_MARGIN", "PendingTest", "run_tests",
           "settle_threshold"]

#: A test stops early only when its p-value is surely below this share of the pilot threshold.
SETTLE_MARGIN = 1.0
#: ... or surely above this multiple of it (at least ``alpha / m``): clearly not significant.
ABOVE_MARGIN = 2.0

#: ``test(n_perm, rng, stop, look, tally)``: (statistic, effect, p-value) of one permutation test (``look``: a
#: pilot; ``tally``: its shuffles kept, to go on after the pilot, see :class:`~mediakit.compare._framing_stats.Tally`).
TestFn = Callable[[int, np.random.Generator, SmallStop | None, int, Tally | None], tuple[float, float, float]]


@dataclass
class PendingTest:
    """One supported comparison whose test has not run yet: its row, test and CI."""

    row: dict[str, Any]
    n_articles: int
    test: TestFn
    ci: Callable[[np.random.Generator], tuple[float, float]]
    rng: np.random.Generator

    def finish(self, stat: float, effect: float, p: float, rng: np.random.Generator) -> None:
        """Write the test's results and the CI (drawn with ``rng`` after the test's shuffles) in the row."""
        self.row.update({"statistic": stat, "effect": effect, "p_value": p})
        self.row["diff_ci_low"], self.row["diff_ci_high"] = self.ci(rng)


def settle_threshold(pvalues: Sequence[float], alpha: float, correction: str | None) -> float:
    """The largest p-value still significant after ``correction`` at ``alpha``; 0 when none is.

    Examples
    --------
    >>> settle_threshold([0.001, 0.02, 0.5], 0.05, "fdr_bh")
    0.02
    """
    p = np.asarray(pvalues, dtype=float)
    if len(p) == 0:
        return 0.0
    with np.errstate(invalid="ignore"):
        sig = np.asarray(adjust_pvalues(p, correction), dtype=float) < alpha  # NaN: not significant
    return float(p[sig].max()) if sig.any() else 0.0


#: A paused test: its pending test, the shuffles of its pilot, (statistic, effect, pilot p-value), its tally.
_Paused = tuple[PendingTest, int, tuple[float, float, float], Tally]
#: What a worker sends back of each of its tests: the row's fields :meth:`PendingTest.finish` writes.
_RESULT_FIELDS = ("statistic", "effect", "p_value", "diff_ci_low", "diff_ci_high")
#: Tests are sent to worker processes (``n_jobs``) only when they read at least this many articles in all
#: (summed over the tests): about 10 s of pilots in one process, against 2-3 s to start the workers.
MIN_PARALLEL_ARTICLES = 2_000_000


def _pilots(pending: Sequence[PendingTest], n_perm: int) -> tuple[list[float], list[_Paused]]:
    """Step 1: every test's pilot; the tests it settles are finished. Their pilot p-values, and the paused tests."""
    paused: list[_Paused] = []
    pilot_p: list[float] = []
    for t in pending:
        at = pilot_size(t.n_articles, n_perm)
        tally = Tally()
        stat, effect, p = t.test(n_perm, t.rng, None, at, tally)
        if not p < 0:  # stopped before the look (a large p-value) or untestable: the full run's result
            t.finish(stat, effect, p, t.rng)
            pilot_p.append(p)
            continue
        paused.append((t, at, (stat, effect, -p), tally))
        pilot_p.append(-p)
    return pilot_p, paused


def _thresholds(pilot_p: Sequence[float], alpha: float, correction: str | None) -> tuple[float, float]:
    """``τ`` (:func:`settle_threshold`) and the bound above which a pilot's p-value is clearly not significant."""
    tau = settle_threshold(pilot_p, alpha, correction)
    return tau, ABOVE_MARGIN * max(tau, alpha / max(int(np.isfinite(pilot_p).sum()), 1))


def _settle(paused: Sequence[_Paused], tau: float, above: float, n_perm: int) -> None:
    """Step 2: each paused test settled at its look or run to the end; every one finished."""
    for t, at, (stat, effect, p), tally in paused:
        stop = small_look(SETTLE_MARGIN * tau, t.n_articles, n_perm)
        hits = round(p * (1 + at)) - 1
        if (stop is not None and stop.at == at and hits <= stop.hits) or cp_lower(hits, at) > above:
            t.finish(stat, effect, p, t.rng)  # settled at the look: p = (1 + h) / (1 + L) of these shuffles
            tally.chunks = None  # its shuffles' state is no longer needed
            continue
        # the full run goes on from the pilot's pause: up to there its shuffles and stops are the pilot's
        # (a later look, stop.at >= at; no stop below at the pilot's), and the generator is where a run
        # from the start would have it
        stat, effect, p = t.test(n_perm, t.rng, stop, 0, tally)
        tally.chunks = None
        t.finish(stat, effect, p, t.rng)


def _pilot_job(state: dict[str, Any], tests: list[PendingTest], n_perm: int) -> list[float]:
    """Step 1 in a worker process (:class:`mediakit._workers.Workers`); its paused tests kept for step 2."""
    pilot_p, paused = _pilots(tests, n_perm)
    state.update(tests=tests, paused=paused)
    return pilot_p


def _settle_job(state: dict[str, Any], tau: float, above: float, n_perm: int) -> list[tuple[Any, ...]]:
    """Step 2 in a worker process: the results of each of its tests, in order."""
    _settle(state.pop("paused"), tau, above, n_perm)
    return [tuple(t.row.get(k) for k in _RESULT_FIELDS) for t in state.pop("tests")]


def _shares(pending: Sequence[PendingTest], n: int) -> list[list[int]]:
    """The indices of the tests given to each of ``n`` workers: about the same number of articles each
    (a test's work grows with its articles), largest tests first."""
    order = sorted(range(len(pending)), key=lambda i: -pending[i].n_articles)
    shares: list[list[int]] = [[] for _ in range(n)]
    load = [0] * n
    for i in order:
        k = load.index(min(load))
        shares[k].append(i)
        load[k] += pending[i].n_articles
    return [sorted(s) for s in shares if s]


def _run_parallel(pending: Sequence[PendingTest], n_perm: int, alpha: float, correction: str | None,
                  workers: int) -> None:
    """:func:`run_tests` with the tests shared among ``workers`` processes, this one and ``workers - 1`` workers:
    the same results (each test has its own generator; the threshold ``τ`` is taken over every pilot, here).

    This process runs the first share itself while the workers run theirs: it holds every test already, and a
    worker more would hold a copy of its share beside a Python of its own (about 250 MiB for the whole AllSides
    file)."""
    shares = _shares(pending, workers)
    with Workers(len(shares), environ=ONE_THREAD, here=True) as pool:
        pilots = pool.run(_pilot_job, [([pending[i] for i in share], n_perm) for share in shares])
        pilot_p = [0.0] * len(pending)
        for share, ps in zip(shares, pilots, strict=True):
            for i, p in zip(share, ps, strict=True):
                pilot_p[i] = p
        tau, above = _thresholds(pilot_p, alpha, correction)
        results = pool.run(_settle_job, [(tau, above, n_perm)] * len(shares), last=True)
    for share, rows in zip(shares, results, strict=True):
        for i, values in zip(share, rows, strict=True):
            pending[i].row.update(zip(_RESULT_FIELDS, values, strict=True))


def run_tests(pending: Sequence[PendingTest], n_perm: int, alpha: float, correction: str | None,
              workers: int = 1) -> None:
    """Run every pending test with the sequential rule (see the module docstring); fills the rows.

    With ``workers`` > 1 and at least :data:`MIN_PARALLEL_ARTICLES` articles read by the tests in all, the
    tests are shared among that many worker processes; the rows are the same.
    """
    workers = min(workers, len(pending))
    if workers > 1 and sum(t.n_articles for t in pending) >= MIN_PARALLEL_ARTICLES:
        _run_parallel(pending, n_perm, alpha, correction, workers)
        return
    pilot_p, paused = _pilots(pending, n_perm)
    tau, above = _thresholds(pilot_p, alpha, correction)
    _settle(paused, tau, above, n_perm)
