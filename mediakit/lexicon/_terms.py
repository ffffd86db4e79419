"""The terms of a lexicon: the :class:`Term` record, its normal form and identity, name checks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "IGNORE_FAMILY",
    "SHAPE_HELP",
    "LexiconMatch",
    "Term",
    "check_name",
    "normalize_term",
    "term_key",
]

#: In a CSV file or DataFrame, rows with this ``family`` are ignore phrases (see :mod:`mediakit.lexicon`).
IGNORE_FAMILY = "_ignore"

_NAME_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")
_TERM_SHAPE = re.compile(r"[^\s-]+(?:[ -][^\s-]+)*\Z")
_HAS_WORD_CHAR = re.compile(r"\w")
#: What a lexicon looks like, appended to the messages of malformed ones.
SHAPE_HELP = (
    "Expected {family: {variant: [term, ...]}} (or the YAML form {families: {family: "
    "{variants: {variant: [term, ...]}}}}), or a table with columns family, variant, term; "
    "family and variant names are snake_case identifiers such as 'armed_opposition', terms are "
    "non-empty strings (or {term: ..., case_sensitive: true})."
)


@dataclass(frozen=True)
class Term:
    """One term of a lexicon.

    Parameters
    ----------
    family, variant : str
        Where the term belongs (snake_case identifiers).
    term : str
        The term, normalised: NFC, single spaces, straight apostrophes, ASCII hyphens, and
        lower case unless ``case_sensitive``.
    case_sensitive : bool
        Match only with this exact capitalisation.
    """

    family: str
    variant: str
    term: str
    case_sensitive: bool = False


class LexiconMatch(NamedTuple):
    """A match of a lexicon term in a text (``text[start:end] == match``)."""

    start: int
    end: int
    family: str
    variant: str
    term: str
    match: str


def term_key(term: str, case_sensitive: bool) -> str:
    """Identity of a term: separators removed (so "pro-life" == "pro life" == "prolife").

    Examples
    --------
    >>> term_key("Pro-Life", False) == term_key("pro life", False) == "prolife"
    True
    """
    key = term.replace(" ", "").replace("-", "")
    return key if case_sensitive else key.lower()


def normalize_term(raw: object, where: str) -> str:
    """Return ``raw`` normalised (NFC, single spaces, straight apostrophes, ASCII hyphens).

    Raises :class:`ValueError`, naming ``where``, if ``raw`` is not a word or phrase.

    Examples
    --------
    >>> normalize_term("  anti ‑ regime  forces’ ", "here")
    "anti-regime forces'"
    """
    if not isinstance(raw, str):
        raise ValueError(
            f"{where}: term {raw!r} is a {type(raw).__name__}; terms must be non-empty strings. "
            + SHAPE_HELP
        )
    t = unicodedata.normalize("NFC", raw)
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    t = " ".join(t.split())
    t = re.sub(r" ?- ?", "-", t)
    if not t:
        raise ValueError(f"{where}: empty term. " + SHAPE_HELP)
    if not _TERM_SHAPE.match(t) or not _HAS_WORD_CHAR.search(t):
        raise ValueError(
            f"{where}: term {raw!r} is not a word or phrase: a term needs a letter or digit, and "
            "cannot start or end with a hyphen or have two separators in a row."
        )
    return t


def check_name(name: object, what: str, where: str) -> str:
    """Return ``name`` if it is a snake_case identifier, else raise :class:`ValueError` (with a suggestion)."""
    if not isinstance(name, str) or not _NAME_RE.match(name):
        suggestion = ""
        if isinstance(name, str):
            s = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
            if s and s[0].isalpha():
                suggestion = f", e.g. {s!r}"
        raise ValueError(
            f"{where}: {what} name {name!r} is not a snake_case identifier (lower-case letters, "
            f"digits and single underscores, starting with a letter{suggestion}); names become "
            "column names."
        )
    return name

