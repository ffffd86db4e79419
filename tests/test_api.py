"""One consistent public API (issue 12): the same idea has the same name, and old names still work.

* Names, read from ``inspect.signature`` of every public function (``mediakit.__all__``,
  ``mediakit.plot``, ``mediakit.datasets``, ``mediakit.compare``): ``by`` is the grouping column
  (default 'outlet'), ``columns`` a selection of columns (never ``metrics_cols``), no ``outlet``
  grouping option, dataset readers ``load_X(root=None, *, <options>)`` (never ``path``),
  ``progress`` defaults to None.
* Deprecated names are kept out of the signatures (they arrive through ``**kwargs``) and keep
  working for one release with a DeprecationWarning naming the new name, pointing at the caller's
  line; giving the old and the new name together is a TypeError.
* Every public function of the W1 modules documents what it returns.
* The long tables (sentences, word-choice matches) carry each article's ``outlet`` and
  ``published`` when the articles table has them, so they group by outlet without a join.
"""

from __future__ import annotations

import gzip
import inspect
import json
import re
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import mediakit
from mediakit import datasets
from mediakit import plot as mp
from mediakit._validation import check_no_kwargs, renamed, warn_deprecated

compare_module = sys.modules["mediakit.compare"]  # mediakit.compare is also the function


def _public(label: str, module: Any) -> list[tuple[str, Callable[..., Any]]]:
    out = []
    for name in module.__all__:
        obj = getattr(module, name)
        if inspect.isfunction(obj):
            out.append((f"{label}.{name}", obj))
    return out


FUNCTIONS = dict(_public("mediakit", mediakit) + _public("mediakit.plot", mp)
                 + _public("mediakit.datasets", datasets) + _public("mediakit.compare", compare_module))
READERS = {name: f for name, f in FUNCTIONS.items() if name.startswith("mediakit.datasets.load_")}

#: ``outlet=`` parameters that are not a grouping option, and why.
OUTLET_IS_NOT_GROUPING = {
    "mediakit.load_articles": "the outlet name given to articles whose files do not name one",
    "mediakit.iter_articles": "the outlet name given to articles whose files do not name one",
}

#: Public functions outside helper W1's files whose ``progress`` still defaults to False: the lead
#: changes them at the merge (then this test passes and the entry must go: the xfail is strict).
PROGRESS_PENDING: dict[str, str] = {}

#: Public functions that return nothing worth a Returns section.
RETURNS_ELSEWHERE = {
    "mediakit.plot.theme": "a context manager in mediakit/_figures.py (it yields; nothing is returned)",
}


def _params(func: Callable[..., Any]) -> dict[str, inspect.Parameter]:
    return dict(inspect.signature(func).parameters)


# =========================================================================== the same idea, the same name


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_the_same_idea_has_the_same_name(name):
    params = _params(FUNCTIONS[name])
    assert "metrics_cols" not in params, "a selection of metric columns is columns="
    if "outlet" in params:
        assert name in OUTLET_IS_NOT_GROUPING, "the grouping column is by= (outlet= is deprecated)"
    if "by" in params:
        assert params["by"].default == "outlet", "by= is the grouping column, default 'outlet'"
    if name.startswith("mediakit.plot.") and name.rsplit(".", 1)[1] in ("share_table", "source_mix"):
        assert "category" in params and params["by"].kind is inspect.Parameter.KEYWORD_ONLY


def _progress_cases() -> list[Any]:
    cases = []
    for name in sorted(FUNCTIONS):
        if "progress" not in _params(FUNCTIONS[name]):
            continue
        marks = [pytest.mark.xfail(strict=True, reason=f"progress=False in {PROGRESS_PENDING[name]} (not W1's)")] \
            if name in PROGRESS_PENDING else []
        cases.append(pytest.param(name, marks=marks, id=name))
    return cases


@pytest.mark.parametrize("name", _progress_cases())
def test_progress_defaults_to_none(name):
    """None: bars in terminals and notebooks, not under CI (mediakit._progress)."""
    param = _params(FUNCTIONS[name])["progress"]
    assert param.default is None and param.kind is inspect.Parameter.KEYWORD_ONLY


def test_the_w1_functions_that_loop_over_articles_take_progress():
    for name in ("mediakit.kwic", "mediakit.attention", *READERS):
        assert "progress" in _params(FUNCTIONS[name]), name


@pytest.mark.parametrize("name", sorted(READERS))
def test_dataset_readers_are_called_the_same_way(name):
    """``load_X(root=None, *, <options>)``: the corpus folder first, options keyword-only."""
    params = list(_params(READERS[name]).values())
    first, rest = params[0], params[1:]
    assert first.name == "root" and first.default is None
    assert first.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    assert all(p.kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_KEYWORD) for p in rest)
    assert "path" not in {p.name for p in params}
    assert "progress" in {p.name for p in rest}


def _documented_functions() -> list[str]:
    return sorted(n for n in FUNCTIONS if n not in RETURNS_ELSEWHERE)


@pytest.mark.parametrize("name", _documented_functions())
def test_returns_are_documented(name):
    """A Returns section; for a table, what one row is."""
    doc = inspect.getdoc(FUNCTIONS[name]) or ""
    m = re.search(r"^Returns\n-------\n(.*?)(?:\n\n[A-Z][a-z]+\n-+\n|\Z)", doc, flags=re.S | re.M)
    assert m, "no Returns section"
    section = m.group(1)
    first_line = section.splitlines()[0]
    if "DataFrame" in first_line and "Comparison" not in first_line:
        assert re.search(r"row per", section, flags=re.I), "say what one row of the table is"


# =========================================================================== long tables: outlet, published


@pytest.mark.parametrize("func", [mediakit.sentences, mediakit.word_choice], ids=lambda f: f.__name__)
def test_long_tables_carry_outlet_and_published(func):
    """Right after ``article_id``, copied from the article with its dtype; absent when the articles lack them."""
    arts = pd.DataFrame({"article_id": pd.array(["a", "b"], dtype="string"),
                         "outlet": pd.array(["X", "Y"], dtype="string"),
                         "published": pd.to_datetime(["2025-01-06", "2025-01-13"], utc=True),
                         "text": ["The regime fell. Rebels won.", "The government spoke."]})
    rows = func(arts)
    assert list(rows.columns[:3]) == ["article_id", "outlet", "published"]
    assert rows.dtypes[["outlet", "published"]].tolist() == arts.dtypes[["outlet", "published"]].tolist()
    lookup = arts.set_index("article_id")
    assert rows["outlet"].tolist() == lookup.loc[rows["article_id"], "outlet"].tolist()
    assert rows["published"].tolist() == lookup.loc[rows["article_id"], "published"].tolist()
    assert set(rows["outlet"]) == {"X", "Y"}
    plain = func(arts[["article_id", "text"]])
    assert "outlet" not in plain.columns and "published" not in plain.columns
    pd.testing.assert_frame_equal(rows.drop(columns=["outlet", "published"]), plain)


# =========================================================================== the helper


def f(new: Any = None, **deprecated: Any) -> Any:
    """A public function whose ``old=`` was renamed ``new=``."""
    return renamed("f", "old", "new", deprecated.pop("old", None), new)


def test_renamed_returns_the_value_to_use_and_warns_at_the_caller():
    assert f(new=3) == 3
    with pytest.warns(DeprecationWarning, match=r"^f\(\): old= is deprecated, use new=$") as rec:
        assert f(old=2) == 2
    assert rec[0].filename == __file__ and rec[0].lineno == inspect.currentframe().f_lineno - 1
    with pytest.warns(DeprecationWarning):  # the new name at its default: the old one is used
        assert renamed("f", "old", "new", 2, "d", default="d") == 2
    with pytest.raises(TypeError, match=r"f\(\): got both old= \(deprecated\) and new="):
        renamed("f", "old", "new", 2, 3)
    missing = object()
    assert renamed("f", "old", "new", missing, None, sentinel=missing) is None


def test_warn_deprecated_and_unknown_keywords():
    def g() -> None:
        warn_deprecated("g", "x", "y")

    with pytest.warns(DeprecationWarning, match=r"^g\(\): x is deprecated, use y$") as rec:
        g()
    assert rec[0].filename == __file__ and rec[0].lineno == inspect.currentframe().f_lineno - 1
    check_no_kwargs({}, func="f")
    with pytest.raises(TypeError, match="f\\(\\) got an unexpected keyword argument 'z'"):
        check_no_kwargs({"z": 1}, func="f")


# =========================================================================== compare(metrics_cols=)


def _metrics() -> pd.DataFrame:
    return pd.DataFrame({"outlet": ["A"] * 6 + ["B"] * 6, "tone": [1, 2, 3, 4, 5, 6, 4, 5, 6, 7, 8, 9],
                         "words": range(12)})


def test_compare_metrics_cols_still_works_with_a_warning():
    m = _metrics()
    new = mediakit.compare(m, columns=["tone"], n_boot=100)
    with pytest.warns(DeprecationWarning, match=r"compare\(\): metrics_cols= is deprecated, use columns=") as rec:
        old = mediakit.compare(m, metrics_cols=["tone"], n_boot=100)
    assert rec[0].filename == __file__
    pd.testing.assert_frame_equal(old.groups, new.groups)
    pd.testing.assert_frame_equal(old.pairs, new.pairs)
    assert old.info == new.info
    with pytest.raises(TypeError, match="both metrics_cols="):
        mediakit.compare(m, columns=["tone"], metrics_cols=["words"])
    with pytest.raises(TypeError, match="unexpected keyword argument 'metric_cols'"):
        mediakit.compare(m, metric_cols=["tone"])


# =========================================================================== charts: outlet= -> by=


def _chart_cases() -> list[tuple[Callable[..., Any], pd.DataFrame, dict[str, Any]]]:
    papers = ["A", "A", "A", "B", "B", "B"]
    weeks = pd.to_datetime(["2025-01-06", "2025-01-13", "2025-01-20"] * 2, utc=True)
    return [
        (mp.metric_by_outlet, pd.DataFrame({"paper": ["A", "B"], "mean": [0.1, 0.3], "ci_low": [0.0, 0.2],
                                            "ci_high": [0.2, 0.4]}), {}),
        (mp.readability_by_outlet, pd.DataFrame({"paper": papers, "read_flesch_reading_ease": [50, 55, 60, 40, 45,
                                                                                               41]}), {}),
        (mp.word_choice_shares, pd.DataFrame({"paper": ["A", "A", "B"], "variant": ["regime", "government",
                                                                                   "government"],
                                              "share": [0.75, 0.25, 1.0]}), {}),
        (mp.sentiment_distribution, pd.DataFrame({"paper": papers, "compound": [0.1, -0.2, 0.3, 0.0, 0.5, -0.4]}),
         {}),
        (mp.actor_sentiment_plot, pd.DataFrame({"paper": papers, "actor": "Kell",
                                                "compound": [0.1, -0.2, 0.3, 0.0, 0.5, -0.4]}), {}),
        (mp.actor_label_heatmap, pd.DataFrame({"paper": papers, "actor": "Kell",
                                               "label": ["leader", "leader", "ruler", "leader", "ruler", "ruler"]}),
         {}),
        (mp.attention_plot, pd.DataFrame({"period_start": weeks, "paper": papers, "n_articles": [1, 2, 0, 3, 1, 1]}),
         {}),
        (mp.source_mix, pd.DataFrame({"paper": papers, "source_type": ["official", "person", None, "official",
                                                                       "official", "person"]}),
         {"category": "source_type"}),  # by= without category= is the old call (by= the category)
    ]


def _drawn(ax: Any) -> list[str]:
    """What a reader sees: tick labels, texts and artist labels."""
    ax.get_figure().canvas.draw()
    ticks = [t.get_text() for t in (*ax.get_xticklabels(), *ax.get_yticklabels())]
    labels = [str(a.get_label()) for a in (*ax.lines, *ax.collections, *ax.patches)]
    return ticks + [t.get_text() for t in ax.texts] + labels


@pytest.mark.parametrize("func, data, kw", _chart_cases(), ids=lambda v: getattr(v, "__name__", ""))
def test_chart_outlet_still_works_with_a_warning(func, data, kw):
    fig, (ax_new, ax_old) = plt.subplots(1, 2, figsize=(10, 3))
    func(data, by="paper", ax=ax_new, **kw)
    with pytest.warns(DeprecationWarning, match=rf"^{func.__name__}\(\): outlet= is deprecated, use by=$") as rec:
        func(data, outlet="paper", ax=ax_old, **kw)
    assert rec[0].filename == __file__
    assert _drawn(ax_old) == _drawn(ax_new)
    with pytest.raises(TypeError, match="both outlet="):
        func(data, by="paper", outlet="paper", **kw)
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        func(data, by="paper", colour="red", **kw)


def test_charts_find_the_outlet_or_group_column_by_default():
    groups = pd.DataFrame({"group": ["A", "B"], "mean": [0.1, 0.3], "ci_low": [0.0, 0.2], "ci_high": [0.2, 0.4]})
    ax = mp.metric_by_outlet(groups)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B", "A"]
    plt.close("all")
    ax = mp.metric_by_outlet(groups.rename(columns={"group": "outlet"}), by="outlet")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B", "A"]


# =========================================================================== share_table / source_mix: category=


def _attributions() -> pd.DataFrame:
    return pd.DataFrame({"paper": ["A", "A", "A", "B"], "outlet": ["X", "X", "Y", "Y"],
                         "source_type": ["official", "official", None, "person"],
                         "cue_class": ["say", "claim", "say", "say"]})


def test_share_table_by_as_the_category_still_works_with_a_warning():
    rows = _attributions()
    new = mp.share_table(rows, category="source_type")
    with pytest.warns(DeprecationWarning, match=r"share_table\(\): by='source_type' naming the category column is "
                                                r"deprecated, use category=") as rec:
        old = mp.share_table(rows, by="source_type")
    assert rec[0].filename == __file__
    pd.testing.assert_frame_equal(old, new)
    # the old group option too: two warnings, the same table as the new call
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old = mp.share_table(rows, by="source_type", outlet="paper")
    assert [str(w.message).split(" is deprecated")[0] for w in caught] == [
        "share_table(): by='source_type' naming the category column", "share_table(): outlet="]
    assert all(w.category is DeprecationWarning and w.filename == __file__ for w in caught)
    pd.testing.assert_frame_equal(old, mp.share_table(rows, category="source_type", by="paper"))
    assert set(mp.share_table(rows, category="source_type", by="paper")["outlet"]) == {"A", "B"}
    with pytest.raises(TypeError, match="missing required keyword argument: 'category'"):
        mp.share_table(rows)


def test_source_mix_by_as_the_category_still_works_with_a_warning():
    rows = _attributions()
    fig, (ax_new, ax_old, ax_default) = plt.subplots(1, 3, figsize=(12, 3))
    mp.source_mix(rows, category="cue_class", ax=ax_new)
    with pytest.warns(DeprecationWarning, match=r"source_mix\(\): by='cue_class' naming the category") as rec:
        mp.source_mix(rows, by="cue_class", ax=ax_old)
    assert rec[0].filename == __file__
    assert _drawn(ax_old) == _drawn(ax_new)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mp.source_mix(rows, ax=ax_default)  # category 'source_type', by 'outlet': no warning
        mp.source_mix(rows, category="source_type", by="paper", ax=ax_default)
    assert "source type" in ax_default.get_xlabel()


# =========================================================================== dataset readers


@pytest.fixture()
def corpora_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny corpora folder (PolNeAR dev with one annotated article, AllSides with two lines)."""
    root = tmp_path / "corpora"
    text_dir = root / "polnear" / "dev" / "text"
    ann_dir = root / "polnear" / "dev" / "attributions"
    text_dir.mkdir(parents=True)
    ann_dir.mkdir(parents=True)
    (text_dir / "nyt_2016-09-20_a.txt").write_text("Title.\n\nHe said so.\n", encoding="utf-8")
    (ann_dir / "nyt_2016-09-20_a_x1.ann").write_text("T1\tCue 11 15\tsaid\nE1\tAttribution:T1 Cue:T1\n",
                                                    encoding="utf-8")
    (root / "allsides").mkdir()
    recs = [{"ID": f"id{i}", "source": "CNN (Web News)", "date": "2016-09-20", "title": f"T{i}",
             "topic": "elections", "bias_text": "left", "content_original": f"Body {i}."} for i in (1, 2)]
    with gzip.open(root / "allsides" / "articles.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in recs) + "\n")
    monkeypatch.setenv("MEDIAKIT_CORPORA", str(root))
    return root


@pytest.mark.parametrize("load", [datasets.load_polnear, datasets.load_polnear_attributions],
                         ids=lambda f: f.__name__)
def test_a_split_given_first_still_works_with_a_warning(load, corpora_root):
    polnear = corpora_root / "polnear"
    new = load(polnear, split="dev")
    assert len(new) == 1
    match = rf"^{load.__name__}\(\): a split as the first argument is deprecated, use split="
    for args, kw in ((("dev",), {"root": polnear}), ((["dev"],), {"root": polnear}), (("dev",), {}),
                     ((("dev",),), {})):
        with pytest.warns(DeprecationWarning, match=match) as rec:
            old = load(*args, **kw)
        assert rec[0].filename == __file__
        pd.testing.assert_frame_equal(old, new)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pd.testing.assert_frame_equal(load(split="dev"), new)  # the default folder, no warning
        pd.testing.assert_frame_equal(load(root=polnear), new)
    with pytest.raises(TypeError, match="split as the first argument .* and split="):
        load("dev", root=polnear, split="train")
    with pytest.warns(DeprecationWarning), pytest.raises(ValueError, match="withheld"):
        load("test", root=polnear)


def test_load_allsides_path_still_works_with_a_warning(corpora_root):
    path = corpora_root / "allsides" / "articles.jsonl.gz"
    new = datasets.load_allsides(path)
    with pytest.warns(DeprecationWarning, match=r"^load_allsides\(\): path= is deprecated, use root=$") as rec:
        old = datasets.load_allsides(path=path)
    assert rec[0].filename == __file__
    pd.testing.assert_frame_equal(old, new)
    pd.testing.assert_frame_equal(datasets.load_allsides(corpora_root / "allsides"), new)  # the folder
    pd.testing.assert_frame_equal(datasets.load_allsides(), new)  # corpora_dir() / "allsides"
    with pytest.raises(TypeError, match="both path="):
        datasets.load_allsides(path, path=path)
    with pytest.raises(TypeError, match="multiple values for argument 'root'"):
        datasets.load_allsides(path, root=path)


def test_new_calls_do_not_warn(corpora_root):
    """The new calls of the readers, compare and share_table warn about nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        datasets.load_polnear(split="dev")
        datasets.load_polnear_attributions(corpora_root / "polnear")
        datasets.load_allsides(limit=1)
        mediakit.compare(_metrics(), columns="tone", n_boot=0)
        mp.share_table(_attributions(), category="cue_class")


def test_a_dask_frame_given_to_the_pandas_core_is_pointed_to_mediakit_dask():
    """One check (_validation.check_frame) names mediakit.dask.<func> where it exists, else .compute()."""
    dd = pytest.importorskip("dask.dataframe")
    import pandas as pd

    from mediakit.metrics.analyze import analyze as analyze_frame

    ddf = dd.from_pandas(pd.DataFrame({"article_id": ["a"], "text": ["The regime fell."]}), npartitions=1)
    with pytest.raises(TypeError, match=r"analyze\(\): articles is a Dask DataFrame; use mediakit\.dask\.analyze"):
        analyze_frame(ddf)
    with pytest.raises(TypeError, match=r"readability\(\): articles is a Dask DataFrame; \.compute\(\) it first"):
        mediakit.readability(ddf)
