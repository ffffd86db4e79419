"""Build ``mediakit/resources/us_politicians.csv`` from the unitedstates/congress-legislators YAML files.

The source is ``<corpora_dir()>/../gazetteers/us-congress`` (``legislators-current.yaml`` and
``executive.yaml`` of the public GitHub repository unitedstates/congress-legislators, dedicated to the
public domain under CC0 1.0). The build is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..datasets import corpora_dir

__all__ = ["GAZETTEER_COLUMNS", "build_rows", "build_gazetteer", "default_source_dir"]

GAZETTEER_COLUMNS: tuple[str, ...] = (
    "name", "first", "last", "nickname", "party", "office", "state", "gender", "first_year", "last_year",
)
"""Columns of the shipped gazetteer (``mediakit/resources/us_politicians.csv``)."""

_PARTY_WORDS = {"Democrat": "Democratic", "Democratic": "Democratic", "Republican": "Republican",
                "Independent": "Independent", "Libertarian": "Libertarian", "Green": "Green"}
_OFFICES = {"sen": "Senator", "rep": "Representative", "prez": "President", "viceprez": "Vice President"}
_HEADER = ("# US politicians: the current Congress (legislators-current.yaml) and all presidents and vice\n"
           "# presidents (executive.yaml) of unitedstates/congress-legislators, public domain (CC0 1.0).\n"
           "# Built by `python -m mediakit.gazetteer build`; party as a word (the YAML says 'Democrat').\n")


def default_source_dir() -> Path:
    """``../gazetteers/us-congress`` next to the research corpora folder."""
    return corpora_dir().parent / "gazetteers" / "us-congress"


def _party(word: str | None) -> str:
    """'Democrat' -> 'Democratic'; other names as written ('Whig'); '' for none."""
    if not word or word == "no party":
        return ""
    return _PARTY_WORDS.get(word, word)


def _row(person: dict[str, Any], executive: bool) -> dict[str, str] | None:
    """One gazetteer row for a YAML person record (None without terms or name)."""
    name = person.get("name") or {}
    terms = person.get("terms") or []
    if not terms or not name.get("last"):
        return None
    first, last = str(name.get("first", "")), str(name["last"])
    full = str(name.get("official_full") or f"{first} {last}")
    types = [t.get("type") for t in terms]
    if executive:
        office = "President" if "prez" in types else "Vice President"
    else:
        office = _OFFICES.get(str(terms[-1].get("type")), "")
    years = sorted(int(str(t.get("start", "0"))[:4]) for t in terms) + \
        sorted(int(str(t.get("end", "0"))[:4]) for t in terms)
    return {
        "name": full, "first": first, "last": last, "nickname": str(name.get("nickname") or ""),
        "party": _party(terms[-1].get("party")), "office": office,
        "state": "" if executive else str(terms[-1].get("state") or ""),
        "gender": str((person.get("bio") or {}).get("gender") or ""),
        "first_year": str(min(years)), "last_year": str(max(years)),
    }


def build_rows(source_dir: str | Path | None = None) -> list[dict[str, str]]:
    """The gazetteer rows from the two YAML files, sorted by last name, first name and office.

    A person in both files (a member of Congress who was president or vice president) gets one row,
    the executive office winning.
    """
    src = Path(source_dir) if source_dir is not None else default_source_dir()
    rows: dict[str, dict[str, str]] = {}
    for fname, executive in (("legislators-current.yaml", False), ("executive.yaml", True)):
        with open(src / fname, encoding="utf-8") as fh:
            people: Iterable[dict[str, Any]] = yaml.safe_load(fh) or []
        for person in people:
            row = _row(person, executive)
            if row is None:
                continue
            key = str((person.get("id") or {}).get("bioguide") or row["name"])
            rows[key] = row
    return sorted(rows.values(), key=lambda r: (r["last"], r["first"], r["office"], r["name"]))


def build_gazetteer(out: str | Path | None = None, source_dir: str | Path | None = None) -> Path:
    """Write the gazetteer CSV (default: the package's ``resources/us_politicians.csv``); return its path."""
    path = Path(out) if out is not None else Path(__file__).resolve().parent.parent / "resources" / "us_politicians.csv"
    buf = io.StringIO()
    buf.write(_HEADER)
    writer = csv.DictWriter(buf, fieldnames=list(GAZETTEER_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(build_rows(source_dir))
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path
