"""``load_articles``: files, folders, globs -> one tidy articles DataFrame."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from .._progress import progress_bar
from .._validation import check_frame, check_option, is_dask_frame
from ..dedup import flag_duplicates
from ._bodies import check_bodies
from ._corpus_folders import CorpusFolder, combine_frames, read_corpus, warn_unused_options
from ._errors import Collector, LoadReport
from ._frame import to_frame
from ._reader import FileReader
from ._records import resolve_columns
from ._sidecar import apply_sidecars
from ._sources import DEFAULT_MAX_FILE_SIZE, PathLike, expand_sources

__all__ = ["load_articles", "load_errors", "check_load_options"]


def check_load_options(errors: str, max_file_size: Any, outlet: Any, tz: str,
                       columns: Mapping[str, str] | None, *, func: str = "load_articles") -> None:
    """Validate the options of :func:`load_articles` and ``iter_articles`` before any file is read.

    Raises
    ------
    ValueError
        For an unknown ``errors`` mode or time zone, a ``max_file_size`` that is not a
        positive integer, or ``columns=`` keys that are not article fields.
    TypeError
        When ``outlet`` is not a string.
    """
    check_option(errors, ("collect", "raise"), name="errors", func=func)
    if not isinstance(max_file_size, int) or max_file_size <= 0:
        raise ValueError(f"{func}(): max_file_size must be a positive number of bytes, got {max_file_size!r}")
    if outlet is not None and not isinstance(outlet, str):
        raise TypeError(f"{func}(): outlet must be a string, got {type(outlet).__name__}")
    try:
        pd.Timestamp("2000-01-01").tz_localize(tz)
    except Exception as exc:  # pytz, zoneinfo and dateutil each raise their own type
        raise ValueError(f"{func}(): unknown time zone tz={tz!r}") from exc
    resolve_columns([], columns)  # validates the keys of columns= once, for every format


def load_articles(
    source: PathLike | Iterable[PathLike],
    *,
    outlet: str | None = None,
    errors: str = "collect",
    columns: Mapping[str, str] | None = None,
    tz: str = "UTC",
    outlet_aliases: Mapping[str, str] | None = None,
    duplicates: bool = True,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Load news articles from files into one tidy DataFrame, one row per article.

    Parameters
    ----------
    source : path, glob or list of them
        A file, a folder (read recursively), a glob pattern (``"corpus/**/*.json"``),
        or a list of any of these. Formats are detected by content and file ending:
        plain-text pages, HTML pages, JSON (one article or a list), JSONL, CSV/TSV,
        Parquet, each optionally gzip-compressed. Common exports load without a
        column mapping (news-please, Media Cloud, NewsAPI, GDELT, schema.org
        ``NewsArticle`` JSON-LD: see :data:`~mediakit.loaders.FIELD_ALIASES`). A
        research corpus folder (BASIL, PolNeAR, AllSides, recognised by its layout,
        given or below a given folder) is read by its reader in
        :mod:`mediakit.datasets`; see Notes.
    outlet : str, optional
        Outlet of articles whose metadata names none and that have no URL. Precedence:
        the record's own outlet, then its URL's domain (through the shipped table
        ``mediakit/resources/outlet_domains.csv``: ``https://edition.cnn.com/...`` -> "CNN",
        an unknown domain as itself, e.g. "horizont.net"), then ``outlet``, then the folder
        name (``corpus/cnn/a.txt`` -> "cnn").
    errors : {"collect", "raise"}
        ``"collect"`` (default) loads every good article and records each failure in
        ``df.attrs["load_errors"]`` (see :func:`load_errors`), with one summary
        warning; ``"raise"`` raises :class:`ArticleLoadError` at the first failure.
    columns : mapping, optional
        Record field for an article column when the automatic names
        (:data:`~mediakit.loaders.FIELD_ALIASES`) do not find it, e.g.
        ``{"text": "story_body", "outlet": "paper"}``.
    tz : str
        Time zone of naive dates and times (default UTC); ``published`` is UTC.
    outlet_aliases : mapping, optional
        Extra ``{spelling: canonical name}`` pairs for outlet normalisation; a key that is
        a domain (``{"dailyplanet.com": "Daily Planet"}``) adds a domain, and it beats the
        site name an HTML page gives itself.
    duplicates : bool
        Flag exact and near-duplicate texts in ``duplicate_of``/``duplicate_kind``.
    max_file_size : int
        Bytes above which a single-document file (text, HTML, JSON) is refused.
    progress : bool, optional
        Show a progress bar; default: only in a terminal or notebook, never under CI.

    Returns
    -------
    pandas.DataFrame
        One row per article loaded (key column ``article_id``, unique), index 0..n-1:
        the columns of :data:`mediakit.schema.ARTICLE_COLUMNS`, then any extra metadata
        fields found in the records or sidecars. The load problems are in
        ``attrs["load_errors"]`` (see :func:`load_errors`).

    Raises
    ------
    FileNotFoundError
        When a named path does not exist or a pattern matches nothing.
    ArticleLoadError
        With ``errors="raise"``, at the first unreadable file or record.

    Only problems of the input are recorded (bad bytes, unparseable or empty files, files
    too large, unsupported or unreadable); anything else, such as an ImportError from a
    broken install, is raised. A file whose records have no text field loads with its titles
    (or URLs) and one ``no_text`` warning naming the fields it has; text cut short by an API
    (NewsAPI's ``[+N chars]``) is a ``truncated_text`` warning.

    Notes
    -----
    A research corpus folder gives the columns its reader gives
    (:func:`~mediakit.datasets.load_basil`: ``event_id``, ``relative_stance``, ...;
    :func:`~mediakit.datasets.load_polnear` with every split present: ``split``, ``wire``;
    :func:`~mediakit.datasets.load_allsides`: ``topic``, ``bias``), after the articles of
    plain files; the files and lines it skipped are in the load report, and duplicates are
    flagged. ``outlet=`` fills its missing outlets and ``outlet_aliases=`` applies to it;
    ``columns=``, ``tz=``, ``max_file_size=`` and sidecars do not (its reader knows its fields
    and gives dates at midnight UTC): to read such a folder's files as plain files, list them
    (``"basil/articles"``) instead of the folder.

    Examples
    --------
    >>> import mediakit, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Headline\\nBy Jane Doe\\n\\nBody text here.")
    >>> df = mediakit.load_articles(folder, outlet="Daily Planet")
    >>> df.loc[0, ["article_id", "outlet", "title", "byline", "text"]].tolist()
    ['a', 'Daily Planet', 'Headline', 'Jane Doe', 'Body text here.']
    """
    check_load_options(errors, max_file_size, outlet, tz, columns)
    collector = Collector(errors)
    corpora: list[CorpusFolder] = []
    files = expand_sources(source, collector, corpora)
    warn_unused_options(corpora, columns, "load_articles")
    reader = FileReader(columns, collector, max_file_size)
    rows: list[dict[str, Any]] = []
    for path, root in progress_bar(files, desc="Loading articles", unit="file", enabled=progress,
                                   min_items=2):
        rows.extend(reader.read(path, root))  # input problems are recorded; anything else raises
    df = to_frame(rows, outlet=outlet, tz=tz, aliases=outlet_aliases)
    # sidecars (_metadata.csv, _events.csv) at a loaded folder's root add columns to its articles
    df = apply_sidecars(df, [root for _, root in files], collector.add, tz=tz, aliases=outlet_aliases)
    if corpora:
        frames = [df] if len(df) else []
        for corpus in corpora:
            got = read_corpus(corpus, collector.add, outlet=outlet, aliases=outlet_aliases, progress=progress)
            if got is not None:
                frames.append(got)
        df = combine_frames(frames) if frames else df
    check_bodies(df, collector.add, reported=collector.items, titles_only=reader.textless)
    report = LoadReport(tuple(collector.items))
    if duplicates and len(df):
        df = flag_duplicates(df)
    df.attrs["load_errors"] = report
    problems = [e for e in report if e["status"] in ("error", "warning")]
    if problems:
        warnings.warn(f"load_articles: {len(df)} article(s) loaded; {report.summary()}. "
                      "See mediakit.load_errors(df) for the list.", stacklevel=2)
    return df


def load_errors(articles: pd.DataFrame) -> pd.DataFrame:
    """Return the table of load problems recorded on a loaded DataFrame.

    Returns
    -------
    pandas.DataFrame
        One row per problem met while loading (a file or record not loaded, loaded with a
        caveat, or skipped), in the order met. Columns ``source_path``, ``record``
        (``Int64``, <NA> for a whole file), ``status`` (error, warning, skipped), ``kind``
        and ``message``. Empty when there were none (or the frame was not made by
        :func:`load_articles`).

    Raises
    ------
    TypeError
        If ``articles`` is not a pandas (or Dask) DataFrame.

    Examples
    --------
    >>> import pandas as pd
    >>> list(load_errors(pd.DataFrame()).columns)
    ['source_path', 'record', 'status', 'kind', 'message']
    """
    if not is_dask_frame(articles):
        check_frame(articles, func="load_errors")
    report = articles.attrs.get("load_errors") or ()
    if not isinstance(report, (list, tuple)):
        raise TypeError(f"attrs['load_errors'] holds a {type(report).__name__}, not a load report")
    return LoadReport(tuple(report)).to_frame()
