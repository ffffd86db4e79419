"""The `mediakit analyze` command on the project's own data/."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from mediakit.cli import main

from .conftest import DATA, PROJECT


@pytest.mark.filterwarnings("ignore:load_articles:UserWarning")
def test_analyze_writes_outputs(tmp_path, capsys):
    assert main(["analyze", str(DATA), "--out", str(tmp_path)]) == 0
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    assert "000_fd60bde068b4eb11" in set(articles["article_id"])
    assert (tmp_path / "articles.csv").stat().st_size > 0
    metrics = pd.read_parquet(tmp_path / "metrics.parquet")
    assert metrics["article_id"].tolist() == articles["article_id"].tolist()
    assert {"read_flesch_reading_ease", "sent_mean_compound", "words"} <= set(metrics.columns)
    assert len(pd.read_csv(tmp_path / "metrics.csv")) == len(articles)
    sents = pd.read_parquet(tmp_path / "sentences.parquet")
    assert set(sents["article_id"]) <= set(articles["article_id"]) and len(sents) > len(articles)
    pairs = pd.read_csv(tmp_path / "comparison.csv")
    assert {"group_a", "group_b", "metric", "cliffs_delta", "p_adjusted"} <= set(pairs.columns)
    assert "sent_mean_compound" in set(pairs["metric"])
    wc = pd.read_csv(tmp_path / "word_choice.csv")
    assert {"article_id", "family", "variant", "match", "start", "end"} <= set(wc.columns)
    for name in ("articles_per_outlet.png", "articles_per_outlet.svg", "articles_per_outlet.csv"):
        assert (tmp_path / "figures" / name).stat().st_size > 0
    assert str(tmp_path) in capsys.readouterr().out


def test_missing_corpus_exits_nonzero(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_nothing_loadable_exits_nonzero(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    assert main(["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--quiet"]) == 1
    assert "no article could be loaded" in capsys.readouterr().err
    assert (tmp_path / "o" / "load_errors.csv").exists()


def test_console_script_runs():
    r = subprocess.run([sys.executable, "-m", "mediakit.cli", "--version"], capture_output=True,
                       text=True, cwd=PROJECT, check=False)
    assert r.returncode == 0 and r.stdout.startswith("mediakit ")
