"""brat standoff annotations (``.ann`` files): text-bound spans and events."""

from __future__ import annotations

import re

__all__ = ["parse_brat", "fragment_texts", "Spans", "Events"]

_BRAT_RECORD = re.compile(r"\n(?=[TE#]\d+\t)")

#: ``T<n>`` -> ``(label, [(start, end), ...], annotated text)``
Spans = dict[str, tuple[str, list[tuple[int, int]], str]]
#: ``[(E<n>, [(role, T<n>), ...]), ...]``, the trigger first
Events = list[tuple[str, list[tuple[str, str]]]]


def parse_brat(content: str) -> tuple[Spans, Events, list[tuple[str, str]]]:
    """Parse brat standoff into text-bound spans, events and problems.

    Returns ``(spans, events, problems)``: ``spans`` maps ``T<n>`` to
    ``(label, fragments, text)``; ``events`` lists ``(E<n>, [(role, T<n>), ...])``
    with the trigger first; ``problems`` lists ``(record id, reason)`` for the
    records that were skipped.

    Examples
    --------
    >>> spans, events, problems = parse_brat("T1\\tCue 4 8\\tsaid\\nE1\\tAttribution:T1 Cue:T1\\nT2\\tSource 9 x\\tbad\\n")
    >>> spans, events
    ({'T1': ('Cue', [(4, 8)], 'said')}, [('E1', [('Attribution', 'T1'), ('Cue', 'T1')])])
    >>> problems
    [('T2', "bad offsets '9 x'")]
    """
    if content.endswith("\n"):
        content = content[:-1]
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    problems: list[tuple[str, str]] = []
    for record in _BRAT_RECORD.split(content):
        if not record.strip():
            continue
        rid = record.split("\t", 1)[0].strip()[:20]
        kind = rid[:1]
        if kind == "#":
            continue
        if kind == "T" and rid[1:].isdigit():
            parts = record.split("\t", 2)
            if len(parts) < 3:
                problems.append((rid, "span record without tab-separated text"))
                continue
            label, _, offsets = parts[1].partition(" ")
            try:
                frags = [(int(a), int(b)) for a, b in (f.split() for f in offsets.split(";"))]
            except ValueError:
                problems.append((rid, f"bad offsets {offsets!r}"))
                continue
            if not label or any(a < 0 or b < a for a, b in frags):
                problems.append((rid, f"bad label or offsets {parts[1]!r}"))
                continue
            spans[rid] = (label, frags, parts[2])
        elif kind == "E" and rid[1:].isdigit():
            parts = record.split("\t")
            args = parts[1].split() if len(parts) > 1 else []
            pairs = [tuple(a.split(":", 1)) for a in args]
            if not pairs or any(len(p) != 2 or not p[0] or not p[1] for p in pairs):
                problems.append((rid, f"bad event arguments {record[len(rid):].strip()[:60]!r}"))
                continue
            events.append((rid, [(p[0], p[1]) for p in pairs]))
        else:
            problems.append((rid, f"unknown record {record[:40]!r}"))
    return spans, events, problems


def fragment_texts(frags: list[tuple[int, int]], span_text: str,
                    text: str) -> list[tuple[tuple[int, int], str]]:
    """Pair each fragment with its text, cut from the span text of the ``.ann`` file.

    brat writes a discontinuous span's fragments in annotation order, joined by
    one space; the pieces are cut by length. If the lengths do not add up, the
    article text at the offsets is used instead.

    Examples
    --------
    >>> fragment_texts([(0, 3), (8, 11)], "The end", "The big end")
    [((0, 3), 'The'), ((8, 11), 'end')]
    """
    if len(span_text) == sum(b - a for a, b in frags) + len(frags) - 1:
        out, pos = [], 0
        for a, b in frags:
            out.append(((a, b), span_text[pos:pos + b - a]))
            pos += b - a + 1
        return out
    return [((a, b), text[a:b]) for a, b in frags]
