"""Distinctive terms from texts held elsewhere (``texts=``: a streamed run's parts): the tables of the whole articles
table, each process reading its own share of the source once."""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import mediakit
from mediakit._validation import MissingColumnError
from mediakit.compare import distinctive_terms, terms_by_mode
from mediakit.compare import _ngram_jobs as jobs
from mediakit.compare import _ngram_slices as slices
from mediakit.compare._texts import SourceTexts, part_texts
from mediakit.stream import PartTexts, read_without_texts

from ..conftest import stream_articles

MODES = ("exclude", "only", "keep")


@pytest.fixture(scope="module")
def streamed(tmp_path_factory: pytest.TempPathFactory, sample_articles: pd.DataFrame) -> tuple[Path, pd.DataFrame]:
    """A streamed run's parts of the sample corpus (part files of 7 articles), and its articles read back."""
    out = tmp_path_factory.mktemp("parts")
    stream_articles(out, sample_articles, 7)
    return out, mediakit.read_parts(out, "articles")


def _same(a: Sequence[pd.DataFrame], b: Sequence[pd.DataFrame]) -> None:
    for x, y in zip(a, b, strict=True):
        pd.testing.assert_frame_equal(x, y, check_exact=True)
        assert x.attrs == y.attrs


class Blocks:
    """A source of texts in blocks of ``size`` rows that counts the blocks it reads."""

    def __init__(self, df: pd.DataFrame, size: int, reads: list[int] | None = None) -> None:
        self.df, self.size = df.reset_index(drop=True), size
        self.reads = [] if reads is None else reads

    def __len__(self) -> int:
        return len(self.df)

    def take(self, positions: Sequence[int]) -> Blocks:
        return Blocks(self.df.iloc[list(positions)], self.size, self.reads)

    def frame(self) -> pd.DataFrame:
        return self.df

    def frames(self) -> Iterator[pd.DataFrame]:
        for start in range(0, len(self.df), self.size):
            self.reads.append(start)
            yield self.df.iloc[start:start + self.size].reset_index(drop=True)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_terms_from_a_streamed_runs_parts(streamed: tuple[Path, pd.DataFrame], n_jobs: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Ids and outlets from the parts, texts read from them: the tables of the whole table, in this process and on
    two (the worker sent its share's rows of the parts, not their texts), for every row and for a subset."""
    monkeypatch.setattr(jobs, "MIN_PARALLEL_ARTICLES", 2)
    monkeypatch.setattr(slices, "SLICE_TEXTS", 5)  # slices across part files (this process's share)
    out, full = streamed
    meta, texts = read_without_texts(out), PartTexts.of(out)
    assert len(texts.files) > 2 and "text" not in meta.columns
    want = terms_by_mode(full, MODES, min_count=1, top=8)
    _same(want, terms_by_mode(meta, MODES, min_count=1, top=8, n_jobs=n_jobs, texts=texts))
    rows = [k for k in range(len(full)) if k % 3 != 1]
    sub = full.iloc[rows].reset_index(drop=True)
    opts: dict[str, Any] = {"ngram": (1, 3), "min_count": 2, "columns": ("title", "text", "captions")}
    _same([distinctive_terms(sub, **opts)],
          [distinctive_terms(meta.iloc[rows].reset_index(drop=True), **opts, n_jobs=n_jobs, texts=texts.take(rows))])


def test_the_source_is_read_once(sample_articles: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every block once for both tokenisations (the folded modes and 'keep'), whatever the slices."""
    monkeypatch.setattr(slices, "SLICE_TEXTS", 4)
    arts = sample_articles.reset_index(drop=True)
    reads: list[int] = []
    source = Blocks(arts[["title", "text"]], 3, reads)
    meta = arts.drop(columns=["title", "text"])
    _same(terms_by_mode(arts, MODES, min_count=1), terms_by_mode(meta, MODES, min_count=1, texts=source))
    assert reads == list(range(0, len(arts), 3))


def test_source_texts_row_for_row_and_pickled_without_texts(sample_articles: pd.DataFrame) -> None:
    arts = sample_articles.reset_index(drop=True)
    arts["text"] = arts["text"].astype(object)  # Python strings: any code point, lone surrogates too
    arts.loc[3, "text"] = "odd \ud800 surrogate, curly \u2019 quote, \U0001f600"
    reads: list[int] = []
    texts = SourceTexts(Blocks(arts, 4, reads), ["title", "text", "captions"])
    assert reads == []  # nothing read until a text is asked for
    want = part_texts(arts, ["title", "text", "captions"])
    assert [texts[k] for k in (9, 2, 3, -1)] == [want[k] for k in (9, 2, 3, -1)]
    assert texts[1:3] == want[1:3] and list(texts) == want and len(texts) == len(arts)
    assert reads == list(range(0, len(arts), 4))
    back = pickle.loads(pickle.dumps(texts))
    assert set(texts.__getstate__()) == {"source", "columns", "n"}  # the source, not the texts read
    assert back._blocks is None and list(back) == want
    with pytest.raises(IndexError):
        texts[len(arts)]


def test_bad_texts(sample_articles: pd.DataFrame) -> None:
    arts = sample_articles.reset_index(drop=True)
    meta = arts.drop(columns=["title", "text"])
    with pytest.raises(ValueError, match="one row per article"):
        distinctive_terms(meta, texts=Blocks(arts.iloc[:-1], 5))
    with pytest.raises(MissingColumnError, match="title"):
        distinctive_terms(meta, texts=Blocks(arts[["text"]], 5))
