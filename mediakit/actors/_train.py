"""Training of the target-sentiment model: ``python -m mediakit.actors train``.

Reads NewsMTSC ``train.jsonl`` only (from :func:`mediakit.datasets.corpora_dir`). Five
article-grouped folds (a fixed hash of the article part of each row id, so sentences of one
article never sit on both sides) pick the L2 strength by out-of-fold macro-F1 of the most
probable class (the shipped decision rule) and give the two score thresholds (for a score alone,
e.g. a mean: :meth:`FeatureModel.polarity`); a held-out 15% of the articles is scored at the
chosen setting as a second check; finally it refits on all of train and writes the
weights (``.npz``) and the vocabulary (``.json``) to ``mediakit/resources``. Deterministic: no
random numbers, full-batch optimisation, fixed iteration count.
"""

from __future__ import annotations

import json
import os
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ._evaluation import read_newsmtsc
from ._target_model import MODEL_FILE, VOCABULARY_FILE, model_features

__all__ = ["fit_logistic", "train_model"]

_CLASSES = (-1, 0, 1)
_L2_GRID = (3.0, 10.0)
_MIN_COUNT_GRID = (2,)
_HELD_OUT = 0.15
_FOLDS = 5
_ITERATIONS = 400
_DENSE_L2 = 1.0  # L2 of the few dense (rule) features: they need little shrinking


def _article_key(row_id: str) -> str:
    """The article part of a NewsMTSC row id ("allsides_1000_401_25_Name_0_6" -> "allsides_1000_401")."""
    return "_".join(str(row_id).split("_")[:3])


def _article_hash(rows: list[dict[str, Any]]) -> np.ndarray:
    """A fixed CRC-32 hash (0-999) of each row's article: reproducible everywhere."""
    return np.array([zlib.crc32(_article_key(r.get("id", k)).encode()) % 1000 for k, r in enumerate(rows)])


def _held_out(rows: list[dict[str, Any]]) -> np.ndarray:
    """True for rows of the held-out articles."""
    return _article_hash(rows) < _HELD_OUT * 1000


def _vocabulary(feats: list[dict[str, float]], min_count: int) -> list[str]:
    """Dense features always; sparse ones seen in at least ``min_count`` rows. Sorted: stable order."""
    counts = Counter(name for f in feats for name in f)
    return sorted(n for n, c in counts.items() if n == "bias" or n.startswith("d:") or c >= min_count)


def _design(feats: list[dict[str, float]], vocab: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sparse rows as (row index, column index, value) arrays."""
    index = {n: k for k, n in enumerate(vocab)}
    r, c, v = [], [], []
    for i, f in enumerate(feats):
        for name, value in f.items():
            k = index.get(name)
            if k is not None:
                r.append(i)
                c.append(k)
                v.append(value)
    return np.array(r, dtype=np.int64), np.array(c, dtype=np.int64), np.array(v, dtype=float)


def _segment_sum(values: np.ndarray, keys: np.ndarray, order: np.ndarray, size: int) -> np.ndarray:
    """Sum the rows of ``values`` by ``keys`` (``order`` sorts the keys), into ``size`` rows."""
    ks = keys[order]
    starts = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
    out = np.zeros((size, values.shape[1]))
    out[ks[starts]] = np.add.reduceat(values[order], starts, axis=0)
    return out


def _probabilities(x: tuple[np.ndarray, np.ndarray, np.ndarray], n: int, w: np.ndarray) -> np.ndarray:
    r, c, v = x
    z = _segment_sum(v[:, None] * w[c], r, np.argsort(r, kind="stable"), n)
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_logistic(x: tuple[np.ndarray, np.ndarray, np.ndarray], y: np.ndarray, penalty: np.ndarray,
                 iterations: int = _ITERATIONS) -> np.ndarray:
    """Multinomial logistic regression, class-weighted, L2 ``penalty`` per feature, full-batch Adam from zero.

    Examples
    --------
    >>> x = (np.array([0, 1, 0, 1]), np.array([0, 0, 1, 1]), np.ones(4))
    >>> w = fit_logistic(x, np.array([0, 2]), np.array([0.1, 0.0]), iterations=50)
    >>> w.shape
    (2, 3)
    """
    n = len(y)
    r, c, v = x
    counts = np.bincount(y, minlength=3).astype(float)
    cw = n / (3.0 * np.maximum(counts, 1.0))
    sw = cw[y] / n
    onehot = np.eye(3)[y]
    n_features = len(penalty)
    w = np.zeros((n_features, 3))
    m1, m2 = np.zeros_like(w), np.zeros_like(w)
    pen = np.asarray(penalty, dtype=float)[:, None] / n
    lr, b1, b2 = 0.05, 0.9, 0.999
    by_col = np.argsort(c, kind="stable")
    for t in range(1, iterations + 1):
        p = _probabilities(x, n, w)
        g_rows = (p - onehot) * sw[:, None]
        grad = _segment_sum(v[:, None] * g_rows[r], c, by_col, n_features)
        grad += pen * w
        m1 = b1 * m1 + (1 - b1) * grad
        m2 = b2 * m2 + (1 - b2) * grad * grad
        w -= lr * (m1 / (1 - b1 ** t)) / (np.sqrt(m2 / (1 - b2 ** t)) + 1e-8)
    return w


def _macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    f1 = []
    for cl in _CLASSES:
        tp = int(((gold == cl) & (pred == cl)).sum())
        fp = int(((gold != cl) & (pred == cl)).sum())
        fn = int(((gold == cl) & (pred != cl)).sum())
        f1.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1))


def _argmax_labels(p: np.ndarray) -> np.ndarray:
    """-1, 0, 1: the most probable class of each row (ties: neutral, then negative), as FeatureModel.label."""
    neutral = (p[:, 1] >= p[:, 0]) & (p[:, 1] >= p[:, 2])
    return np.where(neutral, 0, np.where(p[:, 2] > p[:, 0], 1, -1))


def _best_thresholds(gold: np.ndarray, score: np.ndarray) -> tuple[float, float, float]:
    """(negative, positive, macro-F1): the thresholds on ``score`` that maximise macro-F1."""
    best = (-0.1, 0.1, -1.0)
    grid = np.round(np.arange(0.0, 0.61, 0.025), 3)
    for neg in grid:
        for pos in grid:
            pred = np.where(score >= pos, 1, np.where(score <= -neg, -1, 0))
            f = _macro_f1(gold, pred)
            if f > best[2] + 1e-12:
                best = (-float(neg), float(pos), f)
    return best


def _fit(feats: list[dict[str, float]], y: np.ndarray, l2: float, min_count: int) -> tuple[np.ndarray, list[str]]:
    """Weights and vocabulary; the dense features get :data:`_DENSE_L2`, the bias none, the words ``l2``."""
    vocab = _vocabulary(feats, min_count)
    penalty = np.array([0.0 if n == "bias" else _DENSE_L2 if n.startswith("d:") else l2 for n in vocab])
    return fit_logistic(_design(feats, vocab), y, penalty), vocab


def _predict(feats: list[dict[str, float]], w: np.ndarray, vocab: list[str]) -> np.ndarray:
    """p(negative), p(neutral), p(positive) of each row."""
    return _probabilities(_design(feats, vocab), len(feats), w)


def _out_of_fold(feats: list[dict[str, float]], y: np.ndarray, gold: np.ndarray, fold: np.ndarray, l2: float,
                 min_count: int, verbose: bool) -> dict[str, Any]:
    """Out-of-fold macro-F1 (most probable class) of one setting, and the score thresholds best on the folds."""
    oof = np.zeros((len(y), 3))
    for k in range(_FOLDS):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        wk, vk = _fit([feats[i] for i in tr], y[tr], l2, min_count)
        oof[te] = _predict([feats[i] for i in te], wk, vk)
    f1 = _macro_f1(gold, _argmax_labels(oof))
    neg, pos, f1_thr = _best_thresholds(gold, oof[:, 2] - oof[:, 0])
    if verbose:
        print(f"min_count={min_count} l2={l2}: {_FOLDS}-fold out-of-fold macro-F1 {f1:.4f} (most probable "
              f"class), {f1_thr:.4f} (score thresholds ({neg}, {pos}) tuned on them)")
    return {"l2": l2, "min_count": min_count, "cv_macro_f1": f1, "cv_macro_f1_thresholds": f1_thr,
            "thresholds": [neg, pos]}


def train_model(train_path: str | os.PathLike[str], out_dir: str | os.PathLike[str] | None = None,
                *, l2_grid: Sequence[float] = _L2_GRID, min_count_grid: Sequence[int] = _MIN_COUNT_GRID,
                verbose: bool = True) -> dict[str, Any]:
    """Train the target-sentiment model on a NewsMTSC train file and write it to ``out_dir``.

    Parameters
    ----------
    train_path : str or path-like
        NewsMTSC ``train.jsonl``.
    out_dir : str or path-like, optional
        Where to write :data:`MODEL_FILE` and :data:`VOCABULARY_FILE` (default: nothing written).
    l2_grid, min_count_grid : sequences
        Settings tried (chosen by out-of-fold macro-F1 of five article-grouped folds).
    verbose : bool, default True
        Print the out-of-fold macro-F1 of each setting and the held-out figure.

    Returns
    -------
    dict
        The metadata written to the vocabulary file (settings, held-out figures, thresholds).
    """
    rows = read_newsmtsc(train_path)
    feats = [model_features(r["sentence"], int(r["from"]), int(r["to"])) for r in rows]
    y = np.array([_CLASSES.index(int(r["polarity"])) for r in rows])
    gold = np.array([int(r["polarity"]) for r in rows])
    results = [_out_of_fold(feats, y, gold, _article_hash(rows) * _FOLDS // 1000, l2, min_count, verbose)
               for min_count in min_count_grid for l2 in l2_grid]
    best = max(results, key=lambda d: d["cv_macro_f1"])
    # the held-out slice (15% of the articles) at the chosen setting: a second, smaller check
    held = _held_out(rows)
    fit_idx, ho_idx = np.flatnonzero(~held), np.flatnonzero(held)
    w, vocab = _fit([feats[i] for i in fit_idx], y[fit_idx], best["l2"], best["min_count"])
    ho_f1 = _macro_f1(gold[ho_idx], _argmax_labels(_predict([feats[i] for i in ho_idx], w, vocab)))
    if verbose:
        print(f"held-out slice ({len(ho_idx)} rows), l2={best['l2']}: macro-F1 {ho_f1:.4f}")
    w, vocab = _fit(feats, y, best["l2"], best["min_count"])
    meta: dict[str, Any] = {
        "classes": ["negative", "neutral", "positive"], "decision": "argmax",
        "thresholds": best["thresholds"], "cv_macro_f1": round(best["cv_macro_f1"], 4),
        "cv_macro_f1_thresholds": round(best["cv_macro_f1_thresholds"], 4), "folds": _FOLDS,
        "cv": {str(r["l2"]): round(r["cv_macro_f1"], 4) for r in results},
        "l2": best["l2"], "min_count": best["min_count"], "iterations": _ITERATIONS,
        "held_out_macro_f1": round(ho_f1, 4),
        "n_train": len(rows), "n_held_out": int(held.sum()),
        "provenance": ("Trained by mediakit (python -m mediakit.actors train) on NewsMTSC train.jsonl only; "
                       "weights and feature names are mediakit's own; valence features use VADER's lexicon "
                       "(MIT licence). No corpus text is stored."),
        "vocabulary": vocab,
    }
    if out_dir is not None:
        out = Path(out_dir)
        np.savez_compressed(out / MODEL_FILE, W=w.astype(np.float32))
        (out / VOCABULARY_FILE).write_text(json.dumps(meta, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        if verbose:
            print(f"wrote {out / MODEL_FILE} ({len(vocab)} features) and {out / VOCABULARY_FILE}")
    return meta
