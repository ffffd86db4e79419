"""mediakit.plot and mediakit.export: every chart saved and checked, deterministic files, stable outlet
colours, legible labels for 2 to 30 outlets, clear errors.

The charts of attribution and actor-label tables are tested on small frames built here with the documented
columns (``extract_attributions``: article_id, source_type, cue_class, kind; ``actor_labels``: article_id,
outlet, actor, label, label_kind, part).
"""

from __future__ import annotations

import itertools
import math
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from mediakit import plot as mp
from mediakit.export import FORMATS, figure_for, save_figure

# =========================================================================== synthetic data

BASE_NAMES = ["The Northern Ledger", "Capital Courier", "Harbor Tribune", "Metro Wire Service"]
WORDS = ["Evening", "Morning", "Sunday", "Weekly", "Daily", "Regional", "National", "Coastal", "Valley", "Mountain"]
PAPERS = ["Gazette", "Herald", "Observer", "Sentinel", "Chronicle", "Post", "Courier", "Times", "Record"]


def outlet_names(n: int) -> list[str]:
    """n distinct outlet names, a few very long (and a few sharing a long prefix)."""
    names = list(BASE_NAMES[:n])
    for k in itertools.count():
        if len(names) >= n:
            break
        w, p = WORDS[k % len(WORDS)], PAPERS[(k // len(WORDS) + k) % len(PAPERS)]
        if k % 5 == 0:
            names.append(f"The {w} {p} of the Western Provinces and Outlying Islands ({k})")
        else:
            names.append(f"{w} {p} {k}")
    return names


def groups_table(names: list[str]) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    mean = rng.normal(0, 1, len(names))
    half = rng.uniform(0.1, 0.6, len(names))
    n = np.where(np.arange(len(names)) % 4 == 3, 3, 40)
    return pd.DataFrame({"group": names, "metric": "tone", "n": n, "n_missing": 0, "mean": mean,
                         "median": mean, "sd": 1.0, "ci_low": mean - half, "ci_high": mean + half,
                         "small_group": n < 5})


def articles_table(names: list[str]) -> pd.DataFrame:
    ids = [f"{i:02d}-{k}" for i in range(len(names)) for k in range(4)]
    return pd.DataFrame({"article_id": ids, "outlet": [names[i] for i in range(len(names)) for _ in range(4)]})


def word_choice_rows(names: list[str]) -> pd.DataFrame:
    variants = ["president", "leader", "dictator", "strongman", "ruler"]
    rows = []
    for i, _ in enumerate(names):
        for k in range(4):
            for j in range(1 + (i + k) % 4):
                rows.append({"article_id": f"{i:02d}-{k}", "part": "text" if j else "title",
                             "caption": pd.NA, "family": "leader_labels",
                             "variant": variants[(i * 3 + k + j) % len(variants)], "term": "x", "match": "x",
                             "start": 0, "end": 1})
    return pd.DataFrame(rows)


def terms_table(names: list[str]) -> pd.DataFrame:
    rng = np.random.default_rng(2)
    words = [f"term{k:02d}" for k in range(60)] + ["regime", "government", "rebels", "freedom fighters",
                                                    "ousted leader", "asylum", "talks", "truce"]
    z = rng.normal(0, 1.6, len(words))
    z[-8:] = [4.2, -3.9, 3.1, 2.7, 2.5, -2.8, -2.2, 2.2]
    cg = rng.integers(1, 60, len(words))
    return pd.DataFrame({"group": names[0], "other": "rest", "term": words, "n_words": 1, "count_group": cg,
                         "count_other": rng.integers(1, 90, len(words)), "freq_group": cg / 1000.0,
                         "freq_other": 0.01, "log_odds": z / 3, "z": z, "rank": np.argsort(np.argsort(-z)) + 1})


def sentence_rows(names: list[str]) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    rows = []
    for i, _ in enumerate(names):
        for k in range(4):
            for s in range(6):
                rows.append({"article_id": f"{i:02d}-{k}", "sentence": s,
                             "compound": float(np.clip(rng.normal(0.15 * math.sin(i), 0.4), -1, 1)),
                             "in_quote": 0.0})
    return pd.DataFrame(rows)


def analyze_rows(names: list[str]) -> pd.DataFrame:
    rng = np.random.default_rng(4)
    arts = articles_table(names)
    return arts.assign(read_flesch_reading_ease=rng.normal(50, 8, len(arts)),
                       sent_mean_compound=rng.normal(0, 0.2, len(arts)))


def attribution_rows(names: list[str]) -> pd.DataFrame:
    types = ["official", "person", "anonymous", "agency", "document", None]
    cues = ["say", "claim", "report", "according_to"]
    rows = []
    for i, _ in enumerate(names):
        for k in range(4):
            for j in range(2 + (i + k) % 3):
                rows.append({"article_id": f"{i:02d}-{k}", "speaker": f"S{j}",
                             "source_type": types[(i + k * j) % len(types)], "cue_class": cues[(i + j) % 4],
                             "kind": "direct" if j % 2 else "indirect"})
    return pd.DataFrame(rows)


def actor_label_rows(names: list[str]) -> pd.DataFrame:
    labels = ["president", "leader", "dictator", "strongman", "ousted ruler"]
    rows = []
    for i, name in enumerate(names):
        for k in range(3 + i % 4):
            rows.append({"article_id": f"{i:02d}-{k % 4}", "outlet": name, "actor": "Anton Roszak",
                         "label": labels[(i + k * (i % 3 + 1)) % len(labels)], "label_kind": "title", "part": "text"})
            rows.append({"article_id": f"{i:02d}-{k % 4}", "outlet": name, "actor": "Jonas Kell",
                         "label": "prime minister", "label_kind": "title", "part": "text"})
    return pd.DataFrame(rows)


def actor_mentions(names: list[str]) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    rows = []
    for i, name in enumerate(names):
        for actor, mu in (("Anton Roszak", -0.3), ("Jonas Kell", 0.1), ("VLF", 0.0)):
            for _ in range(2 + (i % 5) * 2):
                rows.append({"outlet": name, "actor": actor, "compound": float(rng.normal(mu, 0.3))})
    return pd.DataFrame(rows)


def attention_table(names: list[str]) -> pd.DataFrame:
    rng = np.random.default_rng(6)
    periods = pd.period_range("2025-01-06", periods=8, freq="W")
    rows = []
    for p in periods:
        for name in names:
            n_art = int(rng.integers(0, 6))
            n_match = int(rng.integers(0, n_art + 1))
            rows.append({"period": p, "period_start": p.start_time.tz_localize("UTC"), "group": name,
                         "n_articles": n_art, "n_matching": n_match,
                         "share_of_group": n_match / n_art if n_art else np.nan, "share_of_all": 0.1})
    return pd.DataFrame(rows)


def events_table(names: list[str]) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    events = ["valdoria-leader-ousted", "valdoria-asylum-deal", "valdoria-refugee-exodus", "valdoria-ceasefire",
              "us-border-estate-tax-bill"]
    rows = []
    for e in events:
        for i, name in enumerate(names):
            if (i + len(e)) % 7 == 0:
                continue  # this outlet did not cover the event
            rows.append({"event": e, "group": name, "metric": "tone", "value": float(rng.normal(0, 1)),
                         "n_articles": 1})
    return pd.DataFrame(rows)


# One entry per chart: (function, data builder, keyword arguments, figure_for kind, which axis lists outlets).
# A builder returns (data, extra keyword arguments, the tidy table to save beside the figure).
Builder = Callable[[list[str]], tuple[Any, dict[str, Any], pd.DataFrame]]


def _b_metric(names):
    t = groups_table(names)
    return t, {"metric": "tone"}, t


def _b_wc(names):
    arts = articles_table(names)
    wc = word_choice_rows(names)
    kw = {"family": "leader_labels", "articles": arts}
    return wc, kw, mp.share_table(wc, by="variant", articles=arts)


def _b_terms(names):
    t = terms_table(names)
    return t, {"group": names[0]}, t


def _b_terms_bars(names):
    t = terms_table(names)
    return t, {"group": names[0], "kind": "bars"}, t


def _b_sent(names):
    s = sentence_rows(names)
    return s, {"articles": articles_table(names)}, s


def _b_sent_box(names):
    a = analyze_rows(names)
    return a, {"value": "sent_mean_compound", "kind": "box", "points": True}, a


def _b_actor_sent(names):
    m = actor_mentions(names)
    return m, {}, m


def _b_read(names):
    a = analyze_rows(names)
    return a, {}, a


def _b_source(names):
    at = attribution_rows(names)
    arts = articles_table(names)
    return at, {"by": "source_type", "articles": arts}, mp.share_table(at, by="source_type", articles=arts)


def _b_cue(names):
    at = attribution_rows(names)
    arts = articles_table(names)
    return at, {"by": "cue_class", "articles": arts}, mp.share_table(at, by="cue_class", articles=arts)


def _b_heat(names):
    lab = actor_label_rows(names)
    return lab, {"actor": "Anton Roszak"}, mp.share_table(lab[lab["actor"] == "Anton Roszak"], by="label")


def _b_att(names):
    t = attention_table(names)
    return t, {"value": "n_articles"}, t


def _b_att_share(names):
    t = attention_table(names)
    return t, {"value": "share_of_group"}, t


def _b_event(names):
    t = events_table(names)
    return t, {"metric": "tone"}, t


CHARTS: dict[str, tuple[Callable[..., Axes], Builder, str, str | None]] = {
    "metric_by_outlet": (mp.metric_by_outlet, _b_metric, "rows", "y"),
    "word_choice_shares": (mp.word_choice_shares, _b_wc, "rows", "y"),
    "distinctive_terms_scatter": (mp.distinctive_terms_plot, _b_terms, "terms", None),
    "distinctive_terms_bars": (mp.distinctive_terms_plot, _b_terms_bars, "terms", None),
    "sentiment_violin": (mp.sentiment_distribution, _b_sent, "rows", "y"),
    "sentiment_box": (mp.sentiment_distribution, _b_sent_box, "rows", "y"),
    "actor_sentiment": (mp.actor_sentiment_plot, _b_actor_sent, "actors", None),
    "readability": (mp.readability_by_outlet, _b_read, "rows", "y"),
    "source_mix_type": (mp.source_mix, _b_source, "rows", "y"),
    "source_mix_cue": (mp.source_mix, _b_cue, "rows", "y"),
    "actor_label_heatmap": (mp.actor_label_heatmap, _b_heat, "heatmap", "y"),
    "attention_counts": (mp.attention_plot, _b_att, "lines", None),
    "attention_share": (mp.attention_plot, _b_att_share, "lines", None),
    "event_matched": (mp.event_matched_plot, _b_event, "columns", "x"),
}


def figsize(kind: str, n: int) -> tuple[float, float]:
    if kind == "terms":
        return (7.0, 5.0)
    if kind == "actors":
        return figure_for(3, kind="rows", width=6.4 + 1.7 * math.ceil(n / 18))
    if kind == "heatmap":
        return figure_for(n, kind="heatmap", n_categories=6)
    return figure_for(n, kind=kind)  # type: ignore[arg-type]


def draw(chart: str, n: int, *, names: list[str] | None = None, size: tuple[float, float] | None = None,
         palette: Any = None) -> tuple[Figure, Axes, pd.DataFrame]:
    func, build, kind, _ = CHARTS[chart]
    names = names or outlet_names(n)
    data, kw, table = build(names)
    fig, ax = plt.subplots(figsize=size or figsize(kind, n), layout="constrained")
    out = func(data, ax=ax, palette=palette, **kw)
    assert out is ax
    return fig, ax, table


def png_info(path: Path) -> tuple[int, int, float]:
    """(width, height, dpi) read from the PNG's IHDR and pHYs chunks."""
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", raw[16:24])
    k = raw.find(b"pHYs")
    assert k > 0, "PNG has no pHYs (dpi) chunk"
    ppm_x, _, unit = struct.unpack(">IIB", raw[k + 4:k + 13])
    assert unit == 1  # metres
    return width, height, ppm_x * 0.0254


def csv_matches(table: pd.DataFrame, path: Path) -> None:
    """The CSV holds every value of the table: numbers exactly, other values as their text."""
    back = pd.read_csv(path, keep_default_na=False, na_values=[""])
    assert list(back.columns) == [str(c) for c in table.columns]
    assert len(back) == len(table)
    for col in table.columns:
        a, b = table[col], back[str(col)]
        if pd.api.types.is_bool_dtype(a):
            assert b.astype(str).tolist() == a.astype(str).tolist(), col
        elif pd.api.types.is_numeric_dtype(a):
            np.testing.assert_array_equal(b.to_numpy(dtype=float), a.to_numpy(dtype=float), err_msg=str(col))
        else:
            want = ["" if (not isinstance(v, str) and pd.isna(v)) else str(v) for v in a]
            got = ["" if (not isinstance(v, str) and pd.isna(v)) else str(v) for v in b]
            assert got == want, col


def outlet_colours(ax: Axes, names: list[str]) -> dict[str, str]:
    """The colour each outlet is drawn in, read from the artists labelled with its name."""
    found: dict[str, set[str]] = {}
    known = set(names)
    for art in [*ax.lines, *ax.collections, *ax.patches]:
        label = art.get_label() or ""
        for prefix in ("_swatch:", "_ci:", ""):
            if label.startswith(prefix) and label[len(prefix):] in known:
                name = label[len(prefix):]
                break
        else:
            continue
        if isinstance(art, Line2D):
            colour = art.get_color() if art.get_linestyle() not in ("None", "none", "") else art.get_markerfacecolor()
        elif isinstance(art, Collection):
            fc = art.get_facecolor()
            if not len(fc) or to_hex(fc[0], keep_alpha=False) == "#ffffff":
                continue
            colour = fc[0]
        elif isinstance(art, Patch):
            colour = art.get_facecolor()
        else:  # pragma: no cover
            continue
        found.setdefault(name, set()).add(to_hex(colour, keep_alpha=False))
    for name, colours in found.items():
        assert len(colours) == 1, f"{name} drawn in several colours: {colours}"
    return {k: v.pop() for k, v in found.items()}


def outlet_axis_boxes(ax: Axes, axis: str) -> list[Any]:
    fig = ax.get_figure(root=True)
    fig.canvas.draw()
    labels = (ax.get_yticklabels() if axis == "y" else ax.get_xticklabels())
    return [t.get_window_extent() for t in labels if t.get_visible() and t.get_text()]


def overlapping(boxes: list[Any], tol: float = 0.5) -> list[tuple[int, int]]:
    bad = []
    for i, j in itertools.combinations(range(len(boxes)), 2):
        a, b = boxes[i], boxes[j]
        if min(a.x1, b.x1) - max(a.x0, b.x0) > tol and min(a.y1, b.y1) - max(a.y0, b.y0) > tol:
            bad.append((i, j))
    return bad


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


# =========================================================================== deterministic files


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_same_chart_twice_gives_byte_identical_files(chart, tmp_path):
    outs = []
    for run in ("a", "b"):
        fig, ax, table = draw(chart, 5)
        outs.append(save_figure(fig, tmp_path / run / chart, dpi=100, data=table))
        plt.close(fig)
    for p, q in zip(*outs):
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
        "from test_plot import draw\n"
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


def test_same_figure_saved_twice_is_identical_and_has_no_dates(tmp_path):
    fig, ax, table = draw("metric_by_outlet", 4)
    first = {p.suffix: p.read_bytes() for p in save_figure(fig, tmp_path / "x", data=table)}
    second = {p.suffix: p.read_bytes() for p in save_figure(fig, tmp_path / "x.svg", data=table)}
    assert first == second
    assert b"CreationDate" not in first[".pdf"] and b"Matplotlib" not in first[".pdf"]
    assert b"<dc:date>" not in first[".svg"] and b"matplotlib.org" not in first[".svg"]
    assert b"Software" not in first[".png"]


def test_save_figure_untight_png_has_the_figure_size(tmp_path):
    fig, ax = plt.subplots(figsize=(4.0, 2.5))
    ax.plot([0, 1], [0, 1])
    (png,) = save_figure(fig, tmp_path / "line", formats=["png"], dpi=200, tight=False)
    assert png_info(png) == (800, 500, pytest.approx(200, abs=0.1))
    assert fig.dpi == pytest.approx(matplotlib.rcParams["figure.dpi"])  # the figure itself is not changed


def test_save_figure_paths_and_csv(tmp_path):
    fig, ax = plt.subplots()
    table = pd.DataFrame({"outlet": ["A", "B"], "n": [1, 2]}, index=pd.Index(["x", "y"], name="key"))
    paths = save_figure(fig, tmp_path / "deep" / "er" / "fig.v2", formats=("svg",), data=table)
    assert [p.name for p in paths] == ["fig.v2.svg", "fig.v2.csv"]
    assert paths[1].read_text(encoding="utf-8") == "key,outlet,n\nx,A,1\ny,B,2\n"
    series = pd.Series([0.5, 0.25], name="share")
    (_, csv) = save_figure(fig, tmp_path / "s.pdf", formats=["pdf"], data=series)
    assert csv.read_text(encoding="utf-8") == "share\n0.5\n0.25\n"


@pytest.mark.parametrize("kwargs, match", [
    ({"formats": ["jpg"]}, "unknown format"),
    ({"formats": []}, "unknown format"),
    ({"dpi": 0}, "dpi"),
    ({"data": [1, 2]}, "DataFrame"),
])
def test_save_figure_rejects_bad_arguments(kwargs, match, tmp_path):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match=match):
        save_figure(fig, tmp_path / "x", **kwargs)
    with pytest.raises(ValueError, match="Figure or Axes"):
        save_figure("not a figure", tmp_path / "x")
    assert list(tmp_path.iterdir()) == []


def test_export_metadata_covers_every_format():
    assert set(FORMATS) == {"png", "svg", "pdf"}
    assert all(v is None for meta in FORMATS.values() for v in meta.values())


# =========================================================================== colours


def test_palette_is_order_independent_and_stable():
    names = outlet_names(12)
    a = mp.outlet_colors(names)
    b = mp.outlet_colors(list(reversed(names)) + [None, names[0]])
    assert a == b and list(a) == list(b)
    assert mp.OutletPalette(names) == a
    grown = a.with_outlets(["Zebra Post", names[3]])
    assert all(grown[n] == a[n] for n in names)
    assert "Zebra Post" in grown and "Zebra Post" not in a
    assert grown.with_outlets(["Zebra Post"]) is grown


def test_palette_styles_are_distinct_for_30_outlets_and_colour_blind_safe():
    pal = mp.outlet_colors(outlet_names(30))
    styles = {(s.color, s.marker, s.linestyle) for s in (pal.style(n) for n in pal)}
    assert len(styles) == 30
    assert set(pal.values()) == {c.lower() for c in mp.OUTLET_COLORS}  # Paul Tol's muted scheme, all 9
    with pytest.raises(KeyError, match="not in this palette"):
        pal["Unknown Outlet"]


def test_palette_variants():
    assert mp.outlet_colors(["B", "A"], colors="okabe_ito")["A"] == "#e69f00"
    custom = mp.OutletPalette.from_mapping({"A": "black"})
    assert custom["A"] == "#000000"
    assert mp.OutletPalette(["x"], colors=["red", "blue"])["x"] == "#ff0000"
    with pytest.raises(ValueError, match="unknown colour scheme"):
        mp.outlet_colors(["A"], colors="rainbow")
    with pytest.raises(ValueError, match="palette must be"):
        mp.metric_by_outlet(groups_table(["A", "B"]), palette=3.5)
    assert "OutletPalette(2 outlets" in repr(mp.outlet_colors(["A", "B"]))


def test_same_outlet_same_colour_across_charts_and_call_orders():
    names = outlet_names(6)
    shuffled = [names[i] for i in (4, 1, 5, 0, 3, 2)]
    _, ax1, _ = draw("metric_by_outlet", 6, names=names)
    _, ax2, _ = draw("attention_counts", 6, names=shuffled)
    _, ax3, _ = draw("sentiment_violin", 6, names=shuffled)
    _, ax4, _ = draw("word_choice_shares", 6, names=names)
    _, ax5, _ = draw("event_matched", 6, names=shuffled)
    expected = {n: mp.outlet_colors(names)[n] for n in names}
    for ax in (ax1, ax2, ax3, ax4, ax5):
        got = outlet_colours(ax, names)
        assert got == expected


def test_explicit_palette_keeps_colours_when_charts_show_subsets():
    everyone = outlet_names(8)
    pal = mp.outlet_colors(everyone)
    subset = [everyone[5], everyone[2]]
    _, ax, _ = draw("metric_by_outlet", 2, names=subset, palette=pal)
    assert outlet_colours(ax, subset) == {n: pal[n] for n in subset}
    # the distinctive-terms chart colours the group's side with that outlet's colour
    _, ax, _ = draw("distinctive_terms_scatter", 2, names=[everyone[6]], palette=pal)
    assert outlet_colours(ax, [everyone[6]]) == {everyone[6]: pal[everyone[6]]}
    # without a palette, colours follow the outlets of the chart
    _, ax, _ = draw("metric_by_outlet", 2, names=subset)
    assert outlet_colours(ax, subset) == {n: mp.outlet_colors(subset)[n] for n in subset}


def test_more_outlets_than_colours_differ_in_marker_and_dash():
    names = outlet_names(12)
    _, ax, _ = draw("attention_counts", 12, names=names)
    styles = {(line.get_color(), line.get_marker(), line.get_linestyle()) for line in ax.get_lines()
              if line.get_label() in names}
    assert len(styles) == 12


def test_theme_changes_nothing_globally():
    before = dict(matplotlib.rcParams)
    with mp.theme():
        assert matplotlib.rcParams["font.size"] == mp.THEME["font.size"]
    assert dict(matplotlib.rcParams) == before
    draw("metric_by_outlet", 3)
    assert dict(matplotlib.rcParams) == before


# =========================================================================== legible labels


@pytest.mark.parametrize("n", [2, 30])
@pytest.mark.parametrize("size", ["figure_for", "default"])
@pytest.mark.parametrize("chart", sorted(c for c, v in CHARTS.items() if v[3]))
def test_outlet_labels_do_not_overlap(chart, n, size, tmp_path):
    fig, ax, _ = draw(chart, n, size=None if size == "figure_for" else (6.4, 4.8))
    axis = CHARTS[chart][3]
    boxes = outlet_axis_boxes(ax, axis)
    assert len(boxes) == n
    assert overlapping(boxes) == []
    texts = [t.get_text() for t in (ax.get_yticklabels() if axis == "y" else ax.get_xticklabels())]
    assert all(len(line) <= 30 for t in texts for line in t.split("\n"))  # long names shortened
    assert len(set(texts)) == n  # ... and still unique
    # the layout stays legible once saved, too
    save_figure(fig, tmp_path / chart, formats=["png"], dpi=72)
    assert overlapping(outlet_axis_boxes(ax, axis)) == []


def test_heatmap_category_labels_do_not_overlap():
    _, ax, _ = draw("actor_label_heatmap", 30)
    assert overlapping(outlet_axis_boxes(ax, "x")) == []


@pytest.mark.parametrize("kind", ["scatter", "bars"])
def test_distinctive_term_labels_do_not_overlap(kind):
    fig, ax, _ = draw("distinctive_terms_scatter" if kind == "scatter" else "distinctive_terms_bars", 2)
    fig.canvas.draw()
    terms = set(terms_table(["x"])["term"])
    if kind == "scatter":
        labels = [t for t in ax.texts if t.get_text() in terms]
        assert len(labels) >= 8  # the significant ones are labelled
        assert {"regime", "government"} <= {t.get_text() for t in labels}
        boxes = [t.get_window_extent() for t in labels]
        axbox = ax.get_window_extent()
        assert all(axbox.x0 - 1 <= b.x0 and b.x1 <= axbox.x1 + 1 and axbox.y0 - 1 <= b.y0 and b.y1 <= axbox.y1 + 1
                   for b in boxes)
    else:
        boxes = [t.get_window_extent() for t in ax.get_yticklabels() if t.get_text()]
        assert len(boxes) == 20
    assert overlapping(boxes) == []


def test_figure_for_grows_with_outlets():
    assert figure_for(30)[1] > figure_for(4)[1]
    assert figure_for(30, kind="columns")[0] > figure_for(4, kind="columns")[0]
    assert figure_for(30, kind="lines")[0] > figure_for(4, kind="lines")[0]
    assert figure_for(30, kind="heatmap", n_categories=10) > figure_for(3, kind="heatmap", n_categories=3)
    with pytest.raises(ValueError, match="n_outlets"):
        figure_for(0)
    with pytest.raises(ValueError, match="unknown kind"):
        figure_for(3, kind="pie")  # type: ignore[arg-type]


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
    res = compare(m, metrics_cols="tone", n_boot=200)
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
    t = mp.share_table(rows, by="source_type", articles=arts, outlets=arts["outlet"])
    assert t.groupby("outlet")["total"].first().to_dict() == {"X": 2, "Y": 1, "Z": 0}
    assert t.loc[(t["outlet"] == "X") & (t["source_type"] == "(none)"), "share"].item() == 0.5
    assert t.loc[t["outlet"] == "Z", "share"].isna().all()


def test_source_mix_other_and_none_get_different_greys():
    kinds = ["person", "official", "media", "agency", "anonymous", "document", "group", "pronoun"]
    rows = pd.DataFrame({"article_id": ["a"] * (len(kinds) + 1), "source_type": kinds + [None]})
    arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"]})
    ax = mp.source_mix(rows, articles=arts, max_categories=4)
    colours = {t.get_text(): to_hex(h.get_facecolor())
               for t, h in zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles)}
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
        wc[wc["family"] == "leader_labels"], by="variant", articles=arts))
    assert all(p.stat().st_size > 0 for p in paths)


# =========================================================================== bad input


BAD: list[tuple[Callable[..., Any], Any, dict[str, Any], str]] = [
    (mp.metric_by_outlet, pd.DataFrame(), {}, "no rows"),
    (mp.metric_by_outlet, pd.DataFrame({"group": ["A"], "mean": [1.0]}), {}, r"no column\(s\) \['ci_low', 'ci_high'\]"),
    (mp.metric_by_outlet, groups_table(["A", "B"]), {"metric": "nope"}, "metric 'nope' is not in the data"),
    (mp.metric_by_outlet, pd.concat([groups_table(["A"]), groups_table(["A"]).assign(metric="x")]), {},
     "2 metrics; choose one"),
    (mp.metric_by_outlet, [1, 2, 3], {}, "must be a pandas DataFrame"),
    (mp.metric_by_outlet, groups_table(["A", "B"]), {"sort": "size"}, "unknown sort"),
    (mp.word_choice_shares, word_choice_rows(["A"]), {}, "no 'outlet'"),
    (mp.word_choice_shares, word_choice_rows(["A"]).drop(columns="variant"), {}, r"\['variant'\]"),
    (mp.word_choice_shares, word_choice_rows(["A"]).iloc[:0], {}, "no rows"),
    (mp.distinctive_terms_plot, terms_table(["A"]).drop(columns="z"), {}, r"\['z'\]"),
    (mp.distinctive_terms_plot, terms_table(["A"]), {"kind": "pie"}, "unknown kind"),
    (mp.distinctive_terms_plot, terms_table(["A"]), {"group": "B"}, "group 'B' is not in the data"),
    (mp.sentiment_distribution, pd.DataFrame({"outlet": ["A"], "x": [1.0]}), {}, "pass value="),
    (mp.sentiment_distribution, pd.DataFrame({"outlet": ["A"], "compound": [np.nan]}), {}, "no finite"),
    (mp.sentiment_distribution, sentence_rows(["A"]), {}, "articles="),
    (mp.actor_sentiment_plot, actor_mentions(["A"]).drop(columns="compound"), {}, "pass value="),
    (mp.actor_sentiment_plot, actor_mentions(["A"]), {"value": "score"}, r"\['score'\]"),
    (mp.readability_by_outlet, analyze_rows(["A"]), {"metric": "read_smog"}, r"\['read_smog'\]"),
    (mp.source_mix, attribution_rows(["A"]).drop(columns="source_type"), {}, r"\['source_type'\]"),
    (mp.source_mix, attribution_rows(["A"]), {"by": "cue_class"}, "articles="),
    (mp.actor_label_heatmap, actor_label_rows(["A"]), {}, "2 actors; choose one"),
    (mp.actor_label_heatmap, actor_label_rows(["A"]).iloc[:0], {"actor": "x"}, "no rows"),
    (mp.attention_plot, attention_table(["A"]).drop(columns=["period", "period_start"]), {}, "period"),
    (mp.attention_plot, attention_table(["A"]), {"value": "share"}, "unknown value"),
    (mp.event_matched_plot, events_table(["A", "B"]).drop(columns="event"), {}, r"\['event'\]"),
    (mp.event_matched_plot, pd.DataFrame(columns=["event", "group", "value"]), {}, "no rows"),
]


@pytest.mark.parametrize("func, data, kwargs, match", BAD, ids=[f"{b[0].__name__}-{i}" for i, b in enumerate(BAD)])
def test_bad_input_raises_a_clear_value_error(func, data, kwargs, match):
    with pytest.raises(ValueError, match=match) as info:
        func(data, **kwargs)
    assert str(info.value).startswith(func.__name__ + ":")


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


def test_png_crc_is_valid(tmp_path):
    """Sanity check of the PNG reader used above: chunks are well formed."""
    fig, ax, _ = draw("metric_by_outlet", 2)
    (png,) = save_figure(fig, tmp_path / "m", formats=["png"], dpi=50)
    raw = png.read_bytes()
    k = raw.find(b"pHYs")
    length = struct.unpack(">I", raw[k - 4:k])[0]
    assert struct.unpack(">I", raw[k + 4 + length:k + 8 + length])[0] == zlib.crc32(raw[k:k + 4 + length])
