"""Research corpus folders (BASIL, PolNeAR, AllSides) met by the loader, read by their own readers.

A folder laid out as one of the corpora :mod:`mediakit.datasets` reads is recognised by the
files that identify it, whatever it is called:

* **BASIL**: ``articles/<year>/*.json`` beside ``annotations/`` (or article files with
  ``body-paragraphs``), read by :func:`~mediakit.datasets.load_basil` (events, stances);
* **PolNeAR**: ``<split>/text/*.txt`` (``train``, ``dev``, ``annotator-training``) beside
  ``metadata.tsv`` or ``<split>/attributions/``, read by :func:`~mediakit.datasets.load_polnear`
  with every split present (gold metadata: publisher, author, date, wire);
* **AllSides**: ``articles.jsonl(.gz)`` whose records have ``ID`` and ``content_original``,
  read by :func:`~mediakit.datasets.load_allsides`.

Everything in such a folder is the reader's: its annotation files are not articles.
"""

from __future__ import annotations

import csv
import gzip
import json
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..datasets import POLNEAR_SPLITS, load_allsides, load_basil, load_polnear
from ..outlets import normalize_outlet
from ._frame import unique_ids

__all__ = ["CorpusFolder", "detect_corpus", "read_corpus", "iter_corpus", "combine_frames",
           "warn_unused_options"]

#: ``add(path, kind, message, record=None, status="error")``: the loader's problem collector.
AddProblem = Callable[..., None]

_READERS = {"basil": ("BASIL", "load_basil"), "polnear": ("PolNeAR", "load_polnear"),
            "allsides": ("AllSides", "load_allsides")}
_ALLSIDES_FILES = ("articles.jsonl.gz", "articles.jsonl")
_ALLSIDES_FIELDS = {"ID", "content_original"}
_READ_ERRORS = (OSError, EOFError, UnicodeDecodeError, csv.Error)


@dataclass(frozen=True)
class CorpusFolder:
    """A research corpus folder found among the sources.

    Attributes
    ----------
    kind : str
        ``"basil"``, ``"polnear"`` or ``"allsides"``.
    path : Path
        The corpus folder.
    file : Path or None
        AllSides: the JSONL file read.
    splits : tuple of str
        PolNeAR: the splits present.
    """

    kind: str
    path: Path
    file: Path | None = None
    splits: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The corpus name ('BASIL', 'PolNeAR', 'AllSides')."""
        return _READERS[self.kind][0]

    @property
    def reader(self) -> str:
        """The reader's public name, e.g. ``mediakit.datasets.load_basil``."""
        return f"mediakit.datasets.{_READERS[self.kind][1]}"


def _first_record(path: Path) -> dict[str, Any] | None:
    """The first JSON object of a JSONL file (gzip or not), None when there is none."""
    try:
        with open(path, "rb") as fh:
            gz = fh.read(2) == b"\x1f\x8b"
        with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
            for _ in range(5):
                line = fh.readline(1 << 24)
                if not line:
                    return None
                if line.strip():
                    rec = json.loads(line)
                    return rec if isinstance(rec, dict) else None
    except (*_READ_ERRORS, ValueError, RecursionError):
        return None
    return None


def _is_basil(folder: Path) -> bool:
    articles = folder / "articles"
    if not articles.is_dir():
        return False
    years = sorted(d for d in articles.iterdir() if d.is_dir() and d.name.isdigit())
    sample = next((f for d in years for f in sorted(d.glob("*.json"))), None)
    if sample is None:
        return False
    if (folder / "annotations").is_dir():
        return True
    try:
        data = json.loads(sample.read_bytes())
    except (*_READ_ERRORS, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and "body-paragraphs" in data


def detect_corpus(folder: Path) -> CorpusFolder | None:
    """The research corpus laid out in ``folder``, or None (a folder of plain article files).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "dev" / "text").mkdir(parents=True)
    >>> _ = (root / "dev" / "text" / "nyt_1.txt").write_text("Title.\\n\\nBody.")
    >>> _ = (root / "metadata.tsv").write_text("compartment\\tfilename\\tpublisher\\n")
    >>> detect_corpus(root).kind, detect_corpus(root / "dev") is None
    ('polnear', True)
    """
    try:
        splits = tuple(s for s in POLNEAR_SPLITS if (folder / s / "text").is_dir())
        if splits and ((folder / "metadata.tsv").is_file()
                       or any((folder / s / "attributions").is_dir() for s in splits)):
            return CorpusFolder("polnear", folder, splits=splits)
        if _is_basil(folder):
            return CorpusFolder("basil", folder)
        for name in _ALLSIDES_FILES:
            f = folder / name
            if f.is_file():
                rec = _first_record(f)
                if rec is not None and _ALLSIDES_FIELDS <= set(rec):
                    return CorpusFolder("allsides", folder, file=f)
    except OSError:  # an unreadable folder is reported when its files are listed
        return None
    return None


def _kind_of(reason: str) -> str:
    if reason.startswith("not UTF-8"):
        return "decode"
    if "unreadable from here on" in reason:
        return "read"
    return "parse"


def _report(corpus: CorpusFolder, df: pd.DataFrame, add: AddProblem) -> None:
    """The reader's skipped files and lines, as rows of the load report."""
    for path, reason in df.attrs.get("skipped_files", ()):
        # an unreadable annotation leaves its article loaded, without the annotation
        status = "warning" if "annotation" in reason else "error"
        add(str(path), _kind_of(reason), f"{corpus.name}: {reason}", status=status)
    for lineno, reason in df.attrs.get("skipped_lines", ()):
        add(str(corpus.file), _kind_of(reason), f"{corpus.name}: {reason}", record=lineno)


def _finish(df: pd.DataFrame, outlet: str | None, aliases: Mapping[str, str] | None) -> pd.DataFrame:
    """``outlet=`` for articles without one, ``outlet_aliases=`` applied; the reader's attrs dropped."""
    df.attrs = {}
    if aliases:
        df["outlet"] = pd.array([normalize_outlet(r, aliases) if isinstance(r, str) else o
                                 for r, o in zip(df["outlet_raw"], df["outlet"], strict=True)], dtype="string")
    if outlet is not None:
        missing = df["outlet"].isna()
        if missing.any():
            df.loc[missing, "outlet_raw"] = outlet
            df.loc[missing, "outlet"] = normalize_outlet(outlet, aliases)
    return df


def _read(corpus: CorpusFolder, progress: bool | None) -> pd.DataFrame:
    if corpus.kind == "basil":
        return load_basil(corpus.path, progress=progress)
    if corpus.kind == "polnear":
        return load_polnear(corpus.path, split=list(corpus.splits), progress=progress)
    return load_allsides(corpus.file, progress=progress)


def read_corpus(corpus: CorpusFolder, add: AddProblem, *, outlet: str | None = None,
                aliases: Mapping[str, str] | None = None, progress: bool | None = None) -> pd.DataFrame | None:
    """The articles of a corpus folder as its reader gives them; None (problem recorded) if unreadable.

    Files or lines the reader skipped are recorded with ``add``; ``outlet`` fills missing
    outlets and ``aliases`` re-normalises ``outlet_raw``, as for plain files.
    """
    try:
        df = _read(corpus, progress)
    except _READ_ERRORS as exc:
        add(str(corpus.path), "read", f"read as the {corpus.name} corpus ({corpus.reader}), which failed: {exc}")
        return None
    _report(corpus, df, add)
    return _finish(df, outlet, aliases)


def iter_corpus(corpus: CorpusFolder, add: AddProblem, chunksize: int, *, outlet: str | None = None,
                aliases: Mapping[str, str] | None = None, progress: bool | None = None) -> Iterator[pd.DataFrame]:
    """The articles of a corpus folder in chunks of at most ``chunksize`` rows (AllSides streamed)."""
    if corpus.kind == "allsides":
        try:
            for chunk in load_allsides(corpus.file, chunksize=chunksize, progress=progress):
                _report(corpus, chunk, add)
                if len(chunk):
                    yield _finish(chunk, outlet, aliases)
        except _READ_ERRORS as exc:
            add(str(corpus.path), "read", f"read as the {corpus.name} corpus ({corpus.reader}), which failed: {exc}")
        return
    df = read_corpus(corpus, add, outlet=outlet, aliases=aliases, progress=progress)
    if df is None:
        return
    for start in range(0, len(df), chunksize):
        yield df.iloc[start:start + chunksize].reset_index(drop=True)


def combine_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """One articles table of several (plain files first, then each corpus); ids kept unique.

    A single frame is returned as it is; columns missing from some frames are NA there and
    keep the dtype they have elsewhere.
    """
    if len(frames) == 1:
        return frames[0]
    taken: set[str] = set()
    dtypes: dict[str, Any] = {}
    for f in frames:
        f["article_id"] = pd.array(unique_ids(f["article_id"].tolist(), taken), dtype="string")
        for col in f.columns:
            dtypes.setdefault(col, f[col].dtype)
        f.attrs = {}
    df = pd.concat(frames, ignore_index=True)
    for col, dtype in dtypes.items():
        if df[col].dtype != dtype and str(dtype) in ("string", "Int64", "boolean", "datetime64[ns, UTC]"):
            df[col] = df[col].astype(dtype)
    return df


def warn_unused_options(corpora: list[CorpusFolder], columns: Mapping[str, str] | None, func: str) -> None:
    """Say that ``columns=`` does not apply to corpus folders (their readers know their fields)."""
    if columns and corpora:
        names = ", ".join(f"{c.path} ({c.name})" for c in corpora)
        warnings.warn(f"{func}: columns= applies to plain files only, not to the research corpus "
                      f"folder(s) {names}, which are read by their own readers; list their files "
                      "instead to read them as plain records", UserWarning, stacklevel=3)
