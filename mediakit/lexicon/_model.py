"""The lexicon model: :class:`Lexicon`, an immutable set of families of variants of terms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import pandas as pd

from ._matcher import Matcher, compile_matcher
from ._terms import IGNORE_FAMILY, SHAPE_HELP, LexiconMatch, Term, check_name, normalize_term, term_key

__all__ = ["Lexicon"]


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
    >>> from mediakit.lexicon import load_lexicon
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
        kept, seen = _checked_terms(terms)
        ignore_terms = _checked_ignore(ignore, seen)

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
        >>> from mediakit.lexicon import load_lexicon
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
        >>> from mediakit.lexicon import load_lexicon
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
        >>> from mediakit.lexicon import load_lexicon
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
            self._matcher = compile_matcher(spec, len(self._terms))
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
        >>> from mediakit.lexicon import load_lexicon
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


def _checked_term(t: Term) -> Term:
    """``t`` with its names checked and its term normalised."""
    where = f"family {t.family!r}, variant {t.variant!r}"
    check_name(t.family, "family", f"family {t.family!r}")
    check_name(t.variant, "variant", where)
    norm = normalize_term(t.term, where)
    if not t.case_sensitive:
        norm = norm.lower()
    return Term(t.family, t.variant, norm, bool(t.case_sensitive))


def _checked_terms(terms: Iterable[Term]) -> tuple[list[Term], dict[str, Term]]:
    """The terms normalised, repeats within a variant dropped; and the terms by :func:`term_key`.

    Raises :class:`ValueError` if a term is in two variants or there is no term.
    """
    seen: dict[str, Term] = {}
    kept: list[Term] = []
    for t in terms:
        term = _checked_term(t)
        norm = term.term
        key = term_key(norm, term.case_sensitive)
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
        raise ValueError("the lexicon has no terms. " + SHAPE_HELP)
    return kept, seen


def _checked_ignore(ignore: Iterable[str], seen: Mapping[str, Term]) -> list[str]:
    """The ignore phrases normalised, repeats dropped; :class:`ValueError` if one is also a term."""
    ignore_terms: list[str] = []
    ignore_keys: set[str] = set()
    for raw in ignore:
        norm = normalize_term(raw, "ignore list").lower()
        key = term_key(norm, False)
        if key in seen:
            t = seen[key]
            raise ValueError(
                f"{norm!r} is both a term ({t.family}/{t.variant}) and an ignore phrase; "
                "remove it from one of them."
            )
        if key not in ignore_keys:
            ignore_keys.add(key)
            ignore_terms.append(norm)
    return ignore_terms
