"""Distinctive terms counted slice by slice (bounded memory): the same models and table as the whole stream."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediakit as mk
from mediakit.compare import _ngram_slices as slices
from mediakit.compare._ngram_slices import models_from_slices
from mediakit.compare._ngrams import models_from_texts
from mediakit.compare._style import style_terms
from mediakit.compare._terms import stop_set, term_comparisons, terms_table

TEXTS = ["The tax relief plan passed, Sen. Smith told Fox News.", "A tax cut for the rich; the U.S. Senate voted.",
         "Tax relief (again) for families \u2014 and the \u201ctax cut\u201d too.", "Sen. Jones: no tax cut!",
         "Families want tax relief.\nThe plan passed.", "", "rich families, rich donors, rich friends"]


def _models(fn: Any, texts: list[str], rows: list[np.ndarray], **kw: Any) -> list[Any]:
    opts: dict[str, Any] = {"prior": "informative", "alpha0": None, "min_count": 2, "fold_style": True,
                            "mask": style_terms(["Fox News"]).name_phrases}
    opts.update(kw)
    lo, hi = opts.pop("ngram", (1, 3))
    return fn(texts, rows, lo, hi, stop_set("english"), **opts)


def _table(models: list[Any], n_groups: int) -> pd.DataFrame:
    order = [f"g{i}" for i in range(n_groups)]
    comps, g_index = term_comparisons(order, "outlet", None, None)
    return terms_table(models, order, comps, g_index, rest=True, min_count=2, top=None, n_missing=0,
                       prior="informative", stop_words="english")


def _same_models(a: list[Any], b: list[Any]) -> None:
    """The same n-gram lengths, types, terms and counts (terms in any order)."""
    assert [m.n_words for m in a] == [m.n_words for m in b]
    for ma, mb in zip(a, b, strict=True):
        assert ma.n_types == mb.n_types and ma.alpha0 == mb.alpha0
        np.testing.assert_array_equal(ma.n_by_group, mb.n_by_group)
        ia, ib = np.argsort(ma.terms.astype(str)), np.argsort(mb.terms.astype(str))
        np.testing.assert_array_equal(ma.terms[ia], mb.terms[ib])
        np.testing.assert_array_equal(ma.total[ia], mb.total[ib])
        for g in range(len(ma.n_by_group)):
            np.testing.assert_array_equal(ma.counts([g])[ia], mb.counts([g])[ib])


@pytest.mark.parametrize("size", [1, 2, 3, 1000])
def test_slices_give_the_models_of_the_whole_stream(size: int) -> None:
    texts = TEXTS * 3
    rows = [np.arange(0, 9), np.arange(9, 15), np.arange(15, 21)]
    whole = _models(models_from_texts, texts, rows)
    sliced = _models(models_from_slices, texts, rows, slice_texts=size)
    _same_models(whole, sliced)
    pd.testing.assert_frame_equal(_table(whole, 3), _table(sliced, 3), check_exact=True)


def test_a_term_rare_in_every_slice_still_passes_min_count() -> None:
    """Once per slice, five slices: the merge is exact, not a per-slice filter."""
    texts = ["quantum widget here"] + ["nothing to see"] * 4 + ["quantum widget again"] * 4
    rows = [np.arange(0, 5), np.arange(5, 9)]
    sliced = _models(models_from_slices, texts, rows, slice_texts=1, min_count=5, ngram=(1, 2))
    uni = sliced[0]
    k = list(uni.terms).index("quantum")
    assert uni.total[k] == 5 and "quantum widget" in list(sliced[1].terms)
    _same_models(_models(models_from_texts, texts, rows, min_count=5, ngram=(1, 2)), sliced)


def test_too_large_a_vocabulary_falls_back_to_the_whole_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slices, "key_base", lambda n_words: 4)
    rows = [np.arange(0, 4), np.arange(4, 7)]
    _same_models(_models(models_from_texts, TEXTS, rows), _models(models_from_slices, TEXTS, rows, slice_texts=2))


def test_key_text_unpacks_the_tokens() -> None:
    tokens = np.array(["a", "tax", "cut"], dtype=object)
    base = slices.key_base(3)
    keys = np.array([(1 * base + 2) * base + 0, 2 * base * base], dtype=np.int64)
    assert slices.key_text(keys, 3, tokens).tolist() == ["tax cut a", "cut a a"]


def test_distinctive_terms_uses_the_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    arts = pd.DataFrame({"outlet": ["A", "A", "B", "B"] * 3, "title": [""] * 12, "text": TEXTS[:4] * 3})
    before = mk.distinctive_terms(arts, min_count=2, ngram=(1, 3))
    calls: list[int] = []
    real = slices.slice_codes_masked

    def counted(*args: Any, **kw: Any) -> Any:
        calls.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(slices, "SLICE_TEXTS", 1)
    monkeypatch.setattr(slices, "slice_codes_masked", counted)
    pd.testing.assert_frame_equal(before, mk.distinctive_terms(arts, min_count=2, ngram=(1, 3)), check_exact=True)
    assert len(calls) == 12  # one slice per article


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab. \n\u2019'\u201c-,Sen")), max_size=40), min_size=2,
                max_size=8), st.integers(1, 3))
def test_odd_text_never_raises_and_matches(texts: list[str], size: int) -> None:
    rows = [np.arange(0, len(texts) // 2), np.arange(len(texts) // 2, len(texts))]
    whole = _models(models_from_texts, texts, rows, min_count=1)
    _same_models(whole, _models(models_from_slices, texts, rows, slice_texts=size, min_count=1))


@pytest.mark.slow
@pytest.mark.corpus
def test_basil_terms_sliced_as_the_whole_stream(corpora: Any) -> None:
    arts = mk.datasets.load_basil(corpora / "basil", progress=False)
    from mediakit.compare._texts import part_texts
    texts = part_texts(arts, ["title", "text"])
    codes, outlets = pd.factorize(arts["outlet"])
    rows = [np.flatnonzero(codes == g) for g in range(len(outlets))]
    whole = _models(models_from_texts, texts, rows, min_count=5)
    sliced = _models(models_from_slices, texts, rows, min_count=5, slice_texts=25)
    _same_models(whole, sliced)
    pd.testing.assert_frame_equal(_table(whole, len(outlets)), _table(sliced, len(outlets)), check_exact=True)
