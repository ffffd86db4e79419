"""Seaborn-style charts of mediakit's tidy tables, one colour per outlet in every chart.

Every chart function has the same shape (seaborn's axes-level functions)::

    ax = chart(data, *, <options>, ax=None, palette=None)

``data`` comes first, everything else is keyword-only; ``ax=None`` draws into the
current Axes (``plt.gca()``) and the Axes is returned. Nothing is shown or saved
here (save with :func:`mediakit.export.save_figure`) and the caller's tables are
never modified. The same idea has the same name everywhere: ``by`` is the grouping
column (default ``'outlet'``; a ``group`` column, as :func:`mediakit.compare` and
:func:`mediakit.attention` write it, is found too), ``category`` the column whose
shares are drawn (:func:`share_table`, :func:`source_mix`). The old names
(``outlet=`` for the group, ``by=`` for the category) still work for one release,
with a :class:`DeprecationWarning`.

=============================  ==============================================================
:func:`metric_by_outlet`       any metric per outlet, mean and CI (``Comparison.groups``)
:func:`word_choice_shares`     variant shares of one lexicon family per outlet (stacked bars)
:func:`distinctive_terms_plot` "Fightin' Words": frequency vs z, or a two-sided bar chart
:func:`sentiment_distribution` sentence- or article-level sentiment per outlet (violin/box)
:func:`actor_sentiment_plot`   mean sentiment around each actor, per outlet
:func:`readability_by_outlet`  a readability score per outlet (box and points)
:func:`source_mix`             source types / cue classes per outlet (stacked bars)
:func:`source_share_plot`      one source role's share per outlet, with its CI (e.g. anonymous)
:func:`partisan_balance_plot`  partisan gap of the politicians each outlet quotes, with its CI
:func:`actor_label_heatmap`    which labels each outlet uses for one actor (annotated heatmap)
:func:`attention_plot`         articles (or share matching a term) over time, per outlet
:func:`event_matched_plot`     one line per event across outlets (``Comparison.events``)
=============================  ==============================================================

Colours
-------
Outlets take their colours from Paul Tol's colour-blind-safe **muted** scheme
(P. Tol, *Colour Schemes*, SRON/EPS/TN/09-002, 2021,
https://personal.sron.nl/~pault/); categories drawn as filled areas with text on
them (variants, source types, labels) from Tol's **light** scheme, events from
Tol's **bright** scheme and heatmaps from Tol's sequential **YlOrBr**; Tol's pale
grey marks "other" and missing values. Okabe & Ito's scheme (*Color Universal
Design*, 2008) is available with ``outlet_colors(..., colors="okabe_ito")``.

**Colour stability.** An :class:`OutletPalette` assigns colours to outlets in
sorted order (case-insensitive), so the same set of outlet names always gives the
same colours, whatever order they arrive in. Beyond the 9 colours, outlets reuse
the colours with another marker, line style and hatch (``palette.style(name)``),
so 30 outlets stay distinguishable. Every chart accepts ``palette=`` and without
it builds ``OutletPalette(<the outlets in this chart>)``: charts of the same
outlets match. For a report whose charts show different subsets of outlets (one
outlet's distinctive terms, an actor only some outlets name), build the palette
once from all outlets and pass it to every chart::

    pal = outlet_colors(articles["outlet"])
    metric_by_outlet(comp.groups, metric="tone", palette=pal)
    attention_plot(attention(articles), palette=pal)

Outlets missing from a palette are appended after its own outlets (sorted), so
the colours already given never change. Nothing is set globally: the style is
applied to the Axes each function draws on; :func:`theme` is a context manager
for figures of the same look.

Many outlets
------------
Outlet names are wrapped onto two lines (up to 12 outlets) or shortened with
"…"; the tick labels are then fitted to the Axes (smaller type, and on a
horizontal axis rotation) until no two overlap. Fitting measures the Axes as it
is at call time, so create the figure at its final size first:
``plt.subplots(figsize=figure_for(n_outlets, kind=...), layout="constrained")``.

Layout
------
Colours and palettes live in ``_palettes``, figure sizes and the theme in :mod:`mediakit._figures`
(shared with :mod:`mediakit.export`), input checks in ``_checks``, labels and ticks in ``_labels``;
the chart functions are grouped by family: ``_metric``, ``_shares``, ``_heatmap``, ``_terms``,
``_distributions`` and ``_time``.
"""

from .._figures import THEME, figure_for, theme
from ._distributions import actor_sentiment_plot, readability_by_outlet, sentiment_distribution
from ._heatmap import HOUSE_STYLE_KINDS, MIN_LABELS, actor_label_heatmap
from ._metric import metric_by_outlet
from ._palettes import (CATEGORY_COLORS, EVENT_COLORS, MISSING_COLOR, OKABE_ITO, OTHER_COLOR, OUTLET_COLORS, SCHEMES,
                        TOL_YLORBR, OutletPalette, OutletStyle, outlet_colors)
from ._shares import share_table, source_mix, word_choice_shares
from ._sources import partisan_balance_plot, source_share_plot
from ._terms import distinctive_terms_plot
from ._time import attention_plot, event_matched_plot

__all__ = [
    "HOUSE_STYLE_KINDS",
    "MIN_LABELS",
    "CATEGORY_COLORS",
    "EVENT_COLORS",
    "MISSING_COLOR",
    "OTHER_COLOR",
    "OKABE_ITO",
    "OUTLET_COLORS",
    "SCHEMES",
    "THEME",
    "TOL_YLORBR",
    "OutletPalette",
    "OutletStyle",
    "actor_label_heatmap",
    "actor_sentiment_plot",
    "attention_plot",
    "distinctive_terms_plot",
    "event_matched_plot",
    "figure_for",
    "metric_by_outlet",
    "outlet_colors",
    "readability_by_outlet",
    "sentiment_distribution",
    "share_table",
    "source_mix",
    "source_share_plot",
    "partisan_balance_plot",
    "theme",
    "word_choice_shares",
]
