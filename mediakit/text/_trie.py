"""The one regex-trie builder: an alternation of literals factored as a trie.

A regular expression ``(?:regime|regimes|region)`` makes the engine try each alternative in
turn at every position. Factored as a character trie, ``reg(?:i(?:me(?:s)?|on))``, no two
alternatives start with the same character, so nothing is tried twice and the engine can skip
ahead to the literal first character. Attribution's cue and name lists and the word-choice
lexicon's matcher are compiled this way.

A trie is a nested dict: a key is a symbol (usually one character), its value the node after
it, and the key ``None`` marks the end of an entry. :func:`render_trie` writes a node as a
pattern, symbols in sorted order; a symbol is written with :func:`re.escape` unless
``symbols`` maps it to a pattern of its own (a separator that matches any white space, an
apostrophe that matches a straight or a curly one).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

__all__ = ["TrieNode", "build_trie", "render_symbols", "render_trie", "trie_pattern", "trie_prefix"]

#: A trie node: symbol -> next node, and ``None`` -> True at the end of an entry.
TrieNode = dict[Any, Any]

_NO_SYMBOLS: Mapping[str, str] = {}


def build_trie(entries: Iterable[Sequence[str]]) -> TrieNode:
    """Return the trie of ``entries`` (strings, or sequences of symbols).

    Examples
    --------
    >>> build_trie(["ab", "a"])
    {'a': {'b': {None: True}, None: True}}
    """
    trie: TrieNode = {}
    for entry in entries:
        node = trie
        for sym in entry:
            node = node.setdefault(sym, {})
        node[None] = True
    return trie


def render_symbols(syms: Iterable[str], symbols: Mapping[str, str] = _NO_SYMBOLS) -> str:
    """The pattern of the literal sequence ``syms`` (each symbol as :func:`render_trie` writes it).

    Examples
    --------
    >>> render_symbols("a.b")
    'a\\\\.b'
    """
    return "".join(symbols.get(s) or re.escape(s) for s in syms)


def render_trie(node: TrieNode, symbols: Mapping[str, str] = _NO_SYMBOLS, *, compact: bool = False) -> str:
    """Write the trie ``node`` as a regular expression (``""`` for an empty node).

    Parameters
    ----------
    node : dict
        A trie of :func:`build_trie` (or one of its nodes).
    symbols : mapping, optional
        Patterns of special symbols (e.g. ``{" ": r"\\s+"}``); any other symbol is escaped.
    compact : bool, default False
        Write an optional single character as ``x?`` rather than ``(?:x)?``. Both match the
        same; attribution writes the long form, the lexicon matcher the short one.

    Examples
    --------
    >>> render_trie(build_trie(["regime", "regimes", "region"]))
    'regi(?:me(?:s)?|on)'
    >>> render_trie(build_trie(["regime", "regimes"]), compact=True)
    'regimes?'
    >>> render_trie(build_trie(["death tax", "death"]), {" ": r"\\s+"})
    'death(?:\\\\s+tax)?'
    """
    alts = [(symbols.get(sym) or re.escape(sym)) + render_trie(node[sym], symbols, compact=compact)
            for sym in sorted(k for k in node if k is not None)]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if None not in node:
        return body
    if compact and len(alts) == 1 and len(body) == 1:
        return body + "?"
    return "(?:" + body + ")?"


def trie_prefix(node: TrieNode, stop: Collection[str] = ()) -> tuple[list[str], TrieNode]:
    """The literal symbols every entry of ``node`` starts with, and the node after them.

    The prefix ends where an entry ends, where the trie branches, or before a symbol of
    ``stop``.

    Examples
    --------
    >>> trie_prefix(build_trie(["regime", "region"]))
    (['r', 'e', 'g', 'i'], {'m': {'e': {None: True}}, 'o': {'n': {None: True}}})
    """
    prefix: list[str] = []
    while None not in node and len(node) == 1:
        (sym,) = node
        if sym in stop:
            break
        prefix.append(sym)
        node = node[sym]
    return prefix, node


def trie_pattern(
    words: Iterable[Sequence[str]], symbols: Mapping[str, str] = _NO_SYMBOLS, *, compact: bool = False
) -> str:
    """Return a regular expression matching exactly the literal ``words``, factored as a trie.

    Parameters
    ----------
    words : iterable of str (or of sequences of symbols)
        The alternatives (duplicates are harmless).
    symbols, compact
        As in :func:`render_trie`.

    Returns
    -------
    str
        The pattern, without anchors or boundaries (wrap it as needed).

    Examples
    --------
    >>> pattern = trie_pattern(["said", "says", "say", "told"])
    >>> pattern
    '(?:sa(?:id|y(?:s)?)|told)'
    >>> re.fullmatch(pattern, "says") is not None
    True
    """
    return render_trie(build_trie(words), symbols, compact=compact)
