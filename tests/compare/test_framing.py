"""find_framing_differences: ranked framing differences with article-level permutation tests and support."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.compare import FRAMING_COLUMNS, FRAMING_INPUT_COLUMNS, find_framing_differences
from mediakit.compare._framing import normalize_label
from mediakit.compare._framing_stats import count_test, score_test, shuffled_labels, strata_codes


def _word_choice(n_per_outlet: int = 12, mentions: int = 2, *, leak: int = 0, extra_family: bool = True):
    """Outlet A says "regime", B "government" (``leak`` articles of each use the other word)."""
    rows = []
    for outlet, word, other in (("A", "regime", "government"), ("B", "government", "regime")):
        for i in range(n_per_outlet):
            aid = f"{outlet}{i}"
            for _ in range(mentions):
                rows.append({"article_id": aid, "outlet": outlet, "part": "text", "family": "state_government",
                             "variant": other if i < leak else word})
            if extra_family:  # a family both outlets use alike: no difference to find
                rows.append({"article_id": aid, "outlet": outlet, "part": "text", "family": "protest_participants",
                             "variant": ["protesters", "demonstrators"][i % 2]})
    return pd.DataFrame(rows)


def test_regime_against_government_is_found_and_ranked_first():
    t = find_framing_differences(_word_choice(leak=1))
    assert list(t.columns) == FRAMING_COLUMNS
    top = t.iloc[0]
    assert (top["kind"], top["subject"], top["variant"], top["group"], top["other"]) == \
        ("label_share", "state_government", "regime", "A", "B")
    assert top["rank"] == 1 and top["significant"] and top["p_adjusted"] < 0.01
    assert top["value_group"] == pytest.approx(22 / 24) and top["value_other"] == pytest.approx(2 / 24)
    assert top["n_articles_group"] == 12 and top["n_mentions_group"] == 24
    assert top["diff_ci_low"] > 0.5 and top["effect"] > 0.7
    assert "A writes “regime” in 92% of its 24 matches" in top["sentence"] and "(12 articles)" in top["sentence"]
    alike = t[t["subject"] == "protest_participants"].iloc[0]
    assert not alike["significant"] and alike["p_value"] > 0.2


def test_mentions_in_one_article_are_not_independent():
    """Two articles of each outlet with 30 mentions each: huge χ², but only 6 ways to shuffle articles."""
    rows = [{"article_id": f"{o}{i}", "outlet": o, "family": "f", "variant": v}
            for o, v in (("A", "x"), ("B", "y")) for i in range(2) for _ in range(30)]
    t = find_framing_differences(pd.DataFrame(rows), min_n=2, n_perm=2000)
    assert t.loc[0, "statistic"] > 100  # the pooled chi-square on 120 "observations"
    assert t.loc[0, "p_value"] > 0.1  # articles shuffled: at best 2/6 of the splits as extreme


def test_a_tiny_corpus_yields_no_finding():
    t = find_framing_differences(_word_choice(n_per_outlet=3))
    assert len(t) and not t["supported"].any() and t["rank"].isna().all() and t["p_value"].isna().all()
    assert "too few matches to test" in t.loc[0, "sentence"]


def test_the_seed_makes_it_deterministic():
    wc = _word_choice(leak=3)
    a = find_framing_differences(wc, seed=3)
    pd.testing.assert_frame_equal(a, find_framing_differences(wc, seed=3))
    b = find_framing_differences(wc, seed=4)
    assert not np.allclose(a["p_value"].dropna(), b["p_value"].dropna()) or \
        not np.allclose(a["diff_ci_low"].dropna(), b["diff_ci_low"].dropna())


def test_within_events_the_outlet_is_shuffled_only_inside_an_event():
    wc = _word_choice(leak=1, extra_family=False)
    arts = pd.DataFrame({"article_id": wc["article_id"].unique()})
    arts["outlet"] = arts["article_id"].str[0]
    arts["event"] = arts["article_id"].str[1:]  # event i: article A_i and B_i
    t = find_framing_differences(wc, articles=arts, event="event")
    assert t.loc[0, "within_events"] and t.loc[0, "n_events"] == 12 and t.loc[0, "significant"]
    assert "within 12 shared events" in t.loc[0, "sentence"]
    labels = np.array([True, False] * 4)
    strata = np.repeat(np.arange(4), 2)
    for chunk in shuffled_labels(labels, strata, 100, np.random.default_rng(0)):
        assert (chunk.reshape(len(chunk), 4, 2).sum(axis=2) == 1).all()


@pytest.mark.parametrize("n_strata", [1, 3, 300])
def test_the_tests_read_the_strata_by_value_whatever_their_integer_type(n_strata):
    # strata_codes keeps the smallest type (one byte up to 256 events): the shuffles, p-values and statistics
    # are those of int64 codes
    rng = np.random.default_rng(5)
    n = 900
    events = np.array([f"e{k}" for k in rng.integers(0, n_strata, n)], dtype=object)
    codes = strata_codes(events, n)
    assert codes.dtype == (np.uint8 if n_strata <= 256 else np.uint16)
    wide = codes.astype(np.int64)
    labels = rng.random(n) < 0.4
    counts = rng.integers(0, 4, (n, 3)).astype(float)
    values = rng.normal(size=n)
    for a, b in zip(shuffled_labels(labels, codes, 60, np.random.default_rng(1)),
                    shuffled_labels(labels, wide, 60, np.random.default_rng(1)), strict=True):
        assert np.array_equal(a, b)
    assert count_test(counts, labels, codes, 300, np.random.default_rng(2)) == \
        count_test(counts, labels, wide, 300, np.random.default_rng(2))
    assert score_test(values, labels, codes, 300, np.random.default_rng(3)) == \
        score_test(values, labels, wide, 300, np.random.default_rng(3))
    assert strata_codes(None, 4).tolist() == [0, 0, 0, 0]


def _run_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Actor labels, attributions, metrics and actor sentiment of 16 articles where outlets A and B differ."""
    ids = [f"{o}{i}" for o in "AB" for i in range(8)]
    outlet = [i[0] for i in ids]
    labels = pd.DataFrame({"article_id": ids * 2, "outlet": outlet * 2, "actor": "Ann Smith",
                           "label": ["the billionaire" if o == "A" else "the senator" for o in outlet] + ["Mr."] * 16,
                           "label_kind": ["nominal"] * 16 + ["honorific"] * 16})
    attrs = pd.DataFrame({"article_id": ids * 2, "outlet": outlet * 2,
                          "source_role": ["politician"] * 32,
                          "party": ["Republican" if o == "A" else "Democratic" for o in outlet] * 2})
    metrics = pd.DataFrame({"article_id": ids, "outlet": outlet,
                            "wc_loaded_per1k": [5.0 + i if o == "A" else 1.0 + i / 10 for i, o in enumerate(outlet)]})
    sent = pd.DataFrame({"article_id": ids, "outlet": outlet, "actor": "Ann Smith", "n_mentions": 5,
                         "mean_score": [0.5 if o == "A" else -0.5 for o in outlet]})
    return labels, attrs, metrics, sent


def test_every_kind_from_the_tables_of_a_run():
    t = find_framing_differences(None, *_run_tables())
    assert set(t["kind"]) == {"actor_label", "source_role", "partisan", "loaded_language", "actor_sentiment"}
    got = t.set_index("kind")
    assert got.loc["actor_label", "variant"] in ("billionaire", "senator")  # "the" and the honorific are dropped
    assert not got.loc["source_role", "supported"] or got.loc["source_role", "p_value"] > 0.5 or \
        np.isnan(got.loc["source_role", "p_value"])  # one role only: nothing to compare
    for kind in ("actor_label", "partisan", "loaded_language", "actor_sentiment"):
        assert got.loc[kind, "significant"], kind
    assert "uses more loaded words in its own voice" in got.loc["loaded_language", "sentence"]
    assert got.loc["actor_sentiment", "sentence"].startswith("Sentences about Ann Smith are more positive in A than in B")


def test_the_input_columns_are_what_it_reads():
    """FRAMING_INPUT_COLUMNS: the tables cut to them give the same table, and each one listed is read."""
    wc = _word_choice(leak=2).assign(term="regime", match="Regime", start=0, end=6)
    wc.loc[wc.index[::3], "part"] = "caption"  # captions are left out: ``part`` is read
    labels, attrs, metrics, sent = _run_tables()
    labels = pd.concat([labels, labels.head(16).assign(label="his", label_kind="possessive", mention="Smith")])
    attrs = attrs.assign(speaker="Ann Smith", cue_lemma="say", office=None)
    metrics = metrics.assign(words=300, tone=0.1)
    sent = sent.assign(n_mentions=[1 + i % 4 for i in range(len(sent))], share_negative=0.5)
    tables = dict(zip(FRAMING_INPUT_COLUMNS, (wc, labels, attrs, metrics, sent), strict=True))
    full = find_framing_differences(**tables, n_perm=200, n_boot=100)
    cut = {name: t[["article_id", "outlet", *FRAMING_INPUT_COLUMNS[name]]] for name, t in tables.items()}
    pd.testing.assert_frame_equal(find_framing_differences(**cut, n_perm=200, n_boot=100), full)
    for name, columns in FRAMING_INPUT_COLUMNS.items():
        for col in columns:
            try:
                without = find_framing_differences(**{**tables, name: tables[name].drop(columns=col)}, n_perm=200,
                                                   n_boot=100)
            except ValueError:  # a column it needs
                continue
            assert not without.equals(full), (name, col)


def test_labels_are_compared_without_house_style():
    assert normalize_label("Sen.") == normalize_label("Senator") == "senator"
    assert normalize_label("Mr.") is None and normalize_label("the GOP nominee") == "gop nominee"


def test_statistics_building_blocks():
    counts = np.array([[3, 0], [2, 0], [4, 1], [0, 3], [1, 2], [0, 4]])
    labels = np.array([True] * 3 + [False] * 3)
    r = count_test(counts, labels, strata_codes(None, 6), 1000, np.random.default_rng(1))
    assert 0 < r.cramers_v <= 1 and 0 < r.pvalue <= 1
    assert np.isnan(count_test(counts[:, :1], labels, strata_codes(None, 6), 10, np.random.default_rng(1)).pvalue)
    s = score_test(np.arange(10.0), np.arange(10) < 5, strata_codes(None, 10), 500, np.random.default_rng(1))
    assert s.diff == -5 and s.cliffs_delta == -1 and s.pvalue < 0.05


def test_options_are_checked():
    wc = _word_choice()
    with pytest.raises(ValueError, match="correction"):
        find_framing_differences(wc, correction="nope")
    with pytest.raises(ValueError, match="min_n"):
        find_framing_differences(wc, min_n=0)
    with pytest.raises(ValueError, match="event"):
        find_framing_differences(wc, event="event")  # no such column and no articles to join it


def test_nothing_in_gives_an_empty_table():
    t = find_framing_differences()
    assert t.empty and list(t.columns) == FRAMING_COLUMNS


_cell = st.one_of(st.none(), st.just(float("nan")), st.text(max_size=6), st.sampled_from(["A", "B", "C", "D", "E"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["a1", "a2", "b1", "b2", "c", None]), _cell, _cell, _cell,
                          st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True))), max_size=30),
       st.integers(1, 6), st.booleans())
def test_odd_tables_never_raise(rows, min_n, with_event):
    df = pd.DataFrame(rows, columns=["article_id", "outlet", "family", "variant", "score"])
    wc = df[["article_id", "outlet", "family", "variant"]]
    labels = df.rename(columns={"family": "actor", "variant": "label"})[["article_id", "outlet", "actor", "label"]]
    attrs = df.rename(columns={"family": "source_role", "variant": "party"})[["article_id", "outlet", "source_role",
                                                                             "party"]]
    metrics = df.rename(columns={"score": "wc_loaded_per1k"})[["article_id", "outlet", "wc_loaded_per1k"]]
    arts = df.assign(event=df["family"])[["article_id", "outlet", "event"]]
    t = find_framing_differences(wc, labels, attrs, metrics, articles=arts, event="event" if with_event else None,
                                 min_n=min_n, n_perm=50, n_boot=20)
    assert list(t.columns) == FRAMING_COLUMNS
    ranked = t[t["rank"].notna()]
    assert ranked["supported"].all() and list(ranked["rank"]) == list(range(1, len(ranked) + 1))


def test_type_one_error_with_clustered_mentions():
    """No outlet difference, but each article repeats its own favourite word (docs/compare.md, section 7):
    the chi-square on mentions (mentions as observations) rejects far too often, the article shuffle does not."""
    import math

    rng = np.random.default_rng(1)
    n_sims, n_art = 300, 20
    naive = perm = 0
    for s in range(n_sims):
        m = rng.integers(2, 21, size=2 * n_art)
        a = rng.binomial(m, rng.beta(1, 1, size=2 * n_art))
        r = count_test(np.column_stack([a, m - a]), np.arange(2 * n_art) < n_art, strata_codes(None, 2 * n_art),
                       199, np.random.default_rng(s))
        naive += math.erfc(math.sqrt(r.chi2 / 2)) < 0.05  # chi-square with 1 degree of freedom
        perm += r.pvalue < 0.05
    assert naive / n_sims > 0.25
    assert perm / n_sims < 0.08


def test_with_many_outlets_each_is_compared_with_the_others():
    rows = [{"article_id": f"{o}{i}", "outlet": o, "family": "rulers",
             "variant": "regime" if o == "E" else ["government", "administration"][i % 2]}
            for o in "ABCDE" for i in range(6)]
    t = find_framing_differences(pd.DataFrame(rows))
    top = t.iloc[0]
    assert (top["group"], top["other"], top["variant"]) == ("E", "the other outlets", "regime") and top["significant"]
    assert len(t) == 5 and top["n_articles_other"] == 24
