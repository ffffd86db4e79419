"""Per-text memos of the scans each pass over a corpus repeats (Title Case, sentence bounds).

:func:`actor_labels` reads every part of a corpus several times (candidates, mention counts, mentions,
labels, descriptions), and each pass asks the same questions of the same texts. An LRU cache of a few
thousand texts forgets them between passes as soon as the corpus has more parts than that; a memo
that holds every text for the length of one call (:func:`corpus_scope`) answers each question once.
Outside a scope a memo keeps at most ``limit`` texts (it is emptied when full).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any, TypeVar

__all__ = ["text_memo", "corpus_scope"]

T = TypeVar("T")

_depth = [0]  # open corpus scopes
_memos: list[dict[str, Any]] = []


def text_memo(limit: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Memoise a pure function of one text: unbounded inside :func:`corpus_scope`, else ``limit`` texts.

    Examples
    --------
    >>> calls = []
    >>> @text_memo(limit=2)
    ... def length(text):
    ...     calls.append(text)
    ...     return len(text)
    >>> length("abc"), length("abc"), calls
    (3, 3, ['abc'])
    """

    def decorate(func: Callable[[str], T]) -> Callable[[str], T]:
        memo: dict[str, T] = {}
        _memos.append(memo)

        @wraps(func)
        def memoised(text: str) -> T:
            try:
                return memo[text]
            except KeyError:
                pass
            value = func(text)
            if not _depth[0] and len(memo) >= limit:
                memo.clear()
            memo[text] = value
            return value

        memoised.cache_clear = memo.clear  # type: ignore[attr-defined]
        return memoised

    return decorate


@contextlib.contextmanager
def corpus_scope() -> Iterator[None]:
    """Within the block, the text memos keep every text they see; at its end they are emptied.

    Examples
    --------
    >>> @text_memo(limit=1)
    ... def upper(text):
    ...     return text.upper()
    >>> with corpus_scope():
    ...     _ = upper("a"), upper("b")
    ...     kept = len(_memos[-1])
    >>> kept, len(_memos[-1])
    (2, 0)
    """
    _depth[0] += 1
    try:
        yield
    finally:
        _depth[0] -= 1
        if not _depth[0]:
            for memo in _memos:
                memo.clear()
