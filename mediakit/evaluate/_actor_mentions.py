"""Actor-mention scoring on the shipped gold set (``mediakit/resources/actor_mention_gold.csv``).

The gold set marks every mention of a person in 18 articles (PolNeAR dev and BASIL): *name*
mentions ("Trump", "President Barack Obama") with the label before the name, and *nominal*
mentions ("the former president", "a dotard", "the two men") with the actor they refer to or
``none`` (codebook: ``docs/actor_mentions.md``). :func:`score_actor_mentions` compares the rows of
:func:`mediakit.actor_labels` with it: name-mention recall and pre-name label accuracy, and the
precision and recall of the nominal links (rows with ``label_kind == "nominal"``, and appositive labels
by their own span: the codebook counts "Assad, the ousted leader of Syria," as a description linked to him).
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["load_actor_mention_gold", "actor_mention_gold_articles", "gold_actor_lists", "score_actor_mentions",
           "format_actor_mention_scores", "evaluate_actor_mentions"]

_GOLD_COLUMNS = ["article_id", "corpus", "start", "end", "kind", "actor", "label", "plural", "note"]
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_MAX_ERRORS = 40


def load_actor_mention_gold() -> pd.DataFrame:
    """Load the actor-mention gold set shipped in ``mediakit/resources/actor_mention_gold.csv``.

    Returns
    -------
    DataFrame
        ``article_id``, ``corpus`` ('polnear-dev' or 'basil'), ``start``, ``end`` (Int64
        offsets into the article's ``text`` as loaded by :func:`mediakit.datasets.load_polnear`
        or :func:`mediakit.datasets.load_basil`), ``kind`` ('name' or 'nominal'), ``actor``
        (a name or ``'none'``), ``label`` (pre-name label words, ``""`` when none), ``plural``
        (bool), ``note`` (string).

    Examples
    --------
    >>> gold = load_actor_mention_gold()
    >>> sorted(gold["kind"].unique())
    ['name', 'nominal']
    """
    from .._resources import read_resource_csv

    rows = read_resource_csv("mediakit.resources", "actor_mention_gold.csv")
    df = pd.DataFrame(rows, columns=_GOLD_COLUMNS)
    for col in ("start", "end"):
        df[col] = pd.array([int(v) for v in df[col]], dtype="Int64")
    df["plural"] = df["plural"].astype(str).str.strip().str.lower().eq("yes")
    for col in ("article_id", "corpus", "kind", "actor", "label", "note"):
        df[col] = df[col].fillna("").astype("string")
    return df


def actor_mention_gold_articles(gold: pd.DataFrame, root: Any = None) -> pd.DataFrame:
    """The articles of the gold set (PolNeAR dev and BASIL), in the articles schema.

    Parameters
    ----------
    gold : DataFrame
        The gold set (:func:`load_actor_mention_gold`).
    root : path-like, optional
        The corpora folder holding ``polnear/`` and ``basil/``; default
        :func:`mediakit.datasets.corpora_dir`.

    Returns
    -------
    DataFrame
        ``article_id``, ``outlet``, ``title``, ``text``, ``captions`` and the other
        loader columns shared by both corpora, one row per gold article.
    """
    from pathlib import Path

    from ..datasets import corpora_dir, load_basil, load_polnear

    base = Path(root) if root is not None else corpora_dir()
    corpora = set(gold["corpus"].astype(str))
    frames = []
    if "polnear-dev" in corpora:
        frames.append(load_polnear(base / "polnear", split="dev", progress=False))
    if "basil" in corpora:
        frames.append(load_basil(base / "basil", progress=False))
    if not frames:
        return pd.DataFrame(columns=["article_id", "outlet", "title", "text"])
    common = [c for c in frames[0].columns if all(c in f.columns for f in frames)]
    arts = pd.concat([f[common] for f in frames], ignore_index=True)
    ids = set(gold["article_id"].astype(str))
    return arts.loc[arts["article_id"].astype(str).isin(ids)].reset_index(drop=True)


def gold_actor_lists(gold: pd.DataFrame) -> dict[str, list[str]]:
    """The named actors of each gold article (``actor`` of its name mentions), in order of first mention.

    Examples
    --------
    >>> g = pd.DataFrame({"article_id": ["a", "a", "a"], "kind": ["name", "nominal", "name"],
    ...                   "actor": ["Ted Cruz", "none", "Donald Trump"], "start": [9, 0, 20]})
    >>> gold_actor_lists(g)
    {'a': ['Ted Cruz', 'Donald Trump']}
    """
    out: dict[str, list[str]] = {}
    names = gold[gold["kind"].astype(str) == "name"].sort_values(["article_id", "start"])
    for aid, actor in zip(names["article_id"].astype(str), names["actor"].astype(str), strict=True):
        lst = out.setdefault(aid, [])
        if actor and actor != "none" and actor not in lst:
            lst.append(actor)
    return out


# --------------------------------------------------------------------------- matching helpers

def _clean(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return " ".join(str(value).split())


def _tokens(name: Any) -> list[str]:
    """Lower-case name tokens without punctuation, accents or a generational suffix."""
    text = unicodedata.normalize("NFKD", _clean(name)).encode("ascii", "ignore").decode()
    toks = re.sub(r"[^\w\s-]", " ", text.lower()).split()
    while len(toks) > 1 and toks[-1] in _SUFFIXES:
        toks.pop()
    return toks


def _same_actor(gold_actor: str, pred_actor: str, others: list[str]) -> bool:
    """Loose name match: same surname; first names must agree when another gold actor shares it."""
    g, p = _tokens(gold_actor), _tokens(pred_actor)
    if not g or not p or g[-1] != p[-1]:
        return False
    if len(g) == 1 or len(p) == 1:
        clash = any(_tokens(o)[-1:] == g[-1:] and o != gold_actor for o in others)
        return not clash or g == p
    return g[0] == p[0] or not any(_tokens(o)[-1:] == g[-1:] and o != gold_actor for o in others)


def _norm_label(label: Any) -> str:
    text = _clean(label).replace("\u2019", "'").replace("\u2018", "'").lower()
    return text.strip(" ,")


def _share(num: int, den: int) -> float:
    return num / den if den else float("nan")


def _prediction_table(predicted: pd.DataFrame) -> pd.DataFrame:
    """Body-text rows of ``actor_labels`` output with integer spans and a ``nominal`` flag."""
    need = {"article_id", "actor", "mention_start", "mention_end"}
    if predicted is None or len(predicted) == 0 or not need <= set(predicted.columns):
        return pd.DataFrame({"article_id": pd.Series([], dtype=str), "actor": pd.Series([], dtype=str),
                             "start": pd.Series([], dtype=float), "end": pd.Series([], dtype=float),
                             "label": pd.Series([], dtype=str), "kind": pd.Series([], dtype=str),
                             "mention_id": pd.Series([], dtype=float)})
    df = predicted
    if "part" in df.columns:
        df = df[df["part"].astype(str) == "text"]
    kind = df["label_kind"] if "label_kind" in df.columns else pd.Series([""] * len(df), index=df.index)
    label = df["label"] if "label" in df.columns else pd.Series([""] * len(df), index=df.index)
    mid = df["mention_id"] if "mention_id" in df.columns else pd.Series(range(len(df)), index=df.index)
    table = pd.DataFrame({
        "article_id": df["article_id"].astype(str).to_numpy(),
        "actor": [_clean(a) for a in df["actor"]],
        "start": pd.to_numeric(df["mention_start"], errors="coerce").to_numpy(dtype=float),
        "end": pd.to_numeric(df["mention_end"], errors="coerce").to_numpy(dtype=float),
        "label": [_clean(v) for v in label],
        "kind": [_clean(v) for v in kind],
        "mention_id": pd.to_numeric(mid, errors="coerce").to_numpy(dtype=float),
    })
    return pd.concat([table, _appositive_links(df, table)], ignore_index=True)


def _appositive_links(df: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Appositive labels as nominal links: the codebook counts "Assad, the ousted leader of Syria," as a
    description of the named actor, and actor_labels links it to that actor (span: the label's offsets)."""
    if not {"label_start", "label_end"} <= set(df.columns):
        return table.iloc[:0]
    is_app = (table["kind"] == "appositive").to_numpy()
    starts = pd.to_numeric(df["label_start"], errors="coerce").to_numpy(dtype=float)[is_app]
    ends = pd.to_numeric(df["label_end"], errors="coerce").to_numpy(dtype=float)[is_app]
    out = table[is_app].assign(start=starts, end=ends, kind="nominal")
    return out[np.isfinite(out["start"].to_numpy()) & np.isfinite(out["end"].to_numpy())]


def _overlapping(rows: pd.DataFrame, start: float, end: float) -> pd.DataFrame:
    return rows[(rows["start"].to_numpy() < end) & (rows["end"].to_numpy() > start)]


# --------------------------------------------------------------------------- scoring

def _name_scores(gold: pd.DataFrame, pred: pd.DataFrame, actors: dict[str, list[str]]) -> dict[str, Any]:
    names = pred[pred["kind"] != "nominal"]
    by_art = {a: g for a, g in names.groupby("article_id")}
    g = gold[gold["kind"] == "name"]
    found = any_found = n_lab = lab_ok = lab_found = 0
    missed: list[tuple[str, int, int, str]] = []
    wrong_labels: list[tuple[str, int, int, str, str]] = []
    empty = names.iloc[:0]
    for aid, s, e, actor, label in zip(g["article_id"].astype(str), g["start"], g["end"], g["actor"].astype(str),
                                       g["label"].astype(str), strict=True):
        over = _overlapping(by_art.get(aid, empty), float(s), float(e))
        any_found += int(len(over) > 0)
        same = over[[_same_actor(actor, a, actors.get(aid, [])) for a in over["actor"]]] if len(over) else over
        found += int(len(same) > 0)
        if not len(same):
            missed.append((aid, int(s), int(e), actor))
        if not _norm_label(label):
            continue
        n_lab += 1
        lab_found += int(len(same) > 0)
        got = [lab for lab, k in zip(same["label"], same["kind"], strict=True) if k == "pre-title"]
        ok = any(_norm_label(x) == _norm_label(label) for x in got)
        lab_ok += int(ok)
        if not ok:
            wrong_labels.append((aid, int(s), int(e), label, got[0] if got else ""))
    n = len(g)
    return {"gold": n, "found": found, "found_any_actor": any_found, "recall": _share(found, n),
            "labels": n_lab, "labels_found": lab_found, "labels_correct": lab_ok,
            "label_accuracy": _share(lab_ok, n_lab), "label_accuracy_found": _share(lab_ok, lab_found),
            "missed": missed[:_MAX_ERRORS], "wrong_labels": wrong_labels[:_MAX_ERRORS]}


def _best_gold(gg: pd.DataFrame | None, s: float, e: float, actor: str, others: list[str]) -> int | None:
    """Position in ``gg`` of the gold nominal mention a predicted span matches best (Jaccard; same actor on ties)."""
    if gg is None or not len(gg):
        return None
    gs, ge = gg["s"].to_numpy(), gg["e"].to_numpy()
    inter = np.minimum(ge, e) - np.maximum(gs, s)
    union = np.maximum(ge, e) - np.minimum(gs, s)
    jac = np.where(inter > 0, inter / np.where(union > 0, union, 1.0), 0.0)
    if not (jac > 0).any():
        return None
    same = np.array([a != "none" and _same_actor(a, actor, others) for a in gg["actor"].astype(str)])
    return int(np.lexsort((-same.astype(float), -jac))[0])


def _nominal_scores(gold: pd.DataFrame, pred: pd.DataFrame, actors: dict[str, list[str]]) -> dict[str, Any]:
    nom = pred[pred["kind"] == "nominal"].drop_duplicates(["article_id", "start", "end", "actor"])
    gnom = gold[gold["kind"] == "nominal"].reset_index(drop=True)
    gnom = gnom.assign(s=gnom["start"].astype(float), e=gnom["end"].astype(float))
    g_by_art = {str(a): x for a, x in gnom.groupby(gnom["article_id"].astype(str))}
    correct = 0
    wrong: list[tuple[str, int, int, str, str]] = []
    hits: dict[Any, list[str]] = {}  # gold row index -> actors of the predicted links matched to it
    for aid, s, e, actor in zip(nom["article_id"], nom["start"], nom["end"], nom["actor"], strict=True):
        gg = g_by_art.get(aid)
        best = _best_gold(gg, s, e, actor, actors.get(aid, []))
        if best is None or gg is None:
            wrong.append((aid, int(s), int(e), actor, "(no gold mention)"))
            continue
        row = gg.iloc[best]
        hits.setdefault(gg.index[best], []).append(actor)
        ok = row["actor"] != "none" and _same_actor(str(row["actor"]), actor, actors.get(aid, []))
        correct += int(ok)
        if not ok:
            wrong.append((aid, int(s), int(e), actor, str(row["actor"])))
    linked = n_linkable = none_linked = plural_linked = 0
    missed: list[tuple[str, int, int, str]] = []
    for i, aid, s, e, actor, plural in zip(gnom.index, gnom["article_id"].astype(str), gnom["start"], gnom["end"],
                                           gnom["actor"].astype(str), gnom["plural"], strict=True):
        got = hits.get(i, [])
        if actor == "none":
            none_linked += int(bool(got))
        else:
            n_linkable += 1
            ok = any(_same_actor(actor, a, actors.get(aid, [])) for a in got)
            linked += int(ok)
            if not ok:
                missed.append((aid, int(s), int(e), actor))
        plural_linked += int(bool(plural) and bool(got))
    p, r = _share(correct, len(nom)), _share(linked, n_linkable)
    f1 = 2 * p * r / (p + r) if len(nom) and n_linkable and (p + r) > 0 else float("nan")
    return {"gold": len(gnom), "gold_linkable": n_linkable, "predicted": len(nom), "correct": correct,
            "precision": p, "linked": linked, "recall": r, "f1": f1,
            "gold_none": len(gnom) - n_linkable, "none_linked": none_linked,
            "gold_plural": int(gnom["plural"].astype(bool).sum()), "plural_linked": plural_linked,
            "wrong": wrong[:_MAX_ERRORS], "missed": missed[:_MAX_ERRORS]}


def score_actor_mentions(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, Any]:
    """Score :func:`mediakit.actor_labels` rows against the actor-mention gold set.

    Only rows of the body (``part == 'text'`` when the column is present) count. Actor names
    are compared loosely: the same surname, and the same first name when another named actor
    of the article shares the surname ("Obama" = "Barack Obama"; "Bill Clinton" != "Hillary
    Clinton").

    - **Names**: a gold name mention is *found* when a predicted row that is not
      ``label_kind == 'nominal'`` overlaps its span with the right actor; ``recall`` =
      found / gold. **Pre-name labels**: among gold names with a label, the share for which
      a found row has ``label_kind == 'pre-title'`` and the same label (case-insensitive).
    - **Nominal links** (rows with ``label_kind == 'nominal'``, span ``mention_start``/
      ``mention_end``): each predicted link is matched to the gold nominal mention of its
      article that it overlaps best (largest overlap / union; on ties, one of the same actor),
      which handles nested mentions ("the candidate's doctor" / "the candidate").
      ``precision`` = links matched to a gold mention of the same actor / predicted links;
      ``recall`` = gold nominal mentions with an actor that a link to that actor is matched
      to / such gold mentions; ``none_linked`` and ``plural_linked``: gold mentions of no
      named actor, and plural ones, that some link is matched to (wrong links).

    Parameters
    ----------
    predicted : DataFrame
        Output of :func:`mediakit.actor_labels` (``article_id``, ``actor``,
        ``mention_start``, ``mention_end``, ``label``, ``label_kind``; ``part`` optional).
    gold : DataFrame
        :func:`load_actor_mention_gold` or a frame with its columns.

    Returns
    -------
    dict
        ``{"names": {...}, "nominal": {...}, "articles": n, "by_corpus": {...}}``; see the keys
        above, plus error lists (``missed``, ``wrong_labels``, ``wrong``; at most 40 each);
        ``by_corpus`` has the main figures per ``corpus`` when the gold has several.

    Examples
    --------
    >>> gold = pd.DataFrame({"article_id": ["a", "a", "a"], "start": [0, 20, 40], "end": [5, 33, 50],
    ...     "kind": ["name", "nominal", "nominal"], "actor": ["Donald Trump", "Donald Trump", "none"],
    ...     "label": ["President", "", ""], "plural": [False, False, True]})
    >>> pred = pd.DataFrame({"article_id": ["a", "a"], "actor": ["Trump", "Donald Trump"],
    ...     "mention_start": [0, 20], "mention_end": [5, 33], "label": ["President", "the president"],
    ...     "label_kind": ["pre-title", "nominal"]})
    >>> s = score_actor_mentions(pred, gold)
    >>> s["names"]["recall"], s["names"]["label_accuracy"], s["nominal"]["precision"], s["nominal"]["recall"]
    (1.0, 1.0, 1.0, 1.0)
    """
    g = gold.copy()
    g["article_id"] = g["article_id"].astype(str)
    g["kind"] = g["kind"].astype(str)
    g["actor"] = [_clean(a) or "none" for a in g["actor"]]
    g["label"] = [_clean(v) for v in (g["label"] if "label" in g.columns else [""] * len(g))]
    if "plural" not in g.columns:
        g["plural"] = False
    g["plural"] = [v is True or str(v).strip().lower() in ("yes", "true", "1") for v in g["plural"]]
    pred = _prediction_table(predicted)
    pred = pred[np.isfinite(pred["start"].to_numpy()) & np.isfinite(pred["end"].to_numpy())]
    actors = gold_actor_lists(g)
    out: dict[str, Any] = {"articles": int(g["article_id"].nunique()), "names": _name_scores(g, pred, actors),
                           "nominal": _nominal_scores(g, pred, actors), "by_corpus": {}}
    if "corpus" in g.columns and g["corpus"].nunique() > 1:
        for corpus, sub in g.groupby(g["corpus"].astype(str), sort=True):
            p = pred[pred["article_id"].isin(set(sub["article_id"]))]
            n, m = _name_scores(sub, p, actors), _nominal_scores(sub, p, actors)
            out["by_corpus"][corpus] = {"articles": int(sub["article_id"].nunique()), "name_recall": n["recall"],
                                        "label_accuracy": n["label_accuracy"], "nominal_precision": m["precision"],
                                        "nominal_recall": m["recall"]}
    return out


def _fmt(x: float) -> str:
    return "  n/a" if x != x else f"{x:.3f}"


def format_actor_mention_scores(scores: dict[str, Any], errors: int = 0) -> str:
    """A short text table of :func:`score_actor_mentions` output (``errors``: list that many errors)."""
    n, m = scores["names"], scores["nominal"]
    lines = [
        f"name mentions: recall {_fmt(n['recall'])} ({n['found']}/{n['gold']} found with the right actor; "
        f"{n['found_any_actor']} overlapped by any actor)",
        f"pre-name labels: accuracy {_fmt(n['label_accuracy'])} ({n['labels_correct']}/{n['labels']}; "
        f"{_fmt(n['label_accuracy_found'])} among the {n['labels_found']} found)",
        f"nominal links: precision {_fmt(m['precision'])} ({m['correct']}/{m['predicted']}), "
        f"recall {_fmt(m['recall'])} ({m['linked']}/{m['gold_linkable']}), F1 {_fmt(m['f1'])}",
        f"wrongly linked: {m['none_linked']}/{m['gold_none']} 'none' mentions, "
        f"{m['plural_linked']}/{m['gold_plural']} plural mentions",
    ]
    for corpus, c in scores.get("by_corpus", {}).items():
        lines.append(f"  {corpus} ({c['articles']} articles): name recall {_fmt(c['name_recall'])}, "
                     f"label accuracy {_fmt(c['label_accuracy'])}, nominal precision {_fmt(c['nominal_precision'])}, "
                     f"recall {_fmt(c['nominal_recall'])}")
    if errors > 0:
        for title, key, part in (("missed names", "missed", n), ("wrong pre-name labels", "wrong_labels", n),
                                 ("wrong nominal links", "wrong", m), ("missed nominal links", "missed", m)):
            if part[key]:
                lines.append(f"{title}:")
                lines.extend(f"  {row}" for row in part[key][:errors])
    return "\n".join(lines)


def evaluate_actor_mentions(root: Any = None, *, gold_actors: bool = False,
                            labeler: Callable[..., pd.DataFrame] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run :func:`mediakit.actor_labels` on the gold articles and score it.

    Parameters
    ----------
    root : path-like, optional
        The corpora folder (``polnear/``, ``basil/``); default :func:`mediakit.datasets.corpora_dir`.
    gold_actors : bool, default False
        False: ``actor_labels`` finds the actors itself (``actors=None``). True: it is run
        article by article with that article's gold actors (``actors=`` the names), so that
        linking is measured apart from actor discovery.
    labeler : callable, optional
        Called as ``labeler(articles, actors)`` instead of :func:`mediakit.actor_labels`
        (for tests and for comparing another labeller); default ``actor_labels``.

    Returns
    -------
    (dict, dict)
        The scores (:func:`score_actor_mentions`) and info: ``articles``, ``gold``,
        ``predicted`` (rows), ``seconds``, ``actors`` ('found' or 'gold').
    """
    from ..actors import actor_labels

    label: Callable[..., pd.DataFrame] = labeler if labeler is not None else actor_labels
    gold = load_actor_mention_gold()
    arts = actor_mention_gold_articles(gold, root=root)
    t0 = time.perf_counter()
    if gold_actors:
        lists = gold_actor_lists(gold)
        parts = [label(arts.iloc[[i]], lists[str(aid)])
                 for i, aid in enumerate(arts["article_id"]) if lists.get(str(aid))]
        pred = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    else:
        pred = label(arts, None)
    secs = time.perf_counter() - t0
    info = {"articles": len(arts), "gold": len(gold), "predicted": len(pred), "seconds": secs,
            "actors": "gold" if gold_actors else "found"}
    return score_actor_mentions(pred, gold), info
