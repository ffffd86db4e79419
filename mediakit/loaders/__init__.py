"""Reading articles from files: formats, cleaning, and the error table."""

from ._errors import ArticleLoadError, LoadError, LoadReport
from ._load import load_articles, load_errors
from ._records import EXTRA_FIELD_NAMES, FIELD_ALIASES
from ._sources import SUPPORTED_EXTENSIONS
from ._stream import iter_articles

__all__ = ["load_articles", "iter_articles", "load_errors", "ArticleLoadError", "LoadError", "LoadReport",
           "FIELD_ALIASES", "EXTRA_FIELD_NAMES", "SUPPORTED_EXTENSIONS"]
