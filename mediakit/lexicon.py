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
  :data:`mediakit._tokens.WORD_RE`: "regime" does not match "regimental", nor inside
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
word, built as a character trie so that alternatives never backtrack across each other. For a
text, a cheap byte-level tokenisation finds which first words occur at all, and only their
expressions run; they start with a literal, which the regex engine finds with a fast scan.
``benchmarks/bench_word_choice.py`` measures the throughput on AllSides articles.

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

import csv
import heapq
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, Union

import pandas as pd
import yaml

from mediakit._resources import read_resource_text

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

#: Name of the lexicon used when none is given.
DEFAULT_LEXICON = "framing"
#: The word-choice lexicons shipped in ``mediakit/lexicons/`` (``NAME.yaml``).
SHIPPED_LEXICONS = ("framing", "markers")
#: In a CSV file or DataFrame, rows with this ``family`` are ignore phrases (see module doc).
IGNORE_FAMILY = "_ignore"

_PACKAGE = "mediakit.lexicons"
_NAME_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")
_TERM_SHAPE = re.compile(r"[^\s-]+(?:[ -][^\s-]+)*\Z")
_HAS_WORD_CHAR = re.compile(r"\w")
_SHAPE_HELP = (
    "Expected {family: {variant: [term, ...]}} (or the YAML form {families: {family: "
    "{variants: {variant: [term, ...]}}}}), or a table with columns family, variant, term; "
    "family and variant names are snake_case identifiers such as 'armed_opposition', terms are "
    "non-empty strings (or {term: ..., case_sensitive: true})."
)

# A DataFrame, a mapping, a path, a shipped name, or a Lexicon.
LexiconSource = Union["Lexicon", Mapping[str, Any], pd.DataFrame, str, "os.PathLike[str]", None]


# --------------------------------------------------------------------------- data model


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


def _term_key(term: str, case_sensitive: bool) -> str:
    """Identity of a term: separators removed (so "pro-life" == "pro life" == "prolife")."""
    key = term.replace(" ", "").replace("-", "")
    return key if case_sensitive else key.lower()


def _normalize_term(raw: object, where: str) -> str:
    if not isinstance(raw, str):
        raise ValueError(
            f"{where}: term {raw!r} is a {type(raw).__name__}; terms must be non-empty strings. "
            + _SHAPE_HELP
        )
    t = unicodedata.normalize("NFC", raw)
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    t = " ".join(t.split())
    t = re.sub(r" ?- ?", "-", t)
    if not t:
        raise ValueError(f"{where}: empty term. " + _SHAPE_HELP)
    if not _TERM_SHAPE.match(t) or not _HAS_WORD_CHAR.search(t):
        raise ValueError(
            f"{where}: term {raw!r} is not a word or phrase: a term needs a letter or digit, and "
            "cannot start or end with a hyphen or have two separators in a row."
        )
    return t


def _check_name(name: object, what: str, where: str) -> str:
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


class Lexicon:
    """An immutable word-choice lexicon: families of variants of terms.

    Build one with :func:`load_lexicon`. A lexicon compiles its matcher once, on first use,
    and keeps it.

    Parameters
    ----------
    terms : iterable of Term
        The terms. A term (up to hyphens and spaces, and case unless case-sensitive) may
        appear once; listing it again in the same variant is harmless, in another variant is
        an error.
    ignore : iterable of str
        Phrases that are matched and then dropped (see the module documentation).
    name, description : str, optional
        For display.
    family_info : mapping, optional
        ``{family: {"description": ..., "source": ...}}``.

    Attributes
    ----------
    families : Mapping[str, Mapping[str, tuple[str, ...]]]
        ``{family: {variant: (term, ...)}}``, read-only, in file order.
    terms : tuple of Term
        Every term, in file order.
    ignore : tuple of str
        The ignore phrases.

    Examples
    --------
    >>> lex = load_lexicon({"estate_tax": {"estate_tax": ["estate tax"], "death_tax": ["death tax"]}})
    >>> lex
    Lexicon('custom': 1 families, 2 variants, 2 terms)
    >>> dict(lex.families["estate_tax"])
    {'estate_tax': ('estate tax',), 'death_tax': ('death tax',)}
    """

    def __init__(
        self,
        terms: Iterable[Term],
        *,
        ignore: Iterable[str] = (),
        name: str = "custom",
        description: str = "",
        family_info: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        seen: dict[str, Term] = {}
        kept: list[Term] = []
        for t in terms:
            where = f"family {t.family!r}, variant {t.variant!r}"
            _check_name(t.family, "family", f"family {t.family!r}")
            _check_name(t.variant, "variant", where)
            norm = _normalize_term(t.term, where)
            if not t.case_sensitive:
                norm = norm.lower()
            term = Term(t.family, t.variant, norm, bool(t.case_sensitive))
            key = _term_key(norm, term.case_sensitive)
            other = seen.get(key)
            if other is not None:
                if (other.family, other.variant) == (term.family, term.variant):
                    continue  # the same term twice in a variant (e.g. "pro-life" and "pro life")
                raise ValueError(
                    f"term {norm!r} is listed under both {other.family}/{other.variant} "
                    f"(as {other.term!r}) and {term.family}/{term.variant}; a term can belong to "
                    "one variant only."
                )
            seen[key] = term
            kept.append(term)
        if not kept:
            raise ValueError("the lexicon has no terms. " + _SHAPE_HELP)
        ignore_terms: list[str] = []
        ignore_keys: set[str] = set()
        for raw in ignore:
            norm = _normalize_term(raw, "ignore list").lower()
            key = _term_key(norm, False)
            if key in seen:
                t = seen[key]
                raise ValueError(
                    f"{norm!r} is both a term ({t.family}/{t.variant}) and an ignore phrase; "
                    "remove it from one of them."
                )
            if key not in ignore_keys:
                ignore_keys.add(key)
                ignore_terms.append(norm)

        families: dict[str, dict[str, list[str]]] = {}
        for t in kept:
            families.setdefault(t.family, {}).setdefault(t.variant, []).append(t.term)
        self._terms: tuple[Term, ...] = tuple(kept)
        self._ignore: tuple[str, ...] = tuple(ignore_terms)
        self._families = MappingProxyType(
            {f: MappingProxyType({v: tuple(ts) for v, ts in vs.items()}) for f, vs in families.items()}
        )
        self.name = name
        self.description = description
        info = family_info or {}
        self._family_info = {
            f: {k: str(v) for k, v in (info.get(f) or {}).items() if v is not None} for f in families
        }
        self._variant_keys: tuple[tuple[str, str], ...] = tuple(
            (f, v) for f, vs in families.items() for v in vs
        )
        vindex = {fv: i for i, fv in enumerate(self._variant_keys)}
        self._term_variant: tuple[int, ...] = tuple(vindex[(t.family, t.variant)] for t in kept)
        self._matcher: Matcher | None = None

    # ----------------------------------------------------------------- views

    @property
    def families(self) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
        """``{family: {variant: (term, ...)}}`` (read-only)."""
        return self._families

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term, in order."""
        return self._terms

    @property
    def ignore(self) -> tuple[str, ...]:
        """Phrases matched and then dropped."""
        return self._ignore

    @property
    def variant_keys(self) -> tuple[tuple[str, str], ...]:
        """Every ``(family, variant)`` pair, in order."""
        return self._variant_keys

    @property
    def term_variants(self) -> tuple[int, ...]:
        """For each term of :attr:`terms`, the position of its variant in :attr:`variant_keys`."""
        return self._term_variant

    def family_info(self, family: str) -> dict[str, str]:
        """Return the description and source notes of ``family`` (possibly empty)."""
        if family not in self._families:
            raise KeyError(f"no family {family!r}; families: {list(self._families)}")
        return dict(self._family_info.get(family, {}))

    def __len__(self) -> int:
        return len(self._terms)

    def __repr__(self) -> str:
        return (
            f"Lexicon({self.name!r}: {len(self._families)} families, "
            f"{len(self._variant_keys)} variants, {len(self._terms)} terms)"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return self._terms == other._terms and set(self._ignore) == set(other._ignore)

    def __hash__(self) -> int:
        return hash((self._terms, frozenset(self._ignore)))

    def __reduce__(self) -> tuple[Any, ...]:
        # picklable (for process pools) without the compiled matcher, which is rebuilt on use
        return (_rebuild_lexicon, (self._terms, self._ignore, self.name, self.description,
                                   self._family_info))

    def to_frame(self, *, ignore: bool = False) -> pd.DataFrame:
        """Return the lexicon as a tidy table, one row per term.

        Parameters
        ----------
        ignore : bool, default False
            Also return the ignore phrases, as rows with ``family == "_ignore"`` and an empty
            variant (``load_lexicon`` reads them back).

        Returns
        -------
        pandas.DataFrame
            Columns ``family, variant, term, case_sensitive``.

        Examples
        --------
        >>> load_lexicon().to_frame().query("family == 'state_government'").head(3)
                     family     variant            term  case_sensitive
        0  state_government      regime          regime           False
        1  state_government  government      government           False
        2  state_government  administration  administration           False
        """
        rows = [(t.family, t.variant, t.term, t.case_sensitive) for t in self._terms]
        if ignore:
            rows += [(IGNORE_FAMILY, "", t, False) for t in self._ignore]
        return pd.DataFrame(rows, columns=["family", "variant", "term", "case_sensitive"])

    def describe(self) -> pd.DataFrame:
        """Return one row per family: its description, source note, variants and term count.

        Examples
        --------
        >>> load_lexicon().describe().loc["estate_tax", "variants"]
        'estate_tax, death_tax, inheritance_tax'
        """
        rows = []
        for f, vs in self._families.items():
            info = self._family_info.get(f, {})
            rows.append({
                "family": f,
                "description": info.get("description", ""),
                "source": info.get("source", ""),
                "variants": ", ".join(vs),
                "n_terms": sum(len(ts) for ts in vs.values()),
            })
        return pd.DataFrame(rows).set_index("family")

    def select(self, families: str | Iterable[str]) -> Lexicon:
        """Return a lexicon with only the given families (the ignore list is kept).

        Examples
        --------
        >>> load_lexicon().select(["estate_tax", "climate_labels"])
        Lexicon('framing': 2 families, 7 variants, 10 terms)
        """
        wanted = [families] if isinstance(families, str) else list(families)
        unknown = [f for f in wanted if f not in self._families]
        if unknown:
            raise KeyError(f"no families {unknown}; families: {list(self._families)}")
        keep = set(wanted)
        return Lexicon(
            [t for t in self._terms if t.family in keep],
            ignore=self._ignore,
            name=self.name,
            description=self.description,
            family_info={f: self._family_info.get(f, {}) for f in wanted},
        )

    # ----------------------------------------------------------------- matching

    def matcher(self) -> Matcher:
        """Return the compiled matcher (built on first use, then cached; equal lexicons share it)."""
        if self._matcher is None:
            spec = tuple((t.term, t.case_sensitive) for t in self._terms) + tuple(
                (t, False) for t in self._ignore
            )
            self._matcher = _compile_matcher(spec, len(self._terms))
        return self._matcher

    def find(self, text: str | None) -> list[LexiconMatch]:
        """Return the matches of this lexicon's terms in ``text``, left to right.

        Parameters
        ----------
        text : str or None
            Any text; ``None`` or an empty string has no matches.

        Returns
        -------
        list of LexiconMatch
            ``(start, end, family, variant, term, match)`` with ``text[start:end] == match``.

        Examples
        --------
        >>> lex = load_lexicon()
        >>> [(m.term, m.match) for m in lex.find("The REGIMES\u2019 forces and opposition  fighters")]
        [('regime', 'REGIMES'), ('opposition fighter', 'opposition  fighters')]
        """
        if not isinstance(text, str) or not text:
            return []
        terms = self._terms
        out = []
        for start, end, i in self.matcher().find(text):
            t = terms[i]
            out.append(LexiconMatch(start, end, t.family, t.variant, t.term, text[start:end]))
        return out


def _rebuild_lexicon(terms: tuple[Term, ...], ignore: tuple[str, ...], name: str, description: str,
                     family_info: Mapping[str, Mapping[str, str]]) -> Lexicon:
    return Lexicon(terms, ignore=ignore, name=name, description=description, family_info=family_info)


# --------------------------------------------------------------------------- matcher

_SEP = r"(?:\s+|[\-\u2010\u2011])"
_JOINERS = "\\-\u2010\u2011'\u2019"
_RIGHT = r"(?:['\u2019][sS])?(?!\w)(?![" + _JOINERS + r"]\w)"
_SEP_SYMBOL = "\x00"
_KEY_STRIP = re.compile(r"[\s\-\u2010\u2011]+")
# bytes -> ASCII letters (lower-cased) and digits kept, everything else (incl. UTF-8 bytes) a space
_TOKEN_TABLE = bytes(
    c if (48 <= c <= 57 or 97 <= c <= 122) else (c + 32 if 65 <= c <= 90 else 32) for c in range(256)
)


def _lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer stay as they are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


class PreparedText(NamedTuple):
    """A text with what every matcher needs from it, computed once (see :meth:`Matcher.find`)."""

    text: str
    lower: str
    tokens: Sequence[bytes]


def prepare(text: str) -> PreparedText:
    """Lower-case ``text`` (same length) and collect its ASCII word tokens, for :meth:`Matcher.find`."""
    low = _lower_same_length(text)
    return PreparedText(text, low, _ascii_tokens(low))


def _plural(word: str) -> str | None:
    if not word or not word[-1].isalpha():
        return None
    lw = word.lower()
    if lw.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(lw) > 1 and lw[-1] == "y" and lw[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _surfaces(term: str) -> list[tuple[str, ...]]:
    """Every spelling of ``term`` the trie must hold, as component tuples.

    Components are joined by a separator symbol (white space or hyphen in the text). A hyphen
    may also be dropped ("anti-regime" -> "antiregime"), and the last component may take its
    plural.
    """
    parts = re.split(r"([ -])", term)
    words, seps = parts[0::2], parts[1::2]
    spellings: list[list[str]] = [[words[0]]]
    for sep, word in zip(seps, words[1:]):
        nxt = []
        for sp in spellings:
            nxt.append(sp + [word])
            if sep == "-":
                nxt.append(sp[:-1] + [sp[-1] + word])
        spellings = nxt
    out: list[tuple[str, ...]] = []
    for sp in spellings:
        out.append(tuple(sp))
        plural = _plural(sp[-1])
        if plural is not None:
            out.append(tuple(sp[:-1]) + (plural,))
    return out


def _ascii_tokens(text: str) -> list[bytes]:
    """The lower-cased ASCII letter-and-digit runs of ``text``, as bytes, in order."""
    return text.encode("utf-8", "surrogatepass").translate(_TOKEN_TABLE).split()


def _surface_tokens(surface: tuple[str, ...]) -> frozenset[bytes]:
    """The tokens (as :func:`prepare` makes them) that a text must have where ``surface`` occurs.

    Components are separated by white space or hyphens in a match, so each one's ASCII runs
    are tokens of the text; a possessive only adds a token. Empty when the spelling has no
    ASCII letter or digit: such a pattern runs on every text.
    """
    return frozenset(_ascii_tokens(_lower_same_length(" ".join(surface))))


def _render_char(c: str) -> str:
    if c == "'":
        return "['\u2019]"
    return re.escape(c)


def _render(node: dict[str, Any]) -> str:
    terminal = None in node
    alts = []
    for sym in sorted(k for k in node if k is not None):
        head = _SEP if sym == _SEP_SYMBOL else _render_char(sym)
        alts.append(head + _render(node[sym]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if terminal:
        return ("(?:" + body + ")?") if len(alts) > 1 or len(body) > 1 else body + "?"
    return body


@dataclass(frozen=True)
class _Group:
    regex: re.Pattern[str]
    case_sensitive: bool
    lookup: Mapping[str, int]
    seen: dict[str, int] = field(default_factory=dict)  # matched text -> term (a cache)


class Matcher:
    """A compiled lexicon: finds non-overlapping, leftmost-longest term matches.

    Get one from :meth:`Lexicon.matcher`; :meth:`find` returns ``(start, end, term_index)``
    triples, where ``term_index`` indexes :attr:`Lexicon.terms`.
    """

    def __init__(self, spec: Sequence[tuple[str, bool]], n_terms: int) -> None:
        groups: dict[tuple[str, bool], list[tuple[int, tuple[str, ...]]]] = {}
        lookups: dict[tuple[str, bool], dict[str, int]] = {}
        keys: dict[tuple[str, bool], set[frozenset[bytes]]] = {}
        # A listed spelling beats a generated plural: "rebels", if listed, is never the
        # plural of "rebel". Generated plurals that collide with a listed term are left out.
        listed = {_term_key(term, cs) for term, cs in spec}
        for i, (term, cs) in enumerate(spec):
            gkey = (re.split(r"[ -]", term, maxsplit=1)[0].lower(), cs)
            bucket = groups.setdefault(gkey, [])
            lookup = lookups.setdefault(gkey, {})
            kset = keys.setdefault(gkey, set())
            own = _term_key(term, cs)
            for surface in _surfaces(term):
                joined = "".join(surface)
                key = joined if cs else joined.lower()
                if key != own and key in listed:
                    continue
                lookup.setdefault(key, i)
                bucket.append((i, surface))
                kset.add(_surface_tokens(surface))
        self._n_terms = n_terms
        self._groups: list[_Group] = []
        key_groups: dict[bytes, dict[tuple[int, frozenset[bytes]], None]] = {}
        always: list[int] = []
        for gkey, items in groups.items():
            cs = gkey[1]
            trie: dict[Any, Any] = {}
            for _, surface in items:
                node = trie
                for k, comp in enumerate(surface):
                    if k:
                        node = node.setdefault(_SEP_SYMBOL, {})
                    for ch in comp if cs else comp.lower():
                        node = node.setdefault(ch, {})
                node[None] = True
            # literal prefix shared by every spelling, then the left-boundary check
            prefix = []
            node = trie
            while None not in node and len(node) == 1:
                (sym,) = node
                if sym == _SEP_SYMBOL:
                    break
                prefix.append(sym)
                node = node[sym]
            width = len(prefix)
            if width:
                left = r"(?<!\w[\s\S]{%d})(?<!\w[%s][\s\S]{%d})" % (width, _JOINERS, width)
            else:
                left = r"(?<!\w)(?<!\w[%s])" % _JOINERS
            pattern = "".join(_render_char(c) for c in prefix) + left + _render(node) + _RIGHT
            gid = len(self._groups)
            self._groups.append(_Group(re.compile(pattern), cs, MappingProxyType(lookups[gkey])))
            for tokens in keys[gkey]:
                if not tokens:
                    always.append(gid)
                    continue
                # anchor on the longest token (likely the rarest); the others must be there too
                anchor = max(sorted(tokens), key=len)
                key_groups.setdefault(anchor, {})[(gid, tokens - {anchor})] = None
        # single-token spellings first: they need no subset test
        self._key_groups = {
            k: tuple(sorted(v, key=lambda gr: (len(gr[1]), gr[0]))) for k, v in key_groups.items()
        }
        # every token any pattern needs: what a text's tokens are intersected with
        self._wanted = frozenset(self._key_groups).union(
            *(rest for pairs in self._key_groups.values() for _, rest in pairs)
        )
        self._always = tuple(sorted(set(always)))

    @property
    def n_patterns(self) -> int:
        """Number of compiled regular expressions (one per distinct first word)."""
        return len(self._groups)

    def _candidates(self, prepared: PreparedText) -> set[int]:
        gids = set(self._always)
        key_groups = self._key_groups
        present = self._wanted.intersection(prepared.tokens)
        for k in present:
            pairs = key_groups.get(k)
            if pairs is None:
                continue
            for gid, rest in pairs:
                if gid not in gids and (not rest or rest <= present):
                    gids.add(gid)
        return gids

    def _term_of(self, group: _Group, matched: str) -> int:
        i = group.seen.get(matched)
        if i is not None:
            return i
        key = _KEY_STRIP.sub("", matched.replace("\u2019", "'"))
        if not group.case_sensitive:
            key = key.lower()
        i = group.lookup.get(key)
        if i is None and key[-2:] in ("'s", "'S"):
            i = group.lookup.get(key[:-2])
        if i is None:  # pragma: no cover - every spelling in the regex is in the lookup
            raise AssertionError(f"matched {matched!r} but no term has that spelling")
        if len(group.seen) > 4096:
            group.seen.clear()
        group.seen[matched] = i
        return i

    def find(self, text: str | PreparedText) -> list[tuple[int, int, int]]:
        """Return ``(start, end, term_index)`` for every match in ``text``, left to right.

        Matches never overlap: at each position the longest term wins, and matching resumes
        after it. Matches of ignore phrases are removed after this competition.

        Parameters
        ----------
        text : str or PreparedText
            The text, or :func:`prepare` of it (to share the preparation between matchers).
        """
        prepared = text if isinstance(text, PreparedText) else prepare(text)
        if not prepared.text:
            return []
        gids = self._candidates(prepared)
        if not gids:
            return []
        groups = self._groups
        original, low = prepared.text, prepared.lower
        hits: list[tuple[int, int, int, str]] = []
        for gid in gids:
            g = groups[gid]
            for m in g.regex.finditer(original if g.case_sensitive else low):
                hits.append((m.start(), -m.end(), gid, m.group()))
        if not hits:
            return []
        hits.sort()
        frontier = 0
        chosen: list[tuple[int, int, int, str]] = []
        for hit in hits:
            if hit[0] < frontier:
                # overlap between patterns: redo this text with the exact (heap) procedure
                chosen = self._resolve(gids, original, low)
                break
            chosen.append(hit)
            frontier = -hit[1]
        out = []
        n = self._n_terms
        for start, neg_end, gid, matched in chosen:
            i = self._term_of(groups[gid], matched)
            if i < n:
                out.append((start, -neg_end, i))
        return out

    def _resolve(self, gids: Iterable[int], original: str, low: str) -> list[tuple[int, int, int, str]]:
        """Leftmost-longest selection across patterns when their matches overlap.

        Every pattern keeps its next match (searched from the current frontier) in a heap; the
        earliest (then longest) is taken if it starts at or after the frontier, and the pattern
        is searched again from the new frontier.
        """
        groups = self._groups
        heap: list[tuple[int, int, int, str]] = []
        for gid in gids:
            g = groups[gid]
            m = g.regex.search(original if g.case_sensitive else low)
            if m:
                heap.append((m.start(), -m.end(), gid, m.group()))
        heapq.heapify(heap)
        frontier = 0
        chosen = []
        while heap:
            hit = heapq.heappop(heap)
            if hit[0] >= frontier:
                chosen.append(hit)
                frontier = -hit[1]
            g = groups[hit[2]]
            m = g.regex.search(original if g.case_sensitive else low, frontier)
            if m:
                heapq.heappush(heap, (m.start(), -m.end(), hit[2], m.group()))
        return chosen


@lru_cache(maxsize=32)
def _compile_matcher(spec: tuple[tuple[str, bool], ...], n_terms: int) -> Matcher:
    return Matcher(spec, n_terms)


# --------------------------------------------------------------------------- loading


def available_lexicons() -> list[str]:
    """Return the names of the lexicons shipped with mediakit.

    A shipped lexicon ``NAME`` is the file ``mediakit/lexicons/NAME.yaml``, registered in
    :data:`SHIPPED_LEXICONS` (other data files in that folder, such as the attribution cues,
    have formats of their own).

    Examples
    --------
    >>> available_lexicons()
    ['framing', 'markers']
    """
    root = resources.files(_PACKAGE)
    return [name for name in SHIPPED_LEXICONS if root.joinpath(f"{name}.yaml").is_file()]


@lru_cache(maxsize=None)
def _shipped(name: str) -> Lexicon:
    text = read_resource_text(_PACKAGE, f"{name}.yaml")
    return _from_yaml_text(text, where=f"shipped lexicon {name!r}", default_name=name)


def _from_yaml_text(text: str, *, where: str, default_name: str) -> Lexicon:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ValueError(f"{where}: not valid YAML: {exc}") from None
    return _from_mapping(data, where=where, default_name=default_name)


def _terms_of_list(values: object, family: str, variant: str, where: str) -> Iterator[Term]:
    loc = f"{where}: family {family!r}, variant {variant!r}"
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, (list, tuple)):
        raise ValueError(
            f"{loc}: expected a list of terms, got {type(values).__name__} {values!r}. " + _SHAPE_HELP
        )
    if not values:
        raise ValueError(f"{loc}: the variant has no terms. " + _SHAPE_HELP)
    for k, item in enumerate(values):
        cs = False
        if isinstance(item, Mapping):
            extra = set(item) - {"term", "case_sensitive"}
            if "term" not in item or extra:
                raise ValueError(
                    f"{loc}: term {k + 1} is {dict(item)!r}; a term is a string or "
                    "{term: ..., case_sensitive: true|false}."
                )
            cs = item.get("case_sensitive", False)
            if not isinstance(cs, bool):
                raise ValueError(f"{loc}: case_sensitive of term {k + 1} must be true or false, got {cs!r}")
            item = item["term"]
        if not isinstance(item, str):
            raise ValueError(
                f"{loc}: term {k + 1} is {item!r} ({type(item).__name__}); terms must be "
                "non-empty strings. " + _SHAPE_HELP
            )
        _normalize_term(item, loc)
        yield Term(family, variant, item, cs)


def _from_mapping(data: object, *, where: str, default_name: str) -> Lexicon:
    if not isinstance(data, Mapping):
        raise ValueError(
            f"{where}: a lexicon must be a mapping, got {type(data).__name__}. " + _SHAPE_HELP
        )
    name, description, ignore = default_name, "", []
    families = data
    if "families" in data and isinstance(data["families"], Mapping):
        extra = set(data) - {"families", "name", "description", "ignore"}
        if extra:
            raise ValueError(
                f"{where}: unknown top-level keys {sorted(extra)}; expected families, name, "
                "description, ignore."
            )
        families = data["families"]
        name = str(data.get("name") or default_name)
        description = str(data.get("description") or "")
        raw_ignore = data.get("ignore") or []
        if not isinstance(raw_ignore, list) or not all(isinstance(x, str) for x in raw_ignore):
            raise ValueError(f"{where}: 'ignore' must be a list of phrases (strings).")
        ignore = raw_ignore
    if not families:
        raise ValueError(f"{where}: the lexicon has no families. " + _SHAPE_HELP)
    terms: list[Term] = []
    info: dict[str, dict[str, str]] = {}
    for family, body in families.items():
        _check_name(family, "family", where)
        if not isinstance(body, Mapping):
            raise ValueError(
                f"{where}: family {family!r} must map variant names to lists of terms, got "
                f"{type(body).__name__} {body!r}. " + _SHAPE_HELP
            )
        variants = body
        if "variants" in body and isinstance(body["variants"], Mapping):
            extra = set(body) - {"variants", "description", "source"}
            if extra:
                raise ValueError(
                    f"{where}: family {family!r} has unknown keys {sorted(extra)}; expected "
                    "variants, description, source."
                )
            variants = body["variants"]
            info[family] = {k: str(body[k]) for k in ("description", "source") if body.get(k)}
        if not variants:
            raise ValueError(f"{where}: family {family!r} has no variants. " + _SHAPE_HELP)
        for variant, values in variants.items():
            _check_name(variant, "variant", f"{where}: family {family!r}")
            terms.extend(_terms_of_list(values, family, variant, where))
    try:
        return Lexicon(terms, ignore=ignore, name=name, description=description, family_info=info)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def _truthy(value: object, where: str) -> bool:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return False
    if isinstance(value, bool):
        return value
    s = str(value).strip().lower()
    if s in ("", "0", "false", "no", "n", "f"):
        return False
    if s in ("1", "true", "yes", "y", "t"):
        return True
    raise ValueError(f"{where}: case_sensitive must be true or false, got {value!r}")


def _from_rows(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, where: str, default_name: str) -> Lexicon:
    missing = [c for c in ("family", "variant", "term") if c not in columns]
    if missing:
        raise ValueError(
            f"{where}: a lexicon table needs columns family, variant, term (and optionally "
            f"case_sensitive); missing {missing}, found {list(columns)}."
        )
    terms: list[Term] = []
    ignore: list[str] = []
    for n, row in enumerate(rows, start=1):
        loc = f"{where}, row {n}"
        family, variant, term = row.get("family"), row.get("variant"), row.get("term")
        if isinstance(family, str):
            family = family.strip()
        if family == IGNORE_FAMILY:
            ignore.append(_normalize_term(term, loc))
            continue
        if isinstance(variant, str):
            variant = variant.strip()
        _check_name(family, "family", loc)
        _check_name(variant, "variant", f"{loc}, family {family!r}")
        _normalize_term(term, f"{loc}, family {family!r}, variant {variant!r}")
        cs = _truthy(row.get("case_sensitive"), loc)
        terms.append(Term(str(family), str(variant), str(term), cs))
    try:
        return Lexicon(terms, ignore=ignore, name=default_name)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def _from_path(path: Path) -> Lexicon:
    if not path.is_file():
        raise FileNotFoundError(f"lexicon file not found: {path}")
    suffix = path.suffix.lower()
    where = str(path)
    if suffix in (".yaml", ".yml"):
        return _from_yaml_text(path.read_text(encoding="utf-8-sig"), where=where, default_name=path.stem)
    if suffix in (".csv", ".tsv"):
        text = path.read_text(encoding="utf-8-sig")
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t" if suffix == ".tsv" else ",")
        rows = list(reader)
        return _from_rows(rows, [c.strip() for c in reader.fieldnames or []], where=where,
                          default_name=path.stem)
    raise ValueError(f"{where}: unsupported lexicon file type {suffix!r}; use .yaml, .yml, .csv or .tsv")


def _coerce(source: LexiconSource) -> Lexicon:
    if source is None:
        return _shipped(DEFAULT_LEXICON)
    if isinstance(source, Lexicon):
        return source
    if isinstance(source, pd.DataFrame):
        cols = [str(c) for c in source.columns]
        frame = source.rename(columns=dict(zip(source.columns, cols)))
        return _from_rows(frame.to_dict("records"), cols, where="lexicon DataFrame", default_name="custom")
    if isinstance(source, Mapping):
        return _from_mapping(source, where="lexicon dict", default_name="custom")
    if isinstance(source, str):
        known = available_lexicons()
        if source in known:
            return _shipped(source)
        path = Path(source).expanduser()
        if path.suffix.lower() in (".yaml", ".yml", ".csv", ".tsv") or path.exists() or os.sep in source:
            return _from_path(path)
        raise ValueError(
            f"unknown lexicon {source!r}; shipped lexicons are {known}, or give the path of a "
            "YAML or CSV file, a dict or a DataFrame."
        )
    if isinstance(source, os.PathLike):
        return _from_path(Path(source))
    raise TypeError(
        f"cannot make a lexicon from {type(source).__name__}; give None, a shipped name "
        f"({available_lexicons()}), a path, a dict, a DataFrame or a Lexicon."
    )


def _merge(base: Lexicon, user: Lexicon) -> Lexicon:
    user_keys = {_term_key(t.term, t.case_sensitive): t for t in user.terms}
    terms = [t for t in base.terms if _term_key(t.term, t.case_sensitive) not in user_keys]
    terms += list(user.terms)
    ignore = [p for p in base.ignore + user.ignore if _term_key(p, False) not in user_keys]
    info = {f: base.family_info(f) for f in base.families}
    for f in user.families:
        info.setdefault(f, {}).update(user.family_info(f))
    return Lexicon(terms, ignore=ignore, name=f"{base.name}+{user.name}",
                   description=base.description, family_info=info)


def load_lexicon(source: LexiconSource = None, *, extend: bool | str = False) -> Lexicon:
    """Load a lexicon.

    Parameters
    ----------
    source : None, str, path, dict, DataFrame or Lexicon
        - ``None``: the default shipped lexicon, ``"framing"``.
        - A shipped name (see :func:`available_lexicons`), e.g. ``"markers"``.
        - A path to a YAML file (the format of the shipped ones: ``{family: {variant:
          [terms]}}``, or ``{name, description, ignore: [phrases], families: {family:
          {description, source, variants: {variant: [terms]}}}}``) or to a CSV/TSV file with
          columns ``family, variant, term`` and optionally ``case_sensitive``; lines starting
          with ``#`` are comments; rows whose family is ``_ignore`` are ignore phrases.
        - A dict ``{family: {variant: [term, ...]}}``; a term may also be
          ``{"term": "ACA", "case_sensitive": True}``.
        - A DataFrame with the CSV's columns.
    extend : bool or str, default False
        Merge ``source`` over a shipped lexicon: ``True`` for the default one, or its name. New
        families and variants are added, terms are added to existing variants, and a term the
        shipped lexicon files elsewhere moves to where ``source`` puts it.

    Returns
    -------
    Lexicon

    Raises
    ------
    ValueError
        If the lexicon is malformed (the message names the family, variant, term or row, and
        the expected shape), or ``source`` is an unknown name (the message lists the shipped
        ones).
    FileNotFoundError
        If a path does not exist.

    Examples
    --------
    >>> load_lexicon()
    Lexicon('framing': ... families, ... variants, ... terms)
    >>> mine = load_lexicon({"state_government": {"junta": ["military council"]}}, extend=True)
    >>> mine.families["state_government"]["junta"]
    ('junta', 'military junta', 'military council')
    >>> load_lexicon("nope")
    Traceback (most recent call last):
    ...
    ValueError: unknown lexicon 'nope'; shipped lexicons are ['framing', 'markers'], ...
    """
    lex = _coerce(source)
    if extend:
        base_name = DEFAULT_LEXICON if extend is True else extend
        if not isinstance(base_name, str):
            raise TypeError(f"extend must be True, False or a shipped lexicon name, got {extend!r}")
        base = _coerce(base_name)
        if base is not lex:
            lex = _merge(base, lex)
    return lex
