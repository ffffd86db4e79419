"""Texts held elsewhere: a streamed run's parts read when asked (PartTexts), the actor tables unchanged."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import pandas as pd
import pytest

import mediakit
import mediakit.actors._label_jobs as label_jobs
from mediakit.actors import TEXT_COLUMNS, ArticleTexts, actor_labels, actor_sentiment, with_texts
from mediakit.stream import PartTexts, read_without_texts

from ..conftest import stream_articles

_COLUMNS = list(TEXT_COLUMNS)


@pytest.fixture(scope="module")
def streamed(tmp_path_factory: pytest.TempPathFactory, sample_articles: pd.DataFrame) -> tuple[Path, pd.DataFrame]:
    """A streamed run's parts of the sample corpus (several part files), and its articles read back in full."""
    out = tmp_path_factory.mktemp("parts")
    stream_articles(out, sample_articles, 10)
    full = mediakit.read_parts(out, "articles")
    full["captions"] = full["captions"].map(lambda v: v.tolist() if hasattr(v, "tolist") else v)
    return out, full


def test_part_texts_read_the_text_columns_row_for_row(streamed: tuple[Path, pd.DataFrame]) -> None:
    out, full = streamed
    texts = PartTexts.of(out)
    assert isinstance(texts, ArticleTexts) and len(texts) == len(full) > 20
    assert len(texts.files) > 2  # several part files
    pd.testing.assert_frame_equal(texts.frame(), full[_COLUMNS], check_exact=True)
    assert sum(len(b) for b in texts.frames()) == len(full)
    rows = [0, 3, 11, 12, len(full) - 1]  # across part files
    sub = texts.take(rows)
    pd.testing.assert_frame_equal(sub.frame(), full[_COLUMNS].iloc[rows].reset_index(drop=True), check_exact=True)
    pd.testing.assert_frame_equal(sub.take([1, 4]).frame(), full[_COLUMNS].iloc[[3, len(full) - 1]]
                                  .reset_index(drop=True), check_exact=True)
    assert pickle.loads(pickle.dumps(sub)) == sub
    assert texts.take([]).frame().empty
    for bad in ([3, 1], [1, 1], [-1], [len(full)]):
        with pytest.raises(ValueError, match="positions"):
            texts.take(bad)


def test_articles_without_texts_and_with_them_again(streamed: tuple[Path, pd.DataFrame]) -> None:
    out, full = streamed
    meta = read_without_texts(out)
    assert list(meta.columns) == [c for c in full.columns if c not in TEXT_COLUMNS]
    pd.testing.assert_frame_equal(meta, full[meta.columns], check_exact=True)
    back = with_texts(meta, PartTexts.of(out))
    pd.testing.assert_frame_equal(back[full.columns], full, check_exact=True)
    assert with_texts(meta, None) is meta


@pytest.mark.parametrize(("n_jobs", "runs"), [(1, 10), (2, 10), (2, 40)])
def test_actor_tables_from_texts_held_elsewhere(streamed: tuple[Path, pd.DataFrame], n_jobs: int, runs: int,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The same labels and sentiment from the ids and a PartTexts as from the whole table, in this process and on
    two (each worker's chunk read from the parts in ``runs`` runs of articles to be sent, some of them empty with
    40); with the languages detected from the texts too."""
    monkeypatch.setattr(label_jobs, "MIN_PARALLEL_ARTICLES", 2)
    monkeypatch.setattr(label_jobs, "LOAD_BLOCKS", runs)
    out, full = streamed
    meta, texts = read_without_texts(out), PartTexts.of(out)
    assert "text" not in meta.columns
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # every article; the English ones of a table that says one is German and leaves the others' language to
        # be detected (from the texts, read for that)
        given = [None] * len(full)
        given[1] = "de"
        for languages, lang in ((None, full["language"]), ("en", given)):
            want = actor_labels(full.assign(language=lang), languages=languages)
            assert len(want) > 50 and (languages is None or full["article_id"][1] not in set(want["article_id"]))
            got = actor_labels(meta.assign(language=lang), languages=languages, n_jobs=n_jobs, texts=texts)
            pd.testing.assert_frame_equal(got, want, check_exact=True)
        actors = want["actor"].value_counts().index[:3].tolist()
        want = actor_sentiment(full, actors, languages=None)
        got = actor_sentiment(meta, actors, languages=None, n_jobs=n_jobs, texts=texts)
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        # a subset of the rows: the same rows of the texts
        rows = list(range(0, len(full), 2))
        got = actor_sentiment(meta.iloc[rows], actors, languages=None, n_jobs=n_jobs, texts=texts.take(rows))
        pd.testing.assert_frame_equal(got, actor_sentiment(full.iloc[rows], actors, languages=None),
                                      check_exact=True)


def test_texts_must_match_the_articles(streamed: tuple[Path, pd.DataFrame]) -> None:
    out, full = streamed
    meta, texts = read_without_texts(out), PartTexts.of(out)
    with pytest.raises(ValueError, match="one row per article"):
        actor_labels(meta.iloc[:5], languages=None, texts=texts)
    with pytest.raises(mediakit.MissingColumnError):
        actor_labels(meta, languages=None)  # no text column and no texts
