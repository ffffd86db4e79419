"""Where the shared research corpora are: :func:`corpora_dir`, the one way to find them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

__all__ = ["CORPORA_ENV_VAR", "corpora_dir", "corpus_root", "reader_root"]

CORPORA_ENV_VAR = "MEDIAKIT_CORPORA"
"""Environment variable that points at the corpora folder (overrides the search)."""


def corpora_dir() -> Path:
    """Return the folder that holds the shared research corpora.

    The environment variable ``MEDIAKIT_CORPORA`` wins when it is set (and not
    empty); otherwise the first existing ``shared/corpora`` folder in the current
    working directory or one of its parents is used (from a checkout at
    ``/work/main`` that is ``/work/shared/corpora``).

    Returns
    -------
    pathlib.Path
        Absolute path of the corpora folder.

    Raises
    ------
    FileNotFoundError
        If ``MEDIAKIT_CORPORA`` names a folder that does not exist, or no
        ``shared/corpora`` folder is found.

    Examples
    --------
    >>> import os, tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     old = os.environ.get("MEDIAKIT_CORPORA")
    ...     os.environ["MEDIAKIT_CORPORA"] = tmp
    ...     try:
    ...         found = corpora_dir() == Path(tmp).resolve()
    ...     finally:
    ...         if old is None:
    ...             del os.environ["MEDIAKIT_CORPORA"]
    ...         else:
    ...             os.environ["MEDIAKIT_CORPORA"] = old
    >>> found
    True
    """
    env = os.environ.get(CORPORA_ENV_VAR, "").strip()
    if env:
        path = Path(env).expanduser()
        if path.is_dir():
            return path.resolve()
        raise FileNotFoundError(
            f"{CORPORA_ENV_VAR} is set to {env!r}, which is not an existing folder; "
            f"point it at the folder holding polnear/, basil/ and allsides/, or unset it "
            f"to search for shared/corpora from the working directory up."
        )
    cwd = Path.cwd().resolve()
    for folder in (cwd, *cwd.parents):
        candidate = folder / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"no shared/corpora folder found in {cwd} or any of its parents; set the "
        f"{CORPORA_ENV_VAR} environment variable to the corpora folder, or pass the corpus "
        f"folder to the reader (its first argument, root)."
    )


def corpus_root(root: str | os.PathLike[str] | None, name: str) -> Path:
    """The folder of corpus ``name``: ``root`` when given, else ``corpora_dir() / name``.

    Raises
    ------
    FileNotFoundError
        If that folder does not exist.
    """
    path = corpora_dir() / name if root is None else Path(root).expanduser()
    if not path.is_dir():
        raise FileNotFoundError(f"{name} corpus folder not found: {path}")
    return path


def reader_root(func: str, root: Any, legacy: dict[str, Any]) -> Any:
    """The corpus folder of a reader, given first (positionally) or as ``root=``.

    The readers take ``root`` positional-only and find a ``root=`` keyword in ``legacy`` (their
    ``**kwargs``), where it is taken out; giving both is a :class:`TypeError`.

    Examples
    --------
    >>> reader_root("load_basil", None, {"root": "corpora/basil"}), reader_root("load_basil", "b", {})
    ('corpora/basil', 'b')
    """
    if "root" not in legacy:
        return root
    keyword = legacy.pop("root")
    if root is not None:
        raise TypeError(f"{func}() got multiple values for argument 'root'")
    return keyword
