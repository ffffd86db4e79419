"""Golden outputs: every table ``mediakit analyze`` writes, pinned by a hash of the sorted table.

The hashes in ``tests/golden/tables.json`` were taken before the one-direction redesign (issue 12)
moved any code; a refactoring must leave them unchanged. A change that is *meant* to change a table
regenerates them with ``MEDIAKIT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and says
so in its commit message.

Each table is read back (CSV as text, Parquet through pandas and written as CSV), the absolute
corpus and project paths are replaced by placeholders (CI clones elsewhere), and its data rows are
sorted: the hash pins the content, not the row order or the folder the corpus lies in. Each table's
columns are pinned by name: a column added later (``outlet`` on a long table, say) does not change
the hash of the pinned ones, and a pinned column that disappears fails the test.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

from .conftest import CORPORA, DATA, PROJECT

GOLDEN = Path(__file__).resolve().parent / "golden" / "tables.json"
UPDATE = os.environ.get("MEDIAKIT_UPDATE_GOLDEN") == "1"


def _table_text(path: Path) -> str:
    if path.suffix == ".parquet":
        return pd.read_parquet(path).to_csv(index=False, lineterminator="\n")
    return path.read_text(encoding="utf-8")


def _frame(path: Path) -> pd.DataFrame:
    text = _table_text(path)
    roots = [(CORPORA.resolve(), "<CORPORA>"), (CORPORA, "<CORPORA>"), (PROJECT.resolve(), "<PROJECT>"),
             (PROJECT, "<PROJECT>")]  # as given and resolved: ../shared may be a link
    for root, name in roots:
        text = text.replace(os.fspath(root), name)
    if not text.strip():
        return pd.DataFrame()
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def _digest(df: pd.DataFrame, columns: list[str]) -> str:
    """sha256 of the header and the sorted rows of ``df[columns]`` (every cell as written)."""
    rows = sorted("\x1f".join(r) for r in df[columns].itertuples(index=False, name=None))
    return hashlib.sha256("\n".join(["\x1f".join(columns), *rows]).encode("utf-8")).hexdigest()


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {p.relative_to(out).as_posix(): _frame(p)
            for p in sorted(out.rglob("*")) if p.suffix in (".csv", ".parquet")}


def _run(case: str, out: Path) -> dict[str, pd.DataFrame]:
    import mediakit as mk
    from mediakit.pipeline import analyze_articles, analyze_corpus, write_outputs

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if case == "data":
            analyze_corpus(DATA, out, progress=False)
        else:
            if case == "basil":
                articles = mk.datasets.load_basil(root=CORPORA / "basil")
            elif case == "polnear-dev":
                articles = mk.datasets.load_polnear(CORPORA / "polnear", split="dev")
            else:
                articles = mk.datasets.load_allsides(CORPORA / "allsides" / "articles.jsonl.gz", limit=500)
            res = analyze_articles(articles, source=case, progress=False)
            write_outputs(res, out, progress=False, report=False)
    return _tables(out)


CASES = ["data", "basil", "polnear-dev", "allsides-500"]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_tables_unchanged(case: str, tmp_path: Path) -> None:
    if case != "data" and not CORPORA.is_dir():
        pytest.skip(f"needs the shared corpora at {CORPORA}")
    got = _run(case, tmp_path / case)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    if UPDATE:
        golden[case] = {name: {"columns": list(df.columns), "sha256": _digest(df, list(df.columns))}
                        for name, df in got.items()}
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(golden, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    assert case in golden, f"no golden hashes for {case!r}: run with MEDIAKIT_UPDATE_GOLDEN=1"
    want = golden[case]
    assert sorted(got) == sorted(want), "the set of tables written changed"
    changed = []
    for name, pinned in want.items():
        df = got[name]
        missing = [c for c in pinned["columns"] if c not in df.columns]
        assert not missing, f"{name}: pinned columns missing: {missing}"
        if _digest(df, pinned["columns"]) != pinned["sha256"]:
            changed.append(name)
    assert not changed, f"tables changed (on their pinned columns): {changed}"
