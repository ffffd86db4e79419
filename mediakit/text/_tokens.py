"""Word tokens: the one definition of a "word", every word-token pattern, and a shared chunk table.

Word choice, hedges and other per-1,000-word rates all divide by
:func:`count_words`, so they stay comparable.

Every regular expression that cuts text into word tokens lives here, named and documented,
so that a reader sees at once which definition a module uses and how it differs from
:data:`WORD_RE` (see "Token patterns" below).

Several metrics look at a text's whitespace-separated *chunks* ("policy,", "U.S.",
"Assad's"): readability (textstat cleans and counts each chunk), tone and the word count
(:data:`WORD_RE` never matches across white space, so a text's words are its chunks' words,
in order). A corpus repeats the same chunks over and over, so :class:`ChunkVocabulary` gives
each distinct chunk an integer id once, and :class:`ChunkFeatures` computes a row of integer
features per distinct chunk once and sums them per text with numpy: one ``str.split`` and
one dictionary look-up per chunk, however many metrics use it.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import repeat
from typing import Any

import numpy as np

from mediakit._resources import read_resource_text

__all__ = [
    "ASCII_LETTERS_RE",
    "ASCII_TOKEN_TABLE",
    "CHUNKS",
    "CHUNK_WORDS",
    "CHUNK_RE",
    "DOTTED_TOKEN_RE",
    "HYPHEN_TOKEN_RE",
    "LETTERS_RE",
    "LETTER_WORD_RE",
    "NAME_TOKEN_RE",
    "NGRAM_BOUNDARY_CHARS",
    "NGRAM_TOKEN_RE",
    "SPACE_TABLE",
    "WORD_CHARS_RE",
    "WORD_RE",
    "ChunkFeatures",
    "ChunkValues",
    "ChunkVocabulary",
    "ascii_tokens",
    "chunk_offsets",
    "chunk_word_counts",
    "clear_chunk_caches",
    "code_points",
    "consistent_chunk_ids",
    "count_words",
    "english_stop_words",
    "forget_when_shared_results_end",
    "register_clearer",
    "shared_results",
    "sharing_results",
    "text_chunk_ids",
    "words_of",
]

# --------------------------------------------------------------------------- token patterns
#
# One line each: who uses the pattern, and how it differs from WORD_RE. The patterns are
# kept exactly as their users wrote them (a changed pattern would change their results).

#: A word: letters or digits, with inner apostrophes (straight or curly), hyphens or periods
#: ("don't", "Assad's", "anti-regime", "U.S."). THE word of mediakit: count_words and every
#: per-1,000-word rate, tone (sentiment), the words of compare's n-grams.
WORD_RE = re.compile(r"\w+(?:[\'\u2019\-.]\w+)*", re.UNICODE)

#: Runs of word characters, nothing joined ("don't" -> "don", "t"): dedup's word shingles and
#: exact-duplicate keys, which must ignore every punctuation mark.
WORD_CHARS_RE = re.compile(r"\w+", re.UNICODE)

#: A letters-only word with inner hyphens or apostrophes ("o'clock", no digits, no periods):
#: evaluate's speech-cue words.
LETTER_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")

#: A run of word characters, apostrophes and hyphens, which may start or end with one
#: ("-based", "'s"): attribution's tokens around a cue and in speaker heads (its ``_TOKEN_RE``
#: and ``_HEAD_TOKEN_RE``), where a leading apostrophe still belongs to the word.
HYPHEN_TOKEN_RE = re.compile(r"[\w’'-]+")

#: :data:`HYPHEN_TOKEN_RE` plus periods and ampersands ("U.S.", "AT&T", "Jr."): attribution's
#: words of source and speaker phrases (its ``_WORD_RE``), where an organisation keeps its "&".
DOTTED_TOKEN_RE = re.compile(r"[\w’'.&-]+")

#: A name token: starts with a letter or digit, inner hyphens, apostrophes and periods, and a
#: trailing period kept ("al-Assad", "U.S.", "Jr."): actors' tokens (judged later, so that
#: "Jr." keeps its period and a sentence's final period is dropped).
NAME_TOKEN_RE = re.compile(r"[^\W_](?:[\w\-'\u2019.]*[\w.])?")

#: A whitespace-separated chunk (what ``str.split()`` gives): the sentence splitter, actors'
#: target sentiment and attribution's name groups.
CHUNK_RE = re.compile(r"\S+")

#: Letters only, any script (no digits, no "_"): the splitter's sentence openers after an
#: abbreviation.
LETTERS_RE = re.compile(r"[^\W\d_]+")

#: ASCII letters only: attribution's test for a Title Case headline (share of capitalised words).
ASCII_LETTERS_RE = re.compile(r"[A-Za-z]+")

#: Characters that end an n-gram in compare's distinctive terms: sentence and clause
#: punctuation, quotation marks, brackets, dashes, line breaks.
NGRAM_BOUNDARY_CHARS = ".!?;:\"\u201c\u201d()[]{}\u2014\u2013\n"

#: :data:`WORD_RE` words, or one :data:`NGRAM_BOUNDARY_CHARS` character: compare's n-gram tokens
#: (an n-gram never spans a boundary).
NGRAM_TOKEN_RE = re.compile(WORD_RE.pattern + "|[" + re.escape(NGRAM_BOUNDARY_CHARS) + "]", re.UNICODE)

#: Bytes -> ASCII letters (lower-cased) and digits kept, every other byte (UTF-8 bytes of
#: non-ASCII characters too) a space: the lexicon matcher's cheap pre-filter tokens.
ASCII_TOKEN_TABLE = bytes(
    c if (48 <= c <= 57 or 97 <= c <= 122) else (c + 32 if 65 <= c <= 90 else 32) for c in range(256)
)


def ascii_tokens(text: str) -> list[bytes]:
    """The lower-cased ASCII letter-and-digit runs of ``text``, as bytes, in order.

    The lexicon matcher's pre-filter: a term can occur in a text only if its own ASCII runs
    are among the text's.

    Examples
    --------
    >>> ascii_tokens("Anti-Régime forces, 2024")
    [b'anti', b'r', b'gime', b'forces', b'2024']
    """
    return text.encode("utf-8", "surrogatepass").translate(ASCII_TOKEN_TABLE).split()


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """The English stop words of ``mediakit/lexicons/stopwords_en.txt``, lower case (cached).

    Used by compare's distinctive terms (``stop_words="english"``) and by actors.

    Examples
    --------
    >>> {"the", "of"} <= english_stop_words(), "said" in english_stop_words()
    (True, False)
    """
    text = read_resource_text("mediakit.lexicons", "stopwords_en.txt")
    return frozenset(w for w in (ln.strip().lower() for ln in text.splitlines()) if w and not w.startswith("#"))


# --------------------------------------------------------------------------- words

@lru_cache(maxsize=1024)
def words_of(text: str) -> tuple[str, ...]:
    """The words of ``text`` as written (cached: word choice and tone share one tokenisation).

    Examples
    --------
    >>> words_of("The regime’s forces")
    ('The', 'regime’s', 'forces')
    """
    return tuple(WORD_RE.findall(text))


def count_words(text: str) -> int:
    """Return the number of words in ``text``.

    Examples
    --------
    >>> count_words("Anti-regime forces overthrew Assad\u2019s government in the U.S. story.")
    9
    """
    return len(words_of(text)) if text else 0


# --------------------------------------------------------------------------- chunk table

_LOCK = threading.RLock()


class ChunkVocabulary:
    """Distinct whitespace-separated chunks seen so far, each with an integer id.

    Ids are dense (0, 1, 2, ...) and stable until the vocabulary is cleared, which happens
    by :meth:`clear` or automatically once it holds ``max_size`` chunks; every clear
    increments :attr:`generation`, so that :class:`ChunkFeatures` tables know to start
    again.

    Parameters
    ----------
    max_size : int
        Number of chunks after which the vocabulary starts again (bounds memory).

    Examples
    --------
    >>> vocab = ChunkVocabulary()
    >>> vocab.ids("the cat and the hat".split()).tolist()
    [0, 1, 2, 0, 3]
    >>> vocab.chunks
    ['the', 'cat', 'and', 'hat']
    """

    def __init__(self, max_size: int = 1_000_000) -> None:
        self.max_size = max_size
        self.generation = 0
        self._index: dict[str, int] = {}
        self.chunks: list[str] = []

    def __len__(self) -> int:
        return len(self.chunks)

    def clear(self) -> None:
        """Forget every chunk (ids are given anew; feature tables are recomputed)."""
        with _LOCK:
            self._index = {}
            self.chunks = []
            self.generation += 1

    def ids(self, chunks: Sequence[str]) -> np.ndarray:
        """Return the id of each chunk (``intp`` array), adding the chunks not seen yet."""
        n = len(chunks)
        with _LOCK:
            found = np.fromiter(map(self._index.get, chunks, repeat(-1)), dtype=np.intp, count=n)
            if n and found.min() < 0:
                if len(self.chunks) + n > self.max_size:
                    self.clear()
                    found[:] = -1
                index, known = self._index, self.chunks
                for k in np.flatnonzero(found < 0).tolist():  # only the chunks not found
                    chunk = chunks[k]
                    i = index.get(chunk)
                    if i is None:
                        i = index[chunk] = len(known)
                        known.append(chunk)
                    found[k] = i
            return found


class ChunkFeatures:
    """A row of integer features for every chunk of a :class:`ChunkVocabulary`, computed once.

    Parameters
    ----------
    vocabulary : ChunkVocabulary
        Whose chunks the rows describe.
    compute : callable
        ``compute(chunk) -> sequence of int`` (``width`` values). Called once per distinct
        chunk (per vocabulary generation), lazily, when :meth:`rows` needs it.
    width : int
        Number of features.
    on_reset : callable, optional
        Called whenever the table starts again (the vocabulary was cleared, or :meth:`clear`).
    batch : bool, default False
        Call ``compute(first_id, chunks)`` once for all the chunks not computed yet (ids
        ``first_id``, ``first_id + 1``, ...), returning one row per chunk: to derive the rows
        from other tables of the same vocabulary.
    dtype : NumPy dtype, default int64
        The type of the features (``float64`` for valences, say).

    Examples
    --------
    >>> vocab = ChunkVocabulary()
    >>> lengths = ChunkFeatures(vocab, lambda c: (len(c), c.isupper()), 2)
    >>> lengths.rows(vocab.ids("NEW cars".split())).tolist()
    [[3, 1], [4, 0]]
    """

    def __init__(
        self,
        vocabulary: ChunkVocabulary,
        compute: Callable[..., Any],
        width: int,
        on_reset: Callable[[], None] | None = None,
        *,
        batch: bool = False,
        dtype: Any = np.int64,
    ) -> None:
        self.vocabulary = vocabulary
        self.width = width
        self.dtype = np.dtype(dtype)
        self._compute = compute
        self._batch = batch
        self._on_reset = on_reset
        self._table = np.zeros((0, width), dtype=self.dtype)
        self._filled = 0
        self._generation = vocabulary.generation

    def clear(self) -> None:
        """Forget every computed row (they are computed again when next needed)."""
        with _LOCK:
            self._table = np.zeros((0, self.width), dtype=self.dtype)
            self._filled = 0
            self._generation = self.vocabulary.generation
            if self._on_reset is not None:
                self._on_reset()

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """Return the feature rows of the chunks with ids ``ids`` (an ``(len(ids), width)`` array)."""
        with _LOCK:
            vocab = self.vocabulary
            if self._generation != vocab.generation:
                self.clear()
            n = len(vocab.chunks)
            if self._filled < n:
                chunks = vocab.chunks[self._filled:n]
                new = self._compute(self._filled, chunks) if self._batch else [self._compute(c) for c in chunks]
                if len(self._table) < n:
                    grown = np.zeros((max(n, 2 * len(self._table), 1024), self.width), dtype=self.dtype)
                    grown[: self._filled] = self._table[: self._filled]
                    self._table = grown
                self._table[self._filled:n] = np.array(new, dtype=self.dtype).reshape(len(new), self.width)
                self._filled = n
            return self._table[ids]

    def sums(self, ids: Sequence[np.ndarray]) -> np.ndarray:
        """The feature rows summed per text: row ``r`` is ``self.rows(ids[r]).sum(axis=0)``.

        One gather for all the texts and differences of a running sum: exact for integer
        features only (a float table raises :class:`TypeError`).

        Examples
        --------
        >>> vocab = ChunkVocabulary()
        >>> lengths = ChunkFeatures(vocab, lambda c: (len(c), 1), 2)
        >>> lengths.sums([vocab.ids("a bb".split()), vocab.ids([]), vocab.ids(["ccc"])]).tolist()
        [[3, 2], [0, 0], [3, 1]]
        """
        if self.dtype.kind not in "iub":
            raise TypeError(f"ChunkFeatures.sums: integer features only, not {self.dtype}")
        lengths = np.fromiter(map(len, ids), dtype=np.intp, count=len(ids))
        if not len(ids):
            return np.zeros((0, self.width), dtype=np.int64)
        return segment_sums(self.rows(np.concatenate(ids).astype(np.intp, copy=False)), lengths)


def segment_sums(rows: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The sums (``int64``) of consecutive runs of integer ``rows``, ``lengths[r]`` rows for run ``r``.

    ``lengths`` adds up to ``len(rows)``; an empty run sums to zeros. One ``np.add.reduceat``
    over the runs that have rows (integers: exact).

    Examples
    --------
    >>> segment_sums(np.array([[1, 2], [3, 4], [5, 6]]), np.array([2, 0, 1])).tolist()
    [[4, 6], [0, 0], [5, 6]]
    """
    out = np.zeros((len(lengths), *rows.shape[1:]), dtype=np.int64)
    filled = lengths > 0
    if filled.any():
        starts = np.cumsum(lengths) - lengths
        out[filled] = np.add.reduceat(rows, starts[filled], axis=0, dtype=np.int64)
    return out


class ChunkValues:
    """Any Python value for every chunk of a :class:`ChunkVocabulary`, computed once.

    Like :class:`ChunkFeatures` (``batch`` too), for values that are not integers (strings, say).

    Examples
    --------
    >>> vocab = ChunkVocabulary()
    >>> upper = ChunkValues(vocab, str.upper)
    >>> ids = vocab.ids("a b a".split())
    >>> [upper.table()[i] for i in ids]
    ['A', 'B', 'A']
    """

    def __init__(self, vocabulary: ChunkVocabulary, compute: Callable[..., Any], *, batch: bool = False) -> None:
        self.vocabulary = vocabulary
        self._compute = compute
        self._batch = batch
        self._values: list[object] = []
        self._generation = vocabulary.generation

    def table(self) -> list[object]:
        """The values of every chunk of the vocabulary, indexed by chunk id (do not modify)."""
        with _LOCK:
            vocab = self.vocabulary
            if self._generation != vocab.generation:
                self._values = []
                self._generation = vocab.generation
            n = len(vocab.chunks)
            done = len(self._values)
            if done < n:
                chunks = vocab.chunks[done:n]
                self._values.extend(self._compute(done, chunks) if self._batch else map(self._compute, chunks))
            return self._values


#: Python's white space (``str.isspace``, what ``str.split()`` splits on) by code point;
#: there is none above U+3000 (checked by the test suite).
SPACE_TABLE = np.array([chr(i).isspace() for i in range(0x3002)], dtype=bool)


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as a ``uint32`` array (lone surrogates included).

    Examples
    --------
    >>> code_points("a\u2019").tolist()
    [97, 8217]
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def chunk_offsets(text: str, codes: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the chunks of ``text``: ``text.split()[k] == text[starts[k]:ends[k]]``.

    ``codes``: :func:`code_points` of ``text``, if the caller has them.

    Examples
    --------
    >>> starts, ends = chunk_offsets(" The  regime\u2019s\\nforces ")
    >>> starts.tolist(), ends.tolist()
    ([1, 6, 15], [4, 14, 21])
    """
    if codes is None:
        codes = code_points(text)
    word = ~SPACE_TABLE[np.minimum(codes, len(SPACE_TABLE) - 1)]
    edges = np.flatnonzero(np.diff(word, prepend=False, append=False))
    return edges[0::2], edges[1::2]


#: The vocabulary shared by readability, tone, word counts and sentence sentiment.
CHUNKS = ChunkVocabulary()


#: The words (:data:`WORD_RE` matches) of each chunk of :data:`CHUNKS`, by chunk id: shared by
#: word counts and tone (WORD_RE never matches across white space: a text's words are its chunks').
CHUNK_WORDS = ChunkValues(CHUNKS, WORD_RE.findall)


def _word_count_features(first: int, chunks: list[str]) -> np.ndarray:
    # one column: the number of words of each new chunk
    words = CHUNK_WORDS.table()[first : first + len(chunks)]
    return np.fromiter(map(len, words), dtype=np.int64, count=len(chunks))  # type: ignore[arg-type]


_WORD_COUNTS = ChunkFeatures(CHUNKS, _word_count_features, 1, batch=True)


def chunk_word_counts(ids: np.ndarray) -> int:
    """:func:`count_words` of a text, from the ids of its chunks (``CHUNKS.ids(text.split())``).

    Examples
    --------
    >>> text = "Anti-regime forces overthrew Assad\u2019s government in the U.S. story."
    >>> chunk_word_counts(CHUNKS.ids(text.split())) == count_words(text)
    True
    """
    return int(_WORD_COUNTS.rows(ids).sum())


#: ``text -> (vocabulary generation, ids)`` of the texts read last (:func:`text_chunk_ids`).
_IDS_MEMO: dict[str, tuple[int, np.ndarray]] = {}
_IDS_MEMO_MAX = 512
_SHARING = [0]  # open shared_results() blocks


@contextlib.contextmanager
def shared_results() -> Iterator[None]:
    """Within the block, the results several tables compute from the same texts are remembered for the texts
    read last: chunk ids (:func:`text_chunk_ids`), quotations (:func:`mediakit.text.quote_spans`) and lexicon
    matches (:meth:`mediakit.lexicon.Matcher.find`); at its end they are forgotten.

    A streamed piece computes its metrics, sentences table and word-choice table one after the other from the
    same texts. Outside such a block nothing is remembered (a text read once would only pay for the memo).

    Examples
    --------
    >>> with shared_results():
    ...     first = text_chunk_ids("the cat and the hat")
    ...     first is text_chunk_ids("the cat and the hat")
    True
    """
    _SHARING[0] += 1
    try:
        yield
    finally:
        _SHARING[0] -= 1
        if not _SHARING[0]:
            for forget in _SHARED_CLEARERS:
                forget()


def sharing_results() -> bool:
    """Whether a :func:`shared_results` block is open."""
    return _SHARING[0] > 0


def text_chunk_ids(text: str) -> np.ndarray:
    """``CHUNKS.ids(text.split())``; inside :func:`shared_results`, remembered for the last few hundred texts
    (read-only arrays; never the ids of an earlier generation of the vocabulary).

    Examples
    --------
    >>> text_chunk_ids("the cat and the hat").tolist() == CHUNKS.ids("the cat and the hat".split()).tolist()
    True
    """
    if not _SHARING[0]:
        return CHUNKS.ids(text.split())
    hit = _IDS_MEMO.get(text)
    if hit is not None and hit[0] == CHUNKS.generation:
        return hit[1]
    ids = CHUNKS.ids(text.split())
    ids.flags.writeable = False
    if len(_IDS_MEMO) >= _IDS_MEMO_MAX:
        _IDS_MEMO.clear()
    _IDS_MEMO[text] = (CHUNKS.generation, ids)
    return ids


def consistent_chunk_ids(texts: Sequence[str]) -> list[np.ndarray] | None:
    """:func:`text_chunk_ids` of every text, all from one generation of :data:`CHUNKS`.

    The shared vocabulary starts again once it holds ``max_size`` chunks; if that happens part-way, the ids of the
    texts before are stale (their feature rows would describe other chunks, or none), so all are looked up again.
    None if the texts alone hold too many distinct chunks for one generation.

    Examples
    --------
    >>> vocab_ids = consistent_chunk_ids(["the cat", "the hat"])
    >>> [CHUNKS.chunks[i] for ids in vocab_ids for i in ids]
    ['the', 'cat', 'the', 'hat']
    """
    for _ in range(2):
        generation = CHUNKS.generation
        ids = [text_chunk_ids(t) for t in texts]
        if CHUNKS.generation == generation or len(texts) == 1:  # one look-up is always consistent
            return ids
    return None


def forget_when_shared_results_end(clear: Callable[[], None]) -> None:
    """Have the end of the outermost :func:`shared_results` block, and :func:`clear_chunk_caches`, call ``clear``."""
    _SHARED_CLEARERS.append(clear)
    _CLEARERS.append(clear)


_CLEARERS: list[Callable[[], None]] = [_IDS_MEMO.clear]
_SHARED_CLEARERS: list[Callable[[], None]] = [_IDS_MEMO.clear]


def register_clearer(clear: Callable[[], None]) -> None:
    """Have :func:`clear_chunk_caches` call ``clear`` too (another per-text cache of this package)."""
    _CLEARERS.append(clear)


def clear_chunk_caches() -> None:
    """Forget the shared chunk vocabulary and every table computed from it, and the other
    per-text caches of :mod:`mediakit.text` (cold start).

    Examples
    --------
    >>> clear_chunk_caches()
    >>> len(CHUNKS)
    0
    """
    CHUNKS.clear()
    words_of.cache_clear()
    for clear in _CLEARERS:
        clear()
