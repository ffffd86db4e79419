"""The load report: what could not be loaded, and why."""

from __future__ import annotations

import zlib
from dataclasses import asdict, dataclass

import pandas as pd

__all__ = ["LoadError", "LoadReport", "ArticleLoadError", "ERROR_COLUMNS", "Collector", "STREAM_ERRORS"]

ERROR_COLUMNS = ("source_path", "record", "status", "kind", "message")


#: What reading a file, or a damaged gzip stream, raises (``gzip.BadGzipFile`` is an OSError):
#: an input problem of kind ``read`` (``decode`` for compressed data).
STREAM_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error)


class ArticleLoadError(ValueError):
    """Raised by ``load_articles(..., errors="raise")`` at the first bad input."""

    def __init__(self, error: "LoadError") -> None:
        where = error.source_path + (f", record {error.record}" if error.record is not None else "")
        super().__init__(f"{where}: {error.kind}: {error.message}")
        self.error = error


@dataclass(frozen=True)
class LoadError:
    """One problem met while loading.

    Parameters
    ----------
    source_path : str
        The file (or ``"<input>"``) concerned.
    record : int or None
        1-based line (JSONL), data row (CSV) or list position (JSON) when it applies.
    status : str
        ``"error"`` (nothing loaded from that file or record), ``"warning"`` (loaded,
        with a caveat) or ``"skipped"`` (not an article file, e.g. an image in the folder).
    kind : str
        Short machine-readable category: ``empty``, ``binary``, ``decode``, ``parse``,
        ``no_text``, ``too_large``, ``unsupported``, ``missing``, ``read``; and, as warnings
        on articles that loaded, ``empty_body`` (no words of body text), ``short_body`` (far
        fewer words than its source makes plausible: see :mod:`mediakit.loaders._bodies`) and
        ``nul_bytes`` (stray NUL bytes removed from a text file).
    message : str
        What went wrong, in words a user can act on.
    """

    source_path: str
    record: int | None
    status: str
    kind: str
    message: str


class LoadReport(tuple):
    """All problems of one load; lives in ``df.attrs["load_errors"]``.

    A tuple of plain dicts (one per :class:`LoadError`), so pandas can compare it in
    ``concat`` and serialise it into Parquet metadata; :meth:`to_frame` gives the table.
    """

    def __new__(cls, errors: "tuple[LoadError, ...] | list[dict] | tuple[dict, ...]" = ()) -> "LoadReport":
        items = tuple(asdict(e) if isinstance(e, LoadError) else dict(e) for e in errors)
        return super().__new__(cls, items)

    @property
    def errors(self) -> tuple[LoadError, ...]:
        """The problems as :class:`LoadError` objects."""
        return tuple(LoadError(**{k: d.get(k) for k in ERROR_COLUMNS}) for d in self)

    def to_frame(self) -> pd.DataFrame:
        """Return the problems as a DataFrame with columns :data:`ERROR_COLUMNS`."""
        df = pd.DataFrame(list(self), columns=list(ERROR_COLUMNS))
        df["record"] = df["record"].astype("Int64")
        return df

    def summary(self) -> str:
        """One line: how many errors, warnings and skips, by kind."""
        if not self:
            return "no load problems"
        counts: dict[str, dict[str, int]] = {}
        for e in self:
            counts.setdefault(e["status"], {}).setdefault(e["kind"], 0)
            counts[e["status"]][e["kind"]] += 1
        parts = []
        for status in ("error", "warning", "skipped"):
            if status in counts:
                n = sum(counts[status].values())
                kinds = ", ".join(f"{k}: {v}" for k, v in sorted(counts[status].items()))
                plural = "s" if n != 1 and status != "skipped" else ""
                parts.append(f"{n} {status}{plural} ({kinds})")
        return "; ".join(parts)

    def _repr_html_(self) -> str:
        return str(self.to_frame().to_html(index=False))

    def __repr__(self) -> str:
        return f"LoadReport({self.summary()})"


class Collector:
    """Records the problems of one load; raises at the first error when ``mode == "raise"``.

    Parameters
    ----------
    mode : {"collect", "raise"}
        The ``errors=`` option of the loader.

    Examples
    --------
    >>> c = Collector("collect")
    >>> c.add("a.txt", "empty", "the file is empty")
    >>> c.items[0].kind
    'empty'
    """

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.items: list[LoadError] = []

    def add(self, path: str, kind: str, message: str, record: int | None = None,
            status: str = "error") -> None:
        """Record one problem (``status`` error, warning or skipped)."""
        err = LoadError(path, record, status, kind, message)
        if self.mode == "raise" and status == "error":
            raise ArticleLoadError(err)
        self.items.append(err)
