"""Dask: mediakit's tables on dask DataFrames (lazy, declared meta) and on a LocalCluster."""

from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

import mediakit as mk

from .conftest import DATA

dd = pytest.importorskip("dask.dataframe", reason="needs the dask extra: pip install 'mediakit[dask]'")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mk.load_articles(DATA)


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
    hits = mk.word_choice(articles).merge(articles[["article_id", "outlet"]], on="article_id")
    assert lazy_counts["count"].sum() == hits["outlet"].notna().sum() < len(hits)  # no outlet: left out


@pytest.fixture(scope="module")
def cluster_client(request):
    """A two-worker LocalCluster on loopback only, shut down when the module's tests end."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                       dashboard_address=None, processes=True)
    client = distributed.Client(cluster)

    def shutdown():
        client.close()
        cluster.close()

    request.addfinalizer(shutdown)
    assert all(addr.startswith("tcp://127.0.0.1:") for addr in client.scheduler_info()["workers"])
    return client


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
