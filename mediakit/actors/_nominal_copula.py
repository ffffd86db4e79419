"""Copular gaps between a name and a description ("is", "is not", "had long been")."""

from __future__ import annotations

from ._lexicon import nominal_lexicon

__all__ = ["copular"]

_AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "may", "might", "could", "must", "should", "can",
                          "to", "be", "been", "is", "was"})
_COPULA_ADVERBS = frozenset({"also", "now", "once", "still", "already", "currently", "not", "never", "long", "always",
                             "really", "just", "only", "clearly", "truly", "widely", "indeed"})


def copular(gap: str) -> bool:
    """Is ``gap`` (between a name and a description) a copula: "is", "is not", "had long been"?

    Examples
    --------
    >>> copular(" had long been "), copular(" said ")
    (True, False)
    """
    words = gap.lower().split()
    if not 1 <= len(words) <= 4 or gap[:1].strip() or gap[-1:].strip():
        return False
    verbs = [w for w in words if w not in _COPULA_ADVERBS]
    cop = nominal_lexicon()["copulas"] | {"been", "be"}
    return bool(verbs) and verbs[-1] in cop and all(w in _AUXILIARIES for w in verbs[:-1])
