"""Sequential stopping of the framing permutation tests: valid p-values, the same decisions, early stops."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from mediakit.compare import _framing_jobs as fj
from mediakit.compare import _framing_seq as seq
from mediakit.compare import _framing_stats as fs
from mediakit.compare._framing import find_framing_differences
from mediakit.compare._framing_stats import (SmallStop, _pvalue, count_test, cp_upper, end_tail, pilot_size,
                                             small_stop)


def _log_cdf(h: int, n: int, u: float) -> float:
    return math.log(sum(math.comb(n, i) * u ** i * (1 - u) ** (n - i) for i in range(h + 1)))


@pytest.mark.parametrize(("hits", "done"), [(0, 500), (3, 500), (10, 250)])
def test_clopper_pearson_bound_leaves_the_risk_above_it(hits: int, done: int) -> None:
    u = cp_upper(hits, done, 0.001)
    assert math.isclose(_log_cdf(hits, done, u), math.log(0.001), rel_tol=1e-6)
    assert cp_upper(hits, done, 0.01) < u < 1
    lo = fs.cp_lower(hits, done, 0.001)  # P(X >= hits | lo) = risk
    if hits:
        assert math.isclose(1 - math.exp(_log_cdf(hits - 1, done, lo)), 0.001, rel_tol=1e-6)
    assert lo <= hits / done < u and (lo < hits / done or hits == 0)


@pytest.mark.parametrize(("n_perm", "at", "b"), [(40, 10, 0), (40, 10, 2), (60, 20, 3)])
def test_sequential_pvalue_is_valid(n_perm: int, at: int, b: int) -> None:
    """Exactly, under the null (hits Bernoulli(u), u uniform): P(p <= x) <= x at every reported p."""
    rest = n_perm - at
    outcomes: list[tuple[float, float]] = []  # (reported p, probability)
    for i in range(b + 1):  # stopped at the look with i hits: each has probability 1 / (at + 1)
        outcomes.append(((1 + i) / (1 + at), 1 / (1 + at)))
    tail = end_tail(n_perm, at, b)
    for t in range(n_perm + 1):  # run to the end with t hits, more than b of them in the first ``at``
        p_run = sum(math.comb(at, i) * math.comb(rest, t - i) for i in range(b + 1, min(at, t) + 1)
                    if t - i <= rest) / math.comb(n_perm, t)
        outcomes.append(((1 + t) / (1 + n_perm) + tail[t], p_run / (1 + n_perm)))
    assert math.isclose(sum(w for _, w in outcomes), 1.0)
    for x, _ in outcomes:
        assert sum(w for p, w in outcomes if p <= x + 1e-15) <= x + 1e-12
    # without the tail the rule is not valid: a small p run to the end would be too small
    plain = [(p - tail[t] if k > b else p, w) for k, (p, w) in enumerate(outcomes) for t in [k - b - 1]]
    assert any(sum(w for p, w in plain if p <= x + 1e-15) > x + 1e-9 for x, _ in plain)


def test_pvalue_stops_at_the_look_only_with_few_hits() -> None:
    stop = SmallStop(250, 1)
    assert _pvalue(iter([(0, 250), (0, 250)]), 5000, stop) == 1 / 251
    assert _pvalue(iter([(1, 250)]), 5000, stop) == 2 / 251
    full = [(2, 250)] + [(0, 250)] * 19
    assert _pvalue(iter(full), 5000, stop) == pytest.approx(3 / 5001 + end_tail(5000, 250, 1)[2])
    assert _pvalue(iter(full), 5000) == 3 / 5001
    tail = end_tail(5000, 500, 1)
    assert tail[0] > 0 and (np.diff(tail) <= 0).all() and tail[0] <= 2 / 501
    assert tail[400] < 1e-15 * 401 / 5001  # a p-value well above the threshold keeps its value


def test_small_stop_needs_a_clear_margin() -> None:
    assert small_stop(0.001, 500) is None  # 1 / 501 cannot be surely below 0.001
    rule = small_stop(0.02, 500)
    assert rule is not None and rule.at == 500 and cp_upper(rule.hits, 500) < 0.02 <= cp_upper(rule.hits + 1, 500)
    assert small_stop(0.05, 500) == SmallStop(500, fs.MAX_STOP_HITS)
    assert small_stop(0.04, 0) is None and pilot_size(100, 400) == 0 and pilot_size(100, 5000) == 500


def _table(n: int = 12, seed: int = 0) -> pd.DataFrame:
    """Word choice of four outlets: strong differences in six families, none in three, one faint."""
    rng = np.random.default_rng(seed)
    rows = []
    for o, outlet in enumerate(["A", "B", "C", "D"]):
        for i in range(n):
            aid = f"{outlet}{i}"
            for fam in range(6):
                rows.append((aid, outlet, f"s{fam}", "x" if (o < 2) == (rng.random() < 0.9) else "y"))
            for fam in range(3):
                rows.append((aid, outlet, f"n{fam}", "x" if rng.random() < 0.5 else "y"))
            rows.append((aid, outlet, "faint", "x" if rng.random() < (0.7 if o == 0 else 0.45) else "y"))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "family", "variant"])


def test_same_decisions_with_and_without_the_sequential_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    wc = _table(30)
    seq_table = find_framing_differences(wc, n_perm=3000, n_boot=100, correction=None)
    monkeypatch.setattr(fs, "PILOT", 10 ** 6)  # no interim look
    full = find_framing_differences(wc, n_perm=3000, n_boot=100, correction=None)
    key = ["kind", "subject", "group", "other"]
    a, b = seq_table.set_index(key).sort_index(), full.set_index(key).sort_index()
    assert a["significant"].sum() >= 4
    pd.testing.assert_series_equal(a["significant"], b["significant"])
    looked = a["p_value"].mul(501).sub(a["p_value"].mul(501).round()).abs().lt(1e-9) & (a["p_value"] != b["p_value"])
    assert looked.sum() >= 4  # stopped at the look: (1 + h) / 501
    assert (a.loc[looked, "p_value"] <= 0.05).all()
    # the others ran all shuffles: the same p-value, or a little larger (end_tail) when it is small
    rest = ~looked & a["p_value"].notna()
    assert (a.loc[rest, "p_value"] >= b.loc[rest, "p_value"]).all()
    np.testing.assert_allclose(a.loc[rest, "p_value"], b.loc[rest, "p_value"], rtol=0.2)


def test_pilots_first_and_full_runs_only_for_tests_not_settled(monkeypatch: pytest.MonkeyPatch) -> None:
    assert seq.settle_threshold([0.3, np.nan, 0.8], 0.05, "fdr_bh") == 0.0
    assert seq.settle_threshold([0.3, np.nan, 0.01], 0.05, "holm") == 0.01
    calls: list[int] = []
    real = fs.count_test

    def counted(*args, **kw):
        calls.append(args[6])  # look: 500 for a pilot, 0 for a full run
        return real(*args, **kw)

    monkeypatch.setattr(fj, "count_test", counted)
    wc = _table(30)
    find_framing_differences(wc, n_perm=2000, n_boot=50, correction=None)
    assert 500 in calls and 0 in calls  # pilots, then full runs of the tests that did not stop
    assert calls.count(0) < calls.count(500)


def test_tests_shared_among_processes_give_the_same_table(monkeypatch: pytest.MonkeyPatch) -> None:
    wc = _table(30)
    one = find_framing_differences(wc, n_perm=2000, n_boot=100, n_jobs=1)
    calls: list[int] = []
    real = seq._run_parallel

    def spied(*args, **kw):
        calls.append(args[-1])
        return real(*args, **kw)

    started: list[int] = []

    class Spawned(seq.Workers):
        def __init__(self, n: int, **kw) -> None:
            super().__init__(n, **kw)
            started.append(len(self._procs))

    monkeypatch.setattr(seq, "MIN_PARALLEL_ARTICLES", 0)  # this small table on two processes
    monkeypatch.setattr(seq, "_run_parallel", spied)
    monkeypatch.setattr(seq, "Workers", Spawned)
    two = find_framing_differences(wc, n_perm=2000, n_boot=100, n_jobs=2)
    assert calls == [2] and started == [1]  # this process runs a share of the tests itself
    assert one["significant"].sum() >= 4 and one["p_value"].notna().sum() >= 8
    pd.testing.assert_frame_equal(one, two)
    pd.testing.assert_frame_equal(one, find_framing_differences(wc, n_perm=2000, n_boot=100, n_jobs=3))
    assert started == [1, 2]
    # each worker gets about the same number of articles, largest tests first
    pending = [seq.PendingTest({}, n, None, None, None) for n in (10, 40, 30, 20)]  # type: ignore[arg-type]
    assert seq._shares(pending, 2) == [[0, 1], [2, 3]]  # 40 + 10 and 30 + 20 articles
    with pytest.raises(ValueError, match="n_jobs"):
        find_framing_differences(wc, n_jobs=0)


def test_count_test_with_a_stop_reports_the_look() -> None:
    c = np.array([[3, 0], [2, 0], [4, 1], [0, 3], [1, 2], [0, 4]] * 10)
    lab = np.array([True, True, True, False, False, False] * 10)
    r = count_test(c, lab, np.zeros(60, dtype=int), 5000, np.random.default_rng(0), SmallStop(500, 2))
    assert r.pvalue == 1 / 501


def test_a_small_threshold_moves_the_look_later() -> None:
    rule = fs.small_look(0.0026, 2000, 5000)
    assert rule is not None and 500 < rule.at < 5000 and rule.at % 250 == 0
    assert cp_upper(rule.hits, rule.at) < 0.0026 <= cp_upper(0, rule.at - 250)
    assert fs.small_look(0.05, 2000, 5000) == small_stop(0.05, 500)
    assert fs.small_look(1e-4, 2000, 5000) is None and fs.small_look(0.0, 2000, 5000) is None
