"""The ``languages`` option on the streamed and Dask paths (issue 13): same tables as in memory."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import mediakit
from mediakit.text import LeftOutWarning

from ..metrics.test_languages import DE, EN_1, EN_2, FR


@pytest.fixture()
def mixed() -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["en1", "de", "en2", "fr"], "outlet": ["A", "B", "A", "B"],
                         "title": ["Regime collapses", "Regierung gestürzt", "Brenner denies report", None],
                         "text": [EN_1, DE, EN_2, FR]})


def test_streamed_tables_leave_out_the_same_articles(mixed, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mediakit.analyze_stream([mixed.iloc[:2], mixed.iloc[2:]], tmp_path / "en", progress=False,
                                tables=("metrics", "sentences", "attributions", "word_choice"))
    assert not [w for w in caught if issubclass(w.category, LeftOutWarning)]  # chunks are quiet
    metrics = mediakit.read_parts(tmp_path / "en", "metrics")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LeftOutWarning)
        pd.testing.assert_frame_equal(metrics, mediakit.analyze(mixed), check_dtype=False)
    for table in ("sentences", "attributions", "word_choice"):
        assert not {"de", "fr"} & set(mediakit.read_parts(tmp_path / "en", table)["article_id"]), table
    mediakit.analyze_stream([mixed], tmp_path / "all", progress=False, languages=None, tables=("sentences",))
    assert "de" in set(mediakit.read_parts(tmp_path / "all", "sentences")["article_id"])
    with pytest.raises(mediakit.StreamConfigError):  # parts made for other languages are not resumed
        mediakit.analyze_stream([mixed], tmp_path / "all", progress=False, languages="en", tables=("sentences",))


def test_dask_path_passes_the_option(mixed):
    dd = pytest.importorskip("dask.dataframe")
    ddf = dd.from_pandas(mixed, npartitions=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LeftOutWarning)
        for kwargs in ({}, {"languages": None}):
            got = mediakit.analyze(ddf, **kwargs).compute()
            pd.testing.assert_frame_equal(got, mediakit.analyze(mixed, **kwargs), check_dtype=False)
            attrs = mediakit.extract_attributions(ddf, **kwargs).compute()
            assert set(attrs["article_id"]) == set(mediakit.extract_attributions(mixed, **kwargs)["article_id"])
            wc = mediakit.word_choice(ddf, **kwargs).compute()
            assert set(wc["article_id"]) == set(mediakit.word_choice(mixed, **kwargs)["article_id"])
