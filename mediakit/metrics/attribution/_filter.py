"""Stage 5b: a learned filter over the candidate attributions (issue 15, precision on any prose).

The rules of the earlier stages propose candidates; a small logistic regression scores each one
(:func:`candidate_score`: p(the candidate is a true attribution)) from the features of
:func:`mediakit.metrics.attribution._filter_features.candidate_features`, and :func:`filter_attributions`
drops those below the shipped threshold. The features include the document's register
(:func:`mediakit.metrics.attribution._register.document_register`, read once per document). The weights were
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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ._document import Attr, Doc
from ._filter_features import candidate_features
from ._register import document_register

__all__ = ["FILTER_FILE", "KEPT_FRAMES", "FilterModel", "load_filter", "candidate_score", "filter_attributions"]

#: The shipped weights, threshold and provenance inside ``mediakit/resources``.
FILTER_FILE = "attribution_filter.json"
#: Frames the filter never drops: speaker lines ("Name: ...", "MS. CLINTON: ...", ``_speaker_lines``) are
#: decided by their own evidence (a name, a title, repeated heads), and their short contents and questions
#: are not the signs of a false candidate that they are after a verb of saying.
KEPT_FRAMES = frozenset({"colon", "transcript"})


@dataclass(frozen=True)
class FilterModel:
    """A binary logistic regression over named features, and the threshold that keeps a candidate.

    Examples
    --------
    >>> m = FilterModel({"bias": 0.0, "L:say": 2.0}, 0.5, {})
    >>> round(m.probability(["bias", "L:say"]), 3), round(m.probability(["bias"]), 3)
    (0.881, 0.5)
    """

    weights: dict[str, float]
    threshold: float
    meta: dict[str, Any]

    def probability(self, features: list[str]) -> float:
        """p(true attribution) of a candidate with these feature names (unknown names weigh 0)."""
        w = self.weights
        z = 0.0
        for name in features:
            z += w.get(name, 0.0)
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
    return FilterModel(weights, float(data["threshold"]),
                       {k: v for k, v in data.items() if k != "weights"})


def candidate_score(doc: Doc, a: Attr, model: FilterModel | None = None) -> float:
    """p(true attribution) of candidate ``a`` under ``model`` (default: the shipped filter)."""
    m = model if model is not None else load_filter()
    return m.probability(candidate_features(doc, a))


def filter_attributions(doc: Doc, attrs: list[Attr], *, model: FilterModel | None = None,
                        threshold: float | None = None) -> list[Attr]:
    """The candidates of ``attrs`` whose score reaches the threshold (and the speaker lines of
    :data:`KEPT_FRAMES`), in their order.

    Parameters
    ----------
    doc : Doc
        The prepared document.
    attrs : list of Attr
        Candidate attributions (from :func:`mediakit.metrics.attribution._extract.extract`).
    model : FilterModel, optional
        Default: the shipped filter (:func:`load_filter`).
    threshold : float, optional
        Keep a candidate when its probability is at least this; default the model's threshold.

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
    t = m.threshold if threshold is None else float(threshold)
    if not attrs:
        return []
    register = document_register(doc)  # once per document
    return [a for a in attrs
            if a.frame in KEPT_FRAMES or m.probability(candidate_features(doc, a, register)) >= t]
