"""mediakit.compare: hand-computed statistics, log-odds z-scores, KWIC, attention, BASIL within events."""

from __future__ import annotations

import itertools
import math
import re
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.text import count_words
from mediakit.compare import (
    EVENT_COLUMNS,
    GROUP_COLUMNS,
    PAIR_COLUMNS,
    PAIRED_COLUMNS,
    TERM_COLUMNS,
    Comparison,
    adjust_pvalues,
    attention,
    bootstrap_ci,
    cliffs_delta,
    cliffs_magnitude,
    compare,
    distinctive_terms,
    kwic,
    mann_whitney,
    permutation_test,
    sign_flip_test,
    stop_words,
    term_pattern,
    wilcoxon_signed_rank,
)


def _erfc_p(z: float) -> float:
    """Two-sided normal p-value: 2 * (1 - Phi(|z|)) = erfc(|z| / sqrt(2))."""
    return math.erfc(abs(z) / math.sqrt(2))


# =========================================================================== Cliff's delta


def test_cliffs_delta_by_hand():
    # a = [1, 2, 3], b = [2, 4]; the 6 pairs (a_i, b_j):
    # (1,2) <, (1,4) <, (2,2) =, (2,4) <, (3,2) >, (3,4) <  ->  1 greater, 4 smaller, 1 tie
    assert cliffs_delta([1, 2, 3], [2, 4]) == pytest.approx((1 - 4) / 6)
    assert cliffs_delta([2, 4], [1, 2, 3]) == pytest.approx(0.5)
    # complete separation
    assert cliffs_delta([5, 6, 7], [1, 2]) == 1.0
    assert cliffs_delta([1, 2], [5, 6, 7]) == -1.0
    # all tied
    assert cliffs_delta([3, 3], [3, 3, 3]) == 0.0
    # NaN dropped; empty sample -> NaN
    assert cliffs_delta([1, np.nan, 2, 3], [2, 4, np.nan]) == pytest.approx(-0.5)
    assert math.isnan(cliffs_delta([], [1, 2]))


def test_cliffs_delta_matches_brute_force():
    rng = np.random.default_rng(3)
    for _ in range(20):
        a = rng.integers(0, 6, size=rng.integers(1, 12)).astype(float)
        b = rng.integers(0, 6, size=rng.integers(1, 12)).astype(float)
        brute = sum(np.sign(x - y) for x in a for y in b) / (len(a) * len(b))
        assert cliffs_delta(a, b) == pytest.approx(brute)


def test_cliffs_magnitude_thresholds_romano_2006():
    assert cliffs_magnitude(0.0) == "negligible"
    assert cliffs_magnitude(0.1469) == "negligible"
    assert cliffs_magnitude(0.147) == "small"
    assert cliffs_magnitude(-0.3299) == "small"
    assert cliffs_magnitude(0.33) == "medium"
    assert cliffs_magnitude(-0.4739) == "medium"
    assert cliffs_magnitude(0.474) == "large"
    assert cliffs_magnitude(-1.0) == "large"
    assert cliffs_magnitude(float("nan")) is None


# =========================================================================== Mann-Whitney / Wilcoxon


def test_mann_whitney_by_hand_with_a_tie():
    a, b = [1, 3, 5, 7], [3, 8, 9, 10, 11]
    # pooled, sorted: 1a 3a 3b 5a 7a 8b 9b 10b 11b -> ranks 1, 2.5, 2.5, 4, 5, 6, 7, 8, 9
    r_a = 1 + 2.5 + 4 + 5                        # 12.5
    u_a = r_a - 4 * 5 / 2                         # R_a - n_a (n_a + 1) / 2 = 2.5
    mu = 4 * 5 / 2                                # 10
    n = 9
    ties = 2 ** 3 - 2                             # one tie block of size 2
    var = 4 * 5 / 12 * ((n + 1) - ties / (n * (n - 1)))   # 595 / 36
    z = (abs(u_a - mu) - 0.5) / math.sqrt(var)   # continuity correction
    p = _erfc_p(z)
    assert var == pytest.approx(595 / 36)
    res = mann_whitney(a, b)
    assert res.statistic == pytest.approx(u_a) == 2.5
    assert res.pvalue == pytest.approx(p, rel=1e-12)
    assert p == pytest.approx(0.0851, abs=5e-4)


def test_mann_whitney_published_example_hollander_wolfe():
    """R's ``?wilcox.test`` two-sample example (Hollander & Wolfe 1973, p. 69).

    R prints ``W = 35, p-value = 0.1272`` for the exact one-sided test. Our
    statistic is the same U (= W); the exact one-sided p is re-derived here by
    enumerating all C(15, 10) splits (confirming the data), and the asymptotic
    two-sided p that mann_whitney reports is worked out by hand (no ties).
    """
    x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
    y = [1.15, 0.88, 0.90, 0.74, 1.21]
    res = mann_whitney(x, y)
    assert res.statistic == 35.0
    pooled = x + y
    hits = total = 0
    for idx in itertools.combinations(range(15), 10):
        xs = [pooled[i] for i in idx]
        ys = [pooled[i] for i in range(15) if i not in idx]
        total += 1
        hits += sum(a > b for a in xs for b in ys) >= 35
    assert round(hits / total, 4) == 0.1272
    mu, var = 10 * 5 / 2, 10 * 5 / 12 * (15 + 1)
    assert res.pvalue == pytest.approx(_erfc_p((35 - mu - 0.5) / math.sqrt(var)), rel=1e-12)


def test_mann_whitney_edge_cases():
    assert mann_whitney([2, 2, 2], [2, 2]).pvalue == 1.0   # all tied: no evidence
    assert math.isnan(mann_whitney([], [1, 2]).pvalue)
    assert mann_whitney([1], [2]).pvalue == 1.0             # |U - mu| = 0.5 -> z = 0


def test_wilcoxon_published_example_hollander_wolfe():
    """R's ``?wilcox.test`` paired example (Hollander & Wolfe 1973, p. 29): ``V = 40``,
    exact one-sided p = 0.01953 = 10 / 512 (re-derived by enumerating the signs)."""
    x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
    y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    d = np.subtract(x, y)
    res = wilcoxon_signed_rank(d)
    # |d| ranks: 0.01->1, 0.08->2, 0.147->3, 0.43->4, 0.49->5, 0.59->6, 0.62->7, 0.952->8, 1.022->9
    # negative differences: -0.147 (rank 3) and -0.08 (rank 2): W- = 5, W+ = 45 - 5 = 40
    assert res.statistic == 40.0
    ranks = np.arange(1, 10)
    exact = sum(ranks[np.array(s, dtype=bool)].sum() >= 40 for s in itertools.product([0, 1], repeat=9)) / 512
    assert exact == 10 / 512 and round(exact, 5) == 0.01953
    n = 9
    mu, var = n * (n + 1) / 4, n * (n + 1) * (2 * n + 1) / 24   # 22.5, 71.25
    assert res.pvalue == pytest.approx(_erfc_p((40 - mu - 0.5) / math.sqrt(var)), rel=1e-12)


def test_wilcoxon_drops_zeros_and_corrects_ties():
    d = [0, 0, 1, -1, 2, 2, 3]
    # zeros dropped -> |d| = 1, 1, 2, 2, 3 -> ranks 1.5, 1.5, 3.5, 3.5, 5; positive: 1, 2, 2, 3
    w = 1.5 + 3.5 + 3.5 + 5
    n = 5
    var = n * (n + 1) * (2 * n + 1) / 24 - ((2 ** 3 - 2) + (2 ** 3 - 2)) / 48
    res = wilcoxon_signed_rank(d)
    assert res.statistic == w
    assert res.pvalue == pytest.approx(_erfc_p((abs(w - n * (n + 1) / 4) - 0.5) / math.sqrt(var)))
    assert wilcoxon_signed_rank([0, 0, 0]) == (0.0, 1.0)
    assert math.isnan(wilcoxon_signed_rank([np.nan]).pvalue)


def test_permutation_tests_exact_by_hand():
    # C(6, 3) = 20 splits of {1..6}; |mean diff| = 3 only for {1,2,3} | {4,5,6} and the reverse
    assert permutation_test([1, 2, 3], [4, 5, 6]) == (-3.0, pytest.approx(2 / 20))
    # 2^3 sign patterns of (1, 2, 3); |mean| = 2 only for all + or all -
    assert sign_flip_test([1, 2, 3]) == (2.0, 2 / 8)
    # constant: every arrangement as extreme
    assert permutation_test([1, 1], [1, 1, 1]).pvalue == 1.0
    # random (not enumerable): reproducible, never 0
    a, b = np.arange(30.0), np.arange(30.0) + 20
    p1 = permutation_test(a, b, n_perm=999, seed=5).pvalue
    assert p1 == permutation_test(a, b, n_perm=999, seed=5).pvalue
    assert p1 >= 1 / 1000


# =========================================================================== corrections


def test_holm_and_bh_by_hand():
    p = [0.01, 0.04, 0.03, 0.005]
    # Holm: sorted 0.005, 0.01, 0.03, 0.04 times m - i + 1 = 4, 3, 2, 1 -> 0.02, 0.03, 0.06, 0.04;
    # running maximum -> 0.02, 0.03, 0.06, 0.06; back in input order:
    assert adjust_pvalues(p, "holm") == pytest.approx([0.03, 0.06, 0.06, 0.02])
    # BH: sorted p * m / i = 0.005*4/1, 0.01*4/2, 0.03*4/3, 0.04*4/4 = 0.02, 0.02, 0.04, 0.04;
    # running minimum from the top -> unchanged; back in input order:
    assert adjust_pvalues(p, "fdr_bh") == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert adjust_pvalues(p, "bonferroni") == pytest.approx([0.04, 0.16, 0.12, 0.02])
    assert adjust_pvalues(p, None) == pytest.approx(p)
    # capped at 1, NaN kept and not counted as a test (m = 2)
    out = adjust_pvalues([0.6, np.nan, 0.2], "holm")
    assert out[0] == pytest.approx(0.6) and math.isnan(out[1]) and out[2] == pytest.approx(0.4)
    # sorted 0.8 * 2 = 1.6 -> capped at 1; 0.9 * 1 = 0.9 but the running maximum keeps 1
    assert adjust_pvalues([0.9, 0.8], "holm") == pytest.approx([1.0, 1.0])
    with pytest.raises(ValueError, match="method must be one of"):
        adjust_pvalues(p, "sidak")


def _three_groups() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame({
        "outlet": np.repeat(["Alpha", "Beta", "Gamma"], [12, 10, 3]),
        "tone": np.r_[rng.normal(0, 1, 12), rng.normal(1, 1, 10), rng.normal(0.5, 1, 3)],
        "wc_loaded": np.r_[rng.poisson(3, 12), rng.poisson(5, 10), rng.poisson(4, 3)].astype(float),
        "title": ["x"] * 25,
    })


def test_compare_corrects_across_all_pairs_and_metrics():
    res = compare(_three_groups(), n_boot=200)
    assert len(res.pairs) == 3 * 2       # 3 pairs x 2 metrics, one family
    expected = adjust_pvalues(res.pairs["p_value"], "holm")
    assert res.pairs["p_adjusted"].to_numpy() == pytest.approx(expected)
    # and by hand: Holm's factor for the smallest of the 6 p-values is 6
    i = res.pairs["p_value"].idxmin()
    assert res.pairs.loc[i, "p_adjusted"] == pytest.approx(min(1.0, 6 * res.pairs.loc[i, "p_value"]))
    bh = compare(_three_groups(), n_boot=0, correction="fdr_bh")
    assert bh.pairs["p_adjusted"].to_numpy() == pytest.approx(adjust_pvalues(bh.pairs["p_value"], "fdr_bh"))
    assert "across all 6 rows" in res.pairs.attrs["correction"]


# =========================================================================== compare


def test_compare_tables_and_hand_values():
    m = pd.DataFrame({"outlet": ["A"] * 4 + ["B"] * 5, "tone": [1, 3, 5, 7, 3, 8, 9, 10, 11]})
    res = compare(m, columns=["tone"], n_boot=500)
    assert isinstance(res, Comparison)
    assert list(res.groups.columns) == GROUP_COLUMNS
    assert list(res.pairs.columns) == PAIR_COLUMNS
    assert res.paired is None and res.events is None
    a = res.groups.iloc[0]
    assert (a["group"], a["n"], a["mean"], a["median"]) == ("A", 4, 4.0, 4.0)
    assert a["sd"] == pytest.approx(np.std([1, 3, 5, 7], ddof=1))
    row = res.pairs.iloc[0]
    assert (row["group_a"], row["group_b"], row["n_a"], row["n_b"]) == ("A", "B", 4, 5)
    assert row["diff"] == pytest.approx(4.0 - 41 / 5)
    assert row["statistic"] == 2.5                           # U_a from the hand example above
    assert row["p_value"] == pytest.approx(mann_whitney([1, 3, 5, 7], [3, 8, 9, 10, 11]).pvalue)
    # Cliff: A > B in 2 pairs (5 > 3, 7 > 3), 1 tie (3 = 3), A < B in 17 -> (2 - 17) / 20
    assert row["cliffs_delta"] == pytest.approx((2 - 17) / 20)
    assert row["magnitude"] == "large"
    assert row["diff_ci_low"] <= row["diff"] <= row["diff_ci_high"]
    assert row["test"] == "mannwhitney"
    assert "Comparison by 'outlet'" in repr(res)


def test_bootstrap_reproducible_and_contains_mean():
    x = np.array([2.0, 4.0, 4.0, 5.0, 7.0, 9.0, 1.0, 3.0])
    assert bootstrap_ci(x, seed=1) == bootstrap_ci(x, seed=1)
    assert bootstrap_ci(x, seed=1) != bootstrap_ci(x, seed=2)
    lo, hi = bootstrap_ci(x, seed=1)
    assert lo < x.mean() < hi
    assert bootstrap_ci([3, 3, 3]) == (3.0, 3.0)
    assert all(math.isnan(v) for v in bootstrap_ci([]))
    # in compare: same seed -> identical tables; different seed -> different CIs, same estimates
    m = _three_groups()
    r1, r2, r3 = compare(m, seed=7, n_boot=300), compare(m, seed=7, n_boot=300), compare(m, seed=8, n_boot=300)
    pd.testing.assert_frame_equal(r1.groups, r2.groups)
    pd.testing.assert_frame_equal(r1.pairs, r2.pairs)
    assert not np.allclose(r1.groups["ci_low"], r3.groups["ci_low"])
    pd.testing.assert_series_equal(r1.groups["mean"], r3.groups["mean"])
    g = r1.groups
    assert ((g["ci_low"] <= g["mean"]) & (g["mean"] <= g["ci_high"])).all()
    # a group's interval does not depend on the other groups present
    only = compare(m[m["outlet"] != "Beta"], seed=7, n_boot=300).groups
    pd.testing.assert_frame_equal(only.reset_index(drop=True),
                                  g[g["group"] != "Beta"].reset_index(drop=True))
    # n_boot=0: no CIs
    assert compare(m, n_boot=0).groups["ci_low"].isna().all()


def test_small_groups_flagged_not_hidden():
    res = compare(_three_groups(), n_boot=100, min_n=5)
    small = res.groups.set_index(["group", "metric"])["small_group"]
    assert small[("Gamma", "tone")] and not small[("Alpha", "tone")] and not small[("Beta", "tone")]
    assert set(res.groups["group"]) == {"Alpha", "Beta", "Gamma"}
    with_gamma = (res.pairs["group_a"] == "Gamma") | (res.pairs["group_b"] == "Gamma")
    assert res.pairs.loc[with_gamma, "small_group"].all()
    assert not res.pairs.loc[~with_gamma, "small_group"].any()
    assert "Gamma" in repr(res)
    assert not compare(_three_groups(), n_boot=0, min_n=3).groups["small_group"].any()


def test_nan_dropped_per_metric_and_counted():
    m = pd.DataFrame({"outlet": ["A", "A", "A", "B", "B"], "x": [1.0, np.nan, 3.0, np.inf, 4.0],
                      "y": [1.0, 2.0, 3.0, 4.0, 5.0]})
    g = compare(m, columns=["x", "y"], n_boot=50).groups.set_index(["group", "metric"])
    assert (g.loc[("A", "x"), "n"], g.loc[("A", "x"), "n_missing"]) == (2, 1)
    assert (g.loc[("B", "x"), "n"], g.loc[("B", "x"), "n_missing"]) == (1, 1)
    assert (g.loc[("A", "y"), "n"], g.loc[("A", "y"), "n_missing"]) == (3, 0)
    assert g.loc[("A", "x"), "mean"] == 2.0


def test_any_grouping_column_groups_order_and_default_metrics():
    m = _three_groups()
    m["month"] = pd.PeriodIndex(["2024-01"] * 10 + ["2024-02"] * 15, freq="M")
    res = compare(m, by="month", n_boot=0)
    assert list(res.groups["group"].unique()) == [pd.Period("2024-01"), pd.Period("2024-02")]
    assert set(res.groups["metric"]) == {"tone", "wc_loaded"}        # prefixed numeric columns
    res = compare(m, groups=["Gamma", "Alpha"], n_boot=0)
    assert list(res.pairs[["group_a", "group_b"]].iloc[0]) == ["Gamma", "Alpha"]
    assert set(res.groups["group"]) == {"Gamma", "Alpha"}
    lean = pd.Series(np.where(m["outlet"] == "Beta", "left", "right"), index=m.index, name="lean")
    assert compare(m, by=lean, n_boot=0).info["by"] == "lean"
    m2 = pd.DataFrame({"country": ["x", "y", None, "x"], "score": [1.0, 2.0, 3.0, 4.0], "flag": [True, False, True, True]})
    r = compare(m2, by="country", n_boot=0)
    assert r.info["metrics"] == ["score", "flag"] and r.info["missing_group"] == 1


def test_errors_are_clear():
    m = _three_groups()
    with pytest.raises(ValueError, match="by='lean' is not a column"):
        compare(m, by="lean")
    with pytest.raises(ValueError, match=r"unknown group\(s\) \['Delta'\]"):
        compare(m, groups=["Alpha", "Delta"])
    with pytest.raises(ValueError, match="must be numeric.*'title'"):
        compare(m, columns=["tone", "title"])
    with pytest.raises(ValueError, match="not in the table"):
        compare(m, columns="nope")
    with pytest.raises(ValueError, match="test must be one of"):
        compare(m, test="ttest")
    with pytest.raises(ValueError, match="correction must be one of"):
        compare(m, correction="sidak")
    with pytest.raises(ValueError, match="event='story' is not a column"):
        compare(m, event="story")
    with pytest.raises(ValueError, match="ci must be"):
        compare(m, ci=95)
    with pytest.raises(TypeError, match="DataFrame"):
        compare([1, 2, 3])
    with pytest.raises(ValueError, match="no numeric metric columns"):
        compare(pd.DataFrame({"outlet": ["a"], "title": ["t"]}))


def test_input_never_modified():
    m = _three_groups()
    m["event_id"] = [f"e{i % 4}" for i in range(len(m))]
    before = m.copy(deep=True)
    compare(m, event="event_id", n_boot=50, test="permutation", n_perm=200)
    pd.testing.assert_frame_equal(m, before)
    arts = _toy_articles()
    before = arts.copy(deep=True)
    distinctive_terms(arts, min_count=1)
    kwic(arts, "truce")
    attention(arts, query="truce")
    pd.testing.assert_frame_equal(arts, before)


# =========================================================================== within events


def test_within_events_by_hand():
    m = pd.DataFrame({
        "outlet": ["A", "B", "C", "A", "B", "A", "A", "B", "C", "B"],
        "event_id": ["e1", "e1", "e1", "e2", "e2", "e3", "e3", "e3", "e3", None],
        "words": [100, 80, 90, 200, 230, 50, 70, 40, 55, 999],
    })
    res = compare(m, columns="words", event="event_id", n_boot=300)
    assert list(res.paired.columns) == PAIRED_COLUMNS
    assert list(res.events.columns) == EVENT_COLUMNS
    assert res.info["missing_event"] == 1
    ev = res.events.set_index(["event", "group"])
    assert ev.loc[("e3", "A"), "value"] == 60.0 and ev.loc[("e3", "A"), "n_articles"] == 2   # (50 + 70) / 2
    assert len(res.events) == 3 + 2 + 3
    p = res.paired.set_index(["group_a", "group_b"])
    # A - B over e1, e2, e3: 100 - 80 = 20, 200 - 230 = -30, 60 - 40 = 20
    ab = p.loc[("A", "B")]
    assert ab["n_events"] == 3
    assert ab["diff"] == pytest.approx((20 - 30 + 20) / 3)
    assert ab["median_diff"] == 20
    assert ab["share_a_higher"] == pytest.approx(2 / 3) and ab["share_b_higher"] == pytest.approx(1 / 3)
    assert ab["few_events"]
    # W+: |d| = 20, 30, 20 -> ranks 1.5, 3, 1.5; positive 20, 20 -> W+ = 3
    assert ab["statistic"] == 3.0 and ab["test"] == "wilcoxon"
    # A - C over e1, e3 only (C did not cover e2): 10, 5
    assert p.loc[("A", "C"), "n_events"] == 2 and p.loc[("A", "C"), "diff"] == 7.5
    # the unpaired table uses every article with a group (the event-less B article too)
    assert res.pairs.set_index(["group_a", "group_b"]).loc[("A", "B"), "n_b"] == 4
    flip = compare(m, columns="words", event="event_id", n_boot=0, test="permutation")
    # 2^3 sign patterns of (20, -30, 20): |mean| >= 10/3 for all but (+,+,-)... enumerate by hand:
    d = np.array([20, -30, 20])
    stats = [abs((np.array(s) * d).mean()) for s in itertools.product([-1, 1], repeat=3)]
    expected = sum(s >= 10 / 3 - 1e-9 for s in stats) / 8
    row = flip.paired.set_index(["group_a", "group_b"]).loc[("A", "B")]
    assert row["p_value"] == pytest.approx(expected) and row["test"] == "signflip_exact"


def test_within_events_removes_topic_mix():
    """Outlet B covers long stories; per event it writes exactly like A. Unpaired, B looks longer;
    within events the difference is zero."""
    ev_len = {"e1": 300.0, "e2": 900.0, "e3": 1500.0}
    rows = [("A", "e1"), ("A", "e1"), ("A", "e1"), ("A", "e2"), ("A", "e3"),
            ("B", "e1"), ("B", "e2"), ("B", "e3"), ("B", "e3"), ("B", "e3")]
    m = pd.DataFrame({"outlet": [r[0] for r in rows], "event_id": [r[1] for r in rows],
                      "words": [ev_len[r[1]] for r in rows]})
    res = compare(m, columns="words", event="event_id", n_boot=100)
    assert res.pairs.loc[0, "diff"] < -300
    assert res.paired.loc[0, "diff"] == 0.0 and res.paired.loc[0, "p_value"] == 1.0


# =========================================================================== distinctive terms


def test_log_odds_z_by_hand():
    arts = pd.DataFrame({"outlet": ["A", "B"], "title": ["", ""], "text": ["tax cut tax", "tax relief"]})
    res = distinctive_terms(arts, ngram=1, stop_words=None, alpha0=10, min_count=1)
    # counts: A: tax 2, cut 1 (n_a = 3); B: tax 1, relief 1 (n_b = 2); corpus: tax 3, cut 1, relief 1 (5)
    # alpha_w = alpha0 * corpus share = 10 * c / 5: tax 6, cut 2, relief 2; alpha0 = 10
    a0, n_a, n_b = 10, 3, 2

    def z(y_a, y_b, alpha_w):
        delta = (math.log((y_a + alpha_w) / (n_a + a0 - y_a - alpha_w))
                 - math.log((y_b + alpha_w) / (n_b + a0 - y_b - alpha_w)))
        return delta, delta / math.sqrt(1 / (y_a + alpha_w) + 1 / (y_b + alpha_w))

    # tax:    log(8/5) - log(7/5),   sigma^2 = 1/8 + 1/7
    # cut:    log(3/10) - log(2/10), sigma^2 = 1/3 + 1/2
    # relief: log(2/11) - log(3/9),  sigma^2 = 1/2 + 1/3
    hand = {
        "tax": (math.log(8 / 5) - math.log(7 / 5), (math.log(8 / 5) - math.log(7 / 5)) / math.sqrt(1 / 8 + 1 / 7)),
        "cut": (math.log(3 / 10) - math.log(2 / 10), (math.log(3 / 10) - math.log(2 / 10)) / math.sqrt(1 / 3 + 1 / 2)),
        "relief": (math.log(2 / 11) - math.log(3 / 9), (math.log(2 / 11) - math.log(3 / 9)) / math.sqrt(1 / 2 + 1 / 3)),
    }
    assert hand["tax"] == pytest.approx(z(2, 1, 6))
    assert hand["cut"] == pytest.approx(z(1, 0, 2))
    assert hand["relief"] == pytest.approx(z(0, 1, 2))
    a = res[res["group"] == "A"].set_index("term")
    assert list(res.columns) == TERM_COLUMNS
    assert set(a.index) == {"tax", "cut", "relief"}
    for term, (delta, zz) in hand.items():
        assert a.loc[term, "log_odds"] == pytest.approx(delta, rel=1e-12)
        assert a.loc[term, "z"] == pytest.approx(zz, rel=1e-12)
    assert (a.loc["tax", "count_group"], a.loc["tax", "count_other"]) == (2, 1)
    assert a.loc["tax", "freq_group"] == pytest.approx(2 / 3) and a.loc["tax", "freq_other"] == pytest.approx(1 / 2)
    assert list(a.sort_values("rank").index) == ["cut", "tax", "relief"]   # z: 0.44, 0.13, -0.44
    assert (a["other"] == "rest").all() and (a["n_words"] == 1).all()
    # B vs rest is the mirror image
    b = res[res["group"] == "B"].set_index("term")
    assert b.loc["tax", "z"] == pytest.approx(-hand["tax"][1])
    # group=A, other=B gives the same numbers with other='B'
    ab = distinctive_terms(arts, group="A", other="B", ngram=1, stop_words=None, alpha0=10, min_count=1)
    assert set(ab["group"]) == {"A"} and set(ab["other"]) == {"B"}
    assert ab.set_index("term").loc["cut", "z"] == pytest.approx(hand["cut"][1])


def test_default_prior_is_corpus_counts_and_uniform_prior():
    arts = pd.DataFrame({"outlet": ["A", "B"], "title": ["", ""], "text": ["tax cut tax", "tax relief"]})
    res = distinctive_terms(arts, ngram=1, stop_words=None, min_count=1)
    assert res.attrs["alpha0"] == {1: 5.0}          # default alpha0 = corpus total -> alpha_w = corpus count
    # tax: alpha_w = 3: log((2+3)/(3+5-2-3)) - log((1+3)/(2+5-1-3)), sigma^2 = 1/5 + 1/4
    delta = math.log(5 / 3) - math.log(4 / 3)
    tax = res[(res["group"] == "A") & (res["term"] == "tax")].iloc[0]
    assert tax["z"] == pytest.approx(delta / math.sqrt(1 / 5 + 1 / 4))
    uni = distinctive_terms(arts, ngram=1, stop_words=None, min_count=1, prior="uniform", alpha0=0.3)
    # alpha_w = 0.3 / 3 types = 0.1: tax: log(2.1 / (3 + 0.3 - 2.1)) - log(1.1 / (2 + 0.3 - 1.1))
    delta = math.log(2.1 / 1.2) - math.log(1.1 / 1.2)
    tax = uni[(uni["group"] == "A") & (uni["term"] == "tax")].iloc[0]
    assert tax["z"] == pytest.approx(delta / math.sqrt(1 / 2.1 + 1 / 1.1))


def test_ngrams_stop_words_and_boundaries():
    arts = pd.DataFrame({"outlet": ["A", "B"], "title": ["Tax Cut", ""],
                         "text": ["The tax cut. Tax cut now, freedom of speech",
                                  "Tax relief for the families \u2014 relief\nnow"]})
    res = distinctive_terms(arts, ngram=(1, 3), min_count=1)
    a = res[res["group"] == "A"].set_index("term")
    b = res[res["group"] == "B"].set_index("term")
    # A: title "tax cut" + text: unigrams tax 3, cut 3, freedom, speech ("the", "now", "of" are stop words)
    assert a.loc["tax", "count_group"] == 3 and a.loc["cut", "count_group"] == 3
    # bigrams: "tax cut" x3 (title, and twice in text); "the tax" / "cut now" touch a stop word,
    # "cut tax" would cross the period and "cut tax" title->text would cross the line break
    assert a.loc["tax cut", "count_group"] == 3 and a.loc["tax cut", "n_words"] == 2
    assert "the tax" not in a.index and "cut now" not in a.index and "cut tax" not in a.index
    # a comma does not break an n-gram; inner stop words are fine in a trigram
    assert "freedom of speech" in a.index and a.loc["freedom of speech", "n_words"] == 3
    assert "now freedom" not in a.index                     # starts with a stop word
    assert b.loc["tax relief", "count_group"] == 1
    assert "families relief" not in b.index                  # dash is a boundary
    assert "relief now" not in b.index                       # stop word at the end
    # no stop words: everything counted
    raw = distinctive_terms(arts, ngram=(1, 2), min_count=1, stop_words=None)
    assert {"the", "the tax", "cut now"} <= set(raw["term"])
    # custom list
    custom = distinctive_terms(arts, ngram=1, min_count=1, stop_words=["Tax"])
    assert "tax" not in set(custom["term"]) and "the" in set(custom["term"])
    # the package list
    sw = stop_words("english")
    assert {"the", "of", "and", "don't"} <= sw and "said" not in sw and "mr" not in sw


def test_distinctive_terms_counts_filters_and_errors():
    arts = _toy_articles()
    res = distinctive_terms(arts, min_count=2)
    assert ((res["count_group"] + res["count_other"]) >= 2).all()
    assert (res.groupby(["group", "other"])["rank"].apply(lambda r: list(r) == list(range(1, len(r) + 1)))).all()
    zs = res[res["group"] == "Harbor"]["z"].to_numpy()
    assert (np.diff(zs) <= 1e-12).all()
    top = distinctive_terms(arts, min_count=1, top=3)
    assert top.groupby("group").size().max() == 3
    full = distinctive_terms(arts, min_count=1)
    pd.testing.assert_frame_equal(top, full[full["rank"] <= 3].reset_index(drop=True))
    pooled = distinctive_terms(arts, group="Harbor", other=["Ledger", "Wire"], min_count=1)
    assert all(list(o) == ["Ledger", "Wire"] for o in pooled["other"])
    with pytest.raises(ValueError, match="unknown group 'Nope'"):
        distinctive_terms(arts, group="Nope")
    with pytest.raises(ValueError, match="unknown other"):
        distinctive_terms(arts, group="Harbor", other="Nope")
    with pytest.raises(ValueError, match="is not a column"):
        distinctive_terms(arts, by="lean")
    with pytest.raises(ValueError, match="at least two groups"):
        distinctive_terms(arts[arts["outlet"] == "Harbor"])
    with pytest.raises(ValueError, match="ngram"):
        distinctive_terms(arts, ngram=(2, 1))
    with pytest.raises(ValueError, match="alpha0"):
        distinctive_terms(arts, alpha0=0)
    with pytest.raises(ValueError, match="stop_words"):
        distinctive_terms(arts, stop_words="french")
    empty = distinctive_terms(arts.iloc[:0])
    assert empty.empty and list(empty.columns) == TERM_COLUMNS


# =========================================================================== kwic


def _toy_articles() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["h1", "h2", "l1", "l2", "w1", "w2"],
        "outlet": ["Harbor", "Harbor", "Ledger", "Ledger", "Wire", "Wire"],
        "published": pd.to_datetime(["2025-01-06 10:00", "2025-01-14 09:00", "2025-01-07 23:00",
                                     "2025-01-08 08:00", None, "2025-01-15 12:00"], utc=True),
        "title": ["Ceasefire holds", "Truce talks resume", "So-called truce collapses",
                  "Aid convoy arrives", "Truce in doubt", "Markets rally"],
        "text": ["The ceasefire held overnight. Officials praised the truce.",
                 "Negotiators met again.\n\nThe TRUCE talks resume on Monday.",
                 "The so-called\ntruce collapsed. Truces rarely last.",
                 "An aid convoy arrived in the capital.",
                 "Doubts grow over the truce, officials said.",
                 "Stocks rose on Tuesday."],
        "captions": [["A truce monitor."], [], [], [], [], []],
    })


def test_kwic_offsets_point_at_the_match():
    arts = _toy_articles()
    k = kwic(arts, "truce", window=10)
    texts = {(r.article_id, p): arts.loc[i, p] for i, r in arts.iterrows() for p in ("title", "text")}
    for row in k.itertuples():
        part = texts[(row.article_id, row.part)]
        assert part[row.start:row.end] == row.match
        assert row.match.lower() == "truce"
        assert row.left == part[max(0, row.start - 10):row.start]
        assert row.right == part[row.end:row.end + 10]
    # whole words only: "Truces" is not a match; case ignored: "TRUCE" is
    assert "Truces" not in set(k["match"]) and "TRUCE" in set(k["match"])
    assert list(k.columns) == ["article_id", "outlet", "part", "start", "end", "left", "match", "right"]
    # h1 text: len("The ceasefire held overnight. Officials praised the ") == 52
    h1 = k[(k["article_id"] == "h1")].iloc[0]
    assert (h1["part"], h1["start"], h1["end"], h1["left"], h1["right"]) == ("text", 52, 57, "aised the ", ".")
    # h1 text, h2 title + text, l1 title + text, w1 title + text
    assert len(k) == 7


def test_kwic_phrases_regex_case_and_lists():
    arts = _toy_articles()
    # a phrase matches across any white space, here a line break
    k = kwic(arts, "so-called truce")
    assert len(k) == 2 and set(k["part"]) == {"title", "text"}
    text_row = k[k["part"] == "text"].iloc[0]
    assert text_row["match"] == "so-called\ntruce"
    assert arts.loc[2, "text"][text_row["start"]:text_row["end"]] == "so-called\ntruce"
    # regex: a pattern, as given
    r = kwic(arts, r"truces?\b", regex=True)
    assert set(r["match"].str.lower()) == {"truce", "truces"}
    # case=True
    assert set(kwic(arts, "TRUCE", case=True)["article_id"]) == {"h2"}
    # lists (captions) are searched element by element
    c = kwic(arts, "truce", columns=["captions"])
    assert list(c["part"]) == ["captions[0]"] and c.iloc[0]["article_id"] == "h1"
    # curly and straight apostrophes match each other
    q = pd.DataFrame({"article_id": ["q"], "outlet": ["X"], "title": [""], "text": ["They don\u2019t agree."]})
    assert kwic(q, "don't")["match"].tolist() == ["don\u2019t"]
    # nothing found / empty table: empty frame, same columns
    assert kwic(arts, "armistice").empty and list(kwic(arts.iloc[:0], "truce").columns) == list(k.columns)
    with pytest.raises(ValueError, match="non-empty"):
        kwic(arts, "  ")
    with pytest.raises(ValueError, match="invalid regular expression"):
        kwic(arts, "(", regex=True)
    with pytest.raises(ValueError, match="not in the table"):
        kwic(arts, "truce", columns=["body"])
    assert term_pattern("truce").search("truces") is None


# =========================================================================== attention


def test_attention_counts_by_hand():
    arts = _toy_articles()
    att = attention(arts, freq="W", query="truce")
    # weeks (Mon-Sun): 2025-01-06/12 and 2025-01-13/19; w1 has no date.
    # week 1: Harbor h1 (truce in text), Ledger l1 (truce), l2 (no)
    # week 2: Harbor h2 (TRUCE), Wire w2 (no)
    rows = {(str(r.period), r.group): r for r in att.itertuples()}
    assert len(att) == 2 * 3
    w1, w2 = "2025-01-06/2025-01-12", "2025-01-13/2025-01-19"
    expect = {
        (w1, "Harbor"): (1, 1), (w1, "Ledger"): (2, 1), (w1, "Wire"): (0, 0),
        (w2, "Harbor"): (1, 1), (w2, "Ledger"): (0, 0), (w2, "Wire"): (1, 0),
    }
    for key, (n, n_match) in expect.items():
        assert (rows[key].n_articles, rows[key].n_matching) == (n, n_match), key
    assert rows[(w1, "Ledger")].share_of_group == 0.5           # 1 of Ledger's 2
    assert rows[(w1, "Ledger")].share_of_all == pytest.approx(1 / 3)   # 1 of the week's 3 articles
    assert rows[(w2, "Harbor")].share_of_all == 0.5             # 1 of the week's 2
    assert math.isnan(rows[(w1, "Wire")].share_of_group) and rows[(w1, "Wire")].share_of_all == 0.0
    assert att.attrs["undated"] == 1 and att.attrs["undated_matching"] == 1
    assert att.attrs["undated_by_group"] == {"Wire": 1}
    assert str(att["period_start"].iloc[0]) == "2025-01-06 00:00:00+00:00"
    # no query: every article counts; share_of_all = the group's share of the period's articles
    vol = attention(arts, by=None, freq="D")
    assert set(vol["group"]) == {"all"} and vol["n_articles"].sum() == 5
    assert len(vol) == (pd.Timestamp("2025-01-15") - pd.Timestamp("2025-01-06")).days + 1
    assert (vol.loc[vol["n_articles"] > 0, "share_of_group"] == 1.0).all()
    with pytest.raises(ValueError, match="published"):
        attention(arts.drop(columns="published"))
    with pytest.raises(ValueError, match="freq"):
        attention(arts, freq="fortnight")
    empty = attention(arts.iloc[:0])
    assert empty.empty and empty.attrs["undated"] == 0


# =========================================================================== hypothesis: robustness

_groups = st.sampled_from(["A", "B", "C", None])
_values = st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.just(float("nan")), st.just(2.5))


@st.composite
def _metric_frames(draw):
    n = draw(st.integers(0, 25))
    return pd.DataFrame({
        "outlet": pd.Series([draw(_groups) for _ in range(n)], dtype=object),
        "event_id": pd.Series([draw(st.sampled_from(["e1", "e2", "e3", None])) for _ in range(n)], dtype=object),
        "tone": pd.Series([draw(_values) for _ in range(n)], dtype=float),
        "sent_x": pd.Series([draw(st.sampled_from([1.0, 1.0, 2.0, float("nan")])) for _ in range(n)], dtype=float),
    })


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_metric_frames(), st.sampled_from(["mannwhitney", "permutation"]))
def test_compare_robust(m, test):
    before = m.copy(deep=True)
    res = compare(m, event="event_id", n_boot=50, n_perm=200, test=test)
    pd.testing.assert_frame_equal(m, before)
    groups = sorted({g for g in m["outlet"] if g is not None})
    assert list(res.groups.columns) == GROUP_COLUMNS and list(res.pairs.columns) == PAIR_COLUMNS
    assert len(res.groups) == 2 * len(groups)
    assert len(res.pairs) == 2 * len(groups) * (len(groups) - 1) // 2
    for row in res.groups.itertuples():
        sub = m.loc[m["outlet"] == row.group, row.metric].to_numpy(dtype=float)
        assert row.n + row.n_missing == len(sub) and row.n == np.isfinite(sub).sum()
        if row.n:
            tol = 1e-9 * max(1.0, abs(row.mean))
            assert row.ci_low - tol <= row.mean <= row.ci_high + tol
        else:
            assert math.isnan(row.mean) and math.isnan(row.ci_low)
    for frame in (res.pairs, res.paired):
        p = frame["p_value"].dropna()
        assert ((p >= 0) & (p <= 1)).all()
        assert (frame["p_adjusted"].dropna() >= p.loc[frame["p_adjusted"].dropna().index] - 1e-12).all()
    d = res.pairs["cliffs_delta"].dropna()
    assert ((d >= -1) & (d <= 1)).all()
    assert (res.paired["n_events"] <= 3).all()
    repr(res)


@settings(max_examples=30, deadline=None)
@given(st.floats(-100, 100, allow_nan=False), st.integers(1, 12))
def test_compare_constant_values(value, n):
    m = pd.DataFrame({"outlet": ["A"] * n + ["B"] * n, "tone": [value] * (2 * n)})
    res = compare(m, n_boot=50, test="mannwhitney")
    assert (res.groups["ci_low"] == res.groups["ci_high"]).all()
    row = res.pairs.iloc[0]
    assert row["diff"] == 0 and row["cliffs_delta"] == 0 and row["p_value"] == 1.0
    assert row["magnitude"] == "negligible"


def test_compare_single_group_and_empty():
    one = compare(pd.DataFrame({"outlet": ["A"] * 3, "tone": [1.0, 2.0, 3.0]}), n_boot=20)
    assert len(one.groups) == 1 and one.pairs.empty and list(one.pairs.columns) == PAIR_COLUMNS
    empty = compare(pd.DataFrame({"outlet": pd.Series([], dtype=object), "tone": pd.Series([], dtype=float)}),
                    event=None)
    assert empty.groups.empty and empty.pairs.empty
    assert list(empty.groups.columns) == GROUP_COLUMNS
    ev = compare(pd.DataFrame({"outlet": pd.Series([], dtype=object), "e": pd.Series([], dtype=object),
                               "tone": pd.Series([], dtype=float)}), event="e")
    assert ev.paired.empty and ev.events.empty and list(ev.events.columns) == EVENT_COLUMNS
    all_nan = compare(pd.DataFrame({"outlet": ["A", "B"], "tone": [np.nan, np.nan]}), n_boot=20)
    assert (all_nan.groups["n"] == 0).all() and all_nan.pairs["p_value"].isna().all()
    assert all_nan.pairs["test"].isna().all()


_words = st.sampled_from(["tax", "cut", "relief", "the", "of", "truce", "war", "Don\u2019t", "U.S.", "3.5"])
_seps = st.sampled_from([" ", " ", ", ", ". ", "\n", " \u2014 ", "! "])


@st.composite
def _texts(draw):
    k = draw(st.integers(0, 12))
    return "".join(draw(_words) + draw(_seps) for _ in range(k))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), _texts()), min_size=2, max_size=10),
       st.sampled_from(["english", None]))
def test_distinctive_terms_robust(rows, sw):
    arts = pd.DataFrame({"outlet": [r[0] for r in rows], "title": [""] * len(rows), "text": [r[1] for r in rows]})
    if arts["outlet"].nunique() < 2:
        with pytest.raises(ValueError, match="at least two groups"):
            distinctive_terms(arts)
        return
    res = distinctive_terms(arts, min_count=1, stop_words=sw, ngram=(1, 2), house_style="keep")
    assert list(res.columns) == TERM_COLUMNS
    # finite, except for an n-gram length with a single type (its log-odds are undefined: NaN)
    types = res.groupby("n_words")["term"].transform("nunique")
    assert np.isfinite(res.loc[types > 1, ["z", "log_odds"]].to_numpy()).all()
    assert res.loc[types == 1, "z"].isna().all()
    assert ((res["count_group"] + res["count_other"]) >= 1).all()
    assert res["n_words"].isin([1, 2]).all()
    if sw == "english":
        assert not res["term"].str.split().map(lambda t: t[0] in stop_words() or t[-1] in stop_words()).any()
    # counts: the group's unigram count equals a regex count on its own text
    for row in res[res["n_words"] == 1].head(5).itertuples():
        text = " ".join(arts.loc[arts["outlet"] == row.group, "text"]).lower().replace("\u2019", "'")
        toks = re.findall(r"\w+(?:['\-.]\w+)*", text)
        assert toks.count(row.term) == row.count_group


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab .\n\u2019'-", max_size=60), st.sampled_from(["ab", "a b", "b'a"]),
       st.integers(0, 8))
def test_kwic_robust(text, term, window):
    arts = pd.DataFrame({"article_id": ["x"], "outlet": ["O"], "title": [None], "text": [text]})
    k = kwic(arts, term, window=window)
    for row in k.itertuples():
        assert text[row.start:row.end] == row.match and row.match
        assert row.left == text[max(0, row.start - window):row.start]
        assert row.right == text[row.end:row.end + window]
        before = text[row.start - 1] if row.start else " "
        after = text[row.end] if row.end < len(text) else " "
        assert not (before.isalnum() or after.isalnum())


# =========================================================================== BASIL (shared corpora)


@pytest.mark.slow
@pytest.mark.corpus
def test_basil_outlets_within_events(corpora):
    from mediakit.datasets import load_basil

    basil = load_basil(root=corpora / "basil")
    before = basil.copy(deep=True)
    m = pd.DataFrame({
        "outlet": basil["outlet"],
        "event_id": basil["event_id"],
        "words": [count_words(t if isinstance(t, str) else "") for t in basil["text"]],
        "title_words": [count_words(t if isinstance(t, str) else "") for t in basil["title"]],
    })
    t0 = time.perf_counter()
    res = compare(m, event="event_id", n_boot=1000)
    assert time.perf_counter() - t0 < 30
    outlets = ["Fox News", "HuffPost", "New York Times"]
    assert res.info["groups"] == outlets
    assert res.groups.shape == (3 * 2, len(GROUP_COLUMNS))
    assert res.pairs.shape == (3 * 2, len(PAIR_COLUMNS))
    assert res.paired.shape == (3 * 2, len(PAIRED_COLUMNS))
    assert res.events.shape == (70 * 3 * 2, len(EVENT_COLUMNS))
    assert (res.paired["n_events"] == 70).all()
    assert (res.groups["n"] == 70).all() and not res.groups["small_group"].any()
    assert res.events["event"].nunique() == 70 and (res.events["n_articles"] == 1).all()
    # paired means over all 70 events equal the unpaired group means (one article per outlet and event)
    merged = res.paired.merge(res.pairs, on=["group_a", "group_b", "metric"], suffixes=("", "_unpaired"))
    assert np.allclose(merged["diff"], merged["diff_unpaired"])
    assert (merged["diff_ci_low"] <= merged["diff"]).all() and (merged["diff"] <= merged["diff_ci_high"]).all()
    # distinctive terms and kwic run on the corpus and point back into it
    terms = distinctive_terms(basil, top=15)
    assert terms.groupby("group").size().to_dict() == {o: 15 for o in outlets}
    k = kwic(basil, terms.iloc[0]["term"], window=30)
    texts = basil.set_index("article_id")
    assert len(k) and all(texts.loc[r.article_id, r.part][r.start:r.end] == r.match for r in k.itertuples())
    att = attention(basil, freq="Y")
    assert att["n_articles"].sum() + att.attrs["undated"] == len(basil)
    pd.testing.assert_frame_equal(basil, before)


@pytest.mark.slow
@pytest.mark.corpus
def test_distinctive_terms_scales_to_5000_allsides_articles(corpora):
    from mediakit.datasets import load_allsides

    path = corpora / "allsides" / "articles.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"needs {path}")
    arts = load_allsides(path, limit=5000)
    t0 = time.perf_counter()
    res = distinctive_terms(arts, by="bias", top=25)
    elapsed = time.perf_counter() - t0
    assert elapsed < 60, f"distinctive_terms took {elapsed:.1f} s on 5,000 AllSides articles"
    assert set(res["group"]) == set(arts["bias"].dropna()) and (res.groupby("group").size() == 25).all()
    assert (res["z"] > 0).all() and res.attrs["n_tokens"][1]


def test_token_stream_in_batches_is_the_stream_of_whole_groups(monkeypatch):
    """Tokens are coded a few texts at a time (bounded memory): same codes, vocabulary and groups as
    factorising each group's texts joined whole, whatever the batch size, with empty texts and groups."""
    import itertools
    import random

    from mediakit.compare import _ngrams as ng

    def whole(texts, rows):
        chunks = [ng.TOKEN_RE.findall(ng.fold("\n".join(texts[i] for i in r))) + ["\n"] for r in rows]
        lengths = np.array([len(c) for c in chunks], dtype=np.int64)
        tokens = np.fromiter(itertools.chain.from_iterable(chunks), dtype=object, count=int(lengths.sum()))
        codes, uniq = pd.factorize(tokens)
        return codes, np.asarray(uniq, dtype=object), np.repeat(np.arange(len(rows)), lengths)

    rng = random.Random(0)
    words = ["The", "regime", "said", "Mr.", "U.S.", "fell", ",", ".", "\u2014", "\u2019s", "\u03a3", "\n", ""]
    texts = ["".join(rng.choice(words) + rng.choice([" ", "", "\n"]) for _ in range(rng.randint(0, 30)))
             for _ in range(300)]
    texts[3] = ""
    ids = np.arange(300)
    rows = [ids[:200], ids[200:201], np.array([], dtype=int), ids[201:]]
    expected = whole(texts, rows)
    for batch in (1, 7, 256):
        monkeypatch.setattr(ng, "_BATCH", batch)
        got = ng.token_stream(texts, rows)
        assert all(np.array_equal(x, y) for x, y in zip(expected, got, strict=True)), batch
