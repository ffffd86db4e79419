"""The `mediakit analyze` command on the project's own data/: every output, deterministic figures."""

from __future__ import annotations

import contextlib
import functools
import io
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from mediakit.cli import main
from mediakit.metrics.attribution import ATTRIBUTION_COLUMNS

from ..conftest import DATA, PROJECT

#: Figures that data/ (4 outlets, dates, an ``event`` column) must give, by file stem prefix.
DATA_FIGURES = (
    "articles_per_outlet", "metric_sent_mean_compound", "metric_tone", "metric_wc_loaded_per1k",
    "metric_attr_share_anonymous", "word_choice_", "distinctive_terms_", "sentiment_distribution",
    "readability_by_outlet", "source_mix_source_role", "source_share_anonymous", "partisan_balance",
    "source_mix_cue_class", "actor_labels_", "attention",
    "event_matched_",
)
#: Table -> columns it must have.
TABLE_COLUMNS = {
    "articles.csv": {"article_id", "outlet", "title", "text", "published"},
    "metrics.csv": {"article_id", "outlet", "words", "read_flesch_reading_ease", "sent_mean_compound", "tone"},
    "attributions.csv": set(ATTRIBUTION_COLUMNS),
    "word_choice.csv": {"article_id", "family", "variant", "match", "start", "end"},
    "comparison.csv": {"group_a", "group_b", "metric", "cliffs_delta", "p_adjusted"},
    "comparison_groups.csv": {"group", "metric", "n", "mean", "ci_low", "ci_high"},
    "distinctive_terms.csv": {"group", "other", "term", "z"},
    "house_style_terms.csv": {"group", "term", "z", "style"},
    "framing_differences.csv": {"rank", "kind", "subject", "sentence", "p_adjusted", "supported"},
    "actor_sentiment.csv": {"article_id", "outlet", "actor", "n_mentions", "mean_score"},
    "actor_labels.csv": {"article_id", "actor", "label"},
    "source_roles.csv": {"group", "source_role", "count", "total", "share", "ci_low", "ci_high", "n_articles"},
    "partisan_balance.csv": {"group", "party_a", "party_b", "n", "share_a", "gap", "gap_ci_low", "gap_ci_high"},
    "load_errors.csv": {"source_path", "status", "kind", "message"},
}


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@functools.lru_cache(maxsize=None)
def analyze_data_once(basetemp: Path) -> tuple[Path, str]:
    """`mediakit analyze data/` into ``basetemp``/analyze_data, once per test session (test_report uses it too)."""
    out = basetemp / "analyze_data"
    code, stdout, stderr = run_cli("analyze", str(DATA), "--out", str(out))
    assert code == 0, stderr
    return out, stdout


@pytest.fixture(scope="module")
def data_runs(tmp_path_factory) -> tuple[Path, Path, str]:
    """`mediakit analyze data/` twice, into two folders (for the byte-identical check)."""
    first, out = analyze_data_once(tmp_path_factory.getbasetemp())
    second = tmp_path_factory.mktemp("analyze_b")
    assert run_cli("analyze", str(DATA), "--out", str(second), "--quiet")[0] == 0
    return first, second, out


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_every_table_is_written_with_its_columns(data_runs):
    out = data_runs[0]
    for name, cols in TABLE_COLUMNS.items():
        table = pd.read_csv(out / name)
        assert len(table) > 0, name
        assert cols <= set(table.columns), (name, cols - set(table.columns))
    articles = pd.read_parquet(out / "articles.parquet")
    assert "000_fd60bde068b4eb11" in set(articles["article_id"])
    metrics = pd.read_parquet(out / "metrics.parquet")
    assert metrics["article_id"].tolist() == articles["article_id"].tolist()
    assert len(pd.read_csv(out / "metrics.csv")) == len(articles)
    sents = pd.read_parquet(out / "sentences.parquet")
    assert set(sents["article_id"]) <= set(articles["article_id"]) and len(sents) > len(articles)
    attr = pd.read_csv(out / "attributions.csv")
    assert set(attr["article_id"]) <= set(articles["article_id"])
    assert attr["content_spans"].astype(str).str.match(r"^\(\d+, \d+\)").all()  # list cells flattened
    assert "sent_mean_compound" in set(pd.read_csv(out / "comparison.csv")["metric"])
    assert set(pd.read_csv(out / "load_errors.csv")["kind"]) == {"no_text"}  # the headlines-only export
    roles = pd.read_csv(out / "source_roles.csv")
    assert roles.groupby("group")["share"].sum().round(9).eq(1.0).all()
    counts = attr.drop(columns="outlet", errors="ignore").merge(articles[["article_id", "outlet"]], on="article_id")
    counts = counts.groupby("outlet").size()
    assert roles.groupby("group")["total"].first().to_dict() == counts.to_dict()


def test_every_figure_is_a_valid_png_and_svg_with_its_table(data_runs):
    figdir = data_runs[0] / "figures"
    stems = sorted({p.stem for p in figdir.iterdir()})
    for prefix in DATA_FIGURES:
        assert any(s == prefix or (prefix.endswith("_") and s.startswith(prefix)) for s in stems), prefix
    for stem in stems:
        width, height = png_size(figdir / f"{stem}.png")
        assert width > 200 and height > 100, stem
        root = ET.parse(figdir / f"{stem}.svg").getroot()
        assert root.tag.endswith("svg"), stem
        table = pd.read_csv(figdir / f"{stem}.csv")
        assert len(table) > 0 and len(table.columns) >= 2, stem
    assert len(stems) >= 18
    per_outlet = pd.read_csv(figdir / "articles_per_outlet.csv")
    assert per_outlet.set_index("outlet")["articles"].to_dict() == {
        "Capital Courier": 8, "Harbor Tribune": 8, "Metro Wire Service": 8, "The Northern Ledger": 8,
        "(no outlet)": 1}


def svg_texts(path: Path) -> list[str]:
    """The texts matplotlib draws in an SVG (kept as comments beside their glyph paths)."""
    import html

    return [html.unescape(t) for t in re.findall(r"<!-- (.*?) -->", path.read_text(encoding="utf-8"))]


def test_figures_speak_words_not_column_names(data_runs):
    raw = re.compile(r"\b(?:wc|attr|sent|read)_\w+|\w+_\w+")
    for svg in sorted((data_runs[0] / "figures").glob("*.svg")):
        texts = svg_texts(svg)
        assert texts, svg.name  # text is kept (as comments) in every chart
        bad = [t for t in texts if raw.search(t)]
        assert not bad, (svg.name, bad[:5])


def test_running_twice_gives_byte_identical_figures_and_report(data_runs):
    first, second, _ = data_runs
    names = sorted(p.name for p in (first / "figures").iterdir())
    assert names == sorted(p.name for p in (second / "figures").iterdir())
    for name in names:
        assert (first / "figures" / name).read_bytes() == (second / "figures" / name).read_bytes(), name
    # the report differs only in the output folder it names (none: links are relative)
    assert (first / "report.html").read_bytes() == (second / "report.html").read_bytes()


def test_summary_names_the_files_and_quiet_prints_nothing(data_runs, tmp_path):
    out = data_runs[2]
    assert "wrote" in out and str(data_runs[0] / "report.html") in out and "figure files" in out
    code, stdout, stderr = run_cli("analyze", str(DATA / "capital-courier"), "--out", str(tmp_path), "--quiet")
    assert code == 0 and stdout == "" and stderr == ""


def test_one_outlet_without_dates_still_gives_a_report(tmp_path):
    corpus = tmp_path / "in" / "daily-one"
    corpus.mkdir(parents=True)
    for i, text in enumerate(["The regime fell on Monday, officials said. Rebels entered the capital.",
                              "The government denied the claims. \"We will rebuild,\" the minister said.",
                              "Officials said the talks would resume. The rebels agreed."]):
        (corpus / f"story-{i}.txt").write_text(f"Headline {i}\n\n{text}\n", encoding="utf-8")
    code, _, err = run_cli("analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet")
    assert code == 0, err
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "Charts left out" in report
    assert "fewer than two distinct publication dates" in report  # attention over time
    assert "needs at least two outlets" in report  # distinctive terms
    assert "no event column" in report
    assert "Only one outlet" in report
    assert (tmp_path / "out" / "figures" / "readability_by_outlet.png").exists()
    assert not (tmp_path / "out" / "figures" / "attention.png").exists()


def test_articles_without_outlet_still_give_a_report(tmp_path):
    code, _, err = run_cli("analyze", str(DATA / "000_fd60bde068b4eb11.txt"), "--out", str(tmp_path), "--quiet")
    assert code == 0, err
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report.count("no article has an outlet") >= 5 and "Only one outlet (or none)" in report
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == [
        "articles_per_outlet.csv", "articles_per_outlet.png", "articles_per_outlet.svg"]


def test_unknown_event_column_is_a_clear_error(tmp_path):
    code, _, err = run_cli("analyze", str(DATA / "capital-courier"), "--out", str(tmp_path), "--event", "story")
    assert code == 1 and "event column 'story' is not in the articles" in err


def test_missing_corpus_exits_nonzero(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_nothing_loadable_exits_nonzero(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    assert main(["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--quiet"]) == 1
    assert "no article could be loaded" in capsys.readouterr().err
    assert (tmp_path / "o" / "load_errors.csv").exists()
    assert not (tmp_path / "o" / "report.html").exists()


def test_console_script_runs():
    r = subprocess.run([sys.executable, "-m", "mediakit.cli", "--version"], capture_output=True,
                       text=True, cwd=PROJECT, check=False)
    assert r.returncode == 0 and r.stdout.startswith("mediakit ")
