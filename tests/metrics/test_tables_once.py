"""Each article read once: ``attribution_metrics`` / ``analyze`` counting the rows of an ``extract_attributions``
table, and ``analyze`` reading the compounds of a ``sentences`` table, give the values of a second pass
(issue 17: the streamed and in-memory runs wrote these tables and extracted and scored every article twice)."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediakit
from mediakit._validation import MissingColumnError
from mediakit.metrics.attribution import _table, attribution_metrics, extract_attributions

pytestmark = pytest.mark.filterwarnings("ignore::mediakit.text.LeftOutWarning")

_GERMAN = "Die Regierung sagte am Dienstag, dass die Verhandlungen gescheitert seien, so der Minister. " * 4


@pytest.fixture(scope="module")
def dev_articles(corpora) -> pd.DataFrame:
    """40 PolNeAR dev articles, one made German and one emptied (left out of the English metrics)."""
    arts = mediakit.datasets.load_polnear(corpora / "polnear", split="dev").head(40).reset_index(drop=True)
    arts = arts[["article_id", "outlet", "title", "text"]].copy()
    arts.loc[3, "text"] = _GERMAN
    arts.loc[7, "text"] = ""
    return arts


@pytest.mark.corpus
@pytest.mark.parametrize("languages", ["en", None])
def test_metrics_from_the_table_equal_a_second_extraction(dev_articles, languages):
    table = extract_attributions(dev_articles, languages=languages)
    direct = attribution_metrics(dev_articles, languages=languages)
    counted = attribution_metrics(dev_articles, languages=languages, attributions=table)
    pd.testing.assert_frame_equal(direct, counted, check_exact=True)
    assert counted["attr_n"].sum() == len(table) > 300
    if languages == "en":
        assert pd.isna(counted.loc[3, "attr_n"])  # German: left out, not 0


@pytest.mark.corpus
def test_analyze_with_the_table_is_analyze(dev_articles, monkeypatch):
    table = extract_attributions(dev_articles)
    plain = mediakit.analyze(dev_articles)
    pd.testing.assert_frame_equal(plain, mediakit.analyze(dev_articles, attributions=table), check_exact=True)
    from mediakit.metrics import analyze as az

    monkeypatch.setattr(az, "_CHUNK", 7)  # the table cut among chunks sent to two processes
    pd.testing.assert_frame_equal(plain, mediakit.analyze(dev_articles, attributions=table, n_jobs=2),
                                  check_exact=True)
    # without the attribution family the table is not read
    few = mediakit.analyze(dev_articles, families=["readability"], attributions=table.head(0))
    assert not any(c.startswith("attr_") for c in few.columns)


def test_a_table_read_back_from_csv_counts_the_same(sample_articles):
    arts = sample_articles.head(12)
    table = extract_attributions(arts)
    assert table["source_start"].isna().any() and table["party"].isna().any()  # NA cells, NaN after CSV
    back = pd.read_csv(io.StringIO(table.drop(columns="content_spans").to_csv(index=False)))
    assert back["speaker"].isna().any()
    pd.testing.assert_frame_equal(attribution_metrics(arts), attribution_metrics(arts, attributions=back),
                                  check_exact=True)


def _counting_find(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = _table.find

    def find(text, **kw):
        calls.append(text)
        return real(text, **kw)

    monkeypatch.setattr(_table, "find", find)
    return calls


def test_the_streamed_piece_extracts_each_article_once(sample_articles, monkeypatch):
    from mediakit.metrics.analyze import FAMILIES
    from mediakit.stream._work import piece_tables, work_frame

    piece = work_frame(sample_articles.head(9))
    calls = _counting_find(monkeypatch)
    out = piece_tables(piece, None, FAMILIES, ("metrics", "attributions", "word_choice"))
    assert len(calls) == 9
    assert out["metrics"]["attr_n"].sum() == len(out["attributions"]) > 0
    calls.clear()
    alone = piece_tables(piece, None, FAMILIES, ("metrics",))  # no attributions table: extracted for the metrics
    assert len(calls) == 9
    pd.testing.assert_frame_equal(alone["metrics"], out["metrics"], check_exact=True)


def test_the_in_memory_tables_extract_each_article_once(sample_articles, monkeypatch):
    from mediakit.pipeline import article_tables

    arts = sample_articles.head(6)
    calls = _counting_find(monkeypatch)
    tables = article_tables(arts, progress=False)
    assert len(calls) == 6
    assert tables.metrics["attr_n"].sum() == len(tables.attributions)


def test_rows_of_other_articles_and_bad_tables_are_refused(sample_articles):
    arts = sample_articles.head(4)
    table = extract_attributions(arts)
    other = table.assign(article_id="not-an-article")
    with pytest.raises(ValueError, match="attribution_metrics.*not-an-article.*not among"):
        attribution_metrics(arts, attributions=other)
    with pytest.raises(ValueError, match="analyze.*not-an-article.*not among"):
        mediakit.analyze(arts, attributions=other)
    with pytest.raises(MissingColumnError, match="attribution_metrics.*cue_class"):
        attribution_metrics(arts, attributions=table.drop(columns="cue_class"))
    with pytest.raises(TypeError, match="attribution_metrics"):
        attribution_metrics(arts, attributions="table.csv")  # type: ignore[arg-type]
    dup = pd.DataFrame({"text": ["Smith said so.", "Jones said so."]}, index=[1, 1])
    with pytest.raises(ValueError, match="unique"):
        attribution_metrics(dup, attributions=table.head(0))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(st.none(), st.text(max_size=200),
                                st.sampled_from(['"It failed," Sen. Jane Roe said.', "Officials said it ended.",
                                                 "Prices rose, according to Reuters.", _GERMAN])),
                      min_size=1, max_size=5))
def test_any_texts_count_as_extracted(texts):
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts})
    counted = attribution_metrics(arts, attributions=extract_attributions(arts))
    pd.testing.assert_frame_equal(attribution_metrics(arts), counted, check_exact=True)


def test_the_streamed_piece_detects_each_language_once(sample_articles, monkeypatch):
    from mediakit.metrics.analyze import FAMILIES
    from mediakit.stream._work import piece_tables, work_frame
    from mediakit.text import _language

    piece = work_frame(sample_articles.head(8)).drop(columns="language", errors="ignore")
    piece.loc[2, "text"] = _GERMAN
    detected: list[int] = []
    real = _language.detect_languages

    def detect(texts, **kw):
        detected.append(len(texts))
        return real(texts, **kw)

    monkeypatch.setattr(_language, "detect_languages", detect)
    out = piece_tables(piece, None, FAMILIES, ("metrics", "attributions", "word_choice"))
    assert detected == [8]  # once for the piece, not once per table
    assert out["metrics"]["language"].tolist()[2] == "de" and pd.isna(out["metrics"].loc[2, "attr_n"])
    assert not (out["attributions"]["article_id"] == piece.loc[2, "article_id"]).any()


@pytest.mark.corpus
def test_analyze_with_the_sentences_table_is_analyze(dev_articles, monkeypatch):
    sents = mediakit.sentences(dev_articles)
    attrs = extract_attributions(dev_articles)
    plain = mediakit.analyze(dev_articles)
    for kw in ({"sentences": sents}, {"sentences": sents, "attributions": attrs}):
        pd.testing.assert_frame_equal(plain, mediakit.analyze(dev_articles, **kw), check_exact=True)
    from mediakit.metrics import analyze as az

    monkeypatch.setattr(az, "_CHUNK", 7)
    pd.testing.assert_frame_equal(plain, mediakit.analyze(dev_articles, sentences=sents, n_jobs=2), check_exact=True)
    back = pd.read_csv(io.StringIO(sents.to_csv(index=False)))  # compounds written and read back exactly
    pd.testing.assert_frame_equal(plain, mediakit.analyze(dev_articles, sentences=back), check_exact=True)


def test_the_streamed_piece_scores_each_sentence_once(sample_articles, monkeypatch):
    from mediakit.metrics import sentiment
    from mediakit.metrics.analyze import FAMILIES
    from mediakit.stream._work import piece_tables, work_frame

    piece = work_frame(sample_articles.head(9))
    expected = piece_tables(piece, None, FAMILIES, ("metrics",))["metrics"]

    def no_second_scoring(*args, **kw):
        raise AssertionError("analyze scored the sentences the sentences table holds")

    monkeypatch.setattr(sentiment, "articles_compounds", no_second_scoring)
    out = piece_tables(piece, None, FAMILIES, ("metrics", "sentences"))
    pd.testing.assert_frame_equal(out["metrics"], expected, check_exact=True)
    assert out["metrics"]["sent_n_sentences"].sum() == len(out["sentences"]) > 0


def test_sentences_of_other_articles_and_bad_tables_are_refused(sample_articles):
    arts = sample_articles.head(4)
    sents = mediakit.sentences(arts)
    with pytest.raises(ValueError, match="analyze.*sentences.*not-an-article.*not among"):
        mediakit.analyze(arts, sentences=sents.assign(article_id="not-an-article"))
    with pytest.raises(MissingColumnError, match="analyze.*compound"):
        mediakit.analyze(arts, sentences=sents.drop(columns="compound"))
    with pytest.raises(TypeError, match="analyze"):
        mediakit.analyze(arts, sentences=[0.5])  # type: ignore[arg-type]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(st.none(), st.text(max_size=200),
                                st.sampled_from(["A great day! It rained. Bad news?", "NO. Not good at all :)", _GERMAN])),
                      min_size=1, max_size=4))
def test_any_texts_analyze_the_same_from_the_tables(texts):
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts,
                         "title": ["Regime falls"] * len(texts)})
    both = mediakit.analyze(arts, sentences=mediakit.sentences(arts), attributions=extract_attributions(arts))
    pd.testing.assert_frame_equal(mediakit.analyze(arts), both, check_exact=True)
