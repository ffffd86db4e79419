"""(cue, source, content) triples of a text, for the attribution tests that read rules one example at a time."""

from __future__ import annotations

from mediakit.metrics.attribution import find_attributions
from mediakit.metrics.attribution._extract import find

Triple = tuple[str, str | None, str]


def triples(text: str) -> list[Triple]:
    """The attributions :func:`find_attributions` returns (rules, sources, learned filter)."""
    return [(a["cue_text"], a["source_text"], a["content_text"]) for a in find_attributions(text)]


def rule_triples(text: str) -> list[Triple]:
    """The candidates of the rules alone (no learned filter), with their spans read from ``text``."""
    found = find(text, learned_filter=False)
    if found is None:
        return []
    return [(text[a.cue[0]:a.cue[1]], text[a.source[0]:a.source[1]] if a.source else None,
             " ".join(text[s:e] for s, e in a.content)) for a in found[1]]
