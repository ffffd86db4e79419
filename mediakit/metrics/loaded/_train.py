"""Train and evaluate the loaded-language model on BASIL (``python -m mediakit.metrics.loaded``).

Data: only ``../shared`` through :func:`mediakit.datasets.corpora_dir` — BASIL 2010-2014
articles and phrase-level annotations for training (``bias == 'lex'`` spans are the positives;
every other match, informational spans included, is contrast), BASIL 2015-2016 for the dev
figures only, and the first 4,000 AllSides articles for each term's document frequency.
Deterministic (no randomness).

Two parts, both fitted on the training years only:

- **score** (0-1): a logistic regression (NumPy, L2, Newton steps) over term features (category,
  VADER |valence|, AllSides document frequency, shape) predicting whether a match of the term
  lies in a lexical-bias span; it ranks matches and serves ``min_score=``.
- **default selection**: which candidates are flagged when ``min_score`` is None. A small grid
  (maximum document frequency, whether hedges/intensifiers and VADER-only words count) chosen
  by word F1 + 0.5 x article Spearman on the training years.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from ...lexicon import Lexicon, load_lexicon, prepare
from ...text import WORD_RE, count_words, split_sentences
from .._vader import vader_analyzer
from ._model import CATEGORIES, MODEL_FILE, LoadedModel, ScoredLexicon, known_scores, model_table, subset

__all__ = ["DEV_YEARS", "TRAIN_YEARS", "candidate_table", "evaluate_dev", "evaluate_flags", "save_model", "train_model"]

TRAIN_YEARS = (2010, 2011, 2012, 2013, 2014)
DEV_YEARS = (2015, 2016)
_MARKER_CATEGORY = {"subjective": "evaluative", "intensifier": "intensifier", "hedge": "hedge"}
_WORDISH = re.compile(r"[a-z][a-z'-]*[a-z]\Z")
#: A span: (start, end, score).
Flags = list[tuple[int, int, float]]


def _key(term: str) -> str:
    """A term's identity in a lexicon (separators removed, lower case)."""
    return term.replace(" ", "").replace("-", "").lower()


def candidate_table() -> pd.DataFrame:
    """Candidate terms: ``term``, ``category``, ``source``, ``vader`` (|valence|, 0 if none).

    Order of precedence for a term listed twice: codebook, markers, VADER.
    """
    book = _codebook().to_frame()
    rows: dict[str, tuple[str, str, str]] = {}  # identity (no separators) -> (term, category, source)
    for fam, term in zip(book["family"], book["term"], strict=True):
        rows.setdefault(_key(term), (term, fam, "codebook"))
    markers = load_lexicon("markers").to_frame()
    for fam, term, cs in zip(markers["family"], markers["term"], markers["case_sensitive"], strict=True):
        if not cs and fam in _MARKER_CATEGORY:
            rows.setdefault(_key(term), (term, _MARKER_CATEGORY[fam], "markers"))
    vader = {k: abs(float(v)) for k, v in vader_analyzer().lexicon.items() if _WORDISH.match(k)}
    for term, v in vader.items():
        if v >= 0.5:
            rows.setdefault(_key(term), (term, "valence", "vader"))
    out = pd.DataFrame(list(rows.values()), columns=["term", "category", "source"])
    out["vader"] = [vader.get(t, 0.0) for t in out["term"]]
    return out


def _codebook() -> Lexicon:
    text = resources.files("mediakit.lexicons").joinpath("loaded_words.yaml").read_text(encoding="utf-8")
    return load_lexicon(yaml.safe_load(text))


def _lexicon(cands: pd.DataFrame) -> Lexicon:
    ign = list(_codebook().ignore)
    return load_lexicon(pd.DataFrame({"family": [*cands["category"], *(["_ignore"] * len(ign))],
                                      "variant": [*cands["source"], *(["ignore"] * len(ign))],
                                      "term": [*cands["term"], *ign]}))


def document_frequency(lex: Lexicon, texts: Sequence[str]) -> np.ndarray:
    """Share of ``texts`` in which each term of ``lex`` occurs."""
    matcher = lex.matcher()
    counts = np.zeros(len(lex.terms), dtype=np.float64)
    for text in texts:
        if text:
            counts[list({i for _, _, i in matcher.find(prepare(text))})] += 1
    return counts / max(len(texts), 1)


def features(cands: pd.DataFrame, df: np.ndarray) -> tuple[np.ndarray, tuple[str, ...]]:
    """The feature matrix of the candidate terms (rows in ``cands`` order)."""
    terms = cands["term"].tolist()
    cols: dict[str, np.ndarray] = {"bias": np.ones(len(terms))}
    for cat in CATEGORIES:
        cols[f"cat_{cat}"] = (cands["category"] == cat).to_numpy(float)
    cols["from_markers"] = (cands["source"] == "markers").to_numpy(float)
    v = cands["vader"].to_numpy(float)
    cols["vader_abs"] = v / 4.0
    cols["in_vader"] = (v > 0).astype(float)
    logdf = np.log10(df + 1e-4)
    cols["log_df"] = (logdf + 4.0) / 4.0
    cols["log_df_sq"] = cols["log_df"] ** 2
    cols["multiword"] = np.array([(" " in t) or ("-" in t) for t in terms], float)
    cols["adverb_ly"] = np.array([t.endswith("ly") for t in terms], float)
    cols["past_ed"] = np.array([t.endswith("ed") for t in terms], float)
    cols["superlative"] = np.array([t.endswith("est") or t.startswith("most ") for t in terms], float)
    names = tuple(cols)
    return np.column_stack([cols[n] for n in names]), names


def fit_logistic(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, steps: int = 30) -> np.ndarray:
    """L2-penalised logistic regression by Newton steps (deterministic); the bias is not penalised."""
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen + 1e-9)
        w -= np.linalg.solve(hess, grad)
    return w


def _gold_spans(ann: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    lex = ann[(ann["bias"] == "lex") & ann["start"].notna()]
    out: dict[str, list[tuple[int, int]]] = {}
    for aid, s, e in zip(lex["article_id"], lex["start"], lex["end"], strict=True):
        out.setdefault(str(aid), []).append((int(s), int(e)))
    return out


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < ge and gs < e for gs, ge in spans)


def match_examples(lex: Lexicon, articles: pd.DataFrame, gold: dict[str, list[tuple[int, int]]]
                   ) -> tuple[np.ndarray, np.ndarray]:
    """(term index, label) of every match of ``lex`` in the articles' bodies."""
    matcher = lex.matcher()
    idx: list[int] = []
    lab: list[int] = []
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        spans = gold.get(str(aid), [])
        for s, e, i in matcher.find(prepare(text or "")):
            idx.append(i)
            lab.append(int(_overlaps(s, e, spans)))
    return np.asarray(idx, dtype=np.int64), np.asarray(lab, dtype=np.float64)


# ----------------------------------------------------------------------------- evaluation


def _rank(a: np.ndarray) -> np.ndarray:
    return pd.Series(a).rank(method="average").to_numpy()


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rank correlation (average ranks for ties)."""
    ra, rb = _rank(np.asarray(a, float)), _rank(np.asarray(b, float))
    if ra.std() == 0 or rb.std() == 0:
        return float("nan")
    return float(np.corrcoef(ra, rb)[0, 1])


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """ROC AUC by the rank-sum formula (ties count half)."""
    y = np.asarray(labels, bool)
    r = _rank(np.asarray(scores, float))
    npos, nneg = int(y.sum()), int((~y).sum())
    if not npos or not nneg:
        return float("nan")
    return float((r[y].sum() - npos * (npos + 1) / 2) / (npos * nneg))


def evaluate_flags(articles: pd.DataFrame, ann: pd.DataFrame, flag: Callable[[str], Flags]) -> dict[str, float]:
    """Word, span, sentence and article figures of a flagger (``text -> [(start, end, score)]``).

    Word level: a body word (:data:`mediakit.text.WORD_RE`) is gold when it overlaps a lexical-bias
    span and predicted when it overlaps a flag. Span recall: share of lexical spans a flag
    overlaps; flag precision: share of flags overlapping a lexical span. Sentence AUC: the sum of
    flag scores separating sentences with a lexical span from those without. Article Spearman:
    flags per 1,000 words against the number (and the rate) of lexical spans.
    """
    gold = _gold_spans(ann)
    tp = fp = fn = 0
    span_hit = span_n = flag_hit = flag_n = 0
    sent_y: list[int] = []
    sent_s: list[float] = []
    rates: list[float] = []
    n_gold: list[int] = []
    gold_rate: list[float] = []
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        text = text or ""
        spans = gold.get(str(aid), [])
        flags = flag(text)
        for m in WORD_RE.finditer(text):
            g, p = _overlaps(m.start(), m.end(), spans), _overlaps(m.start(), m.end(), [f[:2] for f in flags])
            tp, fp, fn = tp + (g and p), fp + (p and not g), fn + (g and not p)
        span_n += len(spans)
        span_hit += sum(_overlaps(s, e, [f[:2] for f in flags]) for s, e in spans)
        flag_n += len(flags)
        flag_hit += sum(_overlaps(s, e, spans) for s, e, _ in flags)
        for sent in split_sentences(text):
            sent_y.append(int(_overlaps(sent.start, sent.end, spans)))
            sent_s.append(sum(sc for s, e, sc in flags if sent.start <= s < sent.end))
        words = max(count_words(text), 1)
        rates.append(1000.0 * len(flags) / words)
        n_gold.append(len(spans))
        gold_rate.append(1000.0 * len(spans) / words)
    prec = tp / max(tp + fp, 1)
    rec = tp / max(tp + fn, 1)
    return {
        "word_precision": prec, "word_recall": rec, "word_f1": 2 * prec * rec / max(prec + rec, 1e-12),
        "span_recall": span_hit / max(span_n, 1), "flag_precision": flag_hit / max(flag_n, 1),
        "sentence_auc": roc_auc(sent_y, sent_s), "spearman_count": spearman(rates, n_gold),
        "spearman_rate": spearman(rates, gold_rate), "articles": float(len(articles)), "lex_spans": float(span_n),
    }


def lexicon_flagger(lex: Lexicon, scores: np.ndarray | None = None, threshold: float = 0.0
                    ) -> Callable[[str], Flags]:
    """A flagger for :func:`evaluate_flags`: the matches of ``lex`` whose score reaches ``threshold``."""
    matcher = lex.matcher()

    def flag(text: str) -> Flags:
        out = [(s, e, 1.0 if scores is None else float(scores[i])) for s, e, i in matcher.find(prepare(text))]
        return [f for f in out if f[2] >= threshold]
    return flag


# ----------------------------------------------------------------------------- training


def _load(years: Sequence[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    from ...datasets import load_basil, load_basil_annotations

    return load_basil(years=list(years), progress=False), load_basil_annotations(years=list(years), progress=False)


def _allsides_texts(limit: int) -> list[str]:
    from ...datasets import load_allsides

    arts = load_allsides(limit=limit)
    return [t if isinstance(t, str) else "" for t in arts["text"]]


_GRID_DF = (0.01, 0.02, 0.03, 0.05)
_GRID_MODE = ("none", "markers_only", "all")
_GRID_VADER = (math.inf, 2.5)


def default_mask(cands: pd.DataFrame, df: np.ndarray, max_df: float, drop: str, min_vader: float) -> np.ndarray:
    """The terms flagged by default: not commoner than ``max_df`` (share of AllSides articles),
    VADER-only terms only from ``min_vader`` |valence|, and hedges/intensifiers dropped
    (``drop``: ``"none"``, ``"markers_only"``: those of the markers lexicon, ``"all"``)."""
    src = cands["source"].to_numpy()
    hedge_int = cands["category"].isin(["hedge", "intensifier"]).to_numpy()
    keep = (df <= max_df) & ((src != "vader") | (cands["vader"].to_numpy() >= min_vader))
    if drop == "all":
        keep &= ~hedge_int
    elif drop == "markers_only":
        keep &= ~(hedge_int & (src == "markers"))
    return keep


def _select(lex: Lexicon, cands: pd.DataFrame, df: np.ndarray, *, verbose: bool
            ) -> tuple[float, float, str, float]:
    """The default selection with the best word F1 + 0.5 x article Spearman on the training years."""
    arts, ann = _load(TRAIN_YEARS)
    best: tuple[float, float, str, float] | None = None
    for max_df in _GRID_DF:
        for drop in _GRID_MODE:
            for min_vader in _GRID_VADER:
                keep = default_mask(cands, df, max_df, drop, min_vader).astype(float)
                res = evaluate_flags(arts, ann, lexicon_flagger(lex, keep, 0.5))
                goal = res["word_f1"] + 0.5 * np.nan_to_num(res["spearman_count"])
                if verbose:
                    print(f"max_df={max_df} drop={drop} min_vader={min_vader} f1={res['word_f1']:.3f} "
                          f"rho={res['spearman_count']:.3f} goal={goal:.3f}")
                if best is None or goal > best[0] + 1e-9:
                    best = (float(goal), max_df, drop, min_vader)
    assert best is not None
    return best


def train_model(*, allsides_limit: int = 4000, l2: float = 10.0, verbose: bool = True
                ) -> tuple[LoadedModel, dict[str, Any]]:
    """Train the model on BASIL 2010-2014 (see the module docstring); return it and its settings."""
    cands = candidate_table()
    lex = _lexicon(cands)
    cands = cands.set_index("term").loc[[t.term for t in lex.terms]].reset_index()
    df = document_frequency(lex, _allsides_texts(allsides_limit))
    x, names = features(cands, df)
    arts, ann = _load(TRAIN_YEARS)
    idx, lab = match_examples(lex, arts, _gold_spans(ann))
    w = fit_logistic(x[idx], lab, l2=l2)
    scores = 1.0 / (1.0 + np.exp(-(x @ w)))
    goal, max_df, drop, min_vader = _select(lex, cands, df, verbose=verbose)
    model = LoadedModel(terms=cands["term"].to_numpy(str), categories=cands["category"].to_numpy(str),
                        sources=cands["source"].to_numpy(str), scores=np.clip(scores, 0.0, 1.0),
                        default=default_mask(cands, df, max_df, drop, min_vader), weights=w, feature_names=names,
                        ignore=lex.ignore)
    return model, {"max_df": max_df, "drop": drop, "min_vader": min_vader, "train_goal": goal, "l2": l2,
                   "allsides_limit": allsides_limit, "flagged_terms": int(model.default.sum())}


def save_model(model: LoadedModel, path: str | Path) -> None:
    """Write ``model`` as an ``.npz`` (plain arrays, no pickles)."""
    np.savez_compressed(path, terms=model.terms, categories=model.categories, sources=model.sources,
                        scores=model.scores.astype(np.float64), default=model.default.astype(bool),
                        ignore=np.array(model.ignore, dtype=str),
                        weights=model.weights, feature_names=np.array(model.feature_names))


def default_model_path() -> Path:
    """Where the shipped model lives in a source checkout."""
    return Path(str(resources.files("mediakit.resources").joinpath(MODEL_FILE)))


def evaluate_dev(model: LoadedModel, years: Sequence[int] = DEV_YEARS) -> pd.DataFrame:
    """Figures of the model and of the baselines on BASIL ``years`` (default the dev years).

    Rows: ``markers_subjective`` (today's list), ``markers_all`` (hedges, intensifiers and
    subjective words), ``codebook`` (the codebook alone, unscored), ``model`` (every candidate
    in the model's default selection).
    """
    arts, ann = _load(years)
    markers = load_lexicon("markers")
    lex = load_lexicon(model_table(model))
    shipped = subset(ScoredLexicon(lex, *known_scores(lex, model)), None)
    flaggers = {
        "markers_subjective": lexicon_flagger(markers.select("subjective")),
        "markers_all": lexicon_flagger(markers),
        "codebook": lexicon_flagger(_codebook()),
        "model": lexicon_flagger(shipped.lexicon, shipped.scores, 0.0),
    }
    rows = {name: evaluate_flags(arts, ann, f) for name, f in flaggers.items()}
    return pd.DataFrame(rows).T
