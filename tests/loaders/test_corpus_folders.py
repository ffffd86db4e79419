"""A research corpus folder given to load_articles, iter_articles or ``mediakit analyze``.

BASIL, PolNeAR and AllSides folders are recognised by their layout and read by the
``mediakit.datasets`` readers. The folders here are tiny self-written copies of each layout
(invented stories); one slow test reads the real corpora in ../shared when present.
"""

from __future__ import annotations

import gzip
import itertools
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

from mediakit import ArticleLoadError, datasets, iter_articles, load_articles, load_errors
from mediakit.loaders._corpus_folders import detect_corpus
from mediakit.pipeline import analyze_corpus, plan_run

EVENT = "0b1c2d3e-0000-4000-8000-00000000abcd"
POLNEAR_HEADER = ("compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\t"
                  "trump_count\tclinton_count\tcredit\twire\n")


def strict(func, *a, **kw):
    """Call a loader that must give no warning at all."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return func(*a, **kw)


def quiet(func, *a, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*a, **kw)


def make_basil(root: Path) -> Path:
    texts = {
        "fox": [["Lawmakers passed the harbour bill on Monday.", "Critics called it reckless spending."],
                ["The mayor praised the vote."]],
        "nyt": [["The harbour bill passed on Monday after a long debate."], ["Its cost remains unclear."]],
        "hpo": [["A controversial harbour bill cleared the chamber."], ["Residents protested outside."]],
    }
    for n, (source, paras) in enumerate(texts.items(), 1):
        art = {"title": f"Harbour bill passes ({source})", "date": "2016-05-02", "url": f"https://{source}.test/bill",
               "source": source.upper() if n == 3 else source, "triplet-uuid": EVENT, "uuid": f"u-{n}",
               "main-event": "Harbour bill passes", "main-entities": "['Mayor Jane Roe']",
               "keywords": "harbour, bill", "word-count": 20, "body-paragraphs": paras}
        path = root / "articles" / "2016" / f"{EVENT}_{n}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(art), encoding="utf-8")
        ann = {"article-level-annotations": {"relative_stance": ["conservative", "center", "liberal"][n - 1]},
               "phrase-level-annotations": [{"id": "p0", "start": 0, "end": 10, "txt": paras[0][0][:10],
                                             "bias": "lex", "polarity": "neg", "target": "x", "aim": "dir",
                                             "quote": "no", "speaker": ""}]}
        apath = root / "annotations" / "2016" / f"{EVENT}_{n}_ann.json"
        apath.parent.mkdir(parents=True, exist_ok=True)
        apath.write_text(json.dumps(ann), encoding="utf-8")
    return root


def make_polnear(root: Path) -> Path:
    meta = [POLNEAR_HEADER]
    for split, names in (("dev", ["nyt_2016-03-01_harbour", "politico_2016-03-02_bill"]),
                         ("train", ["breitbart_2016-03-03_vote"])):
        for name in names:
            publisher = name.split("_", 1)[0]
            text = (f"Harbour bill passes.\n\nThe mayor said the bill would pass, {publisher} reported.\n"
                    "Critics said it would not.\n")
            (root / split / "text").mkdir(parents=True, exist_ok=True)
            (root / split / "text" / f"{name}.txt").write_bytes(text.encode("utf-8"))
            (root / split / "attributions").mkdir(parents=True, exist_ok=True)
            (root / split / "attributions" / f"{name}_ab12.ann").write_text(
                "T1\tSource 22 31\tThe mayor\nT2\tCue 32 36\tsaid\n", encoding="utf-8")
            meta.append(f"{split}\t{name}\tNone\tab12\t{publisher}\t2016-03-01\tJane Roe\tHarbour bill passes\t"
                        "0\t0\tNone\tAP\n")
    (root / "metadata.tsv").write_text("".join(meta), encoding="utf-8")
    return root


def allsides_records(n: int = 5) -> list[dict]:
    outlets = ["CNN (Web News)", "Fox News", "New York Times - News"]
    return [{"ID": f"as{i}", "source": outlets[i % 3], "source_url": "www.example.test", "url": f"https://x.test/{i}",
             "date": "2016-09-20", "authors": "Jane Roe", "title": f"Story {i}", "topic": "elections",
             "bias_text": ["left", "right", "center"][i % 3],
             "content_original": f"Story number {i} says the vote was close.\n\n\nIt was."} for i in range(n)]


def make_allsides(root: Path, records: list[dict] | None = None, extra_lines: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(r) + "\n" for r in (records or allsides_records())) + extra_lines
    with gzip.open(root / "articles.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(lines)
    return root


def reference(kind: str, folder: Path) -> pd.DataFrame:
    if kind == "basil":
        return datasets.load_basil(folder)
    if kind == "polnear":
        return datasets.load_polnear(folder, split=["train", "dev"])
    return datasets.load_allsides(folder)


MAKERS = {"basil": make_basil, "polnear": make_polnear, "allsides": make_allsides}


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_corpus_folder_loads_with_its_reader(kind, tmp_path):
    folder = MAKERS[kind](tmp_path / f"my {kind} copy")  # found by layout: the name says nothing
    assert detect_corpus(folder).kind == kind
    df = strict(load_articles, folder)
    ref = reference(kind, folder)
    assert load_errors(df).empty  # the annotation files are not reported as unreadable articles
    pd.testing.assert_frame_equal(df, ref)  # same columns, values and dtypes as the reader
    assert set(df.attrs) == {"load_errors"}


def test_basil_gives_events_and_stances(tmp_path):
    df = strict(load_articles, make_basil(tmp_path / "b"))
    assert df["event_id"].tolist() == [EVENT] * 3
    assert df["outlet"].tolist() == ["Fox News", "New York Times", "HuffPost"]
    assert df["relative_stance"].tolist() == ["right", "center", "left"]


def test_polnear_reads_every_split_present(tmp_path):
    df = strict(load_articles, make_polnear(tmp_path / "p"))
    assert df["split"].tolist() == ["train", "dev", "dev"]
    assert df["wire"].tolist() == ["AP"] * 3 and df["byline"].tolist() == ["Jane Roe"] * 3


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_iter_articles_gives_the_same_rows(kind, tmp_path):
    folder = MAKERS[kind](tmp_path / kind)
    chunks = strict(lambda: list(iter_articles(folder, chunksize=2)))
    assert all(0 < len(c) <= 2 for c in chunks)
    assert all(load_errors(c).empty for c in chunks)
    whole = pd.concat(chunks, ignore_index=True)
    pd.testing.assert_frame_equal(whole, strict(load_articles, folder), check_dtype=False)


def test_subfolders_of_a_corpus_are_plain_files(tmp_path):
    basil = make_basil(tmp_path / "b")
    polnear = make_polnear(tmp_path / "p")
    assert detect_corpus(basil / "articles") is None and detect_corpus(polnear / "dev") is None
    df = strict(load_articles, basil / "articles")
    assert "event_id" not in df.columns and df["triplet-uuid"].tolist() == [EVENT] * 3


def test_corpus_below_a_folder_beside_plain_files(tmp_path):
    make_basil(tmp_path / "corpora" / "basil")
    make_allsides(tmp_path / "corpora" / "allsides")
    # a plain article whose id is also a corpus id
    (tmp_path / "corpora" / "mine.json").write_text(
        json.dumps({"id": "as1", "title": "My own story", "text": "Written by me.", "outlet": "Gazette"}),
        encoding="utf-8")
    df = strict(load_articles, tmp_path / "corpora")
    assert len(df) == 1 + 5 + 3
    assert df["article_id"].is_unique
    assert df["article_id"].tolist()[:3] == ["as1", "as0", "as1~2"]  # plain files first, then each corpus
    assert df.loc[0, "outlet"] == "Gazette"
    assert df["bias"].notna().sum() == 5 and df["event_id"].notna().sum() == 3
    assert str(df["bias"].dtype) == "string" and str(df["year"].dtype) == "Int64"
    # the same corpus named twice, or a file inside it named too, is read once
    twice = strict(load_articles, [tmp_path / "corpora" / "basil", tmp_path / "corpora" / "basil",
                                   next((tmp_path / "corpora" / "basil" / "articles").rglob("*.json"))])
    assert len(twice) == 3


def test_outlet_options(tmp_path):
    recs = allsides_records(3)
    recs[2]["source"] = ""
    folder = make_allsides(tmp_path / "a", recs)
    df = strict(load_articles, folder, outlet="Unknown Wire", outlet_aliases={"CNN (Web News)": "Cable News"})
    assert df["outlet"].tolist() == ["Cable News", "Fox News", "Unknown Wire"]
    assert df.loc[2, "outlet_raw"] == "Unknown Wire"
    with pytest.warns(UserWarning, match="columns= applies to plain files only"):
        load_articles(folder, columns={"text": "content_original"})


def test_reader_problems_are_in_the_load_report(tmp_path):
    basil = make_basil(tmp_path / "b")
    bad = basil / "articles" / "2016" / f"{EVENT}_9.json"
    bad.write_text("{not json", encoding="utf-8")
    (basil / "annotations" / "2016" / f"{EVENT}_2_ann.json").write_text("[1, 2]", encoding="utf-8")
    df = quiet(load_articles, basil)
    assert len(df) == 3
    errs = load_errors(df)
    assert errs[["status", "kind"]].values.tolist() == [["warning", "parse"], ["error", "parse"]]
    assert errs.loc[1, "source_path"] == str(bad) and errs.loc[1, "message"].startswith("BASIL: unreadable article")
    with pytest.raises(ArticleLoadError, match="unreadable article"):
        load_articles(basil, errors="raise")
    with pytest.warns(UserWarning, match="2 problem"):
        list(iter_articles(basil, chunksize=2))

    allsides = make_allsides(tmp_path / "a", extra_lines="{broken\n" + json.dumps({"title": "no id"}) + "\n")
    df = quiet(load_articles, allsides)
    errs = load_errors(df)
    assert len(df) == 5 and errs["record"].tolist() == [6, 7]
    assert errs["source_path"].eq(str(allsides / "articles.jsonl.gz")).all()


@pytest.mark.slow  # the whole pipeline with its figures: several seconds
def test_analyze_plans_and_runs_a_corpus_folder(tmp_path):
    basil = make_basil(tmp_path / "b")
    # small: planned in memory (load_articles, so the BASIL reader); forced into chunks here, which
    # goes through iter_articles and the same reader, not file by file
    assert not plan_run(basil).streamed
    out = tmp_path / "out"
    quiet(analyze_corpus, basil, out, progress=False, chunksize=2)
    arts = pd.read_parquet(out / "articles.parquet")
    assert sorted(arts["article_id"]) == [f"{EVENT}_{n}" for n in (1, 2, 3)]
    assert arts["event_id"].eq(EVENT).all()
    assert not (out / "load_errors.csv").exists()


@pytest.mark.slow
@pytest.mark.corpus
def test_real_corpus_folders(tmp_path):
    try:
        root = datasets.corpora_dir()
    except FileNotFoundError:
        pytest.skip("needs the shared corpora (../shared/corpora or MEDIAKIT_CORPORA)")
    for kind in ("basil", "polnear"):
        if not (root / kind).is_dir():
            continue
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            df = load_articles(root / kind)
        ref = datasets.load_basil(root / kind) if kind == "basil" else datasets.load_polnear(
            root / kind, split=list(datasets.POLNEAR_SPLITS))
        # no annotation file is read as an article; the few real HuffPost stubs of PolNeAR
        # (one or two sentences left of a page) are kept and flagged short_body
        problems = load_errors(df)
        assert set(problems["kind"]) <= {"short_body"}, (kind, problems)
        assert len(problems) < 0.01 * len(df), kind
        assert len(df) == len(ref) and list(df.columns) == list(ref.columns), kind
        pd.testing.assert_frame_equal(df.drop(columns=["duplicate_of", "duplicate_kind"]),
                                      ref.drop(columns=["duplicate_of", "duplicate_kind"]))
    if (root / "allsides").is_dir():
        chunks = list(itertools.islice(strict(iter_articles, root / "allsides", chunksize=400), 2))
        ref = datasets.load_allsides(root / "allsides", limit=800)
        whole = pd.concat(chunks, ignore_index=True)
        assert whole["article_id"].tolist() == ref["article_id"].tolist()
        assert whole["text"].tolist() == ref["text"].tolist()
        assert plan_run(root / "allsides").streamed  # 37,554 articles: in chunks, through the reader
