"""Rank the framing differences between outlets, of every kind, with tests, effect sizes and support.

:func:`find_framing_differences` reads the tables ``mediakit analyze`` already has (word choice,
actor labels, attributions, article metrics, and actor sentiment when computed) and returns one row
per tested difference: competing labels within a lexicon family, labels attached to the same actor,
loaded language in the outlet's own voice, source roles, the partisan balance of quoted
politicians, sentiment toward the same actor. Counts from one article are not independent, so every
test shuffles the outlet among *articles* (within events when they are known); see
:mod:`mediakit.compare._framing_stats` and ``docs/compare.md``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._validation import MissingColumnError, check_columns, check_frame, check_option
from ..metrics.analyze import n_workers
from ._framing_seq import PendingTest, run_tests
from ._framing_jobs import CountJob, ScoreJob
from ._framing_stats import strata_codes
from ._framing_text import OTHERS, difference_sentence, what_text
from ._stats import CORRECTIONS, adjust_pvalues, seeded_rng
from ._style import house_style
from ._tables import FRAMING_COLUMNS, empty_table

__all__ = ["FRAMING_COLUMNS", "FRAMING_INPUT_COLUMNS", "FRAMING_KINDS", "LOADED_METRICS", "MAX_CATEGORIES", "PAIRS_UP_TO",
           "find_framing_differences", "normalize_label"]

#: The kinds of difference, in the order the rows of one rank tie are listed.
FRAMING_KINDS = ("label_share", "actor_label", "loaded_language", "source_role", "partisan", "actor_sentiment")
#: Article metrics read as loaded language in the outlet's own voice (outside quotations).
LOADED_METRICS = ("wc_loaded_per1k",)
#: Categories (variants, labels, roles) kept per subject; rarer ones are pooled as "(other)".
MAX_CATEGORIES = 8
#: Up to this many groups every pair is compared; with more, each group against the others.
PAIRS_UP_TO = 4
#: The columns :func:`find_framing_differences` reads of each table it is given, besides ``article_id``, the
#: group and the event (with the default ``loaded``): a caller may pass only these.
FRAMING_INPUT_COLUMNS = {"word_choice": ("family", "variant", "part"), "actor_labels": ("actor", "label", "label_kind"),
                         "attributions": ("source_role", "party"), "metrics": LOADED_METRICS,
                         "actor_sentiment": ("actor", "mean_score", "n_mentions")}
_POOLED = "(other)"
_NOT_A_FINDING = frozenset({_POOLED, "(none)", "unknown", "other"})
_FUNC = "find_framing_differences"
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class _Setup:
    """The options of one call."""

    by: str
    event: str | None
    min_n: int
    n_perm: int
    n_boot: int
    ci: float
    seed: int | None
    lookup: pd.DataFrame | None  # article_id -> group (and event), from articles=
    pending: list[PendingTest] = field(default_factory=list)  # tests run once every row is known


def normalize_label(label: Any) -> str | None:
    """A label as compared between outlets: lower case, abbreviations spelt out, honorifics dropped.

    "Sen." and "Senator" are one label, "President" and "president" too, "the GOP nominee" and
    "GOP nominee" as well; a bare honorific ("Mr.", "Mrs.") is house style, not framing, and gives
    None. The honorifics and abbreviations are those of ``mediakit/lexicons/house_style.yaml``.

    Examples
    --------
    >>> [normalize_label(x) for x in ("Sen.", "President", "Mr.", "the GOP nominee", None)]
    ['senator', 'president', None, 'gop nominee', None]
    """
    if not isinstance(label, str):
        return None
    style = house_style()
    words = [w.strip(".,;:’'\"") for w in label.casefold().replace("’", "'").split()]
    words = [style.abbreviations.get(w, w) for w in words if w]
    words = [w for w in words if w not in style.honorifics]
    if words and words[0] in _ARTICLES:  # "the GOP nominee" and "GOP nominee" are one label
        words = words[1:]
    return " ".join(words) or None


# =========================================================================== inputs -> long tables


def _frame(df: pd.DataFrame, columns: Sequence[str], name: str, setup: _Setup,
           optional: Sequence[str] = ()) -> pd.DataFrame:
    """``article_id``, ``group``, ``event``, ``columns`` and the ``optional`` columns present of one input
    (group and event joined from ``articles=`` when absent); rows without a group (or event) dropped."""
    df = check_columns(check_frame(df, func=_FUNC, name=name), ["article_id", *columns], func=_FUNC, name=name)
    ids = df["article_id"]
    out = pd.DataFrame({"article_id": ids.to_numpy(dtype=object)}, index=df.index)
    for key, col in (("group", setup.by), ("event", setup.event)):
        if col is None:
            out[key] = None
        elif col in df.columns:
            out[key] = df[col].to_numpy(dtype=object)
        elif setup.lookup is not None and col in setup.lookup.columns:
            out[key] = ids.map(setup.lookup[col]).to_numpy(dtype=object)
        else:
            raise MissingColumnError(_FUNC, [col], name=name, present=df.columns,
                                     hint=f"pass articles= (with article_id and {col}) to join it")
    for c in [*columns, *(c for c in optional if c in df.columns and c not in columns)]:
        out[c] = df[c].to_numpy(dtype=object)
    keep = _present_mask(out["group"].to_numpy(dtype=object)) & _present_mask(out["article_id"].to_numpy(dtype=object))
    if setup.event is not None:
        keep &= _present_mask(out["event"].to_numpy(dtype=object))
    out = out[keep]
    out["group"] = out["group"].map(str)
    return out


def _present(v: Any) -> bool:
    return v is not None and not (isinstance(v, float) and math.isnan(v)) and v is not pd.NA and v is not pd.NaT


def _present_mask(values: np.ndarray) -> np.ndarray:
    """:func:`_present` of every value of an object array: ``pd.isna`` first (C speed; every value
    :func:`_present` rejects is missing to it), then :func:`_present` for the few it calls missing."""
    missing = np.flatnonzero(pd.isna(values))
    keep = np.ones(len(values), dtype=bool)
    keep[missing] = [_present(values[i]) for i in missing]
    return keep


def _label_long(wc: pd.DataFrame, setup: _Setup) -> pd.DataFrame:
    df = _frame(wc, ["family", "variant"], "word_choice", setup, optional=["part"])
    if "part" in df.columns:
        df = df[df["part"].isin(["title", "text"]).to_numpy(dtype=bool)]
    return df.assign(subject=df["family"], category=df["variant"])[["article_id", "group", "event", "subject",
                                                                      "category"]]


def _actor_long(labels: pd.DataFrame, setup: _Setup) -> pd.DataFrame:
    df = _frame(labels, ["actor", "label"], "actor_labels", setup, optional=["label_kind"])
    if "label_kind" in df.columns:  # honorifics are house style, a possessive is no label
        df = df[~df["label_kind"].isin(["honorific", "possessive"]).to_numpy(dtype=bool)]
    codes, uniq = pd.factorize(df["label"].to_numpy(dtype=object))  # each distinct label normalised once
    cat = np.array([*(normalize_label(u) for u in uniq), None], dtype=object)[codes]  # code -1 (missing): None
    df = df.assign(subject=df["actor"], category=cat)
    return df[df["category"].notna()][["article_id", "group", "event", "subject", "category"]]


def _role_long(attrs: pd.DataFrame, setup: _Setup) -> pd.DataFrame:
    df = _frame(attrs, ["source_role"], "attributions", setup)
    role = df["source_role"].map(lambda v: str(v) if _present(v) and str(v) else "(none)")
    return df.assign(subject="source role", category=role)[["article_id", "group", "event", "subject",
                                                              "category"]]


def _party_long(attrs: pd.DataFrame, setup: _Setup) -> pd.DataFrame:
    df = _frame(attrs, ["party"], "attributions", setup, optional=["source_role"])
    if "source_role" in df.columns:
        df = df[df["source_role"].astype(object) == "politician"]
    party = df["party"].map(lambda v: str(v) if _present(v) and str(v) else None)
    df = df.assign(subject="party of quoted politicians", category=party)
    df = df[df["category"].notna()]
    top = list(df["category"].value_counts().index[:2])  # the two main parties
    return df[df["category"].isin(top)][["article_id", "group", "event", "subject", "category"]]


def _metric_long(metrics: pd.DataFrame, columns: Sequence[str], setup: _Setup) -> pd.DataFrame:
    cols = [c for c in columns if c in metrics.columns]
    df = _frame(metrics, cols, "metrics", setup)
    parts = []
    for c in cols:
        v = pd.to_numeric(df[c], errors="coerce")
        parts.append(df.assign(subject=c, value=v.to_numpy(dtype=float), weight=1.0))
    if not parts:
        return pd.DataFrame(columns=["article_id", "group", "event", "subject", "value", "weight"])
    out = pd.concat(parts, ignore_index=True)
    out = out[np.isfinite(out["value"].to_numpy(dtype=float))]
    return out.drop_duplicates(["article_id", "subject"])[["article_id", "group", "event", "subject", "value",
                                                           "weight"]]


def _sentiment_long(sent: pd.DataFrame, setup: _Setup) -> pd.DataFrame:
    df = _frame(sent, ["actor", "mean_score"], "actor_sentiment", setup, optional=["n_mentions"])
    weight = pd.to_numeric(df["n_mentions"], errors="coerce") if "n_mentions" in df.columns \
        else pd.Series(1.0, index=df.index)
    out = df.assign(subject=df["actor"], value=pd.to_numeric(df["mean_score"], errors="coerce").astype(float),
                    weight=weight.fillna(1.0).astype(float))
    out = out[np.isfinite(out["value"].to_numpy(dtype=float))]
    # one value per article and actor: the mean of its rows, weighted by mentions
    out = out.assign(_wv=out["value"] * out["weight"])
    agg = out.groupby(["article_id", "subject"], sort=False).agg(group=("group", "first"), event=("event", "first"),
                                                                  _wv=("_wv", "sum"), weight=("weight", "sum"))
    agg["value"] = np.where(agg["weight"] > 0, agg["_wv"] / agg["weight"].where(agg["weight"] > 0, 1.0), np.nan)
    return agg.reset_index()[["article_id", "group", "event", "subject", "value", "weight"]].dropna(subset=["value"])


# =========================================================================== comparisons


def _comparisons(groups: Sequence[str]) -> list[tuple[str, str | None]]:
    """Every pair (up to :data:`PAIRS_UP_TO` groups), else each group against the others (None)."""
    groups = sorted(groups, key=lambda g: (g.casefold(), g))
    if len(groups) < 2:
        return []
    if len(groups) <= PAIRS_UP_TO:
        return list(itertools.combinations(groups, 2))
    return [(g, None) for g in groups]


def _sides(art_group: np.ndarray, art_event: np.ndarray, a: str, b: str | None,
           within: bool) -> tuple[np.ndarray, np.ndarray]:
    """(articles in the comparison, is in ``a``); within events only events covered by both sides."""
    is_a = art_group == a
    use = (is_a | (art_group == b)) if b is not None else np.ones(len(art_group), dtype=bool)
    if within:
        ev_a = set(art_event[use & is_a].tolist())
        ev_b = set(art_event[use & ~is_a].tolist())
        use &= np.isin(art_event, list(ev_a & ev_b))
    return use, is_a[use]


def _strata(events: np.ndarray, setup: _Setup) -> np.ndarray:
    """The strata of a test's articles (:func:`strata_codes` of their events): one for all without events (the
    events are then all missing, one code; without a pass over them)."""
    return strata_codes(events if setup.event is not None else None, len(events))


def _base_row(kind: str, subject: str, a: str, b: str | None, setup: _Setup, n_ev: int) -> dict[str, Any]:
    return {"kind": kind, "subject": str(subject), "group": a, "other": b if b is not None else OTHERS,
            "within_events": setup.event is not None, "n_events": n_ev if setup.event is not None else 0,
            "test": "permutation (articles shuffled" + (" within events)" if setup.event is not None else ")")}


def _universe(long: pd.DataFrame, setup: _Setup) -> pd.DataFrame:
    """Every article (``article_id``, ``group``, ``event``) that can take part in a within-event shuffle:
    the articles of ``articles=`` and those of the table."""
    own = long.drop_duplicates("article_id")[["article_id", "group", "event"]]
    lk = setup.lookup
    if lk is None or setup.event is None or not {setup.by, setup.event} <= set(lk.columns):
        return own
    u = pd.DataFrame({"article_id": lk.index.to_numpy(dtype=object), "group": lk[setup.by].to_numpy(dtype=object),
                      "event": lk[setup.event].to_numpy(dtype=object)})
    u = u[_present_mask(u["group"].to_numpy(dtype=object)) & _present_mask(u["event"].to_numpy(dtype=object))]
    u["group"] = u["group"].map(str)
    return pd.concat([u, own[~own["article_id"].isin(u["article_id"])]], ignore_index=True)


@dataclass(frozen=True)
class _Articles:
    """Articles as arrays: ids (an index), group and event (as str)."""

    ids: pd.Index
    group: np.ndarray
    event: np.ndarray

    def take(self, mask: np.ndarray) -> _Articles:
        return _Articles(self.ids[mask], self.group[mask], self.event[mask])


def _articles_of(frame: pd.DataFrame) -> _Articles:
    """The articles (first row of each) of a table with ``article_id``, ``group`` and ``event``."""
    first = frame.drop_duplicates("article_id")
    return _Articles(pd.Index(first["article_id"].to_numpy(dtype=object)), first["group"].to_numpy(dtype=object),
                     np.array([str(v) for v in first["event"].tolist()], dtype=object))


def _count_matrix(cat_codes: np.ndarray, cat_names: np.ndarray, rows: np.ndarray,
                  n_rows: int) -> tuple[np.ndarray, list[str]]:
    """Counts per article (row ``rows[i]`` for mention ``i``; -1: left out) and category (the
    :data:`MAX_CATEGORIES` most frequent, the rest pooled as "(other)"), and the category names.

    ``cat_codes`` index ``cat_names``, which are sorted: a tie in frequency goes to the first name."""
    values, inverse, freq = np.unique(cat_codes, return_inverse=True, return_counts=True)
    order = np.lexsort((values, -freq))  # most frequent first, ties by name (codes sort as the names)
    top = [str(cat_names[values[k]]) for k in order[:MAX_CATEGORIES]]
    names = top + ([_POOLED] if len(values) > MAX_CATEGORIES else [])
    col_of = np.full(len(values), len(top), dtype=np.int64)
    col_of[order[:MAX_CATEGORIES]] = np.arange(len(top))
    cols = col_of[inverse.ravel()]
    counts = np.zeros((n_rows, len(names)), dtype=float)
    ok = rows >= 0
    np.add.at(counts, (rows[ok], cols[ok]), 1.0)
    return counts, names


def _first_rows(art_codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The position of each article's first mention (articles in the order they first occur), and
    each mention's article as an index into them."""
    _, first, inverse = np.unique(art_codes, return_index=True, return_inverse=True)
    pos = np.argsort(first, kind="stable")
    rank = np.empty(len(first), dtype=np.int64)
    rank[pos] = np.arange(len(first))
    return first[pos], rank[inverse.ravel()]


def _count_rows(kind: str, long: pd.DataFrame, setup: _Setup, unit: str) -> list[dict[str, Any]]:
    """Rows of the count kinds: a 2 × k table of mentions per subject and comparison.

    Within events, every article of an event where the subject occurs takes part in the shuffle,
    with or without a mention of it (the null: which outlet wrote which article of an event does
    not matter); events where no article mentions the subject change nothing and are left out.
    """
    rows: list[dict[str, Any]] = []
    if long.empty:
        return rows
    universe = _articles_of(_universe(long, setup)) if setup.event is not None else None
    subjects = long["subject"].map(str).to_numpy(dtype=object)
    art_ids = long["article_id"].to_numpy(dtype=object)
    art_codes = pd.factorize(art_ids)[0]
    groups = long["group"].to_numpy(dtype=object)
    # the category names sorted, each mention's code into them (as np.unique gives them, without making a
    # fixed-width string array of every mention: 4 bytes a character of the longest label, ~300 MB for the
    # labels of the whole AllSides file, and a sorted copy)
    cat_codes, cat_names = pd.factorize(long["category"].map(str).to_numpy(dtype=object), sort=True)
    events = np.array([str(v) for v in long["event"].tolist()], dtype=object)
    codes, names_of = pd.factorize(subjects, sort=True)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(names_of) + 1))
    for k, subject in enumerate(names_of):
        idx = order[bounds[k]:bounds[k + 1]]
        if universe is not None:
            meta = universe.take(np.isin(universe.event, np.unique(events[idx].astype(str))))
            at = meta.ids.get_indexer(pd.Index(art_ids[idx]))
        else:  # the subject's articles, as _articles_of(long.iloc[idx]) lists them, without pandas
            first, at = _first_rows(art_codes[idx])
            meta = _Articles(pd.Index(art_ids[idx[first]]), groups[idx[first]], events[idx[first]])
        counts, names = _count_matrix(cat_codes[idx], cat_names, at, len(meta.group))
        for a, b in _comparisons(sorted(set(meta.group.tolist()))):
            use, is_a = _sides(meta.group, meta.event, a, b, setup.event is not None)
            row = _count_row(kind, str(subject), a, b, counts, use, is_a, names, meta.event[use], setup, unit)
            if row["n_mentions_group"] + row["n_mentions_other"] > 0:  # neither side mentions it: no comparison
                rows.append(row)
    return rows


def _count_row(kind: str, subject: str, a: str, b: str | None, counts: np.ndarray, use: np.ndarray,
               is_a: np.ndarray, names: list[str], events: np.ndarray, setup: _Setup, unit: str) -> dict[str, Any]:
    """The row of one comparison of a subject (``counts``: the subject's table, ``use``: the comparison's
    articles in it), and its pending test when supported."""
    row = _base_row(kind, subject, a, b, setup, len(set(events.tolist())))
    table = counts[use]
    ca, cb = table[is_a], table[~is_a]
    ma, mb = ca.sum(axis=1), cb.sum(axis=1)
    n_a, n_b = float(ma.sum()), float(mb.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        share_a, share_b = ca.sum(axis=0) / n_a, cb.sum(axis=0) / n_b
    gap = np.nan_to_num(share_a - share_b, nan=0.0)
    order = np.lexsort((-gap, -np.abs(gap)))  # the largest gap; in a tie, the variant ``a`` uses more
    focus = [int(k) for k in order if names[k] not in _NOT_A_FINDING] or [int(k) for k in order]
    j = focus[0] if focus else -1
    row.update({"variant": names[j] if j >= 0 else None, "unit": unit,
                "value_group": float(share_a[j]) if j >= 0 and n_a else math.nan,
                "value_other": float(share_b[j]) if j >= 0 and n_b else math.nan,
                "n_articles_group": int((ma > 0).sum()), "n_articles_other": int((mb > 0).sum()),
                "n_mentions_group": int(n_a), "n_mentions_other": int(n_b), "effect_measure": "Cramér's V"})
    row["diff"] = row["value_group"] - row["value_other"]
    row["supported"] = bool(min(row["n_articles_group"], row["n_articles_other"], n_a, n_b) >= setup.min_n
                            and len(names) >= 2)
    if row["supported"]:
        # the subject's table and the mask, not their product: the tests of a subject share one table
        job = CountJob(counts, use, is_a, _strata(events, setup), j, setup.n_boot, setup.ci)
        setup.pending.append(PendingTest(row, len(is_a), job.test, job.ci, seeded_rng(setup.seed, kind, subject, a, b)))
    return row


def _score_rows(kind: str, long: pd.DataFrame, setup: _Setup, unit: str) -> list[dict[str, Any]]:
    """Rows of the score kinds: one value per article (and subject)."""
    rows: list[dict[str, Any]] = []
    for subject, sub in long.groupby("subject", sort=True):
        values = sub["value"].to_numpy(dtype=float)
        weights = sub["weight"].to_numpy(dtype=float)
        art_group = sub["group"].to_numpy(dtype=object)
        art_event = sub["event"].map(lambda v: str(v)).to_numpy(dtype=object)
        for a, b in _comparisons(sorted(set(art_group.tolist()))):
            use, is_a = _sides(art_group, art_event, a, b, setup.event is not None)
            x, w, ev = values[use], weights[use], art_event[use]
            row = _base_row(kind, str(subject), a, b, setup, len(set(ev.tolist())))
            row.update({"variant": None, "unit": unit, "effect_measure": "Cliff's delta",
                        "value_group": float(x[is_a].mean()) if is_a.any() else math.nan,
                        "value_other": float(x[~is_a].mean()) if (~is_a).any() else math.nan,
                        "n_articles_group": int(is_a.sum()), "n_articles_other": int((~is_a).sum()),
                        "n_mentions_group": int(w[is_a].sum()), "n_mentions_other": int(w[~is_a].sum())})
            row["diff"] = row["value_group"] - row["value_other"]
            row["supported"] = bool(min(row["n_articles_group"], row["n_articles_other"], row["n_mentions_group"],
                                        row["n_mentions_other"]) >= setup.min_n)
            if row["supported"]:
                setup.pending.append(_score_pending(row, x, is_a, _strata(ev, setup), setup,
                                                   seeded_rng(setup.seed, kind, subject, a, b)))
            rows.append(row)
    return rows


# =========================================================================== the public function


def _score_pending(row: dict[str, Any], x: np.ndarray, is_a: np.ndarray, strata: np.ndarray, setup: _Setup,
                   rng: np.random.Generator) -> PendingTest:
    """The pending test of a score row (difference of means, Cliff's delta) and its CI."""
    job = ScoreJob(x, is_a, strata, setup.n_boot, setup.ci)
    return PendingTest(row, len(is_a), job.test, job.ci, rng)


def _check_options(min_n: Any, alpha: Any, correction: Any, n_perm: Any, n_boot: Any, ci: Any) -> None:
    check_option(correction, CORRECTIONS, name="correction", func=_FUNC)
    for name, value, low in (("min_n", min_n, 1), ("n_perm", n_perm, 0), ("n_boot", n_boot, 0)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise ValueError(f"{_FUNC}(): {name} must be an int >= {low}, got {value!r}")
    for name, value in (("alpha", alpha), ("ci", ci)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 < float(value) < 1.0:
            raise ValueError(f"{_FUNC}(): {name} must be between 0 and 1, got {value!r}")


def _lookup(articles: pd.DataFrame | None, by: str, event: str | None) -> pd.DataFrame | None:
    if articles is None:
        return None
    arts = check_columns(check_frame(articles, func=_FUNC), ["article_id"], func=_FUNC)
    cols = [c for c in dict.fromkeys([by, event]) if c is not None and c in arts.columns]
    return arts.drop_duplicates("article_id").set_index("article_id")[cols]


def find_framing_differences(word_choice: pd.DataFrame | None = None, actor_labels: pd.DataFrame | None = None,
                             attributions: pd.DataFrame | None = None, metrics: pd.DataFrame | None = None,
                             actor_sentiment: pd.DataFrame | None = None, *, articles: pd.DataFrame | None = None,
                             by: str = "outlet", event: str | None = None, min_n: int = 5, alpha: float = 0.05,
                             correction: str | None = "fdr_bh", n_perm: int = 5000, n_boot: int = 1000,
                             ci: float = 0.95, seed: int | None = 0,
                             loaded: Sequence[str] = LOADED_METRICS, n_jobs: int = 1) -> pd.DataFrame:
    """Rank the framing differences between outlets, of every kind, with tests, effect sizes and support.

    Parameters
    ----------
    word_choice : pandas.DataFrame, optional
        :func:`mediakit.word_choice` (``family``, ``variant``; headline and text matches): the share of
        each competing label within a lexicon family (kind ``label_share``).
    actor_labels : pandas.DataFrame, optional
        :func:`mediakit.actor_labels` (``actor``, ``label``): the labels attached to the same actor
        (``actor_label``), lower-cased, abbreviations spelt out ("Sen." = "senator"), bare honorifics
        and possessives left out (:func:`normalize_label`).
    attributions : pandas.DataFrame, optional
        :func:`mediakit.extract_attributions`: source roles (``source_role``) and the party of quoted
        politicians (``partisan``, the two most quoted parties).
    metrics : pandas.DataFrame, optional
        :func:`mediakit.analyze`: the per-article rates in ``loaded`` (``loaded_language``).
    actor_sentiment : pandas.DataFrame, optional
        :func:`mediakit.actor_sentiment` (``actor``, ``mean_score``): sentiment toward the same actor,
        one value per article (``actor_sentiment``).
    articles : pandas.DataFrame, optional
        ``article_id`` with ``by`` and ``event``, joined to the tables that lack them.
    by : str, default 'outlet'
        The group column.
    event : str, optional
        Event column: groups are compared within events (the group is shuffled only among the
        articles of one event; only events both sides covered count).
    min_n : int, default 5
        Minimum support: a difference is tested only with at least ``min_n`` articles and ``min_n``
        mentions (matches, labelled mentions, attributions) on each side; rows below it are
        returned with ``supported=False``, untested and unranked.
    alpha : float, default 0.05
        Significance level of the adjusted p-value.
    correction : {'fdr_bh', 'holm', 'bonferroni', None}, default 'fdr_bh'
        Multiple-comparison correction over every test of the table.
    n_perm, n_boot : int, default 5000, 1000
        Permutations of each test (at most: a test stops early once its decision is settled,
        its p-value surely above or below the significance threshold of the table; see
        :mod:`mediakit.compare._framing_seq`) and bootstrap resamples of each CI.
    ci : float, default 0.95
        Coverage of the CIs.
    seed : int or None, default 0
        Seed: the same seed gives the same table.
    loaded : sequence of str, default :data:`LOADED_METRICS`
        The ``metrics`` columns read as loaded language.
    n_jobs : int, default 1
        Processes for the tests (-1: every core) when they read many articles in all (at least
        :data:`~mediakit.compare._framing_seq.MIN_PARALLEL_ARTICLES`, summed over the tests: a corpus of
        tens of thousands of articles); each test keeps its own generator, so the table is the same
        whatever ``n_jobs``.

    Returns
    -------
    pandas.DataFrame
        :data:`FRAMING_COLUMNS`, one row per subject (family, actor, role, metric) and comparison
        (``group`` against ``other``: a group or "the other outlets" with more than
        :data:`PAIRS_UP_TO` groups): ``variant`` (the category whose share differs most),
        ``value_group`` / ``value_other`` (its shares, or the means), ``diff`` with a bootstrap CI
        (articles resampled), ``effect`` (Cramér's V for counts, Cliff's δ for scores),
        ``n_articles_*`` and ``n_mentions_*``, the test ``statistic`` (χ² or difference of means),
        ``p_value``, ``p_adjusted``, ``significant``, ``supported``, ``within_events``, ``n_events``,
        a plain-words ``sentence``, and ``rank`` (1 = strongest: significant first, then by
        |effect|; missing for unsupported rows, which come last).

    Examples
    --------
    >>> wc = pd.DataFrame({"article_id": [f"a{i}" for i in range(12)], "outlet": ["A"] * 6 + ["B"] * 6,
    ...                    "family": "rulers", "variant": ["regime"] * 6 + ["government"] * 6})
    >>> t = find_framing_differences(wc)
    >>> t.loc[0, ["kind", "group", "other", "variant", "what"]].tolist()
    ['label_share', 'A', 'B', 'regime', '“regime”: 100% vs 0%']
    >>> round(float(t.loc[0, "effect"]), 2), bool(t.loc[0, "p_value"] < 0.01)
    (1.0, True)
    """
    _check_options(min_n, alpha, correction, n_perm, n_boot, ci)
    workers = n_workers(n_jobs, func=_FUNC)
    setup = _Setup(by=by, event=event, min_n=int(min_n), n_perm=int(n_perm), n_boot=int(n_boot), ci=float(ci),
                   seed=seed, lookup=_lookup(articles, by, event))
    rows: list[dict[str, Any]] = []
    if word_choice is not None:
        rows += _count_rows("label_share", _label_long(word_choice, setup), setup, "matches")
    if actor_labels is not None:
        rows += _count_rows("actor_label", _actor_long(actor_labels, setup), setup, "labelled mentions")
    if metrics is not None:
        rows += _score_rows("loaded_language", _metric_long(metrics, loaded, setup), setup, "articles")
    if attributions is not None and "source_role" in attributions.columns:
        rows += _count_rows("source_role", _role_long(attributions, setup), setup, "attributions")
    if attributions is not None and "party" in attributions.columns:
        rows += _count_rows("partisan", _party_long(attributions, setup), setup, "quoted politicians")
    if actor_sentiment is not None:
        rows += _score_rows("actor_sentiment", _sentiment_long(actor_sentiment, setup), setup, "articles")
    run_tests(setup.pending, setup.n_perm, alpha, correction, workers)
    return _ranked(rows, alpha, correction)


def _ranked(rows: list[dict[str, Any]], alpha: float, correction: str | None) -> pd.DataFrame:
    """The table, p-values adjusted over every test, sentences written, strongest first."""
    if not rows:
        return empty_table(FRAMING_COLUMNS).astype({"rank": "Int64", "n_events": "int64"})
    df = pd.DataFrame(rows).reindex(columns=FRAMING_COLUMNS)
    for c in ("diff_ci_low", "diff_ci_high", "effect", "statistic", "p_value"):
        df[c] = pd.to_numeric(df[c], errors="coerce").astype(float)
    df["p_adjusted"] = adjust_pvalues(df["p_value"].where(df["supported"].astype(bool)), correction)
    df["significant"] = (df["p_adjusted"] < alpha).fillna(False).astype(bool)
    df["supported"] = df["supported"].astype(bool)
    df["_tested"] = df["supported"] & df["p_value"].notna()
    df["_abs"] = df["effect"].abs().fillna(0.0)
    df["_kind"] = df["kind"].map({k: i for i, k in enumerate(FRAMING_KINDS)})
    df = df.sort_values(["_tested", "significant", "_abs", "p_value", "_kind", "subject", "group", "other"],
                        ascending=[False, False, False, True, True, True, True, True], kind="mergesort",
                        na_position="last").reset_index(drop=True)
    rank = pd.Series(np.arange(1, len(df) + 1), dtype="Int64")
    df["rank"] = rank.where(df["_tested"].to_numpy(), pd.NA)
    records = df.to_dict("records")  # "what" is read by neither
    df["what"] = [what_text(r) for r in records]
    df["sentence"] = [difference_sentence(r) for r in records]
    return df.drop(columns=["_tested", "_abs", "_kind"])[FRAMING_COLUMNS]
