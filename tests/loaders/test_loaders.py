"""load_articles: formats, fields, detection, outlets, ids, Unicode, duplicates, errors.

Every input is a small file written into ``tmp_path`` by the test itself, except the
seed article shipped in ``data/``.
"""

from __future__ import annotations

import gzip
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import mediakit
from mediakit import ARTICLE_COLUMNS, ArticleLoadError, load_articles, load_errors
from mediakit.loaders import LoadReport

from ..conftest import DATA, SEED

SCHEMA = [c.name for c in ARTICLE_COLUMNS]


# --------------------------------------------------------------------------- helpers


def load_clean(source, **kw) -> pd.DataFrame:
    """Load input that must produce no problem at all (any load warning fails the test)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        df = load_articles(source, **kw)
    assert load_errors(df).empty, load_errors(df).to_string()
    return df


def load_quiet(source, **kw) -> pd.DataFrame:
    """Load input expected to produce problems; the summary warning is not the point."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_articles(source, **kw)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def row(df: pd.DataFrame, name: str) -> pd.Series:
    """The single row whose source file name is ``name``."""
    hits = df[df["source_path"].map(lambda p: Path(p).name) == name]
    assert len(hits) == 1, f"{len(hits)} rows from {name}: {df['source_path'].tolist()}"
    return hits.iloc[0]


LONG_BODY = " ".join(f"word{i}" for i in range(200))

TEXT_PAGE = """Skip to content

Mayor opens new bridge over the river
By Jane Doe
Dec 11, 2024 10:23 AM

The mayor opened the new bridge on Tuesday morning in front of a large crowd of residents.
A crowd gathers on the new bridge at dawn. (AFP Photo)

Officials said the bridge would cut travel times across the river by half.

Last Updated: Dec 11, 2024 11:00 AM
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour reopens after storm | The Daily Planet</title>
  <meta property="og:title" content="Harbour reopens after storm">
  <meta property="og:site_name" content="The Daily Planet">
  <meta property="article:published_time" content="2024-12-11T12:23:00+02:00">
  <meta name="author" content="Lois Lane">
  <link rel="canonical" href="https://dailyplanet.test/harbour">
  <script>var SECRET_SCRIPT_TOKEN = "do-not-extract"; document.write("INJECTED_TEXT");</script>
  <style>.SECRET_STYLE_TOKEN { color: red; }</style>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Harbour reopens after storm</h1>
    <figure>
      <img src="harbour.jpg" alt="">
      <figcaption>Boats return to the harbour on Wednesday. (AFP Photo)</figcaption>
    </figure>
    <p>The harbour reopened on Wednesday, three days after a storm tore through the coast
       and left dozens of fishing boats stranded in the bay.</p>
    <p>Harbour master Perry White said crews had worked through the night to clear debris
       from the main channel so that ferries could resume their timetable.</p>
    <script>console.log("SECRET_INLINE_SCRIPT")</script>
    <p>Local businesses said the closure had cost them a week of trade during the busiest
       season of the year, and called for faster repairs in future.</p>
  </article>
</body>
</html>
"""


def records(n: int = 2, **extra) -> list[dict]:
    return [{"id": f"r{i}", "title": f"Title {i}", "text": f"Body text of record {i}.",
             "author": f"Author {i}", "published": f"2024-12-1{i}T10:00:00Z",
             "url": f"https://example.test/{i}", **extra} for i in range(1, n + 1)]


# --------------------------------------------------------------------------- formats


def test_plain_text_page(tmp_path):
    df = load_clean(write(tmp_path / "bridge.txt", TEXT_PAGE))
    assert len(df) == 1
    r = df.iloc[0]
    assert r["title"] == "Mayor opens new bridge over the river"
    assert r["byline"] == "Jane Doe"
    assert r["published"] == pd.Timestamp("2024-12-11 10:23", tz="UTC")
    assert r["captions"] == ["A crowd gathers on the new bridge at dawn. (AFP Photo)"]
    assert "AFP Photo" not in r["text"] and "crowd gathers" not in r["text"]
    assert "Skip to content" not in r["text"] and "Last Updated" not in r["text"]
    assert r["text"].startswith("The mayor opened the new bridge")
    assert r["text"].endswith("by half.")
    assert r["source_format"] == "text"
    assert r["article_id"] == "bridge"
    assert pd.isna(r["source_record"])


def test_html_page(tmp_path):
    df = load_clean(write(tmp_path / "harbour.html", HTML_PAGE))
    assert len(df) == 1
    r = df.iloc[0]
    assert r["source_format"] == "html"
    assert r["title"] == "Harbour reopens after storm"
    assert r["outlet"] == "The Daily Planet"  # og:site_name
    assert r["byline"] == "Lois Lane"
    assert r["published"] == pd.Timestamp("2024-12-11 10:23", tz="UTC")  # +02:00 -> UTC
    assert r["url"] == "https://dailyplanet.test/harbour"
    assert r["captions"] == ["Boats return to the harbour on Wednesday. (AFP Photo)"]
    assert "The harbour reopened on Wednesday" in r["text"]
    assert "called for faster repairs" in r["text"]
    everything = " ".join(str(v) for v in r.values)
    for token in ("SECRET_SCRIPT_TOKEN", "INJECTED_TEXT", "SECRET_INLINE_SCRIPT",
                  "SECRET_STYLE_TOKEN", "console.log"):
        assert token not in everything
    assert "Boats return" not in r["text"]


@pytest.mark.parametrize("layout", ["object", "list", "wrapper"])
def test_json_layouts(tmp_path, layout):
    recs = records(2)
    data = {"object": recs[0], "list": recs, "wrapper": {"articles": recs, "total": 2}}[layout]
    df = load_clean(write(tmp_path / "a.json", json.dumps(data)))
    n = 1 if layout == "object" else 2
    assert len(df) == n
    assert df["source_format"].tolist() == ["json"] * n
    assert df["title"].tolist() == [f"Title {i}" for i in range(1, n + 1)]
    assert df["text"].tolist() == [f"Body text of record {i}." for i in range(1, n + 1)]
    assert df["byline"].tolist() == [f"Author {i}" for i in range(1, n + 1)]
    assert df["article_id"].tolist() == [f"r{i}" for i in range(1, n + 1)]
    assert df.loc[0, "published"] == pd.Timestamp("2024-12-11 10:00", tz="UTC")
    assert df.loc[0, "url"] == "https://example.test/1"
    if layout == "object":
        assert pd.isna(df.loc[0, "source_record"])
    else:
        assert df["source_record"].tolist() == [1, 2]


def test_jsonl_and_jsonl_gz(tmp_path):
    lines = "\n".join(json.dumps(r) for r in records(3)) + "\n"
    write(tmp_path / "plain.jsonl", lines)
    (tmp_path / "packed.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    df = load_clean(tmp_path)
    assert len(df) == 6
    assert set(df["source_format"]) == {"jsonl"}
    plain = df[df["source_path"].str.endswith("plain.jsonl")]
    packed = df[df["source_path"].str.endswith("packed.jsonl.gz")]
    assert plain["title"].tolist() == packed["title"].tolist() == ["Title 1", "Title 2", "Title 3"]
    assert plain["source_record"].tolist() == [1, 2, 3]
    assert df["article_id"].is_unique


def test_json_gz_single_file(tmp_path):
    path = tmp_path / "one.json.gz"
    path.write_bytes(gzip.compress(json.dumps(records(1)[0]).encode()))
    df = load_clean(path)
    assert df["title"].tolist() == ["Title 1"]
    assert df["source_format"].tolist() == ["json"]


def test_csv_and_tsv(tmp_path):
    csv_text = ('id,title,text,author,date,media_name\n'
                '1,"Comma, in title","Line one, with comma.\n\nSecond paragraph.",Ann,2024-12-11,CNN\n'
                '2,Plain title,Plain body.,Bob,2024-12-12,cnn\n')
    write(tmp_path / "a.csv", csv_text)
    write(tmp_path / "b.tsv", "title\ttext\toutlet\n"
                              "Tab title\tBody, with a comma, and more.\tReuters\n")
    df = load_clean(tmp_path)
    a = df[df["source_path"].str.endswith("a.csv")]
    assert a["title"].tolist() == ["Comma, in title", "Plain title"]
    assert a["text"].tolist() == ["Line one, with comma.\n\nSecond paragraph.", "Plain body."]
    assert a["outlet"].tolist() == ["CNN", "CNN"]
    assert a["article_id"].tolist() == ["1", "2"]
    assert a["source_record"].tolist() == [1, 2]
    assert a["published"].tolist() == [pd.Timestamp("2024-12-11", tz="UTC"),
                                       pd.Timestamp("2024-12-12", tz="UTC")]
    b = row(df, "b.tsv")
    assert b["title"] == "Tab title"
    assert b["text"] == "Body, with a comma, and more."
    assert b["outlet"] == "Reuters"
    assert set(df["source_format"]) == {"csv"}


def test_parquet(tmp_path):
    src = pd.DataFrame({
        "id": ["p1", "p2"],
        "headline": ["Parquet one", "Parquet two"],
        "body": ["First parquet body.", "Second parquet body."],
        "captions": [["Cap one. (AP Photo)"], []],
        "published": pd.to_datetime(["2024-12-11 10:23", "2024-12-12 08:00"]),
        "section": ["world", "politics"],
    })
    src.to_parquet(tmp_path / "a.parquet")
    df = load_clean(tmp_path / "a.parquet")
    assert df["article_id"].tolist() == ["p1", "p2"]
    assert df["title"].tolist() == ["Parquet one", "Parquet two"]
    assert df["text"].tolist() == ["First parquet body.", "Second parquet body."]
    assert df["captions"].tolist() == [["Cap one. (AP Photo)"], []]
    assert df["published"].tolist() == [pd.Timestamp("2024-12-11 10:23", tz="UTC"),
                                        pd.Timestamp("2024-12-12 08:00", tz="UTC")]
    assert df["section"].tolist() == ["world", "politics"]  # extra metadata kept
    assert set(df["source_format"]) == {"parquet"}


def test_media_cloud_csv_titles_only_with_warning(tmp_path):
    path = write(tmp_path / "mc.csv",
                 "stories_id,publish_date,title,url,media_name\n"
                 "101,2024-12-11 10:23:45.123456,First story,https://a.test/1,nytimes.com\n"
                 "102,2024-12-12 08:00:00,Second story,https://a.test/2,Fox News\n")
    with pytest.warns(UserWarning, match="load_articles"):
        df = load_articles(path)
    assert df["article_id"].tolist() == ["101", "102"]
    assert df["title"].tolist() == ["First story", "Second story"]
    assert df["text"].tolist() == ["", ""]
    assert df["url"].tolist() == ["https://a.test/1", "https://a.test/2"]
    assert df["outlet"].tolist() == ["New York Times", "Fox News"]
    assert df.loc[0, "published"] == pd.Timestamp("2024-12-11 10:23:45.123456", tz="UTC")
    errs = load_errors(df)
    assert len(errs) == 1
    assert errs.loc[0, "status"] == "warning"
    assert errs.loc[0, "kind"] == "no_text"
    assert errs.loc[0, "source_path"] == str(path)


def test_columns_mapping_for_unusual_fields(tmp_path):
    recs = [{"hed": "Odd names", "story_body": "Mapped body.", "paper": "nyt", "when": "2024-12-11",
             "writer_x": "Clark Kent", "ref": "x-1"}]
    path = write(tmp_path / "odd.json", json.dumps(recs))
    cols = {"title": "hed", "text": "story_body", "outlet": "paper", "published": "when",
            "byline": "writer_x", "article_id": "ref"}
    df = load_clean(path, columns=cols)
    r = df.iloc[0]
    assert (r["title"], r["text"], r["outlet"], r["outlet_raw"], r["byline"], r["article_id"]) == (
        "Odd names", "Mapped body.", "New York Times", "nyt", "Clark Kent", "x-1")
    assert r["published"] == pd.Timestamp("2024-12-11", tz="UTC")
    # without the mapping nothing identifies the text or title
    df2 = load_quiet(path)
    assert len(df2) == 0
    assert load_errors(df2)["kind"].tolist() == ["no_text"]


def test_columns_mapping_for_csv(tmp_path):
    path = write(tmp_path / "odd.csv", "hed,story_body\nCSV hed,CSV body.\n")
    df = load_clean(path, columns={"title": "hed", "text": "story_body"})
    assert df[["title", "text"]].values.tolist() == [["CSV hed", "CSV body."]]


def test_invalid_columns_key_raises(tmp_path):
    path = write(tmp_path / "a.json", json.dumps(records(1)))
    with pytest.raises(ValueError, match="columns="):
        load_articles(path, columns={"body": "text"})
    csv_path = write(tmp_path / "a.csv", "title,text\nT,B\n")
    with pytest.raises(ValueError, match="columns="):
        load_articles(csv_path, columns={"headline": "title"})


def test_invalid_columns_key_raises_even_for_text_pages(tmp_path):
    path = write(tmp_path / "a.txt", TEXT_PAGE)
    with pytest.raises(ValueError, match="columns="):
        load_articles(path, columns={"body": "text"})


def test_invalid_arguments(tmp_path):
    path = write(tmp_path / "a.txt", TEXT_PAGE)
    with pytest.raises(ValueError):
        load_articles(path, errors="ignore")
    with pytest.raises(ValueError):
        load_articles(path, max_file_size=0)
    with pytest.raises(ValueError):
        load_articles(path, tz="Mars/Olympus_Mons")
    with pytest.raises(TypeError):
        load_articles(path, outlet=42)
    with pytest.raises(ValueError):
        load_articles([])
    with pytest.raises(TypeError):
        load_articles(42)


# --------------------------------------------------------------------------- detection


def test_sidecars_and_corpus_docs_are_ignored_in_folders(tmp_path):
    write(tmp_path / "a.txt", TEXT_PAGE)
    write(tmp_path / "_events.csv", "file,event\na,e1\n")
    write(tmp_path / "README.md", "# my corpus")
    write(tmp_path / "LICENSE", "CC-BY")
    df = load_clean(tmp_path)
    assert df["article_id"].tolist() == ["a"]
    assert load_errors(df).empty


# --------------------------------------------------------------------------- sidecars


def test_sample_corpus_events_from_the_sidecar():
    df = load_quiet(DATA)
    errs = load_errors(df)
    assert errs["kind"].tolist() == ["no_text"]  # the sidecar itself gives no problem
    assert df["event"].isna().tolist() == (df["article_id"] == "000_fd60bde068b4eb11").tolist()
    ev = dict(zip(df["article_id"], df["event"], strict=True))
    assert ev["northern-ledger/nl-2025-01-21-border-chaos-mirava"] == "valdoria-refugee-exodus"  # by file
    assert ev["harbor-tribune/ht-2025-02-03-ceasefire-western-valdoria"] == "valdoria-ceasefire"
    assert ev["cc-2025-0114-002"] == "valdoria-asylum-deal"  # the JSON's own field
    assert ev["2871461044"] == "us-border-estate-tax-bill"  # a headline row, matched by url
    assert ev["2871459012"] == "valdoria-leader-ousted"  # HT headline shares the page's url
    full = df[df["text"].str.len() > 0]
    assert full.groupby("event")["outlet"].nunique().eq(4).all()
    assert full["event"].value_counts().eq(4).all()


def test_sidecar_matches_by_file_url_and_article_id(tmp_path):
    write(tmp_path / "pages" / "a.txt", "Page A\n\nBody of A.")
    write(tmp_path / "pages" / "b.html", HTML_PAGE)
    write(tmp_path / "pages" / "c.txt", "Page C\n\nBody of C.")
    write(tmp_path / "feed.csv", "id,title,url,text\nr1,T1,https://x.test/1,One.\nr2,T2,https://x.test/2,Two.\n")
    write(tmp_path / "_events.csv",
          "file,url,article_id,event,score\n"
          "pages/a.txt,,,ev-a,1\n"  # file with its ending
          "pages/c,,,ev-c,2\n"  # file without its ending
          ",https://dailyplanet.test/harbour/,,ev-b,3\n"  # url (trailing slash ignored)
          "feed.csv,https://x.test/2,,ev-r2,4\n"  # a row of a multi-record file: by url
          ",,r1,ev-r1,5\n")  # article_id
    df = load_clean(tmp_path)
    got = dict(zip(df["article_id"], zip(df["event"], df["score"], strict=True), strict=True))
    assert got == {"pages/a": ("ev-a", 1), "pages/b": ("ev-b", 3), "pages/c": ("ev-c", 2),
                   "r1": ("ev-r1", 5), "r2": ("ev-r2", 4)}
    assert df["score"].dtype.kind in "if"  # numbers stay numbers; keys and text are strings
    assert str(df["event"].dtype) == "string"


def test_sidecar_file_only_row_covers_the_whole_file_and_fills_gaps_only(tmp_path):
    recs = records(3)
    recs[0]["event"] = "own-event"
    del recs[0]["url"]
    write(tmp_path / "wire" / "feed.jsonl", "\n".join(json.dumps(r) for r in recs))
    write(tmp_path / "loose.txt", "Loose page\n\nBody.")
    write(tmp_path / "_metadata.csv", "file,event,outlet,published\nwire/feed.jsonl,wire-event,,\n"
                                      "loose.txt,,nyt,2025-01-02 10:00\n")
    df = load_clean(tmp_path)
    ev = dict(zip(df["article_id"], df["event"], strict=True))
    assert (ev["r1"], ev["r2"], ev["r3"]) == ("own-event", "wire-event", "wire-event")  # own value wins
    assert pd.isna(ev["loose"])
    loose = df.set_index("article_id").loc["loose"]
    assert loose["outlet"] == "New York Times" and loose["outlet_raw"] == "nyt"  # filled, normalised
    assert loose["published"] == pd.Timestamp("2025-01-02 10:00", tz="UTC")
    # an outlet already known (folder name) is not overwritten
    assert (df.set_index("article_id").loc[["r1", "r2", "r3"], "outlet"] == "wire").all()


def test_metadata_sidecar_applies_before_events(tmp_path):
    write(tmp_path / "a.txt", "Page A\n\nBody of A.")
    write(tmp_path / "_metadata.csv", "file,event,lean\na.txt,from-metadata,left\n")
    write(tmp_path / "_events.csv", "file,event\na.txt,from-events\n")
    df = load_clean(tmp_path)
    assert df.loc[0, ["event", "lean"]].tolist() == ["from-metadata", "left"]


def test_sidecar_problems_are_warnings_and_never_stop_the_load(tmp_path):
    write(tmp_path / "a.txt", "Page A\n\nBody of A.")
    write(tmp_path / "_events.csv", "file,event,text\na.txt,e1,NOT THE TEXT\nmissing.txt,e2,\na,e3,\n")
    df = load_quiet(tmp_path, errors="raise")  # warnings only: no ArticleLoadError
    assert df.loc[0, "event"] == "e1" and df.loc[0, "text"] == "Body of A."
    msgs = load_errors(df)["message"].tolist()
    assert len(msgs) == 2 and all(e == "warning" for e in load_errors(df)["status"])
    assert any("match no loaded article" in m and "line(s) 3" in m for m in msgs)
    assert any("['text']" in m and "ignored" in m for m in msgs)

    write(tmp_path / "_events.csv", "name,event\na.txt,e1\n")  # no key column
    df = load_quiet(tmp_path)
    assert "event" not in df.columns
    assert "needs a 'file', 'url' or 'article_id' column" in load_errors(df).loc[0, "message"]

    write(tmp_path / "_events.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    df = load_quiet(tmp_path)
    assert len(df) == 1 and load_errors(df).loc[0, "status"] == "warning"

    write(tmp_path / "_events.csv", "file,event\na.txt,e1\na.txt,e2\n")  # repeated key: first row used
    with pytest.warns(UserWarning, match="1 warning"):
        df = load_articles(tmp_path)
    assert df.loc[0, "event"] == "e1"


def test_sidecar_only_read_at_the_root_of_a_loaded_folder(tmp_path):
    write(tmp_path / "sub" / "a.txt", "Page A\n\nBody of A.")
    write(tmp_path / "_events.csv", "file,event\nsub/a.txt,e1\n")
    assert "event" not in load_clean(tmp_path / "sub" / "a.txt").columns  # a file named directly
    assert "event" not in load_clean(tmp_path / "sub").columns  # the sidecar is not at sub/'s root
    assert load_clean(tmp_path)["event"].tolist() == ["e1"]
    both = load_clean([tmp_path / "sub", tmp_path])  # the same file once, from the first folder
    assert len(both) == 1


def test_txt_holding_json_or_html_is_read_as_such(tmp_path):
    write(tmp_path / "json_in.txt", json.dumps(records(2)))
    write(tmp_path / "html_in.txt", HTML_PAGE)
    df = load_clean(tmp_path)
    assert df.groupby("source_format").size().to_dict() == {"html": 1, "json": 2}
    assert row(df, "html_in.txt")["outlet"] == "The Daily Planet"
    assert "SECRET_SCRIPT_TOKEN" not in row(df, "html_in.txt")["text"]


@pytest.mark.parametrize("content, fmt, n", [
    (json.dumps(records(2)), "json", 2),
    ("\n".join(json.dumps(r) for r in records(3)), "jsonl", 3),
    (HTML_PAGE, "html", 1),
    (TEXT_PAGE, "text", 1),
])
def test_file_without_extension_is_sniffed(tmp_path, content, fmt, n):
    write(tmp_path / "corpus" / "story", content)
    for source in (tmp_path / "corpus" / "story", tmp_path / "corpus"):
        df = load_clean(source)
        assert df["source_format"].tolist() == [fmt] * n


@pytest.mark.parametrize("first_line", ["[Updated] Storm hits the coast",
                                        "{Corrected} Storm hits the coast"])
def test_text_page_starting_with_bracket_is_still_text(tmp_path, first_line):
    path = write(tmp_path / "page.txt", f"{first_line}\n\nThe storm hit the coast overnight, "
                                        "cutting power to thousands of homes.")
    df = load_quiet(path)
    assert len(df) == 1
    assert df.loc[0, "source_format"] == "text"
    assert df.loc[0, "text"].startswith("The storm hit the coast")


# --------------------------------------------------------------------------- sources


def test_folder_recursive_sorted_hidden_ignored(tmp_path):
    root = tmp_path / "corpus"
    for rel in ("z.txt", "a.txt", "sub/m.txt", "sub/deeper/k.txt"):
        write(root / rel, f"Title of {rel}\n\nBody of {rel} goes here.")
    for rel in (".hidden.txt", ".git/x.txt", "sub/.secret/y.txt", "__pycache__/c.txt",
                ".DS_Store", "sub/Thumbs.db"):
        write(root / rel, "Hidden\n\nShould never be read.")
    df = load_clean(root)
    rels = [Path(p).relative_to(root).as_posix() for p in df["source_path"]]
    assert rels == ["a.txt", "sub/deeper/k.txt", "sub/m.txt", "z.txt"]
    assert df["article_id"].tolist() == ["a", "sub/deeper/k", "sub/m", "z"]
    assert not df["text"].str.contains("never be read").any()


def test_folder_lists_unsupported_files_as_skipped(tmp_path):
    write(tmp_path / "a.txt", TEXT_PAGE)
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(50))
    df = load_articles(tmp_path)  # 'skipped' alone does not warn
    assert len(df) == 1
    errs = load_errors(df)
    assert errs[["status", "kind"]].values.tolist() == [["skipped", "unsupported"]]
    assert errs.loc[0, "source_path"].endswith("photo.jpg")


def test_glob_pattern_and_list_of_sources(tmp_path):
    write(tmp_path / "g" / "one.json", json.dumps(records(1)[0]))
    write(tmp_path / "g" / "two.json", json.dumps({"title": "Two", "text": "Second."}))
    write(tmp_path / "g" / "skip.txt", TEXT_PAGE)
    write(tmp_path / "g" / "deep" / "three.json", json.dumps({"title": "Three", "text": "Third."}))
    df = load_clean(str(tmp_path / "g" / "*.json"))
    assert [Path(p).name for p in df["source_path"]] == ["one.json", "two.json"]
    df = load_clean(str(tmp_path / "g" / "**" / "*.json"))
    assert sorted(Path(p).name for p in df["source_path"]) == ["one.json", "three.json", "two.json"]

    write(tmp_path / "other" / "x.txt", TEXT_PAGE)
    df = load_clean([tmp_path / "g" / "one.json", str(tmp_path / "other"),
                     str(tmp_path / "g" / "two.*")])
    assert [Path(p).name for p in df["source_path"]] == ["one.json", "x.txt", "two.json"]
    # the same file named twice is read once
    df = load_clean([tmp_path / "g" / "one.json", tmp_path / "g" / "one.json"])
    assert len(df) == 1


def test_missing_path_and_empty_glob(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_articles(tmp_path / "does-not-exist.txt")
    with pytest.raises(FileNotFoundError):
        load_articles(str(tmp_path / "nothing-*.json"))
    with pytest.raises(FileNotFoundError):
        load_articles([tmp_path / "does-not-exist"])


def test_empty_folder_gives_empty_schema_frame(tmp_path):
    df = load_clean(tmp_path)
    assert list(df.columns) == SCHEMA
    assert len(df) == 0


# --------------------------------------------------------------------------- outlets


def test_outlet_precedence_metadata_then_argument_then_folder(tmp_path):
    root = tmp_path / "corpus"
    write(root / "cnn" / "meta.json", json.dumps({"title": "M", "text": "Meta.", "outlet": "Fox News"}))
    write(root / "cnn" / "plain.txt", "Plain\n\nNo outlet in this page.")
    write(root / "top.txt", "Top\n\nNot in a sub-folder.")
    write(root / "cnn" / "page.html", HTML_PAGE)

    df = load_clean(root)
    assert row(df, "meta.json")["outlet"] == "Fox News"
    assert row(df, "page.html")["outlet"] == "The Daily Planet"
    assert row(df, "plain.txt")["outlet"] == "CNN"
    assert row(df, "plain.txt")["outlet_raw"] == "cnn"
    assert pd.isna(row(df, "top.txt")["outlet"])

    df = load_clean(root, outlet="Gotham Gazette")
    assert row(df, "meta.json")["outlet"] == "Fox News"
    assert row(df, "page.html")["outlet"] == "The Daily Planet"
    assert row(df, "plain.txt")["outlet"] == "Gotham Gazette"
    assert row(df, "top.txt")["outlet"] == "Gotham Gazette"


def test_outlet_normalisation_keeps_raw(tmp_path):
    raws = ["nyt", "NYT", "New York Times - News", "The New York Times", "CNN (Web News)"]
    recs = [{"title": f"T{i}", "text": f"Body {i}.", "outlet": o} for i, o in enumerate(raws)]
    df = load_clean(write(tmp_path / "o.json", json.dumps(recs)))
    assert df["outlet"].tolist() == ["New York Times"] * 4 + ["CNN"]
    assert df["outlet_raw"].tolist() == raws


def test_outlet_aliases_extend_the_table(tmp_path):
    recs = [{"title": "A", "text": "Body a.", "outlet": "dp"},
            {"title": "B", "text": "Body b.", "outlet": "DP"},
            {"title": "C", "text": "Body c.", "outlet": "nyt"}]
    path = write(tmp_path / "o.json", json.dumps(recs))
    df = load_clean(path, outlet_aliases={"dp": "Daily Planet"})
    assert df["outlet"].tolist() == ["Daily Planet", "Daily Planet", "New York Times"]
    assert df["outlet_raw"].tolist() == ["dp", "DP", "nyt"]
    df = load_clean(path)
    assert df.loc[2, "outlet"] == "New York Times"
    assert df.loc[0, "outlet"] != "Daily Planet"
    # an unknown outlet spelt two ways takes one spelling
    assert df.loc[0, "outlet"] == df.loc[1, "outlet"]


# --------------------------------------------------------------------------- ids and schema


def test_article_ids_stable_and_unique(tmp_path):
    write(tmp_path / "a.txt", TEXT_PAGE)
    write(tmp_path / "a.html", HTML_PAGE)  # same stem as a.txt
    recs = [{"id": "n1", "title": "x", "text": "one"}, {"id": "n1", "title": "y", "text": "two"},
            {"id": "n1", "title": "z", "text": "three"}, {"title": "no id", "text": "four"}]
    write(tmp_path / "b.json", json.dumps(recs))
    write(tmp_path / "c.jsonl", "\n".join(json.dumps({"text": f"line {i}"}) for i in range(3)))
    first = load_clean(tmp_path)
    second = load_clean(tmp_path)
    assert first["article_id"].tolist() == second["article_id"].tolist()
    assert first["article_id"].is_unique
    b = first[first["source_path"].str.endswith("b.json")]
    assert b["article_id"].tolist() == ["n1", "n1~2", "n1~3", "b:4"]
    c = first[first["source_path"].str.endswith("c.jsonl")]
    assert c["article_id"].tolist() == ["c:1", "c:2", "c:3"]
    assert sorted(first.loc[first["article_id"].str.startswith("a"), "article_id"]) == ["a", "a~2"]
    assert mediakit.validate_articles(first) is first


def test_article_ids_unique_when_native_id_looks_like_a_suffix(tmp_path):
    recs = [{"id": "x", "text": "one"}, {"id": "x", "text": "two"}, {"id": "x~2", "text": "three"}]
    df = load_clean(write(tmp_path / "ids.json", json.dumps(recs)))
    assert df["article_id"].is_unique, df["article_id"].tolist()


def test_schema_columns_order_and_dtypes(tmp_path):
    write(tmp_path / "a.txt", TEXT_PAGE)
    write(tmp_path / "b.json", json.dumps(records(2, section="world")))
    df = load_clean(tmp_path)
    assert list(df.columns)[: len(SCHEMA)] == SCHEMA
    assert "section" in df.columns and "source_id" in df.columns
    for col in ARTICLE_COLUMNS:
        assert str(df[col.name].dtype) == col.dtype, (col.name, df[col.name].dtype)
    assert str(df["published"].dt.tz) == "UTC"
    assert all(isinstance(c, list) for c in df["captions"])
    empty = mediakit.empty_articles()
    assert list(empty.columns) == SCHEMA


def test_naive_times_read_in_tz(tmp_path):
    path = write(tmp_path / "a.json", json.dumps({"title": "T", "text": "B.", "published": "2016-09-20 08:00"}))
    df = load_clean(path, tz="America/New_York")
    assert df.loc[0, "published"] == pd.Timestamp("2016-09-20 12:00", tz="UTC")
    df = load_clean(path)
    assert df.loc[0, "published"] == pd.Timestamp("2016-09-20 08:00", tz="UTC")


# --------------------------------------------------------------------------- Unicode


def test_unicode_quotes_dashes_nfc_nbsp(tmp_path):
    body = ("He called it \u201csafe\u201d \u2014 it\u2019s a \u2018deal\u2019 \u2013 said the "
            "cafe\u0301 owner,\u00a0twice.")
    write(tmp_path / "page.txt", "Cafe\u0301 owner speaks\n\n" + body)
    write(tmp_path / "rec.json", json.dumps({"title": "Cafe\u0301\u00a0news", "text": body}))
    df = load_clean(tmp_path)
    expected = ("He called it \u201csafe\u201d \u2014 it\u2019s a \u2018deal\u2019 \u2013 said the "
                "caf\u00e9 owner, twice.")
    for name in ("page.txt", "rec.json"):
        r = row(df, name)
        assert r["text"] == expected
        assert "\u0301" not in r["text"] and "\u00a0" not in r["text"]
    assert row(df, "page.txt")["title"] == "Caf\u00e9 owner speaks"
    assert row(df, "rec.json")["title"] == "Caf\u00e9 news"


def test_unicode_normalised_for_list_of_paragraphs(tmp_path):
    rec = {"title": "T", "text": ["Cafe\u0301\u00a0one\x01.", "Two\u200b."]}
    df = load_clean(write(tmp_path / "rec.json", json.dumps(rec)))
    assert df.loc[0, "text"] == "Caf\u00e9 one.\n\nTwo."


def test_utf8_bom_and_crlf_text_page(tmp_path):
    path = write(tmp_path / "bom.txt", ("\ufeffHeadline here\r\nBy Ann Lee\r\n\r\n"
                                         "First paragraph.\r\n\r\nSecond paragraph.\r\n").encode("utf-8"))
    r = load_clean(path).iloc[0]
    assert (r["title"], r["byline"], r["text"]) == ("Headline here", "Ann Lee",
                                                    "First paragraph.\n\nSecond paragraph.")


# --------------------------------------------------------------------------- duplicates


def test_duplicates_flagged_not_dropped(tmp_path):
    # the edit keeps the longest word's length (see the xfail test below for why)
    edited = LONG_BODY.replace("word150", "edit150")
    unrelated = " ".join(f"other{i}" for i in range(200))
    recs = [{"id": "orig", "title": "Original", "text": LONG_BODY},
            {"id": "copy", "title": "Copy with another title", "text": LONG_BODY.upper()},
            {"id": "near", "title": "Wire copy", "text": edited},
            {"id": "else", "title": "Unrelated", "text": unrelated},
            # short, but not implausibly so for this folder (short_body is tested in test_bodies)
            {"id": "short", "title": "Short", "text": " ".join(f"brief{i}" for i in range(30))}]
    df = load_clean(write(tmp_path / "d.json", json.dumps(recs)))
    assert len(df) == 5
    got = df.set_index("article_id")[["duplicate_of", "duplicate_kind"]]
    assert got.loc["copy"].tolist() == ["orig", "exact"]
    assert got.loc["near"].tolist() == ["orig", "near"]
    for aid in ("orig", "else", "short"):
        assert got.loc[aid].isna().all(), aid
    nodup = load_clean(tmp_path / "d.json", duplicates=False)
    assert nodup["duplicate_of"].isna().all() and len(nodup) == 5


def test_near_duplicate_when_edit_adds_a_longer_word(tmp_path):
    recs = [{"id": "orig", "text": LONG_BODY},
            {"id": "near", "text": LONG_BODY.replace("word150", "changed150")}]
    df = load_clean(write(tmp_path / "d.json", json.dumps(recs)))
    assert df["duplicate_of"].fillna("-").tolist() == ["-", "orig"]
    assert df["duplicate_kind"].fillna("-").tolist() == ["-", "near"]


def test_duplicates_across_files(tmp_path):
    write(tmp_path / "a.txt", "First\n\n" + LONG_BODY)
    write(tmp_path / "b.txt", "Second\n\n" + LONG_BODY)
    df = load_clean(tmp_path)
    assert df[["article_id", "duplicate_of", "duplicate_kind"]].fillna("-").values.tolist() == [
        ["a", "-", "-"], ["b", "a", "exact"]]


# --------------------------------------------------------------------------- errors


def test_errors_raise_stops_at_first_bad_file(tmp_path):
    write(tmp_path / "a_good.txt", TEXT_PAGE)
    write(tmp_path / "b_empty.txt", "")
    write(tmp_path / "c_truncated.json", '{"title": "x", "te')
    with pytest.raises(ArticleLoadError) as info:
        load_articles(tmp_path, errors="raise")
    assert isinstance(info.value, ValueError)
    assert info.value.error.source_path.endswith("b_empty.txt")
    assert info.value.error.kind == "empty"
    assert "b_empty.txt" in str(info.value)
    with pytest.raises(ArticleLoadError, match="c_truncated.json"):
        load_articles(tmp_path / "c_truncated.json", errors="raise")


def test_errors_raise_is_mediakit_export():
    assert mediakit.ArticleLoadError is ArticleLoadError
    assert issubclass(ArticleLoadError, ValueError)


def test_errors_collect_warns_once_with_summary(tmp_path):
    write(tmp_path / "a_good.txt", TEXT_PAGE)
    write(tmp_path / "b_empty.txt", "")
    write(tmp_path / "c_truncated.json", '{"title": "x", "te')
    write(tmp_path / "d_number.json", "42")
    with pytest.warns(UserWarning) as record:
        df = load_articles(tmp_path)
    ours = [w for w in record if "load_articles" in str(w.message)]
    assert len(ours) == 1
    msg = str(ours[0].message)
    assert "1 article(s) loaded" in msg and "3 errors" in msg
    assert "empty: 1" in msg and "parse: 2" in msg
    errs = load_errors(df)
    assert list(errs.columns) == ["source_path", "record", "status", "kind", "message"]
    assert errs[["kind"]].values.ravel().tolist() == ["empty", "parse", "parse"]
    assert (errs["status"] == "error").all()
    assert isinstance(df.attrs["load_errors"], LoadReport)
    assert "3 errors" in repr(df.attrs["load_errors"])


def test_load_errors_on_foreign_frame_is_empty():
    errs = load_errors(pd.DataFrame({"a": [1]}))
    assert errs.empty
    assert list(errs.columns) == ["source_path", "record", "status", "kind", "message"]


def test_concat_of_loaded_frames(tmp_path):
    write(tmp_path / "one" / "a.txt", TEXT_PAGE)
    write(tmp_path / "two" / "b.json", json.dumps(records(2)))
    write(tmp_path / "three" / "c.txt", "Good\n\nA body.")
    write(tmp_path / "three" / "bad.txt", "")
    d1, d2 = load_clean(tmp_path / "one"), load_clean(tmp_path / "two")
    d3 = load_quiet(tmp_path / "three")
    both = pd.concat([d1, d2], ignore_index=True)
    assert len(both) == 3
    assert list(both.columns)[: len(SCHEMA)] == SCHEMA
    assert isinstance(d1.attrs["load_errors"], LoadReport)
    assert d1.attrs["load_errors"] == d2.attrs["load_errors"]
    assert load_errors(both).empty
    mixed = pd.concat([d1, d3], ignore_index=True)  # different reports: must not raise
    assert len(mixed) == 2
    assert isinstance(load_errors(mixed), pd.DataFrame)
    copied = d3.copy()
    assert copied.attrs["load_errors"] == d3.attrs["load_errors"]
    assert len(load_errors(copied)) == 1


# --------------------------------------------------------------------------- seed article


def test_seed_article():
    df = load_clean(SEED)
    assert len(df) == 1
    r = df.iloc[0]
    assert r["title"] == "Russia secures \u2018safe\u2019 asylum for ousted regime leader Assad"
    assert r["byline"] == "Newsroom"
    assert r["published"] == pd.Timestamp("2024-12-11 10:23", tz="UTC")
    caps = r["captions"]
    assert len(caps) == 2
    assert all(c.endswith("(AFP Photo)") for c in caps)
    assert caps[0].startswith("A billboard bearing")
    assert caps[1].startswith("Portraits of ousted")
    text = r["text"]
    for junk in ("Skip to content", "Last Updated", "(AFP Photo)", "A billboard bearing",
                 "Portraits of ousted"):
        assert junk not in text
    assert "Russia secures 'safe' asylum" not in text
    assert "Russia secures \u2018safe\u2019 asylum" not in text
    assert text.startswith("Russia has successfully transported")
    assert text.endswith("Middle Eastern dynamics.")
    assert "\u201csecured,\u201d" in text
    assert r["article_id"] == "000_fd60bde068b4eb11"
    assert r["source_format"] == "text"
    assert "\n\n" in text and "\n\n\n" not in text


@pytest.mark.parametrize("line, is_caption", [
    ("He said so in an interview with Agence France-Presse (AFP).", False),
    ("Though photos by residents showed his motorcade heading to the airport.", False),
    ("State television later aired his farewell address (video).", False),
    ("A crowd gathers in the square. (AP Photo/Jane Doe)", True),
    ("A crowd gathers in the square. (AFP Photo)", True),
    ("A crowd gathers in the square. Photo: Getty Images", True),
    ("A crowd gathers in the square. REUTERS/Jane Doe", True),
])
def test_caption_rule_keeps_body_sentences(line, is_caption):
    from mediakit.loaders._textpage import parse_text_page

    page = parse_text_page(f"Headline\n\n{line}\n\nAnother body paragraph follows here.")
    assert (page.captions == [line]) is is_caption
    assert (line in page.text) is not is_caption


def test_wrapped_page_keeps_a_line_starting_with_updated():
    from mediakit.loaders._textpage import parse_text_page

    raw = ("Toll rises\nBy Jo Bloggs\nJan 2, 2024\n\n"
           "The ministry released its first count of the dead on Sunday and then\n"
           "updated casualty figures on Monday, saying the toll had risen to 63.\n"
           "Officials said the number was expected to rise further as rescuers dug\n"
           "through the rubble in the old town, where most of the victims lived.\n\n"
           "Last Updated: Jan 2, 2024 11:00 AM\n")
    page = parse_text_page(raw)
    assert page.text.startswith("The ministry released its first count of the dead on Sunday and then "
                                "updated casualty figures on Monday")
    assert "\n" not in page.text and "Last Updated" not in page.text
    assert page.byline == "Jo Bloggs" and page.title == "Toll rises"
