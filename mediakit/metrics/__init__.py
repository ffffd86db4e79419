"""Article-level framing metrics: readability, sentiment and tone, word choice, attribution.

One module per metric family, each wrapping at most one third-party metric library:

- :mod:`mediakit.metrics.readability`: textstat's formulas, offline and fast (textstat, Pyphen
  and the CMU dictionary are read in the private ``_textstat`` module; textstat is never modified);
- :mod:`mediakit.metrics.sentiment`: VADER per sentence and a GDELT-style tone (vaderSentiment
  is wrapped by the private ``_vader`` module);
- :mod:`mediakit.metrics.word_choice`: lexicon matches and per-article rates;
- :mod:`mediakit.metrics.loaded`: loaded language (a codebook of loaded words, scored, in or out of quotations);
- :mod:`mediakit.metrics.attribution`: who is quoted, and how;
- :mod:`mediakit.metrics.analyze`: all families in one call, on one core or many.

The modules ``readability``, ``sentiment``, ``word_choice`` and ``analyze`` share their names
with their main functions, so those four functions are reached through their modules (or from
:mod:`mediakit`: ``mediakit.readability`` ...); every other public name is re-exported here.
Everything here works on pandas DataFrames; Dask versions live in the execution layer.
"""

from .analyze import FAMILIES, METADATA_COLUMNS
from .attribution import ATTRIBUTION_COLUMNS, attribution_metrics, extract_attributions
from .loaded import CATEGORIES as LOADED_CATEGORIES
from .loaded import LOADED_COLUMNS, loaded_rates, loaded_words
from .readability import (
    READABILITY_COLUMNS,
    READABILITY_COUNTS,
    READABILITY_FORMULAS,
    clear_caches,
    ensure_offline_cmudict,
    readability_scores,
)
from .sentiment import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    SENTENCE_COLUMNS,
    SENTIMENT_COLUMNS,
    sentence_sentiment,
    sentences,
    tone,
)
from .word_choice import MARKERS_LEXICON, MATCH_COLUMNS, PARTS, word_choice_metrics

__all__ = [
    "LOADED_CATEGORIES",
    "LOADED_COLUMNS",
    "loaded_rates",
    "loaded_words",
    # the modules (their main functions share their names)
    "analyze",
    "attribution",
    "readability",
    "sentiment",
    "word_choice",
    # analyze
    "FAMILIES",
    "METADATA_COLUMNS",
    # readability
    "READABILITY_COLUMNS",
    "READABILITY_COUNTS",
    "READABILITY_FORMULAS",
    "clear_caches",
    "ensure_offline_cmudict",
    "readability_scores",
    # sentiment
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "SENTENCE_COLUMNS",
    "SENTIMENT_COLUMNS",
    "sentence_sentiment",
    "sentences",
    "tone",
    # word choice
    "MARKERS_LEXICON",
    "MATCH_COLUMNS",
    "PARTS",
    "word_choice_metrics",
    # attribution
    "ATTRIBUTION_COLUMNS",
    "attribution_metrics",
    "extract_attributions",
]
