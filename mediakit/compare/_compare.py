"""Group statistics and pairwise tests: :func:`compare` and its result, :class:`Comparison`.

Per group and metric: n, mean, median, sd and a bootstrap CI of the mean; per pair of groups and
metric: difference of means with a bootstrap CI, Cliff's delta, a Mann–Whitney U (or permutation)
test and p-values corrected across the whole table. With ``event=`` also the paired comparison
*within events* (the ``paired`` and ``events`` tables). The statistics themselves are in
:mod:`mediakit.compare._stats`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_frame, check_no_kwargs, check_option, renamed
from ._groups import group_labels, group_order, metric_columns, metric_values, positions
from ._stats import (CORRECTIONS, adjust_pvalues, boot_means, check_boot, cliffs_magnitude, comb_at_most,
                     percentile_ci, permutation_test, rank_stats, seeded_rng, sign_flip_exact, sign_flip_test,
                     wilcoxon_signed_rank)
from ._tables import EVENT_COLUMNS, GROUP_COLUMNS, PAIR_COLUMNS, PAIRED_COLUMNS, empty_table, rows_table

__all__ = ["Comparison", "TESTS", "compare"]

#: Tests of :func:`compare` (independent samples); the paired test follows from it.
TESTS = ("mannwhitney", "permutation")
_PAIRED_TEST = {"mannwhitney": "wilcoxon", "permutation": "signflip"}


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



def compare(metrics: pd.DataFrame, by: str | pd.Series = "outlet", *,
            columns: str | Sequence[str] | None = None,
            event: str | pd.Series | None = None,
            groups: Sequence[Any] | None = None,
            n_boot: int = 2000, ci: float = 0.95, seed: int | None = 0,
            test: str = "mannwhitney", correction: str | None = "holm",
            min_n: int = 5, n_perm: int = 5000, **deprecated: Any) -> Comparison:
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
    columns : str or sequence of str, optional
        Metric columns (``metrics_cols=`` is the old name: deprecated). Default:
        every numeric column (for ``mediakit.analyze``
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
        ``.groups`` (one row per group and metric), ``.pairs`` (one row per
        pair of groups and metric), and with ``event=`` ``.paired`` (one row
        per pair and metric, within events) and ``.events`` (one row per event,
        group and metric): tidy DataFrames, see :class:`Comparison`; plus
        ``.info``.

    Raises
    ------
    TypeError
        ``metrics`` is not a pandas DataFrame.
    MissingColumnError
        ``by``/``event`` or a column of ``columns`` not in the table (a
        :class:`ValueError`).
    ValueError
        Unknown ``groups``, non-numeric ``columns``, bad
        ``test``/``correction``/``n_boot``/``ci``/``min_n``/``n_perm``/``seed``.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"outlet": ["A"] * 6 + ["B"] * 6 + ["C"] * 2,
    ...                   "tone": [1, 2, 3, 4, 5, 6, 4, 5, 6, 7, 8, 9, 5, 5]})
    >>> res = compare(m, columns="tone", n_boot=500)
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
    >>> res = compare(ev, columns="words", event="event_id", n_boot=200)
    >>> res.paired[["group_a", "group_b", "n_events", "diff", "statistic", "test"]]
      group_a group_b  n_events  diff  statistic      test
    0       A       B         4  47.5        9.0  wilcoxon
    >>> res.events.head(2)
       event group metric  value  n_articles
    0      1     A  words  500.0           1
    1      1     B  words  450.0           1
    """
    columns = renamed("compare", "metrics_cols", "columns", deprecated.pop("metrics_cols", None), columns)
    check_no_kwargs(deprecated, func="compare")
    _check_options(metrics, test, correction, n_boot, ci, min_n, n_perm)
    labels, by_name = group_labels(metrics, by, "by", func="compare", name="metrics")
    exclude = {by_name} if isinstance(by, str) else set()
    ev_labels: pd.Series | None = None
    ev_name = None
    if event is not None:
        ev_labels, ev_name = group_labels(metrics, event, "event", func="compare", name="metrics")
        if isinstance(event, str):
            exclude.add(event)
    cols = metric_columns(metrics, columns, exclude, func="compare", name="metrics")
    order = group_order(labels, groups)
    values = {c: metric_values(metrics[c]) for c in cols}
    opts = _Options(test=test, correction=correction, n_boot=n_boot, ci=ci, seed=seed, min_n=min_n, n_perm=n_perm)
    info: dict[str, Any] = {
        "by": by_name, "event": ev_name, "metrics": cols, "groups": list(order), "test": test,
        "paired_test": _PAIRED_TEST[test] if event is not None else None,
        "correction": correction, "n_boot": int(n_boot), "ci": float(ci), "seed": seed,
        "min_n": int(min_n), "n_perm": int(n_perm),
        "missing_group": int(labels.isna().sum()),
    }
    groups_df, pairs_df = _independent_tables(labels, order, cols, values, opts)
    paired_df = events_df = None
    if ev_labels is not None:
        in_groups = labels.isin(order).to_numpy(dtype=bool) if len(labels) else np.zeros(0, dtype=bool)
        paired_df, events_df, info["missing_event"] = _within_events(labels, ev_labels, in_groups, order, cols,
                                                                     values, opts)
    return Comparison(groups_df, pairs_df, paired_df, events_df, info)


@dataclass(frozen=True)
class _Options:
    """The settings of one :func:`compare` call, as its helpers need them."""

    test: str
    correction: str | None
    n_boot: int
    ci: float
    seed: int | None
    min_n: int
    n_perm: int


def _check_options(metrics: Any, test: Any, correction: Any, n_boot: Any, ci: Any, min_n: Any, n_perm: Any) -> None:
    """Raise TypeError / ValueError for a bad argument of :func:`compare` (before any work)."""
    check_frame(metrics, func="compare", name="metrics")
    check_option(test, TESTS, name="test", func="compare")
    check_option(correction, CORRECTIONS, name="correction", func="compare")
    check_boot(n_boot, ci)
    if isinstance(min_n, bool) or not isinstance(min_n, (int, np.integer)) or min_n < 0:
        raise ValueError(f"min_n must be a non-negative int, got {min_n!r}")
    if isinstance(n_perm, bool) or not isinstance(n_perm, (int, np.integer)) or n_perm < 1:
        raise ValueError(f"n_perm must be a positive int, got {n_perm!r}")


def _with_adjusted(table: pd.DataFrame, correction: str | None) -> pd.DataFrame:
    """Fill ``p_adjusted``, corrected across every row of ``table``, and say so in ``attrs``."""
    if len(table):
        table["p_adjusted"] = adjust_pvalues(table["p_value"].to_numpy(dtype=float), correction)
    table.attrs["correction"] = f"{correction} across all {len(table)} rows (pairs x metrics)"
    return table


# --------------------------------------------------------------------------- independent samples


def _independent_tables(labels: pd.Series, order: list[Any], cols: list[str], values: dict[str, np.ndarray],
                        opts: _Options) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``groups`` and ``pairs`` tables of :func:`compare` (articles as independent samples)."""
    pos = positions(labels, order) if order else {}
    group_rows: list[dict[str, Any]] = []
    pair_rows: list[dict[str, Any]] = []
    for col in cols:
        boots: dict[Any, np.ndarray] = {}
        samples: dict[Any, np.ndarray] = {}
        for g in order:
            raw = values[col][pos[g]]
            x = raw[np.isfinite(raw)]
            samples[g] = x
            boots[g] = boot_means(x, opts.n_boot, seeded_rng(opts.seed, "group", g, col))
            group_rows.append(_group_row(g, col, raw, x, boots[g], opts))
        for g_a, g_b in itertools.combinations(order, 2):
            pair_rows.append(_pair_row(g_a, g_b, col, samples[g_a], samples[g_b], boots[g_a] - boots[g_b], opts))
    groups_df = rows_table(group_rows, GROUP_COLUMNS)
    pairs_df = _with_adjusted(rows_table(pair_rows, PAIR_COLUMNS), opts.correction)
    groups_df.attrs["ci"] = float(opts.ci)
    return groups_df, pairs_df


def _group_row(g: Any, col: str, raw: np.ndarray, x: np.ndarray, boot: np.ndarray, opts: _Options) -> dict[str, Any]:
    """One row of ``groups``: ``raw`` the group's values (NaN included), ``x`` the finite ones."""
    lo, hi = percentile_ci(boot, opts.ci)
    n = len(x)
    return {
        "group": g, "metric": col, "n": n, "n_missing": len(raw) - n,
        "mean": float(x.mean()) if n else math.nan,
        "median": float(np.median(x)) if n else math.nan,
        "sd": float(x.std(ddof=1)) if n > 1 else math.nan,
        "ci_low": lo, "ci_high": hi, "small_group": n < opts.min_n,
    }


def _pair_row(g_a: Any, g_b: Any, col: str, a: np.ndarray, b: np.ndarray, boot_diff: np.ndarray,
              opts: _Options) -> dict[str, Any]:
    """One row of ``pairs``: the finite values ``a`` and ``b`` of two groups, their bootstrap mean differences."""
    stat, p, delta = rank_stats(a, b)
    if opts.test == "mannwhitney":
        name = "mannwhitney"
    else:
        stat, p = permutation_test(a, b, n_perm=opts.n_perm, rng=seeded_rng(opts.seed, "perm", g_a, g_b, col))
        name = "permutation_exact" if comb_at_most(len(a) + len(b), len(a), opts.n_perm) else "permutation"
    lo, hi = percentile_ci(boot_diff, opts.ci) if len(a) and len(b) else (math.nan, math.nan)
    return {
        "group_a": g_a, "group_b": g_b, "metric": col, "n_a": len(a), "n_b": len(b),
        "mean_a": float(a.mean()) if len(a) else math.nan,
        "mean_b": float(b.mean()) if len(b) else math.nan,
        "diff": float(a.mean() - b.mean()) if len(a) and len(b) else math.nan,
        "diff_ci_low": lo, "diff_ci_high": hi,
        "cliffs_delta": delta, "magnitude": cliffs_magnitude(delta),
        "statistic": stat, "p_value": p, "p_adjusted": math.nan,
        "test": name if len(a) and len(b) else None,
        "small_group": len(a) < opts.min_n or len(b) < opts.min_n,
    }


# --------------------------------------------------------------------------- within events


def _within_events(labels: pd.Series, ev: pd.Series, in_groups: np.ndarray, order: list[Any], cols: list[str],
                   values: dict[str, np.ndarray], opts: _Options) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The ``paired`` and ``events`` tables of :func:`compare`, and the rows without an event."""
    has_event = ev.notna().to_numpy(dtype=bool) if len(ev) else np.zeros(0, dtype=bool)
    keep = in_groups & has_event
    missing_event = int((in_groups & ~has_event).sum())
    ev_order, e_code, g_code = _event_codes(labels[keep], ev[keep], order)
    n_g = len(order)
    event_rows: list[pd.DataFrame] = []
    paired_rows: list[dict[str, Any]] = []
    for col in cols:
        means, counts = _event_means(values[col][keep], e_code, g_code, len(ev_order), n_g)
        event_rows.append(_event_table(means, counts, e_code, g_code, ev_order, order, col))
        for ia, ib in itertools.combinations(range(n_g), 2):
            both = np.isfinite(means[:, ia]) & np.isfinite(means[:, ib])
            paired_rows.append(_paired_row(order[ia], order[ib], col, means[both, ia], means[both, ib], opts))
    paired_df = _with_adjusted(rows_table(paired_rows, PAIRED_COLUMNS), opts.correction)
    events_df = pd.concat(event_rows, ignore_index=True) if event_rows else empty_table(EVENT_COLUMNS)
    if not len(events_df):
        events_df = empty_table(EVENT_COLUMNS)
    return paired_df, events_df, missing_event


def _event_codes(labels: pd.Series, ev: pd.Series, order: list[Any]) -> tuple[list[Any], np.ndarray, np.ndarray]:
    """The events in order (sorted when they sort) and every row's event and group index."""
    ev_vals = pd.unique(ev)
    ev_list = list(ev_vals.tolist() if hasattr(ev_vals, "tolist") else ev_vals)
    try:
        ev_order = sorted(ev_list)
    except TypeError:
        ev_order = ev_list
    ev_index = {e: i for i, e in enumerate(ev_order)}
    g_index = {g: i for i, g in enumerate(order)}
    e_code = np.array([ev_index[e] for e in ev.tolist()], dtype=np.int64)
    g_code = np.array([g_index[g] for g in labels.tolist()], dtype=np.int64)
    return ev_order, e_code, g_code


def _event_means(x: np.ndarray, e_code: np.ndarray, g_code: np.ndarray, n_e: int,
                 n_g: int) -> tuple[np.ndarray, np.ndarray]:
    """(event x group) means of the finite values ``x`` (NaN where none) and their counts."""
    ok = np.isfinite(x)
    cell = e_code[ok] * n_g + g_code[ok]
    sums = np.bincount(cell, weights=x[ok], minlength=n_e * n_g).reshape(n_e, n_g)
    counts = np.bincount(cell, minlength=n_e * n_g).reshape(n_e, n_g)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return means, counts


def _event_table(means: np.ndarray, counts: np.ndarray, e_code: np.ndarray, g_code: np.ndarray,
                 ev_order: list[Any], order: list[Any], col: str) -> pd.DataFrame:
    """The ``events`` rows of one metric: every (event, group) with an article, in event then group order."""
    n_g = len(order)
    seen = np.zeros(len(ev_order) * n_g, dtype=bool)
    seen[e_code * n_g + g_code] = True
    ei, gi = np.divmod(np.flatnonzero(seen), n_g)
    return pd.DataFrame({
        "event": [ev_order[i] for i in ei], "group": [order[j] for j in gi], "metric": col,
        "value": means[ei, gi], "n_articles": counts[ei, gi].astype(np.int64)})


def _paired_row(g_a: Any, g_b: Any, col: str, va: np.ndarray, vb: np.ndarray, opts: _Options) -> dict[str, Any]:
    """One row of ``paired``: the event means ``va`` and ``vb`` of two groups over the events both covered."""
    d = va - vb
    n = len(d)
    if opts.test == "mannwhitney":
        stat, p = wilcoxon_signed_rank(d)
        name = "wilcoxon"
    else:
        stat, p = sign_flip_test(d, n_perm=opts.n_perm, rng=seeded_rng(opts.seed, "flip", g_a, g_b, col))
        name = "signflip_exact" if sign_flip_exact(n, opts.n_perm) else "signflip"
    lo, hi = percentile_ci(boot_means(d, opts.n_boot, seeded_rng(opts.seed, "paired", g_a, g_b, col)), opts.ci) \
        if n else (math.nan, math.nan)
    return {
        "group_a": g_a, "group_b": g_b, "metric": col, "n_events": n,
        "mean_a": float(va.mean()) if n else math.nan,
        "mean_b": float(vb.mean()) if n else math.nan,
        "diff": float(d.mean()) if n else math.nan,
        "diff_ci_low": lo, "diff_ci_high": hi,
        "median_diff": float(np.median(d)) if n else math.nan,
        "share_a_higher": float((d > 0).mean()) if n else math.nan,
        "share_b_higher": float((d < 0).mean()) if n else math.nan,
        "statistic": stat, "p_value": p, "p_adjusted": math.nan,
        "test": name if n else None, "few_events": n < opts.min_n,
    }
