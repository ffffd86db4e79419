"""Reading lexicons: the shipped ones by name, YAML and CSV/TSV files, dicts and DataFrames."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Union

import pandas as pd
import yaml

from mediakit._resources import read_resource_text

from ._model import Lexicon
from ._terms import IGNORE_FAMILY, SHAPE_HELP, Term, check_name, normalize_term, term_key

__all__ = ["DEFAULT_LEXICON", "SHIPPED_LEXICONS", "LexiconSource", "available_lexicons", "load_lexicon"]

#: Name of the lexicon used when none is given.
DEFAULT_LEXICON = "framing"
#: The word-choice lexicons shipped in ``mediakit/lexicons/`` (``NAME.yaml``).
SHIPPED_LEXICONS = ("framing", "markers")

_PACKAGE = "mediakit.lexicons"

# A DataFrame, a mapping, a path, a shipped name, or a Lexicon.
LexiconSource = Union[Lexicon, Mapping[str, Any], pd.DataFrame, str, "os.PathLike[str]", None]


def available_lexicons() -> list[str]:
    """Return the names of the lexicons shipped with mediakit.

    A shipped lexicon ``NAME`` is the file ``mediakit/lexicons/NAME.yaml``, registered in
    :data:`SHIPPED_LEXICONS` (other data files in that folder, such as the attribution cues,
    have formats of their own).

    Returns
    -------
    list of str
        The names :func:`load_lexicon` accepts for the shipped lexicons, in the order of
        :data:`SHIPPED_LEXICONS` (those whose file is present).

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
            f"{loc}: expected a list of terms, got {type(values).__name__} {values!r}. " + SHAPE_HELP
        )
    if not values:
        raise ValueError(f"{loc}: the variant has no terms. " + SHAPE_HELP)
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
                "non-empty strings. " + SHAPE_HELP
            )
        normalize_term(item, loc)
        yield Term(family, variant, item, cs)


def _from_mapping(data: object, *, where: str, default_name: str) -> Lexicon:
    if not isinstance(data, Mapping):
        raise ValueError(
            f"{where}: a lexicon must be a mapping, got {type(data).__name__}. " + SHAPE_HELP
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
        raise ValueError(f"{where}: the lexicon has no families. " + SHAPE_HELP)
    terms: list[Term] = []
    info: dict[str, dict[str, str]] = {}
    for family, body in families.items():
        check_name(family, "family", where)
        if not isinstance(body, Mapping):
            raise ValueError(
                f"{where}: family {family!r} must map variant names to lists of terms, got "
                f"{type(body).__name__} {body!r}. " + SHAPE_HELP
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
            raise ValueError(f"{where}: family {family!r} has no variants. " + SHAPE_HELP)
        for variant, values in variants.items():
            check_name(variant, "variant", f"{where}: family {family!r}")
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
            ignore.append(normalize_term(term, loc))
            continue
        if isinstance(variant, str):
            variant = variant.strip()
        check_name(family, "family", loc)
        check_name(variant, "variant", f"{loc}, family {family!r}")
        normalize_term(term, f"{loc}, family {family!r}, variant {variant!r}")
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
        frame = source.rename(columns=dict(zip(source.columns, cols, strict=True)))
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
    user_keys = {term_key(t.term, t.case_sensitive): t for t in user.terms}
    terms = [t for t in base.terms if term_key(t.term, t.case_sensitive) not in user_keys]
    terms += list(user.terms)
    ignore = [p for p in base.ignore + user.ignore if term_key(p, False) not in user_keys]
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

