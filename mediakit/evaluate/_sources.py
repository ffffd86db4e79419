"""Source-role scoring on the shipped gold set (``mediakit/resources/source_role_gold.csv``).

The gold set labels every source span of 28 PolNeAR dev articles with a ``role`` of the
codebook in ``docs/sources.md`` (and ``anonymous_kind``, ``party``, ``office``). A gold span is
matched to the predicted attribution of the same article whose source span overlaps it by the
most characters; a gold span with no overlapping prediction is "not found".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["SOURCE_ROLES", "ANONYMOUS_KINDS", "load_source_role_gold", "source_role_gold_articles",
           "score_source_roles", "evaluate_source_roles", "format_source_scores"]

#: The roles of the codebook (docs/sources.md), in its order.
SOURCE_ROLES: tuple[str, ...] = ("politician", "official", "police_military", "legal", "expert", "business",
                                 "advocacy", "citizen", "media", "document", "anonymous", "other", "unknown")
#: The kinds of an anonymous source.
ANONYMOUS_KINDS: tuple[str, ...] = ("official", "insider", "other")

_GOLD_COLUMNS = ["article_id", "source_start", "source_end", "role", "anonymous_kind", "party", "office", "note"]
_NOT_FOUND = "(not found)"
_SHORT = {"politician": "pol", "official": "offl", "police_military": "p/mil", "expert": "exprt",
          "business": "busn", "advocacy": "advoc", "citizen": "citzn", "document": "doc", "anonymous": "anon",
          "unknown": "unkn", _NOT_FOUND: "miss"}
_PARTY_ALIASES = {"democrat": "democratic", "dem": "democratic", "d": "democratic", "gop": "republican",
                  "r": "republican", "rep": "republican", "i": "independent"}


def load_source_role_gold() -> pd.DataFrame:
    """Load the source-role gold set shipped in ``mediakit/resources/source_role_gold.csv``.

    Returns
    -------
    DataFrame
        ``article_id``, ``source_start``, ``source_end`` (Int64 offsets into the
        article's ``text`` as loaded by :func:`mediakit.datasets.load_polnear`),
        ``role``, ``anonymous_kind``, ``party``, ``office``, ``note`` (strings,
        ``""`` when empty).

    Examples
    --------
    >>> gold = load_source_role_gold()
    >>> list(gold.columns[:4])
    ['article_id', 'source_start', 'source_end', 'role']
    >>> bool(gold["role"].isin(SOURCE_ROLES).all())
    True
    """
    from .._resources import read_resource_csv

    rows = read_resource_csv("mediakit.resources", "source_role_gold.csv")
    df = pd.DataFrame(rows, columns=_GOLD_COLUMNS)
    for col in ("source_start", "source_end"):
        df[col] = pd.array([int(v) for v in df[col]], dtype="Int64")
    for col in _GOLD_COLUMNS:
        if col not in ("source_start", "source_end"):
            df[col] = df[col].fillna("").astype("string")
    return df


def source_role_gold_articles(gold: pd.DataFrame, root: Any = None) -> pd.DataFrame:
    """The PolNeAR dev articles of the gold set (``article_id``, ``outlet``, ``text``, ...).

    Parameters
    ----------
    gold : DataFrame
        The gold set (:func:`load_source_role_gold`).
    root : path-like, optional
        The ``polnear`` folder; default ``corpora_dir() / "polnear"``.
    """
    from ..datasets import load_polnear

    dev = load_polnear(root, split="dev", progress=False)
    ids = set(gold["article_id"].astype(str))
    return dev.loc[dev["article_id"].isin(ids)].reset_index(drop=True)


def _clean(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return " ".join(str(value).split())


def _norm_party(value: Any) -> str:
    v = _clean(value).lower().rstrip(".")
    v = v.removesuffix(" party")
    return _PARTY_ALIASES.get(v, v)


def _norm_office(value: Any) -> str:
    v = _clean(value).lower().replace("-", " ").replace(".", "")
    v = v.removeprefix("former ").removeprefix("ex ")
    return " ".join(v.split())


def _best_matches(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[int | None]:
    """For each gold row, the positional index of the predicted row whose source overlaps it most."""
    pred = predicted.reset_index(drop=True)
    starts = pd.to_numeric(pred["source_start"], errors="coerce").to_numpy(dtype=float)
    ends = pd.to_numeric(pred["source_end"], errors="coerce").to_numpy(dtype=float)
    by_article: dict[str, np.ndarray] = {
        str(a): np.asarray(idx) for a, idx in pred.groupby(pred["article_id"].astype(str)).indices.items()}
    out: list[int | None] = []
    for aid, gs, ge in zip(gold["article_id"].astype(str), gold["source_start"], gold["source_end"], strict=True):
        idx = by_article.get(aid)
        if idx is None or len(idx) == 0:
            out.append(None)
            continue
        overlap = np.minimum(ends[idx], float(ge)) - np.maximum(starts[idx], float(gs))
        overlap = np.where(np.isnan(overlap), -1.0, overlap)
        best = int(np.argmax(overlap))
        out.append(int(idx[best]) if overlap[best] > 0 else None)
    return out


def _share(num: int, den: int) -> float:
    return num / den if den else float("nan")


def _column(pred: pd.DataFrame, col: str, rows: list[int | None]) -> list[str]:
    values = pred[col].tolist() if col in pred.columns else [""] * len(pred)
    return [_clean(values[i]) if i is not None else "" for i in rows]


def _attribute_scores(g: pd.DataFrame, found: np.ndarray, predicted: list[str], col: str,
                      norm: Callable[[Any], str]) -> dict[str, Any]:
    """Accuracy of one attribute among found gold rows whose gold value is not empty."""
    want = [norm(v) for v in g[col]]
    keep = [i for i, w in enumerate(want) if w and found[i]]
    correct = sum(norm(predicted[i]) == want[i] for i in keep)
    return {"n": len(keep), "correct": int(correct), "accuracy": _share(int(correct), len(keep))}


def _group_scores(is_found: np.ndarray, ok: np.ndarray) -> dict[str, Any]:
    n, f, c = len(ok), int(is_found.sum()), int(ok.sum())
    return {"gold": n, "found": f, "correct": c, "role_accuracy": _share(c, n), "role_accuracy_found": _share(c, f)}


def score_source_roles(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, Any]:
    """Role, party and office accuracy of predicted attributions against the source-role gold set.

    Each gold span is matched to the predicted attribution of the same article
    whose ``source_start``/``source_end`` overlaps it by the most characters
    (ties: the first in ``predicted``); none overlapping means not found. Roles
    are compared exactly; parties ignoring case, a trailing "Party" and common
    abbreviations ("D", "GOP"); offices ignoring case, hyphens, dots and a leading
    "former". Party and office accuracies count found gold rows with a gold value.

    Parameters
    ----------
    predicted : DataFrame
        :func:`mediakit.extract_attributions` output: ``article_id``,
        ``source_start``, ``source_end``, ``source_role``; optional ``party``,
        ``office``, ``anonymous_kind``.
    gold : DataFrame
        :func:`load_source_role_gold` (an ``outlet`` column, when present, gives
        per-outlet scores).

    Returns
    -------
    dict
        ``gold``, ``found``, ``role_correct``, ``role_accuracy`` (not found
        counts as wrong), ``role_accuracy_found``, ``majority_baseline`` (share of
        the most frequent gold role), ``party``, ``office``, ``anonymous_kind``
        (each ``{"n", "correct", "accuracy"}``), ``confusion`` (gold role ->
        predicted role -> count, ``"(not found)"`` for misses), ``by_role`` and
        ``by_outlet`` (``{"gold", "found", "correct", "role_accuracy",
        "role_accuracy_found"}``) and ``errors`` (``[article_id, start, end, gold
        role, predicted role]``).

    Examples
    --------
    >>> gold = pd.DataFrame({"article_id": ["a", "a"], "source_start": [0, 10], "source_end": [5, 14],
    ...                      "role": ["politician", "expert"], "anonymous_kind": ["", ""],
    ...                      "party": ["Republican", ""], "office": ["Senator", ""]})
    >>> pred = pd.DataFrame({"article_id": ["a"], "source_start": [0], "source_end": [9],
    ...                      "source_role": ["politician"], "party": ["Republican"], "office": ["senator"]})
    >>> s = score_source_roles(pred, gold)
    >>> s["found"], s["role_accuracy"], s["role_accuracy_found"], s["party"]["accuracy"]
    (1, 0.5, 1.0, 1.0)
    """
    from .._validation import check_columns

    check_columns(predicted, ["article_id", "source_start", "source_end"], func="score_source_roles",
                  name="predicted")
    check_columns(gold, ["article_id", "source_start", "source_end", "role"], func="score_source_roles",
                  name="gold")
    g = gold.reset_index(drop=True)
    pred = predicted.reset_index(drop=True)
    rows = _best_matches(pred, g)
    found = np.array([r is not None for r in rows], dtype=bool)
    want = [_clean(v) for v in g["role"]]
    got = _column(pred, "source_role", rows)
    shown = [p if f else _NOT_FOUND for p, f in zip(got, found, strict=True)]
    ok = np.array([f and p == w for p, w, f in zip(got, want, found, strict=True)], dtype=bool)
    counts = pd.Series(want).value_counts()
    order = sorted(set(want), key=lambda r: (-int(counts[r]), r))
    confusion: dict[str, dict[str, int]] = {r: {} for r in order}
    for w, p in zip(want, shown, strict=True):
        confusion[w][p] = confusion[w].get(p, 0) + 1
    res: dict[str, Any] = {"gold": len(g), "found": int(found.sum()), "role_correct": int(ok.sum()),
                           "role_accuracy": _share(int(ok.sum()), len(g)),
                           "role_accuracy_found": _share(int(ok.sum()), int(found.sum())),
                           "majority_baseline": _share(int(counts.iloc[0]) if len(counts) else 0, len(g))}
    for col, norm in (("party", _norm_party), ("office", _norm_office), ("anonymous_kind", _clean)):
        sub = g if col in g.columns else g.assign(**{col: ""})
        res[col] = _attribute_scores(sub, found, _column(pred, col, rows), col, norm)
    res["confusion"] = confusion
    roles = np.array(want, dtype=object)
    res["by_role"] = {r: _group_scores(found[roles == r], ok[roles == r]) for r in order}
    res["by_outlet"] = {}
    if "outlet" in g.columns:
        outlets = g["outlet"].astype(str).to_numpy()
        for o in sorted(set(outlets)):
            mask = outlets == o
            res["by_outlet"][o] = _group_scores(found[mask], ok[mask])
    res["errors"] = [[str(a), int(s), int(e), w, p] for a, s, e, w, p, k
                     in zip(g["article_id"], g["source_start"], g["source_end"], want, shown, ok,
                                         strict=True) if not k]
    return res


def evaluate_source_roles(root: Any = None, *,
                          extract: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> tuple[dict, dict]:
    """Run the attribution extractor on the gold set's articles and score its source roles.

    Parameters
    ----------
    root : path-like, optional
        The ``polnear`` folder; default ``corpora_dir() / "polnear"``.
    extract : callable, optional
        Articles -> attributions; default :func:`mediakit.metrics.attribution.extract_attributions`.

    Returns
    -------
    (dict, dict)
        The scores of :func:`score_source_roles` (with per-outlet scores) and
        run information (``articles``, ``gold``, ``predicted``, ``seconds``).
    """
    if extract is None:
        from ..metrics.attribution import extract_attributions

        extract = extract_attributions
    gold = load_source_role_gold()
    articles = source_role_gold_articles(gold, root)
    outlet = dict(zip(articles["article_id"].astype(str), articles["outlet"].astype(str), strict=True))
    gold = gold.assign(outlet=[outlet.get(a, "") for a in gold["article_id"].astype(str)])
    t0 = time.perf_counter()
    predicted = extract(articles)
    seconds = time.perf_counter() - t0
    info = {"articles": len(articles), "gold": len(gold), "predicted": len(predicted), "seconds": seconds}
    return score_source_roles(predicted, gold), info


def _f(x: Any) -> str:
    return "    -" if isinstance(x, float) and x != x else (f"{x:.3f}" if isinstance(x, float) else str(x))


def format_source_scores(scores: dict[str, Any], *, errors: int = 0) -> str:
    """Render :func:`score_source_roles` output as text: totals, per role, per outlet, confusion table.

    Parameters
    ----------
    scores : dict
        The result of :func:`score_source_roles`.
    errors : int, default 0
        How many mismatched gold spans to list at the end.

    Examples
    --------
    >>> gold = pd.DataFrame({"article_id": ["a"], "source_start": [0], "source_end": [5],
    ...                      "role": ["politician"]})
    >>> pred = pd.DataFrame({"article_id": ["a"], "source_start": [0], "source_end": [5],
    ...                      "source_role": ["politician"]})
    >>> print(format_source_scores(score_source_roles(pred, gold)).splitlines()[0])
    source roles: 1 gold sources, 1 found; role accuracy 1.000 (among found 1.000; majority baseline 1.000)
    """
    s = scores
    lines = [f"source roles: {s['gold']} gold sources, {s['found']} found; role accuracy "
             f"{_f(s['role_accuracy'])} (among found {_f(s['role_accuracy_found'])}; "
             f"majority baseline {_f(s['majority_baseline'])})"]
    for key in ("party", "office", "anonymous_kind"):
        a = s[key]
        lines.append(f"{key + ' accuracy':<24} {_f(a['accuracy'])}  ({a['correct']}/{a['n']} found gold sources "
                     f"with a gold {key})")
    for title, table in (("role", s["by_role"]), ("outlet", s["by_outlet"])):
        if not table:
            continue
        lines.append(f"{title:<18} {'gold':>5} {'found':>6} {'right':>6} {'acc':>6} {'acc(found)':>10}")
        for name, t in table.items():
            lines.append(f"{name:<18} {t['gold']:>5} {t['found']:>6} {t['correct']:>6} "
                         f"{_f(t['role_accuracy']):>6} {_f(t['role_accuracy_found']):>10}")
    preds = sorted({p for row in s["confusion"].values() for p in row},
                   key=lambda p: (p == _NOT_FOUND, SOURCE_ROLES.index(p) if p in SOURCE_ROLES else 99, p))
    short = [_SHORT.get(p, p[:5]) for p in preds]
    lines.append("confusion (rows: gold role; columns: predicted role, " +
                 ", ".join(f"{a}={p}" for a, p in zip(short, preds, strict=True) if a != p) + ")")
    lines.append(" " * 16 + " ".join(f"{a:>5}" for a in short))
    for w, row in s["confusion"].items():
        lines.append(f"{w:<16}" + " ".join(f"{row.get(p, 0):>5}" for p in preds))
    for aid, start, end, want, got in s["errors"][:errors]:
        lines.append(f"  {aid} [{start}:{end}] gold {want} predicted {got}")
    return "\n".join(lines)
