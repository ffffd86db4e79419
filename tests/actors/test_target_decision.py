"""The trained model's decision rule: the most probable class (argmax), for one mention and for several."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.actors import actor_sentences, load_model, target_sentiment
from mediakit.actors._target_model import (
    METHODS,
    FeatureModel,
    method_score_label,
    model_probabilities,
    polarity,
    target_score,
)

_SENTENCES = [
    ("Critics called Smith corrupt.", 15, 20), ("He was praised for his courage.", 0, 2),
    ('"The deal is a disaster," Smith said.', 26, 31), ("Unlike Trump, Obama never insulted the press.", 7, 12),
    ("Smith met Jones on Tuesday.", 0, 5), ("Smith won the election in a landslide.", 0, 5),
    ("Police arrested the man after he killed Sarah Root.", 40, 50), ("", 0, 0),
]


def _argmax(p: np.ndarray) -> int:
    """The most probable class, ties to neutral then negative (written out)."""
    if p[1] >= p[0] and p[1] >= p[2]:
        return 0
    return 1 if p[2] > p[0] else -1


def test_label_is_the_most_probable_class() -> None:
    m = FeatureModel(np.zeros((1, 3)), ["bias"], (-0.1, 0.1), {"decision": "argmax"})
    assert m.argmax
    assert m.label([0.5, 0.2, 0.3]) == -1 and m.label([0.2, 0.3, 0.5]) == 1 and m.label([0.3, 0.4, 0.3]) == 0
    # ties: neutral first, then negative
    assert m.label([0.4, 0.4, 0.2]) == 0 and m.label([0.2, 0.4, 0.4]) == 0 and m.label([0.4, 0.2, 0.4]) == -1
    # a score of 0.15 passes the positive threshold, yet neutral is the most probable class
    assert m.label([0.25, 0.35, 0.40]) == 1 and m.label([0.2, 0.45, 0.35]) == 0


def test_label_without_argmax_uses_the_thresholds() -> None:
    m = FeatureModel(np.zeros((1, 3)), ["bias"], (-0.1, 0.1))
    assert not m.argmax
    assert m.label([0.2, 0.45, 0.35]) == 1  # score 0.15 >= 0.1
    assert m.label([0.3, 0.45, 0.25]) == 0


def test_shipped_model_decides_by_argmax() -> None:
    m = load_model()
    assert m.argmax and m.meta["decision"] == "argmax"
    # the decision rule was chosen because it is better out of fold on train, with no tuning
    assert m.meta["cv_macro_f1"] >= m.meta["cv_macro_f1_thresholds"]
    assert str(m.meta["l2"]) in m.meta["cv"]


@pytest.mark.parametrize(("sentence", "a", "b"), _SENTENCES)
def test_target_sentiment_polarity_is_the_argmax(sentence: str, a: int, b: int) -> None:
    p = model_probabilities(sentence, a, b)
    out = target_sentiment(sentence, a, b)
    assert out["polarity"] == _argmax(p)
    assert out["score"] == round(float(p[2] - p[0]), 4)


@pytest.mark.parametrize(("sentence", "a", "b"), _SENTENCES)
def test_one_span_same_as_target_sentiment(sentence: str, a: int, b: int) -> None:
    for method in METHODS:
        score, label = method_score_label(sentence, [(a, b)], method)
        out = target_sentiment(sentence, a, b, method=method)
        assert (round(score, 4), label) == (out["score"], out["polarity"]), method


def test_several_spans_average_the_probabilities() -> None:
    s = "Smith praised the plan, but Smith later called it a disaster."
    spans = [(0, 5), (28, 33)]
    p = np.mean([model_probabilities(s, a, b) for a, b in spans], axis=0)
    score, label = method_score_label(s, spans, "model")
    assert score == pytest.approx(float(p[2] - p[0]), abs=1e-12) and label == _argmax(p)
    score, label = method_score_label(s, spans, "target")
    mean = float(np.mean([target_score(s, a, b) for a, b in spans]))
    assert score == pytest.approx(mean, abs=1e-12) and label == polarity(mean, "target")


def test_actor_sentences_use_the_decision_rule() -> None:
    text = "Ann Smith praised the plan. Critics called Ann Smith corrupt and Ann Smith a liar."
    arts = pd.DataFrame({"article_id": [1], "outlet": ["a"], "title": [""], "text": [text]})
    out = actor_sentences(arts, ["Ann Smith"])
    assert len(out) == 2
    for _, r in out.iterrows():
        sent = r["sentence"]
        spans = [(k, k + 9) for k in range(len(sent)) if sent.startswith("Ann Smith", k)]
        p = np.mean([model_probabilities(sent, a, b) for a, b in spans], axis=0)
        assert r["n_mentions"] == len(spans)
        assert r["polarity"] == _argmax(p) and r["score"] == round(float(p[2] - p[0]), 4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence=st.text(max_size=120), spans=st.lists(st.tuples(st.integers(0, 130), st.integers(0, 130)),
                                                       max_size=3), method=st.sampled_from(METHODS))
def test_method_score_label_never_raises(sentence: str, spans: list[tuple[int, int]], method: str) -> None:
    spans = [(a, max(a, b)) for a, b in spans if a <= len(sentence)]
    spans = [(a, min(b, len(sentence))) for a, b in spans]
    score, label = method_score_label(sentence, spans, method)
    assert -1.0 <= score <= 1.0 and label in (-1, 0, 1)
