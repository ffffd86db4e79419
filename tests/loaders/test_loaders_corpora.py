"""The generic loader on every PolNeAR and BASIL article, and on a sample of AllSides.

These read ../shared/corpora (skipped with a reason when absent) and are marked slow.
"""

from __future__ import annotations

import gzip
import itertools
import re
import warnings

import pandas as pd
import pytest

from mediakit import datasets, load_articles, load_errors
from mediakit.text import normalize_text

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

_WS = re.compile(r"\s+")


def _fold(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _load(*a, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a clean corpus must load without any warning,
        # but for short bodies flagged (checked by the tests that expect them)
        warnings.filterwarnings("ignore", message=r"load_articles: .*\(short_body: \d+\)")
        return load_articles(*a, **kw)


def test_every_polnear_article_loads_faithfully(corpora):
    splits = ["train", "dev", "annotator-training"]
    df = _load([corpora / "polnear" / s / "text" for s in splits])
    gold = datasets.load_polnear(corpora / "polnear", split=splits)
    assert len(df) == len(gold) == 928
    # every file loads; the few HuffPost stubs (a sentence or two left of a page) are kept, flagged
    problems = load_errors(df)
    assert set(problems["kind"]) <= {"short_body"} and len(problems) < 15, problems
    assert df["article_id"].is_unique
    assert set(df["article_id"]) == set(gold["article_id"])
    assert df["source_format"].eq("text").all()
    gold = gold.set_index("article_id")
    kept = total = 0
    for aid, title, text in zip(df["article_id"], df["title"], df["text"], strict=True):
        raw = gold.loc[aid, "text"]
        lines = [ln.strip() for ln in normalize_text(raw).split("\n") if ln.strip()]
        assert title == _fold(lines[0]), aid  # the headline is the first line
        file_lines = set(lines)
        paragraphs = text.split("\n\n") if text else []
        # nothing invented: every paragraph of `text` is a line of the file, as written
        assert all(p in file_lines for p in paragraphs), aid
        body = [ln for ln in lines[1:] if _fold(ln) != title]
        kept += sum(1 for ln in body if ln in set(paragraphs))
        total += len(body)
    # what is dropped are captions and site furniture ("Read the rest here."): a handful of lines
    assert kept / total > 0.995, f"kept {kept} of {total} body lines"


def test_every_basil_article_loads_with_outlets_and_events(corpora):
    df = _load(corpora / "basil" / "articles")
    assert len(df) == 210 and load_errors(df).empty
    assert df["outlet"].value_counts().to_dict() == {"Fox News": 70, "HuffPost": 70, "New York Times": 70}
    assert df.groupby("triplet-uuid")["outlet"].nunique().eq(3).all()
    assert df["published"].notna().all() and str(df["published"].dtype) == "datetime64[ns, UTC]"
    gold = datasets.load_basil(root=corpora / "basil").set_index("article_id")["text"]
    stems = df["source_path"].str.extract(r"([^/]+)\.json$")[0]
    for stem, text in zip(stems, df["text"], strict=True):
        assert _fold(text) == _fold(gold[stem]), stem


def test_allsides_sample_loads_like_the_reader(corpora, tmp_path):
    sample = tmp_path / "allsides_sample.jsonl.gz"
    with gzip.open(corpora / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as src, \
            gzip.open(sample, "wt", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, 600))
    df = _load(sample)
    ref = datasets.load_allsides(corpora / "allsides" / "articles.jsonl.gz", limit=600)
    assert len(df) == 600 and load_errors(df).empty
    assert df["article_id"].tolist() == ref["article_id"].tolist()
    assert df["outlet"].tolist() == ref["outlet"].tolist()
    assert df["text"].tolist() == ref["text"].tolist()
    assert (df["title"] == ref["title"]).all()
    assert {"topic", "bias_text"} <= set(df.columns)
