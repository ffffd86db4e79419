"""mediakit.analyze: one pass over every article-level metric."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediakit
from mediakit._validation import MissingColumnError
from mediakit.metrics.analyze import METADATA_COLUMNS, analyze

from ..conftest import PROJECT, SEED


@pytest.fixture(scope="module")
def seed_articles() -> pd.DataFrame:
    return mediakit.load_articles(SEED)


@pytest.fixture(scope="module")
def seed_metrics(seed_articles) -> pd.DataFrame:
    return mediakit.analyze(seed_articles)


def test_seed_readability_equals_textstat(seed_articles, seed_metrics):
    import textstat

    from mediakit.metrics.readability import ensure_offline_cmudict

    ensure_offline_cmudict()
    text = seed_articles.loc[0, "text"]
    assert seed_metrics.loc[0, "read_flesch_reading_ease"] == pytest.approx(
        textstat.flesch_reading_ease(text), abs=1e-9)
    assert seed_metrics.loc[0, "read_smog"] == pytest.approx(textstat.smog_index(text), abs=1e-9)


def test_seed_sentences_and_sentiment(seed_articles, seed_metrics):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sents = mediakit.sentences(seed_articles)
    # 14 body paragraphs (lead, 3 subheads, 6 bullets, 4 paragraphs); the second bullet holds
    # two sentences ("... extraordinary situation. He declined ...") -> 15 sentences.
    # Headline, captions, byline, dateline and boilerplate are not in `text`.
    assert len(sents) == 15 == seed_metrics.loc[0, "sent_n_sentences"]
    assert sents["paragraph"].nunique() == 14
    assert sents.loc[11, "text"].endswith("former U.S. Marine Paul Whelan.")
    vader = SentimentIntensityAnalyzer()
    assert sents["compound"].tolist() == [vader.polarity_scores(s)["compound"] for s in sents["text"]]
    assert seed_metrics.loc[0, "sent_mean_compound"] == pytest.approx(sents["compound"].mean())
    headline = vader.polarity_scores(seed_articles.loc[0, "title"])["compound"]
    assert seed_metrics.loc[0, "sent_headline_compound"] == headline


def test_columns_by_family_and_index_kept(sample_articles):
    arts = sample_articles.iloc[::2].copy()
    arts.index = arts.index * 10 + 7
    before = arts.copy()
    m = mediakit.analyze(arts)
    assert list(m.index) == list(arts.index)
    assert m["article_id"].tolist() == arts["article_id"].tolist()
    pd.testing.assert_frame_equal(arts, before)  # input untouched
    prefixes = {re.match(r"[a-z]+", c).group(0) for c in m.columns if c not in METADATA_COLUMNS}
    assert {"read", "sent", "tone", "wc", "words"} <= prefixes


def test_n_jobs_gives_identical_results(sample_articles):
    one = mediakit.analyze(sample_articles, n_jobs=1)
    from mediakit.metrics import analyze as az

    old = az._CHUNK
    az._CHUNK = 7  # several chunks even on the small sample
    try:
        two = mediakit.analyze(sample_articles, n_jobs=2)
    finally:
        az._CHUNK = old
    pd.testing.assert_frame_equal(one, two)


@pytest.mark.parametrize("bad", [-2, 0, 1.5, "all"])
def test_n_jobs_validated(sample_articles, bad):
    with pytest.raises(ValueError, match="n_jobs"):
        mediakit.analyze(sample_articles.head(2), n_jobs=bad)


def test_options_validated(sample_articles):
    arts = sample_articles.head(2)
    with pytest.raises(ValueError, match="families must be one of 'readability', 'sentiment'"):
        analyze(arts, families=("readability", "nope"))
    with pytest.raises(ValueError, match="families"):
        analyze(arts, families=())
    with pytest.raises(TypeError, match="progress"):
        analyze(arts, progress="yes")
    with pytest.raises(MissingColumnError, match="analyze"):
        analyze(arts.drop(columns="text"))
    with pytest.raises(TypeError, match="DataFrame"):
        analyze(arts.to_dict())
    assert list(analyze(arts, families="readability").columns).count("read_smog") == 1


def test_pandas_core_never_imports_the_dask_layer():
    """The execution layer (mediakit.dask, mediakit._dask, mediakit.stream) imports the metric
    core, never the other way round, not even inside a function."""
    import ast

    metrics = PROJECT / "mediakit" / "metrics"
    for name in ("analyze", "readability", "sentiment", "word_choice", "_textstat", "_vader", "__init__"):
        tree = ast.parse((metrics / f"{name}.py").read_text(encoding="utf-8"))
        imported = [(node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
                    for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                    for alias in node.names]
        assert not [m for m in imported if "dask" in m or "stream" in m], name


BAD_TEXTS = {
    "empty": "",
    "none": None,
    "no sentence end": "regime forces ousted the president and nobody knows why",
    "one huge paragraph": "The regime said the talks failed. " * 30000,
    "non-English": "Правительство заявило, что переговоры провалились. 政府表示谈判失败。",
    "emoji and controls": "Great win \U0001F600\x00\x07 for the rebels \u200b\ufeff!!",
    "only punctuation": "... !!! ???",
}


def test_bad_input_gives_defined_values():
    arts = pd.DataFrame({"article_id": list(BAD_TEXTS), "title": [None] * len(BAD_TEXTS),
                         "text": list(BAD_TEXTS.values())})
    m = mediakit.analyze(arts).set_index("article_id")
    assert len(m) == len(BAD_TEXTS)
    numeric = m.select_dtypes("number")
    assert not np.isinf(numeric.to_numpy(dtype=float)).any()
    for key in ("empty", "none", "only punctuation"):
        assert math.isnan(m.loc[key, "read_flesch_reading_ease"])
        assert m.loc[key, "words"] == 0
    # an empty body is left out of the body metrics: missing, not zero (issue 13)
    assert pd.isna(m.loc["empty", "sent_n_sentences"]) and math.isnan(m.loc["empty", "sent_mean_compound"])
    assert pd.isna(m.loc["empty", "attr_n"]) and math.isnan(m.loc["empty", "read_words"])
    assert m.loc["one huge paragraph", "sent_n_sentences"] == 30000
    assert m.loc["no sentence end", "sent_n_sentences"] == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(st.none(), st.text(max_size=300)), min_size=1, max_size=4))
def test_arbitrary_text_never_raises(texts):
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts})
    m = mediakit.analyze(arts)
    assert len(m) == len(texts)
    assert (m["words"] >= 0).all()


def test_every_column_is_documented(sample_articles):
    doc = (PROJECT / "docs" / "metrics.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z0-9_]+)`", doc))
    patterns = [re.compile(p.replace("<", "(?P<").replace(">", ">[a-z0-9_]+)"))
                for p in re.findall(r"`([a-z0-9_]*<[^`]+)`", doc)]
    m = mediakit.analyze(sample_articles)
    missing = [c for c in m.columns if c not in documented and not any(p.fullmatch(c) for p in patterns)]
    assert not missing, f"undocumented columns in docs/metrics.md: {missing}"


@pytest.mark.slow
@pytest.mark.corpus
def test_equal_to_textstat_and_vader_on_polnear_dev(corpora):
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from mediakit import datasets
    from mediakit.metrics.readability import READABILITY_FORMULAS, ensure_offline_cmudict

    ensure_offline_cmudict()
    arts = datasets.load_polnear(corpora / "polnear", split="dev")
    m = mediakit.analyze(arts)
    for col, fn in READABILITY_FORMULAS.items():
        expected = arts["text"].map(getattr(textstat, fn))
        assert np.allclose(m[col].to_numpy(float), expected.to_numpy(float), rtol=0, atol=1e-9), col
    sents = mediakit.sentences(arts)
    vader = SentimentIntensityAnalyzer()
    for row in sents.itertuples():
        assert (row.neg, row.neu, row.pos, row.compound) == tuple(vader.polarity_scores(row.text).values())
    means = sents.groupby("article_id")["compound"].mean()
    assert np.allclose(m.set_index("article_id").loc[means.index, "sent_mean_compound"], means)


# --------------------------------------------------------------------------- left_out_metrics


def _left_out_reference(metrics: pd.DataFrame, codes, allowed) -> pd.DataFrame:
    """What left_out_metrics did before it built its columns one by one: frame-wide .loc."""
    from mediakit.metrics.analyze import HEADLINE_COLUMNS, LANGUAGE_FREE_COLUMNS
    from mediakit.text import scored_mask

    out = metrics.copy()
    for c in [c for c in out.columns if c not in LANGUAGE_FREE_COLUMNS and out[c].dtype == np.int64]:
        out[c] = pd.arrays.IntegerArray(out[c].to_numpy(), np.zeros(len(out), dtype=bool))
    english = [c for c in out.columns if c not in LANGUAGE_FREE_COLUMNS]
    body = [c for c in english if c not in HEADLINE_COLUMNS and not (c.startswith("wc_") and c.endswith("_title_n"))]
    keep = np.array(scored_mask(codes, allowed), dtype=bool)
    empty = keep & (out["words"].to_numpy() == 0)
    if (~keep).any():
        out.loc[~keep, english] = np.nan
    if empty.any():
        out.loc[empty, body] = np.nan
    return out


@pytest.mark.parametrize("allowed", [frozenset({"en"}), None])
@pytest.mark.parametrize("codes", [["en", "en", "de", None], ["en", "en", "en", "en"]])
def test_left_out_metrics_equals_frame_wide_assignment(codes, allowed):
    from mediakit.metrics.analyze import left_out_metrics

    m = pd.DataFrame({
        "words": np.array([5, 0, 7, 3], dtype=np.int64),
        "read_smog": [1.5, 2.5, 3.5, 4.5],
        "sent_n_sentences": pd.array([1, 0, 2, 1], dtype="Int64"),
        "sent_headline_compound": [0.1, 0.2, 0.3, 0.4],
        "wc_a__b_n": np.array([1, 2, 3, 4], dtype=np.int64),
        "wc_a__b_title_n": np.array([0, 1, 0, 1], dtype=np.int64),
        "attr_share": pd.array([0.5, None, 0.25, 1.0], dtype="Float64"),
        "attr_label": pd.array(["x", "y", None, "z"], dtype="string"),
        "attr_obj": ["p", "q", "r", "s"],
    }, index=[10, 11, 12, 13])
    before = m.copy()
    out, note = left_out_metrics(m, codes, allowed)
    pd.testing.assert_frame_equal(out, _left_out_reference(m, codes, allowed))
    pd.testing.assert_frame_equal(m, before)  # input not modified
    assert out["wc_a__b_n"].dtype == "Int64" and out["words"].dtype == np.int64
    assert pd.isna(out.loc[11, "read_smog"]) and out.loc[11, "sent_headline_compound"] == 0.2
    assert note is not None  # article 11 has an empty body: always a note


@pytest.mark.parametrize("max_size", [200, 30])
def test_vocabulary_starting_again_mid_chunk_changes_nothing(monkeypatch: pytest.MonkeyPatch, max_size: int) -> None:
    # The shared chunk vocabulary starts again once full; when that happens while a chunk of
    # articles is looked up, the ids of its first articles would describe other chunks (or
    # fall outside the feature tables). 200: the chunk is analysed in halves; 30: one article
    # alone holds more distinct chunks than the vocabulary.
    from mediakit.text import CHUNKS, clear_chunk_caches

    texts = [" ".join(f"great{a}x{k} bad{a}y{k}, not good." for k in range(30)) for a in range(12)]
    arts = pd.DataFrame({"article_id": [f"a{a}" for a in range(12)], "title": ["A fine day"] * 12, "text": texts})
    families = ("readability", "sentiment", "word_choice")
    tables = {"sentences": mediakit.sentences(arts), "attributions": mediakit.extract_attributions(arts)}
    clear_chunk_caches()
    try:
        expected = analyze(arts, families=families, progress=False)
        expected_all = analyze(arts, progress=False)
        clear_chunk_caches()
        monkeypatch.setattr(CHUNKS, "max_size", max_size)
        got = analyze(arts, families=families, progress=False)
        assert CHUNKS.generation > 1
        clear_chunk_caches()
        got_all = analyze(arts, progress=False, **tables)  # each half reads its own articles' rows
        assert CHUNKS.generation > 1
    finally:
        monkeypatch.undo()
        clear_chunk_caches()
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    pd.testing.assert_frame_equal(got_all, expected_all, check_exact=True)


def test_no_articles_every_family_but_attribution() -> None:
    empty = pd.DataFrame({"article_id": pd.Series([], dtype=str), "title": pd.Series([], dtype=str),
                          "text": pd.Series([], dtype=str)})
    out = analyze(empty, families=("readability", "sentiment", "word_choice"), progress=False)
    assert len(out) == 0 and "sent_mean_compound" in out.columns and "read_smog" in out.columns
