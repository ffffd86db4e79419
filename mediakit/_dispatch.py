"""Public entry points that take a pandas or a Dask DataFrame.

Each function here has the signature and docstring of the pandas function it wraps
(:func:`functools.wraps`): a pandas DataFrame goes to the pandas core
(:mod:`mediakit.metrics`, :mod:`mediakit.compare`), a ``dask.dataframe.DataFrame`` to its
Dask version in :mod:`mediakit.dask`. This is the only place where the two meet: the pandas
core never imports the Dask layer. Dask is detected without importing it
(:func:`mediakit._validation.is_dask_frame`), so ``import mediakit`` never imports Dask.
:func:`group_stats` and :func:`variant_counts` take either kind of frame themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

import pandas as pd

from ._validation import is_dask_frame
from .compare import distinctive_terms as distinctive_terms_frame
from .dask import analyze as analyze_dask
from .dask import distinctive_terms as distinctive_terms_dask
from .dask import extract_attributions as extract_attributions_dask
from .dask import group_stats, variant_counts
from .dask import word_choice as word_choice_dask
from .metrics.analyze import analyze as analyze_frame
from .metrics.attribution import extract_attributions as extract_attributions_frame
from .metrics.word_choice import word_choice as word_choice_frame

__all__ = ["analyze", "word_choice", "extract_attributions", "distinctive_terms", "group_stats",
           "variant_counts"]

F = TypeVar("F", bound=Callable[..., Any])


def dispatching(core: F, on_dask: Callable[..., Any]) -> F:
    """``core`` for pandas DataFrames, ``on_dask`` for Dask DataFrames (the first argument decides).

    The result carries ``core``'s name, signature and docstring, and lives in this module
    (so that it pickles by reference; the doctests of the docstring run here too, with this
    module's globals, ``pd`` included).

    Examples
    --------
    >>> import pandas as pd
    >>> first = dispatching(lambda articles: "pandas", lambda articles: "dask")
    >>> first(pd.DataFrame())
    'pandas'
    """
    @functools.wraps(core)
    def entry(articles: pd.DataFrame, *args: Any, **kwargs: Any) -> Any:  # or a Dask DataFrame
        if is_dask_frame(articles):
            return on_dask(articles, *args, **kwargs)
        return core(articles, *args, **kwargs)

    entry.__module__ = __name__
    entry.__qualname__ = core.__name__
    return cast(F, entry)


analyze = dispatching(analyze_frame, analyze_dask)
word_choice = dispatching(word_choice_frame, word_choice_dask)
extract_attributions = dispatching(extract_attributions_frame, extract_attributions_dask)
distinctive_terms = dispatching(distinctive_terms_frame, distinctive_terms_dask)
