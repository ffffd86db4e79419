"""mediakit.plot colours: stable outlet palettes, the same colour for an outlet in every chart, a theme that
changes nothing globally.
"""

from __future__ import annotations

import matplotlib
import pytest

from mediakit import plot as mp

from .charts import draw, groups_table, outlet_colours, outlet_names



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
