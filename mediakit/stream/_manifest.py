"""The output folder of :func:`mediakit.analyze_stream`: manifest, part names, resume checks, reading.

``out/<table>/part-NNNNN.parquet`` holds chunk ``NNNNN`` of a table; ``out/_manifest.json``
records the configuration and every finished chunk (its article count, a hash of its ids and
its rows per table), written atomically after each chunk so that an interrupted run resumes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .._version import __version__
from ..lexicon import load_lexicon
from ..metrics.attribution import cue_state

__all__ = ["TABLES", "DEFAULT_TABLES", "MANIFEST", "StreamConfigError", "stream_config", "ids_hash",
           "write_json_atomic", "part_name", "prepare", "read_parts", "part_paths"]

#: Tables :func:`analyze_stream` can write, one folder of parts each.
TABLES = ("articles", "metrics", "attributions", "word_choice", "sentences")
#: Tables written by default.
DEFAULT_TABLES = ("metrics", "attributions", "word_choice")
#: Name of the manifest file in the output folder.
MANIFEST = "_manifest.json"
_FORMAT = 1


class StreamConfigError(ValueError):
    """The output folder holds parts written with another configuration or another input."""


def _lexicon_fingerprint(lexicon: Any) -> str:
    frame = load_lexicon(lexicon).to_frame(ignore=True)
    return hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()[:16]


def _cues_fingerprint() -> str | None:
    """A hash of the user's attribution cues in use in this process (``using_cues``), None without any."""
    entries, classes = cue_state()
    if entries is None:
        return None
    text = json.dumps({"entries": entries, "classes": list(classes)}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def stream_config(families: tuple[str, ...], tables: tuple[str, ...], lexicon: Any,
                  languages: frozenset[str] | None = frozenset({"en"})) -> dict[str, Any]:
    """What the parts depend on: mediakit version, families, tables, the lexicon's fingerprint, the
    languages the English-only metrics score (None: all) and, when the attribution rules run with a user's
    cues (``using_cues``), their fingerprint (no key without them, as before they were recorded)."""
    config = {"mediakit_version": __version__, "families": list(families), "tables": list(tables),
              "lexicon": _lexicon_fingerprint(lexicon) if {"metrics", "word_choice"} & set(tables) else None,
              "languages": None if languages is None else sorted(languages)}
    attributing = "attributions" in tables or ("metrics" in tables and "attribution" in families)
    cues = _cues_fingerprint() if attributing else None
    if cues is not None:
        config["cues"] = cues
    return config


def ids_hash(ids: Sequence[Any]) -> str:
    """A short hash of a chunk's article ids, to recognise the same chunk on resume.

    Examples
    --------
    >>> len(ids_hash(["a", "b"])), ids_hash(["a", "b"]) == ids_hash(["ab"])
    (24, False)
    """
    h = hashlib.sha256()
    for i in ids:
        h.update(str(i).encode())
        h.update(b"\x1f")
    return h.hexdigest()[:24]


def write_json_atomic(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically (a temporary file, then a rename)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True))
    os.replace(tmp, path)


def part_name(chunk: int) -> str:
    """File name of a chunk's part.

    Examples
    --------
    >>> part_name(7)
    'part-00007.parquet'
    """
    return f"part-{chunk:05d}.parquet"


def _describe_mismatch(old: dict[str, Any], new: dict[str, Any]) -> str:
    keys = sorted(set(old) | set(new))
    return "; ".join(f"{k}: {old.get(k)!r} there, {new.get(k)!r} now" for k in keys if old.get(k) != new.get(k))


def _resumed(out: Path, mpath: Path, config: dict[str, Any]) -> dict[str, Any]:
    """The manifest of an earlier run with the same configuration, marked incomplete."""
    try:
        manifest = json.loads(mpath.read_text())
    except ValueError as exc:
        raise StreamConfigError(f"{mpath} is not a readable manifest ({exc}); use resume=False "
                                "(--no-resume) to start over") from exc
    if manifest.get("format") != _FORMAT or manifest.get("config") != config:
        raise StreamConfigError(
            f"{out} holds parts written with another configuration "
            f"({_describe_mismatch(manifest.get('config') or {}, config)}); use another output "
            "folder, the same settings, or resume=False (--no-resume) to delete them and start over")
    manifest["complete"] = False
    return manifest


def _start_over(out: Path, mpath: Path) -> None:
    """Remove an earlier run's parts and manifest (only our own files)."""
    for t in TABLES:
        for p in sorted((out / t).glob("part-*.parquet")) if (out / t).is_dir() else []:
            p.unlink()
    with contextlib.suppress(FileNotFoundError):
        mpath.unlink()


def prepare(out: Path, config: dict[str, Any], tables: tuple[str, ...], resume: bool) -> dict[str, Any]:
    """Open (resume) or start the manifest; refuse parts written with another configuration."""
    out.mkdir(parents=True, exist_ok=True)
    mpath = out / MANIFEST
    if mpath.exists() and resume:
        return _resumed(out, mpath, config)
    if mpath.exists() or any((out / t).is_dir() for t in TABLES):
        _start_over(out, mpath)
    manifest = {"format": _FORMAT, "config": config, "chunks": {}, "complete": False}
    write_json_atomic(mpath, manifest)
    return manifest


def part_paths(out: str | os.PathLike[str], table: str = "metrics", *, func: str = "part_paths") -> list[Path]:
    """The Parquet parts of a table written by :func:`analyze_stream`, in chunk order (to read one at a time).

    Raises
    ------
    FileNotFoundError
        When ``out`` has no manifest or the table was not written.
    """
    outdir = Path(out)
    mpath = outdir / MANIFEST
    if not mpath.is_file():
        raise FileNotFoundError(f"no {MANIFEST} in {outdir}: not an analyze_stream output folder")
    manifest = json.loads(mpath.read_text())
    if table not in manifest["config"]["tables"]:
        raise FileNotFoundError(f"table {table!r} was not written to {outdir}; tables: "
                                f"{manifest['config']['tables']}")
    if not manifest.get("complete"):
        warnings.warn(f"{func}: the run writing {outdir} did not finish; reading the "
                      f"{len(manifest['chunks'])} finished chunk(s)", stacklevel=3)
    return [outdir / table / part_name(int(c)) for c in sorted(manifest["chunks"], key=int)]


def read_parts(out: str | os.PathLike[str], table: str = "metrics", *,
               columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Read a table written by :func:`analyze_stream`: its parts concatenated in chunk order.

    Parameters
    ----------
    out : path
        The output folder given to :func:`analyze_stream`.
    table : str
        One of the tables written (``metrics``, ``attributions``, ...).
    columns : sequence of str, optional
        Read only these columns.

    Returns
    -------
    DataFrame
        The rows of the table's function over the whole corpus, chunks in order, index
        0..n-1: one row per article for ``articles`` and ``metrics`` (key ``article_id``),
        per attribution for ``attributions``, per lexicon match for ``word_choice``, per
        sentence for ``sentences``. Only the finished chunks of an unfinished run (with a
        warning). (``pd.read_parquet(out / table)`` or ``dask.dataframe.read_parquet``
        read the same folder.)

    Raises
    ------
    FileNotFoundError
        When ``out`` has no manifest or the table was not written.
    """
    paths = part_paths(out, table, func="read_parts")
    frames = [pd.read_parquet(p, columns=columns) for p in paths]
    if not frames:
        return pd.DataFrame(columns=list(columns or []))
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
