"""report.html says which articles the English-only metrics leave out (empty body, other language) and
which it keeps with a caveat (short body), and never claims a clean load that was not one."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from mediakit.loaders import LoadReport
from mediakit.pipeline import CorpusAnalysis, analyze_articles, build_report
from mediakit.pipeline._report import LEFT_OUT_LISTED

BODY = ("The council approved the budget on Monday after a long debate about housing, transport and "
        "the cost of keeping the libraries open through the winter, officials said. ") * 4
GERMAN = ("Der Stadtrat hat am Montag nach einer langen Debatte über Wohnungen und Verkehr den Haushalt "
          "beschlossen, sagten Beamte. ") * 4


def _analysis(articles: pd.DataFrame, errors: pd.DataFrame | None = None, **extra) -> CorpusAnalysis:
    """A hand-made analysis: only what the corpus section reads."""
    n = len(articles)
    res = CorpusAnalysis(
        source="corpus", articles=articles,
        load_errors=errors if errors is not None else LoadReport().to_frame(),
        metrics=pd.DataFrame({"article_id": articles["article_id"], "words": [float(len(t.split())) for t in
                                                                               articles["text"].fillna("")]}),
        sentences=pd.DataFrame(), attributions=pd.DataFrame(), word_choice=pd.DataFrame(), **extra)
    assert len(res.metrics) == n
    return res


def _articles(texts, languages=None, titles=None, outlets=None) -> pd.DataFrame:
    n = len(texts)
    df = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                       "outlet": outlets or ["Daily Planet"] * n,
                       "title": titles or [f"Headline number {i}" for i in range(n)],
                       "text": texts, "source_path": [f"/c/a{i}.html" for i in range(n)],
                       "source_format": ["html"] * n})
    if languages is not None:
        df["language"] = languages
    return df


def _page(res: CorpusAnalysis, tmp_path: Path) -> str:
    return build_report(res, [], {}, tmp_path)


def _section(page: str) -> str:
    m = re.search(r'<h3 id="left-out">.*?(?=<h2 )', page, re.S)
    return m.group(0) if m else ""


def test_a_clean_corpus_says_so_and_has_no_left_out_section(tmp_path):
    page = _page(_analysis(_articles([BODY, BODY + " More."], languages=["en", "en"])), tmp_path)
    assert "Every file loaded without a problem." in page
    assert 'id="left-out"' not in page


def test_an_empty_body_is_never_a_clean_load(tmp_path):
    """The SCMP pattern: a page loaded with no body and no load report row (not loaded by mediakit)."""
    page = _page(_analysis(_articles(["", BODY], titles=["Leader flees the capital", "Budget"])), tmp_path)
    assert "Every file loaded without a problem" not in page
    assert "Every file loaded, but not every article can be measured (below)." in page
    sec = _section(page)
    assert "<strong>1</strong> of 2 articles are left out of the English-only metrics" in sec
    assert "empty body: 1" in sec
    assert "<td>Leader flees the capital</td><td>Daily Planet</td><td>empty body</td>" in sec


def test_load_problems_are_counted_and_the_articles_listed(tmp_path):
    errors = LoadReport([{"source_path": "/c/a0.html", "record": None, "status": "warning",
                          "kind": "empty_body", "message": "empty body"}]).to_frame()
    page = _page(_analysis(_articles(["", BODY]), errors), tmp_path)
    assert "<strong>Load problems:</strong> 1 warning (empty_body)" in page
    assert "Every file loaded" not in page
    assert "empty body" in _section(page)


def test_non_english_articles_are_listed_with_their_language(tmp_path):
    arts = _articles([BODY, GERMAN, GERMAN, "Le conseil a voté le budget lundi. " * 10, "", BODY[:120]],
                     languages=["en", "de", "de", "fr", None, "en"],
                     titles=["Budget", "Haushalt", "Wahl", "Budget voté", "Empty", "Teaser"],
                     outlets=["Daily Planet"] * 5 + ["Gazette"])
    sec = _section(_page(_analysis(arts), tmp_path))
    assert "<strong>4</strong> of 6 articles are left out" in sec
    assert "language de: 2, empty body: 1, language fr: 1" in sec
    rows = re.findall(r"<tr><td>(.*?)</td><td>.*?</td><td>(.*?)</td><td class=\"n\">(.*?)</td><td>(.*?)</td></tr>",
                      sec)
    assert rows == [("Haushalt", "language de", "72", "left out"), ("Wahl", "language de", "72", "left out"),
                    ("Budget voté", "language fr", "70", "left out"), ("Empty", "empty body", "0", "left out"),
                    ("Teaser", "short body", "21", "kept")]
    assert "1 article(s) are measured but flagged (short body: 1)" in sec


def test_languages_none_scores_every_language_and_says_so(tmp_path):
    arts = _articles([BODY, GERMAN], languages=["en", "de"])
    res = _analysis(arts)
    res.languages = None  # type: ignore[attr-defined]  # the option analyze_articles ran with
    sec = _section(_page(res, tmp_path))
    assert "left out of" not in sec.split("</h3>", 1)[1]
    assert "language de (scored anyway)" in sec and "<td>kept</td>" in sec
    assert "was scored as asked" in sec and "short body" not in sec


def test_the_language_of_the_metrics_table_is_used_when_the_articles_have_none(tmp_path):
    res = _analysis(_articles([BODY, GERMAN]))
    res.metrics["language"] = ["en", "de"]
    assert "language de: 1" in _section(_page(res, tmp_path))


def test_a_short_non_english_article_is_counted_once_for_its_language(tmp_path):
    arts = _articles([BODY] * 5 + ["Der Rat tagte."], languages=["en"] * 5 + ["de"])
    sec = _section(_page(_analysis(arts), tmp_path))
    assert "metrics (VADER sentiment, lexicon word choice, readability formulas, attribution and actors): " \
           "language de: 1. They stay" in sec
    assert "<td>language de; short body</td>" in sec and "measured but flagged" not in sec


def test_load_problems_are_counted_in_plural(tmp_path):
    errors = LoadReport([{"source_path": f"/c/a{i}.html", "record": None, "status": "warning",
                          "kind": "short_body", "message": "short"} for i in range(3)]).to_frame()
    page = _page(_analysis(_articles([BODY] * 3), errors), tmp_path)
    assert "<strong>Load problems:</strong> 3 warnings (short_body)" in page


def test_a_large_corpus_lists_the_first_ones_and_counts_the_rest(tmp_path):
    n = LEFT_OUT_LISTED + 35
    arts = _articles([GERMAN] * n + [BODY], languages=["de"] * n + ["en"])
    written = {"articles_csv": tmp_path / "articles.csv"}
    sec = _section(build_report(_analysis(arts), [], written, tmp_path))
    assert sec.count("<tr><td>") == LEFT_OUT_LISTED
    assert f"The first {LEFT_OUT_LISTED} of {n} are listed (all of them: " \
           '<a href="articles.csv">articles.csv</a>, columns <code>language</code> and <code>text</code>).' in sec


def test_titles_only_exports_are_named_as_such(tmp_path):
    arts = _articles(["", "", BODY])
    arts["source_path"] = ["/c/headlines.csv", "/c/headlines.csv", "/c/a.html"]
    errors = LoadReport([{"source_path": "/c/headlines.csv", "record": None, "status": "warning",
                          "kind": "no_text", "message": "no text column"}]).to_frame()
    sec = _section(_page(_analysis(arts, errors), tmp_path))
    assert sec.count("empty body (the file has titles only)") == 2 and "empty body: 2" in sec


def test_corpus_text_in_the_list_is_escaped(tmp_path):
    arts = _articles(["", BODY], titles=["<script>alert(1)</script>", "Fine"], outlets=["<b>X</b>", "Y"])
    sec = _section(_page(_analysis(arts), tmp_path))
    assert "<script>" not in sec and "&lt;script&gt;alert(1)&lt;/script&gt;" in sec and "&lt;b&gt;X&lt;/b&gt;" in sec


def test_an_article_without_title_is_listed_by_id(tmp_path):
    arts = _articles(["", BODY], titles=[None, "Fine"])
    assert "<td><code>a0</code></td>" in _section(_page(_analysis(arts), tmp_path))


@pytest.mark.filterwarnings("ignore")
def test_analyze_articles_then_report_lists_the_left_out_articles(tmp_path):
    arts = pd.DataFrame({"article_id": ["en1", "en2", "de1", "empty"], "outlet": ["A", "B", "A", "B"],
                         "title": ["Budget passes", "Council votes", "Haushalt beschlossen", "Leader flees"],
                         "text": [BODY, BODY.replace("Monday", "Tuesday"), GERMAN, ""],
                         "language": ["en", "en", "de", None]})
    res = analyze_articles(arts, progress=False)
    sec = _section(build_report(res, [], {}, tmp_path))
    assert "<strong>2</strong> of 4 articles are left out" in sec
    assert "<td>Haushalt beschlossen</td><td>A</td><td>language de</td>" in sec
    assert "<td>Leader flees</td><td>B</td><td>empty body</td>" in sec
