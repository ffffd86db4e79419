"""Common news exports load with no column mapping: news-please, Media Cloud, NewsAPI, GDELT, JSON-LD.

Every input is a small record written here (invented stories on reserved ``.test`` domains) in the
shape each tool exports.
"""

from __future__ import annotations

import gzip
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit import iter_articles, load_articles, load_errors
from mediakit.loaders import FIELD_ALIASES
from mediakit.loaders._exports import compact_date, export_name, jsonld_articles, strip_truncation
from mediakit.loaders._records import record_to_article, resolve_columns

BODY = ("The harbour reopened on Wednesday, three days after a storm tore through the coast.\n\n"
        "Harbour master Perry White said crews had worked through the night to clear the channel.")


def load(source, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_articles(source, **kw)


def problems(df: pd.DataFrame) -> list[tuple[str, str]]:
    errs = load_errors(df)
    return list(zip(errs["status"], errs["kind"], strict=True))


def write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- news-please

NEWS_PLEASE = {
    "authors": ["Lois Lane", "Clark Kent"],
    "date_download": "2024-12-12 08:00:00",
    "date_modify": "2024-12-11 18:00:00",
    "date_publish": "2024-12-11 10:23:00",
    "description": "The harbour is open again.",
    "filename": "https%3A%2F%2Fdailyplanet.test%2Fharbour.json",
    "image_url": "https://dailyplanet.test/harbour.jpg",
    "language": "en",
    "localpath": None,
    "maintext": BODY,
    "source_domain": "dailyplanet.test",
    "title": "Harbour reopens after storm",
    "title_page": None,
    "title_rss": None,
    "url": "https://dailyplanet.test/harbour",
}


def check_news_please(row: pd.Series) -> None:
    assert row["title"] == "Harbour reopens after storm"
    assert row["text"] == BODY
    assert row["published"] == pd.Timestamp("2024-12-11 10:23:00", tz="UTC")  # not date_modify/date_download
    assert row["byline"] == "Lois Lane; Clark Kent"
    assert row["outlet_raw"] == "dailyplanet.test"
    assert row["url"] == "https://dailyplanet.test/harbour"
    assert row["description"] == "The harbour is open again."
    assert row["language_declared"] == "en"
    assert row["image_url"] == "https://dailyplanet.test/harbour.jpg"
    assert row["date_modify"] == "2024-12-11 18:00:00"  # unmapped fields stay as extra columns


def test_news_please_json_file(tmp_path):
    df = load(write(tmp_path / "harbour.json", json.dumps(NEWS_PLEASE)))
    assert problems(df) == []
    assert len(df) == 1
    check_news_please(df.iloc[0])  # the declared language is language_declared, not language (detected)


def test_news_please_jsonl(tmp_path):
    other = dict(NEWS_PLEASE, url="https://dailyplanet.test/two", title="Second story", maintext="Other body.",
                 authors=[])
    path = tmp_path / "crawl.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(NEWS_PLEASE) + "\n" + json.dumps(other) + "\n")
    df = load(path)
    assert problems(df) == [] and len(df) == 2
    check_news_please(df.iloc[0])
    assert pd.isna(df.loc[1, "byline"])


def test_old_news_please_with_empty_text_field_uses_maintext(tmp_path):
    # news-please before 1.4 wrote "text"; later files carry both, "text" null: the body is in maintext
    rec = dict(NEWS_PLEASE, text=None)
    df = load(write(tmp_path / "a.json", json.dumps(rec)))
    assert df.loc[0, "text"] == BODY and problems(df) == []


# --------------------------------------------------------------------------- Media Cloud

def test_media_cloud_v4_csv_without_text_keeps_rows_and_says_so(tmp_path):
    path = write(tmp_path / "mc4.csv",
                 "id,indexed_date,language,media_name,media_url,publish_date,title,url\n"
                 "a1b2,2024-12-12 09:00:00,en,dailyplanet.test,https://dailyplanet.test,2024-12-11,"
                 "Harbour reopens,https://dailyplanet.test/harbour\n"
                 "c3d4,2024-12-12 09:05:00,en,gazette.test,https://gazette.test,2024-12-11,"
                 "Storm clean-up begins,https://gazette.test/storm\n")
    with pytest.warns(UserWarning, match="no_text"):
        df = load_articles(path)
    assert df["title"].tolist() == ["Harbour reopens", "Storm clean-up begins"]
    assert df["text"].tolist() == ["", ""]
    assert df["source_id"].tolist() == ["a1b2", "c3d4"]
    assert df["outlet_raw"].tolist() == ["dailyplanet.test", "gazette.test"]
    assert df["published"].tolist() == [pd.Timestamp("2024-12-11", tz="UTC")] * 2  # not indexed_date
    assert df["language_declared"].tolist() == ["en", "en"]
    assert df["indexed_date"].notna().all() and df["media_url"].notna().all()
    errs = load_errors(df)
    assert errs[["status", "kind"]].values.tolist() == [["warning", "no_text"]]
    assert "media_name" in errs.loc[0, "message"] and "Media Cloud" in errs.loc[0, "message"]


def test_media_cloud_v2_csv_message_unchanged(tmp_path):
    path = write(tmp_path / "mc2.csv",
                 "stories_id,publish_date,title,url,language,ap_syndicated,themes,media_id,media_name,media_url\n"
                 "101,2024-12-11 10:23:45,First story,https://a.test/1,en,False,,1,Daily Planet,https://a.test\n")
    df = load(path)
    assert df.loc[0, "title"] == "First story" and df.loc[0, "outlet"] == "Daily Planet"
    msg = load_errors(df).loc[0, "message"]
    assert msg.startswith("no text column among ['stories_id', 'publish_date'")
    assert msg.endswith("loaded 1 rows with titles only (as in a Media Cloud export); map one with "
                        "columns={'text': ...}")


# --------------------------------------------------------------------------- NewsAPI

NEWSAPI = {
    "status": "ok",
    "totalResults": 2,
    "articles": [
        {"source": {"id": None, "name": "Daily Planet"}, "author": "Lois Lane",
         "title": "Harbour reopens after storm", "description": "The harbour is open again.",
         "url": "https://dailyplanet.test/harbour", "urlToImage": "https://dailyplanet.test/h.jpg",
         "publishedAt": "2024-12-11T10:23:00Z",
         "content": "The harbour reopened on Wednesday, three days after a storm tore through the… [+1873 chars]"},
        {"source": {"id": "gazette", "name": None}, "author": None, "title": "Storm clean-up begins",
         "description": None, "url": "https://gazette.test/storm", "urlToImage": None,
         "publishedAt": "2024-12-11T12:00:00Z", "content": None},
    ],
}


def test_newsapi_response(tmp_path):
    df = load(write(tmp_path / "everything.json", json.dumps(NEWSAPI)))
    assert len(df) == 2
    first = df.iloc[0]
    assert first["outlet"] == "Daily Planet"  # source.name, nested
    assert df.loc[1, "outlet_raw"] == "gazette"  # source.id when the name is missing
    assert first["byline"] == "Lois Lane"
    assert first["published"] == pd.Timestamp("2024-12-11 10:23", tz="UTC")
    assert first["text"] == "The harbour reopened on Wednesday, three days after a storm tore through the"
    assert first["description"] == "The harbour is open again."
    assert first["image_url"] == "https://dailyplanet.test/h.jpg"
    assert df.loc[1, "text"] == ""
    errs = load_errors(df)
    # the record with no content is kept and flagged empty_body
    assert errs[["status", "kind"]].values.tolist() == [["warning", "truncated_text"], ["warning", "empty_body"]]
    assert errs.loc[0, "message"].startswith("1 of 2 record(s)")


def test_newsapi_list_without_content_is_titles_only(tmp_path):
    arts = [{k: v for k, v in a.items() if k != "content"} for a in NEWSAPI["articles"]]
    df = load(write(tmp_path / "top.json", json.dumps(arts)))
    assert df["title"].tolist() == ["Harbour reopens after storm", "Storm clean-up begins"]
    errs = load_errors(df)
    assert errs[["status", "kind"]].values.tolist() == [["warning", "no_text"]]
    assert "publishedAt" in errs.loc[0, "message"] and "NewsAPI" in errs.loc[0, "message"]


# --------------------------------------------------------------------------- GDELT

def test_gdelt_events_export_one_row_per_url(tmp_path):
    path = write(tmp_path / "events.csv",
                 "GLOBALEVENTID,SQLDATE,Actor1Name,EventCode,DATEADDED,SOURCEURL\n"
                 "1001,20241210,MAYOR,010,20241211102300,https://dailyplanet.test/harbour\n"
                 "1002,20241210,COUNCIL,020,20241211102300,https://dailyplanet.test/harbour\n"
                 "1003,20241211,POLICE,010,20241211120000,https://gazette.test/storm\n")
    df = load(path)
    assert df["url"].tolist() == ["https://dailyplanet.test/harbour", "https://gazette.test/storm"]
    # DATEADDED (when the article was seen) before SQLDATE (when the event happened)
    assert df["published"].tolist() == [pd.Timestamp("2024-12-11 10:23", tz="UTC"),
                                         pd.Timestamp("2024-12-11 12:00", tz="UTC")]
    assert df["text"].tolist() == ["", ""] and df["title"].isna().all()
    assert df["Actor1Name"].tolist() == ["MAYOR", "POLICE"]
    errs = load_errors(df)
    assert errs[["status", "kind"]].values.tolist() == [["warning", "no_text"]]
    msg = errs.loc[0, "message"]
    assert "SOURCEURL" in msg and "GDELT" in msg and "1 repeated row" in msg


def test_gdelt_gkg_tsv(tmp_path):
    path = write(tmp_path / "gkg.tsv",
                 "GKGRECORDID\tDATE\tSourceCollectionIdentifier\tSourceCommonName\tDocumentIdentifier\tThemes\n"
                 "20241211-1\t20241211093000\t1\tgazette.test\thttps://gazette.test/storm\tWB_1;ENV\n")
    df = load(path)
    row = df.iloc[0]
    assert (row["url"], row["outlet_raw"]) == ("https://gazette.test/storm", "gazette.test")
    assert row["published"] == pd.Timestamp("2024-12-11 09:30", tz="UTC")
    assert problems(df) == [("warning", "no_text")]


def test_gdelt_doc_api_json(tmp_path):
    doc = {"articles": [{"url": "https://gazette.test/storm", "url_mobile": "", "title": "Storm clean-up begins",
                         "seendate": "20241211T120000Z", "socialimage": "https://gazette.test/s.jpg",
                         "domain": "gazette.test", "language": "English", "sourcecountry": "United States"}]}
    df = load(write(tmp_path / "doc.json", json.dumps(doc)))
    row = df.iloc[0]
    assert (row["title"], row["outlet_raw"], row["language_declared"]) == (
        "Storm clean-up begins", "gazette.test", "English")
    assert row["published"] == pd.Timestamp("2024-12-11 12:00", tz="UTC")
    assert row["image_url"] == "https://gazette.test/s.jpg"
    assert problems(df) == [("warning", "no_text")]


def test_url_list_streams_like_it_loads(tmp_path):
    path = write(tmp_path / "urls.csv", "DATE,url\n20241211,https://a.test/1\n20241211,https://a.test/1\n"
                 "20241212,https://a.test/2\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        chunks = list(iter_articles(path, chunksize=1))
    assert [c["url"].tolist() for c in chunks if len(c)] == [["https://a.test/1"], ["https://a.test/2"]]
    # the file's warning comes once it is read to the end: in a last, empty chunk here
    assert [k for c in chunks for k in load_errors(c)["kind"]] == ["no_text"]
    assert load(path)["url"].tolist() == ["https://a.test/1", "https://a.test/2"]


# --------------------------------------------------------------------------- JSON-LD

JSONLD_GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "@id": "https://dailyplanet.test/#site", "name": "Daily Planet"},
        {"@type": "Organization", "@id": "https://dailyplanet.test/#org", "name": "The Daily Planet"},
        {"@type": "Person", "@id": "https://dailyplanet.test/#lois", "name": "Lois Lane"},
        {"@type": ["NewsArticle", "Article"], "@id": "https://dailyplanet.test/harbour#article",
         "headline": "Harbour reopens after storm", "articleBody": BODY,
         "datePublished": "2024-12-11T12:23:00+02:00", "dateModified": "2024-12-12T08:00:00+02:00",
         "author": [{"@id": "https://dailyplanet.test/#lois"}, {"@type": "Person", "name": "Clark Kent"}],
         "publisher": {"@id": "https://dailyplanet.test/#org"},
         "mainEntityOfPage": {"@type": "WebPage", "@id": "https://dailyplanet.test/harbour"},
         "image": {"@type": "ImageObject", "url": "https://dailyplanet.test/h.jpg", "width": 1200},
         "description": "The harbour is open again."},
    ],
}


def test_jsonld_graph_news_article(tmp_path):
    df = load(write(tmp_path / "harbour.json", json.dumps(JSONLD_GRAPH)))
    assert problems(df) == [] and len(df) == 1
    row = df.iloc[0]
    assert row["article_id"] == "harbour"  # the one article of the file
    assert (row["title"], row["text"]) == ("Harbour reopens after storm", BODY)
    assert row["published"] == pd.Timestamp("2024-12-11 10:23", tz="UTC")  # datePublished, not dateModified
    assert row["byline"] == "Lois Lane; Clark Kent"  # one reference resolved, one inline Person
    assert row["outlet"] == "The Daily Planet"  # publisher.name through its @id
    assert row["url"] == "https://dailyplanet.test/harbour"  # mainEntityOfPage's @id
    assert row["image_url"] == "https://dailyplanet.test/h.jpg"
    assert row["schema_type"] == "NewsArticle, Article"
    assert "@context" not in df.columns and "@id" not in df.columns


def test_jsonld_list_and_plain_object(tmp_path):
    arts = [{"@context": "https://schema.org", "@type": "ReportageNewsArticle", "headline": f"Story {i}",
             "articleBody": f"Body of story {i}.", "author": {"@type": "Person", "name": "Jimmy Olsen"},
             "publisher": {"@type": "Organization", "name": "Daily Planet"}, "url": f"https://dailyplanet.test/{i}"}
            for i in (1, 2)]
    breadcrumb = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []}
    df = load(write(tmp_path / "ld.json", json.dumps([breadcrumb, *arts])))
    assert df["title"].tolist() == ["Story 1", "Story 2"]
    assert df["source_record"].tolist() == [2, 3]  # positions in the file
    assert df["byline"].tolist() == ["Jimmy Olsen"] * 2 and df["outlet"].tolist() == ["Daily Planet"] * 2
    one = load(write(tmp_path / "one.json", json.dumps(arts[0])))
    assert one.loc[0, "text"] == "Body of story 1." and problems(one) == []


def test_jsonld_lines(tmp_path):
    plain = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Plain line",
             "articleBody": "Body one.", "mainEntityOfPage": "https://dailyplanet.test/one"}
    path = write(tmp_path / "ld.jsonl", json.dumps(JSONLD_GRAPH) + "\n" + json.dumps(plain) + "\n")
    df = load(path)
    assert df["title"].tolist() == ["Harbour reopens after storm", "Plain line"]
    assert df["outlet"].tolist()[0] == "The Daily Planet"
    assert df["url"].tolist() == ["https://dailyplanet.test/harbour", "https://dailyplanet.test/one"]
    assert problems(df) == []


def test_jsonld_without_article_body_says_so(tmp_path):
    rec = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Only a headline",
           "datePublished": "2024-12-11"}
    df = load(write(tmp_path / "a.json", json.dumps(rec)))
    assert df["title"].tolist() == ["Only a headline"]
    errs = load_errors(df)
    assert errs[["status", "kind"]].values.tolist() == [["warning", "no_text"]]
    assert "headline" in errs.loc[0, "message"] and "JSON-LD" in errs.loc[0, "message"]


# --------------------------------------------------------------------------- general rules

def test_file_without_text_or_title_names_its_columns(tmp_path):
    df = load(write(tmp_path / "odd.csv", "hed,story_body\nA,B\n"))
    assert len(df) == 0
    msg = load_errors(df).loc[0, "message"]
    assert "['hed', 'story_body']" in msg


def test_columns_mapping_turns_off_fallback(tmp_path):
    rec = {"story": "", "text": "Other text.", "title": "T"}
    df = load(write(tmp_path / "a.json", json.dumps(rec)), columns={"text": "story"})
    assert df.loc[0, "text"] == ""
    auto = load(write(tmp_path / "b.json", json.dumps({"body": "", "text": None, "content": "Real body.",
                                                       "title": "T"})))
    assert auto.loc[0, "text"] == "Real body."


def test_mixed_records_in_one_file_each_mapped(tmp_path):
    recs = [{"title": "Only title"}, {"title": "Both", "maintext": "A body."}]
    df = load(write(tmp_path / "mixed.json", json.dumps(recs)))
    assert df["text"].tolist() == ["", "A body."]


def test_camel_case_and_aliases():
    assert resolve_columns(["publishedAt", "urlToImage", "DocumentIdentifier"], None) == {
        "published": "publishedAt", "url": "DocumentIdentifier"}
    # the aliases of earlier releases keep their priority
    assert resolve_columns(["stories_id", "publish_date", "title", "url", "media_name"], None) == {
        "article_id": "stories_id", "title": "title", "published": "publish_date", "outlet": "media_name",
        "url": "url"}
    assert "date_publish" in FIELD_ALIASES["published"] and "source_domain" in FIELD_ALIASES["outlet"]


def test_helpers():
    assert compact_date("20241211") == "2024-12-11"
    assert compact_date(20241211102300) == "2024-12-11T10:23:00"
    assert compact_date(1733912580) == 1733912580  # Unix seconds stay for the date parser
    assert compact_date("2024-12-11") == "2024-12-11" and compact_date(None) is None
    assert strip_truncation("Text [+12 chars]") == ("Text", True)
    assert strip_truncation("Ten [+5] people") == ("Ten [+5] people", False)
    assert export_name(["maintext", "date_publish", "title"]) == "news-please"
    assert jsonld_articles([{"@type": "Person", "name": "X"}]) is None


_MARKER_PIECES = st.sampled_from(["word", " ", "\n", "\t", "\u00a0", "\u2003", "\u2026", "...", "[+", "[", "+", "12",
                                  ",", "3", " chars", "char", "CHARACTERS", "s", "]", "x"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_MARKER_PIECES, max_size=24).map("".join))
def test_truncation_markers_are_found_as_the_full_search_finds_them(text):
    """strip_truncation searches only a text that ends with "]" (white space aside): the same answers as the
    search of the marker's pattern over any text (a fifth of the loading time, without the shortcut)."""
    from mediakit.loaders._exports import _TRUNCATED

    m = _TRUNCATED.search(text)
    assert strip_truncation(text) == ((text, False) if m is None else (text[:m.start()].rstrip(), True))


@settings(max_examples=150, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["@id", "@type", "name", "url", "title", "x"]), inner, max_size=4),
                    max_leaves=12))
def test_any_nested_value_maps_without_error(value):
    rec = {"title": "T", "author": value, "source": value, "url": value, "publishedAt": value,
           "content": value, "image": value, "@type": value}
    art, extra = record_to_article(rec, resolve_columns(list(rec), None))
    assert art["title"] == "T" and isinstance(art["text"], str)
    for col in ("byline", "outlet", "url"):
        assert art.get(col) is None or isinstance(art[col], str)
