"""Word-choice lexicons: load them, check them, and find their terms in text.

A lexicon is a set of **families**. A family names one referent (a government, the removal of
a leader, people crossing a border) and lists the competing labels for it as **variants**; each
variant is a list of **terms** (words or phrases). mediakit ships two lexicons, listed by
:func:`available_lexicons`:

``framing``
    Competing labels in conflict and US-politics coverage ("regime" / "government",
    "ousted" / "removed from power", "rebels" / "terrorists" / "opposition fighters",
    "estate tax" / "death tax", ...). The default.
``markers``
    Hedges, intensifiers and subjective words, for per-1,000-word rates.

:func:`load_lexicon` reads a shipped lexicon by name, a YAML or CSV file, a dict
``{family: {variant: [terms]}}`` or a DataFrame with columns ``family, variant, term``, and can
merge a user's lexicon over a shipped one (``extend=True``).

Matching rules (the same for every lexicon)
-------------------------------------------
- Case-insensitive, unless a term is marked ``case_sensitive`` (the hedge "may" is, so the
  month "May" is not a hedge).
- Whole words only. A hyphenated compound counts as one word, as in
  :data:`mediakit.text.WORD_RE`: "regime" does not match "regimental", nor inside
  "pro-regime" or "regime-held".
- A space in a term matches any run of white space (line breaks too) or a hyphen; a hyphen
  matches a hyphen, white space or nothing. "anti-regime forces" finds "anti-regime forces",
  "anti regime\\nforces" and "antiregime forces"; "gun control" finds "gun-control".
- The last word also matches its regular plural (+s; +es after s, x, z, ch, sh; y -> ies after
  a consonant), which doubles as the third person singular of verbs ("topple" -> "topples"),
  and a possessive ``'s`` with a straight or curly apostrophe. Plural possessives ("regimes'")
  match as the plural. Other forms (past tenses, participles, irregular plurals) must be
  listed: "toppled" is found only because the lexicon lists it.
- Overlapping terms: the leftmost match wins, and of those starting at the same place the
  longest; a match is counted once. "opposition fighters" is one match, not also "fighters";
  "anti-regime forces" is not also "regime".
- Phrases in a lexicon's ``ignore`` list take part in this competition and are then dropped:
  "Amnesty International" is not "amnesty", "tax regime" is not "regime".

Speed
-----
Each lexicon is compiled once (and cached) into one regular expression per distinct first
word, built as a character trie (by :mod:`mediakit.text`'s one trie builder) so that
alternatives never backtrack across each other. For a
text, a cheap byte-level tokenisation finds which first words occur at all, and only their
expressions run; they start with a literal, which the regex engine finds with a fast scan.
``benchmarks/bench_word_choice.py`` measures the throughput on AllSides articles.

Layout
------
``_terms`` (the :class:`Term` record and its normal form), ``_model`` (:class:`Lexicon`),
``_matcher`` (:class:`Matcher`, :func:`prepare`), ``_load`` (:func:`load_lexicon`,
:func:`available_lexicons`); the shipped data files are in the package ``mediakit.lexicons``,
read through :mod:`importlib.resources`.

Examples
--------
>>> lex = load_lexicon()
>>> [(m.family, m.variant, m.match) for m in lex.find("Anti-regime forces toppled the regime's leader.")]
... # doctest: +NORMALIZE_WHITESPACE
[('armed_opposition', 'anti_regime_forces', 'Anti-regime forces'),
 ('removal_from_power', 'toppled', 'toppled'),
 ('state_government', 'regime', "regime's"),
 ('leader_labels', 'leader', 'leader')]
"""

from __future__ import annotations

from ._load import DEFAULT_LEXICON, SHIPPED_LEXICONS, LexiconSource, available_lexicons, load_lexicon
from ._matcher import Matcher, PreparedText, prepare
from ._model import Lexicon
from ._terms import IGNORE_FAMILY, LexiconMatch, Term

__all__ = [
    "DEFAULT_LEXICON",
    "IGNORE_FAMILY",
    "Lexicon",
    "LexiconMatch",
    "LexiconSource",
    "Matcher",
    "PreparedText",
    "SHIPPED_LEXICONS",
    "Term",
    "available_lexicons",
    "load_lexicon",
    "prepare",
]
