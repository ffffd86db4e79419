"""mediakit.plot labels: legible, unique, non-overlapping labels for 2 to 30 outlets; figure sizes that grow
with them.
"""

from __future__ import annotations

import pytest

from mediakit.export import save_figure
from mediakit.plot import figure_for

from .charts import CHARTS, draw, outlet_axis_boxes, overlapping, terms_table



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
    with pytest.raises(ValueError, match="kind must be one of"):
        figure_for(3, kind="pie")  # type: ignore[arg-type]
