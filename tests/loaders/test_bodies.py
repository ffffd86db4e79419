"""No silent empties: empty and implausibly short bodies in the load report; stray NUL bytes removed.

Self-written fixtures only: a page whose extractor found no body (the SCMP pattern of issue 13), a
teaser page, an outlet's cut-off article, a folder of genuine news briefs, a wire flash, a
titles-only export, and text files with stray NUL bytes.
"""

from __future__ import annotations

import gzip
import io
import math
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mediakit import load_articles, load_errors
from mediakit.loaders._bodies import (
    EMPTY_BODY,
    FLAG_COLUMNS,
    MAX_ROWS_PER_FILE,
    SHORT_BODY,
    body_flags,
    check_bodies,
    left_out_articles,
)
from mediakit.loaders._decode import DecodeFailure, NulFilter, decode_bytes, detect_encoding
from mediakit.loaders._errors import Collector, LoadReport

PARAGRAPH = ("The city council approved the new budget on Monday after a long debate about housing, "
             "transport and the cost of keeping the libraries open through the winter months. ")


def words(n: int) -> str:
    """A body of exactly ``n`` words."""
    pool = PARAGRAPH.replace(",", "").replace(".", "").split()
    return " ".join(pool[i % len(pool)] for i in range(n)) + "."


def frame(**cols) -> pd.DataFrame:
    n = len(next(iter(cols.values())))
    base = {"article_id": [f"a{i}" for i in range(n)], "title": [f"Headline {i}" for i in range(n)],
            "outlet": ["Daily Planet"] * n, "source_path": [f"/c/p{i}.html" for i in range(n)],
            "source_format": ["html"] * n, "source_record": pd.array([None] * n, dtype="Int64")}
    base.update(cols)
    return pd.DataFrame(base)


def recorded(articles: pd.DataFrame, **kw) -> list:
    c = Collector("collect")
    check_bodies(articles, c.add, **kw)
    return c.items


# ------------------------------------------------------------------ empty bodies


@pytest.mark.parametrize("text", ["", "   \n\n ", "— … ·", None, float("nan"), pd.NA])
def test_a_page_without_body_words_is_an_empty_body_warning(text):
    arts = frame(text=[text, words(400)])
    items = recorded(arts)
    assert [(e.source_path, e.record, e.status, e.kind) for e in items] == [
        ("/c/p0.html", None, "warning", EMPTY_BODY)]
    assert "“Headline 0” has no words of body text" in items[0].message


@pytest.mark.parametrize("dtype", ["object", "string", "str"])
def test_the_flags_are_the_same_whatever_holds_the_texts(dtype):
    # the texts are read one at a time from the column (Arrow-backed or not); missing values and non-text count as
    # no body
    texts = [words(400), "", None, words(3), "WASHINGTON (AP) — " + words(5), words(380), words(390), words(410)]
    arts = frame(text=pd.array(texts, dtype=dtype))
    flags = body_flags(arts)
    # empty, missing, a 3-word teaser; the 8-word wire flash is short by design
    assert flags[["position", "kind", "words"]].values.tolist() == [[1, EMPTY_BODY, 0], [2, EMPTY_BODY, 0],
                                                                    [3, SHORT_BODY, 3]]
    pd.testing.assert_frame_equal(flags, body_flags(frame(text=pd.array(texts, dtype="object"))))
    mixed = frame(text=pd.array([words(400), 7, float("nan")], dtype="object"))
    assert body_flags(mixed)["kind"].tolist() == [EMPTY_BODY, EMPTY_BODY]


def test_flagged_articles_stay_in_the_table_unchanged():
    arts = frame(text=["", words(12), words(400)])
    before = arts.copy()
    assert check_bodies(arts, Collector("collect").add) == 2
    pd.testing.assert_frame_equal(arts, before)


def test_the_summary_counts_empty_and_short_bodies():
    arts = frame(text=["", words(12), words(400)])
    assert LoadReport(recorded(arts)).summary() == "2 warnings (empty_body: 1, short_body: 1)"


def test_a_records_row_number_is_kept():
    arts = frame(text=["", words(300)], source_path=["/c/x.jsonl"] * 2, source_format=["jsonl"] * 2,
                 source_record=pd.array([7, 8], dtype="Int64"))
    assert [(e.record, e.kind) for e in recorded(arts)] == [(7, EMPTY_BODY)]


def test_raise_mode_does_not_raise_for_warnings():
    c = Collector("raise")
    assert check_bodies(frame(text=[""]), c.add) == 1 and c.items[0].status == "warning"


# ------------------------------------------------------------------ short bodies


def test_a_titled_page_with_a_teaser_for_a_body_is_short():
    arts = frame(text=[words(20)])
    (item,) = recorded(arts)
    assert item.kind == SHORT_BODY and "only 20 words of body text for a full web page" in item.message


@pytest.mark.parametrize("fmt", ["json", "csv", "text"])
def test_a_short_record_or_text_page_is_not_flagged_on_its_own(fmt):
    arts = frame(text=[words(20)], source_format=[fmt], source_path=[f"/c/a.{fmt}"])
    assert recorded(arts) == []


def test_far_below_the_outlets_median_is_short_for_records_too():
    texts = [words(600 + 10 * i) for i in range(6)] + [words(40)]
    arts = frame(text=texts, source_format=["jsonl"] * 7, source_path=["/c/feed.jsonl"] * 7,
                 source_record=pd.array(range(1, 8), dtype="Int64"))
    (item,) = recorded(arts)
    assert (item.record, item.kind) == (7, SHORT_BODY)
    assert "only 40 words" in item.message and "Daily Planet's 7 articles" in item.message


def test_an_outlet_of_news_briefs_is_not_flagged_en_masse():
    arts = frame(text=[words(25 + i) for i in range(8)])
    assert recorded(arts) == []


def test_articles_without_outlet_are_compared_within_their_folder():
    texts = [words(500)] * 5 + [words(30)] + [words(30)] * 5
    paths = [f"/a/{i}.json" for i in range(6)] + [f"/b/{i}.json" for i in range(5)]
    arts = frame(text=texts, outlet=[None] * 11, source_path=paths, source_format=["json"] * 11)
    assert [(e.source_path, e.kind) for e in recorded(arts)] == [("/a/5.json", SHORT_BODY)]


@pytest.mark.parametrize("dateline", ["NEW YORK (AP) — ", "LONDON, March 3 (Reuters) - ", "PARIS (AFP) – "])
def test_a_wire_flash_is_short_by_design(dateline):
    arts = frame(text=[dateline + words(20)] + [words(700)] * 6)
    assert recorded(arts) == []


def test_a_long_body_without_spaces_is_not_short():
    cjk = "这是一篇关于城市预算的新闻报道" * 200  # 3,000 characters, no spaces
    arts = frame(text=[cjk] + [words(600)] * 6)
    assert recorded(arts) == []


def test_a_page_without_title_is_not_short_by_the_page_rule():
    assert recorded(frame(text=[words(20)], title=[None])) == []


# ------------------------------------------------------------------ titles-only exports


def _export(n: int) -> pd.DataFrame:
    return frame(text=[""] * n, source_path=["/c/headlines.csv"] * n, source_format=["csv"] * n,
                 source_record=pd.array(range(1, n + 1), dtype="Int64"))


def test_a_titles_only_export_already_reported_as_no_text_is_not_reported_again():
    no_text = LoadReport([{"source_path": "/c/headlines.csv", "record": None, "status": "warning",
                           "kind": "no_text", "message": "no text column"}])
    assert recorded(_export(30), reported=no_text.errors) == []
    assert recorded(_export(30), reported=list(no_text)) == []
    assert recorded(_export(30), reported=no_text.to_frame()) == []
    assert recorded(_export(30), titles_only={"/c/headlines.csv"}) == []  # a stream: the row comes later


def test_many_empty_records_of_one_file_are_summed_up_after_a_few():
    items = recorded(_export(30))
    assert len(items) == MAX_ROWS_PER_FILE + 1
    assert [e.record for e in items[:MAX_ROWS_PER_FILE]] == list(range(1, MAX_ROWS_PER_FILE + 1))
    last = items[-1]
    assert last.record is None and last.kind == EMPTY_BODY
    assert last.message.startswith("and 10 more record(s) of this file have an empty body (records 21, 22,")
    assert check_bodies(_export(30), Collector("collect").add) == 30


# ------------------------------------------------------------------ left out of the English metrics


def test_left_out_articles_gives_reasons_and_keeps_short_ones():
    arts = frame(text=["", "Die Regierung hat heute gesagt, dass der Haushalt steht. " * 20, words(12),
                       words(400)],
                 language=[None, "de", "en", "en"])
    left = left_out_articles(arts)
    assert left[["article_id", "reason", "left_out"]].values.tolist() == [
        ["a0", "empty body", True], ["a1", "language de", True], ["a2", "short body", False]]
    assert left["words"].tolist() == [0, 180, 12]
    forced = left_out_articles(arts, languages=None)
    assert forced.loc[forced["article_id"] == "a1", ["reason", "left_out"]].values.tolist() == [
        ["language de (scored anyway)", False]]


def test_left_out_articles_reads_the_language_of_the_metrics_table():
    arts = frame(text=[words(300), words(300)])
    metrics = pd.DataFrame({"article_id": ["a1", "a0"], "language": ["fr", "en"]})
    assert left_out_articles(arts, metrics=metrics)["reason"].tolist() == ["language fr"]


def test_left_out_articles_checks_its_input():
    with pytest.raises(TypeError):
        left_out_articles([1, 2])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="languages"):
        left_out_articles(frame(text=["x"]), languages=[1])  # type: ignore[list-item]


# ------------------------------------------------------------------ hypothesis: never raises, never loses a row

ANY_VALUE = st.one_of(st.text(max_size=300), st.none(), st.just(float("nan")), st.just(pd.NA),
                      st.integers(), st.floats(), st.lists(st.text(max_size=5), max_size=3),
                      st.sampled_from(["", " ", "NEW YORK (AP) — short", words(5), words(60), words(700)]))


@st.composite
def article_frames(draw):
    n = draw(st.integers(min_value=0, max_value=12))
    col = st.lists(ANY_VALUE, min_size=n, max_size=n)
    cols = {"text": draw(col)}
    for name in ("title", "outlet", "source_path", "source_format", "source_record", "article_id", "language"):
        if draw(st.booleans()):
            cols[name] = draw(st.one_of(col, st.lists(st.sampled_from(["html", "text", "json", "A", "B"]),
                                                      min_size=n, max_size=n)))
    index = draw(st.sampled_from([None, "reversed", "repeated"]))
    df = pd.DataFrame(cols)
    if index == "reversed":
        df.index = list(range(n))[::-1]
    elif index == "repeated":
        df.index = [0] * n
    return df


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arts=article_frames())
@example(arts=pd.DataFrame({"text": [None, float("nan"), pd.NA, 5, ["a"], "", "word"]}))
@example(arts=pd.DataFrame({"text": pd.array(["", None], dtype="string"), "source_record": ["x", 2**70]}))
def test_check_bodies_never_raises_and_never_loses_a_row(arts):
    before = arts.copy()
    c = Collector("collect")
    n = check_bodies(arts, c.add)
    pd.testing.assert_frame_equal(arts, before)
    flags = body_flags(arts)
    assert list(flags.columns) == list(FLAG_COLUMNS)
    assert flags["position"].between(0, max(len(arts) - 1, 0)).all() and flags["position"].is_unique
    assert n == len(flags) and len(c.items) == min(n, len(c.items))
    assert all(e.status == "warning" and e.kind in (EMPTY_BODY, SHORT_BODY) for e in c.items)
    assert all(isinstance(e.message, str) and e.message for e in c.items)
    for pos, kind in zip(flags["position"], flags["kind"], strict=True):
        text = arts["text"].iloc[pos]
        if kind == SHORT_BODY:
            assert isinstance(text, str) and text.strip()
    left = left_out_articles(arts)
    assert len(left) <= len(arts)


def test_check_bodies_checks_its_input():
    with pytest.raises(TypeError):
        check_bodies("not a frame", print)  # type: ignore[arg-type]


# ------------------------------------------------------------------ NUL bytes


def _decode(data: bytes) -> tuple[str, str, list[tuple[str, str]]]:
    said: list[tuple[str, str]] = []
    text, enc = decode_bytes(data, on_warning=lambda kind, msg: said.append((kind, msg)))
    return text, enc, said


def test_a_few_stray_nuls_are_removed_with_a_warning():
    data = ("Council approves budget\n\nThe council appro\x00ved the budget on Monday.\x00\n"
            "Caf\u00e9 owners welcomed it.\n").encode("utf-8")
    text, enc, said = _decode(data)
    assert "\x00" not in text and "approved the budget" in text and "Caf\u00e9" in text and enc == "utf-8"
    assert said == [("nul_bytes", "2 stray NUL bytes removed")]


def test_a_zero_filled_tail_is_removed_whatever_its_length():
    text, _, said = _decode(b"Headline\n\nBody text." + b"\x00" * 4096)
    assert text == "Headline\n\nBody text."
    assert said == [("nul_bytes", "4096 stray NUL bytes removed (a zero-filled tail)")]


def test_a_utf8_bom_file_with_a_stray_nul_is_repaired_too():
    text, enc, said = _decode(b"\xef\xbb\xbfHead\x00line\n\nBody.")
    assert (text, enc, [k for k, _ in said]) == ("Headline\n\nBody.", "utf-8-sig", ["nul_bytes"])


def test_a_latin1_file_with_a_late_stray_nul_still_loads():
    data = ("Le caf\u00e9 rouvre ses portes. " * 400).encode("latin-1") + b"\x00\n"
    text, enc, said = _decode(data)
    assert enc == "cp1252" and text.startswith("Le caf\u00e9 rouvre") and "\x00" not in text
    assert said == [("nul_bytes", "1 stray NUL byte removed")]


def test_clean_text_gives_no_warning():
    assert _decode("Caf\u00e9 news.".encode("utf-8"))[2] == []


@pytest.mark.parametrize("data", [
    b"\x00" * 500,  # nothing but NULs
    ("word " * 100).encode("ascii").replace(b" ", b"\x00", 30),  # 30 NULs in 500 bytes: too many
    bytes(range(256)) * 4,  # binary: not UTF-8 once the NULs are gone
    b"notes.txt" + b"\x00" * 248 + b"ustar\x0000" + b"\x00" * 250 + b"The file inside.",  # a tar archive
    b"SQLite format 3\x00" + b"\x00" * 100,
])
def test_real_binary_data_is_still_refused(data):
    with pytest.raises(DecodeFailure) as info:
        decode_bytes(data, on_warning=lambda *_: pytest.fail("no warning for binary data"))
    assert info.value.kind == "binary"


def test_utf16_without_bom_is_still_utf16_not_nul_ridden_utf8():
    data = "A UTF-16 page without any byte-order mark.".encode("utf-16-le")
    text, enc, said = _decode(data)
    assert (text, enc, said) == ("A UTF-16 page without any byte-order mark.", "utf-16-le", [])


def test_a_stream_head_with_a_stray_nul_is_utf8_and_the_filter_removes_every_nul():
    body = b"title,text\n" + b"".join(b"Row %d,Body of row %d.\n" % (i, i) for i in range(5000))
    data = body.replace(b"Row 7,", b"Row 7\x00,").replace(b"Row 4999,", b"Row 4999\x00,") + b"\x00" * 10
    assert detect_encoding(data[:65536]) == "utf-8"
    said: list[tuple[str, str]] = []
    raw = io.BufferedReader(NulFilter(io.BytesIO(data), lambda kind, msg: said.append((kind, msg))))
    with io.TextIOWrapper(raw, encoding="utf-8", newline="") as stream:
        out = stream.read()
    assert out == data.replace(b"\x00", b"").decode("utf-8")
    assert said == [("nul_bytes", "12 stray NUL bytes removed, 10 of them a zero-filled tail")]


def test_a_stream_without_nuls_gives_no_warning():
    with io.TextIOWrapper(io.BufferedReader(NulFilter(io.BytesIO(b"a,b\n"), lambda *_: pytest.fail())),
                          encoding="utf-8") as stream:
        assert stream.read() == "a,b\n"


def test_a_text_file_with_stray_nuls_loads_instead_of_being_refused(tmp_path):
    (tmp_path / "page.txt").write_bytes(b"Council approves budget\n\nThe council\x00 approved the budget "
                                        b"on Monday after a long debate.\n\x00")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = load_articles(tmp_path)
    assert df["title"].tolist() == ["Council approves budget"]
    assert "\x00" not in df["text"].iloc[0] and "council approved" in df["text"].iloc[0]
    assert "binary" not in set(load_errors(df)["kind"])


# ------------------------------------------------------------------ through load_articles (wired by the lead)



def _load(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = load_articles(path)
    df.attrs["warned"] = " ".join(str(w.message) for w in caught)
    return df, load_errors(df)


def test_load_articles_reports_an_empty_page_and_keeps_it(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>Leader flees the capital</title></head>"
                                         "<body><article><h1>Leader flees the capital</h1></article></body></html>")
    (tmp_path / "good.txt").write_text("Council approves budget\n\n" + PARAGRAPH * 5)
    df, errs = _load(tmp_path)
    assert len(df) == 2
    row = errs[errs["kind"] == EMPTY_BODY]
    assert row["source_path"].str.endswith("empty.html").tolist() == [True]
    assert "1 warning (empty_body: 1)" in df.attrs["warned"]


def test_load_articles_reports_stray_nul_bytes(tmp_path):
    (tmp_path / "page.txt").write_bytes(b"Council approves budget\n\n" + PARAGRAPH.encode() * 3 + b"\x00")
    (tmp_path / "rows.csv.gz").write_bytes(gzip.compress(b'title,text\nA,"\x00' + PARAGRAPH.encode() * 3 + b'"\n'))
    df, errs = _load(tmp_path)
    assert len(df) == 2 and not df["text"].str.contains("\x00").any()
    nul = errs[errs["kind"] == "nul_bytes"]
    assert sorted(Path(p).name for p in nul["source_path"]) == ["page.txt", "rows.csv.gz"]
    assert (nul["status"] == "warning").all() and set(errs["kind"]) == {"nul_bytes"}


def test_nan_words_are_never_reported():
    flags = body_flags(frame(text=[float("nan"), words(300)]))
    assert flags["words"].tolist() == [0] and not any(math.isnan(w) for w in flags["words"])
