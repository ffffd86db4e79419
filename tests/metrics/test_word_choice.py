"""Tests for mediakit.metrics.word_choice: match tables and per-article word-choice metrics."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit as mk
from mediakit.text import count_words
from mediakit._validation import MissingColumnError
from mediakit.lexicon import load_lexicon
from mediakit.metrics.word_choice import MATCH_COLUMNS, word_choice, word_choice_metrics

from ..conftest import DATA

# BASIL: the corpus tests below take the ``corpora`` fixture (tests/conftest.py), i.e.
# Path(__file__).resolve().parents[2] / "shared" / "corpora", skipped with a reason when absent.


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return mk.load_articles(DATA / "000_fd60bde068b4eb11.txt")


@pytest.fixture(scope="module")
def sample(sample_articles) -> pd.DataFrame:
    return sample_articles


# --------------------------------------------------------------------------- the seed article


def test_seed_regime_in_headline_and_body(seed):
    m = word_choice(seed)
    regime = m[m.variant == "regime"]
    assert set(regime.part) >= {"title", "text"}
    title = seed.title.iloc[0]
    for row in regime[regime.part == "title"].itertuples():
        assert title[row.start:row.end].lower() == "regime"
    metrics = word_choice_metrics(seed)
    assert metrics.loc[seed.index[0], "wc_state_government__regime_title_n"] == 1
    assert metrics.loc[seed.index[0], "wc_state_government__regime_n"] >= 2


def test_seed_ousted_found(seed):
    m = word_choice(seed)
    ousted = m[(m.family == "removal_from_power") & (m.variant == "ousted")]
    assert "title" in set(ousted.part) and "text" in set(ousted.part)
    assert set(ousted.match.str.lower()) >= {"ousted", "ouster"}


def test_seed_anti_regime_forces_is_one_match_and_not_regime(seed):
    m = word_choice(seed)
    text = seed.text.iloc[0]
    arf = m[(m.part == "text") & (m.match.str.lower() == "anti-regime forces")]
    assert len(arf) == 1
    row = arf.iloc[0]
    assert (row.family, row.variant) == ("armed_opposition", "anti_regime_forces")
    assert text[row.start:row.end] == "anti-regime forces"
    inside = m[(m.part == "text") & (m.start < row.end) & (m.end > row.start)]
    assert len(inside) == 1  # no "regime" (or "forces") inside it


def test_seed_caption_matches(seed):
    m = word_choice(seed)
    caps = m[m.part == "caption"]
    assert list(caps.variant) == ["anti_government_fighters", "ousted"]
    assert list(caps.caption) == [0, 1]
    captions = seed.captions.iloc[0]
    for row in caps.itertuples():
        assert captions[row.caption][row.start:row.end] == row.match


# --------------------------------------------------------------------------- match table


def test_match_table_columns_and_offsets(sample):
    m = word_choice(sample, context=20)
    # the sample has outlet and published: they come right after article_id (issue 12)
    assert list(m.columns) == ["article_id", "outlet", "published", *MATCH_COLUMNS[1:], "left", "right"]
    assert m["caption"].dtype == "Int64"
    by_id = sample.set_index("article_id")
    for row in m.itertuples():
        art = by_id.loc[row.article_id]
        part = art.title if row.part == "title" else art.text if row.part == "text" else art.captions[row.caption]
        assert part[row.start:row.end] == row.match
        assert part[max(0, row.start - 20):row.start] == row.left
        assert (row.part == "caption") == (not pd.isna(row.caption))


def test_match_table_carries_outlet_and_published(sample):
    """Issue 12: the long tables have ``outlet`` and ``published`` when the articles do."""
    arts = sample.set_index(pd.RangeIndex(100, 100 + len(sample)))  # copied by position, not label
    m = word_choice(arts)
    assert list(m.columns) == ["article_id", "outlet", "published", *MATCH_COLUMNS[1:]]
    for col in ("outlet", "published"):
        assert m[col].dtype == arts[col].dtype
        expected = arts.set_index("article_id").loc[m["article_id"], col]
        assert m[col].isna().tolist() == expected.isna().tolist()
        assert m[col].dropna().tolist() == expected.dropna().tolist()
    # every other column is what the table without them gives
    plain = word_choice(arts.drop(columns=["outlet", "published"]))
    assert list(plain.columns) == list(MATCH_COLUMNS)
    pd.testing.assert_frame_equal(m.drop(columns=["outlet", "published"]), plain)
    # only the columns the articles have; an empty table keeps them, with their dtype
    assert list(word_choice(arts.drop(columns="published")).columns[:3]) == ["article_id", "outlet", "part"]
    none = word_choice(arts.assign(title="", text="", captions=[[]] * len(arts)))
    assert len(none) == 0 and list(none.columns) == list(m.columns)
    assert none["outlet"].dtype == arts["outlet"].dtype and none["published"].dtype == arts["published"].dtype


def test_match_table_order_and_parts(seed):
    m = word_choice(seed, parts=["text"])
    assert set(m.part) == {"text"}
    assert m.start.is_monotonic_increasing
    with pytest.raises(ValueError, match="unknown part"):
        word_choice(seed, parts=["body"])


def test_match_table_empty():
    df = pd.DataFrame({"article_id": ["a", "b"], "text": [None, ""], "title": [pd.NA, None],
                       "captions": [None, float("nan")]})
    m = word_choice(df)
    assert list(m.columns) == list(MATCH_COLUMNS)
    assert len(m) == 0


def test_other_lexicons_by_name_and_dict(seed):
    m = word_choice(seed, "markers")
    assert set(m.family) <= {"hedge", "intensifier", "subjective"}
    m2 = word_choice(seed, {"places": {"syria": ["syria", "damascus"], "russia": ["russia", "moscow"]}})
    assert set(m2.variant) == {"syria", "russia"}
    assert (m2.match.str.lower().str.startswith(("syria", "damascus", "russia", "moscow"))).all()


# --------------------------------------------------------------------------- metrics

NAME_RE = re.compile(r"(article_id|wc_[a-z][a-z0-9_]*)")


def test_metric_columns_are_stable_identifiers(sample):
    out = word_choice_metrics(sample)
    lex = load_lexicon()
    assert out.columns.is_unique
    for c in out.columns:
        assert NAME_RE.fullmatch(c) and c.isidentifier(), c
    assert list(out.columns[:8]) == ["article_id", "wc_words", "wc_hedge_n", "wc_hedge_per1k",
                                     "wc_intensifier_n", "wc_intensifier_per1k", "wc_subjective_n",
                                     "wc_subjective_per1k"]
    assert len(out.columns) == 8 + 4 * len(lex.variant_keys)
    fam, var = lex.variant_keys[0]
    assert list(out.columns[8:12]) == [f"wc_{fam}__{var}_{s}" for s in ("n", "per1k", "share", "title_n")]


def test_metrics_values_are_consistent(sample):
    out = word_choice_metrics(sample)
    lex = load_lexicon()
    body = sample.text.fillna("")
    assert out.wc_words.tolist() == [count_words(t) for t in body]
    for family, variants in lex.families.items():
        n = out[[f"wc_{family}__{v}_n" for v in variants]].to_numpy(dtype=float)  # Int64 counts
        share = out[[f"wc_{family}__{v}_share" for v in variants]].to_numpy()
        total = n.sum(axis=1)
        occurs = total > 0
        assert np.allclose(share[occurs].sum(axis=1), 1.0)
        assert np.isnan(share[~occurs]).all()
        per1k = out[[f"wc_{family}__{v}_per1k" for v in variants]].to_numpy()
        words = out.wc_words.to_numpy()
        ok = words > 0
        assert np.allclose(per1k[ok], n[ok] / words[ok, None] * 1000)
        assert np.isnan(per1k[~ok]).all()


def test_metrics_agree_with_match_table(sample):
    out = word_choice_metrics(sample).set_index("article_id")
    m = word_choice(sample)
    body = m[m.part == "text"].groupby(["article_id", "family", "variant"]).size()
    head = m[m.part == "title"].groupby(["article_id", "family", "variant"]).size()
    for (aid, f, v), n in body.items():
        assert out.loc[aid, f"wc_{f}__{v}_n"] == n
    for (aid, f, v), n in head.items():
        assert out.loc[aid, f"wc_{f}__{v}_title_n"] == n
    assert out.filter(like="__").filter(regex="_n$").to_numpy().sum() == len(m[m.part != "caption"])


def test_metrics_marker_rates(sample):
    out = word_choice_metrics(sample)
    m = word_choice(sample, "markers", parts=["text"])
    hedges = m[m.family == "hedge"].groupby("article_id").size()
    got = out.set_index("article_id").wc_hedge_n
    assert got[hedges.index].tolist() == hedges.tolist()
    ok = out.wc_words > 0
    assert np.allclose(out.wc_subjective_per1k[ok], out.wc_subjective_n[ok] / out.wc_words[ok] * 1000)
    no_markers = word_choice_metrics(sample, markers=False)
    assert not any(c.startswith(("wc_hedge", "wc_intensifier", "wc_subjective")) for c in no_markers)
    custom = word_choice_metrics(sample, markers={"doubt": {"words": ["allegedly", "reportedly"]}})
    assert "wc_doubt_per1k" in custom.columns and "wc_hedge_n" not in custom.columns


def test_metrics_keep_index_and_do_not_modify_input(sample):
    df = sample.copy()
    df.index = [f"row{i}" for i in range(len(df))]
    before = df.copy(deep=True)
    out = word_choice_metrics(df)
    word_choice(df)
    pd.testing.assert_frame_equal(df, before)
    assert list(out.index) == list(df.index)
    assert out.article_id.tolist() == df.article_id.tolist()


def test_metrics_empty_and_missing_text():
    df = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                       "text": [None, "", float("nan"), "The regime fell."],
                       "title": [None, pd.NA, "", 3.5]})
    out = word_choice_metrics(df)
    assert out.wc_words.tolist() == [0, 0, 0, 3]
    assert out.wc_state_government__regime_n.tolist() == [0, 0, 0, 1]
    assert out.wc_state_government__regime_per1k.isna().tolist() == [True, True, True, False]
    assert out.wc_state_government__regime_share.isna().tolist() == [True, True, True, False]
    assert out.wc_hedge_per1k.isna().tolist() == [True, True, True, False]
    no_title = word_choice_metrics(df.drop(columns="title"))
    assert (no_title.filter(like="_title_n") == 0).all().all()
    empty = word_choice_metrics(df.iloc[:0])
    assert len(empty) == 0 and "wc_state_government__regime_share" in empty.columns


def test_metrics_validate_articles():
    with pytest.raises(ValueError, match="article_id must be unique"):
        word_choice_metrics(pd.DataFrame({"article_id": ["a", "a"], "text": ["x", "y"]}))
    with pytest.raises(ValueError, match="lacks column"):
        word_choice_metrics(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(TypeError):
        word_choice(["not", "a", "frame"])  # type: ignore[arg-type]


def test_word_choice_options_are_checked():
    df = pd.DataFrame({"article_id": ["a"], "text": ["The regime fell."]})
    with pytest.raises(MissingColumnError, match="word_choice"):
        word_choice(df.drop(columns="text"))
    with pytest.raises(ValueError, match="'title', 'text', 'caption'"):
        word_choice(df, parts=["body"])
    with pytest.raises(ValueError, match="context"):
        word_choice(df, context=-1)
    with pytest.raises(TypeError, match="progress"):
        word_choice(df, progress="yes")  # type: ignore[arg-type]


def test_word_choice_progress_bar_only_when_asked(capsys):
    df = pd.DataFrame({"article_id": ["a", "b"], "text": ["The regime fell.", "Rebels won."]})
    quiet = word_choice(df, progress=False)
    assert capsys.readouterr().err == ""
    loud = word_choice(df, progress=True)
    assert "word_choice" in capsys.readouterr().err
    pd.testing.assert_frame_equal(quiet, loud)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=200)), min_size=1, max_size=4))
def test_metrics_never_raise_on_arbitrary_text(texts):
    df = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "text": texts,
                       "title": list(reversed(texts)), "captions": [[t] if t else None for t in texts]})
    out = word_choice_metrics(df)
    assert len(out) == len(df)
    m = word_choice(df)
    for row in m.itertuples():
        src = df.loc[int(row.article_id)]
        part = src.title if row.part == "title" else src.text if row.part == "text" else src.captions[row.caption]
        assert 0 <= row.start < row.end <= len(part)


# --------------------------------------------------------------------------- the fictional sample


def test_sample_corpus_framing_contrasts(sample):
    """data/README.md: the Northern Ledger says "regime", "death tax", "illegal aliens"; Harbor
    Tribune "government", "estate tax", "undocumented immigrants"."""
    out = word_choice_metrics(sample)
    nl = sample.outlet.fillna("").str.lower().str.contains("northern")
    ht = sample.outlet.fillna("").str.lower().str.contains("harbor")
    assert nl.sum() >= 5 and ht.sum() >= 5

    def total(rows: pd.Series, col: str) -> int:
        return int(out.loc[rows, col].sum())

    assert total(nl, "wc_state_government__regime_n") > total(ht, "wc_state_government__regime_n")
    assert total(nl, "wc_estate_tax__death_tax_n") > 0 and total(ht, "wc_estate_tax__death_tax_n") == 0
    assert total(ht, "wc_estate_tax__estate_tax_n") > 0
    assert total(nl, "wc_migrant_labels__illegal_aliens_n") > 0
    assert total(ht, "wc_migrant_labels__undocumented_immigrants_n") > 0
    assert total(nl, "wc_leader_labels__strongman_n") > 0
    assert out.loc[nl, "wc_hedge_per1k"].mean() > 0


# --------------------------------------------------------------------------- BASIL


def _basil_lex_spans(root: Path) -> list[tuple[str, int, int]]:
    spans = []
    for ann_path in sorted((root / "annotations").glob("*/*_ann.json")):
        base = ann_path.name[: -len("_ann.json")]
        art = json.loads((root / "articles" / ann_path.parent.name / f"{base}.json").read_text("utf-8"))
        sentences = [s for para in art["body-paragraphs"] for s in para]
        ann = json.loads(ann_path.read_text("utf-8"))
        for p in ann["phrase-level-annotations"]:
            if p["bias"] == "lex":
                sentence = sentences[int(p["id"][1:])]
                assert sentence[p["start"]:p["end"]] == p["txt"]
                spans.append((sentence, p["start"], p["end"]))
    return spans


@pytest.mark.slow
@pytest.mark.corpus
def test_basil_lexical_bias_coverage(corpora):
    """Share of BASIL's lexical-bias spans (bias == 'lex') that overlap a lexicon or marker match.

    Measured when the lists were written (2010-2016 part, 319 spans): framing 2.2%, markers
    32%, either 33.5%; 29.5% on the 244 spans whose text the list authors had not seen. The
    floor is set below that; the numbers are printed (pytest -s) for the record.
    """
    spans = _basil_lex_spans(corpora / "basil")
    assert len(spans) > 200
    framing, markers = load_lexicon(), load_lexicon("markers")

    def coverage(lexicons) -> float:
        hit = 0
        for sentence, a, b in spans:
            hit += any(m.start < b and m.end > a for lex in lexicons for m in lex.find(sentence))
        return hit / len(spans)

    both = coverage([framing, markers])
    print(f"\nBASIL lex spans: {len(spans)}; covered by framing {coverage([framing]):.3f}, "
          f"markers {coverage([markers]):.3f}, either {both:.3f}")
    assert both >= 0.25


# --------------------------------------------------------------------------- shared chunk table

_HOSTILE = st.text(
    alphabet=st.sampled_from(list("ab Z9_.-'\u2019\n\t\u00a0\u3000\u2028İ😀,;\u00e9") + ["\ud800"]), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(_HOSTILE)
def test_chunk_word_counts_equal_count_words(text: str) -> None:
    from mediakit.text import CHUNKS, chunk_offsets, chunk_word_counts

    ids = CHUNKS.ids(text.split())
    assert chunk_word_counts(ids) == count_words(text)
    starts, ends = chunk_offsets(text)
    assert [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)] == text.split()


def test_no_white_space_above_the_chunk_table() -> None:
    import sys

    from mediakit.text._tokens import SPACE_TABLE as _SPACE_TABLE

    assert not any(chr(c).isspace() for c in range(len(_SPACE_TABLE), sys.maxunicode + 1))


def test_chunk_vocabulary_starts_again_when_full() -> None:
    from mediakit.text import ChunkFeatures, ChunkVocabulary

    vocab = ChunkVocabulary(max_size=3)
    lengths = ChunkFeatures(vocab, lambda c: (len(c),), 1)
    assert lengths.rows(vocab.ids(["a", "bb", "a"])).ravel().tolist() == [1, 2, 1]
    ids = vocab.ids(["ccc", "dddd"])  # 2 + 2 > 3: the vocabulary starts again
    assert vocab.generation == 1 and ids.tolist() == [0, 1] and vocab.chunks == ["ccc", "dddd"]
    assert lengths.rows(ids).ravel().tolist() == [3, 4]  # the table follows
