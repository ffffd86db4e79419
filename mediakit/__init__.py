"""mediakit: measure how news outlets frame events.

Load articles into one tidy DataFrame, compute framing metrics per article,
sentence and outlet (word choice, sentiment, readability), and compare outlets.
Nothing runs at import: lexicons, textstat and VADER are loaded on first use; matplotlib's
pyplot and Dask only when charts or Dask frames are used. The code behind these names lives in
private modules of its layer (docs/architecture.md); this module only re-exports it.
"""

import logging

from . import datasets

from ._dispatch import analyze, distinctive_terms, extract_attributions, group_stats, variant_counts, word_choice
from ._labels import column_label
from ._validation import MissingColumnError
from ._version import __version__ as __version__
from .actors import actor_label_summary, actor_labels, actor_sentiment
from .compare import (
    Comparison,
    attention,
    compare,
    find_framing_differences,
    kwic,
    partisan_balance,
    source_shares,
)
from .dedup import flag_duplicates
from .lexicon import Lexicon, available_lexicons, load_lexicon
from .loaders import ArticleLoadError, iter_articles, load_articles, load_errors
from .metrics.attribution import attribution_metrics
from .metrics.loaded import loaded_words
from .metrics.readability import readability
from .metrics.sentiment import sentences, sentiment
from .metrics.word_choice import word_choice_metrics
from .outlets import normalize_outlet, outlet_from_url, registered_domain
from .schema import ARTICLE_COLUMNS, empty_articles, validate_articles
from .stream import StreamConfigError, analyze_stream, read_parts
from .text import LeftOutWarning, detect_language, detect_languages, split_sentences

__all__ = [
    # loading
    "load_articles",
    "iter_articles",
    "load_errors",
    "ArticleLoadError",
    "flag_duplicates",
    "normalize_outlet",
    "outlet_from_url",
    "registered_domain",
    "datasets",
    "ARTICLE_COLUMNS",
    "empty_articles",
    "validate_articles",
    "MissingColumnError",
    # metrics
    "analyze",
    "sentences",
    "sentiment",
    "readability",
    "word_choice",
    "word_choice_metrics",
    "loaded_words",
    "split_sentences",
    "detect_language",
    "detect_languages",
    "LeftOutWarning",
    "extract_attributions",
    "attribution_metrics",
    # streaming (mediakit.stream) and Dask
    "analyze_stream",
    "read_parts",
    "StreamConfigError",
    "group_stats",
    "variant_counts",
    # comparing outlets
    "compare",
    "Comparison",
    "distinctive_terms",
    "kwic",
    "attention",
    "source_shares",
    "partisan_balance",
    "find_framing_differences",
    "actor_labels",
    "actor_label_summary",
    "actor_sentiment",
    # charts (loaded on first use)
    "column_label",
    "plot",
    "save_figure",
    # lexicons
    "Lexicon",
    "load_lexicon",
    "available_lexicons",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> object:
    """``mediakit.plot`` and ``mediakit.save_figure`` load matplotlib's pyplot on first use only."""
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    if name == "save_figure":
        from .export import save_figure

        return save_figure
    raise AttributeError(f"module 'mediakit' has no attribute {name!r}")
