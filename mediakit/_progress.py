"""Progress bars that render in notebooks and terminals and stay quiet under CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["progress_bar", "progress_enabled"]

T = TypeVar("T")


def _in_notebook() -> bool:
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
    except Exception:
        return False
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"


def progress_enabled(enabled: bool | None) -> bool:
    """Resolve the ``progress=`` option: None means "in a terminal or notebook, not in CI"."""
    if enabled is not None:
        return bool(enabled)
    if os.environ.get("CI") or os.environ.get("MEDIAKIT_NO_PROGRESS"):
        return False
    return _in_notebook() or (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())


def progress_bar(items: Iterable[T], *, desc: str, unit: str = "it", enabled: bool | None = None,
                 total: int | None = None, min_items: int = 1) -> Iterator[T]:
    """Iterate over ``items`` with a tqdm bar when enabled (tqdm.auto: widgets in Jupyter)."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    if not progress_enabled(enabled) or (total is not None and total < min_items):
        yield from items
        return
    if _in_notebook():
        try:
            from tqdm.notebook import tqdm
        except ImportError:  # ipywidgets missing: fall back to text
            from tqdm import tqdm
    else:
        from tqdm import tqdm
    yield from tqdm(items, desc=desc, unit=unit, total=total, dynamic_ncols=True)
