"""Loaded language: words that judge, dramatise or colour instead of report.

- :func:`loaded_words`: every loaded word or phrase of the articles, with its category
  (:data:`CATEGORIES`), score, negation and quotation context;
- :func:`loaded_rates`: the per-article rates ``analyze`` reports (``wc_loaded_per1k``,
  ``wc_loaded_quote_per1k``);
- :func:`load_model`: the shipped scored lexicon (``mediakit/resources/loaded_model.npz``),
  trained by ``python -m mediakit.metrics.loaded train`` and measured by ``... evaluate``.

Method, codebook, provenance and dev figures: ``docs/loaded_language.md``.
"""

from ._model import CATEGORIES, MODEL_FILE, LoadedModel, ScoredLexicon, flagged_lexicon, load_model, model_lexicon
from ._words import LOADED_COLUMNS, LOADED_PARTS, loaded_rates, loaded_words

__all__ = [
    "CATEGORIES",
    "LOADED_COLUMNS",
    "LOADED_PARTS",
    "MODEL_FILE",
    "LoadedModel",
    "ScoredLexicon",
    "flagged_lexicon",
    "load_model",
    "loaded_rates",
    "loaded_words",
    "model_lexicon",
]
