"""Streaming: corpora larger than memory, analysed chunk by chunk into partitioned Parquet.

:func:`analyze_stream` takes any iterable of article DataFrames (for example
:func:`mediakit.iter_articles` or ``mediakit.datasets.load_allsides(chunksize=...)``) and
writes each chunk's tables as one Parquet part per table (``out/metrics/part-00000.parquet``,
...), atomically, with a manifest (``out/_manifest.json``) that lets an interrupted run
resume without redoing finished chunks. Work goes to one process, a pool of processes kept
alive across chunks (``n_jobs``), or a Dask cluster (``scheduler``); results are identical
and in the same order whichever is used.

Modules: ``_job`` (:func:`analyze_stream` and its steps), ``_manifest`` (the output folder,
resume, :func:`read_parts`), ``_part_texts`` (:class:`PartTexts`: the articles' texts read from the parts when
asked, :func:`read_without_texts`: the articles without them), ``_work`` (the work of one piece), ``_arrow`` (Arrow conversion
and IPC), ``_executors`` (this process, a process pool, a Dask cluster), ``_corpus``
(:func:`analyze_corpus_streaming`), ``_memory`` and ``_settings`` (the environment variables
read, documented there: ``MEDIAKIT_WORKER_MEMORY_MB``).
"""

from ._corpus import analyze_corpus_streaming
from ._executors import LOOPBACK_CONFIG, loopback_cluster
from ._job import StreamResult, analyze_stream
from ._manifest import DEFAULT_TABLES, MANIFEST, TABLES, StreamConfigError, part_paths, read_parts
from ._part_texts import PartTexts, read_without_texts
from ._settings import WORKER_MEMORY
from ._work import with_languages

__all__ = ["analyze_stream", "analyze_corpus_streaming", "read_parts", "part_paths", "PartTexts", "read_without_texts", "StreamResult", "with_languages",
           "StreamConfigError", "TABLES", "DEFAULT_TABLES", "MANIFEST", "WORKER_MEMORY", "LOOPBACK_CONFIG", "loopback_cluster"]
