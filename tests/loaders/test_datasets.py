"""mediakit.datasets: readers for the shared research corpora.

Two kinds of tests:

* small synthetic corpora written into ``tmp_path`` (always run): parsing rules,
  malformed records, offset repair, streaming;
* the real corpora at ``../shared/corpora`` (skipped with a reason when absent):
  counts, unique ids, schema dtypes, and that every gold offset selects its text.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from mediakit import ARTICLE_COLUMNS
from mediakit import datasets as ds
from mediakit.text import PHOTO_CREDIT_RE

from ..conftest import PROJECT

CORPORA = Path(os.environ.get("MEDIAKIT_CORPORA") or PROJECT.parent / "shared" / "corpora")
POLNEAR_OUTLETS = {"Breitbart", "HuffPost", "New York Times", "Politico", "USA Today",
                   "Washington Post", "Western Journal"}


@pytest.fixture(scope="module")
def corpus_root() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"needs ../shared/corpora (looked for {CORPORA})")
    return CORPORA


def assert_schema(df: pd.DataFrame) -> None:
    """Schema columns first, in order, with their dtypes; published is tz-aware UTC."""
    names = [c.name for c in ARTICLE_COLUMNS]
    assert list(df.columns[: len(names)]) == names
    for c in ARTICLE_COLUMNS:
        assert str(df[c.name].dtype) == c.dtype, (c.name, df[c.name].dtype)
    assert str(df["published"].dt.tz) == "UTC"
    assert df["article_id"].is_unique
    assert df["captions"].map(lambda v: isinstance(v, list) and all(isinstance(c, str) for c in v)).all()
    # the BBC's pages keep photo and video furniture in their text, the others an agency's captions ending in the
    # photo credit, or a CNN video player's title, one line (split_media_captions)
    others = [c for cs, o in zip(df["captions"], df["outlet"], strict=True) if o != "BBC News" for c in cs]
    assert all(PHOTO_CREDIT_RE.search(c[-160:]) or (len(c) <= 200 and "\n" not in c) for c in others)
    assert df["duplicate_of"].isna().all() and df["duplicate_kind"].isna().all()


def fragments_text(text: str, spans: list[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in spans)


# =========================================================================== corpora_dir


def test_corpora_dir_env_var_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIAKIT_CORPORA", str(tmp_path))
    assert ds.corpora_dir() == tmp_path.resolve()


def test_corpora_dir_env_var_missing_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIAKIT_CORPORA", str(tmp_path / "nope"))
    with pytest.raises(FileNotFoundError, match="MEDIAKIT_CORPORA"):
        ds.corpora_dir()


def test_corpora_dir_searches_parents(tmp_path, monkeypatch):
    (tmp_path / "shared" / "corpora").mkdir(parents=True)
    deep = tmp_path / "main" / "notebooks"
    deep.mkdir(parents=True)
    monkeypatch.delenv("MEDIAKIT_CORPORA", raising=False)
    monkeypatch.chdir(deep)
    assert ds.corpora_dir() == (tmp_path / "shared" / "corpora").resolve()


def test_corpora_dir_not_found_says_what_it_looked_for(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIAKIT_CORPORA", raising=False)
    monkeypatch.chdir(tmp_path)
    if any((p / "shared" / "corpora").is_dir() for p in (tmp_path, *tmp_path.parents)):
        pytest.skip("a shared/corpora folder exists above the temporary directory")
    with pytest.raises(FileNotFoundError, match=r"shared/corpora.*MEDIAKIT_CORPORA"):
        ds.corpora_dir()


def test_missing_root_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        ds.load_polnear(root=tmp_path / "nope")
    with pytest.raises(FileNotFoundError):
        ds.load_basil(root=tmp_path / "nope")
    with pytest.raises(FileNotFoundError):
        ds.load_allsides(tmp_path / "nope.jsonl.gz")


# =========================================================================== PolNeAR (synthetic)

# Title on two lines, a CRLF and a no-break space that must survive, a content
# that crosses a paragraph break (its brat text holds a newline).
NYT_TEXT = (
    "Candidates vie; \nTrump and Clinton spar.\n\n"
    "The Post reports that the race is tight.\r\n"
    "\u201cWe will win,\u201d he said, \u201cand soon.\u201d\u00a0"
    "Officials said the count\n\ncontinues tonight.\n"
)


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def _t(tid: str, label: str, text: str, frags: list[tuple[int, int]]) -> str:
    offs = ";".join(f"{a} {b}" for a, b in frags)
    return f"{tid}\t{label} {offs}\t{fragments_text(text, frags)}"


@pytest.fixture()
def mini_polnear(tmp_path: Path) -> Path:
    root = tmp_path / "polnear"
    for sp in ("train", "dev"):
        (root / sp / "text").mkdir(parents=True)
        (root / sp / "attributions").mkdir(parents=True)
    header = ("compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\t"
              "trump_count\tclinton_count\tcredit\twire")
    rows = [
        "dev\tnyt_2016-09-20_race\t1\ta111|b222\tnyt\t2016-09-20\tNone\t\"Candidates\" vie\t1\t1\tNone\treuters",
        "dev\thuff-post_2016-09-21_b\t1\ta111\thuff-post\t2016-09-21\tJane Roe\tB\t0\t0\th/t: X\tNone",
        "train\twash-post_2016-01-02_c\t1\ta111\twash-post\t2016-01-02\t\tC\t0\t0\tNone\tNA",
    ]
    (root / "metadata.tsv").write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (root / "dev" / "text" / "nyt_2016-09-20_race.txt").write_bytes(NYT_TEXT.encode("utf-8"))
    (root / "dev" / "text" / "huff-post_2016-09-21_b.txt").write_text("B.\n\nNothing said.\n",
                                                                       encoding="utf-8")
    (root / "train" / "text" / "wash-post_2016-01-02_c.txt").write_text("C.\n\nBody.", encoding="utf-8")

    t = NYT_TEXT
    post, reports = _span(t, "The Post"), _span(t, "reports")
    race = _span(t, "that the race is tight")
    we_win, and_soon = _span(t, "We will win,"), _span(t, "and soon.")
    he, said1 = _span(t, "he said"), None
    he = (he[0], he[0] + 2)
    said1 = (he[0] + 3, he[0] + 7)
    officials_said = _span(t, "said the count")
    cue2 = (officials_said[0], officials_said[0] + 4)
    count_cont = (cue2[1] + 1, _span(t, "continues tonight")[1])  # crosses "\n\n"
    ann = "\n".join([
        _t("T1", "Source", t, [post]),
        _t("T2", "Cue", t, [reports]),
        _t("T3", "Content", t, [race]),
        _t("T4", "Attribution", t, [reports]),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        # discontinuous content written in reverse order, plus a Content2 piece
        _t("T5", "Content", t, [(we_win[0] + 3, we_win[1]), (we_win[0], we_win[0] + 2)]),
        _t("T6", "Content", t, [and_soon]),
        _t("T7", "Source", t, [he]),
        _t("T8", "Cue", t, [said1]),
        _t("T9", "Attribution", t, [said1]),
        "E2\tAttribution:T9 Cue:T8 Source:T7 Content:T5 Content2:T6",
        # no source; its content spans a paragraph break
        _t("T10", "Cue", t, [cue2]),
        _t("T11", "Content", t, [count_cont]),
        _t("T12", "Attribution-no-source", t, [cue2]),
        "E3\tAttribution-no-source:T12 Content:T11 Cue:T10",
        _t("T13", "Discard", t, [post]),
        "#1\tAnnotatorNotes T13\tnot an attribution",
        "T14\tContent twelve 15\tbroken offsets",  # malformed span: skipped
        "E4\tAttribution:T4 Content:T99 Cue:T2",   # refers to a missing span: skipped
        "E5\tAttribution:T4",                       # trigger only: kept, all roles empty
    ]) + "\n"
    assert "\n" in fragments_text(t, [count_cont])
    (root / "dev" / "attributions" / "nyt_2016-09-20_race_a111.ann").write_text(ann, encoding="utf-8")
    other = _t("T1", "Cue", t, [reports]) + "\nE1\tAttribution:T1 Cue:T1\n"
    (root / "dev" / "attributions" / "nyt_2016-09-20_race_b222.ann").write_text(other, encoding="utf-8")
    (root / "dev" / "attributions" / "huff-post_2016-09-21_b_a111.ann").write_text("", encoding="utf-8")
    return root


def test_polnear_articles_synthetic(mini_polnear):
    df = ds.load_polnear(mini_polnear, split=["dev", "train"])
    assert_schema(df)
    assert df["article_id"].tolist() == ["huff-post_2016-09-21_b", "nyt_2016-09-20_race",
                                         "wash-post_2016-01-02_c"]
    assert df["split"].tolist() == ["dev", "dev", "train"]
    nyt = df.set_index("article_id").loc["nyt_2016-09-20_race"]
    assert nyt["text"] == NYT_TEXT                       # CRLF and no-break space kept
    assert nyt["title"] == "Candidates vie; Trump and Clinton spar."
    assert (nyt["outlet"], nyt["outlet_raw"]) == ("New York Times", "nyt")
    assert pd.isna(nyt["byline"]) and pd.isna(nyt["credit"])
    assert nyt["wire"] == "Reuters"
    assert nyt["published"] == pd.Timestamp("2016-09-20", tz="UTC")
    assert nyt["source_format"] == "text" and pd.isna(nyt["source_record"])
    huff = df.set_index("article_id").loc["huff-post_2016-09-21_b"]
    assert (huff["outlet"], huff["byline"], huff["credit"]) == ("HuffPost", "Jane Roe", "h/t: X")
    assert pd.isna(huff["wire"])
    wash = df.set_index("article_id").loc["wash-post_2016-01-02_c"]
    assert wash["outlet"] == "Washington Post" and pd.isna(wash["byline"]) and pd.isna(wash["wire"])
    assert ds.load_polnear(mini_polnear, split="dev")["split"].eq("dev").all()


def test_polnear_attributions_synthetic(mini_polnear):
    gold = ds.load_polnear_attributions(mini_polnear, split="dev")
    text = NYT_TEXT
    # the first annotator in sorted order (a111) only; the huff-post .ann is empty
    assert set(gold["annotator"]) == {"a111"}
    assert gold["attribution_id"].tolist() == ["E1", "E2", "E3", "E5"]
    assert gold["outlet"].eq("New York Times").all()
    skipped = gold.attrs["skipped_records"]
    assert [(r, why.split()[0]) for _, r, why in skipped] == [("T14", "bad"), ("E4", "refers")]
    assert gold.attrs["text_mismatches"] == []
    for c in ("source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end"):
        assert str(gold[c].dtype) == "Int64"
    e1, e2, e3, e5 = (gold.iloc[i] for i in range(4))
    assert (e1["source_text"], e1["cue_text"], e1["content_text"]) == (
        "The Post", "reports", "that the race is tight")
    assert e1["has_source"] and e1["relation"] == "Attribution"
    # fragments sorted into document order; Content and Content2 merged
    we_win = _span(text, "We will win,")
    assert e2["content_spans"] == [(we_win[0], we_win[0] + 2), (we_win[0] + 3, we_win[1]),
                                   _span(text, "and soon.")]
    assert e2["content_text"] == "We will win, and soon."
    assert e2["content_start"] == we_win[0] and e2["content_end"] == _span(text, "and soon.")[1]
    assert e2["source_text"] == "he" and e2["cue_text"] == "said"
    assert not e3["has_source"] and e3["relation"] == "Attribution-no-source"
    assert pd.isna(e3["source_start"]) and pd.isna(e3["source_text"]) and e3["source_spans"] == []
    assert "\n\n" in e3["content_text"]
    assert e5["content_spans"] == [] and pd.isna(e5["content_start"]) and pd.isna(e5["cue_text"])
    for _, row in gold.iterrows():
        for role in ("source", "cue", "content"):
            if row[f"{role}_spans"]:
                assert fragments_text(text, row[f"{role}_spans"]) == row[f"{role}_text"]


def test_polnear_unknown_split(mini_polnear):
    with pytest.raises(ValueError, match="withheld"):
        ds.load_polnear(mini_polnear, split="test")
    with pytest.raises(ValueError, match="unknown PolNeAR split"):
        ds.load_polnear_attributions(mini_polnear, split=["dev", "valid"])


# =========================================================================== BASIL (synthetic)


@pytest.fixture()
def mini_basil(tmp_path: Path) -> Path:
    root = tmp_path / "basil"
    (root / "articles" / "2012").mkdir(parents=True)
    (root / "annotations" / "2012").mkdir(parents=True)
    (root / "articles" / "2013").mkdir(parents=True)
    paragraphs = [["First sentence here.", " Second, with a lead space."], [], ["Third one: loaded word."]]
    art1 = {"title": "Event  one", "date": "2012-05-06", "url": "http://x/1", "source": "HPO",
            "triplet-uuid": "ev1", "uuid": "u1", "main-event": "Event one",
            "main-entities": "['Barack Obama', 'Mitt Romney']", "keywords": "Obama  Barack,Romney",
            "body-paragraphs": paragraphs}
    art2 = {**art1, "source": "fox", "uuid": "u2", "main-entities": "[oops", "body-paragraphs": [["Only."]]}
    del art2["keywords"]
    art3 = {**art1, "source": "nyt", "uuid": "u3", "triplet-uuid": "ev2", "date": "2013-01-01",
            "main-entities": ["A"], "body-paragraphs": [["X."]]}
    (root / "articles" / "2012" / "ev1_1.json").write_text(json.dumps(art1), encoding="utf-8")
    (root / "articles" / "2012" / "ev1_2.json").write_text(json.dumps(art2), encoding="utf-8")
    (root / "articles" / "2013" / "ev2_1.json").write_text(json.dumps(art3), encoding="utf-8")
    ann = {"article-level-annotations": {"relative_stance": "liberal"},
           "phrase-level-annotations": [
               {"id": "p0", "start": 6, "end": 14, "txt": "sentence", "bias": "lex", "polarity": "neg",
                "target": "Obama", "aim": "dir", "quote": "no", "speaker": ""},
               {"id": "p2", "start": 0, "end": 6, "txt": "loaded", "bias": "lex", "polarity": "neg",
                "target": "Obama", "aim": "dir", "quote": "yes", "speaker": "Romney"},
               {"id": "p1", "start": 0, "end": 3, "txt": "absent", "bias": "inf", "polarity": "pos",
                "target": "", "aim": "dir", "quote": "no", "speaker": ""},
               {"id": "p9", "start": 0, "end": 1, "txt": "F", "bias": "inf", "polarity": "pos",
                "target": "", "aim": "dir", "quote": "no", "speaker": ""},
               {"id": "title", "start": 0, "end": 5, "txt": "Event", "bias": "inf", "polarity": "neg",
                "target": "", "aim": "dir", "quote": "no", "speaker": ""},
           ]}
    (root / "annotations" / "2012" / "ev1_1_ann.json").write_text(json.dumps(ann), encoding="utf-8")
    ann2 = {"article-level-annotations": {"relative_stance": "conservative"}, "phrase-level-annotations": []}
    (root / "annotations" / "2012" / "ev1_2_ann.json").write_text(json.dumps(ann2), encoding="utf-8")
    return root


def test_basil_articles_synthetic(mini_basil):
    df = ds.load_basil(root=mini_basil)
    assert_schema(df)
    assert df["article_id"].tolist() == ["ev1_1", "ev1_2", "ev2_1"]
    a = df.iloc[0]
    assert a["text"] == ("First sentence here.  Second, with a lead space.\n\n"
                         "Third one: loaded word.")
    assert (a["outlet"], a["outlet_raw"], a["title"]) == ("HuffPost", "HPO", "Event one")
    assert a["published"] == pd.Timestamp("2012-05-06", tz="UTC")
    assert a["main_entities"] == ["Barack Obama", "Mitt Romney"]
    assert a["keywords"] == ["Obama  Barack", "Romney"]
    assert (a["event_id"], a["basil_uuid"], a["year"]) == ("ev1", "u1", 2012)
    assert (a["relative_stance"], a["relative_stance_raw"]) == ("left", "liberal")
    b = df.iloc[1]
    assert b["main_entities"] == [] and b["keywords"] == [] and b["relative_stance"] == "right"
    c = df.iloc[2]
    assert c["main_entities"] == ["A"] and pd.isna(c["relative_stance"]) and c["year"] == 2013
    assert ds.load_basil(root=mini_basil, years=2013)["article_id"].tolist() == ["ev2_1"]
    with pytest.raises(ValueError, match="2019"):
        ds.load_basil(root=mini_basil, years=[2019])


def test_basil_annotations_synthetic(mini_basil):
    text = ds.load_basil(root=mini_basil).set_index("article_id")["text"]
    ann = ds.load_basil_annotations(root=mini_basil)
    assert ann["offsets_status"].tolist() == ["exact", "repaired", "not_found", "not_found", "title"]
    assert ann["offsets_exact"].tolist() == [True, False, False, False, False]
    assert ann.attrs["offset_counts"] == {"exact": 1, "repaired": 1, "not_found": 2, "title": 1}
    assert ann["sentence_index"].tolist()[:4] == [0, 2, 1, 9] and pd.isna(ann["sentence_index"].iloc[4])
    found = ann[ann["offsets_status"].isin(["exact", "repaired"])]
    for r in found.itertuples():
        assert text[r.article_id][r.start:r.end] == r.span_text
    assert ann["start"].iloc[1] == text["ev1_1"].index("loaded")
    assert ann.loc[2:, "start"].isna().all()
    assert ann["quote"].tolist() == [False, True, False, False, False]
    assert pd.isna(ann["speaker"].iloc[0]) and ann["speaker"].iloc[1] == "Romney"
    assert ann["outlet"].eq("HuffPost").all() and ann["event_id"].eq("ev1").all()


# =========================================================================== AllSides (synthetic)


def _allsides_record(i: int, **kw) -> dict:
    rec = {"ID": f"id{i}", "source": "CNN (Web News)", "source_url": "www.cnn.com",
           "url": f"http://cnn.com/{i}", "date": "2016-09-20", "authors": "A. Writer",
           "title": f"Title {i}", "topic": "elections", "bias_text": "left",
           "content_original": f"Body {i}.\r\n\r\n\r\nMore\u00a0text."}
    rec.update(kw)
    return rec


@pytest.fixture()
def mini_allsides(tmp_path: Path) -> Path:
    lines = [
        json.dumps(_allsides_record(1)).encode(),
        json.dumps(_allsides_record(2, date="9/5/18", topic="immigration", authors="",
                                    source="Fox Online News")).encode(),
        b'{"ID": "id3", "title": ',                                  # invalid JSON
        b"[1, 2]",                                                   # not an object
        b'{"ID": "id5", "title": "caf\xe9"}',                       # not UTF-8
        b"",                                                         # blank: ignored
        json.dumps(_allsides_record(7, ID="")).encode(),             # no ID
        json.dumps(_allsides_record(1, date="0001-11-30")).encode(),  # repeated ID
        json.dumps(_allsides_record(9, topic="immigration")).encode(),
    ]
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b"\n".join(lines) + b"\n")
    return path


def test_allsides_synthetic(mini_allsides):
    df = ds.load_allsides(mini_allsides)
    assert_schema(df)
    assert df["article_id"].tolist() == ["id1", "id2", "id1~2", "id9"]
    assert df["source_record"].tolist() == [1, 2, 8, 9]
    assert [n for n, _ in df.attrs["skipped_lines"]] == [3, 4, 5, 7]
    reasons = [why for _, why in df.attrs["skipped_lines"]]
    assert reasons[0].startswith("invalid JSON") and "list" in reasons[1]
    assert reasons[2].startswith("not UTF-8") and reasons[3] == "no ID"
    assert df["outlet"].tolist() == ["CNN", "Fox News", "CNN", "CNN"]
    assert df["outlet_raw"].iloc[0] == "CNN (Web News)"
    assert df["text"].iloc[0] == "Body 1.\n\nMore text."
    assert df["published"].tolist()[:2] == [pd.Timestamp("2016-09-20", tz="UTC"),
                                            pd.Timestamp("2018-09-05", tz="UTC")]
    assert pd.isna(df["published"].iloc[2])          # 0001-11-30 placeholder
    assert pd.isna(df["byline"].iloc[1]) and df["byline"].iloc[0] == "A. Writer"
    assert df[["topic", "bias", "source_url"]].iloc[0].tolist() == ["elections", "left", "www.cnn.com"]
    assert df["source_format"].eq("jsonl").all()

    chunks = list(ds.load_allsides(mini_allsides, chunksize=3))
    assert [len(c) for c in chunks] == [3, 1]
    assert [c.attrs["skipped_lines"] for c in chunks] == [df.attrs["skipped_lines"], []]
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), df)

    imm = ds.load_allsides(mini_allsides, topics="immigration")
    assert imm["article_id"].tolist() == ["id2", "id9"]
    assert ds.load_allsides(mini_allsides, topics=["immigration"], limit=1)["article_id"].tolist() == ["id2"]
    assert ds.load_allsides(mini_allsides, limit=2)["source_record"].tolist() == [1, 2]
    assert len(ds.load_allsides(mini_allsides, limit=0)) == 0


def test_allsides_plain_jsonl_and_truncated_gzip(tmp_path):
    recs = [json.dumps(_allsides_record(i, content_original=f"Body {i} " * 50)) for i in range(300)]
    plain = tmp_path / "a.jsonl"
    plain.write_text("\n".join(recs) + "\n", encoding="utf-8")
    assert len(ds.load_allsides(plain)) == 300
    blob = gzip.compress(plain.read_bytes())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(blob[: len(blob) - 20])
    df = ds.load_allsides(cut)
    assert 0 < len(df) < 300
    assert df.attrs["skipped_lines"][-1][1].startswith("file unreadable")


def test_allsides_bad_arguments(mini_allsides):
    with pytest.raises(ValueError, match="chunksize"):
        ds.load_allsides(mini_allsides, chunksize=0)
    with pytest.raises(ValueError, match="limit"):
        ds.load_allsides(mini_allsides, limit=-1)


# =========================================================================== one calling convention


def test_readers_take_the_corpus_folder_first(mini_polnear, mini_basil, mini_allsides):
    pd.testing.assert_frame_equal(ds.load_basil(mini_basil), ds.load_basil(root=mini_basil))
    pd.testing.assert_frame_equal(ds.load_basil_annotations(mini_basil, years=2012),
                                  ds.load_basil_annotations(root=mini_basil, years="2012"))
    pd.testing.assert_frame_equal(ds.load_polnear(root=mini_polnear), ds.load_polnear(mini_polnear, split="dev"))
    # an AllSides folder means its articles.jsonl.gz
    pd.testing.assert_frame_equal(ds.load_allsides(mini_allsides.parent), ds.load_allsides(mini_allsides))
    with pytest.raises(TypeError, match="multiple values for argument 'root'"):
        ds.load_basil(mini_basil, root=mini_basil)
    with pytest.raises(TypeError, match="unexpected keyword argument 'splits'"):
        ds.load_polnear(mini_polnear, splits="dev")
    with pytest.raises(TypeError, match="unexpected keyword argument 'year'"):
        ds.load_basil(mini_basil, year=2012)


def test_progress_bars_change_nothing(mini_polnear, mini_basil, mini_allsides):
    for load, root, kw in ((ds.load_polnear, mini_polnear, {"split": ["dev", "train"]}),
                           (ds.load_polnear_attributions, mini_polnear, {}),
                           (ds.load_basil, mini_basil, {}), (ds.load_basil_annotations, mini_basil, {}),
                           (ds.load_allsides, mini_allsides, {})):
        quiet, shown = load(root, progress=False, **kw), load(root, progress=True, **kw)
        pd.testing.assert_frame_equal(quiet, shown)
        assert quiet.attrs == shown.attrs
        with pytest.raises(TypeError, match="progress"):
            load(root, progress="yes", **kw)
    chunks = list(ds.load_allsides(mini_allsides, chunksize=3, progress=True))
    assert [len(c) for c in chunks] == [3, 1]


# =========================================================================== the real corpora


@pytest.mark.corpus
def test_polnear_dev(corpus_root):
    dev = ds.load_polnear(corpus_root / "polnear", split="dev")
    assert_schema(dev)
    assert len(dev) == 84
    assert set(dev["outlet"]) == POLNEAR_OUTLETS
    assert dev["outlet"].value_counts().eq(12).all()
    assert dev["split"].eq("dev").all() and dev["source_format"].eq("text").all()
    assert dev["published"].notna().all() and dev["title"].notna().all()
    for row in dev.itertuples():           # the text is the file, unchanged
        assert row.text == Path(row.source_path).read_bytes().decode("utf-8")
    assert set(dev["wire"].dropna()) <= {"AP", "AFP", "Reuters", "UPI"}


@pytest.mark.corpus
def test_default_root_via_environment(corpus_root, monkeypatch):
    monkeypatch.setenv("MEDIAKIT_CORPORA", str(corpus_root))
    assert len(ds.load_polnear(split="annotator-training")) == 4


@pytest.mark.corpus
@pytest.mark.slow
def test_polnear_train_dev_gold_spans(corpus_root):
    root = corpus_root / "polnear"
    arts = ds.load_polnear(root, split=["train", "dev"])
    assert_schema(arts)
    assert arts["split"].value_counts().to_dict() == {"train": 840, "dev": 84}
    assert arts.groupby("split")["outlet"].value_counts().loc["train"].eq(120).all()
    gold = ds.load_polnear_attributions(root, split=["train", "dev"])
    assert gold.attrs["skipped_records"] == [] and gold.attrs["text_mismatches"] == []
    assert gold["split"].value_counts().to_dict() == {"train": 19868, "dev": 2193}
    assert gold.groupby("article_id")["annotator"].nunique().eq(1).all()
    assert set(gold["article_id"]) <= set(arts["article_id"])
    assert set(gold["outlet"]) == POLNEAR_OUTLETS
    assert gold["content_spans"].map(len).gt(1).sum() > 100      # discontinuous / Content2
    text = arts.set_index("article_id")["text"]
    checked = 0
    for row in gold.itertuples():
        t = text[row.article_id]
        for role in ("source", "cue", "content"):
            spans = getattr(row, f"{role}_spans")
            if not spans:
                assert pd.isna(getattr(row, f"{role}_start"))
                continue
            assert fragments_text(t, spans) == getattr(row, f"{role}_text")
            assert getattr(row, f"{role}_start") == spans[0][0]
            assert getattr(row, f"{role}_end") == max(b for _, b in spans)
            assert all(0 <= a <= b <= len(t) for a, b in spans)
            checked += len(spans)
        assert row.has_source == bool(row.source_spans)
    assert checked > 60_000


@pytest.mark.corpus
@pytest.mark.slow
def test_basil_corpus(corpus_root):
    root = corpus_root / "basil"
    arts = ds.load_basil(root=root)
    assert_schema(arts)
    assert len(arts) == 210 and arts["event_id"].nunique() == 70
    per_event = arts.groupby("event_id")["outlet"].apply(lambda s: tuple(sorted(s)))
    assert per_event.map(lambda o: o == ("Fox News", "HuffPost", "New York Times")).all()
    assert set(arts["outlet_raw"].str.lower()) == {"fox", "nyt", "hpo"}
    assert set(arts["relative_stance"]) == {"left", "center", "right"}
    assert arts["published"].notna().all() and arts["year"].between(2010, 2016).all()
    assert arts["main_entities"].map(len).gt(0).all()
    assert arts.attrs["skipped_files"] == []

    ann = ds.load_basil_annotations(root=root)
    assert len(ann) == 1133
    assert ann.attrs["offset_counts"] == {"exact": 1132, "repaired": 0, "not_found": 0, "title": 1}
    assert set(ann["bias"]) == {"lex", "inf"} and (ann["bias"] == "lex").sum() == 319
    assert set(ann["article_id"]) <= set(arts["article_id"])
    text = arts.set_index("article_id")["text"]
    exact = ann[ann["offsets_exact"]]
    for r in exact.itertuples():
        assert text[r.article_id][r.start:r.end] == r.span_text


@pytest.mark.corpus
def test_allsides_sample(corpus_root):
    path = corpus_root / "allsides" / "articles.jsonl.gz"
    one = ds.load_allsides(path, limit=500)
    assert_schema(one)
    assert len(one) == 500 and one.attrs["skipped_lines"] == []
    assert one["source_record"].tolist() == list(range(1, 501))
    chunks = list(ds.load_allsides(path, limit=500, chunksize=120))
    assert [len(c) for c in chunks] == [120, 120, 120, 120, 20]
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), one)
    assert set(one["bias"]) <= {"left", "center", "right"}
    assert not one["outlet"].str.contains(r"\(Web News\)|- News$").any()
    assert one.loc[one["outlet_raw"] == "CNN (Web News)", "outlet"].eq("CNN").all()
    assert one["text"].str.len().gt(0).all()
    imm = ds.load_allsides(path, limit=50, topics=["immigration"])
    assert len(imm) == 50 and imm["topic"].eq("immigration").all()
    assert imm["source_record"].is_monotonic_increasing
