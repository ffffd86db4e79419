"""Access to the data files shipped inside the package (via importlib.resources)."""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources

__all__ = ["read_resource_text", "read_resource_csv"]


@lru_cache(maxsize=None)
def read_resource_text(package: str, name: str) -> str:
    """Return the UTF-8 text of the data file ``name`` inside ``package`` (cached)."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def read_resource_csv(package: str, name: str) -> list[dict[str, str]]:
    """Return the rows of a CSV data file as dicts; lines starting with ``#`` are comments."""
    text = read_resource_text(package, name)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))
