"""VADER on the sentences of a whole article, scored from the article's chunks.

A sentence that starts and ends at the edges of whitespace-separated chunks of its article
(all but the rare glued ones, "the analysis.Kim said") has exactly those chunks as VADER's
tokens (``sentence.split()``), and nothing for VADER's ``strip()`` to remove. What VADER
derives from a token (its punctuation-stripped form, that form's lower case, whether that is
in the lexicon, whether it is ALL CAPS) is then computed once per distinct chunk, and a
sentence without a lexicon word (a third of news sentences) costs nothing more.

:func:`article_scores` gives VADER's four scores of each sentence (the sentence table);
:func:`article_compounds` only the compound scores (the article table), and computes those
of the *plain* sentences (no VADER rule can fire, see :func:`~mediakit.metrics._vader.score_plain`)
for the whole article at once with NumPy, with the same floating-point operations in the same
order as VADER (sums left to right, then Python's own ``round``).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ..text import CHUNKS, ChunkFeatures, ChunkValues, Span, chunk_offsets, code_points, consistent_chunk_ids
from ._vader import (
    PUNCTUATION,
    but_values,
    c_incr,
    context_words,
    emoji_chars,
    score_plain,
    score_tuple,
    score_words,
    vader_analyzer,
    word_sentiment,
)

__all__ = [
    "article_compounds", "article_scores", "articles_compounds", "articles_scores", "cached_scores", "chunk_valences",
    "plain_compounds", "plain_scores",
]

#: Python's ``sum`` of floats adds left to right up to 3.11; 3.12 compensates (Neumaier), and
#: then the plain sentences' sums are taken with ``sum`` itself.
_SEQUENTIAL_SUM = sys.version_info < (3, 12)

Scores = tuple[float, float, float, float]


def _vader_word(chunk: str) -> str:
    # SentiText._strip_punc_if_word
    stripped = chunk.strip(PUNCTUATION)
    return chunk if len(stripped) <= 2 else stripped


def _vader_lowers(first: int, chunks: list[str]) -> list[str]:
    # the lower case of VADER's words of chunks first, first + 1, ...
    return [w.lower() for w in VADER_WORDS.table()[first : first + len(chunks)]]  # type: ignore[attr-defined]


def _vader_valences(first: int, chunks: list[str]) -> list[float]:
    # each chunk's lexicon valence (0.0 when not in the lexicon)
    get = vader_analyzer().lexicon.get
    lowers: list[str] = VADER_LOWER.table()[first : first + len(chunks)]  # type: ignore[assignment]
    return [get(lw, 0.0) for lw in lowers]


def _vader_flags(first: int, chunks: list[str]) -> np.ndarray:
    # per chunk: in VADER's lexicon, ALL CAPS, can make a VADER word rule fire (context_word), is "but";
    # built column by column (a tuple per chunk costs twice as much)
    lexicon = vader_analyzer().lexicon
    n, stop = len(chunks), first + len(chunks)
    words: list[str] = VADER_WORDS.table()[first:stop]  # type: ignore[assignment]
    lowers: list[str] = VADER_LOWER.table()[first:stop]  # type: ignore[assignment]
    return np.column_stack((np.fromiter(map(lexicon.__contains__, lowers), dtype=bool, count=n),
                            np.fromiter(map(str.isupper, words), dtype=bool, count=n),
                            np.array(context_words(lowers), dtype=bool).reshape(n),
                            np.fromiter((lower == "but" for lower in lowers), dtype=bool, count=n)))


def _valence_rows(first: int, chunks: list[str]) -> list[float]:
    # the valences of VALENCES as a float column (for the plain sentences' sums)
    return VADER_VALENCE.table()[first : first + len(chunks)]  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _emoji_table() -> np.ndarray:
    """``table[cp]``: code point ``cp`` is one of VADER's emoji characters (the last entry,
    which stands for every larger code point, is False)."""
    points = [ord(c) for c in emoji_chars()]
    table = np.zeros(max(points) + 2, dtype=bool)
    table[points] = True
    return table


#: What VADER derives from each chunk, computed once per distinct chunk (each from the one before).
VADER_WORDS = ChunkValues(CHUNKS, _vader_word)
VADER_LOWER = ChunkValues(CHUNKS, _vader_lowers, batch=True)
VADER_VALENCE = ChunkValues(CHUNKS, _vader_valences, batch=True)
VADER_FLAGS = ChunkFeatures(CHUNKS, _vader_flags, 4, batch=True)
_VALENCE_COLUMN = ChunkFeatures(CHUNKS, _valence_rows, 1, batch=True, dtype=np.float64)


@lru_cache(maxsize=1 << 14)
def cached_scores(sentence: str) -> Scores:
    """:func:`~mediakit.metrics._vader.score_tuple` of ``sentence``, cached."""
    return score_tuple(sentence)


class _Layout(NamedTuple):
    """Where an article's sentences stand among its chunks and lexicon words (arrays by sentence
    unless said otherwise)."""

    aligned: np.ndarray  # bool: starts and ends at chunk edges, no emoji
    first: np.ndarray  # first chunk
    stop: np.ndarray  # one past the last chunk
    hits_from: np.ndarray  # first lexicon word (index into hit_positions)
    hits_to: np.ndarray  # one past the last one
    n_upper: np.ndarray  # ALL-CAPS chunks
    n_ruled: np.ndarray  # lexicon words within reach of a context word, plus "but"s
    n_but: np.ndarray  # "but"s
    hit_positions: np.ndarray  # by lexicon word: its chunk
    hit_upper: np.ndarray  # by lexicon word: ALL CAPS (0/1)
    hit_plain: np.ndarray  # by lexicon word: no context word within reach (bool)
    but_positions: np.ndarray  # the chunks whose VADER word is "but" (any case)


def _layout(text: str, codes: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray, ids: np.ndarray) -> _Layout | None:
    """The :class:`_Layout` of an article, or None when its chunks cannot be used."""
    has_emoji = None
    if not text.isascii():
        emoji = _emoji_table()
        is_emoji = emoji[np.minimum(codes, len(emoji) - 1)]
        at = np.flatnonzero(is_emoji)
        if len(at):  # a sentence with emoji is scored on its own: VADER rewrites its text
            has_emoji = np.searchsorted(at, e_arr) > np.searchsorted(at, s_arr)
    starts, ends = chunk_offsets(text, codes)
    n_chunks = len(ids)
    if len(starts) != n_chunks or n_chunks == 0:  # pragma: no cover - both split the same way
        return None
    flags = VADER_FLAGS.rows(ids)
    first = np.minimum(np.searchsorted(starts, s_arr), n_chunks - 1)
    last = np.minimum(np.searchsorted(ends, e_arr), n_chunks - 1)
    aligned = (starts[first] == s_arr) & (ends[last] == e_arr)
    if has_emoji is not None:
        aligned &= ~has_emoji
    stop = last + 1
    hit_positions = np.flatnonzero(flags[:, 0])
    hits_from = np.searchsorted(hit_positions, first)
    hits_to = np.searchsorted(hit_positions, stop)
    caps = np.concatenate(([0], np.cumsum(flags[:, 1])))
    # A lexicon word is plain when no context word lies within 3 chunks before it or 2 after
    # it (the reach of VADER's word rules; counted over the article, so at most too cautious).
    context = np.concatenate(([0], np.cumsum(flags[:, 2])))
    plain = context[np.minimum(hit_positions + 3, n_chunks)] == context[np.maximum(hit_positions - 3, 0)]
    ruled = np.concatenate(([0], np.cumsum(~plain)))
    but_positions = np.flatnonzero(flags[:, 3])
    buts = np.concatenate(([0], np.cumsum(flags[:, 3])))
    n_but = buts[stop] - buts[first]
    n_ruled = ruled[hits_to] - ruled[hits_from] + n_but
    return _Layout(aligned, first, stop, hits_from, hits_to, caps[stop] - caps[first], n_ruled, n_but, hit_positions,
                   flags[hit_positions, 1], plain, but_positions)


def _ruled_scores(text: str, start: int, end: int, lay: _Layout, k: int, id_list: list[int]) -> Scores:
    """VADER's rules on aligned sentence ``k`` (``text[start:end]``), from its chunks' words."""
    a, b = int(lay.first[k]), int(lay.stop[k])
    h0, h1 = int(lay.hits_from[k]), int(lay.hits_to[k])
    n = b - a
    seg = id_list[a:b]
    words_of_chunk, lower_of_chunk = VADER_WORDS.table(), VADER_LOWER.table()
    return score_words(
        list(map(words_of_chunk.__getitem__, seg)),  # type: ignore[arg-type]  # list.__getitem__ overloads
        list(map(lower_of_chunk.__getitem__, seg)),  # type: ignore[arg-type]
        [h - a for h in lay.hit_positions[h0:h1].tolist()],
        0 < n - int(lay.n_upper[k]) < n,
        vader_analyzer().lexicon,
        text.count("!", start, end),
        text.count("?", start, end),
    )


def _bounds(spans: list[Span]) -> tuple[np.ndarray, np.ndarray]:
    n = len(spans)
    return (np.fromiter((s.start for s in spans), dtype=np.intp, count=n),
            np.fromiter((s.end for s in spans), dtype=np.intp, count=n))


def article_scores(text: str, spans: list[Span], ids: np.ndarray | None = None) -> list[Scores]:
    """``(neg, neu, pos, compound)`` of each sentence ``text[span.start:span.end]``: exactly
    :func:`~mediakit.metrics._vader.score_tuple` of it, computed from the article's chunks
    where possible.

    ``ids``: ``CHUNKS.ids(text.split())``, if the caller has them already.
    """
    if not spans:
        return []
    if ids is None:
        ids = CHUNKS.ids(text.split())
    codes = code_points(text)
    s_arr, e_arr = _bounds(spans)
    lay = _layout(text, codes, s_arr, e_arr, ids)
    if lay is None:  # pragma: no cover - both split the same way
        return [cached_scores(text[s.start : s.end]) for s in spans]
    aligned = lay.aligned.tolist()
    hits_from, hits_to = lay.hits_from.tolist(), lay.hits_to.tolist()
    n_ruled, n_upper = lay.n_ruled.tolist(), lay.n_upper.tolist()
    valences: list[float] = VADER_VALENCE.table()  # type: ignore[assignment]
    hit_values = list(map(valences.__getitem__, ids[lay.hit_positions].tolist()))
    hit_upper = lay.hit_upper.tolist()
    id_list = ids.tolist()
    first_l, stop_l = lay.first.tolist(), lay.stop.tolist()
    out: list[Scores] = []
    for k, span in enumerate(spans):
        if not aligned[k]:
            out.append(cached_scores(text[span.start : span.end]))
            continue
        h0, h1 = hits_from[k], hits_to[k]
        if h0 == h1:  # no word in the lexicon: what VADER gives for that (n >= 1 here)
            out.append((0.0, 1.0, 0.0, 0.0))
            continue
        n = stop_l[k] - first_l[k]
        if not n_ruled[k]:  # no rule can fire: each lexicon word scores its own valence
            out.append(score_plain(hit_values[h0:h1], hit_upper[h0:h1], 0 < n - n_upper[k] < n, n,
                                   text.count("!", span.start, span.end), text.count("?", span.start, span.end)))
            continue
        out.append(_ruled_scores(text, span.start, span.end, lay, k, id_list))
    return out


def _counts_in(codes: np.ndarray, char: str, s_arr: np.ndarray, e_arr: np.ndarray) -> np.ndarray:
    """How often ``char`` occurs in each ``text[s:e]`` (``codes``: the text's code points)."""
    at = np.flatnonzero(codes == ord(char))
    return np.searchsorted(at, e_arr) - np.searchsorted(at, s_arr)


def plain_compounds(values: np.ndarray, lengths: np.ndarray, exclamations: np.ndarray,
                    questions: np.ndarray) -> list[float]:
    """VADER's compound score of each of several plain sentences at once (see :func:`score_plain`).

    ``values`` holds the sentences' word sentiments one sentence after the other (``lengths[k]``
    of them for sentence ``k``, at least one each; the ALL-CAPS increment already applied),
    ``exclamations`` and ``questions`` their counts of "!" and "?". The same float operations
    as :func:`~mediakit.metrics._vader.score_plain`'s compound: each sum is taken left to right
    (column by column of a zero-padded table: ``x + 0.0 == x``), the rest element-wise, and the
    rounding is Python's ``round``.

    Examples
    --------
    >>> lexicon = vader_analyzer().lexicon
    >>> plain_compounds(np.array([lexicon["great"], lexicon["success"]]), np.array([2]), np.array([0]),
    ...                 np.array([0])) == [score_tuple("The team had great success.")[3]]
    True
    """
    if _SEQUENTIAL_SUM:
        sums = _column_sums(values, lengths)
    else:  # pragma: no cover - Python >= 3.12: sum() compensates; use it
        offsets = np.cumsum(lengths) - lengths
        flat = values.tolist()
        sums = np.array([float(sum(flat[o : o + n])) for o, n in zip(offsets.tolist(), lengths.tolist(),
                                                                      strict=True)])
    amplifier = _emphasis(exclamations, questions)
    sums = np.where(sums > 0, sums + amplifier, np.where(sums < 0, sums - amplifier, sums))
    compound = np.minimum(np.maximum(sums / np.sqrt(sums * sums + 15), -1.0), 1.0)
    return [round(c, 4) for c in compound.tolist()]


def _emphasis(exclamations: np.ndarray, questions: np.ndarray) -> np.ndarray:
    """VADER's ``_punctuation_emphasis`` of each sentence: "!" counted up to 4; "?" only from 2, all of them up
    to 3, else 0.96 (:func:`~mediakit.metrics._vader._punctuation_emphasis`, element-wise)."""
    return np.minimum(exclamations, 4) * 0.292 + np.where(questions > 1, np.where(questions <= 3, questions * 0.18,
                                                                                  0.96), 0.0)


def _column_sums(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The sums of consecutive runs of ``values`` (``lengths[k]`` for run ``k``, at least one each), each taken
    left to right as ``+=`` in a loop does: column by column of a zero-padded table (``x + 0.0 == x``)."""
    m = len(lengths)
    offsets = np.cumsum(lengths) - lengths
    table = np.zeros((m, int(lengths.max())))
    table[np.repeat(np.arange(m), lengths), np.arange(len(values)) - np.repeat(offsets, lengths)] = values
    sums = np.zeros(m)
    for col in table.T:
        sums = sums + col
    return sums


def plain_scores(values: np.ndarray, lengths: np.ndarray, n_words: np.ndarray, exclamations: np.ndarray,
                 questions: np.ndarray) -> list[Scores]:
    """VADER's ``(neg, neu, pos, compound)`` of several sentences at once, from the sentiments of their lexicon
    words (``values``, ``lengths``: as for :func:`plain_compounds`, rules applied) and their numbers of words.

    :func:`~mediakit.metrics._vader.score_valence`'s float operations, element-wise: the positive and negative
    sums are taken left to right over the non-zero sentiments (as its loop does), the neutral count is the
    words whose sentiment is 0, the rounding is Python's ``round``.

    Examples
    --------
    >>> lexicon = vader_analyzer().lexicon
    >>> plain_scores(np.array([lexicon["great"], lexicon["success"]]), np.array([2]), np.array([5]), np.array([0]),
    ...              np.array([0])) == [score_tuple("The team had great success.")]
    True
    """
    compounds = plain_compounds(values, lengths, exclamations, questions)
    pos_sum = _column_sums(np.where(values > 0, values + 1, 0.0), lengths)
    neg_sum = _column_sums(np.where(values < 0, values - 1, 0.0), lengths)
    sentence_of = np.repeat(np.arange(len(lengths)), lengths)
    neu_count = n_words - np.bincount(sentence_of[values != 0], minlength=len(lengths))
    amplifier = _emphasis(exclamations, questions)
    neg_abs = np.abs(neg_sum)
    pos_sum, neg_sum = (np.where(pos_sum > neg_abs, pos_sum + amplifier, pos_sum),
                        np.where(pos_sum < neg_abs, neg_sum - amplifier, neg_sum))
    total = pos_sum + np.abs(neg_sum) + neu_count
    neg = np.abs(neg_sum / total).tolist()
    neu = np.abs(neu_count / total).tolist()
    pos = np.abs(pos_sum / total).tolist()
    return [(round(a, 3), round(b, 3), round(c, 3), d) for a, b, c, d in zip(neg, neu, pos, compounds, strict=True)]


def articles_scores(texts: list[str], spans: list[list[Span]]) -> list[Scores]:
    """:func:`article_scores` of several articles at once, one sentence after the other.

    As :func:`articles_compounds`: the articles joined by line breaks, every aligned sentence with lexicon words
    scored by :func:`plain_scores` all at once, glued sentences and those holding an emoji from their own text.
    """
    counts = [len(sp) for sp in spans]
    total = sum(counts)
    if not total:
        return []
    per_text = consistent_chunk_ids(texts)  # the vocabulary may start again part-way: ids of one generation
    if per_text is None:  # pragma: no cover - a few hundred texts never hold a million distinct chunks
        return [sc for t, sp in zip(texts, spans, strict=True) for sc in article_scores(t, sp)]
    text = "\n".join(texts)
    ids = np.concatenate(per_text)
    flat = [x for sp in spans for x in sp]
    base = np.repeat(np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]), counts)
    s_arr = np.fromiter((x.start for x in flat), dtype=np.intp, count=total) + base
    e_arr = np.fromiter((x.end for x in flat), dtype=np.intp, count=total) + base
    codes = code_points(text)
    lay = _layout(text, codes, s_arr, e_arr, ids)
    if lay is None:  # pragma: no cover - both split the same way
        return [sc for t, sp in zip(texts, spans, strict=True) for sc in article_scores(t, sp)]
    out: list[Scores] = [(0.0, 1.0, 0.0, 0.0)] * total  # an aligned sentence without a word in the lexicon
    lengths = lay.hits_to - lay.hits_from
    rows = np.flatnonzero(lay.aligned & (lengths > 0))
    if len(rows):
        scores = plain_scores(_hit_values(lay, rows, lengths[rows], ids), lengths[rows],
                              lay.stop[rows] - lay.first[rows], _counts_in(codes, "!", s_arr[rows], e_arr[rows]),
                              _counts_in(codes, "?", s_arr[rows], e_arr[rows]))
        for k, sc in zip(rows.tolist(), scores, strict=True):
            out[k] = sc
    for k in np.flatnonzero(~lay.aligned).tolist():
        out[k] = cached_scores(text[int(s_arr[k]) : int(e_arr[k])])
    return out


def article_compounds(text: str, spans: list[Span], ids: np.ndarray | None = None) -> np.ndarray:
    """The compound score of each sentence: ``article_scores(text, spans, ids)``'s last values.

    See :func:`articles_compounds` (this is it for one article).
    """
    if ids is None:
        ids = CHUNKS.ids(text.split())
    return articles_compounds([text], [spans], [ids])[0]


def articles_compounds(texts: list[str], spans: list[list[Span]], ids: list[np.ndarray]) -> list[np.ndarray]:
    """:func:`article_compounds` of several articles at once (``ids[r]``: ``CHUNKS.ids(texts[r].split())``).

    The articles are joined by line breaks and treated as one text (a sentence never spans
    two of them; a context word of the next article only makes a word "ruled", which is
    exact too). Every aligned sentence is scored by :func:`plain_compounds`, all at once: a
    lexicon word with no context word within reach scores its valence (with the ALL-CAPS
    increment), one within reach what VADER's rules give it, computed on the window of the
    sentence those rules read (:func:`~mediakit.metrics._vader.word_sentiment`); in a sentence
    with "but", VADER's "but" rule then applies to those values
    (:func:`~mediakit.metrics._vader.but_values`). Glued sentences and those holding an emoji
    are scored from their own text.
    """
    counts = [len(sp) for sp in spans]
    total = sum(counts)
    out = np.zeros(total)  # a sentence without a word in the lexicon: compound 0.0
    if total:
        text = "\n".join(texts)
        shift = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
        flat = [x for sp in spans for x in sp]
        base = np.repeat(shift, counts)
        s_arr = np.fromiter((x.start for x in flat), dtype=np.intp, count=total) + base
        e_arr = np.fromiter((x.end for x in flat), dtype=np.intp, count=total) + base
        all_ids = np.concatenate(ids)
        codes = code_points(text)
        lay = _layout(text, codes, s_arr, e_arr, all_ids)
        if lay is None:  # pragma: no cover - both split the same way
            return [np.array([sc[3] for sc in article_scores(t, sp)]) for t, sp in zip(texts, spans, strict=True)]
        _fill_compounds(out, text, codes, s_arr, e_arr, lay, all_ids)
    if len(counts) <= 1:  # no article, or one
        return [out] * len(counts)
    # fresh arrays, not views of ``out``: NumPy's sums may depend on where an array starts in memory
    return [part.copy() for part in np.split(out, np.cumsum(counts)[:-1])]


def _fill_compounds(out: np.ndarray, text: str, codes: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray,
                    lay: _Layout, ids: np.ndarray) -> None:
    """The compound scores of :func:`articles_compounds` into ``out`` (zeros: no lexicon word)."""
    lengths = lay.hits_to - lay.hits_from
    summed = np.flatnonzero(lay.aligned & (lengths > 0))
    if len(summed):
        out[summed] = _summed_compounds(lay, summed, lengths[summed], ids, codes, s_arr, e_arr)
    for k in np.flatnonzero(~lay.aligned).tolist():
        out[k] = cached_scores(text[int(s_arr[k]) : int(e_arr[k])])[3]


def _summed_compounds(lay: _Layout, rows: np.ndarray, lengths: np.ndarray, ids: np.ndarray, codes: np.ndarray,
                      s_arr: np.ndarray, e_arr: np.ndarray) -> list[float]:
    """:func:`articles_compounds` of the sentences ``rows`` (aligned, with lexicon words)."""
    return plain_compounds(_hit_values(lay, rows, lengths, ids), lengths, _counts_in(codes, "!", s_arr[rows], e_arr[rows]),
                           _counts_in(codes, "?", s_arr[rows], e_arr[rows]))


def _hit_values(lay: _Layout, rows: np.ndarray, lengths: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """VADER's sentiment of every lexicon word of the sentences ``rows`` (aligned, with ``lengths`` lexicon words
    each), one sentence after the other: the entries of its ``sentiments`` list that are not 0 by construction."""
    offsets = np.cumsum(lengths) - lengths
    hit_index = np.arange(int(lengths.sum())) + np.repeat(lay.hits_from[rows] - offsets, lengths)
    positions = lay.hit_positions[hit_index]
    values = chunk_valences(ids[positions])
    n = lay.stop[rows] - lay.first[rows]
    n_lower = n - lay.n_upper[rows]
    cap_diff = np.repeat((n_lower > 0) & (n_lower < n), lengths)
    up = (lay.hit_upper[hit_index] != 0) & cap_diff
    incr = c_incr()
    values = np.where(up, np.where(values > 0, values + incr, values - incr), values)
    ruled = np.flatnonzero(~lay.hit_plain[hit_index])
    if len(ruled):
        firsts = np.repeat(lay.first[rows], lengths)[ruled].tolist()
        stops = np.repeat(lay.stop[rows], lengths)[ruled].tolist()
        values[ruled] = _window_sentiments(positions[ruled].tolist(), firsts, stops, cap_diff[ruled].tolist(),
                                           ids.tolist())
    with_but = np.flatnonzero(lay.n_but[rows])
    if len(with_but):  # VADER's "but" rule, sentence by sentence
        but_at = lay.but_positions[np.searchsorted(lay.but_positions, lay.first[rows[with_but]])].tolist()
        value_list, position_list = values.tolist(), positions.tolist()
        for r, b in zip(with_but.tolist(), but_at, strict=True):
            o, m = int(offsets[r]), int(lengths[r])
            values[o : o + m] = but_values(value_list[o : o + m], position_list[o : o + m], b)
    return values


def _window_sentiments(positions: list[int], firsts: list[int], stops: list[int], cap_diff: list[bool],
                       id_list: list[int]) -> list[float]:
    """:func:`~mediakit.metrics._vader.word_sentiment` of the lexicon words at chunk ``positions``,
    each in the window of its sentence (chunks ``firsts[j]`` to ``stops[j]``) VADER's rules read."""
    words_of_chunk, lower_of_chunk = VADER_WORDS.table(), VADER_LOWER.table()
    lexicon = vader_analyzer().lexicon
    out = []
    for p, a, b, cd in zip(positions, firsts, stops, cap_diff, strict=True):
        lo = p - 3 if p - 3 > a else a
        seg = id_list[lo : p + 3 if p + 3 < b else b]
        out.append(word_sentiment(list(map(words_of_chunk.__getitem__, seg)),  # type: ignore[arg-type]
                                  list(map(lower_of_chunk.__getitem__, seg)),  # type: ignore[arg-type]
                                  p - lo, lexicon, cd))
    return out


def chunk_valences(ids: np.ndarray) -> np.ndarray:
    """The lexicon valence (0.0 when none) of the chunks with ids ``ids``, as a float array."""
    return _VALENCE_COLUMN.rows(ids)[:, 0]
