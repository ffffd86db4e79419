"""The web-prose attribution gold set (tests/data/web_attribution_gold.csv) and its scorer."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.evaluate._prose import (WEB_CACHE, WEB_GOLD_PATH, false_positive_classes, format_web_scores,
                                      load_web_gold, score_web_prose, web_pages)

KINDS = {"direct", "indirect", "mixed", "according_to"}


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return load_web_gold()


def test_header_says_who_made_it_and_stores_no_text():
    head = [ln for ln in WEB_GOLD_PATH.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
    text = " ".join(head)
    assert "MIT" in text and "mediakit.load_articles" in text and "No page text is stored" in text
    # the scope is PolNeAR's, and the header says who annotated what
    assert "PolNeAR" in text and "INTENTIONS" in text and "PERCEPTIONS" in text and "WHO/WHEN" in text


def test_polnear_scope_rows_are_labelled(gold):
    notes = gold["note"].astype(str)
    scope = notes[notes.str.contains("polnear-scope")]
    assert len(scope) >= 150, "the PolNeAR-scope pass added beliefs, intentions, perceptions, evidence"
    kinds = scope.str.extract(r"polnear-scope: (\w+)")[0]
    assert set(kinds) == {"intention", "perception", "belief", "evidence"}
    # intentions carry their holder when the text names one (a few nouns and passives have none)
    intent = gold[notes.str.contains("polnear-scope: intention")]
    assert intent["source_start"].notna().mean() > 0.8


def test_gold_is_consistent(gold):
    assert list(gold.columns) == ["page", "body_sha1", "cue_start", "cue_end", "cue_text", "source_start",
                                  "source_end", "source_text", "kind", "note"]
    pages = gold.groupby("page")
    assert pages.ngroups >= 20
    assert pages["body_sha1"].nunique().eq(1).all(), "one body hash per page"
    assert gold["body_sha1"].str.fullmatch(r"[0-9a-f]{40}").all()
    marked = gold[gold["cue_start"].notna()]
    assert len(marked) >= 150
    empty = gold[gold["cue_start"].isna()]
    assert (empty["note"] == "no attributions").all()
    assert not set(empty["page"]) & set(marked["page"]), "a page is either empty or has attributions"
    assert (marked["cue_end"] > marked["cue_start"]).all()
    assert (marked["cue_end"] - marked["cue_start"] == marked["cue_text"].str.len()).all()
    assert set(marked["kind"]) <= KINDS
    src = marked[marked["source_start"].notna()]
    assert (src["source_end"] - src["source_start"] == src["source_text"].str.len()).all()
    assert (marked.loc[marked["source_start"].isna(), "source_text"] == "").all()
    assert not marked.duplicated(["page", "cue_start"]).any()
    assert gold["page"].str.fullmatch(r"(trafilatura|htmldate)-[\d.]+/tests/cache/[^/]+\.html?").all()


def test_gold_holds_short_spans_only(gold):
    assert gold["cue_text"].str.len().max() <= 30
    assert gold["source_text"].str.len().max() <= 120
    assert gold["note"].str.len().max() <= 60


def test_missing_cache_skips_every_page_with_a_reason(gold, tmp_path):
    articles, skipped = web_pages(gold, tmp_path / "nowhere")
    assert len(articles) == 0
    assert len(skipped) == gold["page"].nunique()
    assert all("bench_web.py" in reason for _, reason in skipped)


def test_scorer_counts_overlaps_false_positives_and_nested():
    gold = pd.DataFrame({"page": ["p", "p", "p", "q"], "cue_start": [10, 40, 50, pd.NA],
                         "cue_end": [14, 44, 55, pd.NA], "cue_text": ["said", "told", "hopes", ""],
                         "source_start": [0, pd.NA, 45, pd.NA], "source_end": [3, pd.NA, 48, pd.NA],
                         "source_text": ["Ann", "", "she", ""], "note": ["", "", "nested", "no attributions"]})
    for col in ("cue_start", "cue_end", "source_start", "source_end"):
        gold[col] = gold[col].astype("Int64")
    pred = pd.DataFrame({"article_id": ["p", "p", "p", "q"], "cue_start": [11, 40, 70, 3],
                         "cue_end": [13, 44, 74, 7], "cue_text": ["ai", "told", "know", "says"],
                         "source_start": [20, pd.NA, 60, 0], "source_end": [25, pd.NA, 63, 2],
                         "source_text": ["Bob", pd.NA, "you", "we"]})
    texts = {"p": "x" * 100, "q": "we says it"}
    s = score_web_prose(pred, gold, texts=texts)
    assert (s["gold"], s["gold_outer"], s["predicted"], s["tp_predicted"]) == (3, 2, 4, 2)
    assert s["precision"] == 0.5 and s["recall"] == pytest.approx(2 / 3) and s["recall_outer"] == 1.0
    assert s["speaker_accuracy"] == 0.5  # "Bob" does not overlap "Ann"; both sources of "told" empty
    assert [fp["cue_text"] for fp in s["false_positives"]] == ["know", "says"]
    assert s["false_positives"][1]["context"] == "we says it"
    assert [m["cue_text"] for m in s["missed"]] == ["hopes"]
    only_p = score_web_prose(pred, gold, pages=["p"])
    assert only_p["predicted"] == 3 and only_p["pages"] == 1
    # speech-only scope: gold "said", "told" (not "hopes"); predicted "told", "says" ("ai", "know" are not speech)
    sp = s["speech"]
    assert (sp["gold"], sp["predicted"], sp["tp_predicted"], sp["found"]) == (2, 2, 1, 1)
    assert sp["precision"] == 0.5 and sp["recall"] == 0.5
    assert [fp["cue_text"] for fp in sp["false_positives"]] == ["says"]
    # without cue_lemma / cue_class columns a false positive falls in class "?" under its lower-cased text
    assert s["false_positives_by_class"] == {"?": {"count": 2, "lemmas": {"know": 1, "says": 1}}}
    out = format_web_scores(s)
    assert "precision 50.0%" in out and "'know'" in out and "speech cues:" in out and "[?]" in out


def test_false_positives_grouped_by_cue_class():
    gold = pd.DataFrame({"page": ["p"], "cue_start": [0], "cue_end": [4], "cue_text": ["said"],
                         "source_start": [pd.NA], "source_end": [pd.NA], "source_text": [""], "note": [""]})
    pred = pd.DataFrame({"article_id": ["p"] * 4, "cue_start": [0, 10, 20, 30], "cue_end": [4, 14, 24, 34],
                         "cue_text": ["said", "know", "says", "knew"], "cue_lemma": ["say", "know", "say", "know"],
                         "cue_class": ["neutral", "belief", "neutral", "belief"],
                         "source_start": [pd.NA] * 4, "source_end": [pd.NA] * 4, "source_text": [pd.NA] * 4})
    s = score_web_prose(pred, gold)
    assert s["false_positives_by_class"] == {"belief": {"count": 2, "lemmas": {"know": 2}},
                                             "neutral": {"count": 1, "lemmas": {"say": 1}}}
    assert s["speech"]["false_positives_by_class"] == {"neutral": {"count": 1, "lemmas": {"say": 1}}}
    assert [fp["cue_class"] for fp in s["false_positives"]] == ["belief", "neutral", "belief"]
    out = format_web_scores(s)
    assert "belief 2 (know 2); neutral 1 (say 1)" in out
    assert out.index("[belief]") < out.index("'knew'") < out.index("[neutral]") < out.index("'says'")
    assert false_positive_classes([]) == {}


def test_scorer_without_predictions():
    gold = load_web_gold()
    s = score_web_prose(pd.DataFrame(columns=["article_id", "cue_start", "cue_end", "cue_text", "source_start",
                                              "source_end", "source_text"]), gold)
    assert s["predicted"] == 0 and s["recall"] == 0.0 and s["precision"] != s["precision"]
    assert "n/a" in format_web_scores(s, details=False)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(1, 20), st.booleans()), max_size=12))
def test_scorer_never_raises_and_stays_in_range(spans):
    gold = load_web_gold()
    page = str(gold.loc[gold["cue_start"].notna(), "page"].iloc[0])
    pred = pd.DataFrame({"article_id": [page] * len(spans), "cue_start": [s for s, _, _ in spans],
                         "cue_end": [s + n for s, n, _ in spans], "cue_text": ["x"] * len(spans),
                         "source_start": [s if src else pd.NA for s, _, src in spans],
                         "source_end": [s + 1 if src else pd.NA for s, _, src in spans],
                         "source_text": ["y" if src else pd.NA for _, _, src in spans]},
                        columns=["article_id", "cue_start", "cue_end", "cue_text", "source_start", "source_end",
                                 "source_text"])
    s = score_web_prose(pred, gold, pages=[page], texts={page: "z" * 50})
    assert s["tp_predicted"] + len(s["false_positives"]) == len(spans)
    assert s["found"] + len(s["missed"]) == s["gold"]
    for key in ("precision", "recall", "recall_outer"):
        assert s[key] != s[key] or 0.0 <= s[key] <= 1.0
        assert s["speech"][key] != s["speech"][key] or 0.0 <= s["speech"][key] <= 1.0
    assert sum(c["count"] for c in s["false_positives_by_class"].values()) == len(s["false_positives"])


@pytest.mark.slow
def test_pages_load_with_the_gold_offsets(gold):
    if not Path(WEB_CACHE).is_dir():
        pytest.skip(f"needs the web pages under {WEB_CACHE} (run benchmarks/bench_web.py)")
    articles, skipped = web_pages(gold)
    assert not skipped, skipped
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    for row in gold[gold["cue_start"].notna()].itertuples():
        text = texts[row.page]
        assert text[row.cue_start:row.cue_end] == row.cue_text
        if pd.notna(row.source_start):
            assert text[row.source_start:row.source_end] == row.source_text
    # every page is English prose of some length (the gold set is about non-wire English writing)
    for text in texts.values():
        words = re.findall(r"[a-z]+", text.lower())
        assert len(words) >= 100
        assert sum(w in {"the", "and", "of", "to", "is"} for w in words) / len(words) > 0.08


@pytest.mark.slow
def test_extractor_on_web_prose(gold):
    if not Path(WEB_CACHE).is_dir():
        pytest.skip(f"needs the web pages under {WEB_CACHE} (run benchmarks/bench_web.py)")
    from mediakit.evaluate._prose import evaluate_web_prose

    scores, skipped = evaluate_web_prose()
    assert not skipped
    assert scores["pages"] == gold["page"].nunique()
    # Floors about 0.06 under the figures measured on 2026-12-06 ~04:10 UTC, with the filter's own threshold for
    # texts that report no speech (544 gold rows; all cues: precision 0.913, recall outer 0.393, speaker accuracy
    # 0.950; speech cues: precision 0.915, recall outer 0.688), so that a regression fails but small extractor
    # changes do not. The issue's target, precision 0.90, is checked by the closing note, not here.
    assert scores["precision"] >= 0.85
    assert scores["recall_outer"] >= 0.33
    assert scores["speaker_accuracy"] >= 0.89
    speech = scores["speech"]
    assert speech["gold"] >= 150 and speech["gold"] < scores["gold"]
    assert speech["precision"] >= 0.85
    assert speech["recall_outer"] >= 0.62
    assert sum(c["count"] for c in scores["false_positives_by_class"].values()) == len(scores["false_positives"])
