"""The framing tests' shortcuts give what the long way gives: a pilot resumed, float shuffles, direct bootstrap sums."""

from __future__ import annotations

import decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediakit.compare import _framing as fr
from mediakit.compare import _framing_stats as fs
from mediakit.compare import cluster_bootstrap, find_framing_differences
from mediakit.compare._framing_stats import SmallStop, Tally, count_test, score_test, shuffled_labels


def _data(n: int, strata: int, seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    counts = rng.poisson(1.0, (n, 4)).astype(float)
    labels = rng.random(n) < 0.4
    counts[labels, 0] += rng.poisson(2.0, int(labels.sum()))  # a clear difference: the test runs past its pilot
    return counts, labels, rng.integers(0, strata, n), rng.normal(size=n) + 1.0 * labels


@pytest.mark.parametrize("strata", [1, 4])
@pytest.mark.parametrize("stop", [None, SmallStop(1000, 0)])
def test_a_resumed_pilot_is_the_run_from_the_start(strata: int, stop: SmallStop | None) -> None:
    counts, labels, codes, x = _data(120, strata)
    for test, data in ((count_test, counts), (score_test, x)):
        full_rng = np.random.default_rng(7)
        full = test(data, labels, codes, 3000, full_rng, stop)
        rng, tally = np.random.default_rng(7), Tally()
        pilot = test(data, labels, codes, 3000, rng, None, 500, tally)
        assert pilot.pvalue < 0 and tally.done == 500  # paused at the look
        resumed = test(data, labels, codes, 3000, np.random.default_rng(99), stop, 0, tally)  # rng not used
        assert resumed == full
        assert rng.random() == full_rng.random()  # the generator where the full run leaves it (the CI's draws)


def test_a_resumed_pilot_draws_no_shuffle_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    counts, labels, codes, _ = _data(120, 1)
    drawn: list[int] = []
    real = fs.shuffled_labels

    def counted(*args, **kw):
        for chunk in real(*args, **kw):
            drawn.append(len(chunk))
            yield chunk

    monkeypatch.setattr(fs, "shuffled_labels", counted)
    tally = Tally()
    count_test(counts, labels, codes, 3000, np.random.default_rng(7), None, 500, tally)
    p = count_test(counts, labels, codes, 3000, np.random.default_rng(7), None, 0, tally).pvalue
    assert p == 1 / 3001 and sum(drawn) == 3000  # not 3,500: the pilot's 500 are not drawn again


@pytest.mark.parametrize("strata", [1, 3])
def test_float_shuffles_are_the_boolean_ones(strata: int) -> None:
    _, labels, codes, _ = _data(300, strata)
    old = list(shuffled_labels(labels, codes, 700, np.random.default_rng(5)))
    new = list(shuffled_labels(labels, codes, 700, np.random.default_rng(5), float))
    assert len(old) == len(new)
    for a, b in zip(old, new, strict=True):
        assert b.dtype == np.float64 and np.array_equal(a.astype(float), b)
        assert a.astype(float).strides == b.strides  # the same layout: a product sums in the same order


@pytest.mark.parametrize("whole", [True, False])
def test_cluster_bootstrap_sums_are_the_weighted_ones(whole: bool) -> None:
    rng = np.random.default_rng(1)
    counts = rng.poisson(2.0, (57, 3)).astype(float) + (0.0 if whole else 0.25)
    out = cluster_bootstrap(counts, 40, np.random.default_rng(9))
    draws = np.random.default_rng(9).integers(0, 57, size=(40, 57))
    weights = np.stack([np.bincount(d, minlength=57) for d in draws]).astype(float)
    expected = weights @ counts
    if whole:
        assert np.array_equal(out, expected)
    else:
        np.testing.assert_allclose(out, expected, rtol=1e-12)


def test_actor_labels_normalised_once_per_distinct_label() -> None:
    n = 40
    labels = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "outlet": ["A", "B"] * (n // 2),
                           "actor": "Harry Reid",
                           "label": ["Sen.", "Senator", "Mr.", None, "the leader", "leader", np.nan, "Majority Leader"] * 5})
    t = find_framing_differences(actor_labels=labels, n_perm=200, n_boot=50, min_n=1)
    assert t.loc[0, "kind"] == "actor_label" and t.loc[0, "variant"] in {"senator", "leader", "majority leader"}
    assert t.loc[0, "n_mentions_group"] + t.loc[0, "n_mentions_other"] == 25  # 10 missing labels and 5 "Mr." left out


_ODD_VALUES = st.one_of(st.none(), st.text(max_size=3), st.integers(), st.floats(allow_nan=True),
                        st.sampled_from([pd.NA, pd.NaT, np.nan, np.float32("nan"), np.datetime64("NaT"),
                                         decimal.Decimal("NaN"), np.float64(1.5)]))


@given(st.lists(_ODD_VALUES, max_size=30))
def test_present_mask_is_present_of_every_value(values: list[object]) -> None:
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    assert fr._present_mask(arr).tolist() == [fr._present(v) for v in values]
