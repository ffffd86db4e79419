"""mediakit.plot: every chart drawn, saved and checked; the same files every time; chart details; clear
errors on bad input.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from mediakit import plot as mp
from mediakit._validation import MissingColumnError
from mediakit.export import save_figure
from mediakit.plot import figure_for

from .charts import (CHARTS, actor_label_rows, actor_mentions, analyze_rows, articles_table, attention_table,
                     attribution_rows, csv_matches, draw, events_table, groups_table, outlet_colours, outlet_names,
                     overlapping, png_info, sentence_rows, terms_table, word_choice_rows)


# =========================================================================== every chart, saved and checked


@pytest.mark.parametrize("n", [2, 30])
@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_chart_saves_png_svg_pdf_and_csv(chart, n, tmp_path):
    fig, ax, table = draw(chart, n)
    paths = save_figure(ax, tmp_path / f"{chart}.png", dpi=120, data=table)
    assert [p.name for p in paths] == [f"{chart}.png", f"{chart}.svg", f"{chart}.pdf", f"{chart}.csv"]
    for p in paths:
        assert p.is_file() and p.stat().st_size > 200, p
    width, height, dpi = png_info(paths[0])
    assert dpi == pytest.approx(120, abs=0.1)
    w_in, h_in = fig.get_size_inches()
    # cropped to the content: never larger than a few points of padding beyond the figure, never tiny
    assert 0.5 * w_in * 120 < width <= w_in * 120 + 40
    assert 0.5 * h_in * 120 < height <= h_in * 120 + 40
    assert paths[1].read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert paths[2].read_bytes()[:5] == b"%PDF-"
    csv_matches(table, paths[3])


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_default_ax_is_the_current_axes_and_input_untouched(chart):
    func, build, kind, _ = CHARTS[chart]
    names = outlet_names(4)
    data, kw, _ = build(names)
    before = data.copy(deep=True)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4))
    plt.sca(ax1)
    out = func(data, **kw)
    assert out is ax1
    assert not ax2.has_data()
    pd.testing.assert_frame_equal(data, before)


def test_charts_never_show_or_save(monkeypatch, tmp_path):
    def boom(*args, **kwargs):
        raise AssertionError("chart functions must not show or save")

    monkeypatch.setattr(plt, "show", boom)
    monkeypatch.setattr(Figure, "show", boom)
    monkeypatch.setattr(Figure, "savefig", boom)
    monkeypatch.setattr(plt, "savefig", boom)
    monkeypatch.chdir(tmp_path)
    for chart in CHARTS:
        draw(chart, 3)
        plt.close("all")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_same_chart_twice_gives_byte_identical_files(chart, tmp_path):
    outs = []
    for run in ("a", "b"):
        fig, ax, table = draw(chart, 5)
        outs.append(save_figure(fig, tmp_path / run / chart, dpi=100, data=table))
        plt.close(fig)
    for p, q in zip(*outs, strict=True):
        assert p.name == q.name
        assert p.read_bytes() == q.read_bytes(), f"{p.name} differs between two identical charts"


def test_files_are_identical_across_processes_and_hash_seeds(tmp_path):
    """No set/dict-order or id()-based randomness: two interpreters with different hash seeds agree."""
    import os
    import subprocess
    import sys

    script = (
        "import sys, hashlib, pathlib; sys.path.insert(0, sys.argv[1])\n"
        "import matplotlib; matplotlib.use('Agg')\n"
        "from charts import draw\n"
        "from mediakit.export import save_figure\n"
        "h = hashlib.sha256()\n"
        "for chart in ('metric_by_outlet', 'distinctive_terms_scatter', 'source_mix_type'):\n"
        "    fig, ax, t = draw(chart, 6)\n"
        "    for p in save_figure(fig, pathlib.Path(sys.argv[2]) / chart, dpi=60, data=t):\n"
        "        h.update(p.read_bytes())\n"
        "print(h.hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "MPLBACKEND": "Agg"}
        out = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(tmp_path / seed)],
                             capture_output=True, text=True, check=True, env=env)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


# =========================================================================== chart details


def test_metric_by_outlet_sorts_and_marks_small_groups():
    t = groups_table(["A", "B", "C", "D"])
    fig, ax = plt.subplots()
    mp.metric_by_outlet(t, metric="tone", ax=ax)
    order = [x.get_text() for x in ax.get_yticklabels()]
    assert order == t.sort_values("mean", ascending=False)["group"].tolist()
    small = t.loc[t["small_group"], "group"].tolist()
    hollow = [c.get_label() for c in ax.collections if to_hex(c.get_facecolor()[0]) == "#ffffff"]
    assert hollow == small == ["D"]
    assert any("(small)" in x.get_text() for x in ax.texts)


def test_metric_by_outlet_takes_a_comparison():
    from mediakit import compare

    m = pd.DataFrame({"outlet": ["A"] * 6 + ["B"] * 6, "tone": [1, 2, 3, 4, 5, 6, 4, 5, 6, 7, 8, 9]})
    res = compare(m, columns="tone", n_boot=200)
    ax = mp.metric_by_outlet(res)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B", "A"]
    assert "95% CI" in ax.get_xlabel()


def test_word_choice_shares_from_a_share_table():
    shares = pd.DataFrame({"outlet": ["A", "A", "B"], "variant": ["regime", "government", "government"],
                           "share": [0.75, 0.25, 1.0], "count": [3, 1, 2]})
    ax = mp.word_choice_shares(shares)
    widths = sorted(round(p.get_width(), 2) for p in ax.patches if p.get_width() > 0)
    assert widths == [0.25, 0.75, 1.0]
    assert any(t.get_text() == "n=4" for t in ax.texts)
    plt.close("all")
    ax = mp.word_choice_shares(shares.drop(columns="count"))  # shares only: no n, no "no matches"
    assert not any(t.get_text().startswith("n=") or t.get_text() == "no matches" for t in ax.texts)


def test_share_table_counts_and_shares():
    rows = pd.DataFrame({"article_id": ["a", "a", "b"], "source_type": ["official", None, "person"]})
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"]})
    t = mp.share_table(rows, category="source_type", articles=arts, outlets=arts["outlet"])
    assert t.groupby("outlet")["total"].first().to_dict() == {"X": 2, "Y": 1, "Z": 0}
    assert t.loc[(t["outlet"] == "X") & (t["source_type"] == "(none)"), "share"].item() == 0.5
    assert t.loc[t["outlet"] == "Z", "share"].isna().all()


def test_source_mix_other_and_none_get_different_greys():
    kinds = ["person", "official", "media", "agency", "anonymous", "document", "group", "pronoun"]
    rows = pd.DataFrame({"article_id": ["a"] * (len(kinds) + 1), "source_type": kinds + [None]})
    arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"]})
    ax = mp.source_mix(rows, articles=arts, max_categories=4)
    colours = {t.get_text(): to_hex(h.get_facecolor())
               for t, h in zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles, strict=True)}
    assert colours["other"] == to_hex(mp.OTHER_COLOR) and colours["(none)"] == to_hex(mp.MISSING_COLOR)
    assert colours["other"] != colours["(none)"]


def test_word_choice_shares_lumps_rare_variants_and_shows_empty_outlets():
    names = ["A", "B", "C"]
    arts = articles_table(names)
    wc = word_choice_rows(names[:2])
    ax = mp.word_choice_shares(wc, family="leader_labels", articles=arts, max_categories=3)
    labels = [t for t in ax.get_legend().get_texts()]
    assert [t.get_text() for t in labels][-1] == "other" and len(labels) == 3
    assert any(t.get_text() == "no matches" for t in ax.texts)


def test_event_labels_do_not_overlap():
    fig, ax, _ = draw("event_matched", 4)
    fig.canvas.draw()
    events = set(events_table(["x"])["event"])
    boxes = [t.get_window_extent() for t in ax.texts if t.get_text() in events]
    assert len(boxes) == 5
    assert overlapping(boxes) == []


def test_readability_uses_metric_by_outlet_for_group_tables():
    t = groups_table(["A", "B"]).assign(metric="read_flesch_reading_ease")
    ax = mp.readability_by_outlet(t)
    assert "mean and" in ax.get_xlabel()


def test_real_sample_corpus(tmp_path, seed_path):
    """A few charts of the fictional sample corpus in data/, end to end."""
    import warnings

    import mediakit as mk

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = mk.load_articles(seed_path.parent)
    pal = mp.outlet_colors(arts["outlet"])
    assert len(pal) == 4
    att = mk.attention(arts, freq="W")
    fig, ax = plt.subplots(figsize=figure_for(4, kind="lines"), layout="constrained")
    mp.attention_plot(att, palette=pal, ax=ax)
    wc = mk.word_choice(arts)
    fig2, ax2 = plt.subplots(figsize=figure_for(4), layout="constrained")
    mp.word_choice_shares(wc, family="leader_labels", articles=arts, palette=pal, ax=ax2)
    assert outlet_colours(ax, list(pal)) == outlet_colours(ax2, list(pal)) == dict(pal)
    paths = save_figure(fig2, tmp_path / "leader_labels", data=mp.share_table(
        wc[wc["family"] == "leader_labels"], category="variant", articles=arts))
    assert all(p.stat().st_size > 0 for p in paths)


# =========================================================================== bad input


BAD: list[tuple[Callable[..., Any], Any, dict[str, Any], str]] = [
    (mp.metric_by_outlet, pd.DataFrame(), {}, "no rows"),
    (mp.metric_by_outlet, pd.DataFrame({"group": ["A"], "mean": [1.0]}), {}, r"lacks column\(s\) 'ci_low', 'ci_high'"),
    (mp.metric_by_outlet, groups_table(["A", "B"]), {"metric": "nope"}, "metric 'nope' is not in the data"),
    (mp.metric_by_outlet, pd.concat([groups_table(["A"]), groups_table(["A"]).assign(metric="x")]), {},
     "2 metrics; choose one"),
    (mp.metric_by_outlet, groups_table(["A", "B"]), {"sort": "size"}, "sort must be one of"),
    (mp.word_choice_shares, word_choice_rows(["A"]), {}, r"lacks column\(s\) 'outlet'"),
    (mp.word_choice_shares, word_choice_rows(["A"]).drop(columns="variant"), {}, r"column\(s\) 'variant'"),
    (mp.word_choice_shares, word_choice_rows(["A"]).iloc[:0], {}, "no rows"),
    (mp.distinctive_terms_plot, terms_table(["A"]).drop(columns="z"), {}, r"column\(s\) 'z'"),
    (mp.distinctive_terms_plot, terms_table(["A"]), {"kind": "pie"}, "kind must be one of"),
    (mp.distinctive_terms_plot, terms_table(["A"]), {"group": "B"}, "group 'B' is not in the data"),
    (mp.sentiment_distribution, pd.DataFrame({"outlet": ["A"], "x": [1.0]}), {}, "pass value="),
    (mp.sentiment_distribution, pd.DataFrame({"outlet": ["A"], "compound": [np.nan]}), {}, "no finite"),
    (mp.sentiment_distribution, sentence_rows(["A"]), {}, "articles="),
    (mp.actor_sentiment_plot, actor_mentions(["A"]).drop(columns="compound"), {}, "pass value="),
    (mp.actor_sentiment_plot, actor_mentions(["A"]), {"value": "score"}, r"column\(s\) 'score'"),
    (mp.readability_by_outlet, analyze_rows(["A"]), {"metric": "read_smog"}, r"column\(s\) 'read_smog'"),
    (mp.source_mix, attribution_rows(["A"]).drop(columns="source_type"), {}, r"column\(s\) 'source_type'"),
    (mp.source_mix, attribution_rows(["A"]), {"category": "cue_class"}, "articles="),
    (mp.actor_label_heatmap, actor_label_rows(["A"]), {}, "2 actors; choose one"),
    (mp.actor_label_heatmap, actor_label_rows(["A"]).iloc[:0], {"actor": "x"}, "no rows"),
    (mp.attention_plot, attention_table(["A"]).drop(columns=["period", "period_start"]), {}, "period"),
    (mp.attention_plot, attention_table(["A"]), {"value": "share"}, "value must be one of"),
    (mp.event_matched_plot, events_table(["A", "B"]).drop(columns="event"), {}, r"column\(s\) 'event'"),
    (mp.event_matched_plot, pd.DataFrame(columns=["event", "group", "value"]), {}, "no rows"),
]


@pytest.mark.parametrize("func, data, kwargs, match", BAD, ids=[f"{b[0].__name__}-{i}" for i, b in enumerate(BAD)])
def test_bad_input_raises_a_clear_value_error(func, data, kwargs, match):
    with pytest.raises(ValueError, match=match) as info:
        func(data, **kwargs)
    assert str(info.value).startswith(func.__name__ + "():")


def test_data_that_is_not_a_frame_raises_a_type_error():
    with pytest.raises(TypeError, match="must be a pandas DataFrame") as info:
        mp.metric_by_outlet([1, 2, 3])
    assert str(info.value).startswith("metric_by_outlet():")


@pytest.mark.parametrize("func, data, kwargs, columns", [
    (mp.metric_by_outlet, pd.DataFrame({"group": ["A"], "mean": [1.0]}), {}, ("ci_low", "ci_high")),
    (mp.word_choice_shares, word_choice_rows(["A"]), {}, ("outlet",)),
    (mp.attention_plot, attention_table(["A"]).drop(columns=["period", "period_start"]), {}, ("period_start",)),
])
def test_missing_columns_raise_missing_column_error(func, data, kwargs, columns):
    with pytest.raises(MissingColumnError) as info:
        func(data, **kwargs)
    assert info.value.func == func.__name__ and info.value.columns == columns


def test_comparison_without_events_is_a_clear_error():
    from mediakit import compare

    res = compare(pd.DataFrame({"outlet": ["A", "B"] * 3, "tone": range(6)}), n_boot=0)
    with pytest.raises(ValueError, match="has no 'events' table"):
        mp.event_matched_plot(res)


def test_plot_module_is_importable_without_side_effects():
    import subprocess
    import sys

    code = ("import matplotlib; before = dict(matplotlib.rcParams); import mediakit.plot, mediakit.export; "
            "print(dict(matplotlib.rcParams) == before)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"
