"""Another checkout's ``mediakit`` imported beside this one, for side-by-side benchmarks.

The other revision's package is copied to a temporary folder under another name (``mediakit_old``), its
absolute ``mediakit`` imports and the packages it names in strings (``"mediakit.lexicons"``: it reads its
own lexicons and resources) rewritten, so both versions run in one process, interleaved, on the same input.
"""

from __future__ import annotations

import importlib
import re
import shutil
import sys
import tempfile
import types
from pathlib import Path


def import_old(checkout: Path, module: str = "", name: str = "mediakit_old") -> types.ModuleType:
    """``checkout/mediakit`` (its ``module``, e.g. ``"actors"``) imported as ``name`` from a rewritten copy."""
    tmp = Path(tempfile.mkdtemp(prefix="bench_old_")) / name
    shutil.copytree(checkout / "mediakit", tmp)
    for py in tmp.rglob("*.py"):
        src = py.read_text(encoding="utf-8")
        src = re.sub(r"\b(from|import) mediakit\b", rf"\1 {name}", src)
        src = re.sub(r"([\"'])mediakit\.", rf"\1{name}.", src)  # packages named in strings: its own resources
        py.write_text(src, encoding="utf-8")
    sys.path.insert(0, str(tmp.parent))
    return importlib.import_module(f"{name}.{module}" if module else name)
