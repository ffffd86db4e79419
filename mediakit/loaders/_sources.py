"""Which files a load reads, and what format each one holds.

A source (file, folder, glob, or a list of them) is expanded to the files to read; each
file's format is told by its content first and its ending second. A folder laid out as a
research corpus (BASIL, PolNeAR, AllSides; see :mod:`~mediakit.loaders._corpus_folders`),
given or met below a given folder, is set apart for its own reader when asked for.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Union

from ._corpus_folders import CorpusFolder, detect_corpus
from ._decode import DecodeFailure, decode_bytes
from ._errors import Collector
from ._html import looks_like_html

__all__ = ["SUPPORTED_EXTENSIONS", "DEFAULT_MAX_FILE_SIZE", "PathLike", "expand_sources", "ext_format",
           "sniff", "stem_id", "folder_outlet", "size_text"]

PathLike = Union[str, "os.PathLike[str]"]

#: File endings read from folders (each may also end in ``.gz``); files without an
#: ending are sniffed. Anything else in a folder is listed as ``skipped``.
SUPPORTED_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".shtml": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
    ".tsv": "csv", ".parquet": "parquet", ".pq": "parquet",
}
_IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_DOC_NAMES = {"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG"}
#: Bytes above which a single-document file (text, HTML, JSON) is refused by default.
DEFAULT_MAX_FILE_SIZE = 200 * 2**20

Found = list[tuple[Path, Path | None]]


def size_text(n: int) -> str:
    """Human-readable byte count.

    Examples
    --------
    >>> size_text(812), size_text(2000), size_text(201 * 2**20)
    ('812 bytes', '2.0 kB', '201 MiB')
    """
    if n < 1000:
        return f"{n} bytes"
    if n < 2**20:
        return f"{n / 1000:.1f} kB"
    return f"{n / 2**20:.0f} MiB"


def _source_list(source: PathLike | Iterable[PathLike]) -> list[PathLike]:
    """``source`` as a list of paths or patterns (TypeError/ValueError for anything else)."""
    if isinstance(source, (str, os.PathLike)):
        return [source]
    try:
        sources = list(source)
    except TypeError:
        raise TypeError(f"source must be a path, a glob or a list of them, not {type(source).__name__}") from None
    if not sources:
        raise ValueError("source is an empty list: nothing to load")
    return sources


def _walk_folder(folder: Path, collector: Collector, corpora: list[CorpusFolder] | None = None) -> Found:
    """Article files below ``folder``, sorted; hidden files, sidecars and docs left out.

    With a ``corpora`` list, research corpus folders met below ``folder`` are appended to it
    and their files left out.
    """
    files: Found = []
    inside: list[Path] = []
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue  # hidden files, and "_"-prefixed sidecars such as _events.csv
        if inside and any(f.is_relative_to(d) for d in inside):
            continue  # read by a corpus reader
        if corpora is not None and f.is_dir() and not f.is_symlink():
            found = detect_corpus(f)
            if found is not None:
                corpora.append(found)
                inside.append(f)
            continue
        if f.stem.upper() in _DOC_NAMES:
            continue  # a corpus's own README or LICENSE is not an article
        if f.is_symlink() and not f.exists():
            collector.add(str(f), "missing", "a broken symbolic link (or a link loop)")
        elif f.is_file() and f.name not in _IGNORED_NAMES:
            files.append((f, folder))
    return files


def _glob_files(pattern: str) -> Found:
    matches = sorted(glob.glob(os.path.expanduser(pattern), recursive=True))
    if not matches:
        raise FileNotFoundError(f"no file matches the pattern {pattern!r}")
    return [(Path(m), None) for m in matches if Path(m).is_file()]


def _files_of(s: PathLike, collector: Collector, corpora: list[CorpusFolder] | None) -> Found:
    """The files one path, folder or pattern names."""
    if not isinstance(s, (str, os.PathLike)):
        raise TypeError(f"each source must be a path or glob string, got {type(s).__name__}: {s!r}")
    p = Path(os.fspath(s)).expanduser()
    if p.is_file():
        return [(p, None)]
    if p.is_dir():
        found = detect_corpus(p) if corpora is not None else None
        if corpora is not None and found is not None:
            corpora.append(found)
            return []
        return _walk_folder(p, collector, corpora)
    if glob.has_magic(str(s)):
        return _glob_files(str(s))
    raise FileNotFoundError(f"no such file or folder: {str(s)!r}")


def expand_sources(source: PathLike | Iterable[PathLike], collector: Collector,
                   corpora: list[CorpusFolder] | None = None) -> Found:
    """Files to read, each with the folder it was found under (None for a named file).

    A file reached twice (named twice, or by two patterns) is read once. When a ``corpora``
    list is given, research corpus folders (given, or met below a given folder) are appended
    to it, once each, and their files are not listed; without it every file is listed.

    Raises
    ------
    FileNotFoundError
        When a named path does not exist or a pattern matches nothing.
    TypeError, ValueError
        When ``source`` is not a path, a pattern or a non-empty list of them.
    """
    files: Found = []
    found: list[CorpusFolder] = []
    for s in _source_list(source):
        files.extend(_files_of(s, collector, found if corpora is not None else None))
    seen: set[Path] = set()
    unique = []
    for f, root in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append((f, root))
    if corpora is not None:
        dirs = {c.path.resolve() for c in corpora}
        for c in found:
            if c.path.resolve() not in dirs:
                dirs.add(c.path.resolve())
                corpora.append(c)
        inside = [c.path.resolve() for c in corpora]
        unique = [(f, root) for f, root in unique if not any(f.resolve().is_relative_to(d) for d in inside)]
    return unique


def ext_format(path: Path) -> tuple[str | None, bool]:
    """Format named by the file ending, and whether the name ends in .gz.

    Examples
    --------
    >>> ext_format(Path("a.jsonl.gz")), ext_format(Path("notes.doc")), ext_format(Path("README"))
    (('jsonl', True), ('unsupported', False), (None, False))
    """
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    if not suffixes:
        return None, gz
    return SUPPORTED_EXTENSIONS.get(suffixes[-1], "unsupported"), gz


def sniff(head: bytes, ext_fmt: str | None) -> str:
    """Format by content; the file ending decides only when content is ambiguous.

    Examples
    --------
    >>> sniff(b'{"a": 1}\\n{"a": 2}\\n', None), sniff(b"<html><p>Hi</p>", "text"), sniff(b"a,b\\n", "csv")
    ('jsonl', 'html', 'csv')
    """
    if head.startswith(b"PAR1"):
        return "parquet"
    try:
        text = decode_bytes(head)[0].lstrip("\ufeff").lstrip()
    except DecodeFailure:
        return ext_fmt or "text"
    if text.startswith("{"):
        first = text.split("\n", 1)[0].strip()
        if ext_fmt == "jsonl" or (first.endswith("}") and "\n{" in text.replace("\r", "")):
            return "jsonl"
        return "json"
    if text.startswith("["):
        return "json"
    if looks_like_html(text):
        return "html"
    if ext_fmt in ("csv", "json", "jsonl", "html"):
        return ext_fmt
    return "text"


def stem_id(path: Path, root: Path | None) -> str:
    """Automatic article id of a file: its path below ``root`` (or its name) without the ending.

    Examples
    --------
    >>> stem_id(Path("corpus/cnn/a.json.gz"), Path("corpus"))
    'cnn/a'
    """
    if root is not None:
        rel = path.relative_to(root)
        name = rel.as_posix()
    else:
        name = path.name
    for suf in (".gz",) + tuple(SUPPORTED_EXTENSIONS):
        if name.lower().endswith(suf):
            name = name[: -len(suf)]
    return name


def folder_outlet(path: Path, root: Path | None) -> str | None:
    """The first folder below ``root`` holding ``path`` (its outlet when no metadata names one).

    Examples
    --------
    >>> folder_outlet(Path("corpus/cnn/a.txt"), Path("corpus")), folder_outlet(Path("corpus/a.txt"), Path("corpus"))
    ('cnn', None)
    """
    if root is None:
        return None
    rel = path.relative_to(root)
    return rel.parts[0] if len(rel.parts) > 1 else None
