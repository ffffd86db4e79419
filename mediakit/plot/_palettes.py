"""Colours and palettes: one colour (and marker, line style, hatch) per outlet in every chart.

Outlets take Paul Tol's colour-blind-safe **muted** scheme (P. Tol, *Colour Schemes*,
SRON/EPS/TN/09-002, 2021, https://personal.sron.nl/~pault/); categories drawn as filled areas with
text on them from Tol's **light** scheme, events from Tol's **bright** scheme and heatmaps from Tol's
sequential **YlOrBr**; Tol's pale grey marks "other" and missing values. Okabe & Ito's scheme
(*Color Universal Design*, 2008) is available with ``outlet_colors(..., colors="okabe_ito")``.
:class:`OutletPalette` assigns colours in sorted outlet order, so the same outlets always get the
same colours.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from matplotlib.colors import to_hex, to_rgb

__all__ = ["CATEGORY_COLORS", "EVENT_COLORS", "GRID_COLOR", "LINESTYLES", "MARKERS", "MISSING_COLOR", "MUTED_INK",
           "NEUTRAL_COLOR", "NONE_LABEL", "OKABE_ITO", "OTHER_COLOR", "OTHER_LABEL", "OUTLET_COLORS", "SCHEMES",
           "TOL_YLORBR", "OutletPalette", "OutletStyle", "category_colors", "darken", "luminance", "outlet_colors",
           "outlet_key", "resolve_palette", "unique_names"]

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

#: Markers, line styles and hatches of outlets beyond the colours (one per round through them).
MARKERS = ("o", "s", "D", "^", "v", "P", "X")
LINESTYLES = ("-", "--", ":", "-.")
_HATCHES = ("", "////", "....", "xxxx")
MUTED_INK = "#555555"  # secondary text (n labels, notes)
GRID_COLOR = "#E5E5E5"
NEUTRAL_COLOR = "#999999"  # points that are not significant, the 'other side'
#: Category labels of the share charts: rare categories summed, and missing values.
OTHER_LABEL = "other"
NONE_LABEL = "(none)"


@dataclass(frozen=True)
class OutletStyle:
    """How one outlet is drawn: colour, and for more outlets than colours, marker, line style and hatch."""

    color: str
    marker: str = "o"
    linestyle: str = "-"
    hatch: str = ""


def outlet_key(name: str) -> tuple[str, str]:
    """Sort key of outlet names: case-insensitive, ties by the exact name."""
    return (name.casefold(), name)


def unique_names(outlets: Any) -> list[str]:
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
        self._add(sorted(unique_names(outlets), key=outlet_key))

    def _slot_style(self, k: int) -> OutletStyle:
        tier = k // len(self._colors)
        return OutletStyle(color=self._colors[k % len(self._colors)], marker=MARKERS[tier % len(MARKERS)],
                           linestyle=LINESTYLES[tier % len(LINESTYLES)], hatch=_HATCHES[tier % len(_HATCHES)])

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
        new = sorted((n for n in unique_names(outlets) if n not in self._styles), key=outlet_key)
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


def resolve_palette(palette: Any, outlets: Sequence[str], func: str) -> OutletPalette:
    """The chart's palette from its ``palette=`` argument, extended by ``outlets`` (see :class:`OutletPalette`)."""
    if palette is None:
        return OutletPalette(outlets)
    if isinstance(palette, OutletPalette):
        return palette.with_outlets(outlets)
    if isinstance(palette, str):
        try:
            return OutletPalette(outlets, colors=palette)
        except ValueError as exc:
            raise ValueError(f"{func}(): palette: {exc}") from None
    if isinstance(palette, Mapping):
        return OutletPalette.from_mapping(palette).with_outlets(outlets)
    if isinstance(palette, Sequence):
        return OutletPalette(outlets, colors=palette)
    raise ValueError(f"{func}(): palette must be an OutletPalette, a dict outlet -> colour, a scheme name or a "
                     f"list of colours, got {type(palette).__name__}")


def category_colors(categories: Sequence[str], colors: Any, func: str) -> dict[str, str]:
    """Colours of non-outlet categories: Tol 'light' in order, grey for 'other', pale grey for '(none)'."""
    if isinstance(colors, Mapping):
        out = {}
        for c in categories:
            out[c] = to_hex(colors[c]) if c in colors else MISSING_COLOR
        return out
    scheme = CATEGORY_COLORS if colors is None else _scheme(colors)
    out, k = {}, 0
    for c in categories:
        if c == OTHER_LABEL:
            out[c] = OTHER_COLOR
        elif c == NONE_LABEL:
            out[c] = MISSING_COLOR
        else:
            out[c] = scheme[k % len(scheme)]
            k += 1
    return out


def darken(color: str, amount: float = 0.35) -> str:
    """``color`` with each channel scaled by ``1 - amount`` (edges of filled marks)."""
    r, g, b = to_rgb(color)
    return to_hex((r * (1 - amount), g * (1 - amount), b * (1 - amount)))


def luminance(color: Any) -> float:
    """Relative luminance (WCAG) of ``color``: dark text on light fills and white on dark ones."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = to_rgb(color)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
