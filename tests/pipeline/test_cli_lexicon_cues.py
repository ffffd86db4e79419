"""`mediakit analyze --lexicon/--extend-lexicon/--cues`: a user's word-choice lexicon and attribution cues from the
command line, in memory and in a streamed (resumable) run, whose manifest records them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from .test_cli import run_cli

TEXTS = [
    ("a1", "Daily A", "The mayor harrumphed that the plan was reckless. Rioters filled the square, police said."),
    ("a2", "Daily B", "Demonstrators filled the square. The governor harrumphed that the decision was cruel."),
    ("a3", "Daily A", "The regime denied it, officials said. Rioters returned at night."),
    ("a4", "Daily B", "The government denied it. Demonstrators returned at night, witnesses said."),
]

LEXICON = """\
crowd:
  rioters: [rioters]
  demonstrators: [demonstrators]
"""

CUES = """\
cues:
  harrumph:
    class: criticism
    speech: true
    forms: harrumph harrumphs harrumphed harrumphing
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": i, "outlet": o, "title": f"Story {i}", "text": t}) + "\n"
                            for i, o, t in TEXTS))
    (tmp_path / "lexicon.yaml").write_text(LEXICON)
    (tmp_path / "cues.yaml").write_text(CUES)
    return path


def _analyze(corpus: Path, out: Path, *options: str) -> tuple[int, str]:
    code, _, err = run_cli("analyze", str(corpus), "--out", str(out), "--quiet", *options)
    return code, err


def test_a_users_lexicon_replaces_or_extends_the_shipped_one(corpus: Path, tmp_path: Path) -> None:
    lexicon = str(tmp_path / "lexicon.yaml")
    assert _analyze(corpus, tmp_path / "shipped")[0] == 0
    assert _analyze(corpus, tmp_path / "mine", "--lexicon", lexicon)[0] == 0
    assert _analyze(corpus, tmp_path / "both", "--lexicon", lexicon, "--extend-lexicon")[0] == 0
    families = {name: set(pd.read_csv(tmp_path / name / "word_choice.csv")["family"])
                for name in ("shipped", "mine", "both")}
    assert "crowd" not in families["shipped"] and "state_government" in families["shipped"]
    assert families["mine"] == {"crowd"}
    # extended: the shipped families stay ("regime"), and the user's terms take those words the shipped ones had
    assert {"crowd", "state_government"} <= families["both"] <= families["shipped"] | {"crowd"}
    variants = pd.read_csv(tmp_path / "mine" / "word_choice.csv")["variant"].value_counts().to_dict()
    assert variants == {"rioters": 2, "demonstrators": 2}
    metrics = pd.read_csv(tmp_path / "mine" / "metrics.csv")
    assert any(c.startswith("wc_crowd") for c in metrics.columns)


def test_a_users_cues_find_attributions_the_shipped_ones_do_not(corpus: Path, tmp_path: Path) -> None:
    assert _analyze(corpus, tmp_path / "shipped")[0] == 0
    assert _analyze(corpus, tmp_path / "mine", "--cues", str(tmp_path / "cues.yaml"))[0] == 0
    shipped = pd.read_csv(tmp_path / "shipped" / "attributions.csv")
    mine = pd.read_csv(tmp_path / "mine" / "attributions.csv")
    assert "harrumphed" not in set(shipped["cue_text"])
    harrumphed = mine[mine["cue_text"] == "harrumphed"]
    assert sorted(harrumphed["source_text"]) == ["The governor", "The mayor"]
    assert set(harrumphed["cue_class"]) == {"criticism"}
    assert set(mine["cue_text"]) - {"harrumphed"} == set(shipped["cue_text"])  # the shipped cues still count


def test_a_streamed_run_records_the_cues_and_resumes_only_with_them(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "streamed"
    cues = str(tmp_path / "cues.yaml")
    assert _analyze(corpus, out, "--chunksize", "2", "--n-jobs", "1", "--cues", cues)[0] == 0
    assert "harrumphed" in set(pd.read_csv(out / "attributions.csv")["cue_text"])
    config = json.loads((out / "parts" / "_manifest.json").read_text())["config"]
    assert len(config["cues"]) == 16
    code, err = _analyze(corpus, out, "--chunksize", "2", "--n-jobs", "1")  # the same folder, without the cues
    assert code == 1 and "cues" in err and "--no-resume" in err
    assert _analyze(corpus, out, "--chunksize", "2", "--n-jobs", "1", "--cues", cues)[0] == 0  # resumes


def test_a_run_without_cues_keeps_the_manifest_it_had(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "plain"
    assert _analyze(corpus, out, "--chunksize", "2", "--n-jobs", "1")[0] == 0
    assert "cues" not in json.loads((out / "parts" / "_manifest.json").read_text())["config"]


def test_bad_options_are_clear_errors(corpus: Path, tmp_path: Path) -> None:
    code, err = _analyze(corpus, tmp_path / "o1", "--extend-lexicon")
    assert code == 1 and "--extend-lexicon needs --lexicon" in err
    code, err = _analyze(corpus, tmp_path / "o2", "--lexicon", str(tmp_path / "missing.yaml"))
    assert code in (1, 2) and "missing.yaml" in err
    code, err = _analyze(corpus, tmp_path / "o3", "--cues", str(tmp_path / "missing.yaml"))
    assert code == 2 and "missing.yaml" in err
    assert not (tmp_path / "o1").exists() or not any((tmp_path / "o1").iterdir())
