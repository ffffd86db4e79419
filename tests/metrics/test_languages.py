"""English-only metrics and articles of other languages or with empty bodies (issue 13).

Every metric but ``words`` is English-only: an article detected (or declared) in another language
keeps its row with missing values, or has no rows in the long tables, with one warning per call;
``languages=None`` scores it anyway. An empty body is left out of the body metrics by ``analyze``.
The articles are written for these tests.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit
from mediakit import cli
from mediakit.actors import actor_labels, actor_sentences, actor_sentiment, discover_actors
from mediakit.metrics.analyze import analyze
from mediakit.metrics.attribution import attribution_metrics, extract_attributions
from mediakit.metrics.readability import readability
from mediakit.metrics.sentiment import sentences, sentiment
from mediakit.metrics.word_choice import word_choice, word_choice_metrics
from mediakit.pipeline import analyze_articles
from mediakit.text import LeftOutWarning

EN_1 = ("Officials said the regime collapsed on Sunday. \u201cIt is over,\u201d said Anna Berg, a spokeswoman. "
        "Rebels entered the capital and the president fled. Critics called the ousted leader a brutal dictator.")
EN_2 = ("President Karl Brenner denied the report. Brenner said the government would not resign. "
        "According to Reuters, protesters gathered outside parliament, where police allegedly used tear gas.")
DE = ("Das Regime ist am Sonntag zusammengebrochen, sagte ein Sprecher. \u201eEs ist vorbei\u201c, "
      "sagte Anna Berg. Präsident Karl Brenner floh, Rebellen besetzten die Hauptstadt. Kritiker nannten "
      "den gestürzten Machthaber einen brutalen Diktator.")
FR = ("Le gouvernement s'est effondré dimanche, a déclaré un porte-parole. Le président Karl Brenner a fui "
      "la capitale et les rebelles ont pris le contrôle du parlement, selon des témoins.")


@pytest.fixture()
def mixed() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["en1", "de", "en2", "empty", "fr"],
        "outlet": ["A", "B", "A", "B", "A"],
        "title": ["Regime collapses as rebels enter capital", "Regierung gestürzt: Präsident flieht",
                  "Brenner denies report", "President Brenner flees the capital", None],
        "text": [EN_1, DE, EN_2, "", FR],
        "captions": [["Rebels in the capital. (AFP Photo)"], ["Rebellen in der Hauptstadt."], [], [], []],
    })


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = func(*args, **kwargs)
    return out, [w for w in caught if issubclass(w.category, LeftOutWarning)]


def test_analyze_leaves_other_languages_and_empty_bodies_out(mixed):
    m, caught = _quiet(analyze, mixed)
    assert len(caught) == 1 and caught[0].filename == __file__
    assert str(caught[0].message) == (
        "analyze: 2 of 5 articles are not English (de: 1, fr: 1); their English-only metrics are NaN. "
        "Pass languages=None to score them anyway. 1 of 5 articles have an empty body; their body metrics are NaN.")
    m = m.set_index("article_id")
    assert m["language"].tolist() == ["en", "de", "en", "en", "fr"]
    assert str(m["language"].dtype) == "string"
    english_only = [c for c in m.columns if c not in ("outlet", "language", "words")]
    assert m.loc[["de", "fr"], english_only].isna().all().all()
    assert m.loc[["en1", "en2"], english_only].notna().sum(axis=1).gt(0).all()
    assert m.loc["de", "words"] > 20 and m.loc["empty", "words"] == 0  # words are counted in any language
    # the empty body: body metrics missing (counts too), the headline still scored
    assert pd.isna(m.loc["empty", "sent_n_sentences"]) and pd.isna(m.loc["empty", "wc_hedge_n"])
    assert pd.isna(m.loc["empty", "attr_n"]) and np.isnan(m.loc["empty", "read_words"])
    assert not np.isnan(m.loc["empty", "sent_headline_compound"])
    assert m.filter(regex=r"^wc_.*_title_n$").loc["empty"].notna().all()
    assert m.filter(regex=r"^wc_.*_title_n$").loc["de"].isna().all()


def test_english_articles_keep_their_values(mixed):
    """The English rows are what they are without the other articles and without the option."""
    m, _ = _quiet(analyze, mixed)
    alone, caught = _quiet(analyze, mixed.iloc[[0, 2]], languages=None)
    assert caught == []
    pd.testing.assert_frame_equal(m.loc[[0, 2]], alone)
    assert str(m["sent_n_sentences"].dtype) == "Int64" and str(m["words"].dtype) == "int64"
    assert str(m["wc_state_government__regime_n"].dtype) == "Int64"
    assert str(m["attr_n"].dtype) == "Int64" and str(m["read_words"].dtype) == "float64"


def test_languages_option_forces_scoring(mixed):
    every, caught = _quiet(analyze, mixed, languages=None)
    assert [str(w.message) for w in caught] == [
        "analyze: 1 of 5 articles have an empty body; their body metrics are NaN."]
    assert every.loc[1, "sent_n_sentences"] > 0 and every.loc[4, "read_words"] > 0
    some, caught = _quiet(analyze, mixed, languages=["en", "de"])
    assert some.loc[1, "sent_n_sentences"] > 0 and pd.isna(some.loc[4, "sent_n_sentences"])
    assert "1 of 5 articles are not in de, en (fr: 1)" in str(caught[0].message)


def test_a_declared_language_is_used(mixed):
    declared = mixed.assign(language=pd.array(["fr-FR", None, None, None, "en"], dtype="string"))
    m, _ = _quiet(analyze, declared)
    assert m["language"].tolist() == ["fr", "de", "en", "en", "en"]
    assert pd.isna(m.loc[0, "sent_n_sentences"]) and m.loc[4, "sent_n_sentences"] > 0
    assert declared["language"].tolist()[0] == "fr-FR"  # input not modified


def test_unknown_language_is_scored():
    arts = pd.DataFrame({"article_id": ["a"], "text": ["Rebels won."]})  # too short to tell
    m, caught = _quiet(analyze, arts)
    assert caught == [] and pd.isna(m.loc[0, "language"]) and m.loc[0, "sent_n_sentences"] == 1


def test_long_tables_have_no_rows_for_other_languages(mixed):
    for func, ids in ((sentences, {"en1", "en2"}), (word_choice, {"en1", "en2", "empty"}),
                      (extract_attributions, {"en1", "en2"})):
        out, caught = _quiet(func, mixed)
        assert set(out["article_id"]) == ids, func.__name__
        assert len(caught) == 1 and str(caught[0].message).startswith(f"{func.__name__}: 2 of 5 articles")
        # an English text declared Spanish is left out, and scored when forced
        declared = mixed.assign(language=[None, None, "es", None, None])
        out, _ = _quiet(func, declared)
        assert "en2" not in set(out["article_id"]), func.__name__
        forced, caught = _quiet(func, declared, languages=None)
        assert "en2" in set(forced["article_id"]) and caught == [], func.__name__


def test_per_article_tables_have_missing_rows_for_other_languages(mixed):
    for func, col in ((sentiment, "sent_mean_compound"), (readability, "read_flesch_reading_ease"),
                      (word_choice_metrics, "wc_hedge_per1k"), (attribution_metrics, "attr_share_direct")):
        out, caught = _quiet(func, mixed)
        assert len(out) == 5 and len(caught) == 1, func.__name__
        values = out.drop(columns="article_id").drop(columns="wc_words", errors="ignore")
        assert values.iloc[[1, 4]].isna().all().all(), func.__name__
        assert not np.isnan(out.loc[0, col]), func.__name__
    wcm, _ = _quiet(word_choice_metrics, mixed)
    assert wcm.loc[1, "wc_words"] > 20 and str(wcm["wc_hedge_n"].dtype) == "Int64"
    sm, _ = _quiet(sentiment, mixed)
    assert sm.loc[3, "sent_n_sentences"] == 0  # sentiment() alone keeps its count of an empty text


def test_actors_skip_other_languages(mixed):
    labels, caught = _quiet(actor_labels, mixed, ["Karl Brenner", "Anna Berg"])
    assert set(labels["article_id"]) == {"en1", "en2", "empty"} and len(caught) == 1
    assert {"de", "fr"} <= set(actor_labels(mixed, ["Karl Brenner"], languages=None)["article_id"])
    sents, _ = _quiet(actor_sentences, mixed, ["Karl Brenner"])
    assert "de" not in set(sents["article_id"])
    per_article, _ = _quiet(actor_sentiment, mixed, ["Karl Brenner"])
    assert set(per_article["article_id"]) <= {"en1", "en2", "empty"}
    found, caught = _quiet(discover_actors, mixed, min_mentions=1)
    assert "Karl Brenner" in set(found["actor"]) and len(caught) == 1


def test_the_pipeline_warns_once_and_keeps_other_languages_out(mixed):
    res, caught = _quiet(analyze_articles, mixed, progress=False)
    assert len(caught) == 1 and str(caught[0].message).startswith("analyze: 2 of 5 articles are not English")
    assert res.languages == "en"
    assert res.articles["language"].tolist() == ["en", "de", "en", "en", "fr"]
    assert "language" not in mixed.columns
    for table in (res.sentences, res.attributions, res.word_choice):
        assert not {"de", "fr"} & set(table["article_id"])
    assert res.metrics["language"].tolist() == res.articles["language"].tolist()
    forced, caught = _quiet(analyze_articles, mixed, progress=False, languages=None)
    assert forced.languages is None and "de" in set(forced.sentences["article_id"])
    assert [str(w.message) for w in caught] == [
        "analyze: 1 of 5 articles have an empty body; their body metrics are NaN."]
    with pytest.raises(ValueError, match="languages must name"):
        analyze_articles(mixed, languages=[])


def test_dispatch_passes_the_option(mixed):
    m, caught = _quiet(mediakit.analyze, mixed, languages=None, families=["sentiment"])
    assert m.loc[1, "sent_n_sentences"] > 0 and len(caught) == 1  # the empty body only


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.integers(), st.binary(), st.lists(st.one_of(st.integers(), st.none()), min_size=1),
                 st.just([]), st.just(""), st.just(["und"])))
def test_bad_languages_option_is_a_clear_error(value):
    arts = pd.DataFrame({"article_id": ["a"], "text": ["The regime fell."]})
    with pytest.raises((TypeError, ValueError), match=r"languages"):
        analyze(arts, languages=value, families=["sentiment"])


def test_cli_flags(monkeypatch, tmp_path):
    seen: dict = {}

    def fake(corpus, out, **kwargs):
        seen.update(kwargs)
        return {}

    monkeypatch.setattr(cli, "analyze_corpus", fake)
    args = ["analyze", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"]
    assert cli.main(args) == 0 and seen["languages"] == "en"
    assert cli.main([*args, "--languages", "en, de"]) == 0 and seen["languages"] == ("en", "de")
    assert cli.main([*args, "--languages", "de"]) == 0 and seen["languages"] == "de"
    assert cli.main([*args, "--all-languages"]) == 0 and seen["languages"] is None
    assert cli.main([*args, "--languages", ","]) == 1
    with pytest.raises(SystemExit):
        cli.main([*args, "--languages", "de", "--all-languages"])
