"""mediakit: measure how news outlets frame events."""

import logging

from .dedup import flag_duplicates
from .loaders import ArticleLoadError, load_articles, load_errors
from .outlets import normalize_outlet
from .schema import ARTICLE_COLUMNS, empty_articles, validate_articles

__version__ = "0.1.0"

__all__ = [
    "load_articles",
    "load_errors",
    "ArticleLoadError",
    "flag_duplicates",
    "normalize_outlet",
    "ARTICLE_COLUMNS",
    "empty_articles",
    "validate_articles",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
