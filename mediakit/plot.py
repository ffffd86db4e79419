"""Seaborn-style charts of mediakit's tidy tables, one colour per outlet in every chart.

Every chart function has the same shape (seaborn's axes-level functions)::

    ax = chart(data, *, <options>, ax=None, palette=None)

``data`` comes first, everything else is keyword-only; ``ax=None`` draws into the
current Axes (``plt.gca()``) and the Axes is returned. Nothing is shown or saved
here (save with :func:`mediakit.export.save_figure`) and the caller's tables are
never modified.

=============================  ==============================================================
:func:`metric_by_outlet`       any metric per outlet, mean and CI (``Comparison.groups``)
:func:`word_choice_shares`     variant shares of one lexicon family per outlet (stacked bars)
:func:`distinctive_terms_plot` "Fightin' Words": frequency vs z, or a two-sided bar chart
:func:`sentiment_distribution` sentence- or article-level sentiment per outlet (violin/box)
:func:`actor_sentiment_plot`   mean sentiment around each actor, per outlet
:func:`readability_by_outlet`  a readability score per outlet (box and points)
:func:`source_mix`             source types / cue classes per outlet (stacked bars)
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
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, Union, cast

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap, to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox, ScaledTranslation, blended_transform_factory

__all__ = [
    "CATEGORY_COLORS",
    "EVENT_COLORS",
    "MISSING_COLOR",
    "OTHER_COLOR",
    "OKABE_ITO",
    "OUTLET_COLORS",
    "SCHEMES",
    "THEME",
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
    "theme",
    "word_choice_shares",
]

# =========================================================================== colours

#: Paul Tol's "muted" qualitative scheme, in Tol's order: the outlet colours.
OUTLET_COLORS: tuple[str, ...] = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255",
                                  "#44AA99", "#999933", "#AA4499")
#: Paul Tol's "bright" scheme without its grey: lines of events.
EVENT_COLORS: tuple[str, ...] = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377")
#: Paul Tol's "light" scheme without its grey: filled areas with text on them (categories).
CATEGORY_COLORS: tuple[str, ...] = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99",
                                    "#BBCC33", "#AAAA00")
#: Okabe & Ito (2008), the other widely used colour-blind-safe qualitative scheme.
OKABE_ITO: tuple[str, ...] = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                              "#000000")
#: Paul Tol's pale grey for missing data and "(none)".
MISSING_COLOR = "#DDDDDD"
#: Paul Tol's grey (from his "bright" scheme) for "other": darker than "(none)", so the two differ.
OTHER_COLOR = "#BBBBBB"
#: Paul Tol's sequential YlOrBr, for heatmaps of shares.
TOL_YLORBR: tuple[str, ...] = ("#FFFFE5", "#FFF7BC", "#FEE391", "#FEC44F", "#FB9A29", "#EC7014", "#CC4C02",
                               "#993404", "#662506")
#: Named colour schemes accepted by ``colors=``.
SCHEMES: dict[str, tuple[str, ...]] = {"muted": OUTLET_COLORS, "bright": EVENT_COLORS,
                                       "light": CATEGORY_COLORS, "okabe_ito": OKABE_ITO}

_Axis = Literal["x", "y"]
_Positions = Union[Sequence[float], np.ndarray]

_MARKERS = ("o", "s", "D", "^", "v", "P", "X")
_LINESTYLES = ("-", "--", ":", "-.")
_HATCHES = ("", "////", "....", "xxxx")
_INK = "#222222"  # text and axis lines
_MUTED_INK = "#555555"  # secondary text (n labels, notes)
_GRID = "#E5E5E5"
_NEUTRAL = "#999999"  # points that are not significant, the 'other side'

#: The rcParams of mediakit figures (see :func:`theme`); never applied globally.
THEME: dict[str, Any] = {
    "font.size": 9.0,
    "axes.titlesize": 10.0,
    "axes.labelsize": 9.0,
    "axes.edgecolor": _INK,
    "axes.labelcolor": _INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": _INK,
    "ytick.color": _INK,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8.0,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}


@contextmanager
def theme() -> Iterator[None]:
    """Apply mediakit's figure style (:data:`THEME`) inside a ``with`` block only.

    The chart functions style the Axes they draw on themselves; use this to
    create figures (fonts, sizes) in the same style. rcParams are restored on
    exit: nothing is changed globally.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with theme():
    ...     fig, ax = plt.subplots(figsize=figure_for(4))
    >>> ax.spines["top"].get_visible()
    False
    >>> plt.close(fig)
    """
    with mpl.rc_context(cast(Any, THEME)):
        yield


@dataclass(frozen=True)
class OutletStyle:
    """How one outlet is drawn: colour, and for more outlets than colours, marker, line style and hatch."""

    color: str
    marker: str = "o"
    linestyle: str = "-"
    hatch: str = ""


def _outlet_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def _names(outlets: Any) -> list[str]:
    """Unique, non-missing outlet names as strings, in first-seen order."""
    if outlets is None:
        return []
    if isinstance(outlets, str):
        outlets = [outlets]
    seen: dict[str, None] = {}
    for o in outlets:
        if o is None or (not isinstance(o, str) and pd.isna(o)):
            continue
        seen.setdefault(str(o), None)
    return list(seen)


def _scheme(colors: str | Sequence[Any]) -> tuple[str, ...]:
    if isinstance(colors, str):
        if colors not in SCHEMES:
            raise ValueError(f"unknown colour scheme {colors!r}; choose from {sorted(SCHEMES)} "
                             "or pass a list of colours")
        return tuple(to_hex(c) for c in SCHEMES[colors])
    try:
        out = tuple(to_hex(c) for c in colors)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"colors must be a scheme name or a list of matplotlib colours: {exc}") from None
    if not out:
        raise ValueError("colors must not be empty")
    return out


class OutletPalette(Mapping[str, str]):
    """A fixed mapping outlet → colour (and marker, line style, hatch), the same in every chart.

    Outlets are sorted (case-insensitively) and take the scheme's colours in that
    order, so the mapping depends only on the *set* of names, not on the order
    they are passed in. Outlet ``k`` (0-based, in sorted order) gets colour
    ``k % n_colors``; each further round through the colours uses the next
    marker (o s D ^ v P X), line style (- -- : -.) and hatch, so up to
    ``n_colors × 4`` outlets get distinct styles. The object is immutable:
    :meth:`with_outlets` returns a new palette.

    Parameters
    ----------
    outlets : iterable of str, optional
        All the outlets of the report (a column such as ``articles["outlet"]``
        works; missing values are skipped, duplicates collapse).
    colors : str or sequence of colours, default 'muted'
        A scheme of :data:`SCHEMES` ('muted' — Paul Tol's, the default —
        'bright', 'light', 'okabe_ito') or a list of matplotlib colours.

    Examples
    --------
    >>> pal = OutletPalette(["Metro Wire", "Capital Courier", "Harbor Tribune"])
    >>> pal["Capital Courier"], pal["Harbor Tribune"], pal["Metro Wire"]
    ('#cc6677', '#332288', '#ddcc77')
    >>> pal == OutletPalette(["Harbor Tribune", "Metro Wire", "Capital Courier"])
    True
    >>> more = pal.with_outlets(["Another Outlet"])     # existing colours are kept
    >>> more["Capital Courier"], more["Another Outlet"]
    ('#cc6677', '#117733')
    >>> OutletPalette([f"Outlet {i:02d}" for i in range(12)]).style("Outlet 10")
    OutletStyle(color='#332288', marker='s', linestyle='--', hatch='////')
    """

    def __init__(self, outlets: Iterable[Any] | None = None, *, colors: str | Sequence[Any] = "muted") -> None:
        self._colors = _scheme(colors)
        self._scheme_name = colors if isinstance(colors, str) else None
        self._styles: dict[str, OutletStyle] = {}
        self._next = 0
        self._add(sorted(_names(outlets), key=_outlet_key))

    def _slot_style(self, k: int) -> OutletStyle:
        tier = k // len(self._colors)
        return OutletStyle(color=self._colors[k % len(self._colors)], marker=_MARKERS[tier % len(_MARKERS)],
                           linestyle=_LINESTYLES[tier % len(_LINESTYLES)], hatch=_HATCHES[tier % len(_HATCHES)])

    def _add(self, names: Iterable[str]) -> None:
        for name in names:
            if name not in self._styles:
                self._styles[name] = self._slot_style(self._next)
                self._next += 1

    @classmethod
    def from_mapping(cls, colors: Mapping[Any, Any], *, fallback: str | Sequence[Any] = "muted") -> OutletPalette:
        """A palette with your own colour per outlet; other outlets get ``fallback`` colours.

        Examples
        --------
        >>> pal = OutletPalette.from_mapping({"Daily A": "black", "Daily B": "#1f77b4"})
        >>> pal["Daily A"], pal.with_outlets(["Daily C"])["Daily C"]
        ('#000000', '#cc6677')
        """
        if not isinstance(colors, Mapping):
            raise ValueError(f"colors must be a mapping outlet -> colour, got {type(colors).__name__}")
        pal = cls(colors=fallback)
        for name, color in colors.items():
            try:
                pal._styles[str(name)] = OutletStyle(color=to_hex(color))
            except (ValueError, TypeError):
                raise ValueError(f"not a matplotlib colour for outlet {name!r}: {color!r}") from None
        return pal

    def with_outlets(self, outlets: Iterable[Any]) -> OutletPalette:
        """This palette plus any new outlets, appended in sorted order (existing styles unchanged)."""
        new = sorted((n for n in _names(outlets) if n not in self._styles), key=_outlet_key)
        if not new:
            return self
        out = OutletPalette.__new__(OutletPalette)
        out._colors, out._scheme_name = self._colors, self._scheme_name
        out._styles, out._next = dict(self._styles), self._next
        out._add(new)
        return out

    def style(self, outlet: Any) -> OutletStyle:
        """The :class:`OutletStyle` of ``outlet`` (KeyError when it is not in the palette)."""
        return self._styles[self._key(outlet)]

    def _key(self, outlet: Any) -> str:
        name = str(outlet)
        if name not in self._styles:
            known = ", ".join(list(self._styles)[:10])
            raise KeyError(f"outlet {name!r} is not in this palette (known: {known}); "
                           "use palette.with_outlets([...]) to add it")
        return name

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets, in the order their colours were assigned."""
        return tuple(self._styles)

    @property
    def colors(self) -> tuple[str, ...]:
        """The colour scheme the palette assigns from."""
        return self._colors

    def __getitem__(self, outlet: Any) -> str:
        return self._styles[self._key(outlet)].color

    def __iter__(self) -> Iterator[str]:
        return iter(self._styles)

    def __len__(self) -> int:
        return len(self._styles)

    def __contains__(self, outlet: object) -> bool:
        return str(outlet) in self._styles

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OutletPalette):
            return self._styles == other._styles
        return Mapping.__eq__(self, other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        scheme = repr(self._scheme_name) if self._scheme_name else f"{len(self._colors)} custom colours"
        items = ", ".join(f"{k}={v.color}" for k, v in list(self._styles.items())[:6])
        more = ", ..." if len(self._styles) > 6 else ""
        return f"OutletPalette({len(self)} outlets, colors={scheme}: {items}{more})"

    def _repr_html_(self) -> str:
        cells = "".join(
            f'<span style="display:inline-block;margin:0 8px 2px 0"><span style="display:inline-block;'
            f'width:12px;height:12px;background:{s.color};vertical-align:middle"></span> {_html(k)}</span>'
            for k, s in self._styles.items())
        return f"<div>{cells}</div>"


def _html(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def outlet_colors(outlets: Iterable[Any], *, colors: str | Sequence[Any] = "muted") -> OutletPalette:
    """Build the one :class:`OutletPalette` of a report from all its outlets.

    Pass the result as ``palette=`` to every chart: an outlet then has the same
    colour in all of them, also in charts that show only some outlets.

    Parameters
    ----------
    outlets : iterable of str
        Every outlet of the report (e.g. ``articles["outlet"]``).
    colors : str or sequence of colours, default 'muted'
        See :class:`OutletPalette`.

    Returns
    -------
    OutletPalette

    Examples
    --------
    >>> pal = outlet_colors(["The Northern Ledger", "Capital Courier", "Capital Courier", None])
    >>> dict(pal)
    {'Capital Courier': '#cc6677', 'The Northern Ledger': '#332288'}
    """
    return OutletPalette(outlets, colors=colors)


def _resolve_palette(palette: Any, outlets: Sequence[str], func: str) -> OutletPalette:
    if palette is None:
        return OutletPalette(outlets)
    if isinstance(palette, OutletPalette):
        return palette.with_outlets(outlets)
    if isinstance(palette, str):
        try:
            return OutletPalette(outlets, colors=palette)
        except ValueError as exc:
            raise ValueError(f"{func}: palette: {exc}") from None
    if isinstance(palette, Mapping):
        return OutletPalette.from_mapping(palette).with_outlets(outlets)
    if isinstance(palette, Sequence):
        return OutletPalette(outlets, colors=palette)
    raise ValueError(f"{func}: palette must be an OutletPalette, a dict outlet -> colour, a scheme name or a "
                     f"list of colours, got {type(palette).__name__}")


def _category_colors(categories: Sequence[str], colors: Any, func: str) -> dict[str, str]:
    """Colours of non-outlet categories: Tol 'light' in order, grey for 'other', pale grey for '(none)'."""
    if isinstance(colors, Mapping):
        out = {}
        for c in categories:
            out[c] = to_hex(colors[c]) if c in colors else MISSING_COLOR
        return out
    scheme = CATEGORY_COLORS if colors is None else _scheme(colors)
    out, k = {}, 0
    for c in categories:
        if c == _OTHER:
            out[c] = OTHER_COLOR
        elif c == _NONE:
            out[c] = MISSING_COLOR
        else:
            out[c] = scheme[k % len(scheme)]
            k += 1
    return out


def _darken(color: str, amount: float = 0.35) -> str:
    r, g, b = to_rgb(color)
    return to_hex((r * (1 - amount), g * (1 - amount), b * (1 - amount)))


def _luminance(color: Any) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = to_rgb(color)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


# =========================================================================== sizes and labels


def figure_for(n_outlets: int, *, kind: Literal["rows", "columns", "lines", "heatmap"] = "rows",
               n_categories: int = 6, width: float | None = None) -> tuple[float, float]:
    """A figure size (inches) that leaves room for ``n_outlets`` outlets.

    Parameters
    ----------
    n_outlets : int
        Number of outlets in the chart.
    kind : {'rows', 'columns', 'lines', 'heatmap'}, default 'rows'
        'rows': one row per outlet (:func:`metric_by_outlet`, the stacked bars,
        :func:`sentiment_distribution`, :func:`readability_by_outlet`; also
        :func:`actor_sentiment_plot` with ``n_outlets`` = actors);
        'columns': outlets along the x axis (:func:`event_matched_plot`);
        'lines': a time series with a legend of outlets on the right
        (:func:`attention_plot`); 'heatmap': outlets × ``n_categories`` cells
        (:func:`actor_label_heatmap`).
    n_categories : int, default 6
        Columns of the heatmap.
    width : float, optional
        Fix the width (inches) instead.

    Returns
    -------
    tuple of float
        ``(width, height)``, for ``plt.subplots(figsize=...)``.

    Examples
    --------
    >>> figure_for(4)
    (6.4, 2.7)
    >>> figure_for(30)
    (6.4, 10.5)
    >>> figure_for(30, kind="columns")
    (12.0, 4.8)
    """
    if isinstance(n_outlets, bool) or not isinstance(n_outlets, (int, np.integer)) or n_outlets < 1:
        raise ValueError(f"figure_for: n_outlets must be a positive int, got {n_outlets!r}")
    n = int(n_outlets)
    if kind == "rows":
        w, h = 6.4, min(max(1.5 + 0.3 * n, 2.4), 12.0)
    elif kind == "columns":
        w, h = min(max(2.4 + 0.32 * n, 6.4), 16.0), 4.8
    elif kind == "lines":
        ncol = math.ceil(n / 18)
        w, h = 6.4 + 1.7 * ncol, 3.8 if n <= 12 else 4.6
    elif kind == "heatmap":
        w = min(max(2.8 + 0.75 * n_categories, 5.0), 14.0)
        h = min(max(1.5 + 0.32 * n, 2.4), 12.0)
    else:
        raise ValueError(f"figure_for: unknown kind {kind!r}; choose from ['rows', 'columns', 'lines', 'heatmap']")
    if width is not None:
        w = float(width)
    return (round(w, 2), round(h, 2))


def _truncate(s: str, width: int) -> str:
    return s if len(s) <= width else s[: max(width - 1, 1)].rstrip() + "…"


def _wrap(s: str, width: int, lines: int = 2) -> str:
    parts = textwrap.wrap(s, width, break_long_words=True, break_on_hyphens=True) or [s]
    if len(parts) > lines:
        parts = parts[: lines - 1] + [_truncate(" ".join(parts[lines - 1:]), width)]
    return "\n".join(parts)


def _short_labels(names: Sequence[str], kind: str, width: int, lines: int = 2) -> list[str]:
    """Shortened labels (wrapped or truncated), kept unique by lengthening clashing ones."""
    def shorten(s: str, w: int) -> str:
        return _wrap(s, w, lines) if kind == "wrap" else _truncate(s, w)

    widths = [width] * len(names)
    labels = [shorten(s, width) for s in names]
    for _ in range(60):
        seen: dict[str, list[int]] = {}
        for i, lab in enumerate(labels):
            seen.setdefault(lab, []).append(i)
        clashes = [i for idx in seen.values() if len(idx) > 1 for i in idx]
        if not clashes:
            break
        for i in clashes:
            widths[i] += 4
            labels[i] = shorten(names[i], widths[i]) if widths[i] < len(names[i]) + 4 else names[i]
    return labels


def _legend_labels(names: Sequence[str]) -> list[str]:
    return _short_labels(names, "trunc", 28 if len(names) <= 12 else 22)


_LABEL_SIZES: tuple[float, ...] = (8.5, 7.5, 6.5, 5.5)
# Candidate layouts of category tick labels, most legible first: (shortening, width, lines, size, rotation).
_Y_LAYOUTS: tuple[tuple[str, int, int, float, int], ...] = (
    *(("wrap", 20, 2, s, 0) for s in _LABEL_SIZES),
    *(("trunc", 26, 1, s, 0) for s in _LABEL_SIZES),
    *(("trunc", 16, 1, s, 0) for s in _LABEL_SIZES),
)
_X_LAYOUTS: tuple[tuple[str, int, int, float, int], ...] = (
    *(("wrap", 12, 3, s, 0) for s in _LABEL_SIZES[:3]),
    *(("trunc", 26, 1, s, 45) for s in _LABEL_SIZES[:2]),
    *(("trunc", 26, 1, s, 90) for s in _LABEL_SIZES),
    *(("trunc", 16, 1, s, 90) for s in _LABEL_SIZES[2:]),
)


def _boxes_overlap(boxes: Sequence[Bbox], tol: float = 0.5) -> bool:
    for i in range(len(boxes)):
        a = boxes[i]
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if (min(a.x1, b.x1) - max(a.x0, b.x0) > tol) and (min(a.y1, b.y1) - max(a.y0, b.y0) > tol):
                return True
    return False


def _ticklabels_overlap(ax: Axes, axis: _Axis, *, full: bool) -> bool:
    fig = ax.get_figure(root=True)
    assert fig is not None
    if full:
        fig.draw_without_rendering()
    axis_obj = ax.yaxis if axis == "y" else ax.xaxis
    if not full:
        axis_obj.get_tightbbox()  # updates tick positions without drawing the figure
    labels = [t for t in axis_obj.get_ticklabels() if t.get_visible() and t.get_text()]
    return _boxes_overlap([t.get_window_extent() for t in labels])


def _set_category_ticks(ax: Axes, positions: _Positions, names: Sequence[str], *, axis: _Axis = "y",
                        wrap: bool = True, pad: float = 3.0) -> float:
    """Set category tick labels, trying wrapped, smaller, (x axis) rotated and shortened labels, most
    legible first, until no two overlap. Returns the font size used.
    """
    n = len(names)
    layouts = [c for c in (_Y_LAYOUTS if axis == "y" else _X_LAYOUTS)
               if c[0] != "wrap" or (wrap and n <= (12 if axis == "y" else 40))]
    ax.tick_params(axis=axis, length=0, pad=pad)
    size = _LABEL_SIZES[0]
    if not n:
        (ax.set_yticks if axis == "y" else ax.set_xticks)([])
        return size
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.draw_without_rendering()  # settle the layout once
    current = None
    for kind, width, lines, size, rot in layouts:
        if (kind, width, lines) != current:
            current = (kind, width, lines)
            labels = _short_labels(names, kind, width, lines)
            if axis == "y":
                ax.set_yticks(list(positions), labels=labels)
            else:
                ax.set_xticks(list(positions), labels=labels)
        ax.tick_params(axis=axis, labelsize=size, labelrotation=rot)
        if axis == "x":
            for t in ax.get_xticklabels():
                t.set_horizontalalignment("right" if rot else "center")
                t.set_verticalalignment("center" if rot == 90 else "top")
                t.set_rotation_mode("anchor" if rot else "default")
        if not _ticklabels_overlap(ax, axis, full=False) and not _ticklabels_overlap(ax, axis, full=True):
            return size
    return size


def _outlet_swatches(ax: Axes, positions: _Positions, names: Sequence[str], pal: OutletPalette, *,
                     axis: _Axis = "y", size: float = 8.5) -> None:
    """A small marker in each outlet's colour beside its tick label (labelled ``_swatch:<outlet>``)."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    ms = max(3.5, min(6.5, size * 0.75))
    if axis == "y":
        trans = blended_transform_factory(ax.transAxes, ax.transData) + ScaledTranslation(
            -5.5 / 72, 0, fig.dpi_scale_trans)
    else:
        trans = blended_transform_factory(ax.transData, ax.transAxes) + ScaledTranslation(
            0, -5.5 / 72, fig.dpi_scale_trans)
    for p, name in zip(positions, names):
        st = pal.style(name)
        xy = ([0.0], [p]) if axis == "y" else ([p], [0.0])
        ax.plot(*xy, linestyle="none", marker=st.marker, markersize=ms, markerfacecolor=st.color,
                markeredgecolor=_darken(st.color), markeredgewidth=0.6, transform=trans, clip_on=False,
                label=f"_swatch:{name}", zorder=5)


def _style_axes(ax: Axes, *, grid: _Axis | None = "x") -> None:
    """mediakit's look, applied to this Axes only."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(_INK)
        ax.spines[side].set_linewidth(0.8)
    ax.tick_params(colors=_INK, labelsize=8.5, width=0.8)
    ax.xaxis.label.set_fontsize(9)
    ax.yaxis.label.set_fontsize(9)
    ax.xaxis.label.set_color(_INK)
    ax.yaxis.label.set_color(_INK)
    ax.set_axisbelow(True)
    if grid:
        ax.grid(True, axis=grid, color=_GRID, linewidth=0.8)
        ax.grid(False, axis="y" if grid == "x" else "x")


def _right_column(ax: Axes, positions: _Positions, texts: Sequence[str], *, size: float,
                  colors: Sequence[str] | None = None) -> None:
    """Texts in a column just right of the Axes (sample sizes)."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    # 4 points right of the Axes: an offset in points (not a fraction of the Axes) keeps layout engines exact
    trans = blended_transform_factory(ax.transAxes, ax.transData) + ScaledTranslation(4 / 72, 0, fig.dpi_scale_trans)
    for k, (p, t) in enumerate(zip(positions, texts)):
        ax.text(1.0, p, t, transform=trans, ha="left", va="center", fontsize=min(size, 7.5),
                color=colors[k] if colors else _MUTED_INK, clip_on=False)


# =========================================================================== input checks

_OTHER = "other"
_NONE = "(none)"

_PRETTY: dict[str, str] = {
    "read_flesch_reading_ease": "Flesch reading ease (higher = easier)",
    "read_flesch_kincaid_grade": "Flesch–Kincaid grade (higher = harder)",
    "read_gunning_fog": "Gunning fog index (higher = harder)",
    "read_smog": "SMOG grade (higher = harder)",
    "read_coleman_liau": "Coleman–Liau index (higher = harder)",
    "read_ari": "Automated readability index (higher = harder)",
    "read_dale_chall": "Dale–Chall score (higher = harder)",
    "sent_mean_compound": "mean sentence sentiment (VADER compound)",
    "sent_median_compound": "median sentence sentiment (VADER compound)",
    "sent_headline_compound": "headline sentiment (VADER compound)",
    "compound": "sentiment (VADER compound)",
    "score": "sentiment toward the actor",
    "mean_score": "sentiment toward the actor (article means)",
    "words": "words per article",
    "n_articles": "articles",
    "share_of_group": "share of the outlet's articles",
    "share_of_all": "share of all articles",
    "n_matching": "matching articles",
}


def _pretty(name: str) -> str:
    return _PRETTY.get(name, name.replace("__", ": ").replace("_", " "))


def _frame(data: Any, func: str, *, attr: str | None = None) -> pd.DataFrame:
    """``data`` as a DataFrame (a Comparison gives its ``attr`` table); ValueError otherwise or when empty."""
    if attr is not None and not isinstance(data, pd.DataFrame) and hasattr(data, attr):
        data = getattr(data, attr)
        if data is None:
            raise ValueError(f"{func}: the Comparison has no {attr!r} table (compare(..., event=...) makes one)")
    if not isinstance(data, pd.DataFrame):
        raise ValueError(f"{func}: data must be a pandas DataFrame, got {type(data).__name__}")
    if data.empty:
        raise ValueError(f"{func}: data has no rows: nothing to plot")
    return data


def _require(df: pd.DataFrame, columns: Iterable[str], func: str, what: str = "") -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        cols = list(map(str, df.columns))
        preview = ", ".join(cols[:15]) + (", ..." if len(cols) > 15 else "")
        raise ValueError(f"{func}: data has no column(s) {missing}{what}; columns: {preview}")


def _get_ax(ax: Axes | None, func: str) -> Axes:
    if ax is None:
        return plt.gca()
    if not isinstance(ax, Axes):
        raise ValueError(f"{func}: ax must be a matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def _outlets(df: pd.DataFrame, func: str, outlet: str | None, articles: pd.DataFrame | None) -> pd.Series:
    """The outlet label of each row (strings, NA kept): a column, or joined from ``articles``."""
    if outlet is not None:
        if outlet in df.columns:
            col = df[outlet]
        elif articles is not None:
            col = _join_outlet(df, articles, func, outlet)
        else:
            _require(df, [outlet], func, " (the outlet column)")
            raise AssertionError  # pragma: no cover
    elif "outlet" in df.columns:
        col = df["outlet"]
    elif "group" in df.columns:
        col = df["group"]
    elif articles is not None:
        col = _join_outlet(df, articles, func, "outlet")
    else:
        raise ValueError(f"{func}: data has no 'outlet' (or 'group') column; pass articles= (the articles "
                         "table) to join each row's outlet on article_id, or outlet= to name the column")
    return pd.Series([_label(v) for v in col.tolist()], index=df.index, dtype=object)


def _label(v: Any) -> str | None:
    """A category label as a string; None for missing values."""
    if v is None or (not isinstance(v, str) and pd.api.types.is_scalar(v) and pd.isna(v)):
        return None
    return str(v)


def _label_key(s: str) -> str:
    """A label folded for counting spelling variants together: case, curly quotes, spaces."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.split()).casefold()


def _join_outlet(df: pd.DataFrame, articles: pd.DataFrame, func: str, outlet: str) -> pd.Series:
    if not isinstance(articles, pd.DataFrame):
        raise ValueError(f"{func}: articles must be a pandas DataFrame, got {type(articles).__name__}")
    _require(df, ["article_id"], func, " (needed to join the outlet from articles=)")
    if "article_id" not in articles.columns or outlet not in articles.columns:
        raise ValueError(f"{func}: articles= needs 'article_id' and {outlet!r} columns")
    lookup = articles.drop_duplicates("article_id").set_index("article_id")[outlet]
    return pd.Series(df["article_id"].map(lookup).to_numpy(dtype=object), index=df.index)


def _numeric(df: pd.DataFrame, col: str, func: str) -> np.ndarray:
    try:
        return pd.to_numeric(df[col], errors="raise").to_numpy(dtype=float, na_value=np.nan)
    except (ValueError, TypeError):
        raise ValueError(f"{func}: column {col!r} must be numeric") from None


def _pick(df: pd.DataFrame, col: str, value: Any, func: str, what: str) -> Any:
    """The value of ``col`` to plot: ``value``, or the only one present."""
    present = list(dict.fromkeys(df[col].dropna().tolist()))
    if value is None:
        if len(present) == 1:
            return present[0]
        preview = ", ".join(map(repr, present[:12])) + (", ..." if len(present) > 12 else "")
        raise ValueError(f"{func}: data has {len(present)} {what}s; choose one with {what}= ({preview})")
    if value not in present:
        preview = ", ".join(map(repr, present[:12])) + (", ..." if len(present) > 12 else "")
        raise ValueError(f"{func}: {what} {value!r} is not in the data; known: {preview}")
    return value


def _order(names: Sequence[str], sort: Any, func: str, key: Mapping[str, float] | None = None,
           descending: bool = True) -> list[str]:
    if sort in (None, False):
        return list(names)
    if sort == "name":
        return sorted(names, key=_outlet_key)
    if key is None:
        raise ValueError(f"{func}: unknown sort {sort!r}; choose 'name' or None")

    def k(n: str) -> tuple[bool, float, tuple[str, str]]:
        v = key.get(n, math.nan)
        return (math.isnan(v), -v if descending else v, _outlet_key(n))

    return sorted(names, key=k)


def _rows(n: int) -> np.ndarray:
    """y positions for n categories, the first at the top."""
    return np.arange(n, dtype=float)[::-1]


def _fmt_pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _percent_axis(axis: Any) -> None:
    axis.set_major_formatter(mticker.PercentFormatter(xmax=1.0, decimals=0))


# =========================================================================== metric by outlet


def metric_by_outlet(data: Any, *, metric: str | None = None, outlet: str | None = None,
                     sort: Literal["mean", "name"] | None = "mean", xlabel: str | None = None,
                     ax: Axes | None = None, palette: Any = None) -> Axes:
    """Dot-and-whisker chart: each outlet's mean of one metric with its confidence interval.

    Parameters
    ----------
    data : pandas.DataFrame or Comparison
        ``Comparison.groups``-shaped: one row per outlet (and metric) with
        ``group`` (or ``outlet``), ``mean``, ``ci_low``, ``ci_high``, and
        optionally ``metric``, ``n`` and ``small_group``. A
        :class:`mediakit.Comparison` is taken as its ``.groups``.
    metric : str, optional
        Which metric (needed when ``data`` has several in ``metric``).
    outlet : str, optional
        The outlet column (default ``outlet``, else ``group``).
    sort : {'mean', 'name', None}, default 'mean'
        Highest mean at the top (missing means last), alphabetical, or as given.
    xlabel : str, optional
        Axis label (default: the metric's name and the CI level).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default the current Axes).
    palette : OutletPalette, dict, str or list, optional
        Outlet colours (default ``OutletPalette(<outlets in data>)``).

    Returns
    -------
    matplotlib.axes.Axes
        Dots (labelled with the outlet name) in the outlet's colour; small groups
        (``small_group`` true) hollow and labelled "small"; ``n`` right of the Axes.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> groups = pd.DataFrame({"group": ["A", "B", "C"], "metric": "tone", "n": [40, 35, 3],
    ...                        "mean": [0.2, -0.1, 0.4], "ci_low": [0.1, -0.2, 0.0],
    ...                        "ci_high": [0.3, 0.0, 0.8], "small_group": [False, False, True]})
    >>> fig, ax = plt.subplots(figsize=figure_for(3))
    >>> metric_by_outlet(groups, metric="tone", ax=ax) is ax
    True
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['C', 'A', 'B']
    >>> plt.close(fig)
    """
    func = "metric_by_outlet"
    df = _frame(data, func, attr="groups")
    _require(df, ["mean", "ci_low", "ci_high"], func)
    if "metric" in df.columns:
        metric = _pick(df, "metric", metric, func, "metric")
        df = df[df["metric"] == metric]
    names_s = _outlets(df, func, outlet, None)
    keep = names_s.notna().to_numpy()
    df, names_s = df[keep], names_s[keep]
    if df.empty:
        raise ValueError(f"{func}: no rows with an outlet to plot")
    if names_s.duplicated().any():
        dup = sorted(set(names_s[names_s.duplicated()]))[:5]
        raise ValueError(f"{func}: expected one row per outlet, found several for {dup}; filter the data "
                         "(e.g. by metric=) first")
    ax = _get_ax(ax, func)
    mean = dict(zip(names_s, _numeric(df, "mean", func)))
    lo = dict(zip(names_s, _numeric(df, "ci_low", func)))
    hi = dict(zip(names_s, _numeric(df, "ci_high", func)))
    n = dict(zip(names_s, df["n"].tolist())) if "n" in df.columns else {}
    small = dict(zip(names_s, df["small_group"].fillna(False).astype(bool))) if "small_group" in df.columns else {}
    if sort not in ("mean", "name", None, False):
        raise ValueError(f"{func}: unknown sort {sort!r}; choose 'mean', 'name' or None")
    names = _order(list(names_s), sort, func, mean)
    pal = _resolve_palette(palette, names, func)
    ys = _rows(len(names))
    _style_axes(ax, grid="x")
    texts, text_colors = [], []
    for y, name in zip(ys, names):
        st = pal.style(name)
        m, a, b = mean[name], lo[name], hi[name]
        is_small = bool(small.get(name, False))
        if np.isfinite(a) and np.isfinite(b):
            ax.plot([a, b], [y, y], color=st.color, linewidth=2.2, solid_capstyle="round",
                    label=f"_ci:{name}", zorder=2)
        if np.isfinite(m):
            ax.scatter([m], [y], s=46, marker=st.marker, facecolors="white" if is_small else st.color,
                       edgecolors=_darken(st.color), linewidths=1.6 if is_small else 0.8, zorder=3, label=name)
        nn = n.get(name)
        label = "" if nn is None or pd.isna(nn) else f"n={int(nn)}"
        if is_small:
            label += " (small)"
        if not np.isfinite(m):
            label = (label + " no data").strip()
        texts.append(label)
        text_colors.append(_INK if is_small or not np.isfinite(m) else _MUTED_INK)
    ax.set_ylim(-0.6, len(names) - 0.4)
    ax.margins(x=0.06)
    ci = df.attrs.get("ci", getattr(data, "info", {}).get("ci") if not isinstance(data, pd.DataFrame) else None)
    ci_txt = f"{float(ci):.0%} CI" if ci is not None else "CI"
    ax.set_xlabel(xlabel if xlabel is not None else f"{_pretty(str(metric)) if metric is not None else 'value'}"
                  f" — mean and {ci_txt}")
    size = _set_category_ticks(ax, ys, names, axis="y")
    if any(texts):
        _right_column(ax, ys, texts, size=size, colors=text_colors)
    if any(small.values()):
        handle = Line2D([], [], linestyle="none", marker="o", markerfacecolor="white",
                        markeredgecolor=_MUTED_INK, markeredgewidth=1.4, markersize=6)
        ax.legend([handle], ["small group: few articles, read with care"], loc="lower left",
                  bbox_to_anchor=(0.0, 1.0), frameon=False, fontsize=7.5, handletextpad=0.3, borderaxespad=0.2)
    return ax


# =========================================================================== shares


def share_table(data: pd.DataFrame, *, by: str, outlet: str | None = None, articles: pd.DataFrame | None = None,
                weight: str | None = None, outlets: Sequence[Any] | None = None) -> pd.DataFrame:
    """Counts and shares of ``by``'s values per outlet: the table behind the stacked-bar charts.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per item (match, attribution, label, ...) with ``by`` and an
        outlet column — or ``article_id`` and ``articles=`` to join it.
    by : str
        The category column. Missing values count as the category ``"(none)"``.
    outlet : str, optional
        The outlet column (default ``outlet``, else ``group``).
    articles : pandas.DataFrame, optional
        Articles table (``article_id``, ``outlet``) to join outlets from.
    weight : str, optional
        A count column to sum instead of counting rows.
    outlets : sequence, optional
        Outlets to include even without rows (e.g. every outlet of the corpus).

    Returns
    -------
    pandas.DataFrame
        ``outlet``, ``by``, ``count``, ``total`` (the outlet's count over all
        categories) and ``share`` (count / total; NaN when total is 0), one row
        per outlet and category (zeros included). Outlets sorted by name,
        categories by their overall count (descending), "(none)" last.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "source_type": ["official", "official", None, "person"]})
    >>> share_table(rows, by="source_type")
      outlet source_type  count  total     share
    0      A    official      2      3  0.666667
    1      A      person      0      3  0.000000
    2      A      (none)      1      3  0.333333
    3      B    official      0      1  0.000000
    4      B      person      1      1  1.000000
    5      B      (none)      0      1  0.000000
    """
    return _share_table(data, by=by, outlet=outlet, articles=articles, weight=weight, outlets=outlets,
                        func="share_table")


def _share_table(data: pd.DataFrame, *, by: str, outlet: str | None, articles: pd.DataFrame | None,
                 weight: str | None = None, outlets: Sequence[Any] | None = None,
                 func: str = "share_table") -> pd.DataFrame:
    df = _frame(data, func)
    _require(df, [by], func)
    names = _outlets(df, func, outlet, articles)
    cats = df[by].astype(object).where(df[by].notna(), _NONE).map(str)
    w = _numeric(df, weight, func) if weight is not None else np.ones(len(df))
    frame = pd.DataFrame({"outlet": names.to_numpy(dtype=object), by: cats.to_numpy(dtype=object),
                          "count": np.nan_to_num(w)})
    frame = frame[frame["outlet"].notna()]
    all_outlets = sorted(set(frame["outlet"]) | set(_names(outlets)), key=_outlet_key)
    if not all_outlets:
        raise ValueError(f"{func}: no rows with an outlet")
    totals_by_cat = frame.groupby(by, sort=False)["count"].sum()
    cat_order = sorted(totals_by_cat.index, key=lambda c: (c in (_NONE, _OTHER), -totals_by_cat[c], str(c)))
    counts = frame.groupby(["outlet", by], sort=False)["count"].sum()
    grid = pd.MultiIndex.from_product([all_outlets, cat_order], names=["outlet", by])
    out = counts.reindex(grid, fill_value=0).reset_index()
    out["total"] = out.groupby("outlet", sort=False)["count"].transform("sum")
    if weight is None or np.all(np.mod(w, 1) == 0):
        out["count"] = out["count"].astype(np.int64)
        out["total"] = out["total"].astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        tot = out["total"].to_numpy(dtype=float)
        out["share"] = np.where(tot > 0, out["count"].to_numpy(dtype=float) / np.where(tot > 0, tot, 1), np.nan)
    return out


def _lump(table: pd.DataFrame, by: str, max_categories: int) -> pd.DataFrame:
    """Keep the ``max_categories - 1`` largest categories and sum the rest into 'other'."""
    cats = list(dict.fromkeys(table[by]))
    if len(cats) <= max_categories:
        return table
    keep = [c for c in cats if c != _NONE][: max_categories - 1]
    t = table.copy()
    t[by] = t[by].where(t[by].isin(keep) | (t[by] == _NONE), _OTHER)
    out = t.groupby(["outlet", by], sort=False)[["count", "share"]].sum().reset_index()
    out["total"] = out["outlet"].map(table.groupby("outlet")["total"].first())
    order = {c: i for i, c in enumerate(keep + [_OTHER, _NONE])}
    out["_o"] = out[by].map(order)
    return out.sort_values(["outlet", "_o"], kind="mergesort").drop(columns="_o").reset_index(drop=True)


def _stacked_shares(ax: Axes, table: pd.DataFrame, by: str, *, func: str, palette: Any, colors: Any,
                    sort: Any, label_min: float, xlabel: str, legend_title: str | None,
                    empty_text: str) -> Axes:
    names = sorted(dict.fromkeys(table["outlet"]), key=_outlet_key)
    cats = list(dict.fromkeys(table[by]))
    share = table.pivot(index="outlet", columns=by, values="share").reindex(index=names, columns=cats)
    totals = table.groupby("outlet")["total"].first().reindex(names)
    if sort == "share":
        first = cats[0]
        names = _order(names, "share", func, share[first].fillna(-1).to_dict())
        share, totals = share.reindex(names), totals.reindex(names)
    elif sort not in ("name", None, False):
        raise ValueError(f"{func}: unknown sort {sort!r}; choose 'name' or 'share'")
    pal = _resolve_palette(palette, names, func)
    cc = _category_colors(cats, colors, func)
    ys = _rows(len(names))
    _style_axes(ax, grid="x")
    size = _set_category_ticks(ax, ys, names, axis="y", pad=12)
    fig = ax.get_figure(root=True)
    assert fig is not None
    row_pt = ax.get_window_extent().height / fig.dpi * 72 / max(len(names), 1)
    bar_h = 0.72
    text_size = max(4.5, min(7.5, row_pt * bar_h * 0.55))
    left = np.zeros(len(names))
    for c in cats:
        w = share[c].fillna(0).to_numpy(dtype=float)
        ax.barh(ys, w, left=left, height=bar_h, color=cc[c], edgecolor="white", linewidth=0.6, label=str(c),
                zorder=2)
        for y, l0, wi in zip(ys, left, w):
            if wi >= label_min:
                ax.text(l0 + wi / 2, y, _fmt_pct(wi), ha="center", va="center", fontsize=text_size,
                        color=_INK if _luminance(cc[c]) > 0.3 else "white", zorder=3)
        left = left + w
    for y, name in zip(ys, names):
        if not share.loc[name].fillna(0).sum() > 0:
            ax.text(0.01, y, empty_text, ha="left", va="center", fontsize=text_size, color=_MUTED_INK,
                    style="italic")
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, len(names) - 0.4)
    _percent_axis(ax.xaxis)
    ax.set_xlabel(xlabel)
    _outlet_swatches(ax, ys, names, pal, axis="y", size=size)
    if np.isfinite(totals.to_numpy(dtype=float)).all():  # a share table without counts has no n
        _right_column(ax, ys, [f"n={_num(totals[nm])}" for nm in names], size=size)
    ncol = min(len(cats), 4 if max(len(str(c)) for c in cats) > 14 else 6)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=ncol, frameon=False, fontsize=7.5,
              title=legend_title, title_fontsize=8, alignment="left", handlelength=1.2, columnspacing=1.0,
              borderaxespad=0.3)
    return ax


def _num(x: Any) -> str:
    x = float(x)
    return f"{x:.0f}" if x == int(x) else f"{x:.1f}"


def word_choice_shares(data: pd.DataFrame, *, family: str | None = None, articles: pd.DataFrame | None = None,
                       outlet: str | None = None, parts: Sequence[str] | None = ("title", "text"),
                       sort: Literal["name", "share"] | None = "name", max_categories: int = 8,
                       label_min: float = 0.08, ax: Axes | None = None, palette: Any = None,
                       colors: Any = None) -> Axes:
    """Stacked horizontal bars: the share of each variant of one lexicon family, per outlet.

    Parameters
    ----------
    data : pandas.DataFrame
        Either the rows of :func:`mediakit.word_choice` (one per match:
        ``article_id``, ``part``, ``family``, ``variant``, ...) with an
        ``outlet`` column or ``articles=`` to join it on ``article_id``; or a
        precomputed share table with ``outlet``, ``variant`` and ``share``
        (optionally ``family``, ``count``), used as is.
    family : str, optional
        The lexicon family (needed when ``data`` has several).
    articles : pandas.DataFrame, optional
        Articles table (``article_id``, ``outlet``): joins the outlet, and
        outlets without a match in the family get an empty bar.
    outlet : str, optional
        The outlet column (default ``outlet``).
    parts : sequence of str or None, default ('title', 'text')
        Which parts' matches count (None: all, captions included; captions are
        often agency-written). Ignored for a share table.
    sort : {'name', 'share', None}, default 'name'
        Outlets by name, or by share of the most common variant.
    max_categories : int, default 8
        More variants than this: the smallest are summed into "other" (the
        full table: :func:`share_table`).
    label_min : float, default 0.08
        Print the percentage in segments at least this wide.
    ax, palette
        As in :func:`metric_by_outlet`; outlets are marked by a swatch in their
        colour beside their name.
    colors : str, list or dict, optional
        Variant colours (default Paul Tol's light scheme).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> wc = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3"], "part": "text",
    ...                    "family": "leader_labels", "variant": ["dictator", "president", "president", "strongman"]})
    >>> arts = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "outlet": ["A", "B", "B"]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2))
    >>> word_choice_shares(wc, family="leader_labels", articles=arts, ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "word_choice_shares"
    df = _frame(data, func)
    _require(df, ["variant"], func)
    if "family" in df.columns:
        family = _pick(df, "family", family, func, "family")
        df = df[df["family"] == family]
    precomputed = "share" in df.columns and "article_id" not in df.columns
    if precomputed:
        names = _outlets(df, func, outlet, None)
        table = pd.DataFrame({"outlet": names.to_numpy(dtype=object), "variant": df["variant"].astype(str).to_numpy(),
                              "share": _numeric(df, "share", func)})
        table["count"] = _numeric(df, "count", func) if "count" in df.columns else np.nan
        table = table[table["outlet"].notna()]
        table["total"] = table.groupby("outlet")["count"].transform("sum") if "count" in df.columns else np.nan
        # keep variants in order of overall share
        order = table.groupby("variant")["share"].sum().sort_values(ascending=False, kind="mergesort").index
        table["_o"] = table["variant"].map({v: i for i, v in enumerate(order)})
        table = table.sort_values(["outlet", "_o"], kind="mergesort").drop(columns="_o")
    else:
        if parts is not None and "part" in df.columns:
            wanted = [parts] if isinstance(parts, str) else list(parts)
            df = df[df["part"].isin(wanted)]
        all_outlets = _names(articles[outlet or "outlet"]) if isinstance(articles, pd.DataFrame) and \
            (outlet or "outlet") in articles.columns else None
        if df.empty:
            if not all_outlets:
                raise ValueError(f"{func}: no matches of family {family!r} in parts {parts}")
            df = pd.DataFrame({"article_id": pd.Series([], dtype=object), "variant": pd.Series([], dtype=object)})
        table = _share_table(df, by="variant", outlet=outlet, articles=articles, outlets=all_outlets, func=func) \
            if not df.empty else _empty_shares(all_outlets or [], "variant")
    if not isinstance(max_categories, (int, np.integer)) or max_categories < 2:
        raise ValueError(f"{func}: max_categories must be an int >= 2, got {max_categories!r}")
    table = _lump(table, "variant", int(max_categories))
    ax = _get_ax(ax, func)
    fam = _pretty(str(family)) if family is not None else "the family"
    return _stacked_shares(ax, table, "variant", func=func, palette=palette, colors=colors, sort=sort,
                           label_min=label_min, xlabel=f"share of {fam} terms", legend_title=None,
                           empty_text="no matches")


def _empty_shares(outlets: Sequence[str], by: str) -> pd.DataFrame:
    return pd.DataFrame({"outlet": list(outlets), by: _NONE, "count": 0, "total": 0, "share": np.nan})


def source_mix(data: pd.DataFrame, *, by: str = "source_type", articles: pd.DataFrame | None = None,
               outlet: str | None = None, sort: Literal["name", "share"] | None = "name",
               max_categories: int = 8, label_min: float = 0.08, ax: Axes | None = None, palette: Any = None,
               colors: Any = None) -> Axes:
    """Stacked horizontal bars: which kinds of sources (or cues) each outlet's attributions use.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per attribution, e.g. ``extract_attributions`` output
        (``article_id``, ``source_type``, ``cue_class``, ``kind``, ...), with an
        ``outlet`` column or ``articles=`` to join it.
    by : str, default 'source_type'
        The category: ``'source_type'``, ``'cue_class'``, ``'kind'`` or any
        column. Missing values are drawn as "(none)" in pale grey.
    articles : pandas.DataFrame, optional
        Articles table (``article_id``, ``outlet``) to join the outlet.
    outlet : str, optional
        The outlet column (default ``outlet``).
    sort, max_categories, label_min, ax, palette, colors
        As in :func:`word_choice_shares`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> attr = pd.DataFrame({"outlet": ["A", "A", "B", "B", "B"],
    ...                      "source_type": ["official", "anonymous", "official", "person", None]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2))
    >>> source_mix(attr, by="source_type", ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "source_mix"
    df = _frame(data, func)
    _require(df, [by], func)
    if not isinstance(max_categories, (int, np.integer)) or max_categories < 2:
        raise ValueError(f"{func}: max_categories must be an int >= 2, got {max_categories!r}")
    table = _lump(_share_table(df, by=by, outlet=outlet, articles=articles, func=func), by, int(max_categories))
    ax = _get_ax(ax, func)
    what = {"source_type": "attributions by source type", "cue_class": "attributions by cue (verb) class",
            "kind": "attributions by kind"}.get(by, f"attributions by {by.replace('_', ' ')}")
    return _stacked_shares(ax, table, by, func=func, palette=palette, colors=colors, sort=sort,
                           label_min=label_min, xlabel=f"share of {what}", legend_title=None,
                           empty_text="no attributions")


# =========================================================================== heatmap


def actor_label_heatmap(data: pd.DataFrame, *, actor: str | None = None, label: str = "label",
                        articles: pd.DataFrame | None = None, outlet: str | None = None,
                        label_kind: str | None = None, normalize: bool = True, max_labels: int = 12,
                        annotate: bool = True, ax: Axes | None = None, palette: Any = None) -> Axes:
    """Annotated heatmap: how each outlet labels one actor (each label's share of the outlet's labels).

    Parameters
    ----------
    data : pandas.DataFrame
        ``actor_labels`` rows: ``actor``, ``label`` and an ``outlet`` column
        (``label_kind`` and ``part`` optional), or ``article_id`` with
        ``articles=``.
    actor : str, optional
        The actor (needed when ``data`` has several).
    label : str, default 'label'
        The label column.
    articles : pandas.DataFrame, optional
        Articles table to join the outlet on ``article_id``.
    outlet : str, optional
        The outlet column (default ``outlet``).
    label_kind : str, optional
        Keep only rows of this ``label_kind``.
    normalize : bool, default True
        Count spellings that differ only in case, curly apostrophes or spaces
        as one label ("President" at a sentence start and "president"), shown
        in its most frequent spelling. Rows without a label (mentions with no
        label) are always left out.
    max_labels : int, default 12
        More labels than this: the rarest are summed into "other".
    annotate : bool, default True
        Write the share (and count) in each cell.
    ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes
        Rows are outlets (alphabetical; a swatch in each outlet's colour), columns
        labels (most used first); cells coloured by share with Tol's YlOrBr, 0 to
        100 %; the outlet's number of labelled mentions to the right.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> lab = pd.DataFrame({"outlet": ["A", "A", "A", "B", "B"], "actor": "Roszak",
    ...                     "label": ["president", "president", "strongman", "dictator", "president"]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2, kind="heatmap", n_categories=3))
    >>> actor_label_heatmap(lab, actor="Roszak", ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "actor_label_heatmap"
    df = _frame(data, func)
    _require(df, ["actor", label], func)
    actor = _pick(df, "actor", actor, func, "actor")
    df = df[df["actor"] == actor]
    if label_kind is not None:
        _require(df, ["label_kind"], func)
        df = df[df["label_kind"] == label_kind]
        if df.empty:
            raise ValueError(f"{func}: no rows of actor {actor!r} with label_kind {label_kind!r}")
    labels_s = pd.Series([_label(v) for v in df[label].tolist()], index=df.index, dtype=object)
    keep = labels_s.map(lambda v: v is not None and v.strip() != "").to_numpy(dtype=bool)
    df, labels_s = df[keep], labels_s[keep]
    if df.empty:
        raise ValueError(f"{func}: actor {actor!r} has no labelled mentions")
    if normalize:
        keys = labels_s.map(_label_key)
        spelling: dict[str, str] = {}
        counts = pd.DataFrame({"key": keys, "label": labels_s}).value_counts().reset_index(name="n")
        for key, grp in counts.groupby("key", sort=True):
            best = grp.sort_values(["n", "label"], ascending=[False, True], kind="mergesort")
            spelling[str(key)] = str(best["label"].iloc[0])
        labels_s = keys.map(spelling)
    df = df.assign(**{label: labels_s.to_numpy(dtype=object)})
    if not isinstance(max_labels, (int, np.integer)) or max_labels < 2:
        raise ValueError(f"{func}: max_labels must be an int >= 2, got {max_labels!r}")
    table = _lump(_share_table(df, by=label, outlet=outlet, articles=articles, func=func), label, int(max_labels))
    names = sorted(dict.fromkeys(table["outlet"]), key=_outlet_key)
    cats = list(dict.fromkeys(table[label]))
    share = table.pivot(index="outlet", columns=label, values="share").reindex(index=names, columns=cats)
    count = table.pivot(index="outlet", columns=label, values="count").reindex(index=names, columns=cats)
    totals = table.groupby("outlet")["total"].first().reindex(names)
    ax = _get_ax(ax, func)
    pal = _resolve_palette(palette, names, func)
    cmap = LinearSegmentedColormap.from_list("tol_ylorbr", TOL_YLORBR).with_extremes(bad=MISSING_COLOR)
    values = np.ma.masked_invalid(share.to_numpy(dtype=float))
    ax.imshow(values, cmap=cmap, vmin=0.0, vmax=1.0, aspect="auto", interpolation="nearest",
              extent=(-0.5, len(cats) - 0.5, -0.5, len(names) - 0.5), origin="upper")
    _style_axes(ax, grid=None)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    # white gaps between cells
    for x in np.arange(-0.5, len(cats), 1.0):
        ax.axvline(x, color="white", linewidth=1.2)
    for y in np.arange(-0.5, len(names), 1.0):
        ax.axhline(y, color="white", linewidth=1.2)
    ys = _rows(len(names))
    size = _set_category_ticks(ax, ys, names, axis="y", pad=12)
    _set_category_ticks(ax, np.arange(len(cats), dtype=float), [str(c) for c in cats], axis="x", wrap=True)
    ax.set_xlim(-0.5, len(cats) - 0.5)
    ax.set_ylim(-0.5, len(names) - 0.5)
    fig = ax.get_figure(root=True)
    assert fig is not None
    if annotate:
        bb = ax.get_window_extent()
        cell_w = bb.width / fig.dpi * 72 / len(cats)
        cell_h = bb.height / fig.dpi * 72 / len(names)
        fs = max(4.0, min(8.0, cell_h * 0.36, cell_w / 4.2))
        two_lines = cell_h >= 2.6 * fs
        for i, name in enumerate(names):
            for j, c in enumerate(cats):
                v = share.iloc[i, j]
                if not np.isfinite(v):
                    continue
                txt = _fmt_pct(v) + (f"\n({int(count.iloc[i, j])})" if two_lines else "")
                ax.text(j, ys[i], txt, ha="center", va="center", fontsize=fs, linespacing=1.0,
                        color="white" if _luminance(cmap(float(v))) < 0.3 else _INK)
    _outlet_swatches(ax, ys, names, pal, axis="y", size=size)
    _right_column(ax, ys, [f"n={_num(totals[nm])}" for nm in names], size=size)
    ax.set_xlabel(f"labels used for {actor} (share of each outlet's labels for this actor)")
    return ax


# =========================================================================== distinctive terms


def _place_labels(ax: Axes, xs: Sequence[float], ys: Sequence[float], texts: Sequence[str], colors: Sequence[str],
                  *, fontsize: float = 7.5, obstacles: np.ndarray | None = None) -> list[Annotation]:
    """Greedy label placement: each label at the first of 8 directions × 6 distances whose box overlaps
    no placed label, no obstacle point and stays inside the Axes; labels that fit nowhere are dropped.

    Labels are placed in the order given (most important first); a thin leader line joins labels
    placed further than 8 points away to their point.
    """
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.draw_without_rendering()
    axbox = ax.get_window_extent()
    px = fig.dpi / 72.0
    r = 3.0 * px
    obst = [] if obstacles is None or not len(obstacles) else [
        Bbox.from_extents(x - r, y - r, x + r, y + r) for x, y in ax.transData.transform(obstacles)]
    placed: list[Bbox] = []
    out: list[Annotation] = []
    dirs = ((1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
            (0, -1, "center", "top"), (0.7, 0.7, "left", "bottom"), (-0.7, 0.7, "right", "bottom"),
            (0.7, -0.7, "left", "top"), (-0.7, -0.7, "right", "top"))
    for x, y, text, color in zip(xs, ys, texts, colors):
        ann = ax.annotate(text, (x, y), xytext=(4, 0), textcoords="offset points", fontsize=fontsize,
                          color=color, ha="left", va="center", zorder=6, annotation_clip=False)
        pt = ax.transData.transform((x, y))
        own = Bbox.from_extents(pt[0] - r, pt[1] - r, pt[0] + r, pt[1] + r)
        chosen = None
        for dist in (4.0, 9.0, 15.0, 23.0, 33.0, 46.0):
            for dx, dy, ha, va in dirs:
                ann.xyann = (dx * dist, dy * dist)
                ann.set_horizontalalignment(cast(Any, ha))
                ann.set_verticalalignment(cast(Any, va))
                bb = ann.get_window_extent().padded(1.0 * px)
                if bb.x0 < axbox.x0 or bb.x1 > axbox.x1 or bb.y0 < axbox.y0 or bb.y1 > axbox.y1:
                    continue
                if any(_overlap(bb, p) for p in placed):
                    continue
                if any(_overlap(bb, o) for o in obst if not _same(o, own)):
                    continue
                chosen = (dist, bb)
                break
            if chosen:
                break
        if chosen is None:
            ann.remove()
            continue
        dist, bb = chosen
        placed.append(bb)
        if dist > 8:
            ann.arrow_patch = None
            ann.remove()
            ann2 = ax.annotate(text, (x, y), xytext=ann.xyann, textcoords="offset points", fontsize=fontsize,
                               color=color, ha=ann.get_horizontalalignment(), va=ann.get_verticalalignment(),
                               zorder=6, annotation_clip=False,
                               arrowprops={"arrowstyle": "-", "color": _NEUTRAL, "linewidth": 0.5,
                                           "shrinkA": 1.0, "shrinkB": 2.5})
            out.append(ann2)
        else:
            out.append(ann)
    return out


def _overlap(a: Bbox, b: Bbox) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0)


def _same(a: Bbox, b: Bbox) -> bool:
    return bool(np.allclose(a.extents, b.extents))


def distinctive_terms_plot(data: pd.DataFrame, *, group: Any = None, other: Any = None,
                           kind: Literal["scatter", "bars"] = "scatter", top: int = 10, z_min: float = 1.96,
                           ax: Axes | None = None, palette: Any = None) -> Axes:
    """"Fightin' Words" chart of :func:`mediakit.distinctive_terms`: term frequency vs z-score.

    ``kind='scatter'`` (Monroe, Colaresi & Quinn 2008, fig. 3): every term at
    its total count (log x axis) and z-score of the log-odds ratio; terms with
    ``|z| >= z_min`` in colour — the group's outlet colour above zero, the other
    side's (its outlet colour if it is one outlet, else grey) below — and the
    ``top`` terms of each side labelled by a greedy placement that keeps labels
    from overlapping each other and the coloured points (labels that find no
    free place are left out). ``kind='bars'``: the ``top`` terms of each side as
    horizontal bars of z, the group's above, the other side's below.

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`mediakit.distinctive_terms` output: ``group``, ``other``,
        ``term``, ``count_group``, ``count_other``, ``z``.
    group : optional
        The group (needed when ``data`` has several).
    other : optional
        The other side (needed when ``group`` is compared with several).
    kind : {'scatter', 'bars'}, default 'scatter'
    top : int, default 10
        Terms labelled (scatter) or drawn (bars) per side.
    z_min : float, default 1.96
        Significance line (|z| = 1.96: two-sided 5 %, uncorrected).
    ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> terms = pd.DataFrame({"group": "A", "other": "rest", "term": ["regime", "government", "rebels", "talks"],
    ...                       "count_group": [30, 5, 20, 8], "count_other": [4, 40, 6, 9],
    ...                       "z": [4.1, -4.5, 2.6, -0.2]})
    >>> fig, ax = plt.subplots()
    >>> distinctive_terms_plot(terms, group="A", ax=ax) is ax
    True
    >>> sorted(t.get_text() for t in ax.texts if t.get_text() in set(terms["term"]))
    ['government', 'rebels', 'regime']
    >>> plt.close(fig)
    """
    func = "distinctive_terms_plot"
    df = _frame(data, func)
    _require(df, ["group", "other", "term", "count_group", "count_other", "z"], func)
    group = _pick(df, "group", group, func, "group")
    df = df[df["group"] == group]
    others = list(dict.fromkeys(map(str, df["other"].tolist())))
    if other is None and len(others) > 1:
        raise ValueError(f"{func}: group {group!r} is compared with {len(others)} others; choose one with "
                         f"other= ({', '.join(map(repr, others[:10]))})")
    if other is not None:
        if str(other) not in others:
            raise ValueError(f"{func}: other {other!r} is not in the data for group {group!r}; known: {others}")
        df = df[df["other"].map(str) == str(other)]
    other_name = others[0] if other is None else str(other)
    if kind not in ("scatter", "bars"):
        raise ValueError(f"{func}: unknown kind {kind!r}; choose 'scatter' or 'bars'")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 0:
        raise ValueError(f"{func}: top must be a non-negative int, got {top!r}")
    z = _numeric(df, "z", func)
    total = _numeric(df, "count_group", func) + _numeric(df, "count_other", func)
    terms = df["term"].astype(str).to_numpy()
    ok = np.isfinite(z) & (total > 0)
    z, total, terms = z[ok], total[ok], terms[ok]
    if not len(z):
        raise ValueError(f"{func}: no terms with a finite z-score for group {group!r}")
    other_is_outlet = other_name != "rest" and not other_name.startswith("[")  # not a pooled list of groups
    pal = _resolve_palette(palette, [str(group)] + ([other_name] if other_is_outlet else []), func)
    c_group = pal[str(group)]
    c_other = pal[other_name] if other_is_outlet else "#555555"
    ax = _get_ax(ax, func)
    order_pos = np.argsort(-z, kind="mergesort")
    order_neg = np.argsort(z, kind="mergesort")
    pos = [i for i in order_pos if z[i] >= z_min][:top]
    neg = [i for i in order_neg if z[i] <= -z_min][:top]
    group_label = _truncate(str(group), 30)
    other_label = "the rest" if other_name == "rest" else _truncate(other_name, 30)
    if kind == "scatter":
        _style_axes(ax, grid="y")
        sig_pos, sig_neg = z >= z_min, z <= -z_min
        rest = ~(sig_pos | sig_neg)
        ax.scatter(total[rest], z[rest], s=9, color=_NEUTRAL, alpha=0.45, linewidths=0, zorder=2,
                   label="_not significant")
        ax.scatter(total[sig_pos], z[sig_pos], s=16, color=c_group, edgecolors=_darken(c_group), linewidths=0.4,
                   zorder=3, label=str(group))
        ax.scatter(total[sig_neg], z[sig_neg], s=16, color=c_other, edgecolors=_darken(c_other), linewidths=0.4,
                   zorder=3, label=other_name if other_is_outlet else "_other")
        ax.set_xscale("log")
        for s in (z_min, -z_min):
            ax.axhline(s, color=_NEUTRAL, linewidth=0.7, linestyle="--", zorder=1)
        ax.axhline(0, color=_INK, linewidth=0.6, zorder=1)
        zmax = float(np.nanmax(np.abs(z)))
        ax.set_ylim(-zmax * 1.15 - 0.5, zmax * 1.15 + 0.5)
        ax.set_xlim(float(total.min()) / 1.6, float(total.max()) * 1.6)
        ax.set_xlabel("term frequency (count in both sides, log scale)")
        ax.set_ylabel("z-score of the log-odds ratio")
        ax.text(0.01, 0.99, f"more in {group_label}", transform=ax.transAxes, ha="left", va="top", fontsize=8,
                color=_darken(c_group, 0.2), fontweight="bold")
        ax.text(0.01, 0.01, f"more in {other_label}", transform=ax.transAxes, ha="left", va="bottom", fontsize=8,
                color=_darken(c_other, 0.2) if other_is_outlet else _MUTED_INK, fontweight="bold")
        idx = [i for pair in _interleave(pos, neg) for i in pair]
        sig = np.flatnonzero(sig_pos | sig_neg)
        obstacles = np.column_stack([total[sig], z[sig]]) if len(sig) else None
        _place_labels(ax, [float(total[i]) for i in idx], [float(z[i]) for i in idx], [terms[i] for i in idx],
                      [_darken(c_group, 0.25) if z[i] > 0 else (_darken(c_other, 0.25) if other_is_outlet
                                                               else _INK) for i in idx],
                      obstacles=obstacles)
    else:
        _style_axes(ax, grid="x")
        # the top terms of each side, significant or not; those below z_min are drawn pale
        rows = [i for i in order_pos if z[i] > 0][:top] + [i for i in order_neg if z[i] < 0][:top][::-1]
        if not rows:
            raise ValueError(f"{func}: no term with a non-zero z-score for group {group!r}")
        ys = _rows(len(rows))
        vals = np.array([z[i] for i in rows])
        cols = [c_group if v > 0 else c_other for v in vals]
        sig = np.abs(vals) >= z_min
        if sig.any():  # an empty container would put a default-coloured swatch in the legend
            ax.barh(ys[sig], vals[sig], height=0.7, color=[c for c, s_ in zip(cols, sig) if s_],
                    edgecolor=[_darken(c) for c, s_ in zip(cols, sig) if s_], linewidth=0.5, zorder=2,
                    label=f"|z| ≥ {z_min:g}")
        if (~sig).any():
            ax.barh(ys[~sig], vals[~sig], height=0.7, color="white",
                    edgecolor=[c for c, s_ in zip(cols, sig) if not s_], linewidth=1.0, hatch="////", zorder=2,
                    label=f"|z| < {z_min:g} (not significant)")
            ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False, fontsize=7.5,
                      borderaxespad=0.2)
        ax.axvline(0, color=_INK, linewidth=0.8)
        for s in (z_min, -z_min):
            ax.axvline(s, color=_NEUTRAL, linewidth=0.7, linestyle="--", zorder=1)
        ax.set_ylim(-0.6, len(rows) - 0.4)
        _set_category_ticks(ax, ys, [terms[i] for i in rows], axis="y", wrap=False)
        ax.set_xlabel(f"z-score of the log-odds ratio  (← more in {other_label} | more in {group_label} →)")
        lim = max(float(np.abs(vals).max()), z_min) * 1.08
        ax.set_xlim(-lim, lim)
    return ax


def _interleave(a: Sequence[int], b: Sequence[int]) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = []
    for k in range(max(len(a), len(b))):
        out.append(tuple(x[k] for x in (a, b) if k < len(x)))
    return out


# =========================================================================== distributions


def _kde(x: np.ndarray, grid: np.ndarray) -> np.ndarray | None:
    """Gaussian kernel density (Silverman's bandwidth) on ``grid``; None when it is undefined."""
    n = len(x)
    if n < 2:
        return None
    sd = float(x.std(ddof=1))
    q75, q25 = np.percentile(x, [75, 25])
    spread = min(sd, (q75 - q25) / 1.34) if q75 > q25 else sd
    bw = 0.9 * spread * n ** -0.2
    if not bw > 0:
        return None
    out = np.zeros(len(grid))
    for chunk in np.array_split(x, max(1, n // 2000)):
        out += np.exp(-0.5 * ((grid[:, None] - chunk[None, :]) / bw) ** 2).sum(axis=1)
    return out / (n * bw * math.sqrt(2 * math.pi))


def _distribution_rows(ax: Axes, values: Mapping[str, np.ndarray], names: Sequence[str], pal: OutletPalette, *,
                       kind: str, points: bool, func: str) -> float:
    ys = _rows(len(names))
    allv = np.concatenate([v for v in values.values() if len(v)]) if any(len(v) for v in values.values()) \
        else np.zeros(0)
    rng = np.random.default_rng(0)  # fixed: the same chart every time
    for y, name in zip(ys, names):
        v = values[name]
        st = pal.style(name)
        if not len(v):
            continue
        q1, med, q3 = np.percentile(v, [25, 50, 75])
        if kind == "violin":
            grid = np.linspace(v.min(), v.max(), 256)
            dens = _kde(v, grid)
            if dens is not None and dens.max() > 0:
                h = dens / dens.max() * 0.4
                ax.fill_between(grid, y - h, y + h, color=st.color, alpha=0.55, linewidth=0.8,
                                edgecolor=_darken(st.color), hatch=st.hatch or None, zorder=2, label=name)
            else:
                ax.plot([v.min(), v.max()], [y, y], color=st.color, linewidth=3, zorder=2, label=name)
            ax.plot([q1, q3], [y, y], color=_INK, linewidth=3.2, solid_capstyle="butt", zorder=3,
                    label=f"_iqr:{name}")
            ax.scatter([med], [y], s=20, color="white", edgecolors=_INK, linewidths=0.9, zorder=4,
                       label=f"_median:{name}")
        else:
            bp = ax.boxplot([v], positions=[y], orientation="horizontal", widths=0.55, patch_artist=True,
                            showfliers=not points, manage_ticks=False,
                            medianprops={"color": _INK, "linewidth": 1.4},
                            whiskerprops={"color": _INK, "linewidth": 0.8}, capprops={"color": _INK, "linewidth": 0.8},
                            flierprops={"marker": ".", "markersize": 3, "markerfacecolor": _NEUTRAL,
                                        "markeredgecolor": "none"})
            for b in bp["boxes"]:
                b.set_facecolor(st.color)
                b.set_alpha(0.7)
                b.set_edgecolor(_darken(st.color))
                b.set_hatch(st.hatch or None)
                b.set_label(name)
        if points and len(v) <= 400:
            jitter = rng.uniform(-0.12, 0.12, len(v))
            ax.scatter(v, y + jitter, s=7, color=_darken(st.color, 0.2), alpha=0.6, linewidths=0, zorder=3.5,
                       label=f"_points:{name}")
    ax.set_ylim(-0.6, len(names) - 0.4)
    return float(np.nanmax(np.abs(allv))) if len(allv) else 1.0


def _values_by_outlet(df: pd.DataFrame, value: str, names_s: pd.Series, func: str) -> dict[str, np.ndarray]:
    vals = _numeric(df, value, func)
    out: dict[str, list[float]] = {}
    for n, v in zip(names_s.tolist(), vals):
        if n is None:
            continue
        out.setdefault(n, [])
        if np.isfinite(v):
            out[n].append(v)
    return {k: np.asarray(v, dtype=float) for k, v in out.items()}


def _distribution_setup(df: pd.DataFrame, value: str, names_s: Any, *, sort: Any, ax: Any,
                        palette: Any, func: str) -> tuple[dict[str, Any], list[str], Any, Any]:
    """Values per outlet, their order, the Axes and palette of a per-outlet distribution chart."""
    values = _values_by_outlet(df, value, names_s, func)
    if not values or not any(len(v) for v in values.values()):
        raise ValueError(f"{func}: no finite {value!r} values with an outlet")
    if sort not in ("name", "median", None, False):
        raise ValueError(f"{func}: unknown sort {sort!r}; choose 'name', 'median' or None")
    med = {k: float(np.median(v)) if len(v) else math.nan for k, v in values.items()}
    names = _order(sorted(values, key=_outlet_key), "mean" if sort == "median" else sort, func, med)
    ax = _get_ax(ax, func)
    pal = _resolve_palette(palette, names, func)
    _style_axes(ax, grid="x")
    return values, names, ax, pal


def sentiment_distribution(data: pd.DataFrame, *, value: str | None = None, articles: pd.DataFrame | None = None,
                           outlet: str | None = None, kind: Literal["violin", "box"] = "violin",
                           points: bool = False, sort: Literal["name", "median"] | None = "name",
                           ax: Axes | None = None, palette: Any = None) -> Axes:
    """Distribution of sentence- or article-level sentiment per outlet (violin or box).

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`mediakit.sentences` rows (``article_id``, ``compound``; join the
        outlet with ``articles=``) or :func:`mediakit.analyze` rows
        (``outlet``, ``sent_mean_compound``, ...).
    value : str, optional
        The score column (default: the first present of ``compound``,
        ``sent_mean_compound``, ``tone``).
    articles : pandas.DataFrame, optional
        Articles table (``article_id``, ``outlet``) to join the outlet.
    outlet : str, optional
        The outlet column (default ``outlet``).
    kind : {'violin', 'box'}, default 'violin'
        Violins (kernel density within the observed range, the interquartile
        range as a bar and the median as a white dot) or box plots.
    points : bool, default False
        Overlay the values as jittered points (outlets with at most 400 values;
        the jitter is seeded, so the chart is reproducible).
    sort : {'name', 'median', None}, default 'name'
    ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> sents = pd.DataFrame({"outlet": ["A"] * 5 + ["B"] * 5,
    ...                       "compound": [-0.6, -0.2, 0.0, 0.1, 0.5, -0.1, 0.0, 0.2, 0.4, 0.7]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2))
    >>> sentiment_distribution(sents, ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "sentiment_distribution"
    df = _frame(data, func)
    if value is None:
        value = next((c for c in ("compound", "sent_mean_compound", "tone") if c in df.columns), None)
        if value is None:
            raise ValueError(f"{func}: data has none of the columns 'compound', 'sent_mean_compound', 'tone'; "
                             "pass value= to name the score column")
    _require(df, [value], func)
    if kind not in ("violin", "box"):
        raise ValueError(f"{func}: unknown kind {kind!r}; choose 'violin' or 'box'")
    values, names, ax, pal = _distribution_setup(df, value, _outlets(df, func, outlet, articles),
                                                 sort=sort, ax=ax, palette=palette, func=func)
    vmax = _distribution_rows(ax, values, names, pal, kind=kind, points=points, func=func)
    ax.axvline(0, color=_NEUTRAL, linewidth=0.7, linestyle="--", zorder=1)
    if vmax <= 1.0:
        ax.set_xlim(-1.05, 1.05)
    ys = _rows(len(names))
    size = _set_category_ticks(ax, ys, names, axis="y")
    _right_column(ax, ys, [f"n={len(values[n])}" for n in names], size=size)
    unit = "sentences" if "sentence" in df.columns else "articles"
    ax.set_xlabel(f"{_pretty(value)} — {unit}")
    return ax


def readability_by_outlet(data: Any, *, metric: str = "read_flesch_reading_ease", outlet: str | None = None,
                          points: bool = True, sort: Literal["name", "median"] | None = "name",
                          ax: Axes | None = None, palette: Any = None) -> Axes:
    """One readability score per outlet: box plots with the articles as points.

    Parameters
    ----------
    data : pandas.DataFrame or Comparison
        :func:`mediakit.analyze` output (one row per article: ``outlet`` and the
        ``read_*`` columns). ``Comparison.groups``-shaped data (``mean``,
        ``ci_low``, ``ci_high``) is drawn by :func:`metric_by_outlet` instead.
    metric : str, default 'read_flesch_reading_ease'
        The score column (any ``read_*`` column, or another numeric one).
    outlet : str, optional
        The outlet column (default ``outlet``).
    points : bool, default True
        Overlay each article as a point (seeded jitter).
    sort : {'name', 'median', None}, default 'name'
    ax, palette
        As in :func:`metric_by_outlet`.

    Returns
    -------
    matplotlib.axes.Axes
        The x label says which direction is easier to read.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> m = pd.DataFrame({"outlet": ["A"] * 4 + ["B"] * 4,
    ...                   "read_flesch_reading_ease": [55, 60, 48, 62, 38, 41, 35, 44]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2))
    >>> readability_by_outlet(m, ax=ax).get_xlabel()
    'Flesch reading ease (higher = easier)'
    >>> plt.close(fig)
    """
    func = "readability_by_outlet"
    df = _frame(data, func, attr="groups")
    if {"mean", "ci_low", "ci_high"} <= set(df.columns) and metric not in df.columns:
        return metric_by_outlet(df, metric=metric, outlet=outlet, sort="mean" if sort == "median" else sort,
                                xlabel=None, ax=ax, palette=palette)
    _require(df, [metric], func)
    values, names, ax, pal = _distribution_setup(df, metric, _outlets(df, func, outlet, None),
                                                 sort=sort, ax=ax, palette=palette, func=func)
    _distribution_rows(ax, values, names, pal, kind="box", points=points, func=func)
    ys = _rows(len(names))
    size = _set_category_ticks(ax, ys, names, axis="y")
    _right_column(ax, ys, [f"n={len(values[n])}" for n in names], size=size)
    ax.set_xlabel(_pretty(metric))
    return ax


def actor_sentiment_plot(data: pd.DataFrame, *, value: str | None = None, actor: str = "actor",
                         actors: Sequence[Any] | None = None, top: int = 10, articles: pd.DataFrame | None = None,
                         outlet: str | None = None, min_n: int = 5, ax: Axes | None = None,
                         palette: Any = None) -> Axes:
    """Mean sentiment around each actor, one dot (with a 95 % bootstrap CI) per outlet.

    Parameters
    ----------
    data : pandas.DataFrame
        Either one row per sentence or article and actor — ``actor``, an
        outlet and a score, e.g. ``mediakit.actors.actor_sentences`` (``score``)
        or ``actor_sentiment`` (``mean_score``) output — or one row per actor and
        outlet with ``mean``, ``ci_low``, ``ci_high`` (and ``n``).
    value : str, optional
        The score column (default: the first present of ``score``,
        ``mean_score``, ``compound``).
    actor : str, default 'actor'
        The actor column.
    actors : sequence, optional
        Actors to show, top to bottom (default: the ``top`` most mentioned).
    top : int, default 10
    articles : pandas.DataFrame, optional
        Articles table to join the outlet on ``article_id``.
    outlet : str, optional
        The outlet column (default ``outlet``).
    min_n : int, default 5
        Dots from fewer rows (sentences, articles) are hollow (as in
        :func:`metric_by_outlet`).
    ax, palette
        As in :func:`metric_by_outlet`; outlets are in the legend.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> ment = pd.DataFrame({"outlet": ["A", "A", "B", "B", "A", "B"], "actor": ["Roszak"] * 4 + ["Kell"] * 2,
    ...                      "compound": [-0.5, -0.3, 0.1, 0.2, 0.4, 0.3]})
    >>> fig, ax = plt.subplots()
    >>> actor_sentiment_plot(ment, ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "actor_sentiment_plot"
    from .compare import bootstrap_ci

    df = _frame(data, func)
    _require(df, [actor], func)
    names_s = _outlets(df, func, outlet, articles)
    pre = {"mean", "ci_low", "ci_high"} <= set(df.columns)
    if value is None:
        value = next((c for c in ("score", "mean_score", "compound") if c in df.columns), None)
        if value is None and not pre:
            raise ValueError(f"{func}: data has none of the columns 'score', 'mean_score', 'compound' (nor "
                             "'mean', 'ci_low', 'ci_high'); pass value= to name the score column")
    if not pre and value is not None:
        _require(df, [value], func)
    acts = pd.Series([_label(v) for v in df[actor].tolist()], index=df.index, dtype=object)
    ok = (names_s.notna() & acts.notna()).to_numpy()
    rows: dict[tuple[str, str], tuple[float, float, float, int]] = {}
    if pre:
        m, lo_, hi_ = (_numeric(df, c, func) for c in ("mean", "ci_low", "ci_high"))
        nn = df["n"].to_numpy() if "n" in df.columns else np.full(len(df), -1)
        for i in np.flatnonzero(ok):
            rows[(acts.iloc[i], names_s.iloc[i])] = (m[i], lo_[i], hi_[i], int(nn[i]))
    else:
        assert value is not None  # checked above
        vals = _numeric(df, value, func)
        groups: dict[tuple[str, str], list[float]] = {}
        for i in np.flatnonzero(ok & np.isfinite(vals)):
            groups.setdefault((acts.iloc[i], names_s.iloc[i]), []).append(vals[i])
        for key, v in groups.items():
            x = np.asarray(v)
            lo, hi = bootstrap_ci(x, n_boot=1000, seed=0) if len(x) > 1 else (math.nan, math.nan)
            rows[key] = (float(x.mean()), lo, hi, len(x))
    if not rows:
        raise ValueError(f"{func}: no rows with an actor, an outlet and a finite {value!r}")
    mentions: dict[str, int] = {}
    for (a, _), r in rows.items():
        mentions[a] = mentions.get(a, 0) + max(r[3], 1)
    if actors is not None:
        acts_order = [str(a) for a in actors]
        unknown = [a for a in acts_order if a not in mentions]
        if unknown:
            raise ValueError(f"{func}: actor(s) {unknown} not in the data")
    else:
        acts_order = sorted(mentions, key=lambda a: (-mentions[a], a.casefold(), a))[:top]
    names = sorted({o for (a, o) in rows if a in acts_order}, key=_outlet_key)
    ax = _get_ax(ax, func)
    pal = _resolve_palette(palette, names, func)
    _style_axes(ax, grid="x")
    ys = _rows(len(acts_order))
    k = len(names)
    offsets = np.linspace(-0.32, 0.32, k) if k > 1 else np.zeros(1)
    labelled: set[str] = set()
    for y, a in zip(ys, acts_order):
        for off, o in zip(offsets, names):
            if (a, o) not in rows:
                continue
            m_, lo, hi, n = rows[(a, o)]
            st = pal.style(o)
            yy = y - off
            if np.isfinite(lo) and np.isfinite(hi):
                ax.plot([lo, hi], [yy, yy], color=st.color, linewidth=1.4, zorder=2, label=f"_ci:{o}")
            small = 0 <= n < min_n
            ax.scatter([m_], [yy], s=26 if k <= 12 else 14, marker=st.marker,
                       facecolors="white" if small else st.color, edgecolors=_darken(st.color),
                       linewidths=1.2 if small else 0.6, zorder=3, label=o if o not in labelled else f"_{o}")
            labelled.add(o)
        if y > 0:
            ax.axhline(y - 0.5, color=_GRID, linewidth=0.8, zorder=1)
    ax.axvline(0, color=_NEUTRAL, linewidth=0.7, linestyle="--", zorder=1)
    ax.set_ylim(-0.6, len(acts_order) - 0.4)
    _set_category_ticks(ax, ys, acts_order, axis="y")
    what = "sentiment" if pre or value is None else _pretty(value)
    ax.set_xlabel(f"mean {what} — 95% bootstrap CI; hollow: n < {min_n}")
    _outlet_legend(ax, names, pal, marker=True)
    return ax


def _outlet_legend(ax: Axes, names: Sequence[str], pal: OutletPalette, *, marker: bool = True,
                   line: bool = False) -> None:
    handles = []
    for name in names:
        st = pal.style(name)
        handles.append(Line2D([], [], color=st.color, linestyle=cast(Any, st.linestyle if line else "none"),
                              marker=st.marker if marker else "", markersize=5, markerfacecolor=st.color,
                              markeredgecolor=_darken(st.color), markeredgewidth=0.5, linewidth=1.6))
    ncol = max(1, math.ceil(len(names) / 18))
    ax.legend(handles, _legend_labels(names), loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              fontsize=7.5 if len(names) <= 12 else 6.5, ncol=ncol, handlelength=1.8 if line else 1.0,
              borderaxespad=0.6, labelspacing=0.4)


# =========================================================================== time and events


def attention_plot(data: pd.DataFrame, *, value: Literal["n_articles", "share_of_group", "n_matching",
                                                         "share_of_all"] = "n_articles",
                   outlet: str | None = None, ax: Axes | None = None, palette: Any = None) -> Axes:
    """Lines over time, one per outlet, from :func:`mediakit.attention`.

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`mediakit.attention` output: ``period_start`` (or ``period``),
        ``group`` (or ``outlet``) and the value column.
    value : {'n_articles', 'share_of_group', 'n_matching', 'share_of_all'}, default 'n_articles'
        What to draw (shares on a percent axis; periods where an outlet
        published nothing leave a gap in share lines).
    outlet : str, optional
        The outlet column (default ``outlet``, else ``group``).
    ax, palette
        As in :func:`metric_by_outlet`; each line is labelled with its outlet
        (legend right of the Axes); beyond 9 outlets lines also differ in
        marker and dash pattern. Up to 9 outlets, lines drawn first (in
        name order) are wider, so an outlet with the same counts as another
        shows as a coloured rim around it instead of disappearing.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> att = pd.DataFrame({"period_start": pd.to_datetime(["2025-01-06", "2025-01-06", "2025-01-13",
    ...                                                     "2025-01-13"], utc=True),
    ...                     "group": ["A", "B", "A", "B"], "n_articles": [3, 1, 0, 2]})
    >>> fig, ax = plt.subplots(figsize=figure_for(2, kind="lines"))
    >>> [l.get_label() for l in attention_plot(att, ax=ax).get_lines()]
    ['A', 'B']
    >>> plt.close(fig)
    """
    func = "attention_plot"
    df = _frame(data, func)
    if value not in ("n_articles", "share_of_group", "n_matching", "share_of_all"):
        raise ValueError(f"{func}: unknown value {value!r}; choose 'n_articles', 'share_of_group', "
                         "'n_matching' or 'share_of_all'")
    _require(df, [value], func)
    if "period_start" in df.columns:
        t = pd.to_datetime(df["period_start"], utc=True)
    elif "period" in df.columns:
        t = pd.to_datetime(pd.PeriodIndex(df["period"]).start_time, utc=True).to_series(index=df.index)
    else:
        _require(df, ["period_start"], func, " (or 'period')")
        raise AssertionError  # pragma: no cover
    t = t.dt.tz_convert("UTC").dt.tz_localize(None)
    names_s = _outlets(df, func, outlet, None)
    y = _numeric(df, value, func)
    frame = pd.DataFrame({"t": t.to_numpy(), "o": names_s.to_numpy(dtype=object), "y": y})
    frame = frame[frame["o"].notna() & frame["t"].notna()]
    if frame.empty:
        raise ValueError(f"{func}: no dated rows with an outlet")
    names = sorted(dict.fromkeys(frame["o"]), key=_outlet_key)
    ax = _get_ax(ax, func)
    pal = _resolve_palette(palette, names, func)
    _style_axes(ax, grid="y")
    n_periods = frame["t"].nunique()
    # Outlets often publish the same counts: lines drawn first are wider, so one drawn on top of
    # another leaves a coloured rim instead of hiding it.
    k = len(names)
    widths = np.linspace(3.2, 1.2, k) if 1 < k <= 9 else np.full(k, 1.6 if k == 1 else 1.1)
    sizes = np.linspace(5.5, 3.0, k) if 1 < k <= 9 else np.full(k, 3.5 if k == 1 else 2.8)
    for i, name in enumerate(names):
        sub = frame[frame["o"] == name].sort_values("t", kind="mergesort")
        st = pal.style(name)
        ax.plot(sub["t"].to_numpy(), sub["y"].to_numpy(), color=st.color, linestyle=st.linestyle,
                linewidth=float(widths[i]), marker=st.marker if n_periods <= 60 else None,
                markersize=float(sizes[i]), zorder=2 + i / max(k, 1),
                markerfacecolor=st.color, markeredgecolor=_darken(st.color), markeredgewidth=0.4, label=name)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(
        locator, offset_formats=["", "%Y", "%Y", "%Y-%b", "%Y-%b-%d", "%Y-%b-%d %H:%M"]))
    if value.startswith("share"):
        _percent_axis(ax.yaxis)
        ax.set_ylim(bottom=0, top=min(1.05, max(float(np.nanmax(frame["y"])) if frame["y"].notna().any()
                                                 else 1.0, 0.01) * 1.1))
    else:
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    ax.set_ylabel(_pretty(value))
    freq = df.attrs.get("freq")
    per = {"D": "day", "W": "week", "M": "month", "ME": "month", "Q": "quarter", "Y": "year"}.get(str(freq), "")
    ax.set_xlabel(f"{per} starting" if per else "period")
    query = df.attrs.get("query")
    if query and value != "n_articles":
        ax.set_title(f"articles matching {query!r}", loc="left", fontsize=9, color=_INK)
    _outlet_legend(ax, names, pal, marker=n_periods <= 60, line=True)
    return ax


def event_matched_plot(data: Any, *, metric: str | None = None, sort: Literal["name", "mean"] | None = "name",
                       label_events: bool | None = None, show_mean: bool = True, ax: Axes | None = None,
                       palette: Any = None) -> Axes:
    """One line per event across the outlets: does an outlet differ *within* the same stories?

    Parameters
    ----------
    data : pandas.DataFrame or Comparison
        ``Comparison.events``: ``event``, ``group`` (or ``outlet``), ``metric``
        and ``value`` (the outlet's mean in that event). A Comparison made with
        ``compare(..., event=...)`` is taken as its ``.events``.
    metric : str, optional
        Which metric (needed when ``data`` has several).
    sort : {'name', 'mean', None}, default 'name'
        Outlets along the x axis by name or by mean over events (highest first).
    label_events : bool, optional
        Name each line at its right end (default: up to 12 events; labels are
        moved apart vertically so they do not overlap).
    show_mean : bool, default True
        Mark each outlet's mean over its events with a black bar.
    ax, palette
        As in :func:`metric_by_outlet`; outlets carry a swatch in their colour
        under their name; event lines use Tol's bright scheme.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> ev = pd.DataFrame({"event": ["e1", "e1", "e2", "e2"], "group": ["A", "B", "A", "B"],
    ...                    "metric": "tone", "value": [0.1, -0.2, 0.3, 0.0], "n_articles": 1})
    >>> fig, ax = plt.subplots()
    >>> event_matched_plot(ev, ax=ax) is ax
    True
    >>> plt.close(fig)
    """
    func = "event_matched_plot"
    df = _frame(data, func, attr="events")
    _require(df, ["event", "value"], func)
    if "metric" in df.columns:
        metric = _pick(df, "metric", metric, func, "metric")
        df = df[df["metric"] == metric]
    names_s = _outlets(df, func, None, None)
    vals = _numeric(df, "value", func)
    events = df["event"].astype(object).map(str).to_numpy()
    table: dict[str, dict[str, float]] = {}
    for e, o, v in zip(events, names_s.tolist(), vals):
        if o is not None and np.isfinite(v):
            table.setdefault(e, {})[o] = v
    if not table:
        raise ValueError(f"{func}: no finite values with an event and an outlet")
    all_names = sorted({o for d in table.values() for o in d}, key=_outlet_key)
    means = {o: float(np.mean([d[o] for d in table.values() if o in d])) for o in all_names}
    if sort not in ("name", "mean", None, False):
        raise ValueError(f"{func}: unknown sort {sort!r}; choose 'name', 'mean' or None")
    names = _order(all_names, sort, func, means)
    ax = _get_ax(ax, func)
    pal = _resolve_palette(palette, names, func)
    _style_axes(ax, grid="y")
    xs = np.arange(len(names), dtype=float)
    ev_names = sorted(table)
    if label_events is None:
        label_events = len(ev_names) <= 12
    ends: list[tuple[float, float, str, str]] = []
    for k, e in enumerate(ev_names):
        color = EVENT_COLORS[k % len(EVENT_COLORS)]
        ls = _LINESTYLES[(k // len(EVENT_COLORS)) % len(_LINESTYLES)]
        yv = np.array([table[e].get(o, np.nan) for o in names])
        ax.plot(xs, yv, color=color, linestyle=ls, linewidth=1.3, marker="o", markersize=4, alpha=0.9,
                zorder=2, label=e)
        good = np.flatnonzero(np.isfinite(yv))
        if len(good):
            ends.append((xs[good[-1]], float(yv[good[-1]]), e, color))
    if show_mean:
        for x, o in zip(xs, names):
            ax.plot([x - 0.22, x + 0.22], [means[o], means[o]], color=_INK, linewidth=2.4, zorder=4,
                    solid_capstyle="butt", label="mean over events" if x == xs[0] else "_mean")
    ax.set_xlim(-0.5, len(names) - 0.5)
    ax.margins(y=0.08)
    ax.set_ylabel(f"{_pretty(str(metric)) if metric is not None else 'value'} (mean per event)")
    size = _set_category_ticks(ax, xs, names, axis="x", pad=12)
    _outlet_swatches(ax, xs, names, pal, axis="x", size=size)
    if label_events and ends:
        _label_line_ends(ax, ends, x_pad=0.24 if show_mean else 0.0)
    if show_mean:
        ax.legend(handles=[Line2D([], [], color=_INK, linewidth=2.4)], labels=["mean over events"],
                  loc="lower left", bbox_to_anchor=(0.0, 1.0), frameon=False, fontsize=7.5, borderaxespad=0.2)
    return ax


def _label_line_ends(ax: Axes, ends: list[tuple[float, float, str, str]], *, x_pad: float = 0.0,
                     fontsize: float = 7.0) -> None:
    """Event names right of their lines' ends (``x_pad`` data units + 6 points), pushed apart vertically."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.draw_without_rendering()
    to_disp = ax.transData
    px = fig.dpi / 72.0
    gap = fontsize * 1.25 * px
    pts = sorted(((to_disp.transform((x, y))[1], x, y, e, c) for x, y, e, c in ends), key=lambda r: r[0])
    orig = [p[0] for p in pts]
    ys = list(orig)
    for i in range(1, len(ys)):  # keep every label at least `gap` above the one below it ...
        ys[i] = max(ys[i], ys[i - 1] + gap)
    shift = float(np.mean(np.subtract(orig, ys))) if ys else 0.0
    ys = [v + shift for v in ys]  # ... and centre the stack on the line ends again
    for yd, (y0d, x, y, e, c) in zip(ys, pts):
        dx = (to_disp.transform((x + x_pad, y))[0] - to_disp.transform((x, y))[0]) / px + 6.0
        ax.annotate(_truncate(e, 28), (x, y), xytext=(dx, (yd - y0d) / px), textcoords="offset points",
                    fontsize=fontsize, color=_darken(c, 0.25), ha="left", va="center", annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": c, "linewidth": 0.5, "shrinkA": 0, "shrinkB": 3})
