"""The writer's own voice: "I" and "we" outside quotations are the article's author, not an unknown source."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import mediakit
from mediakit.metrics.attribution import extract_attributions, find_attributions
from mediakit.metrics.attribution._assign import byline_author


def _first_person(rows: list[dict], word: str = "I") -> dict:
    found = [r for r in rows if r["source_text"] == word]
    assert found, rows
    return found[0]


@pytest.mark.parametrize("byline, expected", [
    ("By Ezra Klein", "Ezra Klein"),
    ("Sen. Rand Paul", "Sen. Rand Paul"),
    ("Analysis Stephen Collinson", "Stephen Collinson"),
    ("By JIM RUTENBERG", "Jim Rutenberg"),
    ('"Andrew OReilly"', "Andrew OReilly"),
    ("Billy House", "Billy House"),  # a surname that is also an institution's word
    ("Jim Vandehei, Mike Allen", None),
    ("Jane Doe; John Roe", None),
    ("Ann Lee and Bo Li", None),
    ("The Editorial Board", None),
    ("Npr Staff", None),
    ("Associated Press", None),
    ("Fox News", None),
    ("", None),
    (None, None),
])
def test_byline_author(byline, expected):
    assert byline_author(byline) == expected


def test_a_columns_i_is_its_one_author():
    a = _first_person(find_attributions("I think the plan will fail, and the voters know it.", byline="By Jane Roe"))
    assert (a["speaker"], a["source_type"], a["source_role"]) == ("Jane Roe", "pronoun", "media")
    assert a["role_evidence"] == "author:Jane Roe"


def test_the_authors_own_role_and_party_when_the_byline_gives_them():
    a = _first_person(find_attributions("I believe the bill will pass the Senate this week.", byline="Sen. Rand Paul"))
    assert a["speaker"] == "Rand Paul"
    assert (a["source_role"], a["party"]) == ("politician", "Republican")
    assert a["role_evidence"].startswith("author:Rand Paul|title:sen")


def test_we_is_the_writer_without_a_name():
    a = _first_person(find_attributions("We know the plan will fail.", byline="By Jane Roe"), "We")
    assert (a["source_role"], a["role_evidence"]) == ("media", "author:Jane Roe")
    assert a["speaker"] is None  # 'we' is no one person


def test_several_authors_or_none_still_the_writer():
    for byline in ("Jim Vandehei, Mike Allen", None):
        a = _first_person(find_attributions("I think the plan will fail.", byline=byline))
        assert (a["speaker"], a["source_role"], a["role_evidence"]) == (None, "media", "author")


def test_an_i_inside_a_quotation_is_not_the_writer():
    text = "\u201cI think the plan will fail,\u201d Mr. Smith told reporters. \u201cI know it will.\u201d"
    for a in find_attributions(text, byline="By Ezra Klein"):
        assert not (a["role_evidence"] or "").startswith("author"), a


def test_an_interviews_labelled_answer_is_not_the_writer():
    text = ("Thrush: Do you think the president is an asset?\n\n"
            "Plouffe: I think he is a really important asset in the general election campaign.")
    for a in find_attributions(text, byline="By Glenn Thrush"):
        assert not (a["role_evidence"] or "").startswith("author"), a


def test_extract_attributions_reads_the_byline_column():
    arts = pd.DataFrame({"article_id": ["a", "b", "c"],
                         "text": ["I think the plan will fail."] * 3,
                         "byline": ["By Jane Roe", "Jim Vandehei, Mike Allen", None]})
    out = extract_attributions(arts, progress=False)
    assert out["speaker"].tolist()[0] == "Jane Roe" and out["speaker"].iloc[1:].isna().all()
    assert out["source_role"].tolist() == ["media"] * 3
    assert out["role_evidence"].tolist() == ["author:Jane Roe", "author", "author"]
    # without the column: the writer is still the writer, unnamed
    alone = extract_attributions(arts.drop(columns="byline"), progress=False)
    assert alone["role_evidence"].tolist() == ["author"] * 3
    assert alone["speaker"].isna().all()


def test_analyze_counts_the_writer_as_extract_attributions_does():
    arts = pd.DataFrame({"article_id": ["a"], "text": ["I think the plan will fail. Officials said it would not."],
                         "byline": ["Sen. Rand Paul"]})
    m = mediakit.analyze(arts, families=("attribution",), progress=False)
    table = extract_attributions(arts, progress=False)
    assert m.loc[0, "attr_role_politician_share"] == pytest.approx((table["source_role"] == "politician").mean())
    assert m.loc[0, "attr_role_politician_share"] == pytest.approx(0.5)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_byline_author_on_any_text(byline):
    out = byline_author(byline)
    assert out is None or (isinstance(out, str) and " " in out)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_streamed_run_reads_the_byline_too(tmp_path, n_jobs):
    arts = pd.DataFrame({"article_id": ["a", "b"],
                         "text": ["I believe the bill will pass the Senate this week. Officials said it would not."] * 2,
                         "byline": ["Sen. Rand Paul", None]})
    mediakit.analyze_stream([arts], tmp_path, n_jobs=n_jobs, tables=("metrics", "attributions"), progress=False)
    streamed = mediakit.read_parts(tmp_path, "attributions")
    assert streamed["source_role"].tolist() == extract_attributions(arts, progress=False)["source_role"].tolist()
    assert streamed["speaker"].tolist()[0] == "Rand Paul"
    metrics = mediakit.read_parts(tmp_path, "metrics")
    assert metrics["attr_role_politician_share"].tolist()[0] == pytest.approx(0.5)
