"""Every notebook in notebooks/ runs top to bottom, on data/ and on BASIL (committed without outputs).

Each run injects parameters papermill-style (a cell tagged ``injected-parameters`` right after
the cell tagged ``parameters``), executes the notebook with nbclient (any error fails the test),
then runs one extra cell that prints a JSON summary of the notebook's variables, so the tests
check what the notebook computed, not only that it ran.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import PROJECT

NOTEBOOKS = sorted((PROJECT / "notebooks").glob("*.ipynb"))
NAMES = [p.name for p in NOTEBOOKS]
FIGURE_FORMATS = ("png", "svg", "pdf")

#: Python printed by the extra last cell: what each notebook computed (JSON on stdout).
PROBES: dict[str, str] = {
    "01_quickstart.ipynb": """{
    "n_articles": len(articles), "title": article.title, "n_hits": len(hits), "n_sentences": len(sents),
    "n_attributions": len(attributions), "words": int(metrics["words"].iloc[0])}""",
    "02_compare_outlets.ipynb": """{
    "event": EVENT, "outlets": sorted(map(str, comp.groups["group"].unique())),
    "tone": {str(g): float(m) for g, m in comp.groups.query("metric == 'tone'")[["group", "mean"]].values},
    "n_events": sorted({int(n) for n in comp.paired["n_events"]}) if comp.paired is not None else [],
    "n_pairs": len(comp.pairs)}""",
    "03_word_choice.ipynb": """{
    "families": list(FAMILIES), "actor": ACTOR, "kwic_term": KWIC_TERM, "n_kwic": len(kw),
    "n_terms": len(terms), "n_user_hits": len(my_hits),
    "regime_share": {str(o): float(s) for o, s in (body[body["family"] == "state_government"]
                     .groupby("outlet")["variant"].apply(lambda v: (v == "regime").mean())).items()}}""",
    "04_sources.ipynb": """{
    "n_attributions": len(attributions),
    "outlets": sorted(map(str, attributions["outlet"].unique())),
    "anonymous": {str(r.group): float(r.share) for r in roles[roles["source_role"] == "anonymous"].itertuples()},
    "anon_ci": [[str(r.group), float(r.ci_low), float(r.share), float(r.ci_high)]
                for r in roles[roles["source_role"] == "anonymous"].itertuples()],
    "roles": sorted(map(str, roles["source_role"].unique())),
    "balance_n": int(balance["n"].sum()) if len(balance) else 0}""",
    "05_report_figures.ipynb": """{
    "out": str(out.resolve()), "written": [str(p) for p in written], "event": EVENT}""",
}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs", []) == [] and cell.get("execution_count") is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebook_has_parameters_cell_with_relative_default(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{path.name} needs exactly one papermill-style 'parameters' cell"
    assert '"../data/' in tagged[0].source  # paths relative to notebooks/, default: the sample data
    assert any(c.cell_type == "markdown" for c in nb.cells[: nb.cells.index(tagged[0])])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebook_names_columns_from_the_label_table(path):
    """Axis labels come from mediakit's one label table (mk.column_label), not hand-written strings that drift."""
    nb = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    literal = re.findall(r"\b(?:xlabel|ylabel)\s*=\s*f?[\"']", code) + re.findall(r"set_[xy]label\(\s*f?[\"']", code)
    assert not literal, f"{path.name}: hand-written axis label(s); use mk.column_label or the chart's default"


def run_notebook(path: Path, params: dict[str, Any]) -> tuple[nbformat.NotebookNode, dict[str, Any]]:
    """Execute ``path`` with ``params`` injected after its parameters cell; return it and its probe."""
    nb = nbformat.read(path, as_version=4)
    pos = next(i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", []))
    if params:
        source = "# Injected parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
        nb.cells.insert(pos + 1, nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]}))
    nb.cells.append(nbformat.v4.new_code_cell("import json as _json\nprint(_json.dumps("
                                              + PROBES[path.name] + "))"))
    # raises CellExecutionError (with the cell and traceback) at the first error
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream"
                   and o.get("name") == "stdout")
    return nb, json.loads(text.strip().splitlines()[-1])


def n_images(nb: nbformat.NotebookNode) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code"
               for o in c.get("outputs", []))


def check_figures(probe: dict[str, Any], min_figures: int) -> list[str]:
    """Every figure of notebook 05 exists in each format, valid and non-empty, with its CSV."""
    out = Path(probe["out"])
    written = [Path(p) for p in probe["written"]]
    assert written and all(p.parent == out for p in written)
    stems = sorted({p.stem for p in written})
    assert len(stems) >= min_figures, stems
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    for stem in stems:
        png, svg, pdf, csv = (out / f"{stem}.{ext}" for ext in (*FIGURE_FORMATS, "csv"))
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000, stem
        assert b"<svg" in svg.read_bytes()[:2000], stem
        assert pdf.read_bytes()[:5] == b"%PDF-", stem
        lines = csv.read_text(encoding="utf-8").splitlines()
        assert len(lines) >= 2 and "," in lines[0], stem  # a header and at least one row
    return stems


def basil_params(name: str, corpora: Path, tmp_path: Path) -> dict[str, Any]:
    basil = corpora / "basil"
    if not (basil / "articles").is_dir():
        pytest.skip(f"needs BASIL at {basil}")
    if name == "01_quickstart.ipynb":
        return {"ARTICLE": str(sorted((basil / "articles").rglob("*.json"))[0])}
    params: dict[str, Any] = {"CORPUS": str(basil)}
    if name == "05_report_figures.ipynb":
        params.update(OUTPUT=str(tmp_path / "figures"), DPI=100)
    return params


# --------------------------------------------------------------------------- data/


def check_01(nb: nbformat.NotebookNode, probe: dict[str, Any]) -> None:
    assert probe["n_articles"] == 1 and "Assad" in probe["title"]  # the seed article
    assert probe["n_hits"] > 0 and probe["n_sentences"] > 10 and probe["n_attributions"] > 0
    assert probe["words"] > 100


def check_02(nb: nbformat.NotebookNode, probe: dict[str, Any]) -> None:
    assert probe["outlets"] == ["Capital Courier", "Harbor Tribune", "Metro Wire Service", "The Northern Ledger"]
    # events are known for every outlet (JSON fields and data/_events.csv): 5 shared events per pair
    assert probe["event"] == "event" and probe["n_events"] == [5]
    assert probe["n_pairs"] == 6 * 6  # 6 pairs x 6 metrics
    tone = probe["tone"]  # the sample corpus was written so: the Ledger hostile, the Tribune neutral
    assert tone["The Northern Ledger"] < tone["Harbor Tribune"]
    assert n_images(nb) >= 2  # the metric panels and the event-matched chart


def check_03(nb: nbformat.NotebookNode, probe: dict[str, Any]) -> None:
    assert len(probe["families"]) == 2 and "state_government" in probe["families"]
    assert probe["regime_share"]["The Northern Ledger"] > 0.5 > probe["regime_share"]["Harbor Tribune"]
    assert probe["actor"] == "Anton Roszak"
    assert probe["n_kwic"] > 0 and probe["n_terms"] > 0 and probe["n_user_hits"] > 0
    assert n_images(nb) >= 4


def check_04(nb: nbformat.NotebookNode, probe: dict[str, Any]) -> None:
    assert probe["n_attributions"] > 100
    anon = probe["anonymous"]  # the Ledger leans on anonymous sources (data/README.md)
    assert max(anon, key=anon.get) == "The Northern Ledger"
    for _, lo, mean, hi in probe["anon_ci"]:
        assert 0 <= lo <= mean <= hi <= 1
    assert "person" not in probe["roles"] and {"politician", "official", "anonymous"} <= set(probe["roles"])
    assert n_images(nb) >= 4


def check_05(nb: nbformat.NotebookNode, probe: dict[str, Any]) -> None:
    stems = check_figures(probe, min_figures=10)
    assert {"tone_by_outlet", "word_choice", "sources_source_type", "actor_labels",
            "event_matched_tone"} <= set(stems)
    assert n_images(nb) == len(stems)  # every exported figure is also shown in the notebook


CHECKS_DATA = {"01_quickstart.ipynb": check_01, "02_compare_outlets.ipynb": check_02,
               "03_word_choice.ipynb": check_03, "04_sources.ipynb": check_04,
               "05_report_figures.ipynb": check_05}


def test_every_notebook_is_checked():
    assert sorted(PROBES) == sorted(CHECKS_DATA) == NAMES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebook_runs_on_data(path, tmp_path):
    """Default parameters (the sample corpus in data/); notebook 05 writes into tmp_path."""
    params = {"OUTPUT": str(tmp_path / "figs"), "DPI": 100} if path.name == "05_report_figures.ipynb" else {}
    nb, probe = run_notebook(path, params)
    if "out" in probe:
        assert Path(probe["out"]) == (tmp_path / "figs").resolve()
    CHECKS_DATA[path.name](nb, probe)


# --------------------------------------------------------------------------- BASIL


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebook_runs_on_basil(path, corpora, tmp_path):
    nb, probe = run_notebook(path, basil_params(path.name, corpora, tmp_path))
    outlets = ["Fox News", "HuffPost", "New York Times"]
    if path.name == "01_quickstart.ipynb":
        assert probe["n_articles"] == 1 and probe["n_sentences"] > 5
    elif path.name == "02_compare_outlets.ipynb":
        assert probe["outlets"] == outlets
        # 70 triplets; a metric an article has no value for (no attribution) loses that event
        assert probe["event"] == "event_id" and max(probe["n_events"]) == 70 and min(probe["n_events"]) >= 60
    elif path.name == "03_word_choice.ipynb":
        assert probe["families"] and probe["n_terms"] > 0 and probe["actor"]
    elif path.name == "04_sources.ipynb":
        assert probe["outlets"] == outlets and probe["n_attributions"] > 1000
        assert probe["balance_n"] > 100  # BASIL quotes many politicians with a known party
    else:
        assert probe["event"] == "event_id"
        check_figures(probe, min_figures=10)
    assert n_images(nb) >= 1 or path.name == "01_quickstart.ipynb"
