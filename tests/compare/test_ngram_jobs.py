"""Distinctive terms counted on several processes (``n_jobs``), and their top rows scored from the groups' own terms:
the same tables as one process scoring every term."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.compare import distinctive_terms, terms_by_mode
from mediakit.compare import _ngram_jobs as jobs
from mediakit.compare import _terms as terms_module
from mediakit.compare._ngram_jobs import merge_shares, models_on_jobs, share_runs, use_jobs
from mediakit.compare._ngram_slices import count_slices, models_by_mask, models_of
from mediakit.compare._ngrams import models_from_texts
from mediakit.compare._style import style_terms
from mediakit.compare._terms import stop_set

from .test_ngram_slices import _same_models

TEXTS = ["The tax relief plan passed, Sen. Smith told Fox News.", "A tax cut for the rich; the U.S. Senate voted.",
         "Tax relief (again) for families \u2014 and the \u201ctax cut\u201d too.", "Sen. Jones: no tax cut!",
         "Families want tax relief.\nThe plan passed.", "", "rich families, rich donors, rich friends"]


def _same(a: list[pd.DataFrame], b: list[pd.DataFrame]) -> None:
    for x, y in zip(a, b, strict=True):
        pd.testing.assert_frame_equal(x, y, check_exact=True)
        assert x.attrs == y.attrs


def _corpus(texts: list[str], outlets: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"outlet": outlets, "title": [""] * len(texts), "text": texts})


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any corpus of two articles or more counted on the processes ``n_jobs`` asks for."""
    monkeypatch.setattr(jobs, "MIN_PARALLEL_ARTICLES", 2)


def test_workers_give_the_tables_of_one_process(parallel: None) -> None:
    texts = TEXTS * 4 + ["Fox News said the senator left.", "The Washington Post: tax cut, tax cut."]
    outlets = (["Fox News"] * 9 + ["CNN"] * 9 + ["The Washington Post"] * 10 + [None, "CNN"])
    arts = _corpus(texts, outlets)
    modes = ("exclude", "only", "keep")
    one = terms_by_mode(arts, modes, min_count=1, top=5)
    _same(one, terms_by_mode(arts, modes, min_count=1, top=5, n_jobs=2))
    _same(one, terms_by_mode(arts, modes, min_count=1, top=5, n_jobs=3))
    opts: dict[str, Any] = {"ngram": (1, 3), "min_count": 2, "prior": "uniform", "group": "CNN", "other": "Fox News"}
    _same([distinctive_terms(arts, **opts)], [distinctive_terms(arts, **opts, n_jobs=2)])


def test_vocabularies_that_differ_between_workers(parallel: None) -> None:
    """Each worker codes its own tokens: words only one share has, and shared words under other codes."""
    left = ["alpha beta gamma delta", "beta gamma common word", "alpha alpha beta"] * 3
    right = ["omega psi common word", "chi psi omega", "word common psi psi"] * 3
    arts = _corpus(left + right, ["A"] * 9 + ["B"] * 9)
    one = terms_by_mode(arts, ("keep", "exclude"), min_count=1, ngram=(1, 3))
    _same(one, terms_by_mode(arts, ("keep", "exclude"), min_count=1, ngram=(1, 3), n_jobs=2))
    assert set(one[0]["term"]) >= {"alpha", "omega", "common word"}


def test_empty_texts_and_one_group(parallel: None) -> None:
    arts = _corpus(["", "", " ", ""], ["A", "A", "B", "B"])
    _same([distinctive_terms(arts)], [distinctive_terms(arts, n_jobs=2)])
    assert distinctive_terms(arts, n_jobs=2).empty
    one_group = _corpus(TEXTS, ["A"] * len(TEXTS))
    with pytest.raises(ValueError, match="two groups"):
        distinctive_terms(one_group, n_jobs=2)


def test_vocabulary_past_the_packing_base_counts_the_whole_stream(parallel: None) -> None:
    """4-grams pack 15-bit codes: each share's 20,000 words fit, the corpus's 40,000 do not."""
    words = np.array([f"w{i}" for i in range(40_000)])
    texts = [" ".join(words[i * 5000:(i + 1) * 5000]) for i in range(8)]
    arts = _corpus(texts, ["A", "A", "B", "B"] * 2)
    arts = arts.iloc[[0, 1, 4, 5, 2, 3, 6, 7]].reset_index(drop=True)  # A's texts, then B's: two shares of 20,000
    opts: dict[str, Any] = {"ngram": (1, 4), "min_count": 1, "top": 3, "stop_words": None}
    _same([distinctive_terms(arts, **opts)], [distinctive_terms(arts, **opts, n_jobs=2)])


def test_merge_of_shares_is_the_count_of_the_whole() -> None:
    """Counted in shares (each with its own vocabulary) and merged: the models of one count, in this process."""
    texts = TEXTS * 3 + ["zebra crossing", "zebra crossing zebra"]
    rows = [np.arange(0, 9), np.arange(9, 17), np.arange(17, 23)]
    stops = stop_set("english")
    mask = style_terms(["Fox News"]).name_phrases
    opts: dict[str, Any] = {"fold_style": True, "masks": [mask, ()]}
    whole = models_by_mask(texts, rows, 1, 3, stops, prior="informative", alpha0=None, min_count=2, **opts)
    for n in (2, 3, 5):
        shares = [count_slices(texts, share, 1, 3, stops, slice_texts=4, **opts)
                  for share in share_runs(rows, np.ones(len(texts)), n)]
        merged = merge_shares([None if s is None else (s[0], jobs._packed(s[1])) for s in shares], 3)
        assert merged is not None
        tokens, cells = merged
        for mask_cells, want in zip(cells, whole, strict=True):
            _same_models(want, models_of(mask_cells, tokens, prior="informative", alpha0=None, min_count=2))


def test_merge_refuses_a_vocabulary_past_the_base() -> None:
    def share(prefix: str) -> Any:
        tokens = np.array([f"{prefix}{i}" for i in range(20_000)], dtype=object)
        return tokens, [[(4, np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(1, np.int64))]]

    assert merge_shares([share("a"), share("b")], 4) is None  # 40,000 codes > 2 ** 15
    assert merge_shares([share("a"), share("a")], 4) is not None
    assert merge_shares([share("a"), None], 4) is None


def test_share_runs_cover_every_article_once_in_group_order() -> None:
    rows = [np.array([5, 1]), np.array([], dtype=np.int64), np.array([0, 2, 3, 4])]
    for n in (1, 2, 3, 4, 9):
        shares = share_runs(rows, np.array([1.0, 5, 1, 1, 1, 9]), n)
        assert 1 <= len(shares) <= n
        flat = [p for share in shares for r in share for p in r.tolist()]
        assert flat == [5, 1, 0, 2, 3, 4]
        assert all(len(share) == len(rows) for share in shares)


def test_use_jobs() -> None:
    assert use_jobs(2, jobs.MIN_PARALLEL_ARTICLES - 1) == 1
    assert use_jobs(2, jobs.MIN_PARALLEL_ARTICLES) == 2
    assert use_jobs(1, 10 ** 6) == 1
    with pytest.raises(ValueError, match="n_jobs"):
        distinctive_terms(_corpus(TEXTS, ["A", "B"] * 3 + ["A"]), n_jobs=0)


def test_models_on_one_job_are_models_by_mask() -> None:
    rows = [np.arange(0, 4), np.arange(4, 7)]
    arts = _corpus(TEXTS, ["A"] * 4 + ["B"] * 3)
    stops = stop_set("english")
    got = models_on_jobs(arts, ("title", "text"), TEXTS, rows, 1, 2, stops, prior="informative", alpha0=None,
                         min_count=1, fold_style=False, masks=[()], jobs=1)
    _same_models(models_from_texts(TEXTS, rows, 1, 2, stops, prior="informative", alpha0=None, min_count=1), got[0])


# --------------------------------------------------------------------------- the top rows from the groups' own terms

WORDS = ["tax", "cut", "relief", "plan", "senate", "rich", "families", "vote", "the", "mr", "fox", "news", ".", ","]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["Fox News", "CNN", "NPR", "AP"]),
                          st.lists(st.sampled_from(WORDS), max_size=25)), min_size=2, max_size=14),
       st.integers(1, 12), st.integers(1, 3), st.sampled_from(["exclude", "only", "keep"]),
       st.sampled_from(["informative", "uniform"]))
def test_top_rows_are_the_first_of_every_row(docs: list[tuple[str, list[str]]], top: int, min_count: int,
                                             mode: str, prior: str) -> None:
    """``top`` (scored from each group's own terms when no other term can rank among them) against every row."""
    arts = _corpus([" ".join(w) for _, w in docs], [o for o, _ in docs])
    if arts["outlet"].nunique() < 2:
        return
    opts: dict[str, Any] = {"min_count": min_count, "house_style": mode, "prior": prior}
    every = distinctive_terms(arts, **opts)
    best = distinctive_terms(arts, top=top, **opts)
    want = every[every["rank"] <= top].reset_index(drop=True)
    pd.testing.assert_frame_equal(best, want, check_exact=True)


def test_top_rows_fall_back_to_every_term(monkeypatch: pytest.MonkeyPatch) -> None:
    """A group with fewer terms of its own than ``top`` takes terms it never uses: every term is scored then."""
    calls: list[bool] = []
    top_parts = terms_module._top_parts

    def spy(*args: Any, **kw: Any) -> Any:
        out = top_parts(*args, **kw)
        calls.append(out is None)
        return out

    monkeypatch.setattr(terms_module, "_top_parts", spy)
    arts = _corpus(["tax cut tax cut relief plan senate vote", "rich families vote", "cut"], ["A", "A", "B"])
    every = distinctive_terms(arts, min_count=1)
    best = distinctive_terms(arts, min_count=1, top=4)
    assert calls == [False, True]  # A: its own terms; B (one term): every term
    pd.testing.assert_frame_equal(best, every[every["rank"] <= 4].reset_index(drop=True), check_exact=True)
    assert (best.loc[best["group"] == "B", "count_group"] == 0).sum() == 3
