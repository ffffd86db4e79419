"""load_articles on hostile input: every good article kept, every bad file accounted for.

One folder of hostile files is built in a temporary directory and loaded in one
call (module fixture); each test then checks one file. Hypothesis throws arbitrary
bytes and text at the loader at the end.
"""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
import unicodedata
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import mediakit
from mediakit import ARTICLE_COLUMNS, load_articles, load_errors

SCHEMA = [c.name for c in ARTICLE_COLUMNS]
MAX_SIZE = 250_000  # bytes; deep.json (200 kB) fits, huge.txt does not
NEST = 100_000
SCRIPT_TOKENS = ("SCRIPT_TOKEN_HEAD", "SCRIPT_TOKEN_BODY", "SCRIPT_TOKEN_ONLY", "PWNED",
                 "writeFileSync", "os.system", "onerror", "alert(")


def quiet_load(source, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_articles(source, **kw)


def _page(title: str, body: str) -> str:
    return f"{title}\nBy Staff Reporter\n\n{body}\n"


def build_hostile_folder(root: Path, sentinel: Path) -> None:
    root.mkdir(parents=True)
    rnd = random.Random(20241211)
    files: dict[str, bytes | str] = {
        # good articles
        "good_1.txt": _page("Council approves budget", "The city council approved the budget "
                            "on Monday after a long debate about housing."),
        "good_2.json": json.dumps({"title": "Floods recede", "text": "Water levels fell overnight "
                                   "across the valley.", "outlet": "Valley News"}),
        "good_3.html": ("<html><head><title>Schools reopen</title></head><body><article>"
                        "<h1>Schools reopen</h1><p>Schools across the region reopened on Tuesday "
                        "after the winter break, with attendance close to normal levels.</p>"
                        "<p>Teachers said pupils were glad to be back in class.</p>"
                        "</article></body></html>"),
        # bad files
        "empty.txt": b"",
        "blank.txt": " \n\t \r\n   \n\u00a0\n",
        "junk.txt": bytes(rnd.randrange(256) for _ in range(3000)) + b"\x00" * 64,
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rnd.randrange(256) for _ in range(500)),
        "document.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "latin1.txt": _page("Le caf\u00e9 rouvre", "Le caf\u00e9 de la place a rouvert ses portes, "
                            "au grand plaisir des habitu\u00e9s.").encode("latin-1"),
        "utf16_bom.txt": _page("Caf\u00e9 \u201cnews\u201d with BOM", "A UTF-16 page with a "
                               "byte-order mark and curly \u201cquotes\u201d.").encode("utf-16"),
        "utf16_nobom.txt": _page("Caf\u00e9 news without BOM", "A UTF-16 little-endian page "
                                 "without any byte-order mark at all.").encode("utf-16-le"),
        "truncated.json": '[{"title": "Cut off", "text": "This JSON file ends in the mid',
        "broken_line.jsonl": (json.dumps({"title": "Line one", "text": "First line body."}) + "\n"
                              + '{"title": "Line two", "text": "no closing brace"\n'
                              + json.dumps({"title": "Line three", "text": "Third line body."}) + "\n"),
        "no_text_column.csv": "id,views,score\n1,100,0.5\n2,200,0.7\n",
        "malformed_row.csv": ("title,text\nRow one,First row body.\n"
                              "Row two,Second row,with,too many,fields\nRow three,Third row body.\n"),
        "huge.txt": _page("Too big", "word " * (MAX_SIZE // 5 + 2000)),
        "scripts.html": (
            "<html><head><title>Market news</title>"
            "<script>var SCRIPT_TOKEN_HEAD = 1; require('fs').writeFileSync("
            f"{json.dumps(str(sentinel))}, 'PWNED');</script>"
            "<script type=\"text/python\">import os; os.system('touch "
            f"{sentinel}')</script></head><body>"
            + "<script>document.write('SCRIPT_TOKEN_BODY')</script>" * 50
            + "<article><h1>Market news</h1><p>Shares rose on Friday as investors welcomed "
              "the central bank decision to hold rates steady for another quarter.</p>"
              "<script>alert('SCRIPT_TOKEN_BODY')</script>"
              "<img src=\"x\" onerror=\"fetch('/PWNED')\">"
              "<p>Analysts expect the rally to continue into next week.</p></article>"
            + "<noscript>SCRIPT_TOKEN_BODY</noscript></body></html>"),
        "scripts_only.html": ("<html><head><script>var SCRIPT_TOKEN_ONLY = 2;</script></head><body>"
                              + "<script>SCRIPT_TOKEN_ONLY()</script>" * 200 + "</body></html>"),
        "number.json": "42",
        "deep.json": "[" * NEST + "]" * NEST,
        "deep_line.jsonl": ('{"a": ' * NEST + "1" + "}" * NEST + "\n"
                            + json.dumps({"title": "After deep", "text": "Survivor line."}) + "\n"),
        "deep.html": "<html><body>" + "<div>" * 10_000 + "deep" + "</div>" * 10_000 + "</body></html>",
        "corrupt.parquet": b"PAR1" + bytes(rnd.randrange(256) for _ in range(200)),
        "bad.json.gz": b"\x1f\x8b\x08\x00\x00\x00\x00\x00truncated gzip",
    }
    for name, content in files.items():
        path = root / name
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
    os.symlink(root / "nowhere.txt", root / "broken_link.txt")
    os.symlink(root / "loop_b.txt", root / "loop_a.txt")
    os.symlink(root / "loop_a.txt", root / "loop_b.txt")
    (root / "sub").mkdir()
    os.symlink(root, root / "sub" / "back_to_root")  # a directory cycle must not hang the walk


GOOD = ("good_1.txt", "good_2.json", "good_3.html")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    root, sentinel = base / "corpus", base / "PWNED"
    build_hostile_folder(root, sentinel)
    cwd = os.getcwd()
    os.chdir(base)  # a relative 'touch PWNED' would land here too
    try:
        with pytest.warns(UserWarning, match="load_articles") as rec:
            df = load_articles(root, max_file_size=MAX_SIZE)
    finally:
        os.chdir(cwd)
    assert len([w for w in rec if "load_articles" in str(w.message)]) == 1
    return root, sentinel, df, load_errors(df)


def names(series: pd.Series) -> list[str]:
    return [Path(p).name for p in series]


def rows_of(df: pd.DataFrame, name: str) -> pd.DataFrame:
    return df[df["source_path"].map(lambda p: Path(p).name) == name]


def test_schema_and_good_articles_all_kept(hostile):
    _, _, df, _ = hostile
    assert list(df.columns)[: len(SCHEMA)] == SCHEMA
    loaded = set(names(df["source_path"]))
    assert set(GOOD) <= loaded
    assert rows_of(df, "good_1.txt")["title"].tolist() == ["Council approves budget"]
    assert rows_of(df, "good_2.json")["outlet"].tolist() == ["Valley News"]
    assert rows_of(df, "good_3.html")["title"].tolist() == ["Schools reopen"]
    assert "pupils were glad" in rows_of(df, "good_3.html")["text"].iloc[0]
    assert df["article_id"].is_unique


def test_good_files_have_no_error_rows(hostile):
    _, _, _, errs = hostile
    assert not set(names(errs["source_path"])) & set(GOOD)


@pytest.mark.parametrize("name, kinds", [
    ("empty.txt", {"empty"}),
    ("blank.txt", {"empty"}),
    ("junk.txt", {"binary"}),
    ("image.txt", {"binary"}),
    ("document.txt", {"binary"}),
    ("truncated.json", {"parse"}),
    ("no_text_column.csv", {"no_text"}),
    ("huge.txt", {"too_large"}),
    ("scripts_only.html", {"parse", "no_text"}),
    ("number.json", {"parse"}),
    ("deep.json", {"parse"}),
    ("corrupt.parquet", {"parse"}),
    ("bad.json.gz", {"decode", "read"}),
])
def test_bad_file_listed_with_sensible_kind(hostile, name, kinds):
    _, _, df, errs = hostile
    assert rows_of(df, name).empty, f"{name} should load nothing"
    mine = rows_of(errs, name)
    assert len(mine) == 1, errs.to_string()
    e = mine.iloc[0]
    assert e["status"] == "error"
    assert e["kind"] in kinds, (name, e["kind"], e["message"])
    assert e["message"].strip()
    assert pd.isna(e["record"])


def test_deep_json_recursion_is_caught(hostile):
    _, _, _, errs = hostile
    msg = rows_of(errs, "deep.json")["message"].iloc[0]
    assert "recursion" in msg.lower()


def test_deep_jsonl_line_is_an_error_and_next_line_loads(hostile):
    _, _, df, errs = hostile
    assert rows_of(df, "deep_line.jsonl")["title"].tolist() == ["After deep"]
    e = rows_of(errs, "deep_line.jsonl")
    assert e[["record", "kind"]].values.tolist() == [[1, "parse"]]


def test_deep_html_does_not_crash(hostile):
    _, _, df, errs = hostile
    assert len(rows_of(df, "deep.html")) + len(rows_of(errs, "deep.html")) >= 1


def test_latin1_file_loads_with_accents(hostile):
    _, _, df, errs = hostile
    r = rows_of(df, "latin1.txt")
    assert r["title"].tolist() == ["Le caf\u00e9 rouvre"]
    assert "Le caf\u00e9 de la place" in r["text"].iloc[0]
    assert "habitu\u00e9s" in r["text"].iloc[0]
    assert rows_of(errs, "latin1.txt").empty


@pytest.mark.parametrize("name, title", [
    ("utf16_bom.txt", "Caf\u00e9 \u201cnews\u201d with BOM"),
    ("utf16_nobom.txt", "Caf\u00e9 news without BOM"),
])
def test_utf16_files_load(hostile, name, title):
    _, _, df, errs = hostile
    r = rows_of(df, name)
    assert r["title"].tolist() == [title]
    assert r["byline"].tolist() == ["Staff Reporter"]
    assert r["text"].iloc[0].startswith("A UTF-16")
    assert "\x00" not in r["text"].iloc[0]
    assert rows_of(errs, name).empty


def test_jsonl_broken_line(hostile):
    _, _, df, errs = hostile
    r = rows_of(df, "broken_line.jsonl")
    assert r["title"].tolist() == ["Line one", "Line three"]
    assert r["source_record"].tolist() == [1, 3]
    e = rows_of(errs, "broken_line.jsonl")
    assert e[["record", "status", "kind"]].values.tolist() == [[2, "error", "parse"]]


def test_csv_malformed_row(hostile):
    _, _, df, errs = hostile
    assert rows_of(df, "malformed_row.csv")["title"].tolist() == ["Row one", "Row three"]
    e = rows_of(errs, "malformed_row.csv")
    assert e[["record", "kind"]].values.tolist() == [[2, "parse"]]


def test_scripts_never_extracted_nor_executed(hostile):
    _, sentinel, df, _ = hostile
    r = rows_of(df, "scripts.html")
    assert len(r) == 1
    assert "Shares rose on Friday" in r["text"].iloc[0]
    assert "rally to continue" in r["text"].iloc[0]
    for col in ("title", "byline", "text", "url", "outlet"):
        for value in df[col].dropna():
            for token in SCRIPT_TOKENS:
                assert token not in value, (col, token)
    for caps in df["captions"]:
        assert not any(t in c for c in caps for t in SCRIPT_TOKENS)
    assert not sentinel.exists()
    assert not (sentinel.parent / "corpus" / "PWNED").exists()


def test_every_regular_file_loaded_or_listed(hostile):
    root, _, df, errs = hostile
    regular = {p.name for p in root.iterdir() if p.is_file() and not p.is_symlink()}
    accounted = set(names(df["source_path"])) | set(names(errs["source_path"]))
    assert regular <= accounted, regular - accounted


def test_symlinks_do_not_break_the_load(hostile):
    root, _, df, errs = hostile
    # the directory cycle is not followed into an endless walk, nor read twice
    assert not any("back_to_root" in p for p in df["source_path"])
    assert rows_of(df, "good_1.txt").shape[0] == 1


@pytest.mark.parametrize("name", ["broken_link.txt", "loop_a.txt", "loop_b.txt"])
def test_bad_symlinks_listed(hostile, name):
    _, _, _, errs = hostile
    assert len(rows_of(errs, name)) == 1, errs.to_string()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="running as root: a chmod 000 file is still readable")
def test_unreadable_file(tmp_path):
    (tmp_path / "ok.txt").write_text(_page("Readable", "This one can be read."))
    locked = tmp_path / "locked.txt"
    locked.write_text(_page("Locked", "Nobody may read this."))
    locked.chmod(0)
    try:
        df = quiet_load(tmp_path)
    finally:
        locked.chmod(0o644)
    assert names(df["source_path"]) == ["ok.txt"]
    e = rows_of(load_errors(df), "locked.txt")
    assert e[["status", "kind"]].values.tolist() == [["error", "read"]]


def test_small_max_file_size(tmp_path):
    small = tmp_path / "small.txt"
    small.write_text(_page("Small", "Fits easily."))
    big = tmp_path / "big.txt"
    big.write_text(_page("Big", "word " * 400))
    big_json = tmp_path / "big.json"
    big_json.write_text(json.dumps({"title": "Big JSON", "text": "word " * 400}))
    df = quiet_load(tmp_path, max_file_size=1000)
    assert names(df["source_path"]) == ["small.txt"]
    errs = load_errors(df)
    assert sorted(names(errs["source_path"])) == ["big.json", "big.txt"]
    assert set(errs["kind"]) == {"too_large"}
    assert all("max_file_size" in m for m in errs["message"])


def test_too_large_message_states_real_sizes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(_page("Big", "word " * 400))
    msg = load_errors(quiet_load(big, max_file_size=1000))["message"].iloc[0]
    assert not re.search(r"\b0 MiB", msg), msg


def test_corrupt_gzip_is_a_decode_error(tmp_path):
    path = tmp_path / "bad.json.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00truncated gzip")
    errs = load_errors(quiet_load(path))
    assert errs[["status", "kind"]].values.tolist() == [["error", "decode"]]
    assert "gzip" in errs.loc[0, "message"]


def _truncated_jsonl_gz(path: Path, n: int = 2000) -> None:
    import gzip

    rnd = random.Random(7)
    words = [f"w{i}" for i in range(3000)]
    lines = "".join(json.dumps({"title": f"Story {i}", "text": " ".join(rnd.choices(words, k=40))})
                    + "\n" for i in range(n)).encode()
    packed = gzip.compress(lines)
    path.write_bytes(packed[: len(packed) // 2])


def test_truncated_jsonl_gz_keeps_complete_lines(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    _truncated_jsonl_gz(path)
    df = quiet_load(path)
    errs = load_errors(df)
    assert len(errs) >= 1
    assert len(df) >= 100
    assert df["title"].iloc[0] == "Story 0"


def test_truncated_jsonl_gz_is_listed(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    _truncated_jsonl_gz(path)
    errs = load_errors(quiet_load(path))
    assert errs["status"].tolist() == ["error"]
    assert errs["kind"].iloc[0] in {"decode", "read"}


# ------------------------------------------------- record formats bypass encoding detection

LATIN1_CSV = "title,text\nLe caf\u00e9,Un caf\u00e9 noir et un croissant.\n"
LATIN1_JSONL = json.dumps({"title": "Le caf\u00e9", "text": "Un caf\u00e9 noir."}, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("name, content", [("lat.csv", LATIN1_CSV), ("lat.jsonl", LATIN1_JSONL)])
def test_latin1_record_files_decode_correctly(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1"))
    df = quiet_load(path)
    assert df["title"].tolist() == ["Le caf\u00e9"]
    assert "\ufffd" not in df["text"].iloc[0]


@pytest.mark.parametrize("name, content, encoding", [
    ("u16.csv", LATIN1_CSV, "utf-16-le"),
    ("u16.jsonl", LATIN1_JSONL, "utf-16-le"),
    ("u32.jsonl", LATIN1_JSONL, "utf-32"),
])
def test_utf16_and_utf32_record_files_load(tmp_path, name, content, encoding):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    df = quiet_load(path)
    assert df["title"].tolist() == ["Le caf\u00e9"]


def test_utf16_bom_csv_loads(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(LATIN1_CSV.encode("utf-16"))
    df = quiet_load(path)
    assert df["title"].tolist() == ["Le caf\u00e9"]
    assert load_errors(df).empty


@pytest.mark.parametrize("name", ["image.csv", "image.jsonl"])
def test_binary_named_as_record_file_is_binary(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 3)
    df = quiet_load(path)
    errs = load_errors(df)
    assert len(df) == 0
    assert errs[["status", "kind"]].values.tolist() == [["error", "binary"]]


# ------------------------------------------------- files that yield nothing and no error row


def _write_empty_parquet(path: Path) -> None:
    pd.DataFrame({"title": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)}).to_parquet(path)


SILENT_CASES = {
    "empty_list.json": "[]",
    "empty_wrapper.json": '{"articles": []}',
    "header_only.csv": "title,text\n",
    "blank_rows.csv": "title,text\n,\n , \n",
    "empty.parquet": None,
}


@pytest.mark.parametrize("name", sorted(SILENT_CASES))
def test_file_with_no_records_is_listed(tmp_path, name):
    path = tmp_path / name
    if SILENT_CASES[name] is None:
        _write_empty_parquet(path)
    else:
        path.write_text(SILENT_CASES[name])
    df = quiet_load(path)
    assert len(df) == 0
    assert len(load_errors(df)) >= 1


def test_jsonl_with_no_records_is_listed(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n  \n")
    errs = load_errors(quiet_load(path))
    assert errs["kind"].tolist() == ["empty"]


# ------------------------------------------------- only input problems are recorded

GOOD_HTML = ("<html><head><title>Schools reopen</title></head><body><article><p>Schools "
             "across the region reopened on Tuesday after the winter break.</p>"
             "</article></body></html>")


def _raiser(exc: BaseException):
    def raise_it(*args, **kwargs):
        raise exc
    return raise_it


def test_import_error_in_html_parser_propagates(tmp_path, monkeypatch):
    from mediakit.loaders import _reader

    (tmp_path / "page.html").write_text(GOOD_HTML)
    (tmp_path / "ok.txt").write_text(_page("Readable", "This one can be read."))
    monkeypatch.setattr(_reader, "parse_html_page",
                        _raiser(ImportError("No module named 'lxml_html_clean'")))
    with pytest.raises(ImportError, match="lxml_html_clean"):
        quiet_load(tmp_path)
    with pytest.raises(ImportError, match="lxml_html_clean"):
        list(mediakit.iter_articles(tmp_path, chunksize=1))


@pytest.mark.parametrize("target, exc", [
    ("parse_text_page", TypeError("unsupported operand type(s)")),
    ("record_to_article", AttributeError("'NoneType' object has no attribute 'get'")),
    ("record_to_article", ValueError("a bug that says columns= in its message")),
])
def test_bug_in_a_parser_propagates(tmp_path, monkeypatch, target, exc):
    from mediakit.loaders import _reader

    (tmp_path / "a.txt").write_text(_page("Page", "A plain text page."))
    (tmp_path / "b.json").write_text(json.dumps({"title": "Record", "text": "A JSON record."}))
    (tmp_path / "c.jsonl").write_text(json.dumps({"title": "Line", "text": "A JSONL line."}) + "\n")
    monkeypatch.setattr(_reader, target, _raiser(exc))
    with pytest.raises(type(exc)):
        quiet_load(tmp_path)
    with pytest.raises(type(exc)):
        list(mediakit.iter_articles(tmp_path))


def test_missing_parquet_engine_propagates(tmp_path, monkeypatch):
    pd.DataFrame({"title": ["T"], "text": ["Body."]}).to_parquet(tmp_path / "a.parquet")
    monkeypatch.setattr(pd, "read_parquet", _raiser(ImportError("Unable to find a usable engine")))
    with pytest.raises(ImportError, match="usable engine"):
        quiet_load(tmp_path)


def test_garbage_and_unreadable_files_still_become_rows(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text(_page("Readable", "This one can be read."))
    (tmp_path / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "locked.txt").write_text(_page("Locked", "Nobody may read this."))
    read_bytes = Path.read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    df = quiet_load(tmp_path)
    assert names(df["source_path"]) == ["ok.txt"]
    errs = load_errors(df)
    kinds = dict(zip(names(errs["source_path"]), errs["kind"], strict=True))
    assert kinds == {"garbage.txt": "binary", "locked.txt": "read"}
    assert "Permission denied" in rows_of(errs, "locked.txt")["message"].iloc[0]


def test_too_deeply_nested_record_is_a_parse_row(tmp_path):
    deep = '{"text": "Body.", "title": ' + "[" * 600 + '"x"' + "]" * 600 + "}"
    (tmp_path / "deep.jsonl").write_text(deep + "\n" + json.dumps({"title": "Next", "text": "Kept."}) + "\n")
    df = quiet_load(tmp_path)
    assert df["title"].tolist() == ["Next"]
    errs = load_errors(df)
    assert errs[["record", "status", "kind"]].values.tolist() == [[1, "error", "parse"]]
    assert "nested too deeply" in errs["message"].iloc[0]


# ------------------------------------------------- hypothesis

EXTENSIONS = [".txt", ".json", ".jsonl", ".csv", ".html"]
FRAGMENTS = [b"[", b"]", b"{", b"}", b'"', b":", b",", b"\n", b"\r\n", b"\t", b" ", b"text",
             b"title", b"articles", b'"text"', b'"title"', b"<html>", b"<p>", b"</p>", b"<script>",
             b"By ", b"Dec 11, 2024", b"(AFP Photo)", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
             b"\xe9", b"caf\xc3\xa9", b"\x1f\x8b", b"PAR1", b"%PDF", b"42", b"null", b"\\u0000"]

arbitrary_bytes = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(b"".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=8)), max_size=30).map(b"".join),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=arbitrary_bytes, ext=st.sampled_from(EXTENSIONS))
@example(data=b"", ext=".csv")
@example(data=b"\xff\xfe\x00", ext=".jsonl")
@example(data=b"text\n\x00\n", ext=".csv")
@example(data=b'{"text": "a"}\n{', ext=".json")
@example(data=b"<p>", ext=".html")
@example(data=b"\x1f\x8b", ext=".txt")
def test_arbitrary_bytes_never_raise_and_never_vanish(data, ext):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"f{ext}"
        path.write_bytes(data)
        df = quiet_load(path, errors="collect")
        errs = load_errors(df)
        assert list(df.columns)[: len(SCHEMA)] == SCHEMA
        for col in ARTICLE_COLUMNS:
            assert str(df[col.name].dtype) == col.dtype
        assert set(errs["status"]) <= {"error", "warning", "skipped"}
        assert (errs["source_path"] == str(path)).all()
        assert len(df) + len(errs) >= 1, f"{ext} file {data!r} silently lost"
        for t in df["text"]:
            assert isinstance(t, str)
        # every problem is described in words, not as a raw internal exception
        raw = errs[errs["message"].str.match(r"^[A-Z]\w*(?:Error|Exception)\b")]
        assert raw.empty, raw.to_string()


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@settings(max_examples=250, deadline=None)
@given(text=st.text(max_size=400))
@example(text="Title\r\n\x0bBody\x00 with \x85 NEL and \u2028 LS\x1f\x7f")
@example(text="\x00")
@example(text="A\u0301\u00a0\u200b\ufeff")
def test_arbitrary_text_page_gives_clean_text(text):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "page.txt"
        path.write_bytes(text.encode("utf-8"))
        df = quiet_load(path)
        errs = load_errors(df)
        assert len(df) + len(errs) >= 1
        for _, r in df.iterrows():
            assert isinstance(r["text"], str)
            assert not _CONTROL.search(r["text"]), ascii(r["text"])
            assert unicodedata.is_normalized("NFC", r["text"])
            for col in ("title", "byline"):
                if not pd.isna(r[col]):
                    assert not _CONTROL.search(r[col]) and "\n" not in r[col] and "\t" not in r[col]


def _normalize_text_reference(text: str) -> str:
    """normalize_text as plain successive substitutions (no fast paths): the definition."""
    from mediakit.text import _normalize as n

    text = unicodedata.normalize("NFC", text)
    text = n._LINE_BREAKS.sub("\n", text)
    text = n._INVISIBLE.sub("", text)
    text = text.replace("\x85", "\n")
    text = n._CONTROL.sub("", text)
    text = n._ODD_SPACES.sub(" ", text)
    text = n._TRAILING_SPACE.sub("\n", text)
    text = n._MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


_TRICKY = st.lists(st.one_of(
    st.sampled_from(["\r", "\n", "\r\n", "\u2028", "\u2029", "\x85", " ", "\t", "\u00a0", "\u200b",
                     "\ufeff", "\u00ad", "\x00", "\x1f", "\x7f", "\x9f", "\u3000", "\u202f", "e\u0301",
                     "\u2019", "\u201c", "word", "\n\n\n", " \n", "\t\n"]),
    st.text(max_size=4)), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=_TRICKY)
@example(text=" \u00a0\n\x00\n\n\u200b\nA")  # a substitution makes a trailing space / blank-line run
def test_normalize_text_fast_paths_equal_the_plain_definition(text):
    from mediakit.text import normalize_text

    assert normalize_text(text) == _normalize_text_reference(text)
