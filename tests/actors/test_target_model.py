"""The trained target-sentiment model: loading, reload stability, the error classes, odd text, NewsMTSC."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.actors import METHODS, evaluate_target_sentiment, load_model, target_sentiment
from mediakit.actors._target_model import MODEL_FILE, VOCABULARY_FILE, FeatureModel, adjust_valences, model_features
from mediakit.evaluate import main as evaluate_main

from ..conftest import PROJECT


def _at(sentence: str, target: str, method: str = "model") -> int:
    a = sentence.index(target)
    return int(target_sentiment(sentence, a, a + len(target), method=method)["polarity"])


def test_methods_and_default() -> None:
    assert METHODS == ("model", "target", "sentence")
    s = "Critics called Smith corrupt."
    assert target_sentiment(s, 15, 20) == target_sentiment(s, 15, 20, method="model")


def test_model_files_load_offline_and_match() -> None:
    m = load_model()
    assert isinstance(m, FeatureModel)
    assert m.weights.shape == (len(m.vocabulary), 3) and len(set(m.vocabulary)) == len(m.vocabulary)
    assert np.isfinite(m.weights).all()
    assert m.meta["classes"] == ["negative", "neutral", "positive"]
    neg, pos = m.thresholds
    assert -1 < neg < 0 < pos < 1
    assert "NewsMTSC train" in m.meta["provenance"]
    res = PROJECT / "mediakit" / "resources"
    assert (res / MODEL_FILE).is_file() and (res / VOCABULARY_FILE).is_file()


def test_identical_results_on_reload() -> None:
    sents = [("Critics called Smith corrupt.", 15, 20), ("He was praised for his courage.", 0, 2),
             ('"It is a disaster," Smith said.', 20, 25)]
    first = [target_sentiment(s, a, b) for s, a, b in sents]
    load_model.cache_clear()
    second = [target_sentiment(s, a, b) for s, a, b in sents]
    assert first == second
    # and in a fresh interpreter (no network, nothing cached)
    code = ("from mediakit.actors import target_sentiment as t; "
            "print([t(s, a, b) for s, a, b in " + repr(sents) + "])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT)
    assert out.stdout.strip() == repr(first)


# --------------------------------------------------------------------------- the error classes of issue 14


def test_polar_without_lexicon_word() -> None:
    # no lexicon word fires: the rule-based score is exactly 0; the model reads the context
    for s, gold in (("Smith is under investigation by the FBI.", -1), ("Smith leads in the polls.", 1),
                    ("Smith raised $5 million for veterans.", 1)):
        a = s.index("Smith")
        assert target_sentiment(s, a, a + 5, method="target")["score"] == 0.0
        assert _at(s, "Smith") == gold, s


def test_event_words_not_charged_to_the_victim() -> None:
    s = "Police arrested the man after he killed Sarah Root."
    assert _at(s, "Sarah Root", "target") == -1
    assert _at(s, "Sarah Root") != -1
    s = "Newsom visited some of the victims of the fire."
    assert _at(s, "Newsom", "target") == -1
    assert _at(s, "Newsom") != -1


def test_praise_through_condemnation() -> None:
    s = 'Smith condemned the "racist, offensive" behavior.'
    assert _at(s, "Smith", "target") == -1
    assert _at(s, "Smith") == 1


def test_comparison() -> None:
    s = "Unlike Trump, Obama never insulted the press."
    assert _at(s, "Trump", "target") == 1
    assert _at(s, "Trump") == -1


def test_pronoun_targets() -> None:
    assert _at("He was praised for his courage.", "He") == 1
    assert _at("She was widely mocked for the gaffe.", "She") == -1


def test_quotation_context() -> None:
    # the speaker of a condemning quotation is not what the quotation condemns
    s = '"The deal is a disaster," Smith said.'
    assert _at(s, "Smith") != -1


def test_adjust_valences_rules() -> None:
    v = np.array([0.0, -2.0, 0.0, 0.0])
    assert adjust_valences(["he", "killed", "sarah", "root"], v, 2, 3).tolist() == [0.0, 0.0, 0.0, 0.0]
    v = np.array([0.0, -1.0, -2.0])
    assert adjust_valences(["smith", "condemned", "racism"], v, 0, 0).tolist() == [0.0, 0.0, 1.0]
    v = np.array([0.0, 0.0, -1.0])
    assert adjust_valences(["smith", "visited", "victims"], v, 0, 0).tolist() == [0.0, 0.0, 0.0]


def test_features_are_named_by_kind() -> None:
    f = model_features("Unlike Smith, Jones never lied.", 7, 12)
    assert f["bias"] == 1.0 and f["d:compared"] == 1.0
    kinds = {name.split(":", 1)[0] for name in f if name != "bias"}
    assert kinds <= {"d", "l1", "l2", "r1", "r2", "r3", "r12", "l21", "L", "R", "S", "V+", "V-"}


# --------------------------------------------------------------------------- odd text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence=st.text(max_size=200), a=st.integers(-5, 250), b=st.integers(-5, 250))
def test_model_never_raises(sentence: str, a: int, b: int) -> None:
    out = target_sentiment(sentence, a, b)
    assert -1.0 <= out["score"] <= 1.0 and out["polarity"] in (-1, 0, 1)
    assert np.isfinite(out["score"])


# --------------------------------------------------------------------------- command lines


def _toy(tmp_path: Path) -> Path:
    rows = [{"sentence": "Critics branded Smith a fascist.", "from": 15, "to": 20, "polarity": -1},
            {"sentence": "He was praised for his courage.", "from": 0, "to": 2, "polarity": 1}]
    path = tmp_path / "toy.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_evaluate_actor_sentiment_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate_main(["actor-sentiment", "--file", str(_toy(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "macro_f1" in out and "model" in out and "target" in out and "sentence" in out
    assert evaluate_main(["actor-sentiment", "--file", str(tmp_path / "missing.jsonl")]) == 2
    e = evaluate_target_sentiment(_toy(tmp_path))
    assert e.method == "model" and e.accuracy == 1.0 and e.thresholds == load_model().thresholds


# --------------------------------------------------------------------------- NewsMTSC dev


@pytest.mark.slow
@pytest.mark.corpus
def test_newsmtsc_dev_model_beats_rules_and_vader(corpora: Path) -> None:
    for split, floor in (("dev-rw", 0.61), ("dev-mt", 0.62)):
        path = corpora / "newsmtsc" / f"{split}.jsonl"
        if not path.is_file():
            pytest.skip(f"needs {path}")
        model = evaluate_target_sentiment(path, "model")
        rules = evaluate_target_sentiment(path, "target")
        vader = evaluate_target_sentiment(path, "sentence")
        assert model.macro_f1 >= floor, split
        assert model.macro_f1 > rules.macro_f1 > vader.macro_f1, split
