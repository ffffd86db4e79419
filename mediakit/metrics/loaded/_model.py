"""The shipped loaded-language model: candidate terms, their categories, scores and default flags.

The model is a table of candidate terms (the codebook ``mediakit/lexicons/loaded_words.yaml``,
the ``markers`` lexicon's subjective, intensifier and hedge words, and VADER's sentiment words)
with a score in [0, 1] per term (a logistic regression over term features trained on BASIL
2010-2014 lexical-bias spans: :mod:`mediakit.metrics.loaded._train`) and a flag saying whether
the term is flagged by default (the selection tuned on the same years). It is stored in
``mediakit/resources/loaded_model.npz`` (NumPy arrays, no pickles) and compiled at first use
into one :class:`mediakit.lexicon.Lexicon` whose families are the categories.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ...lexicon import IGNORE_FAMILY, Lexicon, LexiconSource, load_lexicon

__all__ = [
    "CATEGORIES",
    "MODEL_FILE",
    "LoadedModel",
    "ScoredLexicon",
    "flagged_lexicon",
    "known_scores",
    "load_model",
    "model_lexicon",
    "model_table",
    "read_model",
    "subset",
]

#: The categories of loaded language (the lexicon families), in order; see docs/loaded_language.md.
CATEGORIES = ("evaluative", "intensifier", "emotional", "derogatory", "attack_verb", "figurative", "hedge",
              "valence")
#: The model file in the package ``mediakit.resources``.
MODEL_FILE = "loaded_model.npz"
_RESOURCES = "mediakit.resources"


@dataclass(frozen=True)
class LoadedModel:
    """The shipped model: terms with category, source, score and default flag.

    Attributes
    ----------
    terms, categories, sources : numpy.ndarray of str
        One entry per candidate term (``sources``: ``codebook``, ``markers`` or ``vader``).
    scores : numpy.ndarray of float
        The term's score in [0, 1].
    default : numpy.ndarray of bool
        Whether the term is flagged by default (``min_score=None``): the selection tuned on
        BASIL 2010-2014 (not commoner than 2% of AllSides articles, ...; see the docs).
    weights : numpy.ndarray
        Logistic-regression weights over ``feature_names`` (kept for inspection).
    feature_names : tuple of str
    ignore : tuple of str
        Phrases matched and dropped (the codebook's ``ignore`` list: "extreme weather").
    """

    terms: np.ndarray
    categories: np.ndarray
    sources: np.ndarray
    scores: np.ndarray
    default: np.ndarray
    weights: np.ndarray
    feature_names: tuple[str, ...]
    ignore: tuple[str, ...] = ()

    def frame(self) -> pd.DataFrame:
        """The terms as a table: ``term``, ``category``, ``source``, ``score``."""
        return pd.DataFrame({"term": self.terms, "category": self.categories, "source": self.sources,
                             "score": self.scores, "default": self.default})


def read_model(data: bytes) -> LoadedModel:
    """Read a model from the bytes of an ``.npz`` file (no pickles)."""
    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        return LoadedModel(
            terms=z["terms"].astype(str), categories=z["categories"].astype(str), sources=z["sources"].astype(str),
            scores=z["scores"].astype(np.float64), default=z["default"].astype(bool),
            weights=z["weights"].astype(np.float64), feature_names=tuple(z["feature_names"].astype(str).tolist()),
            ignore=tuple(z["ignore"].astype(str).tolist()) if "ignore" in z.files else ())


@lru_cache(maxsize=1)
def load_model() -> LoadedModel:
    """Return the shipped model (read once from package data, offline).

    Examples
    --------
    >>> model = load_model()
    >>> set(model.categories) <= set(CATEGORIES), 0.0 <= float(model.scores.min()) <= float(model.scores.max()) <= 1.0
    (True, True)
    """
    return read_model(resources.files(_RESOURCES).joinpath(MODEL_FILE).read_bytes())


@dataclass(frozen=True)
class ScoredLexicon:
    """A lexicon whose families are categories, with one score and one default flag per term
    (same order as ``lexicon.terms``)."""

    lexicon: Lexicon
    scores: np.ndarray
    default: np.ndarray


def _table(terms: Any, categories: Any, sources: Any, ignore: Sequence[str]) -> pd.DataFrame:
    """A lexicon table (``family, variant, term``) with the ignore phrases as ``_ignore`` rows."""
    rows = pd.DataFrame({"family": categories, "variant": sources, "term": terms})
    ign = pd.DataFrame({"family": IGNORE_FAMILY, "variant": "ignore", "term": list(ignore)})
    return pd.concat([rows, ign], ignore_index=True) if len(ign) else rows


def model_table(model: LoadedModel) -> pd.DataFrame:
    """The model's terms and ignore phrases as a lexicon table (for :func:`mediakit.lexicon.load_lexicon`)."""
    return _table(model.terms, model.categories, model.sources, model.ignore)


@lru_cache(maxsize=1)
def _shipped() -> ScoredLexicon:
    model = load_model()
    lex = load_lexicon(model_table(model))
    return ScoredLexicon(lex, *known_scores(lex, model))


@lru_cache(maxsize=8)
def _shipped_flagged(min_score: float | None) -> ScoredLexicon:
    model = load_model()
    keep = model.default if min_score is None else model.scores >= min_score
    lex = load_lexicon(_table(model.terms[keep], model.categories[keep], model.sources[keep], model.ignore))
    scores, _ = known_scores(lex, model)
    return ScoredLexicon(lex, scores, np.ones(len(lex.terms), dtype=bool))


def subset(scored: ScoredLexicon, min_score: float | None) -> ScoredLexicon:
    """Only the terms flagged (by default, or from ``min_score``): a smaller, faster matcher."""
    keep = scored.default if min_score is None else scored.scores >= min_score
    terms = [t for t, k in zip(scored.lexicon.terms, keep, strict=True) if k]
    lex = load_lexicon(_table([t.term for t in terms], [t.family for t in terms], [t.variant for t in terms],
                              scored.lexicon.ignore))
    score_of = {t.term: float(s) for t, s in zip(scored.lexicon.terms, scored.scores, strict=True)}
    scores = np.array([score_of[t.term] for t in lex.terms], dtype=np.float64)
    return ScoredLexicon(lex, scores, np.ones(len(lex.terms), dtype=bool))


def flagged_lexicon(lexicon: LexiconSource = None, *, extend: bool = False,
                    min_score: float | None = None) -> ScoredLexicon:
    """The terms that :func:`mediakit.metrics.loaded.loaded_words` flags, as a scored lexicon.

    ``min_score`` None: the model's default selection; a number: every term scoring at least
    that. ``lexicon`` and ``extend`` as in :func:`model_lexicon`.

    Examples
    --------
    >>> len(flagged_lexicon().lexicon.terms) < len(model_lexicon().lexicon.terms)
    True
    """
    if lexicon is None:
        return _shipped_flagged(min_score)
    return subset(model_lexicon(lexicon, extend=extend), min_score)


def known_scores(lex: Lexicon, model: LoadedModel) -> tuple[np.ndarray, np.ndarray]:
    """Scores and default flags of ``lex``'s terms: the model's, else 1.0 and True."""
    score_of = dict(zip(model.terms.tolist(), model.scores.tolist(), strict=True))
    default_of = dict(zip(model.terms.tolist(), model.default.tolist(), strict=True))
    scores = np.array([score_of.get(t.term, 1.0) for t in lex.terms], dtype=np.float64)
    default = np.array([default_of.get(t.term, True) for t in lex.terms], dtype=bool)
    return scores, default


def model_lexicon(lexicon: LexiconSource = None, *, extend: bool = False) -> ScoredLexicon:
    """The scored lexicon of ``lexicon=``: the shipped model, a user's lexicon, or both.

    A user's lexicon (anything :func:`mediakit.lexicon.load_lexicon` accepts; its families are
    the categories) replaces the model, or with ``extend=True`` is merged over it (a term
    listed by both takes the user's category). A user's term is flagged by default and keeps the
    model's score when the model knows it, else scores 1.0. A lexicon that replaces the model
    scores every term 1.0.

    Examples
    --------
    >>> sl = model_lexicon({"derogatory": {"label": ["nincompoop"]}}, extend=True)
    >>> [t.family for t in sl.lexicon.terms if t.term == "nincompoop"], float(sl.scores[-1])
    (['derogatory'], 1.0)
    """
    shipped = _shipped()
    if lexicon is None:
        return shipped
    user = load_lexicon(lexicon)
    if not extend:
        return ScoredLexicon(user, np.ones(len(user.terms)), np.ones(len(user.terms), dtype=bool))
    frame = user.to_frame(ignore=True)
    base = shipped.lexicon.to_frame(ignore=True)
    base = base[~base["term"].map(_key).isin(set(frame["term"].map(_key)))]
    lex = load_lexicon(pd.concat([base, frame], ignore_index=True))
    scores, default = known_scores(lex, load_model())
    mine = {t.term for t in user.terms}
    default |= np.array([t.term in mine for t in lex.terms], dtype=bool)
    return ScoredLexicon(lex, scores, default)


def _key(term: str) -> str:
    """A term's identity in a lexicon (separators removed, lower case)."""
    return term.replace(" ", "").replace("-", "").lower()
