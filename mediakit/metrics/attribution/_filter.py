"""Stage 5b: a learned filter over the candidate attributions (issue 15, precision on any prose).

The rules of the earlier stages propose candidates; a small logistic regression scores each one
(:func:`candidate_score`: p(the candidate is a true attribution)) from the features of
:func:`mediakit.metrics.attribution._filter_features.candidate_features`, and :func:`filter_attributions`
drops those below the shipped threshold. The features include the document's register
(:func:`mediakit.metrics.attribution._register.document_register`, read once per document), and so does the
threshold: a document of a register named in the model's ``register_thresholds`` (a text that reports no
speech: ``R:said:0``) keeps only the candidates that reach the higher threshold chosen for it in training (the
lowest at which the training candidates of such documents are kept at the precision the issue asks, 0.90). The weights were
trained on PolNeAR train (``python -m mediakit.metrics.attribution.train_filter``, :mod:`._filter_train`): each
candidate of the extractor labelled true when the scorer's matching (content coverage >= 0.3) pairs it with a
gold attribution; and on the labelled candidates of web pages that are not the evaluation gold
(:mod:`._filter_web`). They ship as ``mediakit/resources/attribution_filter.json`` (one weight per feature name,
the threshold, the training figures), read once. Scoring is a dozen dictionary look-ups and a sum per
candidate.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ._document import Attr, Doc
from ._filter_features import (CLAUSE, PARTS, around_names, candidate_features, clear_feature_caches,
                               content_clause, early_parts, feature_parts)
from ._register import Register, document_register

__all__ = ["FILTER_FILE", "KEPT_FRAMES", "FilterModel", "load_filter", "candidate_score", "filter_attributions",
           "clear_filter_caches"]

#: The shipped weights, threshold and provenance inside ``mediakit/resources``.
FILTER_FILE = "attribution_filter.json"
#: Frames the filter never drops: speaker lines ("Name: ...", "MS. CLINTON: ...", ``_speaker_lines``) are
#: decided by their own evidence (a name, a title, repeated heads), and their short contents and questions
#: are not the signs of a false candidate that they are after a verb of saying.
KEPT_FRAMES = frozenset({"colon", "transcript", "dash"})
#: :meth:`FilterModel.keeps` adds the weights by part, in another order than :meth:`FilterModel.probability`,
#: which may change the last bit of the sum: within this of the threshold it decides with the exact sum.
_MARGIN = 1e-9
#: :meth:`FilterModel.keeps` decides before reading every part when the parts read, and the least or the most
#: that the others can add, are beyond this of the threshold's log-odds (far beyond the rounding of the sums).
_Z_MARGIN = 1e-6
#: The parts that :func:`._filter_features.early_parts` reads whole (all but the words around the cue and the
#: content's clause shape).
_EARLY = (0, 2, 3, 4, 5, 7, 8, 9)
#: The name families of the words around the cue (:data:`._filter_features.AROUND`); in those of the second
#: tuple the cue lemma comes first ("LB1s:say|det").
_AROUND_FAMILIES = ("B1:", "B1s:", "B2s:", "A1:", "A1s:")
_AROUND_BY_LEMMA = ("LA1s:", "LB1s:")
#: The weight sums kept per part (:meth:`FilterModel.parts_probability`) are forgotten beyond this many keys.
_MAX_SUMS = 1 << 16


@dataclass(frozen=True)
class FilterModel:
    """A binary logistic regression over named features, and the threshold that keeps a candidate.

    ``sums`` keeps, per part of the features (:func:`._filter_features.feature_parts`), the weight sum of each
    key seen, so the weights must not change after the model scored a candidate.

    ``register_thresholds`` maps register feature names (``"R:said:0"``, :meth:`Register.features`) to a higher
    threshold for the documents of that register (:meth:`threshold_for`).

    Examples
    --------
    >>> m = FilterModel({"bias": 0.0, "L:say": 2.0}, 0.5, {}, {"R:said:0": 0.7})
    >>> round(m.probability(["bias", "L:say"]), 3), round(m.probability(["bias"]), 3)
    (0.881, 0.5)
    >>> m.threshold_for(Register(0, 0, 0, 0)), m.threshold_for(Register(0, 2, 0, 0))
    (0.7, 0.5)
    """

    weights: dict[str, float]
    threshold: float
    meta: dict[str, Any]
    register_thresholds: dict[str, float] = field(default_factory=dict)
    #: per part of :data:`._filter_features.PARTS`, the weight sum of the names of each key seen
    sums: list[dict[tuple[Any, ...], float]] = field(default_factory=lambda: [{} for _ in PARTS], repr=False,
                                                     compare=False)
    #: the least and the most the words around the cue can add, per cue lemma (:meth:`around_bounds`)
    around: dict[str, tuple[float, float]] = field(default_factory=dict, repr=False, compare=False)
    #: per cue lemma, the least and the most that the two parts :meth:`keeps` may leave unread add together
    open_bounds: dict[str, tuple[float, float]] = field(default_factory=dict, repr=False, compare=False)

    def threshold_for(self, register: Register) -> float:
        """The threshold for a document of this register: the highest of the model's threshold and those of
        ``register_thresholds`` whose register names the document has."""
        t = self.threshold
        if self.register_thresholds:
            for name in register.features():
                t = max(t, self.register_thresholds.get(name, t))
        return t

    def probability(self, features: list[str]) -> float:
        """p(true attribution) of a candidate with these feature names (unknown names weigh 0)."""
        return _sigmoid(self._sum(features))

    def parts_probability(self, parts: tuple[tuple[Any, ...], ...]) -> float:
        """:meth:`probability` of the features of these parts (:func:`._filter_features.feature_parts`), with
        one weight sum per key (read once); equal to it but for the last bit of the sum."""
        z = 0.0
        for i, (names, part) in enumerate(zip(PARTS, parts, strict=True)):
            z += self._sum(part) if names is None else self._part_sum(i, part)  # the names themselves: no memo
        return _sigmoid(z)

    def keeps(self, doc: Doc, a: Attr, register: Register, threshold: float) -> bool:
        """``probability(candidate_features(doc, a, register)) >= threshold``, read faster.

        The parts but the words around the cue and the content's clause shape are read first
        (:func:`._filter_features.early_parts`); when their sum and the least (most) that the two left out can add
        is above (below) the threshold, that decides. Else every part is read (:meth:`parts_probability`; the
        exact sum when it is within :data:`_MARGIN` of the threshold).
        """
        if 1e-6 < threshold < 1.0 - 1e-6:  # a log-odds to compare with
            parts = early_parts(doc, a, register)
            z = 0.0
            sums = self.sums
            for i in _EARLY:
                s = sums[i].get(parts[i])  # the commonest case read here, without a call
                z += s if s is not None else self._part_sum(i, parts[i])
            lemma, clause = parts[CLAUSE]
            if clause is None:  # clause or phrase: the content's first words not read
                lo, hi = self.open_bounds.get(lemma) or self._open_bounds(lemma)
            else:
                clause_sum = self._part_sum(CLAUSE, parts[CLAUSE])
                around_lo, around_hi = self.around_bounds(lemma)
                lo, hi = clause_sum + around_lo, clause_sum + around_hi
            zt = math.log(threshold / (1.0 - threshold))
            if z + lo > zt + _Z_MARGIN:
                return True
            if z + hi < zt - _Z_MARGIN:
                return False
            if clause is not None:
                z += clause_sum
            else:
                z += self._part_sum(CLAUSE, (lemma, content_clause(doc.text, a.content)))
            p = _sigmoid(z + self._sum(around_names(doc, a)))
        else:
            p = self.parts_probability(feature_parts(doc, a, register))
        if abs(p - threshold) < _MARGIN:
            p = self.probability(candidate_features(doc, a, register))
        return p >= threshold

    def _part_sum(self, i: int, part: tuple[Any, ...]) -> float:
        """The weight sum of the names of part ``i`` with this key (read once; :data:`PARTS`)."""
        sums = self.sums[i]
        s = sums.get(part)
        if s is None:
            if len(sums) >= _MAX_SUMS:
                sums.clear()
            names = PARTS[i]
            s = sums[part] = self._sum(part if names is None else names(*part))
        return s

    def _open_bounds(self, lemma: str) -> tuple[float, float]:
        """The least and the most that the content's clause shape and the words around a cue of this lemma can
        add together (kept per lemma: the clause shape's two sums and :meth:`around_bounds`)."""
        clause_lo = self._part_sum(CLAUSE, (lemma, "clause"))
        clause_hi = self._part_sum(CLAUSE, (lemma, "phrase"))
        if clause_lo > clause_hi:
            clause_lo, clause_hi = clause_hi, clause_lo
        around_lo, around_hi = self.around_bounds(lemma)
        bounds = self.open_bounds[lemma] = (clause_lo + around_lo, clause_hi + around_hi)
        return bounds

    def around_bounds(self, lemma: str) -> tuple[float, float]:
        """The least and the most that the names of the words around a cue of this lemma can add (unknown
        names weigh 0), from a table read once from the weights (:func:`_around_table`)."""
        if not self.around:
            self.around.update(_around_table(self.weights))
        return self.around.get(lemma) or self.around[""]

    def _sum(self, names: list[str] | tuple[str, ...]) -> float:
        """The weights of these names added in order (unknown names weigh 0)."""
        get = self.weights.get
        z = 0.0
        for name in names:
            z += get(name, 0.0)
        return z

    def clear(self) -> None:
        """Forget the weight sums per key."""
        for sums in self.sums:
            sums.clear()
        self.open_bounds.clear()


def _around_table(weights: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Per cue lemma (and ``""`` for a lemma of no name of its own), the least and the most that the names of
    the words around a cue can add: per family (:data:`_AROUND_FAMILIES`, :data:`_AROUND_BY_LEMMA`), the least
    and the most of its weights and 0 (a word of no weight)."""
    lo = dict.fromkeys(_AROUND_FAMILIES, 0.0)
    hi = dict(lo)
    by_lemma: dict[str, dict[str, list[float]]] = {}  # lemma -> family -> [least, most]
    for name, w in weights.items():
        family, colon, rest = name.partition(":")
        family += colon
        if family in lo:
            lo[family] = min(lo[family], w)
            hi[family] = max(hi[family], w)
        elif family in _AROUND_BY_LEMMA:
            bounds = by_lemma.setdefault(rest.rpartition("|")[0], {}).setdefault(family, [0.0, 0.0])
            bounds[0] = min(bounds[0], w)
            bounds[1] = max(bounds[1], w)
    base_lo, base_hi = sum(lo.values()), sum(hi.values())
    table = {"": (base_lo, base_hi)}
    for lemma, families in by_lemma.items():
        table[lemma] = (base_lo + sum(b[0] for b in families.values()),
                        base_hi + sum(b[1] for b in families.values()))
    return table


def _sigmoid(z: float) -> float:
    if z < -35.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def load_filter() -> FilterModel:
    """The shipped filter (read once from ``mediakit/resources`` with importlib.resources, offline).

    Examples
    --------
    >>> 0.0 < load_filter().threshold < 1.0
    True
    """
    raw = resources.files("mediakit.resources").joinpath(FILTER_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    by_register = {str(k): float(v) for k, v in data.get("register_thresholds", {}).items()}
    return FilterModel(weights, float(data["threshold"]),
                       {k: v for k, v in data.items() if k != "weights"}, by_register)


def candidate_score(doc: Doc, a: Attr, model: FilterModel | None = None) -> float:
    """p(true attribution) of candidate ``a`` under ``model`` (default: the shipped filter)."""
    m = model if model is not None else load_filter()
    return m.probability(candidate_features(doc, a))


def filter_attributions(doc: Doc, attrs: list[Attr], *, model: FilterModel | None = None,
                        threshold: float | None = None) -> list[Attr]:
    """The candidates of ``attrs`` whose score reaches the threshold (and the speaker lines of
    :data:`KEPT_FRAMES`), in their order.

    The threshold is the model's for the document's register (:meth:`FilterModel.threshold_for`), unless
    ``threshold`` is given: then it holds for every document.

    Parameters
    ----------
    doc : Doc
        The prepared document.
    attrs : list of Attr
        Candidate attributions (from :func:`mediakit.metrics.attribution._extract.extract`).
    model : FilterModel, optional
        Default: the shipped filter (:func:`load_filter`).
    threshold : float, optional
        Keep a candidate when its probability is at least this; default the model's threshold for the
        document's register.

    Returns
    -------
    list of Attr

    Examples
    --------
    >>> from ._document import prepare
    >>> doc = prepare("Smith said the plan would fail.")
    >>> a = Attr((6, 10), "say", (0, 5), [(11, 31)], frame="pre", kind="indirect")
    >>> filter_attributions(doc, [a], threshold=0.0) == [a], filter_attributions(doc, [a], threshold=1.01)
    (True, [])
    """
    m = model if model is not None else load_filter()
    if not attrs:
        return []
    register = document_register(doc)  # once per document
    t = m.threshold_for(register) if threshold is None else float(threshold)
    return [a for a in attrs if a.frame in KEPT_FRAMES or m.keeps(doc, a, register, t)]


def clear_filter_caches() -> None:
    """Forget the feature names and weight sums kept per key (benchmarks time what a fresh process pays).

    Examples
    --------
    >>> clear_filter_caches()
    """
    clear_feature_caches()
    if load_filter.cache_info().currsize:
        load_filter().clear()
