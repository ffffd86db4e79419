"""make_figures on two processes sends the worker only its charts' inputs (no corpus tables, whatever the corpus
size), and the charts come out the same; the cheaper paths of the chart functions give what the old ones gave."""

from __future__ import annotations

import pickle

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from mediakit.pipeline import analyze_articles, make_figures
from mediakit.pipeline import _figures
from mediakit.pipeline._analysis import CorpusAnalysis
from mediakit.plot import _labels
from mediakit.plot._checks import as_label, outlet_labels
from mediakit.plot._distributions import _values_by_outlet
from mediakit.plot._shares import share_table


def _files(figures):
    return [(f.name, f.title, f.skipped, [p.name for p in f.files]) for f in figures]


@pytest.fixture(scope="module")
def analysis(sample_articles):
    with pytest.warns(Warning):
        return analyze_articles(sample_articles, progress=False, event="event")


@pytest.mark.parametrize("kept", [None, 2])
def test_worker_gets_chart_inputs_only_and_draws_the_same_files(analysis, tmp_path, monkeypatch, kept):
    """Every corpus uses the worker (no size limit): it is sent (file stem, title, how to read, drawing call with
    its inputs, why skipped) per chart, never the analysis; with the tables cut to the compared outlets too
    (``kept``: the 2 largest outlets, as a corpus of more than 12 has its 12 largest)."""
    if kept is not None:
        largest = set(analysis.articles["outlet"].value_counts().index[:kept])
        monkeypatch.setattr(_figures, "compared_outlets", lambda articles: largest)
    one = make_figures(analysis, tmp_path / "one", progress=False)
    sent = []
    real = _figures.Workers

    class Recording(real):  # type: ignore[misc, valid-type]
        def submit(self, fn, args, **kwargs):
            sent.append((fn, args))
            return super().submit(fn, args, **kwargs)

    monkeypatch.setattr(_figures, "Workers", Recording)
    monkeypatch.setattr(_figures, "WORKER_SHARE", 0.5)
    two = make_figures(analysis, tmp_path / "two", progress=False, n_jobs=2)
    assert _files(two) == _files(one)
    drawn = [p for f in one for p in f.files]
    assert len(drawn) >= 40
    for p in drawn:
        assert (tmp_path / "two" / p.name).read_bytes() == p.read_bytes(), p.name
    [(fn, [(figdir, charts)])] = sent
    assert fn is _figures._draw_sent and figdir == str(tmp_path / "two")
    theirs = _figures._worker_share(len(one))
    assert [c[0] for c in charts] == [one[i].name for i in theirs]  # the worker's share, by file stem
    assert sum(c[3] is not None for c in charts) >= 5  # charts drawn there, not only skipped ones
    payload = pickle.dumps(charts)
    assert len(payload) < len(pickle.dumps(analysis)) / 4
    for chart in charts:
        draw = chart[3]
        if draw is not None:
            assert draw.func.__module__ == _figures.__name__
            assert not any(isinstance(a, (CorpusAnalysis, _figures.ComparedView)) for a in draw.args)


def test_compared_view_columns_and_rows_are_those_of_its_cut(analysis):
    largest = set(analysis.articles["outlet"].value_counts().index[:2])
    for kept in (None, largest):
        view = _figures.ComparedView(analysis, kept)
        for name, cols in [("sentences", ["article_id", "outlet", "sentence", "compound"]),
                           ("attributions", ["outlet", "cue_class"]),
                           ("metrics", ["article_id", "outlet", "read_flesch_reading_ease"])]:
            cut = getattr(view, name)
            assert view.n_rows(name) == len(cut)
            pd.testing.assert_frame_equal(view.columns(name, cols), cut[cols], check_exact=True)
        if kept is not None:
            assert view.n_rows("attributions") < len(analysis.attributions)


def _old_overlap(ax, axis, *, full):
    """The label test as it was: the axis's tight box, then every label measured (each with its renderer)."""
    fig = ax.get_figure(root=True)
    if full:
        fig.draw_without_rendering()
    axis_obj = ax.yaxis if axis == "y" else ax.xaxis
    if not full:
        axis_obj.get_tightbbox()
    labels = [t for t in axis_obj.get_ticklabels() if t.get_visible() and t.get_text()]
    return _labels._boxes_overlap([t.get_window_extent() for t in labels])


@pytest.mark.parametrize(("n", "axis", "height"), [(180, "y", 20.0), (180, "y", 60.0), (40, "y", 4.0),
                                                   (6, "y", 2.0), (30, "x", 3.0), (8, "x", 3.0)])
def test_category_ticks_choose_the_layout_the_full_measure_chose(monkeypatch, n, axis, height):
    """The quicker label test (one renderer, two neighbours first, no tight box) picks the same layout."""
    names = [f"Outlet number {k} of the corpus{' with a long name' * (k % 3)}" for k in range(n)]

    def chosen():
        with mpl.rc_context({"font.size": 9}):
            fig = Figure(figsize=(6, height))
            ax = fig.subplots()
            ax.plot(range(n), range(n))
            size = _labels.set_category_ticks(ax, np.arange(n, dtype=float)[::-1], names, axis=axis)
            ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
            return size, [(t.get_text(), t.get_rotation()) for t in ticks]

    new = chosen()
    monkeypatch.setattr(_labels, "_ticklabels_overlap", _old_overlap)
    assert new == chosen()


def test_outlet_labels_and_values_by_outlet_match_the_loops():
    rng = np.random.default_rng(3)
    for dtype in ("str", "string", object):
        for n in (0, 1, 57):
            outlets = pd.Series(rng.choice(np.array(["A", "b", "B", None, "c"], dtype=object), n), dtype=dtype)
            df = pd.DataFrame({"outlet": outlets, "x": rng.normal(size=n)})
            df.loc[rng.random(n) < 0.2, "x"] = np.nan
            names = outlet_labels(df, "f", "outlet", None)
            assert names.dtype == object and names.tolist() == [as_label(v) for v in outlets.tolist()]
            expected: dict[str, list[float]] = {}
            for name, v in zip(names.tolist(), df["x"].to_numpy(dtype=float), strict=True):
                if name is not None:
                    expected.setdefault(name, [])
                    if np.isfinite(v):
                        expected[name].append(v)
            got = _values_by_outlet(df, "x", names, "f")
            assert list(got) == list(expected)
            for k, v in expected.items():
                assert got[k].dtype == np.float64 and np.array_equal(got[k], np.asarray(v, dtype=float))


def test_share_table_of_string_columns_is_that_of_object_columns():
    df = pd.DataFrame({"outlet": ["A", "B", None, "A", "b", "B"], "cue_class": ["said", None, "said", "x", "y", "x"]})
    as_str = share_table(df.astype("str"), category="cue_class")
    as_object = share_table(df.astype(object), category="cue_class")
    pd.testing.assert_frame_equal(as_str, as_object, check_exact=True, check_dtype=False)
    assert as_str["cue_class"].tolist()[-1] == "(none)" and set(as_str["outlet"]) == {"A", "B", "b"}
