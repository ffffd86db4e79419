"""Loaded language: mediakit.metrics.loaded (loaded_words, the shipped model, analyze's rates)."""

from __future__ import annotations

import re
import warnings
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit import MissingColumnError
from mediakit.metrics.loaded import (
    CATEGORIES,
    LOADED_COLUMNS,
    MODEL_FILE,
    flagged_lexicon,
    load_model,
    loaded_rates,
    loaded_words,
)
from mediakit.metrics.loaded._model import read_model

DOCS = Path(__file__).resolve().parents[2] / "docs" / "loaded_language.md"


def _arts(*texts: str, **cols: list) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts), **cols})


def test_model_loads_offline_and_identically_on_reload():
    data = resources.files("mediakit.resources").joinpath(MODEL_FILE).read_bytes()
    one, two = read_model(data), read_model(data)
    for name in ("terms", "categories", "sources", "scores", "default", "weights"):
        assert np.array_equal(getattr(one, name), getattr(two, name)), name
    shipped = load_model()
    assert np.array_equal(shipped.scores, one.scores)
    assert len(shipped.terms) == len(set(shipped.terms)) > 1000
    assert ((shipped.scores >= 0) & (shipped.scores <= 1)).all()
    assert 300 < int(shipped.default.sum()) < len(shipped.terms)
    assert "extreme weather" in shipped.ignore


def test_same_results_after_reloading_the_model():
    arts = _arts("The apocalyptic, ill-prepared plan baffled everyone. \u201cIt is a disastrous sham,\u201d he said.")
    first = loaded_words(arts)
    from mediakit.metrics.loaded import _model

    _model.load_model.cache_clear()
    _model._shipped.cache_clear()
    _model._shipped_flagged.cache_clear()
    pd.testing.assert_frame_equal(first, loaded_words(arts))
    assert len(first) >= 4


def test_categories_are_documented():
    doc = DOCS.read_text(encoding="utf-8")
    book = yaml.safe_load(resources.files("mediakit.lexicons").joinpath("loaded_words.yaml").read_text("utf-8"))
    used = set(book["families"]) | set(load_model().categories)
    assert used <= set(CATEGORIES)
    for cat in CATEGORIES:
        assert re.search(rf"`{cat}`", doc), f"category {cat} is not documented in {DOCS.name}"


def test_columns_offsets_and_issue_examples():
    text = "A wannabe strongman, unbelievably baffled, gave an apocalyptic, ill-prepared speech."
    out = loaded_words(_arts(text, title=["Government in name only"]))
    assert tuple(out.columns) == LOADED_COLUMNS
    body = out[out["part"] == "text"]
    assert {"wannabe", "unbelievably", "baffled", "apocalyptic", "ill-prepared"} <= set(body["match"].str.lower())
    for row in body.itertuples():
        assert text[row.start:row.end] == row.match
    assert "in name only" in set(out.loc[out["part"] == "title", "match"])
    assert set(out["category"]) <= set(CATEGORIES)
    assert out["score"].between(0, 1).all()


def test_outlet_and_published_follow_article_id():
    arts = _arts("A disastrous plan.", outlet=["X"], published=pd.to_datetime(["2020-01-01"], utc=True))
    out = loaded_words(arts)
    assert list(out.columns[:3]) == ["article_id", "outlet", "published"]
    assert out.loc[0, "outlet"] == "X"


def test_quotation_context():
    out = loaded_words(_arts('He called it "a disastrous plan". The disastrous plan failed.'))
    assert out["match"].tolist() == ["disastrous", "disastrous"]
    assert out["in_quote"].tolist() == [True, False]
    rates = loaded_rates(['He called it "a disastrous plan". The disastrous plan failed.'])
    assert rates["wc_loaded_per1k"][0] == pytest.approx(100.0)
    assert rates["wc_loaded_quote_per1k"][0] == pytest.approx(100.0)


def test_negation():
    out = loaded_words(_arts("The plan was not disastrous. It wasn't really disastrous. A disastrous plan."))
    assert out["negated"].tolist() == [True, True, False]


def test_user_lexicon_replaces_or_extends():
    arts = _arts("A nincompoop gave a disastrous speech.")
    mine = {"derogatory": {"label": ["nincompoop"]}}
    replaced = loaded_words(arts, lexicon=mine)
    assert replaced["match"].tolist() == ["nincompoop"] and replaced["score"].tolist() == [1.0]
    extended = loaded_words(arts, lexicon=mine, extend=True)
    assert extended["match"].tolist() == ["nincompoop", "disastrous"]
    assert extended["category"].tolist() == ["derogatory", "evaluative"]


def test_min_score_selects_by_score():
    arts = _arts("The apocalyptic, ill-prepared plan baffled everyone with a disastrous sham.")
    everything = loaded_words(arts, min_score=0.0)
    assert len(everything) >= len(loaded_words(arts))
    high = loaded_words(arts, min_score=0.15)
    assert (high["score"] >= 0.15).all()
    assert len(flagged_lexicon(min_score=0.0).lexicon.terms) == len(load_model().terms)


def test_other_languages_are_left_out():
    arts = _arts("Die Bundesregierung hat am Dienstag ein katastrophales, absurdes Klimapaket beschlossen.",
                 "A disastrous plan.", language=["de", "en"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = loaded_words(arts)
    assert set(out["article_id"]) == {"a1"}
    assert any("loaded_words" in str(w.message) for w in caught)


def test_input_checks():
    with pytest.raises(MissingColumnError):
        loaded_words(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(ValueError, match="min_score"):
        loaded_words(_arts("x"), min_score=2)
    with pytest.raises(ValueError, match="part"):
        loaded_words(_arts("x"), parts=["body"])
    with pytest.raises(TypeError):
        loaded_words("not a frame")


def test_empty_and_missing_values():
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": [None, ""], "title": [np.nan, None],
                         "captions": [None, ["A disastrous flood."]]})
    out = loaded_words(arts, languages=None)
    assert out["part"].tolist() == ["caption"] and out["caption"].tolist() == [0]
    empty = loaded_words(arts.iloc[:0], languages=None)
    assert tuple(empty.columns) == LOADED_COLUMNS and empty.empty


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\"\u201c\u201d'-.,notdisastrous\u00e9\u200b")) | st.characters(exclude_categories=["Cs"]),
               max_size=200))
def test_odd_text_never_raises(text):
    out = loaded_words(_arts(text, title=[text], captions=[[text]]), languages=None)
    for row in out.itertuples():
        assert text[row.start:row.end] == row.match
    rates = loaded_rates([text])
    assert np.isnan(rates["wc_loaded_per1k"][0]) or rates["wc_loaded_per1k"][0] >= 0


def test_analyze_has_the_loaded_columns():
    import mediakit

    arts = _arts('He called it "a disastrous plan". The disastrous plan failed.', "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = mediakit.analyze(arts, languages=None)
    assert m.loc[0, "wc_loaded_per1k"] == pytest.approx(100.0)
    assert m.loc[0, "wc_loaded_quote_per1k"] == pytest.approx(100.0)
    assert np.isnan(m.loc[1, "wc_loaded_per1k"])
    cols = list(m.columns)
    wc = [c for c in cols if c.startswith("wc_")]
    assert wc[-2:] == ["wc_loaded_per1k", "wc_loaded_quote_per1k"]


@pytest.mark.slow
@pytest.mark.corpus
def test_dev_figures_stay_above_floor(corpora):
    from mediakit.metrics.loaded._train import evaluate_dev

    figs = evaluate_dev(load_model())
    model, base = figs.loc["model"], figs.loc["markers_subjective"]
    # measured (BASIL 2015-2016): Spearman 0.459, word recall 0.328, precision 0.154, span recall 0.392
    assert model["spearman_count"] >= 0.42
    assert model["word_recall"] >= 0.30 and model["span_recall"] >= 0.36
    assert model["word_recall"] > base["word_recall"] and model["word_precision"] >= base["word_precision"]
    assert model["sentence_auc"] >= 0.65
