"""Dask: mediakit's tables on a ``dask.dataframe.DataFrame``, and small aggregates.

The execution layer's Dask side. :func:`analyze`, :func:`word_choice` and
:func:`extract_attributions` return a lazy Dask DataFrame built with ``map_partitions`` and a
declared ``meta`` (:func:`dask_apply`): each partition gives exactly what the pandas
function gives on it. :func:`distinctive_terms` counts n-grams on the cluster
(:func:`term_labels`, :func:`term_cells`) and scores them on the driver with the pandas
code. :func:`group_stats` and :func:`variant_counts` compute per-group sufficient
statistics and counts on the cluster and bring back only small tables (they take pandas
DataFrames too).

``mediakit.analyze`` & co. send Dask DataFrames here (see ``mediakit._dispatch``); this
package imports the pandas core, never the other way round. Dask itself is imported only
when a Dask object is passed in: ``import mediakit`` never imports it.
"""

from .._validation import is_dask_frame
from ._aggregates import group_stats, variant_counts
from ._apply import analyze, dask_apply, extract_attributions, word_choice
from ._terms import distinctive_terms, term_cells, term_labels

__all__ = ["analyze", "word_choice", "extract_attributions", "distinctive_terms", "group_stats",
           "variant_counts", "dask_apply", "term_labels", "term_cells", "is_dask_frame"]
