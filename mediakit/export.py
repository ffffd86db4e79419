"""Saving figures for reports: several formats at once, the table behind the chart beside them,
and the same bytes every time.

:func:`save_figure` writes PNG, SVG and PDF (by default) and, given the chart's
tidy table, a CSV next to them. Files are **reproducible**: saving the same chart
from the same data twice gives byte-identical files, so figures can be committed
and diffed. To that end every format is written without dates or version
strings (PNG ``Software``; SVG ``Date`` and ``Creator``; PDF ``CreationDate``,
``ModDate``, ``Producer`` and ``Creator`` set to None), SVG element ids come
from a fixed ``svg.hashsalt``, and PDF fonts are embedded as TrueType (Type 42,
text stays editable). These settings apply only while saving.

:func:`write_table` writes a table as CSV or Parquet (by its ending). :func:`figure_for` (also
:func:`mediakit.plot.figure_for`) gives a figure size that grows with the number of outlets; it
lives in :mod:`mediakit._figures`, so this module never imports the charts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from ._figures import figure_for

__all__ = ["FORMATS", "figure_for", "save_figure", "write_table", "csv_ready"]

#: Formats :func:`save_figure` writes, with the metadata that keeps each file reproducible.
FORMATS: dict[str, dict[str, Any]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}

#: rcParams applied while saving (only then).
SAVE_RC: dict[str, Any] = {
    "svg.hashsalt": "mediakit",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "savefig.facecolor": "white",
    "savefig.edgecolor": "white",
    "savefig.transparent": False,
}


def _figure(fig_or_ax: Any) -> Figure:
    if isinstance(fig_or_ax, Axes):
        fig = fig_or_ax.get_figure(root=True)
    elif isinstance(fig_or_ax, SubFigure):
        fig = fig_or_ax.get_figure(root=True)
    else:
        fig = fig_or_ax
    if not isinstance(fig, Figure):
        raise ValueError(f"save_figure(): expected a matplotlib Figure or Axes, got {type(fig_or_ax).__name__}")
    return fig


@contextmanager
def _frozen_layout(fig: Figure, max_rounds: int = 12) -> Iterator[None]:
    """Run the figure's layout engine until the Axes stop moving, then keep it off while saving.

    A layout engine (constrained, tight) runs again on every draw, starting from the positions the
    last draw left, and text measured by each format's renderer differs slightly: without this,
    saving the same figure twice, or PNG after PDF, would give slightly different layouts and files.
    """
    engine = fig.get_layout_engine()
    if engine is None:
        yield
        return
    previous = None
    for _ in range(max_rounds):
        fig.draw_without_rendering()
        positions = [ax.get_position().bounds for ax in fig.get_axes()]
        if positions == previous:
            break
        previous = positions
    fig.set_layout_engine("none")
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


def _stem(path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    if not p.name or p.name in (".", ".."):
        raise ValueError(f"save_figure(): path must name a file, got {str(path)!r}")
    if p.suffix.lower().lstrip(".") in FORMATS or p.suffix.lower() == ".csv":
        p = p.with_suffix("")
    return p


def save_figure(fig_or_ax: Any, path: str | os.PathLike[str], *, formats: Sequence[str] = ("png", "svg", "pdf"),
                dpi: float = 300, data: pd.DataFrame | pd.Series | None = None, tight: bool = True) -> list[Path]:
    """Write a figure in several formats, reproducibly, and the table behind it as CSV.

    Parameters
    ----------
    fig_or_ax : matplotlib Figure or Axes
        The figure (an Axes or SubFigure saves the whole figure it is in).
    path : str or path-like
        The file name with or without a suffix: a suffix ``.png``, ``.svg``,
        ``.pdf`` or ``.csv`` is dropped, and each format gets its own, so
        ``"out/tone.png"`` and ``"out/tone"`` both write ``out/tone.png``,
        ``out/tone.svg`` and ``out/tone.pdf``. Other dots stay part of the name
        (``"fig.v2"`` → ``fig.v2.png``). Missing folders are created; existing
        files are overwritten.
    formats : sequence of {'png', 'svg', 'pdf'}, default ('png', 'svg', 'pdf')
        Formats to write, in this order.
    dpi : float, default 300
        Resolution of the PNG (and of any raster parts of the SVG/PDF); the PNG
        records it (pHYs chunk).
    data : pandas.DataFrame or Series, optional
        The tidy table the chart was drawn from; written beside as
        ``<name>.csv`` (UTF-8, ``\\n`` line ends, the index only when it is not
        a default RangeIndex), so readers can check every number.
    tight : bool, default True
        Crop to the drawn content (``bbox_inches='tight'``), so labels and
        legends outside the Axes are kept. False: the files have exactly the
        figure's size (``figsize × dpi`` pixels for the PNG).

    Returns
    -------
    list of pathlib.Path
        The files written: one per format, then the CSV.

    Raises
    ------
    ValueError
        Unknown format, a non-positive dpi, ``data`` not a DataFrame/Series, or
        ``fig_or_ax`` not a figure.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> table = pd.DataFrame({"outlet": ["A", "B"], "articles": [3, 5]})
    >>> fig, ax = plt.subplots(figsize=(4, 3))
    >>> _ = ax.bar(table["outlet"], table["articles"])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     paths = save_figure(fig, pathlib.Path(tmp) / "articles.png", data=table)
    ...     first = paths[2].read_bytes()
    ...     again = save_figure(ax, pathlib.Path(tmp) / "articles", formats=["pdf"])
    ...     print([p.name for p in paths], again[0].read_bytes() == first)
    ['articles.png', 'articles.svg', 'articles.pdf', 'articles.csv'] True
    >>> plt.close(fig)
    """
    fig = _figure(fig_or_ax)
    if isinstance(formats, str):
        formats = [formats]
    fmts = [str(f).lower().lstrip(".") for f in formats]
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown or not fmts:
        raise ValueError(f"save_figure(): unknown format(s) {unknown or list(formats)}; choose from {list(FORMATS)}")
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float)) or not dpi > 0:
        raise ValueError(f"save_figure(): dpi must be a positive number, got {dpi!r}")
    if data is not None and not isinstance(data, (pd.DataFrame, pd.Series)):
        raise ValueError(f"save_figure(): data must be a pandas DataFrame or Series, got {type(data).__name__}")
    stem = _stem(path)
    stem.parent.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with mpl.rc_context(cast(Any, SAVE_RC)), _frozen_layout(fig):
        for fmt in dict.fromkeys(fmts):
            target = stem.with_name(f"{stem.name}.{fmt}")
            fig.savefig(target, format=fmt, dpi=dpi, metadata=dict(FORMATS[fmt]),
                        bbox_inches="tight" if tight else None, pad_inches=0.05)
            written.append(target)
    if data is not None:
        target = stem.with_name(f"{stem.name}.csv")
        table = data.to_frame() if isinstance(data, pd.Series) else data
        keep_index = not (isinstance(table.index, pd.RangeIndex) and table.index.start == 0
                          and table.index.step == 1 and table.index.name is None)
        table.to_csv(target, index=keep_index, encoding="utf-8", lineterminator="\n")
        written.append(target)
    return written


def write_table(df: pd.DataFrame, path: Path) -> Path:
    """Write ``df`` as CSV or Parquet (by ending); list cells become ' | '-joined text in CSV.

    Parameters
    ----------
    df : pandas.DataFrame
        The table (written without its index).
    path : pathlib.Path
        The file: ``.parquet`` writes Parquet, anything else CSV (``\\n`` line ends). Missing
        folders are created.

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = write_table(pd.DataFrame({"id": [1], "terms": [["a", "b"]]}), pathlib.Path(tmp) / "t.csv")
    ...     print(p.read_text())
    id,terms
    1,a | b
    <BLANKLINE>
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".parquet":
        df.to_parquet(path, index=False)
    else:
        csv_ready(df).to_csv(path, index=False, lineterminator="\n")
    return path


def csv_ready(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` as :func:`write_table` writes it to CSV: list cells (and arrays read back from Parquet)
    as ' | '-joined text.

    Examples
    --------
    >>> csv_ready(pd.DataFrame({"terms": [["a", "b"], ["c"]]}))["terms"].tolist()
    ['a | b', 'c']
    """
    flat = df.copy()
    for col in flat.columns:
        if flat[col].dtype == object and flat[col].map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
            flat[col] = flat[col].map(
                lambda v: " | ".join(map(_item_text, v)) if isinstance(v, (list, tuple, np.ndarray)) else v)
    return flat


def _item_text(item: Any) -> str:
    """An item of a list cell as text; an array read back from Parquet as the tuple it was written from."""
    return str(tuple(item.tolist()) if isinstance(item, np.ndarray) else item)
