"""House style apart from framing in distinctive_terms: self-references, honorifics, abbreviation variants."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit as mk
from mediakit.compare._style import fold_variant, house_style, style_terms


def _corpus() -> pd.DataFrame:
    fox = ["Mr. Smith told Fox News the tax relief plan works, Sen. Jones said.",
           "The tax relief bill passed, Mr. Smith told Fox. Fox News learned more.",
           "Sen. Jones backed tax relief on Fox News, J. Doe said."] * 4
    huff = ["Senator Jones attacked the tax cut for the rich, HuffPost reported.",
            "The tax cut for the rich passed, the Huffington Post found.",
            "Senator Jones defended the tax cut for the rich in the U.S. Senate."] * 4
    return pd.DataFrame({"outlet": ["Fox News"] * len(fox) + ["HuffPost"] * len(huff),
                         "title": [""] * (len(fox) + len(huff)), "text": fox + huff})


def test_default_ranking_has_no_outlet_name_honorific_or_initial():
    t = mk.distinctive_terms(_corpus(), min_count=3, top=15)
    rules = style_terms(["Fox News", "HuffPost"])
    assert len(t) and all(rules.reason(term) is None for term in t["term"])
    assert {"tax relief", "rich"} & set(t["term"])
    assert t.attrs["house_style"] == "exclude"


def test_words_of_an_outlet_name_are_not_counted_inside_the_name():
    """'news' of 'told Fox News' is the outlet's name: only the other 'news' count (pandas and Dask)."""
    arts = pd.DataFrame({"outlet": ["Fox News"] * 3 + ["CNN"] * 3, "title": [""] * 6,
                         "text": ["He told Fox News that news of the tax cut was good."] * 3
                         + ["The news of the tax plan spread."] * 3})
    counts = mk.distinctive_terms(arts, min_count=1).set_index(["group", "term"])["count_group"]
    assert counts[("Fox News", "news")] == 3 and counts[("CNN", "news")] == 3
    kept = mk.distinctive_terms(arts, min_count=1, house_style="keep").set_index(["group", "term"])["count_group"]
    assert kept[("Fox News", "news")] == 6
    only = mk.distinctive_terms(arts, min_count=1, house_style="only")
    assert "fox news" in set(only["term"])  # listed as style, not masked away
    dd = pytest.importorskip("dask.dataframe")
    from mediakit.dask import distinctive_terms as dask_terms

    on_dask = dask_terms(dd.from_pandas(arts, npartitions=2), min_count=1).set_index(["group", "term"])
    assert on_dask["count_group"][("Fox News", "news")] == 3


def test_only_lists_the_style_terms_with_their_reason():
    t = mk.distinctive_terms(_corpus(), min_count=3, house_style="only")
    assert set(t["style"]) <= {"honorific", "initial", "outlet name"}
    fox = t[t["group"] == "Fox News"]
    assert {"fox", "fox news", "told fox"} <= set(fox["term"])
    assert "mr" in set(fox["term"])
    assert fox.set_index("term").loc["mr", "style"] == "honorific"


def test_keep_is_the_old_behaviour_and_variants_stay_apart():
    keep = mk.distinctive_terms(_corpus(), min_count=3, house_style="keep")
    assert "style" not in keep.columns
    assert {"sen", "senator", "fox"} <= set(keep["term"])
    folded = mk.distinctive_terms(_corpus(), min_count=3)
    assert "sen" not in set(folded["term"])  # "Sen." and "Senator" are one word now
    # "senator" occurs in both outlets after folding: it is no longer a HuffPost-only word
    row = folded[(folded["group"] == "HuffPost") & (folded["term"] == "senator")]
    assert row.empty or row["count_other"].item() > 0


def test_folding_rules():
    ab = house_style().abbreviations
    assert [fold_variant(t, ab) for t in ("sen", "rep", "u.s", "d.c", "st.louis", "tax", "u.s.a")] == \
        ["senator", "representative", "us", "dc", "st.louis", "tax", "usa"]


def test_style_rules_use_full_names_and_aliases_not_ordinary_words():
    rules = style_terms(["The Washington Post", "Fox News", "HuffPost"])
    assert rules.reason("washington post") == "outlet name"
    assert rules.reason("washington") is None and rules.reason("news") is None
    assert rules.reason("huffington") == "outlet name"  # a shipped alias of HuffPost
    assert rules.reason("said mr") == "honorific" and rules.reason("j") == "initial"


def test_bad_option():
    with pytest.raises(ValueError, match="house_style"):
        mk.distinctive_terms(_corpus(), house_style="drop")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=2, max_size=6))
def test_odd_outlet_names_never_raise(names):
    rules = style_terms(names)
    assert rules.reason("tax cut") in (None, "outlet name")


_WORDS = st.sampled_from(["mr", "sen", "fox", "news", "washington", "post", "j", "é", "tax", "cut", "", "huffpost",
                          "told", "the"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=4).map(" ".join), max_size=30))
def test_reasons_of_many_terms_are_reason_term_by_term(terms):
    """The vectorised reasons (distinct tokens, then NumPy) give what the term-by-term rule gives."""
    import numpy as np

    rules = style_terms(["Fox News", "The Washington Post", "HuffPost"])
    arr = np.array(terms, dtype=object)
    assert rules.reasons(arr).tolist() == [rules.reason(t) for t in terms]


def test_terms_by_mode_equal_one_call_per_mode():
    """One tokenisation for several modes gives each mode's own table (and "keep" its unfolded one)."""
    from mediakit.compare import terms_by_mode

    arts = _corpus()
    modes = ("exclude", "only", "keep", "exclude")
    for table, mode in zip(terms_by_mode(arts, modes, min_count=2, top=10), modes, strict=True):
        pd.testing.assert_frame_equal(table, mk.distinctive_terms(arts, min_count=2, top=10, house_style=mode))
        assert table.attrs == mk.distinctive_terms(arts, min_count=2, top=10, house_style=mode).attrs
    assert [len(t) for t in terms_by_mode(arts.iloc[:0], ("exclude", "only"))] == [0, 0]


@pytest.mark.corpus
def test_terms_by_mode_on_allsides_equal_one_call_per_mode(corpora):
    """On 3,000 AllSides articles (two slices of 2,000), the shared tokenisation changes no number."""
    from mediakit.compare import terms_by_mode

    arts = mk.datasets.load_allsides(corpora / "allsides" / "articles.jsonl.gz", limit=3000)
    framing, style = terms_by_mode(arts, ("exclude", "only"), top=15)
    pd.testing.assert_frame_equal(framing, mk.distinctive_terms(arts, top=15))
    pd.testing.assert_frame_equal(style, mk.distinctive_terms(arts, top=15, house_style="only"))
    assert len(framing) and len(style) and set(style["style"]) >= {"honorific", "outlet name"}
