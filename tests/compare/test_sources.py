"""Who speaks, per outlet: source_shares and partisan_balance (cluster bootstrap over articles)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit as mk
from mediakit.compare import cluster_bootstrap, partisan_balance, source_shares
from mediakit.plot import partisan_balance_plot, source_share_plot


def _attrs(n: int = 600, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    art = rng.integers(0, 120, n)
    return pd.DataFrame({
        "article_id": art,
        "outlet": np.where(art < 60, "A", "B"),
        "source_role": rng.choice(["politician", "anonymous", "expert", "citizen"], n, p=[0.4, 0.2, 0.2, 0.2]),
        "party": rng.choice(["Republican", "Democratic", None], n),
        "speaker": rng.choice(["X", "Y", "Z", "W"], n),
    })


def test_shares_sum_to_one_and_counts_match():
    a = _attrs()
    t = source_shares(a, n_boot=200)
    for _, g in t.groupby("group"):
        assert g["share"].sum() == pytest.approx(1.0)
        assert g["count"].sum() == g["total"].iloc[0]
    want = (a[a["outlet"] == "A"]["source_role"] == "anonymous").mean()
    got = t[(t["group"] == "A") & (t["source_role"] == "anonymous")]["share"].item()
    assert got == pytest.approx(want)


def test_ci_covers_the_share_and_is_deterministic():
    a = _attrs()
    t1 = source_shares(a, n_boot=300, seed=7)
    t2 = source_shares(a, n_boot=300, seed=7)
    pd.testing.assert_frame_equal(t1, t2)
    assert ((t1["ci_low"] <= t1["share"] + 1e-12) & (t1["share"] <= t1["ci_high"] + 1e-12)).all()
    assert (t1["ci_high"] - t1["ci_low"] > 0).all()


def test_cluster_bootstrap_is_wider_than_naive_for_clustered_data():
    # one article quotes the same anonymous source 30 times: resampling articles sees that
    rows = [{"article_id": 0, "outlet": "A", "source_role": "anonymous"}] * 30
    rows += [{"article_id": i, "outlet": "A", "source_role": "politician"} for i in range(1, 31)]
    t = source_shares(pd.DataFrame(rows), n_boot=1000)
    anon = t[t["source_role"] == "anonymous"].iloc[0]
    naive_se = np.sqrt(0.5 * 0.5 / 60)
    assert anon["ci_high"] - anon["ci_low"] > 4 * naive_se


def test_values_order_and_zero_rows():
    a = _attrs()
    t = source_shares(a, values=["legal", "anonymous"], n_boot=0)
    assert t["source_role"].tolist() == ["legal", "anonymous"] * 2
    assert (t.loc[t["source_role"] == "legal", "count"] == 0).all()
    assert t["ci_low"].isna().all()


def test_group_joined_from_articles():
    a = _attrs().drop(columns="outlet")
    arts = pd.DataFrame({"article_id": range(120), "outlet": ["A"] * 60 + ["B"] * 60})
    t = source_shares(a, articles=arts, n_boot=0)
    assert set(t["group"]) == {"A", "B"}
    with pytest.raises(mk.MissingColumnError, match="articles="):
        source_shares(a, n_boot=0)


def test_partisan_balance_shares_and_gap():
    a = _attrs()
    t = partisan_balance(a, n_boot=400)
    pol = a[(a["source_role"] == "politician") & a["party"].notna()]
    for _, row in t.iterrows():
        sub = pol[pol["outlet"] == row["group"]]
        assert row["n"] == len(sub)
        assert row["share_a"] == pytest.approx((sub["party"] == "Republican").mean())
        assert row["gap"] == pytest.approx(row["share_a"] - row["share_b"])
        assert row["gap_ci_low"] <= row["gap"] <= row["gap_ci_high"]


def test_partisan_balance_by_speaker_counts_each_speaker_once_per_article():
    a = pd.DataFrame({"article_id": [1] * 5 + [2], "outlet": "A", "source_role": "politician",
                      "party": ["Republican"] * 5 + ["Democratic"], "speaker": ["Cruz"] * 5 + ["Schumer"]})
    assert partisan_balance(a, n_boot=0)["share_a"].item() == pytest.approx(5 / 6)
    assert partisan_balance(a, n_boot=0, unit="speaker")["share_a"].item() == pytest.approx(0.5)


def test_partisan_balance_options_checked():
    a = _attrs()
    with pytest.raises(ValueError, match="unit"):
        partisan_balance(a, unit="quote")
    with pytest.raises(ValueError, match="parties"):
        partisan_balance(a, parties=("Republican", "Republican"))
    with pytest.raises(TypeError, match="DataFrame"):
        partisan_balance([1, 2])
    assert partisan_balance(a.assign(party=None)).empty


def test_top_level_names():
    assert mk.source_shares is source_shares and mk.partisan_balance is partisan_balance


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["A", "B"]),
                          st.sampled_from(["politician", "anonymous", None]),
                          st.sampled_from(["Republican", "Democratic", None])), max_size=30))
def test_odd_tables_never_raise(rows):
    df = pd.DataFrame(rows, columns=["article_id", "outlet", "source_role", "party"])
    t = source_shares(df, n_boot=20)
    assert t.empty or np.isfinite(t["share"]).all()
    b = partisan_balance(df, n_boot=20)
    assert b.empty or ((b["share_a"] + b["share_b"]) <= 1 + 1e-12).all()


def test_cluster_bootstrap_shape_and_totals():
    c = np.array([[1, 2], [3, 4], [0, 1]])
    out = cluster_bootstrap(c, 50, np.random.default_rng(0))
    assert out.shape == (50, 2)
    assert np.allclose(out.mean(axis=0), c.sum(axis=0), rtol=0.35)


def test_charts_draw_one_row_per_outlet():
    a = _attrs()
    fig, (ax1, ax2) = plt.subplots(1, 2)
    assert source_share_plot(source_shares(a, n_boot=100), value="anonymous", ax=ax1) is ax1
    assert len(ax1.get_yticklabels()) == 2
    assert partisan_balance_plot(partisan_balance(a, n_boot=100), ax=ax2) is ax2
    assert any(line.get_xdata()[0] == 0.0 for line in ax2.get_lines())
    plt.close(fig)
