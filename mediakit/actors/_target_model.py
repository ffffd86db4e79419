"""The trained target-sentiment model: features around the target, a multinomial logistic regression.

The features are defined by name in :mod:`mediakit.actors._target_features` (:func:`model_features`:
the words around the target, its role in the clause, comparison, pronoun and quotation cues, the
rule-based score and its parts). Weights are trained on NewsMTSC train only
(``python -m mediakit.actors train``, :mod:`mediakit.actors._train`) and shipped as
``mediakit/resources/actor_sentiment_model.npz`` with its feature vocabulary in
``actor_sentiment_model.json``.

Speed: scoring does not build the named features; :class:`~mediakit.actors._target_fast.FastScorer`
sums the same weight rows straight into the logits, with the per-sentence work (tokens,
valences, clause boundaries, normalised words, quotations) shared by the targets of a sentence.
Same scores as ``FeatureModel.probabilities(model_features(...))`` (to ~1e-15, tested).
"""

from __future__ import annotations

import json
import math
import sys
from functools import lru_cache
from io import BytesIO
from importlib import resources
from collections.abc import Sequence
from typing import Any

import numpy as np

from .._validation import check_option
from ._target import (
    SENTENCE_NEGATIVE_THRESHOLD,
    SENTENCE_POSITIVE_THRESHOLD,
    TARGET_NEGATIVE_THRESHOLD,
    TARGET_POSITIVE_THRESHOLD,
    sentence_score,
    target_score,
)
from ._target_fast import FastScorer
from ._target_features import adjust_valences, is_victim, model_features

__all__ = ["METHODS", "MODEL_FILE", "VOCABULARY_FILE", "FeatureModel", "adjust_valences", "check_method",
           "is_victim", "load_model",
           "method_score", "method_score_label", "method_thresholds", "model_features", "model_probabilities",
           "model_score", "polarity", "target_sentiment"]

#: The weights (``W``: features x classes negative/neutral/positive) inside ``mediakit/resources``.
MODEL_FILE = "actor_sentiment_model.npz"
#: The feature names (one per row of ``W``), thresholds and provenance inside ``mediakit/resources``.
VOCABULARY_FILE = "actor_sentiment_model.json"


class FeatureModel:
    """A multinomial logistic regression over named features (classes negative, neutral, positive).

    Parameters
    ----------
    weights : numpy.ndarray
        Features x 3 weights.
    vocabulary : list of str
        The feature name of each row of ``weights``.
    thresholds : tuple of float
        (negative, positive) thresholds on the score ``p(positive) - p(negative)``: the class of a
        score alone (:meth:`polarity`, e.g. a mean score).
    meta : dict, optional
        Training settings and provenance. ``meta["decision"] == "argmax"``: a target's class is the
        most probable class (:meth:`label`; the shipped model), else the thresholds on its score.

    Examples
    --------
    >>> m = FeatureModel(np.zeros((1, 3)), ["bias"], (-0.1, 0.1))
    >>> m.probabilities({"bias": 1.0}).round(3).tolist()
    [0.333, 0.333, 0.333]
    """

    def __init__(self, weights: np.ndarray, vocabulary: list[str], thresholds: tuple[float, float],
                 meta: dict[str, Any] | None = None) -> None:
        self.weights = np.asarray(weights, dtype=float)
        self.vocabulary = list(vocabulary)
        self.index = {name: k for k, name in enumerate(self.vocabulary)}
        #: ``weights`` as a list of rows of Python floats (fast to read one row at a time; a copy:
        #: make a new FeatureModel rather than changing ``weights`` in place).
        self.table: list[list[float]] = self.weights.tolist()
        #: Feature group ("d", "L", "V+", ...) -> key within the group -> row of ``weights``.
        self.groups: dict[str, dict[str, int]] = {}
        for name, k in self.index.items():
            group, sep, key = name.partition(":")
            if sep:
                self.groups.setdefault(group, {})[sys.intern(key)] = k  # interned, as norm_word's words
        self.thresholds = (float(thresholds[0]), float(thresholds[1]))
        self.meta = dict(meta or {})
        #: Class of a target from its probabilities: the most probable class (True), or thresholds on its score.
        self.argmax = self.meta.get("decision") == "argmax"
        #: Scores targets straight from the weights (same values as :meth:`probabilities` of
        #: :func:`model_features`).
        self.scorer = FastScorer(self.table, self.groups, self.index.get("bias"))

    def probabilities(self, features: dict[str, float]) -> np.ndarray:
        """p(negative), p(neutral), p(positive) of one feature dict."""
        index = self.index
        rows: dict[int, float] = {}
        for name, value in features.items():
            k = index.get(name)
            if k is not None:
                rows[k] = value
        return self.row_probabilities(rows)

    def row_probabilities(self, rows: dict[int, float]) -> np.ndarray:
        """p(negative), p(neutral), p(positive) of features given as rows of ``weights`` to values."""
        z0 = z1 = z2 = 0.0
        table = self.table
        for k, value in rows.items():  # a few dozen rows: plain floats beat NumPy's call overhead here
            r = table[k]
            z0 += value * r[0]
            z1 += value * r[1]
            z2 += value * r[2]
        z = [z0, z1, z2]
        top = max(z)
        e = [math.exp(x - top) for x in z]
        total = sum(e)
        return np.array([x / total for x in e])

    def polarity(self, score: float) -> int:
        """-1, 0 or 1: the class of the score ``p(positive) - p(negative)`` under :attr:`thresholds`."""
        neg, pos = self.thresholds
        return 1 if score >= pos else -1 if score <= neg else 0

    def label(self, probs: Sequence[float]) -> int:
        """-1, 0 or 1: the class of a target with probabilities ``probs`` (negative, neutral, positive).

        The most probable class (ties go to neutral, then negative) when :attr:`argmax`, else
        :meth:`polarity` of ``probs[2] - probs[0]``.

        Examples
        --------
        >>> m = FeatureModel(np.zeros((1, 3)), ["bias"], (-0.1, 0.1), {"decision": "argmax"})
        >>> m.label([0.3, 0.3, 0.4]), m.label([0.4, 0.4, 0.2])
        (1, 0)
        """
        p0, p1, p2 = float(probs[0]), float(probs[1]), float(probs[2])
        if not self.argmax:
            return self.polarity(p2 - p0)
        if p1 >= p0 and p1 >= p2:
            return 0
        return 1 if p2 > p0 else -1

    def score_label(self, sentence: str, spans: Sequence[tuple[int, int]]) -> tuple[float, int]:
        """Score and class of ``sentence`` toward one target mentioned at ``spans`` (mean probabilities)."""
        total = [0.0, 0.0, 0.0]
        for start, end in spans:
            z = self.scorer.logits(sentence, start, end)
            top = max(z)
            e = [math.exp(x - top) for x in z]
            s = sum(e)
            for c in range(3):
                total[c] += e[c] / s
        n = max(1, len(spans))
        probs = [x / n for x in total]
        return probs[2] - probs[0], self.label(probs)


@lru_cache(maxsize=1)
def load_model() -> FeatureModel:
    """The shipped model (read once from ``mediakit/resources`` with importlib.resources, offline).

    Examples
    --------
    >>> m = load_model()
    >>> m.weights.shape == (len(m.vocabulary), 3)
    True
    """
    pkg = resources.files("mediakit.resources")
    meta = json.loads(pkg.joinpath(VOCABULARY_FILE).read_text(encoding="utf-8"))
    with np.load(BytesIO(pkg.joinpath(MODEL_FILE).read_bytes())) as data:
        weights = data["W"]
    if weights.shape != (len(meta["vocabulary"]), 3):
        raise ValueError(f"{MODEL_FILE}: weights {weights.shape} do not match the vocabulary")
    neg, pos = meta["thresholds"]
    return FeatureModel(weights, meta["vocabulary"], (float(neg), float(pos)),
                        {k: v for k, v in meta.items() if k != "vocabulary"})


def model_probabilities(sentence: str, start: int, end: int) -> np.ndarray:
    """p(negative), p(neutral), p(positive) toward ``sentence[start:end]`` under the shipped model."""
    z = load_model().scorer.logits(sentence, start, end)
    top = max(z)
    e = [math.exp(x - top) for x in z]
    total = sum(e)
    return np.array([x / total for x in e])


def model_score(sentence: str, start: int, end: int) -> float:
    """``p(positive) - p(negative)`` toward ``sentence[start:end]`` (in [-1, 1]), shipped model.

    Examples
    --------
    >>> model_score("", 0, 0) == model_score("", 0, 0)
    True
    """
    return load_model().scorer.score(sentence, start, end)


# --------------------------------------------------------------------------- the methods

#: Values of the ``method`` option: the trained model (default), the rule-based target-aware
#: score, or whole-sentence VADER (the baseline).
METHODS = ("model", "target", "sentence")


def method_score(sentence: str, start: int, end: int, method: str) -> float:
    """The score in [-1, 1] of ``sentence`` toward ``sentence[start:end]`` under ``method``."""
    if method == "model":
        return model_score(sentence, start, end)
    if method == "target":
        return target_score(sentence, start, end)
    return sentence_score(sentence)


def method_thresholds(method: str) -> tuple[float, float]:
    """(negative, positive) thresholds on the score of ``method``."""
    if method == "model":
        return load_model().thresholds
    if method == "target":
        return TARGET_NEGATIVE_THRESHOLD, TARGET_POSITIVE_THRESHOLD
    return SENTENCE_NEGATIVE_THRESHOLD, SENTENCE_POSITIVE_THRESHOLD


def method_score_label(sentence: str, spans: Sequence[tuple[int, int]], method: str) -> tuple[float, int]:
    """Score and class of ``sentence`` toward one target mentioned at ``spans`` under ``method``.

    'model': the mean of the mentions' probabilities, its ``p(positive) - p(negative)`` and its
    class (:meth:`FeatureModel.label`); 'target': the mean of the mentions' scores and its class;
    'sentence': the sentence's score (the spans do not matter).

    Examples
    --------
    >>> method_score_label("Smith met Jones.", [(0, 5)], "sentence")
    (0.0, 0)
    """
    if method == "model":
        return load_model().score_label(sentence, spans)
    if method == "sentence" or not spans:
        score = sentence_score(sentence) if method == "sentence" else target_score(sentence, 0, 0)
    else:
        score = sum(target_score(sentence, a, b) for a, b in spans) / len(spans)
    return score, polarity(score, method)


def polarity(score: float, method: str) -> int:
    """-1, 0 or 1: the class of ``score`` under the thresholds of ``method``."""
    neg, pos = method_thresholds(method)
    return 1 if score >= pos else -1 if score <= neg else 0


def check_method(method: str, *, func: str) -> str:
    """Return ``method`` if it is one of :data:`METHODS`, else raise ValueError."""
    return check_option(method, METHODS, name="method", func=func)


def target_sentiment(sentence: str, start: int, end: int, *, method: str = "model") -> dict[str, float]:
    """Sentiment of one sentence toward the target ``sentence[start:end]``.

    ``method='model'`` (default): a multinomial logistic regression trained on NewsMTSC
    train (``python -m mediakit.actors train``) over features of the words around the
    target: the rule-based score and its positive/negative parts left and right of the
    target, the words next to it and in windows of 8 words each side, the target's role
    (pronoun, subject of a verb of condemning, passive or object of a negative event,
    after "unlike"/"than") and whether it sits inside a quotation. The score is
    ``p(positive) - p(negative)``; the polarity is the most probable class (argmax; the
    classes were weighted inversely to their frequency in training; docs/actors.md).

    ``method='target'`` (rule-based): VADER's word valences (negation, booster and
    capitalisation rules) with a news lexicon (``actor_titles.yaml``, ``target_sentiment``),
    weighted by closeness to the target: ``exp(-d / 15)`` for a word ``d`` words away,
    times 0.8 for each clause boundary between them (comma, semicolon, dash, bracket, "but",
    "while", "which", "who", ... up to 3). When the target speaks a quotation ('"...," X
    said'), the quotation's negative words do not count and its positive words count 0.4;
    when the target is inside a quotation, the words outside it count 0.4. The target's own
    words and capitalised words inside names ("Supreme Court") score 0; negative valences
    are multiplied by 1.5. The weighted sum ``s`` is normalised like VADER's compound,
    ``s / sqrt(s^2 + 15)``. Positive at >= 0.10, negative at <= -0.10 (tuned on NewsMTSC
    train). ``method='sentence'`` is the baseline: VADER's compound of the whole sentence,
    ignoring the target, with VADER's own thresholds +/-0.05.

    Parameters
    ----------
    sentence : str
        One sentence.
    start, end : int
        Character offsets of the target in ``sentence`` (clipped to it).
    method : {'model', 'target', 'sentence'}, default 'model'

    Returns
    -------
    dict
        ``score`` (in [-1, 1]) and ``polarity`` (-1, 0 or 1).

    Examples
    --------
    The speaker of a quotation is not what the quotation condemns:

    >>> s = '"The deal is a disaster," Smith said.'
    >>> target_sentiment(s, 26, 31, method="target"), target_sentiment(s, 26, 31, method="sentence")
    ({'score': 0.0, 'polarity': 0}, {'score': -0.6249, 'polarity': -1})
    """
    func = "target_sentiment"
    if not isinstance(sentence, str):
        raise TypeError(f"{func}(): sentence must be a str, got {type(sentence).__name__}")
    if method not in METHODS:
        check_method(method, func=func)
    start = max(0, min(int(start), len(sentence)))
    end = max(start, min(int(end), len(sentence)))
    if method == "model":
        score, label = load_model().score_label(sentence, ((start, end),))
        return {"score": round(score, 4), "polarity": label}
    score = method_score(sentence, start, end, method)
    return {"score": round(score, 4), "polarity": polarity(score, method)}
