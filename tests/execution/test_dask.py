"""Dask: mediakit's tables on dask DataFrames (lazy, declared meta) and on a LocalCluster."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

import numpy as np
import pandas as pd
import pytest

import mediakit as mk

from ..conftest import DATA

dd = pytest.importorskip("dask.dataframe", reason="needs the dask extra: pip install 'mediakit[dask]'")
distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")


@pytest.fixture(scope="module")
def articles(sample_articles) -> pd.DataFrame:
    return sample_articles


def test_import_mediakit_does_not_import_dask():
    code = "import sys, mediakit; assert not [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("name", ["analyze", "extract_attributions", "word_choice"])
def test_dask_path_is_lazy_and_equals_pandas(articles, name):
    import dask

    func = getattr(mk, name)
    ddf = dd.from_pandas(articles, npartitions=3)
    lazy = func(ddf)
    assert isinstance(lazy, dd.DataFrame), "a dask DataFrame comes back, nothing computed"
    with dask.config.set(scheduler="synchronous"):
        got = lazy.compute()
    ref = func(articles)
    # the declared meta is exactly what the partitions give
    assert list(lazy.columns) == list(ref.columns)
    assert lazy.dtypes.to_dict() == got.dtypes.to_dict()
    if name == "analyze":
        assert lazy.npartitions == 3 and lazy.known_divisions
        pd.testing.assert_frame_equal(got, ref)
    else:
        pd.testing.assert_frame_equal(got.reset_index(drop=True), ref)


def test_dask_attributions_with_the_users_cues_equal_pandas(articles):
    """The user's cues are read in the driver and sent with the tasks (worker processes included)."""
    import dask

    cues = {"lambaste": {"class": "criticism", "frame": "object", "forms": "lambasted"}}
    extra = pd.DataFrame({"article_id": ["mine"], "text": ["The mayor lambasted the plan as reckless."]})
    frame = pd.concat([articles[["article_id", "text"]], extra], ignore_index=True)
    with dask.config.set(scheduler="synchronous"):
        got = mk.extract_attributions(dd.from_pandas(frame, npartitions=2), cues=cues).compute()
    ref = mk.extract_attributions(frame, cues=cues)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), ref)
    assert "lambasted" in set(ref["cue_text"]) and "lambasted" not in set(mk.extract_attributions(frame)["cue_text"])


def test_dask_workers_in_other_processes_take_the_cues_in_use():
    """``using_cues`` around a Dask computation: the tasks carry the cues to workers that do not share them."""
    import dask

    from mediakit.metrics.attribution import using_cues

    cues = {"cues": {"lambaste": {"class": "scorn", "frame": "object", "forms": "lambasted"}},
            "classes": {"scorn": "the speaker scorns"}}
    frame = pd.DataFrame({"article_id": ["a", "b"], "text": ["The mayor lambasted the plan as reckless.",
                                                             "Officials said the plan was fine."]})
    with using_cues(cues), dask.config.set(scheduler="processes", num_workers=1):
        metrics = mk.analyze(dd.from_pandas(frame, npartitions=2), families=("attribution",)).compute()
        attrs = mk.extract_attributions(dd.from_pandas(frame, npartitions=2)).compute()
    assert metrics["attr_class_scorn"].tolist() == [1, 0]
    assert sorted(attrs["cue_text"]) == ["lambasted", "said"]


def test_dask_string_conversion_of_captions_is_undone(articles):
    """Dask turns list cells into text ("['A caption']") by default: captions still count."""
    import dask

    with_caps = articles[articles["captions"].map(len) > 0]
    assert len(with_caps)
    with dask.config.set({"dataframe.convert-string": True, "scheduler": "synchronous"}):
        ddf = dd.from_pandas(with_caps, npartitions=2)
        assert ddf["captions"].dtype != object
        got = mk.word_choice(ddf).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, mk.word_choice(with_caps))
    assert (got["part"] == "caption").any()


def test_options_reach_the_partitions(articles):
    import dask

    ddf = dd.from_pandas(articles, npartitions=2)
    with dask.config.set(scheduler="synchronous"):
        m = mk.analyze(ddf, families=("readability",)).compute()
        wc = mk.word_choice(ddf, "markers", parts=("title",)).compute()
    assert not any(c.startswith(("sent_", "wc_", "attr_")) for c in m.columns)
    pd.testing.assert_frame_equal(m, mk.analyze(articles, families=("readability",)))
    assert set(wc["part"]) == {"title"}
    pd.testing.assert_frame_equal(wc.reset_index(drop=True), mk.word_choice(articles, "markers", parts=("title",)))
    with pytest.raises(ValueError, match="families"):
        mk.analyze(ddf, families=("nope",))
    with pytest.raises(ValueError, match="article_id"):
        mk.analyze(ddf.drop(columns="article_id"))


def test_aggregates_on_dask_equal_pandas(articles):
    import dask

    ddf = dd.from_pandas(articles, npartitions=3)
    cols = ["tone", "words", "read_flesch_reading_ease"]
    with dask.config.set(scheduler="synchronous"):
        lazy_stats = mk.group_stats(mk.analyze(ddf), "outlet", cols)
        lazy_counts = mk.variant_counts(ddf, "outlet")
    metrics = mk.analyze(articles)
    stats = mk.group_stats(metrics, "outlet", cols)
    pd.testing.assert_frame_equal(lazy_stats, stats, check_exact=False, rtol=1e-12)
    one = metrics[metrics["outlet"] == stats.loc[0, "outlet"]]["tone"].dropna()
    assert stats.loc[0, "n"] == len(one)
    assert np.isclose(stats.loc[0, "mean"], one.mean()) and np.isclose(stats.loc[0, "sd"], one.std())
    pd.testing.assert_frame_equal(lazy_counts, mk.variant_counts(articles, "outlet"))
    hits = mk.word_choice(articles)  # carries its articles' outlet
    assert lazy_counts["count"].sum() == hits["outlet"].notna().sum() < len(hits)  # no outlet: left out


@pytest.fixture(scope="module")
def cluster_client(request):
    """A two-worker LocalCluster on loopback only, shut down when the module's tests end."""
    from mediakit.stream import loopback_cluster

    cluster = loopback_cluster(2)
    client = distributed.Client(cluster)

    def shutdown():
        client.close()
        cluster.close()

    request.addfinalizer(shutdown)
    assert all(addr.startswith("tcp://127.0.0.1:") for addr in client.scheduler_info()["workers"])
    assert cluster.scheduler.http_server.address == "127.0.0.1"  # its HTTP endpoint too
    return client


def _worker_state() -> tuple[Any, ...]:
    """What a worker of the loopback cluster runs with: its Dask settings and whether mediakit is loaded."""
    import dask

    from mediakit.metrics._textstat import backend
    from mediakit.stream import LOOPBACK_CONFIG

    return (*(dask.config.get(k) for k in LOOPBACK_CONFIG), backend.cache_info().currsize,
            os.environ.get("MALLOC_TRIM_THRESHOLD_"))


def test_loopback_workers_start_warm_with_their_settings(cluster_client):
    from mediakit.stream import LOOPBACK_CONFIG

    states = cluster_client.run(_worker_state)
    assert len(states) == 2
    for state in states.values():  # mediakit loaded by the preload, before any task
        assert state == (*LOOPBACK_CONFIG.values(), 1, os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert dask.config.get("distributed.worker.profile.enabled") is True  # this process's settings untouched
    # Dask's default nanny environment would have set glibc's trim threshold here (and so in the workers)
    assert os.environ.get("MALLOC_TRIM_THRESHOLD_") != "65536"


@pytest.mark.corpus
def test_local_cluster_on_allsides_equals_pandas_and_pool(corpora, cluster_client, tmp_path):
    arts = mk.datasets.load_allsides(corpora / "allsides" / "articles.jsonl.gz", limit=200)
    ref = mk.analyze(arts)
    on_cluster = mk.analyze(dd.from_pandas(arts, npartitions=4)).compute()  # the client is the default
    pd.testing.assert_frame_equal(on_cluster, ref)
    pd.testing.assert_frame_equal(mk.analyze(arts, n_jobs=2), ref)
    chunks = mk.datasets.load_allsides(corpora / "allsides" / "articles.jsonl.gz", limit=200, chunksize=100)
    res = mk.analyze_stream(chunks, tmp_path, scheduler=cluster_client, tables=("metrics",), progress=False)
    assert res.computed == 2
    pd.testing.assert_frame_equal(mk.read_parts(tmp_path, "metrics"), ref.reset_index(drop=True))
    assert len(cluster_client.scheduler_info()["workers"]) == 2  # still up: a client passed in is not closed


# =========================================================================== distinctive terms on Dask


def _same_terms(got: pd.DataFrame, ref: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, ref, check_exact=True)
    assert got.attrs == ref.attrs


_TERM_CASES = [
    {},
    {"ngram": 1},
    {"top": 4},
    {"group": "Harbor Tribune"},
    {"group": "Harbor Tribune", "other": "Metro Wire Service", "min_count": 1},
    {"group": "Harbor Tribune", "other": ["Metro Wire Service", "Capital Courier"], "top": 6},
    {"prior": "uniform", "min_count": 2},
    {"stop_words": None, "min_count": 1, "ngram": (1, 3)},
    {"stop_words": ["Regime", "the"], "alpha0": 50.0},
    {"columns": ("title", "text", "captions"), "min_count": 0, "top": 10},
    {"house_style": "only", "min_count": 1},
    {"house_style": "keep"},
]


@pytest.mark.parametrize("kw", _TERM_CASES, ids=lambda kw: ",".join(kw) or "defaults")
def test_distinctive_terms_on_dask_equals_pandas(articles, kw):
    import dask

    ref = mk.distinctive_terms(articles, **kw)
    assert len(ref) and ref.attrs["missing_group"] == 1  # one article of the fixtures has no outlet
    if kw.get("min_count") == 1:  # many equal z: the order of ties (length, then alphabet) must match too
        assert ref.duplicated(["group", "z"]).sum() > 10
    with dask.config.set(scheduler="synchronous"):
        got = mk.distinctive_terms(dd.from_pandas(articles, npartitions=3), **kw)
    _same_terms(got, ref)


def test_distinctive_terms_dask_counts_are_summed_by_term_and_filtered_on_the_cluster(articles):
    """Partial counts meet by term in several partitions; only kept terms and small totals come back."""
    import dask

    from mediakit.compare import stop_set
    from mediakit.dask import _terms

    order = sorted(articles["outlet"].dropna().unique().tolist())
    ddf = dd.from_pandas(articles, npartitions=4)
    args = (ddf, "outlet", ("title", "text"), order, 1, 2, stop_set("english"), 3)
    with dask.config.set(scheduler="synchronous"):
        kept, stats, summed = _terms._term_graph(*args)
        assert summed.npartitions == 4
        parts = [summed.get_partition(i).compute() for i in range(4)]
        kept_cells, stat_sums = _terms.term_cells(*args)
    vocab = [set(p["term"]) for p in parts]
    everything = set().union(*vocab)
    assert sum(map(len, vocab)) == len(everything)       # every term is summed in exactly one partition
    assert max(map(len, vocab)) < len(everything)        # and no partition holds the whole vocabulary
    # each (term, group) cell once, with its corpus total; the kept ones come back, the others do not
    cells = pd.concat(parts, ignore_index=True)
    assert not cells.duplicated(["term", "gid"]).any()
    assert (cells.groupby("term")["count"].transform("sum") == cells["total"]).all()
    kept_terms = set(kept_cells["term"].astype(str))
    assert kept_terms == set(cells.loc[cells["total"] >= 3, "term"]) and len(kept_terms) < len(everything)
    assert list(kept_cells.columns) == ["term", "n_words", "gid", "count"]
    assert isinstance(kept_cells["term"].dtype, pd.CategoricalDtype)   # each term's text once per partition
    # totals: tokens per (length, group) and types per length, as the pandas path counts them
    ref = mk.distinctive_terms(articles, min_count=3, house_style="keep")  # term_cells above: no folding
    for n_words, per_group in ref.attrs["n_tokens"].items():
        assert {order[g]: int(stat_sums[(n_words, g)]) for g in range(len(order))} == per_group
        assert stat_sums[(n_words, -1)] == cells.loc[cells["n_words"] == n_words, "term"].nunique()
    assert len(stat_sums) == 2 * (len(order) + 1)


def test_distinctive_terms_dask_edge_cases(articles):
    import dask

    with dask.config.set(scheduler="synchronous"):
        # no rows
        _same_terms(mk.distinctive_terms(dd.from_pandas(articles.iloc[:0], npartitions=1)),
                    mk.distinctive_terms(articles.iloc[:0]))
        # rows without a group, spread over more partitions than groups
        holes = articles.copy()
        holes.loc[holes.index[::4], "outlet"] = None
        ref = mk.distinctive_terms(holes, min_count=2)
        assert ref.attrs["missing_group"] > 1
        _same_terms(mk.distinctive_terms(dd.from_pandas(holes, npartitions=7), min_count=2), ref)
        # a categorical grouping keeps its category order, also with categories unknown to Dask
        cats = articles.copy()
        cats["outlet"] = pd.Categorical(cats["outlet"], categories=["The Northern Ledger", "Metro Wire Service",
                                                                     "Harbor Tribune", "Capital Courier", "Unused"])
        ref = mk.distinctive_terms(cats, top=3)
        assert list(dict.fromkeys(ref["group"])) == ["The Northern Ledger", "Metro Wire Service", "Harbor Tribune",
                                                     "Capital Courier"]
        ddf = dd.from_pandas(cats, npartitions=3)
        ddf["outlet"] = ddf["outlet"].cat.as_unknown()
        _same_terms(mk.distinctive_terms(ddf, top=3), ref)
        # integer groups
        nums = articles.assign(desk=np.arange(len(articles)) % 3)
        _same_terms(mk.distinctive_terms(dd.from_pandas(nums, npartitions=2), by="desk", top=2),
                    mk.distinctive_terms(nums, by="desk", top=2))
        # captions turned into text by Dask's string conversion still count as captions
        with dask.config.set({"dataframe.convert-string": True}):
            ddf = dd.from_pandas(articles, npartitions=2)
            assert ddf["captions"].dtype != object
            got = mk.distinctive_terms(ddf, columns=("captions",), min_count=1)
        ref = mk.distinctive_terms(articles, columns=("captions",), min_count=1)
        assert len(ref) and not ref["term"].str.contains("[", regex=False).any()
        _same_terms(got, ref)


def _boom(df: pd.DataFrame) -> pd.DataFrame:
    raise AssertionError("a partition was computed")


def test_distinctive_terms_dask_bad_input(articles):
    import dask

    def message(frame, **kw) -> str:
        with pytest.raises(ValueError) as info:
            mk.distinctive_terms(frame, **kw)
        return str(info.value)

    untouchable = dd.from_pandas(articles, npartitions=2).map_partitions(_boom, meta=articles.iloc[:0])
    # missing columns: the pandas error, from the column names alone (nothing computed)
    for kw in ({"by": "lean"}, {"columns": ("title", "body")}, {"ngram": (2, 1)}, {"stop_words": "french"}):
        assert message(untouchable, **kw) == message(articles, **kw)
    assert "not a column" in message(untouchable, by="lean")
    assert "['body'] not in the table" in message(untouchable, columns=("title", "body"))
    assert "column name" in message(untouchable, by=articles["outlet"])
    ddf = dd.from_pandas(articles, npartitions=2)
    with dask.config.set(scheduler="synchronous"):
        for kw in ({"group": "Nope"}, {"group": "Harbor Tribune", "other": "Nope"},
                   {"group": "Harbor Tribune", "other": "Harbor Tribune"}):
            assert message(ddf, **kw) == message(articles, **kw)
        one = articles[articles["outlet"] == "Harbor Tribune"]
        assert "at least two groups" in message(dd.from_pandas(one, npartitions=2))


_dt_words = ["tax", "cut", "relief", "the", "of", "truce", "war", "Don\u2019t", "U.S.", "3.5"]
_dt_seps = [" ", " ", ", ", ". ", "\n", " \u2014 ", "! "]


def test_distinctive_terms_dask_random_tables():
    """Random small tables, partitioned any way: the Dask path gives the pandas table, exactly."""
    import dask
    from hypothesis import given, settings
    from hypothesis import strategies as st

    text = st.lists(st.tuples(st.sampled_from(_dt_words), st.sampled_from(_dt_seps)), max_size=12).map(
        lambda pairs: "".join(w + s for w, s in pairs))

    @settings(max_examples=25, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from(["A", "B", "C", None]), text), min_size=3, max_size=10),
           st.integers(1, 4), st.sampled_from([{}, {"stop_words": None, "min_count": 1},
                                               {"ngram": 1, "prior": "uniform", "min_count": 1},
                                               {"group": "A", "other": "B", "min_count": 2, "top": 3}]))
    def check(rows, nparts, kw):
        arts = pd.DataFrame({"outlet": [r[0] for r in rows], "title": [""] * len(rows), "text": [r[1] for r in rows]})
        try:
            ref = mk.distinctive_terms(arts, **kw)
        except ValueError as exc:
            with pytest.raises(ValueError, match=re.escape(str(exc))):
                mk.distinctive_terms(dd.from_pandas(arts, npartitions=nparts), **kw)
            return
        _same_terms(mk.distinctive_terms(dd.from_pandas(arts, npartitions=nparts), **kw), ref)

    with dask.config.set(scheduler="synchronous"):
        check()


@pytest.fixture(scope="module")
def allsides300(corpora) -> pd.DataFrame:
    return mk.datasets.load_allsides(corpora / "allsides" / "articles.jsonl.gz", limit=300)


_ALLSIDES_CASES = [
    {"by": "bias"},
    {"by": "bias", "ngram": 1, "stop_words": None},
    {"top": 25},
    {"ngram": 1, "top": 25, "prior": "uniform"},
    {"group": "Fox News", "min_count": 3},
    {"group": "Fox News", "other": "CNN", "stop_words": None, "min_count": 2},
    {"by": "bias", "group": "left", "other": ["center", "right"], "prior": "uniform", "alpha0": 500.0},
]


@pytest.mark.corpus
@pytest.mark.parametrize("kw", _ALLSIDES_CASES, ids=lambda kw: ",".join(f"{k}={v}" for k, v in kw.items()))
def test_distinctive_terms_on_dask_equals_pandas_on_allsides(allsides300, kw):
    import dask

    ref = mk.distinctive_terms(allsides300, **kw)
    assert len(ref) > 20
    with dask.config.set(scheduler="synchronous"):
        _same_terms(mk.distinctive_terms(dd.from_pandas(allsides300, npartitions=4), **kw), ref)


@pytest.mark.corpus
def test_distinctive_terms_on_local_cluster_equals_pandas_on_allsides(allsides300, cluster_client):
    ddf = dd.from_pandas(allsides300, npartitions=4)
    big = allsides300["outlet"].value_counts().index[:3].tolist()
    for kw in ({"by": "bias"}, {"ngram": 1, "top": 20},
               {"group": big[0], "other": big[1:], "prior": "uniform", "stop_words": None, "min_count": 3}):
        ref = mk.distinctive_terms(allsides300, **kw)
        assert len(ref) > 20
        _same_terms(mk.distinctive_terms(ddf, **kw), ref)  # the client is the default scheduler
    assert len(cluster_client.scheduler_info()["workers"]) == 2


def _streamed_metrics(out) -> pd.DataFrame:
    return mk.read_parts(out, "metrics")


def test_cli_runs_against_a_running_scheduler_address(cluster_client, tmp_path):
    """`mediakit analyze --scheduler tcp://...` sends the work to a running cluster and leaves it up."""
    from mediakit.cli import main

    address = cluster_client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    on_cluster, pooled = tmp_path / "cluster", tmp_path / "pool"
    assert main(["analyze", str(DATA), "--out", str(on_cluster), "--chunksize", "12", "--quiet",
                 "--scheduler", address]) == 0
    assert main(["analyze", str(DATA), "--out", str(pooled), "--chunksize", "12", "--quiet", "--n-jobs", "2"]) == 0
    for table in ("metrics", "attributions", "word_choice", "articles"):
        pd.testing.assert_frame_equal(mk.read_parts(on_cluster / "parts", table),
                                      mk.read_parts(pooled / "parts", table))
    assert len(_streamed_metrics(on_cluster / "parts")) == 33
    assert (on_cluster / "report.html").is_file()
    assert len(cluster_client.scheduler_info()["workers"]) == 2  # the CLI did not shut the cluster down


def test_scheduler_local_starts_and_stops_its_own_loopback_cluster(articles, tmp_path):
    import gc

    before = {id(c) for c in gc.get_objects() if isinstance(c, distributed.LocalCluster)}
    res = mk.analyze_stream([articles.iloc[:20], articles.iloc[20:]], tmp_path, scheduler="local", n_jobs=2,
                            tables=("metrics",), progress=False)
    assert res.computed == 2
    pd.testing.assert_frame_equal(_streamed_metrics(tmp_path), mk.analyze(articles).reset_index(drop=True))
    gc.collect()
    alive = [c for c in gc.get_objects() if isinstance(c, distributed.LocalCluster) and id(c) not in before
             and c.status.name not in ("closed", "closing")]
    assert not alive, "the LocalCluster started for scheduler='local' is still running"
