"""Evaluation of target sentiment on NewsMTSC: macro-F1, accuracy, per class, confusion."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._target_model import check_method, method_thresholds, target_sentiment

__all__ = ["TargetSentimentEvaluation", "evaluate_target_sentiment", "read_newsmtsc"]

_CLASSES = (-1, 0, 1)
_CLASS_NAMES = {-1: "negative", 0: "neutral", 1: "positive"}
_NEWSMTSC_KEYS = ("sentence", "from", "to", "polarity")


@dataclass(frozen=True)
class TargetSentimentEvaluation:
    """Scores of a target-sentiment method on a NewsMTSC file.

    Attributes
    ----------
    method : str
        'model', 'target' or 'sentence'.
    path : str
        The file scored.
    n : int
        Rows scored.
    macro_f1 : float
        Mean of the three per-class F1 scores (the NewsMTSC paper's measure).
    accuracy : float
    per_class : pandas.DataFrame
        ``class`` (negative, neutral, positive), ``precision``, ``recall``, ``f1``, ``support``.
    confusion : pandas.DataFrame
        Counts, gold classes as rows, predicted as columns.
    thresholds : tuple of float
        (negative, positive) thresholds on the score (for 'model' they classify a score alone; a
        target's class is its most probable class).
    """

    method: str
    path: str
    n: int
    macro_f1: float
    accuracy: float
    per_class: pd.DataFrame
    confusion: pd.DataFrame
    thresholds: tuple[float, float]

    def summary(self) -> dict[str, Any]:
        """The scalar results as a dict (one row of a comparison table).

        Examples
        --------
        >>> import pandas as pd
        >>> e = TargetSentimentEvaluation("target", "x.jsonl", 2, 1.0, 1.0, pd.DataFrame(),
        ...                               pd.DataFrame(), (-0.1, 0.1))
        >>> e.summary()["macro_f1"]
        1.0
        """
        out: dict[str, Any] = {"method": self.method, "file": Path(self.path).name, "n": self.n,
                               "macro_f1": self.macro_f1, "accuracy": self.accuracy}
        for _, r in self.per_class.iterrows():
            out[f"f1_{r['class']}"] = r["f1"]
        return out


def read_newsmtsc(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The rows of a NewsMTSC jsonl file (each with ``sentence``, ``from``, ``to``, ``polarity``)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            for key in _NEWSMTSC_KEYS:
                if key not in rec:
                    raise ValueError(f"{path}:{k}: NewsMTSC rows need 'sentence', 'from', 'to', 'polarity'")
            rows.append(rec)
    return rows


def _per_class(gold: np.ndarray, pred: np.ndarray) -> pd.DataFrame:
    """Precision, recall, F1 and support of each class."""
    per = []
    for c in _CLASSES:
        tp = int(((gold == c) & (pred == c)).sum())
        fp = int(((gold != c) & (pred == c)).sum())
        fn = int(((gold == c) & (pred != c)).sum())
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        per.append((_CLASS_NAMES[c], prec, rec, f1, int((gold == c).sum())))
    return pd.DataFrame(per, columns=["class", "precision", "recall", "f1", "support"])


def _confusion(gold: np.ndarray, pred: np.ndarray) -> pd.DataFrame:
    """Counts, gold classes as rows, predicted classes as columns."""
    names = [_CLASS_NAMES[c] for c in _CLASSES]
    return pd.DataFrame([[int(((gold == a) & (pred == b)).sum()) for b in _CLASSES] for a in _CLASSES],
                        index=names, columns=names)


def evaluate_target_sentiment(path: str | os.PathLike[str], method: str = "model") -> TargetSentimentEvaluation:
    """Score a target-sentiment method on a NewsMTSC jsonl file.

    Each row of the file has ``sentence``, ``from``/``to`` (the target's character
    offsets) and ``polarity`` (-1, 0, 1). The method predicts a class for each row
    (:func:`target_sentiment`): the most probable class for 'model' (``thresholds`` holds
    its score thresholds, picked out of fold on NewsMTSC train, which only classify a score
    alone), fixed thresholds :data:`TARGET_POSITIVE_THRESHOLD` and
    :data:`TARGET_NEGATIVE_THRESHOLD` = +/-0.10 for 'target' (tuned on train), VADER's
    +/-0.05 for 'sentence'.

    Parameters
    ----------
    path : str or path-like
        A NewsMTSC file (``train.jsonl``, ``dev-rw.jsonl``, ``dev-mt.jsonl``).
    method : {'model', 'target', 'sentence'}, default 'model'

    Returns
    -------
    TargetSentimentEvaluation
        Macro-F1, accuracy, per-class precision/recall/F1 and the confusion matrix.

    Examples
    --------
    >>> import json, tempfile, os
    >>> rows = [{"sentence": "Smith praised the deal.", "from": 0, "to": 5, "polarity": 1},
    ...         {"sentence": "Critics called Smith corrupt.", "from": 15, "to": 20, "polarity": -1},
    ...         {"sentence": "Smith met Jones.", "from": 0, "to": 5, "polarity": 0}]
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "toy.jsonl")
    ...     with open(p, "w") as fh:
    ...         _ = fh.write("\\n".join(json.dumps(r) for r in rows))
    ...     e = evaluate_target_sentiment(p)
    >>> e.macro_f1, e.accuracy
    (1.0, 1.0)
    >>> e.confusion
              negative  neutral  positive
    negative         1        0         0
    neutral          0        1         0
    positive         0        0         1
    """
    check_method(method, func="evaluate_target_sentiment")
    rows = read_newsmtsc(path)
    gold = np.array([int(r["polarity"]) for r in rows], dtype=int)
    pred = np.array([target_sentiment(r["sentence"], r["from"], r["to"], method=method)["polarity"]
                     for r in rows], dtype=int)
    per_class = _per_class(gold, pred)
    thresholds = method_thresholds(method)
    return TargetSentimentEvaluation(
        method=method, path=str(path), n=len(rows),
        macro_f1=float(per_class["f1"].mean()) if len(rows) else float("nan"),
        accuracy=float((gold == pred).mean()) if len(rows) else float("nan"),
        per_class=per_class, confusion=_confusion(gold, pred), thresholds=thresholds,
    )
