"""A set of actors: canonical names, their variants, and which variant names whom."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ._lexicon import actor_lexicon, norm_word
from ._names import surname_forms

__all__ = ["Actors", "actors_from_user", "build_actors"]


@dataclass(frozen=True)
class Actors:
    """Canonical name -> variants, and variant -> canonical names (ambiguous surnames map to several)."""

    variants: dict[str, tuple[str, ...]]
    by_variant: dict[str, tuple[str, ...]]
    multiword: frozenset[str]  # canonicals with more than one word
    weight: dict[str, int]  # corpus frequency, to break ties between canonicals
    anchored: bool = False  # a surname alone counts only in articles that name the person fully


def build_actors(variants: dict[str, list[str]], weight: dict[str, int], anchored: bool = False) -> Actors:
    """The :class:`Actors` of ``{canonical: [variants]}`` with corpus ``weight`` per canonical name."""
    by_variant: dict[str, list[str]] = defaultdict(list)
    for canon, vs in variants.items():
        for v in vs:
            if canon not in by_variant[v]:
                by_variant[v].append(canon)
    return Actors(
        variants={c: tuple(v) for c, v in variants.items()},
        by_variant={v: tuple(cs) for v, cs in by_variant.items()},
        multiword=frozenset(c for c in variants if len(c.split()) > 1),
        weight=dict(weight),
        anchored=anchored,
    )


def _check_name(canon: object, func: str) -> None:
    if not isinstance(canon, str) or not canon.strip():
        raise ValueError(f"{func}(): actor names must be non-empty strings, got {canon!r}")


def _variants_of_mapping(actors: Mapping[str, Iterable[str]], func: str) -> dict[str, list[str]]:
    """``{canonical: [variants]}`` given by the user: exactly those forms and the canonical name."""
    variants: dict[str, list[str]] = {}
    for canon, vs in actors.items():
        _check_name(canon, func)
        if isinstance(vs, str):
            vs = [vs]
        forms = [canon.strip()] + [v.strip() for v in vs if isinstance(v, str) and v.strip()]
        variants[canon.strip()] = list(dict.fromkeys(forms))
    return variants


def _variants_of_names(actors: Sequence[str], func: str) -> dict[str, list[str]]:
    """A list of names: each matched as written and by its last word ("Assad", "al-Assad")."""
    variants: dict[str, list[str]] = {}
    for canon in actors:
        _check_name(canon, func)
        canon = " ".join(canon.split())
        words = canon.split()
        forms = [canon]
        if len(words) > 1:
            last = words[-1]
            if norm_word(last) in actor_lexicon()["name_suffixes"] and len(words) > 2:
                last = words[-2]
            forms += surname_forms(last)
        variants[canon] = list(dict.fromkeys(forms))
    return variants


def actors_from_user(actors: Sequence[str] | Mapping[str, Iterable[str]] | str, *,
                     func: str = "actor_labels") -> Actors:
    """The :class:`Actors` of the ``actors`` option (a name, a list of names or a dict)."""
    if isinstance(actors, str):
        actors = [actors]
    if isinstance(actors, Mapping):
        variants = _variants_of_mapping(actors, func)
    else:
        variants = _variants_of_names(actors, func)
    return build_actors(variants, {c: 0 for c in variants})
