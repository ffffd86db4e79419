"""PolNeAR attribution scoring: speech cues, matching by content coverage, score tables."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from ..text import LETTER_WORD_RE

__all__ = ["THRESHOLDS", "is_speech_cue", "match_attributions", "score_attributions", "evaluate_polnear",
           "format_scores", "fmt"]

THRESHOLDS: tuple[float, ...] = (0.3, 0.8)
"""Content-coverage thresholds reported by default (lenient and strict)."""

_ACCORDING_RE = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_SCORE_COLUMNS = ["scope", "outlet", "threshold", "gold", "predicted", "tp", "fp", "fn",
                  "precision", "recall", "f1", "speaker_accuracy", "cue_accuracy"]


# --------------------------------------------------------------------------- speech cues


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    from ..metrics.attribution import cue_lexicon

    forms: set[str] = set()
    for entry in cue_lexicon().values():
        if entry["speech"]:
            for form in entry["forms"]:
                forms.update(form.split("_"))
    # particles of multi-word forms ("pointed out", "according to") are not verbs
    return frozenset(forms - {"out", "to", "it", "for", "on", "in", "up"})


def is_speech_cue(cue: Any) -> bool:
    """Return True if ``cue`` is a speech or sourcing cue.

    A cue is a speech cue when one of its words is a form of a verb of saying or
    reporting (the lemmas flagged ``speech: yes`` in ``mediakit/lexicons/cues.yaml``:
    said, told, wrote, reported, announced, asked, insisted, claimed, ...), or when
    it contains "according to". The test is on the cue's words only, so gold and
    predicted cues are filtered the same way.

    Parameters
    ----------
    cue : str or None
        The cue text ("said", "has also said", "said in a statement", ":").

    Returns
    -------
    bool

    Examples
    --------
    >>> [is_speech_cue(c) for c in ["said", "has also told", "According to", "believes", ":", None]]
    [True, True, True, False, False, False]
    """
    if not isinstance(cue, str) or not cue:
        return False
    if _ACCORDING_RE.search(cue):
        return True
    forms = _speech_forms()
    return any(w.lower() in forms for w in LETTER_WORD_RE.findall(cue))


# --------------------------------------------------------------------------- matching


def _spans(value: Any) -> list[tuple[int, int]]:
    """Normalise a spans cell (list of pairs, or NA) to a sorted, merged list of (start, end)."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    try:
        pairs = sorted((int(a), int(b)) for a, b in value if b > a)
    except (TypeError, ValueError):
        return []
    out: list[tuple[int, int]] = []
    for a, b in pairs:
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _single_span(start: Any, end: Any) -> list[tuple[int, int]]:
    if start is None or end is None or start is pd.NA or end is pd.NA:
        return []
    try:
        a, b = int(start), int(end)
    except (TypeError, ValueError):
        return []
    return [(a, b)] if b > a else []


def _intersection(x: list[tuple[int, int]], y: list[tuple[int, int]]) -> int:
    """Characters shared by two sorted, merged interval lists."""
    i = j = total = 0
    while i < len(x) and j < len(y):
        a = max(x[i][0], y[j][0])
        b = min(x[i][1], y[j][1])
        if b > a:
            total += b - a
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    return total


def _length(x: list[tuple[int, int]]) -> int:
    return sum(b - a for a, b in x)


def _role_spans(df: pd.DataFrame, role: str) -> list[list[tuple[int, int]]]:
    """Spans of a role per row: ``<role>_spans`` when present, else ``<role>_start/_end``."""
    col = f"{role}_spans"
    if col in df.columns:
        return [_spans(v) for v in df[col].tolist()]
    return [_single_span(a, b) for a, b in zip(df[f"{role}_start"].tolist(), df[f"{role}_end"].tolist(), strict=True)]


def match_attributions(predicted: pd.DataFrame, gold: pd.DataFrame,
                       threshold: float = 0.3) -> pd.DataFrame:
    """Match predicted to gold attributions by content coverage (greedy, per article).

    For each gold attribution (in order of article, then content start), the
    unmatched prediction of the same article whose content covers the largest
    share of the gold content's characters is taken when that share is at least
    ``threshold``.

    Parameters
    ----------
    predicted, gold : DataFrame
        Attribution tables with ``article_id`` and the content as
        ``content_spans`` (list of ``(start, end)``) or ``content_start`` /
        ``content_end``; likewise ``source_*`` and ``cue_*`` (used for the speaker
        and cue checks). Not modified.
    threshold : float
        Minimum share of the gold content covered (0 < threshold <= 1).

    Returns
    -------
    DataFrame
        One row per gold attribution and one per unmatched prediction:
        ``article_id``, ``gold_index`` and ``pred_index`` (index labels of the
        inputs, NA when absent), ``coverage`` (share of the gold content covered
        by the matched prediction), ``speaker_ok`` and ``cue_ok`` (booleans, NA
        unless matched).

    Examples
    --------
    >>> gold = pd.DataFrame({"article_id": ["a"], "content_spans": [[(0, 10)]],
    ...                      "source_spans": [[(20, 22)]], "cue_spans": [[(23, 27)]]})
    >>> pred = pd.DataFrame({"article_id": ["a", "a"], "content_spans": [[(0, 8)], [(30, 40)]],
    ...                      "source_start": [20, 41], "source_end": [22, 43],
    ...                      "cue_start": [23, 44], "cue_end": [27, 48]})
    >>> m = match_attributions(pred, gold, 0.3)
    >>> m["pred_index"].tolist(), m["gold_index"].tolist(), m["coverage"].tolist()[0], m["speaker_ok"].tolist()
    ([0, 1], [0, <NA>], 0.8, [True, <NA>])
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
    g_content = _role_spans(gold, "content")
    g_source = _role_spans(gold, "source")
    g_cue = _role_spans(gold, "cue")
    p_content = _role_spans(predicted, "content")
    p_source = _role_spans(predicted, "source")
    p_cue = _role_spans(predicted, "cue")
    g_ids = [str(a) for a in gold["article_id"].tolist()]
    p_ids = [str(a) for a in predicted["article_id"].tolist()]
    g_index = list(gold.index)
    p_index = list(predicted.index)

    preds_by_article: dict[str, list[int]] = {}
    for j, aid in enumerate(p_ids):
        preds_by_article.setdefault(aid, []).append(j)
    order = sorted(range(len(g_ids)), key=lambda i: (g_ids[i], g_content[i][0][0] if g_content[i] else -1, i))
    used: set[int] = set()
    rows: list[dict[str, Any]] = []
    for i in order:
        gc = g_content[i]
        glen = _length(gc)
        best, best_cov = -1, 0.0
        if glen:
            for j in preds_by_article.get(g_ids[i], ()):
                if j in used:
                    continue
                cov = _intersection(gc, p_content[j]) / glen
                if cov > best_cov:
                    best, best_cov = j, cov
        if best >= 0 and best_cov >= threshold:
            used.add(best)
            gs, ps = g_source[i], p_source[best]
            speaker_ok = (not gs and not ps) or _intersection(gs, ps) > 0
            cue_ok = _intersection(g_cue[i], p_cue[best]) > 0
            rows.append({"article_id": g_ids[i], "gold_index": g_index[i], "pred_index": p_index[best],
                         "coverage": best_cov, "speaker_ok": speaker_ok, "cue_ok": cue_ok})
        else:
            rows.append({"article_id": g_ids[i], "gold_index": g_index[i], "pred_index": None,
                         "coverage": best_cov if glen else 0.0, "speaker_ok": None, "cue_ok": None})
    for j in range(len(p_ids)):
        if j not in used:
            rows.append({"article_id": p_ids[j], "gold_index": None, "pred_index": p_index[j],
                         "coverage": float("nan"), "speaker_ok": None, "cue_ok": None})
    data: dict[str, Any] = {"article_id": pd.array([r["article_id"] for r in rows], dtype="string")}
    for col in ("gold_index", "pred_index"):
        values = [r[col] for r in rows]
        ints = all(v is None or (isinstance(v, (int,)) and not isinstance(v, bool)) or
                   type(v).__name__.startswith("int") for v in values)
        data[col] = pd.array([None if v is None else int(v) for v in values], dtype="Int64") if ints \
            else pd.array(values, dtype="object")
    data["coverage"] = pd.array([float(r["coverage"]) for r in rows], dtype="float64")
    for col in ("speaker_ok", "cue_ok"):
        data[col] = pd.array([r[col] for r in rows], dtype="boolean")
    return pd.DataFrame(data, columns=["article_id", "gold_index", "pred_index", "coverage", "speaker_ok",
                                       "cue_ok"])


def _summary(m: pd.DataFrame) -> dict[str, Any]:
    gold = int(m["gold_index"].notna().sum())
    matched = m[m["gold_index"].notna() & m["pred_index"].notna()]
    tp = len(matched)
    fp = int((m["gold_index"].isna()).sum())
    pred = tp + fp
    p = tp / pred if pred else float("nan")
    r = tp / gold if gold else float("nan")
    f1 = 2 * p * r / (p + r) if pred and gold and (p + r) > 0 else (0.0 if pred and gold else float("nan"))
    return {"gold": gold, "predicted": pred, "tp": tp, "fp": fp, "fn": gold - tp,
            "precision": p, "recall": r, "f1": f1,
            "speaker_accuracy": float(matched["speaker_ok"].astype(bool).mean()) if tp else float("nan"),
            "cue_accuracy": float(matched["cue_ok"].astype(bool).mean()) if tp else float("nan")}


def score_attributions(predicted: pd.DataFrame, gold: pd.DataFrame, *,
                       thresholds: Sequence[float] = THRESHOLDS,
                       outlets: pd.Series | dict[str, str] | None = None,
                       by_outlet: bool = False) -> pd.DataFrame:
    """Precision, recall, F1, speaker and cue accuracy of predicted against gold attributions.

    Parameters
    ----------
    predicted, gold : DataFrame
        Attribution tables (see :func:`match_attributions`); gold also needs
        ``cue_text`` and predictions ``cue_text`` for the speech-cue scope.
    thresholds : sequence of float
        Content-coverage thresholds to report.
    outlets : Series or dict, optional
        ``article_id`` -> outlet; default: the gold table's ``outlet`` column.
    by_outlet : bool
        Also report every outlet separately.

    Returns
    -------
    DataFrame
        Columns ``scope`` ('all' or 'speech'), ``outlet`` ('all' or the outlet),
        ``threshold``, ``gold``, ``predicted``, ``tp``, ``fp``, ``fn``,
        ``precision``, ``recall``, ``f1``, ``speaker_accuracy``, ``cue_accuracy``.

    Examples
    --------
    >>> gold = pd.DataFrame({"article_id": ["a", "a"], "cue_text": ["said", "believes"],
    ...                      "content_spans": [[(0, 10)], [(50, 60)]],
    ...                      "source_spans": [[(20, 22)], []], "cue_spans": [[(23, 27)], [(45, 49)]]})
    >>> pred = pd.DataFrame({"article_id": ["a"], "cue_text": ["said"], "content_spans": [[(0, 9)]],
    ...                      "source_start": [20], "source_end": [22], "cue_start": [23], "cue_end": [27]})
    >>> s = score_attributions(pred, gold, thresholds=[0.8])
    >>> s[["scope", "gold", "tp", "precision", "recall", "speaker_accuracy"]].to_string(index=False)
    ' scope  gold  tp  precision  recall  speaker_accuracy\\n   all     2   1        1.0     0.5               1.0\\nspeech     1   1        1.0     1.0               1.0'
    """
    if outlets is None:
        outlet_map = dict(zip(gold["article_id"].astype(str), gold["outlet"].astype(str), strict=True)) \
            if "outlet" in gold.columns else {}
    else:
        outlet_map = {str(k): str(v) for k, v in dict(outlets).items()}
    g_speech = gold["cue_text"].map(is_speech_cue).astype(bool)
    p_speech = predicted["cue_text"].map(is_speech_cue).astype(bool)
    rows: list[dict[str, Any]] = []
    for scope, g, p in (("all", gold, predicted), ("speech", gold[g_speech], predicted[p_speech])):
        for thr in thresholds:
            m = match_attributions(p, g, thr)
            rows.append({"scope": scope, "outlet": "all", "threshold": thr, **_summary(m)})
            if by_outlet:
                keys = m["article_id"].astype(str).map(lambda a: outlet_map.get(a, "?"))
                for name in sorted(set(keys)):
                    rows.append({"scope": scope, "outlet": name, "threshold": thr,
                                 **_summary(m[keys == name])})
    out = pd.DataFrame(rows, columns=_SCORE_COLUMNS)
    for col in ("gold", "predicted", "tp", "fp", "fn"):
        out[col] = out[col].astype("int64")
    for col in ("scope", "outlet"):
        out[col] = out[col].astype("string")
    return out


def evaluate_polnear(split: str | Iterable[str] = "dev", *, by_outlet: bool = False,
                     thresholds: Sequence[float] = THRESHOLDS,
                     root: Any = None) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Run the attribution extractor on PolNeAR and score it (see the module docstring).

    Parameters
    ----------
    split : str or iterable of str
        PolNeAR split(s): "train", "dev" (the test split is withheld).
    by_outlet : bool
        Also score each outlet.
    thresholds : sequence of float
        Content-coverage thresholds.
    root : path-like, optional
        The ``polnear`` folder (default: found by :func:`mediakit.datasets.corpora_dir`).

    Returns
    -------
    (DataFrame, dict)
        The scores of :func:`score_attributions`, and facts about the run
        (``articles``, ``gold``, ``predicted``, ``seconds``, ``articles_per_second``).

    Examples
    --------
    >>> scores, info = evaluate_polnear("dev")  # doctest: +SKIP
    >>> scores.query("scope == 'speech' and threshold == 0.3")["f1"].item() > 0.8  # doctest: +SKIP
    True
    """
    from ..datasets import load_polnear, load_polnear_attributions
    from ..metrics.attribution import extract_attributions

    articles = load_polnear(root, split=split)
    gold = load_polnear_attributions(root, split=split)
    t0 = time.perf_counter()
    predicted = extract_attributions(articles)
    seconds = time.perf_counter() - t0
    outlets = dict(zip(articles["article_id"].astype(str), articles["outlet"].astype(str), strict=True))
    scores = score_attributions(predicted, gold, thresholds=thresholds, outlets=outlets,
                                by_outlet=by_outlet)
    splits = [split] if isinstance(split, str) else list(split)
    info = {"splits": splits, "articles": len(articles), "gold": len(gold),
            "predicted": len(predicted), "seconds": seconds,
            "articles_per_second": len(articles) / seconds if seconds > 0 else float("nan")}
    return scores, info


# --------------------------------------------------------------------------- CLI


def fmt(x: Any) -> str:
    if isinstance(x, float):
        return "   -" if x != x else f"{x:.3f}"
    return str(x)


def format_scores(scores: pd.DataFrame) -> str:
    """Render a score table as aligned text (one line per scope, outlet and threshold).

    Examples
    --------
    >>> s = pd.DataFrame([{"scope": "all", "outlet": "all", "threshold": 0.3, "gold": 2,
    ...                    "predicted": 2, "tp": 1, "fp": 1, "fn": 1, "precision": 0.5,
    ...                    "recall": 0.5, "f1": 0.5, "speaker_accuracy": 1.0, "cue_accuracy": 1.0}])
    >>> print(format_scores(s))  # doctest: +NORMALIZE_WHITESPACE
    scope   outlet  overlap  gold  pred   tp  precision  recall     f1  speaker    cue
    all     all         0.3     2     2    1      0.500   0.500  0.500    1.000  1.000
    """
    head = (f"{'scope':<7} {'outlet':<16} {'overlap':>7} {'gold':>5} {'pred':>5} {'tp':>5} "
            f"{'precision':>9} {'recall':>7} {'f1':>6} {'speaker':>8} {'cue':>6}")
    width = max([6] + [len(str(o)) for o in scores["outlet"]])
    head = head.replace(f"{'outlet':<16}", f"{'outlet':<{width}}")
    lines = [head]
    for r in scores.itertuples(index=False):
        lines.append(f"{r.scope:<7} {r.outlet:<{width}} {r.threshold:>7.1f} {r.gold:>5} {r.predicted:>5} "
                     f"{r.tp:>5} {fmt(r.precision):>9} {fmt(r.recall):>7} {fmt(r.f1):>6} "
                     f"{fmt(r.speaker_accuracy):>8} {fmt(r.cue_accuracy):>6}")
    return "\n".join(lines)
