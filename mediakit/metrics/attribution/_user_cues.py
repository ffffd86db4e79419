"""The user's own attribution cues: read from a file, a dict or a table, and used for one extraction.

The shipped cue lexicon (``mediakit/lexicons/cues.yaml``) is English news usage. A user studying another
register or a newer vocabulary adds cues in the same format (:func:`read_cue_entries`): a YAML file like the
shipped one (``classes`` and ``cues``), a CSV/TSV file or a DataFrame with one row per lemma or per form, or a
dict. :func:`using_cues` merges them over the shipped lexicon for the duration of a ``with`` block
(:func:`mediakit.metrics.attribution.extract_attributions` does it for its ``cues=`` argument); the per-phrase
caches of the extractor are cleared on the way in and out, so nothing read with one lexicon is reused with
another.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Union

import pandas as pd

from ._extract import clear_caches
from ._lexicon import CUE_FRAMES, set_user_cues, user_cue_classes, user_cue_entries

__all__ = ["CueSource", "CueEntries", "read_cue_entries", "using_cues", "cue_state", "start_worker", "WithCues",
           "carry_cues"]

#: What :func:`read_cue_entries` reads: a path, a mapping or a DataFrame.
CueSource = Union[str, Path, Mapping[str, Any], pd.DataFrame]


class CueEntries(dict[str, dict[str, Any]]):
    """Cue entries by lemma (``{"class", "speech", "frame", "forms"}``, keys left out when not given) and the new
    cue classes they declare (``classes``: name -> description)."""

    classes: dict[str, str]

    def __init__(self, entries: Mapping[str, dict[str, Any]], classes: Mapping[str, str] | None = None) -> None:
        super().__init__(entries)
        self.classes = dict(classes or {})


_SHAPE = ("a cue entry is {class: CLASS, speech: yes|no, frame: FRAME, forms: 'form form ...'} "
          "(the format of mediakit/lexicons/cues.yaml; multi-word forms join their words with '_')")
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n", ""}


def read_cue_entries(source: CueSource) -> CueEntries:
    """Read the user's cue entries.

    Parameters
    ----------
    source : str, path, dict or DataFrame
        - A path to a YAML file in the format of the shipped ``cues.yaml``: ``{cues: {lemma: {class, speech,
          frame, forms}}, classes: {name: description}}`` (``classes`` only for new cue classes), or the
          ``cues`` mapping alone; or to a CSV/TSV file with columns ``lemma`` and ``forms`` and optionally
          ``class``, ``speech``, ``frame`` (one row per lemma, forms space-separated, or one row per form; lines
          starting with ``#`` are comments).
        - The same mapping as a dict, or the table as a DataFrame.

        ``forms`` are the inflected forms (a multi-word form joins its words with ``_``: "fired_back");
        ``class`` one of the classes of ``cues.yaml`` or a new one; ``speech`` marks verbs of saying;
        ``frame`` how much context a match needs (default "any": every match; "object" for most verbs, see
        ``cues.yaml``). A lemma the lexicon has keeps what is not given and gets the forms added.

    Returns
    -------
    CueEntries
        Lemma -> entry, and ``classes``.

    Raises
    ------
    FileNotFoundError
        If a path does not exist.
    ValueError
        If an entry is malformed (the message names it and the expected shape).
    TypeError
        If ``source`` is none of the above.

    Examples
    --------
    >>> cues = read_cue_entries({"slam": {"class": "evaluative", "frame": "object", "forms": "slams slammed"}})
    >>> cues["slam"]
    {'class': 'evaluative', 'frame': 'object', 'forms': ('slams', 'slammed')}
    >>> read_cue_entries(pd.DataFrame({"lemma": ["tout", "tout"], "forms": ["touted", "touts"],
    ...                                "class": ["assertive", "assertive"]}))["tout"]["forms"]
    ('touted', 'touts')
    """
    if isinstance(source, pd.DataFrame):
        return _from_rows(source.to_dict("records"), where="cue table")
    if isinstance(source, Mapping):
        return _from_mapping(source, where="cue dict")
    if isinstance(source, (str, Path)):
        return _from_path(Path(source))
    raise TypeError(f"cues must be a path, a dict or a DataFrame, got {type(source).__name__}")


def _from_path(path: Path) -> CueEntries:
    if not path.is_file():
        raise FileNotFoundError(f"cue file not found: {path}")
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8-sig")
    if suffix in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(text)
        if not isinstance(data, Mapping):
            raise ValueError(f"{path}: expected a mapping of cues; {_SHAPE}")
        return _from_mapping(data, where=str(path))
    if suffix in (".csv", ".tsv"):
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t" if suffix == ".tsv" else ","))
        return _from_rows(rows, where=str(path))
    raise ValueError(f"{path}: unsupported cue file type {suffix!r}; use .yaml, .yml, .csv or .tsv")


def _from_mapping(data: Mapping[str, Any], *, where: str) -> CueEntries:
    classes = data.get("classes") if "cues" in data else None
    cues = data["cues"] if "cues" in data else data
    if not isinstance(cues, Mapping) or (classes is not None and not isinstance(classes, Mapping)):
        raise ValueError(f"{where}: 'cues' must map lemmas to entries and 'classes' names to descriptions; {_SHAPE}")
    out = {str(lemma): _entry(entry, lemma=str(lemma), where=where) for lemma, entry in cues.items()}
    return CueEntries(out, {str(k): str(v) for k, v in (classes or {}).items()})


def _entry(entry: Any, *, lemma: str, where: str) -> dict[str, Any]:
    """One entry checked: known keys, forms as a tuple of words, speech as a bool, a known frame."""
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where}: {lemma}: {_SHAPE}")
    unknown = set(entry) - {"class", "speech", "frame", "forms"}
    if unknown:
        raise ValueError(f"{where}: {lemma}: unknown keys {sorted(unknown)}; {_SHAPE}")
    out: dict[str, Any] = {}
    if entry.get("class") is not None:
        out["class"] = str(entry["class"])
    if "speech" in entry and entry["speech"] is not None:
        out["speech"] = _flag(entry["speech"], lemma=lemma, where=where)
    if entry.get("frame") is not None:
        frame = str(entry["frame"])
        if frame not in CUE_FRAMES:
            raise ValueError(f"{where}: {lemma}: unknown frame {frame!r}; one of {list(CUE_FRAMES)}")
        out["frame"] = frame
    forms = entry.get("forms")
    words = forms.split() if isinstance(forms, str) else forms
    if not isinstance(words, (list, tuple)) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"{where}: {lemma}: forms must be a non-empty string of forms or a list of them; {_SHAPE}")
    out["forms"] = tuple(w.strip() for w in words)
    return out


def _flag(value: Any, *, lemma: str, where: str) -> bool:
    if isinstance(value, bool):
        return value
    low = str(value).strip().lower()
    if low in _TRUE or low in _FALSE:
        return low in _TRUE
    raise ValueError(f"{where}: {lemma}: speech must be yes or no, got {value!r}")


def _from_rows(rows: list[dict[Any, Any]], *, where: str) -> CueEntries:
    """Rows of ``lemma, forms[, class, speech, frame]``: the forms of a lemma's rows together, its other
    columns from its rows that fill them (they must agree)."""
    merged: dict[str, dict[str, Any]] = {}
    for i, raw in enumerate(rows, start=1):
        row = {str(k).strip(): v for k, v in raw.items() if k is not None and not _blank(v)}
        if "lemma" not in row or "forms" not in row:
            raise ValueError(f"{where}: row {i}: needs the columns 'lemma' and 'forms' (and optionally 'class', "
                             f"'speech', 'frame'), got {sorted(row)}")
        lemma = str(row.pop("lemma")).strip()
        entry = _entry(row, lemma=lemma, where=f"{where}: row {i}")
        have = merged.setdefault(lemma, {"forms": ()})
        for key, value in entry.items():
            if key == "forms":
                have["forms"] += tuple(f for f in value if f not in have["forms"])
            elif have.setdefault(key, value) != value:
                raise ValueError(f"{where}: row {i}: {lemma}: {key} {value!r} differs from {have[key]!r} in an "
                                 "earlier row")
    return CueEntries(merged)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip())


@contextmanager
def using_cues(source: CueSource | CueEntries | None) -> Iterator[None]:
    """Extract with the user's cues merged over the shipped lexicon inside the ``with`` block; None: the
    lexicon in use stays. The extractor's per-phrase caches are cleared when the lexicon changes, on the way
    in and out. Not for threads extracting with different lexicons at once (the lexicon is the process's).

    Examples
    --------
    >>> import mediakit.metrics.attribution as attribution
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["The mayor slammed the plan as reckless."]})
    >>> with using_cues({"slam": {"class": "evaluative", "frame": "object", "forms": "slammed"}}):
    ...     attribution.extract_attributions(arts)[["source_text", "cue_text", "cue_class"]].values.tolist()
    [['The mayor', 'slammed', 'evaluative']]
    """
    if source is None:
        yield
        return
    entries = source if isinstance(source, CueEntries) else read_cue_entries(source)
    before = user_cue_entries()
    before_classes = user_cue_classes()
    set_user_cues(entries, entries.classes)
    clear_caches()
    try:
        yield
    finally:
        set_user_cues(before, before_classes)
        clear_caches()


def cue_state() -> tuple[dict[str, dict[str, Any]] | None, tuple[str, ...]]:
    """The user's cues in use in this process and the classes they add (``initargs`` of :func:`start_worker`)."""
    return user_cue_entries(), user_cue_classes()


def start_worker(entries: dict[str, dict[str, Any]] | None = None, classes: tuple[str, ...] = ()) -> None:
    """Initialise a pool worker: the user's cues of the process that started it (:func:`cue_state`; a spawned
    worker would otherwise have the shipped lexicon alone), then :func:`gc.freeze` (what it inherits or loaded
    is never traversed by its collections)."""
    if entries is not None or user_cue_entries() is not None:
        set_user_cues(entries, classes)
        clear_caches()
    gc.freeze()


class WithCues:
    """``fn`` run under the user's cues in use where this was made (:func:`using_cues`), on whatever process
    runs it: a task sent to a cluster's workers, which do not share this process's lexicon. Picklable when
    ``fn`` is.

    Examples
    --------
    >>> from mediakit.metrics.attribution import cue_lexicon
    >>> with using_cues({"opine": {"class": "neutral", "forms": "opined"}}):
    ...     task = WithCues(lambda: "opine" in cue_lexicon())
    >>> task(), "opine" in cue_lexicon()
    (True, False)
    """

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        entries, classes = cue_state()
        self.cues = None if entries is None else CueEntries(entries, {c: c for c in classes})

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.cues is None:
            return self.fn(*args, **kwargs)
        with using_cues(self.cues):
            return self.fn(*args, **kwargs)


def carry_cues(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` itself when the shipped lexicon is in use, else :class:`WithCues` of it (a task for other processes)."""
    return fn if user_cue_entries() is None else WithCues(fn)
