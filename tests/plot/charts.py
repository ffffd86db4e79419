"""Synthetic tables and helpers shared by the chart tests: one builder per chart (:data:`CHARTS`),
:func:`draw` to draw one, and readers of the saved files and of the drawn Axes.

The charts of attribution and actor-label tables are tested on small frames built here with the documented
columns (``extract_attributions``: article_id, source_type, cue_class, kind; ``actor_labels``: article_id,
outlet, actor, label, label_kind, part).

No relative imports: tests/plot/test_charts.py also imports this module by path in a fresh interpreter.
"""

from __future__ import annotations

import itertools
import math
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from mediakit import plot as mp
from mediakit.plot import figure_for

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
    return wc, kw, mp.share_table(wc, category="variant", articles=arts)


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
    return at, {"category": "source_type", "articles": arts}, mp.share_table(at, category="source_type", articles=arts)


def _b_cue(names):
    at = attribution_rows(names)
    arts = articles_table(names)
    return at, {"category": "cue_class", "articles": arts}, mp.share_table(at, category="cue_class", articles=arts)


def _b_heat(names):
    lab = actor_label_rows(names)
    return lab, {"actor": "Anton Roszak"}, mp.share_table(lab[lab["actor"] == "Anton Roszak"], category="label")


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
